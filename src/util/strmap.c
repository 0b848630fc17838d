/* strmap.c: string -> int64 hash map (see strmap.h).  FNV-1a hashing, linear probing, table
 * doubled at 70 % load; keys live in 64 KiB arena blocks freed together. */
#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK 65536

struct slot { uint64_t hash; const char *key; int64_t val; };
struct block { struct block *next; size_t used; char data[]; };

struct strmap {
  struct slot *slots;
  size_t cap, count;
  struct block *blocks;
};

static uint64_t fnv(const char *s)
{
  uint64_t h = 1469598103934665603ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h ? h : 1;  /* 0 marks an empty slot */
}

struct strmap *strmap_new(void)
{
  struct strmap *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->cap = 64;
  m->slots = calloc(m->cap, sizeof *m->slots);
  if (!m->slots) { free(m); return NULL; }
  return m;
}

void strmap_free(struct strmap *m)
{
  if (!m) return;
  for (struct block *b = m->blocks, *n; b; b = n) { n = b->next; free(b); }
  free(m->slots);
  free(m);
}

static const char *keep(struct strmap *m, const char *key)
{
  size_t n = strlen(key) + 1;
  if (!m->blocks || m->blocks->used + n > BLOCK) {
    size_t size = n > BLOCK ? n : BLOCK;
    struct block *b = malloc(sizeof *b + size);
    if (!b) return NULL;
    b->next = m->blocks;
    b->used = 0;
    m->blocks = b;
  }
  char *p = m->blocks->data + m->blocks->used;
  memcpy(p, key, n);
  m->blocks->used += n;
  return p;
}

static int grow(struct strmap *m)
{
  size_t cap = m->cap * 2;
  struct slot *s = calloc(cap, sizeof *s);
  if (!s) return -1;
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->slots[i].hash) continue;
    size_t j = m->slots[i].hash & (cap - 1);
    while (s[j].hash) j = (j + 1) & (cap - 1);
    s[j] = m->slots[i];
  }
  free(m->slots);
  m->slots = s;
  m->cap = cap;
  return 0;
}

int strmap_put(struct strmap *m, const char *key, int64_t val)
{
  if ((m->count + 1) * 10 > m->cap * 7 && grow(m) != 0) return -1;
  uint64_t h = fnv(key);
  size_t i = h & (m->cap - 1);
  while (m->slots[i].hash) {
    if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0) { m->slots[i].val = val; return 0; }
    i = (i + 1) & (m->cap - 1);
  }
  const char *k = keep(m, key);
  if (!k) return -1;
  m->slots[i] = (struct slot){h, k, val};
  m->count++;
  return 0;
}

bool strmap_get(const struct strmap *m, const char *key, int64_t *val)
{
  uint64_t h = fnv(key);
  size_t i = h & (m->cap - 1);
  while (m->slots[i].hash) {
    if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0) {
      if (val) *val = m->slots[i].val;
      return true;
    }
    i = (i + 1) & (m->cap - 1);
  }
  return false;
}

size_t strmap_count(const struct strmap *m) { return m->count; }
