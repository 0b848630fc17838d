/* ak_ledger.c: angka kredit ledger of a JF pegawai (see ak_ledger.h). */
#include "ak_ledger.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "rules/angka_kredit.h"
#include "rules/predikat.h"
#include "util/util.h"

static void dua_desimal(int64_t ak, char *out, size_t n)
{
  /* ak in 1/AK_PENYEBUT, rounded half up to hundredths */
  int64_t h = (ak * 100 * 2 + AK_PENYEBUT) / (2 * AK_PENYEBUT);
  snprintf(out, n, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100));
}

json_t *ak_ledger(struct db *db, int64_t pegawai_id, int tahun, const char **pesan)
{
  *pesan = NULL;
  char jenjang_txt[64] = "", jenis[32] = "";
  struct db_stmt *st = db_prepare(db, "SELECT COALESCE(j.jenis, ''), COALESCE(j.jenjang, '') FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id WHERE p.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  if (db_step(st) == DB_ROW) { str_copy(jenis, sizeof jenis, db_col_text(st, 0)); str_copy(jenjang_txt, sizeof jenjang_txt, db_col_text(st, 1)); }
  db_done(st);
  char kode[64];
  size_t k = 0;
  for (const char *c = jenjang_txt; *c && k + 1 < sizeof kode; c++) kode[k++] = *c == ' ' ? '_' : (char)tolower((unsigned char)*c);
  kode[k] = 0;
  enum jenjang jj;
  if (strcmp(jenis, "fungsional") || jenjang_dari_kode(kode, &jj) != 0) {
    *pesan = "angka kredit hanya untuk pegawai dalam jabatan fungsional dengan jenjang yang dikenal";
    return NULL;
  }
  st = db_prepare(db,
    "SELECT n.mulai, n.selesai, n.predikat, n.id FROM penilaian n JOIN skp s ON s.id = n.skp_id JOIN periode p ON p.id = s.periode_id"
    " WHERE n.pegawai_id = ?1 AND n.jenis = 'periodik' AND n.status = 'final' AND n.predikat IS NOT NULL AND (?2 = 0 OR p.tahun = ?2)"
    " ORDER BY n.mulai, n.id");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, tahun);
  struct ak_periode per[AK_MAKS_PERIODE];
  int64_t ids[AK_MAKS_PERIODE];
  int n = 0, last_y = 0, last_m = 0;
  while (db_step(st) == DB_ROW && n < AK_MAKS_PERIODE) {
    const char *a = db_col_text(st, 0), *b = db_col_text(st, 1);
    struct ak_periode p;
    p.tahun_dari = (a[0] - '0') * 1000 + (a[1] - '0') * 100 + (a[2] - '0') * 10 + (a[3] - '0');
    p.bulan_dari = (a[5] - '0') * 10 + (a[6] - '0');
    p.tahun_sampai = (b[0] - '0') * 1000 + (b[1] - '0') * 100 + (b[2] - '0') * 10 + (b[3] - '0');
    p.bulan_sampai = (b[5] - '0') * 10 + (b[6] - '0');
    if (predikat_dari_kode(db_col_text(st, 2), &p.predikat) != 0) continue;
    /* months already counted (two SKP of one quarter after a mutasi) are not counted twice */
    if (p.tahun_dari * 12 + p.bulan_dari <= last_y * 12 + last_m) continue;
    last_y = p.tahun_sampai;
    last_m = p.bulan_sampai;
    ids[n] = db_col_int64(st, 3);
    per[n++] = p;
  }
  db_done(st);
  json_t *out = json_pack("{s:I,s:s,s:s,s:i}", "pegawai_id", (json_int_t)pegawai_id, "jenjang", jenjang_kode(jj),
                          "jenjang_label", jenjang_label(jj), "tahun", tahun);
  json_t *rincian = json_array();
  if (n == 0) {
    json_object_set_new(out, "rincian", rincian);
    json_object_set_new(out, "total", json_string("0.00"));
    json_object_set_new(out, "penjelasan", json_pack("[s]", "belum ada penilaian periodik yang final"));
    return out;
  }
  struct ak_hasil h;
  const char *why = NULL;
  int salah = -1;
  if (angka_kredit_hitung(jj, per, n, AK_BULAT_AKHIR, &h, &why, &salah) != 0) {
    json_decref(out);
    json_decref(rincian);
    *pesan = why ? why : "angka kredit tidak dapat dihitung";
    return NULL;
  }
  for (int i = 0; i < h.n; i++) {
    char ak[32], dari[16], sampai[16];
    dua_desimal(h.rincian[i].ak_tepat, ak, sizeof ak);
    snprintf(dari, sizeof dari, "%04d-%02d", per[i].tahun_dari, per[i].bulan_dari);
    snprintf(sampai, sizeof sampai, "%04d-%02d", per[i].tahun_sampai, per[i].bulan_sampai);
    json_array_append_new(rincian, json_pack("{s:I,s:s,s:s,s:i,s:s,s:i,s:s}", "penilaian_id", (json_int_t)ids[i], "dari", dari,
                                             "sampai", sampai, "bulan", h.rincian[i].bulan, "predikat", predikat_kode(per[i].predikat),
                                             "persen", h.rincian[i].persen, "ak", ak));
  }
  char total[32];
  snprintf(total, sizeof total, "%lld.%02lld", (long long)(h.total_tampil / 100), (long long)(h.total_tampil % 100));
  json_object_set_new(out, "rincian", rincian);
  json_object_set_new(out, "koefisien", json_real(h.koefisien / 100.0));
  json_object_set_new(out, "total", json_string(total));
  json_object_set_new(out, "kebutuhan_pangkat", json_integer(h.kebutuhan_pangkat));
  json_object_set_new(out, "kebutuhan_jenjang", h.kebutuhan_jenjang < 0 ? json_null() : json_integer(h.kebutuhan_jenjang));
  char kp[32], kj[32];
  snprintf(kp, sizeof kp, "%lld.%02lld", (long long)(h.kekurangan_pangkat / 100), (long long)(h.kekurangan_pangkat % 100));
  json_object_set_new(out, "kekurangan_pangkat", json_string(kp));
  if (h.kekurangan_jenjang >= 0) {
    snprintf(kj, sizeof kj, "%lld.%02lld", (long long)(h.kekurangan_jenjang / 100), (long long)(h.kekurangan_jenjang % 100));
    json_object_set_new(out, "kekurangan_jenjang", json_string(kj));
  } else {
    json_object_set_new(out, "kekurangan_jenjang", json_null());
  }
  json_t *pj = json_array();
  for (int i = 0; i < h.pj.n; i++) json_array_append_new(pj, json_string(h.pj.baris[i]));
  json_object_set_new(out, "penjelasan", pj);
  return out;
}
