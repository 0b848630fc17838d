/* server.c: libmicrohttpd lifecycle, request dispatch, access log and graceful shutdown.
 *
 * Request flow: the first call of the access handler allocates the request, matches the route
 * and runs every check that needs only the headers (periksa_awal: client address, rate limits,
 * Origin, authentication, capability, CSRF), so no body byte is kept for a request that will
 * be refused; it queues nothing then (queueing would close keep-alive connections in MHD
 * 0.9.75) unless a refused request's body is not worth reading (on_request).  Upload calls
 * collect the body up to the route's limit; a refused or oversize body is dropped, never kept.
 * The last call checks content type and JSON, runs the handler and queues the response.
 */
#include "http/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "api/api_akses.h"
#include "auth/dipakai.h"
#include "http/authn.h"
#include "http/laju.h"
#include "http/laju_bersama.h"
#include "http/log_akses.h"
#include "peristiwa_simpul.h"
#include "db/db.h"
#include "db/penulis.h"
#include "http/server_internal.h"
#include "http/sse.h"
#include "dasbor.h"
#include "peristiwa.h"
#include "util/log.h"
#include "util/util.h"

#define UNMATCHED_BODY_MAX (1u << 20)
#define DISCARD_MIN (1u << 20)    /* refused bytes read and dropped before answering early */
#define DISCARD_MAX (16u << 20)
#define PENULIS_BATCH_MAKS 256    /* requests committed together at most (db/penulis.h) */

static _Thread_local struct db *tls_db;
static _Thread_local struct server *tls_db_owner;

const struct config *server_config(const struct server *srv) { return srv->cfg; }

int server_db_simpan(struct server *srv, struct db *db)
{
  pthread_mutex_lock(&srv->dbs_lock);
  if (srv->ndbs == srv->capdbs) {
    size_t cap = srv->capdbs ? srv->capdbs * 2 : 16;
    struct db **n = realloc(srv->dbs, cap * sizeof *n);
    if (!n) {
      pthread_mutex_unlock(&srv->dbs_lock);
      return -1;
    }
    srv->dbs = n;
    srv->capdbs = cap;
  }
  srv->dbs[srv->ndbs++] = db;
  pthread_mutex_unlock(&srv->dbs_lock);
  return 0;
}

struct db *http_db(struct request *req)
{
  struct server *srv = req->srv;
  if (req->db) return req->db;
  if (!tls_db || tls_db_owner != srv) {
    char err[256];
    struct db *db = db_open(srv->cfg->db, err, sizeof err);
    if (!db) {
      log_msg(LOG_ERROR, "database: %s", err);
      reply_db_error(req);
      return NULL;
    }
    if (server_db_simpan(srv, db) != 0) {
      db_close(db);
      reply_db_error(req);
      return NULL;
    }
    tls_db = db;
    tls_db_owner = srv;
  }
  req->db = tls_db;
  if (req->baca && !req->baca_db) {
    db_baca(req->db, 1);
    req->baca_db = req->db;
  }
  return req->db;
}

/* Ends the request's shared read transaction (http_db opened the mode lazily). */
static void baca_selesai(struct request *req)
{
  req->baca = false;
  if (req->baca_db) db_baca(req->baca_db, 0);
  req->baca_db = NULL;
}

static void request_id_for(struct MHD_Connection *c, char out[40])
{
  const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Request-Id");
  if (h) {
    size_t n = strlen(h);
    int ok = n >= 8 && n < 40;
    for (size_t i = 0; ok && i < n; i++) {
      char ch = h[i];
      ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '-' || ch == '_' || ch == '.';
    }
    if (ok) { memcpy(out, h, n + 1); return; }
  }
  /* 16 random bytes as hex, from a per-thread supply filled 512 bytes at a time (one getrandom
   * per 32 requests instead of one per request) */
  static _Thread_local unsigned char acak[512];
  static _Thread_local size_t sisa;
  if (sisa < 16) { randombytes_buf(acak, sizeof acak); sisa = sizeof acak; }
  sisa -= 16;
  sodium_bin2hex(out, 33, acak + sisa, 16);
  sodium_memzero(acak + sisa, 16);
}

