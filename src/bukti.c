/* bukti.c: bukti dukung: the encrypted content-addressed store and the rows (see bukti.h). */
#include "bukti.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "aktivitas.h"
#include "satu_baris.h"
#include "util/buf.h"
#include "util/errs.h"
#include "util/log.h"
#include "util/util.h"

static const char MAGIC[] = "KNJBKT1\n";
#define MAGIC_LEN (sizeof MAGIC - 1)
#define HDR_LEN crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define KUNCI_FILE "kunci-bukti"

static void seterr(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void seterr(char *err, size_t n, const char *fmt, ...)
{
  if (!err || !n) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, n, fmt, ap);
  va_end(ap);
}

/* ---- files ---- */

static int mkdir_ada(const char *p)
{
  struct stat st;
  if (mkdir(p, 0700) == 0) return 0;
  if (errno != EEXIST) return -1;
  if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) { errno = ENOTDIR; return -1; }
  return 0;
}

static void fsync_dir(const char *dir)
{
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)fsync(fd);
  close(fd);
}

static int write_all(int fd, const void *p, size_t n)
{
  const unsigned char *c = p;
  while (n > 0) {
    ssize_t w = write(fd, c, n);
    if (w < 0) { if (errno == EINTR) continue; return -1; }
    c += w;
    n -= (size_t)w;
  }
  return 0;
}

/* Reads up to n bytes, stopping early only at end of file.  Bytes read, or -1. */
static ssize_t read_full(int fd, void *p, size_t n)
{
  unsigned char *c = p;
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, c + got, n - got);
    if (r < 0) { if (errno == EINTR) continue; return -1; }
    if (r == 0) break;
    got += (size_t)r;
  }
  return (ssize_t)got;
}

/* The directory part of path into out (path has at least one '/'). */
static void dir_of(const char *path, char *out, size_t n)
{
  const char *s = strrchr(path, '/');
  size_t len = s ? (size_t)(s - path) : 0;
  if (len >= n) len = n - 1;
  memcpy(out, path, len);
  out[len] = 0;
  if (!len) snprintf(out, n, ".");
}

/* ---- the key ---- */

static int kunci_hex(const char *hex, size_t n, unsigned char k[32])
{
  while (n > 0 && (hex[n - 1] == '\n' || hex[n - 1] == '\r' || hex[n - 1] == ' ')) n--;
  if (n != 64) return -1;
  for (size_t i = 0; i < n; i++) {
    char c = hex[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return -1;
  }
  size_t bin = 0;
  if (sodium_hex2bin(k, 32, hex, 64, NULL, &bin, NULL) != 0 || bin != 32) return -1;
  return 0;
}

/* 0 read, 1 absent, -1 error. */
static int kunci_baca(const char *path, unsigned char k[32], char *err, size_t errlen)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ENOENT) return 1;
    seterr(err, errlen, "kunci bukti %s tidak dapat dibuka: %s", path, strerror(errno));
    return -1;
  }
  struct stat st;
  char hex[130];
  int rc = -1;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    seterr(err, errlen, "kunci bukti %s bukan berkas biasa", path);
  } else if (st.st_mode & 077) {
    seterr(err, errlen, "kunci bukti %s dapat dibaca pengguna lain (mode %03o); jalankan chmod 600", path,
           (unsigned)(st.st_mode & 0777));
  } else {
    ssize_t n = read_full(fd, hex, sizeof hex);
    if (n < 0 || kunci_hex(hex, (size_t)n, k) != 0)
      seterr(err, errlen, "kunci bukti %s rusak (harus 64 karakter heksadesimal)", path);
    else
      rc = 0;
  }
  sodium_memzero(hex, sizeof hex);
  close(fd);
  return rc;
}

/* Creates the key file atomically: a temporary file, then link() so that two threads or
 * processes racing on first use end up with the same key (the loser reads the winner's). */
static int kunci_buat(const char *data_dir, const char *path, unsigned char k[32], char *err, size_t errlen)
{
  char tmp[BUKTI_PATH_MAX], rnd[17], hex[66];
  random_hex(rnd, 8);
  if (snprintf(tmp, sizeof tmp, "%s.tmp.%s", path, rnd) >= (int)sizeof tmp) {
    seterr(err, errlen, "alamat data terlalu panjang");
    return -1;
  }
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    seterr(err, errlen, "kunci bukti tidak dapat dibuat di %s: %s", data_dir, strerror(errno));
    return -1;
  }
  randombytes_buf(k, 32);
  sodium_bin2hex(hex, 65, k, 32);
  hex[64] = '\n';
  int ok = write_all(fd, hex, 65) == 0 && fsync(fd) == 0;
  sodium_memzero(hex, sizeof hex);
  if (close(fd) != 0) ok = 0;
  if (!ok) {
    seterr(err, errlen, "kunci bukti tidak dapat ditulis: %s", strerror(errno));
    unlink(tmp);
    return -1;
  }
  int linked = link(tmp, path) == 0;
  int e = errno;
  unlink(tmp);
  if (linked) { fsync_dir(data_dir); return 0; }
  if (e == EEXIST) {
    int rc = kunci_baca(path, k, err, errlen);
    if (rc == 1) seterr(err, errlen, "kunci bukti %s hilang saat dibuat", path);
    return rc == 0 ? 0 : -1;
  }
  seterr(err, errlen, "kunci bukti tidak dapat dipasang: %s", strerror(e));
  return -1;
}

