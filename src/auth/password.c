/* password.c: argon2id hashing and the password policy. */
#include "auth/password.h"

#include <pthread.h>
#include <sodium.h>
#include <string.h>

int password_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
  return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                           crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

bool password_verify(const char *hash, const char *pw)
{
  if (!hash || !pw) return false;
  return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

static char dummy[PASSWORD_HASH_MAX];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static void make_dummy(void) { password_hash("kinerja-dummy-password", dummy); }

void password_verify_dummy(const char *pw)
{
  pthread_once(&dummy_once, make_dummy);
  (void)password_verify(dummy, pw);
}

const char *password_policy(const char *pw)
{
  size_t n = strlen(pw);
  if (n < PASSWORD_MIN_LEN) return "kata sandi minimal 8 karakter";
  if (n > PASSWORD_MAX_LEN) return "kata sandi maksimal 256 karakter";
  int letters = 0, digits = 0;
  for (const char *p = pw; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) letters = 1;
    else if (*p >= '0' && *p <= '9') digits = 1;
  }
  if (!letters || !digits) return "kata sandi harus berisi huruf dan angka";
  return NULL;
}
