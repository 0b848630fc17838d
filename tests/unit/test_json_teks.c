/* test_json_teks.c: json_teks() writes exactly what json_dumps() writes (src/util/json_teks.c):
 * 20,000 random documents (nested arrays and objects, keys with shared prefixes and NUL bytes,
 * strings with every control character, quotes, backslashes, 2-4 byte UTF-8, integers at the
 * extremes, reals), with and without sorted keys and a real precision; invalid UTF-8 and a
 * reference loop give NULL as json_dumps does. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/json_teks.h"

static unsigned long acak_state = 12345;
static unsigned acak(void)
{
  acak_state = acak_state * 6364136223846793005ul + 1442695040888963407ul;
  return (unsigned)(acak_state >> 33);
}

static const char *const POTONG[] = {
  "a", "b", "kinerja", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x01", "\x1f", "\x7f", " ",
  "é", "Ω", "€", "日本", "😀", "\xf0\x9f\x98\x80", "Rp1.500.000", "<script>", "\u2028",
};

static size_t acak_teks(char *out, size_t max)
{
  size_t n = 0;
  int k = (int)(acak() % 6);
  for (int i = 0; i < k; i++) {
    const char *p = POTONG[acak() % (sizeof POTONG / sizeof *POTONG)];
    size_t l = strlen(p);
    if (n + l + 1 >= max) break;
    memcpy(out + n, p, l);
    n += l;
  }
  if (acak() % 20 == 0 && n + 2 < max) out[n++] = 0;   /* an embedded NUL */
  out[n] = 0;
  return n;
}

static json_t *acak_nilai(int dalam)
{
  char t[128];
  unsigned r = acak() % (dalam > 4 ? 6 : 8);
  switch (r) {
  case 0: return json_null();
  case 1: return json_boolean(acak() % 2);
  case 2: {
    static const json_int_t ujung[] = {0, 1, -1, 9, 10, -10, INT64_MAX, INT64_MIN, 1795658860, 99999};
    return json_integer(acak() % 3 ? (json_int_t)acak() - (json_int_t)(1u << 31) : ujung[acak() % 10]);
  }
  case 3: {
    static const double ujung[] = {0.0, -0.0, 1.0, 0.1, 3.86, 1e300, -2.5e-8, 100.0, 1.0 / 3.0, 12345678901234567.0};
    return json_real(acak() % 2 ? ujung[acak() % 10] : (double)acak() / 7.0);
  }
  case 4: case 5: {
    size_t n = acak_teks(t, sizeof t);
    return json_stringn(t, n);
  }
  case 6: {
    json_t *a = json_array();
    int n = (int)(acak() % 5);
    for (int i = 0; i < n; i++) json_array_append_new(a, acak_nilai(dalam + 1));
    return a;
  }
  default: {
    json_t *o = json_object();
    int n = (int)(acak() % 6);
    for (int i = 0; i < n; i++) {
      size_t kn = acak_teks(t, 24);
      if (acak() % 3 == 0) { strcpy(t, acak() % 2 ? "id" : "i"); kn = strlen(t); }
      json_object_setn_new(o, t, kn, acak_nilai(dalam + 1));
    }
    return o;
  }
  }
}

static void sama(const json_t *j, size_t flags)
{
  size_t n = 0;
  char *a = json_dumps(j, flags), *b = json_teks(j, flags, &n);
  if (!a) { assert_null(b); return; }
  assert_non_null(b);
  assert_int_equal(n, strlen(a));
  assert_string_equal(a, b);
  free(a);
  free(b);
}

static void test_acak(void **state)
{
  (void)state;
  for (int i = 0; i < 20000; i++) {
    json_t *j = acak() % 2 ? json_object() : json_array();
    int n = (int)(acak() % 8);
    for (int k = 0; k < n; k++) {
      json_t *v = acak_nilai(1);
      if (json_is_object(j)) json_object_set_new(j, k % 2 ? "nama" : "n", v);
      else json_array_append_new(j, v);
    }
    sama(j, JSON_COMPACT);
    sama(j, JSON_COMPACT | JSON_SORT_KEYS);
    sama(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
    sama(j, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(6));
    sama(j, JSON_INDENT(2));   /* another flag: handed to json_dumps */
    json_decref(j);
  }
}

/* Long strings, scanned 8 bytes at a time (polos8): every byte value, and a multi-byte or broken
 * sequence, at every position of a 40-byte run, and at its end. */
static void test_posisi(void **state)
{
  (void)state;
  static const char *const sisip[] = {"é", "日本", "😀", "\xc3", "\xed\xa0\x80", "\xe2\x80\xa8"};
  char t[64];
  for (int c = 0; c < 256 + (int)(sizeof sisip / sizeof *sisip); c++)
    for (int p = 0; p < 40; p++)
      for (int panjang = p + 1; panjang <= 40; panjang += 13) {
        memset(t, 'a' + p % 26, sizeof t);
        size_t n = (size_t)panjang;
        if (c < 256) {
          t[p] = (char)c;
        } else {
          const char *x = sisip[c - 256];
          size_t l = strlen(x);
          memcpy(t + p, x, l);
          if ((size_t)p + l > n) n = (size_t)p + l;
        }
        json_t *j = json_pack("[o]", json_stringn_nocheck(t, n));
        sama(j, JSON_COMPACT);
        json_decref(j);
      }
}

static void test_tidak_sah(void **state)
{
  (void)state;
  static const char *const rusak[] = {"\xc3", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe0\x80\x80", "\x80", "\xff", "ok\xc3("};
  for (size_t i = 0; i < sizeof rusak / sizeof *rusak; i++) {
    json_t *j = json_pack("{s:o}", "x", json_string_nocheck(rusak[i]));
    sama(j, JSON_COMPACT);
    assert_null(json_teks(j, JSON_COMPACT, NULL));
    json_decref(j);
  }
  /* a reference loop */
  json_t *a = json_array(), *o = json_object();
  json_object_set(o, "a", a);
  json_array_append(a, o);
  assert_null(json_teks(a, JSON_COMPACT, NULL));
  assert_null(json_dumps(a, JSON_COMPACT));
  json_array_clear(a);
  json_decref(a);
  json_decref(o);
  /* not an array or object */
  json_t *s = json_string("x");
  assert_null(json_teks(s, JSON_COMPACT, NULL));
  json_decref(s);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_acak),
    cmocka_unit_test(test_posisi),
    cmocka_unit_test(test_tidak_sah),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
