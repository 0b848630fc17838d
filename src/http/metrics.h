/* metrics.h: request counters and latency histograms per route, Prometheus text format. */
#ifndef KINERJA_METRICS_H
#define KINERJA_METRICS_H
#include <stddef.h>
#include "http/router.h"
#include "util/buf.h"

struct metrics;
/* One slot per route, plus "static" and "unmatched". */
struct metrics *metrics_new(const struct route *routes, size_t nroutes);
void metrics_free(struct metrics *m);
/* route_index -1 = static file, -2 = unmatched. */
void metrics_observe(struct metrics *m, int route_index, int status, double seconds);
/* Appends the exposition text. */
int metrics_render(struct metrics *m, struct buf *out, long db_connections, long open_connections,
                   long in_flight);
#endif
