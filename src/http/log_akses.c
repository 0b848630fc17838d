/* log_akses.c: the access log line of a finished request (see log_akses.h).
 *
 * Every request writes one, so it is put together by hand: snprintf with a %f, strftime and
 * gmtime on each request were ~5 % of a small authenticated GET (issue 13).  The date part of
 * the timestamp changes once a second and is kept per thread. */
#include "http/log_akses.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "util/log.h"

#define PATH_MAKS 600   /* escaped path, as the line had before */

struct baris { char s[1024]; size_t n; };

static void taruh(struct baris *b, const char *s, size_t n)
{
  if (n > sizeof b->s - 2 - b->n) n = sizeof b->s - 2 - b->n;   /* room for the newline */
  memcpy(b->s + b->n, s, n);
  b->n += n;
}
#define TARUH(b, lit) taruh(b, lit, sizeof lit - 1)

static void taruh_str(struct baris *b, const char *s) { taruh(b, s, strlen(s)); }

static void taruh_int(struct baris *b, long long v)
{
  char t[24];
  int i = sizeof t;
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  do { t[--i] = (char)('0' + u % 10); u /= 10; } while (u);
  if (v < 0) t[--i] = '-';
  taruh(b, t + i, sizeof t - (size_t)i);
}

/* The path as a JSON string body: '"' and '\' escaped, control characters as \u00XX. */
static void taruh_path(struct baris *b, const char *s)
{
  static const char hex[] = "0123456789abcdef";
  char out[PATH_MAKS];
  size_t o = 0;
  for (; *s && o + 7 < sizeof out; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') { out[o++] = '\\'; out[o++] = (char)ch; }
    else if (ch < 0x20) { memcpy(out + o, "\\u00", 4); out[o + 4] = hex[ch >> 4]; out[o + 5] = hex[ch & 15]; o += 6; }
    else out[o++] = (char)ch;
  }
  taruh(b, out, o);
}

/* "YYYY-MM-DDTHH:MM:SS" of a second, computed once per second and thread. */
static const char *detik_teks(time_t t)
{
  static _Thread_local time_t tersimpan = -1;
  static _Thread_local char teks[32];
  if (t != tersimpan) {
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(teks, sizeof teks, "%Y-%m-%dT%H:%M:%S", &tm);
    tersimpan = t;
  }
  return teks;
}

void log_akses_tulis(const char *method, const char *path, int status, double detik, const char *rid,
                     int64_t uid, bool aborted)
{
  struct baris b = {.n = 0};
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  long ms = now.tv_nsec / 1000000;
  char pecahan[5] = {'.', (char)('0' + ms / 100), (char)('0' + ms / 10 % 10), (char)('0' + ms % 10), 0};
  long long us = detik > 0 ? llround(detik * 1e6) : 0;
  char tiga[4] = {(char)('0' + us % 1000 / 100), (char)('0' + us % 100 / 10), (char)('0' + us % 10), 0};
  TARUH(&b, "{\"ts\":\"");
  taruh_str(&b, detik_teks(now.tv_sec));
  taruh_str(&b, pecahan);
  TARUH(&b, "Z\",\"method\":\"");
  taruh_str(&b, method);
  TARUH(&b, "\",\"path\":\"");
  taruh_path(&b, path);
  TARUH(&b, "\",\"status\":");
  taruh_int(&b, status);
  TARUH(&b, ",\"ms\":");
  taruh_int(&b, us / 1000);
  TARUH(&b, ".");
  taruh_str(&b, tiga);
  TARUH(&b, ",\"rid\":\"");
  taruh_str(&b, rid);
  TARUH(&b, "\",\"uid\":");
  taruh_int(&b, (long long)uid);
  if (aborted) TARUH(&b, ",\"aborted\":true");
  TARUH(&b, "}");
  b.s[b.n++] = '\n';
  log_line_n(b.s, b.n);
}
