/* bukti_aliran.c: an evidence object decrypted as a stream (see bukti.h): the download sends
 * each 64 KiB chunk as soon as libsodium's secretstream has authenticated it, so memory does not
 * grow with the file.  The SHA-256 of the whole plaintext is checked at the end; a mismatch (or a
 * chunk that fails to authenticate) ends the response with an error, so the client never gets a
 * complete-looking file that is wrong. */
#include "bukti.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/log.h"

static const char MAGIC[] = "KNJBKT1\n";
#define MAGIC_LEN (sizeof MAGIC - 1)
#define HDR_LEN crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES

struct bukti_aliran {
  int fd;                      /* the object file, or -1 with mem: the database store's bytes */
  unsigned char *mem;
  size_t memlen, mempos;
  crypto_secretstream_xchacha20poly1305_state s;
  crypto_hash_sha256_state hs;
  char sha[65];
  unsigned char c[BUKTI_CHUNK + ABYTES], m[BUKTI_CHUNK];
  size_t mlen, mpos;           /* decrypted bytes waiting to be sent */
  bool akhir, rusak;
};

static ssize_t baca_penuh(int fd, void *p, size_t n)
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

/* Reads up to n bytes of the object (file or memory); as baca_penuh. */
static ssize_t baca(struct bukti_aliran *a, void *p, size_t n)
{
  if (a->fd >= 0) return baca_penuh(a->fd, p, n);
  size_t k = a->memlen - a->mempos < n ? a->memlen - a->mempos : n;
  memcpy(p, a->mem + a->mempos, k);
  a->mempos += k;
  return (ssize_t)k;
}

struct bukti_aliran *bukti_aliran_buka(const struct bukti_gudang *g, const char *sha)
{
  int ada = 0;
  return bukti_aliran_buka_ada(g, sha, &ada);
}

struct bukti_aliran *bukti_aliran_buka_ada(const struct bukti_gudang *g, const char *sha, int *ada)
{
  char path[BUKTI_PATH_MAX];
  *ada = 0;
  if (bukti_objek_path(g, sha, path, sizeof path) != 0) return NULL;
  struct bukti_aliran *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  a->fd = -1;
  /* the database store first; an object it lacks may be a file from before the switch */
  int r = g->db ? bukti_objek_db_baca(g->db, sha, &a->mem, &a->memlen) : 1;
  if (r < 0) { bukti_aliran_tutup(a); return NULL; }
  if (r == 1) a->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (a->fd >= 0 || a->mem) *ada = 1;
  unsigned char head[MAGIC_LEN + HDR_LEN];
  if (!*ada || baca(a, head, sizeof head) != (ssize_t)sizeof head || memcmp(head, MAGIC, MAGIC_LEN) != 0 ||
      crypto_secretstream_xchacha20poly1305_init_pull(&a->s, head + MAGIC_LEN, g->kunci) != 0) {
    bukti_aliran_tutup(a);
    return NULL;
  }
  memcpy(a->sha, sha, 64);
  a->sha[64] = '\0';
  crypto_hash_sha256_init(&a->hs);
  return a;
}

/* Decrypts the next chunk into a->m.  0 ok, 1 the end was reached before, -1 broken. */
static int berikut(struct bukti_aliran *a)
{
  if (a->akhir) return 1;
  ssize_t r = baca(a, a->c, sizeof a->c);
  if (r < (ssize_t)ABYTES) return -1;
  unsigned long long mlen = 0;
  unsigned char tag = 0;
  if (crypto_secretstream_xchacha20poly1305_pull(&a->s, a->m, &mlen, &tag, a->c, (unsigned long long)r,
                                                 (const unsigned char *)a->sha, 64) != 0)
    return -1;
  crypto_hash_sha256_update(&a->hs, a->m, (size_t)mlen);
  a->mlen = (size_t)mlen;
  a->mpos = 0;
  if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
    unsigned char extra;
    if (baca(a, &extra, 1) != 0) return -1;
    unsigned char h[crypto_hash_sha256_BYTES];
    char hex[65];
    crypto_hash_sha256_final(&a->hs, h);
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    if (strcmp(hex, a->sha) != 0) return -1;
    a->akhir = true;
  } else if ((size_t)r < sizeof a->c) {
    return -1;   /* a short chunk that is not the last: truncated */
  }
  return 0;
}

ssize_t bukti_aliran_baca(struct bukti_aliran *a, char *out, size_t max)
{
  if (a->rusak) return -2;
  while (a->mpos == a->mlen) {
    int r = berikut(a);
    if (r == 1) return -1;
    if (r < 0) {
      a->rusak = true;
      log_msg(LOG_ERROR, "bukti %.16s...: berkas rusak atau kunci salah saat diunduh", a->sha);
      return -2;
    }
  }
  size_t n = a->mlen - a->mpos < max ? a->mlen - a->mpos : max;
  memcpy(out, a->m + a->mpos, n);
  a->mpos += n;
  return (ssize_t)n;
}

void bukti_aliran_tutup(struct bukti_aliran *a)
{
  if (!a) return;
  if (a->fd >= 0) close(a->fd);
  free(a->mem);
  sodium_memzero(a, sizeof *a);
  free(a);
}
