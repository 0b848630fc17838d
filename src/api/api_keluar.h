/* api_keluar.h: what the handlers of kinerja's outgoing messages share (api_surel.c: the email
 * outbox; api_webhook.c: webhooks and their delivery log). */
#ifndef KINERJA_API_KELUAR_H
#define KINERJA_API_KELUAR_H
#include <stdint.h>

#include "http/http.h"

/* The instansi an admin works on: own; superadmin 0 (= any).  -1 when replied (403: an admin
 * without instansi). */
int api_keluar_instansi(struct request *req, int64_t *out);
/* ?status= (antri, mengirim, terkirim or gagal; *status NULL when absent or empty) and ?cursor=
 * (a positive id; *cursor 0 when absent) of a delivery list.  A bad value is added to the
 * request's field errors: the caller replies 422 when verr_any(req). */
void api_keluar_saring(struct request *req, const char **status, int64_t *cursor);
#endif
