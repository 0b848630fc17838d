/* api_realisasi.c: realisasi per IKI per month and its review, and feedback threads (issue 5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "auth/rbac.h"
#include "realisasi.h"
#include "skp.h"
#include "util/util.h"

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

static int load_readable(struct request *req, struct db *db, int64_t skp_id, struct skp_head *h)
{
  int rc = skp_head_load(db, skp_id, h);
  if (rc != 0) { rc < 0 ? reply_db_error(req) : reply_not_found(req, "SKP"); return 1; }
  rc = skp_can_read(db, h, &req->who);
  if (rc != 0) { rc < 0 ? reply_db_error(req) : reply_forbidden(req); return 1; }
  return 0;
}

static int bulan_param(struct request *req, const char *v, int *bulan)
{
  int64_t b = 0;
  if (!v || parse_int64(v, 1, 12, &b) != 0) { verr_add(req, "bulan", "harus bulan 1-12"); reply_verr(req, 422); return 1; }
  *bulan = (int)b;
  return 0;
}

int api_realisasi_bulan(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  int bulan;
  const char *b = http_query(req, "bulan");
  char today[11];
  date_today(7, today);
  char m[3] = {today[5], today[6], 0};
  if (bulan_param(req, b ? b : m, &bulan)) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct skp_head h;
  if (load_readable(req, db, id, &h)) return 0;
  json_t *j = realisasi_bulan(db, &h, bulan);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

/* The owner writes while the period is open. */
static int owner_write(struct request *req, const struct skp_head *h)
{
  if (skp_pelaku_of(h, &req->who) != PELAKU_PEGAWAI) { reply_problem(req, 403, "Tidak diizinkan", "realisasi diisi oleh pegawai pemilik SKP"); return 1; }
  if (!h->periode_terbuka) { reply_problem(req, 409, "Tidak dapat diproses", "periode penilaian sudah ditutup"); return 1; }
  return 0;
}

