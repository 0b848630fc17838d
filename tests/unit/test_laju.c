/* test_laju.c: token buckets (burst, refill, Retry-After, off), bounded memory under many
 * distinct addresses, classes of requests, trusted proxies and X-Forwarded-For. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "http/laju.h"

static void burst_then_refill(void **s)
{
  struct laju *l = laju_new();
  struct laju_aturan a = {2, 5};   /* 2 per second, burst 5 */
  int w = 0;
  for (int i = 0; i < 5; i++) assert_true(laju_ambil(l, LAJU_IP, "10.0.0.1", &a, 100.0, &w));
  assert_false(laju_ambil(l, LAJU_IP, "10.0.0.1", &a, 100.0, &w));
  assert_int_equal(w, 1);                 /* half a second to the next token: Retry-After 1 */
  /* another client is not affected */
  assert_true(laju_ambil(l, LAJU_IP, "10.0.0.2", &a, 100.0, &w));
  /* the same key in another class is another bucket */
  assert_true(laju_ambil(l, LAJU_MASUK, "10.0.0.1", &a, 100.0, &w));
  /* 0.5 s later one token is back, then none */
  assert_true(laju_ambil(l, LAJU_IP, "10.0.0.1", &a, 100.5, &w));
  assert_false(laju_ambil(l, LAJU_IP, "10.0.0.1", &a, 100.5, &w));
  /* refills up to the burst, not beyond */
  for (int i = 0; i < 5; i++) assert_true(laju_ambil(l, LAJU_IP, "10.0.0.1", &a, 1000.0, &w));
  assert_false(laju_ambil(l, LAJU_IP, "10.0.0.1", &a, 1000.0, &w));
  laju_free(l);
}

static void retry_after_for_slow_rates(void **s)
{
  struct laju *l = laju_new();
  struct laju_aturan a = {0.1, 1};   /* one every 10 s */
  int w = 0;
  assert_true(laju_ambil(l, LAJU_MASUK, "k", &a, 5.0, &w));
  assert_false(laju_ambil(l, LAJU_MASUK, "k", &a, 5.0, &w));
  assert_int_equal(w, 10);
  assert_false(laju_ambil(l, LAJU_MASUK, "k", &a, 12.0, &w));
  assert_int_equal(w, 3);
  assert_true(laju_ambil(l, LAJU_MASUK, "k", &a, 15.0, &w));
  laju_free(l);
}

static void off_allows_everything_and_stores_nothing(void **s)
{
  struct laju *l = laju_new();
  struct laju_aturan off = {0, 0};
  for (int i = 0; i < 10000; i++) assert_true(laju_ambil(l, LAJU_IP, "10.0.0.1", &off, 1.0, NULL));
  assert_int_equal(laju_terpakai(l), 0);
  assert_true(laju_ambil(NULL, LAJU_IP, "x", &off, 1.0, NULL));
  laju_free(l);
}

/* A million distinct addresses: the table stays at its fixed size, and a client hammering
 * all along keeps its (empty) bucket: eviction takes full buckets and the least recent first. */
static void memory_bounded_under_many_addresses(void **s)
{
  struct laju *l = laju_new();
  struct laju_aturan a = {1, 3};
  int w = 0;
  char ip[32];
  assert_true(laju_ukuran() < 2u << 20);
  for (int i = 0; i < 3; i++) assert_true(laju_ambil(l, LAJU_IP, "192.0.2.1", &a, 0.0, &w));
  for (unsigned i = 0; i < 1000000; i++) {
    snprintf(ip, sizeof ip, "10.%u.%u.%u", (i >> 16) & 255, (i >> 8) & 255, i & 255);
    double now = i * 1e-6;   /* a million requests within one second */
    laju_ambil(l, LAJU_IP, ip, &a, now, &w);
    if (i % 1000 == 0) assert_false(laju_ambil(l, LAJU_IP, "192.0.2.1", &a, now, &w));
  }
  assert_true(laju_terpakai(l) <= (size_t)LAJU_SET * LAJU_WAY);
  assert_true(laju_terpakai(l) > (size_t)LAJU_SET * LAJU_WAY / 2);
  laju_free(l);
}

