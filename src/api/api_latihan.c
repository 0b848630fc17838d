/* api_latihan.c: /api/v1/latihan — the training sandbox (issue 14 item 2, src/latihan.h).
 *
 * The admin of a real instansi creates, resets and removes its sandbox (reset and remove ask
 * for {"konfirmasi": true}); every user of the real instansi may enter it: "masuk" swaps the
 * browser session for a practice session of the matching practice account that remembers the
 * real account, "keluar" swaps it back (same absolute expiry, so practice never lengthens a
 * session).  Generation runs synchronously in the request (~0.1 s for 60 pegawai). */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_latihan.h"
#include "audit.h"
#include "auth/session.h"
#include "config.h"
#include "db/db.h"
#include "http/authn.h"
#include "http/server.h"
#include "latihan.h"
#include "util/util.h"

/* 0 when the request comes from a user of a real instansi; else replied. */
static int dari_instansi_nyata(struct request *req, struct db *db)
{
  if (!req->who.instansi_id) {
    reply_problem(req, 403, "Tidak diizinkan", "Mode latihan dibuat untuk satu instansi; superadmin tidak memiliki instansi.");
    return -1;
  }
  int64_t asal = latihan_asal_instansi(db, req->who.instansi_id);
  if (asal < 0) { reply_db_error(req); return -1; }
  return 0;
}

static int jawab(struct request *req, struct db *db, int rc, int status, json_t *hasil, int http, const char *pesan)
{
  if (api_end(req, db, rc) != 0) {
    json_decref(hasil);
    if (req->status) return 0;
    if (rc == 1) return reply_problem(req, http, http == 404 ? "Tidak ditemukan" : "Tidak dapat diproses", pesan);
    return reply_db_error(req);
  }
  return hasil ? reply_json(req, status, hasil) : reply_no_content(req);
}

void api_latihan_me(struct db *db, const struct principal *w, json_t *j)
{
  int64_t asal = latihan_asal_instansi(db, w->instansi_id);
  json_t *l = NULL;
  if (asal > 0) {
    json_t *nama = NULL;
    struct db_stmt *st = db_prepare(db, "SELECT nama FROM instansi WHERE id = ?1");
    if (st) {
      db_bind_int64(st, 1, asal);
      if (db_step(st) == DB_ROW) nama = json_string(db_col_text(st, 0));
      db_done(st);
    }
    l = json_pack("{s:b,s:I,s:o}", "aktif", 1, "instansi_asal", (json_int_t)asal, "nama_asal", nama ? nama : json_null());
  } else {
    bool ada = false;
    if (asal == 0 && w->instansi_id) latihan_cari(db, w->instansi_id, &ada);
    l = json_pack("{s:b,s:b}", "aktif", 0, "tersedia", ada);
  }
  if (l) json_object_set_new(j, "latihan", l);
}

int api_latihan_status(struct request *req)
{
  struct db *db = http_db(req);
  if (!db || dari_instansi_nyata(req, db) != 0) return 0;
  int64_t asal = latihan_asal_instansi(db, req->who.instansi_id);
  if (asal < 0) return reply_db_error(req);
  if (asal > 0) {
    /* inside the sandbox: where it comes from, for the banner */
    json_t *j = json_pack("{s:b,s:b,s:I,s:s}", "ada", 1, "dalam_latihan", 1, "instansi_asal", (json_int_t)asal,
                          "akun", req->who.username);
    return reply_json(req, 200, j);
  }
  json_t *j = latihan_status(db, &req->who);
  if (!j) return reply_db_error(req);
  json_object_set_new(j, "dalam_latihan", json_false());
  return reply_json(req, 200, j);
}

/* Reads {"konfirmasi": true}; false when replied. */
static bool terkonfirmasi(struct request *req)
{
  static const char *const boleh[] = {"konfirmasi", NULL};
  bool ya = false;
  jbody_only(req, boleh);
  if (jbody_bool(req, "konfirmasi", true, &ya) && !ya)
    verr_add(req, "konfirmasi", "harus true: tindakan ini menghapus semua data latihan");
  if (verr_any(req)) { reply_verr(req, 422); return false; }
  return true;
}

int api_latihan_buat(struct request *req)
{
  struct db *db = http_db(req);
  if (!db || dari_instansi_nyata(req, db) != 0) return 0;
  if (!(db = api_begin(req))) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  json_t *hasil = NULL;
  int http = 0;
  const char *pesan = NULL;
  int rc = latihan_buat(db, req->who.instansi_id, &req->who, &a, &hasil, &http, &pesan);
  return jawab(req, db, rc, 201, hasil, http, pesan);
}

int api_latihan_reset(struct request *req)
{
  struct db *db = http_db(req);
  if (!db || dari_instansi_nyata(req, db) != 0 || !terkonfirmasi(req)) return 0;
  if (!(db = api_begin(req))) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  json_t *hasil = NULL;
  int http = 0;
  const char *pesan = NULL;
  int rc = latihan_reset(db, req->who.instansi_id, &req->who, &a, &hasil, &http, &pesan);
  return jawab(req, db, rc, 200, hasil, http, pesan);
}

int api_latihan_hapus(struct request *req)
{
  struct db *db = http_db(req);
  if (!db || dari_instansi_nyata(req, db) != 0 || !terkonfirmasi(req)) return 0;
  if (!(db = api_begin(req))) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int http = 0;
  const char *pesan = NULL;
  int rc = latihan_hapus(db, req->who.instansi_id, &a, &http, &pesan);
  return jawab(req, db, rc, 204, NULL, http, pesan);
}

