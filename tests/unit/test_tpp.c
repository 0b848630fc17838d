/* test_tpp.c: the TPP/tukin engine (rules/tpp.c, rules/tpp_aturan.c): the DOMAIN.md tables, every
 * minute boundary, per-day and monthly caps, statuses that are never deductions, sanctions, both
 * presets, table validation, and a whole month worked out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "rules/tpp.h"

static struct tpp_aturan A;
static struct tpp_masukan M;
static struct tpp_hasil H;
static struct tpp_galat G;

static int jam(const char *s)
{
  int m = TPP_TIDAK_ADA;
  if (s) assert_int_equal(tpp_jam_dari_teks(s, &m), 0);
  return m;
}

/* Table `preset`, periode 2024-05, dasar Rp5.000.000 given directly, predikat Baik, no days. */
static void mulai(const char *preset)
{
  assert_int_equal(tpp_preset(preset, &A), 0);
  memset(&M, 0, sizeof M);
  M.tahun = 2024;
  M.bulan = 5;
  M.dasar = 5000000;
  M.predikat = PREDIKAT_BAIK;
}

/* A day on the 07:30-16:00 schedule; NULL masuk/pulang = no check-in/out. */
static void hari(const char *tanggal, enum tpp_status st, const char *masuk, const char *pulang)
{
  struct tpp_hari *h = &M.hari[M.n_hari++];
  memset(h, 0, sizeof *h);
  if (tanggal) snprintf(h->tanggal, sizeof h->tanggal, "%s", tanggal);
  h->status = st;
  h->jadwal_masuk = jam("07:30");
  h->jadwal_pulang = jam("16:00");
  h->masuk = jam(masuk);
  h->pulang = jam(pulang);
}

static void hitung_ok(void)
{
  int rc = tpp_hitung(&A, &M, &H, &G);
  if (rc != 0) print_error("galat %s: %s\n", G.field, G.pesan);
  assert_int_equal(rc, 0);
}

static void hitung_salah(const char *field, const char *pesan)
{
  assert_int_equal(tpp_hitung(&A, &M, &H, &G), -1);
  assert_string_equal(G.field, field);
  if (!strstr(G.pesan, pesan)) print_error("pesan: %s\n", G.pesan);
  assert_non_null(strstr(G.pesan, pesan));
}

static int ada_teks(const char *s)
{
  for (int i = 0; i < H.n_rincian; i++)
    if (strstr(H.rincian[i].teks, s)) return 1;
  for (int i = 0; i < H.pj.n; i++)
    if (strstr(H.pj.baris[i], s)) return 1;
  return 0;
}

static void presets_pass_their_own_check(void **state)
{
  (void)state;
  for (const char *const *p = TPP_PRESET; *p; p++) {
    assert_int_equal(tpp_preset(*p, &A), 0);
    assert_int_equal(tpp_aturan_periksa(&A, &G), 0);
  }
  assert_int_equal(tpp_preset("tidak_ada", &A), -1);
}

/* DOMAIN.md: TL1 1-30 0,5 %, TL2 31-60 1 %, TL3 61-90 1,25 %, TL4 >= 91 or no check-in 1,5 %,
 * PSW the same, absent 5 %; Kementan 2012: TL3 1,5 %, TL4 2 %, absent 4 %. */
static void preset_values(void **state)
{
  (void)state;
  static const struct { int menit; const char *tl, *psw; int32_t umum, kementan; } T[] = {
    {1, "TL1", "PSW1", 50, 50},     {30, "TL1", "PSW1", 50, 50},     {31, "TL2", "PSW2", 100, 100},
    {60, "TL2", "PSW2", 100, 100},  {61, "TL3", "PSW3", 125, 150},   {90, "TL3", "PSW3", 125, 150},
    {91, "TL4", "PSW4", 150, 200},  {480, "TL4", "PSW4", 150, 200},
  };
  struct tpp_aturan k;
  assert_int_equal(tpp_preset("umum_daerah", &A), 0);
  assert_int_equal(tpp_preset("kementan_2012", &k), 0);
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
    int b = tpp_cari_potongan(&A, TPP_TL, T[i].menit);
    assert_true(b >= 0);
    assert_string_equal(A.potongan[b].kode, T[i].tl);
    assert_int_equal(A.potongan[b].persen, T[i].umum);
    b = tpp_cari_potongan(&A, TPP_PSW, T[i].menit);
    assert_string_equal(A.potongan[b].kode, T[i].psw);
    assert_int_equal(A.potongan[b].persen, T[i].umum);
    b = tpp_cari_potongan(&k, TPP_TL, T[i].menit);
    assert_string_equal(k.potongan[b].kode, T[i].tl);
    assert_int_equal(k.potongan[b].persen, T[i].kementan);
  }
  assert_int_equal(tpp_cari_potongan(&A, TPP_TL, 0), -1);
  assert_int_equal(A.potongan[tpp_cari_potongan(&A, TPP_TK, 0)].persen, 500);
  assert_int_equal(A.potongan[tpp_cari_potongan(&A, TPP_TAM, 0)].persen, 150);
  assert_int_equal(k.potongan[tpp_cari_potongan(&k, TPP_TK, 0)].persen, 400);
  assert_int_equal(k.potongan[tpp_cari_potongan(&k, TPP_TAM, 0)].persen, 200);
  assert_int_equal(A.porsi_kinerja, 6000);
  assert_int_equal(A.porsi_disiplin, 4000);
  assert_int_equal(A.batas_bulanan, 10000);
  assert_int_equal(A.sasaran, TPP_SASARAN_DISIPLIN);
  assert_int_equal(k.sasaran, TPP_SASARAN_SELURUH);
}

