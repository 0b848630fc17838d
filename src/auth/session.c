/* session.c: login checks, sessions, API tokens and the failed-login throttle. */
#include "auth/session.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "auth/dipakai.h"
#include "auth/password.h"
#include "util/util.h"

/* An active account (u) whose pegawai and instansi, if any, are active too: the columns
 * principal_isi() reads, the joins and the conditions.  Session and token lookups join them to
 * their own row, so a request is authenticated with one statement (issue 13). */
#define PRINCIPAL_KOLOM "u.id, COALESCE(u.pegawai_id, 0), COALESCE(u.instansi_id, 0), u.peran, u.username"
#define PRINCIPAL_GABUNG                            \
  "  LEFT JOIN pegawai p ON p.id = u.pegawai_id"    \
  "  LEFT JOIN instansi i ON i.id = u.instansi_id"
#define PRINCIPAL_SYARAT                            \
  " u.aktif = 1"                                    \
  "   AND (u.pegawai_id IS NULL OR p.aktif = 1)"    \
  "   AND (u.instansi_id IS NULL OR i.aktif = 1)"

/* The principal from PRINCIPAL_KOLOM, starting at column c. */
static void principal_isi(struct db_stmt *st, int c, struct principal *who)
{
  memset(who, 0, sizeof *who);
  who->pengguna_id = db_col_int64(st, c);
  who->pegawai_id = db_col_int64(st, c + 1);
  who->instansi_id = db_col_int64(st, c + 2);
  who->peran = (unsigned)db_col_int64(st, c + 3) & PERAN_STORED_MASK;
  if (who->pegawai_id) who->peran |= PERAN_PEGAWAI;
  str_copy(who->username, sizeof who->username, db_col_text(st, c + 4));
}

int principal_load(struct db *db, int64_t pengguna_id, struct principal *who)
{
  int rc = -1;
  struct db_stmt *st = db_prepare(db,
    "SELECT " PRINCIPAL_KOLOM
    "  FROM pengguna u" PRINCIPAL_GABUNG
    " WHERE u.id = ?1 AND" PRINCIPAL_SYARAT);
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  int s = db_step(st);
  if (s == DB_ROW) {
    principal_isi(st, 0, who);
    rc = 0;
  } else if (s == DB_DONE) {
    rc = 1;
  }
  db_done(st);
  return rc;
}

enum login_result auth_login(struct db *db, const char *username, const char *password,
                             struct principal *who, int64_t *locked_until)
{
  char hash[PASSWORD_HASH_MAX] = "";
  int64_t id = 0, fails = 0, until = 0;
  const int64_t now = now_unix();
  *locked_until = 0;
  /* username, or the NIP of the linked pegawai */
  struct db_stmt *st = db_prepare(db,
    "SELECT u.id, u.password_hash, u.gagal_login, u.terkunci_sampai"
    "  FROM pengguna u"
    " WHERE u.aktif = 1 AND (u.username = ?1"
    "    OR u.pegawai_id = (SELECT p.id FROM pegawai p WHERE p.nip = ?1))"
    "   AND (u.instansi_id IS NULL OR u.instansi_id NOT IN (SELECT id FROM instansi WHERE latihan_dari IS NOT NULL))"
    " ORDER BY u.username = ?1 DESC LIMIT 1");
  if (!st) return LOGIN_ERROR;
  db_bind_text(st, 1, username);
  int s = db_step(st);
  if (s == DB_ROW) {
    id = db_col_int64(st, 0);
    str_copy(hash, sizeof hash, db_col_text(st, 1));
    fails = db_col_int64(st, 2);
    until = db_col_int64(st, 3);
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return LOGIN_ERROR;
  if (!id) {
    password_verify_dummy(password);
    return LOGIN_BAD;
  }
  if (until > now) {
    *locked_until = until;
    return LOGIN_LOCKED;
  }
  bool ok = password_verify(hash, password);
  if (ok) {
    st = db_prepare(db, "UPDATE pengguna SET gagal_login = 0, terkunci_sampai = 0 WHERE id = ?1");
    if (!st) return LOGIN_ERROR;
    db_bind_int64(st, 1, id);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return LOGIN_ERROR;
    int p = principal_load(db, id, who);
    if (p < 0) return LOGIN_ERROR;
    return p == 0 ? LOGIN_OK : LOGIN_BAD;
  }
  /* counted in the database in one statement each: failures on two nodes at once both count,
   * and only the statement that moves the count to the limit sets (and reports) the lock */
  st = db_prepare(db, "UPDATE pengguna SET gagal_login = gagal_login + 1 WHERE id = ?1 RETURNING gagal_login");
  if (!st) return LOGIN_ERROR;
  db_bind_int64(st, 1, id);
  s = db_step(st);
  if (s == DB_ROW) fails = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return LOGIN_ERROR;
  int64_t lock = 0;
  if (fails >= LOGIN_MAX_FAILS) {
    st = db_prepare(db, "UPDATE pengguna SET gagal_login = 0, terkunci_sampai = ?2 WHERE id = ?1 AND gagal_login >= ?3");
    if (!st) return LOGIN_ERROR;
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, now + LOGIN_LOCK_SECONDS);
    db_bind_int64(st, 3, LOGIN_MAX_FAILS);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return LOGIN_ERROR;
    if (db_changes(db) > 0) lock = now + LOGIN_LOCK_SECONDS;
    else { *locked_until = now + LOGIN_LOCK_SECONDS; return LOGIN_LOCKED; }   /* another node locked it just now */
  }
  if (lock) { *locked_until = lock; return LOGIN_LOCKED_NOW; }
  return LOGIN_BAD;
}

