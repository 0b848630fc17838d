/* webhook.c: the webhook outbox webhook_pengiriman (see webhook.h and sql/016_webhook.sql). */
#include "webhook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "halaman.h"
#include "latihan.h"
#include "surel_jadwal.h"
#include "util/util.h"

#define GALAT_MAKS 1000
#define KLAIM_BASI 600   /* a row left in mengirim this long belongs to a sender that died */

const char *const WEBHOOK_PERISTIWA[] = {WEBHOOK_SKP_DISETUJUI, WEBHOOK_PENILAIAN_FINAL, WEBHOOK_TPP_BULAN_DISETUJUI, NULL};

bool webhook_peristiwa_dikenal(const char *kode)
{
  for (const char *const *p = WEBHOOK_PERISTIWA; kode && *p; p++)
    if (!strcmp(*p, kode)) return true;
  return false;
}

static bool jeda_uji;    /* set once at start-up, before threads (STYLE 9) */

void webhook_atur_jeda_uji(bool uji) { jeda_uji = uji; }

int webhook_jeda(int percobaan)
{
  int j = surel_jeda(percobaan);
  return j > 0 && jeda_uji ? j / 60 : j;
}

/* live, active webhooks of instansi ?1 listening to ?2 */
#define PENDENGAR                                                                   \
  "  FROM webhook w JOIN webhook_peristiwa e ON e.webhook_id = w.id"               \
  " WHERE w.instansi_id = ?1 AND w.aktif = 1 AND w.dihapus IS NULL AND e.peristiwa = ?2"   \
  "   AND " LATIHAN_NYATA("w.instansi_id")   /* a training sandbox never sends (latihan.h) */

int webhook_didengar(struct db *db, int64_t instansi_id, const char *peristiwa)
{
  struct db_stmt *st = db_prepare(db, "SELECT 1" PENDENGAR " LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, peristiwa);
  int s = db_step(st);
  db_done(st);
  return s == DB_ROW ? 1 : s == DB_DONE ? 0 : -1;
}

/* The body of an event, malloc'd (caller frees); NULL when too big or out of memory. */
static char *susun_isi(int64_t instansi_id, const char *peristiwa, json_t *data, int64_t now)
{
  json_t *o = json_pack("{s:i,s:s,s:I,s:I,s:O}", "versi", 1, "peristiwa", peristiwa, "instansi_id",
                        (json_int_t)instansi_id, "waktu", (json_int_t)now, "data", data ? data : json_null());
  char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
  json_decref(o);
  if (s && strlen(s) > WEBHOOK_ISI_MAKS) { free(s); return NULL; }
  return s;
}

int webhook_antri(struct db *db, int64_t instansi_id, const char *peristiwa, json_t *data)
{
  int d = webhook_didengar(db, instansi_id, peristiwa);
  if (d <= 0) return d;
  int64_t now = now_unix();
  char *isi = susun_isi(instansi_id, peristiwa, data, now);
  if (!isi) return -1;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO webhook_pengiriman (webhook_id, peristiwa, isi, status, percobaan, coba_lagi, dibuat)"
    " SELECT w.id, ?2, ?3, 'antri', 0, ?4, ?4" PENDENGAR);
  if (!st) { free(isi); return -1; }
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, peristiwa);
  db_bind_text(st, 3, isi);
  db_bind_int64(st, 4, now);
  int s = db_step(st);
  db_done(st);
  free(isi);
  return s == DB_DONE ? 0 : -1;
}

int webhook_antri_satu(struct db *db, int64_t webhook_id, int64_t instansi_id, const char *peristiwa,
                       json_t *data, int64_t *id_out)
{
  int64_t now = now_unix();
  char *isi = susun_isi(instansi_id, peristiwa, data, now);
  if (!isi) return -1;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO webhook_pengiriman (webhook_id, peristiwa, isi, status, percobaan, coba_lagi, dibuat)"
    " VALUES (?1, ?2, ?3, 'antri', 0, ?4, ?4) RETURNING id");
  if (!st) { free(isi); return -1; }
  db_bind_int64(st, 1, webhook_id);
  db_bind_text(st, 2, peristiwa);
  db_bind_text(st, 3, isi);
  db_bind_int64(st, 4, now);
  int s = db_step(st);
  if (s == DB_ROW) *id_out = db_col_int64(st, 0);
  db_done(st);
  free(isi);
  return s == DB_ROW ? 0 : -1;
}

