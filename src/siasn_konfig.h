/* siasn_konfig.h: where an instansi's SIASN is and who we are there (table siasn_konfig).
 * Per instansi rather than a server flag: each instansi has its own client id and, behind a
 * shared server, may even use a different gateway.  Written by a superadmin only, because the
 * URLs decide where the secrets go; the secrets themselves live in siasn_rahasia.h. */
#ifndef KINERJA_SIASN_KONFIG_H
#define KINERJA_SIASN_KONFIG_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

struct siasn_konfig {
  int64_t instansi_id;
  char kode[64];               /* instansi.kode: the prefix of its lines in the secret file */
  char base_url[512];          /* no trailing '/' */
  char token_url[512];
  char client_id[256];
  char header_pengguna[64];    /* e.g. "Auth" */
  char skema_pengguna[32];     /* e.g. "bearer"; "" = the token alone */
};

/* Loads the instansi's configuration.  0, 1 when not configured (k->kode is still set when
 * the instansi exists), -1 on database error. */
int siasn_konfig_muat(struct db *db, int64_t instansi_id, struct siasn_konfig *k);
/* Creates or replaces it from body {base_url, token_url, client_id, header_pengguna?,
 * skema_pengguna?}; field errors into *errs (returns 1).  Audited.  In the caller's transaction. */
int siasn_konfig_simpan(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who,
                        json_t **errs);
/* JSON for the API (no secret: whether the secrets are present is told by the caller). */
json_t *siasn_konfig_json(const struct siasn_konfig *k);
/* True when url is https://, or http:// to this machine (127.0.0.1, localhost, [::1]) or with
 * KINERJA_SIASN_HTTP=1 in the environment (a test gateway on the local network). */
bool siasn_url_diizinkan(const char *url);
#endif
