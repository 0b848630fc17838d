/* api_admin.c: accounts (/api/v1/pengguna, admin instansi) and API tokens (/api/v1/token,
 * each user manages their own). */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "audit.h"
#include "auth/password.h"
#include "auth/rbac.h"
#include "auth/session.h"
#include "db/db.h"
#include "latihan.h"
#include "util/errs.h"
#include "util/util.h"

static const struct { const char *name; unsigned bit; } peran_names[] = {
  {"admin", PERAN_ADMIN}, {"pimpinan", PERAN_PIMPINAN}, {"auditor", PERAN_AUDITOR},
  {"superadmin", PERAN_SUPERADMIN},
};

static json_t *peran_json(unsigned p)
{
  json_t *a = json_array();
  for (size_t i = 0; i < sizeof peran_names / sizeof peran_names[0]; i++)
    if (p & peran_names[i].bit) json_array_append_new(a, json_string(peran_names[i].name));
  return a;
}

/* Parses "peran": ["admin", ...]; only superadmin grants superadmin.  -1 on error (recorded). */
static int parse_peran(struct request *req, json_t *v, unsigned *out)
{
  size_t i;
  json_t *e;
  *out = 0;
  if (!json_is_array(v)) { verr_add(req, "peran", "harus daftar peran, misalnya [\"admin\"]"); return -1; }
  json_array_foreach(v, i, e) {
    unsigned bit = 0;
    for (size_t k = 0; k < sizeof peran_names / sizeof peran_names[0]; k++)
      if (json_is_string(e) && strcmp(json_string_value(e), peran_names[k].name) == 0) bit = peran_names[k].bit;
    if (!bit) { verr_add(req, "peran", "peran harus admin, pimpinan, auditor atau superadmin"); return -1; }
    if (bit == PERAN_SUPERADMIN && !(req->who.peran & PERAN_SUPERADMIN)) {
      verr_add(req, "peran", "hanya superadmin yang dapat memberi peran superadmin");
      return -1;
    }
    *out |= bit;
  }
  return 0;
}

#define PENGGUNA_COLS "u.id, u.username, COALESCE(u.instansi_id, 0), COALESCE(u.pegawai_id, 0), u.peran," \
                      " u.aktif, u.terkunci_sampai, p.nip, p.nama," \
                      " CASE WHEN EXISTS (SELECT 1 FROM dua_faktor d WHERE d.pengguna_id = u.id AND d.aktif = 1) THEN 1 ELSE 0 END"
#define PENGGUNA_FROM " FROM pengguna u LEFT JOIN pegawai p ON p.id = u.pegawai_id"

static json_t *pengguna_row(struct db_stmt *st)
{
  json_t *j = json_pack("{s:I,s:s,s:o,s:b,s:b}", "id", (json_int_t)db_col_int64(st, 0),
                        "username", db_col_text(st, 1), "peran", peran_json((unsigned)db_col_int64(st, 4)),
                        "aktif", (int)db_col_int64(st, 5), "terkunci", db_col_int64(st, 6) > now_unix());
  if (!j) return NULL;
  json_object_set_new(j, "instansi_id", db_col_int64(st, 2) ? json_integer(db_col_int64(st, 2)) : json_null());
  json_object_set_new(j, "dua_faktor_aktif", json_boolean(db_col_int64(st, 9) != 0));
  json_object_set_new(j, "pegawai", db_col_int64(st, 3)
    ? json_pack("{s:I,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 3), "nip", db_col_text(st, 7), "nama", db_col_text(st, 8))
    : json_null());
  return j;
}

static json_t *pengguna_json(struct db *db, int64_t id, int64_t *inst)
{
  struct db_stmt *st = db_prepare(db, "SELECT " PENGGUNA_COLS PENGGUNA_FROM " WHERE u.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) { j = pengguna_row(st); if (inst) *inst = db_col_int64(st, 2); }
  db_done(st);
  return j;
}

int api_pengguna_list(struct request *req)
{
  int limit;
  int64_t inst, after = 0;
  if (api_limit(req, &limit) != 0 || api_list_instansi(req, &inst) != 0) return 0;
  const char *cur = http_query(req, "cursor"), *q = http_query(req, "q");
  if (cur && parse_int64(cur, 1, INT64_MAX, &after) != 0) { verr_add(req, "cursor", "cursor tidak valid"); return reply_verr(req, 422); }
  if (q && strlen(q) > 100) { verr_add(req, "q", "maksimal 100 karakter"); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  /* ordered by id; the cursor is the last id */
  struct db_stmt *st = db_prepare(db, "SELECT " PENGGUNA_COLS PENGGUNA_FROM
    " WHERE (?1 = 0 OR u.instansi_id = ?1) AND u.id > ?2"
    "   AND (?3 IS NULL OR u.username LIKE ?3 || '%' OR p.nip LIKE ?3 || '%' OR LOWER(p.nama) LIKE '%' || LOWER(?3) || '%')"
    " ORDER BY u.id LIMIT ?4");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, after);
  db_bind_text(st, 3, q && *q ? q : NULL);
  db_bind_int64(st, 4, limit + 1);
  json_t *items = json_array(), *next = json_null();
  int s, n = 0;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == limit) {
      char c[24];
      snprintf(c, sizeof c, "%lld", (long long)json_integer_value(json_object_get(json_array_get(items, (size_t)n - 1), "id")));
      json_decref(next);
      next = json_string(c);
      break;
    }
    json_array_append_new(items, pengguna_row(st));
    n++;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) { json_decref(items); json_decref(next); return reply_db_error(req); }
  return reply_json(req, 200, json_pack("{s:o,s:o,s:i}", "items", items, "next_cursor", next, "limit", limit));
}

