/* audit.c: append to and verify the hash-chained audit log (BLAKE2b via libsodium). */
#include "audit.h"
#include "peristiwa.h"
#include "peristiwa_simpul.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "util/json_teks.h"
#include "util/util.h"

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

static void feed_str(crypto_generichash_state *s, const char *v)
{
  /* length-prefixed so that field boundaries cannot be shifted; NULL differs from "" */
  char len[24];
  if (!v) { crypto_generichash_update(s, (const unsigned char *)"N;", 2); return; }
  int n = snprintf(len, sizeof len, "%zu:", strlen(v));
  crypto_generichash_update(s, (const unsigned char *)len, (unsigned long long)n);
  crypto_generichash_update(s, (const unsigned char *)v, strlen(v));
}

static void feed_int(crypto_generichash_state *s, int64_t v)
{
  char t[32];
  int n = snprintf(t, sizeof t, "%lld;", (long long)v);
  crypto_generichash_update(s, (const unsigned char *)t, (unsigned long long)n);
}

void audit_hash(const char *hash_prev, int64_t id, int64_t instansi_id, int64_t waktu,
                int64_t pengguna_id, const char *aksi, const char *entitas, int64_t entitas_id,
                const char *sebelum, const char *sesudah, const char *request_id, char out[65])
{
  crypto_generichash_state s;
  unsigned char h[32];
  crypto_generichash_init(&s, NULL, 0, sizeof h);
  feed_str(&s, hash_prev);
  feed_int(&s, id);
  feed_int(&s, instansi_id);
  feed_int(&s, waktu);
  feed_int(&s, pengguna_id);
  feed_str(&s, aksi);
  feed_str(&s, entitas);
  feed_int(&s, entitas_id);
  feed_str(&s, sebelum);
  feed_str(&s, sesudah);
  feed_str(&s, request_id);
  crypto_generichash_final(&s, h, sizeof h);
  sodium_bin2hex(out, 65, h, sizeof h);
}

int audit_append(struct db *db, const struct audit_actor *who, int64_t instansi_id,
                 const char *aksi, const char *entitas, int64_t entitas_id,
                 json_t *before, json_t *after)
{
  int rc = -1;
  char *sb = NULL, *sa = NULL;
  char prev[65] = GENESIS, hash[65];
  int64_t last_id = 0;
  struct db_stmt *st = NULL;
  const int64_t waktu = now_unix_ms();
  const int64_t uid = who ? who->pengguna_id : 0;
  const char *rid = who ? who->request_id : NULL;
  /* published only if the transaction commits; on PostgreSQL also to the other nodes, by a
   * notification that PostgreSQL delivers only if this transaction commits */
  if (peristiwa_catat(instansi_id, aksi) == 1 && peristiwa_simpul_kirim(db, instansi_id, aksi) != 0) return -1;

  if (before && !(sb = json_teks(before, JSON_COMPACT | JSON_SORT_KEYS, NULL))) goto fail;
  if (after && !(sa = json_teks(after, JSON_COMPACT | JSON_SORT_KEYS, NULL))) goto fail;

  st = db_prepare(db, "SELECT last_id, hash FROM audit_kepala WHERE satu = 1");
  if (!st) goto fail;
  int s = db_step(st);
  if (s == DB_ROW) {
    last_id = db_col_int64(st, 0);
    str_copy(prev, sizeof prev, db_col_text(st, 1));
  } else if (s != DB_DONE) goto fail;
  db_done(st);
  st = NULL;

  const int64_t id = last_id + 1;
  audit_hash(prev, id, instansi_id, waktu, uid, aksi, entitas, entitas_id, sb, sa, rid, hash);

  st = db_prepare(db,
    "INSERT INTO audit_log (id, instansi_id, waktu, pengguna_id, aksi, entitas, entitas_id,"
    "                       sebelum, sesudah, request_id, hash_prev, hash)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  if (!st) goto fail;
  db_bind_int64(st, 1, id);
  db_bind_id(st, 2, instansi_id);
  db_bind_int64(st, 3, waktu);
  db_bind_id(st, 4, uid);
  db_bind_text(st, 5, aksi);
  db_bind_text(st, 6, entitas);
  db_bind_id(st, 7, entitas_id);
  db_bind_text(st, 8, sb);
  db_bind_text(st, 9, sa);
  db_bind_text(st, 10, rid);
  db_bind_text(st, 11, prev);
  db_bind_text(st, 12, hash);
  if (db_step(st) != DB_DONE) goto fail;
  db_done(st);

  /* the head row, once there, is updated in place: an upsert would lock it first, and on
   * PostgreSQL the lock kept by each request's savepoint of a group-commit batch turns every
   * later visit of the row into a MultiXact lookup (sql/pg/036_tulis_cepat.sql) */
  st = db_prepare(db, s == DB_ROW ? "UPDATE audit_kepala SET last_id = ?1, hash = ?2 WHERE satu = 1"
                                  : "INSERT INTO audit_kepala (satu, last_id, hash) VALUES (1, ?1, ?2)");
  if (!st) goto fail;
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, hash);
  if (db_step(st) != DB_DONE) goto fail;
  rc = 0;
fail:
  db_done(st);
  free(sb);
  free(sa);
  return rc;
}

