/* test_pp46.c: PP 46/2011 + Perka BKN 1/2013: the worked example, both branches of the waktu and
 * biaya formula, the average, prestasi kerja, the sebutan bands and bad kegiatan. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules/pp46.h"

static struct pp46_hasil H;

static struct pp46_kegiatan K(const char *s)
{
  struct pp46_kegiatan k;
  const char *pesan = NULL;
  assert_int_equal(pp46_kegiatan_parse(s, &k, &pesan), 0);
  return k;
}

static struct pecahan D(const char *s)
{
  struct pecahan p;
  assert_int_equal(pecahan_dari_teks(s, &p), 0);
  return p;
}

static int sama(struct pecahan a, int64_t p, int64_t q) { return pecahan_banding(a, pecahan_dari(p, q)) == 0; }

static void worked_example(void **state)
{
  (void)state;
  /* DOMAIN.md: 10/10, 100/90, 12/12 months -> 100 + 90 + 76 = 266 -> 88.67 */
  struct pp46_kegiatan k = K("10,100,12:10,90,12");
  const char *pesan;
  int salah;
  assert_int_equal(pp46_hitung(&k, 1, NULL, &H, &pesan, &salah), 0);
  assert_true(sama(H.kegiatan[0].kuantitas, 100, 1));
  assert_true(sama(H.kegiatan[0].kualitas, 90, 1));
  assert_true(sama(H.kegiatan[0].waktu, 76, 1));
  assert_false(H.kegiatan[0].ada_biaya);
  assert_true(sama(H.kegiatan[0].capaian, 266, 3));
  assert_true(sama(H.nilai_skp, 266, 3));
  assert_int_equal(pecahan_skala(H.nilai_skp, 2), 8867);
  assert_int_equal(H.sebutan_skp, PP46_BAIK);
  assert_false(H.ada_perilaku);
  int found = 0;
  for (int i = 0; i < H.pj.n; i++) found += strstr(H.pj.baris[i], "nilai capaian 88,67") != NULL;
  assert_int_equal(found, 1);
  assert_non_null(strstr(H.pj.baris[H.pj.n - 1], "PP Nomor 46 Tahun 2011"));
  assert_non_null(strstr(H.pj.baris[H.pj.n - 1], "Peraturan Kepala BKN Nomor 1 Tahun 2013"));
  /* prestasi kerja with perilaku 80: 60 % x 266/3 + 40 % x 80 = 53.2 + 32 = 85.2 */
  struct pecahan p = pecahan_bulat(80);
  assert_int_equal(pp46_hitung(&k, 1, &p, &H, &pesan, &salah), 0);
  assert_true(H.ada_perilaku);
  assert_true(sama(H.prestasi, 852, 10));
  assert_int_equal(H.sebutan_prestasi, PP46_BAIK);
}

static void waktu_both_branches(void **state)
{
  (void)state;
  const char *pesan;
  int salah;
  /* RW 10 of 12: e = 16.67 <= 24: (21.12 - 10)/12 x 100 = 92.666... */
  struct pp46_kegiatan k = K("1,100,12:1,100,10");
  assert_int_equal(pp46_hitung(&k, 1, NULL, &H, &pesan, &salah), 0);
  assert_true(sama(H.kegiatan[0].waktu, 278, 3));
  /* RW 6 of 12: e = 50 > 24: 76 - (126 - 100) = 50 */
  k = K("1,100,12:1,100,6");
  assert_int_equal(pp46_hitung(&k, 1, NULL, &H, &pesan, &salah), 0);
  assert_true(sama(H.kegiatan[0].waktu, 50, 1));
  /* exactly e = 24 (RW 9.12 of 12) takes the first branch: (21.12 - 9.12)/12 x 100 = 100 */
  k = K("1,100,12:1,100,9.12");
  assert_int_equal(pp46_hitung(&k, 1, NULL, &H, &pesan, &salah), 0);
  assert_true(sama(H.kegiatan[0].waktu, 100, 1));
  /* later than planned: RW 13 of 12: e < 0: (21.12 - 13)/12 x 100 = 67.666... */
  k = K("1,100,12:1,100,13");
  assert_int_equal(pp46_hitung(&k, 1, NULL, &H, &pesan, &salah), 0);
  assert_true(sama(H.kegiatan[0].waktu, 203, 3));
  /* nothing realised: RW 0 -> e = 100: 76 - (176 - 100) = 0 */
  k = K("1,100,12:0,0,0");
  assert_int_equal(pp46_hitung(&k, 1, NULL, &H, &pesan, &salah), 0);
  assert_true(sama(H.kegiatan[0].waktu, 0, 1));
  assert_true(sama(H.kegiatan[0].capaian, 0, 1));
}

