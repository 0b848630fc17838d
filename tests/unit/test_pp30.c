/* test_pp30.c: PP 30/2019 Pasal 41 (nilai kinerja, predikat bands, the UNCONFIRMED lower bound as a
 * parameter) and the exact decimals every rule uses (rules/desimal.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules/desimal.h"
#include "rules/pp30.h"

static struct pecahan D(const char *s)
{
  struct pecahan p;
  assert_int_equal(pecahan_dari_teks(s, &p), 0);
  return p;
}

static struct pp30_hasil H;

static const struct pp30_hasil *hitung(const char *skp, const char *perilaku, int p360, int inovasi)
{
  struct pp30_masukan m;
  pp30_bawaan(&m);
  m.skp = D(skp);
  m.perilaku = D(perilaku);
  m.penilaian_360 = p360;
  m.inovasi = inovasi;
  const char *pesan, *field;
  assert_int_equal(pp30_hitung(&m, &H, &pesan, &field), 0);
  return &H;
}

static void worked_example(void **state)
{
  (void)state;
  /* DOMAIN.md: 100 and 80 at 60/40 -> 92.0 -> Baik */
  const struct pp30_hasil *h = hitung("100", "80", 1, 0);
  assert_int_equal(h->bobot_skp, 60);
  assert_int_equal(h->bobot_perilaku, 40);
  assert_int_equal(pecahan_banding(h->nilai, pecahan_bulat(92)), 0);
  assert_int_equal(h->predikat, PP30_BAIK);
  assert_string_equal(pp30_predikat_label(h->predikat), "Baik");
  assert_non_null(strstr(h->pj.baris[1], "60% × 100 + 40% × 80 = 92,00"));
  assert_non_null(strstr(h->pj.baris[h->pj.n - 1], "PP Nomor 30 Tahun 2019 Pasal 41"));
  /* the same at 70/30: 94 */
  h = hitung("100", "80", 0, 0);
  assert_int_equal(h->bobot_skp, 70);
  assert_int_equal(pecahan_banding(h->nilai, pecahan_bulat(94)), 0);
}

static void bands(void **state)
{
  (void)state;
  static const struct { const char *skp, *perilaku; int inovasi; enum pp30_predikat p; } T[] = {
    {"120", "120", 1, PP30_SANGAT_BAIK}, {"110", "110", 1, PP30_SANGAT_BAIK},
    {"120", "120", 0, PP30_BAIK},   /* Sangat Baik needs the inovasi */
    {"110", "109.99", 1, PP30_BAIK}, {"90", "90", 0, PP30_BAIK}, {"90", "89.99", 0, PP30_CUKUP},
    {"70", "70", 0, PP30_CUKUP}, {"70", "69.999999", 0, PP30_KURANG}, {"50", "50", 0, PP30_KURANG},
    {"50", "49.99", 0, PP30_SANGAT_KURANG}, {"0", "0", 1, PP30_SANGAT_KURANG},
  };
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
    const struct pp30_hasil *h = hitung(T[i].skp, T[i].perilaku, 0, T[i].inovasi);
    assert_int_equal(h->predikat, T[i].p);
  }
  /* 85 and 90 at 70/30 = 86.5: Cukup */
  const struct pp30_hasil *h = hitung("85", "90", 0, 0);
  assert_int_equal(pecahan_skala(h->nilai, 2), 8650);
  assert_int_equal(h->predikat, PP30_CUKUP);
  /* in the Sangat Baik range without inovasi: the explanation says why it is Baik */
  h = hitung("115", "115", 0, 0);
  assert_non_null(strstr(h->pj.baris[3], "tanpa inovasi"));
}

static void lower_bound_is_a_parameter(void **state)
{
  (void)state;
  struct pp30_masukan m;
  pp30_bawaan(&m);
  assert_int_equal(pecahan_banding(m.batas_sangat_kurang, pecahan_bulat(50)), 0);
  m.skp = D("45");
  m.perilaku = D("45");
  const char *pesan, *field;
  assert_int_equal(pp30_hitung(&m, &H, &pesan, &field), 0);
  assert_int_equal(H.predikat, PP30_SANGAT_KURANG);
  m.batas_sangat_kurang = D("40");
  assert_int_equal(pp30_hitung(&m, &H, &pesan, &field), 0);
  assert_int_equal(H.predikat, PP30_KURANG);
  assert_non_null(strstr(H.pj.baris[2], "Kurang 40 sampai kurang dari 70"));
  m.batas_sangat_kurang = D("70");
  m.skp = m.perilaku = D("69");
  assert_int_equal(pp30_hitung(&m, &H, &pesan, &field), 0);
  assert_int_equal(H.predikat, PP30_SANGAT_KURANG);
}

static void out_of_range(void **state)
{
  (void)state;
  struct pp30_masukan m;
  pp30_bawaan(&m);
  const char *pesan, *field;
  m.skp = D("120.000001");
  assert_int_equal(pp30_hitung(&m, &H, &pesan, &field), -1);
  assert_string_equal(field, "skp");
  m.skp = D("100");
  m.perilaku = D("121");
  assert_int_equal(pp30_hitung(&m, &H, &pesan, &field), -1);
  assert_string_equal(field, "perilaku");
  m.perilaku = D("100");
  m.batas_sangat_kurang = D("70.5");
  assert_int_equal(pp30_hitung(&m, &H, &pesan, &field), -1);
  assert_string_equal(field, "batas_sangat_kurang");
}

