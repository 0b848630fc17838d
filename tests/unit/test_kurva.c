/* test_kurva.c: the pola distribusi check (PermenPANRB 6/2022): the worked examples, every rule at
 * its boundary, the rounding settings for small units, and properties over random units. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules/kurva.h"

enum { SB, B, BP, K, SK };

static struct kurva_hasil H;  /* large; one at a time */

static const struct kurva_hasil *periksa(enum predikat_organisasi o, int64_t sb, int64_t b, int64_t bp, int64_t k,
                                         int64_t sk, enum kurva_pembulatan m)
{
  int64_t j[5] = {sb, b, bp, k, sk};
  const char *pesan = NULL;
  assert_int_equal(kurva_periksa(o, j, m, &H, &pesan), 0);
  return &H;
}

/* The broken rule whose text is `teks`, or NULL. */
static const struct kurva_cek *langgar(const struct kurva_hasil *h, const char *teks)
{
  for (int i = 0; i < h->n_aturan; i++)
    if (!h->cek[i].patuh && strcmp(h->cek[i].aturan->teks, teks) == 0) return &h->cek[i];
  return NULL;
}

static void worked_examples(void **state)
{
  (void)state;
  /* DOMAIN.md: unit Baik, 10 pegawai: 7 Baik, 2 Sangat Baik, 1 Butuh Perbaikan is fine */
  const struct kurva_hasil *h = periksa(ORGANISASI_BAIK, 2, 7, 1, 0, 0, KURVA_TEPAT);
  assert_true(h->patuh);
  assert_int_equal(h->n_pelanggaran, 0);
  assert_int_equal(h->total, 10);
  assert_int_equal(h->n_aturan, 2);
  assert_non_null(strstr(h->pj.baris[h->pj.n - 1], "PermenPANRB Nomor 6 Tahun 2022"));
  /* 8 Baik and 2 Butuh Perbaikan breaks "at most 70 % Baik", and only that */
  h = periksa(ORGANISASI_BAIK, 0, 8, 2, 0, 0, KURVA_TEPAT);
  assert_false(h->patuh);
  assert_int_equal(h->n_pelanggaran, 1);
  const struct kurva_cek *c = langgar(h, "paling banyak 70% Baik");
  assert_non_null(c);
  assert_int_equal(c->jumlah, 8);
  assert_int_equal(c->batas, 7);
  assert_int_equal(c->batas_tepat.p, 7);
  assert_int_equal(c->batas_tepat.q, 1);
  int found = 0;
  for (int i = 0; i < h->pj.n; i++) found += strstr(h->pj.baris[i], "DILANGGAR (8 melebihi 7)") != NULL;
  assert_int_equal(found, 1);
}

static void every_rule_at_its_boundary(void **state)
{
  (void)state;
  /* Istimewa: at most 70 % Sangat Baik */
  assert_true(periksa(ORGANISASI_ISTIMEWA, 7, 3, 0, 0, 0, KURVA_TEPAT)->patuh);
  assert_non_null(langgar(periksa(ORGANISASI_ISTIMEWA, 8, 2, 0, 0, 0, KURVA_TEPAT), "paling banyak 70% Sangat Baik"));
  assert_true(periksa(ORGANISASI_ISTIMEWA, 0, 0, 0, 0, 10, KURVA_TEPAT)->patuh);  /* others any */
  /* Baik: at least one Butuh Perbaikan and/or Kurang/Misconduct */
  const struct kurva_hasil *h = periksa(ORGANISASI_BAIK, 3, 7, 0, 0, 0, KURVA_TEPAT);
  assert_int_equal(h->n_pelanggaran, 1);
  assert_non_null(langgar(h, "paling sedikit 1 pegawai Butuh Perbaikan dan/atau Kurang/Misconduct"));
  assert_true(periksa(ORGANISASI_BAIK, 3, 6, 0, 1, 0, KURVA_TEPAT)->patuh);
  assert_int_equal(periksa(ORGANISASI_BAIK, 2, 7, 0, 0, 1, KURVA_TEPAT)->n_pelanggaran, 1);  /* SK does not count */
  /* Butuh Perbaikan: at least 60 % BP; at most 10 % SB */
  assert_true(periksa(ORGANISASI_BUTUH_PERBAIKAN, 1, 3, 6, 0, 0, KURVA_TEPAT)->patuh);
  h = periksa(ORGANISASI_BUTUH_PERBAIKAN, 2, 3, 5, 0, 0, KURVA_TEPAT);
  assert_int_equal(h->n_pelanggaran, 2);
  assert_int_equal(langgar(h, "paling sedikit 60% Butuh Perbaikan")->batas, 6);
  assert_int_equal(langgar(h, "paling banyak 10% Sangat Baik")->batas, 1);
  /* Kurang: at least 60 % K; at least 10 % BP; at most 10 % SB */
  assert_true(periksa(ORGANISASI_KURANG, 1, 2, 1, 6, 0, KURVA_TEPAT)->patuh);
  h = periksa(ORGANISASI_KURANG, 2, 3, 0, 5, 0, KURVA_TEPAT);
  assert_int_equal(h->n_pelanggaran, 3);
  /* Sangat Kurang: at least 60 % SK; at least 10 % K and/or BP; no Sangat Baik */
  assert_true(periksa(ORGANISASI_SANGAT_KURANG, 0, 3, 0, 1, 6, KURVA_TEPAT)->patuh);
  assert_true(periksa(ORGANISASI_SANGAT_KURANG, 0, 3, 1, 0, 6, KURVA_TEPAT)->patuh);
  h = periksa(ORGANISASI_SANGAT_KURANG, 1, 3, 0, 0, 6, KURVA_TEPAT);
  assert_int_equal(h->n_pelanggaran, 2);
  assert_int_equal(langgar(h, "tidak ada Sangat Baik")->batas, 0);
  assert_non_null(langgar(h, "paling sedikit 10% Kurang/Misconduct dan/atau Butuh Perbaikan"));
}

