/* api_common.c: small helpers shared by the handlers. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "peristiwa.h"
#include "db/db.h"
#include "util/util.h"

int api_limit(struct request *req, int *limit)
{
  const char *v = http_query(req, "limit");
  int64_t n = 50;
  if (v && parse_int64(v, 1, 200, &n) != 0) {
    verr_add(req, "limit", "harus bilangan bulat 1 sampai 200");
    reply_verr(req, 422);
    return -1;
  }
  *limit = (int)n;
  return 0;
}

int api_query_id(struct request *req, const char *name, int64_t *out)
{
  const char *v = http_query(req, name);
  *out = 0;
  if (!v || !*v) return 0;
  if (parse_int64(v, 1, INT64_MAX, out) != 0) {
    verr_add(req, name, "harus berupa id (bilangan bulat positif)");
    reply_verr(req, 422);
    return -1;
  }
  return 0;
}

int api_list_instansi(struct request *req, int64_t *out)
{
  if (!(req->who.peran & PERAN_SUPERADMIN)) { *out = req->who.instansi_id; return 0; }
  return api_query_id(req, "instansi_id", out);
}

int api_write_instansi(struct request *req, int64_t *out)
{
  if (!(req->who.peran & PERAN_SUPERADMIN)) {
    json_t *v = json_object_get(req->json, "instansi_id");
    if (v && !(json_is_integer(v) && json_integer_value(v) == req->who.instansi_id)) {
      reply_problem(req, 403, "Akses ditolak", "Anda hanya dapat mengubah data instansi Anda sendiri.");
      return -1;
    }
    *out = req->who.instansi_id;
    return 0;
  }
  json_t *v = json_object_get(req->json, "instansi_id");
  if (!v || !json_is_integer(v) || json_integer_value(v) < 1) {
    verr_add(req, "instansi_id", "superadmin harus menyebut instansi_id");
    reply_verr(req, 422);
    return -1;
  }
  struct db *db = http_db(req);
  if (!db) return -1;
  int64_t x;
  int rc = db_query_int64(db, "SELECT id FROM instansi WHERE id = ?1", 1, json_integer_value(v), &x);
  if (rc == DB_DONE) {
    verr_add(req, "instansi_id", "instansi tidak ditemukan");
    reply_verr(req, 422);
    return -1;
  }
  if (rc != DB_ROW) { reply_db_error(req); return -1; }
  *out = x;
  return 0;
}

struct db *api_begin(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return NULL;
  if (db_begin_write(db) != DB_OK) { reply_db_error(req); return NULL; }
  return db;
}

int api_end(struct request *req, struct db *db, int rc)
{
  if (rc == 0) {
    if (db_commit(db) != DB_OK) {
      db_rollback(db);
      peristiwa_buang();
      reply_db_error(req);
      return -1;
    }
    peristiwa_terbitkan();   /* live dashboards hear of the change once it is stored */
    return 0;
  }
  db_rollback(db);
  peristiwa_buang();
  return rc;
}
