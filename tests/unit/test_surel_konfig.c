/* test_surel_konfig.c: the email settings of `kinerja serve` (flags, KINERJA_SMTP_* variables,
 * the password from a file or the environment) and their validation. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "surel_pengirim.h"

static const char *env_smtp(const char *n)
{
  if (!strcmp(n, "KINERJA_SMTP_URL")) return "smtp://mail.contoh.go.id:587";
  if (!strcmp(n, "KINERJA_SMTP_INTERVAL")) return "5";
  if (!strcmp(n, "KINERJA_SMTP_PASSWORD")) return "rahasia-env";
  return NULL;
}

static void bawaan_mati(void **s)
{
  struct config c;
  struct surel_konfig k;
  char err[200];
  assert_int_equal(config_load(&c, 0, NULL, NULL, err, sizeof err), 0);
  assert_string_equal(c.smtp_url, "");
  assert_string_equal(c.smtp_from, "kinerja <noreply@localhost>");
  assert_int_equal(c.smtp_interval, 10);
  assert_int_equal(surel_konfig_isi(&k, &c, NULL, err, sizeof err), -1);   /* email is off */
  assert_non_null(strstr(err, "KINERJA_SMTP_URL"));
}

static void dari_lingkungan(void **s)
{
  struct config c;
  struct surel_konfig k;
  char err[200];
  assert_int_equal(config_load(&c, 0, NULL, env_smtp, err, sizeof err), 0);
  assert_int_equal(c.smtp_interval, 5);
  assert_int_equal(surel_konfig_isi(&k, &c, env_smtp, err, sizeof err), 0);
  assert_string_equal(k.url, "smtp://mail.contoh.go.id:587");
  assert_string_equal(k.dari_alamat, "noreply@localhost");
  assert_string_equal(k.password, "rahasia-env");
  assert_int_equal(k.interval, 5);
  surel_konfig_hapus(&k);
  assert_string_equal(k.password, "");
}

static void berkas_sandi_dan_flag(void **s)
{
  char path[] = "/tmp/kinerja-test-smtp-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, "sandi dari berkas\n", 18), 18);
  close(fd);
  char *argv[] = {"--smtp-url", "smtps://mail.contoh.go.id", "--smtp-user", "kinerja", "--smtp-password-file", path,
                  "--smtp-from", "BKPSDM Contoh <kinerja@contoh.go.id>", "--public-url", "https://kinerja.contoh.go.id"};
  struct config c;
  struct surel_konfig k;
  char err[200];
  assert_int_equal(config_load(&c, 10, argv, env_smtp, err, sizeof err), 0);
  assert_int_equal(surel_konfig_isi(&k, &c, env_smtp, err, sizeof err), 0);
  assert_string_equal(k.url, "smtps://mail.contoh.go.id");
  assert_string_equal(k.user, "kinerja");
  assert_string_equal(k.password, "sandi dari berkas");   /* the file wins; trailing newline dropped */
  assert_string_equal(k.dari_alamat, "kinerja@contoh.go.id");
  assert_string_equal(k.url_publik, "https://kinerja.contoh.go.id");
  surel_konfig_hapus(&k);
  unlink(path);
  assert_int_equal(config_load(&c, 6, argv, env_smtp, err, sizeof err), 0);
  assert_int_equal(surel_konfig_isi(&k, &c, env_smtp, err, sizeof err), -1);   /* the file is gone */
}

static void ditolak(void **s)
{
  struct config c;
  struct surel_konfig k;
  char err[200];
  char *http[] = {"--smtp-url", "http://mail.contoh.go.id"};
  assert_int_equal(config_load(&c, 2, http, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "smtp://"));
  char *pub[] = {"--smtp-url", "smtp://m.id", "--public-url", "javascript:alert(1)"};
  assert_int_equal(config_load(&c, 4, pub, NULL, err, sizeof err), -1);
  char *iv[] = {"--smtp-url", "smtp://m.id", "--smtp-interval", "0"};
  assert_int_equal(config_load(&c, 4, iv, NULL, err, sizeof err), -1);
  char *dari[] = {"--smtp-url", "smtp://m.id", "--smtp-from", "kinerja <a@b.id>\r\nBcc: x@y.id"};
  assert_int_equal(config_load(&c, 4, dari, NULL, err, sizeof err), 0);
  assert_int_equal(surel_konfig_isi(&k, &c, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "--smtp-from"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(bawaan_mati),
    cmocka_unit_test(dari_lingkungan),
    cmocka_unit_test(berkas_sandi_dan_flag),
    cmocka_unit_test(ditolak),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
