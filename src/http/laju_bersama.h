/* laju_bersama.h: request rate limits counted across the nodes of one PostgreSQL database
 * ("bersama" = shared).  Each node keeps deciding from its own buckets (http/laju.h: no database
 * work on the request path); a thread reports once a second what its buckets gave out (table
 * laju_pakai, one row per active bucket) and takes from its buckets what the other nodes
 * reported.  A client whose requests a load balancer spreads over N nodes thus gets the limit
 * once, not N times, give or take one second of requests per node.  The bucket names are
 * keyed hashes with a key all nodes read from simpul_rahasia.  SQLite is one node: not started. */
#ifndef KINERJA_LAJU_BERSAMA_H
#define KINERJA_LAJU_BERSAMA_H
#include "config.h"
#include "http/laju.h"

#define LAJU_BERSAMA_LAPOR_MAKS 512   /* buckets reported per second; the rest wait a second */
#define LAJU_BERSAMA_SIMPAN 60         /* seconds a report is kept */

struct laju_bersama;
/* On a PostgreSQL database: sets l's hash key from the database (made by the first node) and
 * starts the reporting thread.  Call before l is used.  *ok = 0 when it failed (logged);
 * returns NULL on SQLite (with *ok = 1) or on failure. */
struct laju_bersama *laju_bersama_mulai(const struct config *cfg, struct laju *l, int *ok);
void laju_bersama_henti(struct laju_bersama *b);
#endif
