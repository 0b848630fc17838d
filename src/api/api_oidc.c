/* api_oidc.c: HTTP side of single sign-on (see auth/oidc_alur.h for the flow).
 *
 * The start and the callback are browser navigations: they answer with 302 redirects, never
 * JSON.  Every refusal of the callback ends at the login page "/#/masuk?galat=<kode>" (kode:
 * sso, sso_kedaluwarsa, sso_batal, sso_tidak_terdaftar, sso_tidak_tersedia,
 * sso_terlalu_sering) with no session and an audit record "auth.oidc_gagal" giving the reason
 * (never a token or a code).  Failed callbacks count against the address in the failed-login
 * throttle, like wrong passwords. */
#include "api/api_oidc.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "audit.h"
#include "auth/oidc_alur.h"
#include "auth/oidc_konfig.h"
#include "auth/rbac.h"
#include "auth/session.h"
#include "config.h"
#include "db/db.h"
#include "http/authn.h"
#include "http/server.h"
#include "util/util.h"

#define OIDC_COOKIE "kinerja_oidc"
#define OIDC_COOKIE_PATH "/api/v1/auth/oidc"
#define CALLBACK_PATH "/api/v1/auth/oidc/callback"

/* public_url + path into out; false when public_url is not configured or too long. */
static bool url_publik(const struct config *cfg, const char *path, char *out, size_t n)
{
  size_t l = strlen(cfg->public_url);
  while (l && cfg->public_url[l - 1] == '/') l--;
  if (!l) return false;
  int w = snprintf(out, n, "%.*s%s", (int)l, cfg->public_url, path);
  return w > 0 && (size_t)w < n;
}

static int alihkan(struct request *req, const char *lokasi)
{
  reply_header(req, "Location", lokasi);
  reply_header(req, "Cache-Control", "no-store");
  return reply_raw(req, 302, NULL, NULL, 0);
}

static int ke_login(struct request *req, const char *galat)
{
  char l[120];
  snprintf(l, sizeof l, "/#/masuk?galat=%s", galat);
  return alihkan(req, l);
}

/* The value of cookie `name` from the Cookie header into out; false when absent or too long. */
static bool cookie(struct request *req, const char *name, char *out, size_t n)
{
  const char *h = http_header(req, "Cookie");
  size_t nl = strlen(name);
  while (h && *h) {
    while (*h == ' ' || *h == ';') h++;
    const char *end = strchr(h, ';');
    size_t len = end ? (size_t)(end - h) : strlen(h);
    if (len > nl && memcmp(h, name, nl) == 0 && h[nl] == '=') {
      size_t vl = len - nl - 1;
      if (vl >= n) return false;
      memcpy(out, h + nl + 1, vl);
      out[vl] = 0;
      return true;
    }
    h = end;
  }
  return false;
}

static void hapus_cookie_oidc(struct request *req, const struct config *cfg)
{
  char c[160];
  snprintf(c, sizeof c, "%s=; Path=%s; HttpOnly; SameSite=Lax; Max-Age=0%s", OIDC_COOKIE, OIDC_COOKIE_PATH,
           cfg->cookie_secure ? "; Secure" : "");
  reply_header(req, "Set-Cookie", c);
}

/* Writes auth.oidc_gagal in its own transaction (a failed audit write is only logged). */
static void catat_gagal(struct request *req, struct db *db, const struct oidc_selesai_hasil *h)
{
  struct audit_actor a;
  http_actor(req, &a);
  json_t *j = json_pack("{s:s,s:s}", "alasan", h->alasan, "galat", h->galat ? h->galat : "sso");
  if (j && h->nip[0]) json_object_set_new(j, "nip", json_string(h->nip));
  if (db_begin_write(db) == DB_OK) {
    if (audit_append(db, &a, h->instansi_id, "auth.oidc_gagal", "instansi", h->instansi_id, NULL, j) != 0 ||
        db_commit(db) != DB_OK)
      db_rollback(db);
  }
  json_decref(j);
}

