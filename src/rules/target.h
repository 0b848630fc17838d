/* target.h: targets of an IKI: exact decimals kept as text (no floating point), aspek names. */
#ifndef KINERJA_TARGET_H
#define KINERJA_TARGET_H
#include <stddef.h>

/* Normalises a non-negative decimal ("12", "99,5") into out: digits with at most 4 decimals,
 * '.' as separator, no leading zeros or trailing fractional zeros ("012.50" -> "12.5").  One
 * '.' or ',' is the decimal separator; thousands separators are refused ("1.000.000"), so
 * write 1000000.  At most 15 integer digits.  Returns 0 or -1. */
int target_angka_normal(const char *s, char *out, size_t n);
/* True if s is kuantitas, kualitas, waktu or biaya. */
int target_aspek_valid(const char *s);
/* Display name of an aspek ("Kuantitas"), or "" for NULL/unknown. */
const char *target_aspek_nama(const char *s);
#endif
