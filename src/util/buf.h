/* buf.h: a growable byte buffer with a hard maximum set at creation (curl's dynbuf idea). */
#ifndef KINERJA_BUF_H
#define KINERJA_BUF_H
#include <stdarg.h>
#include <stddef.h>

struct buf { char *data; size_t len, cap, max; };

/* Initialises an empty buffer that may grow up to `max` bytes (excluding the trailing NUL). */
void buf_init(struct buf *b, size_t max);
/* Appends; returns 0, or -1 when the maximum would be exceeded or memory runs out (the buffer
 * is left unchanged).  data is always NUL-terminated when non-NULL. */
int buf_append(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
/* Frees the memory; the buffer can be reused after buf_init. */
void buf_free(struct buf *b);
/* Hands the data to the caller (who frees it) and empties the buffer. */
char *buf_steal(struct buf *b);
#endif
