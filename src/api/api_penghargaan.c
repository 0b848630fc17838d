/* api_penghargaan.c: /api/v1/penghargaan, recognition (issue 14 part 5).  Thin: parse, check
 * who may act, call penghargaan.c, reply.
 *
 * Who: admin and pimpinan of the instansi (and superadmin) configure the rules and read the
 * candidates; only a pimpinan issues a piagam; the recipient alone sets consent; the list shows
 * everything of the instansi to pimpinan/admin/superadmin, and to anyone else their own
 * piagam, their subtree's and the consented ones of their instansi; the piagam PDF is read
 * by the recipient, their atasan chain and pimpinan/admin (rbac_pegawai), or by a colleague of
 * the instansi when the recipient consented.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "api/api_inovasi.h"
#include "auth/rbac.h"
#include "penghargaan.h"
#include "report_piagam_pdf.h"
#include "util/util.h"

static int finish(struct request *req, struct db *db, int rc, int http, const char *pesan, const char *what)
{
  if (api_end(req, db, rc) == 0) return 0;
  if (req->status) return 1;
  switch (rc) {
  case 1: reply_verr(req, 422); break;
  case 2: reply_not_found(req, what); break;
  case 3: reply_problem(req, http ? http : 409, http == 403 ? "Akses ditolak" : "Tidak dapat diproses", pesan); break;
  default: reply_db_error(req); break;
  }
  return 1;
}

static int tahun_ini(void)
{
  char t[11];
  date_today(7, t);
  return (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
}

/* ?tahun= (default this year); -1 replied. */
static int baca_tahun(struct request *req, int *tahun)
{
  const char *t = http_query(req, "tahun");
  int64_t v = 0;
  *tahun = tahun_ini();
  if (!t || !*t) return 0;
  if (parse_int64(t, 2000, 2100, &v) != 0) { verr_add(req, "tahun", "harus tahun 2000-2100"); reply_verr(req, 422); return -1; }
  *tahun = (int)v;
  return 0;
}

/* The instansi a pimpinan/admin view works on: own, or for superadmin ?instansi_id= (required). */
static int instansi_kerja(struct request *req, int64_t *inst)
{
  if (api_list_instansi(req, inst) != 0) return -1;
  if (!*inst) { verr_add(req, "instansi_id", "wajib diisi untuk superadmin"); reply_verr(req, 422); return -1; }
  return 0;
}

