/* cursor.h: opaque keyset-pagination cursors and LIKE patterns for list endpoints. */
#ifndef KINERJA_CURSOR_H
#define KINERJA_CURSOR_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes base64url("<sort value>\x1f<id>").  Returns 0, or -1 when malformed. */
int cursor_decode(const char *c, char *val, size_t vn, int64_t *id);
/* Encodes a cursor as a JSON string (json null when it does not fit). */
json_t *cursor_encode(const char *val, int64_t id);
/* Escapes q for LIKE ... ESCAPE '\' and wraps it: "%q%" when contains, else "q%". */
void like_pattern(const char *q, bool contains, char *out, size_t n);
#endif
