/* test_oidc_jwt.c: ID token verification (auth/oidc_jwt.h) with keys made by OpenSSL here:
 * RS256 and ES256 accepted; a tampered token, alg none/HS256, wrong iss/aud/nonce, expiry,
 * unknown kid, weak or malformed keys and malformed tokens refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <string.h>

#include "auth/oidc_alur.h"
#include "auth/oidc_jwt.h"

#define NOW 1900000000
static EVP_PKEY *rsa, *ec, *rsa_lain, *rsa_lemah;

static void b64(const unsigned char *b, size_t n, char *out, size_t max)
{
  assert_int_equal(oidc_b64url_encode(b, n, out, max), 0);
}

static json_t *jwk_rsa(EVP_PKEY *k, const char *kid)
{
  BIGNUM *n = NULL, *e = NULL;
  unsigned char nb[1024], eb[8];
  char ns[1400], es[16];
  assert_int_equal(EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_N, &n), 1);
  assert_int_equal(EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_E, &e), 1);
  b64(nb, (size_t)BN_bn2bin(n, nb), ns, sizeof ns);
  b64(eb, (size_t)BN_bn2bin(e, eb), es, sizeof es);
  BN_free(n);
  BN_free(e);
  return json_pack("{s:s,s:s,s:s,s:s,s:s}", "kty", "RSA", "kid", kid, "use", "sig", "n", ns, "e", es);
}

static json_t *jwk_ec(EVP_PKEY *k, const char *kid, bool rusak)
{
  unsigned char pub[65];
  size_t len = 0;
  char x[64], y[64];
  assert_int_equal(EVP_PKEY_get_octet_string_param(k, OSSL_PKEY_PARAM_PUB_KEY, pub, sizeof pub, &len), 1);
  assert_int_equal(len, 65);
  if (rusak) pub[64] ^= 1;   /* no longer on the curve */
  b64(pub + 1, 32, x, sizeof x);
  b64(pub + 33, 32, y, sizeof y);
  return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}", "kty", "EC", "kid", kid, "crv", "P-256", "alg", "ES256", "x", x, "y", y);
}

static json_t *jwks(void)
{
  return json_pack("{s:[o,o,o]}", "keys", jwk_rsa(rsa, "rsa1"), jwk_ec(ec, "ec1", false), jwk_rsa(rsa_lemah, "lemah"));
}

/* Signs header.payload with key k (alg RS256/ES256/HS256/none) into out. */
static void token(const char *header, const char *payload, EVP_PKEY *k, const char *alg, char *out, size_t max)
{
  char h[1024], p[2048], s[700] = "";
  unsigned char sig[600];
  size_t sl = sizeof sig;
  b64((const unsigned char *)header, strlen(header), h, sizeof h);
  b64((const unsigned char *)payload, strlen(payload), p, sizeof p);
  snprintf(out, max, "%s.%s", h, p);
  if (strcmp(alg, "HS256") == 0) {
    unsigned int hl = 0;
    HMAC(EVP_sha256(), "rahasia", 7, (const unsigned char *)out, strlen(out), sig, &hl);
    b64(sig, hl, s, sizeof s);
  } else if (strcmp(alg, "none") != 0) {
    EVP_MD_CTX *m = EVP_MD_CTX_new();
    assert_int_equal(EVP_DigestSignInit(m, NULL, EVP_sha256(), NULL, k), 1);
    assert_int_equal(EVP_DigestSign(m, sig, &sl, (const unsigned char *)out, strlen(out)), 1);
    EVP_MD_CTX_free(m);
    if (strcmp(alg, "ES256") == 0) {   /* DER → r||s */
      const unsigned char *d = sig;
      ECDSA_SIG *es = d2i_ECDSA_SIG(NULL, &d, (long)sl);
      unsigned char rs[64];
      BN_bn2binpad(ECDSA_SIG_get0_r(es), rs, 32);
      BN_bn2binpad(ECDSA_SIG_get0_s(es), rs + 32, 32);
      ECDSA_SIG_free(es);
      memcpy(sig, rs, 64);
      sl = 64;
    }
    b64(sig, sl, s, sizeof s);
  }
  size_t n = strlen(out);
  snprintf(out + n, max - n, ".%s", s);
}

static const struct oidc_harapan H = {.issuer = "https://sso.contoh.go.id", .client_id = "kinerja", .nonce = "n-0S6_WzA2Mj", .sekarang = NOW};

