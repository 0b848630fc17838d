/* latar.c: the background pass thread (see latar.h). */
#include "util/latar.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>

#include "util/log.h"
#include "util/util.h"

struct latar {
  char db[1024];
  char nama[32];
  int interval;
  latar_fn fn;
  void *ctx;
  pthread_t t;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  atomic_bool henti;
};

/* Waits `interval` seconds on the monotonic clock, or until latar_henti. */
static void tunggu(struct latar *l)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  ts.tv_sec += l->interval;
  pthread_mutex_lock(&l->mu);
  while (!atomic_load(&l->henti))
    if (pthread_cond_timedwait(&l->cv, &l->mu, &ts) == ETIMEDOUT) break;
  pthread_mutex_unlock(&l->mu);
}

static void *jalan(void *arg)
{
  struct latar *l = arg;
  struct db *db = NULL;
  char err[256];
  while (!atomic_load(&l->henti)) {
    if (!db && !(db = db_open(l->db, err, sizeof err))) log_msg(LOG_ERROR, "%s: basis data tidak dapat dibuka: %s", l->nama, err);
    if (db) l->fn(db, &l->henti, l->ctx);
    tunggu(l);
  }
  db_close(db);
  return NULL;
}

struct latar *latar_mulai(const char *db_path, int interval, const char *nama, latar_fn fn, void *ctx)
{
  struct latar *l = calloc(1, sizeof *l);
  if (!l) return NULL;
  if (str_copy(l->db, sizeof l->db, db_path) != 0) { free(l); return NULL; }
  (void)str_copy(l->nama, sizeof l->nama, nama);   /* a longer name is cut: only for log lines */
  l->interval = interval;
  l->fn = fn;
  l->ctx = ctx;
  atomic_init(&l->henti, false);
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_mutex_init(&l->mu, NULL);
  pthread_cond_init(&l->cv, &ca);
  pthread_condattr_destroy(&ca);
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, &old);
  int e = pthread_create(&l->t, NULL, jalan, l);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (e != 0) {
    pthread_cond_destroy(&l->cv);
    pthread_mutex_destroy(&l->mu);
    free(l);
    return NULL;
  }
  return l;
}

void latar_henti(struct latar *l)
{
  if (!l) return;
  pthread_mutex_lock(&l->mu);
  atomic_store(&l->henti, true);
  pthread_cond_signal(&l->cv);
  pthread_mutex_unlock(&l->mu);
  pthread_join(l->t, NULL);
  pthread_cond_destroy(&l->cv);
  pthread_mutex_destroy(&l->mu);
  free(l);
}