/* One hadir day with check-in `masuk` and check-out `pulang`: the bp deducted. */
static int32_t satu_hari(const char *masuk, const char *pulang)
{
  mulai("umum_daerah");
  hari("2024-05-02", TPP_HADIR, masuk, pulang);
  hitung_ok();
  return H.potongan_persen;
}

static void boundaries_30_31_60_61_90_91(void **state)
{
  (void)state;
  static const struct { const char *masuk, *pulang; int32_t bp; const char *kode; } T[] = {
    {"07:30", "16:00", 0, NULL},   {"07:29", "16:30", 0, NULL},    /* early in, late out: fine */
    {"07:31", "16:00", 50, "TL1"}, {"08:00", "16:00", 50, "TL1"},  /* 1 and 30 minutes late */
    {"08:01", "16:00", 100, "TL2"}, {"08:30", "16:00", 100, "TL2"}, /* 31, 60 */
    {"08:31", "16:00", 125, "TL3"}, {"09:00", "16:00", 125, "TL3"}, /* 61, 90 */
    {"09:01", "16:00", 150, "TL4"}, {"15:00", "16:00", 150, "TL4"}, /* 91, 450 */
    {"07:30", "15:59", 50, "PSW1"}, {"07:30", "15:30", 50, "PSW1"}, /* 1 and 30 minutes early */
    {"07:30", "15:29", 100, "PSW2"}, {"07:30", "15:00", 100, "PSW2"}, /* 31, 60 */
    {"07:30", "14:59", 125, "PSW3"}, {"07:30", "14:30", 125, "PSW3"}, /* 61, 90 */
    {"07:30", "14:29", 150, "PSW4"}, {"07:30", "07:30", 150, "PSW4"}, /* 91, 510 */
  };
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
    assert_int_equal(satu_hari(T[i].masuk, T[i].pulang), T[i].bp);
    if (!T[i].kode) {
      assert_int_equal(H.n_rincian, 0);
      continue;
    }
    assert_int_equal(H.n_rincian, 1);
    assert_string_equal(A.potongan[H.rincian[0].baris].kode, T[i].kode);
  }
  /* late and early on one day: two lines */
  assert_int_equal(satu_hari("08:17", "15:00"), 200);
  assert_int_equal(H.n_rincian, 2);
}

/* A 22:00-06:00 night shift: the check-out next morning and a check-in after midnight count
 * from the next day; same rows and boundaries as a day schedule. */
static int32_t shift_malam(const char *masuk, const char *pulang)
{
  mulai("umum_daerah");
  hari("2024-05-02", TPP_HADIR, masuk, pulang);
  M.hari[0].jadwal_masuk = jam("22:00");
  M.hari[0].jadwal_pulang = jam("06:00");
  hitung_ok();
  return H.potongan_persen;
}

