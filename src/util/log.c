/* log.c: leveled logging to stderr. */
#include "util/log.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static enum log_level level = LOG_INFO;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void log_set_level(enum log_level l) { level = l; }
enum log_level log_get_level(void) { return level; }

int log_parse_level(const char *s, enum log_level *out)
{
  static const char *names[] = {"error", "warn", "info", "debug"};
  for (int i = 0; i < 4; i++)
    if (strcmp(s, names[i]) == 0) { *out = (enum log_level)i; return 0; }
  return -1;
}

void log_msg(enum log_level l, const char *fmt, ...)
{
  static const char *names[] = {"ERROR", "WARN", "INFO", "DEBUG"};
  if (l > level) return;
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  char ts[32];
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
  pthread_mutex_lock(&lock);
  fprintf(stderr, "%s %s %s\n", ts, names[l], msg);
  pthread_mutex_unlock(&lock);
}

void log_line(const char *line)
{
  /* one write per line (stderr is unbuffered): a reader never sees a line without its end */
  char buf[2048];
  int n = snprintf(buf, sizeof buf, "%s\n", line);
  if (n < 0) return;
  if ((size_t)n >= sizeof buf) { buf[sizeof buf - 2] = '\n'; buf[sizeof buf - 1] = 0; }
  pthread_mutex_lock(&lock);
  fputs(buf, stderr);
  pthread_mutex_unlock(&lock);
}

void log_line_n(const char *line, size_t n)
{
  /* one write(2), no lock: the kernel keeps a single write to a file or pipe (up to PIPE_BUF)
   * whole, and a lock here made the request threads wait on each other's disk writes */
  while (n > 0) {
    ssize_t w = write(STDERR_FILENO, line, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    line += w;
    n -= (size_t)w;
  }
}
