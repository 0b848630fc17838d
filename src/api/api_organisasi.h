/* api_organisasi.h: organisation targets and capaian handlers (issue 15), routed by
 * routes_organisasi.inc. */
#ifndef KINERJA_API_ORGANISASI_H
#define KINERJA_API_ORGANISASI_H
#include "http/http.h"
int api_org_sasaran_daftar(struct request *req);
int api_org_sasaran_buat(struct request *req);
int api_org_sasaran_ubah(struct request *req);
int api_org_sasaran_hapus(struct request *req);
int api_org_iku_get(struct request *req);
int api_org_iku_buat(struct request *req);
int api_org_iku_ubah(struct request *req);
int api_org_iku_hapus(struct request *req);
int api_org_iku_pohon(struct request *req);
int api_org_pk_daftar(struct request *req);
int api_org_pk_buat(struct request *req);
int api_org_pk_ubah(struct request *req);
int api_org_pk_hapus(struct request *req);
int api_org_rhk_pk(struct request *req);
int api_org_jejak(struct request *req);
int api_org_impor(struct request *req);
int api_org_realisasi_pk(struct request *req);
int api_org_realisasi_iku(struct request *req);
int api_org_capaian(struct request *req);
int api_org_konfirmasi(struct request *req);
int api_org_periode(struct request *req);
int api_org_ambang_get(struct request *req);
int api_org_ambang_ubah(struct request *req);
#endif
