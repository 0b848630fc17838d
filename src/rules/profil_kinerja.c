/* profil_kinerja.c: the four-dimension profile of a pegawai (see profil_kinerja.h). */
#include "rules/profil_kinerja.h"

#include <stddef.h>
#include <string.h>

static const char *const KODE[PROFIL_DIMENSI] = {"kinerja_individu", "perilaku_kerja", "inovasi", "kontribusi_organisasi"};
static const char *const LABEL[PROFIL_DIMENSI] = {"Kinerja individu", "Perilaku kerja", "Inovasi", "Kontribusi organisasi"};

const char *profil_kinerja_kode(enum profil_dimensi d) { return (unsigned)d < PROFIL_DIMENSI ? KODE[d] : ""; }
const char *profil_kinerja_label(enum profil_dimensi d) { return (unsigned)d < PROFIL_DIMENSI ? LABEL[d] : ""; }

int profil_kinerja_skor_rating(int rating)
{
  switch (rating) {
  case RATING_DI_ATAS: return 100;
  case RATING_SESUAI: return 80;
  case RATING_DI_BAWAH: return 50;
  default: return -1;
  }
}

static struct pecahan seratus(void) { return pecahan_bulat(100); }

static struct pecahan batas100(struct pecahan x)
{
  return pecahan_banding(x, seratus()) > 0 ? seratus() : x;
}

static const char *tulis(struct pecahan x, char *buf, size_t n) { return pecahan_tulis(x, 2, ',', true, buf, n); }

/* Mean of the k terms given (k 1 or 2). */
static int rata2(const struct pecahan *t, int k, struct pecahan *out)
{
  if (k == 1) { *out = t[0]; return 0; }
  struct pecahan s;
  if (pecahan_tambah(t[0], t[1], &s) != 0) return -1;
  return pecahan_bagi(s, pecahan_bulat(2), out);
}

static int mean(const struct pecahan *a, int n, struct pecahan *out)
{
  struct pecahan s = pecahan_bulat(0);
  for (int i = 0; i < n; i++)
    if (pecahan_tambah(s, a[i], &s) != 0) return -1;
  return pecahan_bagi(s, pecahan_bulat(n), out);
}

static const char *const RATING_TEKS[3] = {"Di Bawah Ekspektasi", "Sesuai Ekspektasi", "Di Atas Ekspektasi"};

static int kinerja_individu(const struct profil_masukan *in, struct profil_hasil *o)
{
  struct penjelasan *pj = &o->pj[PROFIL_KINERJA_INDIVIDU];
  struct pecahan t[2];
  int k = 0;
  char a[48], b[48];
  if (in->n_iki > 0) {
    if (mean(in->capaian_iki, in->n_iki, &o->capaian) != 0) return -1;
    o->capaian_ada = true;
    t[k++] = batas100(o->capaian);
    penjelasan_tambah(pj, "Capaian = rata-rata capaian tahun berjalan %d IKI bertarget angka (realisasi diajukan/disetujui "
                          "terhadap target pro rata) = %s %%; dihitung paling tinggi 100 dalam skor.", in->n_iki, tulis(o->capaian, a, sizeof a));
  } else {
    penjelasan_tambah(pj, "Belum ada capaian IKI: tidak ada IKI bertarget angka dengan realisasi yang diajukan atau disetujui.");
  }
  int r = profil_kinerja_skor_rating(in->rating_hasil);
  if (r >= 0) {
    t[k++] = pecahan_bulat(r);
    penjelasan_tambah(pj, "Rating hasil kerja dari penilaian final: %s = skor %d.", RATING_TEKS[in->rating_hasil], r);
  } else {
    penjelasan_tambah(pj, "Belum ada penilaian final dengan rating hasil kerja pada tahun ini.");
  }
  if (!k) return 0;
  if (rata2(t, k, &o->skor[PROFIL_KINERJA_INDIVIDU]) != 0) return -1;
  o->ada[PROFIL_KINERJA_INDIVIDU] = true;
  penjelasan_tambah(pj, "Skor kinerja individu = %s = %s.", k == 2 ? "rata-rata kedua komponen" : "satu-satunya komponen yang ada",
                    tulis(o->skor[PROFIL_KINERJA_INDIVIDU], b, sizeof b));
  return 0;
}

