/* test_analitik.c: the analytics rules (rules/analitik.c): leniency statistic, 9-box, keywords. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "rules/analitik.h"

static void kelonggaran_hand_computed(void **state)
{
  (void)state;
  /* instansi: 10 Sangat Baik, 80 Baik, 10 Butuh Perbaikan -> mean 4, sample sd sqrt(20/99) */
  int64_t inst[PREDIKAT_JUMLAH] = {10, 80, 10, 0, 0};
  /* a penilai with 10 Sangat Baik and 2 Baik: mean 58/12 */
  int64_t pen[PREDIKAT_JUMLAH] = {10, 2, 0, 0, 0};
  struct kelonggaran_aturan a = KELONGGARAN_BAKU;
  struct kelonggaran k;
  analitik_kelonggaran(pen, inst, &a, &k);
  double sd = sqrt(20.0 / 99.0), z = (58.0 / 12.0 - 4.0) / (sd / sqrt(12.0));
  assert_true(k.dinilai);
  assert_int_equal(k.n, 12);
  assert_true(fabs(k.rata_instansi - 4.0) < 1e-12);
  assert_true(fabs(k.sd_instansi - sd) < 1e-12);
  assert_true(fabs(k.z - z) < 1e-9);
  assert_int_equal(k.arah, 1);   /* z = 6.42: lenient */
  /* a severe one */
  int64_t ketat[PREDIKAT_JUMLAH] = {0, 5, 10, 0, 0};
  analitik_kelonggaran(ketat, inst, &a, &k);
  assert_int_equal(k.arah, -1);
  /* the instansi itself is never flagged */
  analitik_kelonggaran(inst, inst, &a, &k);
  assert_int_equal(k.arah, 0);
  assert_true(fabs(k.z) < 1e-12);
  /* small samples are not judged, whatever their mean */
  int64_t sedikit[PREDIKAT_JUMLAH] = {9, 0, 0, 0, 0};
  analitik_kelonggaran(sedikit, inst, &a, &k);
  assert_false(k.dinilai);
  assert_int_equal(k.arah, 0);
  /* an instansi without spread cannot judge anyone */
  int64_t rata[PREDIKAT_JUMLAH] = {0, 50, 0, 0, 0}, x[PREDIKAT_JUMLAH] = {0, 20, 0, 0, 0};
  analitik_kelonggaran(x, rata, &a, &k);
  assert_false(k.dinilai);
}

static void sembilan_kotak(void **state)
{
  (void)state;
  assert_int_equal(analitik_kotak(analitik_kinerja_dari_predikat(PREDIKAT_SANGAT_BAIK), TINGKAT_TINGGI), 9);
  assert_int_equal(analitik_kotak(analitik_kinerja_dari_predikat(PREDIKAT_BAIK), TINGKAT_RENDAH), 4);
  assert_int_equal(analitik_kotak(analitik_kinerja_dari_predikat(PREDIKAT_KURANG), TINGKAT_RENDAH), 1);
  assert_int_equal(analitik_kotak(analitik_kinerja_dari_predikat(PREDIKAT_BUTUH_PERBAIKAN), TINGKAT_TINGGI), 3);
  assert_string_equal(analitik_kotak_nama(9), "Bintang");
  assert_string_equal(analitik_kotak_nama(0), "");
  enum tingkat t;
  assert_int_equal(tingkat_dari_kode("menengah", &t), 0);
  assert_int_equal(t, TINGKAT_MENENGAH);
  assert_int_equal(tingkat_dari_kode("sedang", &t), -1);
  assert_string_equal(tingkat_kode(TINGKAT_TINGGI), "tinggi");
  /* every box is reached exactly once */
  int seen[10] = {0};
  for (int k = 1; k <= 3; k++)
    for (int p = 1; p <= 3; p++) seen[analitik_kotak((enum tingkat)k, (enum tingkat)p)]++;
  for (int i = 1; i <= 9; i++) assert_int_equal(seen[i], 1);
}

static void kata_kunci(void **state)
{
  (void)state;
  assert_true(analitik_kata_cocok("Perlu meningkatkan Koordinasi dengan unit lain", "koordinasi"));
  assert_true(analitik_kata_cocok("koordinasinya kurang", "koordinasi"));
  assert_false(analitik_kata_cocok("berkoordinasi", "koordinasi"));
  assert_false(analitik_kata_cocok("rapat", "ra"));   /* under 3 characters: never */
  assert_false(analitik_kata_cocok(NULL, "koordinasi"));
  assert_true(analitik_kata_cocok("(inovasi) layanan", "inovasi"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(kelonggaran_hand_computed),
    cmocka_unit_test(sembilan_kotak),
    cmocka_unit_test(kata_kunci),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
