/* surel_kirim.c: the SMTP client, a thin layer over libcurl's SMTP support (see surel_kirim.h). */
#include "surel_kirim.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#define CONNECT_TIMEOUT 10L
#define TOTAL_TIMEOUT 30L

int surel_kirim_global_mulai(void) { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1; }
void surel_kirim_global_akhiri(void) { curl_global_cleanup(); }

void *surel_kirim_buka(void) { return curl_easy_init(); }
void surel_kirim_tutup(void *h) { if (h) curl_easy_cleanup(h); }

struct baca { const char *p; size_t sisa; };

static size_t baca_cb(char *dst, size_t size, size_t nmemb, void *ud)
{
  struct baca *b = ud;
  size_t n = size * nmemb;
  if (n > b->sisa) n = b->sisa;
  memcpy(dst, b->p, n);
  b->p += n;
  b->sisa -= n;
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
  case CURLE_COULDNT_RESOLVE_HOST: return "nama server SMTP tidak dikenal";
  case CURLE_COULDNT_CONNECT: return "server SMTP tidak dapat dihubungi";
  case CURLE_OPERATION_TIMEDOUT: return "server SMTP tidak menjawab dalam batas waktu";
  case CURLE_LOGIN_DENIED: return "login SMTP ditolak (periksa pengguna dan kata sandi)";
  case CURLE_USE_SSL_FAILED:
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_PEER_FAILED_VERIFICATION: return "koneksi TLS ke server SMTP gagal";
  case CURLE_UNSUPPORTED_PROTOCOL:
  case CURLE_URL_MALFORMAT: return "URL SMTP tidak valid";
  default: return "server SMTP menolak atau memutus pengiriman";
  }
}

enum surel_kirim_hasil surel_kirim_smtp(void *h, const struct surel_smtp *s, const char *kepada,
                                        const char *pesan, size_t len, char *galat, size_t n)
{
  CURL *c = h;
  char err[CURL_ERROR_SIZE] = "", from[300];
  struct baca b = {pesan, len};
  struct curl_slist *rcpt = NULL;
  galat[0] = 0;
  snprintf(from, sizeof from, "<%s>", s->dari);
  rcpt = curl_slist_append(NULL, kepada);
  if (!rcpt) { snprintf(galat, n, "memori habis"); return SUREL_KIRIM_GAGAL; }
  curl_easy_reset(c);
  curl_easy_setopt(c, CURLOPT_URL, s->url);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, TOTAL_TIMEOUT);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
  if (s->user && *s->user) {
    curl_easy_setopt(c, CURLOPT_USERNAME, s->user);
    curl_easy_setopt(c, CURLOPT_PASSWORD, s->password ? s->password : "");
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, baca_cb);
  curl_easy_setopt(c, CURLOPT_READDATA, &b);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progres_cb);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, (void *)s->henti);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  CURLcode rc = curl_easy_perform(c);
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, NULL);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, NULL);
  curl_slist_free_all(rcpt);
  if (rc == CURLE_OK) return SUREL_KIRIM_OK;
  if (rc == CURLE_ABORTED_BY_CALLBACK) { snprintf(galat, n, "pengiriman dihentikan"); return SUREL_KIRIM_DIHENTIKAN; }
  snprintf(galat, n, "Gagal mengirim surel: %s (%s)", ringkas(rc), err[0] ? err : curl_easy_strerror(rc));
  return rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_OPERATION_TIMEDOUT
         ? SUREL_KIRIM_TAK_TERHUBUNG : SUREL_KIRIM_GAGAL;
}
