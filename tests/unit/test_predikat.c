/* test_predikat.c: the predikat matrix of PermenPANRB 6/2022, every cell. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules/predikat.h"

/* DOMAIN.md, copied cell by cell as labels (rows hasil kerja, columns perilaku). */
static const struct {
  const char *hasil, *perilaku, *predikat;
} TABEL[9] = {
  {"di_atas", "di_bawah", "Kurang/Misconduct"},
  {"di_atas", "sesuai", "Baik"},
  {"di_atas", "di_atas", "Sangat Baik"},
  {"sesuai", "di_bawah", "Kurang/Misconduct"},
  {"sesuai", "sesuai", "Baik"},
  {"sesuai", "di_atas", "Baik"},
  {"di_bawah", "di_bawah", "Sangat Kurang"},
  {"di_bawah", "sesuai", "Butuh Perbaikan"},
  {"di_bawah", "di_atas", "Butuh Perbaikan"},
};

static void all_nine_cells(void **state)
{
  (void)state;
  int seen[RATING_JUMLAH][RATING_JUMLAH] = {{0}};
  for (int i = 0; i < 9; i++) {
    enum rating h, p;
    assert_int_equal(rating_dari_kode(TABEL[i].hasil, &h), 0);
    assert_int_equal(rating_dari_kode(TABEL[i].perilaku, &p), 0);
    seen[h][p]++;
    struct penjelasan pj;
    penjelasan_mulai(&pj);
    enum predikat r = predikat_from_ratings(h, p, &pj);
    assert_string_equal(predikat_label(r), TABEL[i].predikat);
    /* the explanation names both inputs, the result and the article */
    assert_int_equal(pj.n, 3);
    assert_non_null(strstr(pj.baris[0], rating_label(h)));
    assert_non_null(strstr(pj.baris[0], rating_label(p)));
    assert_non_null(strstr(pj.baris[1], TABEL[i].predikat));
    assert_non_null(strstr(pj.baris[2], "PermenPANRB Nomor 6 Tahun 2022"));
    /* without an explanation the answer is the same */
    assert_int_equal(predikat_from_ratings(h, p, NULL), r);
  }
  for (int h = 0; h < RATING_JUMLAH; h++)
    for (int p = 0; p < RATING_JUMLAH; p++) assert_int_equal(seen[h][p], 1);
}

/* a better rating never gives a worse predikat (lower enum value is better) */
static void monotone_in_both_ratings(void **state)
{
  (void)state;
  for (int h = 0; h < RATING_JUMLAH; h++)
    for (int p = 0; p < RATING_JUMLAH; p++) {
      enum predikat r = predikat_from_ratings((enum rating)h, (enum rating)p, NULL);
      if (h + 1 < RATING_JUMLAH) assert_true(predikat_from_ratings((enum rating)(h + 1), (enum rating)p, NULL) <= r);
      if (p + 1 < RATING_JUMLAH) assert_true(predikat_from_ratings((enum rating)h, (enum rating)(p + 1), NULL) <= r);
    }
}

static void every_predikat_is_reachable_only_as_documented(void **state)
{
  (void)state;
  int n[PREDIKAT_JUMLAH] = {0};
  for (int h = 0; h < RATING_JUMLAH; h++)
    for (int p = 0; p < RATING_JUMLAH; p++) n[predikat_from_ratings((enum rating)h, (enum rating)p, NULL)]++;
  assert_int_equal(n[PREDIKAT_SANGAT_BAIK], 1);
  assert_int_equal(n[PREDIKAT_BAIK], 3);
  assert_int_equal(n[PREDIKAT_BUTUH_PERBAIKAN], 2);
  assert_int_equal(n[PREDIKAT_KURANG], 2);
  assert_int_equal(n[PREDIKAT_SANGAT_KURANG], 1);
}

static void codes_and_labels(void **state)
{
  (void)state;
  static const char *const kode[] = {"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"};
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) {
    enum predikat p;
    assert_int_equal(predikat_dari_kode(kode[i], &p), 0);
    assert_int_equal(p, i);
    assert_string_equal(predikat_kode(p), kode[i]);
  }
  enum predikat p;
  enum rating r;
  assert_int_equal(predikat_dari_kode("Baik", &p), -1);
  assert_int_equal(predikat_dari_kode("", &p), -1);
  assert_int_equal(predikat_dari_kode(NULL, &p), -1);
  assert_int_equal(rating_dari_kode("diatas", &r), -1);
  assert_int_equal(rating_dari_kode("DI_ATAS", &r), -1);
  assert_string_equal(rating_label(RATING_DI_ATAS), "Di Atas Ekspektasi");
  assert_string_equal(rating_kode(RATING_DI_BAWAH), "di_bawah");
  assert_string_equal(predikat_label(PREDIKAT_KURANG), "Kurang/Misconduct");
  assert_string_equal(predikat_label((enum predikat)9), "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(all_nine_cells),
    cmocka_unit_test(monotone_in_both_ratings),
    cmocka_unit_test(every_predikat_is_reachable_only_as_documented),
    cmocka_unit_test(codes_and_labels),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
