/* util.c: clock, randomness, hashing and strict parsing helpers. */
#include "util/util.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int64_t now_unix(void) { return (int64_t)time(NULL); }

int64_t now_unix_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

double now_mono(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void random_hex(char *out, size_t n)
{
  unsigned char raw[64];
  if (n > sizeof raw) n = sizeof raw;
  randombytes_buf(raw, n);
  sodium_bin2hex(out, 2 * n + 1, raw, n);
}

void hash_hex(const void *data, size_t len, char out[65])
{
  unsigned char h[32];
  crypto_generichash(h, sizeof h, data, len, NULL, 0);
  sodium_bin2hex(out, 65, h, sizeof h);
}

int parse_int64(const char *s, int64_t min, int64_t max, int64_t *out)
{
  if (!s || !*s) return -1;
  for (const char *p = s; *p; p++)
    if (!((*p >= '0' && *p <= '9') || (p == s && *p == '-'))) return -1;
  errno = 0;
  char *end = NULL;
  long long v = strtoll(s, &end, 10);
  if (errno || !end || *end || v < min || v > max) return -1;
  *out = v;
  return 0;
}

bool ymd_valid(int y, int m, int d)
{
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  int dm = days[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) dm = 29;
  return d <= dm;
}

bool date_valid(const char *s)
{
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  int y = (s[0]-'0')*1000 + (s[1]-'0')*100 + (s[2]-'0')*10 + (s[3]-'0');
  int m = (s[5]-'0')*10 + (s[6]-'0');
  int d = (s[8]-'0')*10 + (s[9]-'0');
  return ymd_valid(y, m, d);
}

int date_add_days(const char *s, int days, char out[11])
{
  if (!date_valid(s)) return -1;
  struct tm tm = {0};
  tm.tm_year = (s[0]-'0')*1000 + (s[1]-'0')*100 + (s[2]-'0')*10 + (s[3]-'0') - 1900;
  tm.tm_mon = (s[5]-'0')*10 + (s[6]-'0') - 1;
  tm.tm_mday = (s[8]-'0')*10 + (s[9]-'0') + days;
  tm.tm_hour = 12;
  time_t t = timegm(&tm);
  struct tm r;
  gmtime_r(&t, &r);
  strftime(out, 11, "%Y-%m-%d", &r);
  return date_valid(out) ? 0 : -1;
}

void date_today(int utc_offset_hours, char out[11])
{
  time_t t = time(NULL) + (time_t)utc_offset_hours * 3600;
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, 11, "%Y-%m-%d", &tm);
}

int str_copy(char *dst, size_t n, const char *src)
{
  if (!n) return -1;
  size_t l = strlen(src);
  if (l >= n) { memcpy(dst, src, n - 1); dst[n - 1] = 0; return -1; }
  memcpy(dst, src, l + 1);
  return 0;
}

bool text_clean(const char *s, bool allow_newline)
{
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    unsigned c = *p;
    int n;
    if (c < 0x80) {
      if (c < 0x20 && !(c == '\t' || (allow_newline && (c == '\n' || c == '\r')))) return false;
      if (c == 0x7f) return false;
      p++;
      continue;
    }
    if ((c & 0xe0) == 0xc0) n = 1; else if ((c & 0xf0) == 0xe0) n = 2;
    else if ((c & 0xf8) == 0xf0) n = 3; else return false;
    if (c == 0xc0 || c == 0xc1 || c > 0xf4) return false;
    for (int i = 1; i <= n; i++) if ((p[i] & 0xc0) != 0x80) return false;
    p += n + 1;
  }
  return true;
}
