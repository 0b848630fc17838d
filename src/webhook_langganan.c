/* webhook_langganan.c: registered webhooks (see webhook_langganan.h and sql/016_webhook.sql). */
#include "webhook_langganan.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "halaman.h"
#include "util/errs.h"
#include "util/util.h"
#include "webhook.h"
#include "webhook_tanda.h"

static bool http_bebas;   /* set once at start-up, before threads (STYLE 9) */

void webhook_atur_http_bebas(bool bebas) { http_bebas = bebas; }

const char *webhook_url_salah(const char *url)
{
  const char *salah = NULL;
  char *skema = NULL, *host = NULL, *user = NULL, *sandi = NULL;
  if (!url || !*url) return "wajib diisi";
  if (strlen(url) > WEBHOOK_URL_MAKS) return "URL terlalu panjang (maksimal 2000 karakter)";
  if (strncasecmp(url, "https://", 8) && strncasecmp(url, "http://", 7)) return "harus diawali https:// (atau http:// untuk localhost)";
  CURLU *u = curl_url();
  if (!u) return "URL tidak dapat diperiksa (memori habis)";
  if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK || curl_url_get(u, CURLUPART_SCHEME, &skema, 0) != CURLUE_OK ||
      curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !*host) {
    salah = "bukan URL yang valid (contoh: https://eoffice.contoh.go.id/kinerja/webhook)";
    goto out;
  }
  if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK || curl_url_get(u, CURLUPART_PASSWORD, &sandi, 0) == CURLUE_OK) {
    salah = "jangan sertakan nama pengguna atau kata sandi di URL";
    goto out;
  }
  bool lokal = !strcasecmp(host, "localhost") || !strcmp(host, "127.0.0.1") || !strcmp(host, "[::1]");
  if (strcasecmp(skema, "https") && !(lokal || http_bebas))
    salah = "harus https:// (http:// hanya untuk localhost/127.0.0.1, kecuali server dijalankan dengan KINERJA_WEBHOOK_HTTP=1)";
out:
  curl_free(skema);
  curl_free(host);
  curl_free(user);
  if (sandi) { sodium_memzero(sandi, strlen(sandi)); curl_free(sandi); }
  curl_url_cleanup(u);
  return salah;
}

bool webhook_peristiwa_periksa(json_t *arr, const char *field, json_t **errs)
{
  if (!json_is_array(arr) || json_array_size(arr) == 0) {
    errs_add(errs, field, "harus daftar peristiwa yang tidak kosong: skp.disetujui, penilaian.final, tpp.bulan_disetujui");
    return false;
  }
  bool ok = true;
  size_t i, j;
  json_t *v;
  json_array_foreach(arr, i, v) {
    const char *k = json_string_value(v);
    if (!k || !webhook_peristiwa_dikenal(k)) {
      errs_addf(errs, field, "peristiwa tidak dikenal: %.40s; pilih skp.disetujui, penilaian.final atau tpp.bulan_disetujui",
                k ? k : "(bukan teks)");
      ok = false;
      continue;
    }
    for (j = 0; j < i; j++)
      if (json_equal(json_array_get(arr, j), v)) { errs_addf(errs, field, "peristiwa %s disebut lebih dari sekali", k); ok = false; break; }
  }
  return ok;
}

#define KOLOM "SELECT id, instansi_id, url, keterangan, aktif, dibuat, diubah, dihapus FROM webhook"

static json_t *baris_json(struct db_stmt *st)
{
  json_t *o = json_pack("{s:I,s:I,s:s,s:b,s:I,s:I,s:[]}", "id", (json_int_t)db_col_int64(st, 0),
                        "instansi_id", (json_int_t)db_col_int64(st, 1), "url", db_col_text(st, 2),
                        "aktif", db_col_int64(st, 4) != 0, "dibuat", (json_int_t)db_col_int64(st, 5),
                        "diubah", (json_int_t)db_col_int64(st, 6), "peristiwa");
  if (o) json_object_set_new(o, "keterangan", db_col_is_null(st, 3) ? json_null() : json_string(db_col_text(st, 3)));
  return o;
}

/* Fills the "peristiwa" arrays of items (webhooks in ascending id order, between lo and hi)
 * with one query, walking both in id order. */