int api_realisasi_simpan(struct request *req)
{
  int64_t iki = http_param_id(req, "id");
  if (!iki) return 0;
  int bulan;
  if (bulan_param(req, route_param(&req->match, "bulan"), &bulan)) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t skp_id = 0;
  int rc = iki_skp(db, iki, &skp_id);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_not_found(req, "IKI"); }
  struct skp_head h;
  if (load_readable(req, db, skp_id, &h) || owner_write(req, &h)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  rc = realisasi_simpan(db, &h, iki, bulan, req->json, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "IKI")) return 0;
  json_t *j = realisasi_bulan(db, &h, bulan);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_realisasi_ajukan(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  int bulan;
  if (bulan_param(req, route_param(&req->match, "bulan"), &bulan)) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct skp_head h;
  if (load_readable(req, db, id, &h) || owner_write(req, &h)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int rc = realisasi_ajukan(db, &h, bulan, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "SKP")) return 0;
  json_t *j = realisasi_bulan(db, &h, bulan);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_realisasi_list(struct request *req)
{
  int limit;
  int64_t skp_id = 0;
  if (api_limit(req, &limit) != 0 || api_query_id(req, "skp_id", &skp_id) != 0) return 0;
  const char *pen = http_query(req, "penilai"), *status = http_query(req, "status");
  if (status && strcmp(status, "draft") && strcmp(status, "diajukan") && strcmp(status, "disetujui") && strcmp(status, "dikembalikan")) {
    verr_add(req, "status", "harus draft, diajukan, disetujui atau dikembalikan");
    return reply_verr(req, 422);
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t penilai = 0;
  if (pen && !strcmp(pen, "saya")) {
    if (!req->who.pegawai_id) { verr_add(req, "penilai", "akun ini tidak terhubung dengan pegawai"); return reply_verr(req, 422); }
    penilai = req->who.pegawai_id;
  } else if (pen) {
    verr_add(req, "penilai", "hanya penilai=saya");
    return reply_verr(req, 422);
  } else if (skp_id) {
    struct skp_head h;
    if (load_readable(req, db, skp_id, &h)) return 0;
  } else {
    verr_add(req, "skp_id", "sebutkan ?skp_id= atau ?penilai=saya");
    return reply_verr(req, 422);
  }
  json_t *j = realisasi_list(db, penilai, skp_id, status, limit);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

static int review(struct request *req, bool setujui)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  const char *k;
  json_t *v;
  json_object_foreach(req->json, k, v)
    if (strcmp(k, "catatan")) verr_add(req, k, "kolom tidak dikenal");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t skp_id = 0;
  int rc = realisasi_skp(db, id, &skp_id);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_not_found(req, "Realisasi"); }
  struct skp_head h;
  if (load_readable(req, db, skp_id, &h)) { db_rollback(db); return 0; }
  if (!h.periode_terbuka) { db_rollback(db); return reply_problem(req, 409, "Tidak dapat diproses", "periode penilaian sudah ditutup"); }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  rc = realisasi_review(db, id, req->who.pegawai_id, setujui, json_string_value(json_object_get(req->json, "catatan")),
                        &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "Realisasi")) return 0;
  json_t *j = realisasi_list(db, 0, skp_id, NULL, 200);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_realisasi_setujui(struct request *req) { return review(req, true); }
int api_realisasi_kembalikan(struct request *req) { return review(req, false); }

/* ---- umpan balik ---- */

/* Who may take part in a thread: the owner, the penilai and the atasan chain above the owner. */
static int peserta(struct request *req, struct db *db, const struct skp_head *h)
{
  if (skp_pelaku_of(h, &req->who) != PELAKU_LAIN) return 0;
  if (req->who.pegawai_id) {
    int r = rbac_in_subtree(db, req->who.pegawai_id, h->pegawai_id);
    if (r < 0) { reply_db_error(req); return 1; }
    if (r > 0) return 0;
  }
  reply_problem(req, 403, "Tidak diizinkan", "umpan balik hanya antara pegawai, pejabat penilai dan atasan di atasnya");
  return 1;
}

static int thread_skp(struct request *req, struct db *db, const char *entitas, int64_t eid, struct skp_head *h)
{
  int64_t skp_id = 0;
  if (!entitas || (strcmp(entitas, "skp") && strcmp(entitas, "rhk") && strcmp(entitas, "realisasi") && strcmp(entitas, "aktivitas"))) {
    verr_add(req, "entitas", "harus skp, rhk, realisasi atau aktivitas");
    reply_verr(req, 422);
    return 1;
  }
  int rc = umpan_balik_skp(db, entitas, eid, &skp_id);
  if (rc != 0) { rc < 0 ? reply_db_error(req) : reply_not_found(req, "Data"); return 1; }
  return load_readable(req, db, skp_id, h);
}

int api_umpan_balik_list(struct request *req)
{
  int64_t eid = 0;
  if (api_query_id(req, "entitas_id", &eid) != 0) return 0;
  const char *entitas = http_query(req, "entitas");
  struct db *db = http_db(req);
  if (!db) return 0;
  struct skp_head h;
  if (thread_skp(req, db, entitas, eid, &h)) return 0;
  json_t *j = umpan_balik_list(db, entitas, eid);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_umpan_balik_create(struct request *req)
{
  const char *entitas = json_string_value(json_object_get(req->json, "entitas"));
  json_t *e = json_object_get(req->json, "entitas_id");
  if (!json_is_integer(e) || json_integer_value(e) < 1) { verr_add(req, "entitas_id", "wajib: id data yang dibahas"); return reply_verr(req, 422); }
  if (!req->who.pegawai_id) { verr_add(req, "penulis", "akun ini tidak terhubung dengan pegawai"); return reply_verr(req, 422); }
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct skp_head h;
  if (thread_skp(req, db, entitas, json_integer_value(e), &h) || peserta(req, db, &h)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int64_t id = 0;
  int rc = umpan_balik_tambah(db, &h, req->who.pegawai_id, req->json, &a, &req->verr, &id);
  if (finish(req, db, rc, 0, NULL, "Data")) return 0;
  json_t *j = umpan_balik_list(db, entitas, json_integer_value(e));
  if (j) json_object_set_new(j, "id", json_integer(id));
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}