int bukti_gudang_buka(struct bukti_gudang *g, const char *data_dir, const char *env_hex,
                      char *err, size_t errlen)
{
  memset(g, 0, sizeof *g);
  if (sodium_init() < 0) { seterr(err, errlen, "libsodium gagal dimulai"); return -1; }
  g->db = NULL;
  if (!data_dir || !*data_dir) { seterr(err, errlen, "direktori data (--data-dir) kosong"); return -1; }
  if (snprintf(g->dir, sizeof g->dir, "%s/bukti", data_dir) >= (int)sizeof g->dir) {
    seterr(err, errlen, "alamat data terlalu panjang");
    return -1;
  }
  if (mkdir_ada(data_dir) != 0 || mkdir_ada(g->dir) != 0) {
    seterr(err, errlen, "direktori %s tidak dapat dibuat: %s", g->dir, strerror(errno));
    return -1;
  }
  if (env_hex && *env_hex) {
    if (kunci_hex(env_hex, strlen(env_hex), g->kunci) != 0) {
      seterr(err, errlen, "KINERJA_BUKTI_KEY harus 64 karakter heksadesimal (32 byte)");
      return -1;
    }
    return 0;
  }
  char path[BUKTI_PATH_MAX];
  if (snprintf(path, sizeof path, "%s/" KUNCI_FILE, data_dir) >= (int)sizeof path) {
    seterr(err, errlen, "alamat data terlalu panjang");
    return -1;
  }
  int rc = kunci_baca(path, g->kunci, err, errlen);
  if (rc == 1) rc = kunci_buat(data_dir, path, g->kunci, err, errlen);
  if (rc != 0) sodium_memzero(g->kunci, sizeof g->kunci);
  return rc == 0 ? 0 : -1;
}

void bukti_gudang_tutup(struct bukti_gudang *g) { sodium_memzero(g->kunci, sizeof g->kunci); }

int bukti_gudang_dir(struct bukti_gudang *g, const char *data_dir)
{
  memset(g, 0, sizeof *g);
  g->db = NULL;
  int w = snprintf(g->dir, sizeof g->dir, "%s/bukti", data_dir ? data_dir : "");
  return w < 0 || (size_t)w >= sizeof g->dir ? -1 : 0;
}

/* ---- objects ---- */

void bukti_sha256_hex(const void *data, size_t len, char out[65])
{
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, data, len);
  sodium_bin2hex(out, 65, h, sizeof h);
}

static int sha_valid(const char *sha)
{
  if (!sha || strlen(sha) != 64) return 0;
  for (const char *p = sha; *p; p++)
    if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return 0;
  return 1;
}

int bukti_objek_path(const struct bukti_gudang *g, const char *sha, char *out, size_t n)
{
  if (!sha_valid(sha)) return -1;
  int w = snprintf(out, n, "%s/%.2s/%s", g->dir, sha, sha);
  return w < 0 || (size_t)w >= n ? -1 : 0;
}

/* ---- the database store (table bukti_objek, sql/032) ---- */

/* The encrypted object of data in memory, malloc'd (the same bytes as an object file). */
static unsigned char *enkripsi(const struct bukti_gudang *g, const char *sha, const void *data, size_t len, size_t *outlen)
{
  size_t nchunk = len ? (len + BUKTI_CHUNK - 1) / BUKTI_CHUNK : 1;
  size_t total = MAGIC_LEN + HDR_LEN + len + nchunk * ABYTES;
  unsigned char *o = malloc(total);
  if (!o) return NULL;
  crypto_secretstream_xchacha20poly1305_state s;
  memcpy(o, MAGIC, MAGIC_LEN);
  crypto_secretstream_xchacha20poly1305_init_push(&s, o + MAGIC_LEN, g->kunci);
  size_t w = MAGIC_LEN + HDR_LEN, off = 0;
  const unsigned char *m = data;
  do {
    size_t k = len - off > BUKTI_CHUNK ? BUKTI_CHUNK : len - off;
    unsigned char tag = off + k == len ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(&s, o + w, &clen, m + off, k, (const unsigned char *)sha, 64, tag);
    w += (size_t)clen;
    off += k;
  } while (off < len);
  sodium_memzero(&s, sizeof s);
  *outlen = w;
  return o;
}

static int simpan_db(const struct bukti_gudang *g, const char *sha, const void *data, size_t len,
                     bool *baru, char *err, size_t errlen)
{
  struct db_stmt *st = db_prepare(g->db, "SELECT COUNT(*) FROM bukti_objek WHERE sha256 = ?1");
  if (!st) { seterr(err, errlen, "bukti_objek: %s", db_errmsg(g->db)); return -1; }
  db_bind_text(st, 1, sha);
  int s = db_step(st);
  int64_t ada = s == DB_ROW ? db_col_int64(st, 0) : -1;
  db_done(st);
  if (ada < 0) { seterr(err, errlen, "bukti_objek: %s", db_errmsg(g->db)); return -1; }
  if (ada) return 0;   /* dedupe */
  size_t n = 0;
  unsigned char *enc = enkripsi(g, sha, data, len, &n);
  size_t b64len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
  char *b64 = enc ? malloc(b64len) : NULL;
  int rc = -1;
  if (!b64) { seterr(err, errlen, "memori tidak cukup"); goto out; }
  sodium_bin2base64(b64, b64len, enc, n, sodium_base64_VARIANT_ORIGINAL);
  st = db_prepare(g->db, "INSERT INTO bukti_objek (sha256, isi, ukuran, dibuat) VALUES (?1, ?2, ?3, ?4)");
  if (!st) { seterr(err, errlen, "bukti_objek: %s", db_errmsg(g->db)); goto out; }
  db_bind_text(st, 1, sha);
  db_bind_text(st, 2, b64);
  db_bind_int64(st, 3, (int64_t)len);
  db_bind_int64(st, 4, (int64_t)time(NULL));
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) { seterr(err, errlen, "bukti_objek: %s", db_errmsg(g->db)); goto out; }
  *baru = true;
  rc = 0;
