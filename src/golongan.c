/* golongan.c: reference table of golongan/ruang and pangkat (DOMAIN.md "NIP"). */
#include "golongan.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct golongan pns[] = {
  {11, "I/a", "Juru Muda"}, {12, "I/b", "Juru Muda Tingkat I"}, {13, "I/c", "Juru"},
  {14, "I/d", "Juru Tingkat I"}, {21, "II/a", "Pengatur Muda"}, {22, "II/b", "Pengatur Muda Tingkat I"},
  {23, "II/c", "Pengatur"}, {24, "II/d", "Pengatur Tingkat I"}, {31, "III/a", "Penata Muda"},
  {32, "III/b", "Penata Muda Tingkat I"}, {33, "III/c", "Penata"}, {34, "III/d", "Penata Tingkat I"},
  {41, "IV/a", "Pembina"}, {42, "IV/b", "Pembina Tingkat I"}, {43, "IV/c", "Pembina Utama Muda"},
  {44, "IV/d", "Pembina Utama Madya"}, {45, "IV/e", "Pembina Utama"},
};
static const char *pppk[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
                             "XII", "XIII", "XIV", "XV", "XVI", "XVII"};

const struct golongan *golongan_pns(const char *s)
{
  char t[16];
  size_t n = 0;
  if (!s) return NULL;
  for (; *s && n + 1 < sizeof t; s++)
    if (!isspace((unsigned char)*s)) t[n++] = *s;
  t[n] = 0;
  if (*s) return NULL;
  /* SIASN's numeric id ("31" for III/a): two digits, compared as a number */
  int id = n == 2 && isdigit((unsigned char)t[0]) && isdigit((unsigned char)t[1]) ? (t[0] - '0') * 10 + (t[1] - '0') : -1;
  for (size_t i = 0; i < sizeof pns / sizeof pns[0]; i++)
    if (pns[i].siasn_id == id || strcasecmp(t, pns[i].kode) == 0) return &pns[i];
  return NULL;
}

bool golongan_pppk_valid(const char *s)
{
  for (size_t i = 0; i < sizeof pppk / sizeof pppk[0]; i++)
    if (s && strcasecmp(s, pppk[i]) == 0) return true;
  return false;
}

int golongan_normalize(enum jenis_asn jenis, const char *s, char *out, size_t n)
{
  if (jenis == ASN_PNS) {
    const struct golongan *g = golongan_pns(s);
    if (!g) return -1;
    snprintf(out, n, "%s", g->kode);
    return 0;
  }
  for (size_t i = 0; i < sizeof pppk / sizeof pppk[0]; i++)
    if (s && strcasecmp(s, pppk[i]) == 0) { snprintf(out, n, "%s", pppk[i]); return 0; }
  return -1;
}

const char *golongan_pangkat(const char *kode)
{
  for (size_t i = 0; i < sizeof pns / sizeof pns[0]; i++)
    if (kode && strcmp(kode, pns[i].kode) == 0) return pns[i].pangkat;
  return NULL;
}
