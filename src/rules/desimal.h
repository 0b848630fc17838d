/* desimal.h: what the regulation rules share: exact fractions (no floating point anywhere in a
 * rule), their rounding and display, and the explanation lines every result carries.
 *
 * A `struct pecahan` is p/q in lowest terms with q > 0.  Arithmetic is exact; an operation whose
 * result does not fit in int64 fails (returns -1) rather than losing precision.  Rounding happens
 * only when a value is shown, half away from zero ("88,665" -> "88,67"). */
#ifndef KINERJA_DESIMAL_H
#define KINERJA_DESIMAL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pecahan {
  int64_t p;
  int64_t q;
};

/* At most this many decimals are accepted in input ("12,123456"). */
#define DESIMAL_MAKS_DIGIT 6

/* n/1 */
struct pecahan pecahan_bulat(int64_t n);
/* a/b reduced; b must be non-zero (a programmer error otherwise). */
struct pecahan pecahan_dari(int64_t a, int64_t b);
/* Parses a non-negative decimal: digits, at most one '.' or ',' as decimal separator, at most
 * DESIMAL_MAKS_DIGIT decimals and 12 integer digits, surrounding spaces allowed.  0 or -1. */
int pecahan_dari_teks(const char *s, struct pecahan *out);
/* out = a op b; -1 on overflow (and for bagi when b is zero). */
int pecahan_tambah(struct pecahan a, struct pecahan b, struct pecahan *out);
int pecahan_kurang(struct pecahan a, struct pecahan b, struct pecahan *out);
int pecahan_kali(struct pecahan a, struct pecahan b, struct pecahan *out);
int pecahan_bagi(struct pecahan a, struct pecahan b, struct pecahan *out);
/* -1, 0 or 1 as a <, =, > b (exact). */
int pecahan_banding(struct pecahan a, struct pecahan b);
bool pecahan_nol(struct pecahan a);
/* a rounded half away from zero to `desimal` decimals, as an integer scaled by 10^desimal
 * (pecahan_skala(266/3, 2) == 8867).  desimal is 0..9. */
int64_t pecahan_skala(struct pecahan a, int desimal);
/* a rounded up (towards +infinity) to `desimal` decimals, scaled like pecahan_skala. */
int64_t pecahan_skala_atas(struct pecahan a, int desimal);

/* Writes scaled/10^desimal with `sep` as decimal separator ("88,67").  With `ringkas`, trailing
 * fractional zeros and a bare separator are dropped ("12,50" -> "12,5", "92,00" -> "92").
 * Returns out (always NUL-terminated; "?" when n is too small). */
char *desimal_tulis(int64_t scaled, int desimal, char sep, bool ringkas, char *out, size_t n);
/* The same for a fraction, rounded half away from zero to `desimal` decimals. */
char *pecahan_tulis(struct pecahan a, int desimal, char sep, bool ringkas, char *out, size_t n);
/* scaled/10^desimal as a double, for JSON output only (never for comparisons). */
double desimal_double(int64_t scaled, int desimal);

/* The explanation of a result: Indonesian sentences naming the inputs, the rule applied and the
 * article it comes from, in the order a reader checks them.  Lines that do not fit are cut; when
 * the list is full, the last line says so. */
#define PENJELASAN_MAKS 64
#define PENJELASAN_PANJANG 512
struct penjelasan {
  int n;
  char baris[PENJELASAN_MAKS][PENJELASAN_PANJANG];
};
void penjelasan_mulai(struct penjelasan *pj);
void penjelasan_tambah(struct penjelasan *pj, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
