/* penulis.c: the group-commit writer thread (see penulis.h). */
#include "db/penulis.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "peristiwa.h"
#include "util/log.h"

struct penulis {
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  struct penulis_tugas *kepala, *ekor;
  bool henti;
  int maks;
  struct db *db;
  uint64_t n_tugas, n_batch;   /* under mu */
  /* checkpoints run on a thread of their own, off the writer's path (db_wal_pantau) */
  pthread_t titik;
  bool titik_jalan, titik_perlu;   /* under mu */
  bool titik_susul;   /* under mu: a checkpoint finished; the writer catches up before its next batch */
  struct db *titik_db;
  int titik_dasar;   /* the log's size in frames when a checkpoint was last asked for (writer thread only) */
  bool titik_ulang;  /* writer thread only: a catch-up ran, titik_dasar is set by the next commit */
  int titik_halaman; /* frames between checkpoints (atomic: penulis_titik_halaman) */
};

/* On PostgreSQL at most this many tasks share one transaction.  Each task runs in two nested
 * savepoints (jalankan's and the task's own db_begin_write in group mode) and each one that
 * writes gets a subtransaction id; a released savepoint's id stays with the transaction until
 * it ends.  A backend caches 64 of them (PGPROC_MAX_CACHED_SUBXIDS): past that its transaction
 * is "suboverflowed" (every snapshot taken meanwhile, here and on the streaming replica, looks
 * in-progress rows up in pg_subtrans), and the 64th already writes an XLOG_XACT_ASSIGNMENT
 * record that marks the replica's snapshots the same way.  30 x 2 = 60 leaves room for a task
 * that nests one more savepoint (none does today).  Measured (docs/postgres.md): with the batch
 * limit of 256, 67 such records in 143 batches of 64 concurrent POSTs; none with 30.  SQLite
 * has no such limit and keeps the caller's. */
#define PG_TUGAS_MAKS 30

#define TITIK_HALAMAN 4000   /* frames in the log before a checkpoint (SQLite: 1000); fewer checkpoints
                                write the hot pages (indexes, rollups, audit head) fewer times */

/* On the writer thread after each commit; frames is the size of the log, which only shrinks when
 * SQLite starts it over after a complete checkpoint (see utas).  Counting from the size at the
 * last request, not from 0, asks for one checkpoint per TITIK_HALAMAN new frames also while the
 * log is not started over (before: one per commit, each with two fsyncs, ~12 % of the CPU of a
 * POST in a profile).  No new request while the writer's catch-up is due: the two would collide
 * (SQLite runs one checkpoint at a time) and the log would never start over. */
static void wal_tumbuh(void *ctx, int frames)
{
  struct penulis *p = ctx;
  if (p->titik_ulang) {   /* the first commit after a catch-up: count from here */
    p->titik_ulang = false;
    p->titik_dasar = frames;
    return;
  }
  if (frames < p->titik_dasar) p->titik_dasar = 0;
  if (frames - p->titik_dasar < __atomic_load_n(&p->titik_halaman, __ATOMIC_RELAXED)) return;
  pthread_mutex_lock(&p->mu);
  if (p->titik_susul) { pthread_mutex_unlock(&p->mu); return; }
  p->titik_dasar = frames;
  if (!p->titik_perlu) {
    p->titik_perlu = true;
    pthread_cond_broadcast(&p->cv);
  }
  pthread_mutex_unlock(&p->mu);
}

static void *utas_titik(void *arg)
{
  struct penulis *p = arg;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->titik_perlu && !p->henti) pthread_cond_wait(&p->cv, &p->mu);
    if (!p->titik_perlu) break;
    p->titik_perlu = false;
    pthread_mutex_unlock(&p->mu);
    /* twice: the second pass copies what the writer committed during the first, so that little
     * is left for the writer's catch-up (on its path) */
    bool ok = db_checkpoint(p->titik_db) == DB_OK && db_checkpoint(p->titik_db) == DB_OK;
    if (!ok) log_msg(LOG_WARN, "penulis: checkpoint: %s", db_errmsg(p->titik_db));
    pthread_mutex_lock(&p->mu);
    if (ok) {   /* requests that came in meanwhile are covered by the writer's catch-up */
      p->titik_susul = true;
      p->titik_perlu = false;
    }
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

/* Takes up to p->maks queued tasks (in order); NULL when stopping and nothing is left.  *susul:
 * a checkpoint finished since the last call. */
static struct penulis_tugas *ambil(struct penulis *p, bool *susul)
{
  pthread_mutex_lock(&p->mu);
  while (!p->kepala && !p->henti) pthread_cond_wait(&p->cv, &p->mu);
  if (p->kepala && p->titik_perlu) pthread_cond_broadcast(&p->cv);   /* the cv is shared */
  struct penulis_tugas *batch = p->kepala, *t = batch;
  for (int n = 1; t && n < p->maks; n++) t = t->next_;
  if (t) {
    p->kepala = t->next_;
    t->next_ = NULL;
  } else {
    p->kepala = NULL;
  }
  if (!p->kepala) p->ekor = NULL;
  *susul = p->titik_susul;
  p->titik_susul = false;
  pthread_mutex_unlock(&p->mu);
  return batch;
}

/* Runs one task in a savepoint of its own; false when the batch's transaction was lost (SQLite
 * rolls a whole transaction back on some I/O and memory errors). */
