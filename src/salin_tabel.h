/* salin_tabel.h: the rows of one table copied between two databases of the same schema, one of
 * them SQLite: `kinerja backup` on PostgreSQL (cadangan_pg.c, into SQLite) and
 * `kinerja migrate-data` (pindah_data.c, pindah_instansi.c, out of SQLite). */
#ifndef KINERJA_SALIN_TABEL_H
#define KINERJA_SALIN_TABEL_H
#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/* Copies the rows of table `tabel` from src into dst (those matching the WHERE clause `saring`
 * when it is not NULL or empty: SQL the program derived from the schema, never input).  The
 * columns are those of the SQLite side's schema (dst when it is SQLite, else src), read by
 * name.  Into SQLite an integer keeps its type (a column without affinity would keep it as
 * text); into PostgreSQL every value goes as text and the server infers the type.  *n receives
 * the rows copied.  Returns 0; -2 when a row breaks a unique or foreign key of dst; -1
 * otherwise.  On failure err holds "tabel NAME: why". */
int salin_tabel(struct db *src, struct db *dst, const char *tabel, const char *saring, int64_t *n,
                char *err, size_t en);
#endif
