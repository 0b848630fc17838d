/* oidc_alur.c: starting and finishing an OIDC login (see oidc_alur.h). */
#include "auth/oidc_alur.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/oidc_http.h"
#include "auth/oidc_jwt.h"
#include "auth/oidc_konfig.h"
#include "auth/oidc_penyedia.h"
#include "auth/oidc_rahasia.h"
#include "util/buf.h"
#include "util/util.h"

#define NILAI_MAX 100        /* state / nonce / verifier as sent (43 chars) */
#define KODE_MAX 4096        /* longest authorization code accepted */

bool oidc_kembali_sah(const char *p)
{
  size_t n = p ? strlen(p) : 0;
  if (n == 0 || n > OIDC_KEMBALI_MAX || p[0] != '/' || p[1] == '/') return false;
  for (size_t i = 0; i < n; i++)
    if (p[i] <= 0x20 || p[i] >= 0x7f || p[i] == '\\') return false;
  return true;
}

/* 32 random bytes as base64url (43 chars). */
static void acak(char out[NILAI_MAX])
{
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  oidc_b64url_encode(b, sizeof b, out, NILAI_MAX);
}

/* Appends "&name=<escaped value>" (no '&' when first). */
static int param(struct buf *b, bool pertama, const char *name, const char *value)
{
  char *e = oidc_http_escape(value);
  if (!e) return -1;
  int r = buf_printf(b, "%s%s=%s", pertama ? "" : "&", name, e);
  oidc_http_free(e);
  return r;
}

/* "openid" plus the configured scopes (a repeated openid dropped). */
static int scope_penuh(const char *extra, char *out, size_t n)
{
  struct buf b;
  buf_init(&b, n - 1);
  int r = buf_puts(&b, "openid");
  for (const char *p = extra; r == 0 && *p;) {
    const char *sp = strchr(p, ' ');
    size_t l = sp ? (size_t)(sp - p) : strlen(p);
    if (!(l == 6 && memcmp(p, "openid", 6) == 0)) r = buf_printf(&b, " %.*s", (int)l, p);
    p += l;
    while (*p == ' ') p++;
  }
  if (r == 0) str_copy(out, n, b.data);
  buf_free(&b);
  return r;
}

int oidc_alur_mulai(struct db *db, const char *kode, const char *redirect_uri, const char *kembali,
                    struct oidc_mulai_hasil *h, char *alasan, size_t n)
{
  struct oidc_konfig k;
  struct oidc_penyedia p;
  char state[NILAI_MAX], nonce[NILAI_MAX], verifier[NILAI_MAX], tantangan[NILAI_MAX], scope[700];
  char err[200], ikatan_hash[65];
  unsigned char hash[crypto_hash_sha256_BYTES];
  struct buf b;
  int rc = 1;
  memset(&p, 0, sizeof p);
  buf_init(&b, sizeof h->url - 1);
  alasan[0] = 0;
  int m = oidc_konfig_muat(db, 0, kode, &k);
  if (m < 0) return -1;
  if (m > 0 || !k.aktif) { snprintf(alasan, n, "sso_tidak_dikonfigurasi"); goto fail; }
  m = oidc_penyedia_muat(db, k.issuer, false, &p, err, sizeof err);
  if (m < 0) { rc = -1; goto fail; }
  if (m > 0) { snprintf(alasan, n, "penyedia: %s", err); goto fail; }
  acak(state);
  acak(nonce);
  acak(verifier);
  crypto_hash_sha256(hash, (const unsigned char *)verifier, strlen(verifier));
  oidc_b64url_encode(hash, sizeof hash, tantangan, sizeof tantangan);
  random_hex(h->ikatan, 32);
  hash_hex(h->ikatan, strlen(h->ikatan), ikatan_hash);
  if (scope_penuh(k.scope, scope, sizeof scope) != 0) { snprintf(alasan, n, "scope terlalu panjang"); goto fail; }
  if (buf_puts(&b, p.authorization_endpoint) != 0 || buf_puts(&b, strchr(p.authorization_endpoint, '?') ? "&" : "?") != 0 ||
      param(&b, true, "response_type", "code") != 0 || param(&b, false, "client_id", k.client_id) != 0 ||
      param(&b, false, "redirect_uri", redirect_uri) != 0 || param(&b, false, "scope", scope) != 0 ||
      param(&b, false, "state", state) != 0 || param(&b, false, "nonce", nonce) != 0 ||
      param(&b, false, "code_challenge", tantangan) != 0 || param(&b, false, "code_challenge_method", "S256") != 0) {
    snprintf(alasan, n, "URL otorisasi terlalu panjang");
    goto fail;
  }
  str_copy(h->url, sizeof h->url, b.data);
  /* store the login; sweep the ones nobody finished */
  rc = -1;
  const int64_t now = now_unix();
  if (db_begin_write(db) != DB_OK) goto fail;
  struct db_stmt *st = db_prepare(db, "DELETE FROM oidc_login WHERE dibuat < ?1");
  if (!st) goto gagal;
  db_bind_int64(st, 1, now - OIDC_LOGIN_UMUR);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto gagal;
  /* bounded: a flood of starts cannot grow the table without limit */
  int64_t tertunda = 0;
  if (db_query_int64(db, "SELECT COUNT(*) FROM oidc_login", 0, 0, &tertunda) != DB_ROW) goto gagal;
  if (tertunda >= OIDC_LOGIN_MAKS) {
    db_rollback(db);
    snprintf(alasan, n, "terlalu_banyak_login_tertunda");
    rc = 1;
    goto fail;
  }
  st = db_prepare(db, "INSERT INTO oidc_login (state, instansi_id, nonce, verifier, ikatan, kembali, dibuat)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!st) goto gagal;
  db_bind_text(st, 1, state);
  db_bind_int64(st, 2, k.instansi_id);
  db_bind_text(st, 3, nonce);
  db_bind_text(st, 4, verifier);
  db_bind_text(st, 5, ikatan_hash);
  db_bind_text(st, 6, kembali);
  db_bind_int64(st, 7, now);
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE || db_commit(db) != DB_OK) goto gagal;
  rc = 0;
  goto fail;
gagal:
  db_rollback(db);
fail:
  oidc_penyedia_tutup(&p);
  buf_free(&b);
  sodium_memzero(verifier, sizeof verifier);
  return rc;
}

