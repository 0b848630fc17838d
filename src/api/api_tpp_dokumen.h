/* api_tpp_dokumen.h: TPP documents (issue 9 point 5), routed by routes_tpp.inc: the nominatif
 * XLSX of a month and a pegawai's slip PDF. */
#ifndef KINERJA_API_TPP_DOKUMEN_H
#define KINERJA_API_TPP_DOKUMEN_H
#include "http/http.h"
int api_tpp_nominatif_xlsx(struct request *req);
int api_tpp_slip_pdf(struct request *req);
#endif
