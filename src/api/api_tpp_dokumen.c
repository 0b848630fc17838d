/* api_tpp_dokumen.c: GET /api/v1/tpp/bulan/{id}/nominatif.xlsx (the payroll list of a unit
 * subtree or the whole instansi, for pimpinan and admins of the instansi) and
 * GET /api/v1/tpp/bulan/{id}/pegawai/{pegawai_id}/slip.pdf (one pegawai's slip, for whoever may
 * read that pegawai's result: themself, their atasan chain, the instansi's readers). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "api/api_tpp_dokumen.h"
#include "auth/rbac.h"
#include "report_tpp_xlsx.h"
#include "tpp_slip.h"

int api_tpp_nominatif_xlsx(struct request *req)
{
  int64_t id = http_param_id(req, "id"), unit = 0, inst = 0, tahun = 0, bulan = 0;
  if (!id) return 0;
  if (api_query_id(req, "unit_kerja_id", &unit) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, tahun, bulan FROM tpp_bulan WHERE id = ?1");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) { inst = db_col_int64(st, 0); tahun = db_col_int64(st, 1); bulan = db_col_int64(st, 2); }
  db_done(st);
  if (s == DB_DONE) return reply_not_found(req, "Bulan TPP");
  if (s != DB_ROW) return reply_db_error(req);
  if (!rbac_instansi_read(&req->who, inst) || !rbac_reads_instansi(&req->who)) return reply_forbidden(req);
  /* one snapshot: the rows and the totals they are checked against */
  if (db_begin(db) != DB_OK) return reply_db_error(req);
  int fd = -1;
  uint64_t size = 0;
  int64_t n = 0;
  char err[256] = "";
  int rc = tpp_nominatif_xlsx(db, id, unit, &fd, &size, &n, err, sizeof err);
  db_rollback(db);
  if (rc == 1) return reply_not_found(req, "Bulan TPP");
  if (rc == 2) { verr_add(req, "unit_kerja_id", err); return reply_verr(req, 422); }
  if (rc != 0) return reply_problem(req, 503, "Dokumen gagal dibuat", err[0] ? err : "Daftar nominatif TPP tidak dapat disusun.");
  char disp[160];
  if (unit)
    snprintf(disp, sizeof disp, "attachment; filename=\"nominatif-tpp-%04lld-%02lld-unit-%lld.xlsx\"", (long long)tahun, (long long)bulan,
             (long long)unit);
  else
    snprintf(disp, sizeof disp, "attachment; filename=\"nominatif-tpp-%04lld-%02lld.xlsx\"", (long long)tahun, (long long)bulan);
  reply_header(req, "Content-Disposition", disp);
  return reply_fd(req, 200, TPP_XLSX_MIME, fd, size);
}

int api_tpp_slip_pdf(struct request *req)
{
  int64_t id = http_param_id(req, "id"), pid = http_param_id(req, "pegawai_id");
  if (!id || !pid) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  if (api_pegawai_boleh(req, db, pid, ACCESS_READ, NULL)) return 0;
  struct tpp_slip s;
  struct tpp_slip_buf b;
  int rc = tpp_slip_muat(db, id, pid, &s, &b);
  if (rc != 0) {
    tpp_slip_buf_free(&b);
    return rc == 1 ? reply_not_found(req, "TPP bulan itu") : reply_db_error(req);
  }
  unsigned char *out = NULL;
  size_t len = 0;
  char err[256] = "", name[96], disp[160];
  rc = tpp_slip_pdf(&s, &out, &len, err, sizeof err);
  tpp_slip_nama_berkas(&s, name, sizeof name);
  tpp_slip_buf_free(&b);
  if (rc != 0) return reply_problem(req, 503, "Dokumen gagal dibuat", err[0] ? err : "Slip TPP tidak dapat disusun.");
  snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", name);
  reply_header(req, "Content-Disposition", disp);
  return reply_raw(req, 200, "application/pdf", (char *)out, len);
}