int webhook_klaim(struct db *db, int64_t now, struct webhook_item *items, int maks, int *n)
{
  *n = 0;
  /* one statement, no transaction around it: SQLite runs it under its write lock; on PostgreSQL
   * the rows are locked with FOR UPDATE SKIP LOCKED, so senders of several nodes claim different
   * rows without waiting for each other or for the write lock of db_begin_write */
  struct db_stmt *st = db_prepare(db,
    "UPDATE webhook_pengiriman SET status = 'mengirim', diklaim = ?1"
    " WHERE id IN (SELECT k.id FROM webhook_pengiriman k JOIN webhook w ON w.id = k.webhook_id"
    "               WHERE ((k.status = 'antri' AND k.coba_lagi <= ?1) OR (k.status = 'mengirim' AND k.diklaim < ?2))"
    "                 AND w.aktif = 1 AND w.dihapus IS NULL AND " LATIHAN_NYATA("w.instansi_id")
    "               ORDER BY k.coba_lagi, k.id LIMIT ?3 /*pg: FOR UPDATE OF k SKIP LOCKED*/)"
    "   AND ((status = 'antri' AND coba_lagi <= ?1) OR (status = 'mengirim' AND diklaim < ?2))"
    " RETURNING id, webhook_id, percobaan, peristiwa, isi,"
    "   (SELECT w.url FROM webhook w WHERE w.id = webhook_pengiriman.webhook_id),"
    "   (SELECT w.rahasia FROM webhook w WHERE w.id = webhook_pengiriman.webhook_id)");
  if (!st) goto fail;
  db_bind_int64(st, 1, now);
  db_bind_int64(st, 2, now - KLAIM_BASI);
  db_bind_int64(st, 3, maks);
  int s;
  while ((s = db_step(st)) == DB_ROW && *n < maks) {
    struct webhook_item *it = &items[*n];
    memset(it, 0, sizeof *it);
    it->id = db_col_int64(st, 0);
    it->webhook_id = db_col_int64(st, 1);
    it->percobaan = (int)db_col_int64(st, 2);
    str_copy(it->peristiwa, sizeof it->peristiwa, db_col_text(st, 3));
    /* sizes are bounded when stored; a row that does not fit (edited by hand) is never sent
     * truncated: isi_len 0 makes the sender record it as failed */
    if (str_copy(it->isi, sizeof it->isi, db_col_text(st, 4)) != 0 || str_copy(it->url, sizeof it->url, db_col_text(st, 5)) != 0 ||
        str_copy(it->rahasia, sizeof it->rahasia, db_col_text(st, 6)) != 0)
      it->isi_len = 0;
    else
      it->isi_len = strlen(it->isi);
    (*n)++;
  }
  db_done(st);
  if (s != DB_DONE && s != DB_ROW) goto fail;
  return 0;
fail:
  *n = 0;
  return -1;
}


int webhook_tandai_terkirim(struct db *db, int64_t id, long http_status, int64_t now)
{
  if (db_begin_write(db) != DB_OK) return -1;
  struct db_stmt *st = db_prepare(db,
    "UPDATE webhook_pengiriman SET status = 'terkirim', percobaan = percobaan + 1, http_status = ?3, galat = NULL,"
    " diklaim = NULL, dikirim = ?2 WHERE id = ?1 AND status = 'mengirim'");
  if (st) { db_bind_int64(st, 1, id); db_bind_int64(st, 2, now); db_bind_int64(st, 3, http_status); }
  return db_step_commit(db, st);
}

/* Bytes of s that fit in max without cutting a UTF-8 sequence. */
static size_t potong(const char *s, size_t max)
{
  size_t n = strlen(s);
  if (n <= max) return n;
  while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80) max--;
  return max;
}

int webhook_tandai_gagal(struct db *db, const struct webhook_item *it, long http_status, const char *galat, int64_t now)
{
  int percobaan = it->percobaan + 1, jeda = webhook_jeda(percobaan);
  if (db_begin_write(db) != DB_OK) return -1;
  struct db_stmt *st = db_prepare(db,
    "UPDATE webhook_pengiriman SET status = ?2, percobaan = ?3, http_status = ?4, galat = ?5, coba_lagi = ?6, diklaim = NULL"
    " WHERE id = ?1 AND status = 'mengirim'");
  if (st) {
    db_bind_int64(st, 1, it->id);
    db_bind_text(st, 2, jeda < 0 ? "gagal" : "antri");
    db_bind_int64(st, 3, percobaan);
    if (http_status > 0) db_bind_int64(st, 4, http_status);
    else db_bind_null(st, 4);
    db_bind_textn(st, 5, galat, potong(galat, GALAT_MAKS));
    db_bind_int64(st, 6, jeda < 0 ? now : now + jeda);
  }
  return db_step_commit(db, st);
}

int webhook_lepas(struct db *db, int64_t id)
{
  if (db_begin_write(db) != DB_OK) return -1;
  struct db_stmt *st = db_prepare(db, "UPDATE webhook_pengiriman SET status = 'antri', diklaim = NULL WHERE id = ?1 AND status = 'mengirim'");
  if (st) db_bind_int64(st, 1, id);
  return db_step_commit(db, st);
}

