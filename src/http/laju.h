/* laju.h: request rate limits ("laju" = rate): token buckets per client address and per user,
 * kept in a fixed-size table, plus the client address behind trusted reverse proxies.
 *
 * The table never grows: LAJU_SET sets of LAJU_WAY slots (a few hundred kilobytes whatever
 * the number of clients).  A new key takes an empty slot of its set, else a slot whose bucket
 * has refilled completely (forgetting it loses nothing), else the slot seen least recently.
 * Keys are keyed 64-bit hashes (libsodium shorthash with a random key per table), so a client
 * cannot choose addresses that collide with someone else's bucket.  Time is passed in, so
 * the core is pure and unit-tested (tests/unit/test_laju.c); the server passes now_mono().
 */
#ifndef KINERJA_LAJU_H
#define KINERJA_LAJU_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One limit: `per_detik` tokens refill each second up to `ledakan` (burst); a request takes
 * one.  per_detik <= 0 turns the limit off. */
struct laju_aturan {
  double per_detik;
  double ledakan;
};

/* What a request is counted as. */
enum laju_kelas {
  LAJU_IP = 0,     /* every request, by client address */
  LAJU_PENGGUNA,   /* every authenticated request, by pengguna id */
  LAJU_MASUK,      /* sign-in, second factor and password endpoints, by client address */
  LAJU_KELAS_N
};

#define LAJU_SET 4096u
#define LAJU_WAY 8u

struct laju;

/* A new table (about LAJU_SET * LAJU_WAY * 24 bytes); NULL when out of memory.  Free with laju_free. */
struct laju *laju_new(void);
void laju_free(struct laju *l);

/* Takes a token from the bucket of (kelas, kunci) under rule `a` at time `now` (seconds,
 * monotonic).  Returns true when the request may go on; false when it must wait, with
 * *tunggu = whole seconds until a token is back (>= 1, for Retry-After).  A rule that is off
 * always allows and touches nothing.  Thread-safe. */
bool laju_ambil(struct laju *l, enum laju_kelas kelas, const char *kunci,
                const struct laju_aturan *a, double now, int *tunggu);
/* Counting across nodes (http/laju_bersama.h).  The hash key must be the same on every node so
 * that a client's bucket has one name: laju_atur_kunci sets it before the table is used. */
#define LAJU_KUNCI_BYTES 16
void laju_atur_kunci(struct laju *l, const unsigned char kunci[LAJU_KUNCI_BYTES]);
/* Tokens a bucket gave out since it was last collected. */
struct laju_laporan { enum laju_kelas kelas; uint64_t kunci; uint32_t n; };
/* Collects up to maks buckets with tokens given out here since the last call (and zeroes their
 * counts); buckets beyond maks wait for the next call.  Returns the number collected. */
size_t laju_kumpul(struct laju *l, struct laju_laporan *out, size_t maks);
/* Takes n tokens that another node gave out for bucket `kunci` (a hash from laju_kumpul there)
 * under rule `a` at time `now`: the bucket is made if absent and never goes below empty. */
void laju_kurangi(struct laju *l, enum laju_kelas kelas, uint64_t kunci, double n,
                  const struct laju_aturan *a, double now);
/* Slots in use (for tests and /metrics). */
size_t laju_terpakai(struct laju *l);
/* The table's fixed size in bytes. */
size_t laju_ukuran(void);

/* The stricter class of a request, from method and path: POSTs below /api/v1/auth/ (login,
 * second factor, password) and the SSO callback are LAJU_MASUK; everything else LAJU_IP. */
enum laju_kelas laju_kelas_dari(const char *method, const char *path);

/* Trusted proxies: up to LAJU_PROKSI_MAX CIDR blocks (IPv4 or IPv6). */
#define LAJU_PROKSI_MAX 16
struct laju_proksi {
  int n;
  struct { unsigned char a[16]; int bits; bool v6; } blok[LAJU_PROKSI_MAX];
};
/* Parses "10.0.0.0/8, 192.168.1.5, ::1" (a bare address is a /32 or /128) into *p.  An empty
 * or NULL spec gives no trusted proxy.  Returns 0, or -1 with an Indonesian message in err. */
int laju_proksi_parse(const char *spec, struct laju_proksi *p, char *err, size_t errlen);
/* True when address text `addr` lies in one of the blocks. */
bool laju_proksi_cocok(const struct laju_proksi *p, const char *addr);
/* The client's address: `peer` (the socket's address) unless peer is a trusted proxy and
 * `xff` (X-Forwarded-For, may be NULL) names hops; then the right-most hop that is not itself
 * a trusted proxy (hops a client wrote to the left of it are never believed).  A malformed
 * hop ends the walk at the last good address.  out receives the address text. */
void laju_klien(const struct laju_proksi *p, const char *peer, const char *xff, char *out, size_t n);
/* The bucket key of a client address: the IPv4 address itself, or the /64 of an IPv6 address
 * (one household or office gets a whole /64, so single IPv6 addresses are free to change). */
void laju_kunci_alamat(const char *addr, char *out, size_t n);
#endif
