/* pg_sql.h: SQLite-flavoured SQL to PostgreSQL SQL (the dialect table is in pg_sql.c). */
#ifndef KINERJA_PG_SQL_H
#define KINERJA_PG_SQL_H

/* Returns the PostgreSQL text of `sql` (malloc'd, the caller frees it) and the highest
 * parameter number it uses in *nparams (may be NULL); NULL when out of memory or a trigger
 * cannot be read. */
char *pg_sql_rewrite(const char *sql, int *nparams);

#endif