int audit_verify(struct db *db, struct audit_verify_result *res)
{
  char prev[65] = GENESIS, calc[65];
  int64_t expect_id = 1;
  memset(res, 0, sizeof *res);
  res->ok = 1;
  struct db_stmt *st = db_prepare(db,
    "SELECT id, instansi_id, waktu, pengguna_id, aksi, entitas, entitas_id, sebelum, sesudah,"
    "       request_id, hash_prev, hash"
    "  FROM audit_log ORDER BY id");
  if (!st) return -1;
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int64_t id = db_col_int64(st, 0);
    res->records++;
    if (id != expect_id) {
      res->ok = 0;
      res->bad_id = id;
      snprintf(res->reason, sizeof res->reason,
               "catatan %lld hilang atau urutan berubah (ditemukan %lld)",
               (long long)expect_id, (long long)id);
      break;
    }
    const char *hp = db_col_text(st, 10), *h = db_col_text(st, 11);
    audit_hash(prev, id, db_col_int64(st, 1), db_col_int64(st, 2), db_col_int64(st, 3),
               db_col_text(st, 4), db_col_text(st, 5), db_col_int64(st, 6),
               db_col_text(st, 7), db_col_text(st, 8), db_col_text(st, 9), calc);
    if (!hp || strcmp(hp, prev) != 0) {
      res->ok = 0;
      res->bad_id = id;
      snprintf(res->reason, sizeof res->reason,
               "catatan %lld tidak tersambung ke catatan sebelumnya (hash_prev berbeda)",
               (long long)id);
      break;
    }
    if (!h || strcmp(h, calc) != 0) {
      res->ok = 0;
      res->bad_id = id;
      snprintf(res->reason, sizeof res->reason,
               "catatan %lld telah diubah (hash tidak cocok dengan isinya)", (long long)id);
      break;
    }
    str_copy(prev, sizeof prev, h);
    expect_id++;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -1;
  if (!res->ok) return 0;
  /* the head must match the last record, or the newest records were removed */
  st = db_prepare(db, "SELECT last_id, hash FROM audit_kepala WHERE satu = 1");
  if (!st) return -1;
  s = db_step(st);
  if (s == DB_ROW) {
    int64_t last = db_col_int64(st, 0);
    const char *h = db_col_text(st, 1);
    if (last != expect_id - 1 || !h || strcmp(h, prev) != 0) {
      res->ok = 0;
      res->bad_id = expect_id;
      snprintf(res->reason, sizeof res->reason,
               "kepala rantai menunjuk catatan %lld, tetapi log berakhir di %lld: catatan terbaru "
               "dihapus atau diubah", (long long)last, (long long)(expect_id - 1));
    }
  } else if (s == DB_DONE) {
    if (res->records > 0) {
      res->ok = 0;
      snprintf(res->reason, sizeof res->reason, "kepala rantai audit hilang");
    }
  } else {
    db_done(st);
    return -1;
  }
  db_done(st);
  return 0;
}
