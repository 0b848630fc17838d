/* laju.c: token buckets in a fixed-size set-associative table, and the client address behind
 * trusted proxies (see laju.h). */
#include "http/laju.h"

#include <arpa/inet.h>
#include <math.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LAJU_KUNCI_SLOT 256u   /* lock stripes: one mutex for every LAJU_SET / 256 sets */

struct slot {
  uint64_t kunci;   /* 0 = empty */
  double token;     /* tokens left at time t */
  double t;
  double penuh;     /* when the bucket is full again (then forgetting it loses nothing) */
  uint32_t lokal;   /* tokens taken here since the last laju_kumpul (reported to other nodes) */
  uint8_t kelas;
};

struct laju {
  unsigned char kunci_hash[crypto_shorthash_KEYBYTES];
  pthread_mutex_t mu[LAJU_KUNCI_SLOT];
  struct slot slot[LAJU_SET * LAJU_WAY];
};

_Static_assert(crypto_shorthash_KEYBYTES == LAJU_KUNCI_BYTES, "laju key size");

size_t laju_ukuran(void) { return sizeof(struct laju); }

struct laju *laju_new(void)
{
  if (sodium_init() < 0) return NULL;
  struct laju *l = calloc(1, sizeof *l);
  if (!l) return NULL;
  randombytes_buf(l->kunci_hash, sizeof l->kunci_hash);
  for (unsigned i = 0; i < LAJU_KUNCI_SLOT; i++) pthread_mutex_init(&l->mu[i], NULL);
  return l;
}

void laju_atur_kunci(struct laju *l, const unsigned char kunci[LAJU_KUNCI_BYTES])
{
  memcpy(l->kunci_hash, kunci, sizeof l->kunci_hash);
}

void laju_free(struct laju *l)
{
  if (!l) return;
  for (unsigned i = 0; i < LAJU_KUNCI_SLOT; i++) pthread_mutex_destroy(&l->mu[i]);
  free(l);
}

static uint64_t hash_kunci(const struct laju *l, enum laju_kelas kelas, const char *kunci)
{
  unsigned char in[130], out[crypto_shorthash_BYTES];
  size_t n = strlen(kunci);
  if (n > sizeof in - 2) n = sizeof in - 2;
  in[0] = (unsigned char)kelas;
  in[1] = ':';
  memcpy(in + 2, kunci, n);
  crypto_shorthash(out, in, n + 2, l->kunci_hash);
  uint64_t h;
  memcpy(&h, out, sizeof h);
  return h ? h : 1;
}

/* The slot of key h (found, or taken as laju.h says), refilled up to now.  Under its set's lock. */
static struct slot *slot_isi(struct laju *l, uint64_t h, enum laju_kelas kelas, double rate, double ledakan, double now)
{
  struct slot *s = &l->slot[(size_t)(h % LAJU_SET) * LAJU_WAY], *hit = NULL, *korban = NULL;
  for (unsigned w = 0; w < LAJU_WAY; w++) {
    if (s[w].kunci == h) { hit = &s[w]; break; }
    /* the victim: an empty slot, else the one that is (or soonest will be) full again */
    if (!korban || (korban->kunci && (!s[w].kunci || s[w].penuh < korban->penuh))) korban = &s[w];
  }
  if (!hit) {
    hit = korban;
    hit->kunci = h;
    hit->token = ledakan;
    hit->t = now;
    hit->lokal = 0;
    hit->kelas = (uint8_t)kelas;
  }
  double dt = now - hit->t;
  if (dt > 0) {
    hit->token += dt * rate;
    hit->t = now;
  }
  if (hit->token > ledakan) hit->token = ledakan;
  return hit;
}

