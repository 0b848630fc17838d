/* desimal.c: exact fractions and explanation lines for the rules (see desimal.h). */
#include "rules/desimal.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef __int128 i128;

static i128 gcd128(i128 a, i128 b)
{
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/* Reduces p/q (q != 0) and stores it when it fits in int64. */
static int make(i128 p, i128 q, struct pecahan *out)
{
  if (q == 0) return -1;
  if (q < 0) { p = -p; q = -q; }
  i128 g = gcd128(p, q);
  if (g > 1) { p /= g; q /= g; }
  if (p > INT64_MAX || p < -INT64_MAX || q > INT64_MAX) return -1;
  out->p = (int64_t)p;
  out->q = (int64_t)q;
  return 0;
}

struct pecahan pecahan_bulat(int64_t n)
{
  struct pecahan r = {n, 1};
  return r;
}

struct pecahan pecahan_dari(int64_t a, int64_t b)
{
  struct pecahan r = {0, 1};
  int rc = make(a, b, &r);
  assert(rc == 0);
  (void)rc;
  return r;
}

int pecahan_dari_teks(const char *s, struct pecahan *out)
{
  if (!s) return -1;
  while (*s == ' ') s++;
  int64_t ip = 0, fp = 0, skala = 1;
  int digit = 0, sig = 0, nf = 0, sep = 0;
  for (; *s && *s != ' '; s++) {
    char c = *s;
    if (c >= '0' && c <= '9') {
      if (sep) {
        if (++nf > DESIMAL_MAKS_DIGIT) return -1;
        fp = fp * 10 + (c - '0');
        skala *= 10;
      } else {
        digit = 1;
        if (ip == 0 && c == '0') continue;  /* leading zeros */
        if (++sig > 12) return -1;
        ip = ip * 10 + (c - '0');
      }
    } else if ((c == '.' || c == ',') && !sep) {
      sep = 1;
    } else {
      return -1;
    }
  }
  while (*s == ' ') s++;
  if (*s) return -1;
  if (!digit || (sep && nf == 0)) return -1;
  return make((i128)ip * skala + fp, skala, out);
}

int pecahan_tambah(struct pecahan a, struct pecahan b, struct pecahan *out)
{
  return make((i128)a.p * b.q + (i128)b.p * a.q, (i128)a.q * b.q, out);
}

int pecahan_kurang(struct pecahan a, struct pecahan b, struct pecahan *out)
{
  return make((i128)a.p * b.q - (i128)b.p * a.q, (i128)a.q * b.q, out);
}

int pecahan_kali(struct pecahan a, struct pecahan b, struct pecahan *out)
{
  return make((i128)a.p * b.p, (i128)a.q * b.q, out);
}

int pecahan_bagi(struct pecahan a, struct pecahan b, struct pecahan *out)
{
  if (b.p == 0) return -1;
  return make((i128)a.p * b.q, (i128)a.q * b.p, out);
}

int pecahan_banding(struct pecahan a, struct pecahan b)
{
  i128 l = (i128)a.p * b.q, r = (i128)b.p * a.q;
  return l < r ? -1 : l > r;
}

bool pecahan_nol(struct pecahan a) { return a.p == 0; }

static i128 pangkat10(int d)
{
  i128 r = 1;
  for (int i = 0; i < d; i++) r *= 10;
  return r;
}

int64_t pecahan_skala(struct pecahan a, int desimal)
{
  assert(desimal >= 0 && desimal <= 9);
  i128 num = (i128)a.p * pangkat10(desimal), q = a.q;
  i128 neg = num < 0;
  if (neg) num = -num;
  i128 r = (2 * num + q) / (2 * q);  /* half up on the magnitude */
  return (int64_t)(neg ? -r : r);
}

int64_t pecahan_skala_atas(struct pecahan a, int desimal)
{
  assert(desimal >= 0 && desimal <= 9);
  i128 num = (i128)a.p * pangkat10(desimal), q = a.q;
  i128 r = num / q;  /* truncates towards zero */
  if (num % q != 0 && num > 0) r++;
  return (int64_t)r;
}

char *desimal_tulis(int64_t scaled, int desimal, char sep, bool ringkas, char *out, size_t n)
{
  char buf[48];
  uint64_t mag = scaled < 0 ? (uint64_t)0 - (uint64_t)scaled : (uint64_t)scaled;
  uint64_t div = 1;
  for (int i = 0; i < desimal; i++) div *= 10;
  int len;
  if (desimal > 0) {
    len = snprintf(buf, sizeof buf, "%s%llu%c%0*llu", scaled < 0 ? "-" : "", (unsigned long long)(mag / div), sep,
                   desimal, (unsigned long long)(mag % div));
    if (ringkas && len > 0) {
      while (buf[len - 1] == '0') buf[--len] = '\0';
      if (buf[len - 1] == sep) buf[--len] = '\0';
    }
  } else {
    len = snprintf(buf, sizeof buf, "%s%llu", scaled < 0 ? "-" : "", (unsigned long long)mag);
  }
  if (len < 0 || (size_t)len >= n) {
    if (n) snprintf(out, n, "%s", n > 1 ? "?" : "");
    return out;
  }
  memcpy(out, buf, (size_t)len + 1);
  return out;
}

char *pecahan_tulis(struct pecahan a, int desimal, char sep, bool ringkas, char *out, size_t n)
{
  return desimal_tulis(pecahan_skala(a, desimal), desimal, sep, ringkas, out, n);
}

double desimal_double(int64_t scaled, int desimal)
{
  double d = 1;
  for (int i = 0; i < desimal; i++) d *= 10;
  return (double)scaled / d;
}

void penjelasan_mulai(struct penjelasan *pj) { pj->n = 0; }

void penjelasan_tambah(struct penjelasan *pj, const char *fmt, ...)
{
  if (pj->n >= PENJELASAN_MAKS) return;
  if (pj->n == PENJELASAN_MAKS - 1) {
    snprintf(pj->baris[pj->n++], PENJELASAN_PANJANG, "(penjelasan selebihnya dipotong)");
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  char *b = pj->baris[pj->n++];
  int len = vsnprintf(b, PENJELASAN_PANJANG, fmt, ap);
  va_end(ap);
  if (len >= PENJELASAN_PANJANG) {
    /* cut: never leave half a UTF-8 sequence at the end */
    size_t n = PENJELASAN_PANJANG - 1, i = n;
    while (i > 0 && ((unsigned char)b[i - 1] & 0xc0) == 0x80) i--;
    if (i > 0 && ((unsigned char)b[i - 1] & 0x80)) {
      unsigned char c = (unsigned char)b[i - 1];
      size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      if (n - (i - 1) < need) b[i - 1] = '\0';
    }
  }
}