out:
  free(enc);
  free(b64);
  return rc;
}

int bukti_objek_db_baca(struct db *db, const char *sha, unsigned char **out, size_t *outlen)
{
  *out = NULL;
  *outlen = 0;
  struct db_stmt *st = db_prepare(db, "SELECT isi FROM bukti_objek WHERE sha256 = ?1");
  if (!st) return -1;
  db_bind_text(st, 1, sha);
  int s = db_step(st), rc = -1;
  if (s == DB_DONE) rc = 1;
  else if (s == DB_ROW) {
    const char *b64 = db_col_text(st, 0);
    size_t n = b64 ? strlen(b64) : 0, bin = 0;
    unsigned char *o = malloc(n / 4 * 3 + 3);
    if (o && sodium_base642bin(o, n / 4 * 3 + 3, b64, n, NULL, &bin, NULL, sodium_base64_VARIANT_ORIGINAL) == 0) {
      *out = o;
      *outlen = bin;
      rc = 0;
    } else {
      free(o);
    }
  }
  db_done(st);
  return rc;
}

/* bukti_objek_muat from the database store: the stream reader does the checks. */
static int muat_db(const struct bukti_gudang *g, const char *sha, size_t maks,
                   unsigned char **out, size_t *outlen, char *err, size_t errlen)
{
  int ada = 0;
  struct bukti_aliran *a = bukti_aliran_buka_ada(g, sha, &ada);
  if (!a) {
    seterr(err, errlen, ada ? "objek %s rusak atau kunci salah" : "objek %s tidak ada", sha);
    return ada ? -1 : 1;
  }
  struct buf b;
  buf_init(&b, maks);
  char tmp[4096];
  ssize_t r;
  int rc = -1;
  while ((r = bukti_aliran_baca(a, tmp, sizeof tmp)) > 0)
    if (buf_append(&b, tmp, (size_t)r) != 0) { seterr(err, errlen, "objek %s melebihi %zu byte", sha, maks); goto done; }
  if (r == -2) { seterr(err, errlen, "objek %s gagal didekripsi (kunci salah atau isi rusak)", sha); goto done; }
  *outlen = b.len;
  *out = b.len ? (unsigned char *)buf_steal(&b) : calloc(1, 1);
  rc = *out ? 0 : -1;
done:
  buf_free(&b);
  bukti_aliran_tutup(a);
  return rc;
}

int bukti_objek_simpan(const struct bukti_gudang *g, const char *sha, const void *data, size_t len,
                       bool *baru, char *err, size_t errlen)
{
  char path[BUKTI_PATH_MAX], dir[BUKTI_PATH_MAX], tmp[BUKTI_PATH_MAX + 32], rnd[17];
  struct stat st;
  *baru = false;
  if (bukti_objek_path(g, sha, path, sizeof path) != 0) { seterr(err, errlen, "sha256 tidak valid"); return -1; }
  if (g->db) return simpan_db(g, sha, data, len, baru, err, errlen);
  if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) return 0;   /* dedupe */
  dir_of(path, dir, sizeof dir);
  if (mkdir_ada(dir) != 0) { seterr(err, errlen, "direktori %s tidak dapat dibuat: %s", dir, strerror(errno)); return -1; }
  random_hex(rnd, 8);
  snprintf(tmp, sizeof tmp, "%s.tmp.%s", path, rnd);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) { seterr(err, errlen, "berkas sementara %s tidak dapat dibuat: %s", tmp, strerror(errno)); return -1; }

  crypto_secretstream_xchacha20poly1305_state s;
  unsigned char hdr[HDR_LEN];
  unsigned char *c = malloc(BUKTI_CHUNK + ABYTES);
  int rc = -1;
  if (!c) { seterr(err, errlen, "memori tidak cukup"); goto fail; }
  crypto_secretstream_xchacha20poly1305_init_push(&s, hdr, g->kunci);
  if (write_all(fd, MAGIC, MAGIC_LEN) != 0 || write_all(fd, hdr, sizeof hdr) != 0) goto io;
  const unsigned char *m = data;
  size_t off = 0;
  do {
    size_t k = len - off > BUKTI_CHUNK ? BUKTI_CHUNK : len - off;
    unsigned char tag = off + k == len ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(&s, c, &clen, m + off, k, (const unsigned char *)sha, 64, tag);
    if (write_all(fd, c, (size_t)clen) != 0) goto io;
    off += k;
  } while (off < len);
  if (fsync(fd) != 0) goto io;
  rc = close(fd);
  fd = -1;
  if (rc != 0) goto io;
  if (rename(tmp, path) != 0) { rc = -1; goto io; }
  fsync_dir(dir);
  *baru = true;
  rc = 0;
  goto done;
io:
  seterr(err, errlen, "berkas %s tidak dapat ditulis: %s", tmp, strerror(errno));
  rc = -1;
fail:
  if (fd >= 0) close(fd);
  unlink(tmp);
done:
  sodium_memzero(&s, sizeof s);
  free(c);
  return rc;
}

