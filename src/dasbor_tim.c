/* dasbor_tim.c: an atasan's team dashboard (see dasbor.h). */
#include "dasbor_internal.h"

#include <stdio.h>
#include <string.h>

#include "aktivitas.h"
#include "rules/kurva.h"
#include "rules/predikat.h"
#include "util/util.h"

/* the team: direct bawahan, and whoever has this atasan as penilai of an SKP of the year */
#define TIM "(p.atasan_id = ?9 OR p.id IN (SELECT s.pegawai_id FROM skp s WHERE s.penilai_id = ?9 AND s.periode_id = ?1))"

static json_t *kurva_tim(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun, const int64_t jumlah[PREDIKAT_JUMLAH])
{
  char org_kode[32] = "";
  struct db_stmt *st = db_prepare(db, "SELECT predikat FROM predikat_organisasi WHERE unit_kerja_id = ?1 AND tahun = ?2");
  if (!st) return NULL;
  db_bind_int64(st, 1, unit_id);
  db_bind_int64(st, 2, tahun);
  if (db_step(st) == DB_ROW) str_copy(org_kode, sizeof org_kode, db_col_text(st, 0));
  db_done(st);
  json_t *out = json_pack("{s:o}", "predikat_organisasi", org_kode[0] ? json_string(org_kode) : json_null());
  int64_t total = 0;
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) total += jumlah[i];
  enum predikat_organisasi org;
  struct pengaturan set;
  enum kurva_pembulatan mode = KURVA_TEPAT;
  if (pengaturan_load(db, instansi_id, &set) == 0) kurva_pembulatan_dari_kode(set.kurva_pembulatan, &mode);
  struct kurva_hasil h;
  const char *pesan = NULL;
  if (!org_kode[0] || total == 0 || kurva_organisasi_dari_kode(org_kode, &org) != 0 ||
      kurva_periksa(org, jumlah, mode, &h, &pesan) != 0) {
    json_object_set_new(out, "patuh", json_null());
    json_object_set_new(out, "pelanggaran", json_array());
    json_object_set_new(out, "penjelasan", json_array());
    return out;
  }
  json_t *viol = json_array(), *pj = json_array();
  for (int i = 0; i < h.n_aturan; i++)
    if (!h.cek[i].patuh)
      json_array_append_new(viol, json_pack("{s:s,s:I,s:I}", "aturan", h.cek[i].aturan->teks, "jumlah", (json_int_t)h.cek[i].jumlah,
                                            "batas", (json_int_t)h.cek[i].batas));
  for (int i = 0; i < h.pj.n; i++) json_array_append_new(pj, json_string(h.pj.baris[i]));
  json_object_set_new(out, "patuh", json_boolean(h.patuh));
  json_object_set_new(out, "pelanggaran", viol);
  json_object_set_new(out, "penjelasan", pj);
  return out;
}

