/* api_auth.c: login, logout, the current user, and password change. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_dua_faktor.h"
#include "api/api_latihan.h"
#include "api/api_oidc.h"
#include "audit.h"
#include "auth/dua_faktor.h"
#include "auth/oidc_konfig.h"
#include "auth/password.h"
#include "auth/session.h"
#include "config.h"
#include "db/db.h"
#include "http/authn.h"
#include "http/server.h"
#include "pegawai.h"
#include "util/util.h"

static json_t *roles_json(unsigned peran)
{
  json_t *a = json_array();
  if (peran & PERAN_PEGAWAI) json_array_append_new(a, json_string("pegawai"));
  if (peran & PERAN_ADMIN) json_array_append_new(a, json_string("admin"));
  if (peran & PERAN_PIMPINAN) json_array_append_new(a, json_string("pimpinan"));
  if (peran & PERAN_AUDITOR) json_array_append_new(a, json_string("auditor"));
  if (peran & PERAN_SUPERADMIN) json_array_append_new(a, json_string("superadmin"));
  return a;
}

/* {pengguna:{id,username,peran[],instansi_id}, pegawai:{...}|null, atasan: bool} */
static json_t *me_json(struct db *db, const struct principal *w)
{
  json_t *j = json_pack("{s:{s:I,s:s,s:o}}", "pengguna", "id", (json_int_t)w->pengguna_id,
                        "username", w->username, "peran", roles_json(w->peran));
  if (!j) return NULL;
  json_object_set_new(json_object_get(j, "pengguna"), "instansi_id",
                      w->instansi_id ? json_integer(w->instansi_id) : json_null());
  json_t *p = w->pegawai_id ? pegawai_json(db, w->pegawai_id) : NULL;
  json_object_set_new(j, "pegawai", p ? p : json_null());
  int64_t n = 0;
  if (w->pegawai_id)
    db_query_int64(db, "SELECT COUNT(*) FROM pegawai WHERE atasan_id = ?1 AND aktif = 1", 1, w->pegawai_id, &n);
  json_object_set_new(j, "jumlah_bawahan", json_integer(n));
  json_object_set_new(j, "atasan", json_boolean(n > 0));
  api_dua_faktor_me(db, w, j);
  api_latihan_me(db, w, j);
  return j;
}

int api_login(struct request *req)
{
  const char *username = NULL, *password = NULL;
  char addr[64];
  static const char *const allowed[] = {"username", "password", NULL};
  jbody_only(req, allowed);
  jbody_string(req, "username", true, 100, &username);
  jbody_string(req, "password", true, PASSWORD_MAX_LEN, &password);
  if (verr_any(req)) return reply_verr(req, 422);
  http_client_addr(req, addr, sizeof addr);
  struct db *db = http_db(req);
  if (!db) return 0;
  if (throttle_blocked(db, addr)) {
    reply_header(req, "Retry-After", "300");
    return reply_problem(req, 429, "Terlalu banyak percobaan",
                         "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam 5 menit.");
  }
  struct principal who;
  int64_t until = 0;
  struct audit_actor actor;
  http_actor(req, &actor);
  /* the ~44 ms argon2id check runs outside any transaction, so logins never hold the write lock */
  enum login_result r = auth_login(db, username, password, &who, &until);
  if (r == LOGIN_ERROR) return reply_db_error(req);
  if (db_begin_write(db) != DB_OK) return reply_db_error(req);
  if (r != LOGIN_OK) {
    /* audited when this attempt set the lock (not by the clock: a slow argon2 check, e.g.
     * under valgrind, must not lose the record) */
    if (r == LOGIN_LOCKED_NOW) {
      json_t *a = json_pack("{s:s,s:I}", "username", username, "terkunci_sampai", (json_int_t)until);
      audit_append(db, &actor, 0, "auth.lockout", "pengguna", 0, NULL, a);
      json_decref(a);
    }
    if (db_commit(db) != DB_OK) { db_rollback(db); return reply_db_error(req); }
    throttle_fail(db, addr);
    if (r == LOGIN_LOCKED || r == LOGIN_LOCKED_NOW) {
      char d[200];
      long mins = (long)((until - now_unix() + 59) / 60);
      snprintf(d, sizeof d, "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam %ld menit.", mins);
      reply_header(req, "Retry-After", "900");
      return reply_problem(req, 429, "Akun dikunci sementara", d);
    }
    return reply_problem(req, 401, "Gagal masuk", "NIP/nama pengguna atau kata sandi salah.");
  }
  /* an instansi that signs in through SSO only (oidc_konfig.lokal_nonaktif); never superadmin */
  int sso_saja = (who.peran & PERAN_SUPERADMIN) ? 0 : oidc_lokal_nonaktif(db, who.instansi_id);
  if (sso_saja != 0) {
    db_rollback(db);
    if (sso_saja < 0) return reply_db_error(req);
    return reply_problem(req, 403, "Masuk melalui SSO",
                         "Instansi Anda mewajibkan masuk melalui SSO (single sign-on). Pilih instansi Anda pada tombol \"Masuk dengan SSO\" di halaman masuk.");
  }
  /* a second factor is due: a short-lived pending login, not a session */
  struct df_status df;
  if (df_status(db, who.pengguna_id, &df) != 0) { db_rollback(db); return reply_db_error(req); }
  if (df.aktif) {
    char t2[65];
    if (df_tertunda_buat(db, who.pengguna_id, t2) != 0 || db_commit(db) != DB_OK) {
      db_rollback(db);
      return reply_db_error(req);
    }
    return reply_json(req, 202, json_pack("{s:b,s:s,s:i,s:[ss]}", "perlu_2fa", 1, "token_2fa", t2,
                                          "berlaku_detik", DF_TERTUNDA_DETIK, "metode", "totp", "kode_pemulihan"));
  }
  /* 2FA required but not enrolled: the grace starts now; after it, a restricted session */
  struct df_wajib w;
  if (df_wajib(db, &who, &w) != 0 || (w.catat_sejak && df_wajib_mulai(db, who.pengguna_id, w.sejak) != 0)) {
    db_rollback(db);
    return reply_db_error(req);
  }
  throttle_reset(db, addr);
  return api_sesi_buka(req, db, &who, w.wajib && w.lewat, NULL);
}