int bukti_objek_muat(const struct bukti_gudang *g, const char *sha, size_t maks,
                     unsigned char **out, size_t *outlen, char *err, size_t errlen)
{
  char path[BUKTI_PATH_MAX];
  *out = NULL;
  *outlen = 0;
  if (bukti_objek_path(g, sha, path, sizeof path) != 0) { seterr(err, errlen, "sha256 tidak valid"); return -1; }
  if (g->db) return muat_db(g, sha, maks, out, outlen, err, errlen);
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ENOENT) { seterr(err, errlen, "objek %s tidak ada", path); return 1; }
    seterr(err, errlen, "objek %s tidak dapat dibuka: %s", path, strerror(errno));
    return -1;
  }
  crypto_secretstream_xchacha20poly1305_state s;
  crypto_hash_sha256_state hs;
  unsigned char head[MAGIC_LEN + HDR_LEN], h[crypto_hash_sha256_BYTES];
  char hex[65];
  unsigned char *c = malloc(BUKTI_CHUNK + ABYTES), *m = malloc(BUKTI_CHUNK);
  struct buf b;
  int rc = -1;
  buf_init(&b, maks);
  crypto_hash_sha256_init(&hs);
  if (!c || !m) { seterr(err, errlen, "memori tidak cukup"); goto done; }
  if (read_full(fd, head, sizeof head) != (ssize_t)sizeof head || memcmp(head, MAGIC, MAGIC_LEN) != 0) {
    seterr(err, errlen, "objek %s bukan berkas bukti", path);
    goto done;
  }
  if (crypto_secretstream_xchacha20poly1305_init_pull(&s, head + MAGIC_LEN, g->kunci) != 0) {
    seterr(err, errlen, "objek %s: kepala enkripsi rusak", path);
    goto done;
  }
  for (;;) {
    ssize_t r = read_full(fd, c, BUKTI_CHUNK + ABYTES);
    if (r < 0) { seterr(err, errlen, "objek %s tidak dapat dibaca: %s", path, strerror(errno)); goto done; }
    if ((size_t)r < ABYTES) { seterr(err, errlen, "objek %s terpotong", path); goto done; }
    unsigned long long mlen = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&s, m, &mlen, &tag, c, (unsigned long long)r,
                                                   (const unsigned char *)sha, 64) != 0) {
      seterr(err, errlen, "objek %s gagal didekripsi (kunci salah atau berkas rusak)", path);
      goto done;
    }
    if (buf_append(&b, m, (size_t)mlen) != 0) { seterr(err, errlen, "objek %s melebihi %zu byte", path, maks); goto done; }
    crypto_hash_sha256_update(&hs, m, (size_t)mlen);
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      if (read_full(fd, c, 1) != 0) { seterr(err, errlen, "objek %s berisi data setelah akhir", path); goto done; }
      break;
    }
    if ((size_t)r < BUKTI_CHUNK + ABYTES) { seterr(err, errlen, "objek %s terpotong", path); goto done; }
  }
  crypto_hash_sha256_final(&hs, h);
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  if (strcmp(hex, sha) != 0) { seterr(err, errlen, "objek %s: SHA-256 isi tidak cocok", path); goto done; }
  *outlen = b.len;
  *out = b.len ? (unsigned char *)buf_steal(&b) : calloc(1, 1);
  rc = *out ? 0 : -1;
done:
  sodium_memzero(&s, sizeof s);
  if (m) sodium_memzero(m, BUKTI_CHUNK);
  free(c);
  free(m);
  buf_free(&b);
  close(fd);
  return rc;
}

/* ---- names, links, sizes (pure) ---- */

/* Decodes one UTF-8 sequence at s (NUL-terminated); *cp receives it, or 0xFFFD when invalid
 * (one byte consumed).  Returns bytes consumed (0 at the NUL). */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
  unsigned c = s[0];
  if (!c) return 0;
  if (c < 0x80) { *cp = c; return 1; }
  int n;
  uint32_t v;
  if ((c & 0xe0) == 0xc0) { n = 1; v = c & 0x1f; }
  else if ((c & 0xf0) == 0xe0) { n = 2; v = c & 0x0f; }
  else if ((c & 0xf8) == 0xf0) { n = 3; v = c & 0x07; }
  else { *cp = 0xfffd; return 1; }
  for (int i = 1; i <= n; i++) {
    if ((s[i] & 0xc0) != 0x80) { *cp = 0xfffd; return 1; }
    v = v << 6 | (s[i] & 0x3f);
  }
  static const uint32_t minv[] = {0, 0x80, 0x800, 0x10000};
  if (v < minv[n] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) { *cp = 0xfffd; return 1; }
  *cp = v;
  return (size_t)n + 1;
}

static size_t utf8_put(uint32_t cp, char *out)
{
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) { out[0] = (char)(0xc0 | cp >> 6); out[1] = (char)(0x80 | (cp & 0x3f)); return 2; }
  if (cp < 0x10000) {
    out[0] = (char)(0xe0 | cp >> 12); out[1] = (char)(0x80 | ((cp >> 6) & 0x3f)); out[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
  }
  out[0] = (char)(0xf0 | cp >> 18); out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); out[3] = (char)(0x80 | (cp & 0x3f));
  return 4;
}

/* Characters left out of a name: controls (C0, DEL, C1), zero-width and bidi controls (which
 * can make "rpt.exe" display as "exe.tpr"), line/paragraph separators, BOM. */
static int drop_cp(uint32_t cp)
{
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x200b && cp <= 0x200f) ||
         (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff;
}

#define NAMA_IN_MAX 1024   /* characters of the client's name looked at */

