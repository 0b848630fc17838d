/* cadangan_pg.c: the database snapshot of `kinerja backup` when the database is PostgreSQL.
 *
 * Design (docs/backup.md, "PostgreSQL"): the backup file keeps one format for both backends:
 * its 'D' record is always a SQLite database file of the current schema.  On PostgreSQL that
 * file is written here: every table is read through the db interface inside ONE transaction
 * (db_begin = REPEATABLE READ, so all tables come from one snapshot while the nodes keep
 * writing; nobody is blocked), and written into a fresh SQLite file made by the same
 * migrations, with its triggers and foreign keys off during the copy (the rows, counters and
 * rollups are copied as they are, as `kinerja migrate-data` does the other way).  Then, still
 * in the snapshot, the row count of every table is compared and the audit chain of the copy is
 * verified; any difference and no backup is written.  The rest (encryption, BLAKE2b/AEAD
 * chunks, evidence objects) is the SQLite path unchanged.  `kinerja restore --db postgres://`
 * checks the file as always and then loads it with pindah_data() (migrate-data) into an empty
 * database in one transaction, again comparing row counts and verifying the audit chain.
 * No pg_dump binary is needed and a backup taken on one backend restores on the other.
 */
#include "cadangan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db/db.h"
#include "db/migrate.h"
#include "salin_tabel.h"

#define MAX_TABEL 512
#define NAMA 64

struct pemicu { char nama[NAMA]; char *sql; };

/* The tables of the PostgreSQL schema that the SQLite schema lacks: a backup must not silently
 * leave data out.  Partitions are read through their parent. */
static int tabel_lebih(struct db *src, char (*tabel)[NAMA], int nt, char *err, size_t en)
{
  struct db_stmt *st = db_prepare(src, "SELECT c.relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace"
                                       " WHERE s.nspname = current_schema() AND c.relkind IN ('r', 'p')"
                                       " AND NOT c.relispartition ORDER BY 1");
  if (!st) { snprintf(err, en, "daftar tabel PostgreSQL: %s", db_errmsg(src)); return -1; }
  int rc = 0;
  while (rc == 0 && db_step(st) == DB_ROW) {
    const char *t = db_col_text(st, 0);
    int ada = !strcmp(t, "schema_version");
    for (int i = 0; i < nt && !ada; i++) ada = !strcmp(t, tabel[i]);
    if (!ada) { snprintf(err, en, "tabel %s di PostgreSQL tidak dikenal skema program ini; cadangan dibatalkan", t); rc = -1; }
  }
  db_done(st);
  return rc;
}

