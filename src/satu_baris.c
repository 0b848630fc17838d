/* satu_baris.c: one row read by its id (see satu_baris.h). */
#include "satu_baris.h"

json_t *satu_baris_json(struct db *db, const char *sql, int64_t id, json_t *(*row)(struct db_stmt *st))
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *j = db_step(st) == DB_ROW ? row(st) : NULL;
  db_done(st);
  return j;
}

int satu_baris_pemilik(struct db *db, const char *sql, int64_t id, int64_t *pegawai_id, int64_t *instansi_id)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) {
    *pegawai_id = db_col_int64(st, 0);
    *instansi_id = db_col_int64(st, 1);
  }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}