static void small_units_and_rounding_settings(void **state)
{
  (void)state;
  /* unit Baik of 3, all Baik plus... 70 % of 3 = 2.1 */
  const struct kurva_hasil *h = periksa(ORGANISASI_BAIK, 0, 3, 0, 0, 0, KURVA_TEPAT);
  assert_int_equal(langgar(h, "paling banyak 70% Baik")->batas, 2);
  h = periksa(ORGANISASI_BAIK, 0, 3, 0, 0, 0, KURVA_ATAS);
  assert_null(langgar(h, "paling banyak 70% Baik"));  /* 2.1 rounded up to 3 */
  h = periksa(ORGANISASI_BAIK, 0, 3, 0, 0, 0, KURVA_TERDEKAT);
  assert_non_null(langgar(h, "paling banyak 70% Baik"));
  /* unit Kurang of 5: 10 % BP = 0.5 pegawai */
  h = periksa(ORGANISASI_KURANG, 0, 2, 0, 3, 0, KURVA_TEPAT);
  assert_non_null(langgar(h, "paling sedikit 10% Butuh Perbaikan"));
  h = periksa(ORGANISASI_KURANG, 0, 2, 0, 3, 0, KURVA_BAWAH);
  assert_null(langgar(h, "paling sedikit 10% Butuh Perbaikan"));  /* 0.5 rounded down to 0 */
  h = periksa(ORGANISASI_KURANG, 0, 2, 0, 3, 0, KURVA_TERDEKAT);
  assert_non_null(langgar(h, "paling sedikit 10% Butuh Perbaikan"));  /* halves up: 1 */
  /* one pegawai, unit Istimewa, Sangat Baik: 1 > 0.7 */
  assert_false(periksa(ORGANISASI_ISTIMEWA, 1, 0, 0, 0, 0, KURVA_TEPAT)->patuh);
  assert_true(periksa(ORGANISASI_ISTIMEWA, 1, 0, 0, 0, 0, KURVA_ATAS)->patuh);
}

static void bad_input(void **state)
{
  (void)state;
  const char *pesan = NULL;
  int64_t nol[5] = {0}, neg[5] = {1, -1, 0, 0, 0}, besar[5] = {KURVA_MAKS_PEGAWAI + 1, 0, 0, 0, 0};
  assert_int_equal(kurva_periksa(ORGANISASI_BAIK, nol, KURVA_TEPAT, &H, &pesan), -1);
  assert_non_null(strstr(pesan, "tanpa pegawai"));
  assert_int_equal(kurva_periksa(ORGANISASI_BAIK, neg, KURVA_TEPAT, &H, &pesan), -1);
  assert_int_equal(kurva_periksa(ORGANISASI_BAIK, besar, KURVA_TEPAT, &H, &pesan), -1);
  enum predikat_organisasi o;
  enum kurva_pembulatan m;
  assert_int_equal(kurva_organisasi_dari_kode("cukup", &o), -1);
  assert_int_equal(kurva_organisasi_dari_kode("butuh_perbaikan", &o), 0);
  assert_int_equal(o, ORGANISASI_BUTUH_PERBAIKAN);
  assert_int_equal(kurva_pembulatan_dari_kode("terdekat", &m), 0);
  assert_int_equal(m, KURVA_TERDEKAT);
  assert_int_equal(kurva_pembulatan_dari_kode("nearest", &m), -1);
}

/* ---- properties over random units ---- */

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t acak(uint64_t n)
{
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng % n;
}

