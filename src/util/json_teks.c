/* json_teks.c: json_t to text as json_dumps() writes it (see json_teks.h). */
#include "util/json_teks.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DALAM_MAKS 2048
#define PRESISI(f) (((f) >> 11) & 0x1F)   /* JSON_REAL_PRECISION's bits, as jansson */


static int tumbuh_lambat(struct json_tulis *o, size_t perlu);

/* Room for `tambah` more bytes and the NUL; the common case (room left) stays inline. */
static inline int tumbuh(struct json_tulis *o, size_t tambah)
{
  if (o->rusak) return -1;
  size_t perlu = o->n + tambah + 1;
  if (perlu <= o->cap) return 0;
  return tumbuh_lambat(o, perlu);
}

static int tumbuh_lambat(struct json_tulis *o, size_t perlu)
{
  size_t cap = o->cap ? o->cap : 256;
  while (cap < perlu) cap *= 2;
  char *p = realloc(o->p, cap);
  if (!p) { o->rusak = 1; return -1; }
  o->p = p;
  o->cap = cap;
  return 0;
}

static inline void tulis(struct json_tulis *o, const char *s, size_t n)
{
  if (n == 0 || tumbuh(o, n)) return;
  memcpy(o->p + o->n, s, n);
  o->n += n;
}

static inline void tulis1(struct json_tulis *o, char c)
{
  if (tumbuh(o, 1)) return;
  o->p[o->n++] = c;
}