static void night_shift_across_midnight(void **state)
{
  (void)state;
  assert_int_equal(shift_malam("22:00", "06:00"), 0);
  assert_int_equal(shift_malam("21:40", "06:15"), 0);     /* early in, late out */
  assert_int_equal(shift_malam("22:30", "06:00"), 50);    /* 30 minutes late: TL1 */
  assert_int_equal(H.n_rincian, 1);
  assert_string_equal(A.potongan[H.rincian[0].baris].kode, "TL1");
  assert_int_equal(shift_malam("00:20", "06:00"), 150);   /* in after midnight: 140 minutes late, TL4 */
  assert_string_equal(A.potongan[H.rincian[0].baris].kode, "TL4");
  assert_int_equal(shift_malam("22:00", "05:29"), 100);   /* out 31 minutes early: PSW2 */
  assert_string_equal(A.potongan[H.rincian[0].baris].kode, "PSW2");
  assert_int_equal(shift_malam("22:00", "23:59"), 150);   /* left before midnight: 361 minutes early, PSW4 */
  assert_string_equal(A.potongan[H.rincian[0].baris].kode, "PSW4");
  assert_true(ada_teks("pulang 23:59, jadwal pulang 06:00 = pulang 361 menit lebih awal"));
  assert_int_equal(shift_malam("22:10", NULL), 50 + 150); /* TL1 and no check-out (TAP) */
  /* a check-out before the check-in on the same night is still refused */
  mulai("umum_daerah");
  hari("2024-05-02", TPP_HADIR, "23:00", "22:30");
  M.hari[0].jadwal_masuk = jam("22:00");
  M.hari[0].jadwal_pulang = jam("06:00");
  hitung_salah("hari[0].pulang", "lebih awal dari jam masuk 23:00");
  /* a day schedule is unchanged: 16:00 in, 07:30 out is refused; equal times are no schedule */
  mulai("umum_daerah");
  hari("2024-05-02", TPP_HADIR, "16:00", "07:30");
  hitung_salah("hari[0].pulang", "lebih awal dari jam masuk 16:00");
  mulai("umum_daerah");
  hari("2024-05-02", TPP_HADIR, "08:00", "16:00");
  M.hari[0].jadwal_pulang = M.hari[0].jadwal_masuk;
  hitung_salah("hari[0].jadwal", "sama dengan jadwal masuk");
}

static void explanation_names_date_facts_row_and_rupiah(void **state)
{
  (void)state;
  satu_hari("08:17", "16:00");
  /* 5.000.000 × 40 % = 2.000.000 disiplin; 1 % of it = 20.000 */
  assert_int_equal(H.rincian[0].menit, 47);
  assert_int_equal(H.rincian[0].sen, 2000000);
  assert_string_equal(H.rincian[0].teks, "2024-05-02 (hari ke-1): masuk 08:17, jadwal masuk 07:30 = terlambat 47 menit; "
                                         "TL2 (terlambat 31-60 menit): 1% × Rp2.000.000 = Rp20.000.");
  assert_int_equal(H.kinerja, 3000000);
  assert_int_equal(H.disiplin, 1980000);
  assert_int_equal(H.potongan_presensi, 20000);
  assert_int_equal(H.jumlah, 4980000);
  assert_true(ada_teks("Komponen disiplin: Rp5.000.000 × 40% × (100% − 1%) = Rp1.980.000"));
  assert_true(ada_teks("Komponen kinerja: Rp5.000.000 × 60% × 100% (predikat Baik) = Rp3.000.000."));
  /* no date: the day index */
  mulai("umum_daerah");
  hari(NULL, TPP_HADIR, "07:30", "15:45");
  hitung_ok();
  assert_non_null(strstr(H.rincian[0].teks, "Hari ke-1: pulang 15:45, jadwal pulang 16:00 = pulang 15 menit lebih awal; PSW1"));
}

static void missing_check_in_out(void **state)
{
  (void)state;
  /* no check-in = TL4's 1,5 % (DOMAIN.md); no check-out = PSW4's 1,5 % (assumed) */
  assert_int_equal(satu_hari(NULL, "16:00"), 150);
  assert_string_equal(A.potongan[H.rincian[0].baris].kode, "TAM");
  assert_int_equal(satu_hari("08:17", NULL), 250);  /* TL2 + TAP */
  assert_int_equal(H.n_rincian, 2);
  assert_string_equal(A.potongan[H.rincian[1].baris].kode, "TAP");
  /* neither: TK by default (UNCONFIRMED), or TAM + TAP when configured */
  assert_int_equal(satu_hari(NULL, NULL), 500);
  assert_string_equal(A.potongan[H.rincian[0].baris].kode, "TK");
  assert_non_null(strstr(H.rincian[0].teks, "dianggap tanpa keterangan"));
  mulai("umum_daerah");
  A.tanpa_presensi = TPP_TANPA_PRESENSI_TAM_TAP;
  hari("2024-05-02", TPP_HADIR, NULL, NULL);
  hitung_ok();
  assert_int_equal(H.potongan_persen, 300);
  assert_int_equal(H.n_rincian, 2);
}

static void leave_and_holidays_are_never_deductions(void **state)
{
  (void)state;
  static const enum tpp_status bebas[] = {TPP_CUTI, TPP_DINAS_LUAR, TPP_SAKIT_DENGAN_SURAT, TPP_TUGAS_BELAJAR, TPP_LIBUR};
  mulai("umum_daerah");
  char t[24];
  for (size_t i = 0; i < sizeof bebas / sizeof bebas[0]; i++) {
    snprintf(t, sizeof t, "2024-05-%02zu", i + 1);
    hari(t, bebas[i], NULL, NULL);  /* no presensi at all */
    snprintf(t, sizeof t, "2024-05-%02zu", i + 11);
    hari(t, bebas[i], "10:00", "11:00");  /* presensi that would be late and early: ignored */
  }
  hitung_ok();
  assert_int_equal(H.n_rincian, 0);
  assert_int_equal(H.potongan_persen, 0);
  assert_int_equal(H.jumlah, 5000000);
  assert_int_equal(H.jumlah_status[TPP_CUTI], 2);
  assert_int_equal(H.jumlah_status[TPP_LIBUR], 2);
  /* tanpa keterangan: 5 % */
  hari("2024-05-31", TPP_TANPA_KETERANGAN, NULL, NULL);
  hitung_ok();
  assert_int_equal(H.potongan_persen, 500);
  assert_int_equal(H.disiplin, 1900000);
}

