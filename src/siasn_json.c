/* siasn_json.c: tolerant reading of SIASN's answers (see siasn_json.h). */
#include "siasn_json.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Next significant character of a key: lower case, separators skipped. */
static const char *lewati(const char *s)
{
  while (*s == '_' || *s == '-' || *s == ' ') s++;
  return s;
}

static bool kunci_sama(const char *a, const char *b)
{
  for (;;) {
    a = lewati(a);
    b = lewati(b);
    if (!*a || !*b) return !*a && !*b;
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return false;
    a++;
    b++;
  }
}

json_t *siasn_json_get(json_t *obj, const char *nama)
{
  if (!json_is_object(obj)) return NULL;
  json_t *v = json_object_get(obj, nama);
  if (v) return v;
  const char *k;
  json_object_foreach(obj, k, v) {
    if (kunci_sama(k, nama)) return v;
  }
  return NULL;
}

json_t *siasn_json_salah_satu(json_t *obj, const char *const *nama)
{
  for (; *nama; nama++) {
    json_t *v = siasn_json_get(obj, *nama);
    if (v && !json_is_null(v)) return v;
  }
  return NULL;
}

int siasn_json_teks(json_t *obj, const char *const *nama, char *out, size_t n)
{
  json_t *v = siasn_json_salah_satu(obj, nama);
  out[0] = 0;
  if (!v) return 1;
  int w;
  if (json_is_string(v)) {
    const char *s = json_string_value(v);
    while (*s == ' ' || *s == '\t') s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    if (!len) return 1;
    if (len >= n) return -1;
    memcpy(out, s, len);
    out[len] = 0;
    return 0;
  }
  if (json_is_integer(v)) w = snprintf(out, n, "%lld", (long long)json_integer_value(v));
  else if (json_is_real(v)) w = snprintf(out, n, "%.15g", json_real_value(v));
  else if (json_is_boolean(v)) w = snprintf(out, n, "%s", json_is_true(v) ? "true" : "false");
  else return 1;
  if (w < 0 || (size_t)w >= n) { out[0] = 0; return -1; }
  return 0;
}

json_t *siasn_json_isi(json_t *j, bool *gagal, char *pesan, size_t n)
{
  static const char *const k_pesan[] = {"message", "pesan", "error_description", "errorMessage", "msg", NULL};
  static const char *const k_isi[] = {"data", "mapData", "result", "results", NULL};
  *gagal = false;
  pesan[0] = 0;
  if (!json_is_object(j)) return j;
  if (siasn_json_teks(j, k_pesan, pesan, n) < 0) pesan[0] = 0;
  json_t *ok = siasn_json_get(j, "success"), *code = siasn_json_get(j, "code"), *err = siasn_json_get(j, "error");
  if (json_is_false(ok)) *gagal = true;
  if (json_is_integer(code) && json_integer_value(code) == 0) *gagal = true;
  if (json_is_string(code) && strcmp(json_string_value(code), "0") == 0) *gagal = true;
  if (err && !json_is_null(err) && !json_is_false(err)) {
    *gagal = true;
    if (!pesan[0] && json_is_string(err)) snprintf(pesan, n, "%s", json_string_value(err));
  }
  json_t *isi = siasn_json_salah_satu(j, k_isi);
  return isi ? isi : j;
}

/* lower case, single spaces, no surrounding spaces; truncated at n-1 bytes */
static void rapikan(const char *s, char *out, size_t n)
{
  size_t k = 0;
  bool spasi = false;
  for (; *s && k + 2 < n; s++) {
    if (*s == ' ' || *s == '\t') { spasi = k > 0; continue; }
    if (spasi) { out[k++] = ' '; spasi = false; }
    out[k++] = (char)tolower((unsigned char)*s);
  }
  out[k] = 0;
}

bool siasn_nama_sama(const char *a, const char *b)
{
  char x[512], y[512];
  rapikan(a, x, sizeof x);
  rapikan(b, y, sizeof y);
  return strcmp(x, y) == 0;
}