/* Two nodes with the same hash key: what one reports is taken from the other's bucket. */
static void counted_across_nodes(void **s)
{
  struct laju *a = laju_new(), *b = laju_new();
  const unsigned char kunci[LAJU_KUNCI_BYTES] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  laju_atur_kunci(a, kunci);
  laju_atur_kunci(b, kunci);
  struct laju_aturan r = {0.01, 6};
  int w = 0;
  for (int i = 0; i < 3; i++) {
    assert_true(laju_ambil(a, LAJU_IP, "10.0.0.9", &r, 10.0, &w));
    assert_true(laju_ambil(b, LAJU_IP, "10.0.0.9", &r, 10.0, &w));
  }
  struct laju_laporan la[8], lb[8];
  assert_int_equal(laju_kumpul(a, la, 8), 1);
  assert_int_equal(la[0].n, 3);
  assert_int_equal(la[0].kelas, LAJU_IP);
  assert_int_equal(laju_kumpul(a, la + 1, 7), 0);   /* collected: zeroed */
  assert_int_equal(laju_kumpul(b, lb, 8), 1);
  assert_true(la[0].kunci == lb[0].kunci);          /* one name for the bucket on both nodes */
  laju_kurangi(a, lb[0].kelas, lb[0].kunci, lb[0].n, &r, 10.5);
  laju_kurangi(b, la[0].kelas, la[0].kunci, la[0].n, &r, 10.5);
  assert_false(laju_ambil(a, LAJU_IP, "10.0.0.9", &r, 10.5, &w));
  assert_false(laju_ambil(b, LAJU_IP, "10.0.0.9", &r, 10.5, &w));
  /* a bucket another node reported before this node saw the client is made here */
  size_t n = laju_terpakai(a);
  laju_kurangi(a, LAJU_PENGGUNA, 12345, 100, &r, 10.5);
  assert_int_equal(laju_terpakai(a), n + 1);
  laju_free(a);
  laju_free(b);
}

static void classes(void **s)
{
  assert_int_equal(laju_kelas_dari("POST", "/api/v1/auth/login"), LAJU_MASUK);
  assert_int_equal(laju_kelas_dari("POST", "/api/v1/auth/password"), LAJU_MASUK);
  assert_int_equal(laju_kelas_dari("POST", "/api/v1/auth/2fa/verifikasi"), LAJU_MASUK);
  assert_int_equal(laju_kelas_dari("GET", "/api/v1/auth/oidc/callback"), LAJU_MASUK);
  assert_int_equal(laju_kelas_dari("POST", "/api/v1/auth/logout"), LAJU_IP);
  assert_int_equal(laju_kelas_dari("GET", "/api/v1/auth/me"), LAJU_IP);
  assert_int_equal(laju_kelas_dari("POST", "/api/v1/pegawai"), LAJU_IP);
}

