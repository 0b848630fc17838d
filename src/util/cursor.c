/* cursor.c: pagination cursors and LIKE patterns (see cursor.h). */
#include "util/cursor.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

int cursor_decode(const char *c, char *val, size_t vn, int64_t *id)
{
  unsigned char raw[600];
  size_t n = 0;
  if (strlen(c) > 780) return -1;
  if (sodium_base642bin(raw, sizeof raw - 1, c, strlen(c), NULL, &n, NULL,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) return -1;
  raw[n] = 0;
  char *sep = memchr(raw, 0x1f, n);
  if (!sep || (size_t)(sep - (char *)raw) >= vn) return -1;
  *sep = 0;
  memcpy(val, raw, (size_t)(sep - (char *)raw) + 1);
  return parse_int64(sep + 1, 1, INT64_MAX, id);
}

json_t *cursor_encode(const char *val, int64_t id)
{
  char raw[600], out[820];
  int n = snprintf(raw, sizeof raw, "%s\x1f%lld", val ? val : "", (long long)id);
  if (n < 0 || (size_t)n >= sizeof raw) return json_null();
  sodium_bin2base64(out, sizeof out, (const unsigned char *)raw, (size_t)n,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return json_string(out);
}

void like_pattern(const char *q, bool contains, char *out, size_t n)
{
  size_t o = 0;
  if (contains && o + 1 < n) out[o++] = '%';
  for (const char *c = q; *c && o + 3 < n; c++) {
    if (*c == '%' || *c == '_' || *c == '\\') out[o++] = '\\';
    out[o++] = *c;
  }
  out[o++] = '%';
  out[o] = 0;
}
