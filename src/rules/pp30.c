/* pp30.c: PP 30/2019 Pasal 41 nilai kinerja and predikat (see pp30.h). */
#include "rules/pp30.h"

#include <string.h>

static const char *const PREDIKAT[5][2] = {
  {"sangat_baik", "Sangat Baik"}, {"baik", "Baik"}, {"cukup", "Cukup"}, {"kurang", "Kurang"},
  {"sangat_kurang", "Sangat Kurang"},
};

const char *pp30_predikat_label(enum pp30_predikat p) { return (unsigned)p < 5 ? PREDIKAT[p][1] : ""; }
const char *pp30_predikat_kode(enum pp30_predikat p) { return (unsigned)p < 5 ? PREDIKAT[p][0] : ""; }

void pp30_bawaan(struct pp30_masukan *m)
{
  memset(m, 0, sizeof *m);
  m->skp = pecahan_bulat(0);
  m->perilaku = pecahan_bulat(0);
  m->batas_sangat_kurang = pecahan_bulat(50);
}

int pp30_hitung(const struct pp30_masukan *m, struct pp30_hasil *out, const char **pesan, const char **field)
{
  memset(out, 0, sizeof *out);
  penjelasan_mulai(&out->pj);
  const struct pecahan nol = pecahan_bulat(0), maks = pecahan_bulat(120), cukup = pecahan_bulat(70);
  if (pecahan_banding(m->skp, nol) < 0 || pecahan_banding(m->skp, maks) > 0) {
    *field = "skp"; *pesan = "nilai SKP harus antara 0 dan 120"; return -1;
  }
  if (pecahan_banding(m->perilaku, nol) < 0 || pecahan_banding(m->perilaku, maks) > 0) {
    *field = "perilaku"; *pesan = "nilai perilaku kerja harus antara 0 dan 120"; return -1;
  }
  if (pecahan_banding(m->batas_sangat_kurang, nol) < 0 || pecahan_banding(m->batas_sangat_kurang, cukup) > 0) {
    *field = "batas_sangat_kurang"; *pesan = "batas Sangat Kurang harus antara 0 dan 70"; return -1;
  }
  out->bobot_skp = m->penilaian_360 ? 60 : 70;
  out->bobot_perilaku = 100 - out->bobot_skp;
  struct pecahan a, b;
  /* inputs are at most 12 digits with 6 decimals: none of these can overflow */
  pecahan_kali(m->skp, pecahan_dari(out->bobot_skp, 100), &a);
  pecahan_kali(m->perilaku, pecahan_dari(out->bobot_perilaku, 100), &b);
  pecahan_tambah(a, b, &out->nilai);

  const struct pecahan *v = &out->nilai;
  if (pecahan_banding(*v, pecahan_bulat(110)) >= 0 && m->inovasi) out->predikat = PP30_SANGAT_BAIK;
  else if (pecahan_banding(*v, pecahan_bulat(90)) >= 0) out->predikat = PP30_BAIK;
  else if (pecahan_banding(*v, cukup) >= 0) out->predikat = PP30_CUKUP;
  else if (pecahan_banding(*v, m->batas_sangat_kurang) >= 0) out->predikat = PP30_KURANG;
  else out->predikat = PP30_SANGAT_KURANG;

  char s[32], p[32], n[32], bsk[32];
  pecahan_tulis(m->skp, 6, ',', true, s, sizeof s);
  pecahan_tulis(m->perilaku, 6, ',', true, p, sizeof p);
  pecahan_tulis(*v, 2, ',', false, n, sizeof n);
  pecahan_tulis(m->batas_sangat_kurang, 6, ',', true, bsk, sizeof bsk);
  struct penjelasan *pj = &out->pj;
  penjelasan_tambah(pj, "Masukan: nilai SKP %s, nilai perilaku kerja %s, penilaian perilaku %s, inovasi %s.", s, p,
                    m->penilaian_360 ? "360 derajat" : "oleh atasan", m->inovasi ? "ada" : "tidak ada");
  penjelasan_tambah(pj, "Rumus: nilai kinerja = %d%% × nilai SKP + %d%% × perilaku kerja = %d%% × %s + %d%% × %s = %s.",
                    out->bobot_skp, out->bobot_perilaku, out->bobot_skp, s, out->bobot_perilaku, p, n);
  penjelasan_tambah(pj, "Rentang predikat: Sangat Baik 110-120 dan ada inovasi; Baik 90-120; Cukup 70 sampai "
                    "kurang dari 90; Kurang %s sampai kurang dari 70; Sangat Kurang kurang dari %s (batas %s "
                    "belum dipastikan, dapat diatur per instansi).", bsk, bsk, bsk);
  if (out->predikat == PP30_BAIK && pecahan_banding(*v, pecahan_bulat(110)) >= 0)
    penjelasan_tambah(pj, "Hasil: nilai %s mencapai rentang Sangat Baik, tetapi tanpa inovasi predikatnya Baik.", n);
  else
    penjelasan_tambah(pj, "Hasil: nilai %s, predikat %s.", n, PREDIKAT[out->predikat][1]);
  penjelasan_tambah(pj, "Dasar: PP Nomor 30 Tahun 2019 Pasal 41 (bobot %d/%d%s).", out->bobot_skp, out->bobot_perilaku,
                    m->penilaian_360 ? ", perilaku dinilai 360 derajat oleh rekan kerja dan bawahan" : "");
  *pesan = NULL;
  *field = NULL;
  return 0;
}
