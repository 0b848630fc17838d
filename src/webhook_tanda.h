/* webhook_tanda.h: the signature of a webhook delivery (pure; no clock, no I/O).
 *
 * X-Kinerja-Signature: sha256=<hex>, where <hex> is HMAC-SHA256 with the webhook's secret (its
 * bytes as shown on creation, "whk_..." included) as key over "<X-Kinerja-Timestamp>.<body>".
 * A receiver recomputes it over the raw body it got, compares in constant time and refuses
 * timestamps too far from its clock (5 minutes is usual) so a captured request cannot be
 * replayed later.  docs/webhook.md has a worked example. */
#ifndef KINERJA_WEBHOOK_TANDA_H
#define KINERJA_WEBHOOK_TANDA_H
#include <stddef.h>
#include <stdint.h>

#define WEBHOOK_TANDA_PANJANG 71   /* "sha256=" + 64 hex */

/* Writes the header value (NUL-terminated) into out. */
void webhook_tanda(const char *rahasia, int64_t waktu, const char *isi, size_t len, char out[WEBHOOK_TANDA_PANJANG + 1]);
/* A new secret: "whk_" + 64 hex of 32 random bytes, into out (>= 69 bytes). */
void webhook_rahasia_baru(char out[69]);
#endif
