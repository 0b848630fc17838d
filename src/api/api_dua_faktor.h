/* api_dua_faktor.h: two-factor authentication routes (issue 11 item 1) and the pieces of the
 * sign-in they share with api_auth.c. */
#ifndef KINERJA_API_DUA_FAKTOR_H
#define KINERJA_API_DUA_FAKTOR_H
#include <jansson.h>
#include <stdbool.h>
#include "http/http.h"

/* Opens a session for `who` inside the caller's open write transaction: audits auth.login
 * (with `catatan`, stolen, may be NULL), commits, sets the cookie and replies 200 with the
 * /auth/me body and the CSRF token.  terbatas: a session that may only enrol 2FA. */
int api_sesi_buka(struct request *req, struct db *db, struct principal *who, bool terbatas, json_t *catatan);
/* Adds dua_faktor {aktif, ...}, wajib_2fa and sesi_terbatas to an /auth/me body. */
void api_dua_faktor_me(struct db *db, const struct principal *who, json_t *me);

int api_login_2fa(struct request *req);
int api_2fa_status(struct request *req);
int api_2fa_mulai(struct request *req);
int api_2fa_aktifkan(struct request *req);
int api_2fa_kode_pemulihan(struct request *req);
int api_2fa_nonaktifkan(struct request *req);
int api_2fa_reset(struct request *req);
#endif
