/* migrate.h: numbered schema migrations embedded from sql/ at build time. */
#ifndef KINERJA_MIGRATE_H
#define KINERJA_MIGRATE_H
#include <stddef.h>
#include "db/db.h"

struct migration { int version; const char *name; const char *sql; };
extern const struct migration migrations[]; /* ends with version 0 */
/* sql/pg/NNN_*.sql: used instead of migration NNN on PostgreSQL (ends with version 0). */
extern const struct migration migrations_pg[];

/* Highest migration this binary knows. */
int migrate_latest(void);
/* Applies every migration newer than the database's version, each in its own transaction.
 * Refuses (returns -1 with a message) when the database is newer than the binary.
 * *applied receives the number of migrations applied (may be NULL). */
int migrate_run(struct db *db, int *applied, char *err, size_t errlen);
/* PostgreSQL: moves every identity sequence past the highest id of its table (after rows were
 * copied in with their ids).  No-op on SQLite.  0 or -1. */
int migrate_pg_sequences(struct db *db);
#endif
