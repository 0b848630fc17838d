/* api_boleh.c: the access checks and ?tahun= of the per-pegawai and per-unit handlers (see
 * api_boleh.h).  The answers are the ones every handler gave before it used these: 404 / 403 /
 * 503 problem+json with the same texts. */
#include "api/api.h"
#include "api/api_boleh.h"
#include "aktivitas.h"
#include "org.h"
#include "util/util.h"

int api_akses_balas(struct request *req, enum access_result a)
{
  switch (a) {
  case ACCESS_OK: return 0;
  case ACCESS_NOT_FOUND: reply_not_found(req, "Pegawai"); return -1;
  case ACCESS_DENIED: reply_forbidden(req); return -1;
  default: reply_db_error(req); return -1;
  }
}

int api_pegawai_boleh(struct request *req, struct db *db, int64_t id, enum access_mode mode, int64_t *inst)
{
  return api_akses_balas(req, rbac_pegawai(db, &req->who, id, mode, inst));
}

struct db *api_pegawai_baca(struct request *req, int64_t *id, int64_t *inst)
{
  if (!(*id = http_param_id(req, "id"))) return NULL;
  struct db *db = http_db(req);
  if (!db || api_pegawai_boleh(req, db, *id, ACCESS_READ, inst)) return NULL;
  return db;
}

struct db *api_pegawai_baca_instansi(struct request *req, int64_t *id)
{
  if (!(*id = http_param_id(req, "id"))) return NULL;
  struct db *db = http_db(req);
  if (!db) return NULL;
  enum access_result a = rbac_pegawai(db, &req->who, *id, ACCESS_READ, NULL);
  if (a != ACCESS_NOT_FOUND && !rbac_reads_instansi(&req->who)) a = ACCESS_DENIED;
  return api_akses_balas(req, a) ? NULL : db;
}

struct db *api_pegawai_ubah(struct request *req, int64_t *id, int64_t *inst)
{
  if (!(*id = http_param_id(req, "id"))) return NULL;
  struct db *db = api_begin(req);
  if (!db) return NULL;
  if (api_pegawai_boleh(req, db, *id, ACCESS_ADMIN, inst)) { db_rollback(db); return NULL; }
  return db;
}

int api_unit_boleh(struct request *req, struct db *db, int64_t unit, int64_t *inst)
{
  json_t *u = unit_kerja_json(db, unit, inst);
  if (!u) { reply_not_found(req, "Unit kerja"); return -1; }
  json_decref(u);
  if (!rbac_instansi_read(&req->who, *inst)) { reply_forbidden(req); return -1; }
  return 0;
}

int api_unit_instansi(struct request *req, struct db *db, int64_t unit, int64_t *inst)
{
  int s = db_query_int64(db, "SELECT instansi_id FROM unit_kerja WHERE id = ?1", 1, unit, inst);
  if (s == DB_DONE) { reply_not_found(req, "Unit kerja"); return -1; }
  if (s != DB_ROW) { reply_db_error(req); return -1; }
  if (!rbac_instansi_read(&req->who, *inst)) { reply_forbidden(req); return -1; }
  return 0;
}

int api_instansi_ada(struct request *req, struct db *db, int64_t inst)
{
  int64_t ada = 0;
  if (db_query_int64(db, "SELECT COUNT(*) FROM instansi WHERE id = ?1", 1, inst, &ada) != DB_ROW) { reply_db_error(req); return -1; }
  if (!ada) { reply_not_found(req, "Instansi"); return -1; }
  return 0;
}

int api_tahun(struct request *req, struct db *db, int64_t inst, int *out)
{
  char today[11];
  instansi_hari_ini(db, inst, today);   /* YYYY-MM-DD */
  int64_t t = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0');
  const char *q = http_query(req, "tahun");
  if (q && parse_int64(q, 2000, 2100, &t) != 0) {
    verr_add(req, "tahun", "harus tahun 2000-2100");
    reply_verr(req, 422);
    return -1;
  }
  *out = (int)t;
  return 0;
}

int api_balas_json(struct request *req, json_t *j, const char *pesan)
{
  if (j) return reply_json(req, 200, j);
  if (pesan) return reply_not_found(req, pesan);
  return reply_db_error(req);
}
