/* oidc_jwt.c: parsing a compact JWS, choosing the JWKS key, checking the signature and the
 * ID token claims. */
#include "auth/oidc_jwt.h"

#include <math.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "auth/oidc_jwk.h"

#define HEADER_MAX 2048
#define SIG_MAX OIDC_RSA_MAX_BYTES

const char *oidc_jwt_alasan(enum oidc_jwt_hasil h)
{
  switch (h) {
  case JWT_OK: return "ok";
  case JWT_FORMAT: return "format_token";
  case JWT_ALG: return "alg_ditolak";
  case JWT_KID: return "kunci_tidak_dikenal";
  case JWT_KUNCI: return "kunci_rusak";
  case JWT_TANDA_TANGAN: return "tanda_tangan";
  case JWT_ISS: return "iss";
  case JWT_AUD: return "aud";
  case JWT_EXP: return "kedaluwarsa";
  case JWT_NBF: return "belum_berlaku";
  case JWT_NONCE: return "nonce";
  case JWT_KLAIM: return "klaim";
  }
  return "?";
}

long oidc_b64url_decode(const char *s, size_t len, unsigned char *out, size_t max)
{
  size_t n = 0;
  if (len == 0) return 0;
  if (sodium_base642bin(out, max, s, len, NULL, &n, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return -1;
  return (long)n;
}

int oidc_b64url_encode(const unsigned char *in, size_t len, char *out, size_t n)
{
  if (n < sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_URLSAFE_NO_PADDING)) return -1;
  sodium_bin2base64(out, n, in, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return 0;
}

/* Decodes one part into a JSON object (duplicate keys refused).  NULL when invalid. */
static json_t *part_json(const char *s, size_t len, size_t max)
{
  unsigned char *b = malloc(max);
  json_t *j = NULL;
  if (!b) return NULL;
  long n = oidc_b64url_decode(s, len, b, max);
  if (n > 0) j = json_loadb((const char *)b, (size_t)n, JSON_REJECT_DUPLICATES, NULL);
  free(b);
  if (j && !json_is_object(j)) { json_decref(j); j = NULL; }
  return j;
}

/* Tries every key of the set that fits alg and kid.  JWT_OK when one verifies. */
static enum oidc_jwt_hasil cek_tanda_tangan(const json_t *jwks, enum oidc_alg alg, const char *alg_s,
                                           const char *kid, const char *data, size_t n,
                                           const unsigned char *sig, size_t siglen)
{
  const json_t *keys = json_object_get(jwks, "keys");
  size_t i;
  const json_t *jwk;
  int calon = 0, rusak = 0;
  if (!json_is_array(keys)) return JWT_KID;
  const char *kty_mau = alg == OIDC_RS256 ? "RSA" : "EC";
  json_array_foreach(keys, i, jwk) {
    const char *kty = json_string_value(json_object_get(jwk, "kty"));
    const char *use = json_string_value(json_object_get(jwk, "use"));
    const char *kalg = json_string_value(json_object_get(jwk, "alg"));
    const char *kkid = json_string_value(json_object_get(jwk, "kid"));
    if (!kty || strcmp(kty, kty_mau) != 0) continue;
    if (use && strcmp(use, "sig") != 0) continue;
    if (kalg && strcmp(kalg, alg_s) != 0) continue;
    if (kid && (!kkid || strcmp(kid, kkid) != 0)) continue;
    calon++;
    EVP_PKEY *k = oidc_jwk_kunci(jwk, alg);
    if (!k) { rusak++; continue; }
    int ok = oidc_jwk_cek(k, alg, (const unsigned char *)data, n, sig, siglen);
    EVP_PKEY_free(k);
    if (ok) return JWT_OK;
  }
  if (!calon) return JWT_KID;
  return rusak == calon ? JWT_KUNCI : JWT_TANDA_TANGAN;
}

/* A NumericDate claim as whole seconds; false when absent or not a finite number. */
static bool waktu(const json_t *klaim, const char *nama, int64_t *out)
{
  const json_t *v = json_object_get(klaim, nama);
  if (!json_is_number(v)) return false;
  double d = json_number_value(v);
  if (!isfinite(d) || d < 0 || d > 1e13) return false;
  *out = (int64_t)d;
  return true;
}

static enum oidc_jwt_hasil cek_aud(const json_t *klaim, const char *client_id)
{
  const json_t *aud = json_object_get(klaim, "aud");
  const char *azp = json_string_value(json_object_get(klaim, "azp"));
  size_t jumlah = 0;
  bool ada = false;
  if (json_is_string(aud)) {
    jumlah = 1;
    ada = strcmp(json_string_value(aud), client_id) == 0;
  } else if (json_is_array(aud)) {
    size_t i;
    const json_t *a;
    json_array_foreach(aud, i, a) {
      if (!json_is_string(a)) return JWT_AUD;
      jumlah++;
      if (strcmp(json_string_value(a), client_id) == 0) ada = true;
    }
  }
  if (!ada) return JWT_AUD;
  if (json_object_get(klaim, "azp") && (!azp || strcmp(azp, client_id) != 0)) return JWT_AUD;
  if (jumlah > 1 && !azp) return JWT_AUD;
  return JWT_OK;
}

static enum oidc_jwt_hasil cek_klaim(const json_t *klaim, const struct oidc_harapan *h)
{
  int64_t exp, iat, nbf;
  const char *iss = json_string_value(json_object_get(klaim, "iss"));
  const char *nonce = json_string_value(json_object_get(klaim, "nonce"));
  const char *sub = json_string_value(json_object_get(klaim, "sub"));
  if (!iss || strcmp(iss, h->issuer) != 0) return JWT_ISS;
  enum oidc_jwt_hasil a = cek_aud(klaim, h->client_id);
  if (a != JWT_OK) return a;
  if (!waktu(klaim, "exp", &exp) || h->sekarang >= exp + OIDC_LEEWAY) return JWT_EXP;
  if (json_object_get(klaim, "nbf") && (!waktu(klaim, "nbf", &nbf) || nbf > h->sekarang + OIDC_LEEWAY))
    return JWT_NBF;
  if (!waktu(klaim, "iat", &iat)) return JWT_KLAIM;
  if (iat > h->sekarang + OIDC_LEEWAY) return JWT_NBF;
  if (!sub || !sub[0]) return JWT_KLAIM;
  size_t nl = strlen(h->nonce);
  if (!nonce || strlen(nonce) != nl || sodium_memcmp(nonce, h->nonce, nl) != 0) return JWT_NONCE;
  return JWT_OK;
}

enum oidc_jwt_hasil oidc_jwt_verifikasi(const char *jwt, const json_t *jwks, const struct oidc_harapan *h,
                                        json_t **klaim)
{
  enum oidc_jwt_hasil r = JWT_FORMAT;
  json_t *head = NULL, *body = NULL;
  unsigned char sig[SIG_MAX];
  *klaim = NULL;
  size_t len = strnlen(jwt, OIDC_JWT_MAX + 1);
  if (len > OIDC_JWT_MAX) return JWT_FORMAT;
  const char *t1 = memchr(jwt, '.', len);
  const char *t2 = t1 ? memchr(t1 + 1, '.', len - (size_t)(t1 + 1 - jwt)) : NULL;
  if (!t1 || !t2 || memchr(t2 + 1, '.', len - (size_t)(t2 + 1 - jwt))) return JWT_FORMAT;
  head = part_json(jwt, (size_t)(t1 - jwt), HEADER_MAX);
  if (!head) goto fail;
  /* the algorithm decides everything after it: only the two we support, never "none"/HS* */
  const char *alg_s = json_string_value(json_object_get(head, "alg"));
  enum oidc_alg alg;
  if (alg_s && strcmp(alg_s, "RS256") == 0) alg = OIDC_RS256;
  else if (alg_s && strcmp(alg_s, "ES256") == 0) alg = OIDC_ES256;
  else { r = JWT_ALG; goto fail; }
  if (json_object_get(head, "crit")) { r = JWT_ALG; goto fail; }   /* no extensions understood */
  const json_t *kidj = json_object_get(head, "kid");
  if (kidj && !json_is_string(kidj)) goto fail;
  body = part_json(t1 + 1, (size_t)(t2 - t1 - 1), OIDC_JWT_MAX);
  if (!body) goto fail;
  long sl = oidc_b64url_decode(t2 + 1, len - (size_t)(t2 + 1 - jwt), sig, sizeof sig);
  if (sl <= 0) goto fail;
  r = cek_tanda_tangan(jwks, alg, alg_s, json_string_value(kidj), jwt, (size_t)(t2 - jwt), sig, (size_t)sl);
  if (r != JWT_OK) goto fail;
  r = cek_klaim(body, h);
  if (r != JWT_OK) goto fail;
  *klaim = body;
  body = NULL;
fail:
  json_decref(head);
  json_decref(body);
  return r;
}
