/* test_siasn.c: the pure parts of the SIASN client: tolerant field lookup, answer envelopes,
 * code mappings, SIASN dates, and the secret file (permissions, instansi lines, no leak). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "siasn_ambil.h"
#include "siasn_json.h"
#include "siasn_kode.h"
#include "siasn_konfig.h"
#include "siasn_rahasia.h"

static void casing_tolerant(void **s)
{
  static const char *const nip[] = {"nipBaru", NULL};
  const char *docs[] = {"{\"nipBaru\":\"1\"}", "{\"NIPBARU\":\"1\"}", "{\"nip_baru\":\"1\"}", "{\"Nip-Baru\":1}"};
  for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
    json_t *j = json_loads(docs[i], 0, NULL);
    char out[32];
    assert_int_equal(siasn_json_teks(j, nip, out, sizeof out), 0);
    assert_string_equal(out, "1");
    json_decref(j);
  }
  /* an exact match wins; absent, null and empty are "absent"; too long is -1 */
  json_t *j = json_loads("{\"NIPBARU\":\"a\",\"nipBaru\":\"b\",\"x\":null,\"y\":\"  \",\"z\":\"0123456789\"}", 0, NULL);
  char out[8];
  assert_int_equal(siasn_json_teks(j, nip, out, sizeof out), 0);
  assert_string_equal(out, "b");
  static const char *const x[] = {"x", NULL}, *const y[] = {"y", NULL}, *const z[] = {"z", NULL}, *const w[] = {"w", "z", NULL};
  assert_int_equal(siasn_json_teks(j, x, out, sizeof out), 1);
  assert_int_equal(siasn_json_teks(j, y, out, sizeof out), 1);
  assert_int_equal(siasn_json_teks(j, z, out, sizeof out), -1);
  assert_string_equal(out, "");
  assert_int_equal(siasn_json_teks(j, w, out, sizeof out), -1);
  json_t *str = json_string("x");
  assert_null(siasn_json_get(str, "a"));
  json_decref(str);
  json_decref(j);
}

static void envelopes(void **s)
{
  char pesan[64];
  bool gagal;
  json_t *j = json_loads("{\"code\":1,\"data\":{\"id\":\"x\"},\"message\":\"ok\"}", 0, NULL);
  json_t *isi = siasn_json_isi(j, &gagal, pesan, sizeof pesan);
  assert_false(gagal);
  assert_string_equal(json_string_value(json_object_get(isi, "id")), "x");
  assert_string_equal(pesan, "ok");
  json_decref(j);
  j = json_loads("{\"success\":false,\"Message\":\"NIP tidak valid\"}", 0, NULL);
  isi = siasn_json_isi(j, &gagal, pesan, sizeof pesan);
  assert_true(gagal);
  assert_string_equal(pesan, "NIP tidak valid");
  assert_ptr_equal(isi, j);
  json_decref(j);
  j = json_loads("{\"code\":\"0\",\"MAPDATA\":{\"rwSkp22Id\":7}}", 0, NULL);
  isi = siasn_json_isi(j, &gagal, pesan, sizeof pesan);
  assert_true(gagal);
  assert_int_equal(json_integer_value(json_object_get(isi, "rwSkp22Id")), 7);
  json_decref(j);
  j = json_loads("{\"error\":\"invalid_client\"}", 0, NULL);
  siasn_json_isi(j, &gagal, pesan, sizeof pesan);
  assert_true(gagal);
  assert_string_equal(pesan, "invalid_client");
  json_decref(j);
}

static void codes(void **s)
{
  assert_int_equal(siasn_kode_rating("di_atas"), 1);
  assert_int_equal(siasn_kode_rating("sesuai"), 2);
  assert_int_equal(siasn_kode_rating("di_bawah"), 3);
  assert_int_equal(siasn_kode_rating("x"), 0);
  assert_int_equal(siasn_kode_rating(NULL), 0);
  assert_int_equal(siasn_kode_kuadran("sangat_baik"), 1);
  assert_int_equal(siasn_kode_kuadran("baik"), 2);
  assert_int_equal(siasn_kode_kuadran("butuh_perbaikan"), 3);
  assert_int_equal(siasn_kode_kuadran("kurang"), 4);
  assert_int_equal(siasn_kode_kuadran("sangat_kurang"), 5);
  assert_int_equal(siasn_kode_kuadran("istimewa"), 0);
  assert_string_equal(siasn_kode_jenis_jabatan("2", NULL, "x"), "fungsional");
  assert_string_equal(siasn_kode_jenis_jabatan("Fungsional Umum", NULL, "x"), "pelaksana");
  assert_string_equal(siasn_kode_jenis_jabatan("1", "IV.a", "x"), "pengawas");
  assert_string_equal(siasn_kode_jenis_jabatan("1", "III.b", "x"), "administrator");
  assert_string_equal(siasn_kode_jenis_jabatan("1", "II.a", "x"), "jpt");
  assert_string_equal(siasn_kode_jenis_jabatan(NULL, NULL, "Pranata Komputer Ahli Muda"), "fungsional");
  assert_string_equal(siasn_kode_jenis_jabatan("", "", "Kepala Seksi Kurikulum"), "pengawas");
  assert_true(siasn_nama_sama("BUDI  SANTOSO ", "Budi Santoso"));
  assert_false(siasn_nama_sama("Budi Santosa", "Budi Santoso"));
}

