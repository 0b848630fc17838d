/* oidc_konfig.c: loading, validating and saving an instansi's OIDC provider settings. */
#include "auth/oidc_konfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth/oidc_http.h"
#include "auth/oidc_rahasia.h"
#include "util/errs.h"
#include "util/util.h"

#define KOLOM "SELECT i.id, i.kode, i.nama, o.issuer, o.client_id, COALESCE(o.rahasia, ''), o.scope," \
              "       o.klaim_nip, o.aktif, o.lokal_nonaktif, o.diubah" \
              "  FROM oidc_konfig o JOIN instansi i ON i.id = o.instansi_id"

int oidc_konfig_muat(struct db *db, int64_t instansi_id, const char *kode, struct oidc_konfig *k)
{
  struct db_stmt *st = kode ? db_prepare(db, KOLOM " WHERE i.kode = ?1 AND i.aktif = 1 AND i.latihan_dari IS NULL")   /* SSO never opens a sandbox */
                            : db_prepare(db, KOLOM " WHERE i.id = ?1 AND i.aktif = 1");
  if (!st) return -1;
  if (kode) db_bind_text(st, 1, kode);
  else db_bind_int64(st, 1, instansi_id);
  memset(k, 0, sizeof *k);
  int s = db_step(st), rc = s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
  if (s == DB_ROW) {
    k->instansi_id = db_col_int64(st, 0);
    str_copy(k->kode, sizeof k->kode, db_col_text(st, 1));
    str_copy(k->nama, sizeof k->nama, db_col_text(st, 2));
    str_copy(k->issuer, sizeof k->issuer, db_col_text(st, 3));
    str_copy(k->client_id, sizeof k->client_id, db_col_text(st, 4));
    if (str_copy(k->rahasia, sizeof k->rahasia, db_col_text(st, 5)) != 0) rc = -1;
    str_copy(k->scope, sizeof k->scope, db_col_text(st, 6));
    str_copy(k->klaim_nip, sizeof k->klaim_nip, db_col_text(st, 7));
    k->aktif = db_col_int64(st, 8) != 0;
    k->lokal_nonaktif = db_col_int64(st, 9) != 0;
    k->diubah = db_col_int64(st, 10);
  }
  db_done(st);
  return rc;
}

json_t *oidc_konfig_json(const struct oidc_konfig *k, int64_t instansi_id, const char *redirect_uri)
{
  json_t *j = json_pack("{s:I,s:b,s:s,s:s,s:b,s:s,s:s,s:b,s:b,s:s}",
                        "instansi_id", (json_int_t)instansi_id, "terkonfigurasi", k != NULL,
                        "issuer", k ? k->issuer : "", "client_id", k ? k->client_id : "",
                        "rahasia_tersimpan", k && k->rahasia[0], "scope", k ? k->scope : "",
                        "klaim_nip", k ? k->klaim_nip : "nip", "aktif", k && k->aktif,
                        "login_lokal_nonaktif", k && k->lokal_nonaktif, "redirect_uri", redirect_uri);
  if (j) json_object_set_new(j, "diubah", k ? json_integer(k->diubah) : json_null());
  return j;
}

/* True when every byte of s is in [lo, hi] (ASCII) and s is 1..max long. */
static bool ascii(const char *s, size_t max, int lo, int hi)
{
  size_t n = strlen(s);
  if (n == 0 || n > max) return false;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] < lo || (unsigned char)s[i] > hi) return false;
  return true;
}

/* RFC 6749 §3.3: scope-tokens of %x21 / %x23-5B / %x5D-7E separated by single spaces. */
static bool scope_sah(const char *s)
{
  if (strlen(s) > 300) return false;
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == ' ') { if (p == s || p[1] == ' ' || p[1] == 0) return false; continue; }
    if (c < 0x21 || c == 0x22 || c == 0x5c || c > 0x7e) return false;
  }
  return true;
}

static bool klaim_sah(const char *s)
{
  size_t n = strlen(s);
  if (n == 0 || n > 60) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("_.:-", c)))
      return false;
  }
  return true;
}

static const char *teks(json_t *body, const char *f, json_t **errs)
{
  json_t *v = json_object_get(body, f);
  if (!v) return NULL;
  if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v)) {
    errs_add(errs, f, "harus teks");
    return NULL;
  }
  return json_string_value(v);
}

static bool bendera(json_t *body, const char *f, bool bawaan, json_t **errs)
{
  json_t *v = json_object_get(body, f);
  if (!v) return bawaan;
  if (!json_is_boolean(v)) { errs_add(errs, f, "harus true atau false"); return bawaan; }
  return json_is_true(v);
}

