/* test_config.c: `kinerja serve` flags and KINERJA_* variables, precedence and errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "config.h"

static const char *fake_env(const char *n)
{
  if (strcmp(n, "KINERJA_LISTEN") == 0) return "0.0.0.0:9000";
  if (strcmp(n, "KINERJA_THREADS") == 0) return "3";
  if (strcmp(n, "KINERJA_LOG_LEVEL") == 0) return "warn";
  return NULL;
}
static const char *bad_env(const char *n) { return strcmp(n, "KINERJA_THREADS") == 0 ? "banyak" : NULL; }

static void defaults(void **s)
{
  struct config c;
  char err[200];
  assert_int_equal(config_load(&c, 0, NULL, NULL, err, sizeof err), 0);
  assert_string_equal(c.host, "127.0.0.1");
  assert_int_equal(c.port, 8080);
  assert_string_equal(c.db, "data/kinerja.db");
  assert_true(c.threads >= 1);
  assert_int_equal(c.log_level, LOG_INFO);
  assert_int_equal(c.cookie_secure, 0);
}

static void env_then_flags(void **s)
{
  struct config c;
  char err[200];
  char *argv[] = {"--db", "/tmp/x.db", "--listen=127.0.0.1:8181", "--log-level", "debug"};
  assert_int_equal(config_load(&c, 0, NULL, fake_env, err, sizeof err), 0);
  assert_string_equal(c.host, "0.0.0.0");
  assert_int_equal(c.port, 9000);
  assert_int_equal(c.threads, 3);
  assert_int_equal(c.log_level, LOG_WARN);
  assert_int_equal(config_load(&c, 5, argv, fake_env, err, sizeof err), 0);
  assert_string_equal(c.db, "/tmp/x.db");
  assert_string_equal(c.host, "127.0.0.1");
  assert_int_equal(c.port, 8181);
  assert_int_equal(c.threads, 3);
  assert_int_equal(c.log_level, LOG_DEBUG);
}

static void errors(void **s)
{
  struct config c;
  char err[200];
  char *a1[] = {"--listen", "tanpa-port"};
  char *a2[] = {"--threads", "0"};
  char *a3[] = {"--apa"};
  char *a4[] = {"--db"};
  char *a5[] = {"--listen", "127.0.0.1:70000"};
  char *a6[] = {"--tls-cert", "/x.pem"};
  char *a7[] = {"--log-level", "verbose"};
  assert_int_equal(config_load(&c, 2, a1, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "HOST:PORT"));
  assert_int_equal(config_load(&c, 2, a2, NULL, err, sizeof err), -1);
  assert_int_equal(config_load(&c, 1, a3, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "--apa"));
  assert_int_equal(config_load(&c, 1, a4, NULL, err, sizeof err), -1);
  assert_int_equal(config_load(&c, 2, a5, NULL, err, sizeof err), -1);
  assert_int_equal(config_load(&c, 2, a6, NULL, err, sizeof err), -1);
  assert_int_equal(config_load(&c, 2, a7, NULL, err, sizeof err), -1);
  assert_int_equal(config_load(&c, 0, NULL, bad_env, err, sizeof err), -1);
  assert_non_null(strstr(err, "KINERJA_THREADS"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(defaults), cmocka_unit_test(env_then_flags), cmocka_unit_test(errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