json_t *dasbor_tim(struct db *db, int64_t atasan_id, int tahun, const char **pesan)
{
  *pesan = NULL;
  int64_t instansi_id = 0, unit_id = 0;
  char nama[256] = "";
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, COALESCE(unit_kerja_id, 0), nama FROM pegawai WHERE id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, atasan_id);
  int s = db_step(st);
  if (s == DB_ROW) {
    instansi_id = db_col_int64(st, 0);
    unit_id = db_col_int64(st, 1);
    str_copy(nama, sizeof nama, db_col_text(st, 2));
  }
  db_done(st);
  if (s == DB_DONE) { *pesan = "Pegawai"; return NULL; }
  if (s != DB_ROW) return NULL;
  struct dasbor_waktu w;
  if (dasbor_waktu(db, instansi_id, tahun, &w) != 0) return NULL;
  int risiko = 0;
  json_t *rows = dasbor_baris_pegawai(db, &w, instansi_id, TIM, atasan_id, 1000, &risiko);
  if (!rows) return NULL;
  struct kepatuhan_input in = {0};
  int64_t jumlah[PREDIKAT_JUMLAH] = {0};
  size_t i;
  json_t *r;
  json_array_foreach(rows, i, r) {
    in.pegawai++;
    json_t *skp = json_object_get(r, "skp");
    const char *ss = skp ? json_string_value(json_object_get(skp, "status")) : NULL;
    if (ss && !strcmp(ss, "disetujui")) in.skp_disetujui++;
    if (json_integer_value(json_object_get(r, "aktivitas_minggu_ini")) > 0) in.mencatat_minggu_ini++;
    if (json_is_true(json_object_get(r, "realisasi_bulan_lalu"))) in.realisasi_bulan_lalu++;
    enum predikat p;
    const char *pt = json_string_value(json_object_get(r, "predikat_tahunan"));
    if (pt && predikat_dari_kode(pt, &p) == 0) jumlah[p]++;
  }
  struct kepatuhan_hasil h;
  kepatuhan_hitung(&in, &h);
  json_t *pj = json_array();
  for (int k = 0; k < h.pj.n; k++) json_array_append_new(pj, json_string(h.pj.baris[k]));
  int64_t tunggu = 0, tunggu_r = 0;
  db_query_int64(db, "SELECT COUNT(*) FROM aktivitas WHERE penilai_id = ?1 AND status = 'diajukan' AND dihapus = 0", 1, atasan_id, &tunggu);
  st = db_prepare(db, "SELECT COUNT(*) FROM realisasi x JOIN skp s ON s.id = x.skp_id WHERE s.penilai_id = ?1 AND s.periode_id = ?2 AND x.status = 'diajukan'");
  if (st) {
    db_bind_int64(st, 1, atasan_id);
    db_bind_int64(st, 2, w.periode_id);
    if (db_step(st) == DB_ROW) tunggu_r = db_col_int64(st, 0);
    db_done(st);
  }
  json_t *dist = json_object();
  for (int k = 0; k < PREDIKAT_JUMLAH; k++) json_object_set_new(dist, predikat_kode((enum predikat)k), json_integer(jumlah[k]));
  json_t *kurva = kurva_tim(db, instansi_id, unit_id, tahun, jumlah);
  return json_pack("{s:i,s:s,s:{s:s,s:s},s:o,s:{s:I,s:s},s:{s:I,s:I,s:I,s:I,s:I,s:I,s:i,s:{s:o,s:o,s:o,s:o,s:o}},s:o,s:o,s:o}",
    "tahun", tahun, "hari_ini", w.hari_ini, "minggu", "dari", w.senin, "sampai", w.hari_ini,
    "bulan_realisasi", w.bulan_lalu ? json_integer(w.bulan_lalu) : json_null(),
    "atasan", "id", (json_int_t)atasan_id, "nama", nama,
    "ringkasan", "bawahan", (json_int_t)in.pegawai, "skp_disetujui", (json_int_t)in.skp_disetujui,
    "mencatat_minggu_ini", (json_int_t)in.mencatat_minggu_ini, "realisasi_bulan_lalu", (json_int_t)in.realisasi_bulan_lalu,
    "menunggu_review_aktivitas", (json_int_t)tunggu, "menunggu_review_realisasi", (json_int_t)tunggu_r, "berisiko", risiko,
    "kepatuhan", "persen", h.ada ? json_integer(h.persen) : json_null(),
    "skp_persen", h.skp_persen >= 0 ? json_integer(h.skp_persen) : json_null(),
    "aktivitas_persen", h.aktivitas_persen >= 0 ? json_integer(h.aktivitas_persen) : json_null(),
    "realisasi_persen", h.realisasi_persen >= 0 ? json_integer(h.realisasi_persen) : json_null(), "penjelasan", pj,
    "distribusi", dist, "kurva", kurva ? kurva : json_null(), "bawahan", rows);
}
