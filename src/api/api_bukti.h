/* api_bukti.h: handlers of /api/v1/bukti (evidence files and links). */
#ifndef KINERJA_API_BUKTI_H
#define KINERJA_API_BUKTI_H
#include "http/http.h"

/* Hard cap of an upload body (the route limit).  The instansi's bukti_maks_bytes (default
 * 10 MB, pengaturan) is checked by the handler below this; a larger setting is capped here. */
#define BUKTI_UNGGAH_MAX (10u * 1024u * 1024u + 64u * 1024u)
#define BUKTI_TAUTAN_MAX 8192u

int api_bukti_unggah(struct request *req);    /* POST /api/v1/bukti?nama=&aktivitas_id=|realisasi_id= */
int api_bukti_tautan(struct request *req);    /* POST /api/v1/bukti/tautan */
int api_bukti_list(struct request *req);      /* GET /api/v1/bukti?aktivitas_id=|realisasi_id=|pegawai_id= */
int api_bukti_get(struct request *req);       /* GET /api/v1/bukti/{id} */
int api_bukti_unduh(struct request *req);     /* GET /api/v1/bukti/{id}/unduh */
int api_bukti_delete(struct request *req);    /* DELETE /api/v1/bukti/{id} */
#endif
