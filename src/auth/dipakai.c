/* dipakai.c: "last used" stamps of sessions and tokens through the writer (see dipakai.h). */
#include "auth/dipakai.h"

#include <pthread.h>
#include <stdlib.h>

#include "db/db.h"
#include "db/penulis.h"
#include "util/log.h"

static pthread_mutex_t kunci = PTHREAD_MUTEX_INITIALIZER;
static struct penulis *penulis;   /* under kunci; set at server start and stop only */

/* Stamps queued recently, so that the requests arriving before the writer's commit do not queue
 * the same UPDATE again: a hint only (a collision or a lost race queues one more harmless
 * UPDATE), never consulted for authentication. */
#define BARU_SLOT 256
static struct { int64_t id, kapan; int jenis; } baru[BARU_SLOT];   /* under kunci */

static const char *const SQL[] = {
  "UPDATE sesi SET dipakai = ?2 WHERE id = ?1 AND dipakai < ?2",
  "UPDATE token_api SET dipakai = ?2 WHERE id = ?1 AND COALESCE(dipakai, 0) < ?2",
};

struct tugas {
  struct penulis_tugas t;
  enum dipakai_jenis jenis;
  int64_t id, kapan;
};

static int tulis(struct db *db, enum dipakai_jenis jenis, int64_t id, int64_t kapan)
{
  struct db_stmt *st = db_prepare(db, SQL[jenis]);
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, kapan);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static int jalan(struct penulis_tugas *t, struct db *db)
{
  struct tugas *d = (struct tugas *)t;
  if (tulis(db, d->jenis, d->id, d->kapan) != 0) {
    log_msg(LOG_WARN, "dipakai: stempel %s %lld gagal: %s", d->jenis == DIPAKAI_SESI ? "sesi" : "token",
            (long long)d->id, db_errmsg(db));
    return -1;
  }
  return 0;
}

static void selesai(struct penulis_tugas *t, int tersimpan)
{
  (void)tersimpan;   /* a lost stamp costs at most one more refresh later */
  free(t);
}

void dipakai_pasang(struct penulis *p)
{
  pthread_mutex_lock(&kunci);
  penulis = p;
  for (int i = 0; i < BARU_SLOT; i++) baru[i].id = 0;
  pthread_mutex_unlock(&kunci);
}

void dipakai_catat(struct db *db, enum dipakai_jenis jenis, int64_t id, int64_t kapan)
{
  unsigned s = (unsigned)(((uint64_t)id * 2654435761u + (unsigned)jenis) % BARU_SLOT);
  pthread_mutex_lock(&kunci);
  if (penulis) {
    if (baru[s].id == id && baru[s].jenis == (int)jenis && kapan - baru[s].kapan < 30) {
      pthread_mutex_unlock(&kunci);
      return;
    }
    struct tugas *d = calloc(1, sizeof *d);
    if (d) {
      d->t.jalan = jalan;
      d->t.selesai = selesai;
      d->jenis = jenis;
      d->id = id;
      d->kapan = kapan;
      if (penulis_kirim(penulis, &d->t) == 0) {
        baru[s].id = id;
        baru[s].jenis = (int)jenis;
        baru[s].kapan = kapan;
        pthread_mutex_unlock(&kunci);
        return;
      }
      free(d);
    }
  }
  pthread_mutex_unlock(&kunci);
  if (tulis(db, jenis, id, kapan) != 0)
    log_msg(LOG_WARN, "dipakai: stempel gagal: %s", db_errmsg(db));
}