bool laju_ambil(struct laju *l, enum laju_kelas kelas, const char *kunci,
                const struct laju_aturan *a, double now, int *tunggu)
{
  if (!l || !a || a->per_detik <= 0) return true;
  const double rate = a->per_detik, ledakan = a->ledakan >= 1 ? a->ledakan : 1;
  uint64_t h = hash_kunci(l, kelas, kunci);
  pthread_mutex_t *mu = &l->mu[(h % LAJU_SET) % LAJU_KUNCI_SLOT];
  pthread_mutex_lock(mu);
  struct slot *hit = slot_isi(l, h, kelas, rate, ledakan, now);
  bool ok = hit->token >= 1;
  if (ok) {
    hit->token -= 1;
    if (hit->lokal < UINT32_MAX) hit->lokal++;
  }
  hit->penuh = now + (ledakan - hit->token) / rate;
  if (!ok && tunggu) {
    double w = ceil((1 - hit->token) / rate);
    *tunggu = w < 1 ? 1 : (w > 86400 ? 86400 : (int)w);
  }
  pthread_mutex_unlock(mu);
  return ok;
}

size_t laju_kumpul(struct laju *l, struct laju_laporan *out, size_t maks)
{
  size_t n = 0;
  for (size_t set = 0; set < LAJU_SET && n < maks; set++) {
    pthread_mutex_t *mu = &l->mu[set % LAJU_KUNCI_SLOT];
    pthread_mutex_lock(mu);
    for (unsigned w = 0; w < LAJU_WAY && n < maks; w++) {
      struct slot *s = &l->slot[set * LAJU_WAY + w];
      if (!s->kunci || !s->lokal) continue;
      out[n++] = (struct laju_laporan){.kelas = (enum laju_kelas)s->kelas, .kunci = s->kunci, .n = s->lokal};
      s->lokal = 0;
    }
    pthread_mutex_unlock(mu);
  }
  return n;
}

void laju_kurangi(struct laju *l, enum laju_kelas kelas, uint64_t kunci, double n,
                  const struct laju_aturan *a, double now)
{
  if (!l || !a || a->per_detik <= 0 || !kunci || n <= 0) return;
  const double rate = a->per_detik, ledakan = a->ledakan >= 1 ? a->ledakan : 1;
  pthread_mutex_t *mu = &l->mu[(kunci % LAJU_SET) % LAJU_KUNCI_SLOT];
  pthread_mutex_lock(mu);
  struct slot *hit = slot_isi(l, kunci, kelas, rate, ledakan, now);
  hit->token -= n;
  if (hit->token < 0) hit->token = 0;
  hit->penuh = now + (ledakan - hit->token) / rate;
  pthread_mutex_unlock(mu);
}

size_t laju_terpakai(struct laju *l)
{
  size_t n = 0;
  for (size_t set = 0; set < LAJU_SET; set++) {
    pthread_mutex_t *mu = &l->mu[set % LAJU_KUNCI_SLOT];
    pthread_mutex_lock(mu);
    for (unsigned w = 0; w < LAJU_WAY; w++) n += l->slot[set * LAJU_WAY + w].kunci != 0;
    pthread_mutex_unlock(mu);
  }
  return n;
}

enum laju_kelas laju_kelas_dari(const char *method, const char *path)
{
  if (strcmp(method, "POST") == 0 && strncmp(path, "/api/v1/auth/", 13) == 0 &&
      strcmp(path, "/api/v1/auth/logout") != 0)
    return LAJU_MASUK;
  if (strcmp(path, "/api/v1/auth/oidc/callback") == 0) return LAJU_MASUK;
  return LAJU_IP;
}

/* --- client address behind trusted proxies --- */

/* Parses an address (IPv4, IPv6, or IPv4-mapped IPv6 → IPv4) into a[16]; false if malformed. */
static bool alamat(const char *s, size_t n, unsigned char a[16], bool *v6)
{
  char t[64];
  if (n >= 2 && s[0] == '[' && s[n - 1] == ']') { s++; n -= 2; }
  if (n == 0 || n >= sizeof t) return false;
  memcpy(t, s, n);
  t[n] = 0;
  memset(a, 0, 16);
  if (inet_pton(AF_INET, t, a) == 1) { *v6 = false; return true; }
  if (inet_pton(AF_INET6, t, a) != 1) return false;
  static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (memcmp(a, mapped, 12) == 0) {
    memmove(a, a + 12, 4);
    memset(a + 4, 0, 12);
    *v6 = false;
  } else {
    *v6 = true;
  }
  return true;
}

