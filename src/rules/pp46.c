/* pp46.c: PP 46/2011 + Perka BKN 1/2013 nilai SKP and prestasi kerja (see pp46.h). */
#include "rules/pp46.h"

#include <stdio.h>
#include <string.h>

static const char *const SEBUTAN[5][2] = {
  {"sangat_baik", "Sangat Baik"}, {"baik", "Baik"}, {"cukup", "Cukup"}, {"kurang", "Kurang"}, {"buruk", "Buruk"},
};

const char *pp46_sebutan_label(enum pp46_sebutan s) { return (unsigned)s < 5 ? SEBUTAN[s][1] : ""; }
const char *pp46_sebutan_kode(enum pp46_sebutan s) { return (unsigned)s < 5 ? SEBUTAN[s][0] : ""; }

enum pp46_sebutan pp46_sebutan(struct pecahan v)
{
  if (pecahan_banding(v, pecahan_bulat(90)) > 0) return PP46_SANGAT_BAIK;
  if (pecahan_banding(v, pecahan_bulat(75)) > 0) return PP46_BAIK;
  if (pecahan_banding(v, pecahan_bulat(60)) > 0) return PP46_CUKUP;
  if (pecahan_banding(v, pecahan_bulat(50)) > 0) return PP46_KURANG;
  return PP46_BURUK;
}

/* Splits "a,b,c[,d]" (already cut at ':') into up to 4 numbers; returns how many, or -1. */
static int baca_angka(const char *s, size_t len, struct pecahan v[4])
{
  int n = 0;
  size_t i = 0;
  while (i <= len) {
    size_t j = i;
    while (j < len && s[j] != ',') j++;
    if (n == 4 || j - i == 0 || j - i >= 32) return -1;
    char buf[32];
    memcpy(buf, s + i, j - i);
    buf[j - i] = '\0';
    if (pecahan_dari_teks(buf, &v[n]) != 0) return -1;
    n++;
    i = j + 1;
  }
  return n;
}

int pp46_kegiatan_parse(const char *s, struct pp46_kegiatan *out, const char **pesan)
{
  memset(out, 0, sizeof *out);
  *pesan = "kegiatan harus berbentuk TO,TQ,TW[,TB]:RO,RQ,RW[,RB] (target:realisasi, desimal dengan titik), "
           "mis. 10,100,12:10,90,12";
  const char *c = s ? strchr(s, ':') : NULL;
  if (!c || strchr(c + 1, ':')) return -1;
  struct pecahan t[4], r[4];
  int nt = baca_angka(s, (size_t)(c - s), t), nr = baca_angka(c + 1, strlen(c + 1), r);
  if (nt < 3 || nr < 3) return -1;
  if (nt != nr) { *pesan = "target dan realisasi harus sama-sama dengan atau tanpa biaya"; return -1; }
  out->to = t[0]; out->tq = t[1]; out->tw = t[2];
  out->ro = r[0]; out->rq = r[1]; out->rw = r[2];
  out->ada_biaya = nt == 4;
  if (out->ada_biaya) { out->tb = t[3]; out->rb = r[3]; }
  return pp46_kegiatan_periksa(out, pesan);
}

int pp46_kegiatan_periksa(const struct pp46_kegiatan *k, const char **pesan)
{
  const struct pecahan nol = pecahan_bulat(0);
  if (pecahan_banding(k->to, nol) <= 0) { *pesan = "target kuantitas (TO) harus lebih dari 0"; return -1; }
  if (pecahan_banding(k->tq, nol) <= 0) { *pesan = "target kualitas (TQ) harus lebih dari 0"; return -1; }
  if (pecahan_banding(k->tw, nol) <= 0) { *pesan = "target waktu (TW) harus lebih dari 0"; return -1; }
  if (k->ada_biaya && pecahan_banding(k->tb, nol) <= 0) {
    *pesan = "target biaya (TB) harus lebih dari 0; tanpa target biaya, hilangkan TB dan RB";
    return -1;
  }
  const struct pecahan *v[] = {&k->to, &k->tq, &k->tw, &k->tb, &k->ro, &k->rq, &k->rw, &k->rb};
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
    if (pecahan_banding(*v[i], nol) < 0) { *pesan = "nilai tidak boleh negatif"; return -1; }
  *pesan = NULL;
  return 0;
}

/* r/t x 100 */
static int persen(struct pecahan r, struct pecahan t, struct pecahan *out)
{
  struct pecahan x;
  return pecahan_bagi(r, t, &x) || pecahan_kali(x, pecahan_bulat(100), out);
}

/* The waktu/biaya aspect (Perka BKN 1/2013): e = 100 - r/t x 100; x = (1.76 t - r)/t x 100;
 * e <= 24 -> x, else 76 - (x - 100).  *efisiensi receives e. */
static int efisiensi(struct pecahan t, struct pecahan r, struct pecahan *out, struct pecahan *e)
{
  struct pecahan p, a, x;
  if (persen(r, t, &p) || pecahan_kurang(pecahan_bulat(100), p, e)) return -1;
  if (pecahan_kali(pecahan_dari(176, 100), t, &a) || pecahan_kurang(a, r, &a) || persen(a, t, &x)) return -1;
  if (pecahan_banding(*e, pecahan_bulat(24)) <= 0) { *out = x; return 0; }
  struct pecahan y;
  return pecahan_kurang(x, pecahan_bulat(100), &y) || pecahan_kurang(pecahan_bulat(76), y, out);
}

#define T2(v, buf) pecahan_tulis((v), 2, ',', true, buf, sizeof buf)

