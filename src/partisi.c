/* partisi.c: creates month partitions ahead and splits the default partitions (PostgreSQL;
 * see partisi.h and sql/pg/031_partisi.sql, whose plpgsql functions do the DDL). */
#include "partisi.h"

#include <stdint.h>
#include <stdlib.h>

#include "util/latar.h"
#include "util/log.h"

static const char *const TABEL[] = {"aktivitas", "audit_log", "presensi"};

/* Reads the months of one query (one int column, ?1 = the table) into a[], at most maks. */
static int baca_bulan(struct db *db, const char *sql, const char *tabel, int *a, size_t maks, size_t *n)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_text(st, 1, tabel);
  int rc;
  *n = 0;
  while ((rc = db_step(st)) == DB_ROW)
    if (*n < maks) a[(*n)++] = (int)db_col_int64(st, 0);
  db_done(st);
  return rc == DB_DONE ? 0 : -1;
}

int partisi_jalankan(struct db *db, time_t now, int maju, struct partisi_hasil *h)
{
  struct partisi_hasil nol = {0, 0};
  if (h) *h = nol;
  if (db_dialect(db) != DB_DIALECT_PG) return 0;
  struct tm tm;
  gmtime_r(&now, &tm);
  enum { MAKS = 4096 };
  int *ada = malloc(MAKS * sizeof *ada), *def = malloc(PARTISI_RENCANA_MAKS * sizeof *def),
      *rencana = malloc(PARTISI_RENCANA_MAKS * sizeof *rencana);
  int rc = -1;
  if (!ada || !def || !rencana) goto out;
  for (size_t t = 0; t < sizeof TABEL / sizeof TABEL[0]; t++) {
    size_t nada = 0, ndef = 0;
    /* a database without the migration (not partitioned): nothing to do */
    int64_t berpartisi = 0;
    struct db_stmt *q = db_prepare(db, "SELECT COUNT(*) FROM pg_partitioned_table WHERE partrelid = to_regclass(?1)");
    if (!q) goto out;
    db_bind_text(q, 1, TABEL[t]);
    if (db_step(q) == DB_ROW) berpartisi = db_col_int64(q, 0);
    db_done(q);
    if (!berpartisi) continue;
    if (baca_bulan(db, "SELECT CAST(right(c.relname, 6) AS INTEGER) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                       " WHERE i.inhparent = to_regclass(?1) AND c.relname ~ '_p[0-9]{6}$'", TABEL[t], ada, MAKS, &nada) != 0 ||
        baca_bulan(db, "SELECT * FROM kinerja_partisi_di_default(?1)", TABEL[t], def, PARTISI_RENCANA_MAKS, &ndef) != 0)
      goto out;
    size_t n = partisi_rencana(tm.tm_year + 1900, tm.tm_mon + 1, maju, ada, nada, def, ndef, rencana, PARTISI_RENCANA_MAKS);
    for (size_t i = 0; i < n; i++) {
      struct db_stmt *st = db_prepare(db, "SELECT kinerja_partisi_buat(?1, ?2, ?3)");
      if (!st) goto out;
      db_bind_text(st, 1, TABEL[t]);
      db_bind_int64(st, 2, rencana[i] / 100);
      db_bind_int64(st, 3, rencana[i] % 100);
      int s = db_step(st);
      int64_t dibuat = s == DB_ROW ? db_col_int64(st, 0) : 0;
      db_done(st);
      if (s != DB_ROW) goto out;
      if (h && dibuat) {
        h->dibuat++;
        for (size_t j = 0; j < ndef; j++) if (def[j] == rencana[i]) { h->dipindah++; break; }
      }
    }
  }
  rc = 0;
out:
  free(ada);
  free(def);
  free(rencana);
  return rc;
}

int partisi_pelihara(struct db *db, time_t now, int maju, struct partisi_hasil *h)
{
  if (db_dialect(db) != DB_DIALECT_PG) {
    if (h) h->dibuat = h->dipindah = 0;
    return 0;
  }
  if (db_begin_write(db) != DB_OK) goto fail;
  if (partisi_jalankan(db, now, maju, h) != 0) { db_rollback(db); goto fail; }
  if (db_commit(db) != DB_OK) { db_rollback(db); goto fail; }
  return 0;
fail:
  log_msg(LOG_WARN, "partisi bulanan: %s", db_errmsg(db));
  return -1;
}

static void latar_pass(struct db *db, const atomic_bool *henti, void *ctx)
{
  (void)henti;
  int maju = (int)(intptr_t)ctx;
  struct partisi_hasil h;
  if (partisi_pelihara(db, time(NULL), maju, &h) == 0 && h.dibuat)
    log_msg(LOG_INFO, "partisi bulanan: %d dibuat (%d dipisah dari partisi default)", h.dibuat, h.dipindah);
}

struct latar *partisi_latar_mulai(const char *db_path, int maju, int jeda)
{
  if (!db_url_is_pg(db_path)) return NULL;
  return latar_mulai(db_path, jeda, "partisi", latar_pass, (void *)(intptr_t)maju);
}