static void trim_cps(const uint32_t *cp, size_t *a, size_t *z)
{
  while (*a < *z && (cp[*a] == '.' || cp[*a] == ' ')) (*a)++;
  while (*z > *a && (cp[*z - 1] == '.' || cp[*z - 1] == ' ')) (*z)--;
}

void bukti_nama_bersih(const char *in, enum sniff_jenis jenis, char *out, size_t n)
{
  uint32_t cp[NAMA_IN_MAX];
  size_t k = 0;
  const char *s = in ? in : "";
  for (const char *p = s; *p; p++) if (*p == '/' || *p == '\\') s = p + 1;   /* last component */
  const unsigned char *u = (const unsigned char *)s;
  uint32_t c;
  size_t used;
  while (k < NAMA_IN_MAX && (used = utf8_next(u, &c)) > 0) {
    u += used;
    if (drop_cp(c)) continue;
    if (c == 0xfffd) c = '_';
    else if (c == '"') c = '\'';
    else if (c == ':' || c == '*' || c == '?' || c == '<' || c == '>' || c == '|') c = '_';
    if (c == '.' && k > 0 && cp[k - 1] == '.') continue;   /* ".." never survives */
    cp[k++] = c;
  }
  size_t a = 0, z = k;
  trim_cps(cp, &a, &z);
  /* the extension the client wrote, when it looks like one: 1-5 ASCII letters/digits, a letter */
  const char *ext = sniff_ext(jenis);
  char ext_in[8] = "";
  size_t dot = z;
  for (size_t i = z; i > a + 1; i--) if (cp[i - 1] == '.') { dot = i - 1; break; }
  if (dot < z) {
    size_t el = z - dot - 1;
    int letter = 0, okx = el >= 1 && el <= 5;
    for (size_t i = dot + 1; okx && i < z; i++) {
      uint32_t x = cp[i];
      if ((x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z')) letter = 1;
      else if (!(x >= '0' && x <= '9')) okx = 0;
    }
    if (okx && letter) {
      for (size_t i = 0; i < el; i++) {
        uint32_t x = cp[dot + 1 + i];
        ext_in[i] = (char)(x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x);
      }
      ext_in[el] = 0;
      if (ext && sniff_ext_cocok(jenis, ext_in, el)) ext = ext_in;   /* "JPEG" -> "jpeg" */
      z = dot;                                                        /* else replaced */
      trim_cps(cp, &a, &z);
    }
  }
  size_t room = BUKTI_NAMA_MAKS - (ext ? strlen(ext) + 1 : 0);
  if (z - a > room) { z = a + room; trim_cps(cp, &a, &z); }
  size_t o = 0;
  if (n < BUKTI_NAMA_BUF) { if (n) out[0] = 0; return; }
  if (z == a) o = (size_t)snprintf(out, n, "berkas");
  for (size_t i = a; i < z; i++) o += utf8_put(cp[i], out + o);
  if (ext) o += (size_t)snprintf(out + o, n - o, ".%s", ext);
  out[o] = 0;
}

const char *bukti_url_periksa(const char *url)
{
  if (!url || !*url) return "wajib diisi";
  size_t n = strlen(url);
  if (n > BUKTI_URL_MAKS) return "maksimal 2000 karakter";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)url[i];
    if (c <= 0x20 || c >= 0x7f)
      return "hanya karakter URL yang diizinkan (tanpa spasi; karakter lain ditulis sebagai %XX)";
  }
  size_t skip;
  if (n >= 7 && strncasecmp(url, "http://", 7) == 0) skip = 7;
  else if (n >= 8 && strncasecmp(url, "https://", 8) == 0) skip = 8;
  else return "hanya tautan http:// atau https:// yang diizinkan";
  const char *h = url + skip;
  size_t alen = strcspn(h, "/?#");
  if (alen == 0) return "tautan harus menyebut nama situs (host)";
  if (memchr(h, '@', alen)) return "tautan tidak boleh memuat nama pengguna atau kata sandi (@)";
  size_t hlen = alen;
  if (h[0] == '[') {                              /* IPv6 literal */
    const char *r = memchr(h, ']', alen);
    if (!r) return "alamat IPv6 pada tautan tidak lengkap";
    hlen = (size_t)(r - h) + 1;
    for (size_t i = 1; i + 1 < hlen; i++)
      if (!(strchr("0123456789abcdefABCDEF:.", h[i]))) return "alamat IPv6 pada tautan tidak valid";
  } else {
    const char *colon = memchr(h, ':', alen);
    if (colon) hlen = (size_t)(colon - h);
    if (hlen == 0) return "tautan harus menyebut nama situs (host)";
    for (size_t i = 0; i < hlen; i++) {
      char c = h[i];
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '%'))
        return "nama situs pada tautan tidak valid";
    }
  }
  if (hlen < alen) {                              /* :port */
    if (h[hlen] != ':' || hlen + 1 == alen || alen - hlen - 1 > 5) return "port pada tautan tidak valid";
    for (size_t i = hlen + 1; i < alen; i++) if (h[i] < '0' || h[i] > '9') return "port pada tautan tidak valid";
  }
  return NULL;
}

void bukti_format_ukuran(int64_t bytes, char *out, size_t n)
{
  static const struct { int64_t unit; const char *nama; } U[] = {
    {1073741824LL, "GB"}, {1048576LL, "MB"}, {1024LL, "KB"}};
  for (size_t i = 0; i < sizeof U / sizeof U[0]; i++) {
    if (bytes < U[i].unit) continue;
    int64_t tenths = (bytes * 10 + U[i].unit / 2) / U[i].unit;
    if (tenths % 10) snprintf(out, n, "%lld,%lld %s", (long long)(tenths / 10), (long long)(tenths % 10), U[i].nama);
    else snprintf(out, n, "%lld %s", (long long)(tenths / 10), U[i].nama);
    return;
  }
  snprintf(out, n, "%lld byte", (long long)bytes);
}

