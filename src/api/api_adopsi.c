/* api_adopsi.c: GET /api/v1/adopsi?minggu=&periode_id= (admins; superadmin names instansi_id),
 * the adoption view of the instansi (adopsi.h). */
#include <string.h>

#include "adopsi.h"
#include "api/api.h"
#include "api/api_akses.h"
#include "api/api_boleh.h"
#include "db/db.h"
#include "util/util.h"

int api_adopsi(struct request *req)
{
  int64_t inst = 0, periode = 0, minggu = 8;
  if (api_list_instansi(req, &inst) != 0 || api_query_id(req, "periode_id", &periode) != 0) return 0;
  const char *m = http_query(req, "minggu");
  if (m && parse_int64(m, 1, ADOPSI_MINGGU_MAKS, &minggu) != 0) {
    verr_addf(req, "minggu", "harus bilangan bulat 1 sampai %d", ADOPSI_MINGGU_MAKS);
    return reply_verr(req, 422);
  }
  if (!inst) {
    verr_add(req, "instansi_id", "superadmin harus menyebut instansi_id");
    return reply_verr(req, 422);
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  if (api_instansi_ada(req, db, inst)) return 0;
  json_t *out = NULL;
  if (db_begin(db) != DB_OK) return reply_db_error(req);
  int rc = adopsi_hitung(db, inst, periode, (int)minggu, now_unix(), &out);
  db_rollback(db);
  if (rc == 1) return reply_not_found(req, "Periode");
  if (rc != 0) return reply_db_error(req);
  return reply_json(req, 200, out);
}