int api_penghargaan_aturan_list(struct request *req)
{
  int64_t inst = 0;
  if (api_list_instansi(req, &inst) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = penghargaan_aturan_list(db, inst);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_penghargaan_aturan_create(struct request *req)
{
  int64_t inst = 0;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  int rc = penghargaan_aturan_buat(db, inst, req->json, &a, &req->verr, &http, &pesan, &id);
  if (finish(req, db, rc, http, pesan, "Aturan penghargaan")) return 0;
  json_t *j = penghargaan_aturan_json(db, id);
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}

int api_penghargaan_aturan_update(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = 0;
  int rc = penghargaan_aturan_instansi(db, id, &inst);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_not_found(req, "Aturan penghargaan"); }
  if (!rbac_instansi_read(&req->who, inst)) { db_rollback(db); return reply_forbidden(req); }
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  rc = penghargaan_aturan_ubah(db, id, req->json, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "Aturan penghargaan")) return 0;
  json_t *j = penghargaan_aturan_json(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_penghargaan_kandidat(struct request *req)
{
  int64_t inst = 0, unit = 0;
  int tahun = 0;
  if (instansi_kerja(req, &inst) != 0 || baca_tahun(req, &tahun) != 0 || api_query_id(req, "unit_kerja_id", &unit) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  if (unit) {
    int64_t ui = 0;
    int rc = db_query_int64(db, "SELECT instansi_id FROM unit_kerja WHERE id = ?1", 1, unit, &ui);
    if (rc == DB_DONE) return reply_not_found(req, "Unit kerja");
    if (rc != DB_ROW) return reply_db_error(req);
    if (ui != inst) return reply_forbidden(req);
  }
  json_t *j = penghargaan_kandidat(db, inst, tahun, unit);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_penghargaan_terbitkan(struct request *req)
{
  /* the route admits superadmin only so that its CSRF check comes first; the piagam is the
   * pimpinan's own act */
  if (!(req->who.peran & PERAN_PIMPINAN) || !req->who.instansi_id)
    return reply_problem(req, 403, "Akses ditolak", "Piagam penghargaan diterbitkan oleh pimpinan instansi.");
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  int rc = penghargaan_terbitkan(db, req->who.instansi_id, req->who.pengguna_id, req->json, &a, &req->verr, &http, &pesan, &id);
  if (finish(req, db, rc, http, pesan, "Penghargaan")) return 0;
  json_t *j = penghargaan_json(db, id);
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}

int api_penghargaan_list(struct request *req)
{
  struct penghargaan_query q = {0};
  const struct principal *w = &req->who;
  if (api_limit(req, &q.limit) != 0 || api_list_instansi(req, &q.instansi_id) != 0 ||
      api_query_id(req, "unit_kerja_id", &q.unit_kerja_id) != 0 || api_query_id(req, "pegawai_id", &q.pegawai_id) != 0)
    return 0;
  const char *t = http_query(req, "tahun"), *o = http_query(req, "offset"), *seb = http_query(req, "sebagai");
  int64_t v = 0;
  if (t && *t) { if (parse_int64(t, 2000, 2100, &v) != 0) verr_add(req, "tahun", "harus tahun 2000-2100"); q.tahun = (int)v; }
  if (o && *o) { if (parse_int64(o, 0, 1000000, &v) != 0) verr_add(req, "offset", "harus bilangan 0-1000000"); q.offset = (int)v; }
  if (seb && strcmp(seb, "saya")) verr_add(req, "sebagai", "hanya sebagai=saya");
  if (seb && !w->pegawai_id) verr_add(req, "sebagai", "akun ini tidak terhubung dengan pegawai");
  if (verr_any(req)) return reply_verr(req, 422);
  if (seb) q.pegawai_id = w->pegawai_id;
  /* anyone who does not read the whole instansi sees their own, their subtree's and consented ones */
  if (!rbac_reads_instansi(w)) q.pemirsa_id = w->pegawai_id ? w->pegawai_id : -1;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t ui = 0;
  if (q.unit_kerja_id && api_unit_instansi(req, db, q.unit_kerja_id, &ui)) return 0;
  if (q.pegawai_id) {
    int64_t pi = 0;
    int rc = db_query_int64(db, "SELECT instansi_id FROM pegawai WHERE id = ?1", 1, q.pegawai_id, &pi);
    if (rc == DB_DONE) return reply_not_found(req, "Pegawai");
    if (rc != DB_ROW) return reply_db_error(req);
    if (!rbac_instansi_read(w, pi)) return reply_forbidden(req);
  }
  json_t *j = penghargaan_list(db, &q);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_penghargaan_persetujuan(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  if (!req->who.pegawai_id) return reply_problem(req, 403, "Akses ditolak", "Hanya penerima piagam yang dapat mengatur persetujuan penayangannya.");
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int rc = penghargaan_persetujuan(db, id, req->who.pegawai_id, req->json, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan, "Penghargaan")) return 0;
  json_t *j = penghargaan_json(db, id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_penghargaan_piagam(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *g = penghargaan_json(db, id);
  if (!g) return reply_not_found(req, "Penghargaan");
  int64_t owner = json_integer_value(json_object_get(json_object_get(g, "pegawai"), "id"));
  int64_t inst = json_integer_value(json_object_get(g, "instansi_id"));
  enum access_result acc = rbac_pegawai(db, &req->who, owner, ACCESS_READ, NULL);
  bool boleh = acc == ACCESS_OK || (json_is_true(json_object_get(g, "persetujuan")) && req->who.instansi_id == inst);
  if (acc == ACCESS_ERROR) { json_decref(g); return reply_db_error(req); }
  if (!boleh) { json_decref(g); return reply_forbidden(req); }
  char instansi[200] = "", tanggal[11] = "";
  struct db_stmt *st = db_prepare(db, "SELECT nama FROM instansi WHERE id = ?1");
  if (st) {
    db_bind_int64(st, 1, inst);
    if (db_step(st) == DB_ROW) str_copy(instansi, sizeof instansi, db_col_text(st, 0));
    db_done(st);
  }
  {
    time_t ts = (time_t)json_integer_value(json_object_get(g, "diterbitkan")) + 7 * 3600;
    struct tm tm;
    gmtime_r(&ts, &tm);
    strftime(tanggal, sizeof tanggal, "%Y-%m-%d", &tm);
  }
  json_t *peg = json_object_get(g, "pegawai"), *pen = json_object_get(g, "penerbit");
  struct piagam p = {
    .instansi = instansi, .nomor = json_string_value(json_object_get(g, "nomor")),
    .nama = json_string_value(json_object_get(peg, "nama")), .nip = json_string_value(json_object_get(peg, "nip")),
    .unit_kerja = json_string_value(json_object_get(peg, "unit_kerja")),
    .aturan = json_string_value(json_object_get(json_object_get(g, "aturan"), "nama")),
    .alasan = json_string_value(json_object_get(g, "alasan")), .tahun = (int)json_integer_value(json_object_get(g, "tahun")),
    .tanggal = tanggal, .penerbit_nama = json_string_value(json_object_get(pen, "nama")),
    .penerbit_jabatan = json_string_value(json_object_get(pen, "jabatan"))};
  unsigned char *out = NULL;
  size_t len = 0;
  char err[256] = "", disp[120];
  int rc = piagam_pdf_render(&p, &out, &len, err, sizeof err);
  snprintf(disp, sizeof disp, "attachment; filename=\"Piagam-%s-%d.pdf\"", p.nip ? p.nip : "x", p.tahun);
  json_decref(g);
  if (rc != 0) return reply_problem(req, 503, "Dokumen gagal dibuat", err[0] ? err : "Piagam tidak dapat disusun.");
  reply_header(req, "Content-Disposition", disp);
  return reply_raw(req, 200, "application/pdf", (char *)out, len);
}
