/* api_pegawai.c: /api/v1/pegawai — list in the caller's scope, read, create, update,
 * mutasi (jabatan/unit/atasan changes with effective date), riwayat and atasan at a date. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "auth/rbac.h"
#include "db/db.h"
#include "pegawai.h"
#include "skp.h"
#include "util/errs.h"
#include "util/util.h"

int api_pegawai_list(struct request *req)
{
  struct pegawai_query q = {0};
  const struct principal *w = &req->who;
  if (api_limit(req, &q.limit) != 0 || api_list_instansi(req, &q.instansi_id) != 0 ||
      api_query_id(req, "unit_kerja_id", &q.unit_kerja_id) != 0 ||
      api_query_id(req, "jabatan_id", &q.jabatan_id) != 0 ||
      api_query_id(req, "atasan_id", &q.atasan_id) != 0)
    return 0;
  if (!rbac_reads_instansi(w)) {
    if (!w->pegawai_id) return reply_forbidden(req);
    q.scope_root = w->pegawai_id;  /* self and subtree */
  }
  q.q = http_query(req, "q");
  q.jenis_asn = http_query(req, "jenis_asn");
  q.sort = http_query(req, "sort");
  q.cursor = http_query(req, "cursor");
  const char *aktif = http_query(req, "aktif");
  q.aktif = 1;
  if (aktif) {
    if (strcmp(aktif, "1") == 0 || strcmp(aktif, "true") == 0) q.aktif = 1;
    else if (strcmp(aktif, "0") == 0 || strcmp(aktif, "false") == 0) q.aktif = 0;
    else if (strcmp(aktif, "semua") == 0) q.aktif = -1;
    else { verr_add(req, "aktif", "harus 1, 0 atau semua"); return reply_verr(req, 422); }
  }
  const char *total = http_query(req, "total");
  q.with_total = total && strcmp(total, "1") == 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  const char *bad = NULL;
  json_t *j = pegawai_list(db, &q, &bad);
  if (!j && bad) {
    if (strcmp(bad, "sort") == 0) verr_add(req, "sort", "harus nama, -nama, nip atau -nip");
    else if (strcmp(bad, "cursor") == 0) verr_add(req, "cursor", "cursor tidak valid");
    else if (strcmp(bad, "jenis_asn") == 0) verr_add(req, "jenis_asn", "harus PNS atau PPPK");
    else verr_add(req, bad, "tidak valid");
    return reply_verr(req, 422);
  }
  if (!j) return reply_db_error(req);
  return reply_json(req, 200, j);
}