static void per_day_cap(void **state)
{
  (void)state;
  mulai("umum_daerah");
  A.batas_harian = 100;  /* 1 % a day */
  hari("2024-05-02", TPP_HADIR, "08:00", "15:29");  /* TL1 0,5 + PSW2 1 = 1,5 -> 1 */
  hari("2024-05-03", TPP_HADIR, "08:17", "16:00");  /* TL2 1: at the cap, no cap line */
  hari("2024-05-06", TPP_TANPA_KETERANGAN, NULL, NULL);  /* TK 5: not capped */
  hitung_ok();
  assert_int_equal(H.n_rincian, 5);
  assert_int_equal(H.rincian[2].baris, -1);
  assert_int_equal(H.rincian[2].persen, -50);
  assert_int_equal(H.rincian[2].sen, -1000000);
  assert_non_null(strstr(H.rincian[2].teks, "potongan hari ini 1,5% melebihi batas per hari 1%; dikurangi 0,5% = -Rp10.000."));
  assert_int_equal(H.potongan_persen, 700);
  assert_int_equal(H.disiplin, 1860000);
}

static void monthly_cap_at_100_percent(void **state)
{
  (void)state;
  mulai("umum_daerah");
  char t[24];
  for (int d = 1; d <= 21; d++) {  /* 21 × 5 % = 105 % */
    snprintf(t, sizeof t, "2024-05-%02d", d);
    hari(t, TPP_TANPA_KETERANGAN, NULL, NULL);
  }
  hitung_ok();
  assert_int_equal(H.potongan_hari, 10500);
  assert_int_equal(H.potongan_persen, 10000);
  assert_true(H.kena_batas_bulanan);
  assert_int_equal(H.disiplin, 0);
  assert_int_equal(H.potongan_presensi, 2000000);
  assert_int_equal(H.jumlah, 3000000);  /* the kinerja component is untouched in regional TPP */
  assert_true(ada_teks("jumlah 105% melebihi batas per bulan 100%; yang dipotong 100%"));
  /* a lower monthly cap */
  A.batas_bulanan = 5000;
  hitung_ok();
  assert_int_equal(H.disiplin, 1000000);
}

static void predikat_and_score_bands(void **state)
{
  (void)state;
  mulai("umum_daerah");
  M.predikat = PREDIKAT_BUTUH_PERBAIKAN;
  hitung_ok();
  assert_int_equal(H.bayar_kinerja, 7500);
  assert_int_equal(H.kinerja, 2250000);
  assert_int_equal(H.band, -1);
  M.pakai_nilai = true;
  static const struct { int32_t nilai, bayar; } T[] = {
    {12000, 10000}, {9000, 10000}, {8999, 7500}, {7000, 7500}, {6999, 5000}, {5000, 5000}, {4999, 2500}, {0, 2500},
  };
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
    M.nilai = T[i].nilai;
    hitung_ok();
    assert_int_equal(H.bayar_kinerja, T[i].bayar);
  }
  M.nilai = 8750;
  hitung_ok();
  assert_true(ada_teks("Komponen kinerja: Rp5.000.000 × 60% × 75% (nilai 87,5, band 70-89,99) = Rp2.250.000."));
  M.nilai = 12001;
  hitung_salah("nilai", "nilai 120,01 tidak tercakup band nilai");
  mulai("kementan_2012");
  M.pakai_nilai = true;
  M.nilai = 9000;
  hitung_salah("nilai", "tidak memiliki band nilai");
}

