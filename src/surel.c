/* surel.c: the email outbox table surel_keluar (see surel.h and sql/009_surel.sql). */
#include "surel.h"

#include <stdio.h>
#include <string.h>

#include "halaman.h"
#include "latihan.h"
#include "surel_jadwal.h"
#include "util/util.h"

#define GALAT_MAKS 1000
#define KLAIM_BASI 600   /* a row left in mengirim this long belongs to a sender that died */

static bool aktif;       /* set once at start-up, before threads (STYLE 9) */

void surel_atur_aktif(bool a) { aktif = a; }
bool surel_aktif(void) { return aktif; }

int surel_antri(struct db *db, int64_t pegawai_id, const char *subjek, const char *isi, const char *tautan)
{
  if (!aktif) return 0;
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, COALESCE(email, '') FROM pegawai"
                                      " WHERE id = ?1 AND aktif = 1 AND " LATIHAN_NYATA("instansi_id"));
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  int64_t inst = 0;
  char kepada[SUREL_ALAMAT_MAKS + 1] = "";
  int s = db_step(st);
  if (s == DB_ROW) {
    inst = db_col_int64(st, 0);
    if (str_copy(kepada, sizeof kepada, db_col_text(st, 1)) != 0) kepada[0] = 0;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -1;
  if (!inst || !surel_alamat_valid(kepada)) return 0;   /* no (usable) address: in-app only */
  st = db_prepare(db,
    "INSERT INTO surel_keluar (instansi_id, pegawai_id, kepada, subjek, isi, tautan, status, percobaan, coba_lagi, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'antri', 0, ?7, ?7)");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, pegawai_id);
  db_bind_text(st, 3, kepada);
  db_bind_textn(st, 4, subjek, surel_potong_utf8(subjek, SUREL_SUBJEK_MAKS));
  db_bind_textn(st, 5, isi, surel_potong_utf8(isi, SUREL_ISI_MAKS));
  db_bind_text(st, 6, tautan && strlen(tautan) <= SUREL_TAUTAN_MAKS ? tautan : NULL);
  db_bind_int64(st, 7, now_unix());
  s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int surel_klaim(struct db *db, int64_t now, struct surel_item *items, int maks, int *n)
{
  *n = 0;
  /* one statement, no transaction around it: SQLite runs it under its write lock; on PostgreSQL
   * the rows are locked with FOR UPDATE SKIP LOCKED, so senders of several nodes claim different
   * rows without waiting for each other or for the write lock of db_begin_write */
  struct db_stmt *st = db_prepare(db,
    "UPDATE surel_keluar SET status = 'mengirim', diklaim = ?1"
    " WHERE id IN (SELECT id FROM surel_keluar"
    "               WHERE ((status = 'antri' AND coba_lagi <= ?1) OR (status = 'mengirim' AND diklaim < ?2))"
    "                 AND " LATIHAN_NYATA("instansi_id")
    "               ORDER BY coba_lagi, id LIMIT ?3 /*pg: FOR UPDATE SKIP LOCKED*/)"
    "   AND ((status = 'antri' AND coba_lagi <= ?1) OR (status = 'mengirim' AND diklaim < ?2))"
    " RETURNING id, percobaan, kepada, subjek, isi, COALESCE(tautan, '')");
  if (!st) goto fail;
  db_bind_int64(st, 1, now);
  db_bind_int64(st, 2, now - KLAIM_BASI);
  db_bind_int64(st, 3, maks);
  int s;
  while ((s = db_step(st)) == DB_ROW && *n < maks) {
    struct surel_item *it = &items[*n];
    memset(it, 0, sizeof *it);
    it->id = db_col_int64(st, 0);
    it->percobaan = (int)db_col_int64(st, 1);
    str_copy(it->kepada, sizeof it->kepada, db_col_text(st, 2));
    str_copy(it->subjek, sizeof it->subjek, db_col_text(st, 3));
    str_copy(it->isi, sizeof it->isi, db_col_text(st, 4));
    str_copy(it->tautan, sizeof it->tautan, db_col_text(st, 5));
    (*n)++;
  }
  db_done(st);
  if (s != DB_DONE && s != DB_ROW) goto fail;
  return 0;
fail:
  *n = 0;
  return -1;
}


int surel_tandai_terkirim(struct db *db, int64_t id, int64_t now)
{
  if (db_begin_write(db) != DB_OK) return -1;
  struct db_stmt *st = db_prepare(db,
    "UPDATE surel_keluar SET status = 'terkirim', percobaan = percobaan + 1, galat = NULL, diklaim = NULL, dikirim = ?2"
    " WHERE id = ?1 AND status = 'mengirim'");
  if (st) { db_bind_int64(st, 1, id); db_bind_int64(st, 2, now); }
  return db_step_commit(db, st);
}

int surel_tandai_gagal(struct db *db, const struct surel_item *it, const char *galat, bool permanen, int64_t now)
{
  int percobaan = it->percobaan + 1, jeda = surel_jeda(percobaan);
  bool habis = permanen || jeda < 0;
  if (db_begin_write(db) != DB_OK) return -1;
  struct db_stmt *st = db_prepare(db,
    "UPDATE surel_keluar SET status = ?2, percobaan = ?3, galat = ?4, coba_lagi = ?5, diklaim = NULL"
    " WHERE id = ?1 AND status = 'mengirim'");
  if (st) {
    db_bind_int64(st, 1, it->id);
    db_bind_text(st, 2, habis ? "gagal" : "antri");
    db_bind_int64(st, 3, percobaan);
    db_bind_textn(st, 4, galat, surel_potong_utf8(galat, GALAT_MAKS));
    db_bind_int64(st, 5, habis ? now : now + jeda);
  }
  return db_step_commit(db, st);
}

