/* webhook_tanda.c: HMAC-SHA256 signatures of webhook deliveries (see webhook_tanda.h). */
#include "webhook_tanda.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

void webhook_tanda(const char *rahasia, int64_t waktu, const char *isi, size_t len, char out[WEBHOOK_TANDA_PANJANG + 1])
{
  crypto_auth_hmacsha256_state st;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  char ts[24];
  int n = snprintf(ts, sizeof ts, "%lld.", (long long)waktu);
  crypto_auth_hmacsha256_init(&st, (const unsigned char *)rahasia, strlen(rahasia));
  crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts, (unsigned long long)n);
  crypto_auth_hmacsha256_update(&st, (const unsigned char *)isi, (unsigned long long)len);
  crypto_auth_hmacsha256_final(&st, mac);
  memcpy(out, "sha256=", 7);
  sodium_bin2hex(out + 7, WEBHOOK_TANDA_PANJANG + 1 - 7, mac, sizeof mac);
  sodium_memzero(&st, sizeof st);
}

void webhook_rahasia_baru(char out[69])
{
  memcpy(out, "whk_", 4);
  random_hex(out + 4, 32);
}
