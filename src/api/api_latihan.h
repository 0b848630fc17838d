/* api_latihan.h: /api/v1/latihan, the training sandbox (issue 14 item 2, src/latihan.h). */
#ifndef KINERJA_API_LATIHAN_H
#define KINERJA_API_LATIHAN_H
#include "http/http.h"

int api_latihan_status(struct request *req);
int api_latihan_buat(struct request *req);
int api_latihan_reset(struct request *req);
int api_latihan_hapus(struct request *req);
int api_latihan_masuk(struct request *req);
int api_latihan_keluar(struct request *req);

/* Adds "latihan" to the /auth/me body: {aktif: true, instansi_asal, nama_asal} inside a
 * sandbox (the banner), else {aktif: false, tersedia: the instansi has a sandbox}. */
struct principal;
void api_latihan_me(struct db *db, const struct principal *w, json_t *j);
#endif