int laju_proksi_parse(const char *spec, struct laju_proksi *p, char *err, size_t errlen)
{
  memset(p, 0, sizeof *p);
  if (!spec) return 0;
  const char *s = spec;
  while (*s) {
    while (*s == ' ' || *s == ',') s++;
    if (!*s) break;
    size_t n = strcspn(s, " ,");
    const char *slash = memchr(s, '/', n);
    size_t alen = slash ? (size_t)(slash - s) : n;
    unsigned char a[16];
    bool v6;
    long bits = -1;
    if (!alamat(s, alen, a, &v6)) goto bad;
    if (slash) {
      char b[8];
      size_t bl = n - alen - 1;
      char *end;
      if (bl == 0 || bl >= sizeof b) goto bad;
      memcpy(b, slash + 1, bl);
      b[bl] = 0;
      bits = strtol(b, &end, 10);
      if (*end || bits < 0 || bits > (v6 ? 128 : 32)) goto bad;
    } else {
      bits = v6 ? 128 : 32;
    }
    if (p->n >= LAJU_PROKSI_MAX) {
      snprintf(err, errlen, "--trusted-proxy: paling banyak %d blok alamat", LAJU_PROKSI_MAX);
      return -1;
    }
    memcpy(p->blok[p->n].a, a, 16);
    p->blok[p->n].bits = (int)bits;
    p->blok[p->n].v6 = v6;
    p->n++;
    s += n;
    continue;
  bad:
    snprintf(err, errlen, "--trusted-proxy: '%.*s' bukan alamat atau blok CIDR (misalnya 10.0.0.0/8)", (int)(n > 60 ? 60 : n), s);
    return -1;
  }
  return 0;
}

static bool cocok_bytes(const struct laju_proksi *p, const unsigned char a[16], bool v6)
{
  for (int i = 0; i < p->n; i++) {
    if (p->blok[i].v6 != v6) continue;
    int bits = p->blok[i].bits, full = bits / 8, rest = bits % 8;
    if (memcmp(p->blok[i].a, a, (size_t)full) != 0) continue;
    if (rest) {
      unsigned char mask = (unsigned char)(0xff << (8 - rest));
      if ((p->blok[i].a[full] & mask) != (a[full] & mask)) continue;
    }
    return true;
  }
  return false;
}

bool laju_proksi_cocok(const struct laju_proksi *p, const char *addr)
{
  unsigned char a[16];
  bool v6;
  if (!p || !p->n || !addr || !alamat(addr, strlen(addr), a, &v6)) return false;
  return cocok_bytes(p, a, v6);
}

void laju_klien(const struct laju_proksi *p, const char *peer, const char *xff, char *out, size_t n)
{
  snprintf(out, n, "%s", peer ? peer : "");
  if (!xff || !laju_proksi_cocok(p, peer)) return;
  /* right to left: each hop was written by the one after it; stop at the first untrusted */
  size_t end = strlen(xff);
  while (end > 0) {
    size_t start = end;
    while (start > 0 && xff[start - 1] != ',') start--;
    size_t a = start, b = end;
    while (a < b && (xff[a] == ' ' || xff[a] == '\t')) a++;
    while (b > a && (xff[b - 1] == ' ' || xff[b - 1] == '\t')) b--;
    unsigned char bytes[16];
    bool v6;
    if (!alamat(xff + a, b - a, bytes, &v6)) return;
    char teks[INET6_ADDRSTRLEN];
    if (!inet_ntop(v6 ? AF_INET6 : AF_INET, bytes, teks, sizeof teks)) return;
    snprintf(out, n, "%s", teks);
    if (!cocok_bytes(p, bytes, v6)) return;
    if (start == 0) return;
    end = start - 1;
  }
}

void laju_kunci_alamat(const char *addr, char *out, size_t n)
{
  unsigned char a[16];
  bool v6;
  if (!addr || !alamat(addr, strlen(addr), a, &v6)) { snprintf(out, n, "%s", addr ? addr : ""); return; }
  if (!v6) { inet_ntop(AF_INET, a, out, (socklen_t)n); return; }
  snprintf(out, n, "%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
}
