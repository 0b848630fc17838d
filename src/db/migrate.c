/* migrate.c: applies the embedded migrations and guards against newer databases.
 *
 * On PostgreSQL a migration is the same file (the backend rewrites its SQLite dialect, see
 * src/db/pg_sql.c), or sql/pg/NNN_name.sql when one exists for that number; each runs under the
 * write lock, so nodes starting together apply it once.  Afterwards every identity sequence is
 * moved past the highest id (rows copied with their ids must not collide with new ones). */
#include "db/migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "partisi.h"
#include "util/util.h"

static const char *sql_for(struct db *db, const struct migration *m)
{
  if (db_dialect(db) != DB_DIALECT_PG) return m->sql;
  for (const struct migration *o = migrations_pg; o->version; o++)
    if (o->version == m->version) return o->sql;
  return m->sql;
}

/* PostgreSQL: identity sequences past MAX(id) of their tables. */
int migrate_pg_sequences(struct db *db)
{
  if (db_dialect(db) != DB_DIALECT_PG) return 0;
  return db_exec(db,
    "DO $ks$ DECLARE r record; m bigint; BEGIN"
    " FOR r IN SELECT c.table_name AS t, c.column_name AS k FROM information_schema.columns c"
    "  WHERE c.table_schema = current_schema() AND c.is_identity = 'YES' LOOP"
    "  EXECUTE format('SELECT max(%I) FROM %I', r.k, r.t) INTO m;"
    "  IF m IS NOT NULL THEN PERFORM setval(pg_get_serial_sequence(quote_ident(r.t), r.k), m); END IF;"
    " END LOOP; END $ks$") == DB_OK ? 0 : -1;
}

/* PostgreSQL: sql/pg/036 gained kinerja_pegawai_bulan_tambah and kinerja_unit_bulan_tambah
 * (the month rollups its aktivitas_bulan and aktivitas_unit_bulan triggers share) after
 * databases had run it.  The file is idempotent: it runs again where one is missing, under the
 * write lock and before any later migration, so such a database ends with the same functions as
 * a new one. */
static int pg_036_terkini(struct db *db, char *err, size_t errlen)
{
  static const char cek[] = "SELECT COUNT(*) FROM schema_version"
                            " WHERE version = ?1 AND (to_regproc('kinerja_pegawai_bulan_tambah') IS NULL"
                            "   OR to_regproc('kinerja_unit_bulan_tambah') IS NULL)";
  const struct migration *m = migrations_pg;
  int64_t perlu = 0;
  if (db_dialect(db) != DB_DIALECT_PG) return 0;
  while (m->version && m->version != 36) m++;
  if (!m->version) return 0;
  if (db_query_int64(db, cek, 1, m->version, &perlu) != DB_ROW) goto dberr;
  if (!perlu) return 0;
  if (db_begin_write(db) != DB_OK) goto dberr;
  if (db_query_int64(db, cek, 1, m->version, &perlu) != DB_ROW) { db_rollback(db); goto dberr; }
  if (!perlu) { db_rollback(db); return 0; }
  if (db_exec(db, m->sql) != DB_OK) {
    snprintf(err, errlen, "migration %s (again) failed: %s", m->name, db_errmsg(db));
    db_rollback(db);
    return -1;
  }
  if (db_commit(db) != DB_OK) { db_rollback(db); goto dberr; }
  return 0;
dberr:
  snprintf(err, errlen, "migration failed: %s", db_errmsg(db));
  return -1;
}

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
  /* PostgreSQL: SQLite's COLLATE NOCASE as a case-insensitive ICU collation of that name */
  if (db_dialect(db) == DB_DIALECT_PG &&
      db_exec(db, "CREATE COLLATION IF NOT EXISTS nocase"
                  " (provider = icu, locale = 'und-u-ks-level2', deterministic = false)") != DB_OK) {
    snprintf(err, errlen, "cannot create collation nocase: %s", db_errmsg(db));
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
  /* KINERJA_MIGRASI_SAMPAI=N applies migrations up to N only: a database as an older release
   * left it, to test an upgrade (tests/api/pg_partisi.test.mjs); unset in normal use */
  int64_t sampai = migrate_latest();
  const char *env = getenv("KINERJA_MIGRASI_SAMPAI");
  if (env && *env && parse_int64(env, 1, migrate_latest(), &sampai) != 0) {
    snprintf(err, errlen, "KINERJA_MIGRASI_SAMPAI harus 1..%d", migrate_latest());
    return -1;
  }
  if (pg_036_terkini(db, err, errlen) != 0) return -1;
  for (const struct migration *m = migrations; m->version; m++) {
    if (m->version > sampai) continue;
    /* every migration not yet recorded, not only those above the highest one: a migration
     * numbered below one that landed first (parallel branches) is still applied */
    int64_t done = 0;
    if (m->version <= current &&
        db_query_int64(db, "SELECT COUNT(*) FROM schema_version WHERE version = ?1", 1, m->version, &done) != DB_ROW)
      goto dberr;
    if (done) continue;
    if (db_begin_write(db) != DB_OK) goto dberr;
    /* again under the write lock: another process may have applied it meanwhile */
    if (db_query_int64(db, "SELECT COUNT(*) FROM schema_version WHERE version = ?1", 1, m->version, &done) != DB_ROW) {
      db_rollback(db);
      goto dberr;
    }
    if (done) { db_rollback(db); continue; }
    if (db_exec(db, sql_for(db, m)) != DB_OK) {
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
  if (n && migrate_pg_sequences(db) != 0) goto dberr;
  /* PostgreSQL: trigger functions a later migration generated get 036's once-per-transaction
   * version bumps too (sql/pg/036_tulis_cepat.sql; idempotent) */
  if (n && db_dialect(db) == DB_DIALECT_PG &&
      db_exec(db, "DO $tc$ BEGIN IF to_regproc('kinerja_tulis_cepat') IS NOT NULL THEN"
                  " PERFORM kinerja_tulis_cepat(); END IF; END $tc$") != DB_OK) goto dberr;
  /* PostgreSQL: this month's partitions and the next ones exist before anything is written
   * (the server keeps them ahead with its own setting, src/partisi.h) */
  if (partisi_pelihara(db, time(NULL), PARTISI_MAJU_BAWAAN, NULL) != 0) goto dberr;
  if (applied) *applied = n;
  return 0;
dberr:
  snprintf(err, errlen, "migration failed: %s", db_errmsg(db));
  return -1;
}
