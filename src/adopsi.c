/* adopsi.c: the adoption view (see adopsi.h).  A handful of grouped queries; the per-unit rows
 * are looked up by id through a JSON object used as a map. */
#include "adopsi.h"
#include "util/util.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MINGGU_DETIK 604800
#define WIB (7 * 3600)

double adopsi_kuantil(const double *x, size_t n, double p)
{
  if (n == 1) return x[0];
  double h = (double)(n - 1) * p;
  size_t lo = (size_t)floor(h);
  if (lo >= n - 1) return x[n - 1];
  return x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}

int64_t adopsi_awal_minggu(int64_t now)
{
  int64_t lokal = now + WIB;
  int64_t hari = lokal >= 0 ? lokal / 86400 : (lokal - 86399) / 86400;
  int64_t dow = ((hari % 7) + 7 + 3) % 7;   /* 1970-01-01 was a Thursday: Monday = 0 */
  return (hari - dow) * 86400 - WIB;
}

static void tanggal(int64_t t, char out[11])
{
  time_t tt = (time_t)(t + WIB);
  struct tm tm;
  gmtime_r(&tt, &tm);
  char s[48];
  snprintf(s, sizeof s, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  str_copy(out, 11, s);
}

static json_t *unit_dari(json_t *peta, int64_t id)
{
  char k[24];
  snprintf(k, sizeof k, "%lld", (long long)id);
  return json_object_get(peta, k);
}

static void tambah(json_t *o, const char *k, json_int_t v)
{
  json_object_set_new(o, k, json_integer(json_integer_value(json_object_get(o, k)) + v));
}

static double persen(json_int_t a, json_int_t b)
{
  return b > 0 ? round(1000.0 * (double)a / (double)b) / 10.0 : 0.0;
}

static double hari1(double detik) { return round(detik / 8640.0) / 10.0; }

/* ---- the workflow steps ---------------------------------------------------------------- */

struct sampel { int64_t unit; double detik; };

static int cmp_sampel(const void *a, const void *b)
{
  const struct sampel *x = a, *y = b;
  if (x->unit != y->unit) return x->unit < y->unit ? -1 : 1;
  return (x->detik > y->detik) - (x->detik < y->detik);
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int cmp_median_turun(const void *a, const void *b)
{
  double x = json_real_value(json_object_get(*(json_t *const *)a, "median_hari"));
  double y = json_real_value(json_object_get(*(json_t *const *)b, "median_hari"));
  return (x < y) - (x > y);
}

/* Each step's query yields (unit_kerja_id, seconds) of the most recent samples; ?1 instansi,
 * ?2 periode, ?3 start of the weeks (unix seconds), ?4 sample cap. */
static const struct { const char *kode, *nama, *sql; } LANGKAH[] = {
  {"skp_diajukan", "SKP: dari draf sampai diajukan",
   "SELECT COALESCE(p.unit_kerja_id, 0), s.diajukan - s.dibuat FROM skp s JOIN pegawai p ON p.id = s.pegawai_id"
   " WHERE s.instansi_id = ?1 AND s.periode_id = ?2 AND s.diajukan IS NOT NULL AND s.diajukan >= s.dibuat"
   " ORDER BY s.diajukan DESC LIMIT ?4"},
  {"skp_disetujui", "SKP: dari diajukan sampai disetujui",
   "SELECT COALESCE(p.unit_kerja_id, 0), s.disetujui - s.diajukan FROM skp s JOIN pegawai p ON p.id = s.pegawai_id"
   " WHERE s.instansi_id = ?1 AND s.periode_id = ?2 AND s.disetujui IS NOT NULL AND s.diajukan IS NOT NULL"
   "   AND s.disetujui >= s.diajukan ORDER BY s.disetujui DESC LIMIT ?4"},
  {"aktivitas_direview", "Aktivitas: dari dicatat sampai direviu",
   "SELECT COALESCE(p.unit_kerja_id, 0), a.direview - a.dibuat FROM aktivitas a JOIN pegawai p ON p.id = a.pegawai_id"
   " WHERE a.instansi_id = ?1 AND a.direview IS NOT NULL AND a.direview >= ?3 AND a.direview >= a.dibuat AND a.dihapus = 0"
   " ORDER BY a.direview DESC LIMIT ?4"},
  {"realisasi_direview", "Realisasi: dari diisi sampai direviu",
   "SELECT COALESCE(p.unit_kerja_id, 0), r.direview - r.dibuat FROM realisasi r JOIN skp s ON s.id = r.skp_id"
   "  JOIN pegawai p ON p.id = s.pegawai_id"
   " WHERE s.instansi_id = ?1 AND r.direview IS NOT NULL AND r.direview >= ?3 AND r.direview >= r.dibuat"
   " ORDER BY r.direview DESC LIMIT ?4"},
  {"penilaian_final", "Penilaian: final setelah akhir periodenya",
   "SELECT COALESCE(p.unit_kerja_id, 0), t.difinalkan, t.selesai FROM penilaian t JOIN skp s ON s.id = t.skp_id"
   "  JOIN pegawai p ON p.id = t.pegawai_id"
   " WHERE t.instansi_id = ?1 AND s.periode_id = ?2 AND t.status = 'final' AND t.difinalkan IS NOT NULL"
   " ORDER BY t.difinalkan DESC LIMIT ?4"},
};

/* Seconds from the end of the day `ymd` (WIB) to t, at least 0. */
static double setelah_hari(int64_t t, const char *ymd)
{
  if (!ymd || strlen(ymd) != 10) return 0;
  struct tm tm = {0};
  tm.tm_year = (ymd[0] - '0') * 1000 + (ymd[1] - '0') * 100 + (ymd[2] - '0') * 10 + (ymd[3] - '0') - 1900;
  tm.tm_mon = (ymd[5] - '0') * 10 + (ymd[6] - '0') - 1;
  tm.tm_mday = (ymd[8] - '0') * 10 + (ymd[9] - '0') + 1;
  int64_t akhir = (int64_t)timegm(&tm) - WIB;
  return t > akhir ? (double)(t - akhir) : 0.0;
}

static json_t *langkah(struct db *db, size_t li, int64_t inst, int64_t periode, int64_t awal, json_t *peta, int *err)
{
  struct db_stmt *st = db_prepare(db, LANGKAH[li].sql);
  if (!st) { *err = 1; return NULL; }
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, periode);
  db_bind_int64(st, 3, awal);
  db_bind_int64(st, 4, ADOPSI_SAMPEL_MAKS);
  size_t n = 0, cap = 256;
  struct sampel *s = malloc(cap * sizeof *s);
  int rc;
  bool penilaian = strcmp(LANGKAH[li].kode, "penilaian_final") == 0;
  while (s && (rc = db_step(st)) == DB_ROW) {
    if (n == cap) {
      struct sampel *t = realloc(s, 2 * cap * sizeof *s);
      if (!t) break;
      s = t;
      cap *= 2;
    }
    s[n].unit = db_col_int64(st, 0);
    s[n].detik = penilaian ? setelah_hari(db_col_int64(st, 1), db_col_text(st, 2)) : (double)db_col_int64(st, 1);
    n++;
  }
  db_done(st);
  if (!s || rc != DB_DONE) { free(s); *err = 1; return NULL; }
  json_t *o = json_pack("{s:s,s:s,s:I}", "kode", LANGKAH[li].kode, "nama", LANGKAH[li].nama, "n", (json_int_t)n);
  json_t *per_unit = json_array();
  if (n > 0) {
    double *v = malloc(n * sizeof *v);
    if (!v) { free(s); json_decref(o); json_decref(per_unit); *err = 1; return NULL; }
    for (size_t i = 0; i < n; i++) v[i] = s[i].detik;
    qsort(v, n, sizeof *v, cmp_double);
    json_object_set_new(o, "median_hari", json_real(hari1(adopsi_kuantil(v, n, 0.5))));
    json_object_set_new(o, "p90_hari", json_real(hari1(adopsi_kuantil(v, n, 0.9))));
    free(v);
    qsort(s, n, sizeof *s, cmp_sampel);
    for (size_t i = 0; i < n;) {
      size_t j = i;
      while (j < n && s[j].unit == s[i].unit) j++;
      double *u = malloc((j - i) * sizeof *u);
      if (!u) break;
      for (size_t k = i; k < j; k++) u[k - i] = s[k].detik;
      json_t *un = unit_dari(peta, s[i].unit);
      json_array_append_new(per_unit, json_pack("{s:I,s:s,s:I,s:f,s:f}", "unit_kerja_id", (json_int_t)s[i].unit,
                                                "nama", un ? json_string_value(json_object_get(un, "nama")) : "Tanpa unit",
                                                "n", (json_int_t)(j - i), "median_hari", hari1(adopsi_kuantil(u, j - i, 0.5)),
                                                "p90_hari", hari1(adopsi_kuantil(u, j - i, 0.9))));
      free(u);
      i = j;
    }
    /* slowest units first */
    size_t m = json_array_size(per_unit);
    json_t **arr = malloc((m ? m : 1) * sizeof *arr);
    if (arr) {
      for (size_t i = 0; i < m; i++) arr[i] = json_incref(json_array_get(per_unit, i));
      qsort(arr, m, sizeof *arr, cmp_median_turun);
      json_array_clear(per_unit);
      for (size_t i = 0; i < m; i++) json_array_append_new(per_unit, arr[i]);
      free(arr);
    }
  } else {
    json_object_set_new(o, "median_hari", json_null());
    json_object_set_new(o, "p90_hari", json_null());
  }
  free(s);
  json_object_set_new(o, "unit", per_unit);
  return o;
}

/* ---- the per-unit counts ---------------------------------------------------------------- */

static int hitung_unit(struct db *db, const char *sql, int64_t inst, int64_t a2, int64_t a3, json_t *peta,
                       const char *kunci, int minggu)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, a2);
  db_bind_int64(st, 3, a3);
  int rc;
  while ((rc = db_step(st)) == DB_ROW) {
    json_t *u = unit_dari(peta, db_col_int64(st, 0));
    if (!u) continue;
    if (minggu) {
      int64_t w = db_col_int64(st, 1);
      json_t *arr = json_object_get(u, "aktif_per_minggu");
      if (w >= 0 && w < minggu) json_array_set_new(arr, (size_t)w, json_integer(db_col_int64(st, 2)));
    } else {
      tambah(u, kunci, (json_int_t)db_col_int64(st, 1));
    }
  }
  db_done(st);
  return rc == DB_DONE ? 0 : -1;
}

