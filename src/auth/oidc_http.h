/* oidc_http.h: fetching the provider's documents and exchanging the code, over libcurl.
 *
 * Only https:// URLs, or http:// to the loopback address (127.0.0.1, ::1, localhost: a provider
 * on the same machine, as in the tests).  No redirects are followed, answers above
 * OIDC_HTTP_MAX bytes are refused, every request ends within OIDC_HTTP_WAKTU seconds.  Nothing
 * sent or received is logged here. */
#ifndef KINERJA_OIDC_HTTP_H
#define KINERJA_OIDC_HTTP_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define OIDC_HTTP_MAX (256u * 1024u)
#define OIDC_HTTP_WAKTU 10L

/* True when url is an absolute https URL, or http to the loopback address, without userinfo
 * or fragment. */
bool oidc_url_boleh(const char *url);

struct oidc_form {        /* a POST to the token endpoint */
  const char *isi;        /* application/x-www-form-urlencoded body */
  const char *basic_user; /* client_secret_basic: user and password (already form-encoded), or NULL */
  const char *basic_pass;
};

/* GET url (form NULL) or POST the form, and parse a JSON object answer.  *http receives the
 * status (0 without an answer).  Returns 0 with *out (new reference) for a 2xx JSON object
 * answer; 1 for a non-2xx answer (*out is the JSON object when the body was one, else NULL);
 * -1 when there was no usable answer (transport error, not JSON, too big), with a short
 * Indonesian reason in err (never a secret). */
int oidc_http_json(const char *url, const struct oidc_form *form, long *http, json_t **out,
                   char *err, size_t n);

/* url-encodes s for a query or form (curl_easy_escape); the caller frees with oidc_http_free. */
char *oidc_http_escape(const char *s);
void oidc_http_free(char *p);
#endif
