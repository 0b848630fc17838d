/* nipmap.c: 18-digit NIP -> int64 map (see nipmap.h).  Open addressing with linear probing on the
 * NIP's number + 1 (0 marks an empty slot), Fibonacci hashing, doubled at 70 % load. */
#include "util/nipmap.h"

#include <stdlib.h>

struct slot { uint64_t k; int64_t v; };

struct nipmap {
  struct slot *slots;
  size_t cap, count;
  int shift;             /* 64 - log2(cap) */
};

/* The NIP's number + 1, or 0 when it is not exactly 18 digits. */
static uint64_t kunci(const char *nip)
{
  uint64_t k = 0;
  int i = 0;
  for (; i < 18; i++) {
    unsigned d = (unsigned char)nip[i] - '0';
    if (d > 9) return 0;
    k = k * 10 + d;
  }
  return nip[i] ? 0 : k + 1;
}

static size_t awal(const struct nipmap *m, uint64_t k) { return (size_t)((k * 0x9E3779B97F4A7C15ULL) >> m->shift); }

struct nipmap *nipmap_new(void)
{
  struct nipmap *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->cap = 64;
  m->shift = 64 - 6;
  m->slots = calloc(m->cap, sizeof *m->slots);
  if (!m->slots) { free(m); return NULL; }
  return m;
}

void nipmap_free(struct nipmap *m)
{
  if (!m) return;
  free(m->slots);
  free(m);
}

static struct slot *cari(const struct nipmap *m, uint64_t k)
{
  size_t i = awal(m, k);
  while (m->slots[i].k) {
    if (m->slots[i].k == k) return &m->slots[i];
    i = (i + 1) & (m->cap - 1);
  }
  return NULL;
}

static int tumbuh(struct nipmap *m)
{
  struct nipmap n = {.cap = m->cap * 2, .shift = m->shift - 1};
  n.slots = calloc(n.cap, sizeof *n.slots);
  if (!n.slots) return -1;
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->slots[i].k) continue;
    size_t j = awal(&n, m->slots[i].k);
    while (n.slots[j].k) j = (j + 1) & (n.cap - 1);
    n.slots[j] = m->slots[i];
  }
  free(m->slots);
  m->slots = n.slots;
  m->cap = n.cap;
  m->shift = n.shift;
  return 0;
}

int nipmap_put(struct nipmap *m, const char *nip, int64_t val)
{
  uint64_t k = kunci(nip);
  if (!k) return -1;
  struct slot *s = cari(m, k);
  if (s) { s->v = val; return 0; }
  if ((m->count + 1) * 10 > m->cap * 7 && tumbuh(m) != 0) return -1;
  size_t i = awal(m, k);
  while (m->slots[i].k) i = (i + 1) & (m->cap - 1);
  m->slots[i] = (struct slot){k, val};
  m->count++;
  return 0;
}

bool nipmap_get(const struct nipmap *m, const char *nip, int64_t *val)
{
  uint64_t k = kunci(nip);
  struct slot *s = k ? cari(m, k) : NULL;
  if (s && val) *val = s->v;
  return s != NULL;
}

int64_t *nipmap_ref(struct nipmap *m, const char *nip)
{
  uint64_t k = kunci(nip);
  struct slot *s = k ? cari(m, k) : NULL;
  return s ? &s->v : NULL;
}

size_t nipmap_count(const struct nipmap *m) { return m->count; }
