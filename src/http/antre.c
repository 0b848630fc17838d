/* antre.c: handlers of routes marked `antre` run on the group-commit writer (db/penulis.h).
 *
 * The MHD worker thread does everything up to the handler (authentication, rate limits, CSRF,
 * the JSON body) and then, instead of calling the handler, suspends the connection and queues
 * the request.  The writer runs the unchanged handler on its own connection inside the batch's
 * transaction (api_begin / api_end become a savepoint of that request), commits the batch and
 * only then resumes the connection, whose next access-handler call queues the answer: a 2xx
 * still means stored.  When the batch cannot be committed, a 2xx answer is replaced by 503 (the
 * request stored nothing); a 4xx answer stored nothing anyway and stays.
 */
#include <microhttpd.h>
#include <stdlib.h>

#include "db/penulis.h"
#include "http/server_internal.h"

struct antre_tugas {
  struct penulis_tugas t;
  struct request *req;
};

static int jalan(struct penulis_tugas *t, struct db *db)
{
  struct request *req = ((struct antre_tugas *)t)->req;
  req->db = db;
  req->route->fn(req);
  if (!req->status) reply_problem(req, 500, "Kesalahan server", "Permintaan tidak terjawab.");
  req->db = NULL;
  return 0;   /* the handler's own api_end has kept or undone its savepoint */
}

/* Forgets the reply built so far (its body and headers). */
static void jawaban_lupakan(struct request *req)
{
  free(req->resp);
  req->resp = NULL;
  req->resp_len = 0;
  for (int i = 0; i < req->nhdr; i++) { free(req->hdr_name[i]); free(req->hdr_value[i]); }
  req->nhdr = 0;
  json_decref(req->verr);
  req->verr = NULL;
  req->status = 0;
}

static void selesai(struct penulis_tugas *t, int tersimpan)
{
  struct request *req = ((struct antre_tugas *)t)->req;
  free(t);
  if (!tersimpan && (req->status == 0 || req->status < 400)) {
    jawaban_lupakan(req);
    reply_db_error(req);
  }
  __atomic_store_n(&req->antre, ANTRE_SELESAI, __ATOMIC_RELEASE);
  MHD_resume_connection(req->conn);
}

static void tangguhkan(struct penulis_tugas *t)
{
  struct request *req = ((struct antre_tugas *)t)->req;
  __atomic_store_n(&req->antre, ANTRE_MENUNGGU, __ATOMIC_RELEASE);
  MHD_suspend_connection(req->conn);   /* before the writer can resume it: under the queue's lock */
}

bool antre_kirim(struct request *req)
{
  struct penulis *p = req->srv->penulis;
  if (!p || !req->route || !req->route->antre) return false;
  struct antre_tugas *a = calloc(1, sizeof *a);
  if (!a) return false;   /* the handler then runs here, as without the writer */
  a->t.jalan = jalan;
  a->t.selesai = selesai;
  a->t.antre = tangguhkan;
  a->req = req;
  if (penulis_kirim(p, &a->t) != 0) {   /* stopping: the handler runs here, as without the writer */
    free(a);
    return false;
  }
  return true;
}