struct login {
  int64_t instansi_id, dibuat;
  char nonce[NILAI_MAX], verifier[NILAI_MAX], ikatan[65], kembali[OIDC_KEMBALI_MAX + 1];
};

/* Reads and deletes the login row of state.  0 found, 1 absent, -1 error. */
static int ambil_login(struct db *db, const char *state, struct login *l)
{
  int rc = -1;
  if (db_begin_write(db) != DB_OK) return -1;
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, nonce, verifier, ikatan, COALESCE(kembali, ''), dibuat"
                                      "  FROM oidc_login WHERE state = ?1");
  if (!st) goto fail;
  db_bind_text(st, 1, state);
  int s = db_step(st);
  if (s == DB_ROW) {
    l->instansi_id = db_col_int64(st, 0);
    str_copy(l->nonce, sizeof l->nonce, db_col_text(st, 1));
    str_copy(l->verifier, sizeof l->verifier, db_col_text(st, 2));
    str_copy(l->ikatan, sizeof l->ikatan, db_col_text(st, 3));
    str_copy(l->kembali, sizeof l->kembali, db_col_text(st, 4));
    l->dibuat = db_col_int64(st, 5);
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) goto fail;
  st = db_prepare(db, "DELETE FROM oidc_login WHERE state = ?1");
  if (!st) goto fail;
  db_bind_text(st, 1, state);
  int d = db_step(st);
  db_done(st);
  if (d != DB_DONE || db_commit(db) != DB_OK) goto fail;
  return s == DB_ROW ? 0 : 1;
fail:
  db_rollback(db);
  return rc;
}

/* The token request body; the secret goes in the body only for client_secret_post. */
static int form_token(struct buf *b, const char *code, const char *redirect_uri, const char *verifier,
                      const char *client_id, const char *secret_post)
{
  if (param(b, true, "grant_type", "authorization_code") != 0 || param(b, false, "code", code) != 0 ||
      param(b, false, "redirect_uri", redirect_uri) != 0 || param(b, false, "code_verifier", verifier) != 0 ||
      param(b, false, "client_id", client_id) != 0) return -1;
  if (secret_post && param(b, false, "client_secret", secret_post) != 0) return -1;
  return 0;
}

