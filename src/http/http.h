/* http.h: the per-request state handlers receive, and the helpers they answer with.
 *
 * A handler reads req->match (path parameters), req->json (parsed body for BODY_JSON routes),
 * req->body (raw body), query parameters via http_query(), and the authenticated principal
 * req->who.  It answers with exactly one reply_* call and returns 0.  Domain functions never
 * see this struct.
 */
#ifndef KINERJA_HTTP_H
#define KINERJA_HTTP_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "auth/akses_jejak.h"
#include "auth/principal.h"
#include "http/router.h"
#include "util/buf.h"

struct MHD_Connection;
struct sse_sub;
struct server;
struct db;

#define REQ_MAX_HEADERS 8

struct request {
  struct server *srv;
  struct MHD_Connection *conn;
  struct db *db;               /* this worker thread's connection; NULL until needed */
  const char *method;
  char path[1024];
  char request_id[40];
  double t0;
  const struct route *route;
  int route_index;             /* -1 for static/unknown */
  struct route_match match;
  struct buf body;
  bool body_too_big;
  size_t discarded;            /* bytes of a refused body read and dropped */
  size_t drop_max;             /* ... up to this many; beyond, the connection is cut */
  bool queued;                 /* a response has been queued (early 413) */
  char klien[64];              /* the client's address (behind trusted proxies: X-Forwarded-For) */
  json_t *json;                /* parsed body, owned */
  bool authed;
  struct principal who;
  struct akses_jejak jejak;    /* pegawai the handler was let read (who.jejak points here) */
  json_t *verr;                /* accumulated validation errors, owned */
  /* the response */
  int status;
  char *resp;                  /* owned */
  size_t resp_len;
  const char *resp_type;
  char *hdr_name[REQ_MAX_HEADERS];  /* owned */
  char *hdr_value[REQ_MAX_HEADERS]; /* owned */
  int nhdr;
  int fd;                      /* static file response when >= 0 */
  struct sse_sub *sse;         /* an event stream (http/sse.h), owned until queued */
  /* a body produced while it is sent (reply_aliran), owned until queued */
  ssize_t (*aliran_baca)(void *ctx, uint64_t pos, char *buf, size_t max);
  void (*aliran_tutup)(void *ctx);
  void *aliran_ctx;
  uint64_t aliran_ukuran;
  uint64_t fd_size;
  int antre;                   /* group-commit writer (http/antre.c): ANTRE_*, atomic */
  bool baca;                   /* statements share one read transaction (db_baca) while set */
  struct db *baca_db;          /* the connection put in that mode, to end it */
};
enum { ANTRE_TIDAK = 0, ANTRE_MENUNGGU = 1, ANTRE_SELESAI = 2 };

/* --- answering --- */
/* Sends `j` as JSON with `status`; steals the reference. */
int reply_json(struct request *req, int status, json_t *j);
/* RFC 9457 problem: title (short, Indonesian) and detail (Indonesian explanation). */
int reply_problem(struct request *req, int status, const char *title, const char *detail);
/* Adds a field error to the pending validation problem. */
void verr_add(struct request *req, const char *field, const char *message);
void verr_addf(struct request *req, const char *field, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));
bool verr_any(const struct request *req);
/* Sends the accumulated field errors as 422 (or `status` when non-zero). */
int reply_verr(struct request *req, int status);
/* Raw body with content type; takes ownership of body (malloc'd). */
int reply_raw(struct request *req, int status, const char *type, char *body, size_t len);
int reply_no_content(struct request *req);
/* A body produced while it is sent, `ukuran` bytes long: baca() returns bytes (> 0), -1 at the
 * end, -2 on an error (the connection is then closed, so a broken body never looks complete);
 * tutup(ctx) runs when the response is done, also on error paths. */
int reply_aliran(struct request *req, int status, const char *type, uint64_t ukuran,
                 ssize_t (*baca)(void *ctx, uint64_t pos, char *buf, size_t max), void (*tutup)(void *ctx), void *ctx);
/* Streams an open file (fd is owned from here on, also on error) of `size` bytes from disk. */
int reply_fd(struct request *req, int status, const char *type, int fd, uint64_t size);
/* Adds a response header (copied). */
void reply_header(struct request *req, const char *name, const char *value);

/* Common problems. */
int reply_not_found(struct request *req, const char *what);
int reply_forbidden(struct request *req);
int reply_db_error(struct request *req);   /* 503: storage unavailable, never leaks details */

/* --- reading --- */
const char *http_query(struct request *req, const char *name);
const char *http_header(struct request *req, const char *name);
/* Path parameter `name` as a positive id; on failure replies 404 and returns 0. */
int64_t http_param_id(struct request *req, const char *name);
/* The worker thread's database connection (opened on first use); NULL → reply_db_error done. */
struct db *http_db(struct request *req);
/* A connection for read-only work that may lag the primary by --replica-max-lag seconds (the
 * dashboards): the worker's replica connection when --db-replica is set, the replica is
 * reachable and its replay lag is within the bound; else http_db(req).  Never for writes, and
 * never for checks that decide access (read those on http_db).  server_replika.c. */
struct db *http_db_baca(struct request *req);
/* Tells that work on a connection from http_db_baca failed: when it was the replica, the replica
 * is left alone for a few seconds and http_db(req) is returned to redo the work on (NULL →
 * reply_db_error done); when it was the primary, NULL (the caller answers the error as usual). */
struct db *http_db_baca_gagal(struct request *req, struct db *db);

/* JSON body field helpers: they validate type and record field errors via verr_add.
 * Each returns true when the field is present and valid. */
bool jbody_string(struct request *req, const char *field, bool required, size_t maxlen,
                  const char **out);
bool jbody_int(struct request *req, const char *field, bool required, int64_t min, int64_t max,
               int64_t *out);
bool jbody_bool(struct request *req, const char *field, bool required, bool *out);
/* Reports every member of the body not named in `allowed` (NULL-terminated) as an error. */
void jbody_only(struct request *req, const char *const *allowed);

/* Audit actor for this request. */
struct audit_actor;
void http_actor(struct request *req, struct audit_actor *out);
#endif
