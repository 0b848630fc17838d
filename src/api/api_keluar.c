/* api_keluar.c: shared by the email outbox and webhook handlers (api_keluar.h). */
#include "api/api_keluar.h"

#include <string.h>

#include "api/api.h"
#include "util/util.h"

int api_keluar_instansi(struct request *req, int64_t *out)
{
  *out = (req->who.peran & PERAN_SUPERADMIN) ? 0 : req->who.instansi_id;
  if (!(req->who.peran & PERAN_SUPERADMIN) && *out == 0) { reply_forbidden(req); return -1; }
  return 0;
}

void api_keluar_saring(struct request *req, const char **status, int64_t *cursor)
{
  const char *s = http_query(req, "status"), *cur = http_query(req, "cursor");
  if (s && *s && strcmp(s, "antri") && strcmp(s, "mengirim") && strcmp(s, "terkirim") && strcmp(s, "gagal"))
    verr_add(req, "status", "harus antri, mengirim, terkirim atau gagal");
  if (cur && *cur && parse_int64(cur, 1, INT64_MAX, cursor) != 0) verr_add(req, "cursor", "cursor tidak valid");
  *status = s && *s ? s : NULL;
}
