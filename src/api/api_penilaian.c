/* api_penilaian.c: /api/v1/penilaian, predikat organisasi and the unit curve (issue 6). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ak_ledger.h"
#include "api/api.h"
#include "api/api_boleh.h"
#include "auth/rbac.h"
#include "keberatan.h"
#include "penilaian_dokumen.h"
#include "org.h"
#include "penilaian.h"
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

int api_penilaian_list(struct request *req)
{
  struct penilaian_query q = {0};
  const struct principal *w = &req->who;
  if (api_limit(req, &q.limit) != 0 || api_list_instansi(req, &q.instansi_id) != 0 || api_query_id(req, "pegawai_id", &q.pegawai_id) != 0) return 0;
  const char *pen = http_query(req, "penilai"), *t = http_query(req, "tahun");
  q.status = http_query(req, "status");
  if (q.status && strcmp(q.status, "draft") && strcmp(q.status, "final")) { verr_add(req, "status", "harus draft atau final"); return reply_verr(req, 422); }
  int64_t tahun = 0;
  if (t && parse_int64(t, 2000, 2100, &tahun) != 0) { verr_add(req, "tahun", "harus tahun 2000-2100"); return reply_verr(req, 422); }
  q.tahun = (int)tahun;
  if (pen && !strcmp(pen, "saya")) {
    if (!w->pegawai_id) { verr_add(req, "penilai", "akun ini tidak terhubung dengan pegawai"); return reply_verr(req, 422); }
    q.penilai_id = w->pegawai_id;
  } else if (pen) { verr_add(req, "penilai", "hanya penilai=saya"); return reply_verr(req, 422); }
  if (!rbac_reads_instansi(w)) {
    if (!w->pegawai_id) return reply_forbidden(req);
    q.scope_root = w->pegawai_id;
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = penilaian_list(db, &q);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_penilaian_buat(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct skp_head h;
  int rc = skp_head_load(db, id, &h);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_not_found(req, "SKP"); }
  rc = skp_can_read(db, &h, &req->who);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_forbidden(req); }
  if (skp_pelaku_of(&h, &req->who) != PELAKU_PENILAI) {
    db_rollback(db);
    return reply_problem(req, 403, "Tidak diizinkan", skp_pelaku_of(&h, &req->who) == PELAKU_PEGAWAI
      ? "pegawai tidak dapat menilai dirinya sendiri" : "hanya pejabat penilai SKP ini yang dapat menilai");
  }
  if (!h.periode_terbuka) { db_rollback(db); return reply_problem(req, 409, "Tidak dapat diproses", "periode penilaian sudah ditutup"); }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int64_t pid = 0;
  rc = penilaian_buat(db, &h, req->json, &a, &req->verr, &http, &pesan, &pid);
  if (finish(req, db, rc, http, pesan, "SKP")) return 0;
  json_t *j = penilaian_json(db, pid);
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}

/* Loads a penilaian's SKP and checks read access; *is_penilai tells whether the caller rates. */
static int load(struct request *req, struct db *db, int64_t id, struct skp_head *h, bool *is_penilai, char status[8])
{
  int64_t skp_id = 0, penilai = 0;
  int rc = penilaian_skp(db, id, &skp_id, &penilai, status);
  if (rc != 0) { rc < 0 ? reply_db_error(req) : reply_not_found(req, "Penilaian"); return 1; }
  rc = skp_head_load(db, skp_id, h);
  if (rc != 0) { reply_db_error(req); return 1; }
  *is_penilai = req->who.pegawai_id && req->who.pegawai_id == penilai;
  if (*is_penilai) return 0;
  rc = skp_can_read(db, h, &req->who);
  if (rc != 0) { rc < 0 ? reply_db_error(req) : reply_forbidden(req); return 1; }
  return 0;
}

