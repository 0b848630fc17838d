/* api_skp.c: /api/v1/periode, /skp, /rhk, templates and the SKP status report (issue 4).
 * Thin: parse, check who may act (rbac + the workflow rules), call skp*.c, reply. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "auth/rbac.h"
#include "org.h"
#include "skp.h"
#include "skp_doc.h"
#include "skp_dokumen.h"
#include "util/errs.h"
#include "util/util.h"

/* Replies for a domain result (see skp.h); returns 0 when the caller goes on (rc == 0). */
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

/* Loads the SKP named by the path parameter and checks the caller may read it. */
static int load_skp(struct request *req, struct db *db, int64_t id, struct skp_head *h)
{
  int rc = skp_head_load(db, id, h);
  if (rc < 0) { reply_db_error(req); return 1; }
  if (rc == 1) { reply_not_found(req, "SKP"); return 1; }
  rc = skp_can_read(db, h, &req->who);
  if (rc < 0) { reply_db_error(req); return 1; }
  if (rc == 1) { reply_forbidden(req); return 1; }
  return 0;
}

/* The workflow check for `aksi` by the caller; replies and returns 1 when refused. */
static int allowed(struct request *req, const struct skp_head *h, enum skp_aksi aksi)
{
  struct skp_alur_hasil r = skp_alur(h->status, aksi, skp_pelaku_of(h, &req->who), h->periode_terbuka);
  if (r.ok) return 0;
  reply_problem(req, r.http, r.http == 403 ? "Tidak diizinkan" : "Tidak dapat diproses", r.pesan);
  return 1;
}

static int reply_skp(struct request *req, struct db *db, int64_t id, int status)
{
  json_t *j = skp_json(db, id, &req->who);
  return j ? reply_json(req, status, j) : reply_db_error(req);
}

