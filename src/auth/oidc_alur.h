/* oidc_alur.h: the OpenID Connect authorization code flow with PKCE (RFC 7636, S256), between
 * the browser, kinerja and the instansi's provider.  Domain side: no HTTP request struct; the
 * handlers in api/api_oidc.c turn the results into redirects, cookies and audit records.
 *
 *  mulai:   a new login row (state, nonce, code_verifier, browser binding) and the provider's
 *           authorization URL to send the browser to.
 *  selesai: consumes the login row (single use, at most OIDC_LOGIN_UMUR old, same browser),
 *           exchanges the code at the token endpoint, verifies the ID token (oidc_jwt.h) and
 *           finds the account of the pegawai whose NIP is in the configured claim, in the
 *           login's instansi. */
#ifndef KINERJA_OIDC_ALUR_H
#define KINERJA_OIDC_ALUR_H
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"

#define OIDC_LOGIN_UMUR 600     /* seconds a login may take */
#define OIDC_KEMBALI_MAX 200    /* longest path to return to */
#define OIDC_LOGIN_MAKS 10000   /* logins in progress at once (all instansi) */

struct oidc_mulai_hasil {
  char url[6144];               /* the provider's authorization URL with our parameters */
  char ikatan[65];              /* value of the kinerja_oidc cookie binding the browser */
};

struct oidc_selesai_hasil {
  int64_t instansi_id;          /* 0 when the state was unknown */
  int64_t pengguna_id;          /* the account to sign in (on success) */
  char kembali[OIDC_KEMBALI_MAX + 1];   /* the path the login started from ("" = none) */
  char nip[40];                 /* the NIP claim, when the token was valid */
  char alasan[400];             /* refusal: why, for the audit log (no token content) */
  const char *galat;            /* refusal: the code for the login page (sso, sso_kedaluwarsa, ...) */
};

/* True when p is a local path the browser may be sent back to after login: starts with one
 * '/', at most OIDC_KEMBALI_MAX bytes of visible ASCII without '\\'. */
bool oidc_kembali_sah(const char *p);

/* Starts a login for the instansi with code `kode`.  redirect_uri: our callback URL; kembali:
 * a checked local path or NULL.  Returns 0; 1 when SSO is not available for that instansi
 * (alasan/galat filled as in the result of selesai, via *alasan); -1 on database error.
 * Runs its own short write transaction: call it outside one. */
int oidc_alur_mulai(struct db *db, const char *kode, const char *redirect_uri, const char *kembali,
                    struct oidc_mulai_hasil *h, char *alasan, size_t n);

/* Finishes a login from the callback parameters (any may be NULL: the provider's error, code,
 * state) and the kinerja_oidc cookie value.  Returns 0 with h->pengguna_id; 1 refused (h->alasan,
 * h->galat); -1 on database error.  Call outside a transaction. */
int oidc_alur_selesai(struct db *db, const char *state, const char *code, const char *idp_error,
                      const char *ikatan, const char *redirect_uri, const char *data_dir,
                      struct oidc_selesai_hasil *h);

/* The provider logout URL for a session opened by SSO (end_session_endpoint with client_id and
 * post_logout_redirect_uri), from the cache only.  out is "" when there is none.  Returns 0 or -1. */
int oidc_alur_keluar(struct db *db, int64_t sesi_id, const char *post_logout_uri, char *out, size_t n);

/* Records that session sesi_id was opened by SSO for instansi_id (inside the caller's transaction). */
int oidc_alur_tandai_sesi(struct db *db, int64_t sesi_id, int64_t instansi_id);
#endif
