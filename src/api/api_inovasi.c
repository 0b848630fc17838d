/* api_inovasi.c: /api/v1/inovasi, the innovation register (issue 15 part 3).  Thin: parse,
 * check who may act, call inovasi.c, reply.
 *
 * Who: every pegawai records their own innovations and changes or deletes them (not once
 * validated); someone above the owner in the atasan chain validates or returns them (never the
 * owner); the owner, their atasan chain, and pimpinan/admin of the instansi read them (lists
 * are cut to the caller's subtree unless they read the whole instansi); superadmin reads all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "api/api_inovasi.h"
#include "auth/rbac.h"
#include "inovasi.h"
#include "report_inovasi_xlsx.h"
#include "util/errs.h"
#include "util/util.h"

#define REKAP_MAKS 5000   /* rows of one recap */

static int finish(struct request *req, struct db *db, int rc, int http, const char *pesan)
{
  if (api_end(req, db, rc) == 0) return 0;
  if (req->status) return 1;
  switch (rc) {
  case 1: reply_verr(req, 422); break;
  case 2: reply_not_found(req, "Inovasi"); break;
  case 3: reply_problem(req, http ? http : 409, http == 403 ? "Akses ditolak" : "Tidak dapat diproses", pesan); break;
  default: reply_db_error(req); break;
  }
  return 1;
}

static int reply_inovasi(struct request *req, struct db *db, int64_t id, int status)
{
  json_t *j = inovasi_json(db, id);
  if (!j) return reply_db_error(req);
  if (status == 201) {
    char loc[64];
    snprintf(loc, sizeof loc, "/api/v1/inovasi/%lld", (long long)id);
    reply_header(req, "Location", loc);
  }
  return reply_json(req, status, j);
}

/* The filters of a list or recap and the caller's scope; 0, or -1 replied. */
static int lingkup(struct request *req, struct db *db, struct inovasi_query *q, bool rekap)
{
  const struct principal *w = &req->who;
  memset(q, 0, sizeof *q);
  if (!rekap && api_limit(req, &q->limit) != 0) return -1;
  if (api_list_instansi(req, &q->instansi_id) != 0 || api_query_id(req, "pegawai_id", &q->pegawai_id) != 0 ||
      api_query_id(req, "unit_kerja_id", &q->unit_kerja_id) != 0)
    return -1;
  q->tahap = http_query(req, "tahap");
  q->status = http_query(req, "status");
  q->urut = http_query(req, "urut");
  q->q = http_query(req, "q");
  if (q->q && (strlen(q->q) > 100 || !text_clean(q->q, false))) verr_add(req, "q", "kata kunci paling banyak 100 karakter");
  const char *t = http_query(req, "tahun"), *o = http_query(req, "offset"), *seb = http_query(req, "sebagai");
  int64_t v = 0;
  if (t && *t) {
    if (parse_int64(t, 2000, 2100, &v) != 0) verr_add(req, "tahun", "harus tahun 2000-2100");
    q->tahun = (int)v;
  }
  if (o && *o) {
    if (parse_int64(o, 0, 1000000, &v) != 0) verr_add(req, "offset", "harus bilangan 0-1000000");
    q->offset = (int)v;
  }
  if (rekap) q->limit = REKAP_MAKS;
  if (seb && strcmp(seb, "validator") && strcmp(seb, "saya")) verr_add(req, "sebagai", "harus saya atau validator");
  if (seb && !w->pegawai_id) verr_add(req, "sebagai", "akun ini tidak terhubung dengan pegawai");
  if (verr_any(req)) { reply_verr(req, 422); return -1; }
  if (seb && !strcmp(seb, "saya")) q->pegawai_id = w->pegawai_id;
  if (seb && !strcmp(seb, "validator")) {
    q->scope_root = w->pegawai_id;       /* only the subtree, whatever else the caller reads */
    q->tanpa_pegawai = w->pegawai_id;    /* never one's own */
    if (!q->status) q->status = "diajukan";
  }
  if (!rbac_reads_instansi(w)) {
    if (!w->pegawai_id) { reply_forbidden(req); return -1; }
    q->scope_root = w->pegawai_id;
  }
  if (q->pegawai_id && api_pegawai_boleh(req, db, q->pegawai_id, ACCESS_READ, NULL)) return -1;
  int64_t inst = 0;
  return q->unit_kerja_id ? api_unit_instansi(req, db, q->unit_kerja_id, &inst) : 0;
}

