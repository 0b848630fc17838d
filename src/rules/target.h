/* target.h: targets of an IKI: exact decimals kept as text (no floating point), aspek names. */
#ifndef KINERJA_TARGET_H
#define KINERJA_TARGET_H
#include <stdbool.h>
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
/* capaian = realisasi / target in percent with two decimals, rounded half up, exact, as text
 * ("83.33"); "" when it cannot be computed (no number, or target 0).  Inputs as normalised by
 * target_angka_normal. */
void target_capaian(const char *realisasi, const char *target, char *out, size_t n);
/* Exact decimal text (digits, optional '.') -> value x 10^4; false when not a number. */
bool target_desimal4(const char *s, __int128 *out);

/* Year-to-date capaian of one IKI from its monthly realisasi nilai[0..11] (NULL = not filed),
 * months 1..bulan.  A count target adds the months up (realisasi = the sum); a rate target
 * (`persen`, satuan "%") takes the last month filed.  capaian = realisasi / target, and
 * capaian_prorata = realisasi / (target x bulan / 12) for counts (the same as capaian for rates),
 * both in percent with two decimals, exact, rounded half up.  Returns 0, 1 when no month in range
 * is filed, -1 when the target is not a positive number or bulan is not 1..12.  Our reading for
 * the dashboards (DOMAIN.md does not say how months add up): a monthly sheet still shows the
 * month's own capaian (target_capaian). */
struct capaian_tahun { int bulan_terisi; char realisasi[48], capaian[32], capaian_prorata[32]; };
int target_capaian_tahun(const char *const nilai[12], const char *target, bool persen, int bulan, struct capaian_tahun *out);
#endif
