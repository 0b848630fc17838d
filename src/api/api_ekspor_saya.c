/* api_ekspor_saya.c: GET /api/v1/saya/ekspor?format=json|pdf, everything kinerja holds about the
 * caller's own pegawai (ekspor_saya.h), read in one snapshot, as a download. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_akses.h"
#include "db/db.h"
#include "ekspor_saya.h"
#include "report_ekspor_pdf.h"
#include "util/log.h"
#include "util/util.h"

int api_saya_ekspor(struct request *req)
{
  const char *f = http_query(req, "format");
  bool pdf = false;
  if (f && strcmp(f, "pdf") == 0) pdf = true;
  else if (f && *f && strcmp(f, "json") != 0) { verr_add(req, "format", "harus json atau pdf"); return reply_verr(req, 422); }
  if (!req->who.pegawai_id)
    return reply_problem(req, 404, "Tidak ada data pegawai",
                         "Akun ini tidak terhubung dengan data pegawai, jadi tidak ada data kinerja milik Anda untuk diunduh.");
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *e = NULL;
  if (db_begin(db) != DB_OK) return reply_db_error(req);   /* one snapshot for every section */
  int rc = ekspor_saya(db, req->who.pegawai_id, req->who.pengguna_id, now_unix(), &e);
  db_rollback(db);
  if (rc != 0) return reply_db_error(req);
  char nama[96];
  snprintf(nama, sizeof nama, "attachment; filename=\"data-saya-%s.%s\"",
           json_string_value(json_object_get(json_object_get(e, "profil"), "nip")) ? json_string_value(json_object_get(json_object_get(e, "profil"), "nip")) : "pegawai",
           pdf ? "pdf" : "json");
  if (!pdf) {
    char *s = json_dumps(e, JSON_INDENT(1) | JSON_ENSURE_ASCII);
    json_decref(e);
    if (!s) return reply_db_error(req);
    reply_header(req, "Content-Disposition", nama);
    return reply_raw(req, 200, "application/json", s, strlen(s));
  }
  unsigned char *buf = NULL;
  size_t len = 0;
  char err[200];
  rc = report_ekspor_pdf(e, &buf, &len, err, sizeof err);
  json_decref(e);
  if (rc != 0) {
    log_msg(LOG_WARN, "ekspor pdf pegawai %lld: %s", (long long)req->who.pegawai_id, err);
    return reply_problem(req, 422, "PDF tidak dapat dibuat", err);
  }
  reply_header(req, "Content-Disposition", nama);
  return reply_raw(req, 200, "application/pdf", (char *)buf, len);
}