static bool is_api_path(const char *p) { return strncmp(p, "/api/", 5) == 0; }

static bool content_type_is(struct request *req, const char *const *types)
{
  const char *ct = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, "Content-Type");
  if (!ct) return false;
  size_t n = strcspn(ct, ";");
  while (n > 0 && ct[n - 1] == ' ') n--;
  for (const char *const *t = types; *t; t++)
    if (strlen(*t) == n && strncasecmp(ct, *t, n) == 0) return true;
  return false;
}

/* 429 with Retry-After: `wer` says whose limit it is (Indonesian, for the detail). */
static void reply_laju(struct request *req, int tunggu, const char *wer)
{
  char ra[16], d[240];
  snprintf(ra, sizeof ra, "%d", tunggu);
  snprintf(d, sizeof d, "Terlalu banyak permintaan %s dalam waktu singkat. Coba lagi dalam %d detik.", wer, tunggu);
  reply_header(req, "Retry-After", ra);
  reply_problem(req, 429, "Terlalu banyak permintaan", d);
}

static bool unsafe_method(const char *m)
{
  return strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0 && strcmp(m, "OPTIONS") != 0;
}

/* host[:port] of an origin or URL ("https://a.go.id:8443/x" → "a.go.id:8443"), length in *n. */
static const char *origin_host(const char *o, size_t *n)
{
  const char *p = strstr(o, "://");
  if (!p) return NULL;
  p += 3;
  *n = strcspn(p, "/?#");
  return *n ? p : NULL;
}

/* A browser's write request from another site: Origin names another host than the one the
 * request was sent to (Host) and than --public-url; or, without Origin, Sec-Fetch-Site says
 * cross-site.  Requests with a bearer token are not checked (no ambient credential). */
static bool cross_origin(struct request *req)
{
  const char *o = http_header(req, "Origin");
  if (!o) {
    const char *sfs = http_header(req, "Sec-Fetch-Site");
    return sfs && strcmp(sfs, "cross-site") == 0;
  }
  size_t on, pn;
  const char *oh = origin_host(o, &on);
  if (!oh) return true;   /* "null" (sandboxed frames, privacy redirects) or garbage */
  const char *host = http_header(req, "Host");
  if (host && strlen(host) == on && strncasecmp(host, oh, on) == 0) return false;
  const char *pub = req->srv->cfg->public_url;
  const char *ph = pub[0] ? origin_host(pub, &pn) : NULL;
  if (ph && pn == on && strncasecmp(ph, oh, on) == 0) return false;
  return true;
}

/* Every X-Forwarded-For header, comma-joined in order (RFC 9110 5.3), bounded. */
struct xff { char s[1024]; size_t n; bool any; };
static enum MHD_Result xff_each(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
  struct xff *x = cls;
  (void)kind;
  if (!key || !value || strcasecmp(key, "X-Forwarded-For") != 0) return MHD_YES;
  size_t vn = strlen(value);
  if (x->n + vn + 2 >= sizeof x->s) x->n = 0;   /* too long: keep the right-most part only */
  if (vn + 2 >= sizeof x->s) return MHD_YES;
  if (x->n) { x->s[x->n++] = ','; }
  memcpy(x->s + x->n, value, vn);
  x->n += vn;
  x->s[x->n] = 0;
  x->any = true;
  return MHD_YES;
}

static void client_address(struct request *req)
{
  char peer[64];
  http_peer_addr(req, peer, sizeof peer);
  const struct laju_proksi *p = &req->srv->cfg->proksi;
  struct xff x = {.n = 0};
  if (p->n && laju_proksi_cocok(p, peer))
    MHD_get_connection_values(req->conn, MHD_HEADER_KIND, xff_each, &x);
  laju_klien(p, peer, x.any ? x.s : NULL, req->klien, sizeof req->klien);
}

/* Checks that need only the headers, on the first call, before any byte of the body is read:
 * rate limits, Origin, authentication, capability, token scope and CSRF.  A request that must
 * stop gets its reply here; on_request decides whether it goes at once or after the body has
 * been read and dropped. */