/* ---- rows ---- */

#define COLS "b.id, b.instansi_id, b.pegawai_id, b.jenis, b.sha256, b.nama, b.mime, b.ukuran, b.url," \
             " b.aktivitas_id, b.realisasi_id, b.dibuat, b.inovasi_id"

static json_t *opt_text(struct db_stmt *st, int col)
{
  return db_col_is_null(st, col) ? json_null() : json_string(db_col_text(st, col));
}

static json_t *opt_id(struct db_stmt *st, int col)
{
  return db_col_is_null(st, col) ? json_null() : json_integer(db_col_int64(st, col));
}

static json_t *row_json(struct db_stmt *st)
{
  int64_t id = db_col_int64(st, 0);
  int berkas = strcmp(db_col_text(st, 3), "berkas") == 0;
  char unduh[64];
  snprintf(unduh, sizeof unduh, "/api/v1/bukti/%lld/unduh", (long long)id);
  return json_pack("{s:I,s:I,s:I,s:s,s:o,s:s,s:o,s:I,s:o,s:o,s:o,s:o,s:I,s:o}",
                   "id", (json_int_t)id, "instansi_id", (json_int_t)db_col_int64(st, 1),
                   "pegawai_id", (json_int_t)db_col_int64(st, 2), "jenis", db_col_text(st, 3),
                   "sha256", opt_text(st, 4), "nama", db_col_text(st, 5), "mime", opt_text(st, 6),
                   "ukuran", (json_int_t)db_col_int64(st, 7), "url", opt_text(st, 8),
                   "aktivitas_id", opt_id(st, 9), "realisasi_id", opt_id(st, 10), "inovasi_id", opt_id(st, 12),
                   "dibuat", (json_int_t)db_col_int64(st, 11),
                   "unduh", berkas ? json_string(unduh) : json_null());
}

json_t *bukti_json(struct db *db, int64_t id)
{
  return satu_baris_json(db, "SELECT " COLS " FROM bukti b WHERE b.id = ?1 AND b.dihapus = 0", id, row_json);
}

int bukti_load(struct db *db, int64_t id, struct bukti_info *out)
{
  memset(out, 0, sizeof *out);
  struct db_stmt *st = db_prepare(db,
    "SELECT id, instansi_id, pegawai_id, jenis, sha256, mime, ukuran, nama"
    "  FROM bukti"
    " WHERE id = ?1 AND dihapus = 0");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) {
    out->id = db_col_int64(st, 0);
    out->instansi_id = db_col_int64(st, 1);
    out->pegawai_id = db_col_int64(st, 2);
    out->berkas = strcmp(db_col_text(st, 3), "berkas") == 0;
    if (!db_col_is_null(st, 4)) str_copy(out->sha256, sizeof out->sha256, db_col_text(st, 4));
    if (!db_col_is_null(st, 5)) str_copy(out->mime, sizeof out->mime, db_col_text(st, 5));
    out->ukuran = db_col_int64(st, 6);
    str_copy(out->nama, sizeof out->nama, db_col_text(st, 7));
  }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

int bukti_pemilik_aktivitas(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id)
{
  return satu_baris_pemilik(db, "SELECT pegawai_id, instansi_id FROM aktivitas WHERE id = ?1 AND dihapus = 0",
                            id, pegawai_id, instansi_id);
}

int bukti_pemilik_realisasi(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id)
{
  return satu_baris_pemilik(db,
    "SELECT s.pegawai_id, s.instansi_id"
    "  FROM realisasi r"
    "  JOIN skp s ON s.id = r.skp_id"
    " WHERE r.id = ?1", id, pegawai_id, instansi_id);
}

int bukti_pemilik_inovasi(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id)
{
  return satu_baris_pemilik(db, "SELECT pegawai_id, instansi_id FROM inovasi WHERE id = ?1", id, pegawai_id, instansi_id);
}

int64_t bukti_terpakai(struct db *db, int64_t pegawai_id)
{
  int64_t v = 0;
  int rc = db_query_int64(db, "SELECT COALESCE(SUM(ukuran), 0) FROM bukti WHERE pegawai_id = ?1 AND dihapus = 0",
                          1, pegawai_id, &v);
  return rc == DB_ROW ? v : -1;
}