int api_inovasi_list(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  struct inovasi_query q;
  if (lingkup(req, db, &q, false) != 0) return 0;
  const char *bad = NULL;
  json_t *j = inovasi_list(db, &q, &bad);
  if (!j && bad) {
    verr_add(req, bad, !strcmp(bad, "tahap") ? "harus diusulkan, diuji_coba, diterapkan atau direplikasi"
                     : !strcmp(bad, "status") ? "harus diajukan, divalidasi atau dikembalikan"
                                              : "harus terbaru, judul atau tahap");
    return reply_verr(req, 422);
  }
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_inovasi_rekap_xlsx(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  struct inovasi_query q;
  if (lingkup(req, db, &q, true) != 0) return 0;
  if (!q.urut) q.urut = "tahap";
  const char *bad = NULL;
  json_t *j = inovasi_list(db, &q, &bad);
  if (!j && bad) {
    verr_add(req, bad, "filter tidak valid");
    return reply_verr(req, 422);
  }
  if (!j) return reply_db_error(req);
  char judul[200] = "Rekap Inovasi Pegawai";
  char instansi[200] = "";
  int64_t inst = q.instansi_id ? q.instansi_id : req->who.instansi_id;
  struct db_stmt *st = db_prepare(db, "SELECT nama FROM instansi WHERE id = ?1");
  if (st) {
    db_bind_int64(st, 1, inst);
    if (db_step(st) == DB_ROW) str_copy(instansi, sizeof instansi, db_col_text(st, 0));
    db_done(st);
  }
  if (q.unit_kerja_id && (st = db_prepare(db, "SELECT nama FROM unit_kerja WHERE id = ?1"))) {
    db_bind_int64(st, 1, q.unit_kerja_id);
    if (db_step(st) == DB_ROW) snprintf(judul, sizeof judul, "Rekap Inovasi Pegawai: %s", db_col_text(st, 0));
    db_done(st);
  }
  struct inovasi_rekap r = {.judul = judul, .instansi = instansi, .tahun = q.tahun, .tahap = q.tahap, .status = q.status, .data = j};
  unsigned char *out = NULL;
  size_t len = 0;
  char err[256] = "";
  int rc = inovasi_rekap_xlsx(&r, &out, &len, err, sizeof err);
  json_decref(j);
  if (rc != 0) return reply_problem(req, 503, "Dokumen gagal dibuat", err[0] ? err : "Rekap inovasi tidak dapat disusun.");
  char disp[96];
  snprintf(disp, sizeof disp, "attachment; filename=\"Rekap-Inovasi-%d.xlsx\"", q.tahun ? q.tahun : 0);
  reply_header(req, "Content-Disposition", disp);
  return reply_raw(req, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (char *)out, len);
}

int api_inovasi_get(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t owner = 0, inst = 0;
  int rc = inovasi_pemilik(db, id, &owner, &inst);
  if (rc < 0) return reply_db_error(req);
  if (rc == 1) return reply_not_found(req, "Inovasi");
  enum access_result a = rbac_pegawai(db, &req->who, owner, ACCESS_READ, NULL);
  if (a == ACCESS_ERROR) return reply_db_error(req);
  if (a != ACCESS_OK) return reply_forbidden(req);
  return reply_inovasi(req, db, id, 200);
}

int api_inovasi_create(struct request *req)
{
  if (!req->who.pegawai_id) {
    verr_add(req, "pegawai", "akun ini tidak terhubung dengan pegawai; inovasi dicatat oleh pegawai sendiri");
    return reply_verr(req, 422);
  }
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  int rc = inovasi_buat(db, req->who.pegawai_id, req->json, &a, &req->verr, &http, &pesan, &id);
  if (finish(req, db, rc, http, pesan)) return 0;
  return reply_inovasi(req, db, id, 201);
}

int api_inovasi_update(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  if (!req->who.pegawai_id) return reply_forbidden(req);
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int rc = inovasi_ubah(db, id, req->who.pegawai_id, req->json, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan)) return 0;
  return reply_inovasi(req, db, id, 200);
}

int api_inovasi_delete(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  if (!req->who.pegawai_id) return reply_forbidden(req);
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int rc = inovasi_hapus(db, id, req->who.pegawai_id, &a, &http, &pesan);
  if (finish(req, db, rc, http, pesan)) return 0;
  return reply_no_content(req);
}

static int putus(struct request *req, bool setuju)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  if (!req->who.pegawai_id) {
    return reply_problem(req, 403, "Akses ditolak", "Validasi inovasi dilakukan oleh atasan pegawai pencatat.");
  }
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int rc = inovasi_putus(db, id, req->who.pegawai_id, setuju, req->json, &a, &req->verr, &http, &pesan);
  if (finish(req, db, rc, http, pesan)) return 0;
  return reply_inovasi(req, db, id, 200);
}

int api_inovasi_validasi(struct request *req) { return putus(req, true); }
int api_inovasi_kembalikan(struct request *req) { return putus(req, false); }
