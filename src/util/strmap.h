/* strmap.h: a string -> int64 hash map (open addressing, keys copied into an arena).
 * Used by bulk work (the CSV import keeps every NIP it has seen and its unit/jabatan lookups).
 * Not thread-safe; the owner frees it with strmap_free(). */
#ifndef KINERJA_STRMAP_H
#define KINERJA_STRMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strmap;

struct strmap *strmap_new(void);   /* NULL when out of memory */
void strmap_free(struct strmap *m);
/* Inserts or replaces key's value.  Returns 0, or -1 when out of memory. */
int strmap_put(struct strmap *m, const char *key, int64_t val);
/* True when the key is present; *val receives its value. */
bool strmap_get(const struct strmap *m, const char *key, int64_t *val);
size_t strmap_count(const struct strmap *m);
#endif
