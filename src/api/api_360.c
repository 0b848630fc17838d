/* api_360.c: 360-degree feedback rounds (issue 6 point 7). */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "auth/rbac.h"
#include "umpan360.h"
#include "util/util.h"

static int finish(struct request *req, struct db *db, int rc, int http, const char *pesan, const char *what)
{
  if (api_end(req, db, rc) == 0) return 0;
  if (req->status) return 1;
  switch (rc) {
  case 1: reply_verr(req, 422); break;
  case 2: reply_not_found(req, what); break;
  case 3: reply_problem(req, http ? http : 409, http == 403 ? "Tidak diizinkan" : "Tidak dapat diproses", pesan); break;
  default: reply_db_error(req); break;
  }
  return 1;
}

/* May the caller run rounds for pegawai `id`: admin of the instansi, or an atasan above them. */
static int pengelola(struct request *req, struct db *db, int64_t id)
{
  enum access_result a = rbac_pegawai(db, &req->who, id, ACCESS_ADMIN, NULL);
  if (a == ACCESS_OK) return 0;
  if (a == ACCESS_NOT_FOUND) { reply_not_found(req, "Pegawai"); return 1; }
  if (a == ACCESS_ERROR) { reply_db_error(req); return 1; }
  if (req->who.pegawai_id && req->who.pegawai_id != id) {
    int r = rbac_in_subtree(db, req->who.pegawai_id, id);
    if (r < 0) { reply_db_error(req); return 1; }
    if (r > 0) return 0;
  }
  reply_problem(req, 403, "Tidak diizinkan", "putaran 360 dibuka oleh atasan pegawai atau admin kepegawaian");
  return 1;
}

int api_360_buka(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  if (pengelola(req, db, id)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int64_t rid = 0;
  int rc = umpan360_buka(db, id, req->who.pengguna_id, req->json, &a, &req->verr, &rid);
  if (finish(req, db, rc, 0, NULL, "Pegawai")) return 0;
  json_t *j = umpan360_hasil(db, rid);
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}

int api_360_tugas(struct request *req)
{
  if (!req->who.pegawai_id) return reply_json(req, 200, json_pack("{s:[]}", "items"));
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = umpan360_tugas(db, req->who.pegawai_id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_360_hasil(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t peg = 0, inst = 0;
  char status[10];
  int rc = umpan360_putaran(db, id, &peg, &inst, status);
  if (rc != 0) return rc < 0 ? reply_db_error(req) : reply_not_found(req, "Putaran 360");
  enum access_result a = rbac_pegawai(db, &req->who, peg, ACCESS_READ, NULL);
  if (a == ACCESS_ERROR) return reply_db_error(req);
  if (a != ACCESS_OK) return reply_forbidden(req);
  json_t *j = umpan360_hasil(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_360_jawab(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  if (!req->who.pegawai_id) { verr_add(req, "pegawai", "akun ini tidak terhubung dengan pegawai"); return reply_verr(req, 422); }
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int rc = umpan360_jawab(db, id, req->who.pegawai_id, req->json, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "Putaran 360")) return 0;
  return reply_no_content(req);
}

int api_360_tutup(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t peg = 0, inst = 0;
  char status[10];
  int rc = umpan360_putaran(db, id, &peg, &inst, status);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_not_found(req, "Putaran 360"); }
  if (pengelola(req, db, peg)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  rc = umpan360_tutup(db, id, &a, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "Putaran 360")) return 0;
  json_t *j = umpan360_hasil(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_360_daftar(struct request *req)
{
  int64_t id;
  struct db *db = api_pegawai_baca(req, &id, NULL);
  if (!db) return 0;
  json_t *j = umpan360_daftar(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}
