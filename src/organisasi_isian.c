/* organisasi_isian.c: input checks shared by the organisation-target writers
 * (organisasi_internal.h). */
#include <stdio.h>
#include <string.h>

#include "organisasi_internal.h"
#include "rules/target.h"
#include "util/errs.h"
#include "util/util.h"

void org_hanya(json_t *body, const char *const *allowed, json_t **errs)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool ok = false;
    for (int i = 0; allowed[i]; i++) if (!strcmp(k, allowed[i])) ok = true;
    if (!ok) errs_add(errs, k, "kolom tidak dikenal");
  }
}

const char *org_teks(json_t *body, const char *field, bool wajib, size_t max, json_t **errs)
{
  json_t *v = json_object_get(body, field);
  if (!v || json_is_null(v)) {
    if (wajib) errs_add(errs, field, "wajib diisi");
    return NULL;
  }
  const char *s = json_string_value(v);
  if (!s) { errs_add(errs, field, "harus berupa teks"); return NULL; }
  if (wajib && !s[0]) { errs_add(errs, field, "wajib diisi"); return NULL; }
  if (strlen(s) > max || !text_clean(s, true)) { errs_addf(errs, field, "teks tidak valid atau lebih dari %zu karakter", max); return NULL; }
  return s;
}

int org_tahun(json_t *body, const char *field, bool wajib, json_t **errs)
{
  json_t *v = json_object_get(body, field);
  if (!v || json_is_null(v)) {
    if (wajib) errs_add(errs, field, "wajib diisi: tahun (2000-2100)");
    return 0;
  }
  if (!json_is_integer(v) || json_integer_value(v) < 2000 || json_integer_value(v) > 2100) {
    errs_add(errs, field, "harus bilangan bulat tahun 2000-2100");
    return 0;
  }
  return (int)json_integer_value(v);
}

bool org_target(json_t *v, const char *field, char *out, size_t n, json_t **errs)
{
  char buf[64];
  const char *s = NULL;
  if (json_is_string(v)) s = json_string_value(v);
  else if (json_is_integer(v)) { snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v)); s = buf; }
  else if (json_is_real(v)) { snprintf(buf, sizeof buf, "%.4f", json_real_value(v)); s = buf; }
  if (!v || json_is_null(v)) { errs_add(errs, field, "wajib diisi: target berupa angka (mis. 95,5)"); return false; }
  if (!s) { errs_add(errs, field, "jenis salah: target harus angka atau teks angka (mis. \"95,5\")"); return false; }
  if (target_angka_normal(s, out, n) != 0) {
    errs_add(errs, field, "harus angka tidak negatif, paling banyak 4 desimal, tanpa pemisah ribuan (mis. 95,5)");
    return false;
  }
  return true;
}

const char *org_arah(json_t *body, const char *dflt, json_t **errs)
{
  json_t *v = json_object_get(body, "arah");
  if (!v || json_is_null(v)) return dflt;
  const char *s = json_string_value(v);
  if (!s || (strcmp(s, "naik") && strcmp(s, "turun"))) {
    errs_add(errs, "arah", "harus naik (semakin tinggi semakin baik) atau turun (semakin rendah semakin baik)");
    return NULL;
  }
  return s;
}

int org_instansi_baris(struct db *db, const char *tabel, int64_t id, int64_t inst, int64_t *out, struct org_hasil *h)
{
  static const char *const sql[][2] = {
    {"sasaran_strategis", "SELECT instansi_id FROM sasaran_strategis WHERE id = ?1"},
    {"iku", "SELECT instansi_id FROM iku WHERE id = ?1"},
    {"pk_indikator", "SELECT instansi_id FROM pk_indikator WHERE id = ?1"},
    {"unit_kerja", "SELECT instansi_id FROM unit_kerja WHERE id = ?1"},
  };
  const char *q = NULL;
  for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) if (!strcmp(tabel, sql[i][0])) q = sql[i][1];
  if (!q) return -1;
  int s = db_query_int64(db, q, 1, id, out);
  if (s == DB_DONE) return 2;
  if (s != DB_ROW) return -1;
  if (inst && *out != inst) return org_tolak(h, 403, "Data ini milik instansi lain.");
  return 0;
}

int org_tolak(struct org_hasil *h, int http, const char *pesan)
{
  h->http = http;
  h->pesan = pesan;
  return 3;
}