int api_penilaian_get(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct skp_head h;
  bool pen;
  char status[8];
  if (load(req, db, id, &h, &pen, status)) return 0;
  json_t *j = penilaian_json(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

static int write(struct request *req, bool final)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct skp_head h;
  bool pen;
  char status[8];
  if (load(req, db, id, &h, &pen, status)) { db_rollback(db); return 0; }
  if (!pen) { db_rollback(db); return reply_problem(req, 403, "Tidak diizinkan", "hanya pejabat penilai yang dapat mengisi penilaian ini"); }
  if (!h.periode_terbuka) { db_rollback(db); return reply_problem(req, 409, "Tidak dapat diproses", "periode penilaian sudah ditutup"); }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  json_t *peringatan = NULL;
  int rc = final ? penilaian_final(db, id, &a, &req->verr, &http, &pesan, &peringatan)
                 : penilaian_ubah(db, id, req->json, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "Penilaian")) { json_decref(peringatan); return 0; }
  json_t *j = penilaian_json(db, id);
  if (j && peringatan) json_object_set_new(j, "peringatan_kurva", peringatan);
  else json_decref(peringatan);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_penilaian_ubah(struct request *req) { return write(req, false); }
int api_penilaian_final(struct request *req) { return write(req, true); }

int api_predikat_organisasi(struct request *req)
{
  int64_t unit = http_param_id(req, "id");
  if (!unit) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = 0;
  if (api_unit_boleh(req, db, unit, &inst)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int rc = predikat_organisasi_set(db, unit, req->json, &a, req->who.pengguna_id, &req->verr);
  if (finish(req, db, rc, 0, NULL, "Unit kerja")) return 0;
  json_t *j = penilaian_kurva_unit(db, unit, (int)json_integer_value(json_object_get(req->json, "tahun")));
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_kurva_unit(struct request *req)
{
  int64_t unit = http_param_id(req, "id");
  if (!unit) return 0;
  char today[11];
  date_today(7, today);
  int64_t tahun = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0');
  const char *t = http_query(req, "tahun");
  if (t && parse_int64(t, 2000, 2100, &tahun) != 0) { verr_add(req, "tahun", "harus tahun 2000-2100"); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  if (api_unit_boleh(req, db, unit, &inst)) return 0;
  json_t *j = penilaian_kurva_unit(db, unit, (int)tahun);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_angka_kredit(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  int64_t tahun = 0;
  const char *t = http_query(req, "tahun");
  if (t && parse_int64(t, 2000, 2100, &tahun) != 0) { verr_add(req, "tahun", "harus tahun 2000-2100"); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  if (api_pegawai_boleh(req, db, id, ACCESS_READ, NULL)) return 0;
  const char *pesan = NULL;
  json_t *j = ak_ledger(db, id, (int)tahun, &pesan);
  if (!j && pesan) return reply_problem(req, 409, "Tidak dapat diproses", pesan);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_keberatan_ajukan(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  if (!req->who.pegawai_id) { verr_add(req, "pegawai", "akun ini tidak terhubung dengan pegawai"); return reply_verr(req, 422); }
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct skp_head h;
  bool pen;
  char status[8];
  if (load(req, db, id, &h, &pen, status)) { db_rollback(db); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int64_t kid = 0;
  int rc = keberatan_ajukan(db, id, req->who.pegawai_id, req->json, &a, &req->verr, &http, &pesan, &kid);
  if (finish(req, db, rc, http, pesan, "Penilaian")) return 0;
  json_t *j = keberatan_json(db, kid);
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}

int api_keberatan_list(struct request *req)
{
  if (!req->who.pegawai_id) return reply_json(req, 200, json_pack("{s:[]}", "items"));
  const char *peran = http_query(req, "sebagai"), *status = http_query(req, "status");
  if (status && strcmp(status, "diajukan") && strcmp(status, "ditolak") && strcmp(status, "diterima")) {
    verr_add(req, "status", "harus diajukan, ditolak atau diterima");
    return reply_verr(req, 422);
  }
  bool pemutus = peran && !strcmp(peran, "pemutus");
  if (peran && !pemutus && strcmp(peran, "pegawai")) { verr_add(req, "sebagai", "harus pegawai atau pemutus"); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = keberatan_list(db, pemutus ? req->who.pegawai_id : 0, pemutus ? 0 : req->who.pegawai_id, status);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_keberatan_putus(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  if (!req->who.pegawai_id) return reply_forbidden(req);
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t owner = 0, pemutus = 0, inst = 0;
  int rc = keberatan_pihak(db, id, &owner, &pemutus, &inst);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_not_found(req, "Keberatan"); }
  if (!(req->who.peran & PERAN_SUPERADMIN) && inst != req->who.instansi_id) { db_rollback(db); return reply_forbidden(req); }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  rc = keberatan_putus(db, id, req->who.pegawai_id, req->json, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "Keberatan")) return 0;
  json_t *j = keberatan_json(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_penilaian_pdf(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct skp_head h;
  bool pen;
  char status[8];
  if (load(req, db, id, &h, &pen, status)) return 0;
  struct evaluasi_doc d;
  struct evaluasi_doc_buf b;
  if (evaluasi_doc_load(db, id, &d, &b) != 0) return reply_db_error(req);
  unsigned char *out = NULL;
  size_t len = 0;
  char err[256] = "";
  int rc = evaluasi_pdf_render(&d, &out, &len, err, sizeof err);
  char disp[160];
  snprintf(disp, sizeof disp, "attachment; filename=\"Evaluasi-%s-%s.pdf\"", d.pegawai.nip ? d.pegawai.nip : "x", d.periode_mulai);
  evaluasi_doc_buf_free(&b);
  if (rc != 0) return reply_problem(req, 503, "Dokumen gagal dibuat", err[0] ? err : "Dokumen evaluasi tidak dapat disusun.");
  reply_header(req, "Content-Disposition", disp);
  return reply_raw(req, 200, "application/pdf", (char *)out, len);
}