int cadangan_pg_ke_sqlite(const char *src_url, const char *dst_path, char *err, size_t en)
{
  struct db *src = NULL, *dst = NULL;
  char (*tabel)[NAMA] = NULL;
  struct pemicu *pm = NULL;
  int nt = 0, np = 0, rc = -1, src_tx = 0, dst_tx = 0;
  char e[512];
  if (!(src = db_open(src_url, e, sizeof e))) { snprintf(err, en, "%s", e); goto out; }
  if (!(dst = db_open(dst_path, e, sizeof e))) { snprintf(err, en, "salinan %s tidak dapat dibuat: %s", dst_path, e); goto out; }
  if (migrate_run(dst, NULL, e, sizeof e) != 0) { snprintf(err, en, "skema salinan: %s", e); goto out; }
  tabel = calloc(MAX_TABEL, sizeof *tabel);
  pm = calloc(MAX_TABEL, sizeof *pm);
  if (!tabel || !pm) { snprintf(err, en, "memori tidak cukup"); goto out; }
  /* creation order (foreign keys point backwards); schema_version is filled by migrate_run */
  struct db_stmt *st = db_prepare(dst, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                                       " AND name <> 'schema_version' ORDER BY rowid");
  if (!st) { snprintf(err, en, "%s", db_errmsg(dst)); goto out; }
  while (db_step(st) == DB_ROW && nt < MAX_TABEL) snprintf(tabel[nt++], sizeof tabel[0], "%s", db_col_text(st, 0));
  db_done(st);
  /* triggers would recompute counters and rollups, or refuse rows (append-only audit): off
   * during the copy, put back afterwards exactly as the migrations wrote them */
  st = db_prepare(dst, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid");
  if (!st) { snprintf(err, en, "%s", db_errmsg(dst)); goto out; }
  while (db_step(st) == DB_ROW && np < MAX_TABEL) {
    snprintf(pm[np].nama, sizeof pm[np].nama, "%s", db_col_text(st, 0));
    pm[np].sql = strdup(db_col_text(st, 1));
    if (!pm[np++].sql) { snprintf(err, en, "memori tidak cukup"); db_done(st); goto out; }
  }
  db_done(st);
  if (db_exec(dst, "PRAGMA foreign_keys = OFF") != DB_OK || db_begin_write(dst) != DB_OK) {
    snprintf(err, en, "salinan: %s", db_errmsg(dst));
    goto out;
  }
  dst_tx = 1;
  for (int i = 0; i < np; i++) {
    char q[NAMA + 32];
    snprintf(q, sizeof q, "DROP TRIGGER \"%s\"", pm[i].nama);
    if (db_exec(dst, q) != DB_OK) { snprintf(err, en, "salinan: %s", db_errmsg(dst)); goto out; }
  }
  /* one snapshot of the source for the copy and its checks */
  if (db_begin(src) != DB_OK) { snprintf(err, en, "snapshot PostgreSQL: %s", db_errmsg(src)); goto out; }
  src_tx = 1;
  int64_t vs = 0;
  if (db_query_int64(src, "SELECT COALESCE(MAX(version), 0) FROM schema_version", 0, 0, &vs) != DB_ROW || vs != migrate_latest()) {
    snprintf(err, en, "skema basis data versi %lld, program ini %d: jalankan dulu kinerja migrate", (long long)vs, migrate_latest());
    goto out;
  }
  if (tabel_lebih(src, tabel, nt, err, en) != 0) goto out;
  for (int i = 0; i < nt; i++) {
    char del[NAMA + 32];
    snprintf(del, sizeof del, "DELETE FROM \"%s\"", tabel[i]);
    int64_t n = 0;
    if (db_exec(dst, del) != DB_OK) { snprintf(err, en, "salinan: %s", db_errmsg(dst)); goto out; }
    if (salin_tabel(src, dst, tabel[i], NULL, &n, err, en) != 0) goto out;
  }
  for (int i = 0; i < np; i++)
    if (db_exec(dst, pm[i].sql) != DB_OK) { snprintf(err, en, "pemicu %s: %s", pm[i].nama, db_errmsg(dst)); goto out; }
  /* the checks: row counts against the same snapshot, then the audit chain of the copy */
  for (int i = 0; i < nt; i++) {
    char q[NAMA + 32];
    snprintf(q, sizeof q, "SELECT COUNT(*) FROM \"%s\"", tabel[i]);
    int64_t a = -1, b = -2;
    if (db_query_int64(src, q, 0, 0, &a) != DB_ROW || db_query_int64(dst, q, 0, 0, &b) != DB_ROW || a != b) {
      snprintf(err, en, "tabel %s: %lld baris di PostgreSQL, %lld di salinan", tabel[i], (long long)a, (long long)b);
      goto out;
    }
  }
  if (db_commit(dst) != DB_OK) { snprintf(err, en, "salinan: %s", db_errmsg(dst)); goto out; }
  dst_tx = 0;
  struct audit_verify_result av;
  memset(&av, 0, sizeof av);
  if (audit_verify(dst, &av) != 0 || !av.ok) {
    snprintf(err, en, "rantai audit salinan tidak utuh: %s", av.reason[0] ? av.reason : "tidak terbaca");
    goto out;
  }
  rc = 0;
out:
  if (dst_tx) db_rollback(dst);
  if (src_tx) db_rollback(src);
  db_close(src);
  db_close(dst);   /* the last connection: the WAL is checkpointed into the file */
  for (int i = 0; i < np; i++) free(pm[i].sql);
  free(pm);
  free(tabel);
  return rc;
}
