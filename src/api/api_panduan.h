/* api_panduan.h: onboarding and the user guide (issue 14 parts 1 and 3). */
#ifndef KINERJA_API_PANDUAN_H
#define KINERJA_API_PANDUAN_H
#include "http/http.h"

/* GET /api/v1/orientasi: the walkthroughs the signed-in user has closed. */
int api_orientasi_list(struct request *req);
/* PUT /api/v1/orientasi/{kunci} {"selesai": bool}: closes (true) or reopens (false) one. */
int api_orientasi_set(struct request *req);
/* GET /api/v1/panduan.pdf: the user guide of every role as one PDF. */
int api_panduan_pdf(struct request *req);
#endif
