/* db_impl.h: what a backend of db.h provides (not for modules outside src/db/).
 *
 * db.c chooses the backend from the URL in db_open() and forwards every db_* call through the
 * connection's table of operations.  A backend's connection and statement structs begin with
 * `struct db` and `struct db_stmt`, so the pointers convert both ways.
 */
#ifndef KINERJA_DB_IMPL_H
#define KINERJA_DB_IMPL_H

#include "db/db.h"

struct db_ops {
  int dialect;  /* DB_DIALECT_* */
  void (*close)(struct db *db);
  int (*exec)(struct db *db, const char *sql);
  struct db_stmt *(*prepare)(struct db *db, const char *sql);
  void (*done)(struct db_stmt *st);
  void (*reset)(struct db_stmt *st);
  int (*bind_int64)(struct db_stmt *st, int idx, int64_t v);
  int (*bind_textn)(struct db_stmt *st, int idx, const char *v, size_t n);  /* v not NULL */
  int (*bind_null)(struct db_stmt *st, int idx);
  int (*step)(struct db_stmt *st);
  int64_t (*col_int64)(struct db_stmt *st, int col);
  const char *(*col_text)(struct db_stmt *st, int col);
  int (*col_is_null)(struct db_stmt *st, int col);
  int (*col_count)(struct db_stmt *st);
  const char *(*col_name)(struct db_stmt *st, int col);
  int (*col_is_int)(struct db_stmt *st, int col);
  int (*begin)(struct db *db);
  int (*begin_write)(struct db *db);
  int (*commit)(struct db *db);
  int (*rollback)(struct db *db);
  int (*changes)(struct db *db);
  const char *(*errmsg)(struct db *db);
  void (*pantau_baca)(struct db *db, void (*fn)(void *ctx, const char *tabel), void *ctx);
  /* group mode of the group-commit writer (db.h db_kelompok) */
  void (*kelompok)(struct db *db, int on);
  int (*kelompok_terbuka)(struct db *db);
  int (*dalam_transaksi)(struct db *db);
  void (*wal_pantau)(struct db *db, void (*fn)(void *ctx, int frames), void *ctx);
  int (*checkpoint)(struct db *db);
  void (*baca)(struct db *db, int on);   /* db_baca; NULL: no request read mode */
};

struct db { const struct db_ops *ops; };
struct db_stmt { struct db *db; };

struct db *db_sqlite_open(const char *path, char *err, size_t errlen);
struct db *db_pg_open(const char *url, char *err, size_t errlen);

/* Counts open connections for db_open_count(). */
void db_count_open(int delta);

#endif
