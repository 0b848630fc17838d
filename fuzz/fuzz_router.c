/* fuzz_router.c: the route matcher (src/http/router.c) over the real route table, and the query
 * parameters the handlers decode themselves.  Input: "METHOD /path?query" (first space splits).
 * The query string is split and unescaped as libmicrohttpd does (MHD_http_unescape); each value
 * then goes through what the handlers do with query values: parse_int64 (limit, ids, tahun),
 * cursor_decode (keyset cursors), like_pattern (?q= search) and date_valid (dari, sampai).
 * Invariants: a FOUND route has the method asked for, its parameters fit and can be looked up
 * by name; a 405 names at least one allowed method. */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "common.h"
#include "http/router.h"
#include "util/cursor.h"
#include "util/util.h"

static void query_value(const char *v)
{
  int64_t n;
  (void)parse_int64(v, 1, 200, &n);
  (void)parse_int64(v, 1, INT64_MAX, &n);
  char val[256];
  int64_t id;
  if (cursor_decode(v, val, sizeof val, &id) == 0 && strlen(val) >= sizeof val) abort();
  char pat[520];
  like_pattern(v, true, pat, sizeof pat);
  if (strlen(pat) >= sizeof pat) abort();
  like_pattern(v, false, pat, sizeof pat);
  (void)date_valid(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *s = fuzz_str(data, size);
  char *path = strchr(s, ' ');
  const char *method = "GET";
  if (path) { *path++ = 0; method = s; } else path = s;
  char *q = strchr(path, '?');
  if (q) *q++ = 0;

  struct route_match m;
  enum route_result r = router_match(api_routes, api_routes_count, method, path, &m);
  if (r == ROUTE_FOUND) {
    if (m.index < 0 || (size_t)m.index >= api_routes_count) abort();
    if (strcmp(api_routes[m.index].method, method) != 0) abort();
    if (m.nparams < 0 || m.nparams > ROUTE_MAX_PARAMS) abort();
    for (int i = 0; i < m.nparams; i++) {
      if (strlen(m.values[i]) >= ROUTE_PARAM_MAX || !m.values[i][0]) abort();
      char name[64];
      if (m.name_len[i] >= sizeof name) abort();
      memcpy(name, m.names[i], m.name_len[i]);
      name[m.name_len[i]] = 0;
      const char *v = route_param(&m, name);
      if (!v) abort();
      query_value(v);
    }
  } else if (m.index != -1) {
    abort();
  }
  char allow[128];
  router_allowed(api_routes, api_routes_count, path, allow, sizeof allow);
  if (r == ROUTE_BAD_METHOD && !allow[0]) abort();

  /* key=value&key=value, '+' and %XX unescaped like libmicrohttpd's argument parser */
  for (char *kv = q; kv && *kv;) {
    char *next = strchr(kv, '&');
    if (next) *next++ = 0;
    char *eq = strchr(kv, '=');
    if (eq) {
      *eq++ = 0;
      for (char *p = eq; *p; p++) if (*p == '+') *p = ' ';
      MHD_http_unescape(eq);
      query_value(eq);
    }
    MHD_http_unescape(kv);
    kv = next;
  }
  free(s);
  return 0;
}
