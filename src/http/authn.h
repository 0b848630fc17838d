/* authn.h: authenticating an HTTP request by session cookie or bearer token. */
#ifndef KINERJA_AUTHN_H
#define KINERJA_AUTHN_H
#include <stdbool.h>
#include <stddef.h>
#include "http/http.h"

/* Fills req->who.  Returns 0 when authenticated, 1 when not (no or bad credentials), -1 when
 * a reply was already made (database unavailable). */
int auth_authenticate(struct request *req);
/* Constant-time comparison of n bytes. */
bool auth_const_equal(const char *a, const char *b, size_t n);
/* The client address as text (for the login throttle). */
void http_client_addr(struct request *req, char *out, size_t n);
/* The session cookie value of the request, or NULL. */
const char *http_session_cookie(struct request *req);
#endif
