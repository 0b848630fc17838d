/* pindah_data.c: `kinerja migrate-data --from sqlite:PATH --to postgres://...` (issue 12, item 7).
 *
 * Copies a whole SQLite database into an empty PostgreSQL database of the same schema version,
 * in one transaction on the target: table by table in creation order, every column as text (the
 * target infers the types), with foreign keys and triggers off for the copy
 * (session_replication_role = replica: the rollup tables and counters are copied as they are,
 * not recomputed; needs a PostgreSQL superuser or the database owner with that right).  Then
 * the identity sequences move past the copied ids, the row count of every table is compared and
 * the audit hash chain is verified on the target; any difference rolls everything back.
 *
 * The whole database; one instansi into a target that may hold others: pindah_instansi.c
 * (--instansi ID).
 */
#include "pindah_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "db/migrate.h"
#include "partisi.h"
#include "salin_tabel.h"

static int schema_version(struct db *db, int64_t *v)
{
  return db_query_int64(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version", 0, 0, v) == DB_ROW ? 0 : -1;
}

int pindah_buka(const char *from, const char *to, struct db **src, struct db **dst, FILE *log)
{
  char err[512] = "";
  if (db_url_is_pg(from) || !db_url_is_pg(to)) {
    fprintf(log, "kinerja migrate-data: --from harus basis data SQLite, --to harus postgres://...\n");
    return 2;
  }
  if (!(*src = db_open(from, err, sizeof err)) || !(*dst = db_open(to, err, sizeof err))) {
    fprintf(log, "kinerja migrate-data: %s\n", err);
    return 1;
  }
  int64_t vs = 0, vd = 0;
  if (schema_version(*src, &vs) != 0 || vs != migrate_latest()) {
    fprintf(log, "kinerja migrate-data: skema sumber versi %lld, program ini %d: jalankan dulu kinerja migrate --db %s\n",
            (long long)vs, migrate_latest(), from);
    return 1;
  }
  if (migrate_run(*dst, NULL, err, sizeof err) != 0 || schema_version(*dst, &vd) != 0 || vd != vs) {
    fprintf(log, "kinerja migrate-data: skema tujuan: %s\n", err);
    return 1;
  }
  return 0;
}

int pindah_akhiri(struct db *dst, int beda, struct audit_verify_result *av, FILE *log)
{
  if (beda || audit_verify(dst, av) != 0 || !av->ok) {
    fprintf(log, "kinerja migrate-data: verifikasi gagal (%d tabel beda%s%s); tujuan tidak diubah\n", beda,
            beda ? "" : "; rantai audit: ", beda ? "" : av->reason);
    return -1;
  }
  if (db_commit(dst) != DB_OK) { fprintf(log, "kinerja migrate-data: %s\n", db_errmsg(dst)); return -1; }
  return 0;
}

int pindah_salin_tabel(struct db *src, struct db *dst, const char *tabel, const char *saring, int64_t *n, FILE *log)
{
  char err[512];
  int rc = salin_tabel(src, dst, tabel, saring, n, err, sizeof err);
  if (rc != 0) fprintf(log, "%s\n", err);
  return rc;
}

int pindah_data(const char *from, const char *to, FILE *log)
{
  int rc = -1, tx = 0;
  struct db *src = NULL, *dst = NULL;
  char (*tabel)[64] = NULL;
  int nt = 0;
  int buka = pindah_buka(from, to, &src, &dst, log);
  if (buka == 2) return 2;
  if (buka != 0) goto out;
  int64_t ada = 0;
  if (db_query_int64(dst, "SELECT (SELECT COUNT(*) FROM instansi) + (SELECT COUNT(*) FROM audit_log)", 0, 0, &ada) != DB_ROW || ada) {
    fprintf(log, "kinerja migrate-data: basis data tujuan tidak kosong\n");
    goto out;
  }

  tabel = calloc(512, sizeof *tabel);
  struct db_stmt *st = db_prepare(src, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                                       " AND name <> 'schema_version' ORDER BY rowid");
  if (!tabel || !st) { db_done(st); goto out; }
  while (db_step(st) == DB_ROW && nt < 512) snprintf(tabel[nt++], sizeof tabel[0], "%s", db_col_text(st, 0));
  db_done(st);

  if (db_begin_write(dst) != DB_OK) { fprintf(log, "kinerja migrate-data: %s\n", db_errmsg(dst)); goto out; }
  tx = 1;
  /* versi_data and similar single-row tables are filled by migrations: the copy replaces them */
  if (db_exec(dst, "SET LOCAL session_replication_role = replica") != DB_OK) {
    fprintf(log, "kinerja migrate-data: %s (perlu hak superuser PostgreSQL)\n", db_errmsg(dst));
    goto out;
  }
  if (db_begin(src) != DB_OK) goto out;   /* one snapshot of the source */
  for (int i = 0; i < nt; i++) {
    char del[128];
    snprintf(del, sizeof del, "DELETE FROM \"%s\"", tabel[i]);
    int64_t n = 0;
    if (db_exec(dst, del) != DB_OK || pindah_salin_tabel(src, dst, tabel[i], NULL, &n, log) != 0) {
      fprintf(log, "kinerja migrate-data: tabel %s gagal: %s\n", tabel[i], db_errmsg(dst));
      goto out;
    }
  }
  if (db_exec(dst, "SET LOCAL session_replication_role = origin") != DB_OK || migrate_pg_sequences(dst) != 0) goto out;
  /* the copied months of aktivitas, audit_log and presensi landed in the default partitions
   * (only the months ahead exist in a new database): each gets its own partition now */
  struct partisi_hasil ph;
  if (partisi_jalankan(dst, time(NULL), PARTISI_MAJU_BAWAAN, &ph) != 0) {
    fprintf(log, "kinerja migrate-data: partisi bulanan: %s\n", db_errmsg(dst));
    goto out;
  }
  if (ph.dipindah) fprintf(log, "  %d partisi bulanan dibuat untuk data yang disalin\n", ph.dipindah);

  /* verification: the row count of every table, then the audit chain on the target */
  int beda = 0;
  for (int i = 0; i < nt; i++) {
    char q[128];
    snprintf(q, sizeof q, "SELECT COUNT(*) FROM \"%s\"", tabel[i]);
    int64_t a = -1, b = -2;
    if (db_query_int64(src, q, 0, 0, &a) != DB_ROW || db_query_int64(dst, q, 0, 0, &b) != DB_ROW || a != b) {
      fprintf(log, "  %-32s sumber %lld, tujuan %lld  BEDA\n", tabel[i], (long long)a, (long long)b);
      beda++;
    } else if (a) fprintf(log, "  %-32s %lld baris\n", tabel[i], (long long)a);
  }
  struct audit_verify_result av;
  if (pindah_akhiri(dst, beda, &av, log) != 0) goto out;
  tx = 0;
  fprintf(log, "Selesai: %d tabel disalin, jumlah baris sama, rantai audit utuh (%lld catatan).\n",
          nt, (long long)av.records);
  rc = 0;
out:
  if (tx) db_rollback(dst);
  if (src) { db_rollback(src); db_close(src); }
  db_close(dst);
  free(tabel);
  return rc == 0 ? 0 : 1;
}

int pindah_data_main(int argc, char **argv)
{
  const char *from = NULL, *to = NULL, *inst = NULL;
  for (int i = 0; i + 1 < argc; i++) {
    if (!strcmp(argv[i], "--from")) from = argv[++i];
    else if (!strcmp(argv[i], "--to")) to = argv[++i];
    else if (!strcmp(argv[i], "--instansi")) inst = argv[++i];
  }
  char *end = NULL;
  long long x = inst ? strtoll(inst, &end, 10) : 0;
  if (!from || !to || (inst && (!*inst || *end || x < 1))) {
    fprintf(stderr, "kinerja migrate-data --from sqlite:BERKAS.db --to postgres://PENGGUNA@HOST/BASISDATA [--instansi ID]\n");
    return 2;
  }
  return inst ? pindah_instansi(from, to, (int64_t)x, stdout) : pindah_data(from, to, stdout);
}
