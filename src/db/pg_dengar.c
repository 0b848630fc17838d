/* pg_dengar.c: the LISTEN thread (see pg_dengar.h). */
#include "db/pg_dengar.h"

#include <libpq-fe.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "util/log.h"
#include "util/util.h"

struct pg_dengar {
  char url[1024], perintah[96];
  void (*fn)(void *ctx, const char *isi);
  void *ctx;
  pthread_t t;
  atomic_bool henti;
  PGconn *awal;   /* the connection made by pg_dengar_mulai, handed to the thread */
};

static void quiet(void *arg, const char *msg) { (void)arg; (void)msg; }

/* A connection that listens, or NULL (logged once per outage by the caller). */
static PGconn *sambung(struct pg_dengar *d)
{
  PGconn *c = PQconnectdb(d->url);
  if (PQstatus(c) != CONNECTION_OK) { PQfinish(c); return NULL; }
  PQsetNoticeProcessor(c, quiet, NULL);
  PGresult *r = PQexec(c, d->perintah);
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) { PQfinish(c); return NULL; }
  return c;
}

static void *jalan(void *arg)
{
  struct pg_dengar *d = arg;
  PGconn *c = d->awal;
  bool putus_dicatat = false;
  while (!atomic_load(&d->henti)) {
    if (!c && !(c = sambung(d))) {
      if (!putus_dicatat) log_msg(LOG_WARN, "peristiwa antarsimpul: PostgreSQL tidak dapat dihubungi; dicoba lagi setiap detik");
      putus_dicatat = true;
      for (int i = 0; i < 10 && !atomic_load(&d->henti); i++) usleep(100000);
      continue;
    }
    putus_dicatat = false;
    /* wake at least 5 times a second to see a stop request */
    struct pollfd p = {.fd = PQsocket(c), .events = POLLIN};
    int n = poll(&p, 1, 200);
    if (n < 0) continue;
    if (n > 0 && !PQconsumeInput(c)) { PQfinish(c); c = NULL; continue; }
    PGnotify *nf;
    while ((nf = PQnotifies(c)) != NULL) {
      d->fn(d->ctx, nf->extra ? nf->extra : "");
      PQfreemem(nf);
    }
    if (PQstatus(c) != CONNECTION_OK) { PQfinish(c); c = NULL; }
  }
  PQfinish(c);
  return NULL;
}

struct pg_dengar *pg_dengar_mulai(const char *url, const char *saluran,
                                  void (*fn)(void *ctx, const char *isi), void *ctx)
{
  struct pg_dengar *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  if (str_copy(d->url, sizeof d->url, url) != 0 ||
      snprintf(d->perintah, sizeof d->perintah, "LISTEN %s", saluran) >= (int)sizeof d->perintah) {
    free(d);
    return NULL;
  }
  d->fn = fn;
  d->ctx = ctx;
  atomic_init(&d->henti, false);
  /* the first connection is made here, so that once this returns the node hears every
   * notification committed from now on (a failure is retried by the thread) */
  d->awal = sambung(d);
  /* the stop signals belong to the main thread's sigwait */
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, &old);
  int e = pthread_create(&d->t, NULL, jalan, d);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (e != 0) { PQfinish(d->awal); free(d); return NULL; }
  return d;
}

void pg_dengar_henti(struct pg_dengar *d)
{
  if (!d) return;
  atomic_store(&d->henti, true);
  pthread_join(d->t, NULL);
  free(d);
}
