/* api_dua_faktor.c: the second step of the sign-in and the account's own 2FA settings
 * (/api/v1/auth/2fa...), and an admin's reset after a lost device (issue 11 item 1).
 *
 * Enrolment and changes need a browser session (a bearer token is a machine credential and is
 * never asked for a second factor, so it may not change one either).  Wrong codes at sign-in,
 * when regenerating recovery codes and when disabling count with the account's failures and
 * lock it like wrong passwords (dua_faktor.h df_gagal). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_dua_faktor.h"
#include "aktivitas.h"
#include "audit.h"
#include "auth/dua_faktor.h"
#include "auth/password.h"
#include "auth/session.h"
#include "auth/totp.h"
#include "bukti.h"
#include "config.h"
#include "db/db.h"
#include "http/authn.h"
#include "http/server.h"
#include "qr.h"
#include "util/log.h"
#include "util/util.h"

#define PENERBIT "e-Kinerja"

/* The 2FA keys, derived from the evidence key; replies 503 when it is unavailable. */
static int kunci(struct request *req, struct df_kunci *k)
{
  char err[400];
  struct bukti_gudang g;
  if (bukti_gudang_buka(&g, server_config(req->srv)->data_dir, getenv("KINERJA_BUKTI_KEY"), err, sizeof err) != 0) {
    log_msg(LOG_ERROR, "2fa: %s", err);
    reply_header(req, "Retry-After", "60");
    reply_problem(req, 503, "Kunci server tidak tersedia",
                  "Kunci server untuk verifikasi dua langkah belum siap. Hubungi admin sistem.");
    return -1;
  }
  df_kunci_turunkan(k, g.kunci);
  bukti_gudang_tutup(&g);
  return 0;
}

static void kunci_hapus(struct df_kunci *k) { sodium_memzero(k, sizeof *k); }

/* Changes to the second factor come from a browser session only. */
static int sesi_saja(struct request *req)
{
  if (!req->who.token_id) return 0;
  reply_problem(req, 403, "Akses ditolak",
                "Verifikasi dua langkah hanya dapat diatur dari sesi masuk di peramban, bukan dengan token API.");
  return -1;
}

static int sso_sesi(struct db *db, int64_t sesi_id)
{
  int64_t n = 0;
  if (!sesi_id) return 0;
  if (db_query_int64(db, "SELECT COUNT(*) FROM oidc_sesi WHERE sesi_id = ?1", 1, sesi_id, &n) != DB_ROW) return 0;
  return n > 0;
}

void api_dua_faktor_me(struct db *db, const struct principal *who, json_t *me)
{
  struct df_status s;
  struct df_wajib w;
  if (df_status(db, who->pengguna_id, &s) != 0) memset(&s, 0, sizeof s);
  bool sso = sso_sesi(db, who->sesi_id);
  if (sso || df_wajib(db, who, &w) != 0) memset(&w, 0, sizeof w);   /* the IdP did the MFA */
  json_object_set_new(me, "dua_faktor", json_pack("{s:b,s:i}", "aktif", s.aktif, "sisa_kode_pemulihan", s.sisa_kode));
  json_object_set_new(me, "wajib_2fa", df_wajib_json(&w));
  json_object_set_new(me, "sesi_terbatas", json_boolean(who->terbatas));
}

static json_t *kode_json(char kode[DF_KODE_PEMULIHAN][DF_KODE_PEMULIHAN_LEN])
{
  json_t *a = json_array();
  for (int i = 0; i < DF_KODE_PEMULIHAN; i++) json_array_append_new(a, json_string(kode[i]));
  return a;
}

/* Counts a wrong code in the caller's transaction and commits; replies 429 when the account
 * is now locked, else 422 on field `kode` (or 401 at sign-in). */