static void tulis_int(struct json_tulis *o, json_int_t v)
{
  static const char dua[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
  char t[24];
  int i = sizeof t;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  while (u >= 100) {   /* two digits a step */
    unsigned d = (unsigned)(u % 100) * 2;
    u /= 100;
    t[--i] = dua[d + 1];
    t[--i] = dua[d];
  }
  do { t[--i] = (char)('0' + u % 10); u /= 10; } while (u);
  if (v < 0) t[--i] = '-';
  tulis(o, t + i, sizeof t - (size_t)i);
}

/* Length of the valid UTF-8 sequence at s (jansson's rules: no overlong forms, no surrogates,
 * nothing above U+10FFFF), its code point in *cp; 0 when invalid. */
static size_t utf8_satu(const unsigned char *s, size_t sisa, int32_t *cp)
{
  unsigned char c = s[0];
  size_t n;
  int32_t v;
  if (c < 0x80) { *cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; }
  else return 0;
  if (sisa < n) return 0;
  for (size_t i = 1; i < n; i++) {
    if (s[i] < 0x80 || s[i] > 0xBF) return 0;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  if ((n == 3 && v < 0x800) || (n == 4 && v < 0x10000)) return 0;
  *cp = v;
  return n;
}

static const char HEX[] = "0123456789ABCDEF";

/* Eight bytes that need no escaping and are ASCII: none below 0x20, none 0x80 or above, no '"'
 * and no '\\' (the usual bit tricks; exact, since a byte >= 0x80 is excluded first). */
static inline int polos8(const unsigned char *s)
{
  const uint64_t satu = 0x0101010101010101ULL, tinggi = 0x8080808080808080ULL;
  uint64_t x;
  memcpy(&x, s, 8);
  uint64_t kutip = x ^ (satu * '"'), miring = x ^ (satu * '\\');
  uint64_t buruk = (x & tinggi) | ((x - satu * 0x20) & ~x & tinggi) |
                   ((kutip - satu) & ~kutip & tinggi) | ((miring - satu) & ~miring & tinggi);
  return buruk == 0;
}

static void tulis_string(struct json_tulis *o, const char *str, size_t len)
{
  const unsigned char *s = (const unsigned char *)str, *akhir = s + len, *awal = s;
  tulis1(o, '"');
  while (s < akhir) {
    while (akhir - s >= 8 && polos8(s)) s += 8;   /* plain ASCII runs, 8 bytes a step */
    if (s >= akhir) break;
    unsigned char c = *s;
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) { s++; continue; }
    if (c >= 0x80) {
      int32_t cp;
      size_t n = utf8_satu(s, (size_t)(akhir - s), &cp);
      if (!n) { o->rusak = 1; return; }
      s += n;
      continue;
    }
    tulis(o, (const char *)awal, (size_t)(s - awal));
    char e[6] = {'\\', 0};
    size_t en = 2;
    switch (c) {
    case '\\': e[1] = '\\'; break;
    case '"': e[1] = '"'; break;
    case '\b': e[1] = 'b'; break;
    case '\f': e[1] = 'f'; break;
    case '\n': e[1] = 'n'; break;
    case '\r': e[1] = 'r'; break;
    case '\t': e[1] = 't'; break;
    default:
      e[1] = 'u'; e[2] = '0'; e[3] = '0'; e[4] = HEX[c >> 4]; e[5] = HEX[c & 15];
      en = 6;
      break;
    }
    tulis(o, e, en);
    s++;
    awal = s;
  }
  tulis(o, (const char *)awal, (size_t)(s - awal));
  tulis1(o, '"');
}

struct kunci { const char *k; size_t n; json_t *v; };

static int banding_kunci(const void *a, const void *b)
{
  const struct kunci *x = a, *y = b;
  size_t m = x->n < y->n ? x->n : y->n;
  int r = memcmp(x->k, y->k, m);
  if (r) return r;
  return x->n < y->n ? -1 : x->n > y->n;
}

static void tulis_nilai(struct json_tulis *o, const json_t *j, size_t flags, int dalam);

static void tulis_objek(struct json_tulis *o, const json_t *j, size_t flags, int dalam)
{
  tulis1(o, '{');
  if (flags & JSON_SORT_KEYS) {
    size_t n = json_object_size(j), i = 0;
    struct kunci *ks = n ? malloc(n * sizeof *ks) : NULL;
    if (n && !ks) { o->rusak = 1; return; }
    for (void *it = json_object_iter((json_t *)j); it && i < n; it = json_object_iter_next((json_t *)j, it), i++) {
      ks[i].k = json_object_iter_key(it);
      ks[i].n = json_object_iter_key_len(it);
      ks[i].v = json_object_iter_value(it);
    }
    if (i > 1) qsort(ks, i, sizeof *ks, banding_kunci);
    for (size_t x = 0; x < i && !o->rusak; x++) {
      if (x) tulis1(o, ',');
      tulis_string(o, ks[x].k, ks[x].n);
      tulis1(o, ':');
      tulis_nilai(o, ks[x].v, flags, dalam + 1);
    }
    free(ks);
  } else {
    int pertama = 1;
    for (void *it = json_object_iter((json_t *)j); it && !o->rusak; it = json_object_iter_next((json_t *)j, it)) {
      if (!pertama) tulis1(o, ',');
      pertama = 0;
      tulis_string(o, json_object_iter_key(it), json_object_iter_key_len(it));
      tulis1(o, ':');
      tulis_nilai(o, json_object_iter_value(it), flags, dalam + 1);
    }
  }
  tulis1(o, '}');
}

static void tulis_nilai(struct json_tulis *o, const json_t *j, size_t flags, int dalam)
{
  if (!j || dalam > DALAM_MAKS) { o->rusak = 1; return; }
  switch (json_typeof(j)) {
  case JSON_NULL: tulis(o, "null", 4); break;
  case JSON_TRUE: tulis(o, "true", 4); break;
  case JSON_FALSE: tulis(o, "false", 5); break;
  case JSON_INTEGER: tulis_int(o, json_integer_value(j)); break;
  case JSON_REAL: {
    char t[128];   /* jansson's own formatting, whatever its build uses */
    size_t n = json_dumpb(j, t, sizeof t, JSON_ENCODE_ANY | JSON_REAL_PRECISION(PRESISI(flags)));
    if (n == 0 || n >= sizeof t) { o->rusak = 1; return; }
    tulis(o, t, n);
    break;
  }
  case JSON_STRING: tulis_string(o, json_string_value(j), json_string_length(j)); break;
  case JSON_ARRAY: {
    size_t n = json_array_size(j);
    tulis1(o, '[');
    for (size_t i = 0; i < n && !o->rusak; i++) {
      if (i) tulis1(o, ',');
      tulis_nilai(o, json_array_get(j, i), flags, dalam + 1);
    }
    tulis1(o, ']');
    break;
  }
  case JSON_OBJECT: tulis_objek(o, j, flags, dalam); break;
  default: o->rusak = 1; break;
  }
}

char *json_teks(const json_t *j, size_t flags, size_t *len)
{
  const size_t dikenal = JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(31);
  if ((flags & ~dikenal) || !(flags & JSON_COMPACT)) {
    char *s = json_dumps(j, flags);
    if (s && len) *len = strlen(s);
    return s;
  }
  if (!json_is_object(j) && !json_is_array(j)) return NULL;
  struct json_tulis o = {0};
  tulis_nilai(&o, j, flags, 0);
  if (o.rusak || tumbuh(&o, 0)) { free(o.p); return NULL; }
  o.p[o.n] = 0;
  if (len) *len = o.n;
  return o.p;
}

void json_tulis_mentah(struct json_tulis *o, const char *s, size_t n) { tulis(o, s, n); }
void json_tulis_string(struct json_tulis *o, const char *s, size_t n) { tulis_string(o, s, n); }
void json_tulis_int(struct json_tulis *o, int64_t v) { tulis_int(o, (json_int_t)v); }

char *json_tulis_selesai(struct json_tulis *o, size_t *len)
{
  char *p;
  if (o->rusak || tumbuh(o, 0)) {
    free(o->p);
    p = NULL;
  } else {
    p = o->p;
    p[o->n] = 0;
    if (len) *len = o->n;
  }
  memset(o, 0, sizeof *o);
  return p;
}