static void biaya_divides_by_four(void **state)
{
  (void)state;
  const char *pesan;
  int salah;
  /* biaya 900 of 1000: e = 10 <= 24: (1760 - 900)/1000 x 100 = 86; (100 + 90 + 76 + 86)/4 = 88 */
  struct pp46_kegiatan k = K("10,100,12,1000:10,90,12,900");
  assert_true(k.ada_biaya);
  assert_int_equal(pp46_hitung(&k, 1, NULL, &H, &pesan, &salah), 0);
  assert_true(H.kegiatan[0].ada_biaya);
  assert_true(sama(H.kegiatan[0].biaya, 86, 1));
  assert_true(sama(H.kegiatan[0].capaian, 88, 1));
  /* biaya 500 of 1000: e = 50 > 24: 76 - (126 - 100) = 50 */
  k = K("10,100,12,1000:10,90,12,500");
  assert_int_equal(pp46_hitung(&k, 1, NULL, &H, &pesan, &salah), 0);
  assert_true(sama(H.kegiatan[0].biaya, 50, 1));
  /* large rupiah amounts stay exact */
  k = K("1,100,12,250000000000:1,100,12,237500000000.5");
  assert_int_equal(pp46_hitung(&k, 1, NULL, &H, &pesan, &salah), 0);
  assert_true(sama(H.kegiatan[0].biaya, 809999999998, 10000000000));  /* 80.9999999998 */
}

static void average_over_kegiatan(void **state)
{
  (void)state;
  const char *pesan;
  int salah;
  struct pp46_kegiatan k[3] = {K("10,100,12:10,90,12"), K("4,100,12:5,100,12"), K("2.5,100,6:2,80,6")};
  assert_int_equal(pp46_hitung(k, 3, NULL, &H, &pesan, &salah), 0);
  /* 266/3, (125 + 100 + 76)/3 = 301/3, (80 + 80 + 76)/3 = 236/3 -> 803/9 */
  assert_true(sama(H.kegiatan[1].capaian, 301, 3));
  assert_true(sama(H.kegiatan[2].capaian, 236, 3));
  assert_true(sama(H.nilai_skp, 803, 9));
  assert_int_equal(H.n, 3);
}

static void sebutan_bands(void **state)
{
  (void)state;
  static const struct { const char *v; enum pp46_sebutan s; } T[] = {
    {"100", PP46_SANGAT_BAIK}, {"91", PP46_SANGAT_BAIK}, {"90.000001", PP46_SANGAT_BAIK}, {"90", PP46_BAIK},
    {"76", PP46_BAIK}, {"75.5", PP46_BAIK}, {"75", PP46_CUKUP}, {"61", PP46_CUKUP}, {"60", PP46_KURANG},
    {"51", PP46_KURANG}, {"50.5", PP46_KURANG}, {"50", PP46_BURUK}, {"0", PP46_BURUK}, {"130", PP46_SANGAT_BAIK},
  };
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) assert_int_equal(pp46_sebutan(D(T[i].v)), T[i].s);
  assert_string_equal(pp46_sebutan_label(PP46_BURUK), "Buruk");
}

static void bad_kegiatan(void **state)
{
  (void)state;
  struct pp46_kegiatan k;
  const char *pesan;
  static const char *const bad[] = {
    "", "10,100,12", "10,100:10,90", "10,100,12:10,90", "10,100,12,5:10,90,12", "10,100,12:10,90,12,5",
    "0,100,12:10,90,12", "10,0,12:10,90,12", "10,100,0:10,90,12", "10,100,12,0:10,90,12,0", "10,100,12:-1,90,12",
    "10,100,12:10,90,12:1", "10,,12:10,90,12", "10,100,12:10,90,12,", "a,100,12:10,90,12", "1,2,3,4,5:1,2,3,4,5",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    pesan = NULL;
    assert_int_equal(pp46_kegiatan_parse(bad[i], &k, &pesan), -1);
    assert_non_null(pesan);
  }
  assert_int_equal(pp46_kegiatan_parse(NULL, &k, &pesan), -1);
  int salah;
  struct pp46_kegiatan two[2] = {K("1,100,12:1,100,12"), K("1,100,12:1,100,12")};
  two[1].tq = pecahan_bulat(0);  /* hand-built, refused by the calculation too */
  assert_int_equal(pp46_hitung(two, 2, NULL, &H, &pesan, &salah), -1);
  assert_int_equal(salah, 1);
  struct pecahan p = pecahan_bulat(101);
  assert_int_equal(pp46_hitung(two, 1, &p, &H, &pesan, &salah), -1);
  assert_non_null(strstr(pesan, "perilaku"));
  assert_int_equal(pp46_hitung(two, 0, NULL, &H, &pesan, &salah), -1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(worked_example),
    cmocka_unit_test(waktu_both_branches),
    cmocka_unit_test(biaya_divides_by_four),
    cmocka_unit_test(average_over_kegiatan),
    cmocka_unit_test(sebutan_bands),
    cmocka_unit_test(bad_kegiatan),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