static void periksa_awal(struct request *req)
{
  const struct config *cfg = req->srv->cfg;
  const struct route *rt = req->route;
  char kunci[80];
  int tunggu = 0;
  client_address(req);
  laju_kunci_alamat(req->klien, kunci, sizeof kunci);
  double now = now_mono();
  if (!laju_ambil(req->srv->laju, LAJU_IP, kunci, &cfg->laju_ip, now, &tunggu)) {
    reply_laju(req, tunggu, "dari alamat Anda");
    return;
  }
  if (laju_kelas_dari(req->method, req->path) == LAJU_MASUK &&
      !laju_ambil(req->srv->laju, LAJU_MASUK, kunci, &cfg->laju_masuk, now, &tunggu)) {
    reply_laju(req, tunggu, "masuk atau kata sandi dari alamat Anda");
    return;
  }
  if (!rt) return;
  bool write = unsafe_method(req->method);
  const char *authz = http_header(req, "Authorization");
  bool bearer = authz && strncasecmp(authz, "Bearer ", 7) == 0;
  if (write && !bearer && cross_origin(req)) {
    reply_problem(req, 403, "Asal permintaan ditolak",
                  "Permintaan yang mengubah data hanya diterima dari halaman aplikasi ini sendiri (header Origin tidak cocok).");
    return;
  }
  if (rt->cap == CAP_PUBLIC) return;
  int a = auth_authenticate(req);
  if (a < 0) return; /* replied (database error) */
  if (a > 0) {
    reply_header(req, "WWW-Authenticate", "Bearer realm=\"kinerja\"");
    reply_problem(req, 401, "Belum masuk", "Silakan masuk (login) terlebih dahulu, atau sesi Anda telah berakhir.");
    return;
  }
  req->who.jejak = &req->jejak;   /* pegawai this request reads, for the access log (issue 14) */
  char uid[24];
  snprintf(uid, sizeof uid, "%lld", (long long)req->who.pengguna_id);
  if (!laju_ambil(req->srv->laju, LAJU_PENGGUNA, uid, &cfg->laju_pengguna, now, &tunggu)) {
    reply_laju(req, tunggu, "dari akun Anda");
    return;
  }
  /* a restricted session (2FA required and its grace over) may only enrol and sign out */
  if (req->who.terbatas && strcmp(rt->pattern, "/api/v1/auth/me") != 0 &&
      strcmp(rt->pattern, "/api/v1/auth/logout") != 0 && strncmp(rt->pattern, "/api/v1/auth/2fa", 16) != 0) {
    reply_problem(req, 403, "Aktifkan verifikasi dua langkah",
                  "Peran Anda mewajibkan verifikasi dua langkah (2FA). Aktifkan 2FA di menu Keamanan akun sebelum melanjutkan; sampai itu, Anda hanya dapat mengaktifkan 2FA atau keluar.");
    return;
  }
  if (rt->cap != CAP_USER && (req->who.peran & rt->cap) == 0) {
    reply_problem(req, 403, "Akses ditolak", "Peran Anda tidak memiliki izin untuk tindakan ini.");
    return;
  }
  if (write && req->who.token_id && !req->who.token_write) {
    reply_problem(req, 403, "Akses ditolak", "Token API ini hanya untuk membaca (cakupan read).");
    return;
  }
  if (write && req->who.sesi_id) {
    const char *t = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, "X-CSRF-Token");
    if (!t || strlen(t) != strlen(req->who.csrf) ||
        !auth_const_equal(t, req->who.csrf, strlen(req->who.csrf))) {
      reply_problem(req, 403, "Token CSRF tidak valid",
                    "Permintaan ini tidak membawa token CSRF sesi Anda (header X-CSRF-Token). Muat ulang halaman lalu coba lagi.");
      return;
    }
  }
}

/* Body checks, then the handler (the header checks ran in periksa_awal).  True when the request
 * went to the group-commit writer (http/antre.c): its connection is suspended until answered. */
