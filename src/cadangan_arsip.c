/* cadangan_arsip.c: the records inside a backup stream (see cadangan.h): the database, the
 * evidence key and the evidence objects, each streamed in chunks from/to its file. */
#include "cadangan.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NAMA_MAX 256
#define KUNCI_BUKTI "kunci-bukti"

static int ishex(const char *s, size_t len)
{
  for (size_t i = 0; i < len; i++)
    if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return 0;
  return 1;
}

/* An evidence object name "ab/<64 hex starting with ab>": nothing else may reach a path. */
static int nama_objek_sah(const char *s)
{
  return strlen(s) == 67 && s[2] == '/' && ishex(s, 2) && ishex(s + 3, 64) && s[0] == s[3] && s[1] == s[4];
}

/* Writes one record header and streams `size` bytes from fd. */
static int rekam(struct cadangan_tulis *w, char tipe, const char *nama, int fd, uint64_t size,
                 unsigned char *buf, char *err, size_t n)
{
  size_t nl = strlen(nama);
  unsigned char h[1 + 2 + NAMA_MAX + 8];
  h[0] = (unsigned char)tipe;
  h[1] = (unsigned char)(nl & 0xff);
  h[2] = (unsigned char)(nl >> 8);
  memcpy(h + 3, nama, nl);
  for (int i = 0; i < 8; i++) h[3 + nl + i] = (unsigned char)(size >> (8 * i));
  if (cadangan_tulis(w, h, 3 + nl + 8) != 0) goto io;
  uint64_t left = size;
  while (left) {
    size_t k = left > CADANGAN_CHUNK ? CADANGAN_CHUNK : (size_t)left;
    ssize_t r = read(fd, buf, k);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) { snprintf(err, n, "%s berubah atau tidak dapat dibaca selama pencadangan", nama); return -1; }
    if (cadangan_tulis(w, buf, (size_t)r) != 0) goto io;
    left -= (uint64_t)r;
  }
  return 0;
io:
  snprintf(err, n, "berkas cadangan tidak dapat ditulis: %s", strerror(errno));
  return -1;
}

/* Opens path and writes it as one record; *size receives its length. */
static int rekam_berkas(struct cadangan_tulis *w, char tipe, const char *nama, const char *path,
                        unsigned char *buf, int64_t *size, char *err, size_t n)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    snprintf(err, n, "%s tidak dapat dibaca: %s", path, fd < 0 ? strerror(errno) : "bukan berkas biasa");
    if (fd >= 0) close(fd);
    return -1;
  }
  int rc = rekam(w, tipe, nama, fd, (uint64_t)st.st_size, buf, err, n);
  close(fd);
  if (size) *size = st.st_size;
  return rc;
}

static int objek_semua(struct cadangan_tulis *w, const char *data_dir, unsigned char *buf,
                       struct cadangan_ringkas *rk, char *err, size_t n)
{
  char dir[4096], sub[4096 + 8], path[4096 + 80], nama[68];
  if (snprintf(dir, sizeof dir, "%s/bukti", data_dir) >= (int)sizeof dir - 4) { snprintf(err, n, "--data-dir terlalu panjang"); return -1; }
  DIR *d = opendir(dir);
  if (!d) return errno == ENOENT ? 0 : (snprintf(err, n, "%s tidak dapat dibaca: %s", dir, strerror(errno)), -1);
  struct dirent *e;
  int rc = 0;
  while (rc == 0 && (e = readdir(d))) {
    if (strlen(e->d_name) != 2 || !ishex(e->d_name, 2)) continue;
    snprintf(sub, sizeof sub, "%.4090s/%.2s", dir, e->d_name);
    DIR *d2 = opendir(sub);
    if (!d2) continue;
    struct dirent *f;
    while (rc == 0 && (f = readdir(d2))) {
      if (strlen(f->d_name) != 64) continue;   /* skips the writer's *.tmp.* files */
      snprintf(nama, sizeof nama, "%.2s/%.64s", e->d_name, f->d_name);
      if (!nama_objek_sah(nama)) continue;
      snprintf(path, sizeof path, "%.4100s/%.64s", sub, f->d_name);
      int64_t sz = 0;
      rc = rekam_berkas(w, 'B', nama, path, buf, &sz, err, n);
      rk->objek++;
      rk->objek_bytes += sz;
    }
    closedir(d2);
  }
  closedir(d);
  return rc;
}