int pp46_hitung(const struct pp46_kegiatan *k, int n, const struct pecahan *perilaku, struct pp46_hasil *out,
                const char **pesan, int *salah)
{
  memset(out, 0, sizeof *out);
  penjelasan_mulai(&out->pj);
  *salah = -1;
  if (n < 1 || n > PP46_MAKS_KEGIATAN) { *pesan = "jumlah kegiatan harus 1 sampai 40"; return -1; }
  if (perilaku && (pecahan_banding(*perilaku, pecahan_bulat(0)) < 0 || pecahan_banding(*perilaku, pecahan_bulat(100)) > 0)) {
    *pesan = "nilai perilaku kerja harus antara 0 dan 100";
    return -1;
  }
  struct penjelasan *pj = &out->pj;
  penjelasan_tambah(pj, "Masukan: %d kegiatan tugas jabatan dengan target dan realisasi (kuantitas, kualitas, waktu, "
                    "dan biaya bila ada)%s.", n, perilaku ? ", serta nilai perilaku kerja" : "");
  penjelasan_tambah(pj, "Rumus per kegiatan: kuantitas = RO/TO × 100; kualitas = RQ/TQ × 100; waktu: efisiensi "
                    "e = 100 − RW/TW × 100, bila e ≤ 24 maka (1,76 × TW − RW)/TW × 100, selain itu "
                    "76 − ((1,76 × TW − RW)/TW × 100 − 100); biaya dengan cara yang sama dari TB/RB; nilai capaian = "
                    "jumlah aspek / 3 (atau / 4 dengan biaya).");
  struct pecahan jumlah = pecahan_bulat(0);
  for (int i = 0; i < n; i++) {
    *salah = i;
    if (pp46_kegiatan_periksa(&k[i], pesan) != 0) return -1;
    struct pp46_nilai *v = &out->kegiatan[i];
    struct pecahan ew, eb, s;
    v->ada_biaya = k[i].ada_biaya;
    *pesan = "angka terlalu besar untuk dihitung secara persis";
    if (persen(k[i].ro, k[i].to, &v->kuantitas) || persen(k[i].rq, k[i].tq, &v->kualitas) ||
        efisiensi(k[i].tw, k[i].rw, &v->waktu, &ew))
      return -1;
    if (pecahan_tambah(v->kuantitas, v->kualitas, &s) || pecahan_tambah(s, v->waktu, &s)) return -1;
    if (v->ada_biaya && (efisiensi(k[i].tb, k[i].rb, &v->biaya, &eb) || pecahan_tambah(s, v->biaya, &s))) return -1;
    if (pecahan_bagi(s, pecahan_bulat(v->ada_biaya ? 4 : 3), &v->capaian)) return -1;
    if (pecahan_tambah(jumlah, v->capaian, &jumlah)) return -1;

    char a[24], b[24], c[24], d[24], e[24], f[24], g[24], h[24], w[24], x[24], y[24], z[24];
    char biaya[200] = "";
    if (v->ada_biaya)
      snprintf(biaya, sizeof biaya, "; biaya %s/%s: efisiensi %s%%, nilai %s", T2(k[i].rb, e), T2(k[i].tb, f),
               T2(eb, g), T2(v->biaya, h));
    penjelasan_tambah(pj, "Kegiatan %d: kuantitas %s/%s × 100 = %s; kualitas %s/%s × 100 = %s; waktu %s/%s: "
                      "efisiensi %s%% %s 24%%, nilai %s%s; nilai capaian %s.", i + 1,
                      T2(k[i].ro, a), T2(k[i].to, b), T2(v->kuantitas, c), T2(k[i].rq, d), T2(k[i].tq, w),
                      T2(v->kualitas, x), T2(k[i].rw, y), T2(k[i].tw, z), T2(ew, e),
                      pecahan_banding(ew, pecahan_bulat(24)) <= 0 ? "≤" : ">", T2(v->waktu, f), biaya,
                      T2(v->capaian, g));
  }
  *salah = -1;
  *pesan = "angka terlalu besar untuk dihitung secara persis";
  if (pecahan_bagi(jumlah, pecahan_bulat(n), &out->nilai_skp)) return -1;
  out->n = n;
  out->sebutan_skp = pp46_sebutan(out->nilai_skp);
  char a[24], b[24], c[24];
  penjelasan_tambah(pj, "Nilai SKP = rata-rata nilai capaian %d kegiatan = %s (%s).", n, T2(out->nilai_skp, a),
                    SEBUTAN[out->sebutan_skp][1]);
  if (perilaku) {
    struct pecahan x, y;
    if (pecahan_kali(out->nilai_skp, pecahan_dari(60, 100), &x) || pecahan_kali(*perilaku, pecahan_dari(40, 100), &y) ||
        pecahan_tambah(x, y, &out->prestasi))
      return -1;
    out->ada_perilaku = true;
    out->perilaku = *perilaku;
    out->sebutan_prestasi = pp46_sebutan(out->prestasi);
    penjelasan_tambah(pj, "Prestasi kerja = 60%% × nilai SKP + 40%% × perilaku kerja = 60%% × %s + 40%% × %s = %s (%s).",
                      T2(out->nilai_skp, a), T2(*perilaku, b), T2(out->prestasi, c), SEBUTAN[out->sebutan_prestasi][1]);
  }
  penjelasan_tambah(pj, "Sebutan: Sangat Baik 91 ke atas (di atas 90), Baik 76-90 (di atas 75), Cukup 61-75 (di atas 60), "
                    "Kurang 51-60 (di atas 50), Buruk 50 ke bawah; dibandingkan dengan nilai persis sebelum dibulatkan.");
  penjelasan_tambah(pj, "Dasar: PP Nomor 46 Tahun 2011 dan Peraturan Kepala BKN Nomor 1 Tahun 2013.");
  *pesan = NULL;
  return 0;
}
