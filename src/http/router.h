/* router.h: matching a method and path against a table of routes (pure; no I/O).
 *
 * Patterns are literal segments and `{name}` parameters, e.g. "/api/v1/pegawai/{id}".  A path
 * that matches some pattern with another method yields ROUTE_BAD_METHOD (HTTP 405).
 */
#ifndef KINERJA_ROUTER_H
#define KINERJA_ROUTER_H
#include <stddef.h>

struct request;
typedef int (*route_handler)(struct request *req);

/* Capabilities: who may call a route.  CAP_PUBLIC needs no login; CAP_USER any logged-in user;
 * otherwise the bits name the roles allowed (PERAN_* in auth/principal.h). */
#define CAP_PUBLIC 0u
#define CAP_USER   0x100u

/* BODY_JSON_OPT: a JSON object that may be left out (workflow actions with an optional note).
 * BODY_RAW: any content type (file uploads); the handler checks the bytes themselves. */
enum body_kind { BODY_NONE = 0, BODY_JSON, BODY_CSV, BODY_JSON_OPT, BODY_RAW };

struct route {
  const char *method;
  const char *pattern;
  route_handler fn;
  unsigned cap;
  enum body_kind body;
  size_t body_max;      /* bytes; 0 = no body accepted */
  int antre;            /* 1: a small write run on the group-commit writer (http/antre.c) */
};

#define ROUTE_MAX_PARAMS 4
#define ROUTE_PARAM_MAX 128

struct route_match {
  int index;                                   /* into the table, or -1 */
  int nparams;
  const char *names[ROUTE_MAX_PARAMS];         /* point into the pattern (not NUL-terminated) */
  size_t name_len[ROUTE_MAX_PARAMS];
  char values[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX];
};

enum route_result { ROUTE_FOUND = 0, ROUTE_NOT_FOUND, ROUTE_BAD_METHOD };

enum route_result router_match(const struct route *table, size_t n, const char *method,
                               const char *path, struct route_match *m);
/* Value of parameter `name`, or NULL. */
const char *route_param(const struct route_match *m, const char *name);
/* Comma-separated methods allowed for `path` into out (for the Allow header). */
void router_allowed(const struct route *table, size_t n, const char *path, char *out, size_t outlen);
#endif
