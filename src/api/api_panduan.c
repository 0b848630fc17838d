/* api_panduan.c: the first-login walkthrough's state per user and the user guide as a PDF
 * (issue 14 parts 1 and 3).  Every signed-in user has both. */
#include <stdio.h>
#include <stdlib.h>

#include "api/api.h"
#include "api/api_panduan.h"
#include "config.h"
#include "http/server.h"
#include "orientasi.h"
#include "panduan_pdf.h"
#include "util/util.h"

static int kirim_daftar(struct request *req, struct db *db)
{
  json_t *items = orientasi_daftar(db, req->who.pengguna_id);
  if (!items) return reply_db_error(req);
  return reply_json(req, 200, json_pack("{s:o}", "items", items));
}

int api_orientasi_list(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  return kirim_daftar(req, db);
}

int api_orientasi_set(struct request *req)
{
  const char *kunci = route_param(&req->match, "kunci");
  static const char *const boleh[] = {"selesai", NULL};
  bool selesai = false;
  if (!orientasi_kunci_valid(kunci))
    verr_add(req, "kunci", "tur pengenalan tidak dikenal (pegawai, atasan, pimpinan, admin, auditor, superadmin)");
  jbody_only(req, boleh);
  jbody_bool(req, "selesai", true, &selesai);
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  int rc = orientasi_tandai(db, req->who.pengguna_id, kunci, selesai, now_unix());
  if (rc != 0) {
    api_end(req, db, rc);
    return reply_db_error(req);
  }
  if (api_end(req, db, 0) != 0) return 0;
  return kirim_daftar(req, db);
}

int api_panduan_pdf(struct request *req)
{
  const struct config *cfg = server_config(req->srv);
  char dir[1100], err[256] = "";
  int w = snprintf(dir, sizeof dir, "%s/docs/panduan", cfg->web_dir);
  if (w < 0 || (size_t)w >= sizeof dir) return reply_problem(req, 503, "Panduan tidak tersedia", "Direktori web terlalu panjang.");
  unsigned char *out = NULL;
  size_t len = 0;
  int rc = panduan_pdf_tersimpan(dir, &out, &len, err, sizeof err);
  if (rc == 1) return reply_problem(req, 404, "Panduan tidak tersedia", err);
  if (rc != 0) return reply_problem(req, 503, "Dokumen gagal dibuat", err[0] ? err : "Panduan tidak dapat disusun.");
  reply_header(req, "Content-Disposition", "inline; filename=\"panduan-kinerja.pdf\"");
  return reply_raw(req, 200, "application/pdf", (char *)out, len);
}
