/* util.h: small helpers shared by every module: clock, randomness, hashing, parsing. */
#ifndef KINERJA_UTIL_H
#define KINERJA_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int64_t now_unix(void);      /* wall clock, seconds */
int64_t now_unix_ms(void);   /* wall clock, milliseconds */
double now_mono(void);       /* monotonic seconds, for durations */

/* Writes n random bytes as 2n lowercase hex chars + NUL into out (size >= 2n+1). */
void random_hex(char *out, size_t n);
/* BLAKE2b-256 of data as 64 hex chars + NUL into out[65]. */
void hash_hex(const void *data, size_t len, char out[65]);

/* Parses a decimal int64 in [min,max] from the whole string; returns 0 on success. */
int parse_int64(const char *s, int64_t min, int64_t max, int64_t *out);
/* True if s is a real calendar date 'YYYY-MM-DD' (years 1900..2199). */
bool date_valid(const char *s);
/* True if y-m-d is a real calendar date. */
bool ymd_valid(int y, int m, int d);
/* out = s plus `days` days (negative allowed); returns 0, or -1 when s is not a date. */
int date_add_days(const char *s, int days, char out[11]);
/* Today's date 'YYYY-MM-DD' in the given UTC offset (hours: 7 WIB, 8 WITA, 9 WIT). */
void date_today(int utc_offset_hours, char out[11]);
/* Copies at most n-1 bytes and NUL-terminates; returns 0, or -1 when truncated. */
int str_copy(char *dst, size_t n, const char *src);
/* True if s is valid UTF-8 without control characters other than tab/newline. */
bool text_clean(const char *s, bool allow_newline);
#endif
