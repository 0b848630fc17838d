/* oidc_rahasia.c: the server key file and crypto_secretbox of the OIDC client secrets. */
#include "auth/oidc_rahasia.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define KUNCI_BERKAS "oidc.kunci"

static int baca_kunci(const char *path, unsigned char k[crypto_secretbox_KEYBYTES], char *err, size_t n)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT) return 1;
    snprintf(err, n, "kunci %s tidak dapat dibuka (%s)", path, strerror(errno));
    return -1;
  }
  struct stat st;
  int rc = -1;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) { snprintf(err, n, "kunci %s bukan berkas biasa", path); goto fail; }
  if (st.st_mode & 077) { snprintf(err, n, "kunci %s dapat dibaca pengguna lain; jalankan: chmod 600 %s", path, path); goto fail; }
  if (read(fd, k, crypto_secretbox_KEYBYTES) != crypto_secretbox_KEYBYTES) { snprintf(err, n, "kunci %s rusak", path); goto fail; }
  rc = 0;
fail:
  close(fd);
  return rc;
}

/* Reads the key; when `buat` and it does not exist, creates it (another thread or process may
 * win the race: then its key is read). */
static int kunci(const char *data_dir, int buat, unsigned char k[crypto_secretbox_KEYBYTES], char *err, size_t n)
{
  char path[1100];
  if (snprintf(path, sizeof path, "%s/%s", data_dir, KUNCI_BERKAS) >= (int)sizeof path) {
    snprintf(err, n, "direktori data terlalu panjang");
    return -1;
  }
  int r = baca_kunci(path, k, err, n);
  if (r <= 0) return r;
  if (!buat) { snprintf(err, n, "kunci %s tidak ada; simpan ulang rahasia klien SSO", path); return -1; }
  if (mkdir(data_dir, 0700) != 0 && errno != EEXIST) { snprintf(err, n, "direktori data %s tidak dapat dibuat", data_dir); return -1; }
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return baca_kunci(path, k, err, n) == 0 ? 0 : -1;
    snprintf(err, n, "kunci %s tidak dapat dibuat (%s)", path, strerror(errno));
    return -1;
  }
  crypto_secretbox_keygen(k);
  int ok = write(fd, k, crypto_secretbox_KEYBYTES) == crypto_secretbox_KEYBYTES && fsync(fd) == 0;
  close(fd);
  if (!ok) { unlink(path); snprintf(err, n, "kunci %s tidak dapat ditulis", path); return -1; }
  return 0;
}

int oidc_rahasia_tutup(const char *data_dir, const char *secret, char **out, char *err, size_t n)
{
  unsigned char k[crypto_secretbox_KEYBYTES];
  unsigned char kotak[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + OIDC_RAHASIA_MAX];
  size_t len = strlen(secret);
  *out = NULL;
  if (len > OIDC_RAHASIA_MAX) { snprintf(err, n, "rahasia klien terlalu panjang"); return -1; }
  if (kunci(data_dir, 1, k, err, n) != 0) return -1;
  randombytes_buf(kotak, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(kotak + crypto_secretbox_NONCEBYTES, (const unsigned char *)secret, len, kotak, k);
  sodium_memzero(k, sizeof k);
  size_t total = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len;
  size_t bl = sodium_base64_ENCODED_LEN(total, sodium_base64_VARIANT_ORIGINAL);
  if (!(*out = malloc(bl))) { snprintf(err, n, "memori habis"); return -1; }
  sodium_bin2base64(*out, bl, kotak, total, sodium_base64_VARIANT_ORIGINAL);
  return 0;
}

int oidc_rahasia_buka(const char *data_dir, const char *stored, char plain[OIDC_RAHASIA_MAX + 1],
                      char *err, size_t n)
{
  unsigned char k[crypto_secretbox_KEYBYTES];
  unsigned char kotak[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + OIDC_RAHASIA_MAX];
  size_t bl = 0;
  plain[0] = 0;
  if (sodium_base642bin(kotak, sizeof kotak, stored, strlen(stored), NULL, &bl, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      bl < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    snprintf(err, n, "rahasia klien tersimpan rusak; simpan ulang");
    return -1;
  }
  if (kunci(data_dir, 0, k, err, n) != 0) return -1;
  size_t cl = bl - crypto_secretbox_NONCEBYTES;
  int r = crypto_secretbox_open_easy((unsigned char *)plain, kotak + crypto_secretbox_NONCEBYTES, cl, kotak, k);
  sodium_memzero(k, sizeof k);
  if (r != 0) { snprintf(err, n, "rahasia klien tidak dapat dibuka dengan kunci %s; simpan ulang", KUNCI_BERKAS); return -1; }
  plain[cl - crypto_secretbox_MACBYTES] = 0;
  return 0;
}