static bool jalankan(struct db *db, struct penulis_tugas *t)
{
  if (db_exec(db, "SAVEPOINT penulis_tugas") != DB_OK) return false;
  db_kelompok(db, 1);
  int r = t->jalan(t, db);
  /* a task that left a transaction of its own open wrote nothing it meant to keep */
  if (db_kelompok_terbuka(db)) r = -1;
  db_kelompok(db, 0);
  if (!db_dalam_transaksi(db)) return false;
  if (r != 0) {
    peristiwa_buang();
    if (db_exec(db, "ROLLBACK TO penulis_tugas") != DB_OK) return false;
  }
  return db_exec(db, "RELEASE penulis_tugas") == DB_OK;
}

static void *utas(void *arg)
{
  struct penulis *p = arg;
  struct penulis_tugas *batch;
  bool susul;
  peristiwa_tahan(1);
  while ((batch = ambil(p, &susul))) {
    /* The checkpoint thread copied the log up to where it was when it started; the writer kept
     * committing meanwhile, so under steady load the log was never wholly copied when the
     * writer began and SQLite never started it over: it grew by every commit (~1 GB in 6 s of
     * the POST benchmark), and appending to a growing file cost more kernel time per commit
     * than overwriting one (profile: 18 % of the CPU instead of 9-11 %).  Copying the few
     * frames committed since (PASSIVE: waits for nobody; mostly the time of its two fsyncs),
     * here between two transactions, lets the next commit start the log over (SQLite does that
     * when the log was wholly copied and no reader is in it).  A failure only postpones this. */
    if (susul) {
      (void)db_checkpoint(p->db);
      p->titik_ulang = true;
    }
    bool ok = db_begin_write(p->db) == DB_OK;
    if (!ok) log_msg(LOG_ERROR, "penulis: BEGIN gagal: %s", db_errmsg(p->db));
    uint64_t n = 0;
    for (struct penulis_tugas *t = batch; t && ok; t = t->next_, n++) ok = jalankan(p->db, t);
    if (ok && db_commit(p->db) != DB_OK) {
      log_msg(LOG_ERROR, "penulis: COMMIT gagal: %s", db_errmsg(p->db));
      ok = false;
    }
    if (!ok) db_rollback(p->db);
    peristiwa_lepas(ok);
    pthread_mutex_lock(&p->mu);
    p->n_tugas += n;
    p->n_batch++;
    pthread_mutex_unlock(&p->mu);
    for (struct penulis_tugas *t = batch, *nx; t; t = nx) {
      nx = t->next_;   /* selesai may free t */
      t->selesai(t, ok);
    }
  }
  peristiwa_tahan(0);
  return NULL;
}

struct penulis *penulis_mulai(const char *url, int maks_batch, char *err, size_t errlen)
{
  struct penulis *p = calloc(1, sizeof *p);
  if (!p) { snprintf(err, errlen, "out of memory"); return NULL; }
  p->maks = maks_batch > 0 ? maks_batch : 1;
  p->titik_halaman = TITIK_HALAMAN;
  p->db = db_open(url, err, errlen);
  if (!p->db) { free(p); return NULL; }
  if (db_dialect(p->db) == DB_DIALECT_PG && p->maks > PG_TUGAS_MAKS) p->maks = PG_TUGAS_MAKS;
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->cv, NULL);
  /* the thread never takes the stop signals: the server sigwaits for them */
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, &old);
  p->titik_db = db_open(url, err, errlen);
  if (p->titik_db && pthread_create(&p->titik, NULL, utas_titik, p) == 0) {
    p->titik_jalan = true;
    db_wal_pantau(p->db, wal_tumbuh, p);
  }   /* else the writer keeps SQLite's automatic checkpoint */
  int rc = pthread_create(&p->thread, NULL, utas, p);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (rc != 0) {
    snprintf(err, errlen, "cannot start the writer thread");
    pthread_mutex_lock(&p->mu);
    p->henti = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    if (p->titik_jalan) pthread_join(p->titik, NULL);
    db_close(p->titik_db);
    db_close(p->db);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p);
    return NULL;
  }
  return p;
}

int penulis_kirim(struct penulis *p, struct penulis_tugas *t)
{
  pthread_mutex_lock(&p->mu);
  if (p->henti) { pthread_mutex_unlock(&p->mu); return -1; }
  if (t->antre) t->antre(t);
  t->next_ = NULL;
  if (p->ekor) p->ekor->next_ = t; else p->kepala = t;
  p->ekor = t;
  pthread_cond_broadcast(&p->cv);
  pthread_mutex_unlock(&p->mu);
  return 0;
}

void penulis_henti(struct penulis *p)
{
  if (!p) return;
  pthread_mutex_lock(&p->mu);
  p->henti = true;
  pthread_cond_broadcast(&p->cv);
  pthread_mutex_unlock(&p->mu);
  pthread_join(p->thread, NULL);   /* the thread empties the queue before it ends */
  if (p->titik_jalan) pthread_join(p->titik, NULL);
  db_wal_pantau(p->db, NULL, NULL);
  db_close(p->db);   /* the last connection to close checkpoints what is left */
  db_close(p->titik_db);
  pthread_mutex_destroy(&p->mu);
  pthread_cond_destroy(&p->cv);
  free(p);
}

void penulis_titik_halaman(struct penulis *p, int frames)
{
  __atomic_store_n(&p->titik_halaman, frames > 0 ? frames : TITIK_HALAMAN, __ATOMIC_RELAXED);
}

void penulis_statistik(struct penulis *p, uint64_t *tugas, uint64_t *batch)
{
  pthread_mutex_lock(&p->mu);
  *tugas = p->n_tugas;
  *batch = p->n_batch;
  pthread_mutex_unlock(&p->mu);
}
