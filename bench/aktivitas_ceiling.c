/* aktivitas_ceiling.c: the batch-import ceiling for kinerja's benchmarks (scenario g).
 *
 * How fast can this machine store activities in SQLite when nothing else is done (no HTTP, no
 * JSON, no validation, no minute-per-day lookups, no audit)?  DB must already hold kinerja's
 * `aktivitas` table with its indexes (run.sh copies them from sqlite_master, not the triggers
 * that keep the rollups; the tables it references are absent and foreign keys are off).  ROWS rows are inserted with
 * one prepared statement, BATCH rows per transaction, each transaction one pegawai on one date
 * (the shape of the HTTP scenario: pegawai 1 + k mod PEGAWAI, date k / PEGAWAI days before
 * 2026-11-01), journal_mode=WAL, synchronous=NORMAL as kinerja opens its database; the closing
 * checkpoint is included.
 *
 * Usage: aktivitas_ceiling DB ROWS [BATCH [PEGAWAI]]     (BATCH 1000, PEGAWAI 200)
 * Prints one line: {"rows":N,"batch":B,"seconds":S}
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int parse_count(const char *s, long max, long *out)
{
  char *end = NULL;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || v < 1 || v > max) return -1;
  *out = v;
  return 0;
}

static int exec(sqlite3 *db, const char *sql)
{
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
  fprintf(stderr, "aktivitas_ceiling: %s: %s\n", sql, msg ? msg : sqlite3_errmsg(db));
  sqlite3_free(msg);
  return -1;
}

int main(int argc, char **argv)
{
  int rc = 1;
  sqlite3 *db = NULL;
  sqlite3_stmt *ins = NULL;
  long rows = 0, batch = 1000, pegawai = 200;

  if (argc < 3 || argc > 5 || parse_count(argv[2], 100000000L, &rows) != 0 ||
      (argc > 3 && parse_count(argv[3], 1000000L, &batch) != 0) ||
      (argc > 4 && parse_count(argv[4], 1000000L, &pegawai) != 0)) {
    fprintf(stderr, "usage: %s DB ROWS [BATCH [PEGAWAI]]\n", argv[0]);
    return 2;
  }
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
    fprintf(stderr, "aktivitas_ceiling: %s: %s\n", argv[1], sqlite3_errmsg(db));
    goto fail;
  }
  if (exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16000") != 0) goto fail;
  if (sqlite3_prepare_v2(db,
        "INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, tanggal, menit, uraian, status, sumber, dibuat, diubah)"
        " VALUES (1, ?1, 1, ?2, 1, ?3, 'diajukan', 'batch', ?4, ?4)", -1, &ins, NULL) != SQLITE_OK) {
    fprintf(stderr, "aktivitas_ceiling: %s (does DB hold the aktivitas table?)\n", sqlite3_errmsg(db));
    goto fail;
  }
  const time_t base = 1793491200;   /* 2026-11-01T00:00:00Z */
  double t0 = now();
  for (long done = 0, k = 0; done < rows; k++) {
    char tanggal[16], uraian[64];
    time_t day = base - (time_t)(k / pegawai) * 86400;
    struct tm tm;
    if (!gmtime_r(&day, &tm) || strftime(tanggal, sizeof tanggal, "%Y-%m-%d", &tm) == 0) goto fail;
    int n = snprintf(uraian, sizeof uraian, "Entri data arsip (bench) %ld", k);
    if (n < 0 || (size_t)n >= sizeof uraian) goto fail;
    if (exec(db, "BEGIN") != 0) goto fail;
    for (long i = 0; i < batch && done < rows; i++, done++) {
      sqlite3_bind_int64(ins, 1, 1 + k % pegawai);
      sqlite3_bind_text(ins, 2, tanggal, -1, SQLITE_STATIC);
      sqlite3_bind_text(ins, 3, uraian, -1, SQLITE_STATIC);
      sqlite3_bind_int64(ins, 4, (sqlite3_int64)time(NULL));
      if (sqlite3_step(ins) != SQLITE_DONE) {
        fprintf(stderr, "aktivitas_ceiling: insert: %s\n", sqlite3_errmsg(db));
        goto fail;
      }
      sqlite3_reset(ins);
    }
    if (exec(db, "COMMIT") != 0) goto fail;
  }
  sqlite3_finalize(ins);
  ins = NULL;
  if (exec(db, "PRAGMA wal_checkpoint(TRUNCATE)") != 0) goto fail;
  printf("{\"rows\":%ld,\"batch\":%ld,\"seconds\":%.4f}\n", rows, batch, now() - t0);
  rc = 0;
fail:
  sqlite3_finalize(ins);
  sqlite3_close(db);
  return rc;
}
