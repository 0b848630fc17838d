/* orientasi.c: the closed first-login walkthroughs per user (see orientasi.h). */
#include "orientasi.h"

#include <string.h>

static const char *const KUNCI[] = {"pegawai", "atasan", "pimpinan", "admin", "auditor", "superadmin"};

bool orientasi_kunci_valid(const char *k)
{
  if (!k) return false;
  for (size_t i = 0; i < sizeof KUNCI / sizeof KUNCI[0]; i++)
    if (strcmp(k, KUNCI[i]) == 0) return true;
  return false;
}

json_t *orientasi_daftar(struct db *db, int64_t pengguna_id)
{
  json_t *arr = json_array();
  struct db_stmt *st = db_prepare(db,
    "SELECT kunci, selesai"
    "  FROM orientasi_selesai"
    " WHERE pengguna_id = ?1"
    " ORDER BY kunci");
  if (!arr || !st) goto fail;
  db_bind_int64(st, 1, pengguna_id);
  int rc;
  while ((rc = db_step(st)) == DB_ROW)
    json_array_append_new(arr, json_pack("{s:s, s:I}", "kunci", db_col_text(st, 0), "selesai",
                                         (json_int_t)db_col_int64(st, 1)));
  db_done(st);
  if (rc != DB_DONE) {
    json_decref(arr);
    return NULL;
  }
  return arr;
fail:
  if (st) db_done(st);
  json_decref(arr);
  return NULL;
}

int orientasi_tandai(struct db *db, int64_t pengguna_id, const char *kunci, bool selesai, int64_t now)
{
  struct db_stmt *st = db_prepare(db, selesai
    ? "INSERT INTO orientasi_selesai (pengguna_id, kunci, selesai) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (pengguna_id, kunci) DO UPDATE SET selesai = excluded.selesai"
    : "DELETE FROM orientasi_selesai WHERE pengguna_id = ?1 AND kunci = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_text(st, 2, kunci);
  if (selesai) db_bind_int64(st, 3, now);
  int rc = db_step(st);
  db_done(st);
  return rc == DB_DONE ? 0 : -1;
}
