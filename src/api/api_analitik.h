/* api_analitik.h: analytics and training catalogue handlers (issue 8), routed by routes_analitik.inc. */
#ifndef KINERJA_API_ANALITIK_H
#define KINERJA_API_ANALITIK_H
#include "http/http.h"
int api_analitik_kelonggaran(struct request *req);
int api_analitik_bukti(struct request *req);
int api_analitik_talenta(struct request *req);
int api_pegawai_rekomendasi(struct request *req);
int api_pegawai_potensi(struct request *req);
int api_pegawai_potensi_get(struct request *req);
int api_katalog_list(struct request *req);
int api_katalog_create(struct request *req);
int api_katalog_update(struct request *req);
int api_katalog_delete(struct request *req);
#endif