int api_pengguna_create(struct request *req)
{
  static const char *const allowed[] = {"username", "password", "pegawai_id", "peran", "instansi_id", NULL};
  const char *username = NULL, *password = NULL;
  int64_t pegawai_id = 0, inst;
  unsigned peran = 0;
  if (api_write_instansi(req, &inst) != 0) return 0;
  jbody_only(req, allowed);
  jbody_string(req, "username", true, 60, &username);
  jbody_string(req, "password", true, PASSWORD_MAX_LEN, &password);
  jbody_int(req, "pegawai_id", false, 1, INT64_MAX, &pegawai_id);
  json_t *pv = json_object_get(req->json, "peran");
  if (pv) parse_peran(req, pv, &peran);
  if (username) {
    for (const char *c = username; *c; c++)
      if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '.' || *c == '_' || *c == '-')) {
        verr_add(req, "username", "hanya huruf kecil, angka, titik, garis bawah dan tanda hubung");
        break;
      }
    if (strlen(username) < 3) verr_add(req, "username", "minimal 3 karakter");
  }
  if (password) { const char *why = password_policy(password); if (why) verr_add(req, "password", why); }
  if (!pegawai_id && !peran) verr_add(req, "pegawai_id", "akun tanpa pegawai harus memiliki peran");
  struct db *db = http_db(req);
  if (!db) return 0;
  if (pegawai_id) {
    int64_t pi = 0;
    int rc = db_query_int64(db, "SELECT instansi_id FROM pegawai WHERE id = ?1", 1, pegawai_id, &pi);
    if (rc == DB_DONE || (rc == DB_ROW && pi != inst)) verr_add(req, "pegawai_id", "pegawai tidak ditemukan di instansi ini");
    else if (rc != DB_ROW) return reply_db_error(req);
  }
  if (verr_any(req)) return reply_verr(req, 422);
  char hash[PASSWORD_HASH_MAX];
  if (password_hash(password, hash) != 0) return reply_problem(req, 500, "Kesalahan server", "Gagal membuat hash kata sandi.");
  if (!(db = api_begin(req))) return 0;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO pengguna (instansi_id, pegawai_id, username, password_hash, peran, aktif, sandi_diubah, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6) RETURNING id");
  if (!st) { db_rollback(db); return reply_db_error(req); }
  db_bind_id(st, 1, (peran & PERAN_SUPERADMIN) ? 0 : inst);
  db_bind_id(st, 2, pegawai_id);
  db_bind_text(st, 3, username);
  db_bind_text(st, 4, hash);
  db_bind_int64(st, 5, peran);
  db_bind_int64(st, 6, now_unix());
  int s = db_step(st);
  int64_t id = s == DB_ROW ? db_col_int64(st, 0) : 0;
  db_done(st);
  if (s == DB_CONSTRAINT) {
    db_rollback(db);
    verr_add(req, pegawai_id ? "pegawai_id" : "username", "username sudah dipakai atau pegawai sudah memiliki akun");
    return reply_verr(req, 409);
  }
  int rc = s == DB_ROW ? 0 : -1;
  json_t *after = rc == 0 ? pengguna_json(db, id, NULL) : NULL;
  struct audit_actor a;
  http_actor(req, &a);
  if (rc == 0) rc = audit_append(db, &a, inst, "pengguna.create", "pengguna", id, NULL, after);
  if (api_end(req, db, rc) != 0) { json_decref(after); return req->status ? 0 : reply_db_error(req); }
  return reply_json(req, 201, after);
}

