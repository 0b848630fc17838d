/* api_presensi.h: attendance handlers (issue 9), routed by routes_presensi.inc. */
#ifndef KINERJA_API_PRESENSI_H
#define KINERJA_API_PRESENSI_H
#include "http/http.h"
int api_jadwal_get(struct request *req);
int api_jadwal_put(struct request *req);
int api_presensi_sumber_list(struct request *req);
int api_presensi_sumber_simpan(struct request *req);
int api_presensi_impor(struct request *req);
int api_presensi_simpan(struct request *req);
int api_presensi_status_tambah(struct request *req);
int api_presensi_status_hapus(struct request *req);
int api_pegawai_presensi(struct request *req);
int api_shift_simpan(struct request *req);
int api_pegawai_shift(struct request *req);
#endif
