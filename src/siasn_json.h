/* siasn_json.h: reading SIASN's answers.  SIASN spells one field several ways between its read
 * and write APIs and between versions (nipBaru, NIPBARU, nip_baru), wraps data in different
 * envelopes ({"code":1,"data":...}, {"success":true,"mapData":...}) and sends numbers as text
 * or text as numbers.  These helpers hide that; they are pure (no I/O) and unit-tested. */
#ifndef KINERJA_SIASN_JSON_H
#define KINERJA_SIASN_JSON_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* The member of obj named `nama`, compared without case and without '_', '-' or ' '
 * ("nipBaru" finds "NIPBARU" and "nip_baru"); an exact match wins.  Borrowed; NULL when
 * absent or when obj is not an object. */
json_t *siasn_json_get(json_t *obj, const char *nama);
/* The first of several names present (NULL-terminated list).  Borrowed. */
json_t *siasn_json_salah_satu(json_t *obj, const char *const *nama);
/* The member as text: strings as they are (trimmed), integers and reals written out, true/false.
 * Copies into out (size n).  Returns 0 when found and non-empty, 1 when absent/null/empty
 * (out = ""), -1 when it would not fit (out = ""). */
int siasn_json_teks(json_t *obj, const char *const *nama, char *out, size_t n);
/* Unwraps an answer: returns the payload (the "data"/"mapData"/"result" member, or the answer
 * itself), borrowed.  *gagal is set when the envelope says the request failed ("success":
 * false, "code": 0 or an "error" member).  SIASN's message (message/pesan/error_description/
 * error) is copied into pesan (size n, "" when none). */
json_t *siasn_json_isi(json_t *jawaban, bool *gagal, char *pesan, size_t n);
/* Compares two names as people read them: case, repeated spaces and surrounding spaces ignored. */
bool siasn_nama_sama(const char *a, const char *b);
#endif