static void sanction_months(void **state)
{
  (void)state;
  mulai("umum_daerah");
  int j = tpp_cari_sanksi(&A, "HDS1");
  assert_true(j >= 0);
  assert_int_equal(A.sanksi[j].persen, 2500);
  assert_int_equal(A.sanksi[j].bulan, 6);
  struct tpp_sanksi *s = &M.sanksi[M.n_sanksi++];
  snprintf(s->kode, sizeof s->kode, "HDS1");
  s->persen = 2500;
  s->bulan = 6;
  s->mulai_tahun = 2024;
  s->mulai_bulan = 3;  /* active 2024-03 .. 2024-08 */
  static const struct { int tahun, bulan; int aktif; } T[] = {
    {2024, 2, 0}, {2024, 3, 1}, {2024, 5, 1}, {2024, 8, 1}, {2024, 9, 0}, {2023, 5, 0},
  };
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
    M.tahun = T[i].tahun;
    M.bulan = T[i].bulan;
    hitung_ok();
    assert_int_equal(H.sanksi_persen, T[i].aktif ? 2500 : 0);
    assert_int_equal(H.jumlah, T[i].aktif ? 3750000 : 5000000);
  }
  M.tahun = 2024;
  M.bulan = 8;
  hitung_ok();
  assert_true(ada_teks("Sanksi HDS1: potongan 25% selama 6 bulan, 2024-03 s.d. 2024-08; berlaku pada periode ini."));
  assert_true(ada_teks("Potongan sanksi disiplin: 25% × Rp5.000.000 = Rp1.250.000."));
  /* across a year end, and several at once capped at 100 % */
  s->mulai_tahun = 2023;
  s->mulai_bulan = 11;
  s->persen = 6000;
  M.sanksi[M.n_sanksi] = *s;
  M.n_sanksi++;
  M.tahun = 2024;
  M.bulan = 4;  /* month 6 of 6 */
  hitung_ok();
  assert_int_equal(H.sanksi_persen, 10000);
  assert_int_equal(H.jumlah, 0);
  M.bulan = 5;
  hitung_ok();
  assert_int_equal(H.sanksi_persen, 0);
}

static void kementan_2012_whole_allowance(void **state)
{
  (void)state;
  mulai("kementan_2012");
  hari("2024-05-02", TPP_HADIR, "08:45", "16:00");  /* 75 min: TL3 1,5 % */
  hari("2024-05-03", TPP_HADIR, "09:01", "16:00");  /* 91 min: TL4 2 % */
  hari("2024-05-06", TPP_TANPA_KETERANGAN, NULL, NULL);  /* TK 4 % */
  hitung_ok();
  assert_int_equal(H.potongan_persen, 750);
  assert_int_equal(H.kinerja, 5000000);
  assert_int_equal(H.disiplin, 0);
  assert_int_equal(H.potongan_presensi, 375000);
  assert_int_equal(H.jumlah, 4625000);
  assert_int_equal(H.rincian[1].sen, 10000000);  /* 2 % of Rp5.000.000 */
  assert_true(ada_teks("Potongan presensi atas seluruh tunjangan: 7,5% × Rp5.000.000 = Rp375.000."));
  /* the common table with central placement: deductions also reach the kinerja component */
  mulai("umum_daerah");
  A.sasaran = TPP_SASARAN_SELURUH;
  hari("2024-05-06", TPP_TANPA_KETERANGAN, NULL, NULL);
  hitung_ok();
  assert_int_equal(H.disiplin, 2000000);
  assert_int_equal(H.potongan_presensi, 250000);
  assert_int_equal(H.jumlah, 4750000);
}

/* The whole of May 2024 for one pegawai under the common regional table, dasar from the kelas
 * jabatan table (kelas 9 = Rp4.567.891, chosen so that rounding shows), predikat Baik (100 %),
 * schedule 07:30-16:00:
 *   01 libur (Hari Buruh)           -              17 sakit dengan surat       -
 *   02 07:25-16:05                  -              20 no check-in, 16:00       TAM  1,5
 *   03 07:45 (15 late)              TL1 0,5        21 07:30, no check-out      TAP  1,5
 *   06 08:17 (47 late)              TL2 1          22 neither                  TK   5   (default)
 *   07 15:00 out (60 early)         PSW2 1         23, 24 libur                -
 *   08 09:01 (91 late)              TL4 1,5        27 08:00 (30), 15:29 (31)   TL1 0,5 + PSW2 1
 *   09, 10 libur / cuti bersama     -              28 on time                  -
 *   13 tanpa keterangan             TK 5           29 07:31 (1 late)           TL1 0,5
 *   14, 15 cuti; 16 dinas luar      -              30, 31 on time              -
 * deductions: 0,5+1+1+1,5+5+1,5+1,5+5+0,5+1+0,5 = 19 %  (under the 100 % cap)
 * kinerja  = 4.567.891 × 60 % × 100 %         = 2.740.734,6    -> Rp2.740.735
 * disiplin = 4.567.891 × 40 % × (100 % − 19 %) = 1.479.996,684 -> Rp1.479.997
 *   (without deductions 1.827.156,4 -> Rp1.827.156; potongan presensi 1.827.156 − 1.479.997 = Rp347.159)
 * jumlah   = 2.740.735 + 1.479.997              = Rp4.220.732
 * with sanction HDS1 from 2024-03 (25 % for 6 months, active in May):
 *   25 % × 4.220.732 = 1.055.183 -> jumlah Rp3.165.549.
 * The TL2 line: 1 % × 1.827.156,40 = 18.271,564 -> "Rp18.271,56". */
