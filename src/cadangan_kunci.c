/* cadangan_kunci.c: backup key files: read one (refusing loose permissions), create one. */
#include "cadangan.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cadangan_kunci_baca(const char *path, unsigned char kunci[CADANGAN_KUNCI], char *err, size_t n)
{
  unsigned char buf[80];
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) { snprintf(err, n, "berkas kunci %s tidak dapat dibuka: %s", path, strerror(errno)); return -1; }
  struct stat st;
  int rc = -1;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    snprintf(err, n, "berkas kunci %s bukan berkas biasa", path);
    goto out;
  }
  if (st.st_mode & 077) {
    snprintf(err, n, "berkas kunci %s dapat dibaca atau diubah pengguna lain (mode %04o); "
             "batasi dengan `chmod 600 %s`", path, (unsigned)(st.st_mode & 07777), path);
    goto out;
  }
  ssize_t got = read(fd, buf, sizeof buf);
  size_t len = got > 0 ? (size_t)got : 0;
  while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) len--;
  size_t bin = 0;
  if (len == 2 * CADANGAN_KUNCI &&
      sodium_hex2bin(kunci, CADANGAN_KUNCI, (const char *)buf, len, NULL, &bin, NULL) == 0 && bin == CADANGAN_KUNCI) {
    rc = 0;
  } else if (got == CADANGAN_KUNCI) {
    memcpy(kunci, buf, CADANGAN_KUNCI);
    rc = 0;
  } else {
    snprintf(err, n, "berkas kunci %s harus berisi 64 karakter heksadesimal (32 byte); "
             "buat dengan `kinerja backup --buat-kunci %s`", path, path);
  }
out:
  sodium_memzero(buf, sizeof buf);
  close(fd);
  return rc;
}

int cadangan_kunci_buat(const char *path, char *err, size_t n)
{
  unsigned char k[CADANGAN_KUNCI];
  char hex[2 * CADANGAN_KUNCI + 2];
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) snprintf(err, n, "berkas kunci %s sudah ada; kunci lama tidak ditimpa", path);
    else snprintf(err, n, "berkas kunci %s tidak dapat dibuat: %s", path, strerror(errno));
    return -1;
  }
  randombytes_buf(k, sizeof k);
  sodium_bin2hex(hex, sizeof hex, k, sizeof k);
  hex[2 * CADANGAN_KUNCI] = '\n';
  size_t len = 2 * CADANGAN_KUNCI + 1, off = 0;
  int rc = fchmod(fd, 0600);
  while (rc == 0 && off < len) {
    ssize_t w = write(fd, hex + off, len - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) rc = -1;
    else off += (size_t)w;
  }
  if (rc == 0) rc = fsync(fd);
  if (close(fd) != 0) rc = -1;
  sodium_memzero(k, sizeof k);
  sodium_memzero(hex, sizeof hex);
  if (rc != 0) {
    snprintf(err, n, "berkas kunci %s tidak dapat ditulis: %s", path, strerror(errno));
    unlink(path);
  }
  return rc;
}