/* Opens a session for `pengguna` ending at `berakhir` (latihan_asal: the real account of a
 * practice session, 0 for a real one), ends the current one, audits, commits and sets the
 * cookie.  Replies. */
static int ganti_sesi(struct request *req, struct db *db, int64_t pengguna, int64_t latihan_asal, int64_t berakhir,
                      int64_t audit_inst, const char *aksi)
{
  const struct config *cfg = server_config(req->srv);
  char token[SECRET_MAX], csrf[65];
  int64_t sesi_id = 0;
  struct audit_actor a;
  http_actor(req, &a);
  a.pengguna_id = pengguna;
  json_t *after = json_pack("{s:I,s:b}", "pengguna_asal", (json_int_t)req->who.pengguna_id, "latihan", 1);
  struct db_stmt *st = NULL;
  if (!after || session_create(db, pengguna, cfg->session_max, token, csrf, &sesi_id) != 0) goto fail;
  if (!(st = db_prepare(db, "UPDATE sesi SET latihan_asal = ?2, berakhir = ?3 WHERE id = ?1"))) goto fail;
  db_bind_int64(st, 1, sesi_id);
  db_bind_id(st, 2, latihan_asal);
  db_bind_int64(st, 3, berakhir);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE || session_delete(db, req->who.sesi_id) != 0 ||
      audit_append(db, &a, audit_inst, aksi, "pengguna", pengguna, NULL, after) != 0)
    goto fail;
  json_decref(after);
  after = NULL;
  if (api_end(req, db, 0) != 0) return 0;
  int64_t sisa = berakhir - now_unix();
  char cookie[300];
  snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%lld%s", SESSION_COOKIE, token,
           (long long)(sisa > 0 ? sisa : 0), cfg->cookie_secure ? "; Secure" : "");
  reply_header(req, "Set-Cookie", cookie);
  return reply_json(req, 200, json_pack("{s:b,s:s}", "dalam_latihan", latihan_asal != 0, "csrf_token", csrf));
fail:
  json_decref(after);
  api_end(req, db, -1);
  return reply_db_error(req);
}

int api_latihan_masuk(struct request *req)
{
  static const char *const boleh[] = {"peran", NULL};
  const char *peran = NULL;
  if (req->json) {
    jbody_only(req, boleh);
    jbody_string(req, "peran", false, 20, &peran);
    if (verr_any(req)) return reply_verr(req, 422);
  }
  struct db *db = http_db(req);
  if (!db || dari_instansi_nyata(req, db) != 0) return 0;
  if (!req->who.sesi_id)
    return reply_problem(req, 409, "Tidak dapat diproses", "Mode latihan hanya dapat dimasuki dari sesi peramban, bukan dengan token API.");
  if (!(db = api_begin(req))) return 0;
  int http = 409;
  const char *pesan = NULL;
  int64_t sandbox = 0, pengguna = 0, berakhir = 0;
  bool aktif = false;
  int rc = 0;
  int64_t asal = latihan_asal_instansi(db, req->who.instansi_id);
  if (asal < 0) rc = -1;
  else if (asal > 0) { rc = 1; pesan = "Anda sudah berada dalam mode latihan."; }
  else if ((sandbox = latihan_cari(db, req->who.instansi_id, &aktif)) < 0) rc = -1;
  else if (!sandbox || !aktif) { rc = 1; http = 404; pesan = "Instansi Anda belum memiliki salinan latihan. Minta admin membuatnya."; }
  else if ((rc = latihan_akun(db, sandbox, &req->who, peran, &pengguna, &pesan)) == 1) http = 403;
  else if (rc == 0 && db_query_int64(db, "SELECT berakhir FROM sesi WHERE id = ?1", 1, req->who.sesi_id, &berakhir) != DB_ROW) rc = -1;
  if (rc != 0) return jawab(req, db, rc, 200, NULL, http, pesan);
  return ganti_sesi(req, db, pengguna, req->who.pengguna_id, berakhir, sandbox, "latihan.masuk");
}

int api_latihan_keluar(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  if (!req->who.sesi_id)
    return reply_problem(req, 409, "Tidak dapat diproses", "Anda tidak sedang dalam mode latihan.");
  if (!(db = api_begin(req))) return 0;
  int64_t asal = 0, berakhir = 0;
  struct db_stmt *st = db_prepare(db, "SELECT COALESCE(latihan_asal, 0), berakhir FROM sesi WHERE id = ?1");
  if (!st) return jawab(req, db, -1, 200, NULL, 0, NULL);
  db_bind_int64(st, 1, req->who.sesi_id);
  int s = db_step(st);
  if (s == DB_ROW) { asal = db_col_int64(st, 0); berakhir = db_col_int64(st, 1); }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return jawab(req, db, -1, 200, NULL, 0, NULL);
  if (!asal) return jawab(req, db, 1, 200, NULL, 409, "Anda tidak sedang dalam mode latihan.");
  struct principal nyata;
  int r = principal_load(db, asal, &nyata);
  if (r < 0) return jawab(req, db, -1, 200, NULL, 0, NULL);
  if (r == 1) {
    /* the real account is gone or disabled: end the practice session, sign in again */
    if (session_delete(db, req->who.sesi_id) != 0) return jawab(req, db, -1, 200, NULL, 0, NULL);
    if (api_end(req, db, 0) != 0) return 0;
    return reply_problem(req, 401, "Perlu masuk lagi", "Akun asli Anda tidak aktif lagi. Silakan masuk kembali.");
  }
  return ganti_sesi(req, db, asal, 0, berakhir, nyata.instansi_id, "latihan.keluar");
}
