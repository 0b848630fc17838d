/* aktivitas_teks.c: the activity list written straight to JSON text (issue 13).
 *
 * `GET /api/v1/aktivitas` spent about half its time building json_t rows with json_pack and
 * freeing them again; this writes the same bytes as json_dumps(aktivitas_list(...), JSON_COMPACT)
 * from the statement directly (tests/unit/test_aktivitas_teks.c compares the two).  Where the
 * json_t path would behave specially (a NULL in a required column, text that is not UTF-8,
 * which json_pack refuses) it answers 1 and the caller takes the json_t path.
 *
 * One pegawai's month (the month screen, bench g) is read without ORDER BY: SQLite would copy
 * every row's 23 columns into a sorter first, about a third of the query's time.  The rows come
 * in index order (pegawai, tanggal), each is written as it comes, and the written rows are put
 * in id order afterwards.  This answers only when the query returned fewer rows than it was
 * allowed (TANPA_URUT_MAKS), i.e. every match was seen; otherwise the sorted query runs.
 */
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "aktivitas_internal.h"
#include "util/json_teks.h"
#include "util/util.h"

/* Syntax as is; the common case (room left in the buffer) without a call. */
static inline void mentah(struct json_tulis *o, const char *s, size_t n)
{
  if (!o->rusak && o->n + n < o->cap) {
    memcpy(o->p + o->n, s, n);
    o->n += n;
  } else {
    json_tulis_mentah(o, s, n);
  }
}
#define M(o, lit) mentah(o, lit, sizeof lit - 1)

static void teks(struct json_tulis *o, struct db_stmt *st, int col)
{
  const char *s = db_col_text(st, col);
  if (!s) { o->rusak = 1; return; }
  json_tulis_string(o, s, strlen(s));
}

static void teks_opsional(struct json_tulis *o, struct db_stmt *st, int col)
{
  const char *s = db_col_text(st, col);   /* NULL for SQL NULL (or, in SQLite, no memory) */
  if (s) json_tulis_string(o, s, strlen(s));
  else if (db_col_is_null(st, col)) M(o, "null");
  else o->rusak = 1;
}

static void id_opsional(struct json_tulis *o, struct db_stmt *st, int col)
{
  int64_t v = db_col_int64(st, col);
  if (v) json_tulis_int(o, v);
  else M(o, "null");
}

/* One row, in akt_row's key order (aktivitas.c). */
static void baris_teks(struct json_tulis *o, struct db_stmt *st)
{
  M(o, "{\"id\":");
  json_tulis_int(o, db_col_int64(st, 0));
  M(o, ",\"pegawai\":{\"id\":");
  json_tulis_int(o, db_col_int64(st, 1));
  M(o, ",\"nip\":");
  teks(o, st, 2);
  M(o, ",\"nama\":");
  teks(o, st, 3);
  M(o, "},\"tanggal\":");
  teks(o, st, 4);
  M(o, ",\"menit\":");
  json_tulis_int(o, db_col_int64(st, 7));
  M(o, ",\"uraian\":");
  teks(o, st, 8);
  M(o, ",\"status\":");
  teks(o, st, 15);
  M(o, ",\"sumber\":");
  teks(o, st, 18);
  M(o, ",\"dibuat\":");
  json_tulis_int(o, db_col_int64(st, 19));
  M(o, ",\"diubah\":");
  json_tulis_int(o, db_col_int64(st, 20));
  M(o, ",\"jam_mulai\":");
  teks_opsional(o, st, 5);
  M(o, ",\"jam_selesai\":");
  teks_opsional(o, st, 6);
  M(o, ",\"kuantitas\":");
  teks_opsional(o, st, 9);
  M(o, ",\"satuan\":");
  teks_opsional(o, st, 10);
  M(o, ",\"lokasi\":");
  teks_opsional(o, st, 11);
  M(o, ",\"rhk\":");
  if (db_col_int64(st, 12)) {
    M(o, "{\"id\":");
    json_tulis_int(o, db_col_int64(st, 12));
    M(o, ",\"rhk\":");
    teks(o, st, 13);
    M(o, "}");
  } else {
    M(o, "null");
  }
  M(o, ",\"rencana_aksi_id\":");
  id_opsional(o, st, 14);
  M(o, ",\"catatan_review\":");
  teks_opsional(o, st, 16);
  M(o, ",\"direview\":");
  if (db_col_is_null(st, 17)) M(o, "null");
  else json_tulis_int(o, db_col_int64(st, 17));
  M(o, ",\"penilai_id\":");
  id_opsional(o, st, 21);
  M(o, ",\"skp_id\":");
  id_opsional(o, st, 22);
  M(o, "}");
}

/* Rows read without sorting at most; a query with more matches is sorted by SQL.  At most
 * HARI_TANPA_URUT days between dari and sampai, so that a long range does not read this many
 * rows only to start again. */
#define TANPA_URUT_MAKS 512
#define HARI_TANPA_URUT 62

