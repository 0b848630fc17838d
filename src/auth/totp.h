/* totp.h: time-based one-time passwords (RFC 6238) through liboath: 30 s steps, 6 digits,
 * HMAC-SHA1, one step of clock drift either way.  Pure apart from liboath; no storage. */
#ifndef KINERJA_TOTP_H
#define KINERJA_TOTP_H
#include <stddef.h>
#include <stdint.h>

#define TOTP_RAHASIA_BYTES 20   /* 160-bit secret, as RFC 4226 recommends */
#define TOTP_LANGKAH 30         /* seconds per step */
#define TOTP_DIGIT 6
#define TOTP_BASE32_MAX 40      /* 20 bytes = 32 base32 characters, NUL */

/* A new random secret (libsodium). */
void totp_rahasia_baru(unsigned char rahasia[TOTP_RAHASIA_BYTES]);
/* The secret as base32 without padding, for manual entry.  0 or -1. */
int totp_base32(const unsigned char *rahasia, size_t n, char out[TOTP_BASE32_MAX]);
/* otpauth://totp/<penerbit>:<akun>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30
 * (both names percent-encoded).  0, or -1 when out is too small. */
int totp_uri(const char *penerbit, const char *akun, const char *base32, char *out, size_t n);
/* Checks a 6-digit code at time `now` with a window of one step either way.  Returns the
 * accepted time step (> 0), 0 when the code is wrong or malformed.  The caller refuses a step
 * not greater than the last one it accepted (replay). */
int64_t totp_cek(const unsigned char *rahasia, size_t n, int64_t now, const char *kode);
/* The code of time `now` (for tests and the command line).  out: 7 bytes.  0 or -1. */
int totp_kode(const unsigned char *rahasia, size_t n, int64_t now, char out[TOTP_DIGIT + 1]);
#endif
