/* oidc_konfig.h: an instansi's OpenID Connect provider settings (table oidc_konfig), and
 * whether its accounts may still log in with a password.  Storage side, no HTTP. */
#ifndef KINERJA_OIDC_KONFIG_H
#define KINERJA_OIDC_KONFIG_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"

struct audit_actor;

struct oidc_konfig {
  int64_t instansi_id;
  char kode[64];            /* instansi.kode */
  char nama[256];           /* instansi.nama */
  char issuer[512];
  char client_id[256];
  char rahasia[1024];       /* the encrypted secret as stored ("" = public client) */
  char scope[512];          /* extra scopes */
  char klaim_nip[64];
  bool aktif;
  bool lokal_nonaktif;
  int64_t diubah;
};

/* Loads the settings of instansi `instansi_id` (kode = NULL) or of the instansi with that code
 * (instansi_id = 0); the instansi must be active.  Returns 0, 1 when there are none, -1 on error. */
int oidc_konfig_muat(struct db *db, int64_t instansi_id, const char *kode, struct oidc_konfig *k);

/* The settings as the admin API shows them (never the secret: rahasia_tersimpan says whether
 * there is one).  redirect_uri: the callback URL to register at the provider ("" unknown).
 * k == NULL: the defaults of an instansi without settings.  New reference. */
json_t *oidc_konfig_json(const struct oidc_konfig *k, int64_t instansi_id, const char *redirect_uri);

/* Validates body and replaces the instansi's settings, with an audit record (without the
 * secret).  body: issuer, client_id (required), client_secret (absent = keep, "" = none,
 * else encrypted with the key in data_dir), scope, klaim_nip, aktif, login_lokal_nonaktif.
 * Inside the caller's write transaction.  Returns 0, 1 with field errors in *errs, -1 on error. */
int oidc_konfig_simpan(struct db *db, int64_t instansi_id, json_t *body, const char *data_dir,
                       const struct audit_actor *who, json_t **errs);

/* 1 when the instansi refuses password logins (SSO active and local login switched off),
 * 0 when not, -1 on error.  instansi_id 0 (superadmin) is never refused. */
int oidc_lokal_nonaktif(struct db *db, int64_t instansi_id);

/* {"items": [{kode, nama, mulai}]}: the active instansi with SSO on, for the login page. */
json_t *oidc_konfig_daftar(struct db *db);
#endif
