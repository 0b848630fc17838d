/* oidc_penyedia.c: discovery and JWKS of an OpenID Connect provider, with a table cache. */
#include "auth/oidc_penyedia.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/oidc_http.h"
#include "util/log.h"
#include "util/util.h"

void oidc_penyedia_tutup(struct oidc_penyedia *p)
{
  json_decref(p->jwks);
  p->jwks = NULL;
}

/* Fills the endpoints from a discovery document; false when it is unusable. */
static bool dari_discovery(const json_t *d, const char *issuer, struct oidc_penyedia *p, char *err, size_t n)
{
  const char *iss = json_string_value(json_object_get(d, "issuer"));
  const char *az = json_string_value(json_object_get(d, "authorization_endpoint"));
  const char *tok = json_string_value(json_object_get(d, "token_endpoint"));
  const char *es = json_string_value(json_object_get(d, "end_session_endpoint"));
  const json_t *metode = json_object_get(d, "token_endpoint_auth_methods_supported");
  if (!iss || strcmp(iss, issuer) != 0) { snprintf(err, n, "dokumen discovery menyebut issuer lain"); return false; }
  if (!az || !oidc_url_boleh(az) || str_copy(p->authorization_endpoint, sizeof p->authorization_endpoint, az) != 0 ||
      !tok || !oidc_url_boleh(tok) || str_copy(p->token_endpoint, sizeof p->token_endpoint, tok) != 0) {
    snprintf(err, n, "dokumen discovery tanpa authorization_endpoint/token_endpoint https yang sah");
    return false;
  }
  p->end_session_endpoint[0] = 0;
  if (es && oidc_url_boleh(es)) str_copy(p->end_session_endpoint, sizeof p->end_session_endpoint, es);
  p->basic = true;
  if (json_is_array(metode)) {
    size_t i;
    const json_t *m;
    p->basic = false;
    json_array_foreach(metode, i, m)
      if (json_is_string(m) && strcmp(json_string_value(m), "client_secret_basic") == 0) p->basic = true;
  }
  return true;
}

/* Reads the cache row.  1 = usable row (p filled, *disc new ref), 0 = none/stale, -1 error. */
static int dari_cache(struct db *db, const char *issuer, bool juga_basi, struct oidc_penyedia *p,
                      int64_t *berakhir)
{
  struct db_stmt *st = db_prepare(db, "SELECT discovery, jwks, diambil, berakhir FROM oidc_penyedia WHERE issuer = ?1");
  if (!st) return -1;
  db_bind_text(st, 1, issuer);
  int s = db_step(st), rc = s == DB_DONE ? 0 : -1;
  if (s == DB_ROW) {
    char err[200];
    json_t *d = json_loads(db_col_text(st, 0), 0, NULL);
    json_t *k = json_loads(db_col_text(st, 1), 0, NULL);
    p->diambil = db_col_int64(st, 2);
    *berakhir = db_col_int64(st, 3);
    rc = 0;
    if (d && k && dari_discovery(d, issuer, p, err, sizeof err) && (juga_basi || *berakhir > now_unix())) {
      p->jwks = k;
      k = NULL;
      rc = 1;
    }
    json_decref(d);
    json_decref(k);
  }
  db_done(st);
  return rc;
}

static int ambil(struct db *db, const char *issuer, struct oidc_penyedia *p, char *err, size_t n)
{
  char url[700];
  long http;
  json_t *d = NULL, *k = NULL;
  char *ds = NULL, *ks = NULL;
  int rc = 1;
  size_t il = strlen(issuer);
  while (il && issuer[il - 1] == '/') il--;
  if (snprintf(url, sizeof url, "%.*s/.well-known/openid-configuration", (int)il, issuer) >= (int)sizeof url) {
    snprintf(err, n, "issuer terlalu panjang");
    return 1;
  }
  if (oidc_http_json(url, NULL, &http, &d, err, n) != 0) { rc = 1; goto fail; }
  if (!dari_discovery(d, issuer, p, err, n)) goto fail;
  const char *ju = json_string_value(json_object_get(d, "jwks_uri"));
  if (!ju || !oidc_url_boleh(ju)) { snprintf(err, n, "dokumen discovery tanpa jwks_uri https yang sah"); goto fail; }
  if (oidc_http_json(ju, NULL, &http, &k, err, n) != 0) goto fail;
  if (!json_is_array(json_object_get(k, "keys"))) { snprintf(err, n, "JWKS penyedia tanpa daftar keys"); goto fail; }
  ds = json_dumps(d, JSON_COMPACT);
  ks = json_dumps(k, JSON_COMPACT);
  if (!ds || !ks) { rc = -1; goto fail; }
  const int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO oidc_penyedia (issuer, discovery, jwks, diambil, berakhir) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (issuer) DO UPDATE SET discovery = excluded.discovery, jwks = excluded.jwks,"
    "   diambil = excluded.diambil, berakhir = excluded.berakhir");
  if (!st) { rc = -1; goto fail; }
  db_bind_text(st, 1, issuer);
  db_bind_text(st, 2, ds);
  db_bind_text(st, 3, ks);
  db_bind_int64(st, 4, now);
  db_bind_int64(st, 5, now + OIDC_CACHE_DETIK);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) log_msg(LOG_WARN, "oidc: cache penyedia %s tidak tersimpan", issuer);   /* still usable */
  p->jwks = k;
  k = NULL;
  p->diambil = now;
  rc = 0;
fail:
  free(ds);
  free(ks);
  json_decref(d);
  json_decref(k);
  return rc;
}

int oidc_penyedia_muat(struct db *db, const char *issuer, bool paksa, struct oidc_penyedia *p,
                       char *err, size_t n)
{
  int64_t berakhir = 0;
  memset(p, 0, sizeof *p);
  err[0] = 0;
  int c = dari_cache(db, issuer, false, p, &berakhir);
  if (c < 0) return -1;
  if (c == 1 && !(paksa && p->diambil < now_unix() - OIDC_JWKS_JEDA)) return 0;
  oidc_penyedia_tutup(p);
  return ambil(db, issuer, p, err, n);
}

int oidc_penyedia_akhir_sesi(struct db *db, const char *issuer, char *out, size_t n)
{
  struct oidc_penyedia p;
  int64_t berakhir;
  memset(&p, 0, sizeof p);
  out[0] = 0;
  int c = dari_cache(db, issuer, true, &p, &berakhir);
  if (c == 1) str_copy(out, n, p.end_session_endpoint);
  oidc_penyedia_tutup(&p);
  return c < 0 ? -1 : 0;
}
