/* api_surel.c: /api/v1/surel — admins look at the email outbox of their instansi (superadmin:
 * every instansi, or ?instansi_id=) and send an email that failed again.  The outbox itself is
 * src/surel.c; nothing here talks to a mail server. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "audit.h"
#include "db/db.h"
#include "surel.h"
#include "util/util.h"

/* The instansi an admin works on: own; superadmin 0 (= any).  -1 when replied. */
static int instansi_admin(struct request *req, int64_t *out)
{
  *out = (req->who.peran & PERAN_SUPERADMIN) ? 0 : req->who.instansi_id;
  if (!(req->who.peran & PERAN_SUPERADMIN) && *out == 0) { reply_forbidden(req); return -1; }
  return 0;
}

int api_surel_list(struct request *req)
{
  int limit;
  int64_t inst, cursor = 0, own;
  if (instansi_admin(req, &own) != 0 || api_limit(req, &limit) != 0 || api_list_instansi(req, &inst) != 0) return 0;
  const char *status = http_query(req, "status"), *cur = http_query(req, "cursor");
  if (status && *status && strcmp(status, "antri") && strcmp(status, "mengirim") && strcmp(status, "terkirim") && strcmp(status, "gagal"))
    verr_add(req, "status", "harus antri, mengirim, terkirim atau gagal");
  if (cur && *cur && parse_int64(cur, 1, INT64_MAX, &cursor) != 0) verr_add(req, "cursor", "cursor tidak valid");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *page = surel_daftar(db, inst, status && *status ? status : NULL, cursor, limit);
  if (!page) return reply_db_error(req);
  return reply_json(req, 200, page);
}

int api_surel_ulang(struct request *req)
{
  int64_t inst;
  if (instansi_admin(req, &inst) != 0) return 0;
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