static void whole_month_by_hand(void **state)
{
  (void)state;
  mulai("umum_daerah");
  A.besaran[9] = 4567891;
  M.dasar = 0;
  M.kelas_jabatan = 9;
  hari("2024-05-01", TPP_LIBUR, NULL, NULL);
  hari("2024-05-02", TPP_HADIR, "07:25", "16:05");
  hari("2024-05-03", TPP_HADIR, "07:45", "16:00");
  hari("2024-05-06", TPP_HADIR, "08:17", "16:00");
  hari("2024-05-07", TPP_HADIR, "07:30", "15:00");
  hari("2024-05-08", TPP_HADIR, "09:01", "16:00");
  hari("2024-05-09", TPP_LIBUR, NULL, NULL);
  hari("2024-05-10", TPP_LIBUR, NULL, NULL);
  hari("2024-05-13", TPP_TANPA_KETERANGAN, NULL, NULL);
  hari("2024-05-14", TPP_CUTI, NULL, NULL);
  hari("2024-05-15", TPP_CUTI, NULL, NULL);
  hari("2024-05-16", TPP_DINAS_LUAR, NULL, NULL);
  hari("2024-05-17", TPP_SAKIT_DENGAN_SURAT, NULL, NULL);
  hari("2024-05-20", TPP_HADIR, NULL, "16:00");
  hari("2024-05-21", TPP_HADIR, "07:30", NULL);
  hari("2024-05-22", TPP_HADIR, NULL, NULL);
  hari("2024-05-23", TPP_LIBUR, NULL, NULL);
  hari("2024-05-24", TPP_LIBUR, NULL, NULL);
  hari("2024-05-27", TPP_HADIR, "08:00", "15:29");
  hari("2024-05-28", TPP_HADIR, "07:30", "16:00");
  hari("2024-05-29", TPP_HADIR, "07:31", "16:00");
  hari("2024-05-30", TPP_HADIR, "07:30", "16:00");
  hari("2024-05-31", TPP_HADIR, "07:30", "16:00");
  hitung_ok();
  static const char *const kode[] = {"TL1", "TL2", "PSW2", "TL4", "TK", "TAM", "TAP", "TK", "TL1", "PSW2", "TL1"};
  assert_int_equal(H.n_rincian, 11);
  int64_t sen = 0;
  for (int i = 0; i < H.n_rincian; i++) {
    assert_string_equal(A.potongan[H.rincian[i].baris].kode, kode[i]);
    sen += H.rincian[i].sen;
  }
  assert_int_equal(H.potongan_persen, 1900);
  assert_false(H.kena_batas_bulanan);
  assert_int_equal(H.dasar, 4567891);
  assert_int_equal(H.kinerja, 2740735);
  assert_int_equal(H.disiplin_penuh, 1827156);
  assert_int_equal(H.disiplin, 1479997);
  assert_int_equal(H.potongan_presensi, 347159);
  assert_int_equal(H.jumlah, 4220732);
  /* the lines, each rounded to the sen, add up to 19 % × 1.827.156,4 = 347.159,716 within a sen */
  assert_int_equal(sen, 34715971);
  assert_string_equal(H.rincian[1].teks, "2024-05-06 (hari ke-4): masuk 08:17, jadwal masuk 07:30 = terlambat 47 menit; "
                                         "TL2 (terlambat 31-60 menit): 1% × Rp1.827.156,40 = Rp18.271,56.");
  assert_int_equal(H.jumlah_status[TPP_HADIR], 13);
  assert_int_equal(H.jumlah_status[TPP_LIBUR], 5);
  assert_true(ada_teks("Besaran: kelas jabatan 9, Rp4.567.891 per bulan (tabel besaran)."));
  assert_true(ada_teks("Jumlah diterima: Rp2.740.735 + Rp1.479.997 − Rp0 = Rp4.220.732."));

  struct tpp_sanksi *s = &M.sanksi[M.n_sanksi++];
  snprintf(s->kode, sizeof s->kode, "HDS1");
  s->persen = 2500;
  s->bulan = 6;
  s->mulai_tahun = 2024;
  s->mulai_bulan = 3;
  hitung_ok();
  assert_int_equal(H.potongan_sanksi, 1055183);
  assert_int_equal(H.jumlah, 3165549);
}