static int perilaku_kerja(const struct profil_masukan *in, struct profil_hasil *o)
{
  struct penjelasan *pj = &o->pj[PROFIL_PERILAKU_KERJA];
  struct pecahan t[2];
  int k = 0;
  char a[48], b[48];
  int r = profil_kinerja_skor_rating(in->rating_perilaku);
  if (r >= 0) {
    t[k++] = pecahan_bulat(r);
    penjelasan_tambah(pj, "Rating perilaku kerja (BerAKHLAK) dari penilaian final: %s = skor %d.", RATING_TEKS[in->rating_perilaku], r);
  } else {
    penjelasan_tambah(pj, "Belum ada penilaian final dengan rating perilaku kerja pada tahun ini.");
  }
  if (in->skor_360_n > 0) {
    o->skor_360 = pecahan_dari(in->skor_360_jumlah, in->skor_360_n);
    o->skor_360_ada = true;
    struct pecahan x;
    if (pecahan_kali(o->skor_360, pecahan_bulat(20), &x) != 0) return -1;
    t[k++] = x;
    penjelasan_tambah(pj, "Umpan balik 360: rata-rata %s (skala 1-5) dari %lld jawaban nilai oleh %lld responden pada %d putaran = skor %s (x 20).",
                      tulis(o->skor_360, a, sizeof a), (long long)in->skor_360_n, (long long)in->responden_360, in->putaran_360,
                      tulis(x, b, sizeof b));
  } else {
    penjelasan_tambah(pj, "Belum ada hasil umpan balik 360 yang dapat ditampilkan.");
  }
  if (in->putaran_360_tersembunyi > 0)
    penjelasan_tambah(pj, "%d putaran 360 belum mencapai minimal %d responden sehingga tidak dihitung (menjaga kerahasiaan).",
                      in->putaran_360_tersembunyi, in->minimal_360);
  if (!k) return 0;
  if (rata2(t, k, &o->skor[PROFIL_PERILAKU_KERJA]) != 0) return -1;
  o->ada[PROFIL_PERILAKU_KERJA] = true;
  penjelasan_tambah(pj, "Skor perilaku kerja = %s = %s.", k == 2 ? "rata-rata rating dan umpan balik 360" : "satu-satunya komponen yang ada",
                    tulis(o->skor[PROFIL_PERILAKU_KERJA], a, sizeof a));
  return 0;
}

static int inovasi(const struct profil_masukan *in, struct profil_hasil *o)
{
  struct penjelasan *pj = &o->pj[PROFIL_INOVASI];
  int64_t s = in->inovasi >= 2 ? 100 : in->inovasi * PROFIL_INOVASI_SKOR;
  o->skor[PROFIL_INOVASI] = pecahan_bulat(s);
  o->ada[PROFIL_INOVASI] = true;
  if (in->inovasi > 0)
    penjelasan_tambah(pj, "%lld inovasi divalidasi atasan pada tahun ini; skor %d per inovasi, paling tinggi 100 = %lld.",
                      (long long)in->inovasi, PROFIL_INOVASI_SKOR, (long long)s);
  else
    penjelasan_tambah(pj, "Belum ada inovasi yang divalidasi atasan pada tahun ini: skor 0.");
  return 0;
}