#define KOLOM                                                                                         \
  "SELECT k.id, k.webhook_id, w.instansi_id, k.peristiwa, k.status, k.percobaan, k.http_status, k.galat," \
  "       k.coba_lagi, k.dibuat, k.dikirim, k.isi, w.dihapus"                                          \
  "  FROM webhook_pengiriman k JOIN webhook w ON w.id = k.webhook_id"

static json_t *baris_json(struct db_stmt *st)
{
  json_t *o = json_pack("{s:I,s:I,s:I,s:s,s:s,s:I,s:I,s:I}", "id", (json_int_t)db_col_int64(st, 0),
                        "webhook_id", (json_int_t)db_col_int64(st, 1), "instansi_id", (json_int_t)db_col_int64(st, 2),
                        "peristiwa", db_col_text(st, 3), "status", db_col_text(st, 4),
                        "percobaan", (json_int_t)db_col_int64(st, 5), "coba_lagi", (json_int_t)db_col_int64(st, 8),
                        "dibuat", (json_int_t)db_col_int64(st, 9));
  if (!o) return NULL;
  json_object_set_new(o, "http_status", db_col_is_null(st, 6) ? json_null() : json_integer(db_col_int64(st, 6)));
  json_object_set_new(o, "galat", db_col_is_null(st, 7) ? json_null() : json_string(db_col_text(st, 7)));
  json_object_set_new(o, "dikirim", db_col_is_null(st, 10) ? json_null() : json_integer(db_col_int64(st, 10)));
  json_t *isi = json_loads(db_col_text(st, 11), 0, NULL);
  json_object_set_new(o, "isi", isi ? isi : json_null());
  return o;
}

json_t *webhook_pengiriman_daftar(struct db *db, int64_t webhook_id, const char *status, int64_t cursor, int limit)
{
  /* only the filters in use go into the SQL, so each variant has an index to walk */
  struct db_stmt *st = db_prepare(db, status ? KOLOM " WHERE k.webhook_id = ?1 AND k.status = ?2 AND k.id < ?3 ORDER BY k.id DESC LIMIT ?4"
                                             : KOLOM " WHERE k.webhook_id = ?1 AND k.id < ?3 ORDER BY k.id DESC LIMIT ?4");
  if (!st) return NULL;
  db_bind_int64(st, 1, webhook_id);
  if (status) db_bind_text(st, 2, status);
  db_bind_int64(st, 3, cursor > 0 ? cursor : INT64_MAX);
  db_bind_int64(st, 4, limit + 1);
  struct halaman h;
  if (halaman_baca(st, limit, baris_json, &h) != 0) return NULL;
  return halaman_json(&h, limit);
}

int webhook_pengiriman_baca(struct db *db, int64_t id, json_t **out)
{
  struct db_stmt *st = db_prepare(db, KOLOM " WHERE k.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  *out = NULL;
  if (s == DB_ROW) {
    *out = baris_json(st);
    if (*out && !db_col_is_null(st, 12)) json_object_set_new(*out, "webhook_dihapus", json_true());
  }
  db_done(st);
  return s == DB_ROW ? (*out ? 0 : -1) : s == DB_DONE ? 1 : -1;
}

int webhook_pengiriman_ulang(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who,
                             json_t **hasil, int *http, const char **pesan)
{
  json_t *cur = NULL, *before = NULL, *after = NULL;
  *hasil = NULL;
  int rc = webhook_pengiriman_baca(db, id, &cur);
  if (rc != 0) return rc == 1 ? 2 : -1;
  int64_t inst = json_integer_value(json_object_get(cur, "instansi_id"));
  const char *status = json_string_value(json_object_get(cur, "status"));
  rc = 3;
  if (instansi_id && inst != instansi_id) { *http = 403; *pesan = "Pengiriman ini milik webhook instansi lain."; goto out; }
  if (json_is_true(json_object_get(cur, "webhook_dihapus"))) { *http = 409; *pesan = "Webhook pengiriman ini sudah dihapus."; goto out; }
  if (!strcmp(status, "mengirim")) { *http = 409; *pesan = "Pengiriman ini sedang berlangsung; periksa lagi sebentar lagi."; goto out; }
  rc = -1;
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db, "UPDATE webhook_pengiriman SET status = 'antri', coba_lagi = ?2, diklaim = NULL WHERE id = ?1");
  if (!st) goto out;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto out;
  before = json_pack("{s:s,s:O,s:O}", "status", status, "percobaan", json_object_get(cur, "percobaan"),
                     "coba_lagi", json_object_get(cur, "coba_lagi"));
  after = json_pack("{s:s,s:I,s:O}", "status", "antri", "coba_lagi", (json_int_t)now, "webhook_id", json_object_get(cur, "webhook_id"));
  if (audit_append(db, who, inst, "webhook.ulang", "webhook_pengiriman", id, before, after) != 0) goto out;
  if (webhook_pengiriman_baca(db, id, hasil) != 0) goto out;
  rc = 0;
out:
  json_decref(cur);
  json_decref(before);
  json_decref(after);
  return rc;
}
