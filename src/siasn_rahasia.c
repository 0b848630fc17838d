/* siasn_rahasia.c: loading the SIASN secrets from a private file or the environment. */
#include "siasn_rahasia.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BERKAS_MAX (64 * 1024)

void siasn_rahasia_hapus(struct siasn_rahasia *r) { sodium_memzero(r, sizeof *r); }

/* Stores the value of a "key=value" line when key is `nama` or `kode.nama`.  A line of the
 * instansi (prio 2) beats a shared one (prio 1).  Returns -1 when the value does not fit. */
static int ambil(const char *kunci, size_t klen, const char *nilai, size_t vlen, const char *kode,
                 const char *nama, char *dst, size_t n, int *prio)
{
  size_t nl = strlen(nama), kl = strlen(kode);
  int p = 0;
  if (klen == nl && memcmp(kunci, nama, nl) == 0) p = 1;
  else if (kl && klen == kl + 1 + nl && memcmp(kunci, kode, kl) == 0 && kunci[kl] == '.' &&
           memcmp(kunci + kl + 1, nama, nl) == 0) p = 2;
  if (!p || p < *prio) return 0;
  if (vlen >= n) return -1;
  memcpy(dst, nilai, vlen);
  dst[vlen] = 0;
  *prio = p;
  return 0;
}

static int dari_berkas(struct siasn_rahasia *r, const char *berkas, const char *kode, char *err, size_t n)
{
  char *isi = NULL;
  int rc = -1;
  int fd = open(berkas, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) { snprintf(err, n, "berkas rahasia SIASN %s tidak dapat dibuka (%s)", berkas, strerror(errno)); return -1; }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) { snprintf(err, n, "berkas rahasia SIASN %s bukan berkas biasa", berkas); goto fail; }
  if (st.st_mode & 077) {
    snprintf(err, n, "berkas rahasia SIASN %s dapat dibaca pengguna lain (mode %03o); jalankan: chmod 600 %s",
             berkas, (unsigned)(st.st_mode & 0777), berkas);
    goto fail;
  }
  if (st.st_size > BERKAS_MAX) { snprintf(err, n, "berkas rahasia SIASN %s terlalu besar", berkas); goto fail; }
  isi = malloc((size_t)st.st_size + 1);
  if (!isi) { snprintf(err, n, "memori habis"); goto fail; }
  size_t len = 0;
  while (len < (size_t)st.st_size) {
    ssize_t k = read(fd, isi + len, (size_t)st.st_size - len);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break;
    len += (size_t)k;
  }
  isi[len] = 0;
  int p_secret = 0, p_token = 0;
  for (char *b = isi; *b;) {
    char *akhir = strchr(b, '\n');
    size_t bl = akhir ? (size_t)(akhir - b) : strlen(b);
    while (bl && (b[bl - 1] == '\r' || b[bl - 1] == ' ')) bl--;
    while (bl && *b == ' ') { b++; bl--; }
    char *sama = bl ? memchr(b, '=', bl) : NULL;
    if (bl && *b != '#' && sama) {
      size_t kl = (size_t)(sama - b);
      while (kl && b[kl - 1] == ' ') kl--;
      const char *v = sama + 1;
      size_t vl = bl - (size_t)(v - b);
      while (vl && *v == ' ') { v++; vl--; }
      if (ambil(b, kl, v, vl, kode, "client_secret", r->client_secret, sizeof r->client_secret, &p_secret) != 0 ||
          ambil(b, kl, v, vl, kode, "user_token", r->user_token, sizeof r->user_token, &p_token) != 0) {
        snprintf(err, n, "berkas rahasia SIASN %s: nilai terlalu panjang", berkas);
        goto fail;
      }
    }
    if (!akhir) break;
    b = akhir + 1;
  }
  if (!r->client_secret[0] || !r->user_token[0]) {
    snprintf(err, n, "berkas rahasia SIASN %s harus berisi client_secret= dan user_token= (boleh dengan awalan %s.)",
             berkas, kode[0] ? kode : "KODE_INSTANSI");
    goto fail;
  }
  rc = 0;
fail:
  if (isi) { sodium_memzero(isi, (size_t)st.st_size + 1); free(isi); }
  close(fd);
  return rc;
}

int siasn_rahasia_muat(struct siasn_rahasia *r, const char *berkas, const char *kode,
                       siasn_getenv_fn getenv_fn, char *err, size_t n)
{
  memset(r, 0, sizeof *r);
  err[0] = 0;
  int rc;
  if (berkas && *berkas) {
    rc = dari_berkas(r, berkas, kode ? kode : "", err, n);
  } else {
    const char *s = getenv_fn ? getenv_fn("KINERJA_SIASN_CLIENT_SECRET") : NULL;
    const char *t = getenv_fn ? getenv_fn("KINERJA_SIASN_USER_TOKEN") : NULL;
    rc = -1;
    if (!s || !*s || !t || !*t)
      snprintf(err, n, "rahasia SIASN belum diatur: isi berkas --siasn-secret-file (KINERJA_SIASN_SECRET_FILE) "
                       "atau KINERJA_SIASN_CLIENT_SECRET dan KINERJA_SIASN_USER_TOKEN");
    else if (strlen(s) >= sizeof r->client_secret || strlen(t) >= sizeof r->user_token)
      snprintf(err, n, "rahasia SIASN di lingkungan terlalu panjang");
    else {
      memcpy(r->client_secret, s, strlen(s) + 1);
      memcpy(r->user_token, t, strlen(t) + 1);
      rc = 0;
    }
  }
  if (rc != 0) siasn_rahasia_hapus(r);
  return rc;
}
