/* oidc_jwk.h: a JSON Web Key (RFC 7517/7518) as an OpenSSL public key, and the JWS signature
 * check of RS256 (RSASSA-PKCS1-v1_5 with SHA-256) and ES256 (ECDSA P-256 with SHA-256).
 * Pure: no I/O. */
#ifndef KINERJA_OIDC_JWK_H
#define KINERJA_OIDC_JWK_H
#include <jansson.h>
#include <openssl/evp.h>
#include <stddef.h>

enum oidc_alg { OIDC_RS256 = 1, OIDC_ES256 = 2 };

#define OIDC_RSA_MIN_BITS 2048
#define OIDC_RSA_MAX_BYTES 1024   /* 8192-bit modulus */

/* The public key of `jwk` for `alg`: kty RSA with n/e, or kty EC with crv P-256 and x/y (a point
 * on the curve).  Returns NULL when the JWK is malformed, of another type, or RSA below
 * OIDC_RSA_MIN_BITS.  The caller frees the result with EVP_PKEY_free. */
EVP_PKEY *oidc_jwk_kunci(const json_t *jwk, enum oidc_alg alg);

/* 1 when `sig` (the JWS signature bytes: PKCS#1 for RS256, r||s of 64 bytes for ES256) signs
 * data[0..n) under k, else 0. */
int oidc_jwk_cek(EVP_PKEY *k, enum oidc_alg alg, const unsigned char *data, size_t n,
                 const unsigned char *sig, size_t siglen);
#endif
