/* test_cadangan.c: the backup stream (src/cadangan_aliran.c): round trips across chunk
 * boundaries with and without a key, and every kind of damage refused by the reader. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cadangan.h"

static const unsigned char KUNCI[CADANGAN_KUNCI] = {1, 2, 3, 4, 5, 6, 7, 8, 9};

/* Writes len pattern bytes through a stream into a fresh temp file; returns its fd at 0. */
static int tulis(size_t len, const unsigned char *kunci)
{
  FILE *f = tmpfile();
  assert_non_null(f);
  int fd = dup(fileno(f));
  fclose(f);
  char err[256];
  struct cadangan_tulis *w = cadangan_tulis_buka(fd, kunci, err, sizeof err);
  assert_non_null(w);
  unsigned char b[1000];
  for (size_t off = 0; off < len; off += sizeof b) {
    size_t k = len - off < sizeof b ? len - off : sizeof b;
    for (size_t i = 0; i < k; i++) b[i] = (unsigned char)((off + i) * 7);
    assert_int_equal(cadangan_tulis(w, b, k), 0);
  }
  assert_int_equal(cadangan_tulis_tutup(w, err, sizeof err), 0);
  lseek(fd, 0, SEEK_SET);
  return fd;
}

/* Reads len bytes back and checks the end; returns 0, or -1 with the reason in why. */
static int baca(int fd, size_t len, const unsigned char *kunci, char *why, size_t n)
{
  bool enc;
  struct cadangan_baca *r = cadangan_baca_buka(fd, kunci, &enc, why, n);
  if (!r) return -1;
  unsigned char *b = malloc(len ? len : 1);
  int rc = cadangan_baca(r, b, len);
  for (size_t i = 0; rc == 0 && i < len; i++)
    if (b[i] != (unsigned char)(i * 7)) rc = -1;
  if (rc == 0) rc = cadangan_baca_akhir(r);
  if (rc != 0) snprintf(why, n, "%s", cadangan_baca_galat(r));
  free(b);
  cadangan_baca_tutup(r);
  return rc;
}

static long ukuran(int fd) { long s = lseek(fd, 0, SEEK_END); lseek(fd, 0, SEEK_SET); return s; }

static void pulang_pergi(void **s)
{
  const size_t lens[] = {0, 1, CADANGAN_CHUNK - 32, CADANGAN_CHUNK - 31, CADANGAN_CHUNK, CADANGAN_CHUNK + 1, 3 * CADANGAN_CHUNK + 5};
  char why[256];
  for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
    for (int k = 0; k < 2; k++) {
      int fd = tulis(lens[i], k ? KUNCI : NULL);
      assert_int_equal(baca(fd, lens[i], k ? KUNCI : NULL, why, sizeof why), 0);
      close(fd);
    }
  }
}

/* Changes byte `at` of a copy of the stream (or cuts / extends it) and expects a refusal. */
static void rusak_satu(size_t len, const unsigned char *kunci, long at, int mode, const char *want)
{
  int fd = tulis(len, kunci);
  long n = ukuran(fd);
  if (at < 0) at += n;
  if (mode == 0) {          /* flip one bit */
    unsigned char c;
    assert_int_equal(pread(fd, &c, 1, at), 1);
    c ^= 0x10;
    assert_int_equal(pwrite(fd, &c, 1, at), 1);
  } else if (mode == 1) {   /* cut at `at` */
    assert_int_equal(ftruncate(fd, at), 0);
  } else {                  /* one byte more */
    assert_int_equal(pwrite(fd, "x", 1, n), 1);
  }
  char why[256] = "";
  assert_int_equal(baca(fd, len, kunci, why, sizeof why), -1);
  if (want && !strstr(why, want)) fail_msg("got \"%s\", want \"%s\"", why, want);
  close(fd);
}

static void kerusakan_ditolak(void **s)
{
  size_t len = 2 * CADANGAN_CHUNK + 100;
  for (int k = 0; k < 2; k++) {
    const unsigned char *key = k ? KUNCI : NULL;
    long hdr = 16 + (k ? 24 : 0);
    rusak_satu(len, key, 3, 0, "bukan berkas cadangan");
    rusak_satu(len, key, 12, 0, "kepala berkas cadangan rusak");
    rusak_satu(len, key, hdr + 100, 0, k ? "autentikasi gagal" : "ceksum");
    rusak_satu(len, key, -5, 0, NULL);
    rusak_satu(len, key, hdr + 1, 0, "panjang potongan");
    rusak_satu(len, key, -1, 1, "terpotong");
    rusak_satu(len, key, hdr, 1, "terpotong");
    rusak_satu(len, key, 0, 2, "data tambahan");
  }
  /* an encrypted stream with another key, or without one */
  unsigned char lain[CADANGAN_KUNCI] = {9};
  char why[256];
  int fd = tulis(100, KUNCI);
  assert_int_equal(baca(fd, 100, lain, why, sizeof why), -1);
  assert_non_null(strstr(why, "kunci salah"));
  lseek(fd, 0, SEEK_SET);
  assert_int_equal(baca(fd, 100, NULL, why, sizeof why), -1);
  assert_non_null(strstr(why, "--key-file"));
  close(fd);
  /* asking for more than was written */
  fd = tulis(100, NULL);
  assert_int_equal(baca(fd, 101, NULL, why, sizeof why), -1);
  close(fd);
}

int main(void)
{
  if (sodium_init() < 0) return 1;
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(pulang_pergi),
    cmocka_unit_test(kerusakan_ditolak),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