static void random_unit(int64_t j[5], int64_t n)
{
  memset(j, 0, 5 * sizeof j[0]);
  /* skewed: sometimes everyone in one or two predikat */
  int mode = (int)acak(3);
  for (int64_t i = 0; i < n; i++) {
    int p = mode == 0 ? (int)acak(5) : mode == 1 ? (int)acak(2) + (int)acak(4) : (int)(acak(100) < 65 ? acak(5) : 1);
    j[p]++;
  }
}

/* Reference: the DOMAIN.md table written out in integer arithmetic (exact fractions). */
static int reference_violations(enum predikat_organisasi o, const int64_t j[5])
{
  int64_t n = j[0] + j[1] + j[2] + j[3] + j[4];
  int v = 0;
  switch (o) {
  case ORGANISASI_ISTIMEWA: v += 10 * j[SB] > 7 * n; break;
  case ORGANISASI_BAIK: v += 10 * j[B] > 7 * n; v += j[BP] + j[K] < 1; break;
  case ORGANISASI_BUTUH_PERBAIKAN: v += 10 * j[BP] < 6 * n; v += 10 * j[SB] > n; break;
  case ORGANISASI_KURANG: v += 10 * j[K] < 6 * n; v += 10 * j[BP] < n; v += 10 * j[SB] > n; break;
  case ORGANISASI_SANGAT_KURANG: v += 10 * j[SK] < 6 * n; v += 10 * (j[K] + j[BP]) < n; v += j[SB] > 0; break;
  }
  return v;
}

static int64_t random_n(void)
{
  switch (acak(3)) {
  case 0: return 1 + (int64_t)acak(12);     /* small units: where rounding matters */
  case 1: return 1 + (int64_t)acak(200);
  default: return 1 + (int64_t)acak(5000);
  }
}

static void matches_reference_over_many_units(void **state)
{
  (void)state;
  const char *pesan;
  for (int t = 0; t < 20000; t++) {
    int64_t j[5];
    random_unit(j, random_n());
    enum predikat_organisasi o = (enum predikat_organisasi)acak(ORGANISASI_JUMLAH);
    assert_int_equal(kurva_periksa(o, j, KURVA_TEPAT, &H, &pesan), 0);
    assert_int_equal(H.n_pelanggaran, reference_violations(o, j));
    assert_int_equal(H.patuh, H.n_pelanggaran == 0);
    int broken = 0;
    for (int i = 0; i < H.n_aturan; i++) broken += !H.cek[i].patuh;
    assert_int_equal(broken, H.n_pelanggaran);
  }
}

/* every small unit exhaustively (n <= 10: all 5-part compositions), every predikat organisasi */
static void matches_reference_exhaustively_for_small_units(void **state)
{
  (void)state;
  const char *pesan;
  for (int64_t n = 1; n <= 10; n++)
    for (int64_t a = 0; a <= n; a++)
      for (int64_t b = 0; a + b <= n; b++)
        for (int64_t c = 0; a + b + c <= n; c++)
          for (int64_t d = 0; a + b + c + d <= n; d++) {
            int64_t j[5] = {a, b, c, d, n - a - b - c - d};
            for (int o = 0; o < ORGANISASI_JUMLAH; o++) {
              assert_int_equal(kurva_periksa((enum predikat_organisasi)o, j, KURVA_TEPAT, &H, &pesan), 0);
              assert_int_equal(H.n_pelanggaran, reference_violations((enum predikat_organisasi)o, j));
            }
          }
}

static int sb_maks_broken(const struct kurva_hasil *h)
{
  for (int i = 0; i < h->n_aturan; i++) {
    const struct kurva_aturan *a = h->cek[i].aturan;
    if (a->jenis == KURVA_MAKS && a->kelompok == (1u << PREDIKAT_SANGAT_BAIK) && !h->cek[i].patuh) return 1;
  }
  return 0;
}

static int sb_maks_exists(enum predikat_organisasi o)
{
  int n;
  const struct kurva_aturan *a = kurva_aturan(o, &n);
  for (int i = 0; i < n; i++)
    if (a[i].jenis == KURVA_MAKS && a[i].kelompok == (1u << PREDIKAT_SANGAT_BAIK)) return 1;
  return 0;
}

/* Moving one pegawai to a higher predikat never fixes a "maks" violation of Sangat Baik (and
 * moving one to a lower predikat never creates one), in every rounding setting. */
