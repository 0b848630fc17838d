/* api_aktivitas.c: /api/v1/aktivitas (daily log, batch, review, templates, copy), rencana aksi,
 * settings, holidays, the inbox and the compliance report (issue 5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "api/api.h"
#include "api/api_idem.h"
#include "auth/rbac.h"
#include "skp.h"
#include "util/errs.h"
#include "util/util.h"

#define BATCH_MAX 1000

static int finish(struct request *req, struct db *db, int rc, int http, const char *pesan, const char *what)
{
  if (api_end(req, db, rc) == 0) return 0;
  if (req->status) return 1;
  switch (rc) {
  case 1: reply_verr(req, 422); break;
  case 2: reply_not_found(req, what); break;
  case 3: reply_problem(req, http ? http : 409, http == 403 ? "Tidak diizinkan" : "Tidak dapat diproses", pesan); break;
  default: reply_db_error(req); break;
  }
  return 1;
}

static int need_pegawai(struct request *req)
{
  if (req->who.pegawai_id) return 0;
  verr_add(req, "pegawai", "akun ini tidak terhubung dengan pegawai; aktivitas dicatat oleh pegawai sendiri");
  reply_verr(req, 422);
  return 1;
}

/* ---- list and read ---- */

int api_aktivitas_list(struct request *req)
{
  struct aktivitas_query q = {0};
  const struct principal *w = &req->who;
  if (api_limit(req, &q.limit) != 0 || api_list_instansi(req, &q.instansi_id) != 0 ||
      api_query_id(req, "pegawai_id", &q.pegawai_id) != 0 || api_query_id(req, "rhk_id", &q.rhk_id) != 0)
    return 0;
  const char *pen = http_query(req, "penilai");
  if (pen && !strcmp(pen, "saya")) {
    if (!w->pegawai_id) { verr_add(req, "penilai", "akun ini tidak terhubung dengan pegawai"); return reply_verr(req, 422); }
    q.penilai_id = w->pegawai_id;
  } else if (pen) { verr_add(req, "penilai", "hanya penilai=saya"); return reply_verr(req, 422); }
  const char *c = http_query(req, "cursor");
  if (c && parse_int64(c, 1, INT64_MAX, &q.cursor) != 0) { verr_add(req, "cursor", "cursor tidak valid"); return reply_verr(req, 422); }
  q.status = http_query(req, "status");
  q.dari = http_query(req, "dari");
  q.sampai = http_query(req, "sampai");
  if (!rbac_reads_instansi(w) && !(w->peran & PERAN_AUDITOR)) {
    if (!w->pegawai_id) return reply_forbidden(req);
    q.scope_root = w->pegawai_id;
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  const char *bad = NULL;
  const char *format = http_query(req, "format");
  if (!format || strcmp(format, "csv")) {   /* JSON written straight to text (aktivitas_teks.c) */
    char *teks = NULL;
    size_t n = 0;
    int r = aktivitas_list_teks(db, &q, &bad, &teks, &n);
    if (r == 0) return reply_raw(req, 200, "application/json; charset=utf-8", teks, n);
    if (r < 0 && !bad) return reply_db_error(req);
  }
  json_t *j = bad ? NULL : aktivitas_list(db, &q, &bad);
  if (!j && bad) {
    verr_add(req, bad, !strcmp(bad, "status") ? "harus diajukan, disetujui atau dikembalikan" : "harus tanggal YYYY-MM-DD");
    return reply_verr(req, 422);
  }
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

/* Read access to one activity: the owner, the penilai, the chain, instansi readers, auditor. */
static int can_read(struct request *req, struct db *db, int64_t id)
{
  int64_t owner = 0, pen = 0, inst = 0;
  int rc = aktivitas_owner(db, id, &owner, &pen, &inst);
  if (rc < 0) { reply_db_error(req); return 1; }
  if (rc == 1) { reply_not_found(req, "Aktivitas"); return 1; }
  if (req->who.pegawai_id && (req->who.pegawai_id == owner || req->who.pegawai_id == pen)) return 0;
  if ((req->who.peran & PERAN_AUDITOR) && req->who.instansi_id == inst) return 0;
  enum access_result a = rbac_pegawai(db, &req->who, owner, ACCESS_READ, NULL);
  if (a == ACCESS_OK) return 0;
  if (a == ACCESS_ERROR) reply_db_error(req);
  else reply_forbidden(req);
  return 1;
}

int api_aktivitas_get(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db || can_read(req, db, id)) return 0;
  json_t *j = aktivitas_json(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_aktivitas_sering(struct request *req)
{
  if (need_pegawai(req)) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = aktivitas_sering(db, req->who.pegawai_id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

/* ---- writes by the pegawai ---- */

int api_aktivitas_create(struct request *req)
{
  if (need_pegawai(req)) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct idem idem;
  if (api_idem_begin(req, db, &idem)) { db_rollback(db); return 0; }
  struct aktivitas_ctx c;
  int rc = aktivitas_ctx_init(db, req->who.pegawai_id, req->who.token_id ? "api" : "web", &c);
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  json_t *j = NULL;
  struct audit_actor a;
  http_actor(req, &a);
  if (rc == 0) rc = aktivitas_create(db, &c, req->json, &a, &req->verr, &http, &pesan, &id);
  if (rc == 0) {   /* stored with the body's tanggal as given (aktivitas_create checked it) */
    j = aktivitas_json_pada(db, id, json_string_value(json_object_get(req->json, "tanggal")));
    rc = j ? api_idem_store(req, db, &idem, 201, j) : -1;
  }
  if (finish(req, db, rc, http, pesan, "Pegawai")) { json_decref(j); return 0; }
  char loc[64];
  snprintf(loc, sizeof loc, "/api/v1/aktivitas/%lld", (long long)id);
  reply_header(req, "Location", loc);
  return reply_json(req, 201, j);
}

/* POST /api/v1/aktivitas:batch {"items": [...]}: all or nothing (documented in openapi.yaml):
 * every item is checked; one bad item stores none and every problem is reported as
 * items[i].field. */
int api_aktivitas_batch(struct request *req)
{
  if (need_pegawai(req)) return 0;
  json_t *items = json_object_get(req->json, "items");
  const char *k;
  json_t *v;
  json_object_foreach(req->json, k, v)
    if (strcmp(k, "items")) verr_add(req, k, "kolom tidak dikenal");
  if (!json_is_array(items) || json_array_size(items) == 0) verr_add(req, "items", "wajib: daftar aktivitas (1-1000)");
  else if (json_array_size(items) > BATCH_MAX) verr_add(req, "items", "maksimal 1000 aktivitas per permintaan");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct idem idem;
  if (api_idem_begin(req, db, &idem)) { db_rollback(db); return 0; }
  struct aktivitas_ctx c;
  int rc = aktivitas_ctx_init(db, req->who.pegawai_id, "batch", &c);
  struct audit_actor a;
  http_actor(req, &a);
  json_t *ids = json_array();
  int http = 0;
  const char *pesan = NULL;
  size_t i;
  json_array_foreach(items, i, v) {
    if (rc != 0 && rc != 1) break;
    char prefix[32];
    snprintf(prefix, sizeof prefix, "items[%zu].", i);
    c.prefix = prefix;
    if (!json_is_object(v)) { char f[32]; snprintf(f, sizeof f, "items[%zu]", i); verr_add(req, f, "harus objek aktivitas"); rc = 1; continue; }
    int64_t id = 0;
    int r = aktivitas_create(db, &c, v, &a, &req->verr, &http, &pesan, &id);
    if (r == 3) { char f[32]; snprintf(f, sizeof f, "items[%zu]", i); verr_add(req, f, pesan); r = 1; }
    if (r < 0) rc = -1;
    else if (r == 1) rc = 1;
    else json_array_append_new(ids, json_integer(id));
    if (json_array_size(req->verr) >= 1000) break;
  }
  json_t *j = NULL;
  if (rc == 0) {
    j = json_pack("{s:I,s:O}", "jumlah", (json_int_t)json_array_size(ids), "ids", ids);
    rc = j ? api_idem_store(req, db, &idem, 201, j) : -1;
  }
  json_decref(ids);
  if (finish(req, db, rc, http, pesan, "Pegawai")) { json_decref(j); return 0; }
  return reply_json(req, 201, j);
}

int api_aktivitas_salin(struct request *req)
{
  if (need_pegawai(req)) return 0;
  const char *k;
  json_t *v;
  json_object_foreach(req->json, k, v)
    if (strcmp(k, "dari") && strcmp(k, "ke")) verr_add(req, k, "kolom tidak dikenal");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct idem idem;
  if (api_idem_begin(req, db, &idem)) { db_rollback(db); return 0; }
  struct aktivitas_ctx c;
  int rc = aktivitas_ctx_init(db, req->who.pegawai_id, req->who.token_id ? "api" : "web", &c);
  struct audit_actor a;
  http_actor(req, &a);
  json_t *ids = NULL, *j = NULL;
  if (rc == 0) rc = aktivitas_salin(db, &c, json_string_value(json_object_get(req->json, "dari")),
                                    json_string_value(json_object_get(req->json, "ke")), &a, &req->verr, &ids);
  if (rc == 0) {
    j = json_pack("{s:I,s:o}", "jumlah", (json_int_t)json_array_size(ids), "ids", ids);
    rc = j ? api_idem_store(req, db, &idem, 201, j) : -1;
  }
  if (finish(req, db, rc, 0, NULL, "Pegawai")) { json_decref(j); return 0; }
  return reply_json(req, 201, j);
}

int api_aktivitas_update(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id || need_pegawai(req)) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  if (can_read(req, db, id)) { db_rollback(db); return 0; }
  struct aktivitas_ctx c;
  int rc = aktivitas_ctx_init(db, req->who.pegawai_id, "web", &c);
  int http = 0;
  const char *pesan = NULL;
  struct audit_actor a;
  http_actor(req, &a);
  if (rc == 0) rc = aktivitas_update(db, &c, id, req->json, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "Aktivitas")) return 0;
  json_t *j = aktivitas_json(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_aktivitas_delete(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  if (can_read(req, db, id)) { db_rollback(db); return 0; }
  int http = 0;
  const char *pesan = NULL;
  struct audit_actor a;
  http_actor(req, &a);
  int rc = aktivitas_delete(db, req->who.pegawai_id, id, &a, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "Aktivitas")) return 0;
  return reply_no_content(req);
}

/* ---- review by the penilai ---- */

static int review(struct request *req, json_t *ids, const char *aksi, const char *catatan, bool single)
{
  if (need_pegawai(req)) return 0;
  if (!strcmp(aksi, "kembalikan") && (!catatan || !catatan[0])) verr_add(req, "catatan", "wajib diisi: jelaskan apa yang perlu diperbaiki");
  else if (catatan && (strlen(catatan) > 2000 || !text_clean(catatan, true))) verr_add(req, "catatan", "teks tidak valid atau lebih dari 2000 karakter");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  if (single && can_read(req, db, json_integer_value(json_array_get(ids, 0)))) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  json_t *hasil = NULL;
  int n_ok = 0;
  int rc = aktivitas_review(db, req->who.pegawai_id, ids, aksi, catatan, &a, &hasil, &n_ok);
  if (rc == 0 && single && n_ok == 0) {
    const char *p = json_string_value(json_object_get(json_array_get(hasil, 0), "pesan"));
    db_rollback(db);
    int status = p && strstr(p, "bukan penilai") ? 403 : 409;
    int r = reply_problem(req, status, status == 403 ? "Tidak diizinkan" : "Tidak dapat diproses", p ? p : "tidak dapat direview");
    json_decref(hasil);
    return r;
  }
  if (finish(req, db, rc, 0, NULL, "Aktivitas")) { json_decref(hasil); return 0; }
  if (single) {
    json_decref(hasil);
    json_t *j = aktivitas_json(db, json_integer_value(json_array_get(ids, 0)));
    return j ? reply_json(req, 200, j) : reply_db_error(req);
  }
  return reply_json(req, 200, json_pack("{s:i,s:o}", "berhasil", n_ok, "hasil", hasil));
}

int api_aktivitas_setujui(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  json_t *ids = json_pack("[I]", (json_int_t)id);
  int r = review(req, ids, "setujui", NULL, true);
  json_decref(ids);
  return r;
}

int api_aktivitas_kembalikan(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  const char *k;
  json_t *v;
  json_object_foreach(req->json, k, v)
    if (strcmp(k, "catatan")) verr_add(req, k, "kolom tidak dikenal");
  json_t *ids = json_pack("[I]", (json_int_t)id);
  int r = review(req, ids, "kembalikan", json_string_value(json_object_get(req->json, "catatan")), true);
  json_decref(ids);
  return r;
}

/* POST /api/v1/aktivitas:review {"ids": [...], "aksi": "setujui"|"kembalikan", "catatan"}:
 * per-item results (an item the caller does not review is reported, the others go on). */
int api_aktivitas_review(struct request *req)
{
  const char *k;
  json_t *v;
  json_object_foreach(req->json, k, v)
    if (strcmp(k, "ids") && strcmp(k, "aksi") && strcmp(k, "catatan")) verr_add(req, k, "kolom tidak dikenal");
  json_t *ids = json_object_get(req->json, "ids");
  const char *aksi = json_string_value(json_object_get(req->json, "aksi"));
  if (!json_is_array(ids) || json_array_size(ids) == 0 || json_array_size(ids) > BATCH_MAX) verr_add(req, "ids", "wajib: daftar id aktivitas (1-1000)");
  else {
    size_t i;
    json_array_foreach(ids, i, v)
      if (!json_is_integer(v) || json_integer_value(v) < 1) { verr_add(req, "ids", "setiap id harus bilangan bulat positif"); break; }
  }
  if (!aksi || (strcmp(aksi, "setujui") && strcmp(aksi, "kembalikan"))) verr_add(req, "aksi", "harus setujui atau kembalikan");
  if (verr_any(req)) return reply_verr(req, 422);
  return review(req, ids, aksi, json_string_value(json_object_get(req->json, "catatan")), false);
}

/* ---- rencana aksi ---- */

static int skp_owner_write(struct request *req, struct db *db, int64_t skp_id, struct skp_head *h)
{
  int rc = skp_head_load(db, skp_id, h);
  if (rc != 0) { rc < 0 ? reply_db_error(req) : reply_not_found(req, "SKP"); return 1; }
  rc = skp_can_read(db, h, &req->who);
  if (rc != 0) { rc < 0 ? reply_db_error(req) : reply_forbidden(req); return 1; }
  if (skp_pelaku_of(h, &req->who) != PELAKU_PEGAWAI) {
    reply_problem(req, 403, "Tidak diizinkan", "rencana aksi disusun oleh pegawai pemilik SKP");
    return 1;
  }
  if (!h->periode_terbuka) { reply_problem(req, 409, "Tidak dapat diproses", "periode penilaian sudah ditutup"); return 1; }
  return 0;
}

int api_rencana_aksi_list(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct skp_head h;
  int rc = skp_head_load(db, id, &h);
  if (rc != 0) return rc < 0 ? reply_db_error(req) : reply_not_found(req, "SKP");
  rc = skp_can_read(db, &h, &req->who);
  if (rc != 0) return rc < 0 ? reply_db_error(req) : reply_forbidden(req);
  json_t *j = rencana_aksi_list(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_rencana_aksi_create(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct skp_head h;
  if (skp_owner_write(req, db, id, &h)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int64_t rid = 0;
  int rc = rencana_aksi_save(db, id, 0, req->json, &a, &req->verr, &http, &pesan, &rid);
  if (finish(req, db, rc, http, pesan, "Rencana aksi")) return 0;
  json_t *j = rencana_aksi_list(db, id);
  if (j) json_object_set_new(j, "id", json_integer(rid));
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}

static int rencana_write(struct request *req, bool del)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t skp_id = 0;
  int rc = rencana_aksi_skp(db, id, &skp_id);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_not_found(req, "Rencana aksi"); }
  struct skp_head h;
  if (skp_owner_write(req, db, skp_id, &h)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int64_t out = 0;
  rc = del ? rencana_aksi_delete(db, id, &a, &http, &pesan) : rencana_aksi_save(db, skp_id, id, req->json, &a, &req->verr, &http, &pesan, &out);
  if (finish(req, db, rc, http, pesan, "Rencana aksi")) return 0;
  if (del) return reply_no_content(req);
  json_t *j = rencana_aksi_list(db, skp_id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_rencana_aksi_update(struct request *req) { return rencana_write(req, false); }
int api_rencana_aksi_delete(struct request *req) { return rencana_write(req, true); }

/* ---- settings and holidays ---- */

int api_pengaturan_get(struct request *req)
{
  int64_t inst;
  if (api_list_instansi(req, &inst) != 0) return 0;
  if (!inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  struct pengaturan p;
  if (pengaturan_load(db, inst, &p) != 0) return reply_db_error(req);
  return reply_json(req, 200, pengaturan_json(&p));
}

int api_pengaturan_update(struct request *req)
{
  int64_t inst = req->who.instansi_id;
  if (req->who.peran & PERAN_SUPERADMIN) {
    if (api_query_id(req, "instansi_id", &inst) != 0) return 0;
    if (!inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  }
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int rc = pengaturan_save(db, inst, req->json, &a, &req->verr);
  if (finish(req, db, rc, 0, NULL, "Instansi")) return 0;
  struct pengaturan p;
  if (pengaturan_load(db, inst, &p) != 0) return reply_db_error(req);
  return reply_json(req, 200, pengaturan_json(&p));
}

int api_hari_libur_list(struct request *req)
{
  int64_t inst, tahun = 0;
  if (api_list_instansi(req, &inst) != 0) return 0;
  if (!inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  const char *t = http_query(req, "tahun");
  if (t && parse_int64(t, 2000, 2100, &tahun) != 0) { verr_add(req, "tahun", "harus tahun 2000-2100"); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  char dari[16] = "0000", sampai[16] = "9999";
  if (tahun) { snprintf(dari, sizeof dari, "%04d-01-01", (int)tahun); snprintf(sampai, sizeof sampai, "%04d-12-31", (int)tahun); }
  struct db_stmt *st = db_prepare(db, "SELECT tanggal, nama FROM hari_libur WHERE instansi_id = ?1 AND tanggal >= ?2 AND tanggal <= ?3 ORDER BY tanggal");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, inst);
  db_bind_text(st, 2, dari);
  db_bind_text(st, 3, sampai);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW)
    json_array_append_new(items, json_pack("{s:s,s:s}", "tanggal", db_col_text(st, 0), "nama", db_col_text(st, 1)));
  db_done(st);
  return reply_json(req, 200, json_pack("{s:o}", "items", items));
}

int api_hari_libur_create(struct request *req)
{
  static const char *const allowed[] = {"tanggal", "nama", NULL};
  int64_t inst = req->who.instansi_id;
  const char *tanggal = NULL, *nama = NULL;
  jbody_only(req, allowed);
  jbody_string(req, "tanggal", true, 10, &tanggal);
  jbody_string(req, "nama", true, 200, &nama);
  if (tanggal && !date_valid(tanggal)) verr_add(req, "tanggal", "harus tanggal YYYY-MM-DD yang valid");
  if (req->who.peran & PERAN_SUPERADMIN) {
    if (api_query_id(req, "instansi_id", &inst) != 0) return 0;
    if (!inst) verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id=");
  }
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct db_stmt *st = db_prepare(db, "INSERT INTO hari_libur (instansi_id, tanggal, nama) VALUES (?1, ?2, ?3)"
                                      " ON CONFLICT (instansi_id, tanggal) DO UPDATE SET nama = excluded.nama");
  int rc = -1;
  if (st) {
    db_bind_int64(st, 1, inst);
    db_bind_text(st, 2, tanggal);
    db_bind_text(st, 3, nama);
    rc = db_step(st) == DB_DONE ? 0 : -1;
    db_done(st);
  }
  struct audit_actor a;
  http_actor(req, &a);
  json_t *after = json_pack("{s:s,s:s}", "tanggal", tanggal, "nama", nama);
  if (rc == 0) rc = audit_append(db, &a, inst, "hari_libur.save", "hari_libur", 0, NULL, after);
  if (finish(req, db, rc, 0, NULL, "Hari libur")) { json_decref(after); return 0; }
  return reply_json(req, 201, after);
}

int api_hari_libur_delete(struct request *req)
{
  const char *tanggal = route_param(&req->match, "tanggal");
  if (!tanggal || !date_valid(tanggal)) return reply_not_found(req, "Hari libur");
  int64_t inst = req->who.instansi_id;
  if (req->who.peran & PERAN_SUPERADMIN) {
    if (api_query_id(req, "instansi_id", &inst) != 0) return 0;
  }
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct db_stmt *st = db_prepare(db, "DELETE FROM hari_libur WHERE instansi_id = ?1 AND tanggal = ?2");
  int rc = -1;
  if (st) {
    db_bind_int64(st, 1, inst);
    db_bind_text(st, 2, tanggal);
    rc = db_step(st) == DB_DONE ? 0 : -1;
    db_done(st);
  }
  if (rc == 0 && db_changes(db) == 0) rc = 2;
  struct audit_actor a;
  http_actor(req, &a);
  json_t *before = json_pack("{s:s}", "tanggal", tanggal);
  if (rc == 0) rc = audit_append(db, &a, inst, "hari_libur.delete", "hari_libur", 0, before, NULL);
  json_decref(before);
  if (finish(req, db, rc, 0, NULL, "Hari libur")) return 0;
  return reply_no_content(req);
}

/* ---- inbox ---- */

int api_notifikasi_list(struct request *req)
{
  if (need_pegawai(req)) return 0;
  int limit;
  if (api_limit(req, &limit) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct db_stmt *st = db_prepare(db, "SELECT id, judul, isi, tautan, dibaca, dibuat FROM notifikasi WHERE pegawai_id = ?1 ORDER BY id DESC LIMIT ?2");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, req->who.pegawai_id);
  db_bind_int64(st, 2, limit);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW) {
    json_t *it = json_pack("{s:I,s:s,s:s,s:b,s:I}", "id", (json_int_t)db_col_int64(st, 0), "judul", db_col_text(st, 1),
                           "isi", db_col_text(st, 2), "dibaca", (int)db_col_int64(st, 4), "dibuat", (json_int_t)db_col_int64(st, 5));
    json_object_set_new(it, "tautan", db_col_is_null(st, 3) ? json_null() : json_string(db_col_text(st, 3)));
    json_array_append_new(items, it);
  }
  db_done(st);
  int64_t unread = 0;
  db_query_int64(db, "SELECT COUNT(*) FROM notifikasi WHERE pegawai_id = ?1 AND dibaca = 0", 1, req->who.pegawai_id, &unread);
  return reply_json(req, 200, json_pack("{s:o,s:I}", "items", items, "belum_dibaca", (json_int_t)unread));
}

int api_notifikasi_baca(struct request *req)
{
  if (need_pegawai(req)) return 0;
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct db_stmt *st = db_prepare(db, "UPDATE notifikasi SET dibaca = 1 WHERE id = ?1 AND pegawai_id = ?2");
  int rc = -1;
  if (st) {
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, req->who.pegawai_id);
    rc = db_step(st) == DB_DONE ? 0 : -1;
    db_done(st);
  }
  if (rc == 0 && db_changes(db) == 0) rc = 2;
  if (finish(req, db, rc, 0, NULL, "Notifikasi")) return 0;
  return reply_no_content(req);
}

/* ---- compliance ---- */

/* GET /api/v1/laporan/kepatuhan?dari&sampai&unit_kerja_id: per pegawai in scope, what they
 * logged in the range and what waits for their review (default: this week, Monday-today). */
int api_kepatuhan(struct request *req)
{
  int64_t inst, unit = 0, cursor = 0;
  int limit;
  if (api_limit(req, &limit) != 0 || api_list_instansi(req, &inst) != 0 || api_query_id(req, "unit_kerja_id", &unit) != 0) return 0;
  const struct principal *w = &req->who;
  int64_t root = 0;
  if (!rbac_reads_instansi(w)) {
    if (!w->pegawai_id) return reply_forbidden(req);
    root = w->pegawai_id;
  }
  if (!inst && !root) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  const char *c = http_query(req, "cursor");
  if (c && parse_int64(c, 1, INT64_MAX, &cursor) != 0) { verr_add(req, "cursor", "cursor tidak valid"); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  char today[11], senin[11];
  instansi_hari_ini(db, inst ? inst : w->instansi_id, today);
  int wd = hari_minggu(today);
  date_add_days(today, -((wd + 6) % 7), senin);
  const char *dari = http_query(req, "dari"), *sampai = http_query(req, "sampai");
  if (dari && !date_valid(dari)) verr_add(req, "dari", "harus tanggal YYYY-MM-DD");
  if (sampai && !date_valid(sampai)) verr_add(req, "sampai", "harus tanggal YYYY-MM-DD");
  if (verr_any(req)) return reply_verr(req, 422);
  if (!dari) dari = senin;
  if (!sampai) sampai = today;
  if (strcmp(dari, sampai) > 0) { verr_add(req, "sampai", "tanggal sampai harus sama dengan atau setelah tanggal dari"); return reply_verr(req, 422); }
  struct db_stmt *st = db_prepare(db,
    "SELECT p.id, p.nip, p.nama, COALESCE(u.nama, ''),"
    "       (SELECT COUNT(*) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?3 AND ?4),"
    "       (SELECT COALESCE(SUM(a.menit), 0) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?3 AND ?4),"
    "       (SELECT COUNT(DISTINCT a.tanggal) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?3 AND ?4),"
    "       (SELECT COUNT(*) FROM aktivitas a WHERE a.penilai_id = p.id AND a.dihapus = 0 AND a.status = 'diajukan')"
    "  FROM pegawai p LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"
    " WHERE p.aktif = 1 AND (?1 = 0 OR p.instansi_id = ?1) AND (?5 = 0 OR p.unit_kerja_id = ?5)"
    "   AND (?2 = 0 OR p.id = ?2 OR p.id IN (WITH RECURSIVE turun(id, d) AS (SELECT id, 0 FROM pegawai WHERE atasan_id = ?2"
    "          UNION ALL SELECT c.id, t.d + 1 FROM pegawai c JOIN turun t ON c.atasan_id = t.id WHERE t.d < 32) SELECT id FROM turun))"
    "   AND p.id > ?6 ORDER BY p.id LIMIT ?7");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, root);
  db_bind_text(st, 3, dari);
  db_bind_text(st, 4, sampai);
  db_bind_int64(st, 5, unit);
  db_bind_int64(st, 6, cursor);
  db_bind_int64(st, 7, limit + 1);
  json_t *items = json_array();
  int n = 0;
  int64_t last = 0;
  bool more = false;
  while (db_step(st) == DB_ROW) {
    if (n == limit) { more = true; break; }
    last = db_col_int64(st, 0);
    json_array_append_new(items, json_pack("{s:{s:I,s:s,s:s,s:s},s:I,s:I,s:I,s:I}",
      "pegawai", "id", (json_int_t)last, "nip", db_col_text(st, 1), "nama", db_col_text(st, 2), "unit_kerja", db_col_text(st, 3),
      "aktivitas", (json_int_t)db_col_int64(st, 4), "menit", (json_int_t)db_col_int64(st, 5),
      "hari_tercatat", (json_int_t)db_col_int64(st, 6), "menunggu_review", (json_int_t)db_col_int64(st, 7)));
    n++;
  }
  db_done(st);
  char cur[32];
  snprintf(cur, sizeof cur, "%lld", (long long)last);
  return reply_json(req, 200, json_pack("{s:o,s:s,s:s,s:i,s:o}", "items", items, "dari", dari, "sampai", sampai, "limit", limit,
                                        "next_cursor", more ? json_string(cur) : json_null()));
}
