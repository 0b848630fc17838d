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
/* The client address as text (for the login throttle): the socket's peer, or behind a trusted
 * proxy (--trusted-proxy) the address X-Forwarded-For names. */
void http_client_addr(struct request *req, char *out, size_t n);
/* The socket's peer address as text, whatever the headers say. */
void http_peer_addr(struct request *req, char *out, size_t n);
/* The session cookie value of the request, or NULL. */
const char *http_session_cookie(struct request *req);
#endif
