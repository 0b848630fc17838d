/* analitik.c: leniency statistic, 9-box and keyword matching (see analitik.h). */
#include "rules/analitik.h"

#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

int analitik_skor(enum predikat p)
{
  switch (p) {
  case PREDIKAT_SANGAT_BAIK: return 5;
  case PREDIKAT_BAIK: return 4;
  case PREDIKAT_BUTUH_PERBAIKAN: return 3;
  case PREDIKAT_KURANG: return 2;
  default: return 1;
  }
}

void analitik_kelonggaran(const int64_t penilai[PREDIKAT_JUMLAH], const int64_t instansi[PREDIKAT_JUMLAH],
                          const struct kelonggaran_aturan *a, struct kelonggaran *out)
{
  memset(out, 0, sizeof *out);
  double sum = 0, sum2 = 0, ps = 0;
  int64_t n = 0, np = 0;
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) {
    double s = analitik_skor((enum predikat)i);
    sum += s * (double)instansi[i];
    sum2 += s * s * (double)instansi[i];
    n += instansi[i];
    ps += s * (double)penilai[i];
    np += penilai[i];
  }
  out->n = np;
  if (n > 0) {
    out->rata_instansi = sum / (double)n;
    double var = n > 1 ? (sum2 - sum * sum / (double)n) / (double)(n - 1) : 0;   /* sample variance */
    out->sd_instansi = var > 0 ? sqrt(var) : 0;
  }
  if (np > 0) out->rata = ps / (double)np;
  if (np < a->n_min || out->sd_instansi <= 0) return;
  out->dinilai = true;
  out->z = (out->rata - out->rata_instansi) / (out->sd_instansi / sqrt((double)np));
  out->arah = out->z >= a->z_batas ? 1 : out->z <= -a->z_batas ? -1 : 0;
}

enum tingkat analitik_kinerja_dari_predikat(enum predikat p)
{
  if (p == PREDIKAT_SANGAT_BAIK) return TINGKAT_TINGGI;
  if (p == PREDIKAT_BAIK) return TINGKAT_MENENGAH;
  return TINGKAT_RENDAH;
}

int analitik_kotak(enum tingkat kinerja, enum tingkat potensi)
{
  return 3 * ((int)kinerja - 1) + (int)potensi;
}

const char *tingkat_kode(enum tingkat t)
{
  return t == TINGKAT_TINGGI ? "tinggi" : t == TINGKAT_MENENGAH ? "menengah" : "rendah";
}

int tingkat_dari_kode(const char *s, enum tingkat *out)
{
  if (!s) return -1;
  if (!strcmp(s, "rendah")) { *out = TINGKAT_RENDAH; return 0; }
  if (!strcmp(s, "menengah")) { *out = TINGKAT_MENENGAH; return 0; }
  if (!strcmp(s, "tinggi")) { *out = TINGKAT_TINGGI; return 0; }
  return -1;
}

const char *analitik_kotak_nama(int kotak)
{
  /* kinerja rows (rendah, menengah, tinggi) x potensi columns (rendah, menengah, tinggi) */
  static const char *const NAMA[10] = {
    "",
    "Perlu perhatian khusus",      /* kinerja rendah, potensi rendah */
    "Perlu pembinaan",             /* rendah, menengah */
    "Potensi belum tergali",       /* rendah, tinggi */
    "Andalan yang stabil",         /* menengah, rendah */
    "Pegawai inti",                /* menengah, menengah */
    "Calon pemimpin",              /* menengah, tinggi */
    "Ahli yang andal",             /* tinggi, rendah */
    "Kinerja tinggi",              /* tinggi, menengah */
    "Bintang",                     /* tinggi, tinggi */
  };
  return kotak >= 1 && kotak <= 9 ? NAMA[kotak] : "";
}

bool analitik_kata_cocok(const char *teks, const char *kata)
{
  size_t k = kata ? strlen(kata) : 0;
  if (!teks || k < 3) return false;
  for (const char *p = teks; *p; p++) {
    if (p != teks && isalnum((unsigned char)p[-1])) continue;   /* a word's beginning */
    if (strncasecmp(p, kata, k) == 0) return true;
  }
  return false;
}
