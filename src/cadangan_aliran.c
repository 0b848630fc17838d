/* cadangan_aliran.c: the chunked backup stream, encrypted (secretstream) or hashed (BLAKE2b);
 * the format is described in cadangan.h.  Memory use is two chunks, whatever the file size. */
#include "cadangan.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char MAGIC[8] = {'K', 'N', 'J', 'C', 'D', 'G', '1', '\n'};
#define HDR 16
#define SS_HDR crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define TAG_FINAL crypto_secretstream_xchacha20poly1305_TAG_FINAL
#define HASH 32
#define BODY_MAX (CADANGAN_CHUNK + ABYTES + 1)

static int tulis_semua(int fd, const void *p, size_t n)
{
  const unsigned char *c = p;
  while (n) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    c += w;
    n -= (size_t)w;
  }
  return 0;
}

/* Reads up to n bytes; returns how many (less only at end of file), or -1. */
static ssize_t baca_penuh(int fd, void *p, size_t n)
{
  unsigned char *c = p;
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, c + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) break;
    got += (size_t)r;
  }
  return (ssize_t)got;
}

/* Frees a reader or writer after wiping it: it holds the stream state and plain text. */
static void hapus(void *p, size_t n)
{
  sodium_memzero(p, n);
  free(p);
}

static void le32(unsigned char *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i)); }

/* ---- writer ---- */

struct cadangan_tulis {
  int fd;
  bool sandi;
  unsigned char hdr[HDR];
  crypto_secretstream_xchacha20poly1305_state ss;
  crypto_generichash_state h;
  unsigned char plain[CADANGAN_CHUNK];
  size_t isi;
  unsigned char body[4 + BODY_MAX];
};

struct cadangan_tulis *cadangan_tulis_buka(int fd, const unsigned char *kunci, char *err, size_t n)
{
  struct cadangan_tulis *w = calloc(1, sizeof *w);
  if (!w) { snprintf(err, n, "memori tidak cukup"); return NULL; }
  w->fd = fd;
  w->sandi = kunci != NULL;
  memcpy(w->hdr, MAGIC, sizeof MAGIC);
  w->hdr[8] = 1;
  w->hdr[9] = w->sandi ? 1 : 0;
  unsigned char ssh[SS_HDR];
  int rc = tulis_semua(fd, w->hdr, HDR);
  if (w->sandi) {
    crypto_secretstream_xchacha20poly1305_init_push(&w->ss, ssh, kunci);
    if (rc == 0) rc = tulis_semua(fd, ssh, sizeof ssh);
  } else {
    crypto_generichash_init(&w->h, NULL, 0, HASH);
    crypto_generichash_update(&w->h, w->hdr, HDR);
  }
  if (rc != 0) {
    snprintf(err, n, "berkas cadangan tidak dapat ditulis: %s", strerror(errno));
    hapus(w, sizeof *w);
    return NULL;
  }
  return w;
}

/* Writes the buffered plain bytes as one chunk (tagged final when fin). */
static int siram(struct cadangan_tulis *w, bool fin)
{
  size_t len;
  if (w->sandi) {
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(&w->ss, w->body + 4, &clen, w->plain, w->isi, w->hdr, HDR,
                                               fin ? TAG_FINAL : 0);
    len = (size_t)clen;
  } else {
    w->body[4] = fin ? TAG_FINAL : 0;
    memcpy(w->body + 5, w->plain, w->isi);
    len = w->isi + 1;
  }
  le32(w->body, (uint32_t)len);
  w->isi = 0;
  return tulis_semua(w->fd, w->body, 4 + len);
}

int cadangan_tulis(struct cadangan_tulis *w, const void *p, size_t len)
{
  const unsigned char *c = p;
  if (!w->sandi) crypto_generichash_update(&w->h, c, len);
  while (len) {
    size_t k = CADANGAN_CHUNK - w->isi;
    if (k > len) k = len;
    memcpy(w->plain + w->isi, c, k);
    w->isi += k;
    c += k;
    len -= k;
    if (w->isi == CADANGAN_CHUNK && siram(w, false) != 0) return -1;
  }
  return 0;
}

int cadangan_tulis_tutup(struct cadangan_tulis *w, char *err, size_t n)
{
  int rc = 0;
  if (!w->sandi) {
    /* the hash goes into the final chunk; flush first when it would not fit */
    if (w->isi + HASH > CADANGAN_CHUNK) rc = siram(w, false);
    unsigned char h[HASH];
    crypto_generichash_final(&w->h, h, HASH);
    memcpy(w->plain + w->isi, h, HASH);
    w->isi += HASH;
  }
  if (rc == 0) rc = siram(w, true);
  if (rc == 0) rc = fsync(w->fd);
  if (rc != 0) snprintf(err, n, "berkas cadangan tidak dapat ditulis: %s", strerror(errno));
  hapus(w, sizeof *w);
  return rc;
}

void cadangan_tulis_batal(struct cadangan_tulis *w)
{
  if (w) hapus(w, sizeof *w);
}

/* ---- reader ---- */

struct cadangan_baca {
  int fd;
  bool sandi, final;
  unsigned char hdr[HDR];
  crypto_secretstream_xchacha20poly1305_state ss;
  crypto_generichash_state h;
  unsigned char plain[CADANGAN_CHUNK + HASH];
  size_t isi, pos;
  unsigned char body[BODY_MAX];
  char galat[256];
};

