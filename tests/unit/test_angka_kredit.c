/* test_angka_kredit.c: angka kredit (PermenPANRB 1/2023 Pasal 37, PerBKN 3/2023): BKN's worked
 * example, the tables, periods of any length, the rounding setting, and bad periods. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules/angka_kredit.h"

static struct ak_hasil H;

static struct ak_periode P(const char *s)
{
  struct ak_periode p;
  const char *pesan = NULL;
  assert_int_equal(ak_periode_parse(s, &p, &pesan), 0);
  assert_null(pesan);
  return p;
}

static void bkn_worked_example(void **state)
{
  (void)state;
  /* Ahli Pertama, Sangat Baik Jan-Dec: 150 % x 12.5 = 18.75; then Baik Jan-Feb: 2/12 x 12.5 = 2.08;
   * accumulated 20.83 */
  struct ak_periode p[2] = {P("2023-01:2023-12=sangat_baik"), P("2024-01:2024-02=baik")};
  const char *pesan = NULL;
  int salah = 0;
  assert_int_equal(angka_kredit_hitung(JENJANG_AHLI_PERTAMA, p, 2, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
  assert_int_equal(H.rincian[0].bulan, 12);
  assert_int_equal(H.rincian[0].persen, 150);
  assert_int_equal(pecahan_skala(pecahan_dari(H.rincian[0].ak, AK_PENYEBUT), 2), 1875);
  assert_int_equal(H.rincian[1].bulan, 2);
  assert_int_equal(pecahan_skala(pecahan_dari(H.rincian[1].ak, AK_PENYEBUT), 2), 208);
  assert_int_equal(H.total_tampil, 2083);
  /* full precision is kept: 18.75 + 25/12 = 250/12 exactly */
  struct pecahan t = pecahan_dari(H.total, AK_PENYEBUT);
  assert_int_equal(t.p, 125);
  assert_int_equal(t.q, 6);
  assert_int_equal(pecahan_skala(t, 3), 20833);
  /* what is still needed: 50 and 100, rounded up to the next 0.01 */
  assert_int_equal(H.kebutuhan_pangkat, 50);
  assert_int_equal(H.kebutuhan_jenjang, 100);
  assert_int_equal(H.kekurangan_pangkat, 2917);
  assert_int_equal(H.kekurangan_jenjang, 7917);
  /* the explanation names inputs, each period, the total and the articles */
  assert_non_null(strstr(H.pj.baris[0], "Ahli Pertama"));
  assert_non_null(strstr(H.pj.baris[2], "12/12 × 150% × 12,5 = 18,75"));
  assert_non_null(strstr(H.pj.baris[3], "2/12 × 100% × 12,5 = 2,0833 (ditampilkan 2,08)"));
  assert_non_null(strstr(H.pj.baris[4], "20,83"));
  assert_non_null(strstr(H.pj.baris[H.pj.n - 1], "PermenPANRB Nomor 1 Tahun 2023 Pasal 37"));
  assert_non_null(strstr(H.pj.baris[H.pj.n - 1], "Peraturan BKN Nomor 3 Tahun 2023"));
}

static void tables(void **state)
{
  (void)state;
  static const struct { const char *kode; int koef, pangkat, jenjang; } T[] = {
    {"pemula", 375, 15, 15}, {"terampil", 500, 20, 60}, {"mahir", 1250, 50, 100}, {"penyelia", 2500, 100, -1},
    {"ahli_pertama", 1250, 50, 100}, {"ahli_muda", 2500, 100, 200}, {"ahli_madya", 3750, 150, 450},
    {"ahli_utama", 5000, 200, -1},
  };
  static const int persen[] = {150, 100, 75, 50, 25};
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
    enum jenjang j;
    assert_int_equal(jenjang_dari_kode(T[i].kode, &j), 0);
    assert_string_equal(jenjang_kode(j), T[i].kode);
    assert_int_equal(ak_koefisien(j), T[i].koef);
    for (int p = 0; p < PREDIKAT_JUMLAH; p++) {
      struct ak_periode per = {2024, 1, 2024, 12, (enum predikat)p};
      const char *pesan;
      int salah;
      assert_int_equal(angka_kredit_hitung(j, &per, 1, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
      assert_int_equal(ak_persentase((enum predikat)p), persen[p]);
      /* a whole year: persentase x koefisien, exactly */
      assert_int_equal(H.total * 10000 % AK_PENYEBUT, 0);
      assert_int_equal(H.total * 10000 / AK_PENYEBUT, (int64_t)persen[p] * T[i].koef);
      assert_int_equal(H.kebutuhan_pangkat, T[i].pangkat);
      assert_int_equal(H.kebutuhan_jenjang, T[i].jenjang);
      if (T[i].jenjang < 0) assert_int_equal(H.kekurangan_jenjang, -1);
    }
  }
  enum jenjang j;
  assert_int_equal(jenjang_dari_kode("ahli pertama", &j), -1);
  assert_string_equal(jenjang_label(JENJANG_AHLI_MADYA), "Ahli Madya");
}

static void periods_of_any_length(void **state)
{
  (void)state;
  const char *pesan;
  int salah;
  struct ak_periode p = P("2023-07:2025-06=baik");
  assert_int_equal(ak_periode_bulan(&p), 24);
  assert_int_equal(angka_kredit_hitung(JENJANG_AHLI_MUDA, &p, 1, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
  assert_int_equal(H.total_tampil, 5000);  /* 2 years x 25 */
  p = P("2024-05:2024-05=butuh_perbaikan");
  assert_int_equal(ak_periode_bulan(&p), 1);
  assert_int_equal(angka_kredit_hitung(JENJANG_PEMULA, &p, 1, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
  /* 1/12 x 75 % x 3.75 = 0.234375 */
  struct pecahan t = pecahan_dari(H.total, AK_PENYEBUT);
  assert_int_equal(t.p, 15);
  assert_int_equal(t.q, 64);
  assert_int_equal(H.total_tampil, 23);
}

/* Splitting a period into adjacent pieces with the same predikat never changes the exact total. */
static void splitting_a_period_keeps_the_exact_total(void **state)
{
  (void)state;
  const char *pesan;
  int salah;
  uint64_t r = 12345;
  for (int t = 0; t < 2000; t++) {
    r = r * 6364136223846793005u + 1442695040888963407u;
    int j = (int)((r >> 33) % JENJANG_JUMLAH), pr = (int)((r >> 40) % PREDIKAT_JUMLAH);
    int len = 2 + (int)((r >> 20) % 60), cut = 1 + (int)((r >> 10) % (uint64_t)(len - 1));
    int y0 = 2000 + (int)((r >> 50) % 50), m0 = 1 + (int)((r >> 5) % 12);
    int a = y0 * 12 + m0 - 1, b = a + len - 1, c = a + cut - 1;
    struct ak_periode whole = {a / 12, a % 12 + 1, b / 12, b % 12 + 1, (enum predikat)pr};
    struct ak_periode parts[2] = {{a / 12, a % 12 + 1, c / 12, c % 12 + 1, (enum predikat)pr},
                                  {(c + 1) / 12, (c + 1) % 12 + 1, b / 12, b % 12 + 1, (enum predikat)pr}};
    assert_int_equal(angka_kredit_hitung((enum jenjang)j, &whole, 1, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
    int64_t total = H.total;
    assert_int_equal(H.rincian[0].bulan, len);
    assert_int_equal(angka_kredit_hitung((enum jenjang)j, parts, 2, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
    assert_int_equal(H.total, total);
  }
}

static void rounding_setting(void **state)
{
  (void)state;
  /* three single months of Baik at Ahli Pertama: 1.041666... each */
  struct ak_periode p[3] = {P("2024-01:2024-01=baik"), P("2024-02:2024-02=baik"), P("2024-03:2024-03=baik")};
  const char *pesan;
  int salah;
  assert_int_equal(angka_kredit_hitung(JENJANG_AHLI_PERTAMA, p, 3, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
  assert_int_equal(H.total_tampil, 313);  /* 3.125 -> 3.13 */
  assert_int_equal(angka_kredit_hitung(JENJANG_AHLI_PERTAMA, p, 3, AK_BULAT_PER_PERIODE, &H, &pesan, &salah), 0);
  assert_int_equal(H.total_tampil, 312);  /* 1.04 x 3 */
  assert_int_equal(H.rincian[0].ak, 104 * (AK_PENYEBUT / 100));
  assert_int_equal(H.rincian[0].ak_tepat, 1 * 100 * 1250);  /* 1/12 x 100 % x 12.5, kept unrounded */
  enum ak_pembulatan m;
  assert_int_equal(ak_pembulatan_dari_kode("per_periode", &m), 0);
  assert_int_equal(m, AK_BULAT_PER_PERIODE);
  assert_int_equal(ak_pembulatan_dari_kode("periode", &m), -1);
  assert_string_equal(ak_pembulatan_kode(AK_BULAT_AKHIR), "akhir");
}

static void reached_needs(void **state)
{
  (void)state;
  const char *pesan;
  int salah;
  /* Pemula: 4 years of Baik = 15 = both needs exactly */
  struct ak_periode p = P("2020-01:2023-12=baik");
  assert_int_equal(angka_kredit_hitung(JENJANG_PEMULA, &p, 1, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
  assert_int_equal(H.total_tampil, 1500);
  assert_int_equal(H.kekurangan_pangkat, 0);
  assert_int_equal(H.kekurangan_jenjang, 0);
  int ok = 0;
  for (int i = 0; i < H.pj.n; i++) ok += strstr(H.pj.baris[i], "sudah terpenuhi") != NULL;
  assert_int_equal(ok, 2);
  /* Ahli Utama has no kenaikan jenjang */
  assert_int_equal(angka_kredit_hitung(JENJANG_AHLI_UTAMA, &p, 1, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
  assert_int_equal(H.kebutuhan_jenjang, -1);
  assert_non_null(strstr(H.pj.baris[H.pj.n - 2], "jenjang tertinggi"));
}

static void bad_periods(void **state)
{
  (void)state;
  struct ak_periode p;
  const char *pesan;
  static const char *const salah_bentuk[] = {
    "", "2024-01:2024-12", "2024-01:2024-12=", "2024-1:2024-12=baik", "2024-01-2024-12=baik",
    "2024-01:2024-12=Baik", "2024-01:2024-12=baik ", "24-01:2024-12=baik", "2024-01:2024-12=cukup",
    "2024-00:2024-12=baik", "2024-13:2024-12=baik", "2024-12:2024-01=baik", "1900-01:1900-12=baik",
    "2024-01:2024-12=baikk", "2024-0a:2024-12=baik",
  };
  for (size_t i = 0; i < sizeof salah_bentuk / sizeof salah_bentuk[0]; i++) {
    pesan = NULL;
    assert_int_equal(ak_periode_parse(salah_bentuk[i], &p, &pesan), -1);
    assert_non_null(pesan);
  }
  assert_int_equal(ak_periode_parse(NULL, &p, &pesan), -1);
  /* overlap is refused; adjacent periods are fine */
  struct ak_periode q[2] = {P("2024-01:2024-06=baik"), P("2024-06:2024-12=baik")};
  int salah = -1;
  assert_int_equal(angka_kredit_hitung(JENJANG_MAHIR, q, 2, AK_BULAT_AKHIR, &H, &pesan, &salah), -1);
  assert_int_equal(salah, 1);
  assert_non_null(strstr(pesan, "tumpang tindih"));
  q[1] = P("2024-07:2024-12=baik");
  assert_int_equal(angka_kredit_hitung(JENJANG_MAHIR, q, 2, AK_BULAT_AKHIR, &H, &pesan, &salah), 0);
  assert_int_equal(H.total_tampil, 1250);
  /* no periods, too many */
  assert_int_equal(angka_kredit_hitung(JENJANG_MAHIR, q, 0, AK_BULAT_AKHIR, &H, &pesan, &salah), -1);
  assert_int_equal(angka_kredit_hitung(JENJANG_MAHIR, q, AK_MAKS_PERIODE + 1, AK_BULAT_AKHIR, &H, &pesan, &salah), -1);
  /* a hand-built period that the parser would refuse */
  struct ak_periode r = {2024, 13, 2024, 12, PREDIKAT_BAIK};
  assert_int_equal(angka_kredit_hitung(JENJANG_MAHIR, &r, 1, AK_BULAT_AKHIR, &H, &pesan, &salah), -1);
  assert_int_equal(salah, 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(bkn_worked_example),
    cmocka_unit_test(tables),
    cmocka_unit_test(periods_of_any_length),
    cmocka_unit_test(splitting_a_period_keeps_the_exact_total),
    cmocka_unit_test(rounding_setting),
    cmocka_unit_test(reached_needs),
    cmocka_unit_test(bad_periods),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
