/* api_audit.c: /api/v1/audit — auditors page through the log of their instansi (superadmin:
 * all) by entity, user and time; /api/v1/audit/verify walks the hash chain. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "audit.h"
#include "db/db.h"
#include "util/util.h"

static int64_t date_ms(const char *d, bool end_of_day)
{
  /* YYYY-MM-DD in WIB (UTC+7), as milliseconds since the epoch */
  struct tm tm = {0};
  tm.tm_year = (d[0]-'0')*1000 + (d[1]-'0')*100 + (d[2]-'0')*10 + (d[3]-'0') - 1900;
  tm.tm_mon = (d[5]-'0')*10 + (d[6]-'0') - 1;
  tm.tm_mday = (d[8]-'0')*10 + (d[9]-'0') + (end_of_day ? 1 : 0);
  return ((int64_t)timegm(&tm) - 7 * 3600) * 1000;
}

int api_audit_list(struct request *req)
{
  int limit;
  int64_t inst, entitas_id, pengguna_id, before = 0;
  if (api_limit(req, &limit) != 0 || api_list_instansi(req, &inst) != 0 ||
      api_query_id(req, "entitas_id", &entitas_id) != 0 || api_query_id(req, "pengguna_id", &pengguna_id) != 0)
    return 0;
  const char *entitas = http_query(req, "entitas"), *aksi = http_query(req, "aksi");
  const char *dari = http_query(req, "dari"), *sampai = http_query(req, "sampai"), *cur = http_query(req, "cursor");
  if (cur && parse_int64(cur, 1, INT64_MAX, &before) != 0) verr_add(req, "cursor", "cursor tidak valid");
  const char *nama = http_query(req, "pengguna");   /* a username, for auditors who cannot list accounts */
  if (nama && (strlen(nama) > 64 || !*nama)) verr_add(req, "pengguna", "nama pengguna 1-64 karakter");
  if (dari && !date_valid(dari)) verr_add(req, "dari", "harus tanggal YYYY-MM-DD");
  if (sampai && !date_valid(sampai)) verr_add(req, "sampai", "harus tanggal YYYY-MM-DD");
  if (entitas && strlen(entitas) > 50) verr_add(req, "entitas", "maksimal 50 karakter");
  if (aksi && strlen(aksi) > 50) verr_add(req, "aksi", "maksimal 50 karakter");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = http_db(req);
  if (!db) return 0;
  if (nama && !pengguna_id) {
    struct db_stmt *q = db_prepare(db, "SELECT id FROM pengguna WHERE username = ?1");
    if (!q) return reply_db_error(req);
    db_bind_text(q, 1, nama);
    pengguna_id = db_step(q) == DB_ROW ? db_col_int64(q, 0) : -1;   /* unknown: matches nothing */
    db_done(q);
  }
  struct db_stmt *st = db_prepare(db,
    "SELECT a.id, a.instansi_id, a.waktu, a.pengguna_id, u.username, a.aksi, a.entitas, a.entitas_id,"
    "       a.sebelum, a.sesudah, a.request_id, a.hash"
    "  FROM audit_log a LEFT JOIN pengguna u ON u.id = a.pengguna_id"
    " WHERE (?1 = 0 OR a.instansi_id = ?1)"
    "   AND (?2 IS NULL OR a.entitas = ?2) AND (?3 = 0 OR a.entitas_id = ?3)"
    "   AND (?4 = 0 OR a.pengguna_id = ?4) AND (?5 IS NULL OR a.aksi = ?5)"
    "   AND (?6 = 0 OR a.waktu >= ?6) AND (?7 = 0 OR a.waktu < ?7)"
    "   AND (?8 = 0 OR a.id < ?8)"
    " ORDER BY a.id DESC LIMIT ?9");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, inst);
  db_bind_text(st, 2, entitas);
  db_bind_int64(st, 3, entitas_id);
  db_bind_int64(st, 4, pengguna_id);
  db_bind_text(st, 5, aksi);
  db_bind_int64(st, 6, dari ? date_ms(dari, false) : 0);
  db_bind_int64(st, 7, sampai ? date_ms(sampai, true) : 0);
  db_bind_int64(st, 8, before);
  db_bind_int64(st, 9, limit + 1);
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
    json_t *o = json_pack("{s:I,s:I,s:s,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 0),
                          "waktu", (json_int_t)db_col_int64(st, 2), "aksi", db_col_text(st, 5),
                          "entitas", db_col_text(st, 6), "hash", db_col_text(st, 11));
    json_object_set_new(o, "instansi_id", db_col_is_null(st, 1) ? json_null() : json_integer(db_col_int64(st, 1)));
    json_object_set_new(o, "pengguna", db_col_is_null(st, 3) ? json_null()
      : json_pack("{s:I,s:s?}", "id", (json_int_t)db_col_int64(st, 3), "username", db_col_text(st, 4)));
    json_object_set_new(o, "entitas_id", db_col_is_null(st, 7) ? json_null() : json_integer(db_col_int64(st, 7)));
    json_object_set_new(o, "sebelum", db_col_is_null(st, 8) ? json_null() : json_loads(db_col_text(st, 8), 0, NULL));
    json_object_set_new(o, "sesudah", db_col_is_null(st, 9) ? json_null() : json_loads(db_col_text(st, 9), 0, NULL));
    json_object_set_new(o, "request_id", db_col_is_null(st, 10) ? json_null() : json_string(db_col_text(st, 10)));
    json_array_append_new(items, o);
    n++;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) { json_decref(items); json_decref(next); return reply_db_error(req); }
  return reply_json(req, 200, json_pack("{s:o,s:o,s:i}", "items", items, "next_cursor", next, "limit", limit));
}

int api_audit_verify(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  struct audit_verify_result r;
  if (db_begin(db) != DB_OK) return reply_db_error(req);  /* one consistent snapshot */
  int rc = audit_verify(db, &r);
  db_rollback(db);
  if (rc != 0) return reply_db_error(req);
  json_t *j = json_pack("{s:b,s:I}", "utuh", r.ok, "jumlah_catatan", (json_int_t)r.records);
  json_object_set_new(j, "catatan_rusak", r.bad_id ? json_integer(r.bad_id) : json_null());
  json_object_set_new(j, "alasan", r.ok ? json_null() : json_string(r.reason));
  return reply_json(req, 200, j);
}