static char payload_buf[1024];
static const char *klaim(const char *extra)
{
  snprintf(payload_buf, sizeof payload_buf,
           "{\"iss\":\"https://sso.contoh.go.id\",\"sub\":\"abc\",\"aud\":\"kinerja\",\"exp\":%d,\"iat\":%d,"
           "\"nonce\":\"n-0S6_WzA2Mj\",\"nip\":\"198609262015051001\"%s}", NOW + 300, NOW, extra ? extra : "");
  return payload_buf;
}

static enum oidc_jwt_hasil periksa(const char *header, const char *payload, EVP_PKEY *k, const char *alg)
{
  char t[8192];
  json_t *ks = jwks(), *c = NULL;
  token(header, payload, k, alg, t, sizeof t);
  enum oidc_jwt_hasil r = oidc_jwt_verifikasi(t, ks, &H, &c);
  if (r == JWT_OK) {
    assert_non_null(c);
    assert_string_equal(json_string_value(json_object_get(c, "nip")), "198609262015051001");
  } else {
    assert_null(c);
  }
  json_decref(c);
  json_decref(ks);
  return r;
}

#define RS "{\"alg\":\"RS256\",\"kid\":\"rsa1\"}"
#define ES "{\"alg\":\"ES256\",\"kid\":\"ec1\"}"

static void sah(void **s)
{
  assert_int_equal(periksa(RS, klaim(NULL), rsa, "RS256"), JWT_OK);
  assert_int_equal(periksa(ES, klaim(NULL), ec, "ES256"), JWT_OK);
  /* without kid: the only key of that type */
  assert_int_equal(periksa("{\"alg\":\"ES256\"}", klaim(NULL), ec, "ES256"), JWT_OK);
  /* several audiences with azp = us */
  char p[1200];
  snprintf(p, sizeof p, "{\"iss\":\"https://sso.contoh.go.id\",\"sub\":\"abc\",\"aud\":[\"lain\",\"kinerja\"],\"azp\":\"kinerja\","
           "\"exp\":%d,\"iat\":%d,\"nonce\":\"n-0S6_WzA2Mj\",\"nip\":\"198609262015051001\"}", NOW + 300, NOW);
  assert_int_equal(periksa(RS, p, rsa, "RS256"), JWT_OK);
}

static void tanda_tangan(void **s)
{
  assert_int_equal(periksa(RS, klaim(NULL), rsa_lain, "RS256"), JWT_TANDA_TANGAN);
  char t[8192];
  json_t *ks = jwks(), *c = NULL;
  token(RS, klaim(NULL), rsa, "RS256", t, sizeof t);
  char *sig = strrchr(t, '.') + 10;
  *sig = *sig == 'A' ? 'B' : 'A';   /* one signature character changed */
  assert_int_equal(oidc_jwt_verifikasi(t, ks, &H, &c), JWT_TANDA_TANGAN);
  json_decref(ks);
  /* an ES256 header on an RSA-signed token: no EC key verifies it */
  assert_int_equal(periksa("{\"alg\":\"ES256\",\"kid\":\"rsa1\"}", klaim(NULL), rsa, "RS256"), JWT_KID);
}

static void alg_ditolak(void **s)
{
  assert_int_equal(periksa("{\"alg\":\"none\",\"kid\":\"rsa1\"}", klaim(NULL), NULL, "none"), JWT_ALG);
  assert_int_equal(periksa("{\"alg\":\"HS256\",\"kid\":\"rsa1\"}", klaim(NULL), NULL, "HS256"), JWT_ALG);
  assert_int_equal(periksa("{\"alg\":\"RS512\",\"kid\":\"rsa1\"}", klaim(NULL), rsa, "RS256"), JWT_ALG);
  assert_int_equal(periksa("{\"alg\":\"RS256\",\"kid\":\"rsa1\",\"crit\":[\"b64\"]}", klaim(NULL), rsa, "RS256"), JWT_ALG);
}

