/* api_dasbor.h: handlers of the dashboards (issue 8), routed by routes_dasbor.inc. */
#ifndef KINERJA_API_DASBOR_H
#define KINERJA_API_DASBOR_H
#include "http/http.h"
int api_dasbor_pegawai(struct request *req);
int api_dasbor_tim(struct request *req);
int api_dasbor_unit(struct request *req);
int api_dasbor_instansi(struct request *req);
int api_dasbor_peristiwa(struct request *req);
#endif
