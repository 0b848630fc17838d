/* json_teks.h: json_t to text, byte for byte what jansson's json_dumps() writes, faster.
 *
 * jansson's dumper checks for reference loops with a hash table keyed by snprintf("%p") of
 * every array and object, formats every integer with snprintf, and copies the finished text
 * once more; on the per-request JSON answers that was ~30 % of a simple list request (issue 13).
 * This writer keeps json_dumps' output exactly (tests/unit/test_json_teks.c compares them on
 * random documents): same escaping, the same refusal of invalid UTF-8 (NULL), reals through
 * jansson itself.  Flags other than JSON_COMPACT, JSON_SORT_KEYS and JSON_REAL_PRECISION go
 * to json_dumps unchanged.  Nesting deeper than 2,048 levels gives NULL (jansson: a loop).
 */
#ifndef KINERJA_JSON_TEKS_H
#define KINERJA_JSON_TEKS_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

/* The text of j (an array or object) as json_dumps(j, flags) would write it, malloc'd and
 * NUL-terminated, its length in *len (len may be NULL); NULL where json_dumps gives NULL. */
char *json_teks(const json_t *j, size_t flags, size_t *len);

/* Writing JSON text directly, for hot lists that skip json_t (aktivitas_teks.c), with the
 * same escaping as above.  Start from struct json_tulis o = {0}; any failure (memory, invalid
 * UTF-8 in a string) marks it rusak and json_tulis_selesai then gives NULL. */
struct json_tulis { char *p; size_t n, cap; int rusak; };
void json_tulis_mentah(struct json_tulis *o, const char *s, size_t n);   /* syntax, as is */
void json_tulis_string(struct json_tulis *o, const char *s, size_t n);   /* quoted, escaped */
void json_tulis_int(struct json_tulis *o, int64_t v);
/* The text (malloc'd, NUL-terminated, length in *len) or NULL; o is emptied either way. */
char *json_tulis_selesai(struct json_tulis *o, size_t *len);
#endif
