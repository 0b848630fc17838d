/* test_kepatuhan.c: the dashboards' compliance score and risk signals (rules/kepatuhan.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules/kepatuhan.h"
#include "rules/target.h"

static void persen_rounds_half_up(void **state)
{
  (void)state;
  assert_int_equal(kepatuhan_persen(1, 3), 33);
  assert_int_equal(kepatuhan_persen(2, 3), 67);
  assert_int_equal(kepatuhan_persen(1, 8), 13);   /* 12.5 -> 13 */
  assert_int_equal(kepatuhan_persen(1, 200), 1);  /* 0.5 -> 1 */
  assert_int_equal(kepatuhan_persen(0, 5), 0);
  assert_int_equal(kepatuhan_persen(5, 5), 100);
  assert_int_equal(kepatuhan_persen(1, 0), -1);
  assert_int_equal(kepatuhan_persen(6, 5), -1);
  assert_int_equal(kepatuhan_persen(-1, 5), -1);
  /* exact for large counts: 6 million ASN */
  assert_int_equal(kepatuhan_persen(2999999, 6000000), 50);
}

static void hitung_mean_of_three(void **state)
{
  (void)state;
  struct kepatuhan_input in = {.pegawai = 10, .skp_disetujui = 8, .mencatat_minggu_ini = 5, .realisasi_bulan_lalu = 6};
  struct kepatuhan_hasil h;
  kepatuhan_hitung(&in, &h);
  assert_true(h.ada);
  assert_int_equal(h.skp_persen, 80);
  assert_int_equal(h.aktivitas_persen, 50);
  assert_int_equal(h.realisasi_persen, 75);
  assert_int_equal(h.persen, 68);   /* (80 + 50 + 75) / 3 = 68.33 */
  assert_int_equal(h.pj.n, 4);
  assert_non_null(strstr(h.pj.baris[3], "68%"));
}

static void hitung_leaves_out_empty_denominators(void **state)
{
  (void)state;
  struct kepatuhan_input in = {.pegawai = 4, .skp_disetujui = 0, .mencatat_minggu_ini = 1};
  struct kepatuhan_hasil h;
  kepatuhan_hitung(&in, &h);
  assert_true(h.ada);
  assert_int_equal(h.realisasi_persen, -1);
  assert_int_equal(h.persen, 13);   /* (0 + 25) / 2 = 12.5 -> 13 */
  struct kepatuhan_input kosong = {0};
  kepatuhan_hitung(&kosong, &h);
  assert_false(h.ada);
}

static void risiko_each_signal(void **state)
{
  (void)state;
  struct risiko_aturan a = RISIKO_ATURAN_BAKU;
  struct risiko_input baik = {.skp_disetujui = true, .hari_kerja_tanpa_aktivitas = 1, .realisasi_bulan_lalu = true, .capaian_persen = 95};
  assert_int_equal(risiko_nilai(&baik, &a, NULL), 0);
  struct risiko_input x = baik;
  x.hari_kerja_tanpa_aktivitas = 5;
  assert_int_equal(risiko_nilai(&x, &a, NULL), RISIKO_TIDAK_MENCATAT);
  x.hari_kerja_tanpa_aktivitas = 4;
  assert_int_equal(risiko_nilai(&x, &a, NULL), 0);
  x.capaian_persen = 79;
  assert_int_equal(risiko_nilai(&x, &a, NULL), RISIKO_CAPAIAN_RENDAH);
  x.capaian_persen = -1;   /* no realisasi: no capaian signal */
  assert_int_equal(risiko_nilai(&x, &a, NULL), 0);
  struct risiko_input tanpa_skp = {.skp_disetujui = false, .hari_kerja_tanpa_aktivitas = 0, .capaian_persen = -1};
  /* without an approved SKP there is no realisasi to expect */
  assert_int_equal(risiko_nilai(&tanpa_skp, &a, NULL), RISIKO_SKP_BELUM_DISETUJUI);
  struct risiko_input semua = {.skp_disetujui = true, .hari_kerja_tanpa_aktivitas = 20, .realisasi_bulan_lalu = false, .capaian_persen = 10};
  struct penjelasan pj;
  penjelasan_mulai(&pj);
  unsigned r = risiko_nilai(&semua, &a, &pj);
  assert_int_equal(r, RISIKO_TIDAK_MENCATAT | RISIKO_REALISASI_KOSONG | RISIKO_CAPAIAN_RENDAH);
  assert_int_equal(pj.n, 3);
  assert_non_null(strstr(pj.baris[0], "20 hari kerja"));
  assert_string_equal(risiko_kode(RISIKO_CAPAIAN_RENDAH), "capaian_rendah");
  assert_string_equal(risiko_label(RISIKO_SKP_BELUM_DISETUJUI), "SKP belum disetujui");
}

static void capaian_tahun_counts_and_rates(void **state)
{
  (void)state;
  struct capaian_tahun c;
  const char *nilai[12] = {"1", "1", NULL, "2.5"};
  /* a count: 4.5 of 12 by the end of April: 37.50 % of the year, 4.5 / 4 = 112.50 % pro rata */
  assert_int_equal(target_capaian_tahun(nilai, "12", false, 4, &c), 0);
  assert_int_equal(c.bulan_terisi, 3);
  assert_string_equal(c.realisasi, "4.5");
  assert_string_equal(c.capaian, "37.50");
  assert_string_equal(c.capaian_prorata, "112.50");
  /* months after `bulan` are not counted */
  assert_int_equal(target_capaian_tahun(nilai, "12", false, 2, &c), 0);
  assert_string_equal(c.realisasi, "2");
  assert_string_equal(c.capaian_prorata, "100.00");
  /* a rate: the last month filed against the whole target, 2.5 / 3 = 83.33 */
  assert_int_equal(target_capaian_tahun(nilai, "3", true, 12, &c), 0);
  assert_string_equal(c.realisasi, "2.5");
  assert_string_equal(c.capaian, "83.33");
  assert_string_equal(c.capaian_prorata, "83.33");
  /* 1 / 3 of 7 months: 1 x 12 / (3 x 7) = 57.142857 -> 57.14 */
  const char *satu[12] = {"1"};
  assert_int_equal(target_capaian_tahun(satu, "3", false, 7, &c), 0);
  assert_string_equal(c.capaian_prorata, "57.14");
  const char *kosong[12] = {0};
  assert_int_equal(target_capaian_tahun(kosong, "12", false, 5, &c), 1);
  assert_int_equal(target_capaian_tahun(nilai, "0", false, 5, &c), -1);
  assert_int_equal(target_capaian_tahun(nilai, "abc", false, 5, &c), -1);
  assert_int_equal(target_capaian_tahun(nilai, "12", false, 13, &c), -1);
  const char *aneh[12] = {"x", "2"};
  assert_int_equal(target_capaian_tahun(aneh, "4", false, 2, &c), 0);
  assert_string_equal(c.realisasi, "2");   /* a value that is not a number is skipped */
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(persen_rounds_half_up),
    cmocka_unit_test(hitung_mean_of_three),
    cmocka_unit_test(hitung_leaves_out_empty_denominators),
    cmocka_unit_test(risiko_each_signal),
    cmocka_unit_test(capaian_tahun_counts_and_rates),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
