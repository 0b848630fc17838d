/* sse.h: Server-Sent Events streams (issue 8: live dashboards).  A handler turns its request
 * into a stream with reply_sse(); change events (peristiwa.h) reach every stream of the same
 * instansi as `event: perubahan` with `{"jenis": ...}`; `: ping` comments keep idle streams and
 * proxies alive.  Idle streams are suspended in libmicrohttpd and hold no worker thread. */
#ifndef KINERJA_SSE_H
#define KINERJA_SSE_H
#include <stdint.h>
#include "http/http.h"

struct sse_sub;
struct MHD_Response;

/* Answers `req` with an event stream for instansi_id (0: all).  503 when too many are open. */
int reply_sse(struct request *req, int64_t instansi_id);
/* For the server: the response of a stream (registers it), and freeing an unqueued one. */
struct MHD_Response *sse_response(struct sse_sub *s);
void sse_free(struct sse_sub *s);
/* Sends an event to the streams of an instansi (the peristiwa publisher). */
void sse_terbitkan(int64_t instansi_id, const char *jenis);
/* A keep-alive comment to every idle stream. */
void sse_ping(void);
/* Ends every stream (shutdown); new ones end at once. */
void sse_tutup_semua(void);
int sse_jumlah(void);
#endif
