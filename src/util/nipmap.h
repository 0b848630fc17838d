/* nipmap.h: an 18-digit NIP -> int64 hash map for bulk work (the CSV import keeps every NIP of a
 * file).  A NIP is held as its number (16 bytes a slot, no key copies: 1 M NIPs take 32 MiB
 * where a string map took ~67 MiB).  Only strings of exactly 18 ASCII digits are keys: any other
 * string is never found and cannot be put.  Not thread-safe. */
#ifndef KINERJA_NIPMAP_H
#define KINERJA_NIPMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nipmap;

struct nipmap *nipmap_new(void);   /* NULL when out of memory */
void nipmap_free(struct nipmap *m);
/* Inserts or replaces.  0, or -1 when out of memory or `nip` is not 18 digits. */
int nipmap_put(struct nipmap *m, const char *nip, int64_t val);
/* True when present; *val (may be NULL) receives the value. */
bool nipmap_get(const struct nipmap *m, const char *nip, int64_t *val);
/* The value slot of nip (NULL when absent), valid until the next nipmap_put. */
int64_t *nipmap_ref(struct nipmap *m, const char *nip);
size_t nipmap_count(const struct nipmap *m);
#endif
