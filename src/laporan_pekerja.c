/* laporan_pekerja.c: the report export thread (see laporan_pekerja.h). */
#include "laporan_pekerja.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <stdbool.h>
#include <time.h>

#include "db/db.h"
#include "laporan.h"
#include "util/log.h"
#include "util/util.h"

static struct {
  pthread_t t;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  bool jalan, berhenti, bangun;
  const char *db_path, *data_dir;
  int sewa, jeda_uji;
} P = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

static void *loop(void *arg)
{
  (void)arg;
  char err[256];
  struct db *db = db_open(P.db_path, err, sizeof err), *baca = db_open(P.db_path, err, sizeof err);
  if (!db || !baca) {
    log_msg(LOG_ERROR, "pekerja laporan: basis data tidak dapat dibuka: %s", err);
    db_close(db);
    db_close(baca);
    return NULL;
  }
  int64_t bersih = 0;
  for (;;) {
    pthread_mutex_lock(&P.mu);
    bool stop = P.berhenti;
    P.bangun = false;
    pthread_mutex_unlock(&P.mu);
    if (stop) break;
    int r;
    while ((r = laporan_kerjakan_satu(db, baca, P.data_dir, P.sewa, P.jeda_uji)) == 1) {
      pthread_mutex_lock(&P.mu);
      stop = P.berhenti;
      pthread_mutex_unlock(&P.mu);
      if (stop) break;
    }
    if (r < 0) log_msg(LOG_WARN, "pekerja laporan: %s", db_errmsg(db));
    if (now_unix() - bersih > 3600) {
      bersih = now_unix();
      int n = laporan_bersihkan(db, P.data_dir);
      if (n > 0) log_msg(LOG_INFO, "pekerja laporan: %d berkas lama dihapus", n);
    }
    pthread_mutex_lock(&P.mu);
    if (!P.berhenti && !P.bangun) {
      struct timespec ts;
      clock_gettime(CLOCK_REALTIME, &ts);
      ts.tv_sec += 5;
      pthread_cond_timedwait(&P.cv, &P.mu, &ts);
    }
    pthread_mutex_unlock(&P.mu);
  }
  db_close(baca);
  db_close(db);
  return NULL;
}

int laporan_pekerja_mulai(const char *db_path, const char *data_dir, int sewa)
{
  P.db_path = db_path;
  P.data_dir = data_dir;
  P.sewa = sewa;
  /* tests only: hold each claim this many seconds (a test stops the node in the middle) */
  int64_t j = 0;
  const char *e = getenv("KINERJA_UJI_LAPORAN_JEDA");
  P.jeda_uji = e && parse_int64(e, 0, 600, &j) == 0 ? (int)j : 0;
  P.berhenti = false;
  /* the stop signals belong to the main thread's sigwait: the worker never takes them */
  sigset_t set, lama;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, &lama);
  int rc = pthread_create(&P.t, NULL, loop, NULL);
  pthread_sigmask(SIG_SETMASK, &lama, NULL);
  if (rc != 0) return -1;
  P.jalan = true;
  return 0;
}

void laporan_pekerja_bangunkan(void)
{
  pthread_mutex_lock(&P.mu);
  P.bangun = true;
  pthread_cond_signal(&P.cv);
  pthread_mutex_unlock(&P.mu);
}

void laporan_pekerja_berhenti(void)
{
  if (!P.jalan) return;
  pthread_mutex_lock(&P.mu);
  P.berhenti = true;
  pthread_cond_signal(&P.cv);
  pthread_mutex_unlock(&P.mu);
  pthread_join(P.t, NULL);
  P.jalan = false;
}
