/* api_laporan.h: report export handlers (issue 8), routed by routes_laporan.inc. */
#ifndef KINERJA_API_LAPORAN_H
#define KINERJA_API_LAPORAN_H
#include "http/http.h"
int api_laporan_minta(struct request *req);
int api_laporan_daftar(struct request *req);
int api_laporan_get(struct request *req);
int api_laporan_berkas(struct request *req);
#endif
