/* api_masukan.c: public feedback links (issue 6 point 7): the atasan/admin side (the code, its
 * link and QR code, the aggregate) and the public side (no login: the form's data, the answer,
 * the QR image). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "auth/rbac.h"
#include "http/authn.h"
#include "masukan.h"
#include "org.h"
#include "qr.h"
#include "util/util.h"

/* The public URL of the form for a code, from the Host the client used. */
static void tautan(struct request *req, const char *kode, char *out, size_t n)
{
  const char *host = http_header(req, "Host");
  bool ok = host && *host && strlen(host) < 200;
  for (const char *c = host; ok && *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || strchr(".:-[]", *c))) ok = false;
  const char *scheme = http_header(req, "X-Forwarded-Proto");
  if (!scheme || (strcmp(scheme, "https") && strcmp(scheme, "http"))) scheme = "http";
  snprintf(out, n, "%s://%s/masukan.html#%s", scheme, ok ? host : "127.0.0.1:8080", kode);
}

static int kirim_kode(struct request *req, struct db *db, int64_t inst, const char *target, int64_t id)
{
  char kode[33];
  if (db_begin_write(db) != DB_OK) return reply_db_error(req);
  if (masukan_kode(db, inst, target, id, kode) != 0) { db_rollback(db); return reply_db_error(req); }
  if (db_commit(db) != DB_OK) return reply_db_error(req);
  char url[400], qr[120];
  tautan(req, kode, url, sizeof url);
  snprintf(qr, sizeof qr, "/api/v1/publik/masukan/%s/qr.svg", kode);
  json_t *r = masukan_ringkasan(db, kode);
  if (!r) return reply_db_error(req);
  return reply_json(req, 200, json_pack("{s:s,s:s,s:s,s:o}", "kode", kode, "tautan", url, "qr_svg", qr, "ringkasan", r));
}

int api_masukan_unit(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  if (api_unit_boleh(req, db, id, &inst)) return 0;
  return kirim_kode(req, db, inst, "unit", id);
}

int api_masukan_pegawai(struct request *req)
{
  int64_t id, inst = 0;
  struct db *db = api_pegawai_baca(req, &id, &inst);
  if (!db) return 0;
  return kirim_kode(req, db, inst, "pegawai", id);
}

static const char *kode_param(struct request *req)
{
  const char *k = route_param(&req->match, "kode");
  if (!k || strlen(k) != 32) return NULL;
  for (const char *c = k; *c; c++)
    if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f'))) return NULL;
  return k;
}

int api_publik_info(struct request *req)
{
  const char *kode = kode_param(req);
  if (!kode) return reply_not_found(req, "Tautan masukan");
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = masukan_info(db, kode);
  return j ? reply_json(req, 200, j) : reply_not_found(req, "Tautan masukan");
}

int api_publik_kirim(struct request *req)
{
  const char *kode = kode_param(req);
  if (!kode) return reply_not_found(req, "Tautan masukan");
  char klien[64];
  http_client_addr(req, klien, sizeof klien);
  struct db *db = api_begin(req);
  if (!db) return 0;
  int http = 0;
  const char *pesan = NULL;
  int rc = masukan_simpan(db, kode, req->json, klien, &req->verr, &http, &pesan);
  if (api_end(req, db, rc) != 0) {
    if (req->status) return 0;
    if (rc == 1) return reply_verr(req, 422);
    if (rc == 2) return reply_not_found(req, "Tautan masukan");
    if (rc == 3) {
      if (http == 429) reply_header(req, "Retry-After", "3600");
      return reply_problem(req, http, http == 429 ? "Terlalu banyak permintaan" : "Sudah diterima", pesan);
    }
    return reply_db_error(req);
  }
  return reply_json(req, 201, json_pack("{s:s}", "pesan", "Terima kasih atas masukan Anda."));
}

int api_publik_qr(struct request *req)
{
  const char *kode = kode_param(req);
  if (!kode) return reply_not_found(req, "Tautan masukan");
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = masukan_info(db, kode);
  if (!j) return reply_not_found(req, "Tautan masukan");
  json_decref(j);
  char url[400];
  tautan(req, kode, url, sizeof url);
  size_t len = 0;
  char *svg = qr_svg(url, &len);
  if (!svg) return reply_problem(req, 503, "Kode QR gagal dibuat", "Kode QR tidak dapat dibuat saat ini.");
  return reply_raw(req, 200, "image/svg+xml", svg, len);
}

int api_publik_qr_png(struct request *req)
{
  const char *kode = kode_param(req);
  if (!kode) return reply_not_found(req, "Tautan masukan");
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = masukan_info(db, kode);
  if (!j) return reply_not_found(req, "Tautan masukan");
  json_decref(j);
  char url[400];
  tautan(req, kode, url, sizeof url);
  size_t len = 0;
  unsigned char *png = qr_png(url, 8, &len);
  if (!png) return reply_problem(req, 503, "Kode QR gagal dibuat", "Kode QR tidak dapat dibuat saat ini.");
  return reply_raw(req, 200, "image/png", (char *)png, len);
}
