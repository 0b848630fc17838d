/* pindah_data.h: copy a SQLite database into PostgreSQL and verify it (kinerja migrate-data). */
#ifndef KINERJA_PINDAH_DATA_H
#define KINERJA_PINDAH_DATA_H
#include <stdio.h>

/* Copies every table of the SQLite database `from` into the empty PostgreSQL database `to`
 * (migrated here), compares row counts and verifies the audit chain on the target, all in one
 * transaction.  Progress and errors go to log.  0 = done, 1 = failed (target unchanged),
 * 2 = bad arguments. */
int pindah_data(const char *from, const char *to, FILE *log);
/* `kinerja migrate-data --from ... --to ...` */
int pindah_data_main(int argc, char **argv);
#endif
