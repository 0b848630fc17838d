/* migrate.c: applies the embedded migrations and guards against newer databases. */
#include "db/migrate.h"

#include <stdio.h>
#include <time.h>

int migrate_latest(void)
{
  int v = 0;
  for (const struct migration *m = migrations; m->version; m++)
    if (m->version > v) v = m->version;
  return v;
}

int migrate_run(struct db *db, int *applied, char *err, size_t errlen)
{
  int n = 0;
  int64_t current = 0;
  if (applied) *applied = 0;
  if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_version ("
                  " version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)") != DB_OK) {
    snprintf(err, errlen, "cannot create schema_version: %s", db_errmsg(db));
    return -1;
  }
  int rc = db_query_int64(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version", 0, 0, &current);
  if (rc != DB_ROW) {
    snprintf(err, errlen, "cannot read schema_version: %s", db_errmsg(db));
    return -1;
  }
  if (current > migrate_latest()) {
    snprintf(err, errlen, "database schema version %lld is newer than this binary (%d); "
             "upgrade kinerja", (long long)current, migrate_latest());
    return -1;
  }
  for (const struct migration *m = migrations; m->version; m++) {
    /* every migration not yet recorded, not only those above the highest one: a migration
     * numbered below one that landed first (parallel branches) is still applied */
    int64_t done = 0;
    if (m->version <= current &&
        db_query_int64(db, "SELECT COUNT(*) FROM schema_version WHERE version = ?1", 1, m->version, &done) != DB_ROW)
      goto dberr;
    if (done) continue;
    if (db_begin_write(db) != DB_OK) goto dberr;
    if (db_exec(db, m->sql) != DB_OK) {
      snprintf(err, errlen, "migration %s failed: %s", m->name, db_errmsg(db));
      db_rollback(db);
      return -1;
    }
    struct db_stmt *st = db_prepare(db, "INSERT INTO schema_version (version, applied_at) VALUES (?1, ?2)");
    if (!st) { db_rollback(db); goto dberr; }
    db_bind_int64(st, 1, m->version);
    db_bind_int64(st, 2, (int64_t)time(NULL));
    rc = db_step(st);
    db_done(st);
    if (rc != DB_DONE || db_commit(db) != DB_OK) { db_rollback(db); goto dberr; }
    n++;
  }
  if (applied) *applied = n;
  return 0;
dberr:
  snprintf(err, errlen, "migration failed: %s", db_errmsg(db));
  return -1;
}