static void klaim_salah(void **s)
{
  char p[1200];
#define f "{\"nip\":\"198609262015051001\",\"iss\":\"%s\",\"sub\":\"abc\",\"aud\":%s,\"exp\":%d,\"iat\":%d,\"nonce\":\"%s\"}"
  snprintf(p, sizeof p, f, "https://lain.go.id", "\"kinerja\"", NOW + 300, NOW, "n-0S6_WzA2Mj");
  assert_int_equal(periksa(RS, p, rsa, "RS256"), JWT_ISS);
  snprintf(p, sizeof p, f, "https://sso.contoh.go.id", "\"lain\"", NOW + 300, NOW, "n-0S6_WzA2Mj");
  assert_int_equal(periksa(RS, p, rsa, "RS256"), JWT_AUD);
  snprintf(p, sizeof p, f, "https://sso.contoh.go.id", "[\"kinerja\",\"lain\"]", NOW + 300, NOW, "n-0S6_WzA2Mj");
  assert_int_equal(periksa(RS, p, rsa, "RS256"), JWT_AUD);   /* several audiences, no azp */
  snprintf(p, sizeof p, f, "https://sso.contoh.go.id", "\"kinerja\"", NOW - OIDC_LEEWAY - 1, NOW - 600, "n-0S6_WzA2Mj");
  assert_int_equal(periksa(RS, p, rsa, "RS256"), JWT_EXP);
  snprintf(p, sizeof p, f, "https://sso.contoh.go.id", "\"kinerja\"", NOW - 30, NOW - 600, "n-0S6_WzA2Mj");
  assert_int_equal(periksa(RS, p, rsa, "RS256"), JWT_OK);   /* within the leeway */
  snprintf(p, sizeof p, f, "https://sso.contoh.go.id", "\"kinerja\"", NOW + 900, NOW + 600, "n-0S6_WzA2Mj");
  assert_int_equal(periksa(RS, p, rsa, "RS256"), JWT_NBF);
  snprintf(p, sizeof p, f, "https://sso.contoh.go.id", "\"kinerja\"", NOW + 300, NOW, "lain");
  assert_int_equal(periksa(RS, p, rsa, "RS256"), JWT_NONCE);
  assert_int_equal(periksa(RS, klaim(",\"azp\":\"lain\""), rsa, "RS256"), JWT_AUD);
  assert_int_equal(periksa(RS, klaim(",\"nbf\":1999999999"), rsa, "RS256"), JWT_NBF);
#undef f
}

static void kunci(void **s)
{
  assert_int_equal(periksa("{\"alg\":\"RS256\",\"kid\":\"tidak-ada\"}", klaim(NULL), rsa, "RS256"), JWT_KID);
  assert_int_equal(periksa("{\"alg\":\"RS256\",\"kid\":\"lemah\"}", klaim(NULL), rsa_lemah, "RS256"), JWT_KUNCI);
  /* an EC point off the curve */
  char t[8192];
  json_t *ks = json_pack("{s:[o]}", "keys", jwk_ec(ec, "ec1", true)), *c = NULL;
  token(ES, klaim(NULL), ec, "ES256", t, sizeof t);
  assert_int_equal(oidc_jwt_verifikasi(t, ks, &H, &c), JWT_KUNCI);
  json_decref(ks);
}

static void format(void **s)
{
  json_t *ks = jwks(), *c = NULL;
  assert_int_equal(oidc_jwt_verifikasi("", ks, &H, &c), JWT_FORMAT);
  assert_int_equal(oidc_jwt_verifikasi("a.b", ks, &H, &c), JWT_FORMAT);
  assert_int_equal(oidc_jwt_verifikasi("a.b.c.d", ks, &H, &c), JWT_FORMAT);
  assert_int_equal(oidc_jwt_verifikasi("e30.e30.", ks, &H, &c), JWT_ALG);   /* {} header: no alg */
  assert_int_equal(oidc_jwt_verifikasi("!!!.e30.AAAA", ks, &H, &c), JWT_FORMAT);
  json_decref(ks);
  /* duplicate keys in the payload */
  assert_int_equal(periksa(RS, "{\"nonce\":\"a\",\"nonce\":\"n-0S6_WzA2Mj\"}", rsa, "RS256"), JWT_FORMAT);
}

static void kembali(void **s)
{
  assert_true(oidc_kembali_sah("/#/skp"));
  assert_true(oidc_kembali_sah("/"));
  assert_false(oidc_kembali_sah("//evil.example/"));
  assert_false(oidc_kembali_sah("https://evil.example/"));
  assert_false(oidc_kembali_sah("/\\evil"));
  assert_false(oidc_kembali_sah("/a b"));
  assert_false(oidc_kembali_sah(""));
  assert_false(oidc_kembali_sah(NULL));
}

static int siapkan(void **s)
{
  rsa = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048);
  rsa_lain = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048);
  rsa_lemah = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)1024);
  ec = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
  return rsa && rsa_lain && rsa_lemah && ec ? 0 : -1;
}

static int bereskan(void **s)
{
  EVP_PKEY_free(rsa);
  EVP_PKEY_free(rsa_lain);
  EVP_PKEY_free(rsa_lemah);
  EVP_PKEY_free(ec);
  return 0;
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(sah),
    cmocka_unit_test(tanda_tangan),
    cmocka_unit_test(alg_ditolak),
    cmocka_unit_test(klaim_salah),
    cmocka_unit_test(kunci),
    cmocka_unit_test(format),
    cmocka_unit_test(kembali),
  };
  return cmocka_run_group_tests(tests, siapkan, bereskan);
}
