/* api_siasn.c: the SIASN client over HTTP (issue 10): configuration, pull previews and their
 * application, push of final penilaian, the sync log and the reconciliation report.  Admins of
 * the instansi; the configuration is written by a superadmin only (it decides where the
 * secrets are sent).  The exchanges with SIASN run in the request (an admin waits for them);
 * they are never inside a database transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_siasn.h"
#include "audit.h"
#include "config.h"
#include "http/server.h"
#include "siasn_kirim.h"
#include "siasn_klien.h"
#include "siasn_rekonsiliasi.h"
#include "siasn_tarik.h"
#include "siasn_terapkan.h"
#include "util/errs.h"
#include "util/util.h"

/* the secret file: --siasn-secret-file / KINERJA_SIASN_SECRET_FILE (NULL = the variables) */
static const char *berkas_rahasia(struct request *req)
{
  const struct config *c = req->srv ? server_config(req->srv) : NULL;
  return c && c->siasn_secret_file[0] ? c->siasn_secret_file : NULL;
}

static const char *lingkungan(const char *nama) { return getenv(nama); }

/* own instansi; superadmin names ?instansi_id= */
static int instansi_baca(struct request *req, int64_t *inst)
{
  if (api_list_instansi(req, inst) != 0) return -1;
  if (!*inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); reply_verr(req, 422); return -1; }
  return 0;
}

/* ?nip= or body "nip" (a NIP or a list of them) as a JSON array; NULL = everyone. -1 replied. */
static int daftar_nip(struct request *req, json_t *v, json_t **out)
{
  *out = NULL;
  if (!v || json_is_null(v)) return 0;
  json_t *a = json_is_string(v) ? json_pack("[O]", v) : json_is_array(v) ? json_incref(v) : NULL;
  size_t i;
  json_t *x;
  bool ok = a && json_array_size(a) > 0 && json_array_size(a) <= 1000;
  json_array_foreach(a, i, x) {
    const char *s = json_string_value(x);
    bool digit = s && strlen(s) == 18;
    for (const char *p = s; digit && *p; p++) digit = *p >= '0' && *p <= '9';
    ok = ok && digit;
  }
  if (!ok) {
    json_decref(a);
    verr_add(req, "nip", "harus NIP 18 digit atau daftar 1-1000 NIP");
    reply_verr(req, 422);
    return -1;
  }
  *out = a;
  return 0;
}

/* The problem for a failed open / exchange. */
static int gagal_siasn(struct request *req, int kode_buka, const char *err)
{
  if (kode_buka < 0) return reply_db_error(req);
  return reply_problem(req, 502, "SIASN tidak dapat dipakai", err);
}

int api_siasn_konfig_get(struct request *req)
{
  int64_t inst;
  if (instansi_baca(req, &inst)) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct siasn_konfig k;
  int rc = siasn_konfig_muat(db, inst, &k);
  if (rc < 0) return reply_db_error(req);
  struct siasn_rahasia r;
  char err[512];
  bool ada = siasn_rahasia_muat(&r, berkas_rahasia(req), k.kode, lingkungan, err, sizeof err) == 0;
  siasn_rahasia_hapus(&r);
  json_t *o = rc == 0 ? siasn_konfig_json(&k) : json_pack("{s:I}", "instansi_id", (json_int_t)inst);
  json_object_set_new(o, "terkonfigurasi", json_boolean(rc == 0));
  json_object_set_new(o, "rahasia_tersedia", json_boolean(ada));
  json_object_set_new(o, "rahasia_pesan", ada ? json_null() : json_string(err));
  return reply_json(req, 200, o);
}

int api_siasn_konfig_put(struct request *req)
{
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  json_t *errs = NULL;
  int rc = siasn_konfig_simpan(db, inst, req->json, &who, &errs);
  if (api_end(req, db, rc) != 0) {
    if (!req->status) {
      if (rc == 1) { req->verr = errs; errs = NULL; reply_verr(req, 422); }
      else reply_db_error(req);
    }
    json_decref(errs);
    return 0;
  }
  struct siasn_konfig k;
  if (siasn_konfig_muat(db, inst, &k) != 0) return reply_db_error(req);
  return reply_json(req, 200, siasn_konfig_json(&k));
}