/* Keeps [a-z0-9_] of the provider's error code (for the audit log). */
static void kode_aman(const char *s, char *out, size_t n)
{
  size_t j = 0;
  for (size_t i = 0; s && s[i] && j + 1 < n && i < 60; i++) {
    char c = s[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') out[j++] = c;
  }
  out[j] = 0;
}

/* Exchanges the code; *id_token receives the token (malloc'd).  0, 1 refused (alasan), -1. */
static int tukar(const struct oidc_konfig *k, const struct oidc_penyedia *p, const char *code,
                 const char *verifier, const char *redirect_uri, const char *data_dir, char **id_token,
                 char *alasan, size_t n)
{
  char secret[OIDC_RAHASIA_MAX + 1] = "", err[200], ekode[64];
  char *u = NULL, *pw = NULL;
  struct buf b;
  json_t *j = NULL;
  long http = 0;
  int rc = 1;
  buf_init(&b, 16384);
  *id_token = NULL;
  if (k->rahasia[0] && oidc_rahasia_buka(data_dir, k->rahasia, secret, err, sizeof err) != 0) {
    snprintf(alasan, n, "rahasia_klien: %s", err);
    goto fail;
  }
  bool basic = secret[0] && p->basic;
  if (basic && (!(u = oidc_http_escape(k->client_id)) || !(pw = oidc_http_escape(secret)))) { rc = -1; goto fail; }
  if (form_token(&b, code, redirect_uri, verifier, k->client_id, secret[0] && !basic ? secret : NULL) != 0) {
    snprintf(alasan, n, "permintaan token terlalu panjang");
    goto fail;
  }
  struct oidc_form f = {.isi = b.data, .basic_user = basic ? u : NULL, .basic_pass = basic ? pw : NULL};
  int r = oidc_http_json(p->token_endpoint, &f, &http, &j, err, sizeof err);
  if (r != 0) {
    kode_aman(json_string_value(json_object_get(j, "error")), ekode, sizeof ekode);
    snprintf(alasan, n, "token_endpoint: %s%s%s", err, ekode[0] ? " " : "", ekode);
    goto fail;
  }
  const char *t = json_string_value(json_object_get(j, "id_token"));
  if (!t || strlen(t) > OIDC_JWT_MAX) { snprintf(alasan, n, "token_endpoint: jawaban tanpa id_token"); goto fail; }
  if (!(*id_token = strdup(t))) { rc = -1; goto fail; }
  rc = 0;
fail:
  if (b.data) sodium_memzero(b.data, b.len);
  buf_free(&b);
  if (pw) { sodium_memzero(pw, strlen(pw)); oidc_http_free(pw); }
  oidc_http_free(u);
  sodium_memzero(secret, sizeof secret);
  json_decref(j);
  return rc;
}

/* The NIP from the claim: a string (or a whole number) of 1..30 digits. */
static bool nip_klaim(const json_t *klaim, const char *nama, char *out, size_t n)
{
  const json_t *v = json_object_get(klaim, nama);
  if (json_is_integer(v) && json_integer_value(v) > 0) {
    snprintf(out, n, "%lld", (long long)json_integer_value(v));
  } else if (json_is_string(v)) {
    if (str_copy(out, n, json_string_value(v)) != 0) return false;
  } else {
    return false;
  }
  size_t l = strlen(out);
  if (l == 0 || l > 30) return false;
  for (size_t i = 0; i < l; i++)
    if (out[i] < '0' || out[i] > '9') return false;
  return true;
}

/* The active account of the active pegawai with that NIP in the instansi.  0 found, 1 not, -1. */
static int cari_pengguna(struct db *db, int64_t instansi_id, const char *nip, int64_t *pengguna_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT u.id"
    "  FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id"
    " WHERE p.nip = ?1 AND p.instansi_id = ?2 AND p.aktif = 1 AND u.aktif = 1"
    "   AND u.instansi_id = ?2");
  if (!st) return -1;
  db_bind_text(st, 1, nip);
  db_bind_int64(st, 2, instansi_id);
  int s = db_step(st);
  if (s == DB_ROW) *pengguna_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

#define TOLAK(g, ...) do { h->galat = (g); snprintf(h->alasan, sizeof h->alasan, __VA_ARGS__); rc = 1; goto fail; } while (0)

int oidc_alur_selesai(struct db *db, const char *state, const char *code, const char *idp_error,
                      const char *ikatan, const char *redirect_uri, const char *data_dir,
                      struct oidc_selesai_hasil *h)
{
  struct login l;
  struct oidc_konfig k;
  struct oidc_penyedia p;
  char err[200], ikatan_hash[65], ekode[64];
  char *id_token = NULL;
  json_t *klaim = NULL;
  int rc = 1;
  memset(h, 0, sizeof *h);
  memset(&l, 0, sizeof l);
  memset(&p, 0, sizeof p);
  h->galat = "sso";
  if (!state || !state[0] || strlen(state) >= NILAI_MAX) TOLAK("sso_kedaluwarsa", "state_tidak_ada");
  int m = ambil_login(db, state, &l);
  if (m < 0) return -1;
  if (m > 0) TOLAK("sso_kedaluwarsa", "state_tidak_dikenal");
  h->instansi_id = l.instansi_id;
  str_copy(h->kembali, sizeof h->kembali, l.kembali);
  if (l.dibuat < now_unix() - OIDC_LOGIN_UMUR) TOLAK("sso_kedaluwarsa", "state_kedaluwarsa");
  if (ikatan) hash_hex(ikatan, strlen(ikatan), ikatan_hash);
  if (!ikatan || sodium_memcmp(ikatan_hash, l.ikatan, 64) != 0) TOLAK("sso_kedaluwarsa", "ikatan_peramban");
  if (idp_error) {
    kode_aman(idp_error, ekode, sizeof ekode);
    TOLAK(strcmp(ekode, "access_denied") == 0 ? "sso_batal" : "sso", "penyedia_menolak: %s", ekode);
  }
  if (!code || !code[0] || strlen(code) > KODE_MAX) TOLAK("sso", "code_tidak_ada");
  m = oidc_konfig_muat(db, l.instansi_id, NULL, &k);
  if (m < 0) { rc = -1; goto fail; }
  if (m > 0 || !k.aktif) TOLAK("sso_tidak_tersedia", "sso_tidak_dikonfigurasi");
  m = oidc_penyedia_muat(db, k.issuer, false, &p, err, sizeof err);
  if (m < 0) { rc = -1; goto fail; }
  if (m > 0) TOLAK("sso_tidak_tersedia", "penyedia: %s", err);
  m = tukar(&k, &p, code, l.verifier, redirect_uri, data_dir, &id_token, h->alasan, sizeof h->alasan);
  if (m != 0) { rc = m; goto fail; }
  struct oidc_harapan e = {.issuer = k.issuer, .client_id = k.client_id, .nonce = l.nonce, .sekarang = now_unix()};
  enum oidc_jwt_hasil v = oidc_jwt_verifikasi(id_token, p.jwks, &e, &klaim);
  if (v == JWT_KID) {
    /* the provider may have rotated its keys: fetch them again (rate-limited) and retry */
    oidc_penyedia_tutup(&p);
    m = oidc_penyedia_muat(db, k.issuer, true, &p, err, sizeof err);
    if (m < 0) { rc = -1; goto fail; }
    if (m > 0) TOLAK("sso_tidak_tersedia", "penyedia: %s", err);
    v = oidc_jwt_verifikasi(id_token, p.jwks, &e, &klaim);
  }
  if (v != JWT_OK) TOLAK("sso", "id_token: %s", oidc_jwt_alasan(v));
  if (!nip_klaim(klaim, k.klaim_nip, h->nip, sizeof h->nip)) {
    h->nip[0] = 0;
    TOLAK("sso_tidak_terdaftar", "klaim_nip_tidak_ada: %s", k.klaim_nip);
  }
  m = cari_pengguna(db, l.instansi_id, h->nip, &h->pengguna_id);
  if (m < 0) { rc = -1; goto fail; }
  if (m > 0) TOLAK("sso_tidak_terdaftar", "nip_tidak_terdaftar");
  rc = 0;
fail:
  sodium_memzero(&l, sizeof l);
  oidc_penyedia_tutup(&p);
  if (id_token) { sodium_memzero(id_token, strlen(id_token)); free(id_token); }
  json_decref(klaim);
  return rc;
}

int oidc_alur_tandai_sesi(struct db *db, int64_t sesi_id, int64_t instansi_id)
{
  struct db_stmt *st = db_prepare(db, "INSERT INTO oidc_sesi (sesi_id, instansi_id) VALUES (?1, ?2)");
  if (!st) return -1;
  db_bind_int64(st, 1, sesi_id);
  db_bind_int64(st, 2, instansi_id);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int oidc_alur_keluar(struct db *db, int64_t sesi_id, const char *post_logout_uri, char *out, size_t n)
{
  struct oidc_konfig k;
  char akhir[2048];
  int64_t inst = 0;
  out[0] = 0;
  if (!sesi_id) return 0;
  int s = db_query_int64(db, "SELECT instansi_id FROM oidc_sesi WHERE sesi_id = ?1", 1, sesi_id, &inst);
  if (s == DB_DONE) return 0;
  if (s != DB_ROW) return -1;
  int m = oidc_konfig_muat(db, inst, NULL, &k);
  if (m != 0) return m < 0 ? -1 : 0;
  if (oidc_penyedia_akhir_sesi(db, k.issuer, akhir, sizeof akhir) != 0) return -1;
  if (!akhir[0]) return 0;
  struct buf b;
  buf_init(&b, n - 1);
  int r = buf_puts(&b, akhir) || buf_puts(&b, strchr(akhir, '?') ? "&" : "?") ||
          param(&b, true, "client_id", k.client_id);
  if (!r && post_logout_uri && post_logout_uri[0]) r = param(&b, false, "post_logout_redirect_uri", post_logout_uri);
  if (!r) str_copy(out, n, b.data);
  buf_free(&b);
  return 0;
}
