/* capaian_org.c: capaian kinerja organisasi and the suggested predikat (see capaian_org.h). */
#include "rules/capaian_org.h"

#include <stddef.h>

static struct pecahan persen(int64_t n) { return pecahan_bulat(n); }

struct ambang_organisasi capaian_org_ambang_bawaan(void)
{
  struct ambang_organisasi a = {persen(110), persen(90), persen(70), persen(50)};
  return a;
}

int capaian_org_ambang_dari_teks(const char *istimewa, const char *baik, const char *butuh, const char *kurang,
                                 struct ambang_organisasi *out, const char **salah)
{
  const char *teks[4] = {istimewa, baik, butuh, kurang};
  static const char *const nama[4] = {"istimewa", "baik", "butuh_perbaikan", "kurang"};
  struct pecahan v[4];
  for (int i = 0; i < 4; i++) {
    if (!teks[i] || pecahan_dari_teks(teks[i], &v[i]) != 0 || pecahan_banding(v[i], pecahan_bulat(1000)) > 0) {
      *salah = nama[i];
      return -1;
    }
    if (i > 0 && pecahan_banding(v[i], v[i - 1]) >= 0) { *salah = nama[i]; return -1; }
  }
  out->istimewa = v[0];
  out->baik = v[1];
  out->butuh_perbaikan = v[2];
  out->kurang = v[3];
  return 0;
}

int capaian_org_indikator(const char *realisasi, const char *target, bool turun, const char *nama,
                          struct pecahan *out, struct penjelasan *pj)
{
  struct pecahan r, t, x;
  if (!realisasi || !target || pecahan_dari_teks(realisasi, &r) != 0 || pecahan_dari_teks(target, &t) != 0) return -1;
  char rs[48], ts[48], cs[48];
  pecahan_tulis(r, 4, ',', true, rs, sizeof rs);
  pecahan_tulis(t, 4, ',', true, ts, sizeof ts);
  if (!turun) {
    if (pecahan_nol(t)) return -1;
    if (pecahan_bagi(r, t, &x) != 0 || pecahan_kali(x, persen(100), &x) != 0) return -1;
    if (pj) penjelasan_tambah(pj, "%s: realisasi %s dari target %s (semakin tinggi semakin baik) = %s %%.", nama ? nama : "Indikator",
                              rs, ts, pecahan_tulis(x, 2, ',', true, cs, sizeof cs));
  } else {
    if (pecahan_nol(t)) {
      x = persen(pecahan_nol(r) ? 100 : 0);
    } else {
      struct pecahan dua_t;
      if (pecahan_kali(t, persen(2), &dua_t) != 0 || pecahan_kurang(dua_t, r, &x) != 0 || pecahan_bagi(x, t, &x) != 0 ||
          pecahan_kali(x, persen(100), &x) != 0)
        return -1;
      if (pecahan_banding(x, persen(0)) < 0) x = persen(0);
    }
    if (pj) penjelasan_tambah(pj, "%s: realisasi %s terhadap target %s (semakin rendah semakin baik: (2 x target - realisasi) / target) = %s %%.",
                              nama ? nama : "Indikator", rs, ts, pecahan_tulis(x, 2, ',', true, cs, sizeof cs));
  }
  *out = x;
  return 0;
}

int capaian_org_rata(const struct pecahan *capaian, int n, struct pecahan *out)
{
  if (n < 1) return -1;
  struct pecahan s = persen(0);
  for (int i = 0; i < n; i++)
    if (pecahan_tambah(s, capaian[i], &s) != 0) return -1;
  return pecahan_bagi(s, persen(n), out);
}

enum predikat_organisasi capaian_org_predikat(struct pecahan c, const struct ambang_organisasi *a, struct penjelasan *pj)
{
  enum predikat_organisasi o;
  const struct pecahan *batas = NULL;
  if (pecahan_banding(c, a->istimewa) >= 0) { o = ORGANISASI_ISTIMEWA; batas = &a->istimewa; }
  else if (pecahan_banding(c, a->baik) >= 0) { o = ORGANISASI_BAIK; batas = &a->baik; }
  else if (pecahan_banding(c, a->butuh_perbaikan) >= 0) { o = ORGANISASI_BUTUH_PERBAIKAN; batas = &a->butuh_perbaikan; }
  else if (pecahan_banding(c, a->kurang) >= 0) { o = ORGANISASI_KURANG; batas = &a->kurang; }
  else o = ORGANISASI_SANGAT_KURANG;
  if (pj) {
    char cs[48], bs[48];
    pecahan_tulis(c, 2, ',', true, cs, sizeof cs);
    if (batas)
      penjelasan_tambah(pj, "Capaian unit %s %% mencapai ambang %s %% untuk predikat %s.", cs,
                        pecahan_tulis(*batas, 2, ',', true, bs, sizeof bs), kurva_organisasi_label(o));
    else
      penjelasan_tambah(pj, "Capaian unit %s %% di bawah ambang Kurang (%s %%): predikat %s.", cs,
                        pecahan_tulis(a->kurang, 2, ',', true, bs, sizeof bs), kurva_organisasi_label(o));
    penjelasan_tambah(pj, "Ambang predikat organisasi adalah pengaturan instansi (BELUM DIKONFIRMASI: tidak diatur dalam "
                          "PermenPANRB 6/2022); pimpinan menetapkan atau mengubah usulan ini dengan alasan.");
  }
  return o;
}