json_t *bukti_list(struct db *db, const struct bukti_query *q)
{
  const char *sql;
  int64_t key;
  if (q->aktivitas_id) {
    key = q->aktivitas_id;
    sql = "SELECT " COLS " FROM bukti b WHERE b.aktivitas_id = ?1 AND b.dihapus = 0 AND b.id > ?2 ORDER BY b.id LIMIT ?3";
  } else if (q->realisasi_id) {
    key = q->realisasi_id;
    sql = "SELECT " COLS " FROM bukti b WHERE b.realisasi_id = ?1 AND b.dihapus = 0 AND b.id > ?2 ORDER BY b.id LIMIT ?3";
  } else if (q->inovasi_id) {
    key = q->inovasi_id;
    sql = "SELECT " COLS " FROM bukti b WHERE b.inovasi_id = ?1 AND b.dihapus = 0 AND b.id > ?2 ORDER BY b.id LIMIT ?3";
  } else {
    key = q->pegawai_id;
    sql = "SELECT " COLS " FROM bukti b WHERE b.pegawai_id = ?1 AND b.dihapus = 0 AND b.id > ?2 ORDER BY b.id LIMIT ?3";
  }
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return NULL;
  db_bind_int64(st, 1, key);
  db_bind_int64(st, 2, q->cursor);
  db_bind_int64(st, 3, q->limit + 1);
  json_t *items = json_array();
  int s, n = 0;
  int64_t last = 0;
  bool more = false;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == q->limit) { more = true; break; }
    last = db_col_int64(st, 0);
    json_array_append_new(items, row_json(st));
    n++;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) { json_decref(items); return NULL; }
  char c[24];
  snprintf(c, sizeof c, "%lld", (long long)last);
  return json_pack("{s:o,s:i,s:o}", "items", items, "limit", q->limit, "next_cursor", more ? json_string(c) : json_null());
}

/* ---- writes ---- */

/* The uploader's instansi, and the aktivitas/realisasi they attach to must be theirs. */
static int periksa_lampiran(struct db *db, const struct bukti_baru *b, int64_t *instansi_id, json_t **errs,
                            int *http, const char **pesan)
{
  int rc = db_query_int64(db, "SELECT instansi_id FROM pegawai WHERE id = ?1", 1, b->pegawai_id, instansi_id);
  if (rc == DB_DONE) { *http = 403; *pesan = "akun ini tidak terhubung dengan pegawai yang ada"; return 3; }
  if (rc != DB_ROW) return -1;
  if ((b->aktivitas_id != 0) + (b->realisasi_id != 0) + (b->inovasi_id != 0) > 1) {
    errs_add(errs, "realisasi_id", "pilih salah satu: aktivitas_id, realisasi_id atau inovasi_id");
    *http = 422;
    return 1;
  }
  int64_t owner = 0, inst = 0;
  if (b->aktivitas_id || b->realisasi_id || b->inovasi_id) {
    const char *field = b->aktivitas_id ? "aktivitas_id" : b->realisasi_id ? "realisasi_id" : "inovasi_id";
    rc = b->aktivitas_id ? bukti_pemilik_aktivitas(db, b->aktivitas_id, &owner, &inst)
       : b->realisasi_id ? bukti_pemilik_realisasi(db, b->realisasi_id, &owner, &inst)
                         : bukti_pemilik_inovasi(db, b->inovasi_id, &owner, &inst);
    if (rc < 0) return -1;
    if (rc == 1) {
      errs_add(errs, field, b->aktivitas_id ? "aktivitas tidak ditemukan"
                            : b->realisasi_id ? "realisasi tidak ditemukan" : "inovasi tidak ditemukan");
      *http = 422;
      return 1;
    }
    if (owner != b->pegawai_id) {
      *http = 403;
      *pesan = b->aktivitas_id ? "Bukti dukung hanya dapat dilampirkan pada aktivitas milik Anda sendiri."
             : b->realisasi_id ? "Bukti dukung hanya dapat dilampirkan pada realisasi SKP milik Anda sendiri."
                               : "Bukti dukung hanya dapat dilampirkan pada inovasi milik Anda sendiri.";
      return 3;
    }
  }
  return 0;
}