struct cadangan_baca *cadangan_baca_buka(int fd, const unsigned char *kunci, bool *terenkripsi,
                                         char *err, size_t n)
{
  struct cadangan_baca *r = calloc(1, sizeof *r);
  if (!r) { snprintf(err, n, "memori tidak cukup"); return NULL; }
  r->fd = fd;
  unsigned char ssh[SS_HDR];
  if (baca_penuh(fd, r->hdr, HDR) != HDR || memcmp(r->hdr, MAGIC, sizeof MAGIC) != 0) {
    snprintf(err, n, "bukan berkas cadangan kinerja");
    goto fail;
  }
  if (r->hdr[8] != 1 || r->hdr[9] > 1) {
    snprintf(err, n, "versi berkas cadangan %u tidak dikenal", r->hdr[8]);
    goto fail;
  }
  for (int i = 10; i < HDR; i++)
    if (r->hdr[i]) { snprintf(err, n, "kepala berkas cadangan rusak"); goto fail; }
  r->sandi = r->hdr[9] == 1;
  if (terenkripsi) *terenkripsi = r->sandi;
  if (r->sandi) {
    if (!kunci) { snprintf(err, n, "cadangan ini terenkripsi; sebutkan --key-file"); goto fail; }
    if (baca_penuh(fd, ssh, sizeof ssh) != (ssize_t)sizeof ssh ||
        crypto_secretstream_xchacha20poly1305_init_pull(&r->ss, ssh, kunci) != 0) {
      snprintf(err, n, "berkas cadangan terpotong");
      goto fail;
    }
  } else {
    crypto_generichash_init(&r->h, NULL, 0, HASH);
    crypto_generichash_update(&r->h, r->hdr, HDR);
  }
  return r;
fail:
  hapus(r, sizeof *r);
  return NULL;
}

/* Reads and opens the next chunk into plain[]. */
static int isi_ulang(struct cadangan_baca *r)
{
  unsigned char lb[4];
  if (r->final) { snprintf(r->galat, sizeof r->galat, "berkas cadangan tidak lengkap (berakhir di tengah catatan)"); return -1; }
  ssize_t g = baca_penuh(r->fd, lb, 4);
  if (g != 4) { snprintf(r->galat, sizeof r->galat, "berkas cadangan terpotong"); return -1; }
  uint32_t len = (uint32_t)lb[0] | (uint32_t)lb[1] << 8 | (uint32_t)lb[2] << 16 | (uint32_t)lb[3] << 24;
  if (len < (r->sandi ? ABYTES : 1) || len > BODY_MAX) { snprintf(r->galat, sizeof r->galat, "berkas cadangan rusak (panjang potongan %u)", len); return -1; }
  if (baca_penuh(r->fd, r->body, len) != (ssize_t)len) { snprintf(r->galat, sizeof r->galat, "berkas cadangan terpotong"); return -1; }
  unsigned char tag = 0;
  if (r->sandi) {
    unsigned long long mlen = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&r->ss, r->plain, &mlen, &tag, r->body, len, r->hdr, HDR) != 0) {
      snprintf(r->galat, sizeof r->galat, "kunci salah atau berkas cadangan telah diubah (autentikasi gagal)");
      return -1;
    }
    r->isi = (size_t)mlen;
  } else {
    tag = r->body[0];
    if (tag != 0 && tag != TAG_FINAL) { snprintf(r->galat, sizeof r->galat, "berkas cadangan rusak (tanda potongan)"); return -1; }
    r->isi = len - 1;
    memcpy(r->plain, r->body + 1, r->isi);
    if (tag == TAG_FINAL) {
      /* the last HASH bytes are the checksum of everything before them */
      unsigned char h[HASH];
      if (r->isi < HASH) { snprintf(r->galat, sizeof r->galat, "berkas cadangan rusak (tanpa ceksum)"); return -1; }
      r->isi -= HASH;
      crypto_generichash_update(&r->h, r->plain, r->isi);
      crypto_generichash_final(&r->h, h, HASH);
      if (sodium_memcmp(h, r->plain + r->isi, HASH) != 0) {
        snprintf(r->galat, sizeof r->galat, "ceksum berkas cadangan tidak cocok (berkas telah diubah atau rusak)");
        return -1;
      }
    } else {
      crypto_generichash_update(&r->h, r->plain, r->isi);
    }
  }
  r->pos = 0;
  if (tag == TAG_FINAL) r->final = true;
  else if (tag != 0) { snprintf(r->galat, sizeof r->galat, "berkas cadangan rusak (tanda potongan)"); return -1; }
  return 0;
}

int cadangan_baca(struct cadangan_baca *r, void *p, size_t len)
{
  unsigned char *c = p;
  while (len) {
    if (r->pos == r->isi && isi_ulang(r) != 0) return -1;
    size_t k = r->isi - r->pos;
    if (k > len) k = len;
    memcpy(c, r->plain + r->pos, k);
    r->pos += k;
    c += k;
    len -= k;
  }
  return 0;
}

int cadangan_baca_akhir(struct cadangan_baca *r)
{
  /* an empty final chunk may follow a full one */
  while (!r->final && r->pos == r->isi)
    if (isi_ulang(r) != 0) return -1;
  if (!r->final || r->pos != r->isi) { snprintf(r->galat, sizeof r->galat, "berkas cadangan rusak (data setelah catatan akhir)"); return -1; }
  unsigned char x;
  if (baca_penuh(r->fd, &x, 1) != 0) { snprintf(r->galat, sizeof r->galat, "berkas cadangan berisi data tambahan setelah akhirnya"); return -1; }
  return 0;
}

const char *cadangan_baca_galat(const struct cadangan_baca *r) { return r->galat; }

void cadangan_baca_tutup(struct cadangan_baca *r)
{
  if (r) hapus(r, sizeof *r);
}
