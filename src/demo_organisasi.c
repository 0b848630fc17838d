/* demo_organisasi.c: the demo kabupaten's organisation targets (issue 15): an RPJMD with two
 * sasaran and their IKU, the Dinas Pendidikan's Renstra, the year's Perjanjian Kinerja of the
 * Sekretariat Daerah, the Dinas Pendidikan and its Bidang Pembinaan Sekolah Dasar (the latter
 * cascaded from the Dinas's PK), the heads' RHK linked to their PK so that the demo SKP cascade
 * (Kabid -> Kasi -> staf) traces up to an IKU, a whole year of IKU realisasi for last year and
 * the quarters of this year already past, with evidence links.  Written through the domain
 * writers (organisasi_*.c) so the demo passes the same checks as user input; the predikat
 * organisasi the demo already set stays as it is, for the pimpinan to confirm from the
 * suggestion on screen. */
#include "demo_organisasi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "organisasi.h"
#include "util/util.h"

static const struct audit_actor SISTEM = {0, "demo"};

static int64_t id_dari(struct org_hasil *h)
{
  int64_t id = h->hasil ? json_integer_value(json_object_get(h->hasil, "id")) : 0;
  json_decref(h->hasil);
  h->hasil = NULL;
  return id;
}

/* Runs a writer and reports its field errors on stderr (a demo that no longer passes the checks). */
static int64_t tulis(int rc, json_t *errs, struct org_hasil *h, const char *apa)
{
  if (rc != 0) {
    char *e = errs ? json_dumps(errs, JSON_COMPACT) : NULL;
    fprintf(stderr, "demo organisasi: %s gagal (%d): %s %s\n", apa, rc, e ? e : "", h->pesan ? h->pesan : "");
    free(e);
    json_decref(errs);
    return -1;
  }
  json_decref(errs);
  return id_dari(h);
}

static int64_t sasaran(struct db *db, int64_t inst, int64_t unit, const char *kode, const char *teks, int mulai)
{
  json_t *b = json_pack("{s:s,s:s,s:i,s:i}", "kode", kode, "sasaran", teks, "tahun_mulai", mulai, "tahun_selesai", mulai + 4), *errs = NULL;
  if (unit) json_object_set_new(b, "unit_kerja_id", json_integer(unit));
  struct org_hasil h = {0};
  int rc = org_sasaran_buat(db, inst, b, &SISTEM, &errs, &h);
  json_decref(b);
  return tulis(rc, errs, &h, kode);
}

static int64_t iku(struct db *db, int64_t inst, int64_t sasaran_id, const char *kode, const char *indikator, const char *satuan,
                   const char *arah, int mulai, const char *const target[5])
{
  json_t *t = json_array(), *errs = NULL;
  for (int i = 0; i < 5; i++) json_array_append_new(t, json_pack("{s:i,s:s}", "tahun", mulai + i, "target", target[i]));
  json_t *b = json_pack("{s:I,s:s,s:s,s:s,s:s,s:o}", "sasaran_id", (json_int_t)sasaran_id, "kode", kode, "indikator", indikator,
                        "satuan", satuan, "arah", arah, "target", t);
  struct org_hasil h = {0};
  int rc = org_iku_buat(db, inst, b, &SISTEM, &errs, &h);
  json_decref(b);
  return tulis(rc, errs, &h, kode);
}

static int64_t pk(struct db *db, int64_t inst, int64_t unit, int tahun, const char *sasaran_teks, const char *indikator,
                  const char *target, const char *satuan, const char *arah, int64_t iku_id, int64_t induk_id)
{
  json_t *b = json_pack("{s:I,s:i,s:s,s:s,s:s,s:s,s:s}", "unit_kerja_id", (json_int_t)unit, "tahun", tahun, "sasaran", sasaran_teks,
                        "indikator", indikator, "target", target, "satuan", satuan, "arah", arah), *errs = NULL;
  if (iku_id) json_object_set_new(b, "iku_id", json_integer(iku_id));
  if (induk_id) json_object_set_new(b, "induk_id", json_integer(induk_id));
  struct org_hasil h = {0};
  int rc = org_pk_buat(db, inst, b, &SISTEM, &errs, &h);
  json_decref(b);
  return tulis(rc, errs, &h, indikator);
}

