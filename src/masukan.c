/* masukan.c: public feedback (see masukan.h). */
#include "masukan.h"

#include <stdio.h>
#include <string.h>

#include "util/errs.h"
#include "util/util.h"

int masukan_kode(struct db *db, int64_t instansi_id, const char *target, int64_t target_id, char kode[33])
{
  struct db_stmt *st = db_prepare(db, "SELECT kode FROM kode_publik WHERE target = ?1 AND target_id = ?2");
  if (!st) return -1;
  db_bind_text(st, 1, target);
  db_bind_int64(st, 2, target_id);
  int s = db_step(st);
  if (s == DB_ROW) str_copy(kode, 33, db_col_text(st, 0));
  db_done(st);
  if (s == DB_ROW) return 0;
  if (s != DB_DONE) return -1;
  random_hex(kode, 16);
  st = db_prepare(db, "INSERT INTO kode_publik (kode, instansi_id, target, target_id, aktif, dibuat) VALUES (?1, ?2, ?3, ?4, 1, ?5)");
  if (!st) return -1;
  db_bind_text(st, 1, kode);
  db_bind_int64(st, 2, instansi_id);
  db_bind_text(st, 3, target);
  db_bind_int64(st, 4, target_id);
  db_bind_int64(st, 5, now_unix());
  s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

json_t *masukan_info(struct db *db, const char *kode)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT k.target, CASE k.target WHEN 'unit' THEN (SELECT nama FROM unit_kerja WHERE id = k.target_id)"
    "                  ELSE (SELECT nama FROM pegawai WHERE id = k.target_id) END, i.nama"
    "  FROM kode_publik k JOIN instansi i ON i.id = k.instansi_id WHERE k.kode = ?1 AND k.aktif = 1");
  if (!st) return NULL;
  db_bind_text(st, 1, kode);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW)
    j = json_pack("{s:s,s:s,s:s,s:s}", "kode", kode, "target", db_col_text(st, 0),
                  "nama", db_col_is_null(st, 1) ? "-" : db_col_text(st, 1), "instansi", db_col_text(st, 2));
  db_done(st);
  return j;
}

int masukan_simpan(struct db *db, const char *kode, json_t *body, const char *klien, json_t **errs, int *http, const char **pesan)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "skor") && strcmp(k, "komentar") && strcmp(k, "perangkat")) errs_add(errs, k, "kolom tidak dikenal");
  json_t *sk = json_object_get(body, "skor");
  const char *kom = json_string_value(json_object_get(body, "komentar"));
  const char *dev = json_string_value(json_object_get(body, "perangkat"));
  if (!json_is_integer(sk) || json_integer_value(sk) < 1 || json_integer_value(sk) > 5) errs_add(errs, "skor", "pilih 1 sampai 5");
  if (kom && (strlen(kom) > 500 || !text_clean(kom, true))) errs_add(errs, "komentar", "maksimal 500 karakter");
  if (!dev || strlen(dev) < 8 || strlen(dev) > 64) errs_add(errs, "perangkat", "penanda perangkat tidak valid");
  if (errs_any(*errs)) return 1;
  json_t *info = masukan_info(db, kode);
  if (!info) return 2;
  json_decref(info);
  char klien_h[65], dev_h[65], today[11];
  hash_hex(klien, strlen(klien), klien_h);
  hash_hex(dev, strlen(dev), dev_h);
  date_today(7, today);
  int64_t n = 0;
  struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM masukan_publik WHERE klien = ?1 AND dibuat > ?2");
  if (!st) return -1;
  db_bind_text(st, 1, klien_h);
  db_bind_int64(st, 2, now_unix() - 3600);
  if (db_step(st) == DB_ROW) n = db_col_int64(st, 0);
  db_done(st);
  if (n >= MASUKAN_PER_JAM) { *http = 429; *pesan = "terlalu banyak masukan dari jaringan ini; coba lagi satu jam lagi"; return 3; }
  st = db_prepare(db, "INSERT INTO masukan_publik (kode, skor, komentar, perangkat, klien, tanggal, dibuat) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!st) return -1;
  db_bind_text(st, 1, kode);
  db_bind_int64(st, 2, json_integer_value(sk));
  db_bind_text(st, 3, kom && kom[0] ? kom : NULL);
  db_bind_text(st, 4, dev_h);
  db_bind_text(st, 5, klien_h);
  db_bind_text(st, 6, today);
  db_bind_int64(st, 7, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s == DB_CONSTRAINT) { *http = 409; *pesan = "terima kasih, masukan dari perangkat ini untuk hari ini sudah kami terima"; return 3; }
  return s == DB_DONE ? 0 : -1;
}

json_t *masukan_ringkasan(struct db *db, const char *kode)
{
  struct db_stmt *st = db_prepare(db, "SELECT skor, COUNT(*) FROM masukan_publik WHERE kode = ?1 GROUP BY skor");
  if (!st) return NULL;
  db_bind_text(st, 1, kode);
  int64_t per[6] = {0}, total = 0, sum = 0;
  while (db_step(st) == DB_ROW) {
    int64_t s = db_col_int64(st, 0), c = db_col_int64(st, 1);
    if (s >= 1 && s <= 5) { per[s] = c; total += c; sum += s * c; }
  }
  db_done(st);
  char rata[48] = "";
  if (total) { int64_t h = (sum * 200 + total) / (2 * total); snprintf(rata, sizeof rata, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100)); }
  json_t *kom = json_array();
  st = db_prepare(db, "SELECT komentar, tanggal, skor FROM masukan_publik WHERE kode = ?1 AND komentar IS NOT NULL ORDER BY id DESC LIMIT 20");
  if (st) {
    db_bind_text(st, 1, kode);
    while (db_step(st) == DB_ROW)
      json_array_append_new(kom, json_pack("{s:s,s:s,s:I}", "komentar", db_col_text(st, 0), "tanggal", db_col_text(st, 1), "skor", (json_int_t)db_col_int64(st, 2)));
    db_done(st);
  }
  return json_pack("{s:I,s:s?,s:[I,I,I,I,I],s:o}", "jumlah", (json_int_t)total, "rata_rata", total ? rata : NULL,
                   "per_skor", (json_int_t)per[1], (json_int_t)per[2], (json_int_t)per[3], (json_int_t)per[4], (json_int_t)per[5],
                   "komentar_terbaru", kom);
}
