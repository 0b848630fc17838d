/* target.c: IKI targets (see target.h). */
#include "rules/target.h"

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
