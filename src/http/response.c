/* response.c: reply helpers, validation errors and request readers for handlers. */
#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "http/csv_json.h"
#include "http/server_internal.h"
#include "util/errs.h"
#include "util/json_teks.h"
#include "util/log.h"
#include "util/util.h"

int reply_raw(struct request *req, int status, const char *type, char *body, size_t len)
{
  free(req->resp);
  req->status = status;
  req->resp = body;
  req->resp_len = len;
  req->resp_type = type;
  return 0;
}

int reply_aliran(struct request *req, int status, const char *type, uint64_t ukuran,
                 ssize_t (*baca)(void *ctx, uint64_t pos, char *buf, size_t max), void (*tutup)(void *ctx), void *ctx)
{
  free(req->resp);
  req->resp = NULL;
  req->resp_len = 0;
  if (req->aliran_tutup) req->aliran_tutup(req->aliran_ctx);
  req->aliran_baca = baca;
  req->aliran_tutup = tutup;
  req->aliran_ctx = ctx;
  req->aliran_ukuran = ukuran;
  req->status = status;
  req->resp_type = type;
  return 0;
}

int reply_fd(struct request *req, int status, const char *type, int fd, uint64_t size)
{
  free(req->resp);
  req->resp = NULL;
  req->resp_len = 0;
  if (req->fd >= 0) close(req->fd);
  req->fd = fd;
  req->fd_size = size;
  req->status = status;
  req->resp_type = type;
  return 0;
}