static int salah(struct request *req, struct db *db, int64_t pengguna_id, int64_t instansi_id, int r, int status)
{
  int64_t sampai = 0;
  struct audit_actor a;
  http_actor(req, &a);
  if (df_gagal(db, pengguna_id, &sampai) != 0) { db_rollback(db); return reply_db_error(req); }
  if (sampai) {
    json_t *j = json_pack("{s:s,s:I}", "alasan", "kode 2FA salah berulang kali", "terkunci_sampai", (json_int_t)sampai);
    int rc = audit_append(db, &a, instansi_id, "auth.lockout", "pengguna", pengguna_id, NULL, j);
    json_decref(j);
    if (rc != 0) { db_rollback(db); return reply_db_error(req); }
  }
  if (db_commit(db) != DB_OK) { db_rollback(db); return reply_db_error(req); }
  if (sampai) {
    reply_header(req, "Retry-After", "900");
    return reply_problem(req, 429, "Akun dikunci sementara",
                         "Akun dikunci sementara karena kode verifikasi salah terlalu sering. Coba lagi dalam 15 menit.");
  }
  const char *pesan = r == 2 ? "kode ini sudah dipakai; tunggu kode berikutnya di aplikasi autentikator"
                             : "kode salah atau sudah kedaluwarsa";
  if (status == 401) {
    char d[200];
    snprintf(d, sizeof d, "Verifikasi gagal: %s.", pesan);
    return reply_problem(req, 401, "Kode verifikasi salah", d);
  }
  verr_add(req, "kode", pesan);
  return reply_verr(req, status);
}

/* ---- the second step of the sign-in ---- */

int api_login_2fa(struct request *req)
{
  static const char *const allowed[] = {"token_2fa", "kode", "kode_pemulihan", NULL};
  const char *token = NULL, *kode = NULL, *pemulihan = NULL;
  char addr[64];
  jbody_only(req, allowed);
  jbody_string(req, "token_2fa", true, 64, &token);
  jbody_string(req, "kode", false, 6, &kode);
  jbody_string(req, "kode_pemulihan", false, 20, &pemulihan);
  if (!kode && !pemulihan) verr_add(req, "kode", "isi kode 6 angka dari aplikasi autentikator, atau kode_pemulihan");
  if (kode && pemulihan) verr_add(req, "kode_pemulihan", "isi salah satu: kode atau kode_pemulihan");
  if (verr_any(req)) return reply_verr(req, 422);
  http_client_addr(req, addr, sizeof addr);
  struct db *db = http_db(req);
  if (!db) return 0;
  if (throttle_blocked(db, addr)) {
    reply_header(req, "Retry-After", "300");
    return reply_problem(req, 429, "Terlalu banyak percobaan",
                         "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam 5 menit.");
  }
  struct df_kunci k;
  if (kunci(req, &k) != 0) return 0;
  if (db_begin_write(db) != DB_OK) { kunci_hapus(&k); return reply_db_error(req); }
  int64_t tid = 0, uid = 0;
  int gagal = 0;
  struct principal who;
  int r = df_tertunda_cari(db, token, &tid, &uid, &gagal);
  if (r == 0 && principal_load(db, uid, &who) != 0) r = 1;
  if (r != 0) {
    db_rollback(db);
    kunci_hapus(&k);
    if (r < 0) return reply_db_error(req);
    throttle_fail(db, addr);
    return reply_problem(req, 401, "Langkah masuk berakhir",
                         "Waktu memasukkan kode telah habis atau langkah masuk tidak dikenal. Masuk lagi dengan kata sandi.");
  }
  int64_t sampai = 0;
  if (db_query_int64(db, "SELECT terkunci_sampai FROM pengguna WHERE id = ?1", 1, uid, &sampai) != DB_ROW) {
    db_rollback(db);
    kunci_hapus(&k);
    return reply_db_error(req);
  }
  if (sampai > now_unix()) {
    db_rollback(db);
    kunci_hapus(&k);
    reply_header(req, "Retry-After", "900");
    return reply_problem(req, 429, "Akun dikunci sementara",
                         "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi nanti.");
  }
  struct audit_actor a;
  http_actor(req, &a);
  a.pengguna_id = uid;
  r = kode ? df_cek_kode(db, &k, uid, kode, false) : df_pakai_kode(db, &k, uid, pemulihan, &a, who.instansi_id);
  kunci_hapus(&k);
  if (r < 0) { db_rollback(db); return reply_db_error(req); }
  if (r != 0) {
    throttle_fail(db, addr);
    if (df_tertunda_gagal(db, tid) != 0) { db_rollback(db); return reply_db_error(req); }
    return salah(req, db, uid, who.instansi_id, r, 401);
  }
  if (df_berhasil(db, uid) != 0 || df_tertunda_hapus_pengguna(db, uid) != 0) { db_rollback(db); return reply_db_error(req); }
  throttle_reset(db, addr);
  return api_sesi_buka(req, db, &who, false, json_pack("{s:s}", "metode", kode ? "totp" : "kode_pemulihan"));
}