int api_oidc_daftar(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = oidc_konfig_daftar(db);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_oidc_mulai(struct request *req)
{
  const struct config *cfg = server_config(req->srv);
  const char *kode = route_param(&req->match, "kode_instansi");
  const char *kembali = http_query(req, "kembali");
  char redirect_uri[1200], alasan[300], c[200];
  struct oidc_mulai_hasil h;
  if (kembali && !oidc_kembali_sah(kembali)) kembali = NULL;
  if (!url_publik(cfg, CALLBACK_PATH, redirect_uri, sizeof redirect_uri))
    return ke_login(req, "sso_tidak_tersedia");   /* --public-url is required for SSO (docs/sso.md) */
  struct db *db = http_db(req);
  if (!db) return 0;
  int r = oidc_alur_mulai(db, kode ? kode : "", redirect_uri, kembali, &h, alasan, sizeof alasan);
  if (r < 0) return reply_db_error(req);
  if (r > 0) return ke_login(req, "sso_tidak_tersedia");
  snprintf(c, sizeof c, "%s=%s; Path=%s; HttpOnly; SameSite=Lax; Max-Age=%d%s", OIDC_COOKIE, h.ikatan,
           OIDC_COOKIE_PATH, OIDC_LOGIN_UMUR, cfg->cookie_secure ? "; Secure" : "");
  reply_header(req, "Set-Cookie", c);
  return alihkan(req, h.url);
}

int api_oidc_callback(struct request *req)
{
  const struct config *cfg = server_config(req->srv);
  char addr[64], redirect_uri[1200], ikatan[80];
  struct oidc_selesai_hasil h;
  http_client_addr(req, addr, sizeof addr);
  hapus_cookie_oidc(req, cfg);
  struct db *db = http_db(req);
  if (!db) return 0;
  if (throttle_blocked(db, addr)) return ke_login(req, "sso_terlalu_sering");
  bool ada = cookie(req, OIDC_COOKIE, ikatan, sizeof ikatan);
  if (!url_publik(cfg, CALLBACK_PATH, redirect_uri, sizeof redirect_uri)) redirect_uri[0] = 0;
  int r = oidc_alur_selesai(db, http_query(req, "state"), http_query(req, "code"), http_query(req, "error"),
                            ada ? ikatan : NULL, redirect_uri, cfg->data_dir, &h);
  if (r < 0) return reply_db_error(req);
  if (r > 0) {
    catat_gagal(req, db, &h);
    throttle_fail(db, addr);
    return ke_login(req, h.galat);
  }
  /* a session exactly like a password login's (rotation included) */
  struct principal who, prev;
  struct audit_actor actor;
  char token[SECRET_MAX], csrf[65], c[300];
  int64_t sesi_id = 0;
  http_actor(req, &actor);
  if (db_begin_write(db) != DB_OK) return reply_db_error(req);
  int p = principal_load(db, h.pengguna_id, &who);
  if (p != 0) {
    db_rollback(db);
    if (p < 0) return reply_db_error(req);
    snprintf(h.alasan, sizeof h.alasan, "akun_nonaktif");
    h.galat = "sso_tidak_terdaftar";
    catat_gagal(req, db, &h);
    return ke_login(req, h.galat);
  }
  const char *old = http_session_cookie(req);
  if (old && session_lookup(db, old, cfg->session_idle, &prev) == 0) session_delete(db, prev.sesi_id);
  actor.pengguna_id = who.pengguna_id;
  json_t *j = json_pack("{s:s}", "metode", "sso");
  if (session_create(db, who.pengguna_id, cfg->session_max, token, csrf, &sesi_id) != 0 ||
      oidc_alur_tandai_sesi(db, sesi_id, h.instansi_id) != 0 ||
      audit_append(db, &actor, who.instansi_id, "auth.login", "pengguna", who.pengguna_id, NULL, j) != 0 ||
      db_commit(db) != DB_OK) {
    json_decref(j);
    db_rollback(db);
    return reply_db_error(req);
  }
  json_decref(j);
  throttle_reset(db, addr);
  snprintf(c, sizeof c, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s", SESSION_COOKIE, token,
           cfg->session_max, cfg->cookie_secure ? "; Secure" : "");
  reply_header(req, "Set-Cookie", c);
  sodium_memzero(token, sizeof token);
  return alihkan(req, h.kembali[0] ? h.kembali : "/#/");
}

int api_oidc_keluar_url(struct request *req, char *out, size_t n)
{
  char kembali[1200];
  out[0] = 0;
  if (!req->who.sesi_id) return 0;
  struct db *db = http_db(req);
  if (!db) return -1;
  const struct config *cfg = server_config(req->srv);
  if (!url_publik(cfg, "/", kembali, sizeof kembali)) kembali[0] = 0;
  return oidc_alur_keluar(db, req->who.sesi_id, kembali, out, n);
}

/* The instansi of the path, checked: 0 when replied (404/403). */
static int64_t instansi_diurus(struct request *req, struct db *db)
{
  int64_t id = http_param_id(req, "id"), n = 0;
  if (!id) return 0;
  if (!rbac_instansi_admin(&req->who, id)) { reply_forbidden(req); return 0; }
  if (db_query_int64(db, "SELECT COUNT(*) FROM instansi WHERE id = ?1", 1, id, &n) != DB_ROW) {
    reply_db_error(req);
    return 0;
  }
  if (!n) { reply_not_found(req, "Instansi"); return 0; }
  return id;
}

static int jawab_konfig(struct request *req, struct db *db, int64_t id)
{
  struct oidc_konfig k;
  char redirect_uri[1200];
  if (!url_publik(server_config(req->srv), CALLBACK_PATH, redirect_uri, sizeof redirect_uri)) redirect_uri[0] = 0;
  int m = oidc_konfig_muat(db, id, NULL, &k);
  if (m < 0) return reply_db_error(req);
  json_t *j = oidc_konfig_json(m == 0 ? &k : NULL, id, redirect_uri);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_oidc_konfig_get(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t id = instansi_diurus(req, db);
  if (!id) return 0;
  return jawab_konfig(req, db, id);
}

int api_oidc_konfig_put(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t id = instansi_diurus(req, db);
  if (!id) return 0;
  if (!(db = api_begin(req))) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int rc = oidc_konfig_simpan(db, id, req->json, server_config(req->srv)->data_dir, &a, &req->verr);
  if (api_end(req, db, rc) != 0) {
    if (req->status) return 0;
    return rc > 0 ? reply_verr(req, 422) : reply_db_error(req);
  }
  return jawab_konfig(req, db, id);
}
