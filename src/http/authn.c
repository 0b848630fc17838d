/* authn.c: request authentication (Authorization: Bearer, or the session cookie). */
#include "http/authn.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "auth/session.h"
#include "http/server_internal.h"
#include "util/util.h"

bool auth_const_equal(const char *a, const char *b, size_t n)
{
  return sodium_memcmp(a, b, n) == 0;
}

const char *http_session_cookie(struct request *req)
{
  return MHD_lookup_connection_value(req->conn, MHD_COOKIE_KIND, SESSION_COOKIE);
}

void http_client_addr(struct request *req, char *out, size_t n)
{
  if (req->klien[0]) { snprintf(out, n, "%s", req->klien); return; }
  http_peer_addr(req, out, n);
}

void http_peer_addr(struct request *req, char *out, size_t n)
{
  const union MHD_ConnectionInfo *ci = MHD_get_connection_info(req->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  out[0] = 0;
  if (!ci || !ci->client_addr) return;
  const struct sockaddr *sa = ci->client_addr;
  if (sa->sa_family == AF_INET)
    inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out, (socklen_t)n);
  else if (sa->sa_family == AF_INET6)
    inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out, (socklen_t)n);
}

int auth_authenticate(struct request *req)
{
  const char *authz = http_header(req, "Authorization");
  const char *cookie = http_session_cookie(req);
  if (!authz && !cookie) return 1;
  struct db *db = http_db(req);
  if (!db) return -1;
  int rc;
  if (authz) {
    if (strncasecmp(authz, "Bearer ", 7) != 0) return 1;
    const char *t = authz + 7;
    while (*t == ' ') t++;
    rc = token_lookup(db, t, &req->who);
  } else {
    rc = session_lookup(db, cookie, req->srv->cfg->session_idle, &req->who);
  }
  if (rc < 0) { reply_db_error(req); return -1; }
  if (rc > 0) { memset(&req->who, 0, sizeof req->who); return 1; }
  req->authed = true;
  return 0;
}