static int isi_peristiwa(struct db *db, json_t *items, int64_t lo, int64_t hi)
{
  struct db_stmt *st = db_prepare(db, "SELECT webhook_id, peristiwa FROM webhook_peristiwa"
                                      " WHERE webhook_id BETWEEN ?1 AND ?2 ORDER BY webhook_id, peristiwa");
  if (!st) return -1;
  db_bind_int64(st, 1, lo);
  db_bind_int64(st, 2, hi);
  int s;
  size_t i = 0, n = json_array_size(items);
  while ((s = db_step(st)) == DB_ROW) {
    int64_t wid = db_col_int64(st, 0);
    while (i < n && json_integer_value(json_object_get(json_array_get(items, i), "id")) < wid) i++;
    json_t *w = json_array_get(items, i);
    if (w && json_integer_value(json_object_get(w, "id")) == wid)
      json_array_append_new(json_object_get(w, "peristiwa"), json_string(db_col_text(st, 1)));
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

/* A live webhook as JSON; *inst its instansi.  0, 1 absent or deleted, -1 error. */
static int baca(struct db *db, int64_t id, json_t **out, int64_t *inst)
{
  struct db_stmt *st = db_prepare(db, KOLOM " WHERE id = ?1 AND dihapus IS NULL");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  *out = NULL;
  if (s == DB_ROW) { *out = baris_json(st); *inst = db_col_int64(st, 1); }
  db_done(st);
  if (s == DB_DONE) return 1;
  if (s != DB_ROW || !*out) return -1;
  json_t *items = json_pack("[O]", *out);
  int rc = items ? isi_peristiwa(db, items, id, id) : -1;
  json_decref(items);
  if (rc != 0) { json_decref(*out); *out = NULL; }
  return rc;
}

/* Loads a live webhook the caller may manage.  0 (with *cur, *inst), 2, 3, -1. */
static int muat(struct db *db, int64_t id, int64_t instansi_id, json_t **cur, int64_t *inst, int *http, const char **pesan)
{
  int rc = baca(db, id, cur, inst);
  if (rc != 0) return rc == 1 ? 2 : -1;
  if (instansi_id && *inst != instansi_id) {
    json_decref(*cur);
    *cur = NULL;
    *http = 403;
    *pesan = "Webhook ini milik instansi lain.";
    return 3;
  }
  return 0;
}

int webhook_akses(struct db *db, int64_t id, int64_t instansi_id, int *http, const char **pesan)
{
  json_t *cur = NULL;
  int64_t inst = 0;
  int rc = muat(db, id, instansi_id, &cur, &inst, http, pesan);
  json_decref(cur);
  return rc;
}

static int simpan_peristiwa(struct db *db, int64_t id, json_t *arr)
{
  struct db_stmt *st = db_prepare(db, "DELETE FROM webhook_peristiwa WHERE webhook_id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  size_t i;
  json_t *v;
  json_array_foreach(arr, i, v) {
    if (!(st = db_prepare(db, "INSERT INTO webhook_peristiwa (webhook_id, peristiwa) VALUES (?1, ?2)"))) return -1;
    db_bind_int64(st, 1, id);
    db_bind_text(st, 2, json_string_value(v));
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  return 0;
}

/* What the audit trail keeps of a webhook (never the secret). */
static json_t *jejak(json_t *w)
{
  return json_pack("{s:O,s:O,s:O,s:O}", "url", json_object_get(w, "url"), "keterangan", json_object_get(w, "keterangan"),
                   "peristiwa", json_object_get(w, "peristiwa"), "aktif", json_object_get(w, "aktif"));
}

int webhook_buat(struct db *db, int64_t instansi_id, const struct webhook_isian *in, const struct audit_actor *who,
                 json_t **hasil, int *http, const char **pesan)
{
  char rahasia[69];
  json_t *after = NULL;
  int64_t n = 0, id = 0, inst = 0;
  int rc = -1;
  *hasil = NULL;
  if (db_query_int64(db, "SELECT COUNT(*) FROM webhook WHERE instansi_id = ?1 AND dihapus IS NULL", 1, instansi_id, &n) != DB_ROW) return -1;
  if (n >= WEBHOOK_PER_INSTANSI_MAKS) {
    *http = 409;
    *pesan = "Instansi ini sudah memiliki 20 webhook; hapus yang tidak dipakai lebih dahulu.";
    return 3;
  }
  webhook_rahasia_baru(rahasia);
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db, "INSERT INTO webhook (instansi_id, url, keterangan, rahasia, aktif, dibuat, diubah)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id");
  if (!st) goto out;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, in->url);
  db_bind_text(st, 3, in->keterangan && *in->keterangan ? in->keterangan : NULL);
  db_bind_text(st, 4, rahasia);
  db_bind_int64(st, 5, in->aktif == 0 ? 0 : 1);
  db_bind_int64(st, 6, now);
  int s = db_step(st);
  if (s == DB_ROW) id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW || simpan_peristiwa(db, id, in->peristiwa) != 0 || baca(db, id, hasil, &inst) != 0) goto out;
  after = jejak(*hasil);
  if (audit_append(db, who, instansi_id, "webhook.buat", "webhook", id, NULL, after) != 0) goto out;
  json_object_set_new(*hasil, "rahasia", json_string(rahasia));
  rc = 0;
out:
  sodium_memzero(rahasia, sizeof rahasia);
  json_decref(after);
  if (rc != 0) { json_decref(*hasil); *hasil = NULL; }
  return rc;
}

int webhook_ubah(struct db *db, int64_t id, int64_t instansi_id, const struct webhook_isian *in,
                 const struct audit_actor *who, json_t **hasil, int *http, const char **pesan)
{
  char rahasia[69] = "";
  json_t *cur = NULL, *before = NULL, *after = NULL;
  int64_t inst = 0;
  *hasil = NULL;
  int rc = muat(db, id, instansi_id, &cur, &inst, http, pesan);
  if (rc != 0) return rc;
  rc = -1;
  if (in->ganti_rahasia) webhook_rahasia_baru(rahasia);
  struct db_stmt *st = db_prepare(db,
    "UPDATE webhook SET url = COALESCE(?2, url), keterangan = CASE WHEN ?3 = 1 THEN ?4 ELSE keterangan END,"
    " aktif = CASE WHEN ?5 >= 0 THEN ?5 ELSE aktif END, rahasia = COALESCE(?6, rahasia), diubah = ?7 WHERE id = ?1");
  if (!st) goto out;
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, in->url);
  db_bind_int64(st, 3, in->ubah_keterangan ? 1 : 0);
  db_bind_text(st, 4, in->keterangan && *in->keterangan ? in->keterangan : NULL);
  db_bind_int64(st, 5, in->aktif);
  db_bind_text(st, 6, in->ganti_rahasia ? rahasia : NULL);
  db_bind_int64(st, 7, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto out;
  if (in->peristiwa && simpan_peristiwa(db, id, in->peristiwa) != 0) goto out;
  if (baca(db, id, hasil, &inst) != 0) goto out;
  before = jejak(cur);
  after = jejak(*hasil);
  if (in->ganti_rahasia) json_object_set_new(after, "rahasia_diganti", json_true());
  if (audit_append(db, who, inst, "webhook.ubah", "webhook", id, before, after) != 0) goto out;
  if (in->ganti_rahasia) json_object_set_new(*hasil, "rahasia", json_string(rahasia));
  rc = 0;
out:
  sodium_memzero(rahasia, sizeof rahasia);
  json_decref(cur);
  json_decref(before);
  json_decref(after);
  if (rc != 0) { json_decref(*hasil); *hasil = NULL; }
  return rc;
}

int webhook_hapus(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who, int *http,
                  const char **pesan)
{
  json_t *cur = NULL, *before = NULL;
  int64_t inst = 0, now = now_unix();
  int rc = muat(db, id, instansi_id, &cur, &inst, http, pesan);
  if (rc != 0) return rc;
  rc = -1;
  struct db_stmt *st = db_prepare(db, "UPDATE webhook SET dihapus = ?2, diubah = ?2, aktif = 0, rahasia = '' WHERE id = ?1");
  if (!st) goto out;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto out;
  st = db_prepare(db, "UPDATE webhook_pengiriman SET status = 'gagal', diklaim = NULL,"
                      " galat = 'Webhook dihapus sebelum pengiriman ini terkirim'"
                      " WHERE webhook_id = ?1 AND status IN ('antri', 'mengirim')");
  if (!st) goto out;
  db_bind_int64(st, 1, id);
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto out;
  before = jejak(cur);
  rc = audit_append(db, who, inst, "webhook.hapus", "webhook", id, before, NULL);
out:
  json_decref(cur);
  json_decref(before);
  return rc;
}

int webhook_uji(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who, json_t **hasil,
                int *http, const char **pesan)
{
  json_t *cur = NULL, *data = NULL, *after = NULL;
  int64_t inst = 0, kid = 0;
  *hasil = NULL;
  int rc = muat(db, id, instansi_id, &cur, &inst, http, pesan);
  if (rc != 0) return rc;
  rc = -1;
  data = json_pack("{s:I,s:s}", "webhook_id", (json_int_t)id, "pesan", "Uji webhook dari e-Kinerja");
  if (!data || webhook_antri_satu(db, id, inst, WEBHOOK_PING, data, &kid) != 0) goto out;
  after = json_pack("{s:s,s:I}", "peristiwa", WEBHOOK_PING, "pengiriman_id", (json_int_t)kid);
  if (audit_append(db, who, inst, "webhook.uji", "webhook", id, NULL, after) != 0) goto out;
  if (webhook_pengiriman_baca(db, kid, hasil) != 0) goto out;
  rc = 0;
out:
  json_decref(cur);
  json_decref(data);
  json_decref(after);
  return rc;
}

json_t *webhook_daftar(struct db *db, int64_t instansi_id, int64_t cursor, int limit)
{
  struct db_stmt *st = db_prepare(db, instansi_id
    ? KOLOM " WHERE instansi_id = ?1 AND dihapus IS NULL AND id > ?2 ORDER BY id LIMIT ?3"
    : KOLOM " WHERE dihapus IS NULL AND id > ?2 ORDER BY id LIMIT ?3");
  if (!st) return NULL;
  if (instansi_id) db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, cursor);
  db_bind_int64(st, 3, limit + 1);
  struct halaman h;
  if (halaman_baca(st, limit, baris_json, &h) != 0) return NULL;
  if (json_array_size(h.items) && isi_peristiwa(db, h.items, h.pertama, h.terakhir) != 0) { json_decref(h.items); return NULL; }
  return halaman_json(&h, limit);
}