static int realisasi(struct db *db, int64_t inst, const char *jenis, int64_t id, int tahun, int periode, const char *nilai,
                     const char *catatan, struct demo_organisasi_hasil *hasil)
{
  char url[200];
  static const char *const nama[6] = {"", "Laporan kinerja triwulan I", "Laporan kinerja triwulan II", "Laporan kinerja triwulan III",
                                      "Laporan kinerja triwulan IV", "Laporan Kinerja Instansi Pemerintah (LKjIP)"};
  snprintf(url, sizeof url, "https://sakip.sukamaju.go.id/%d/%s-%lld-%d.pdf", tahun, jenis, (long long)id, periode);
  json_t *b = json_pack("{s:i,s:s,s:s,s:[{s:s,s:s}]}", "tahun", tahun, "realisasi", nilai, "catatan", catatan, "bukti", "nama",
                        nama[periode], "url", url), *errs = NULL;
  struct org_hasil h = {0};
  int rc = org_realisasi_simpan(db, inst, jenis, id, periode, b, &SISTEM, 0, &errs, &h);
  json_decref(b);
  if (tulis(rc, errs, &h, "realisasi") < 0) return -1;
  hasil->realisasi++;
  return 0;
}

static int64_t satu(struct db *db, const char *sql, int64_t p1)
{
  int64_t v = 0;
  return db_query_int64(db, sql, 1, p1, &v) == DB_ROW ? v : 0;
}

/* The utama RHK of the pegawai's SKP of `tahun`, in order. */
static int rhk_pegawai(struct db *db, int64_t pegawai, int tahun, int64_t *out, int maks)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT r.id FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN periode p ON p.id = s.periode_id"
    " WHERE s.pegawai_id = ?1 AND p.tahun = ?2 AND r.kelompok = 'utama' ORDER BY r.urutan, r.id");
  if (!st) return 0;
  db_bind_int64(st, 1, pegawai);
  db_bind_int64(st, 2, tahun);
  int n = 0;
  while (db_step(st) == DB_ROW && n < maks) out[n++] = db_col_int64(st, 0);
  db_done(st);
  return n;
}

static int tautkan(struct db *db, int64_t rhk, int64_t pk_id, struct demo_organisasi_hasil *hasil)
{
  if (!rhk || !pk_id) return 0;
  json_t *b = json_pack("{s:I}", "pk_indikator_id", (json_int_t)pk_id), *errs = NULL;
  struct org_hasil h = {0};
  int rc = org_rhk_tautkan(db, rhk, b, &SISTEM, &errs, &h);
  json_decref(b);
  if (tulis(rc, errs, &h, "tautan RHK") < 0) return -1;
  hasil->rhk_tertaut++;
  return 0;
}

static int tutup(struct db *db, int64_t inst, int tahun, int periode)
{
  json_t *b = json_pack("{s:i,s:i,s:b}", "tahun", tahun, "periode", periode, "ditutup", 1), *errs = NULL;
  struct org_hasil h = {0};
  int rc = org_periode_tutup(db, inst, b, &SISTEM, 0, &errs, &h);
  json_decref(b);
  return tulis(rc, errs, &h, "tutup periode") < 0 ? -1 : 0;
}

