/* test_capaian_org.c: capaian kinerja organisasi (issue 15 part 2): capaian of an indicator
 * (higher and lower is better), the unit average, the suggested predikat at each threshold
 * boundary, and the per-instansi thresholds. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules/capaian_org.h"

static char *tulis(struct pecahan p)
{
  static char s[48];
  return pecahan_tulis(p, 2, '.', true, s, sizeof s);
}

static void naik(void **state)
{
  (void)state;
  struct pecahan c;
  assert_int_equal(capaian_org_indikator("45", "50", false, "APM", &c, NULL), 0);
  assert_string_equal(tulis(c), "90");
  assert_int_equal(capaian_org_indikator("92,5", "90", false, NULL, &c, NULL), 0);
  assert_string_equal(tulis(c), "102.78");
  assert_int_equal(capaian_org_indikator("0", "90", false, NULL, &c, NULL), 0);
  assert_string_equal(tulis(c), "0");
  /* a naik target of 0 cannot be divided by */
  assert_int_equal(capaian_org_indikator("3", "0", false, NULL, &c, NULL), -1);
  assert_int_equal(capaian_org_indikator("abc", "90", false, NULL, &c, NULL), -1);
  assert_int_equal(capaian_org_indikator("-1", "90", false, NULL, &c, NULL), -1);
}

static void turun(void **state)
{
  (void)state;
  struct pecahan c;
  struct penjelasan pj;
  penjelasan_mulai(&pj);
  /* lower is better: (2T - R) / T */
  assert_int_equal(capaian_org_indikator("0,4", "0,5", true, "Angka putus sekolah", &c, &pj), 0);
  assert_string_equal(tulis(c), "120");
  assert_int_equal(pj.n, 1);
  assert_non_null(strstr(pj.baris[0], "semakin rendah semakin baik"));
  assert_int_equal(capaian_org_indikator("0,5", "0,5", true, NULL, &c, NULL), 0);
  assert_string_equal(tulis(c), "100");
  assert_int_equal(capaian_org_indikator("0,6", "0,5", true, NULL, &c, NULL), 0);
  assert_string_equal(tulis(c), "80");
  /* never below 0 */
  assert_int_equal(capaian_org_indikator("2", "0,5", true, NULL, &c, NULL), 0);
  assert_string_equal(tulis(c), "0");
  /* target 0: 0 achieved is 100 %, anything above is 0 % */
  assert_int_equal(capaian_org_indikator("0", "0", true, NULL, &c, NULL), 0);
  assert_string_equal(tulis(c), "100");
  assert_int_equal(capaian_org_indikator("1", "0", true, NULL, &c, NULL), 0);
  assert_string_equal(tulis(c), "0");
}

static void rata(void **state)
{
  (void)state;
  struct pecahan v[3] = {pecahan_bulat(90), pecahan_bulat(120), pecahan_dari(1001, 10)}, r;
  assert_int_equal(capaian_org_rata(v, 3, &r), 0);
  assert_string_equal(tulis(r), "103.37");
  assert_int_equal(capaian_org_rata(v, 0, &r), -1);
}

static void predikat_ambang(void **state)
{
  (void)state;
  struct ambang_organisasi a = capaian_org_ambang_bawaan();
  struct { int64_t p, q; enum predikat_organisasi o; } kasus[] = {
    {110, 1, ORGANISASI_ISTIMEWA}, {10999, 100, ORGANISASI_BAIK}, {90, 1, ORGANISASI_BAIK},
    {8999, 100, ORGANISASI_BUTUH_PERBAIKAN}, {70, 1, ORGANISASI_BUTUH_PERBAIKAN}, {6999, 100, ORGANISASI_KURANG},
    {50, 1, ORGANISASI_KURANG}, {4999, 100, ORGANISASI_SANGAT_KURANG}, {0, 1, ORGANISASI_SANGAT_KURANG}, {150, 1, ORGANISASI_ISTIMEWA},
  };
  for (size_t i = 0; i < sizeof kasus / sizeof kasus[0]; i++)
    assert_int_equal(capaian_org_predikat(pecahan_dari(kasus[i].p, kasus[i].q), &a, NULL), kasus[i].o);
  struct penjelasan pj;
  penjelasan_mulai(&pj);
  assert_int_equal(capaian_org_predikat(pecahan_dari(9550, 100), &a, &pj), ORGANISASI_BAIK);
  assert_int_equal(pj.n, 2);
  assert_non_null(strstr(pj.baris[0], "95,5 %"));
  assert_non_null(strstr(pj.baris[0], "Baik"));
  assert_non_null(strstr(pj.baris[1], "BELUM DIKONFIRMASI"));
}

static void ambang_instansi(void **state)
{
  (void)state;
  struct ambang_organisasi a;
  const char *salah = NULL;
  assert_int_equal(capaian_org_ambang_dari_teks("100", "85", "65", "45", &a, &salah), 0);
  assert_int_equal(capaian_org_predikat(pecahan_bulat(100), &a, NULL), ORGANISASI_ISTIMEWA);
  assert_int_equal(capaian_org_predikat(pecahan_bulat(86), &a, NULL), ORGANISASI_BAIK);
  assert_int_equal(capaian_org_predikat(pecahan_bulat(44), &a, NULL), ORGANISASI_SANGAT_KURANG);
  /* not decreasing, or not a number */
  assert_int_equal(capaian_org_ambang_dari_teks("100", "100", "65", "45", &a, &salah), -1);
  assert_string_equal(salah, "baik");
  assert_int_equal(capaian_org_ambang_dari_teks("100", "85", "x", "45", &a, &salah), -1);
  assert_string_equal(salah, "butuh_perbaikan");
  assert_int_equal(capaian_org_ambang_dari_teks("2000", "85", "65", "45", &a, &salah), -1);
  assert_string_equal(salah, "istimewa");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(naik), cmocka_unit_test(turun), cmocka_unit_test(rata),
    cmocka_unit_test(predikat_ambang), cmocka_unit_test(ambang_instansi),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
