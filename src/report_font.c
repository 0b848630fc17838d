/* report_font.c: UTF-8 to WinAnsi (CP1252) conversion, line wrapping by measured width, and
 * Indonesian dates for the printed reports.  See report_font.h. */
#include "report_font.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* CP1252 0x80..0x9F and the code points they stand for; the five unassigned codes are 0. */
static const unsigned short cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Decodes one UTF-8 character at s; returns its length (1..4) and the code point in *cp, or 0
 * when the sequence is invalid (overlong, surrogate, beyond U+10FFFF, truncated). */
static size_t utf8_decode(const unsigned char *s, unsigned long *cp)
{
  unsigned char c = s[0];
  size_t n, i;
  unsigned long v, min;
  if (c < 0x80) { *cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; min = 0x10000; }
  else return 0;
  for (i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;   /* also stops at the NUL */
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return n;
}

static unsigned char cp1252_from(unsigned long cp)
{
  size_t i;
  if (cp == '\n') return '\n';
  if (cp == '\t' || cp < 0x20 || cp == 0x7F) return ' ';
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return (unsigned char)cp;
  for (i = 0; i < 32; i++)
    if (cp1252_high[i] != 0 && cp1252_high[i] == cp) return (unsigned char)(0x80 + i);
  return '?';
}

size_t report_font_winansi(const char *s, char *out, size_t n)
{
  const unsigned char *p = (const unsigned char *)s;
  size_t k = 0;
  while (*p) {
    unsigned long cp;
    size_t len = utf8_decode(p, &cp);
    unsigned char b;
    if (len == 0) { b = '?'; len = 1; }
    else if (cp == '\r') { p += len; continue; }
    else b = cp1252_from(cp);
    if (k + 1 < n) out[k] = (char)b;
    k++;
    p += len;
  }
  if (n > 0) out[k < n ? k : n - 1] = '\0';
  return k;
}

void report_font_upper(char *s)
{
  unsigned char *p = (unsigned char *)s;
  for (; *p; p++) {
    unsigned char c = *p;
    if (c >= 'a' && c <= 'z') *p = (unsigned char)(c - 32);
    else if (c >= 0xE0 && c <= 0xFE && c != 0xF7) *p = (unsigned char)(c - 32);
    else if (c == 0x9A || c == 0x9C || c == 0x9E) *p = (unsigned char)(c - 16);
    else if (c == 0xFF) *p = 0x9F;
  }
}

double report_font_width(const char *s, size_t len, const unsigned short w[256], double size)
{
  unsigned long sum = 0;
  size_t i;
  for (i = 0; i < len; i++) sum += w[(unsigned char)s[i]];
  return (double)sum * size / 1000.0;
}

static void put_line(struct report_font_line *lines, size_t max, size_t count,
                     const char *s, size_t off, size_t end)
{
  while (end > off && s[end - 1] == ' ') end--;
  if (count < max) {
    lines[count].off = off;
    lines[count].len = end - off;
  }
}

size_t report_font_wrap(const char *s, size_t len, const unsigned short w[256], double size,
                        double maxw, struct report_font_line *lines, size_t max)
{
  size_t count = 0, p = 0;
  /* in 1/1000 em, the unit of w, so the loop adds integers */
  double limit = maxw * 1000.0 / size;
  while (p < len) {
    size_t e = p, q = p;
    bool first = true;
    while (e < len && s[e] != '\n') e++;
    if (q == e) {                    /* empty paragraph: an empty line */
      put_line(lines, max, count++, s, q, q);
    }
    while (q < e) {
      size_t i = q, brk = 0, next;
      unsigned long x = 0;
      bool have_brk = false;
      if (!first)
        while (q < e && s[q] == ' ') q++;
      if (q == e) break;
      i = q;
      while (i < e) {
        unsigned long cw = w[(unsigned char)s[i]];
        if ((double)(x + cw) > limit && i > q) break;
        x += cw;
        if (s[i] == ' ' && i > q) { brk = i; have_brk = true; }
        i++;
      }
      if (i == e) {
        put_line(lines, max, count++, s, q, e);
        q = e;
      } else {
        size_t end;
        if (s[i] == ' ') { end = i; next = i + 1; }
        else if (have_brk) { end = brk; next = brk + 1; }
        else { end = i; next = i; }
        put_line(lines, max, count++, s, q, end);
        q = next;
      }
      first = false;
    }
    p = e + 1;                       /* past the '\n'; a final '\n' ends the loop */
  }
  return count;
}

static const char *const bulan[12] = {
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember",
};

int report_font_tanggal(const char *ymd, char *out, size_t n)
{
  static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int y = 0, m = 0, d = 0, i, r;
  if (n > 0) out[0] = '\0';
  if (!ymd || strlen(ymd) != 10 || ymd[4] != '-' || ymd[7] != '-') return -1;
  for (i = 0; i < 10; i++) {
    if (i == 4 || i == 7) continue;
    if (ymd[i] < '0' || ymd[i] > '9') return -1;
  }
  for (i = 0; i < 4; i++) y = y * 10 + (ymd[i] - '0');
  m = (ymd[5] - '0') * 10 + (ymd[6] - '0');
  d = (ymd[8] - '0') * 10 + (ymd[9] - '0');
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return -1;
  {
    int max = mdays[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
    if (d > max) return -1;
  }
  r = snprintf(out, n, "%d %s %d", d, bulan[m - 1], y);
  if (r < 0 || (size_t)r >= n) {
    if (n > 0) out[0] = '\0';
    return -1;
  }
  return 0;
}