/* Days since 1970-01-01 of a valid YYYY-MM-DD (H. Hinnant's days_from_civil). */
static long hari_ke(const char *s)
{
  long y = (s[0]-'0')*1000 + (s[1]-'0')*100 + (s[2]-'0')*10 + (s[3]-'0');
  long m = (s[5]-'0')*10 + (s[6]-'0'), d = (s[8]-'0')*10 + (s[9]-'0');
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

struct potong { int64_t id; size_t awal, n; };

static int id_turun(const void *a, const void *b)
{
  int64_t x = ((const struct potong *)a)->id, y = ((const struct potong *)b)->id;
  return x > y ? -1 : x < y;
}

/* The list read unsorted (see the top): 0 with the text, 1 for the json_t path, 2 when there
 * were too many rows (the sorted query answers), -1 on a database error (*bad set for a bad
 * filter). */
static int tanpa_urut(struct db *db, const struct aktivitas_query *q, const char **bad, char **out, size_t *len)
{
  struct db_stmt *st = aktivitas_list_siapkan(db, q, bad, TANPA_URUT_MAKS);
  if (!st) return -1;
  struct potong *ps = malloc(TANPA_URUT_MAKS * sizeof *ps);
  struct json_tulis o = {0};
  o.p = malloc(8192);   /* a month of one pegawai (~5.5 KB) without growing */
  o.cap = o.p ? 8192 : 0;
  if (!ps || !o.p) o.rusak = 1;
  int s = DB_DONE, n = 0;
  while (!o.rusak && (s = db_step(st)) == DB_ROW) {
    if (n == TANPA_URUT_MAKS) break;
    ps[n].id = db_col_int64(st, 0);
    ps[n].awal = o.n;
    baris_teks(&o, st);
    ps[n].n = o.n - ps[n].awal;
    n++;
  }
  db_done(st);
  int r = o.rusak ? 1 : s != DB_ROW && s != DB_DONE ? -1 : n == TANPA_URUT_MAKS ? 2 : 0;
  if (r != 0) { free(ps); free(json_tulis_selesai(&o, NULL)); return r; }
  qsort(ps, (size_t)n, sizeof *ps, id_turun);
  int k = n < q->limit ? n : q->limit;
  struct json_tulis h = {0};
  size_t perlu = 64;
  for (int i = 0; i < k; i++) perlu += ps[i].n + 1;
  h.p = malloc(perlu);
  h.cap = h.p ? perlu : 0;
  M(&h, "{\"items\":[");
  for (int i = 0; i < k; i++) {
    if (i) M(&h, ",");
    json_tulis_mentah(&h, o.p + ps[i].awal, ps[i].n);
  }
  M(&h, "],\"limit\":");
  json_tulis_int(&h, q->limit);
  M(&h, ",\"next_cursor\":");
  if (n > q->limit) {
    M(&h, "\"");
    json_tulis_int(&h, ps[k - 1].id);
    M(&h, "\"");
  } else {
    M(&h, "null");
  }
  M(&h, "}");
  free(ps);
  free(json_tulis_selesai(&o, NULL));
  *out = json_tulis_selesai(&h, len);
  return *out ? 0 : -1;
}

int aktivitas_list_teks(struct db *db, const struct aktivitas_query *q, const char **bad, char **out, size_t *len)
{
  *out = NULL;
  if (q->pegawai_id && q->dari && q->sampai && date_valid(q->dari) && date_valid(q->sampai) &&
      hari_ke(q->sampai) - hari_ke(q->dari) <= HARI_TANPA_URUT) {
    int r = tanpa_urut(db, q, bad, out, len);
    if (r != 2) return r;
  }
  struct db_stmt *st = aktivitas_list_siapkan(db, q, bad, 0);
  if (!st) return -1;
  struct json_tulis o = {0};
  o.p = malloc(8192);   /* a month of one pegawai (~5.5 KB) without growing */
  o.cap = o.p ? 8192 : 0;
  M(&o, "{\"items\":[");
  int s, n = 0;
  int64_t last = 0;
  bool more = false;
  while ((s = db_step(st)) == DB_ROW && !o.rusak) {
    if (n == q->limit) { more = true; break; }
    last = db_col_int64(st, 0);
    if (n) M(&o, ",");
    baris_teks(&o, st);
    n++;
  }
  db_done(st);
  if (o.rusak) { free(json_tulis_selesai(&o, NULL)); return 1; }
  if (s != DB_ROW && s != DB_DONE) { free(json_tulis_selesai(&o, NULL)); return -1; }
  M(&o, "],\"limit\":");
  json_tulis_int(&o, q->limit);
  M(&o, ",\"next_cursor\":");
  if (more) {
    M(&o, "\"");
    json_tulis_int(&o, last);
    M(&o, "\"");
  } else {
    M(&o, "null");
  }
  M(&o, "}");
  *out = json_tulis_selesai(&o, len);
  return *out ? 0 : 1;
}