int session_create(struct db *db, int64_t pengguna_id, int max_seconds, char token_out[SECRET_MAX],
                   char csrf_out[65], int64_t *sesi_id)
{
  char h[65];
  const int64_t now = now_unix();
  random_hex(token_out, 32);
  random_hex(csrf_out, 32);
  hash_hex(token_out, strlen(token_out), h);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO sesi (token_hash, pengguna_id, csrf, dibuat, dipakai, berakhir)"
    " VALUES (?1, ?2, ?3, ?4, ?4, ?5) RETURNING id");
  if (!st) return -1;
  db_bind_text(st, 1, h);
  db_bind_int64(st, 2, pengguna_id);
  db_bind_text(st, 3, csrf_out);
  db_bind_int64(st, 4, now);
  db_bind_int64(st, 5, now + max_seconds);
  int s = db_step(st);
  if (s == DB_ROW && sesi_id) *sesi_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? 0 : -1;
}

static bool hex_token(const char *t, size_t n)
{
  if (strlen(t) != n) return false;
  for (size_t i = 0; i < n; i++)
    if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f'))) return false;
  return true;
}

int session_lookup(struct db *db, const char *token, int idle_seconds, struct principal *who)
{
  char h[65], csrf[65];
  int64_t sesi_id, dipakai, terbatas;
  const int64_t now = now_unix();
  if (!hex_token(token, 64)) return 1;
  hash_hex(token, strlen(token), h);
  /* the session and its account in one statement; no row when either is not (or no longer) valid */
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id, s.csrf, s.dipakai, s.terbatas, " PRINCIPAL_KOLOM
    "  FROM sesi s JOIN pengguna u ON u.id = s.pengguna_id" PRINCIPAL_GABUNG
    " WHERE s.token_hash = ?1 AND s.berakhir > ?2 AND s.dipakai > ?3"
    /* a practice session (mode latihan) lives only while its real account is active */
    "   AND (s.latihan_asal IS NULL OR s.latihan_asal IN (SELECT id FROM pengguna WHERE aktif = 1))"
    "   AND" PRINCIPAL_SYARAT);
  if (!st) return -1;
  db_bind_text(st, 1, h);
  db_bind_int64(st, 2, now);
  db_bind_int64(st, 3, now - idle_seconds);
  int s = db_step(st);
  if (s == DB_ROW) {
    sesi_id = db_col_int64(st, 0);
    str_copy(csrf, sizeof csrf, db_col_text(st, 1));
    dipakai = db_col_int64(st, 2);
    terbatas = db_col_int64(st, 3);
    principal_isi(st, 4, who);
  }
  db_done(st);
  if (s == DB_DONE) return 1;
  if (s != DB_ROW) return -1;
  who->sesi_id = sesi_id;
  who->terbatas = terbatas != 0;
  str_copy(who->csrf, sizeof who->csrf, csrf);
  /* refresh the idle timer at most twice a minute, through the writer (auth/dipakai.h) */
  if (now - dipakai >= 30) dipakai_catat(db, DIPAKAI_SESI, sesi_id, now);
  return 0;
}

