/* dasbor_pegawai.c: one pegawai's year (see dasbor.h). */
#include "dasbor_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ak_ledger.h"
#include "rules/target.h"
#include "util/util.h"

/* IKI of the year's SKPs with their monthly realisasi and year to date. */
json_t *dasbor_capaian_json(struct db *db, int64_t pegawai_id, const struct dasbor_waktu *w)
{
  json_t *items = json_array(), *by_id = json_object();
  struct db_stmt *st = db_prepare(db,
    "SELECT k.id, s.id, s.status, r.rhk, r.kelompok, k.indikator, k.aspek, k.target_angka, k.target_satuan, k.target_teks"
    "  FROM skp s JOIN rhk r ON r.skp_id = s.id JOIN iki k ON k.rhk_id = r.id"
    " WHERE s.pegawai_id = ?1 AND s.periode_id = ?2"
    " ORDER BY s.mulai, CASE r.kelompok WHEN 'utama' THEN 0 ELSE 1 END, r.urutan, k.urutan");
  if (!st) goto fail;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, w->periode_id);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *bulan = json_array();
    for (int m = 0; m < 12; m++) json_array_append_new(bulan, json_null());
    json_t *it = json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o}", "iki_id", (json_int_t)db_col_int64(st, 0),
      "skp_id", (json_int_t)db_col_int64(st, 1), "skp_status", db_col_text(st, 2), "rhk", db_col_text(st, 3),
      "kelompok", db_col_text(st, 4), "indikator", db_col_text(st, 5), "aspek", dasbor_str(dasbor_teks(st, 6)),
      "target_angka", dasbor_str(dasbor_teks(st, 7)), "target_satuan", dasbor_str(dasbor_teks(st, 8)),
      "target_teks", dasbor_str(dasbor_teks(st, 9)), "bulan", bulan);
    char key[32];
    snprintf(key, sizeof key, "%lld", (long long)db_col_int64(st, 0));
    json_object_set(by_id, key, it);
    json_array_append_new(items, it);
  }
  db_done(st);
  if (s != DB_DONE) goto fail;
  st = db_prepare(db,
    "SELECT x.iki_id, x.bulan, x.nilai_angka, x.nilai_teks, x.status FROM realisasi x JOIN skp s ON s.id = x.skp_id"
    " WHERE s.pegawai_id = ?1 AND s.periode_id = ?2");
  if (!st) goto fail;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, w->periode_id);
  while ((s = db_step(st)) == DB_ROW) {
    char key[32];
    snprintf(key, sizeof key, "%lld", (long long)db_col_int64(st, 0));
    json_t *it = json_object_get(by_id, key);
    int m = (int)db_col_int64(st, 1);
    if (!it || m < 1 || m > 12) continue;
    const char *na = dasbor_teks(st, 2), *ta = json_string_value(json_object_get(it, "target_angka"));
    char cap[32] = "";
    if (na && ta) target_capaian(na, ta, cap, sizeof cap);
    json_array_set_new(json_object_get(it, "bulan"), (size_t)m - 1,
                       json_pack("{s:o,s:o,s:s,s:o}", "nilai_angka", dasbor_str(na), "nilai_teks", dasbor_str(dasbor_teks(st, 3)),
                                 "status", db_col_text(st, 4), "capaian_persen", dasbor_str(cap)));
  }
  db_done(st);
  if (s != DB_DONE) goto fail;
  /* year to date over the months begun, counting what was submitted or approved */
  size_t i;
  json_t *it;
  json_array_foreach(items, i, it) {
    const char *ta = json_string_value(json_object_get(it, "target_angka"));
    const char *sat = json_string_value(json_object_get(it, "target_satuan"));
    json_t *ytd = json_null();
    if (ta && w->bulan_berjalan > 0) {
      char buf[12][48];
      const char *nilai[12] = {0};
      for (int m = 0; m < 12; m++) {
        json_t *b = json_array_get(json_object_get(it, "bulan"), (size_t)m);
        const char *st2 = json_string_value(json_object_get(b, "status"));
        const char *na = json_string_value(json_object_get(b, "nilai_angka"));
        if (na && st2 && (!strcmp(st2, "diajukan") || !strcmp(st2, "disetujui"))) {
          str_copy(buf[m], sizeof buf[m], na);
          nilai[m] = buf[m];
        }
      }
      struct capaian_tahun c;
      int rc = target_capaian_tahun(nilai, ta, sat && !strcmp(sat, "%"), w->bulan_berjalan, &c);
      if (rc == 0)
        ytd = json_pack("{s:s,s:s,s:s,s:i,s:i}", "realisasi", c.realisasi, "capaian_persen", c.capaian,
                        "capaian_prorata_persen", c.capaian_prorata, "bulan_terisi", c.bulan_terisi, "sampai_bulan", w->bulan_berjalan);
    }
    json_object_set_new(it, "tahun_berjalan", ytd);
  }
  json_decref(by_id);
  return items;
fail:
  json_decref(by_id);
  json_decref(items);
  return NULL;
}

static json_t *kalender_json(struct db *db, int64_t pegawai_id, int tahun)
{
  char y1[24], y2[24];
  snprintf(y1, sizeof y1, "%04d-01-01", tahun);
  snprintf(y2, sizeof y2, "%04d-12-31", tahun);
  struct db_stmt *st = db_prepare(db,
    "SELECT tanggal, COUNT(*), SUM(menit) FROM aktivitas WHERE pegawai_id = ?1 AND dihapus = 0 AND tanggal BETWEEN ?2 AND ?3"
    " GROUP BY tanggal ORDER BY tanggal");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, y1);
  db_bind_text(st, 3, y2);
  json_t *a = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW)
    json_array_append_new(a, json_pack("{s:s,s:I,s:I}", "tanggal", db_col_text(st, 0), "aktivitas", (json_int_t)db_col_int64(st, 1),
                                       "menit", (json_int_t)db_col_int64(st, 2)));
  db_done(st);
  if (s != DB_DONE) { json_decref(a); return NULL; }
  return a;
}