static void rounding_half_up(void **state)
{
  (void)state;
  mulai("umum_daerah");
  M.dasar = 1;  /* kinerja 0,6 -> 1; disiplin 0,4 -> 0 */
  hitung_ok();
  assert_int_equal(H.kinerja, 1);
  assert_int_equal(H.disiplin, 0);
  M.dasar = 5;  /* kinerja 3; disiplin exactly 2 */
  hitung_ok();
  assert_int_equal(H.kinerja, 3);
  assert_int_equal(H.disiplin, 2);
  M.dasar = 25;  /* 25 × 60 % × 75 % = 11,25 -> 11; 25 × 40 % = 10 */
  M.predikat = PREDIKAT_BUTUH_PERBAIKAN;
  hitung_ok();
  assert_int_equal(H.kinerja, 11);
  M.dasar = 250;  /* 250 × 60 % × 25 % = 37,5 -> 38 (half up) */
  M.predikat = PREDIKAT_SANGAT_KURANG;
  hitung_ok();
  assert_int_equal(H.kinerja, 38);
  M.dasar = TPP_MAKS_RUPIAH;  /* the largest amount does not overflow */
  M.predikat = PREDIKAT_SANGAT_BAIK;
  hari("2024-05-02", TPP_HADIR, "09:01", "14:29");  /* TL4 + PSW4 */
  hitung_ok();
  assert_int_equal(H.kinerja, 6000000000LL);
  assert_int_equal(H.disiplin, 3880000000LL);  /* 4e9 × (100 % − 3 %) */
}

static void table_validation(void **state)
{
  (void)state;
  struct tpp_aturan a;
  /* overlap: TL2 from 30 overlaps TL1 1-30 */
  tpp_preset("umum_daerah", &a);
  a.potongan[1].menit_dari = 30;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "potongan[1].menit_dari");
  assert_string_equal(G.pesan, "baris TL2 (30-60 menit) tumpang tindih dengan baris TL1 (1-30 menit)");
  /* an open-ended row that is not the last one */
  tpp_preset("umum_daerah", &a);
  a.potongan[2].menit_sampai = TPP_TANPA_BATAS;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "potongan[3].menit_dari");
  assert_non_null(strstr(G.pesan, "baris TL4 (91 menit atau lebih) tumpang tindih dengan baris TL3 (61 menit atau lebih)"));
  /* gap */
  tpp_preset("umum_daerah", &a);
  a.potongan[6].menit_dari = 62;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "potongan[6].menit_dari");
  assert_non_null(strstr(G.pesan, "celah antara baris PSW2 (31-60 menit) dan baris PSW3 (62-90 menit): 61-61 menit"));
  /* percent above 100 % and below 0 */
  tpp_preset("umum_daerah", &a);
  a.potongan[8].persen = 10001;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "potongan[8].persen");
  assert_string_equal(G.pesan, "baris TK: persen 100,01% di luar 0-100%");
  a.potongan[8].persen = -1;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "potongan[8].persen");
  /* negative minutes, end before start */
  tpp_preset("umum_daerah", &a);
  a.potongan[0].menit_dari = -5;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "potongan[0].menit_dari");
  tpp_preset("umum_daerah", &a);
  a.potongan[1].menit_sampai = 20;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "potongan[1].menit_sampai");
  /* duplicate code, missing TK row, porsi not 100 %, predikat pay, score band overlap and gap */
  tpp_preset("umum_daerah", &a);
  snprintf(a.potongan[4].kode, sizeof a.potongan[4].kode, "TL1");
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "potongan[4].kode");
  tpp_preset("umum_daerah", &a);
  a.potongan[8] = a.potongan[--a.n_potongan];
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.pesan, "baris potongan jenis TK (tanpa keterangan) wajib ada");
  tpp_preset("umum_daerah", &a);
  a.porsi_kinerja = 7000;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.pesan, "porsi kinerja 70% dan porsi disiplin 40% harus berjumlah 100%");
  tpp_preset("umum_daerah", &a);
  a.bayar_predikat[PREDIKAT_BAIK] = 12000;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "bayar_predikat.baik");
  tpp_preset("umum_daerah", &a);
  a.band[1].sampai = 9000;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "bayar_nilai[1].dari");
  assert_non_null(strstr(G.pesan, "tumpang tindih"));
  tpp_preset("umum_daerah", &a);
  a.band[1].sampai = 8900;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "bayar_nilai[0].dari");
  assert_non_null(strstr(G.pesan, "celah"));
  tpp_preset("umum_daerah", &a);
  a.batas_bulanan = 10001;
  assert_int_equal(tpp_aturan_periksa(&a, &G), -1);
  assert_string_equal(G.field, "batas_bulanan");
  /* tpp_hitung refuses a bad table with the path under "aturan." */
  mulai("umum_daerah");
  A.potongan[1].menit_dari = 30;
  hitung_salah("aturan.potongan[1].menit_dari", "tumpang tindih");
}

