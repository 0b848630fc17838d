/* target.c: IKI targets (see target.h). */
#include "rules/target.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int target_angka_normal(const char *s, char *out, size_t n)
{
  if (!s) return -1;
  while (*s == ' ') s++;
  size_t len = strlen(s);
  while (len && s[len - 1] == ' ') len--;
  if (len == 0 || len > 40) return -1;
  char ip[32], fp[8];
  size_t ni = 0, nf = 0;
  int sep = 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (sep) { if (nf >= 4) return -1; fp[nf++] = c; }
      else { if (ni >= 15) return -1; ip[ni++] = c; }
    } else if ((c == '.' || c == ',') && !sep) {
      sep = 1;
    } else {
      return -1;
    }
  }
  if (ni == 0 || (sep && nf == 0)) return -1;
  size_t i0 = 0;
  while (i0 + 1 < ni && ip[i0] == '0') i0++;
  while (nf && fp[nf - 1] == '0') nf--;
  size_t need = (ni - i0) + (nf ? nf + 1 : 0) + 1;
  if (need > n) return -1;
  size_t o = 0;
  for (size_t i = i0; i < ni; i++) out[o++] = ip[i];
  if (nf) { out[o++] = '.'; for (size_t i = 0; i < nf; i++) out[o++] = fp[i]; }
  out[o] = '\0';
  return 0;
}

static const char *const ASPEK[][2] = {
  {"kuantitas", "Kuantitas"}, {"kualitas", "Kualitas"}, {"waktu", "Waktu"}, {"biaya", "Biaya"},
};

int target_aspek_valid(const char *s)
{
  for (size_t i = 0; i < 4; i++)
    if (s && strcmp(s, ASPEK[i][0]) == 0) return 1;
  return 0;
}

const char *target_aspek_nama(const char *s)
{
  for (size_t i = 0; i < 4; i++)
    if (s && strcmp(s, ASPEK[i][0]) == 0) return ASPEK[i][1];
  return "";
}

/* Exact decimal text -> value scaled by 10^4 (target_angka_normal output). */
bool target_desimal4(const char *s, __int128 *out)
{
  if (!s || !*s) return false;
  __int128 v = 0;
  int frac = -1;
  for (const char *p = s; *p; p++) {
    if (*p == '.') { frac = 0; continue; }
    if (*p < '0' || *p > '9') return false;
    v = v * 10 + (*p - '0');
    if (frac >= 0) frac++;
  }
  for (int f = frac < 0 ? 0 : frac; f < 4; f++) v *= 10;
  *out = v;
  return true;
}

/* capaian = realisasi / target in percent with two decimals, as text ("83.33"); "" when it
 * cannot be computed (no number, or target 0). */
void target_capaian(const char *realisasi, const char *target, char *out, size_t n)
{
  __int128 r, t;
  out[0] = '\0';
  if (!target_desimal4(realisasi, &r) || !target_desimal4(target, &t) || t == 0) return;
  __int128 x = (r * 10000 * 2 + t) / (t * 2);  /* hundredths of a percent, rounded half up */
  long long whole = (long long)(x / 100), cents = (long long)(x % 100);
  snprintf(out, n, "%lld.%02lld", whole, cents);
}

static void persen_teks(__int128 r, __int128 t, char *out, size_t n)
{
  __int128 x = (r * 10000 * 2 + t) / (t * 2);  /* hundredths of a percent, rounded half up */
  snprintf(out, n, "%lld.%02lld", (long long)(x / 100), (long long)(x % 100));
}

static void desimal4_teks(__int128 v, char *out, size_t n)
{
  long long whole = (long long)(v / 10000), frac = (long long)(v % 10000);
  if (!frac) { snprintf(out, n, "%lld", whole); return; }
  char f[8];
  snprintf(f, sizeof f, "%04lld", frac);
  for (int i = 3; i > 0 && f[i] == '0'; i--) f[i] = '\0';
  snprintf(out, n, "%lld.%s", whole, f);
}

int target_capaian_tahun(const char *const nilai[12], const char *target, bool persen, int bulan, struct capaian_tahun *out)
{
  memset(out, 0, sizeof *out);
  __int128 t;
  if (bulan < 1 || bulan > 12 || !target_desimal4(target, &t) || t == 0) return -1;
  __int128 sum = 0, last = 0;
  int n = 0;
  for (int m = 0; m < bulan; m++) {
    __int128 v;
    if (!nilai[m] || !target_desimal4(nilai[m], &v)) continue;
    sum += v;
    last = v;
    n++;
  }
  out->bulan_terisi = n;
  if (!n) return 1;
  if (persen) {
    /* a rate ("95 %"): the last month filed against the whole target */
    desimal4_teks(last, out->realisasi, sizeof out->realisasi);
    persen_teks(last, t, out->capaian, sizeof out->capaian);
    persen_teks(last, t, out->capaian_prorata, sizeof out->capaian_prorata);
  } else {
    /* a count ("12 laporan"): the sum so far against the year's target, and against the share
     * of the target due by the end of month `bulan` (target x bulan / 12) */
    desimal4_teks(sum, out->realisasi, sizeof out->realisasi);
    persen_teks(sum, t, out->capaian, sizeof out->capaian);
    persen_teks(sum * 12, t * bulan, out->capaian_prorata, sizeof out->capaian_prorata);
  }
  return 0;
}