int cadangan_arsip_tulis(struct cadangan_tulis *w, const char *db_snap, const char *data_dir,
                         bool sertakan_kunci, struct cadangan_ringkas *rk, char *err, size_t n)
{
  memset(rk, 0, sizeof *rk);
  unsigned char *buf = malloc(CADANGAN_CHUNK);
  if (!buf) { snprintf(err, n, "memori tidak cukup"); return -1; }
  int rc = rekam_berkas(w, 'D', "kinerja.db", db_snap, buf, &rk->db_bytes, err, n);
  if (rc == 0 && data_dir && sertakan_kunci) {
    char path[4096 + 16];
    snprintf(path, sizeof path, "%s/" KUNCI_BUKTI, data_dir);
    if (access(path, F_OK) == 0) {
      rc = rekam_berkas(w, 'K', KUNCI_BUKTI, path, buf, NULL, err, n);
      rk->ada_kunci_bukti = rc == 0;
    }
  }
  if (rc == 0 && data_dir) rc = objek_semua(w, data_dir, buf, rk, err, n);
  if (rc == 0) {
    unsigned char z[1 + 2 + 8] = {'Z'};
    if (cadangan_tulis(w, z, sizeof z) != 0) { snprintf(err, n, "berkas cadangan tidak dapat ditulis: %s", strerror(errno)); rc = -1; }
  }
  free(buf);
  return rc;
}

static int tulis_ke(int fd, const void *p, size_t len)
{
  const unsigned char *c = p;
  while (len) {
    ssize_t w = write(fd, c, len);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    c += w;
    len -= (size_t)w;
  }
  return 0;
}

/* Creates staging/<nama> (and its directory) for an evidence record; -1 when it cannot. */
static int buka_staging(const char *staging, const char *nama, char *err, size_t n)
{
  char path[4096 + 80];
  if (strchr(nama, '/')) {
    snprintf(path, sizeof path, "%s/%.2s", staging, nama);
    if (mkdir(path, 0700) != 0 && errno != EEXIST) goto fail;
  }
  snprintf(path, sizeof path, "%s/%s", staging, nama);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd >= 0) return fd;
fail:
  snprintf(err, n, "%s tidak dapat ditulis: %s", path, strerror(errno));
  return -1;
}

int cadangan_arsip_baca(struct cadangan_baca *r, int db_out, const char *staging,
                        struct cadangan_ringkas *rk, char *err, size_t n)
{
  memset(rk, 0, sizeof *rk);
  unsigned char *buf = malloc(CADANGAN_CHUNK);
  if (!buf) { snprintf(err, n, "memori tidak cukup"); return -1; }
  int rc = -1, fd = -1;
  bool ada_db = false;
  for (;;) {
    unsigned char h[3], sz[8];
    char nama[NAMA_MAX + 1];
    if (cadangan_baca(r, h, 3) != 0) goto rusak;
    size_t nl = (size_t)h[1] | (size_t)h[2] << 8;
    if (nl > NAMA_MAX) { snprintf(err, n, "berkas cadangan rusak (nama catatan terlalu panjang)"); goto out; }
    if (cadangan_baca(r, nama, nl) != 0 || cadangan_baca(r, sz, 8) != 0) goto rusak;
    nama[nl] = '\0';
    uint64_t size = 0;
    for (int i = 0; i < 8; i++) size |= (uint64_t)sz[i] << (8 * i);
    char t = (char)h[0];
    if (t == 'Z') break;
    fd = -1;
    bool buang = false;
    if (t == 'D' && !ada_db && strcmp(nama, "kinerja.db") == 0) {
      ada_db = true;
      rk->db_bytes = (int64_t)size;
    } else if (t == 'K' && strcmp(nama, KUNCI_BUKTI) == 0) {
      rk->ada_kunci_bukti = true;
      if (!staging) buang = true;
      else if ((fd = buka_staging(staging, nama, err, n)) < 0) goto out;
    } else if (t == 'B' && nama_objek_sah(nama)) {
      rk->objek++;
      rk->objek_bytes += (int64_t)size;
      if (!staging) buang = true;
      else if ((fd = buka_staging(staging, nama, err, n)) < 0) goto out;
    } else {
      snprintf(err, n, "berkas cadangan rusak (catatan tidak dikenal)");
      goto out;
    }
    int out_fd = t == 'D' ? db_out : fd;
    while (size) {
      size_t k = size > CADANGAN_CHUNK ? CADANGAN_CHUNK : (size_t)size;
      if (cadangan_baca(r, buf, k) != 0) goto rusak;
      if (!buang && tulis_ke(out_fd, buf, k) != 0) { snprintf(err, n, "hasil pemulihan tidak dapat ditulis: %s", strerror(errno)); goto out; }
      size -= k;
    }
    if (fd >= 0) { close(fd); fd = -1; }
  }
  if (!ada_db) { snprintf(err, n, "berkas cadangan tidak berisi basis data"); goto out; }
  if (cadangan_baca_akhir(r) != 0) goto rusak;
  rc = 0;
  goto out;
rusak:
  snprintf(err, n, "%s", cadangan_baca_galat(r));
out:
  if (fd >= 0) close(fd);
  free(buf);
  return rc;
}