static void input_validation(void **state)
{
  (void)state;
  mulai("umum_daerah");
  hari("2024-05-02", TPP_HADIR, "16:00", "07:30");
  hitung_salah("hari[0].pulang", "hari ke-1: jam pulang 07:30 lebih awal dari jam masuk 16:00");
  mulai("umum_daerah");
  hari("2024-06-02", TPP_HADIR, "07:30", "16:00");
  hitung_salah("hari[0].tanggal", "bukan tanggal dalam periode 2024-05");
  mulai("umum_daerah");
  hari("2024-05-32", TPP_HADIR, "07:30", "16:00");
  hitung_salah("hari[0].tanggal", "bukan tanggal");
  mulai("umum_daerah");
  hari("2024-05-02", TPP_HADIR, "07:30", "16:00");
  hari("2024-05-02", TPP_CUTI, NULL, NULL);
  hitung_salah("hari[1].tanggal", "sudah ada pada hari ke-1");
  mulai("umum_daerah");
  hari("2024-05-02", TPP_HADIR, "07:30", "16:00");
  M.hari[0].jadwal_masuk = TPP_TIDAK_ADA;
  hitung_salah("hari[0].jadwal", "jadwal masuk dan pulang wajib diisi");
  M.hari[0].status = TPP_CUTI;  /* not needed on a cuti day */
  hitung_ok();
  mulai("umum_daerah");
  M.dasar = 0;
  M.kelas_jabatan = 9;
  hitung_salah("kelas_jabatan", "besaran untuk kelas jabatan 9 belum diatur");
  M.kelas_jabatan = 18;
  hitung_salah("kelas_jabatan", "isi kelas jabatan 1-17");
  mulai("umum_daerah");
  M.dasar = TPP_MAKS_RUPIAH + 1;
  hitung_salah("dasar", "besaran harus");
  mulai("umum_daerah");
  M.n_sanksi = 1;
  M.sanksi[0].persen = 2500;
  M.sanksi[0].bulan = 0;
  M.sanksi[0].mulai_tahun = 2024;
  M.sanksi[0].mulai_bulan = 1;
  hitung_salah("sanksi[0].bulan", "lama harus 1 sampai 120 bulan");
}

static void formats(void **state)
{
  (void)state;
  char b[40];
  int m;
  assert_string_equal(tpp_rupiah_tulis(0, b, sizeof b), "Rp0");
  assert_string_equal(tpp_rupiah_tulis(999, b, sizeof b), "Rp999");
  assert_string_equal(tpp_rupiah_tulis(1000, b, sizeof b), "Rp1.000");
  assert_string_equal(tpp_rupiah_tulis(4567891, b, sizeof b), "Rp4.567.891");
  assert_string_equal(tpp_rupiah_tulis(-20000, b, sizeof b), "-Rp20.000");
  assert_string_equal(tpp_sen_tulis(1827156, b, sizeof b), "Rp18.271,56");
  assert_string_equal(tpp_sen_tulis(2000000, b, sizeof b), "Rp20.000");
  assert_string_equal(tpp_sen_tulis(-50, b, sizeof b), "-Rp0,50");
  assert_string_equal(tpp_sen_tulis(-105, b, sizeof b), "-Rp1,05");
  assert_string_equal(tpp_persen_tulis(50, b, sizeof b), "0,5%");
  assert_string_equal(tpp_persen_tulis(125, b, sizeof b), "1,25%");
  assert_string_equal(tpp_persen_tulis(10000, b, sizeof b), "100%");
  assert_int_equal(tpp_jam_dari_teks("07:30", &m), 0);
  assert_int_equal(m, 450);
  assert_int_equal(tpp_jam_dari_teks("23:59", &m), 0);
  static const char *const bad[] = {"24:00", "7:30", "07:60", "0730", "07:30:00", "", "ab:cd"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_equal(tpp_jam_dari_teks(bad[i], &m), -1);
  enum tpp_status s;
  assert_int_equal(tpp_status_dari_kode("sakit_dengan_surat", &s), 0);
  assert_int_equal(s, TPP_SAKIT_DENGAN_SURAT);
  assert_int_equal(tpp_status_dari_kode("sakit", &s), -1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(presets_pass_their_own_check),
    cmocka_unit_test(preset_values),
    cmocka_unit_test(boundaries_30_31_60_61_90_91),
    cmocka_unit_test(night_shift_across_midnight),
    cmocka_unit_test(explanation_names_date_facts_row_and_rupiah),
    cmocka_unit_test(missing_check_in_out),
    cmocka_unit_test(leave_and_holidays_are_never_deductions),
    cmocka_unit_test(per_day_cap),
    cmocka_unit_test(monthly_cap_at_100_percent),
    cmocka_unit_test(predikat_and_score_bands),
    cmocka_unit_test(sanction_months),
    cmocka_unit_test(kementan_2012_whole_allowance),
    cmocka_unit_test(whole_month_by_hand),
    cmocka_unit_test(rounding_half_up),
    cmocka_unit_test(table_validation),
    cmocka_unit_test(input_validation),
    cmocka_unit_test(formats),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