int api_pengguna_update(struct request *req)
{
  static const char *const allowed[] = {"peran", "aktif", "password", "buka_kunci", NULL};
  int64_t id = http_param_id(req, "id"), inst = 0;
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *before = pengguna_json(db, id, &inst);
  if (!before) return reply_not_found(req, "Pengguna");
  if (!rbac_instansi_admin(&req->who, inst) || (!inst && !(req->who.peran & PERAN_SUPERADMIN))) {
    json_decref(before);
    return reply_forbidden(req);
  }
  jbody_only(req, allowed);
  unsigned peran = 0;
  json_t *pv = json_object_get(req->json, "peran");
  if (pv) parse_peran(req, pv, &peran);
  bool aktif = true, has_aktif = jbody_bool(req, "aktif", false, &aktif);
  bool unlock = false;
  jbody_bool(req, "buka_kunci", false, &unlock);
  const char *password = NULL;
  if (jbody_string(req, "password", false, PASSWORD_MAX_LEN, &password)) {
    const char *why = password_policy(password);
    if (why) verr_add(req, "password", why);
  }
  if (id == req->who.pengguna_id && ((has_aktif && !aktif) || (pv && !(peran & PERAN_ADMIN) && (req->who.peran & PERAN_ADMIN))))
    verr_add(req, has_aktif ? "aktif" : "peran", "Anda tidak dapat menonaktifkan atau mencabut peran admin akun Anda sendiri");
  if (verr_any(req)) { json_decref(before); return reply_verr(req, 422); }
  char hash[PASSWORD_HASH_MAX] = "";
  if (password && password_hash(password, hash) != 0) { json_decref(before); return reply_db_error(req); }
  if (!(db = api_begin(req))) { json_decref(before); return 0; }
  struct db_stmt *st = db_prepare(db,
    "UPDATE pengguna SET peran = COALESCE(?2, peran), aktif = COALESCE(?3, aktif),"
    " password_hash = COALESCE(?4, password_hash),"
    " sandi_diubah = CASE WHEN ?4 IS NULL THEN sandi_diubah ELSE ?6 END,"
    " gagal_login = CASE WHEN ?5 = 1 THEN 0 ELSE gagal_login END,"
    " terkunci_sampai = CASE WHEN ?5 = 1 THEN 0 ELSE terkunci_sampai END"
    " WHERE id = ?1");
  int rc = -1;
  if (st) {
    db_bind_int64(st, 1, id);
    if (pv) db_bind_int64(st, 2, peran); else db_bind_null(st, 2);
    if (has_aktif) db_bind_int64(st, 3, aktif); else db_bind_null(st, 3);
    db_bind_text(st, 4, password ? hash : NULL);
    db_bind_int64(st, 5, unlock);
    db_bind_int64(st, 6, now_unix());
    rc = db_step(st) == DB_DONE ? 0 : -1;
    db_done(st);
  }
  /* a deactivated account or a reset password ends the account's sessions */
  if (rc == 0 && ((has_aktif && !aktif) || password)) rc = session_delete_user(db, id, 0);
  json_t *after = rc == 0 ? pengguna_json(db, id, NULL) : NULL;
  struct audit_actor a;
  http_actor(req, &a);
  if (rc == 0) {
    json_t *aa = json_deep_copy(after);
    if (password) json_object_set_new(aa, "password", json_string("(diubah)"));
    rc = audit_append(db, &a, inst, "pengguna.update", "pengguna", id, before, aa);
    json_decref(aa);
  }
  json_decref(before);
  if (api_end(req, db, rc) != 0) { json_decref(after); return req->status ? 0 : reply_db_error(req); }
  return reply_json(req, 200, after);
}

