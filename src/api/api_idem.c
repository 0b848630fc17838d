/* api_idem.c: idempotent writes.  A create that carries `Idempotency-Key` stores its first
 * answer with the key in the same transaction; a retry with the same key and the same request
 * gets that answer again (header Idempotent-Replayed: true) and creates nothing; the same key
 * with another request is refused.  This is what lets the offline queue of the web UI and flaky
 * connections retry safely. */
#include "api/api_idem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/json_teks.h"
#include "util/util.h"

static bool key_ok(const char *k)
{
  size_t n = strlen(k);
  if (n < 8 || n > 100) return false;
  for (const char *p = k; *p; p++) {
    char c = *p;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.'))
      return false;
  }
  return true;
}

int api_idem_begin(struct request *req, struct db *db, struct idem *st)
{
  memset(st, 0, sizeof *st);
  const char *k = http_header(req, "Idempotency-Key");
  if (!k) return 0;
  if (!key_ok(k)) {
    verr_add(req, "Idempotency-Key", "harus 8-100 karakter huruf, angka, '-', '_', ':' atau '.' (mis. UUID)");
    reply_verr(req, 422);
    return 1;
  }
  str_copy(st->kunci, sizeof st->kunci, k);
  struct buf b;
  buf_init(&b, req->body.len + 512);
  buf_printf(&b, "%s %s\n", req->method, req->path);
  if (req->body.len) buf_append(&b, req->body.data, req->body.len);
  hash_hex(b.data ? b.data : "", b.len, st->hash);
  buf_free(&b);
  struct db_stmt *s = db_prepare(db, "SELECT permintaan, status, respons FROM idempotensi WHERE pengguna_id = ?1 AND kunci = ?2");
  if (!s) { reply_db_error(req); return 1; }
  db_bind_int64(s, 1, req->who.pengguna_id);
  db_bind_text(s, 2, st->kunci);
  int r = db_step(s);
  if (r == DB_ROW) {
    if (strcmp(db_col_text(s, 0), st->hash) != 0) {
      db_done(s);
      verr_add(req, "Idempotency-Key", "kunci ini sudah dipakai untuk permintaan lain; buat kunci baru untuk data baru");
      reply_verr(req, 422);
      return 1;
    }
    int status = (int)db_col_int64(s, 1);
    char *body = strdup(db_col_text(s, 2));
    db_done(s);
    if (!body) { reply_db_error(req); return 1; }
    reply_header(req, "Idempotent-Replayed", "true");
    reply_raw(req, status, "application/json; charset=utf-8", body, strlen(body));
    return 1;
  }
  db_done(s);
  if (r != DB_DONE) { reply_db_error(req); return 1; }
  st->aktif = true;
  return 0;
}

int api_idem_store(struct request *req, struct db *db, const struct idem *st, int status, json_t *body)
{
  if (!st->aktif) return 0;
  char *s = json_teks(body, JSON_COMPACT, NULL);
  if (!s) return -1;
  struct db_stmt *q = db_prepare(db,
    "INSERT INTO idempotensi (pengguna_id, kunci, permintaan, status, respons, dibuat) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!q) { free(s); return -1; }
  db_bind_int64(q, 1, req->who.pengguna_id);
  db_bind_text(q, 2, st->kunci);
  db_bind_text(q, 3, st->hash);
  db_bind_int64(q, 4, status);
  db_bind_text(q, 5, s);
  db_bind_int64(q, 6, now_unix());
  int r = db_step(q);
  db_done(q);
  free(s);
  return r == DB_DONE ? 0 : -1;
}
