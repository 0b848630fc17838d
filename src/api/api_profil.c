/* api_profil.c: GET /api/v1/pegawai/{id}/profil-kinerja and GET /api/v1/unit-kerja/{id}/
 * profil-kinerja (issue 15 part 4), ?tahun= (default the instansi's current year).  Who may read
 * a pegawai's profile is who may read their dashboard: the pegawai, their atasan chain and the
 * instansi's pimpinan and admin (and superadmin); a unit's profile is for the instansi's
 * pimpinan and admin (as the unit dashboard). */
#include "api/api.h"
#include "api/api_boleh.h"
#include "api/api_profil.h"
#include "auth/rbac.h"
#include "profil.h"

int api_profil_pegawai(struct request *req)
{
  int64_t id, inst = 0;
  int tahun;
  struct db *db = api_pegawai_baca(req, &id, &inst);
  if (!db || api_tahun(req, db, inst, &tahun)) return 0;
  const char *pesan = NULL;
  return api_balas_json(req, profil_pegawai(db, id, tahun, &pesan), pesan);
}

int api_profil_unit(struct request *req)
{
  int64_t unit = http_param_id(req, "id");
  if (!unit) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  if (api_unit_boleh(req, db, unit, &inst)) return 0;
  if (!rbac_reads_instansi(&req->who)) return reply_forbidden(req);
  int tahun;
  if (api_tahun(req, db, inst, &tahun)) return 0;
  const char *pesan = NULL;
  return api_balas_json(req, profil_unit(db, unit, tahun, &pesan), pesan);
}
