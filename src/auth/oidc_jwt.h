/* oidc_jwt.h: verifying an OpenID Connect ID token (a JWS in compact serialization).
 *
 * Pure: no network, no database, the clock is passed in.  Signatures are checked with OpenSSL
 * (libcrypto) against a key of the provider's JWKS: RS256 (RSA, at least 2048 bits) and ES256
 * (EC P-256) only; "none", HS* and every other alg are refused before any key is looked at.
 * Claims (OpenID Connect Core 1.0 §3.1.3.7): iss equals the configured issuer, aud contains our
 * client_id (and azp equals it when present; required with several audiences), exp/nbf/iat
 * within OIDC_LEEWAY seconds, nonce equals the one of the login, sub present.
 */
#ifndef KINERJA_OIDC_JWT_H
#define KINERJA_OIDC_JWT_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#define OIDC_LEEWAY 60          /* seconds of clock skew allowed on exp, nbf and iat */
#define OIDC_JWT_MAX 16384      /* longest ID token accepted, bytes */

struct oidc_harapan {
  const char *issuer;      /* the configured issuer */
  const char *client_id;
  const char *nonce;       /* the nonce stored with the login */
  int64_t sekarang;        /* unix s */
};

/* Why a token was refused: a short code for the audit log (never token content). */
enum oidc_jwt_hasil {
  JWT_OK = 0,
  JWT_FORMAT,          /* not three base64url parts of JSON objects, too long, duplicate keys */
  JWT_ALG,             /* alg is not RS256/ES256 (none, HS256, ...), or crit is present */
  JWT_KID,             /* no key of the JWKS fits (kid unknown, wrong kty/crv/alg/use) */
  JWT_KUNCI,           /* the JWK is malformed or too weak */
  JWT_TANDA_TANGAN,    /* the signature does not verify */
  JWT_ISS,
  JWT_AUD,             /* client_id not in aud, or azp wrong/missing */
  JWT_EXP,             /* expired, or exp missing */
  JWT_NBF,             /* not yet valid (nbf, or iat in the future) */
  JWT_NONCE,
  JWT_KLAIM,           /* sub or iat missing or of the wrong type */
};

/* The audit code of a result ("tanda_tangan", "aud", ...).  Static string. */
const char *oidc_jwt_alasan(enum oidc_jwt_hasil h);

/* Verifies `jwt` against the key set `jwks` ({"keys": [...]}) and the expectations.  On JWT_OK
 * *klaim receives the payload (new reference, the caller decrefs); otherwise *klaim is NULL. */
enum oidc_jwt_hasil oidc_jwt_verifikasi(const char *jwt, const json_t *jwks, const struct oidc_harapan *h,
                                        json_t **klaim);

/* base64url without padding → bytes.  Returns the length, or -1 when invalid or longer than max. */
long oidc_b64url_decode(const char *s, size_t len, unsigned char *out, size_t max);
/* bytes → base64url without padding into out (NUL-terminated); returns 0, -1 when out is too small. */
int oidc_b64url_encode(const unsigned char *in, size_t len, char *out, size_t n);
#endif