int session_set_terbatas(struct db *db, int64_t sesi_id, bool terbatas)
{
  struct db_stmt *st = db_prepare(db, "UPDATE sesi SET terbatas = ?2 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, sesi_id);
  db_bind_int64(st, 2, terbatas ? 1 : 0);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int session_delete(struct db *db, int64_t sesi_id)
{
  struct db_stmt *st = db_prepare(db, "DELETE FROM sesi WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, sesi_id);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int session_delete_user(struct db *db, int64_t pengguna_id, int64_t keep_id)
{
  struct db_stmt *st = db_prepare(db, "DELETE FROM sesi WHERE pengguna_id = ?1 AND id <> ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_int64(st, 2, keep_id);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int token_create(struct db *db, int64_t pengguna_id, const char *nama, bool write,
                 char token_out[SECRET_MAX], int64_t *token_id)
{
  char raw[65], h[65];
  random_hex(raw, 32);
  snprintf(token_out, SECRET_MAX, "%s%s", TOKEN_PREFIX, raw);
  hash_hex(token_out, strlen(token_out), h);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO token_api (pengguna_id, nama, token_hash, cakupan, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_text(st, 2, nama);
  db_bind_text(st, 3, h);
  db_bind_text(st, 4, write ? "write" : "read");
  db_bind_int64(st, 5, now_unix());
  int s = db_step(st);
  if (s == DB_ROW && token_id) *token_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? 0 : -1;
}

int token_lookup(struct db *db, const char *token, struct principal *who)
{
  char h[65];
  int64_t tid, dipakai;
  bool write;
  const int64_t now = now_unix();
  if (strncmp(token, TOKEN_PREFIX, strlen(TOKEN_PREFIX)) != 0 ||
      !hex_token(token + strlen(TOKEN_PREFIX), 64))
    return 1;
  hash_hex(token, strlen(token), h);
  /* the token and its account in one statement; no row when either is not (or no longer) valid */
  struct db_stmt *st = db_prepare(db,
    "SELECT t.id, t.cakupan = 'write', COALESCE(t.dipakai, 0), " PRINCIPAL_KOLOM
    "  FROM token_api t JOIN pengguna u ON u.id = t.pengguna_id" PRINCIPAL_GABUNG
    " WHERE t.token_hash = ?1 AND t.dicabut IS NULL AND" PRINCIPAL_SYARAT);
  if (!st) return -1;
  db_bind_text(st, 1, h);
  int s = db_step(st);
  if (s == DB_ROW) {
    tid = db_col_int64(st, 0);
    write = db_col_int64(st, 1) != 0;
    dipakai = db_col_int64(st, 2);
    principal_isi(st, 3, who);
  }
  db_done(st);
  if (s == DB_DONE) return 1;
  if (s != DB_ROW) return -1;
  who->token_id = tid;
  who->token_write = write;
  /* last-use stamp, at most once a minute, through the writer (auth/dipakai.h) */
  if (now - dipakai >= 60) dipakai_catat(db, DIPAKAI_TOKEN, tid, now);
  return 0;
}

/* --- failed-login throttle per client address (fixed window, table gagal_masuk) ---
 * In the database, not in the process: with several nodes behind a load balancer an address's
 * failures count wherever they land.  Only failures write; a check is one primary-key read. */
#define TH_WINDOW 300
#define TH_MAX 50

bool throttle_blocked(struct db *db, const char *addr)
{
  int64_t n = 0;
  struct db_stmt *st = db_prepare(db, "SELECT jumlah FROM gagal_masuk WHERE alamat = ?1 AND mulai > ?2");
  if (!st) return false;   /* a database that fails fails the login anyway */
  db_bind_text(st, 1, addr);
  db_bind_int64(st, 2, now_unix() - TH_WINDOW);
  if (db_step(st) == DB_ROW) n = db_col_int64(st, 0);
  db_done(st);
  return n >= TH_MAX;
}

void throttle_fail(struct db *db, const char *addr)
{
  const int64_t now = now_unix();
  /* one statement: failures counted at once on two nodes both count */
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO gagal_masuk (alamat, mulai, jumlah) VALUES (?1, ?2, 1)"
    " ON CONFLICT (alamat) DO UPDATE SET"
    "   jumlah = CASE WHEN gagal_masuk.mulai > ?3 THEN gagal_masuk.jumlah + 1 ELSE 1 END,"
    "   mulai = CASE WHEN gagal_masuk.mulai > ?3 THEN gagal_masuk.mulai ELSE ?2 END");
  if (!st) return;
  db_bind_text(st, 1, addr);
  db_bind_int64(st, 2, now);
  db_bind_int64(st, 3, now - TH_WINDOW);
  db_step(st);
  db_done(st);
}

void throttle_reset(struct db *db, const char *addr)
{
  struct db_stmt *st = db_prepare(db, "DELETE FROM gagal_masuk WHERE alamat = ?1");
  if (!st) return;
  db_bind_text(st, 1, addr);
  db_step(st);
  db_done(st);
}

int throttle_bersihkan(struct db *db)
{
  struct db_stmt *st = db_prepare(db, "DELETE FROM gagal_masuk WHERE mulai < ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, now_unix() - TH_WINDOW);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}
