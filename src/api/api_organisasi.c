/* api_organisasi.c: /api/v1/sasaran-strategis, /iku, /pk, /rhk/{id}/pk, /pegawai/{id}/jejak-iku
 * and the capaian routes (issue 15).  Reading: every user of the instansi reads its Renstra, IKU
 * and PK (they are published documents); the tree hides the RHK nodes that do not concern a
 * pegawai.  Writing targets and realisasi: admin and pimpinan of the instansi (route
 * capability LAPOR).  Domain: src/organisasi*.c. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "api/api_organisasi.h"
#include "auth/rbac.h"
#include "db/db.h"
#include "organisasi.h"
#include "util/util.h"

/* The instansi a writer works on: own; superadmin 0 (= any, the row decides). */
static int64_t instansi_tulis(struct request *req)
{
  return (req->who.peran & PERAN_SUPERADMIN) ? 0 : req->who.instansi_id;
}

static int tahun_ini(void)
{
  char t[11];
  date_today(7, t);
  return (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
}

/* ?tahun= (default this year); -1 when replied. */
static int tahun_query(struct request *req, bool wajib_ada_default, int *out)
{
  const char *t = http_query(req, "tahun");
  int64_t v = wajib_ada_default ? tahun_ini() : 0;
  if (t && *t && parse_int64(t, 2000, 2100, &v) != 0) { verr_add(req, "tahun", "harus tahun 2000-2100"); reply_verr(req, 422); return -1; }
  *out = (int)v;
  return 0;
}

/* Ends the transaction and answers. */
static int jawab(struct request *req, struct db *db, int rc, int status, struct org_hasil *h, const char *apa)
{
  if (api_end(req, db, rc) != 0) {
    json_decref(h->hasil);
    if (req->status) return 0;
    if (rc == 1) return reply_verr(req, 422);
    if (rc == 2) return reply_not_found(req, apa);
    if (rc == 3) return reply_problem(req, h->http ? h->http : 409, h->http == 403 ? "Tidak diizinkan" : "Tidak dapat diproses", h->pesan);
    return reply_db_error(req);
  }
  return h->hasil ? reply_json(req, status, h->hasil) : reply_no_content(req);
}

typedef int (*tulis_fn)(struct db *, int64_t, json_t *, const struct audit_actor *, json_t **, struct org_hasil *);
typedef int (*ubah_fn)(struct db *, int64_t, int64_t, json_t *, const struct audit_actor *, json_t **, struct org_hasil *);
typedef int (*hapus_fn)(struct db *, int64_t, int64_t, const struct audit_actor *, struct org_hasil *);

static int buat(struct request *req, tulis_fn fn, bool instansi_di_body, const char *apa)
{
  int64_t inst = instansi_tulis(req);
  if (instansi_di_body && api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  struct org_hasil h = {0};
  int rc = fn(db, inst, req->json, &who, &req->verr, &h);
  return jawab(req, db, rc, 201, &h, apa);
}

static int ubah(struct request *req, ubah_fn fn, const char *apa)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  struct org_hasil h = {0};
  int rc = fn(db, instansi_tulis(req), id, req->json, &who, &req->verr, &h);
  return jawab(req, db, rc, 200, &h, apa);
}

static int hapus(struct request *req, hapus_fn fn, const char *apa)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  struct org_hasil h = {0};
  int rc = fn(db, instansi_tulis(req), id, &who, &h);
  return jawab(req, db, rc, 204, &h, apa);
}

