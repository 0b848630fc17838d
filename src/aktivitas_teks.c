/* aktivitas_teks.c: the activity list written straight to JSON text (issue 13).
 *
 * `GET /api/v1/aktivitas` spent about half its time building json_t rows with json_pack and
 * freeing them again; this writes the same bytes as json_dumps(aktivitas_list(...), JSON_COMPACT)
 * from the statement directly (tests/unit/test_aktivitas_teks.c compares the two).  Where the
 * json_t path would behave specially (a NULL in a required column, text that is not UTF-8,
 * which json_pack refuses) it answers 1 and the caller takes the json_t path.
 */
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "aktivitas_internal.h"
#include "util/json_teks.h"

#define M(o, lit) json_tulis_mentah(o, lit, sizeof lit - 1)

static void teks(struct json_tulis *o, struct db_stmt *st, int col)
{
  const char *s = db_col_text(st, col);
  if (!s) { o->rusak = 1; return; }
  json_tulis_string(o, s, strlen(s));
}

static void teks_opsional(struct json_tulis *o, struct db_stmt *st, int col)
{
  if (db_col_is_null(st, col)) M(o, "null");
  else teks(o, st, col);
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

int aktivitas_list_teks(struct db *db, const struct aktivitas_query *q, const char **bad, char **out, size_t *len)
{
  *out = NULL;
  struct db_stmt *st = aktivitas_list_siapkan(db, q, bad);
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