static bool dispatch(struct request *req)
{
  const struct route *rt = req->route;
  if (!rt) {
    if (!is_api_path(req->path) && (strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0)) {
      static_serve(req);
      return false;
    }
    if (req->route_index == -3) {
      char allow[128];
      router_allowed(req->srv->routes, req->srv->nroutes, req->path, allow, sizeof allow);
      reply_header(req, "Allow", allow);
      reply_problem(req, 405, "Metode tidak diizinkan",
                    "Metode HTTP ini tidak didukung untuk alamat tersebut.");
      return false;
    }
    reply_problem(req, 404, "Tidak ditemukan", "Alamat API ini tidak ada.");
    return false;
  }
  /* an oversize body was answered with 413 before this runs (reply_too_big) */
  if (rt->body == BODY_JSON_OPT && req->body.len == 0) {
    req->json = json_object();  /* nothing sent: an empty object */
  } else if (rt->body != BODY_NONE && rt->body != BODY_RAW) {
    static const char *const json_types[] = {"application/json", NULL};
    static const char *const csv_types[] = {"text/csv", "text/plain", "application/csv",
                                            "application/vnd.ms-excel", NULL};
    bool json = rt->body == BODY_JSON || rt->body == BODY_JSON_OPT;
    if (!content_type_is(req, json ? json_types : csv_types)) {
      reply_problem(req, 415, "Jenis konten tidak didukung",
                    json ? "Kirim data sebagai application/json."
                                          : "Kirim berkas sebagai text/csv.");
      return false;
    }
    if (json) {
      json_error_t e;
      if (req->body.len == 0) {
        reply_problem(req, 400, "Data kosong", "Badan permintaan JSON tidak boleh kosong.");
        return false;
      }
      req->json = json_loadb(req->body.data, req->body.len, JSON_REJECT_DUPLICATES, &e);
      if (!req->json) {
        char d[300];
        snprintf(d, sizeof d, "JSON tidak valid di baris %d kolom %d: %s", e.line, e.column, e.text);
        reply_problem(req, 400, "JSON tidak valid", d);
        return false;
      }
      if (!json_is_object(req->json)) {
        reply_problem(req, 400, "JSON tidak valid", "Badan permintaan harus berupa objek JSON.");
        return false;
      }
    }
  }
  if (rt->antre && antre_kirim(req)) return true;
  rt->fn(req);
  if (!req->status) reply_problem(req, 500, "Kesalahan server", "Permintaan tidak terjawab.");
  api_akses_setelah(req);   /* who read a pegawai's performance data (issue 14) */
  return false;
}

static void reply_too_big(struct request *req)
{
  if (req->route && req->route->body == BODY_NONE) {
    reply_problem(req, 413, "Data terlalu besar", "Alamat ini tidak menerima data.");
    return;
  }
  char d[160];
  snprintf(d, sizeof d, "Ukuran data melebihi batas %zu byte untuk alamat ini.", req->body.max);
  reply_problem(req, 413, "Data terlalu besar", d);
}

/* Bytes of a refused body read and dropped before answering early: as much as the route's
 * limit, between 1 and 16 MiB (a file a little too big still gets a clean 413). */
static size_t discard_window(const struct request *req)
{
  size_t w = req->body.max;
  if (w < DISCARD_MIN) w = DISCARD_MIN;
  if (w > DISCARD_MAX) w = DISCARD_MAX;
  return w;
}

static bool expects_continue(struct MHD_Connection *c)
{
  const char *e = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Expect");
  return e && strcasecmp(e, "100-continue") == 0;
}

/* Security headers of every response (API, problems, static files, downloads, event streams).
 * The CSP allows scripts and styles from this origin only (the web UI has no inline script or
 * style); images also from data: and blob: (the favicon, previews).  Referrer-Policy no-referrer:
 * nothing here reads Referer, and paths carry ids and public feedback codes.  camera=(self)
 * keeps a future in-page camera (evidence photos) possible for this origin only; a file input
 * with `capture` needs no permission. */
#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " \
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
#define PERMISSIONS "camera=(self), microphone=(), geolocation=(), payment=(), usb=()"

