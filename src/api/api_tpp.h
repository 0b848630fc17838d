/* api_tpp.h: TPP/tukin handlers (issue 9), routed by routes_tpp.inc. */
#ifndef KINERJA_API_TPP_H
#define KINERJA_API_TPP_H
#include "http/http.h"
int api_tpp_preset(struct request *req);
int api_tpp_aturan_list(struct request *req);
int api_tpp_aturan_get(struct request *req);
int api_tpp_aturan_buat(struct request *req);
int api_tpp_aturan_ubah(struct request *req);
int api_tpp_aturan_aktifkan(struct request *req);
int api_tpp_simulasi(struct request *req);
int api_tpp_bulan_hitung(struct request *req);
int api_tpp_bulan_list(struct request *req);
int api_tpp_bulan_get(struct request *req);
int api_tpp_bulan_setujui(struct request *req);
int api_tpp_hasil(struct request *req);
int api_pegawai_tpp(struct request *req);
int api_tpp_sanksi_tambah(struct request *req);
int api_tpp_sanksi_hapus(struct request *req);
int api_tpp_sanksi_list(struct request *req);
#endif