static void dates_and_urls(void **s)
{
  char d[11];
  assert_int_equal(siasn_tanggal("02-01-2020", d), 0);
  assert_string_equal(d, "2020-01-02");
  assert_int_equal(siasn_tanggal("2021-03-04T00:00:00", d), 0);
  assert_string_equal(d, "2021-03-04");
  assert_int_equal(siasn_tanggal("31-02-2020", d), -1);
  assert_int_equal(siasn_tanggal("1-1-2020", d), -1);
  assert_true(siasn_url_diizinkan("https://apimws.bkn.go.id:8243/apisiasn/1.0"));
  assert_true(siasn_url_diizinkan("http://127.0.0.1:8080/api"));
  assert_true(siasn_url_diizinkan("http://localhost/api"));
  assert_false(siasn_url_diizinkan("http://localhost.contoh.id/api"));
  assert_false(siasn_url_diizinkan("http://apimws.bkn.go.id/"));
  assert_false(siasn_url_diizinkan("ftp://x/"));
  assert_false(siasn_url_diizinkan("https://"));
  assert_false(siasn_url_diizinkan("https://x/a b"));
}

static const char *tanpa_env(const char *n) { (void)n; return NULL; }
static const char *env_uji(const char *n)
{
  if (strcmp(n, "KINERJA_SIASN_CLIENT_SECRET") == 0) return "rahasia-env";
  if (strcmp(n, "KINERJA_SIASN_USER_TOKEN") == 0) return "token-env";
  return NULL;
}

static void secret_file(void **s)
{
  char path[] = "/tmp/kinerja-siasn-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  const char *isi = "# uji\nclient_secret=bersama\n INSTANSI-A.client_secret = milik-a \nuser_token=tok\r\nINSTANSI-B.user_token=tok-b\n";
  assert_int_equal(write(fd, isi, strlen(isi)), (ssize_t)strlen(isi));
  close(fd);
  struct siasn_rahasia r;
  char err[512];
  chmod(path, 0600);
  assert_int_equal(siasn_rahasia_muat(&r, path, "INSTANSI-A", tanpa_env, err, sizeof err), 0);
  assert_string_equal(r.client_secret, "milik-a");
  assert_string_equal(r.user_token, "tok");
  assert_int_equal(siasn_rahasia_muat(&r, path, "INSTANSI-B", tanpa_env, err, sizeof err), 0);
  assert_string_equal(r.client_secret, "bersama");
  assert_string_equal(r.user_token, "tok-b");
  siasn_rahasia_hapus(&r);
  assert_int_equal(r.client_secret[0], 0);
  /* readable by others: refused, and the message names the file, never a secret */
  chmod(path, 0644);
  assert_int_equal(siasn_rahasia_muat(&r, path, "INSTANSI-A", tanpa_env, err, sizeof err), -1);
  assert_non_null(strstr(err, "chmod 600"));
  assert_null(strstr(err, "milik-a"));
  assert_int_equal(r.client_secret[0], 0);
  chmod(path, 0640);
  assert_int_equal(siasn_rahasia_muat(&r, path, "INSTANSI-A", tanpa_env, err, sizeof err), -1);
  unlink(path);
  assert_int_equal(siasn_rahasia_muat(&r, path, "INSTANSI-A", tanpa_env, err, sizeof err), -1);
  /* the environment when no file is named */
  assert_int_equal(siasn_rahasia_muat(&r, NULL, "X", env_uji, err, sizeof err), 0);
  assert_string_equal(r.client_secret, "rahasia-env");
  assert_int_equal(siasn_rahasia_muat(&r, "", "X", tanpa_env, err, sizeof err), -1);
  assert_non_null(strstr(err, "KINERJA_SIASN_CLIENT_SECRET"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(casing_tolerant), cmocka_unit_test(envelopes), cmocka_unit_test(codes),
    cmocka_unit_test(dates_and_urls), cmocka_unit_test(secret_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
