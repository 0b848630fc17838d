/* test_profil_kinerja.c: the four-dimension profile (issue 15 part 4): each dimension with both
 * components, with one, with none; the caps at 100; the 360 anonymity note; the unit mean; bad
 * input refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "rules/profil_kinerja.h"

static char *tulis(struct pecahan p)
{
  static char s[4][48];
  static int i;
  i = (i + 1) % 4;
  return pecahan_tulis(p, 2, '.', true, s[i], sizeof s[i]);
}

static bool ada_baris(const struct penjelasan *pj, const char *potong)
{
  for (int i = 0; i < pj->n; i++) if (strstr(pj->baris[i], potong)) return true;
  return false;
}

static struct profil_hasil *baru(void)
{
  struct profil_hasil *h = malloc(sizeof *h);
  assert_non_null(h);
  return h;
}

static void lengkap(void **state)
{
  (void)state;
  struct pecahan iki[2] = {pecahan_bulat(90), pecahan_bulat(110)};
  struct pecahan ind[2] = {pecahan_bulat(95), pecahan_bulat(120)};
  struct profil_masukan in = {
    .n_iki = 2, .capaian_iki = iki, .rating_hasil = RATING_SESUAI,
    .rating_perilaku = RATING_DI_ATAS, .skor_360_jumlah = 25, .skor_360_n = 6, .responden_360 = 3, .putaran_360 = 1,
    .minimal_360 = 3, .inovasi = 1, .rhk = 4, .rhk_tertaut = 3, .rhk_iku = 2, .n_indikator = 2, .capaian_indikator = ind,
  };
  struct profil_hasil *h = baru();
  assert_int_equal(profil_kinerja_hitung(&in, h), 0);
  /* capaian mean 100, rating Sesuai 80: (100 + 80) / 2 */
  assert_true(h->capaian_ada);
  assert_string_equal(tulis(h->capaian), "100");
  assert_string_equal(tulis(h->skor[PROFIL_KINERJA_INDIVIDU]), "90");
  /* 360: 25/6 = 4.17 x 20 = 83.33; with Di Atas 100: 91.67 */
  assert_string_equal(tulis(h->skor_360), "4.17");
  assert_string_equal(tulis(h->skor[PROFIL_PERILAKU_KERJA]), "91.67");
  assert_string_equal(tulis(h->skor[PROFIL_INOVASI]), "50");
  /* porsi 75 %, indicators 107.5 -> 100: 75 */
  assert_string_equal(tulis(h->porsi), "75");
  assert_string_equal(tulis(h->capaian_indikator), "107.5");
  assert_string_equal(tulis(h->skor[PROFIL_KONTRIBUSI_ORGANISASI]), "75");
  for (int d = 0; d < PROFIL_DIMENSI; d++) assert_true(h->ada[d]);
  assert_true(ada_baris(&h->pj[PROFIL_KONTRIBUSI_ORGANISASI], "3 dari 4 RHK"));
  assert_true(ada_baris(&h->pj[PROFIL_PERILAKU_KERJA], "oleh 3 responden"));
  free(h);
}

static void sebagian(void **state)
{
  (void)state;
  struct pecahan iki[1] = {pecahan_dari(1701, 20)};   /* 85.05 */
  struct pecahan ind[1] = {pecahan_bulat(80)};
  struct profil_masukan in = {
    .n_iki = 1, .capaian_iki = iki, .rating_hasil = PROFIL_TANPA_RATING, .rating_perilaku = PROFIL_TANPA_RATING,
    .putaran_360_tersembunyi = 2, .minimal_360 = 3, .inovasi = 3, .rhk = 4, .rhk_tertaut = 3, .rhk_iku = 3,
    .n_indikator = 1, .capaian_indikator = ind,
  };
  struct profil_hasil *h = baru();
  assert_int_equal(profil_kinerja_hitung(&in, h), 0);
  assert_string_equal(tulis(h->skor[PROFIL_KINERJA_INDIVIDU]), "85.05");
  /* no rating, 360 hidden: no skor, and the note says why */
  assert_false(h->ada[PROFIL_PERILAKU_KERJA]);
  assert_false(h->skor_360_ada);
  assert_true(ada_baris(&h->pj[PROFIL_PERILAKU_KERJA], "2 putaran 360 belum mencapai minimal 3 responden"));
  /* three innovations: capped */
  assert_string_equal(tulis(h->skor[PROFIL_INOVASI]), "100");
  /* 75 x 80 / 100 */
  assert_string_equal(tulis(h->skor[PROFIL_KONTRIBUSI_ORGANISASI]), "60");
  free(h);
}

