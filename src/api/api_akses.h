/* api_akses.h: the access log of performance data (issue 14 item 4): writing views after a
 * handler, and the pegawai's own list and export (/api/v1/saya/...). */
#ifndef KINERJA_API_AKSES_H
#define KINERJA_API_AKSES_H
#include "http/http.h"

/* Called by the server after every handler: when the request was a successful GET of a route
 * holding a pegawai's performance data and the row-level check marked pegawai other than the
 * caller's own (auth/akses_jejak.h), records the view (coalesced, akses_log.h).  A failure to
 * record is logged and never changes the answer. */
void api_akses_setelah(struct request *req);
/* The performance-data kind a route pattern reads ("skp", "tpp", ...), or NULL when reading it is
 * not recorded. */
const char *api_akses_objek(const char *pattern);

int api_saya_akses(struct request *req);
int api_saya_ekspor(struct request *req);
int api_adopsi(struct request *req);
#endif