int api_siasn_tarik(struct request *req)
{
  static const char *const boleh[] = {"nip", "instansi_id", NULL};
  if (req->json) jbody_only(req, boleh);
  if (verr_any(req)) return reply_verr(req, 422);
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  json_t *nips;
  if (daftar_nip(req, json_object_get(req->json, "nip"), &nips) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) { json_decref(nips); return 0; }
  int64_t id = 0;
  enum siasn_hasil h;
  char err[1024] = "";
  int rc = siasn_tarik(db, inst, nips, berkas_rahasia(req), req->who.pengguna_id, &id, &h, err, sizeof err);
  json_decref(nips);
  if (rc != 0) return gagal_siasn(req, rc, err);
  if (h != SIASN_OK) {
    char detail[1400];
    snprintf(detail, sizeof detail, "Tarikan #%lld gagal; tidak ada data yang diubah. %s (log: GET /api/v1/siasn/log?tarikan_id=%lld)",
             (long long)id, err, (long long)id);
    return reply_problem(req, 502, "SIASN tidak dapat dipakai", detail);
  }
  json_t *t = siasn_tarikan_json(db, id, NULL);
  return t ? reply_json(req, 201, t) : reply_db_error(req);
}

int api_siasn_tarikan_list(struct request *req)
{
  int64_t inst;
  int limit;
  if (instansi_baca(req, &inst) || api_limit(req, &limit)) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = siasn_tarikan_list(db, inst, limit);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

/* The batch of path {id} if the caller may see it; NULL when replied. */
static json_t *tarikan_boleh(struct request *req, struct db *db, int64_t id, int64_t *inst)
{
  json_t *t = siasn_tarikan_json(db, id, inst);
  if (!t) { reply_not_found(req, "tarikan SIASN"); return NULL; }
  if (!(req->who.peran & PERAN_SUPERADMIN) && *inst != req->who.instansi_id) { json_decref(t); reply_forbidden(req); return NULL; }
  return t;
}

int api_siasn_tarikan_get(struct request *req)
{
  int64_t id = http_param_id(req, "id"), inst;
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *t = tarikan_boleh(req, db, id, &inst);
  return t ? reply_json(req, 200, t) : 0;
}

int api_siasn_terapkan(struct request *req)
{
  int64_t id = http_param_id(req, "id"), inst;
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *t = tarikan_boleh(req, db, id, &inst);
  if (!t) return 0;
  json_decref(t);
  if (!(db = api_begin(req))) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  json_t *errs = NULL, *hasil = NULL;
  int http = 0;
  char pesan[1024] = "";
  int rc = siasn_terapkan(db, id, inst, &who, &errs, &http, pesan, sizeof pesan, &hasil);
  if (api_end(req, db, rc) != 0) {
    if (!req->status) {
      if (rc == 1) { req->verr = errs; errs = NULL; reply_verr(req, 422); }
      else if (rc == 2) reply_not_found(req, "tarikan SIASN");
      else if (rc == 3) reply_problem(req, http, "Tidak dapat diterapkan", pesan);
      else reply_db_error(req);
    }
    json_decref(errs);
    json_decref(hasil);
    return 0;
  }
  json_t *out = siasn_tarikan_json(db, id, NULL);
  if (!out) { json_decref(hasil); return reply_db_error(req); }
  json_object_set_new(out, "hasil", hasil);
  return reply_json(req, 200, out);
}

int api_siasn_kirim(struct request *req)
{
  static const char *const boleh[] = {"penilaian_id", "nip", "instansi_id", NULL};
  if (req->json) jbody_only(req, boleh);
  struct siasn_kirim_opsi o = {.limit = 500};
  if (req->json) {
    jbody_int(req, "penilaian_id", false, 1, INT64_MAX, &o.penilaian_id);
    jbody_string(req, "nip", false, 18, &o.nip);
  }
  if (verr_any(req)) return reply_verr(req, 422);
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *hasil = NULL;
  char err[1024] = "";
  int rc = siasn_kirim(db, inst, &o, berkas_rahasia(req), &hasil, err, sizeof err);
  if (rc == 2) return reply_not_found(req, "penilaian final");
  if (rc != 0) return gagal_siasn(req, rc, err);
  return reply_json(req, 200, hasil);
}

int api_siasn_log(struct request *req)
{
  int64_t inst, sebelum = 0, tarikan = 0;
  int limit;
  if (instansi_baca(req, &inst) || api_limit(req, &limit) || api_query_id(req, "sebelum", &sebelum) ||
      api_query_id(req, "tarikan_id", &tarikan)) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = siasn_log_json(db, inst, sebelum, limit, tarikan);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_siasn_rekonsiliasi(struct request *req)
{
  int64_t inst;
  if (instansi_baca(req, &inst)) return 0;
  json_t *nips = NULL, *q = http_query(req, "nip") ? json_string(http_query(req, "nip")) : NULL;
  int x = daftar_nip(req, q, &nips);
  json_decref(q);
  if (x != 0) return 0;
  struct db *db = http_db(req);
  if (!db) { json_decref(nips); return 0; }
  json_t *lap = NULL;
  char err[1024] = "";
  int rc = siasn_rekonsiliasi(db, inst, nips, berkas_rahasia(req), &lap, err, sizeof err);
  json_decref(nips);
  if (rc != 0) return gagal_siasn(req, rc, err);
  return reply_json(req, 200, lap);
}
