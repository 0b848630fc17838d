/* password.h: argon2id password hashing (libsodium crypto_pwhash_str, INTERACTIVE limits). */
#ifndef KINERJA_PASSWORD_H
#define KINERJA_PASSWORD_H
#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_HASH_MAX 128  /* crypto_pwhash_STRBYTES */
#define PASSWORD_MIN_LEN 8
#define PASSWORD_MAX_LEN 256

/* Hashes password into out (size >= PASSWORD_HASH_MAX).  Returns 0 or -1. */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
/* True if password matches the stored hash.  Takes ~40 ms by design. */
bool password_verify(const char *hash, const char *password);
/* Burns the same time as a verify, for unknown users (no user enumeration by timing). */
void password_verify_dummy(const char *password);
/* Checks the password policy; returns NULL when acceptable or an Indonesian message. */
const char *password_policy(const char *password);
#endif
