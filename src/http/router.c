/* router.c: route table matching (see router.h). */
#include "http/router.h"

#include <stdio.h>
#include <string.h>

/* Matches path against pattern; fills params when m != NULL.  Returns 1 on match. */
static int match_pattern(const char *pat, const char *path, struct route_match *m)
{
  int np = 0;
  const char *p = pat, *s = path;
  while (*p && *s) {
    if (*p == '{') {
      const char *close = strchr(p, '}');
      if (!close) return 0;
      const char *end = strchr(s, '/');
      size_t vlen = end ? (size_t)(end - s) : strlen(s);
      if (vlen == 0 || vlen >= ROUTE_PARAM_MAX || np >= ROUTE_MAX_PARAMS) return 0;
      if (m) {
        m->names[np] = p + 1;
        m->name_len[np] = (size_t)(close - p - 1);
        memcpy(m->values[np], s, vlen);
        m->values[np][vlen] = 0;
      }
      np++;
      p = close + 1;
      s += vlen;
      continue;
    }
    if (*p != *s) return 0;
    p++;
    s++;
  }
  if (*p || *s) return 0;
  if (m) m->nparams = np;
  return 1;
}

enum route_result router_match(const struct route *t, size_t n, const char *method,
                               const char *path, struct route_match *m)
{
  int path_seen = 0;
  memset(m, 0, sizeof *m);
  m->index = -1;
  for (size_t i = 0; i < n; i++) {
    if (!match_pattern(t[i].pattern, path, NULL)) continue;
    path_seen = 1;
    if (strcmp(t[i].method, method) != 0) continue;
    match_pattern(t[i].pattern, path, m);
    m->index = (int)i;
    return ROUTE_FOUND;
  }
  return path_seen ? ROUTE_BAD_METHOD : ROUTE_NOT_FOUND;
}

const char *route_param(const struct route_match *m, const char *name)
{
  size_t l = strlen(name);
  for (int i = 0; i < m->nparams; i++)
    if (m->name_len[i] == l && memcmp(m->names[i], name, l) == 0) return m->values[i];
  return NULL;
}

void router_allowed(const struct route *t, size_t n, const char *path, char *out, size_t outlen)
{
  size_t used = 0;
  out[0] = 0;
  for (size_t i = 0; i < n; i++) {
    if (!match_pattern(t[i].pattern, path, NULL)) continue;
    int w = snprintf(out + used, outlen - used, "%s%s", used ? ", " : "", t[i].method);
    if (w < 0 || (size_t)w >= outlen - used) break;
    used += (size_t)w;
  }
}
