/* metrics.c: lock-free counters (relaxed atomics) rendered as Prometheus text. */
#include "http/metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static const double bounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
#define NB (sizeof bounds / sizeof bounds[0])

struct slot {
  atomic_ulong status[6];       /* 1xx..5xx by index 1..5 */
  atomic_ulong bucket[NB + 1];  /* non-cumulative; last = +Inf */
  atomic_ulong sum_us;
};

struct metrics {
  const struct route *routes;
  size_t n;
  struct slot *slots;  /* n + 2 */
};

struct metrics *metrics_new(const struct route *routes, size_t n)
{
  struct metrics *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->slots = calloc(n + 2, sizeof *m->slots);
  if (!m->slots) { free(m); return NULL; }
  m->routes = routes;
  m->n = n;
  return m;
}

void metrics_free(struct metrics *m)
{
  if (!m) return;
  free(m->slots);
  free(m);
}

void metrics_observe(struct metrics *m, int idx, int status, double s)
{
  size_t i = idx >= 0 ? (size_t)idx : (idx == -1 ? m->n : m->n + 1);
  struct slot *sl = &m->slots[i];
  int c = status / 100;
  if (c < 1 || c > 5) c = 5;
  atomic_fetch_add_explicit(&sl->status[c], 1, memory_order_relaxed);
  size_t b = 0;
  while (b < NB && s > bounds[b]) b++;
  atomic_fetch_add_explicit(&sl->bucket[b], 1, memory_order_relaxed);
  atomic_fetch_add_explicit(&sl->sum_us, (unsigned long)(s * 1e6), memory_order_relaxed);
}

static void route_label(struct metrics *m, size_t i, char *out, size_t n)
{
  const char *meth = i < m->n ? m->routes[i].method : "GET";
  const char *pat = i < m->n ? m->routes[i].pattern : (i == m->n ? "static" : "unmatched");
  snprintf(out, n, "%s %s", meth, pat);
}

int metrics_render(struct metrics *m, struct buf *o, long dbc, long conns, long inflight)
{
  int rc = 0;
  char lbl[256];
  rc |= buf_puts(o, "# HELP kinerja_http_requests_total HTTP requests by route and status class.\n"
                    "# TYPE kinerja_http_requests_total counter\n");
  for (size_t i = 0; i < m->n + 2; i++) {
    route_label(m, i, lbl, sizeof lbl);
    for (int c = 1; c <= 5; c++) {
      unsigned long v = atomic_load_explicit(&m->slots[i].status[c], memory_order_relaxed);
      if (v) rc |= buf_printf(o, "kinerja_http_requests_total{route=\"%s\",code=\"%dxx\"} %lu\n", lbl, c, v);
    }
  }
  rc |= buf_puts(o, "# HELP kinerja_http_request_duration_seconds Request latency by route.\n"
                    "# TYPE kinerja_http_request_duration_seconds histogram\n");
  for (size_t i = 0; i < m->n + 2; i++) {
    unsigned long cum = 0, total = 0;
    for (size_t b = 0; b <= NB; b++) total += atomic_load_explicit(&m->slots[i].bucket[b], memory_order_relaxed);
    if (!total) continue;
    route_label(m, i, lbl, sizeof lbl);
    for (size_t b = 0; b <= NB; b++) {
      cum += atomic_load_explicit(&m->slots[i].bucket[b], memory_order_relaxed);
      if (b < NB)
        rc |= buf_printf(o, "kinerja_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %lu\n", lbl, bounds[b], cum);
      else
        rc |= buf_printf(o, "kinerja_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %lu\n", lbl, cum);
    }
    rc |= buf_printf(o, "kinerja_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n", lbl,
                     (double)atomic_load_explicit(&m->slots[i].sum_us, memory_order_relaxed) / 1e6);
    rc |= buf_printf(o, "kinerja_http_request_duration_seconds_count{route=\"%s\"} %lu\n", lbl, total);
  }
  rc |= buf_printf(o, "# HELP kinerja_db_connections_open Database connections open (one per worker thread).\n"
                      "# TYPE kinerja_db_connections_open gauge\nkinerja_db_connections_open %ld\n", dbc);
  rc |= buf_printf(o, "# HELP kinerja_http_connections_open HTTP connections open.\n"
                      "# TYPE kinerja_http_connections_open gauge\nkinerja_http_connections_open %ld\n", conns);
  rc |= buf_printf(o, "# HELP kinerja_http_requests_in_flight Requests being processed.\n"
                      "# TYPE kinerja_http_requests_in_flight gauge\nkinerja_http_requests_in_flight %ld\n", inflight);
  return rc ? -1 : 0;
}
