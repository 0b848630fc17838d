/* api_webhook.h: webhook handlers (issue 10 item 3), routed by routes_webhook.inc. */
#ifndef KINERJA_API_WEBHOOK_H
#define KINERJA_API_WEBHOOK_H
#include "http/http.h"
int api_webhook_list(struct request *req);
int api_webhook_buat(struct request *req);
int api_webhook_ubah(struct request *req);
int api_webhook_hapus(struct request *req);
int api_webhook_pengiriman(struct request *req);
int api_webhook_ulang(struct request *req);
int api_webhook_uji(struct request *req);
#endif
