/* test_password.c: argon2id hashing, verification and the password policy. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sodium.h>
#include <string.h>

#include "auth/password.h"

static void hash_and_verify(void **s)
{
  char h1[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX];
  assert_int_equal(password_hash("Rahasia123", h1), 0);
  assert_int_equal(strncmp(h1, "$argon2id$", 10), 0);
  assert_true(password_verify(h1, "Rahasia123"));
  assert_false(password_verify(h1, "rahasia123"));
  assert_false(password_verify(h1, ""));
  assert_false(password_verify("bukan-hash", "Rahasia123"));
  assert_false(password_verify(NULL, "Rahasia123"));
  /* salted: the same password hashes differently */
  assert_int_equal(password_hash("Rahasia123", h2), 0);
  assert_string_not_equal(h1, h2);
  password_verify_dummy("apa saja");
}

static void policy(void **s)
{
  assert_null(password_policy("Rahasia123"));
  assert_non_null(password_policy("Ra1"));
  assert_non_null(password_policy("hanyahurufsaja"));
  assert_non_null(password_policy("1234567890"));
  char big[300];
  memset(big, 'a', sizeof big - 2);
  big[sizeof big - 2] = '1';
  big[sizeof big - 1] = 0;
  assert_non_null(password_policy(big));
}

int main(void)
{
  if (sodium_init() < 0) return 1;
  const struct CMUnitTest tests[] = { cmocka_unit_test(hash_and_verify), cmocka_unit_test(policy) };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
