/* test_db_baca.c: the request read mode of db.h (db_baca, src/db/db_sqlite.c): the statements of
 * a request share one snapshot, opened by the first read; a write statement, db_begin_write and
 * db_exec close it first (no "database is locked" from upgrading an old snapshot) and the next
 * read opens a fresh one; db_begin / db_commit / db_rollback of a read inside it only count; a
 * write after such a db_begin is committed by its db_commit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "uji_db.h"

struct fx { char path[64]; struct db *a, *b; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  char err[256];
  if (uji_db_file(f->path, "baca") != 0) return -1;
  f->a = db_open(f->path, err, sizeof err);
  f->b = db_open(f->path, err, sizeof err);
  if (!f->a || !f->b || db_exec(f->a, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)") != DB_OK) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  db_close(f->b);
  return uji_db_akhiri(f->a, f->path, f);
}

static int64_t jumlah(struct db *db)
{
  int64_t n = -1;
  assert_int_equal(db_query_int64(db, "SELECT COUNT(*) FROM t", 0, 0, &n), DB_ROW);
  return n;
}

static void tambah(struct db *db)
{
  struct db_stmt *st = db_prepare(db, "INSERT INTO t (v) VALUES (1)");
  assert_non_null(st);
  assert_int_equal(db_step(st), DB_DONE);
  db_done(st);
}

/* One snapshot for the reads until the mode ends; nothing is opened before the first read. */
static void satu_snapshot(void **state)
{
  struct fx *f = *state;
  db_baca(f->a, 1);
  assert_int_equal(db_dalam_transaksi(f->a), 0);
  int64_t n = jumlah(f->a);
  tambah(f->b);
  assert_int_equal(jumlah(f->a), n);          /* the same snapshot */
  db_baca(f->a, 0);
  assert_int_equal(jumlah(f->a), n + 1);      /* each statement on its own again */
}

/* A write statement closes the shared snapshot first: it neither fails on the old snapshot nor
 * leaves the connection in a transaction; the next read sees the others' writes. */
static void tulis_menutup(void **state)
{
  struct fx *f = *state;
  db_baca(f->a, 1);
  int64_t n = jumlah(f->a);
  tambah(f->b);
  tambah(f->a);                                /* would be SQLITE_BUSY_SNAPSHOT inside the old one */
  assert_int_equal(jumlah(f->b), n + 2);       /* committed at once */
  assert_int_equal(jumlah(f->a), n + 2);
  db_baca(f->a, 0);
  assert_int_equal(db_dalam_transaksi(f->a), 0);
}

/* db_begin_write ends the shared snapshot and is a real write transaction. */
static void begin_write_di_dalam(void **state)
{
  struct fx *f = *state;
  db_baca(f->a, 1);
  int64_t n = jumlah(f->a);
  tambah(f->b);
  assert_int_equal(db_begin_write(f->a), DB_OK);
  assert_int_equal(jumlah(f->a), n + 2 - 1);   /* fresh: sees b's row */
  tambah(f->a);
  assert_int_equal(db_commit(f->a), DB_OK);
  assert_int_equal(jumlah(f->b), n + 2);
  db_baca(f->a, 0);
}

/* A read transaction of the caller's own only counts inside the shared one; a rollback without
 * a begin leaves it alone; a write after db_begin is committed (or undone) by the caller's own
 * db_commit / db_rollback. */
static void begin_bersarang(void **state)
{
  struct fx *f = *state;
  db_baca(f->a, 1);
  int64_t n = jumlah(f->a);
  assert_int_equal(db_begin(f->a), DB_OK);
  assert_int_equal(db_dalam_transaksi(f->a), 1);
  tambah(f->b);
  assert_int_equal(jumlah(f->a), n);
  assert_int_equal(db_commit(f->a), DB_OK);
  assert_int_equal(db_dalam_transaksi(f->a), 0);
  assert_int_equal(db_rollback(f->a), DB_OK);
  assert_int_equal(jumlah(f->a), n);           /* still the shared snapshot */
  db_baca(f->a, 0);
  n = jumlah(f->a);

  db_baca(f->a, 1);
  assert_int_equal(db_begin(f->a), DB_OK);
  assert_int_equal(jumlah(f->a), n);
  tambah(f->a);                                /* upgrades: nobody wrote since the snapshot */
  assert_int_equal(db_commit(f->a), DB_OK);
  assert_int_equal(jumlah(f->b), n + 1);       /* committed by the caller's commit */
  assert_int_equal(db_begin(f->a), DB_OK);
  tambah(f->a);
  assert_int_equal(db_rollback(f->a), DB_OK);
  assert_int_equal(jumlah(f->b), n + 1);       /* undone */
  db_baca(f->a, 0);
  assert_int_equal(db_dalam_transaksi(f->a), 0);
  assert_int_equal(jumlah(f->a), n + 1);
}

/* db_exec (e.g. a pragma or a script) runs outside the shared snapshot. */
static void exec_menutup(void **state)
{
  struct fx *f = *state;
  db_baca(f->a, 1);
  int64_t n = jumlah(f->a);
  assert_int_equal(db_exec(f->a, "INSERT INTO t (v) VALUES (2)"), DB_OK);
  assert_int_equal(jumlah(f->b), n + 1);
  db_baca(f->a, 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(satu_snapshot),
    cmocka_unit_test(tulis_menutup),
    cmocka_unit_test(begin_write_di_dalam),
    cmocka_unit_test(begin_bersarang),
    cmocka_unit_test(exec_menutup),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
