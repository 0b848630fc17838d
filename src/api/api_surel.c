/* api_surel.c: /api/v1/surel — admins look at the email outbox of their instansi (superadmin:
 * every instansi, or ?instansi_id=) and send an email that failed again.  The outbox itself is
 * src/surel.c; nothing here talks to a mail server. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_keluar.h"
#include "audit.h"
#include "db/db.h"
#include "surel.h"
#include "util/util.h"

int api_surel_list(struct request *req)
{
  int limit;
  int64_t inst, cursor = 0, own;
  if (api_keluar_instansi(req, &own) != 0 || api_limit(req, &limit) != 0 || api_list_instansi(req, &inst) != 0) return 0;
  const char *status;
  api_keluar_saring(req, &status, &cursor);
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *page = surel_daftar(db, inst, status, cursor, limit);
  if (!page) return reply_db_error(req);
  return reply_json(req, 200, page);
}

int api_surel_ulang(struct request *req)
{
  int64_t inst;
  if (api_keluar_instansi(req, &inst) != 0) return 0;
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  json_t *hasil = NULL;
  int http = 0;
  const char *pesan = NULL;
  int rc = surel_ulang(db, id, inst, &who, &hasil, &http, &pesan);
  if (api_end(req, db, rc) != 0) {
    json_decref(hasil);
    if (req->status) return 0;
    if (rc == 2) return reply_not_found(req, "Surel");
    if (rc == 3) return reply_problem(req, http, http == 403 ? "Tidak diizinkan" : "Tidak dapat diproses", pesan);
    return reply_db_error(req);
  }
  return reply_json(req, 200, hasil);
}