int api_token_list(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT id, nama, cakupan, dibuat, dipakai, dicabut FROM token_api WHERE pengguna_id = ?1 ORDER BY id DESC LIMIT 200");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, req->who.pengguna_id);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW) {
    json_t *o = json_pack("{s:I,s:s,s:s,s:I}", "id", (json_int_t)db_col_int64(st, 0), "nama", db_col_text(st, 1),
                          "cakupan", db_col_text(st, 2), "dibuat", (json_int_t)db_col_int64(st, 3));
    json_object_set_new(o, "dipakai", db_col_is_null(st, 4) ? json_null() : json_integer(db_col_int64(st, 4)));
    json_object_set_new(o, "dicabut", db_col_is_null(st, 5) ? json_null() : json_integer(db_col_int64(st, 5)));
    json_array_append_new(items, o);
  }
  db_done(st);
  return reply_json(req, 200, json_pack("{s:o}", "items", items));
}

int api_token_create(struct request *req)
{
  static const char *const allowed[] = {"nama", "cakupan", NULL};
  const char *nama = NULL, *cakupan = NULL;
  jbody_only(req, allowed);
  jbody_string(req, "nama", true, 100, &nama);
  if (jbody_string(req, "cakupan", false, 10, &cakupan) && strcmp(cakupan, "read") && strcmp(cakupan, "write"))
    verr_add(req, "cakupan", "harus read atau write");
  if (verr_any(req)) return reply_verr(req, 422);
  if (req->who.token_id) return reply_problem(req, 403, "Akses ditolak", "Token API tidak dapat membuat token baru; gunakan sesi masuk.");
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t latihan = latihan_asal_instansi(db, req->who.instansi_id);
  if (latihan < 0) return reply_db_error(req);
  if (latihan > 0)   /* an integration must never read practice data as real */
    return reply_problem(req, 409, "Tidak dapat diproses", "Token API tidak dapat dibuat dalam mode latihan.");
  if (!(db = api_begin(req))) return 0;
  char token[SECRET_MAX];
  int64_t id = 0;
  bool write = cakupan && strcmp(cakupan, "write") == 0;
  int rc = token_create(db, req->who.pengguna_id, nama, write, token, &id);
  struct audit_actor a;
  http_actor(req, &a);
  json_t *after = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)id, "nama", nama, "cakupan", write ? "write" : "read");
  if (rc == 0) rc = audit_append(db, &a, req->who.instansi_id, "token.create", "token_api", id, NULL, after);
  if (api_end(req, db, rc) != 0) { json_decref(after); return req->status ? 0 : reply_db_error(req); }
  json_object_set_new(after, "token", json_string(token));
  json_object_set_new(after, "catatan", json_string("Simpan token ini sekarang; token tidak akan ditampilkan lagi."));
  return reply_json(req, 201, after);
}

int api_token_delete(struct request *req)
{
  int64_t id = http_param_id(req, "id"), owner = 0;
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  int rc = db_query_int64(db, "SELECT pengguna_id FROM token_api WHERE id = ?1 AND dicabut IS NULL", 1, id, &owner);
  if (rc == DB_DONE || (rc == DB_ROW && owner != req->who.pengguna_id)) return reply_not_found(req, "Token");
  if (rc != DB_ROW) return reply_db_error(req);
  if (!(db = api_begin(req))) return 0;
  struct db_stmt *st = db_prepare(db, "UPDATE token_api SET dicabut = ?2 WHERE id = ?1");
  rc = -1;
  if (st) {
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, now_unix());
    rc = db_step(st) == DB_DONE ? 0 : -1;
    db_done(st);
  }
  struct audit_actor a;
  http_actor(req, &a);
  if (rc == 0) rc = audit_append(db, &a, req->who.instansi_id, "token.revoke", "token_api", id, NULL, NULL);
  if (api_end(req, db, rc) != 0) return req->status ? 0 : reply_db_error(req);
  return reply_no_content(req);
}