/* Feedback written by others on the pegawai's SKPs of the year: per month (WIB) and the latest five. */
static json_t *umpan_json(struct db *db, int64_t pegawai_id, const struct dasbor_waktu *w)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT u.dibuat, u.jenis, u.isi, p.nama, u.entitas, u.entitas_id FROM umpan_balik u JOIN skp s ON s.id = u.skp_id"
    "  JOIN pegawai p ON p.id = u.penulis_id"
    " WHERE s.pegawai_id = ?1 AND s.periode_id = ?2 AND u.penulis_id <> ?1 ORDER BY u.dibuat DESC, u.id DESC");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, w->periode_id);
  int64_t per[12] = {0}, total = 0;
  json_t *terbaru = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    time_t t = (time_t)db_col_int64(st, 0) + 7 * 3600;
    struct tm tm;
    gmtime_r(&t, &tm);
    if (tm.tm_year + 1900 == w->tahun) per[tm.tm_mon]++;
    total++;
    if (json_array_size(terbaru) < 5)
      json_array_append_new(terbaru, json_pack("{s:I,s:s,s:s,s:s,s:s,s:I}", "dibuat", (json_int_t)db_col_int64(st, 0),
        "jenis", db_col_text(st, 1), "isi", db_col_text(st, 2), "penulis", db_col_text(st, 3), "entitas", db_col_text(st, 4),
        "entitas_id", (json_int_t)db_col_int64(st, 5)));
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(terbaru); return NULL; }
  json_t *bulan = json_array();
  for (int m = 0; m < 12; m++) json_array_append_new(bulan, json_pack("{s:i,s:I}", "bulan", m + 1, "jumlah", (json_int_t)per[m]));
  return json_pack("{s:I,s:o,s:o}", "total", (json_int_t)total, "per_bulan", bulan, "terbaru", terbaru);
}

static json_t *predikat_json(struct db *db, int64_t pegawai_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT id, jenis, periode_ke, mulai, selesai, rating_hasil, rating_perilaku, predikat FROM penilaian"
    " WHERE pegawai_id = ?1 AND status = 'final' ORDER BY mulai, jenis DESC, id");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  json_t *a = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW)
    json_array_append_new(a, json_pack("{s:I,s:s,s:I,s:s,s:s,s:o,s:o,s:o}", "id", (json_int_t)db_col_int64(st, 0),
      "jenis", db_col_text(st, 1), "periode_ke", (json_int_t)db_col_int64(st, 2), "mulai", db_col_text(st, 3),
      "selesai", db_col_text(st, 4), "rating_hasil", dasbor_str(dasbor_teks(st, 5)),
      "rating_perilaku", dasbor_str(dasbor_teks(st, 6)), "predikat", dasbor_str(dasbor_teks(st, 7))));
  db_done(st);
  if (s != DB_DONE) { json_decref(a); return NULL; }
  return a;
}

json_t *dasbor_pegawai(struct db *db, int64_t pegawai_id, int tahun, const char **pesan)
{
  *pesan = NULL;
  struct db_stmt *st = db_prepare(db,
    "SELECT p.instansi_id, p.nip, p.nama, COALESCE(j.nama, ''), COALESCE(j.jenis, ''), COALESCE(u.nama, ''), COALESCE(p.unit_kerja_id, 0)"
    "  FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id WHERE p.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  int s = db_step(st);
  if (s != DB_ROW) {
    db_done(st);
    if (s == DB_DONE) *pesan = "Pegawai";
    return NULL;
  }
  int64_t instansi_id = db_col_int64(st, 0);
  json_t *peg = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:I}", "id", (json_int_t)pegawai_id, "nip", db_col_text(st, 1),
                          "nama", db_col_text(st, 2), "jabatan", db_col_text(st, 3), "jenis_jabatan", db_col_text(st, 4),
                          "unit_kerja", db_col_text(st, 5), "unit_kerja_id", (json_int_t)db_col_int64(st, 6));
  db_done(st);
  struct dasbor_waktu w;
  json_t *cap = NULL, *kal = NULL, *ub = NULL, *pred = NULL;
  if (dasbor_waktu(db, instansi_id, tahun, &w) != 0 || !(cap = dasbor_capaian_json(db, pegawai_id, &w)) ||
      !(kal = kalender_json(db, pegawai_id, tahun)) || !(ub = umpan_json(db, pegawai_id, &w)) || !(pred = predikat_json(db, pegawai_id))) {
    json_decref(peg);
    json_decref(cap);
    json_decref(kal);
    json_decref(ub);
    json_decref(pred);
    return NULL;
  }
  int64_t hari = 0, menit = 0;
  size_t i;
  json_t *d;
  json_array_foreach(kal, i, d) { hari++; menit += json_integer_value(json_object_get(d, "menit")); }
  const char *ak_pesan = NULL;
  json_t *ak = ak_ledger(db, pegawai_id, 0, &ak_pesan);
  return json_pack("{s:i,s:s,s:o,s:o,s:{s:o,s:I,s:I},s:o,s:o,s:o}", "tahun", tahun, "hari_ini", w.hari_ini, "pegawai", peg,
                   "capaian", cap, "kalender", "hari", kal, "hari_tercatat", (json_int_t)hari, "menit", (json_int_t)menit,
                   "umpan_balik", ub, "predikat", pred, "angka_kredit", ak ? ak : json_null());
}