static int kontribusi(const struct profil_masukan *in, struct profil_hasil *o)
{
  struct penjelasan *pj = &o->pj[PROFIL_KONTRIBUSI_ORGANISASI];
  char a[48], b[48];
  if (in->rhk == 0) {
    penjelasan_tambah(pj, "Belum ada RHK pada SKP tahun ini.");
    return 0;
  }
  o->porsi = pecahan_dari(100LL * in->rhk_tertaut, in->rhk);
  o->porsi_ada = true;
  penjelasan_tambah(pj, "%d dari %d RHK tertaut ke indikator Perjanjian Kinerja melalui cascading (%d sampai ke IKU) = porsi %s %%.",
                    in->rhk_tertaut, in->rhk, in->rhk_iku, tulis(o->porsi, a, sizeof a));
  if (in->n_indikator > 0) {
    if (mean(in->capaian_indikator, in->n_indikator, &o->capaian_indikator) != 0) return -1;
    o->capaian_indikator_ada = true;
    struct pecahan x;
    if (pecahan_kali(o->porsi, batas100(o->capaian_indikator), &x) != 0 || pecahan_bagi(x, seratus(), &x) != 0) return -1;
    o->skor[PROFIL_KONTRIBUSI_ORGANISASI] = x;
    penjelasan_tambah(pj, "Capaian %d indikator PK/IKU yang didukung (rata-rata, realisasi terakhir) = %s %%.", in->n_indikator,
                      tulis(o->capaian_indikator, a, sizeof a));
    penjelasan_tambah(pj, "Skor kontribusi = porsi x capaian indikator (paling tinggi 100 %%) / 100 = %s.", tulis(x, b, sizeof b));
  } else {
    o->skor[PROFIL_KONTRIBUSI_ORGANISASI] = o->porsi;
    penjelasan_tambah(pj, in->rhk_tertaut ? "Indikator yang didukung belum memiliki realisasi: skor kontribusi = porsi = %s."
                                          : "Tidak ada RHK yang tertaut: skor kontribusi = %s.", tulis(o->porsi, a, sizeof a));
  }
  o->ada[PROFIL_KONTRIBUSI_ORGANISASI] = true;
  return 0;
}

int profil_kinerja_hitung(const struct profil_masukan *in, struct profil_hasil *out)
{
  memset(out, 0, sizeof *out);
  for (int d = 0; d < PROFIL_DIMENSI; d++) {
    out->skor[d] = pecahan_bulat(0);
    penjelasan_mulai(&out->pj[d]);
  }
  out->capaian = out->skor_360 = out->porsi = out->capaian_indikator = pecahan_bulat(0);
  if (in->n_iki < 0 || (in->n_iki > 0 && !in->capaian_iki) || in->skor_360_n < 0 || in->inovasi < 0 || in->rhk < 0 ||
      in->rhk_tertaut < 0 || in->rhk_tertaut > in->rhk || in->rhk_iku < 0 || in->rhk_iku > in->rhk_tertaut ||
      in->n_indikator < 0 || (in->n_indikator > 0 && !in->capaian_indikator) || in->inovasi > 1000000)
    return -1;
  if (in->skor_360_n > 0 && (in->skor_360_jumlah < in->skor_360_n || in->skor_360_jumlah > 5 * in->skor_360_n)) return -1;
  for (int i = 0; i < in->n_iki; i++) if (in->capaian_iki[i].p < 0) return -1;
  for (int i = 0; i < in->n_indikator; i++) if (in->capaian_indikator[i].p < 0) return -1;
  if (kinerja_individu(in, out) || perilaku_kerja(in, out) || inovasi(in, out) || kontribusi(in, out)) return -1;
  return 0;
}

int profil_kinerja_rata(const struct pecahan *skor, const bool *ada, int n, struct pecahan *out, int *jumlah)
{
  struct pecahan s = pecahan_bulat(0);
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (!ada[i]) continue;
    if (pecahan_tambah(s, skor[i], &s) != 0) return -1;
    k++;
  }
  *jumlah = k;
  if (!k) return 1;
  return pecahan_bagi(s, pecahan_bulat(k), out) == 0 ? 0 : -1;
}