int api_pegawai_get(struct request *req)
{
  int64_t id;
  struct db *db = api_pegawai_baca(req, &id, NULL);
  if (!db) return 0;
  json_t *j = pegawai_json(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_pegawai_create(struct request *req)
{
  struct pegawai_rec r = {0};
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  r.instansi_id = inst;
  pegawai_apply_json(req->json, &r, true, &req->verr);
  const char *mulai = NULL;
  char today[11];
  json_t *m = json_object_get(req->json, "mulai");
  if (m && !(json_is_string(m) && date_valid(json_string_value(m))))
    verr_add(req, "mulai", "harus tanggal YYYY-MM-DD yang valid");
  else if (m) mulai = json_string_value(m);
  if (!mulai) { date_today(7, today); mulai = today; }
  struct db *db = api_begin(req);
  if (!db) return 0;
  int rc = verr_any(req) ? 1 : 0;
  if (rc == 0) rc = pegawai_validate(db, &r, &req->verr);
  if (rc == 0) {
    struct audit_actor a;
    http_actor(req, &a);
    rc = pegawai_insert(db, &r, mulai, &a);
  }
  if (api_end(req, db, rc) != 0) {
    if (req->status) return 0;
    return rc > 0 ? reply_verr(req, 422) : reply_db_error(req);
  }
  reply_header(req, "Location", "/api/v1/pegawai");
  json_t *j = pegawai_json(db, r.id);
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}

int api_pegawai_update(struct request *req)
{
  int64_t id;
  struct db *db = api_pegawai_ubah(req, &id, NULL);
  if (!db) return 0;
  int rc;
  struct pegawai_rec old, r;
  rc = pegawai_load(db, id, &old);
  if (rc == 0) {
    r = old;
    pegawai_apply_json(req->json, &r, false, &req->verr);
    rc = verr_any(req) ? 1 : pegawai_validate(db, &r, &req->verr);
  }
  if (rc == 0) {
    if (memcmp(&old, &r, sizeof r) == 0) {
      db_rollback(db);
      json_t *j = pegawai_json(db, id);
      return j ? reply_json(req, 200, j) : reply_db_error(req);
    }
    struct audit_actor actor;
    http_actor(req, &actor);
    rc = pegawai_update(db, &old, &r, &actor);
  }
  if (api_end(req, db, rc) != 0) {
    if (req->status) return 0;
    return rc > 0 ? reply_verr(req, 422) : reply_db_error(req);
  }
  json_t *j = pegawai_json(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_pegawai_mutasi(struct request *req)
{
  static const char *const allowed[] = {"jabatan_id", "unit_kerja_id", "atasan_id", "tanggal", NULL};
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  int64_t jab = 0, unit = 0, atasan = 0;
  const char *tanggal = NULL;
  jbody_only(req, allowed);
  jbody_int(req, "jabatan_id", false, 1, INT64_MAX, &jab);
  jbody_int(req, "unit_kerja_id", false, 1, INT64_MAX, &unit);
  jbody_int(req, "atasan_id", false, 1, INT64_MAX, &atasan);
  jbody_string(req, "tanggal", true, 10, &tanggal);
  if (tanggal && !date_valid(tanggal)) verr_add(req, "tanggal", "harus tanggal YYYY-MM-DD yang valid");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  if (api_pegawai_boleh(req, db, id, ACCESS_ADMIN, NULL)) { db_rollback(db); return 0; }
  struct audit_actor actor;
  http_actor(req, &actor);
  int rc = pegawai_mutasi(db, id, jab, unit, atasan, tanggal, &actor, &req->verr);
  /* the SKP covering that date ends the day before; a new draft starts (issue 4) */
  if (rc == 0) rc = skp_on_mutasi(db, id, tanggal, &actor);
  if (api_end(req, db, rc) != 0) {
    if (req->status) return 0;
    return rc > 0 ? reply_verr(req, 422) : reply_db_error(req);
  }
  json_t *j = pegawai_json(db, id);
  if (j) json_object_set_new(j, "riwayat", pegawai_riwayat_json(db, id));
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_pegawai_riwayat(struct request *req)
{
  int64_t id;
  struct db *db = api_pegawai_baca(req, &id, NULL);
  if (!db) return 0;
  json_t *items = pegawai_riwayat_json(db, id);
  return items ? reply_json(req, 200, json_pack("{s:o}", "items", items)) : reply_db_error(req);
}

int api_pegawai_atasan(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  const char *tanggal = http_query(req, "tanggal");
  char today[11];
  if (tanggal && !date_valid(tanggal)) {
    verr_add(req, "tanggal", "harus tanggal YYYY-MM-DD yang valid");
    return reply_verr(req, 422);
  }
  if (!tanggal) { date_today(7, today); tanggal = today; }
  struct db *db = http_db(req);
  if (!db) return 0;
  if (api_pegawai_boleh(req, db, id, ACCESS_READ, NULL)) return 0;
  int64_t atasan = 0;
  int rc = pegawai_atasan_pada(db, id, tanggal, &atasan);
  if (rc < 0) return reply_db_error(req);
  json_t *j = json_pack("{s:I,s:s}", "pegawai_id", (json_int_t)id, "tanggal", tanggal);
  json_t *a = atasan ? pegawai_json(db, atasan) : NULL;
  json_object_set_new(j, "atasan", a ? a : json_null());
  json_object_set_new(j, "tercatat", json_boolean(rc == 0));
  return reply_json(req, 200, j);
}

int api_pegawai_bawahan(struct request *req)
{
  int64_t id;
  struct db *db = api_pegawai_baca(req, &id, NULL);
  if (!db) return 0;
  struct pegawai_query q = {.atasan_id = id, .aktif = 1, .sort = "nama"};
  if (api_limit(req, &q.limit) != 0) return 0;
  q.cursor = http_query(req, "cursor");
  const char *bad = NULL;
  json_t *j = pegawai_list(db, &q, &bad);
  if (!j && bad) { verr_add(req, bad, "tidak valid"); return reply_verr(req, 422); }
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}
