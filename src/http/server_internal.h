/* server_internal.h: the server object, shared by server.c, response.c and static.c only. */
#ifndef KINERJA_SERVER_INTERNAL_H
#define KINERJA_SERVER_INTERNAL_H
#include <pthread.h>
#include <stdatomic.h>
#include "config.h"
#include "http/http.h"
#include "http/metrics.h"

struct server {
  const struct config *cfg;
  struct MHD_Daemon *daemon;
  const struct route *routes;
  size_t nroutes;
  struct metrics *metrics;
  struct laju *laju;        /* rate-limit buckets (http/laju.h) */
  atomic_long in_flight;
  pthread_mutex_t dbs_lock;
  struct db **dbs;          /* every per-thread connection, closed at shutdown */
  size_t ndbs, capdbs;
  struct penulis *penulis;  /* the group-commit writer (db/penulis.h, http/antre.c) */
};

/* Queues a request of an `antre` route on the writer and suspends its connection: true when
 * queued (the answer is queued when the writer resumes it), false when the handler is to run
 * on this thread (no writer, or it is stopping). */
bool antre_kirim(struct request *req);

/* Adds a per-thread connection to srv->dbs (closed at shutdown).  0, or -1 when out of memory. */
int server_db_simpan(struct server *srv, struct db *db);
/* The replica reads' counters for /metrics (server_replika.c). */
struct buf;
int metrics_replika(struct buf *b);

/* Serves a file below cfg->web_dir for GET/HEAD `req->path`; replies 404 when absent. */
int static_serve(struct request *req);
/* /healthz and /metrics handlers (public routes). */
int server_healthz(struct request *req);
int server_metrics(struct request *req);
#endif
