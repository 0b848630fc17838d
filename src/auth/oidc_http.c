/* oidc_http.c: the bounded libcurl client of the OIDC provider (see oidc_http.h). */
#include "auth/oidc_http.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"

static pthread_once_t sekali = PTHREAD_ONCE_INIT;
static void mulai_curl(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

bool oidc_url_boleh(const char *url)
{
  bool ok = false;
  char *skema = NULL, *host = NULL, *user = NULL, *frag = NULL;
  if (!url || strlen(url) > 2000) return false;
  CURLU *u = curl_url();
  if (!u || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK) goto fail;
  if (curl_url_get(u, CURLUPART_SCHEME, &skema, 0) != CURLUE_OK ||
      curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) goto fail;
  if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
      curl_url_get(u, CURLUPART_FRAGMENT, &frag, 0) == CURLUE_OK) goto fail;
  if (strcasecmp(skema, "https") == 0) ok = true;
  else if (strcasecmp(skema, "http") == 0)
    ok = strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0 || strcasecmp(host, "localhost") == 0;
fail:
  curl_free(skema);
  curl_free(host);
  curl_free(user);
  curl_free(frag);
  curl_url_cleanup(u);
  return ok;
}

static size_t tulis_cb(char *p, size_t size, size_t nmemb, void *ud)
{
  struct buf *b = ud;
  size_t n = size * nmemb;
  return buf_append(b, p, n) == 0 ? n : 0;   /* over the cap: abort the transfer */
}

char *oidc_http_escape(const char *s) { return curl_easy_escape(NULL, s, 0); }
void oidc_http_free(char *p) { curl_free(p); }

int oidc_http_json(const char *url, const struct oidc_form *form, long *http, json_t **out,
                   char *err, size_t n)
{
  int rc = -1;
  struct buf b;
  struct curl_slist *hdr = NULL, *t;
  CURL *c = NULL;
  *http = 0;
  *out = NULL;
  err[0] = 0;
  buf_init(&b, OIDC_HTTP_MAX);
  if (!oidc_url_boleh(url)) { snprintf(err, n, "alamat penyedia identitas tidak diizinkan (harus https)"); goto fail; }
  pthread_once(&sekali, mulai_curl);
  if (!(c = curl_easy_init())) { snprintf(err, n, "memori habis"); goto fail; }
  if (!(t = curl_slist_append(hdr, "Accept: application/json"))) goto fail;
  hdr = t;
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, OIDC_HTTP_WAKTU);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, OIDC_HTTP_WAKTU);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)OIDC_HTTP_MAX);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, tulis_cb);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "kinerja-oidc/1");
  if (form) {
    if (!(t = curl_slist_append(hdr, "Content-Type: application/x-www-form-urlencoded"))) goto fail;
    hdr = t;
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, form->isi);
    if (form->basic_user) {
      curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
      curl_easy_setopt(c, CURLOPT_USERNAME, form->basic_user);
      curl_easy_setopt(c, CURLOPT_PASSWORD, form->basic_pass ? form->basic_pass : "");
    }
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
  CURLcode cc = curl_easy_perform(c);
  if (cc != CURLE_OK) {
    if (cc == CURLE_OPERATION_TIMEDOUT) snprintf(err, n, "penyedia identitas tidak menjawab dalam %ld detik", OIDC_HTTP_WAKTU);
    else if (cc == CURLE_WRITE_ERROR || cc == CURLE_FILESIZE_EXCEEDED) snprintf(err, n, "jawaban penyedia identitas terlalu besar");
    else snprintf(err, n, "penyedia identitas tidak dapat dihubungi");
    goto fail;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, http);
  json_t *j = b.len ? json_loadb(b.data, b.len, JSON_REJECT_DUPLICATES, NULL) : NULL;
  if (j && !json_is_object(j)) { json_decref(j); j = NULL; }
  if (*http >= 200 && *http < 300) {
    if (!j) { snprintf(err, n, "jawaban penyedia identitas bukan JSON yang sah"); goto fail; }
    rc = 0;
  } else {
    snprintf(err, n, "penyedia identitas menjawab HTTP %ld", *http);
    rc = 1;
  }
  *out = j;
fail:
  curl_slist_free_all(hdr);
  if (c) curl_easy_cleanup(c);
  buf_free(&b);
  return rc;
}
