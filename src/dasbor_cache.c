/* dasbor_cache.c: the unit and instansi dashboards as JSON text, kept in memory per (instansi,
 * unit, year, day) while no table they read has changed since they were computed.
 *
 * Computing the dashboard of a unit reads every pegawai of its subtree (tens of ms for 1,000
 * pegawai, hundreds for an instansi of 50,000); many people open the same dashboard, and it
 * only changes when something is committed or the day turns (this week, last month and the
 * working days without activity depend on the date alone).  versi_data.n (sql/021) is bumped
 * by triggers on every table the dashboards read, whoever writes (this server, a command-line
 * tool, sqlite3), and is read in the same snapshot as the dashboard, so a text kept with the
 * number that is current now is exactly what dasbor_unit() would answer now.  Writes to tables
 * the dashboards do not read (a session's idle timer, a token's last use) keep the cache.
 * tests/unit/test_dasbor_cache.c checks that every table read has the triggers.  A small fixed
 * table guarded by one mutex; the text is copied out, so the lock is never held while sending. */
#include "dasbor.h"
#include "dasbor_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"

#define SLOT 32                  /* dashboards kept; ~20-30 kB each at 1,000 pegawai */
#define TEKS_MAKS (4u << 20)     /* a bigger text is served but not kept */

struct entri {
  int64_t instansi_id, unit_id;
  int tahun;
  char hari_ini[11];
  int64_t versi;                 /* versi_data.n of the snapshot it was computed in */
  uint64_t dipakai;              /* last use, for LRU */
  char *teks;                    /* owned; NULL = free slot */
  size_t len;
};

static struct { pthread_mutex_t kunci; struct entri e[SLOT]; uint64_t detak; } C = {.kunci = PTHREAD_MUTEX_INITIALIZER};
static atomic_ullong hit, miss;

void dasbor_cache_statistik(uint64_t *h, uint64_t *m)
{
  *h = atomic_load(&hit);
  *m = atomic_load(&miss);
}

/* 0 with versi_data.n in *n, -1 on error (then nothing is cached) */
static int versi(struct db *db, int64_t *n)
{
  return db_query_int64(db, "SELECT n FROM versi_data WHERE id = 1", 0, 0, n) == DB_ROW ? 0 : -1;
}

static bool sama(const struct entri *e, int64_t instansi_id, int64_t unit_id, int tahun, const char *hari_ini)
{
  return e->teks && e->instansi_id == instansi_id && e->unit_id == unit_id && e->tahun == tahun && !strcmp(e->hari_ini, hari_ini);
}

/* A copy of the cached text, or NULL. */
static char *ambil(int64_t instansi_id, int64_t unit_id, int tahun, const char *hari_ini, int64_t versi, size_t *len)
{
  char *out = NULL;
  pthread_mutex_lock(&C.kunci);
  for (int i = 0; i < SLOT; i++) {
    struct entri *e = &C.e[i];
    if (!sama(e, instansi_id, unit_id, tahun, hari_ini) || e->versi != versi) continue;
    out = malloc(e->len + 1);
    if (out) {
      memcpy(out, e->teks, e->len + 1);
      *len = e->len;
      e->dipakai = ++C.detak;
    }
    break;
  }
  pthread_mutex_unlock(&C.kunci);
  return out;
}

/* Keeps a copy of teks: in the slot of the same key (when two computations of it race, the last
 * one stays; a lookup compares the number, so an older text is only a miss), else a stale or
 * free one, else the least recently used. */
static void simpan(int64_t instansi_id, int64_t unit_id, int tahun, const char *hari_ini, int64_t versi,
                   const char *teks, size_t len)
{
  if (len > TEKS_MAKS) return;
  char *salinan = malloc(len + 1);
  if (!salinan) return;
  memcpy(salinan, teks, len + 1);
  pthread_mutex_lock(&C.kunci);
  int pilih = -1;
  for (int i = 0; i < SLOT && pilih < 0; i++)
    if (sama(&C.e[i], instansi_id, unit_id, tahun, hari_ini)) pilih = i;
  for (int i = 0; i < SLOT && pilih < 0; i++)
    if (!C.e[i].teks || C.e[i].versi < versi) pilih = i;
  if (pilih < 0) {
    pilih = 0;
    for (int i = 1; i < SLOT; i++)
      if (C.e[i].dipakai < C.e[pilih].dipakai) pilih = i;
  }
  struct entri *e = &C.e[pilih];
  free(e->teks);
  *e = (struct entri){.instansi_id = instansi_id, .unit_id = unit_id, .tahun = tahun, .versi = versi,
                      .dipakai = ++C.detak, .teks = salinan, .len = len};
  memcpy(e->hari_ini, hari_ini, sizeof e->hari_ini);
  pthread_mutex_unlock(&C.kunci);
}

char *dasbor_unit_teks(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun, size_t *len, const char **pesan)
{
  *pesan = NULL;
  *len = 0;
  char hari_ini[11];
  instansi_hari_ini(db, instansi_id, hari_ini);
  int64_t v = 0;
  char *teks = versi(db, &v) == 0 ? ambil(instansi_id, unit_id, tahun, hari_ini, v, len) : NULL;
  if (teks) { atomic_fetch_add(&hit, 1); return teks; }
  atomic_fetch_add(&miss, 1);
  /* one snapshot for the number and every statement of the dashboard; without it (a failed
   * BEGIN, e.g. inside a caller's transaction) the text is served but not kept */
  bool txn = db_begin(db) == DB_OK;
  bool simpan_boleh = txn && versi(db, &v) == 0;
  json_t *j = dasbor_unit_hitung(db, instansi_id, unit_id, tahun, pesan, txn);
  if (txn) db_rollback(db);
  if (!j) return NULL;
  teks = json_dumps(j, DASBOR_JSON_FLAGS);
  json_decref(j);
  if (!teks) return NULL;
  *len = strlen(teks);
  /* the day may have turned while computing (the text may be of either day): then it is not kept */
  char lagi[11];
  instansi_hari_ini(db, instansi_id, lagi);
  if (simpan_boleh && !strcmp(lagi, hari_ini)) simpan(instansi_id, unit_id, tahun, hari_ini, v, teks, *len);
  return teks;
}
