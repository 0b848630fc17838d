/* api_siasn.h: SIASN integration handlers (issue 10 items 1 and 4), routed by routes_siasn.inc. */
#ifndef KINERJA_API_SIASN_H
#define KINERJA_API_SIASN_H
#include "http/http.h"
int api_siasn_konfig_get(struct request *req);
int api_siasn_konfig_put(struct request *req);
int api_siasn_tarik(struct request *req);
int api_siasn_tarikan_list(struct request *req);
int api_siasn_tarikan_get(struct request *req);
int api_siasn_terapkan(struct request *req);
int api_siasn_kirim(struct request *req);
int api_siasn_log(struct request *req);
int api_siasn_rekonsiliasi(struct request *req);
#endif
