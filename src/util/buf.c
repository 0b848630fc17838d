/* buf.c: bounded growable buffer. */
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b, size_t max) { b->data = NULL; b->len = b->cap = 0; b->max = max; }

int buf_append(struct buf *b, const void *p, size_t n)
{
  if (n > b->max - b->len) return -1;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) cap *= 2;
    if (cap > b->max + 1) cap = b->max + 1;
    char *d = realloc(b->data, cap);
    if (!d) return -1;
    b->data = d;
    b->cap = cap;
  }
  if (n) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = 0;
  return 0;
}

int buf_puts(struct buf *b, const char *s) { return buf_append(b, s, strlen(s)); }

int buf_printf(struct buf *b, const char *fmt, ...)
{
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return -1;
  if ((size_t)n < sizeof small) return buf_append(b, small, (size_t)n);
  char *big = malloc((size_t)n + 1);
  if (!big) return -1;
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  int rc = buf_append(b, big, (size_t)n);
  free(big);
  return rc;
}

void buf_reset(struct buf *b) { b->len = 0; if (b->data) b->data[0] = 0; }
void buf_free(struct buf *b) { free(b->data); b->data = NULL; b->len = b->cap = 0; }
char *buf_steal(struct buf *b)
{
  char *d = b->data;
  if (!d) d = calloc(1, 1);
  b->data = NULL; b->len = b->cap = 0;
  return d;
}
