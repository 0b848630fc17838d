/* test_audit.c: the hash chain detects edited, deleted and re-ordered records. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "uji_db.h"

struct fx { struct db *db; char path[64]; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  f->db = uji_db_baru(f->path, "audit");
  if (!f->db) return -1;
  struct audit_actor who = {7, "req-1"};
  if (db_begin_write(f->db) != DB_OK) return -1;
  for (int i = 1; i <= 5; i++) {
    json_t *after = json_pack("{s:i,s:s}", "n", i, "nama", "Siti Rahayu");
    if (audit_append(f->db, &who, 1, "pegawai.update", "pegawai", i, NULL, after) != 0) return -1;
    json_decref(after);
  }
  if (db_commit(f->db) != DB_OK) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  return uji_db_akhiri(f->db, f->path, f);
}

static void intact(void **state)
{
  struct fx *f = *state;
  struct audit_verify_result r;
  assert_int_equal(audit_verify(f->db, &r), 0);
  assert_true(r.ok);
  assert_int_equal(r.records, 5);
}

static void edited_record(void **state)
{
  struct fx *f = *state;
  struct audit_verify_result r;
  assert_int_equal(db_exec(f->db, "UPDATE audit_log SET sesudah = '{\"n\":99}' WHERE id = 3"), DB_OK);
  assert_int_equal(audit_verify(f->db, &r), 0);
  assert_false(r.ok);
  assert_int_equal(r.bad_id, 3);
  assert_non_null(strstr(r.reason, "diubah"));
}

static void edited_actor(void **state)
{
  struct fx *f = *state;
  struct audit_verify_result r;
  assert_int_equal(db_exec(f->db, "UPDATE audit_log SET pengguna_id = 8 WHERE id = 2"), DB_OK);
  assert_int_equal(audit_verify(f->db, &r), 0);
  assert_false(r.ok);
  assert_int_equal(r.bad_id, 2);
}

static void deleted_record(void **state)
{
  struct fx *f = *state;
  struct audit_verify_result r;
  assert_int_equal(db_exec(f->db, "DELETE FROM audit_log WHERE id = 2"), DB_OK);
  assert_int_equal(audit_verify(f->db, &r), 0);
  assert_false(r.ok);
  assert_int_equal(r.bad_id, 3);
}

static void deleted_newest(void **state)
{
  struct fx *f = *state;
  struct audit_verify_result r;
  assert_int_equal(db_exec(f->db, "DELETE FROM audit_log WHERE id = 5"), DB_OK);
  assert_int_equal(audit_verify(f->db, &r), 0);
  assert_false(r.ok);
  assert_non_null(strstr(r.reason, "kepala"));
}

static void reordered(void **state)
{
  struct fx *f = *state;
  struct audit_verify_result r;
  /* swap the contents of records 2 and 3, keeping ids in order */
  assert_int_equal(db_exec(f->db,
    "UPDATE audit_log SET id = -2 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3;"
    "UPDATE audit_log SET id = 3 WHERE id = -2;"), DB_OK);
  assert_int_equal(audit_verify(f->db, &r), 0);
  assert_false(r.ok);
  assert_int_equal(r.bad_id, 2);
}

static void rehash_is_not_enough(void **state)
{
  /* recomputing one record's hash after editing it breaks the link of the next one */
  struct fx *f = *state;
  struct audit_verify_result r;
  char h[65];
  assert_int_equal(db_exec(f->db, "UPDATE audit_log SET aksi = 'x' WHERE id = 3"), DB_OK);
  struct db_stmt *st = db_prepare(f->db, "SELECT hash_prev, instansi_id, waktu, pengguna_id, entitas, entitas_id, sesudah, request_id FROM audit_log WHERE id = 3");
  assert_int_equal(db_step(st), DB_ROW);
  audit_hash(db_col_text(st, 0), 3, db_col_int64(st, 1), db_col_int64(st, 2), db_col_int64(st, 3), "x",
             db_col_text(st, 4), db_col_int64(st, 5), NULL, db_col_text(st, 6), db_col_text(st, 7), h);
  db_done(st);
  st = db_prepare(f->db, "UPDATE audit_log SET hash = ?1 WHERE id = 3");
  db_bind_text(st, 1, h);
  assert_int_equal(db_step(st), DB_DONE);
  db_done(st);
  assert_int_equal(audit_verify(f->db, &r), 0);
  assert_false(r.ok);
  assert_int_equal(r.bad_id, 4);
}

static void hash_fields_are_delimited(void **s)
{
  char a[65], b[65];
  audit_hash("0", 1, 1, 1, 1, "ab", "c", 1, NULL, NULL, NULL, a);
  audit_hash("0", 1, 1, 1, 1, "a", "bc", 1, NULL, NULL, NULL, b);
  assert_string_not_equal(a, b);
  audit_hash("0", 1, 1, 1, 1, "a", "b", 1, "", NULL, NULL, a);
  audit_hash("0", 1, 1, 1, 1, "a", "b", 1, NULL, NULL, NULL, b);
  assert_string_not_equal(a, b);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(intact, setup, teardown),
    cmocka_unit_test_setup_teardown(edited_record, setup, teardown),
    cmocka_unit_test_setup_teardown(edited_actor, setup, teardown),
    cmocka_unit_test_setup_teardown(deleted_record, setup, teardown),
    cmocka_unit_test_setup_teardown(deleted_newest, setup, teardown),
    cmocka_unit_test_setup_teardown(reordered, setup, teardown),
    cmocka_unit_test_setup_teardown(rehash_is_not_enough, setup, teardown),
    cmocka_unit_test(hash_fields_are_delimited),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