int api_org_sasaran_daftar(struct request *req)
{
  int64_t inst, unit = 0;
  int tahun;
  if (api_list_instansi(req, &inst) != 0 || tahun_query(req, false, &tahun) != 0) return 0;
  const char *u = http_query(req, "unit_kerja_id");
  if (u && !strcmp(u, "instansi")) unit = -1;
  else if (api_query_id(req, "unit_kerja_id", &unit) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = org_sasaran_daftar(db, inst, tahun, unit);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_org_sasaran_buat(struct request *req) { return buat(req, org_sasaran_buat, true, "Sasaran strategis"); }
int api_org_sasaran_ubah(struct request *req) { return ubah(req, org_sasaran_ubah, "Sasaran strategis"); }
int api_org_sasaran_hapus(struct request *req) { return hapus(req, org_sasaran_hapus, "Sasaran strategis"); }
int api_org_iku_buat(struct request *req) { return buat(req, org_iku_buat, false, "IKU"); }
int api_org_iku_ubah(struct request *req) { return ubah(req, org_iku_ubah, "IKU"); }
int api_org_iku_hapus(struct request *req) { return hapus(req, org_iku_hapus, "IKU"); }
int api_org_pk_buat(struct request *req) { return buat(req, org_pk_buat, false, "Indikator PK"); }
int api_org_pk_ubah(struct request *req) { return ubah(req, org_pk_ubah, "Indikator PK"); }
int api_org_pk_hapus(struct request *req) { return hapus(req, org_pk_hapus, "Indikator PK"); }

int api_org_iku_get(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  json_t *j = org_iku_json(db, id, &inst);
  if (!j) return reply_not_found(req, "IKU");
  if (!rbac_instansi_read(&req->who, inst)) { json_decref(j); return reply_forbidden(req); }
  return reply_json(req, 200, j);
}

int api_org_iku_pohon(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  int tahun;
  if (!id || tahun_query(req, true, &tahun) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  int s = db_query_int64(db, "SELECT instansi_id FROM iku WHERE id = ?1", 1, id, &inst);
  if (s == DB_DONE) return reply_not_found(req, "IKU");
  if (s != DB_ROW) return reply_db_error(req);
  if (!rbac_instansi_read(&req->who, inst)) return reply_forbidden(req);
  json_t *j = org_pohon_iku(db, id, tahun, &req->who);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_org_pk_daftar(struct request *req)
{
  int64_t inst, unit = 0;
  int tahun;
  if (api_list_instansi(req, &inst) != 0 || tahun_query(req, true, &tahun) != 0 || api_query_id(req, "unit_kerja_id", &unit) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t ui = 0;
  if (unit && api_unit_instansi(req, db, unit, &ui)) return 0;
  json_t *j = org_pk_daftar(db, inst, tahun, unit);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_org_rhk_pk(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  /* who may: the SKP's pegawai, or an admin of its instansi */
  int64_t pemilik = 0, inst = 0;
  struct db_stmt *st = db_prepare(db, "SELECT s.pegawai_id, s.instansi_id FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE r.id = ?1");
  if (!st) { api_end(req, db, -1); return req->status ? 0 : reply_db_error(req); }
  db_bind_int64(st, 1, id);
  bool ada = db_step(st) == DB_ROW;
  if (ada) { pemilik = db_col_int64(st, 0); inst = db_col_int64(st, 1); }
  db_done(st);
  struct org_hasil h = {0};
  if (!ada) return jawab(req, db, 2, 200, &h, "RHK");
  bool boleh = (req->who.pegawai_id && req->who.pegawai_id == pemilik) || rbac_instansi_admin(&req->who, inst);
  if (!boleh) {
    h.http = 403;
    h.pesan = "Hanya pemilik SKP atau admin instansi yang dapat menautkan RHK ke Perjanjian Kinerja.";
    return jawab(req, db, 3, 200, &h, "RHK");
  }
  struct audit_actor who;
  http_actor(req, &who);
  int rc = org_rhk_tautkan(db, id, req->json, &who, &req->verr, &h);
  return jawab(req, db, rc, 200, &h, "RHK");
}

int api_org_jejak(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  int tahun;
  if (!id || tahun_query(req, true, &tahun) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  if (api_pegawai_boleh(req, db, id, ACCESS_READ, NULL)) return 0;
  json_t *j = org_jejak_pegawai(db, id, tahun);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_org_impor(struct request *req)
{
  int64_t inst;
  if (!(req->who.peran & PERAN_SUPERADMIN)) inst = req->who.instansi_id;
  else if (api_query_id(req, "instansi_id", &inst) != 0) return 0;
  if (!inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  if (req->body.len == 0) return reply_problem(req, 400, "Berkas kosong", "Kirim isi berkas CSV sebagai badan permintaan.");
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  struct org_hasil h = {0};
  int rc = org_impor_csv(db, inst, req->body.data, req->body.len, &who, &req->verr, &h);
  return jawab(req, db, rc, 200, &h, "Instansi");
}

/* ---- capaian kinerja organisasi (part 2) ---- */

/* Answers a writer with rc 4 (field errors on a closed period): 409 with the fields. */
static int jawab_periode(struct request *req, struct db *db, int rc, struct org_hasil *h, const char *apa)
{
  if (rc != 4) return jawab(req, db, rc, 200, h, apa);
  api_end(req, db, rc);
  json_decref(h->hasil);
  return req->status ? 0 : reply_verr(req, 409);
}

static int realisasi(struct request *req, const char *jenis)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  const char *ps = route_param(&req->match, "periode");
  int periode = 0;
  if (ps && !strcmp(ps, "tahunan")) periode = 5;
  else if (ps && strlen(ps) == 1 && ps[0] >= '1' && ps[0] <= '4') periode = ps[0] - '0';
  if (!periode) { verr_add(req, "periode", "harus 1-4 (triwulan I-IV) atau tahunan"); return reply_verr(req, 422); }
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  struct org_hasil h = {0};
  int rc = org_realisasi_simpan(db, instansi_tulis(req), jenis, id, periode, req->json, &who, req->who.pengguna_id, &req->verr, &h);
  return jawab_periode(req, db, rc, &h, !strcmp(jenis, "pk") ? "Indikator PK" : "IKU");
}

int api_org_realisasi_pk(struct request *req) { return realisasi(req, "pk"); }
int api_org_realisasi_iku(struct request *req) { return realisasi(req, "iku"); }

int api_org_capaian(struct request *req)
{
  int64_t inst, unit = 0;
  int tahun;
  if (api_list_instansi(req, &inst) != 0 || tahun_query(req, true, &tahun) != 0 || api_query_id(req, "unit_kerja_id", &unit) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  if (unit && api_unit_instansi(req, db, unit, &inst)) return 0;
  if (!inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id= atau ?unit_kerja_id="); return reply_verr(req, 422); }
  json_t *j = org_capaian(db, inst, tahun, unit);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_org_konfirmasi(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct org_hasil h = {0};
  int64_t inst = 0;
  int s = db_query_int64(db, "SELECT instansi_id FROM unit_kerja WHERE id = ?1", 1, id, &inst);
  int rc = s == DB_DONE ? 2 : s != DB_ROW ? -1 : 0;
  if (rc == 0 && !rbac_instansi_read(&req->who, inst)) { h.http = 403; h.pesan = "Unit kerja ini milik instansi lain."; rc = 3; }
  if (rc != 0) return jawab(req, db, rc, 200, &h, "Unit kerja");
  struct audit_actor who;
  http_actor(req, &who);
  rc = org_predikat_konfirmasi(db, id, req->json, &who, req->who.pengguna_id, &req->verr, &h);
  return jawab(req, db, rc, 200, &h, "Unit kerja");
}

/* The instansi of an instansi-wide setting: own; superadmin names ?instansi_id= or in the body. */
static int instansi_setelan(struct request *req, int64_t *inst)
{
  if (!(req->who.peran & PERAN_SUPERADMIN)) { *inst = req->who.instansi_id; return 0; }
  json_t *v = req->json ? json_object_get(req->json, "instansi_id") : NULL;
  if (v && json_is_integer(v)) { *inst = json_integer_value(v); json_object_del(req->json, "instansi_id"); return 0; }
  if (api_query_id(req, "instansi_id", inst) != 0) return -1;
  if (!*inst) { verr_add(req, "instansi_id", "superadmin harus menyebut instansi_id"); reply_verr(req, 422); return -1; }
  return 0;
}

int api_org_periode(struct request *req)
{
  int64_t inst;
  if (instansi_setelan(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  struct org_hasil h = {0};
  int rc = org_periode_tutup(db, inst, req->json, &who, req->who.pengguna_id, &req->verr, &h);
  return jawab(req, db, rc, 200, &h, "Instansi");
}

int api_org_ambang_get(struct request *req)
{
  int64_t inst;
  if (instansi_setelan(req, &inst) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = org_ambang_json(db, inst);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_org_ambang_ubah(struct request *req)
{
  int64_t inst;
  if (instansi_setelan(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  struct org_hasil h = {0};
  int rc = org_ambang_ubah(db, inst, req->json, &who, &req->verr, &h);
  return jawab(req, db, rc, 200, &h, "Instansi");
}