static void kosong(void **state)
{
  (void)state;
  struct profil_masukan in = {.rating_hasil = RATING_DI_BAWAH, .rating_perilaku = RATING_SESUAI, .rhk = 2, .rhk_tertaut = 1};
  struct profil_hasil *h = baru();
  assert_int_equal(profil_kinerja_hitung(&in, h), 0);
  /* rating alone */
  assert_false(h->capaian_ada);
  assert_string_equal(tulis(h->skor[PROFIL_KINERJA_INDIVIDU]), "50");
  assert_string_equal(tulis(h->skor[PROFIL_PERILAKU_KERJA]), "80");
  assert_string_equal(tulis(h->skor[PROFIL_INOVASI]), "0");
  assert_true(h->ada[PROFIL_INOVASI]);
  /* traced but no realisasi of the indicator: the porsi alone */
  assert_string_equal(tulis(h->skor[PROFIL_KONTRIBUSI_ORGANISASI]), "50");
  assert_true(ada_baris(&h->pj[PROFIL_KONTRIBUSI_ORGANISASI], "belum memiliki realisasi"));
  /* nothing at all */
  struct profil_masukan nol = {.rating_hasil = PROFIL_TANPA_RATING, .rating_perilaku = PROFIL_TANPA_RATING};
  assert_int_equal(profil_kinerja_hitung(&nol, h), 0);
  assert_false(h->ada[PROFIL_KINERJA_INDIVIDU]);
  assert_false(h->ada[PROFIL_PERILAKU_KERJA]);
  assert_false(h->ada[PROFIL_KONTRIBUSI_ORGANISASI]);
  assert_true(ada_baris(&h->pj[PROFIL_KONTRIBUSI_ORGANISASI], "Belum ada RHK"));
  free(h);
}

static void salah(void **state)
{
  (void)state;
  struct profil_hasil *h = baru();
  struct profil_masukan a = {.rating_hasil = -1, .rating_perilaku = -1, .rhk = 1, .rhk_tertaut = 2};
  assert_int_equal(profil_kinerja_hitung(&a, h), -1);
  struct profil_masukan b = {.rating_hasil = -1, .rating_perilaku = -1, .skor_360_jumlah = 31, .skor_360_n = 6};
  assert_int_equal(profil_kinerja_hitung(&b, h), -1);
  struct profil_masukan c = {.rating_hasil = -1, .rating_perilaku = -1, .n_iki = 2};
  assert_int_equal(profil_kinerja_hitung(&c, h), -1);
  struct profil_masukan d = {.rating_hasil = -1, .rating_perilaku = -1, .inovasi = -1};
  assert_int_equal(profil_kinerja_hitung(&d, h), -1);
  assert_int_equal(profil_kinerja_skor_rating(7), -1);
  free(h);
}

static void rata_unit(void **state)
{
  (void)state;
  struct pecahan s[3] = {pecahan_bulat(90), pecahan_bulat(0), pecahan_bulat(75)};
  bool ada[3] = {true, false, true};
  struct pecahan r;
  int n = 0;
  assert_int_equal(profil_kinerja_rata(s, ada, 3, &r, &n), 0);
  assert_int_equal(n, 2);
  assert_string_equal(tulis(r), "82.5");
  bool tidak[3] = {false, false, false};
  assert_int_equal(profil_kinerja_rata(s, tidak, 3, &r, &n), 1);
  assert_int_equal(n, 0);
  assert_string_equal(profil_kinerja_kode(PROFIL_KONTRIBUSI_ORGANISASI), "kontribusi_organisasi");
  assert_string_equal(profil_kinerja_label(PROFIL_PERILAKU_KERJA), "Perilaku kerja");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(lengkap), cmocka_unit_test(sebagian), cmocka_unit_test(kosong), cmocka_unit_test(salah),
    cmocka_unit_test(rata_unit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