int adopsi_hitung(struct db *db, int64_t inst, int64_t periode_id, int minggu, int64_t now, json_t **out)
{
  *out = NULL;
  json_t *root = NULL, *peta = json_object(), *units = json_array(), *periode = json_null();
  int ret = -1;
  /* the periode */
  struct db_stmt *st = db_prepare(db,
    "SELECT id, tahun, mulai, selesai FROM periode WHERE instansi_id = ?1 AND (?2 = 0 OR id = ?2)"
    " ORDER BY tahun DESC LIMIT 1");
  if (!st) goto fail;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, periode_id);
  int rc = db_step(st);
  if (rc == DB_ROW) {
    periode_id = db_col_int64(st, 0);
    periode = json_pack("{s:I,s:I,s:s,s:s}", "id", (json_int_t)periode_id, "tahun", (json_int_t)db_col_int64(st, 1),
                        "mulai", db_col_text(st, 2), "selesai", db_col_text(st, 3));
  }
  db_done(st);
  if (rc != DB_ROW && rc != DB_DONE) goto fail;
  if (rc == DB_DONE && periode_id) { ret = 1; goto fail; }
  int64_t akhir = adopsi_awal_minggu(now) + MINGGU_DETIK;
  int64_t awal = akhir - (int64_t)minggu * MINGGU_DETIK;
  char awal_ymd[11];
  tanggal(awal, awal_ymd);

  /* units with their pegawai and accounts */
  st = db_prepare(db,
    "SELECT COALESCE(p.unit_kerja_id, 0), COALESCE(u.nama, 'Tanpa unit'), COUNT(*),"
    "       SUM(CASE WHEN g.id IS NOT NULL AND g.aktif = 1 THEN 1 ELSE 0 END)"
    "  FROM pegawai p LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"
    "  LEFT JOIN pengguna g ON g.pegawai_id = p.id"
    " WHERE p.instansi_id = ?1 AND p.aktif = 1"
    " GROUP BY COALESCE(p.unit_kerja_id, 0), COALESCE(u.nama, 'Tanpa unit')"
    " ORDER BY 2");
  if (!st) goto fail;
  db_bind_int64(st, 1, inst);
  while ((rc = db_step(st)) == DB_ROW) {
    json_t *w = json_array();
    for (int i = 0; i < minggu; i++) json_array_append_new(w, json_integer(0));
    json_t *u = json_pack("{s:I,s:s,s:I,s:I,s:o,s:I,s:I}", "unit_kerja_id", (json_int_t)db_col_int64(st, 0),
                          "nama", db_col_text(st, 1), "pegawai", (json_int_t)db_col_int64(st, 2),
                          "akun", (json_int_t)db_col_int64(st, 3), "aktif_per_minggu", w,
                          "skp_disetujui", (json_int_t)0, "aktivitas", (json_int_t)0);
    char k[24];
    snprintf(k, sizeof k, "%lld", (long long)db_col_int64(st, 0));
    json_object_set(peta, k, u);
    json_array_append_new(units, u);
  }
  db_done(st);
  if (rc != DB_DONE) goto fail;

  /* active accounts per unit and week */
  if (hitung_unit(db,
      "WITH k (pengguna_id, t) AS ("
      "  SELECT pengguna_id, waktu / 1000 FROM audit_log"
      "   WHERE instansi_id = ?1 AND waktu >= ?2 * 1000 AND waktu < ?3 * 1000 AND pengguna_id IS NOT NULL"
      "  UNION ALL SELECT pengguna_id, dibuat FROM sesi WHERE dibuat >= ?2 AND dibuat < ?3"
      "  UNION ALL SELECT pengguna_id, dipakai FROM sesi WHERE dipakai >= ?2 AND dipakai < ?3"
      "  UNION ALL SELECT pengguna_id, waktu / 1000 FROM akses_lihat"
      "   WHERE instansi_id = ?1 AND waktu >= ?2 * 1000 AND waktu < ?3 * 1000)"
      "SELECT COALESCE(p.unit_kerja_id, 0), (k.t - ?2) / 604800, COUNT(DISTINCT k.pengguna_id)"
      "  FROM k JOIN pengguna g ON g.id = k.pengguna_id JOIN pegawai p ON p.id = g.pegawai_id"
      " WHERE p.instansi_id = ?1 AND p.aktif = 1"
      " GROUP BY COALESCE(p.unit_kerja_id, 0), (k.t - ?2) / 604800",
      inst, awal, akhir, peta, NULL, minggu) != 0)
    goto fail;
  /* pegawai with an SKP approved in the periode */
  if (hitung_unit(db,
      "SELECT COALESCE(p.unit_kerja_id, 0), COUNT(DISTINCT s.pegawai_id) FROM skp s JOIN pegawai p ON p.id = s.pegawai_id"
      " WHERE s.instansi_id = ?1 AND s.periode_id = ?2 AND s.disetujui IS NOT NULL AND p.aktif = 1 AND ?3 = ?3"
      " GROUP BY COALESCE(p.unit_kerja_id, 0)",
      inst, periode_id, 0, peta, "skp_disetujui", 0) != 0)
    goto fail;
  /* pegawai who logged activities in the weeks */
  st = db_prepare(db,
    "SELECT COALESCE(p.unit_kerja_id, 0), COUNT(DISTINCT a.pegawai_id) FROM aktivitas a JOIN pegawai p ON p.id = a.pegawai_id"
    " WHERE a.instansi_id = ?1 AND a.tanggal >= ?2 AND a.dihapus = 0 AND p.aktif = 1"
    " GROUP BY COALESCE(p.unit_kerja_id, 0)");
  if (!st) goto fail;
  db_bind_int64(st, 1, inst);
  db_bind_text(st, 2, awal_ymd);
  while ((rc = db_step(st)) == DB_ROW) {
    json_t *u = unit_dari(peta, db_col_int64(st, 0));
    if (u) tambah(u, "aktivitas", (json_int_t)db_col_int64(st, 1));
  }
  db_done(st);
  if (rc != DB_DONE) goto fail;

  /* shares and the instansi total */
  json_t *w = json_array();
  for (int i = 0; i < minggu; i++) json_array_append_new(w, json_integer(0));
  json_t *total = json_pack("{s:I,s:I,s:o,s:I,s:I}", "pegawai", (json_int_t)0, "akun", (json_int_t)0,
                            "aktif_per_minggu", w, "skp_disetujui", (json_int_t)0, "aktivitas", (json_int_t)0);
  size_t i;
  json_t *u;
  json_array_foreach(units, i, u) {
    json_int_t peg = json_integer_value(json_object_get(u, "pegawai"));
    json_object_set_new(u, "persen_skp_disetujui", json_real(persen(json_integer_value(json_object_get(u, "skp_disetujui")), peg)));
    json_object_set_new(u, "persen_aktivitas", json_real(persen(json_integer_value(json_object_get(u, "aktivitas")), peg)));
    tambah(total, "pegawai", peg);
    tambah(total, "akun", json_integer_value(json_object_get(u, "akun")));
    tambah(total, "skp_disetujui", json_integer_value(json_object_get(u, "skp_disetujui")));
    tambah(total, "aktivitas", json_integer_value(json_object_get(u, "aktivitas")));
    for (int k = 0; k < minggu; k++) {
      json_int_t a = json_integer_value(json_array_get(w, (size_t)k));
      json_array_set_new(w, (size_t)k, json_integer(a + json_integer_value(json_array_get(json_object_get(u, "aktif_per_minggu"), (size_t)k))));
    }
  }
  json_int_t tp = json_integer_value(json_object_get(total, "pegawai"));
  json_object_set_new(total, "persen_skp_disetujui", json_real(persen(json_integer_value(json_object_get(total, "skp_disetujui")), tp)));
  json_object_set_new(total, "persen_aktivitas", json_real(persen(json_integer_value(json_object_get(total, "aktivitas")), tp)));

  json_t *mg = json_array();
  for (int k = 0; k < minggu; k++) {
    char d[11];
    tanggal(awal + (int64_t)k * MINGGU_DETIK, d);
    json_array_append_new(mg, json_string(d));
  }
  json_t *lk = json_array();
  for (size_t li = 0; li < sizeof LANGKAH / sizeof LANGKAH[0]; li++) {
    int err = 0;
    json_t *o = langkah(db, li, inst, periode_id, awal, peta, &err);
    if (err) { json_decref(lk); json_decref(total); json_decref(mg); goto fail; }
    json_array_append_new(lk, o);
  }
  root = json_pack("{s:I,s:o,s:o,s:o,s:o,s:o}", "instansi_id", (json_int_t)inst, "periode", periode, "minggu", mg,
                   "unit", units, "total", total, "langkah", lk);
  json_decref(peta);
  *out = root;
  return 0;
fail:
  json_decref(peta);
  json_decref(units);
  json_decref(periode);
  return ret;
}
