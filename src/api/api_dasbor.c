/* api_dasbor.c: GET /api/v1/dasbor/... — the dashboards (issue 8), each for the caller's scope:
 * a pegawai (self, their atasan chain, or whoever reads the instansi), an atasan's team, a unit
 * and its subtree, or the whole instansi (pimpinan, admin, superadmin).  Access is checked on the
 * primary; the dashboard itself may be computed on the read replica (http_db_baca). */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_dasbor.h"
#include "aktivitas.h"
#include "auth/rbac.h"
#include "dasbor.h"
#include "http/sse.h"
#include "org.h"
#include "util/util.h"

int api_dasbor_tahun(struct request *req, struct db *db, int64_t instansi_id, int *out)
{
  char today[11];
  instansi_hari_ini(db, instansi_id, today);
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

static int balas(struct request *req, json_t *j, const char *pesan)
{
  if (j) return reply_json(req, 200, j);
  if (pesan) return reply_not_found(req, pesan);
  return reply_db_error(req);
}

/* The unit and instansi dashboards through the cache (dasbor_unit_teks); ?format=csv goes the
 * plain way, since reply_json turns the JSON into CSV. */
static int balas_unit(struct request *req, int64_t inst, int64_t unit, int tahun)
{
  const char *pesan = NULL;
  const char *format = http_query(req, "format");
  struct db *db = http_db_baca(req);   /* the replica when close enough (--db-replica) */
  if (!db) return 0;
  if (format && !strcmp(format, "csv")) {
    json_t *j = dasbor_unit(db, inst, unit, tahun, &pesan);
    if (!j && !pesan && (db = http_db_baca_gagal(req, db))) j = dasbor_unit(db, inst, unit, tahun, &pesan);
    return balas(req, j, pesan);
  }
  size_t len = 0;
  char *teks = dasbor_unit_teks(db, inst, unit, tahun, &len, &pesan);
  if (!teks && !pesan && (db = http_db_baca_gagal(req, db))) teks = dasbor_unit_teks(db, inst, unit, tahun, &len, &pesan);
  if (teks) return reply_raw(req, 200, "application/json; charset=utf-8", teks, len);
  return balas(req, NULL, pesan);
}

int api_dasbor_pegawai(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  enum access_result a = rbac_pegawai(db, &req->who, id, ACCESS_READ, &inst);
  if (a == ACCESS_NOT_FOUND) return reply_not_found(req, "Pegawai");
  if (a == ACCESS_DENIED) return reply_forbidden(req);
  if (a != ACCESS_OK) return reply_db_error(req);
  int tahun;
  if (api_dasbor_tahun(req, db, inst, &tahun)) return 0;
  const char *pesan = NULL;
  struct db *baca = http_db_baca(req);
  if (!baca) return 0;
  json_t *j = dasbor_pegawai(baca, id, tahun, &pesan);
  if (!j && !pesan && (baca = http_db_baca_gagal(req, baca))) j = dasbor_pegawai(baca, id, tahun, &pesan);
  return balas(req, j, pesan);
}

int api_dasbor_tim(struct request *req)
{
  int64_t atasan = 0;
  if (api_query_id(req, "atasan_id", &atasan) != 0) return 0;
  if (!atasan) atasan = req->who.pegawai_id;
  if (!atasan) {
    verr_add(req, "atasan_id", "akun ini tidak terhubung ke pegawai; sebutkan ?atasan_id=");
    return reply_verr(req, 422);
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  enum access_result a = rbac_pegawai(db, &req->who, atasan, ACCESS_READ, &inst);
  if (a == ACCESS_NOT_FOUND) return reply_not_found(req, "Pegawai");
  /* an atasan's team is theirs and their superiors' (and the instansi readers'), not their
   * bawahan's: reading the atasan's own data is not enough */
  if (a == ACCESS_OK && atasan != req->who.pegawai_id && !rbac_reads_instansi(&req->who) &&
      rbac_in_subtree(db, req->who.pegawai_id, atasan) != 1)
    a = ACCESS_DENIED;
  if (a == ACCESS_DENIED) return reply_forbidden(req);
  if (a != ACCESS_OK) return reply_db_error(req);
  int tahun;
  if (api_dasbor_tahun(req, db, inst, &tahun)) return 0;
  const char *pesan = NULL;
  struct db *baca = http_db_baca(req);
  if (!baca) return 0;
  json_t *j = dasbor_tim(baca, atasan, tahun, &pesan);
  if (!j && !pesan && (baca = http_db_baca_gagal(req, baca))) j = dasbor_tim(baca, atasan, tahun, &pesan);
  return balas(req, j, pesan);
}

int api_dasbor_unit(struct request *req)
{
  int64_t unit = http_param_id(req, "id");
  if (!unit) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  json_t *u = unit_kerja_json(db, unit, &inst);
  if (!u) return reply_not_found(req, "Unit kerja");
  json_decref(u);
  if (!rbac_instansi_read(&req->who, inst)) return reply_forbidden(req);
  int tahun;
  if (api_dasbor_tahun(req, db, inst, &tahun)) return 0;
  return balas_unit(req, inst, unit, tahun);
}

int api_dasbor_instansi(struct request *req)
{
  int64_t inst = 0;
  if (api_list_instansi(req, &inst) != 0) return 0;
  if (!inst) {
    verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id=");
    return reply_verr(req, 422);
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  if (!rbac_instansi_read(&req->who, inst)) return reply_forbidden(req);
  int64_t ada = 0;
  if (db_query_int64(db, "SELECT COUNT(*) FROM instansi WHERE id = ?1", 1, inst, &ada) != DB_ROW) return reply_db_error(req);
  if (!ada) return reply_not_found(req, "Instansi");
  int tahun;
  if (api_dasbor_tahun(req, db, inst, &tahun)) return 0;
  return balas_unit(req, inst, 0, tahun);
}

/* GET /api/v1/dasbor/peristiwa: a Server-Sent Events stream telling an open dashboard that
 * something of a kind changed in the caller's instansi (superadmin: any), so it refetches. */
int api_dasbor_peristiwa(struct request *req)
{
  return reply_sse(req, req->who.instansi_id);
}
