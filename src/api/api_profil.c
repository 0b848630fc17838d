/* api_profil.c: GET /api/v1/pegawai/{id}/profil-kinerja and GET /api/v1/unit-kerja/{id}/
 * profil-kinerja (issue 15 part 4), ?tahun= (default the instansi's current year).  Who may read
 * a pegawai's profile is who may read their dashboard: the pegawai, their atasan chain and the
 * instansi's pimpinan and admin (and superadmin); a unit's profile is for the instansi's
 * pimpinan and admin (as the unit dashboard). */
#include <string.h>

#include "aktivitas.h"
#include "api/api.h"
#include "api/api_dasbor.h"
#include "api/api_profil.h"
#include "auth/rbac.h"
#include "org.h"
#include "profil.h"
#include "util/util.h"

static int balas(struct request *req, json_t *j, const char *pesan)
{
  if (j) return reply_json(req, 200, j);
  if (pesan) return reply_not_found(req, pesan);
  return reply_db_error(req);
}

int api_profil_pegawai(struct request *req)
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
  return balas(req, profil_pegawai(db, id, tahun, &pesan), pesan);
}

int api_profil_unit(struct request *req)
{
  int64_t unit = http_param_id(req, "id");
  if (!unit) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  json_t *u = unit_kerja_json(db, unit, &inst);
  if (!u) return reply_not_found(req, "Unit kerja");
  json_decref(u);
  if (!rbac_instansi_read(&req->who, inst) || !rbac_reads_instansi(&req->who)) return reply_forbidden(req);
  int tahun;
  if (api_dasbor_tahun(req, db, inst, &tahun)) return 0;
  const char *pesan = NULL;
  return balas(req, profil_unit(db, unit, tahun, &pesan), pesan);
}