static void proxies_parse(void **s)
{
  struct laju_proksi p;
  char err[200];
  assert_int_equal(laju_proksi_parse(NULL, &p, err, sizeof err), 0);
  assert_int_equal(p.n, 0);
  assert_int_equal(laju_proksi_parse("10.0.0.0/8, 192.168.1.5,::1,2001:db8::/32", &p, err, sizeof err), 0);
  assert_int_equal(p.n, 4);
  assert_true(laju_proksi_cocok(&p, "10.200.3.4"));
  assert_false(laju_proksi_cocok(&p, "11.0.0.1"));
  assert_true(laju_proksi_cocok(&p, "192.168.1.5"));
  assert_false(laju_proksi_cocok(&p, "192.168.1.6"));
  assert_true(laju_proksi_cocok(&p, "::1"));
  assert_true(laju_proksi_cocok(&p, "2001:db8:ffff::9"));
  assert_false(laju_proksi_cocok(&p, "2001:db9::1"));
  assert_true(laju_proksi_cocok(&p, "::ffff:10.1.2.3"));   /* IPv4-mapped peer of an IPv6 socket */
  assert_false(laju_proksi_cocok(&p, "bukan-alamat"));
  assert_int_equal(laju_proksi_parse("10.0.0.0/33", &p, err, sizeof err), -1);
  assert_non_null(strstr(err, "10.0.0.0/33"));
  assert_int_equal(laju_proksi_parse("10.0.0.0/", &p, err, sizeof err), -1);
  assert_int_equal(laju_proksi_parse("proksi.lokal", &p, err, sizeof err), -1);
  assert_int_equal(laju_proksi_parse("1.1.1.1,2.2.2.2,3.3.3.3,4.4.4.4,5.5.5.5,6.6.6.6,7.7.7.7,8.8.8.8,"
                                     "9.9.9.9,1.0.0.1,1.0.0.2,1.0.0.3,1.0.0.4,1.0.0.5,1.0.0.6,1.0.0.7,1.0.0.8",
                                     &p, err, sizeof err), -1);
}

static void client_behind_proxies(void **s)
{
  struct laju_proksi p;
  char err[200], out[64];
  laju_proksi_parse("10.0.0.0/8", &p, err, sizeof err);
  /* not from a proxy: the header is ignored */
  laju_klien(&p, "203.0.113.9", "198.51.100.1", out, sizeof out);
  assert_string_equal(out, "203.0.113.9");
  /* from the proxy: the right-most untrusted hop; what the client wrote on the left is ignored */
  laju_klien(&p, "10.0.0.2", "1.2.3.4, 198.51.100.7", out, sizeof out);
  assert_string_equal(out, "198.51.100.7");
  laju_klien(&p, "10.0.0.2", "1.2.3.4, 198.51.100.7, 10.9.9.9", out, sizeof out);
  assert_string_equal(out, "198.51.100.7");
  /* no header: the proxy itself */
  laju_klien(&p, "10.0.0.2", NULL, out, sizeof out);
  assert_string_equal(out, "10.0.0.2");
  /* a malformed hop ends the walk at the last good address */
  laju_klien(&p, "10.0.0.2", "1.2.3.4, <script>", out, sizeof out);
  assert_string_equal(out, "10.0.0.2");
  laju_klien(&p, "10.0.0.2", "sampah, 198.51.100.8", out, sizeof out);
  assert_string_equal(out, "198.51.100.8");
  laju_klien(&p, "10.0.0.2", " [2001:db8::1] ", out, sizeof out);
  assert_string_equal(out, "2001:db8::1");
  /* no trusted proxy configured: never believed */
  struct laju_proksi none = {0};
  laju_klien(&none, "10.0.0.2", "198.51.100.7", out, sizeof out);
  assert_string_equal(out, "10.0.0.2");
}

static void keys_of_addresses(void **s)
{
  char k[80], k2[80];
  laju_kunci_alamat("198.51.100.7", k, sizeof k);
  assert_string_equal(k, "198.51.100.7");
  laju_kunci_alamat("::ffff:198.51.100.7", k, sizeof k);
  assert_string_equal(k, "198.51.100.7");
  laju_kunci_alamat("2001:db8:1:2:aaaa::1", k, sizeof k);
  laju_kunci_alamat("2001:db8:1:2:bbbb::9", k2, sizeof k2);
  assert_string_equal(k, k2);   /* one /64, one bucket */
  laju_kunci_alamat("2001:db8:1:3::1", k2, sizeof k2);
  assert_string_not_equal(k, k2);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(burst_then_refill),
    cmocka_unit_test(counted_across_nodes),
    cmocka_unit_test(retry_after_for_slow_rates),
    cmocka_unit_test(off_allows_everything_and_stores_nothing),
    cmocka_unit_test(memory_bounded_under_many_addresses),
    cmocka_unit_test(classes),
    cmocka_unit_test(proxies_parse),
    cmocka_unit_test(client_behind_proxies),
    cmocka_unit_test(keys_of_addresses),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
