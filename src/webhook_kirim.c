/* webhook_kirim.c: the HTTP client of the webhook sender, over libcurl (see webhook_kirim.h). */
#include "webhook_kirim.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#define BATAS_WAKTU 10L       /* seconds, connect and whole request */
#define JAWABAN_SIMPAN 200    /* bytes of the receiver's answer kept for the log */

int webhook_kirim_global_mulai(void) { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1; }
void webhook_kirim_global_akhiri(void) { curl_global_cleanup(); }

void *webhook_kirim_buka(void) { return curl_easy_init(); }
void webhook_kirim_tutup(void *h) { if (h) curl_easy_cleanup(h); }

struct jawaban { char teks[JAWABAN_SIMPAN + 1]; size_t len; };

/* Keeps the first bytes of the answer as printable ASCII (it goes into the log as text). */
static size_t tulis_cb(char *p, size_t size, size_t nmemb, void *ud)
{
  struct jawaban *j = ud;
  size_t n = size * nmemb;
  for (size_t i = 0; i < n && j->len < JAWABAN_SIMPAN; i++) {
    unsigned char c = (unsigned char)p[i];
    j->teks[j->len++] = c >= 0x20 && c < 0x7f ? (char)c : ' ';
  }
  j->teks[j->len] = 0;
  return n;
}

static int progres_cb(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
  (void)dt; (void)dn; (void)ut; (void)un;
  const atomic_bool *henti = ud;
  return henti && atomic_load(henti) ? 1 : 0;
}

/* The Indonesian half of the error text. */
static const char *ringkas(CURLcode c)
{
  switch (c) {
  case CURLE_COULDNT_RESOLVE_HOST: return "nama server penerima tidak dikenal";
  case CURLE_COULDNT_CONNECT: return "server penerima tidak dapat dihubungi";
  case CURLE_OPERATION_TIMEDOUT: return "penerima tidak menjawab dalam 10 detik";
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_PEER_FAILED_VERIFICATION: return "koneksi TLS ke penerima gagal (periksa sertifikatnya)";
  case CURLE_UNSUPPORTED_PROTOCOL:
  case CURLE_URL_MALFORMAT: return "URL webhook tidak valid";
  default: return "pertukaran dengan penerima terputus";
  }
}

enum webhook_kirim_hasil webhook_kirim_http(void *h, const struct webhook_permintaan *p, long *http_status,
                                            char *galat, size_t n)
{
  CURL *c = h;
  char err[CURL_ERROR_SIZE] = "", v[256];
  struct jawaban jw = {.len = 0};
  struct curl_slist *hdr = NULL, *t;
  *http_status = 0;
  galat[0] = 0;
  jw.teks[0] = 0;
  const char *baris[] = {"Content-Type: application/json", "Expect:", "Accept: */*"};
  for (size_t i = 0; i < sizeof baris / sizeof baris[0]; i++) {
    if (!(t = curl_slist_append(hdr, baris[i]))) goto habis;
    hdr = t;
  }
#define TAMBAH(...) do { snprintf(v, sizeof v, __VA_ARGS__); if (!(t = curl_slist_append(hdr, v))) goto habis; hdr = t; } while (0)
  TAMBAH("X-Kinerja-Event: %s", p->peristiwa);
  TAMBAH("X-Kinerja-Delivery: %lld", (long long)p->id);
  TAMBAH("X-Kinerja-Timestamp: %lld", (long long)p->waktu);
  TAMBAH("X-Kinerja-Signature: %s", p->tanda);
#undef TAMBAH
  curl_easy_reset(c);
  curl_easy_setopt(c, CURLOPT_URL, p->url);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, BATAS_WAKTU);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, BATAS_WAKTU);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "kinerja-webhook/1");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, p->isi);
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)p->len);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, tulis_cb);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &jw);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progres_cb);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, (void *)p->henti);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  CURLcode rc = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, http_status);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, NULL);
  curl_slist_free_all(hdr);
  if (rc == CURLE_ABORTED_BY_CALLBACK) { snprintf(galat, n, "pengiriman dihentikan"); return WEBHOOK_KIRIM_DIHENTIKAN; }
  if (rc != CURLE_OK) {
    snprintf(galat, n, "Gagal mengirim webhook: %s (%s)", ringkas(rc), err[0] ? err : curl_easy_strerror(rc));
    return rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_OPERATION_TIMEDOUT
           ? WEBHOOK_KIRIM_TAK_TERHUBUNG : WEBHOOK_KIRIM_GAGAL;
  }
  if (*http_status >= 200 && *http_status < 300) return WEBHOOK_KIRIM_OK;
  if (*http_status >= 300 && *http_status < 400)
    snprintf(galat, n, "Penerima menjawab HTTP %ld (pengalihan tidak diikuti; daftarkan URL tujuan akhirnya)", *http_status);
  else
    snprintf(galat, n, "Penerima menjawab HTTP %ld%s%s", *http_status, jw.len ? ": " : "", jw.teks);
  return WEBHOOK_KIRIM_GAGAL;
habis:
  curl_slist_free_all(hdr);
  snprintf(galat, n, "memori habis");
  return WEBHOOK_KIRIM_GAGAL;
}
