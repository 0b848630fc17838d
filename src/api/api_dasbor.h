/* api_dasbor.h: handlers of the dashboards (issue 8), routed by routes_dasbor.inc. */
#ifndef KINERJA_API_DASBOR_H
#define KINERJA_API_DASBOR_H
#include <stdint.h>
#include "http/http.h"
struct db;
/* ?tahun= (2000-2100), default the current year in the instansi's timezone; on bad input replies
 * 422 and returns -1.  Shared by the dashboards, the four-dimension profile and its reports. */
int api_dasbor_tahun(struct request *req, struct db *db, int64_t instansi_id, int *out);
int api_dasbor_pegawai(struct request *req);
int api_dasbor_tim(struct request *req);
int api_dasbor_unit(struct request *req);
int api_dasbor_instansi(struct request *req);
int api_dasbor_peristiwa(struct request *req);
#endif