/* ---- rules/desimal.c ---- */

static void parsing_decimals(void **state)
{
  (void)state;
  struct pecahan p;
  assert_int_equal(pecahan_dari_teks("92,5", &p), 0);
  assert_int_equal(p.p, 185);
  assert_int_equal(p.q, 2);
  assert_int_equal(pecahan_dari_teks(" 007.250 ", &p), 0);
  assert_int_equal(p.p, 29);
  assert_int_equal(p.q, 4);
  assert_int_equal(pecahan_dari_teks("0", &p), 0);
  assert_int_equal(p.p, 0);
  assert_int_equal(p.q, 1);
  assert_int_equal(pecahan_dari_teks("999999999999.999999", &p), 0);
  static const char *const bad[] = {"", " ", "-1", "+1", "1.", ".5", "1.2.3", "1,2,3", "1e3", "1 000",
                                    "0.1234567", "1000000000000", "abc", "12a", "1.000.000"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_equal(pecahan_dari_teks(bad[i], &p), -1);
  assert_int_equal(pecahan_dari_teks(NULL, &p), -1);
}

static void exact_arithmetic_and_rounding(void **state)
{
  (void)state;
  struct pecahan a = pecahan_dari(266, 3), b;
  assert_int_equal(pecahan_skala(a, 2), 8867);
  assert_int_equal(pecahan_skala(pecahan_dari(88665, 1000), 2), 8867);   /* half up */
  assert_int_equal(pecahan_skala(pecahan_dari(-88665, 1000), 2), -8867); /* half away from zero */
  assert_int_equal(pecahan_skala_atas(pecahan_dari(29001, 1000), 2), 2901);
  assert_int_equal(pecahan_skala_atas(pecahan_dari(29, 1), 2), 2900);
  /* 0.1 + 0.2 == 0.3 exactly */
  assert_int_equal(pecahan_tambah(D("0.1"), D("0.2"), &b), 0);
  assert_int_equal(pecahan_banding(b, D("0.3")), 0);
  assert_int_equal(pecahan_bagi(a, pecahan_bulat(0), &b), -1);
  /* overflow is reported, not wrapped */
  struct pecahan big = pecahan_dari(INT64_MAX / 2, 1);
  assert_int_equal(pecahan_kali(big, big, &b), -1);
  assert_int_equal(pecahan_tambah(big, big, &b), 0);
  assert_int_equal(pecahan_tambah(b, big, &b), -1);
  char s[32];
  assert_string_equal(pecahan_tulis(a, 2, ',', false, s, sizeof s), "88,67");
  assert_string_equal(desimal_tulis(9200, 2, ',', false, s, sizeof s), "92,00");
  assert_string_equal(desimal_tulis(9200, 2, ',', true, s, sizeof s), "92");
  assert_string_equal(desimal_tulis(1250, 2, '.', true, s, sizeof s), "12.5");
  assert_string_equal(desimal_tulis(-5, 2, ',', false, s, sizeof s), "-0,05");
  assert_string_equal(desimal_tulis(7, 0, ',', false, s, sizeof s), "7");
  char small[3];
  assert_string_equal(desimal_tulis(12345, 2, ',', false, small, sizeof small), "?");
}

static void explanation_is_bounded(void **state)
{
  (void)state;
  static struct penjelasan pj;
  penjelasan_mulai(&pj);
  char panjang[1000];
  memset(panjang, 'x', sizeof panjang - 1);
  panjang[sizeof panjang - 1] = '\0';
  for (int i = 0; i < 100; i++) penjelasan_tambah(&pj, "%s", panjang);
  assert_int_equal(pj.n, PENJELASAN_MAKS);
  assert_int_equal(strlen(pj.baris[0]), PENJELASAN_PANJANG - 1);
  assert_non_null(strstr(pj.baris[PENJELASAN_MAKS - 1], "dipotong"));
  /* a cut never splits a UTF-8 character */
  penjelasan_mulai(&pj);
  for (size_t i = 0; i + 2 < sizeof panjang; i += 2) { panjang[i] = (char)0xc3; panjang[i + 1] = (char)0x97; }
  penjelasan_tambah(&pj, "%s", panjang);  /* 511 bytes would end with the first byte of a character */
  size_t n = strlen(pj.baris[0]);
  assert_int_equal(n, PENJELASAN_PANJANG - 2);
  assert_int_equal((unsigned char)pj.baris[0][n - 1], 0x97);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(worked_example),
    cmocka_unit_test(bands),
    cmocka_unit_test(lower_bound_is_a_parameter),
    cmocka_unit_test(out_of_range),
    cmocka_unit_test(parsing_decimals),
    cmocka_unit_test(exact_arithmetic_and_rounding),
    cmocka_unit_test(explanation_is_bounded),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
