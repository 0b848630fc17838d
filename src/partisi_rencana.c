/* partisi_rencana.c: which month partitions to create (pure; see partisi.h). */
#include "partisi.h"

#include <stdbool.h>

static bool bulan_sah(int m)
{
  int th = m / 100, bl = m % 100;
  return th >= 1970 && th <= 9999 && bl >= 1 && bl <= 12;
}

static bool ada_di(const int *a, size_t n, int m)
{
  for (size_t i = 0; i < n; i++) if (a[i] == m) return true;
  return false;
}

/* Inserts m into the ascending out[0..*n) unless present or full. */
static void sisip(int *out, size_t *n, size_t maks, int m)
{
  size_t i = 0;
  while (i < *n && out[i] < m) i++;
  if (i < *n && out[i] == m) return;
  if (*n == maks) return;
  for (size_t j = *n; j > i; j--) out[j] = out[j - 1];
  out[i] = m;
  (*n)++;
}

size_t partisi_rencana(int tahun, int bulan, int maju, const int *ada, size_t nada,
                       const int *di_default, size_t ndef, int *out, size_t maks)
{
  size_t n = 0;
  if (maju < 0) maju = 0;
  if (maju > PARTISI_MAJU_MAKS) maju = PARTISI_MAJU_MAKS;
  int th = tahun, bl = bulan;
  for (int i = 0; i <= maju && bulan >= 1 && bulan <= 12; i++) {
    int m = th * 100 + bl;
    if (bulan_sah(m) && !ada_di(ada, nada, m)) sisip(out, &n, maks, m);
    if (++bl > 12) { bl = 1; th++; }
  }
  for (size_t i = 0; i < ndef; i++)
    if (bulan_sah(di_default[i]) && !ada_di(ada, nada, di_default[i])) sisip(out, &n, maks, di_default[i]);
  return n;
}