int surel_lepas(struct db *db, int64_t id)
{
  if (db_begin_write(db) != DB_OK) return -1;
  struct db_stmt *st = db_prepare(db, "UPDATE surel_keluar SET status = 'antri', diklaim = NULL WHERE id = ?1 AND status = 'mengirim'");
  if (st) db_bind_int64(st, 1, id);
  return db_step_commit(db, st);
}

#define KOLOM                                                                                       \
  "SELECT s.id, s.instansi_id, s.pegawai_id, p.nama, s.kepada, s.subjek, s.status, s.percobaan,"  \
  "       s.galat, s.coba_lagi, s.dibuat, s.dikirim, s.tautan"                                     \
  "  FROM surel_keluar s LEFT JOIN pegawai p ON p.id = s.pegawai_id"
#define HALAMAN " AND s.id < ?3 ORDER BY s.id DESC LIMIT ?4"

static json_t *baris_json(struct db_stmt *st)
{
  json_t *o = json_pack("{s:I,s:I,s:s,s:s,s:s,s:I,s:I,s:I}", "id", (json_int_t)db_col_int64(st, 0),
                        "instansi_id", (json_int_t)db_col_int64(st, 1), "kepada", db_col_text(st, 4),
                        "subjek", db_col_text(st, 5), "status", db_col_text(st, 6),
                        "percobaan", (json_int_t)db_col_int64(st, 7), "coba_lagi", (json_int_t)db_col_int64(st, 9),
                        "dibuat", (json_int_t)db_col_int64(st, 10));
  json_object_set_new(o, "pegawai", db_col_is_null(st, 2) ? json_null()
    : json_pack("{s:I,s:s?}", "id", (json_int_t)db_col_int64(st, 2), "nama", db_col_text(st, 3)));
  json_object_set_new(o, "galat", db_col_is_null(st, 8) ? json_null() : json_string(db_col_text(st, 8)));
  json_object_set_new(o, "dikirim", db_col_is_null(st, 11) ? json_null() : json_integer(db_col_int64(st, 11)));
  json_object_set_new(o, "tautan", db_col_is_null(st, 12) ? json_null() : json_string(db_col_text(st, 12)));
  return o;
}

json_t *surel_daftar(struct db *db, int64_t instansi_id, const char *status, int64_t cursor, int limit)
{
  /* only the filters in use go into the SQL, so each variant has an index to walk */
  static const char *const sql[4] = {
    KOLOM " WHERE 1 = 1" HALAMAN,
    KOLOM " WHERE s.instansi_id = ?1" HALAMAN,
    KOLOM " WHERE s.status = ?2" HALAMAN,
    KOLOM " WHERE s.instansi_id = ?1 AND s.status = ?2" HALAMAN,
  };
  struct db_stmt *st = db_prepare(db, sql[(instansi_id ? 1 : 0) + (status ? 2 : 0)]);
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, status);
  db_bind_int64(st, 3, cursor > 0 ? cursor : INT64_MAX);
  db_bind_int64(st, 4, limit + 1);
  struct halaman h;
  if (halaman_baca(st, limit, baris_json, &h) != 0) return NULL;
  return halaman_json(&h, limit);
}

/* The row as JSON with its instansi; 0, 1 absent, -1 error. */
static int baca(struct db *db, int64_t id, json_t **out)
{
  struct db_stmt *st = db_prepare(db, KOLOM " WHERE s.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  *out = s == DB_ROW ? baris_json(st) : NULL;
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

int surel_ulang(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who,
                json_t **hasil, int *http, const char **pesan)
{
  json_t *cur = NULL, *before = NULL, *after = NULL;
  *hasil = NULL;
  int rc = baca(db, id, &cur);
  if (rc != 0) return rc == 1 ? 2 : -1;
  int64_t inst = json_integer_value(json_object_get(cur, "instansi_id"));
  const char *status = json_string_value(json_object_get(cur, "status"));
  rc = 3;
  if (instansi_id && inst != instansi_id) { *http = 403; *pesan = "Surel ini milik instansi lain."; goto out; }
  if (!strcmp(status, "terkirim")) { *http = 409; *pesan = "Surel ini sudah terkirim."; goto out; }
  if (!strcmp(status, "mengirim")) { *http = 409; *pesan = "Surel ini sedang dikirim; periksa lagi sebentar lagi."; goto out; }
  rc = -1;
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db, "UPDATE surel_keluar SET status = 'antri', coba_lagi = ?2, diklaim = NULL WHERE id = ?1");
  if (!st) goto out;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto out;
  before = json_pack("{s:s,s:O,s:O}", "status", status, "percobaan", json_object_get(cur, "percobaan"),
                     "coba_lagi", json_object_get(cur, "coba_lagi"));
  after = json_pack("{s:s,s:I}", "status", "antri", "coba_lagi", (json_int_t)now);
  if (audit_append(db, who, inst, "surel.ulang", "surel_keluar", id, before, after) != 0) goto out;
  if (baca(db, id, hasil) != 0) goto out;
  rc = 0;
out:
  json_decref(cur);
  json_decref(before);
  json_decref(after);
  return rc;
}