static int insert_row(struct db *db, int64_t instansi_id, const struct bukti_baru *b, const char *jenis,
                      const char *sha, const char *nama, const char *mime, int64_t ukuran, const char *url,
                      const struct audit_actor *who, int64_t *out_id)
{
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO bukti (instansi_id, pegawai_id, jenis, sha256, nama, mime, ukuran, url,"
    "                   aktivitas_id, realisasi_id, dibuat, dihapus, inovasi_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, b->pegawai_id);
  db_bind_text(st, 3, jenis);
  db_bind_text(st, 4, sha);
  db_bind_text(st, 5, nama);
  db_bind_text(st, 6, mime);
  db_bind_int64(st, 7, ukuran);
  db_bind_text(st, 8, url);
  db_bind_id(st, 9, b->aktivitas_id);
  db_bind_id(st, 10, b->realisasi_id);
  db_bind_int64(st, 11, now_unix());
  db_bind_id(st, 12, b->inovasi_id);
  int s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  json_t *after = bukti_json(db, *out_id);   /* metadata only: never the content */
  int rc = after ? audit_append(db, who, instansi_id, "bukti.create", "bukti", *out_id, NULL, after) : -1;
  json_decref(after);
  return rc;
}

int bukti_berkas_create(struct db *db, const struct bukti_gudang *g, const struct bukti_baru *b,
                        const struct audit_actor *who, json_t **errs, int *http, const char **pesan,
                        int64_t *out_id)
{
  char a[32], m[32], t[32];
  if (b->len == 0) {
    errs_add(errs, "berkas", "berkas kosong; kirim isi berkas sebagai badan permintaan");
    *http = 422;
    return 1;
  }
  struct sniff_hasil j = sniff(b->data, b->len);
  if (j.jenis == SNIFF_TOLAK) {
    errs_addf(errs, "berkas", "%s", j.alasan);
    *http = 415;
    return 1;
  }
  int64_t inst = 0;
  int rc = periksa_lampiran(db, b, &inst, errs, http, pesan);
  if (rc != 0) return rc;
  struct pengaturan set;
  if (pengaturan_load(db, inst, &set) != 0) return -1;
  if ((int64_t)b->len > set.bukti_maks_bytes) {
    bukti_format_ukuran((int64_t)b->len, a, sizeof a);
    bukti_format_ukuran(set.bukti_maks_bytes, m, sizeof m);
    errs_addf(errs, "berkas", "ukuran berkas %s melebihi batas %s per berkas", a, m);
    *http = 413;
    return 1;
  }
  int64_t terpakai = bukti_terpakai(db, b->pegawai_id);
  if (terpakai < 0) return -1;
  if (terpakai + (int64_t)b->len > set.bukti_kuota_bytes) {
    bukti_format_ukuran(terpakai, t, sizeof t);
    bukti_format_ukuran(set.bukti_kuota_bytes, m, sizeof m);
    bukti_format_ukuran((int64_t)b->len, a, sizeof a);
    errs_addf(errs, "berkas", "kuota bukti dukung tidak cukup: terpakai %s dari %s, berkas ini %s; "
              "hapus bukti yang tidak diperlukan atau hubungi admin instansi", t, m, a);
    *http = 422;
    return 1;
  }
  char sha[65], nama[BUKTI_NAMA_BUF], err[300];
  bukti_sha256_hex(b->data, b->len, sha);
  bukti_nama_bersih(b->nama, j.jenis, nama, sizeof nama);
  bool baru = false;
  if (bukti_objek_simpan(g, sha, b->data, b->len, &baru, err, sizeof err) != 0) {
    log_msg(LOG_ERROR, "bukti: %s", err);
    return -2;
  }
  rc = insert_row(db, inst, b, "berkas", sha, nama, j.mime, (int64_t)b->len, NULL, who, out_id);
  if (rc != 0 && baru && !g->db) {
    /* nothing refers to the new object (the write lock is held): take it back */
    char path[BUKTI_PATH_MAX];
    if (bukti_objek_path(g, sha, path, sizeof path) == 0) unlink(path);
  }
  return rc;
}

int bukti_tautan_create(struct db *db, const struct bukti_baru *b, const struct audit_actor *who,
                        json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  const char *why = bukti_url_periksa(b->url);
  if (why) errs_add(errs, "url", why);
  if (!b->nama || !*b->nama) errs_add(errs, "nama", "wajib diisi");
  else if (!text_clean(b->nama, false)) errs_add(errs, "nama", "berisi karakter yang tidak diizinkan");
  if (errs_any(*errs)) { *http = 422; return 1; }
  int64_t inst = 0;
  int rc = periksa_lampiran(db, b, &inst, errs, http, pesan);
  if (rc != 0) return rc;
  return insert_row(db, inst, b, "tautan", NULL, b->nama, NULL, 0, b->url, who, out_id);
}

int bukti_delete(struct db *db, const struct bukti_gudang *g, int64_t id, int64_t pegawai_id,
                 const struct audit_actor *who, int *http, const char **pesan, struct bukti_buang *buang)
{
  memset(buang, 0, sizeof *buang);
  struct bukti_info info;
  int rc = bukti_load(db, id, &info);
  if (rc != 0) return rc < 0 ? -1 : 2;
  if (info.pegawai_id != pegawai_id) {
    *http = 403;
    *pesan = "Hanya pegawai pemilik yang dapat menghapus bukti dukung ini.";
    return 3;
  }
  json_t *before = bukti_json(db, id);
  if (!before) return -1;
  struct db_stmt *st = db_prepare(db, "UPDATE bukti SET dihapus = 1 WHERE id = ?1 AND dihapus = 0");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  db_done(st);
  rc = s == DB_DONE ? audit_append(db, who, info.instansi_id, "bukti.delete", "bukti", id, before, NULL) : -1;
  json_decref(before);
  if (rc != 0 || !info.berkas || !info.sha256[0]) return rc;
  /* the object goes when no other non-deleted row shares the content */
  st = db_prepare(db, "SELECT COUNT(*) FROM bukti WHERE sha256 = ?1 AND dihapus = 0");
  if (!st) return -1;
  db_bind_text(st, 1, info.sha256);
  s = db_step(st);
  int64_t others = s == DB_ROW ? db_col_int64(st, 0) : -1;
  db_done(st);
  if (others < 0) return -1;
  if (others > 0) return 0;
  if (g->db) {   /* the database store: in this transaction; a legacy file below goes too */
    st = db_prepare(db, "DELETE FROM bukti_objek WHERE sha256 = ?1");
    if (!st) return -1;
    db_bind_text(st, 1, info.sha256);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  char rnd[17];
  if (bukti_objek_path(g, info.sha256, buang->asli, sizeof buang->asli) != 0) return 0;
  random_hex(rnd, 8);
  if (snprintf(buang->sampah, sizeof buang->sampah, "%s.hapus.%s", buang->asli, rnd) >= (int)sizeof buang->sampah) return 0;
  if (rename(buang->asli, buang->sampah) == 0) buang->ada = true;
  else if (errno != ENOENT) log_msg(LOG_WARN, "bukti: objek %s tidak dapat disisihkan: %s", buang->asli, strerror(errno));
  return 0;
}

void bukti_buang_selesai(struct bukti_buang *buang, bool committed)
{
  if (!buang->ada) return;
  if (committed) {
    if (unlink(buang->sampah) != 0) log_msg(LOG_WARN, "bukti: %s tidak dapat dihapus: %s", buang->sampah, strerror(errno));
  } else if (rename(buang->sampah, buang->asli) != 0) {
    log_msg(LOG_ERROR, "bukti: objek %s tidak dapat dikembalikan dari %s: %s", buang->asli, buang->sampah, strerror(errno));
  }
  buang->ada = false;
}
