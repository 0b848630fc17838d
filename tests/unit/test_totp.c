/* test_totp.c: RFC 6238 codes through liboath (auth/totp.c): the RFC's SHA1 test vectors in 6
 * digits, the one-step window, base32 of the manual key, and the otpauth URI. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "auth/totp.h"

static const unsigned char seed[] = "12345678901234567890";   /* RFC 6238 appendix B, SHA1 */

static void rfc_vectors(void **s)
{
  /* the RFC lists 8 digits; 6 digits are their last six */
  static const struct { int64_t t; const char *k; } v[] = {
    {59, "287082"}, {1111111109, "081804"}, {1111111111, "050471"},
    {1234567890, "005924"}, {2000000000, "279037"}, {20000000000LL, "353130"},
  };
  char out[TOTP_DIGIT + 1];
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
    assert_int_equal(totp_kode(seed, 20, v[i].t, out), 0);
    assert_string_equal(out, v[i].k);
    assert_int_equal(totp_cek(seed, 20, v[i].t, v[i].k), v[i].t / 30);
  }
}

static void window(void **s)
{
  const int64_t t = 1111111111;
  char prev[7], next[7], far[7];
  totp_kode(seed, 20, t - 30, prev);
  totp_kode(seed, 20, t + 30, next);
  totp_kode(seed, 20, t + 90, far);
  assert_int_equal(totp_cek(seed, 20, t, prev), t / 30 - 1);
  assert_int_equal(totp_cek(seed, 20, t, next), t / 30 + 1);
  assert_int_equal(totp_cek(seed, 20, t, far), 0);
  assert_int_equal(totp_cek(seed, 20, t, "12345"), 0);
  assert_int_equal(totp_cek(seed, 20, t, "12345a"), 0);
  assert_int_equal(totp_cek(seed, 20, t, NULL), 0);
}

static void base32_and_uri(void **s)
{
  char b[TOTP_BASE32_MAX], uri[300];
  assert_int_equal(totp_base32(seed, 20, b), 0);
  assert_string_equal(b, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  assert_int_equal(totp_uri("e-Kinerja", "budi santoso@x", b, uri, sizeof uri), 0);
  assert_string_equal(uri, "otpauth://totp/e-Kinerja%3Abudi%20santoso%40x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                           "&issuer=e-Kinerja&algorithm=SHA1&digits=6&period=30");
  assert_int_equal(totp_uri("e-Kinerja", "a", b, uri, 40), -1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(rfc_vectors),
    cmocka_unit_test(window),
    cmocka_unit_test(base32_and_uri),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
