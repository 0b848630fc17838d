/* api_inovasi.h: handlers of /api/v1/inovasi (the innovation register, issue 15). */
#ifndef KINERJA_API_INOVASI_H
#define KINERJA_API_INOVASI_H
#include "http/http.h"

int api_inovasi_list(struct request *req);        /* GET /api/v1/inovasi */
int api_inovasi_rekap_xlsx(struct request *req);  /* GET /api/v1/inovasi/rekap.xlsx */
int api_inovasi_create(struct request *req);      /* POST /api/v1/inovasi */
int api_inovasi_get(struct request *req);         /* GET /api/v1/inovasi/{id} */
int api_inovasi_update(struct request *req);      /* PATCH /api/v1/inovasi/{id} */
int api_inovasi_delete(struct request *req);      /* DELETE /api/v1/inovasi/{id} */
int api_inovasi_validasi(struct request *req);    /* POST /api/v1/inovasi/{id}/validasi */
int api_inovasi_kembalikan(struct request *req);  /* POST /api/v1/inovasi/{id}/kembalikan */

int api_penghargaan_aturan_list(struct request *req);    /* GET /api/v1/penghargaan/aturan */
int api_penghargaan_aturan_create(struct request *req);  /* POST /api/v1/penghargaan/aturan */
int api_penghargaan_aturan_update(struct request *req);  /* PATCH /api/v1/penghargaan/aturan/{id} */
int api_penghargaan_kandidat(struct request *req);       /* GET /api/v1/penghargaan/kandidat */
int api_penghargaan_list(struct request *req);           /* GET /api/v1/penghargaan */
int api_penghargaan_terbitkan(struct request *req);      /* POST /api/v1/penghargaan */
int api_penghargaan_persetujuan(struct request *req);    /* PUT /api/v1/penghargaan/{id}/persetujuan */
int api_penghargaan_piagam(struct request *req);         /* GET /api/v1/penghargaan/{id}/piagam.pdf */
#endif