int demo_organisasi_create(struct db *db, int64_t inst, int tahun, struct demo_organisasi_hasil *hasil)
{
  int mulai = tahun - 1;
  int64_t setda = satu(db, "SELECT id FROM unit_kerja WHERE instansi_id = ?1 AND kode = 'SETDA'", inst);
  int64_t disdik = satu(db, "SELECT id FROM unit_kerja WHERE instansi_id = ?1 AND kode = 'DISDIK'", inst);
  int64_t bidang = satu(db, "SELECT id FROM unit_kerja WHERE instansi_id = ?1 AND nama = 'Bidang Pembinaan Sekolah Dasar'", inst);
  if (!setda || !disdik || !bidang) return 0;   /* not the demo kabupaten's tree */
  /* RPJMD and the Dinas Pendidikan's Renstra */
  static const char *const IPM[5] = {"72,1", "72,5", "73", "73,4", "73,8"}, *SAKIP[5] = {"66", "68", "70", "72", "74"};
  static const char *const AKRED[5] = {"85", "88", "90", "92", "94"}, *PUTUS[5] = {"0,6", "0,5", "0,45", "0,4", "0,35"};
  int64_t ss1 = sasaran(db, inst, 0, "SS-1", "Meningkatnya kualitas sumber daya manusia", mulai);
  int64_t ss2 = sasaran(db, inst, 0, "SS-2", "Meningkatnya akuntabilitas kinerja pemerintah daerah", mulai);
  int64_t ss3 = sasaran(db, inst, disdik, "SS-DIK-1", "Meningkatnya mutu dan akses pendidikan dasar", mulai);
  if (ss1 < 0 || ss2 < 0 || ss3 < 0) return -1;
  hasil->sasaran += 3;
  int64_t ipm = iku(db, inst, ss1, "IKU-1", "Indeks Pembangunan Manusia", "indeks", "naik", mulai, IPM);
  int64_t sakip = iku(db, inst, ss2, "IKU-2", "Nilai SAKIP Kabupaten", "nilai", "naik", mulai, SAKIP);
  int64_t akred = iku(db, inst, ss3, "IKU-DIK-1", "Persentase SD terakreditasi minimal B", "%", "naik", mulai, AKRED);
  int64_t putus = iku(db, inst, ss3, "IKU-DIK-2", "Angka putus sekolah SD", "%", "turun", mulai, PUTUS);
  if (ipm < 0 || sakip < 0 || akred < 0 || putus < 0) return -1;
  hasil->iku += 4;
  /* this year's PK */
  int64_t p_setda_sakip = pk(db, inst, setda, tahun, "Meningkatnya akuntabilitas kinerja pemerintah daerah", "Nilai SAKIP Kabupaten",
                             "68", "nilai", "naik", sakip, 0);
  int64_t p_setda_ipm = pk(db, inst, setda, tahun, "Meningkatnya kualitas sumber daya manusia", "Indeks Pembangunan Manusia",
                           "72,5", "indeks", "naik", ipm, 0);
  int64_t p_akred = pk(db, inst, disdik, tahun, "Meningkatnya mutu pendidikan dasar", "Persentase SD terakreditasi minimal B",
                       "88", "%", "naik", akred, 0);
  int64_t p_sakip = pk(db, inst, disdik, tahun, "Terwujudnya akuntabilitas kinerja Dinas Pendidikan", "Nilai SAKIP Dinas Pendidikan",
                       "75", "nilai", "naik", sakip, 0);
  int64_t p_putus = pk(db, inst, disdik, tahun, "Menurunnya angka putus sekolah", "Angka putus sekolah SD", "0,5", "%", "turun", putus, 0);
  int64_t p_damping = pk(db, inst, bidang, tahun, "Meningkatnya mutu pembelajaran sekolah dasar",
                         "Jumlah SD yang didampingi menuju akreditasi minimal B", "40", "sekolah", "naik", 0, p_akred);
  int64_t p_rawan = pk(db, inst, bidang, tahun, "Meningkatnya peserta didik SD yang menyelesaikan pendidikan",
                       "Persentase siswa SD rawan putus sekolah yang didampingi", "95", "%", "naik", 0, p_putus);
  if (p_setda_sakip < 0 || p_setda_ipm < 0 || p_akred < 0 || p_sakip < 0 || p_putus < 0 || p_damping < 0 || p_rawan < 0) return -1;
  hasil->pk += 7;
  /* the heads' RHK from their PK; the demo SKP cascade below them continues to the staf */
  int64_t sekda = satu(db, "SELECT p.id FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE p.unit_kerja_id = ?1 AND j.jenis = 'jpt'", setda);
  int64_t kadis = satu(db, "SELECT p.id FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE p.unit_kerja_id = ?1 AND j.jenis = 'jpt'", disdik);
  int64_t kabid = satu(db, "SELECT p.id FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE p.unit_kerja_id = ?1 AND j.jenis = 'administrator'", bidang);
  int64_t r[8];
  int n = rhk_pegawai(db, sekda, tahun, r, 8);
  if ((n > 0 && tautkan(db, r[0], p_setda_ipm, hasil) < 0) || (n > 1 && tautkan(db, r[1], p_setda_sakip, hasil) < 0)) return -1;
  n = rhk_pegawai(db, kadis, tahun, r, 8);   /* layanan publik, akuntabilitas, program, proses bisnis */
  if ((n > 0 && tautkan(db, r[0], p_akred, hasil) < 0) || (n > 1 && tautkan(db, r[1], p_sakip, hasil) < 0) ||
      (n > 2 && tautkan(db, r[2], p_putus, hasil) < 0))
    return -1;
  n = rhk_pegawai(db, kabid, tahun, r, 8);   /* kebijakan teknis, pembinaan, capaian program */
  if ((n > 0 && tautkan(db, r[0], p_damping, hasil) < 0) || (n > 2 && tautkan(db, r[2], p_rawan, hasil) < 0)) return -1;
  /* a year of IKU realisasi (last year, closed) */
  static const struct { const char *tw[5]; } LALU[4] = {
    {{"71,9", "72", "72,1", "72,2", "72,2"}}, {{"62", "63,5", "65", "66,9", "66,9"}},
    {{"80", "82", "84", "86", "86"}}, {{"0,7", "0,66", "0,62", "0,58", "0,58"}},
  };
  int64_t ikus[4] = {ipm, sakip, akred, putus};
  for (int k = 0; k < 4; k++)
    for (int p = 1; p <= 5; p++)
      if (realisasi(db, inst, "iku", ikus[k], mulai, p, LALU[k].tw[p - 1],
                    p == 5 ? "Capaian tahunan menurut LKjIP" : "Realisasi kumulatif sampai akhir triwulan", hasil) != 0)
        return -1;
  for (int p = 1; p <= 5; p++) if (tutup(db, inst, mulai, p) != 0) return -1;
  /* this year: the quarters already past; all but the latest closed */
  char hari[11];
  date_today(7, hari);
  int bulan = (hari[5] - '0') * 10 + (hari[6] - '0');
  int lewat = (hari[0] - '0') * 1000 + (hari[1] - '0') * 100 + (hari[2] - '0') * 10 + (hari[3] - '0') > tahun ? 4 : (bulan - 1) / 3;
  static const struct { const char *tw[4]; } INI_IKU[4] = {
    {{"72,2", "72,3", "72,4", "72,6"}}, {{"64", "65,5", "67", "68,2"}}, {{"85", "86", "87,5", "89"}}, {{"0,58", "0,55", "0,52", "0,49"}},
  };
  static const struct { const char *tw[4]; } INI_PK[7] = {
    {{"64", "65,5", "67", "68,2"}}, {{"72,2", "72,3", "72,4", "72,6"}}, {{"85", "86", "87,5", "89"}}, {{"70", "72", "74", "76"}},
    {{"0,58", "0,55", "0,52", "0,49"}}, {{"12", "22", "33", "41"}}, {{"70", "80", "88", "96"}},
  };
  int64_t pks[7] = {p_setda_sakip, p_setda_ipm, p_akred, p_sakip, p_putus, p_damping, p_rawan};
  for (int p = 1; p <= lewat; p++) {
    for (int k = 0; k < 4; k++)
      if (realisasi(db, inst, "iku", ikus[k], tahun, p, INI_IKU[k].tw[p - 1], "Realisasi kumulatif sampai akhir triwulan", hasil) != 0) return -1;
    for (int k = 0; k < 7; k++)
      if (realisasi(db, inst, "pk", pks[k], tahun, p, INI_PK[k].tw[p - 1], "Realisasi kumulatif sampai akhir triwulan", hasil) != 0) return -1;
  }
  for (int p = 1; p < lewat; p++) if (tutup(db, inst, tahun, p) != 0) return -1;
  return 0;
}