static int year_now(void)
{
  char t[11];
  date_today(7, t);
  return (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
}

/* ---- periode ---- */

int api_periode_list(struct request *req)
{
  int64_t inst;
  if (api_list_instansi(req, &inst) != 0) return 0;
  if (!inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = periode_list(db, inst);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_periode_create(struct request *req)
{
  int64_t inst, id = 0;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int rc = periode_save(db, inst, 0, req->json, &a, &req->verr, &id);
  if (finish(req, db, rc, 0, NULL, "Periode")) return 0;
  json_t *j = periode_json(db, id, NULL);
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}

int api_periode_update(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = 0;
  json_t *cur = periode_json(db, id, &inst);
  if (!cur) { db_rollback(db); return reply_not_found(req, "Periode"); }
  json_decref(cur);
  if (!rbac_instansi_admin(&req->who, inst)) { db_rollback(db); return reply_forbidden(req); }
  struct audit_actor a;
  http_actor(req, &a);
  int rc = periode_save(db, inst, id, req->json, &a, &req->verr, NULL);
  if (finish(req, db, rc, 0, NULL, "Periode")) return 0;
  json_t *j = periode_json(db, id, NULL);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

/* ---- SKP ---- */

int api_skp_list(struct request *req)
{
  struct skp_query q = {0};
  const struct principal *w = &req->who;
  if (api_limit(req, &q.limit) != 0 || api_list_instansi(req, &q.instansi_id) != 0 ||
      api_query_id(req, "pegawai_id", &q.pegawai_id) != 0)
    return 0;
  const char *pen = http_query(req, "penilai");
  if (pen && strcmp(pen, "saya") == 0) {
    if (!w->pegawai_id) { verr_add(req, "penilai", "akun ini tidak terhubung dengan pegawai"); return reply_verr(req, 422); }
    q.penilai_id = w->pegawai_id;
  } else if (pen) {
    verr_add(req, "penilai", "hanya penilai=saya");
    return reply_verr(req, 422);
  }
  const char *t = http_query(req, "tahun");
  int64_t tahun = 0;
  if (t && parse_int64(t, 2000, 2100, &tahun) != 0) { verr_add(req, "tahun", "harus tahun 2000-2100"); return reply_verr(req, 422); }
  q.tahun = (int)tahun;
  const char *c = http_query(req, "cursor");
  if (c && parse_int64(c, 1, INT64_MAX, &q.cursor) != 0) { verr_add(req, "cursor", "cursor tidak valid"); return reply_verr(req, 422); }
  q.status = http_query(req, "status");
  if (!rbac_reads_instansi(w)) {
    if (!w->pegawai_id) return reply_forbidden(req);
    q.scope_root = w->pegawai_id;
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  const char *bad = NULL;
  json_t *j = skp_list(db, &q, &bad);
  if (!j && bad) { verr_add(req, bad, "harus draft, diajukan, disetujui atau dikembalikan"); return reply_verr(req, 422); }
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_skp_create(struct request *req)
{
  static const char *const allowed_f[] = {"tahun", "pendekatan", "salin_dari", "pegawai_id", NULL};
  jbody_only(req, allowed_f);
  int64_t tahun = year_now(), salin = 0, pid = req->who.pegawai_id;
  const char *pendekatan = NULL;
  jbody_int(req, "tahun", false, 2000, 2100, &tahun);
  jbody_int(req, "salin_dari", false, 1, INT64_MAX, &salin);
  jbody_int(req, "pegawai_id", false, 1, INT64_MAX, &pid);
  jbody_string(req, "pendekatan", false, 20, &pendekatan);
  if (!pid) verr_add(req, "pegawai_id", "akun ini tidak terhubung dengan pegawai; sebutkan pegawai_id");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  if (pid != req->who.pegawai_id) {
    /* on behalf of someone else: admin kepegawaian only */
    if (api_pegawai_boleh(req, db, pid, ACCESS_ADMIN, NULL)) { db_rollback(db); return 0; }
  }
  struct audit_actor actor;
  http_actor(req, &actor);
  struct skp_create_opts o = {.pegawai_id = pid, .tahun = (int)tahun, .pendekatan = pendekatan, .salin_dari = salin};
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  int rc = skp_create(db, &o, &actor, &req->verr, &http, &pesan, &id);
  if (finish(req, db, rc, http, pesan, "Pegawai")) return 0;
  char loc[64];
  snprintf(loc, sizeof loc, "/api/v1/skp/%lld", (long long)id);
  reply_header(req, "Location", loc);
  return reply_skp(req, db, id, 201);
}

int api_skp_get(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct skp_head h;
  if (load_skp(req, db, id, &h)) return 0;
  return reply_skp(req, db, id, 200);
}

/* Runs one write on an SKP: load, read check, workflow check, the write, reply the SKP. */
typedef int (*skp_write_fn)(struct request *req, struct db *db, const struct skp_head *h, int *http, const char **pesan);

static int skp_write(struct request *req, int64_t skp_id, enum skp_aksi aksi, skp_write_fn fn, int status)
{
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct skp_head h;
  if (load_skp(req, db, skp_id, &h) || allowed(req, &h, aksi)) { db_rollback(db); return 0; }
  int http = 0;
  const char *pesan = NULL;
  int rc = fn(req, db, &h, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "RHK")) return 0;
  if (req->status) return 0;  /* fn replied itself */
  return reply_skp(req, db, skp_id, status);
}

static int do_update(struct request *req, struct db *db, const struct skp_head *h, int *http, const char **pesan)
{
  struct audit_actor a;
  http_actor(req, &a);
  return skp_update(db, h, req->json, &a, &req->verr);
}

int api_skp_update(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  return id ? skp_write(req, id, AKSI_UBAH, do_update, 200) : 0;
}

static int do_rhk_add(struct request *req, struct db *db, const struct skp_head *h, int *http, const char **pesan)
{
  struct audit_actor a;
  http_actor(req, &a);
  int64_t rid = 0;
  return skp_rhk_add(db, h, req->json, &a, &req->verr, http, pesan, &rid);
}

int api_skp_rhk_add(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  return id ? skp_write(req, id, AKSI_UBAH, do_rhk_add, 201) : 0;
}

static int do_rhk_update(struct request *req, struct db *db, const struct skp_head *h, int *http, const char **pesan)
{
  struct audit_actor a;
  http_actor(req, &a);
  return skp_rhk_update(db, h, http_param_id(req, "id"), req->json, &a, &req->verr, http, pesan);
}

static int do_rhk_delete(struct request *req, struct db *db, const struct skp_head *h, int *http, const char **pesan)
{
  struct audit_actor a;
  http_actor(req, &a);
  return skp_rhk_delete(db, h, http_param_id(req, "id"), &a, http, pesan);
}

/* The SKP of an RHK id in the path; 0 when replied. */
static int64_t skp_of_rhk_param(struct request *req)
{
  int64_t rid = http_param_id(req, "id");
  if (!rid) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t skp_id = 0;
  int rc = rhk_skp_of(db, rid, &skp_id);
  if (rc < 0) { reply_db_error(req); return 0; }
  if (rc == 1) { reply_not_found(req, "RHK"); return 0; }
  return skp_id;
}

int api_rhk_update(struct request *req)
{
  int64_t skp_id = skp_of_rhk_param(req);
  return skp_id ? skp_write(req, skp_id, AKSI_UBAH, do_rhk_update, 200) : 0;
}

int api_rhk_delete(struct request *req)
{
  int64_t skp_id = skp_of_rhk_param(req);
  return skp_id ? skp_write(req, skp_id, AKSI_UBAH, do_rhk_delete, 200) : 0;
}

static int do_perilaku(struct request *req, struct db *db, const struct skp_head *h, int *http, const char **pesan)
{
  struct audit_actor a;
  http_actor(req, &a);
  return skp_perilaku_set(db, h, req->json, &a, &req->verr);
}

int api_skp_perilaku(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  return id ? skp_write(req, id, AKSI_EKSPEKTASI, do_perilaku, 200) : 0;
}

static int transisi(struct request *req, enum skp_aksi aksi)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct skp_head h;
  if (load_skp(req, db, id, &h) || allowed(req, &h, aksi)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int rc = skp_transisi(db, &h, aksi, req->json, &a, &req->verr);
  if (finish(req, db, rc, 0, NULL, "SKP")) return 0;
  return reply_skp(req, db, id, 200);
}

int api_skp_ajukan(struct request *req) { return transisi(req, AKSI_AJUKAN); }
int api_skp_tarik(struct request *req) { return transisi(req, AKSI_TARIK); }
int api_skp_setujui(struct request *req) { return transisi(req, AKSI_SETUJUI); }
int api_skp_kembalikan(struct request *req) { return transisi(req, AKSI_KEMBALIKAN); }
int api_skp_revisi(struct request *req) { return transisi(req, AKSI_REVISI); }

/* Read-only views of one SKP. */
typedef json_t *(*skp_view_fn)(struct db *db, const struct skp_head *h);

static int view(struct request *req, skp_view_fn fn)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct skp_head h;
  if (load_skp(req, db, id, &h)) return 0;
  json_t *j = fn(db, &h);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

static json_t *v_revisi(struct db *db, const struct skp_head *h) { return skp_revisi_list(db, h->id); }
static json_t *v_diff(struct db *db, const struct skp_head *h) { return skp_diff(db, h->id); }

int api_skp_revisi_list(struct request *req) { return view(req, v_revisi); }
int api_skp_diff(struct request *req) { return view(req, v_diff); }
int api_skp_rhk_atasan(struct request *req) { return view(req, skp_rhk_atasan); }
int api_skp_matriks(struct request *req) { return view(req, skp_matriks); }

int api_skp_penilai(struct request *req)
{
  static const char *const allowed_f[] = {"penilai_id", NULL};
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  int64_t penilai = 0;
  jbody_only(req, allowed_f);
  jbody_int(req, "penilai_id", true, 1, INT64_MAX, &penilai);
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct skp_head h;
  if (load_skp(req, db, id, &h)) { db_rollback(db); return 0; }
  enum access_result a = rbac_pegawai(db, &req->who, h.pegawai_id, ACCESS_ADMIN, NULL);
  if (a != ACCESS_OK) { db_rollback(db); return a == ACCESS_ERROR ? reply_db_error(req) : reply_forbidden(req); }
  if (!h.periode_terbuka) { db_rollback(db); return reply_problem(req, 409, "Tidak dapat diproses", "periode penilaian sudah ditutup"); }
  struct audit_actor actor;
  http_actor(req, &actor);
  int rc = skp_set_penilai(db, &h, penilai, &actor, &req->verr);
  if (finish(req, db, rc, 0, NULL, "SKP")) return 0;
  return reply_skp(req, db, id, 200);
}

static int dokumen(struct request *req, bool pdf)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct skp_head h;
  if (load_skp(req, db, id, &h)) return 0;
  struct skp_doc d;
  struct skp_doc_buf b;
  if (skp_doc_load(db, id, &d, &b) != 0) return reply_db_error(req);
  unsigned char *out = NULL;
  size_t len = 0;
  char err[256] = "";
  int rc = pdf ? skp_pdf_render(&d, &out, &len, err, sizeof err) : skp_xlsx_render(&d, &out, &len, err, sizeof err);
  char name[96], disp[160];
  skp_doc_filename(&d, pdf ? "pdf" : "xlsx", name, sizeof name);
  skp_doc_buf_free(&b);
  if (rc != 0) return reply_problem(req, 503, "Dokumen gagal dibuat", err[0] ? err : "Dokumen SKP tidak dapat disusun.");
  snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", name);
  reply_header(req, "Content-Disposition", disp);
  return reply_raw(req, 200, pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   (char *)out, len);
}

int api_skp_pdf(struct request *req) { return dokumen(req, true); }
int api_skp_xlsx(struct request *req) { return dokumen(req, false); }

int api_rhk_tugaskan(struct request *req)
{
  int64_t rid = http_param_id(req, "id");
  if (!rid) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t skp_id = 0;
  int rc = rhk_skp_of(db, rid, &skp_id);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_not_found(req, "RHK"); }
  struct skp_head h;
  if (load_skp(req, db, skp_id, &h)) { db_rollback(db); return 0; }
  if (skp_pelaku_of(&h, &req->who) != PELAKU_PEGAWAI) {
    db_rollback(db);
    return reply_problem(req, 403, "Tidak diizinkan", "hanya pemilik RHK (atasan) yang dapat menurunkannya kepada bawahan");
  }
  if (!h.periode_terbuka) { db_rollback(db); return reply_problem(req, 409, "Tidak dapat diproses", "periode penilaian sudah ditutup"); }
  struct audit_actor a;
  http_actor(req, &a);
  json_t *result = NULL;
  rc = skp_tugaskan(db, &h, rid, req->json, &a, &req->verr, &result);
  if (finish(req, db, rc, 0, NULL, "RHK")) { json_decref(result); return 0; }
  return reply_json(req, 200, result);
}

int api_skp_status(struct request *req)
{
  struct skp_status_query q = {0};
  if (api_limit(req, &q.limit) != 0 || api_list_instansi(req, &q.instansi_id) != 0 ||
      api_query_id(req, "unit_kerja_id", &q.unit_kerja_id) != 0)
    return 0;
  if (!q.instansi_id) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  const char *t = http_query(req, "tahun");
  int64_t tahun = year_now();
  if (t && parse_int64(t, 2000, 2100, &tahun) != 0) { verr_add(req, "tahun", "harus tahun 2000-2100"); return reply_verr(req, 422); }
  q.tahun = (int)tahun;
  const char *c = http_query(req, "cursor");
  if (c && parse_int64(c, 1, INT64_MAX, &q.cursor) != 0) { verr_add(req, "cursor", "cursor tidak valid"); return reply_verr(req, 422); }
  q.status = http_query(req, "status");
  struct db *db = http_db(req);
  if (!db) return 0;
  const char *bad = NULL;
  json_t *j = skp_status_laporan(db, &q, &bad);
  if (!j && bad) { verr_add(req, bad, "harus belum, draft, diajukan, disetujui atau dikembalikan"); return reply_verr(req, 422); }
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

/* ---- templates ---- */

static int jabatan_instansi(struct request *req, struct db *db, int64_t jabatan_id, int64_t *inst)
{
  json_t *j = jabatan_json(db, jabatan_id, inst);
  if (!j) { reply_not_found(req, "Jabatan"); return 1; }
  json_decref(j);
  return 0;
}

int api_templat_list(struct request *req)
{
  int64_t jid = http_param_id(req, "id");
  if (!jid) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  if (jabatan_instansi(req, db, jid, &inst)) return 0;
  if (!rbac_instansi_read(&req->who, inst)) return reply_forbidden(req);
  json_t *j = rhk_templat_list(db, jid);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_templat_create(struct request *req)
{
  int64_t jid = http_param_id(req, "id");
  if (!jid) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = 0, id = 0;
  if (jabatan_instansi(req, db, jid, &inst)) { db_rollback(db); return 0; }
  if (!rbac_instansi_admin(&req->who, inst)) { db_rollback(db); return reply_forbidden(req); }
  struct audit_actor a;
  http_actor(req, &a);
  int rc = rhk_templat_add(db, inst, jid, req->json, &a, &req->verr, &id);
  if (finish(req, db, rc, 0, NULL, "Jabatan")) return 0;
  return reply_json(req, 201, json_pack("{s:I,s:I}", "id", (json_int_t)id, "jabatan_id", (json_int_t)jid));
}

int api_templat_delete(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = req->who.instansi_id;
  if (req->who.peran & PERAN_SUPERADMIN) {
    if (db_query_int64(db, "SELECT instansi_id FROM rhk_templat WHERE id = ?1", 1, id, &inst) != DB_ROW) inst = 0;
  }
  struct audit_actor a;
  http_actor(req, &a);
  int rc = rhk_templat_delete(db, id, inst, &a);
  if (finish(req, db, rc, 0, NULL, "Templat RHK")) return 0;
  return reply_no_content(req);
}