int reply_json(struct request *req, int status, json_t *j)
{
  if (!j) return reply_problem(req, 500, "Kesalahan server", "Gagal menyusun jawaban.");
  /* any list as CSV: GET ...?format=csv (csv_json.h) */
  const char *format = status == 200 && req->method && !strcmp(req->method, "GET") ? http_query(req, "format") : NULL;
  if (format && !strcmp(format, "csv")) {
    size_t len = 0;
    char *csv = csv_dari_json(j, http_query(req, "daftar"), &len);
    if (csv) {
      json_decref(j);
      char disp[160], nama[64] = "data";
      const char *slash = strrchr(req->path, '/');
      if (slash && slash[1]) snprintf(nama, sizeof nama, "%.60s", slash + 1);
      for (char *c = nama; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_')) *c = '-';
      snprintf(disp, sizeof disp, "attachment; filename=\"%s.csv\"", nama);
      reply_header(req, "Content-Disposition", disp);
      return reply_raw(req, status, "text/csv; charset=utf-8", csv, len);
    }
  }
  size_t n = 0;   /* json_teks: json_dumps' bytes, faster (util/json_teks.h) */
  char *s = json_teks(j, JSON_COMPACT | JSON_REAL_PRECISION(15), &n);   /* 3.86, not 3.8599999999999999; as DASBOR_JSON_FLAGS */
  json_decref(j);
  if (!s) return reply_problem(req, 500, "Kesalahan server", "Gagal menyusun jawaban.");
  return reply_raw(req, status, "application/json; charset=utf-8", s, n);
}

static int reply_problem_with(struct request *req, int status, const char *title,
                              const char *detail, json_t *errors)
{
  json_t *p = json_pack("{s:s,s:s,s:i,s:s,s:s}", "type", "about:blank", "title", title,
                        "status", status, "detail", detail, "instance", req->path);
  if (!p) { json_decref(errors); return -1; }
  json_object_set_new(p, "request_id", json_string(req->request_id));
  if (errors) json_object_set_new(p, "errors", errors);
  char *s = json_dumps(p, JSON_COMPACT);
  json_decref(p);
  if (!s) return -1;
  if (status >= 500) log_msg(LOG_ERROR, "%s %s -> %d %s (rid %s)", req->method, req->path, status, detail, req->request_id);
  return reply_raw(req, status, "application/problem+json; charset=utf-8", s, strlen(s));
}

int reply_problem(struct request *req, int status, const char *title, const char *detail)
{
  return reply_problem_with(req, status, title, detail, NULL);
}

void verr_add(struct request *req, const char *field, const char *message)
{
  errs_add(&req->verr, field, message);
}

void verr_addf(struct request *req, const char *field, const char *fmt, ...)
{
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  verr_add(req, field, msg);
}

bool verr_any(const struct request *req) { return req->verr && json_array_size(req->verr) > 0; }

int reply_verr(struct request *req, int status)
{
  json_t *e = req->verr ? req->verr : json_array();
  req->verr = NULL;
  const char *first = "";
  if (json_array_size(e) > 0) first = json_string_value(json_object_get(json_array_get(e, 0), "message"));
  char detail[600];
  snprintf(detail, sizeof detail, "Data tidak valid: %s%s", first ? first : "",
           json_array_size(e) > 1 ? " (dan kesalahan lain)" : "");
  return reply_problem_with(req, status ? status : 422, "Data tidak valid", detail, e);
}

int reply_no_content(struct request *req) { return reply_raw(req, 204, NULL, NULL, 0); }

void reply_header(struct request *req, const char *name, const char *value)
{
  if (req->nhdr >= REQ_MAX_HEADERS) return;
  char *n = strdup(name), *v = strdup(value);
  if (!n || !v) { free(n); free(v); return; }
  req->hdr_name[req->nhdr] = n;
  req->hdr_value[req->nhdr] = v;
  req->nhdr++;
}

int reply_not_found(struct request *req, const char *what)
{
  char d[200];
  snprintf(d, sizeof d, "%s tidak ditemukan atau di luar akses Anda.", what);
  return reply_problem(req, 404, "Tidak ditemukan", d);
}

int reply_forbidden(struct request *req)
{
  return reply_problem(req, 403, "Akses ditolak", "Anda tidak berhak mengakses data ini.");
}

int reply_db_error(struct request *req)
{
  reply_header(req, "Retry-After", "5");
  return reply_problem(req, 503, "Layanan sementara tidak tersedia",
                       "Basis data sedang sibuk atau tidak dapat dihubungi. Coba lagi sebentar lagi.");
}

const char *http_query(struct request *req, const char *name)
{
  return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *http_header(struct request *req, const char *name)
{
  return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

int64_t http_param_id(struct request *req, const char *name)
{
  int64_t id;
  const char *v = route_param(&req->match, name);
  if (!v || parse_int64(v, 1, INT64_MAX, &id) != 0) {
    reply_problem(req, 404, "Tidak ditemukan", "Pengenal (id) pada alamat tidak valid.");
    return 0;
  }
  return id;
}

void http_actor(struct request *req, struct audit_actor *out)
{
  out->pengguna_id = req->who.pengguna_id;
  out->request_id = req->request_id;
}

bool jbody_string(struct request *req, const char *field, bool required, size_t maxlen,
                  const char **out)
{
  json_t *v = req->json ? json_object_get(req->json, field) : NULL;
  *out = NULL;
  if (!v || json_is_null(v)) {
    if (required) verr_add(req, field, "wajib diisi");
    return false;
  }
  if (!json_is_string(v)) { verr_add(req, field, "harus berupa teks"); return false; }
  const char *s = json_string_value(v);
  if (strlen(s) != json_string_length(v) || !text_clean(s, false)) {
    verr_add(req, field, "berisi karakter yang tidak diizinkan");
    return false;
  }
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) n += (*p & 0xc0) != 0x80;
  if (n > maxlen) { verr_addf(req, field, "maksimal %zu karakter", maxlen); return false; }
  if (required && n == 0) { verr_add(req, field, "wajib diisi"); return false; }
  *out = s;
  return true;
}

bool jbody_int(struct request *req, const char *field, bool required, int64_t min, int64_t max,
               int64_t *out)
{
  json_t *v = req->json ? json_object_get(req->json, field) : NULL;
  if (!v || json_is_null(v)) {
    if (required) verr_add(req, field, "wajib diisi");
    return false;
  }
  if (!json_is_integer(v)) { verr_add(req, field, "harus berupa bilangan bulat"); return false; }
  json_int_t i = json_integer_value(v);
  if (i < min || i > max) {
    verr_addf(req, field, "harus antara %lld dan %lld", (long long)min, (long long)max);
    return false;
  }
  *out = i;
  return true;
}

bool jbody_bool(struct request *req, const char *field, bool required, bool *out)
{
  json_t *v = req->json ? json_object_get(req->json, field) : NULL;
  if (!v || json_is_null(v)) {
    if (required) verr_add(req, field, "wajib diisi");
    return false;
  }
  if (!json_is_boolean(v)) { verr_add(req, field, "harus true atau false"); return false; }
  *out = json_is_true(v);
  return true;
}

void jbody_only(struct request *req, const char *const *allowed)
{
  const char *key;
  json_t *v;
  if (!req->json) return;
  json_object_foreach(req->json, key, v) {
    int ok = 0;
    for (const char *const *a = allowed; *a; a++) if (strcmp(*a, key) == 0) { ok = 1; break; }
    if (!ok) verr_add(req, key, "kolom tidak dikenal");
  }
}