int api_sesi_buka(struct request *req, struct db *db, struct principal *who, bool terbatas, json_t *catatan)
{
  struct audit_actor actor;
  http_actor(req, &actor);
  /* rotate: a previous session presented with this request ends here */
  const char *old = http_session_cookie(req);
  if (old) {
    struct principal prev;
    if (session_lookup(db, old, req->srv ? server_config(req->srv)->session_idle : 1800, &prev) == 0)
      session_delete(db, prev.sesi_id);
  }
  char token[SECRET_MAX], csrf[65];
  int64_t sesi_id = 0;
  const struct config *cfg = server_config(req->srv);
  actor.pengguna_id = who->pengguna_id;
  json_t *after = catatan ? catatan : json_object();
  if (terbatas) json_object_set_new(after, "terbatas", json_true());
  if (json_object_size(after) == 0) { json_decref(after); after = NULL; }
  if (session_create(db, who->pengguna_id, cfg->session_max, token, csrf, &sesi_id) != 0 ||
      (terbatas && session_set_terbatas(db, sesi_id, true) != 0) ||
      audit_append(db, &actor, who->instansi_id, "auth.login", "pengguna", who->pengguna_id, NULL, after) != 0 ||
      db_commit(db) != DB_OK) {
    json_decref(after);
    db_rollback(db);
    return reply_db_error(req);
  }
  json_decref(after);
  char cookie[300];
  snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s", SESSION_COOKIE,
           token, cfg->session_max, cfg->cookie_secure ? "; Secure" : "");
  reply_header(req, "Set-Cookie", cookie);
  who->sesi_id = sesi_id;
  who->terbatas = terbatas;
  req->who = *who;
  json_t *j = me_json(db, who);
  if (j) json_object_set_new(j, "csrf_token", json_string(csrf));
  return reply_json(req, 200, j);
}

int api_logout(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  char sso[2048];   /* the SSO provider's logout URL, for a session opened by SSO */
  if (api_oidc_keluar_url(req, sso, sizeof sso) != 0) return reply_db_error(req);
  if (req->who.sesi_id && session_delete(db, req->who.sesi_id) != 0) return reply_db_error(req);
  const struct config *cfg = server_config(req->srv);
  char cookie[200];
  snprintf(cookie, sizeof cookie, "%s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0%s", SESSION_COOKIE,
           cfg->cookie_secure ? "; Secure" : "");
  reply_header(req, "Set-Cookie", cookie);
  if (sso[0]) return reply_json(req, 200, json_pack("{s:s}", "keluar_sso", sso));
  return reply_no_content(req);
}

int api_me(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = me_json(db, &req->who);
  if (j && req->who.sesi_id) json_object_set_new(j, "csrf_token", json_string(req->who.csrf));
  return reply_json(req, 200, j);
}

int api_password(struct request *req)
{
  static const char *const allowed[] = {"sandi_lama", "sandi_baru", NULL};
  const char *lama = NULL, *baru = NULL;
  jbody_only(req, allowed);
  jbody_string(req, "sandi_lama", true, PASSWORD_MAX_LEN, &lama);
  jbody_string(req, "sandi_baru", true, PASSWORD_MAX_LEN, &baru);
  if (baru) {
    const char *why = password_policy(baru);
    if (why) verr_add(req, "sandi_baru", why);
    else if (lama && strcmp(lama, baru) == 0) verr_add(req, "sandi_baru", "kata sandi baru harus berbeda dari yang lama");
  }
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = http_db(req);
  if (!db) return 0;
  char hash[PASSWORD_HASH_MAX] = "";
  struct db_stmt *st = db_prepare(db, "SELECT password_hash FROM pengguna WHERE id = ?1");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, req->who.pengguna_id);
  if (db_step(st) == DB_ROW) str_copy(hash, sizeof hash, db_col_text(st, 0));
  db_done(st);
  if (!password_verify(hash, lama)) {
    verr_add(req, "sandi_lama", "kata sandi lama salah");
    return reply_verr(req, 422);
  }
  char nh[PASSWORD_HASH_MAX];
  if (password_hash(baru, nh) != 0) return reply_problem(req, 500, "Kesalahan server", "Gagal membuat hash kata sandi.");
  struct audit_actor actor;
  http_actor(req, &actor);
  if (!(db = api_begin(req))) return 0;
  int rc = -1;
  st = db_prepare(db, "UPDATE pengguna SET password_hash = ?2, sandi_diubah = ?3 WHERE id = ?1");
  if (st) {
    db_bind_int64(st, 1, req->who.pengguna_id);
    db_bind_text(st, 2, nh);
    db_bind_int64(st, 3, now_unix());
    rc = db_step(st) == DB_DONE ? 0 : -1;
    db_done(st);
  }
  /* other sessions end; this one stays */
  if (rc == 0) rc = session_delete_user(db, req->who.pengguna_id, req->who.sesi_id);
  if (rc == 0) rc = audit_append(db, &actor, req->who.instansi_id, "pengguna.password", "pengguna",
                                 req->who.pengguna_id, NULL, NULL);
  if (api_end(req, db, rc) != 0) return req->status ? 0 : reply_db_error(req);
  return reply_no_content(req);
}
