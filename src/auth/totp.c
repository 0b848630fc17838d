/* totp.c: RFC 6238 codes through liboath (see totp.h). */
#include "auth/totp.h"

#include <liboath/oath.h>
#include <pthread.h>
#include <stdbool.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void mulai(void) { oath_init(); }

void totp_rahasia_baru(unsigned char rahasia[TOTP_RAHASIA_BYTES])
{
  randombytes_buf(rahasia, TOTP_RAHASIA_BYTES);
}

int totp_base32(const unsigned char *rahasia, size_t n, char out[TOTP_BASE32_MAX])
{
  static const char abjad[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  size_t j = 0;
  unsigned buf = 0;
  int bits = 0;
  for (size_t i = 0; i < n; i++) {
    buf = (buf << 8) | rahasia[i];
    bits += 8;
    while (bits >= 5) {
      if (j + 1 >= TOTP_BASE32_MAX) return -1;
      out[j++] = abjad[(buf >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) {
    if (j + 1 >= TOTP_BASE32_MAX) return -1;
    out[j++] = abjad[(buf << (5 - bits)) & 31];
  }
  out[j] = 0;
  return 0;
}

/* Percent-encodes s (RFC 3986 unreserved kept) into out at *pos.  -1 when full. */
static int pct(const char *s, char *out, size_t n, size_t *pos)
{
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
    bool keep = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || strchr("-._~", *c);
    if (*pos + (keep ? 1 : 3) >= n) return -1;
    if (keep) out[(*pos)++] = (char)*c;
    else { out[(*pos)++] = '%'; out[(*pos)++] = hex[*c >> 4]; out[(*pos)++] = hex[*c & 15]; }
  }
  out[*pos] = 0;
  return 0;
}

int totp_uri(const char *penerbit, const char *akun, const char *base32, char *out, size_t n)
{
  size_t pos = 0;
  int w = snprintf(out, n, "otpauth://totp/");
  if (w < 0 || (size_t)w >= n) return -1;
  pos = (size_t)w;
  if (pct(penerbit, out, n, &pos) != 0) return -1;
  if (pos + 3 >= n) return -1;
  memcpy(out + pos, "%3A", 4);
  pos += 3;
  if (pct(akun, out, n, &pos) != 0) return -1;
  w = snprintf(out + pos, n - pos, "?secret=%s&issuer=", base32);
  if (w < 0 || (size_t)w >= n - pos) return -1;
  pos += (size_t)w;
  if (pct(penerbit, out, n, &pos) != 0) return -1;
  w = snprintf(out + pos, n - pos, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGIT, TOTP_LANGKAH);
  return w < 0 || (size_t)w >= n - pos ? -1 : 0;
}

int64_t totp_cek(const unsigned char *rahasia, size_t n, int64_t now, const char *kode)
{
  if (!kode || strlen(kode) != TOTP_DIGIT) return 0;
  for (const char *c = kode; *c; c++)
    if (*c < '0' || *c > '9') return 0;
  pthread_once(&once, mulai);
  int pos = 0;
  uint64_t counter = 0;
  int r = oath_totp_validate3((const char *)rahasia, n, (time_t)now, TOTP_LANGKAH, 0, 1, &pos, &counter, kode);
  if (r < 0) return 0;
  return (int64_t)counter;
}

int totp_kode(const unsigned char *rahasia, size_t n, int64_t now, char out[TOTP_DIGIT + 1])
{
  pthread_once(&once, mulai);
  return oath_totp_generate((const char *)rahasia, n, (time_t)now, TOTP_LANGKAH, 0, TOTP_DIGIT, out) == OATH_OK ? 0 : -1;
}