/* A static script, style sheet or image loaded by a page: the document policies (CSP, framing,
 * permissions, opener) do not apply to it, and sending them on every one of the ~30 files of the
 * first load cost ~11 KB of the 100 KB budget.  The service worker is a script that runs on its
 * own, so it keeps them; so do HTML pages, the API and every problem. */
static bool subresource(const struct request *req)
{
  if (req->route || is_api_path(req->path) || !req->resp_type || strcmp(req->path, "/sw.js") == 0) return false;
  return strncmp(req->resp_type, "text/javascript", 15) == 0 || strncmp(req->resp_type, "text/css", 8) == 0 ||
         strncmp(req->resp_type, "image/", 6) == 0 || strncmp(req->resp_type, "font/", 5) == 0;
}

static void add_common_headers(struct request *req, struct MHD_Response *r)
{
  MHD_add_response_header(r, "X-Request-Id", req->request_id);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  if (!subresource(req)) {
    MHD_add_response_header(r, "Content-Security-Policy", CSP);
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Permissions-Policy", PERMISSIONS);
    MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
  }
  if (req->srv->cfg->tls_cert[0])
    MHD_add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
  if (req->resp_type) MHD_add_response_header(r, "Content-Type", req->resp_type);
  bool cache = false;   /* a handler's own Cache-Control wins */
  for (int i = 0; i < req->nhdr; i++) {
    MHD_add_response_header(r, req->hdr_name[i], req->hdr_value[i]);
    cache = cache || strcasecmp(req->hdr_name[i], "Cache-Control") == 0;
  }
  if (!cache && (req->route || is_api_path(req->path))) MHD_add_response_header(r, "Cache-Control", "no-store");
}

