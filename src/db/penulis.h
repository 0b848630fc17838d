/* penulis.h: one writer thread doing group commit for small writes (issue 13).
 *
 * Request threads hand a task to the writer and wait for its answer; the writer takes every task
 * queued (up to a batch limit), opens ONE write transaction, runs each task in a savepoint of its
 * own (the connection is in group mode, db_kelompok: a task's db_begin_write / db_commit /
 * db_rollback are savepoints too), commits once, and only then calls each task's selesai().  So
 * "answered" still means durable (the connection's synchronous setting, as for every commit),
 * one task's error or rollback undoes that task only, and tasks run one after another in queue
 * order (the audit hash chain grows in that order).  Change events (peristiwa.h) of the batch
 * are published after its commit.  penulis_henti() runs what is queued, then stops.
 */
#ifndef KINERJA_PENULIS_H
#define KINERJA_PENULIS_H
#include <stddef.h>
#include <stdint.h>

struct db;
struct penulis;

struct penulis_tugas {
  /* On the writer thread, inside the batch's transaction.  0 keeps what the task wrote,
   * non-zero undoes it (the other tasks of the batch are not affected). */
  int (*jalan)(struct penulis_tugas *t, struct db *db);
  /* On the writer thread after the batch: tersimpan 1 when the batch was committed, 0 when it
   * could not be (nothing of it is stored; also when jalan never ran).  The task may be freed
   * from here on. */
  void (*selesai)(struct penulis_tugas *t, int tersimpan);
  /* Optional: called under the queue's lock just before the task is queued (e.g. to suspend
   * the HTTP connection that selesai() will resume); not called when penulis_kirim fails. */
  void (*antre)(struct penulis_tugas *t);
  struct penulis_tugas *next_;   /* the queue's */
};

/* Opens its own connection to `url` and starts the thread; NULL with a message in err. */
struct penulis *penulis_mulai(const char *url, int maks_batch, char *err, size_t errlen);
/* Queues t: 0, or -1 when the writer is stopping (t is then not touched). */
int penulis_kirim(struct penulis *p, struct penulis_tugas *t);
/* Runs every task still queued, stops the thread, closes the connection, frees p (NULL ok). */
void penulis_henti(struct penulis *p);
/* Frames the SQLite log grows by between two checkpoints (default 4000; for tests). */
void penulis_titik_halaman(struct penulis *p, int frames);
/* Tasks run and batches committed (or failed) so far. */
void penulis_statistik(struct penulis *p, uint64_t *tugas, uint64_t *batch);
#endif
