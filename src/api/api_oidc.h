/* api_oidc.h: single sign-on with OpenID Connect (issue 10 item 2): the login page's list, the
 * start and callback of the browser flow, and the admin settings of an instansi. */
#ifndef KINERJA_API_OIDC_H
#define KINERJA_API_OIDC_H
#include <stddef.h>
#include "http/http.h"

int api_oidc_daftar(struct request *req);
int api_oidc_mulai(struct request *req);
int api_oidc_callback(struct request *req);
int api_oidc_konfig_get(struct request *req);
int api_oidc_konfig_put(struct request *req);

/* For logout: the provider's end-session URL when the request's session was opened by SSO
 * ("" otherwise).  Returns 0, or -1 on database error (nothing replied). */
int api_oidc_keluar_url(struct request *req, char *out, size_t n);
#endif
