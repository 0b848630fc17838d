/* oidc_penyedia.h: the provider's discovery document and JWKS, fetched from
 * <issuer>/.well-known/openid-configuration and its jwks_uri, cached in table oidc_penyedia
 * for OIDC_CACHE_DETIK.  The document must name the configured issuer exactly and https
 * endpoints (oidc_url_boleh).  The cache is written in autocommit: call without a transaction. */
#ifndef KINERJA_OIDC_PENYEDIA_H
#define KINERJA_OIDC_PENYEDIA_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"

#define OIDC_CACHE_DETIK 3600
#define OIDC_JWKS_JEDA 60      /* an unknown kid fetches the JWKS again, at most once a minute */

struct oidc_penyedia {
  char authorization_endpoint[2048];
  char token_endpoint[2048];
  char end_session_endpoint[2048];   /* "" when the provider has none */
  bool basic;                        /* client_secret_basic allowed (the default when unlisted) */
  json_t *jwks;                      /* owned; oidc_penyedia_tutup frees it */
  int64_t diambil;                   /* when the JWKS was fetched (unix s) */
};

/* Fills *p from the cache, or fetches when absent, expired, or `paksa` and older than
 * OIDC_JWKS_JEDA.  Returns 0, 1 when the provider cannot be used (Indonesian reason in err),
 * -1 on database error.  Close with oidc_penyedia_tutup (also after a failure). */
int oidc_penyedia_muat(struct db *db, const char *issuer, bool paksa, struct oidc_penyedia *p,
                       char *err, size_t n);
/* The cached end_session_endpoint of issuer, even when the cache is stale; never fetches.
 * Returns 0 (out may be ""), -1 on database error. */
int oidc_penyedia_akhir_sesi(struct db *db, const char *issuer, char *out, size_t n);
void oidc_penyedia_tutup(struct oidc_penyedia *p);
#endif