static void promotion_never_fixes_a_sangat_baik_maximum(void **state)
{
  (void)state;
  const char *pesan;
  int checked = 0;
  for (int t = 0; t < 20000; t++) {
    int64_t j[5];
    random_unit(j, random_n());
    enum predikat_organisasi o = (enum predikat_organisasi)acak(ORGANISASI_JUMLAH);
    if (!sb_maks_exists(o)) continue;
    enum kurva_pembulatan m = (enum kurva_pembulatan)acak(KURVA_PEMBULATAN_JUMLAH);
    assert_int_equal(kurva_periksa(o, j, m, &H, &pesan), 0);
    int before = sb_maks_broken(&H);
    for (int from = 1; from < 5; from++) {
      if (j[from] == 0) continue;
      for (int to = 0; to < from; to++) {
        int64_t x[5];
        memcpy(x, j, sizeof x);
        x[from]--;
        x[to]++;
        assert_int_equal(kurva_periksa(o, x, m, &H, &pesan), 0);
        if (before) { assert_true(sb_maks_broken(&H)); checked++; }
        /* and the reverse move (x -> j is a demotion) never breaks it */
        if (!sb_maks_broken(&H)) {
          assert_int_equal(kurva_periksa(o, j, m, &H, &pesan), 0);
          assert_false(sb_maks_broken(&H));
        }
      }
    }
  }
  assert_true(checked > 1000);
}

/* Moving one pegawai up never fixes "at least 60 % Sangat Kurang" (the lowest predikat). */
static void promotion_never_fixes_the_sangat_kurang_minimum(void **state)
{
  (void)state;
  const char *pesan;
  for (int t = 0; t < 5000; t++) {
    int64_t j[5];
    random_unit(j, random_n());
    enum kurva_pembulatan m = (enum kurva_pembulatan)acak(KURVA_PEMBULATAN_JUMLAH);
    assert_int_equal(kurva_periksa(ORGANISASI_SANGAT_KURANG, j, m, &H, &pesan), 0);
    if (H.cek[0].patuh) continue;
    for (int from = 1; from < 5; from++)
      for (int to = 0; to < from && j[from]; to++) {
        int64_t x[5];
        memcpy(x, j, sizeof x);
        x[from]--;
        x[to]++;
        assert_int_equal(kurva_periksa(ORGANISASI_SANGAT_KURANG, x, m, &H, &pesan), 0);
        assert_false(H.cek[0].patuh);
      }
  }
}

/* Exact comparison is the strictest setting: whatever another rounding reports as broken is also
 * broken under KURVA_TEPAT; and exact results do not change when every count is multiplied. */
static void exact_is_strictest_and_scale_free(void **state)
{
  (void)state;
  const char *pesan;
  for (int t = 0; t < 10000; t++) {
    int64_t j[5];
    random_unit(j, random_n());
    enum predikat_organisasi o = (enum predikat_organisasi)acak(ORGANISASI_JUMLAH);
    assert_int_equal(kurva_periksa(o, j, KURVA_TEPAT, &H, &pesan), 0);
    int tepat[KURVA_MAKS_ATURAN], na = H.n_aturan;
    for (int i = 0; i < na; i++) tepat[i] = H.cek[i].patuh;
    for (int m = 1; m < KURVA_PEMBULATAN_JUMLAH; m++) {
      assert_int_equal(kurva_periksa(o, j, (enum kurva_pembulatan)m, &H, &pesan), 0);
      for (int i = 0; i < na; i++)
        if (!H.cek[i].patuh) assert_false(tepat[i]);
    }
    int64_t k = 2 + (int64_t)acak(9), x[5];
    for (int i = 0; i < 5; i++) x[i] = j[i] * k;
    assert_int_equal(kurva_periksa(o, x, KURVA_TEPAT, &H, &pesan), 0);
    for (int i = 0; i < na; i++) assert_int_equal(H.cek[i].patuh, tepat[i]);
  }
}

/* Under KURVA_TEPAT the displayed bound agrees with the exact comparison. */
static void exact_bound_agrees_with_comparison(void **state)
{
  (void)state;
  const char *pesan;
  for (int t = 0; t < 5000; t++) {
    int64_t j[5];
    random_unit(j, random_n());
    enum predikat_organisasi o = (enum predikat_organisasi)acak(ORGANISASI_JUMLAH);
    assert_int_equal(kurva_periksa(o, j, KURVA_TEPAT, &H, &pesan), 0);
    for (int i = 0; i < H.n_aturan; i++) {
      const struct kurva_cek *c = &H.cek[i];
      int ok = c->aturan->jenis == KURVA_MAKS ? c->jumlah <= c->batas : c->jumlah >= c->batas;
      assert_int_equal(ok, c->patuh);
    }
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(worked_examples),
    cmocka_unit_test(every_rule_at_its_boundary),
    cmocka_unit_test(small_units_and_rounding_settings),
    cmocka_unit_test(bad_input),
    cmocka_unit_test(matches_reference_over_many_units),
    cmocka_unit_test(matches_reference_exhaustively_for_small_units),
    cmocka_unit_test(promotion_never_fixes_a_sangat_baik_maximum),
    cmocka_unit_test(promotion_never_fixes_the_sangat_kurang_minimum),
    cmocka_unit_test(exact_is_strictest_and_scale_free),
    cmocka_unit_test(exact_bound_agrees_with_comparison),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
