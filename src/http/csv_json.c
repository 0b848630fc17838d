/* csv_json.c: JSON lists as CSV (see csv_json.h). */
#include "http/csv_json.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define MAKS_KOLOM 128

struct kolom { int n; char *nama[MAKS_KOLOM]; };

static void kolom_dari(const json_t *o, const char *awalan, struct kolom *k)
{
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)o, key, v) {
    char nama[256];
    snprintf(nama, sizeof nama, "%s%s%s", awalan, awalan[0] ? "." : "", key);
    if (json_is_object(v) && json_object_size(v)) kolom_dari(v, nama, k);
    else if (k->n < MAKS_KOLOM) k->nama[k->n++] = strdup(nama);
  }
}

/* The value at a dotted path, or NULL. */
static const json_t *ambil(const json_t *o, const char *path)
{
  char buf[256];
  snprintf(buf, sizeof buf, "%s", path);
  const json_t *cur = o;
  for (char *save = NULL, *t = strtok_r(buf, ".", &save); t && cur; t = strtok_r(NULL, ".", &save))
    cur = json_is_object(cur) ? json_object_get(cur, t) : NULL;
  return cur;
}

static int sel(struct buf *b, const char *s)
{
  bool rumus = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
  /* a negative number is a number, not a formula */
  if (s[0] == '-' && s[1] >= '0' && s[1] <= '9' && strspn(s + 1, "0123456789.") == strlen(s + 1)) rumus = false;
  if (!rumus && !strpbrk(s, ",\"\r\n;")) return buf_puts(b, s);
  int g = buf_puts(b, "\"");
  if (rumus) g |= buf_puts(b, "'");
  for (const char *p = s; *p; p++) {
    if (*p == '"') g |= buf_puts(b, "\"");
    g |= buf_append(b, p, 1);
  }
  return g | buf_puts(b, "\"");
}

static int nilai(struct buf *b, const json_t *v)
{
  if (!v || json_is_null(v)) return 0;
  if (json_is_string(v)) return sel(b, json_string_value(v));
  if (json_is_true(v)) return buf_puts(b, "true");
  if (json_is_false(v)) return buf_puts(b, "false");
  char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
  if (!s) return -1;
  int g = json_is_number(v) ? buf_puts(b, s) : sel(b, s);
  free(s);
  return g;
}

char *csv_dari_json(const json_t *j, const char *daftar, size_t *len)
{
  const json_t *rows = NULL;
  if (json_is_array(j)) rows = j;
  else if (daftar) rows = json_object_get(j, daftar);
  else if (json_is_array(json_object_get(j, "items"))) rows = json_object_get(j, "items");
  else {
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)j, key, v)
      if (json_is_array(v) && json_is_object(json_array_get(v, 0))) { rows = v; break; }
  }
  if (!json_is_array(rows) || (json_array_size(rows) && !json_is_object(json_array_get(rows, 0)))) return NULL;
  struct kolom k = {0};
  if (json_array_size(rows)) kolom_dari(json_array_get(rows, 0), "", &k);
  struct buf b;
  buf_init(&b, (size_t)256 << 20);
  int g = buf_puts(&b, "\xEF\xBB\xBF");
  for (int c = 0; c < k.n; c++) g |= (c ? buf_puts(&b, ",") : 0) | sel(&b, k.nama[c]);
  g |= buf_puts(&b, "\r\n");
  size_t i;
  json_t *r;
  json_array_foreach((json_t *)rows, i, r) {
    for (int c = 0; c < k.n; c++) g |= (c ? buf_puts(&b, ",") : 0) | nilai(&b, ambil(r, k.nama[c]));
    g |= buf_puts(&b, "\r\n");
  }
  for (int c = 0; c < k.n; c++) free(k.nama[c]);
  if (g) { buf_free(&b); return NULL; }
  *len = b.len;
  return buf_steal(&b);
}
