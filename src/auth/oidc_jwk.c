/* oidc_jwk.c: JWK → EVP_PKEY through OSSL_PARAM (OpenSSL 3), and RS256/ES256 verification. */
#include "auth/oidc_jwk.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/param_build.h>
#include <string.h>

#include "auth/oidc_jwt.h"

/* Decodes the base64url member `name` of jwk into out; returns its length or -1. */
static long member(const json_t *jwk, const char *name, unsigned char *out, size_t max)
{
  const char *s = json_string_value(json_object_get(jwk, name));
  if (!s) return -1;
  return oidc_b64url_decode(s, strlen(s), out, max);
}

static EVP_PKEY *dari_param(const char *jenis, OSSL_PARAM_BLD *bld)
{
  EVP_PKEY *k = NULL;
  OSSL_PARAM *p = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX *ctx = p ? EVP_PKEY_CTX_new_from_name(NULL, jenis, NULL) : NULL;
  if (!ctx || EVP_PKEY_fromdata_init(ctx) <= 0 || EVP_PKEY_fromdata(ctx, &k, EVP_PKEY_PUBLIC_KEY, p) <= 0) {
    EVP_PKEY_free(k);
    k = NULL;
  }
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(p);
  return k;
}

static EVP_PKEY *kunci_rsa(const json_t *jwk)
{
  unsigned char n[OIDC_RSA_MAX_BYTES], e[8];
  EVP_PKEY *k = NULL;
  BIGNUM *bn = NULL, *be = NULL;
  OSSL_PARAM_BLD *bld = NULL;
  long nl = member(jwk, "n", n, sizeof n), el = member(jwk, "e", e, sizeof e);
  if (nl <= 0 || el <= 0) goto fail;
  bn = BN_bin2bn(n, (int)nl, NULL);
  be = BN_bin2bn(e, (int)el, NULL);
  if (!bn || !be || !BN_is_odd(be) || BN_is_one(be) || !BN_is_odd(bn)) goto fail;
  bld = OSSL_PARAM_BLD_new();
  if (!bld || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn) ||
      !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be)) goto fail;
  k = dari_param("RSA", bld);
  if (k && EVP_PKEY_get_bits(k) < OIDC_RSA_MIN_BITS) { EVP_PKEY_free(k); k = NULL; }
fail:
  OSSL_PARAM_BLD_free(bld);
  BN_free(bn);
  BN_free(be);
  return k;
}

static EVP_PKEY *kunci_ec(const json_t *jwk)
{
  unsigned char titik[65];
  EVP_PKEY *k = NULL;
  EVP_PKEY_CTX *cek = NULL;
  OSSL_PARAM_BLD *bld = NULL;
  const char *crv = json_string_value(json_object_get(jwk, "crv"));
  if (!crv || strcmp(crv, "P-256") != 0) return NULL;
  /* RFC 7518 §6.2.1.2: x and y are the full 32 bytes each */
  titik[0] = 0x04;
  if (member(jwk, "x", titik + 1, 32) != 32 || member(jwk, "y", titik + 33, 32) != 32) return NULL;
  bld = OSSL_PARAM_BLD_new();
  if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) ||
      !OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, titik, sizeof titik)) goto fail;
  k = dari_param("EC", bld);
  if (!k) goto fail;
  /* the point must lie on the curve (an invalid-curve point would leak nothing here, since we
   * only verify, but a malformed key is refused as such) */
  cek = EVP_PKEY_CTX_new_from_pkey(NULL, k, NULL);
  if (!cek || EVP_PKEY_public_check(cek) != 1) { EVP_PKEY_free(k); k = NULL; }
fail:
  EVP_PKEY_CTX_free(cek);
  OSSL_PARAM_BLD_free(bld);
  return k;
}

EVP_PKEY *oidc_jwk_kunci(const json_t *jwk, enum oidc_alg alg)
{
  if (!json_is_object(jwk)) return NULL;
  const char *kty = json_string_value(json_object_get(jwk, "kty"));
  if (!kty) return NULL;
  if (alg == OIDC_RS256 && strcmp(kty, "RSA") == 0) return kunci_rsa(jwk);
  if (alg == OIDC_ES256 && strcmp(kty, "EC") == 0) return kunci_ec(jwk);
  return NULL;
}

/* r||s (32 bytes each) → DER ECDSA-Sig-Value; returns the DER length or -1. */
static int ke_der(const unsigned char *sig, unsigned char *der, size_t max)
{
  int len = -1;
  ECDSA_SIG *es = ECDSA_SIG_new();
  BIGNUM *r = BN_bin2bn(sig, 32, NULL), *s = BN_bin2bn(sig + 32, 32, NULL);
  if (!es || !r || !s || !ECDSA_SIG_set0(es, r, s)) { BN_free(r); BN_free(s); goto fail; }
  int need = i2d_ECDSA_SIG(es, NULL);
  if (need <= 0 || (size_t)need > max) goto fail;
  unsigned char *p = der;
  len = i2d_ECDSA_SIG(es, &p);
fail:
  ECDSA_SIG_free(es);
  return len;
}

int oidc_jwk_cek(EVP_PKEY *k, enum oidc_alg alg, const unsigned char *data, size_t n,
                 const unsigned char *sig, size_t siglen)
{
  unsigned char der[80];
  const unsigned char *s = sig;
  size_t sl = siglen;
  if (alg == OIDC_ES256) {
    if (siglen != 64) return 0;
    int d = ke_der(sig, der, sizeof der);
    if (d <= 0) return 0;
    s = der;
    sl = (size_t)d;
  } else if (alg == OIDC_RS256) {
    if ((int)siglen != EVP_PKEY_get_size(k)) return 0;
  } else {
    return 0;
  }
  EVP_MD_CTX *m = EVP_MD_CTX_new();
  int ok = m && EVP_DigestVerifyInit(m, NULL, EVP_sha256(), NULL, k) == 1 &&
           EVP_DigestVerify(m, s, sl, data, n) == 1;
  EVP_MD_CTX_free(m);
  return ok ? 1 : 0;
}