static enum MHD_Result queue(struct request *req)
{
  struct MHD_Response *r;
  if (req->sse) {
    r = sse_response(req->sse);   /* owns the stream now, also when it fails */
    req->sse = NULL;
  } else if (req->aliran_baca) {
    r = MHD_create_response_from_callback(req->aliran_ukuran, 64 * 1024, req->aliran_baca, req->aliran_ctx, req->aliran_tutup);
    if (!r && req->aliran_tutup) req->aliran_tutup(req->aliran_ctx);
    req->aliran_baca = NULL;
    req->aliran_tutup = NULL;
  } else if (req->fd >= 0) {
    r = MHD_create_response_from_fd64(req->fd_size, req->fd);
    req->fd = -1; /* MHD owns it now */
  } else {
    r = MHD_create_response_from_buffer(req->resp_len, req->resp ? req->resp : (char *)"",
                                        req->resp ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    req->resp = NULL;
  }
  if (!r) return MHD_NO;
  add_common_headers(req, r);
  enum MHD_Result ok = MHD_queue_response(req->conn, (unsigned)req->status, r);
  MHD_destroy_response(r);
  req->queued = true;
  return ok;
}

static void request_free(struct request *req)
{
  buf_free(&req->body);
  json_decref(req->json);
  json_decref(req->verr);
  free(req->resp);
  for (int i = 0; i < req->nhdr; i++) { free(req->hdr_name[i]); free(req->hdr_value[i]); }
  if (req->fd >= 0) close(req->fd);
  sse_free(req->sse);
  if (req->aliran_tutup) req->aliran_tutup(req->aliran_ctx);
  free(req);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **req_cls)
{
  struct server *srv = cls;
  struct request *req = *req_cls;
  if (!req) {
    req = calloc(1, sizeof *req);
    if (!req) return MHD_NO;
    *req_cls = req;
    atomic_fetch_add(&srv->in_flight, 1);
    req->srv = srv;
    req->conn = c;
    req->fd = -1;
    req->t0 = now_mono();
    req->method = method;
    req->route_index = -2;
    request_id_for(c, req->request_id);
    if (str_copy(req->path, sizeof req->path, url) != 0) req->path[0] = 0;
    size_t max = UNMATCHED_BODY_MAX;
    switch (router_match(srv->routes, srv->nroutes, method, req->path, &req->match)) {
    case ROUTE_FOUND:
      req->route = &srv->routes[req->match.index];
      req->route_index = req->match.index;
      max = req->route->body == BODY_NONE ? 1024 : req->route->body_max;
      break;
    case ROUTE_BAD_METHOD: req->route_index = -3; break;
    case ROUTE_NOT_FOUND: if (!is_api_path(req->path)) req->route_index = -1; break;
    }
    buf_init(&req->body, max);
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding");
    int64_t n = 0;
    bool known = cl && parse_int64(cl, 0, INT64_MAX, &n) == 0;
    if (known && (uint64_t)n > max) req->body_too_big = true;
    /* A GET or HEAD without a body is answered now, in this call, and queued in the next (MHD
     * keep-alive, see the top): authentication and the handler then share one read transaction
     * (issue 13), and no other request of this thread runs in between. */
    bool sekarang = req->route && !te && (!known || n == 0) &&
                    (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0);
    req->baca = true;
    periksa_awal(req);
    if (!req->status && req->body_too_big) reply_too_big(req);
    if (sekarang && !req->status) dispatch(req);
    baca_selesai(req);
    if (!req->status || (!te && (!known || n == 0))) return MHD_YES;  /* no body: answer last */
    /* A refused request with a body.  MHD 0.9.75 takes a response only now or after the whole
     * body, so: a body of known size within the drop allowance is read and dropped, and the
     * answer comes after it on a clean keep-alive connection; anything else (a client waiting
     * for "100 Continue", a chunked body, a bigger one) gets the answer now, nothing of the
     * body is read, and MHD closes the connection after the response. */
    size_t allow = discard_window(req) + (req->body_too_big ? req->body.max : 0);
    if (te || !known || expects_continue(c) || (uint64_t)n > allow) return queue(req);
    req->drop_max = allow;
    return MHD_YES;
  }
  if (req->queued) { *upload_size = 0; return MHD_YES; }
  if (__atomic_load_n(&req->antre, __ATOMIC_ACQUIRE) == ANTRE_MENUNGGU) return MHD_YES;  /* on the writer */
  if (*upload_size) {
    if (!req->status && buf_append(&req->body, upload, *upload_size) != 0) {
      /* a chunked body past the route's limit: refused here, dropped up to the window */
      req->body_too_big = true;
      reply_too_big(req);
      req->drop_max = discard_window(req);
    }
    if (req->status) req->discarded += *upload_size;
    *upload_size = 0;
    if (req->status && req->discarded > req->drop_max) {
      /* no response can be queued in the middle of a body: the connection is cut */
      log_msg(LOG_INFO, "%s %s: badan permintaan melebihi batas, koneksi diputus (rid %s)",
              req->method, req->path, req->request_id);
      return MHD_NO;
    }
    return MHD_YES;
  }
  if (!req->status && dispatch(req)) return MHD_YES;   /* resumed by the writer when answered */
  return queue(req);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
  struct server *srv = cls;
  struct request *req = *req_cls;
  if (!req) return;
  *req_cls = NULL;
  double dt = now_mono() - req->t0;
  int status = req->status ? req->status : 499;
  metrics_observe(srv->metrics, req->route_index >= 0 ? req->route_index : (req->route_index == -1 ? -1 : -2),
                  status, dt);
  if (log_get_level() >= LOG_INFO)
    log_akses_tulis(req->method, req->path, status, dt, req->request_id, req->who.pengguna_id,
                    toe != MHD_REQUEST_TERMINATED_COMPLETED_OK);
  request_free(req);
  atomic_fetch_sub(&srv->in_flight, 1);
}

int server_healthz(struct request *req)
{
  return reply_json(req, 200, json_pack("{s:s}", "status", "ok"));
}

/* The dashboard cache's counters (dasbor_cache.c). */
static int metrics_dasbor(struct buf *b)
{
  uint64_t hit = 0, miss = 0;
  dasbor_cache_statistik(&hit, &miss);
  return buf_printf(b, "# HELP kinerja_dasbor_cache_total Unit and instansi dashboards answered from the cache (hit) or computed (miss).\n"
                       "# TYPE kinerja_dasbor_cache_total counter\n"
                       "kinerja_dasbor_cache_total{hasil=\"hit\"} %llu\nkinerja_dasbor_cache_total{hasil=\"miss\"} %llu\n",
                    (unsigned long long)hit, (unsigned long long)miss);
}

/* The group-commit writer's counters (db/penulis.h). */
static int metrics_penulis(struct buf *b, struct penulis *p)
{
  uint64_t tugas = 0, batch = 0;
  if (p) penulis_statistik(p, &tugas, &batch);
  return buf_printf(b, "# HELP kinerja_penulis_total Writes run on the group-commit writer (tugas) and the transactions that committed them (batch).\n"
                       "# TYPE kinerja_penulis_total counter\n"
                       "kinerja_penulis_total{jenis=\"tugas\"} %llu\nkinerja_penulis_total{jenis=\"batch\"} %llu\n",
                    (unsigned long long)tugas, (unsigned long long)batch);
}

int server_metrics(struct request *req)
{
  struct buf b;
  buf_init(&b, 4u << 20);
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(req->srv->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
  long conns = di ? (long)di->num_connections : 0;
  if (metrics_render(req->srv->metrics, &b, db_open_count(), conns,
                     atomic_load(&req->srv->in_flight)) != 0 ||
      metrics_dasbor(&b) != 0 || metrics_penulis(&b, req->srv->penulis) != 0 || metrics_replika(&b) != 0) {
    buf_free(&b);
    return reply_problem(req, 500, "Kesalahan server", "Metrik terlalu besar.");
  }
  size_t len = b.len;
  return reply_raw(req, 200, "text/plain; version=0.0.4; charset=utf-8", buf_steal(&b), len);
}

static char *read_file(const char *path)
{
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  struct buf b;
  buf_init(&b, 1u << 20);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (buf_append(&b, chunk, n) != 0) { buf_free(&b); fclose(f); return NULL; }
  fclose(f);
  return buf_steal(&b);
}

__attribute__((format(printf, 2, 0)))
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n')) msg[--n] = 0;
  log_msg(LOG_WARN, "http: %s", msg);
}

int server_run(const struct config *cfg, const struct route *routes, size_t nroutes)
{
  return server_run_tick(cfg, routes, nroutes, NULL, NULL);
}

int server_run_tick(const struct config *cfg, const struct route *routes, size_t nroutes,
                    void (*tick)(void *ctx), void *tick_ctx)
{
  int rc = 1;
  char *cert = NULL, *key = NULL;
  struct server srv = {.cfg = cfg, .routes = routes, .nroutes = nroutes};
  struct laju_bersama *laju_bersama = NULL;        /* several nodes: limits counted together */
  struct peristiwa_simpul *peristiwa_simpul = NULL; /* several nodes: their change events */
  pthread_mutex_init(&srv.dbs_lock, NULL);
  srv.metrics = metrics_new(routes, nroutes);
  if (!srv.metrics) goto fail;
  srv.laju = laju_new();
  if (!srv.laju) goto fail;
  int laju_ok;
  laju_bersama = laju_bersama_mulai(cfg, srv.laju, &laju_ok);
  if (!laju_ok) goto fail;
  char perr[256];
  srv.penulis = penulis_mulai(cfg->db, PENULIS_BATCH_MAKS, perr, sizeof perr);
  if (!srv.penulis) {
    log_msg(LOG_ERROR, "penulis: %s", perr);
    goto fail;
  }
  dipakai_pasang(srv.penulis);   /* last-used stamps of sessions and tokens go to the writer */

  /* block the stop signals in every thread (MHD's inherit the mask); this one sigwaits */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);

  struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE};
  struct addrinfo *ai = NULL;
  char port[8];
  snprintf(port, sizeof port, "%d", cfg->port);
  if (getaddrinfo(cfg->host, port, &hints, &ai) != 0 || !ai) {
    log_msg(LOG_ERROR, "alamat tidak dikenal: %s", cfg->host);
    goto fail;
  }
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
  if (ai->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
  if (cfg->tls_cert[0]) {
    cert = read_file(cfg->tls_cert);
    key = read_file(cfg->tls_key);
    if (!cert || !key) {
      log_msg(LOG_ERROR, "tidak dapat membaca sertifikat/kunci TLS");
      freeaddrinfo(ai);
      goto fail;
    }
    flags |= MHD_USE_TLS;
  }
  /* The pool size is the number of worker threads; each gets its own db connection. */
  struct MHD_OptionItem tls_opts[] = {
    {cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, cert},
    {MHD_OPTION_HTTPS_MEM_KEY, 0, key},
    {MHD_OPTION_END, 0, NULL},
  };
  srv.daemon = MHD_start_daemon(
    flags, 0, NULL, NULL, on_request, &srv,
    MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,  /* first, so that MHD logs nothing before it */
    MHD_OPTION_SOCK_ADDR, ai->ai_addr,
    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
    MHD_OPTION_CONNECTION_LIMIT, (unsigned)cfg->max_connections,
    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)cfg->per_ip_connections,
    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->timeout,
    MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg->header_limit,
    MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
    MHD_OPTION_NOTIFY_COMPLETED, on_completed, &srv,
    MHD_OPTION_ARRAY, tls_opts,
    MHD_OPTION_END);
  freeaddrinfo(ai);
  if (!srv.daemon) {
    log_msg(LOG_ERROR, "server tidak dapat dimulai di %s:%d (port dipakai?)", cfg->host, cfg->port);
    goto fail;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(srv.daemon, MHD_DAEMON_INFO_BIND_PORT);
  /* committed changes of other nodes reach this node's live dashboards; listening before the
   * line below, so that whoever waits for it misses no event */
  peristiwa_simpul = peristiwa_simpul_mulai(cfg->db, sse_terbitkan);
  /* always printed, whatever the log level: scripts read the port from it (--listen HOST:0) */
  char dbnama[1024];
  db_url_for_log(cfg->db, dbnama, sizeof dbnama);
  fprintf(stderr, "kinerja melayani di %s://%s:%u (threads=%d, db=%s)\n",
          cfg->tls_cert[0] ? "https" : "http", cfg->host, di ? di->port : (unsigned)cfg->port,
          cfg->threads, dbnama);
  fflush(stderr);

  peristiwa_pasang(sse_terbitkan);   /* committed changes reach the live dashboards */
  int sig = 0;
  for (;;) {
    struct timespec tmo = {20, 0};
    sig = sigtimedwait(&set, NULL, &tmo);
    if (sig > 0) break;
    sse_ping();   /* keeps idle event streams (and proxies in between) alive */
    if (tick) tick(tick_ctx);
  }
  log_msg(LOG_INFO, "sinyal %d diterima: berhenti menerima koneksi baru", sig);
  MHD_socket lfd = MHD_quiesce_daemon(srv.daemon);
  peristiwa_pasang(NULL);
  peristiwa_simpul_henti(peristiwa_simpul);
  peristiwa_simpul = NULL;
  sse_tutup_semua();   /* event streams end now: they would otherwise hold the grace period */
  double until = now_mono() + cfg->shutdown_grace;
  while (atomic_load(&srv.in_flight) > 0 && now_mono() < until) {
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  if (atomic_load(&srv.in_flight) > 0)
    log_msg(LOG_WARN, "%ld permintaan belum selesai setelah %d detik", atomic_load(&srv.in_flight),
            cfg->shutdown_grace);
  dipakai_pasang(NULL);
  penulis_henti(srv.penulis);   /* runs what is still queued and resumes those connections */
  srv.penulis = NULL;
  MHD_stop_daemon(srv.daemon);
  if (lfd != MHD_INVALID_SOCKET) close(lfd);
  rc = 0;
fail:
  dipakai_pasang(NULL);
  penulis_henti(srv.penulis);
  for (size_t i = 0; i < srv.ndbs; i++) db_close(srv.dbs[i]);
  free(srv.dbs);
  metrics_free(srv.metrics);
  peristiwa_simpul_henti(peristiwa_simpul);
  laju_bersama_henti(laju_bersama);
  laju_free(srv.laju);
  pthread_mutex_destroy(&srv.dbs_lock);
  free(cert);
  free(key);
  if (rc == 0) log_msg(LOG_INFO, "kinerja berhenti; basis data ditutup");
  return rc;
}
