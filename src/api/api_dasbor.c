/* api_dasbor.c: GET /api/v1/dasbor/... — the dashboards (issue 8), each for the caller's scope:
 * a pegawai (self, their atasan chain, or whoever reads the instansi), an atasan's team, a unit
 * and its subtree, or the whole instansi (pimpinan, admin, superadmin).  Access is checked on the
 * primary; the dashboard itself may be computed on the read replica (http_db_baca). */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "api/api_dasbor.h"
#include "auth/rbac.h"
#include "dasbor.h"
#include "http/sse.h"
#include "util/util.h"

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
    return api_balas_json(req, j, pesan);
  }
  size_t len = 0;
  char *teks = dasbor_unit_teks(db, inst, unit, tahun, &len, &pesan);
  if (!teks && !pesan && (db = http_db_baca_gagal(req, db))) teks = dasbor_unit_teks(db, inst, unit, tahun, &len, &pesan);
  if (teks) return reply_raw(req, 200, "application/json; charset=utf-8", teks, len);
  return api_balas_json(req, NULL, pesan);
}

int api_dasbor_pegawai(struct request *req)
{
  int64_t id, inst = 0;
  int tahun;
  struct db *db = api_pegawai_baca(req, &id, &inst);
  if (!db || api_tahun(req, db, inst, &tahun)) return 0;
  const char *pesan = NULL;
  struct db *baca = http_db_baca(req);
  if (!baca) return 0;
  json_t *j = dasbor_pegawai(baca, id, tahun, &pesan);
  if (!j && !pesan && (baca = http_db_baca_gagal(req, baca))) j = dasbor_pegawai(baca, id, tahun, &pesan);
  return api_balas_json(req, j, pesan);
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
  /* an atasan's team is theirs and their superiors' (and the instansi readers'), not their
   * bawahan's: reading the atasan's own data is not enough */
  if (a == ACCESS_OK && atasan != req->who.pegawai_id && !rbac_reads_instansi(&req->who) &&
      rbac_in_subtree(db, req->who.pegawai_id, atasan) != 1)
    a = ACCESS_DENIED;
  int tahun;
  if (api_akses_balas(req, a) || api_tahun(req, db, inst, &tahun)) return 0;
  const char *pesan = NULL;
  struct db *baca = http_db_baca(req);
  if (!baca) return 0;
  json_t *j = dasbor_tim(baca, atasan, tahun, &pesan);
  if (!j && !pesan && (baca = http_db_baca_gagal(req, baca))) j = dasbor_tim(baca, atasan, tahun, &pesan);
  return api_balas_json(req, j, pesan);
}

int api_dasbor_unit(struct request *req)
{
  int64_t unit = http_param_id(req, "id");
  if (!unit) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  int tahun;
  if (api_unit_boleh(req, db, unit, &inst) || api_tahun(req, db, inst, &tahun)) return 0;
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
  int tahun;
  if (api_instansi_ada(req, db, inst) || api_tahun(req, db, inst, &tahun)) return 0;
  return balas_unit(req, inst, 0, tahun);
}

/* GET /api/v1/dasbor/peristiwa: a Server-Sent Events stream telling an open dashboard that
 * something of a kind changed in the caller's instansi (superadmin: any), so it refetches. */
int api_dasbor_peristiwa(struct request *req)
{
  return reply_sse(req, req->who.instansi_id);
}
