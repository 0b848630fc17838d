/* dasbor_unit.c: the unit and instansi dashboard (see dasbor.h).
 *
 * The numbers are counted per unit with one grouped query each (restricted to the unit's
 * subtree by a recursive CTE when a unit is asked for), then added up the unit tree in memory,
 * so a drill-down row of any unit costs the same as the unit itself. */
#include "dasbor_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "penilaian.h"
#include "rules/kurva.h"
#include "rules/predikat.h"
#include "util/buf.h"
#include "util/util.h"

enum { S_PEGAWAI, S_SKP, S_CATAT, S_REALISASI, S_TUNGGU, S_JUMLAH };
enum { T_AKTIVITAS, T_MENIT, T_PEGAWAI, T_JUMLAH };
_Static_assert(S_JUMLAH + PREDIKAT_JUMLAH == DASBOR_ANGKA_N, "dasbor_angka holds langsung and pred_langsung");

struct unit {
  int64_t id, induk;
  char *nama;
  int org;                                     /* enum predikat_organisasi, -1 when not set */
  int64_t langsung[S_JUMLAH], total[S_JUMLAH];
  int64_t pred_langsung[PREDIKAT_JUMLAH], pred_total[PREDIKAT_JUMLAH];
  int64_t tren[12][T_JUMLAH];                  /* subtree */
};

struct pohon { struct unit *u; int n; };

static void pohon_bebas(struct pohon *t)
{
  for (int i = 0; i < t->n; i++) free(t->u[i].nama);
  free(t->u);
  t->u = NULL;
  t->n = 0;
}

