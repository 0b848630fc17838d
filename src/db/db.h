/* db.h: the small database interface every module uses.
 *
 * One `struct db` is one connection; it is used by one thread at a time.  SQL is written once,
 * with `?1`-style parameters (see sql/README.md), and prepared through a per-connection cache:
 * db_prepare() returns a statement the caller must give back with db_done().  Only SQLite is
 * implemented today; the PostgreSQL backend will sit behind the same functions.
 */
#ifndef KINERJA_DB_H
#define KINERJA_DB_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct db_stmt;

enum { DB_OK = 0, DB_ROW = 100, DB_DONE = 101, DB_ERROR = -1, DB_CONSTRAINT = -2, DB_BUSY = -3 };
enum { DB_DIALECT_SQLITE = 1, DB_DIALECT_PG = 2 };

/* Opens the database named by `url`: a SQLite file path (or `sqlite:PATH`), or a PostgreSQL
 * connection URI `postgres://user@host:port/dbname?...` or key=value string.  On failure returns NULL and writes a
 * message into err.  The caller owns the result and frees it with db_close(). */
struct db *db_open(const char *url, char *err, size_t errlen);
void db_close(struct db *db);
/* 1 when url names a PostgreSQL database: a postgres:// or postgresql:// URI, or a libpq
 * key=value connection string (`host=db1 dbname=kinerja user=kinerja`). */
int db_url_is_pg(const char *url);
/* url without a password or query parameters (for logs); a key=value string as the options it
 * sets, the password as ***. */
void db_url_for_log(const char *url, char *out, size_t n);
/* DB_DIALECT_SQLITE or DB_DIALECT_PG. */
int db_dialect(struct db *db);

/* Runs one or more SQL statements without parameters (migrations, pragmas). */
int db_exec(struct db *db, const char *sql);

/* Prepares `sql` (a string literal or otherwise stable text) through the statement cache.
 * Returns NULL on error (see db_errmsg).  Give it back with db_done(). */
struct db_stmt *db_prepare(struct db *db, const char *sql);
/* Resets and returns a statement to the cache (or finalizes it).  NULL is accepted. */
void db_done(struct db_stmt *st);
/* Resets a statement (and clears its bindings) for another run while keeping it: for loops that
 * run the same statement many times without looking it up in the cache each time.  Still give
 * it back with db_done() at the end.  NULL is accepted. */
void db_reset(struct db_stmt *st);

int db_bind_int64(struct db_stmt *st, int idx, int64_t v);
int db_bind_text(struct db_stmt *st, int idx, const char *v);  /* NULL binds SQL NULL */
int db_bind_textn(struct db_stmt *st, int idx, const char *v, size_t n);
int db_bind_null(struct db_stmt *st, int idx);
/* Binds an int64 or NULL when v is 0 (for optional foreign keys). */
int db_bind_id(struct db_stmt *st, int idx, int64_t v);

/* Steps a statement: DB_ROW, DB_DONE, DB_CONSTRAINT (unique/check/foreign key), DB_ERROR. */
int db_step(struct db_stmt *st);
int64_t db_col_int64(struct db_stmt *st, int col);
const char *db_col_text(struct db_stmt *st, int col);  /* valid until the next step/done */
int db_col_is_null(struct db_stmt *st, int col);
/* Columns of a result (for generic row dumps, e.g. the personal data export): their number, the
 * name (the alias) of one, valid like db_col_text, and whether a value is an integer. */
int db_col_count(struct db_stmt *st);
const char *db_col_name(struct db_stmt *st, int col);
int db_col_is_int(struct db_stmt *st, int col);

/* Transactions.  db_begin_write takes the write lock up front (SQLite BEGIN IMMEDIATE; on
 * PostgreSQL a transaction-level advisory lock) so that concurrent writers wait on the busy
 * timeout instead of failing half-way: one writer at a time, read-modify-write code is safe.
 * db_begin is a read transaction with one snapshot (PostgreSQL: REPEATABLE READ). */
int db_begin(struct db *db);
int db_begin_write(struct db *db);
int db_commit(struct db *db);
int db_rollback(struct db *db);
/* Steps st (prepared inside an open write transaction) to completion, finalises it and commits;
 * on any failure (st NULL included) rolls back.  0 or -1. */
int db_step_commit(struct db *db, struct db_stmt *st);

/* Group mode (the group-commit writer, db/penulis.h): the caller holds one open transaction for
 * many requests, and db_begin / db_begin_write / db_commit / db_rollback of the code it runs
 * become SAVEPOINT / RELEASE / ROLLBACK TO of a savepoint inside it, so one request's rollback
 * undoes that request only and its "commit" is made durable by the writer's real COMMIT. */
void db_kelompok(struct db *db, int on);
/* Replaces the connection's automatic WAL checkpoint by fn(ctx, frames), called after each of
 * its commits with the number of frames in the write-ahead log (SQLite's wal hook), so that a
 * busy writer can leave checkpoints to another thread (db/penulis.c).  fn NULL: back to the
 * automatic checkpoint. */
void db_wal_pantau(struct db *db, void (*fn)(void *ctx, int frames), void *ctx);
/* A checkpoint that waits for nobody (SQLite PASSIVE): copies what it can of the log into the
 * database file.  DB_OK or an error. */
int db_checkpoint(struct db *db);

/* Request read mode (issue 13): between db_baca(db, 1) and db_baca(db, 0) the statements a GET
 * request runs share ONE read transaction instead of one each (SQLite: each costs the WAL-index
 * locks).  The transaction is opened lazily by the first read, and closed (committed) before the
 * first statement that writes, by db_begin_write, by db_exec and by db_baca(db, 0); the next read
 * opens another.  db_begin / db_commit / db_rollback of a read inside it only count; a write after
 * such a db_begin upgrades the shared transaction, and its db_commit / db_rollback is then real.
 * PostgreSQL: nothing (each statement is already one implicit transaction, no lock round trip). */
void db_baca(struct db *db, int on);

/* Savepoints opened by db_begin* in group mode and not yet committed or rolled back. */
int db_kelompok_terbuka(struct db *db);
/* 1 while a transaction is open on the connection (SQLite: not in autocommit). */
int db_dalam_transaksi(struct db *db);

int db_changes(struct db *db);
const char *db_errmsg(struct db *db);

/* Convenience: run `sql` with one int64 parameter (or none when nparam == 0) and return the
 * first column of the first row as int64 into *out.  Returns DB_ROW, DB_DONE or an error. */
int db_query_int64(struct db *db, const char *sql, int nparam, int64_t p1, int64_t *out);

/* For tests: calls fn(ctx, table) for every table that a statement prepared from now on reads
 * (statements already in the connection's cache are not prepared again); fn NULL stops. */
void db_pantau_baca(struct db *db, void (*fn)(void *ctx, const char *tabel), void *ctx);

/* Number of connections open in this process (for /metrics). */
long db_open_count(void);

#endif
