/* session.h: accounts, login, browser sessions and API tokens (storage side, no HTTP).
 *
 * Secrets (session cookie values, API tokens) are 256-bit random values shown to the client
 * once; only their BLAKE2b hashes are stored.
 */
#ifndef KINERJA_SESSION_H
#define KINERJA_SESSION_H
#include <stdbool.h>
#include <stdint.h>
#include "auth/principal.h"
#include "db/db.h"

#define SESSION_COOKIE "kinerja_sesi"
#define TOKEN_PREFIX "knj_"
#define SECRET_MAX 80          /* room for a token: prefix + 64 hex + NUL */
#define LOGIN_MAX_FAILS 5      /* consecutive failures before the account is locked */
#define LOGIN_LOCK_SECONDS 900 /* 15 minutes */

/* LOGIN_LOCKED_NOW: this very attempt reached the limit and locked the account (audited once). */
enum login_result { LOGIN_OK = 0, LOGIN_BAD = 1, LOGIN_LOCKED = 2, LOGIN_LOCKED_NOW = 3, LOGIN_ERROR = -1 };

/* Checks username-or-NIP and password.  On LOGIN_OK fills *who (sesi fields empty).
 * Counts failures and locks the account after LOGIN_MAX_FAILS; *locked_until receives the end
 * of a lock.  Takes ~40 ms whether or not the user exists.  Call it outside a transaction:
 * its counter updates commit on their own. */
enum login_result auth_login(struct db *db, const char *username, const char *password,
                             struct principal *who, int64_t *locked_until);

/* Loads the principal of an active account.  Returns 0, 1 when absent/inactive, -1 on error. */
int principal_load(struct db *db, int64_t pengguna_id, struct principal *who);

/* Creates a session; token_out receives the cookie value, csrf_out the CSRF token. */
int session_create(struct db *db, int64_t pengguna_id, int max_seconds, char token_out[SECRET_MAX],
                   char csrf_out[65], int64_t *sesi_id);
/* Finds a live session for the cookie value and refreshes its idle timer.
 * Returns 0 (who filled), 1 when absent or expired, -1 on error. */
int session_lookup(struct db *db, const char *token, int idle_seconds, struct principal *who);
int session_delete(struct db *db, int64_t sesi_id);
/* Marks a session restricted (2FA enrolment only, see dua_faktor.h) or lifts that. */
int session_set_terbatas(struct db *db, int64_t sesi_id, bool terbatas);
/* Ends every session of a user except keep_id (0 = all). */
int session_delete_user(struct db *db, int64_t pengguna_id, int64_t keep_id);

/* Creates a bearer token for a user.  token_out receives the secret (shown once). */
int token_create(struct db *db, int64_t pengguna_id, const char *nama, bool write,
                 char token_out[SECRET_MAX], int64_t *token_id);
/* Returns 0 (who filled), 1 when unknown or revoked, -1 on error. */
int token_lookup(struct db *db, const char *token, struct principal *who);

/* Per-address failed-login throttle (login, second factor, SSO callback), kept in the database
 * (table gagal_masuk) so that every node counts the same failures: true when this address has
 * failed 50 times in the last 5 minutes and must wait.  throttle_fail counts one failure in one
 * statement; throttle_reset forgets the address (after a success); throttle_bersihkan deletes
 * windows that ended (the daily pass).  Inside or outside a write transaction. */
bool throttle_blocked(struct db *db, const char *addr);
void throttle_fail(struct db *db, const char *addr);
void throttle_reset(struct db *db, const char *addr);
int throttle_bersihkan(struct db *db);
#endif