static int cari(const struct pohon *t, int64_t id)
{
  int lo = 0, hi = t->n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (t->u[mid].id == id) return mid;
    if (t->u[mid].id < id) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

static int pohon_muat(struct db *db, int64_t instansi_id, struct pohon *t)
{
  t->u = NULL;
  t->n = 0;
  struct db_stmt *st = db_prepare(db, "SELECT id, COALESCE(induk_id, 0), nama FROM unit_kerja WHERE instansi_id = ?1 ORDER BY id");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  int cap = 0, s;
  while ((s = db_step(st)) == DB_ROW) {
    if (t->n == cap) {
      cap = cap ? cap * 2 : 64;
      void *p = realloc(t->u, (size_t)cap * sizeof *t->u);
      if (!p) { s = DB_ERROR; break; }
      t->u = p;
    }
    struct unit *u = &t->u[t->n];
    memset(u, 0, sizeof *u);
    u->id = db_col_int64(st, 0);
    u->induk = db_col_int64(st, 1);
    u->nama = strdup(db_col_text(st, 2));
    u->org = -1;
    if (!u->nama) { s = DB_ERROR; break; }
    t->n++;
  }
  db_done(st);
  if (s != DB_DONE) { pohon_bebas(t); return -1; }
  return 0;
}

/* Which pegawai a count covers: the instansi (?1), a unit's subtree (?2), or the pegawai of one
 * unit only (?2; the instansi scope's row of that unit, for dasbor_unit_angka.c). */
enum lingkup { L_INSTANSI, L_SUBTREE, L_SATU };

/* The SQL of a per-unit count: `body` contains @F where the pegawai filter goes. */
static struct db_stmt *siapkan(struct db *db, enum lingkup l, const char *body, char alias)
{
  bool sub = l == L_SUBTREE;
  struct buf b;
  buf_init(&b, 8192);
  int gagal = 0;
  if (sub) gagal |= buf_puts(&b, "WITH RECURSIVE sub(id) AS (SELECT ?2 UNION ALL"
                                 " SELECT u.id FROM unit_kerja u JOIN sub ON u.induk_id = sub.id) ");
  const char *at = strstr(body, "@F");
  if (!at) { buf_free(&b); return NULL; }
  gagal |= buf_append(&b, body, (size_t)(at - body));
  /* pegawai by their unit, so that the covering index (unit_kerja_id, aktif) answers the outer
   * loop (sql/021); a pegawai without a unit is in no row of the tree anyway */
  if (sub) gagal |= buf_printf(&b, "%c.unit_kerja_id IN (SELECT id FROM sub)", alias);
  else if (l == L_SATU && alias == 'p') gagal |= buf_puts(&b, "p.unit_kerja_id = ?2");
  else if (l == L_SATU) gagal |= buf_printf(&b, "%c.instansi_id = ?1 AND %c.unit_kerja_id = ?2", alias, alias);
  else if (alias == 'p') gagal |= buf_puts(&b, "p.unit_kerja_id IN (SELECT id FROM unit_kerja WHERE instansi_id = ?1)");
  else gagal |= buf_printf(&b, "%c.instansi_id = ?1", alias);
  gagal |= buf_puts(&b, at + 2);
  struct db_stmt *st = gagal ? NULL : db_prepare(db, b.data);
  buf_free(&b);
  return st;
}

struct ikat { int64_t instansi_id, unit_id, periode_id; const char *senin, *hari_ini; int bulan_lalu; const char *y1, *y2; int tahun; };

static void ikat_semua(struct db_stmt *st, const struct ikat *k)
{
  db_bind_int64(st, 1, k->instansi_id);
  db_bind_int64(st, 2, k->unit_id);
  db_bind_int64(st, 3, k->periode_id);
  db_bind_text(st, 4, k->senin);
  db_bind_text(st, 5, k->hari_ini);
  db_bind_int64(st, 6, k->bulan_lalu);
  db_bind_text(st, 7, k->y1);
  db_bind_text(st, 8, k->y2);
  db_bind_int64(st, 9, k->tahun);
}

/* Rows (unit, value) added to langsung[k]. */
static int hitung(struct db *db, struct pohon *t, const struct ikat *k, enum lingkup l, int stat, const char *body)
{
  struct db_stmt *st = siapkan(db, l, body, 'p');
  if (!st) return -1;
  ikat_semua(st, k);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int i = cari(t, db_col_int64(st, 0));
    if (i >= 0) t->u[i].langsung[stat] += db_col_int64(st, 1);
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

/* Each unit's own counts (langsung, pred_langsung) of the pegawai in scope l. */
static int kumpulkan_angka(struct db *db, struct pohon *t, const struct ikat *k, enum lingkup l)
{
  if (hitung(db, t, k, l, S_PEGAWAI, "SELECT p.unit_kerja_id, COUNT(*) FROM pegawai p WHERE p.aktif = 1 AND @F GROUP BY 1") ||
      hitung(db, t, k, l, S_SKP,
             "SELECT p.unit_kerja_id, COUNT(*) FROM pegawai p WHERE p.aktif = 1 AND @F"
             " AND EXISTS (SELECT 1 FROM skp s WHERE s.pegawai_id = p.id AND s.periode_id = ?3 AND s.status = 'disetujui') GROUP BY 1") ||
      hitung(db, t, k, l, S_CATAT,
             "SELECT p.unit_kerja_id, COUNT(*) FROM pegawai p WHERE p.aktif = 1 AND @F"
             " AND EXISTS (SELECT 1 FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?4 AND ?5)"
             " GROUP BY 1") ||
      hitung(db, t, k, l, S_REALISASI,
             "SELECT p.unit_kerja_id, COUNT(*) FROM pegawai p WHERE p.aktif = 1 AND @F"
             " AND EXISTS (SELECT 1 FROM skp s JOIN realisasi x ON x.skp_id = s.id WHERE s.pegawai_id = p.id AND s.periode_id = ?3"
             "   AND s.status = 'disetujui' AND x.bulan = ?6 AND x.status IN ('diajukan', 'disetujui')) GROUP BY 1") ||
      /* waiting for review: activities, then realisasi, by the reviewer's unit; joins, not a
       * subquery per pegawai (on PostgreSQL that probed every month partition per pegawai) */
      hitung(db, t, k, l, S_TUNGGU,
             "SELECT p.unit_kerja_id, COUNT(*) FROM pegawai p JOIN aktivitas a ON a.penilai_id = p.id"
             " WHERE a.status = 'diajukan' AND a.dihapus = 0 AND p.aktif = 1 AND @F GROUP BY 1") ||
      hitung(db, t, k, l, S_TUNGGU,
             "SELECT p.unit_kerja_id, COUNT(*) FROM pegawai p JOIN skp s ON s.penilai_id = p.id JOIN realisasi x ON x.skp_id = s.id"
             " WHERE s.periode_id = ?3 AND x.status = 'diajukan' AND p.aktif = 1 AND @F GROUP BY 1"))
    return -1;
  /* the annual predikat as the curve counts it: final tahunan penilaian of the year, by the
   * unit recorded on the penilaian */
  struct db_stmt *st = siapkan(db, l,
    "SELECT n.unit_kerja_id, n.predikat, COUNT(*) FROM penilaian n JOIN skp s ON s.id = n.skp_id"
    " JOIN periode pr ON pr.id = s.periode_id"
    " WHERE pr.tahun = ?9 AND n.jenis = 'tahunan' AND n.status = 'final' AND n.predikat IS NOT NULL AND @F"
    " GROUP BY 1, 2", 'n');
  if (!st) return -1;
  ikat_semua(st, k);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int i = cari(t, db_col_int64(st, 0));
    enum predikat p;
    if (i >= 0 && predikat_dari_kode(db_col_text(st, 1), &p) == 0) t->u[i].pred_langsung[p] += db_col_int64(st, 2);
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

/* The instansi scope's own counts of every unit: those of units whose unit_versi number
 * (sql/035) is the one kept are taken from dasbor_unit_angka.c, the others counted again one
 * unit at a time; with too many changed (or a new day or period) everything is counted.  The
 * numbers are read before the counts, in the caller's snapshot, so a count kept is never older
 * than its number. */
#define BANYAK_BERUBAH 48

static int kumpulkan_simpanan(struct db *db, struct pohon *t, const struct ikat *k, const struct dasbor_waktu *w)
{
  struct dasbor_angka_kunci kk = {.instansi_id = k->instansi_id, .periode_id = k->periode_id, .tahun = k->tahun,
                                  .bulan_lalu = k->bulan_lalu};
  str_copy(kk.senin, sizeof kk.senin, w->senin);
  str_copy(kk.hari_ini, sizeof kk.hari_ini, w->hari_ini);
  int rc = -1;
  struct dasbor_angka *b = calloc((size_t)t->n + 1, sizeof *b);
  bool *ada = calloc((size_t)t->n + 1, sizeof *ada);
  if (!b || !ada) goto fail;
  for (int i = 0; i < t->n; i++) { b[i].unit_id = t->u[i].id; b[i].versi = -1; }
  struct db_stmt *st = db_prepare(db,
    "SELECT u.id, COALESCE(v.n, 0) FROM unit_kerja u LEFT JOIN unit_versi v ON v.unit_kerja_id = u.id"
    " WHERE u.instansi_id = ?1");
  if (!st) goto fail;
  db_bind_int64(st, 1, k->instansi_id);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int i = cari(t, db_col_int64(st, 0));
    if (i >= 0) b[i].versi = db_col_int64(st, 1);
  }
  db_done(st);
  if (s != DB_DONE) goto fail;
  int dapat = dasbor_angka_ambil(&kk, b, t->n, ada);
  if (t->n - dapat > BANYAK_BERUBAH) {
    if (kumpulkan_angka(db, t, k, L_INSTANSI) != 0) goto fail;
  } else {
    for (int i = 0; i < t->n; i++) {
      struct unit *u = &t->u[i];
      if (ada[i]) {
        memcpy(u->langsung, b[i].angka, sizeof u->langsung);
        memcpy(u->pred_langsung, b[i].angka + S_JUMLAH, sizeof u->pred_langsung);
        continue;
      }
      struct ikat satu = *k;
      satu.unit_id = u->id;
      if (kumpulkan_angka(db, t, &satu, L_SATU) != 0) goto fail;
    }
  }
  for (int i = 0; i < t->n; i++) {
    memcpy(b[i].angka, t->u[i].langsung, sizeof t->u[i].langsung);
    memcpy(b[i].angka + S_JUMLAH, t->u[i].pred_langsung, sizeof t->u[i].pred_langsung);
  }
  dasbor_angka_simpan(&kk, b, t->n);
  rc = 0;
fail:
  free(b);
  free(ada);
  return rc;
}

/* The predikat organisasi of every unit for the year. */
static int kumpulkan_org(struct db *db, struct pohon *t, const struct ikat *k)
{
  int s;
  struct db_stmt *st = db_prepare(db, "SELECT unit_kerja_id, predikat FROM predikat_organisasi WHERE instansi_id = ?1 AND tahun = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, k->instansi_id);
  db_bind_int64(st, 2, k->tahun);
  while ((s = db_step(st)) == DB_ROW) {
    int i = cari(t, db_col_int64(st, 0));
    enum predikat_organisasi o;
    if (i >= 0 && kurva_organisasi_dari_kode(db_col_text(st, 1), &o) == 0) t->u[i].org = (int)o;
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

/* Monthly trend from the aktivitas_unit_bulan rollup (kept by triggers, sql/021): one row per
 * unit and month, added straight up the tree (a pegawai belongs to one unit, so the distinct
 * counts add). */
static int kumpulkan_tren(struct db *db, struct pohon *t, const struct ikat *k)
{
  struct db_stmt *st = db_prepare(db, k->unit_id
    ? "WITH RECURSIVE sub(id) AS (SELECT ?2 UNION ALL SELECT u.id FROM unit_kerja u JOIN sub ON u.induk_id = sub.id)"
      " SELECT b.unit_kerja_id, CAST(substr(b.bulan, 6, 2) AS INTEGER), b.jumlah, b.menit, b.pegawai"
      "  FROM aktivitas_unit_bulan b"
      " WHERE b.unit_kerja_id IN (SELECT id FROM sub) AND b.bulan BETWEEN substr(?7, 1, 7) AND substr(?8, 1, 7)"
    : "SELECT b.unit_kerja_id, CAST(substr(b.bulan, 6, 2) AS INTEGER), b.jumlah, b.menit, b.pegawai"
      "  FROM unit_kerja u JOIN aktivitas_unit_bulan b ON b.unit_kerja_id = u.id"
      " WHERE u.instansi_id = ?1 AND b.bulan BETWEEN substr(?7, 1, 7) AND substr(?8, 1, 7)");
  if (!st) return -1;
  ikat_semua(st, k);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int i = cari(t, db_col_int64(st, 0));
    int m = (int)db_col_int64(st, 1);
    if (i < 0 || m < 1 || m > 12) continue;
    for (int j = i, guard = 0; j >= 0 && guard < 64; guard++) {
      t->u[j].tren[m - 1][T_AKTIVITAS] += db_col_int64(st, 2);
      t->u[j].tren[m - 1][T_MENIT] += db_col_int64(st, 3);
      t->u[j].tren[m - 1][T_PEGAWAI] += db_col_int64(st, 4);
      j = t->u[j].induk ? cari(t, t->u[j].induk) : -1;
    }
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static void jumlahkan(struct pohon *t)
{
  for (int i = 0; i < t->n; i++) {
    for (int j = i, guard = 0; j >= 0 && guard < 64; guard++) {
      for (int k = 0; k < S_JUMLAH; k++) t->u[j].total[k] += t->u[i].langsung[k];
      for (int k = 0; k < PREDIKAT_JUMLAH; k++) t->u[j].pred_total[k] += t->u[i].pred_langsung[k];
      j = t->u[j].induk ? cari(t, t->u[j].induk) : -1;
    }
  }
}

static json_t *distribusi_json(const int64_t pred[PREDIKAT_JUMLAH])
{
  json_t *j = json_object();
  int64_t total = 0;
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) {
    json_object_set_new(j, predikat_kode((enum predikat)i), json_integer(pred[i]));
    total += pred[i];
  }
  return json_pack("{s:o,s:I}", "jumlah", j, "total", (json_int_t)total);
}

static json_t *kepatuhan_json(const int64_t st[S_JUMLAH], bool penjelasan)
{
  struct kepatuhan_input in = {.pegawai = st[S_PEGAWAI], .skp_disetujui = st[S_SKP], .mencatat_minggu_ini = st[S_CATAT],
                               .realisasi_bulan_lalu = st[S_REALISASI]};
  struct kepatuhan_hasil h;
  kepatuhan_hitung(&in, &h);
  json_t *j = json_pack("{s:o,s:o,s:o,s:o}", "persen", h.ada ? json_integer(h.persen) : json_null(),
                        "skp_persen", h.skp_persen >= 0 ? json_integer(h.skp_persen) : json_null(),
                        "aktivitas_persen", h.aktivitas_persen >= 0 ? json_integer(h.aktivitas_persen) : json_null(),
                        "realisasi_persen", h.realisasi_persen >= 0 ? json_integer(h.realisasi_persen) : json_null());
  if (penjelasan) {
    json_t *pj = json_array();
    for (int i = 0; i < h.pj.n; i++) json_array_append_new(pj, json_string(h.pj.baris[i]));
    json_object_set_new(j, "penjelasan", pj);
  }
  return j;
}

static json_t *angka_json(const int64_t st[S_JUMLAH])
{
  return json_pack("{s:I,s:I,s:I,s:I,s:I}", "pegawai", (json_int_t)st[S_PEGAWAI], "skp_disetujui", (json_int_t)st[S_SKP],
                   "mencatat_minggu_ini", (json_int_t)st[S_CATAT], "realisasi_bulan_lalu", (json_int_t)st[S_REALISASI],
                   "menunggu_review", (json_int_t)st[S_TUNGGU]);
}

/* The curve of one unit's own pegawai against its predikat organisasi: {predikat_organisasi,
 * patuh, pelanggaran (count)}; patuh null when it cannot be judged. */
static json_t *kurva_ringkas(const struct unit *u, enum kurva_pembulatan mode)
{
  int64_t total = 0;
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) total += u->pred_langsung[i];
  json_t *j = json_pack("{s:o}", "predikat_organisasi",
                        u->org >= 0 ? json_string(kurva_organisasi_kode((enum predikat_organisasi)u->org)) : json_null());
  struct kurva_hasil h;
  const char *pesan = NULL;
  if (u->org < 0 || total == 0 || kurva_periksa((enum predikat_organisasi)u->org, u->pred_langsung, mode, &h, &pesan) != 0) {
    json_object_set_new(j, "patuh", json_null());
    json_object_set_new(j, "pelanggaran", json_integer(0));
    return j;
  }
  json_object_set_new(j, "patuh", json_boolean(h.patuh));
  json_object_set_new(j, "pelanggaran", json_integer(h.n_pelanggaran));
  return j;
}

static json_t *baris_unit(const struct unit *u, enum kurva_pembulatan mode)
{
  json_t *j = json_pack("{s:I,s:s}", "id", (json_int_t)u->id, "nama", u->nama);
  json_object_update_new(j, angka_json(u->total));
  json_object_set_new(j, "kepatuhan", kepatuhan_json(u->total, false));
  json_object_set_new(j, "distribusi", distribusi_json(u->pred_total));
  json_object_set_new(j, "kurva", kurva_ringkas(u, mode));
  return j;
}

/* A unit's place in the ranking: the compliance of its own pegawai (0 when it cannot be
 * judged, as json_integer_value of null), then its name. */
struct urut { const struct unit *u; int64_t persen; };

static int banding_kepatuhan(const void *a, const void *b)
{
  const struct urut *x = a, *y = b;
  if (x->persen != y->persen) return x->persen > y->persen ? -1 : 1;
  return strcmp(x->u->nama, y->u->nama);
}

static json_t *baris_peringkat(const struct unit *u, enum kurva_pembulatan mode)
{
  json_t *j = json_pack("{s:I,s:s}", "id", (json_int_t)u->id, "nama", u->nama);
  json_object_update_new(j, angka_json(u->langsung));
  json_object_set_new(j, "kepatuhan", kepatuhan_json(u->langsung, false));
  json_object_set_new(j, "kurva", kurva_ringkas(u, mode));
  return j;
}

/* The units with at least 3 pegawai of their own, ranked by the compliance of their own pegawai:
 * sorted as plain numbers (in tree order before the sort, as qsort got the rows before), and
 * only the five at each end written as JSON (~1,000 units of an instansi: most of a miss's time
 * went to building and freeing the rows nobody sees). */
static void peringkat(const struct pohon *t, enum kurva_pembulatan mode, json_t *out)
{
  struct urut *rows = calloc((size_t)t->n + 1, sizeof *rows);
  if (!rows) return;
  int n = 0;
  for (int i = 0; i < t->n; i++) {
    const struct unit *u = &t->u[i];
    if (u->langsung[S_PEGAWAI] < 3) continue;
    struct kepatuhan_input in = {.pegawai = u->langsung[S_PEGAWAI], .skp_disetujui = u->langsung[S_SKP],
                                 .mencatat_minggu_ini = u->langsung[S_CATAT], .realisasi_bulan_lalu = u->langsung[S_REALISASI]};
    struct kepatuhan_hasil h;
    kepatuhan_hitung(&in, &h);
    rows[n].u = u;
    rows[n].persen = h.ada ? h.persen : 0;
    n++;
  }
  qsort(rows, (size_t)n, sizeof *rows, banding_kepatuhan);
  json_t *atas = json_array(), *bawah = json_array();
  int k = n < 5 ? n : 5;
  for (int i = 0; i < k; i++) json_array_append_new(atas, baris_peringkat(rows[i].u, mode));
  for (int i = n - 1; i >= 0 && i >= n - k; i--) json_array_append_new(bawah, baris_peringkat(rows[i].u, mode));
  free(rows);
  json_object_set_new(out, "teratas", atas);
  json_object_set_new(out, "terbawah", bawah);
}

static int banding_nama(const void *a, const void *b)
{
  const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
  return strcmp(json_string_value(json_object_get(x, "nama")), json_string_value(json_object_get(y, "nama")));
}

static json_t *anak_json(const struct pohon *t, int64_t induk, enum kurva_pembulatan mode)
{
  json_t *a = json_array();
  for (int i = 0; i < t->n; i++)
    if (t->u[i].induk == induk && t->u[i].id != induk) json_array_append_new(a, baris_unit(&t->u[i], mode));
  size_t n = json_array_size(a);
  json_t **v = malloc((n + 1) * sizeof *v);
  if (!v) return a;
  for (size_t i = 0; i < n; i++) v[i] = json_incref(json_array_get(a, i));
  qsort(v, n, sizeof *v, banding_nama);
  json_array_clear(a);
  for (size_t i = 0; i < n; i++) json_array_append_new(a, v[i]);
  free(v);
  return a;
}

/* TPP of the scope in the year (issue 9): the months computed so far, the last one, and the
 * projection for the year = computed months + the last month x the months left.  null when no
 * month was computed. */
static json_t *tpp_proyeksi(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun)
{
  struct db_stmt *st = db_prepare(db,
    "WITH RECURSIVE sub(id) AS (SELECT ?2 UNION ALL SELECT u.id FROM unit_kerja u JOIN sub ON u.induk_id = sub.id)"
    " SELECT b.bulan, b.status, (SELECT COALESCE(SUM(h.jumlah), 0) FROM tpp_hasil h WHERE h.bulan_id = b.id"
    "   AND (?2 = 0 OR h.unit_kerja_id IN (SELECT id FROM sub)))"
    " FROM tpp_bulan b WHERE b.instansi_id = ?1 AND b.tahun = ?3 ORDER BY b.bulan");
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, unit_id);
  db_bind_int64(st, 3, tahun);
  int64_t total = 0, akhir = 0, disetujui = 0;
  int n = 0, bulan_akhir = 0;
  while (db_step(st) == DB_ROW) {
    n++;
    bulan_akhir = (int)db_col_int64(st, 0);
    akhir = db_col_int64(st, 2);
    total += akhir;
    if (!strcmp(db_col_text(st, 1), "disetujui")) disetujui += akhir;
  }
  db_done(st);
  if (!n) return json_null();
  return json_pack("{s:i,s:i,s:I,s:I,s:I,s:I,s:s}", "bulan_dihitung", n, "bulan_terakhir", bulan_akhir,
                   "jumlah_bulan_terakhir", (json_int_t)akhir, "jumlah_tahun_ini", (json_int_t)total,
                   "disetujui_tahun_ini", (json_int_t)disetujui, "proyeksi_setahun", (json_int_t)(total + akhir * (12 - bulan_akhir)),
                   "cara", "Proyeksi = jumlah bulan yang sudah dihitung + jumlah bulan terakhir x sisa bulan tahun ini");
}

json_t *dasbor_unit(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun, const char **pesan)
{
  return dasbor_unit_hitung(db, instansi_id, unit_id, tahun, pesan, false);
}

json_t *dasbor_unit_hitung(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun, const char **pesan, bool simpanan)
{
  *pesan = NULL;
  struct pohon t;
  struct dasbor_waktu w;
  if (dasbor_waktu(db, instansi_id, tahun, &w) != 0 || pohon_muat(db, instansi_id, &t) != 0) return NULL;
  json_t *out = NULL;
  int akar = -1;
  if (unit_id && (akar = cari(&t, unit_id)) < 0) { *pesan = "Unit kerja"; goto done; }
  char y1[24], y2[24];
  snprintf(y1, sizeof y1, "%04d-01-01", tahun);
  snprintf(y2, sizeof y2, "%04d-12-31", tahun);
  struct ikat k = {.instansi_id = instansi_id, .unit_id = unit_id, .periode_id = w.periode_id, .senin = w.senin,
                   .hari_ini = w.hari_ini, .bulan_lalu = w.bulan_lalu, .y1 = y1, .y2 = y2, .tahun = tahun};
  int r = unit_id ? kumpulkan_angka(db, &t, &k, L_SUBTREE)
                  : simpanan ? kumpulkan_simpanan(db, &t, &k, &w) : kumpulkan_angka(db, &t, &k, L_INSTANSI);
  if (r != 0 || kumpulkan_org(db, &t, &k) != 0 || kumpulkan_tren(db, &t, &k) != 0) goto done;
  jumlahkan(&t);
  struct pengaturan set;
  enum kurva_pembulatan mode = KURVA_TEPAT;
  if (pengaturan_load(db, instansi_id, &set) == 0) kurva_pembulatan_dari_kode(set.kurva_pembulatan, &mode);

  /* the scope's own totals: a unit's subtree, or every unit of the instansi */
  int64_t tot[S_JUMLAH] = {0}, pred[PREDIKAT_JUMLAH] = {0}, tren[12][T_JUMLAH] = {{0}};
  if (akar >= 0) {
    memcpy(tot, t.u[akar].total, sizeof tot);
    memcpy(pred, t.u[akar].pred_total, sizeof pred);
    memcpy(tren, t.u[akar].tren, sizeof tren);
  } else {
    for (int i = 0; i < t.n; i++) {
      for (int s = 0; s < S_JUMLAH; s++) tot[s] += t.u[i].langsung[s];
      for (int p = 0; p < PREDIKAT_JUMLAH; p++) pred[p] += t.u[i].pred_langsung[p];
      if (!t.u[i].induk || cari(&t, t.u[i].induk) < 0)   /* roots carry their subtree's trend */
        for (int m = 0; m < 12; m++)
          for (int x = 0; x < T_JUMLAH; x++) tren[m][x] += t.u[i].tren[m][x];
    }
  }
  out = json_pack("{s:i,s:s,s:{s:s,s:s},s:o}", "tahun", tahun, "hari_ini", w.hari_ini, "minggu", "dari", w.senin, "sampai",
                  w.hari_ini, "bulan_realisasi", w.bulan_lalu ? json_integer(w.bulan_lalu) : json_null());
  json_t *lingkup;
  if (akar >= 0) {
    json_t *jalur = json_array();
    for (int j = t.u[akar].induk ? cari(&t, t.u[akar].induk) : -1, guard = 0; j >= 0 && guard < 64; guard++) {
      json_array_insert_new(jalur, 0, json_pack("{s:I,s:s}", "id", (json_int_t)t.u[j].id, "nama", t.u[j].nama));
      j = t.u[j].induk ? cari(&t, t.u[j].induk) : -1;
    }
    lingkup = json_pack("{s:s,s:I,s:s,s:o}", "jenis", "unit", "id", (json_int_t)unit_id, "nama", t.u[akar].nama, "jalur", jalur);
  } else {
    lingkup = json_pack("{s:s,s:I}", "jenis", "instansi", "id", (json_int_t)instansi_id);
  }
  json_object_set_new(out, "lingkup", lingkup);
  json_t *ring = angka_json(tot);
  json_object_set_new(ring, "kepatuhan", kepatuhan_json(tot, true));
  json_object_set_new(out, "ringkasan", ring);
  json_object_set_new(out, "distribusi", distribusi_json(pred));
  json_t *tj = json_array();
  for (int m = 0; m < 12; m++)
    json_array_append_new(tj, json_pack("{s:i,s:I,s:I,s:I}", "bulan", m + 1, "aktivitas", (json_int_t)tren[m][T_AKTIVITAS],
                                        "menit", (json_int_t)tren[m][T_MENIT], "pegawai_mencatat", (json_int_t)tren[m][T_PEGAWAI]));
  json_object_set_new(out, "tren", tj);
  json_t *tpp = tpp_proyeksi(db, instansi_id, unit_id, tahun);
  json_object_set_new(out, "tpp", tpp ? tpp : json_null());
  if (akar >= 0) {
    json_object_set_new(out, "anak", anak_json(&t, unit_id, mode));
    json_t *kurva = penilaian_kurva_unit(db, unit_id, tahun);
    json_object_set_new(out, "kurva", kurva ? kurva : json_null());
    int risiko = 0;
    json_t *peg = dasbor_baris_pegawai(db, &w, instansi_id, "p.unit_kerja_id = ?9", unit_id, 500, &risiko);
    if (!peg) { json_decref(out); out = NULL; goto done; }
    json_object_set_new(out, "pegawai", peg);
    json_object_set_new(out, "pegawai_berisiko", json_integer(risiko));
  } else {
    json_object_set_new(out, "anak", anak_json(&t, 0, mode));
    peringkat(&t, mode, out);
  }
done:
  pohon_bebas(&t);
  return out;
}