int oidc_konfig_simpan(struct db *db, int64_t instansi_id, json_t *body, const char *data_dir,
                       const struct audit_actor *who, json_t **errs)
{
  static const char *const boleh[] = {"issuer", "client_id", "client_secret", "scope", "klaim_nip",
                                      "aktif", "login_lokal_nonaktif", NULL};
  struct oidc_konfig lama;
  char *rahasia = NULL, err[300];
  json_t *before = NULL, *after = NULL;
  int rc = -1;
  const char *key;
  json_t *v;
  json_object_foreach(body, key, v) {
    bool ok = false;
    for (size_t i = 0; boleh[i]; i++) ok = ok || strcmp(boleh[i], key) == 0;
    if (!ok) errs_add(errs, key, "tidak dikenal");
  }
  const char *issuer = teks(body, "issuer", errs), *client_id = teks(body, "client_id", errs);
  const char *secret = teks(body, "client_secret", errs), *scope = teks(body, "scope", errs);
  const char *klaim = teks(body, "klaim_nip", errs);
  bool aktif = bendera(body, "aktif", true, errs);
  bool lokal_nonaktif = bendera(body, "login_lokal_nonaktif", false, errs);
  if (!issuer) { if (!json_object_get(body, "issuer")) errs_add(errs, "issuer", "wajib diisi"); }
  else if (strlen(issuer) > 500 || !oidc_url_boleh(issuer) || strchr(issuer, '?'))
    errs_add(errs, "issuer", "harus URL https tanpa query (http hanya untuk localhost)");
  if (!client_id) { if (!json_object_get(body, "client_id")) errs_add(errs, "client_id", "wajib diisi"); }
  else if (!ascii(client_id, 200, 0x21, 0x7e)) errs_add(errs, "client_id", "1-200 karakter ASCII tanpa spasi");
  if (secret && secret[0] && !ascii(secret, OIDC_RAHASIA_MAX, 0x20, 0x7e))
    errs_add(errs, "client_secret", "maksimal 512 karakter ASCII");
  if (scope && !scope_sah(scope)) errs_add(errs, "scope", "daftar scope dipisah satu spasi (maksimal 300 karakter)");
  if (klaim && !klaim_sah(klaim)) errs_add(errs, "klaim_nip", "nama klaim 1-60 karakter (huruf, angka, _ . : -)");
  if (lokal_nonaktif && !aktif)
    errs_add(errs, "login_lokal_nonaktif", "login dengan kata sandi hanya dapat dinonaktifkan bila SSO aktif");
  if (errs_any(*errs)) return 1;
  int ada = oidc_konfig_muat(db, instansi_id, NULL, &lama);
  if (ada < 0) goto fail;
  if (ada == 0) before = oidc_konfig_json(&lama, instansi_id, "");
  /* absent: keep the stored secret; "": a public client; else encrypt the new one */
  const char *simpan = ada == 0 && lama.rahasia[0] ? lama.rahasia : NULL;
  if (secret && !secret[0]) simpan = NULL;
  if (secret && secret[0]) {
    if (oidc_rahasia_tutup(data_dir, secret, &rahasia, err, sizeof err) != 0) {
      errs_addf(errs, "client_secret", "tidak dapat disimpan: %s", err);
      rc = 1;
      goto fail;
    }
    simpan = rahasia;
  }
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO oidc_konfig (instansi_id, issuer, client_id, rahasia, scope, klaim_nip, aktif,"
    "                         lokal_nonaktif, diubah, diubah_oleh)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (instansi_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id,"
    "   rahasia = excluded.rahasia, scope = excluded.scope, klaim_nip = excluded.klaim_nip,"
    "   aktif = excluded.aktif, lokal_nonaktif = excluded.lokal_nonaktif, diubah = excluded.diubah,"
    "   diubah_oleh = excluded.diubah_oleh");
  if (!st) goto fail;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, issuer);
  db_bind_text(st, 3, client_id);
  db_bind_text(st, 4, simpan);
  db_bind_text(st, 5, scope ? scope : "");
  db_bind_text(st, 6, klaim ? klaim : "nip");
  db_bind_int64(st, 7, aktif);
  db_bind_int64(st, 8, lokal_nonaktif);
  db_bind_int64(st, 9, now_unix());
  db_bind_id(st, 10, who ? who->pengguna_id : 0);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto fail;
  /* the provider's documents are fetched again after any change */
  st = db_prepare(db, "DELETE FROM oidc_penyedia WHERE issuer = ?1");
  if (!st) goto fail;
  db_bind_text(st, 1, issuer);
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto fail;
  struct oidc_konfig baru;
  if (oidc_konfig_muat(db, instansi_id, NULL, &baru) != 0) goto fail;
  after = oidc_konfig_json(&baru, instansi_id, "");
  if (!after) goto fail;
  json_object_del(after, "redirect_uri");
  if (before) json_object_del(before, "redirect_uri");
  json_object_set_new(after, "rahasia_diubah", json_boolean(secret != NULL));
  rc = audit_append(db, who, instansi_id, "oidc.konfig", "instansi", instansi_id, before, after);
fail:
  free(rahasia);
  json_decref(before);
  json_decref(after);
  return rc;
}

int oidc_lokal_nonaktif(struct db *db, int64_t instansi_id)
{
  int64_t n = 0;
  if (!instansi_id) return 0;
  int s = db_query_int64(db, "SELECT COUNT(*) FROM oidc_konfig WHERE instansi_id = ?1 AND aktif = 1 AND lokal_nonaktif = 1",
                         1, instansi_id, &n);
  if (s != DB_ROW) return -1;
  return n > 0;
}

json_t *oidc_konfig_daftar(struct db *db)
{
  json_t *items = json_array();
  struct db_stmt *st = db_prepare(db,
    "SELECT i.kode, i.nama"
    "  FROM oidc_konfig o JOIN instansi i ON i.id = o.instansi_id"
    " WHERE o.aktif = 1 AND i.aktif = 1 AND i.latihan_dari IS NULL"
    " ORDER BY i.nama, i.kode");
  if (!st || !items) goto fail;
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    char mulai[400];
    char *e = oidc_http_escape(db_col_text(st, 0));
    if (!e) goto fail;
    int w = snprintf(mulai, sizeof mulai, "/api/v1/auth/oidc/%s/mulai", e);
    oidc_http_free(e);
    if (w < 0 || (size_t)w >= sizeof mulai) continue;
    json_array_append_new(items, json_pack("{s:s,s:s,s:s}", "kode", db_col_text(st, 0),
                                           "nama", db_col_text(st, 1), "mulai", mulai));
  }
  if (s != DB_DONE) goto fail;
  db_done(st);
  return json_pack("{s:o}", "items", items);
fail:
  db_done(st);
  json_decref(items);
  return NULL;
}
