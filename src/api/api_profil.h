/* api_profil.h: the four-dimension profile (issue 15 part 4) and the organisation reports
 * (issue 15 part 5), routed by routes_profil.inc. */
#ifndef KINERJA_API_PROFIL_H
#define KINERJA_API_PROFIL_H
#include "http/http.h"
int api_profil_pegawai(struct request *req);
int api_profil_unit(struct request *req);
int api_laporan_org_pohon(struct request *req);
int api_laporan_org_rekap_iku(struct request *req);
#endif