/* ---- the account's own settings ---- */

int api_2fa_status(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  struct df_status s;
  if (df_status(db, req->who.pengguna_id, &s) != 0) return reply_db_error(req);
  bool sso = sso_sesi(db, req->who.sesi_id);
  json_t *j = json_pack("{s:b,s:b,s:i,s:b}", "aktif", s.aktif, "tertunda", s.tertunda, "sisa_kode_pemulihan", s.sisa_kode,
                        "sso", sso);
  json_object_set_new(j, "diaktifkan", s.diaktifkan ? json_integer(s.diaktifkan) : json_null());
  struct df_wajib w;
  if (df_wajib(db, &req->who, &w) != 0) { json_decref(j); return reply_db_error(req); }
  if (sso) memset(&w, 0, sizeof w);   /* the identity provider did the multi-factor step */
  json_object_set_new(j, "wajib_2fa", df_wajib_json(&w));
  json_object_set_new(j, "boleh_nonaktif", json_boolean(s.aktif && !(req->who.peran & DF_PERAN_WAJIB)));
  json_object_set_new(j, "sesi_terbatas", json_boolean(req->who.terbatas));
  return reply_json(req, 200, j);
}

int api_2fa_mulai(struct request *req)
{
  static const char *const allowed[] = {NULL};
  jbody_only(req, allowed);
  if (verr_any(req)) return reply_verr(req, 422);
  if (sesi_saja(req) != 0) return 0;
  struct df_kunci k;
  if (kunci(req, &k) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) { kunci_hapus(&k); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  char b32[40];
  int r = df_mulai(db, &k, req->who.pengguna_id, b32, &a, req->who.instansi_id);
  kunci_hapus(&k);
  if (r == 3) {
    db_rollback(db);
    return reply_problem(req, 409, "2FA sudah aktif",
                         "Verifikasi dua langkah sudah aktif untuk akun ini. Nonaktifkan dulu bila ingin mengganti perangkat.");
  }
  if (api_end(req, db, r) != 0) return req->status ? 0 : reply_db_error(req);
  char uri[512];
  if (totp_uri(PENERBIT, req->who.username, b32, uri, sizeof uri) != 0) return reply_problem(req, 500, "Kesalahan server", "Alamat otpauth terlalu panjang.");
  size_t n = 0;
  char *svg = qr_svg(uri, &n);
  json_t *j = json_pack("{s:s,s:s,s:s,s:s,s:i,s:i}", "otpauth_uri", uri, "kunci", b32, "penerbit", PENERBIT,
                        "akun", req->who.username, "digit", TOTP_DIGIT, "periode_detik", TOTP_LANGKAH);
  if (svg) {
    size_t blen = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
    char *b = malloc(blen + 32);
    if (b) {
      memcpy(b, "data:image/svg+xml;base64,", 26);
      sodium_bin2base64(b + 26, blen, (const unsigned char *)svg, n, sodium_base64_VARIANT_ORIGINAL);
      json_object_set_new(j, "qr_svg", json_string(b));
      free(b);
    }
    free(svg);
  }
  sodium_memzero(b32, sizeof b32);
  return reply_json(req, 200, j);
}

int api_2fa_aktifkan(struct request *req)
{
  static const char *const allowed[] = {"kode", NULL};
  const char *kode = NULL;
  jbody_only(req, allowed);
  jbody_string(req, "kode", true, 6, &kode);
  if (verr_any(req)) return reply_verr(req, 422);
  if (sesi_saja(req) != 0) return 0;
  struct df_kunci k;
  if (kunci(req, &k) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) { kunci_hapus(&k); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  char kode_baru[DF_KODE_PEMULIHAN][DF_KODE_PEMULIHAN_LEN];
  int r = df_aktifkan(db, &k, req->who.pengguna_id, kode, kode_baru, &a, req->who.instansi_id);
  kunci_hapus(&k);
  if (r == 4) {
    db_rollback(db);
    return reply_problem(req, 409, "Belum ada pendaftaran",
                         "Mulai pendaftaran 2FA dulu (pindai kode QR), lalu masukkan kode dari aplikasi autentikator.");
  }
  if (r == 1 || r == 2) {
    db_rollback(db);
    verr_add(req, "kode", r == 2 ? "kode ini sudah dipakai; tunggu kode berikutnya" : "kode salah; periksa jam perangkat dan coba kode terbaru");
    return reply_verr(req, 422);
  }
  /* a restricted session has now enrolled: it becomes a full one */
  if (r == 0 && req->who.terbatas) r = session_set_terbatas(db, req->who.sesi_id, false);
  if (r == 0) r = df_berhasil(db, req->who.pengguna_id);
  if (api_end(req, db, r) != 0) return req->status ? 0 : reply_db_error(req);
  json_t *j = json_pack("{s:b,s:o}", "aktif", 1, "kode_pemulihan", kode_json(kode_baru));
  sodium_memzero(kode_baru, sizeof kode_baru);
  return reply_json(req, 200, j);
}

int api_2fa_kode_pemulihan(struct request *req)
{
  static const char *const allowed[] = {"kode", NULL};
  const char *kode = NULL;
  jbody_only(req, allowed);
  jbody_string(req, "kode", true, 6, &kode);
  if (verr_any(req)) return reply_verr(req, 422);
  if (sesi_saja(req) != 0) return 0;
  struct df_kunci k;
  if (kunci(req, &k) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) { kunci_hapus(&k); return 0; }
  struct audit_actor a;
  http_actor(req, &a);
  int r = df_cek_kode(db, &k, req->who.pengguna_id, kode, false);
  if (r == 4) {
    kunci_hapus(&k);
    db_rollback(db);
    return reply_problem(req, 409, "2FA belum aktif", "Aktifkan verifikasi dua langkah dulu.");
  }
  if (r == 1 || r == 2) { kunci_hapus(&k); return salah(req, db, req->who.pengguna_id, req->who.instansi_id, r, 422); }
  char kode_baru[DF_KODE_PEMULIHAN][DF_KODE_PEMULIHAN_LEN];
  if (r == 0) r = df_kode_baru(db, &k, req->who.pengguna_id, kode_baru, &a, req->who.instansi_id);
  if (r == 0) r = df_berhasil(db, req->who.pengguna_id);
  kunci_hapus(&k);
  if (api_end(req, db, r) != 0) return req->status ? 0 : reply_db_error(req);
  json_t *j = json_pack("{s:o}", "kode_pemulihan", kode_json(kode_baru));
  sodium_memzero(kode_baru, sizeof kode_baru);
  return reply_json(req, 200, j);
}

int api_2fa_nonaktifkan(struct request *req)
{
  static const char *const allowed[] = {"kode", "sandi", NULL};
  const char *kode = NULL, *sandi = NULL;
  jbody_only(req, allowed);
  jbody_string(req, "kode", false, 6, &kode);
  jbody_string(req, "sandi", false, PASSWORD_MAX_LEN, &sandi);
  if (!kode && !sandi) verr_add(req, "kode", "isi kode dari aplikasi autentikator atau kata sandi");
  if (verr_any(req)) return reply_verr(req, 422);
  if (sesi_saja(req) != 0) return 0;
  if (req->who.peran & DF_PERAN_WAJIB)
    return reply_problem(req, 409, "2FA wajib untuk peran Anda",
                         "Peran admin, pimpinan, auditor dan superadmin wajib memakai verifikasi dua langkah; 2FA tidak dapat dinonaktifkan.");
  struct db *db = http_db(req);
  if (!db) return 0;
  bool sandi_ok = false;
  if (!kode) {   /* argon2id outside the write transaction */
    char hash[PASSWORD_HASH_MAX] = "";
    struct db_stmt *st = db_prepare(db, "SELECT password_hash FROM pengguna WHERE id = ?1");
    if (!st) return reply_db_error(req);
    db_bind_int64(st, 1, req->who.pengguna_id);
    if (db_step(st) == DB_ROW) str_copy(hash, sizeof hash, db_col_text(st, 0));
    db_done(st);
    sandi_ok = password_verify(hash, sandi);
  }
  struct df_kunci k;
  if (kunci(req, &k) != 0) return 0;
  if (!(db = api_begin(req))) { kunci_hapus(&k); return 0; }
  struct df_status s;
  if (df_status(db, req->who.pengguna_id, &s) != 0) { kunci_hapus(&k); db_rollback(db); return reply_db_error(req); }
  if (!s.aktif) {
    kunci_hapus(&k);
    db_rollback(db);
    return reply_problem(req, 409, "2FA belum aktif", "Verifikasi dua langkah tidak aktif untuk akun ini.");
  }
  int r = kode ? df_cek_kode(db, &k, req->who.pengguna_id, kode, false) : sandi_ok ? 0 : 1;
  kunci_hapus(&k);
  if (r == 1 || r == 2) {
    if (!kode) {
      int64_t sampai = 0;
      if (df_gagal(db, req->who.pengguna_id, &sampai) != 0 || db_commit(db) != DB_OK) { db_rollback(db); return reply_db_error(req); }
      verr_add(req, "sandi", "kata sandi salah");
      return reply_verr(req, 422);
    }
    return salah(req, db, req->who.pengguna_id, req->who.instansi_id, r, 422);
  }
  struct audit_actor a;
  http_actor(req, &a);
  if (r == 0) r = df_hapus(db, req->who.pengguna_id, "dua_faktor.nonaktif", &a, req->who.instansi_id);
  if (r == 0) r = df_berhasil(db, req->who.pengguna_id);
  if (api_end(req, db, r) != 0) return req->status ? 0 : reply_db_error(req);
  return reply_no_content(req);
}

/* ---- an admin's reset after a lost device ---- */

int api_2fa_reset(struct request *req)
{
  static const char *const allowed[] = {NULL};
  jbody_only(req, allowed);
  if (verr_any(req)) return reply_verr(req, 422);
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = 0, peg = 0;
  unsigned peran = 0;
  struct db_stmt *st = db_prepare(db, "SELECT COALESCE(instansi_id, 0), COALESCE(pegawai_id, 0), peran FROM pengguna WHERE id = ?1");
  if (!st) { db_rollback(db); return reply_db_error(req); }
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) { inst = db_col_int64(st, 0); peg = db_col_int64(st, 1); peran = (unsigned)db_col_int64(st, 2); }
  db_done(st);
  if (s != DB_ROW) { db_rollback(db); return s == DB_DONE ? reply_not_found(req, "Pengguna") : reply_db_error(req); }
  bool super = (req->who.peran & PERAN_SUPERADMIN) != 0;
  if (!super && (inst != req->who.instansi_id || (peran & PERAN_SUPERADMIN))) { db_rollback(db); return reply_forbidden(req); }
  struct audit_actor a;
  http_actor(req, &a);
  int r = df_hapus(db, id, "dua_faktor.reset", &a, inst);
  if (r == 3) {
    db_rollback(db);
    return reply_problem(req, 409, "2FA belum aktif", "Pengguna ini belum mengaktifkan verifikasi dua langkah; tidak ada yang perlu direset.");
  }
  /* the lost device may still hold a session: every session ends */
  if (r == 0) r = session_delete_user(db, id, 0);
  if (r == 0 && peg)
    r = notifikasi_kirim(db, peg, "Verifikasi dua langkah direset",
                         "Admin mereset verifikasi dua langkah (2FA) akun Anda karena perangkat hilang atau diganti. "
                         "Saat masuk berikutnya, daftarkan aplikasi autentikator lagi. Bila Anda tidak meminta ini, segera hubungi admin.",
                         "#/akun/keamanan");
  if (api_end(req, db, r) != 0) return req->status ? 0 : reply_db_error(req);
  return reply_json(req, 200, json_pack("{s:I,s:b,s:b}", "pengguna_id", (json_int_t)id, "reset", 1, "wajib_daftar_ulang", 1));
}
