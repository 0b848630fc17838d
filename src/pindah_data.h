/* pindah_data.h: copy a SQLite database into PostgreSQL and verify it (kinerja migrate-data). */
#ifndef KINERJA_PINDAH_DATA_H
#define KINERJA_PINDAH_DATA_H
#include <stdint.h>
#include <stdio.h>

#include "audit.h"
#include "db/db.h"

/* Copies every table of the SQLite database `from` into the empty PostgreSQL database `to`
 * (migrated here), compares row counts and verifies the audit chain on the target, all in one
 * transaction.  Progress and errors go to log.  0 = done, 1 = failed (target unchanged),
 * 2 = bad arguments. */
int pindah_data(const char *from, const char *to, FILE *log);
/* Copies instansi x (its rows in every table bound to it, its audit records re-linked onto the
 * target's chain after an `instansi.pindah` record) from the SQLite database `from` into the
 * PostgreSQL database `to`, which may hold other instansi; ids kept (a conflict refuses);
 * per-table counts and the target chain verified; one transaction.  0 / 1 / 2 as above.
 * pindah_instansi.c. */
int pindah_instansi(const char *from, const char *to, int64_t x, FILE *log);
/* Opens the SQLite database `from` and the PostgreSQL database `to` for migrate-data and
 * migrates the target; both must then be at this program's schema version.  0; 2 for URLs of
 * the wrong kind (nothing opened); 1 failed, the reason in log.  The caller closes *src and
 * *dst (set when opened) either way. */
int pindah_buka(const char *from, const char *to, struct db **src, struct db **dst, FILE *log);
/* The end of a move, in dst's write transaction: unless `beda` tables differed, the target's
 * audit chain is verified into *av, then the transaction committed.  0 committed; -1 with the
 * reason in log (the caller rolls back). */
int pindah_akhiri(struct db *dst, int beda, struct audit_verify_result *av, FILE *log);
/* Copies the rows of one table (WHERE saring when not NULL/empty) with salin_tabel() (every
 * value as text); *n receives the rows copied.  0, -2 when a row breaks a unique/foreign key,
 * -1 else; on failure the reason is printed to log. */
int pindah_salin_tabel(struct db *src, struct db *dst, const char *tabel, const char *saring, int64_t *n, FILE *log);
/* `kinerja migrate-data --from ... --to ... [--instansi ID]` */
int pindah_data_main(int argc, char **argv);
#endif
