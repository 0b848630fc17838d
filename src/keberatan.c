/* keberatan.c: appeals against a final penilaian (see keberatan.h).  Only within the window
 * after finalisation; one open appeal per penilaian; the decision by the atasan of the pejabat
 * penilai either upholds the rating or changes it (the predikat follows the matrix again and
 * a new content hash is written into the audit chain). */
#include "keberatan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "rules/predikat.h"
#include "util/errs.h"
#include "util/util.h"

int keberatan_pihak(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *pemutus_id, int64_t *instansi_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT pegawai_id, COALESCE(pemutus_id, 0), instansi_id FROM keberatan WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) { *pegawai_id = db_col_int64(st, 0); *pemutus_id = db_col_int64(st, 1); *instansi_id = db_col_int64(st, 2); }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

int keberatan_ajukan(struct db *db, int64_t penilaian_id, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                     json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "alasan")) errs_add(errs, k, "kolom tidak dikenal");
  const char *alasan = json_string_value(json_object_get(body, "alasan"));
  if (!alasan || strlen(alasan) < 10 || strlen(alasan) > 4000 || !text_clean(alasan, true))
    errs_add(errs, "alasan", "wajib diisi: alasan keberatan (10-4000 karakter)");
  if (errs_any(*errs)) return 1;
  struct db_stmt *st = db_prepare(db,
    "SELECT n.pegawai_id, n.penilai_id, n.status, COALESCE(n.difinalkan, 0), n.instansi_id, COALESCE(p.atasan_id, 0)"
    "  FROM penilaian n JOIN pegawai p ON p.id = n.penilai_id WHERE n.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, penilaian_id);
  int s = db_step(st);
  int64_t owner = 0, penilai = 0, fin = 0, inst = 0, pemutus = 0;
  char status[8] = "";
  if (s == DB_ROW) {
    owner = db_col_int64(st, 0);
    penilai = db_col_int64(st, 1);
    str_copy(status, sizeof status, db_col_text(st, 2));
    fin = db_col_int64(st, 3);
    inst = db_col_int64(st, 4);
    pemutus = db_col_int64(st, 5);
  }
  db_done(st);
  if (s != DB_ROW) return s == DB_DONE ? 2 : -1;
  (void)penilai;
  if (owner != pegawai_id) { *http = 403; *pesan = "hanya pegawai yang dinilai yang dapat mengajukan keberatan"; return 3; }
  if (strcmp(status, "final")) { *http = 409; *pesan = "keberatan hanya atas penilaian yang sudah final"; return 3; }
  struct pengaturan set;
  if (pengaturan_load(db, inst, &set) != 0) return -1;
  int64_t hari = set.keberatan_hari;
  if (now_unix() - fin > hari * 86400) {
    static _Thread_local char m[160];
    snprintf(m, sizeof m, "batas waktu keberatan (%lld hari setelah penilaian final) sudah lewat", (long long)hari);
    *http = 409;
    *pesan = m;
    return 3;
  }
  int64_t open = 0;
  db_query_int64(db, "SELECT COUNT(*) FROM keberatan WHERE penilaian_id = ?1 AND status = 'diajukan'", 1, penilaian_id, &open);
  if (open) { *http = 409; *pesan = "keberatan atas penilaian ini sedang diproses"; return 3; }
  if (!pemutus) { *http = 409; *pesan = "pejabat penilai tidak memiliki atasan di sistem; admin kepegawaian perlu menetapkannya"; return 3; }
  st = db_prepare(db, "INSERT INTO keberatan (instansi_id, penilaian_id, pegawai_id, pemutus_id, alasan, status, dibuat)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, 'diajukan', ?6) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, penilaian_id);
  db_bind_int64(st, 3, pegawai_id);
  db_bind_int64(st, 4, pemutus);
  db_bind_text(st, 5, alasan);
  db_bind_int64(st, 6, now_unix());
  s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  json_t *after = json_pack("{s:I,s:s}", "penilaian_id", (json_int_t)penilaian_id, "alasan", alasan);
  int rc = audit_append(db, who, inst, "keberatan.ajukan", "keberatan", *out_id, NULL, after);
  json_decref(after);
  if (rc != 0) return -1;
  char tautan[64];
  snprintf(tautan, sizeof tautan, "#/keberatan/%lld", (long long)*out_id);
  return notifikasi_kirim(db, pemutus, "Keberatan atas penilaian", "Seorang pegawai mengajukan keberatan atas penilaian bawahan Anda.", tautan);
}

json_t *keberatan_json(struct db *db, int64_t id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT k.id, k.penilaian_id, k.pegawai_id, p.nama, k.pemutus_id, k.alasan, k.status, k.rating_hasil, k.rating_perilaku,"
    "       k.alasan_putusan, k.diputus, k.dibuat, n.predikat"
    "  FROM keberatan k JOIN pegawai p ON p.id = k.pegawai_id JOIN penilaian n ON n.id = k.penilaian_id WHERE k.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) {
    j = json_pack("{s:I,s:I,s:{s:I,s:s},s:s,s:s,s:I}", "id", (json_int_t)db_col_int64(st, 0), "penilaian_id", (json_int_t)db_col_int64(st, 1),
                  "pegawai", "id", (json_int_t)db_col_int64(st, 2), "nama", db_col_text(st, 3), "alasan", db_col_text(st, 5),
                  "status", db_col_text(st, 6), "dibuat", (json_int_t)db_col_int64(st, 11));
    static const int cols[] = {7, 8, 9, 12};
    static const char *const names[] = {"rating_hasil", "rating_perilaku", "alasan_putusan", "predikat_penilaian"};
    for (int i = 0; i < 4; i++) json_object_set_new(j, names[i], db_col_is_null(st, cols[i]) ? json_null() : json_string(db_col_text(st, cols[i])));
    json_object_set_new(j, "pemutus_id", db_col_is_null(st, 4) ? json_null() : json_integer(db_col_int64(st, 4)));
    json_object_set_new(j, "diputus", db_col_is_null(st, 10) ? json_null() : json_integer(db_col_int64(st, 10)));
  }
  db_done(st);
  return j;
}

json_t *keberatan_list(struct db *db, int64_t pemutus_id, int64_t pegawai_id, const char *status)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT id FROM keberatan WHERE (?1 = 0 OR pemutus_id = ?1) AND (?2 = 0 OR pegawai_id = ?2) AND (?3 IS NULL OR status = ?3)"
    " ORDER BY id DESC LIMIT 200");
  if (!st) return NULL;
  db_bind_int64(st, 1, pemutus_id);
  db_bind_int64(st, 2, pegawai_id);
  db_bind_text(st, 3, status);
  int64_t ids[200];
  int n = 0;
  while (db_step(st) == DB_ROW && n < 200) ids[n++] = db_col_int64(st, 0);
  db_done(st);
  json_t *items = json_array();
  for (int i = 0; i < n; i++) {
    json_t *j = keberatan_json(db, ids[i]);
    if (j) json_array_append_new(items, j);
  }
  return json_pack("{s:o}", "items", items);
}

int keberatan_putus(struct db *db, int64_t id, int64_t pemutus_id, json_t *body, const struct audit_actor *who,
                    json_t **errs, int *http, const char **pesan)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "keputusan") && strcmp(k, "alasan") && strcmp(k, "rating_hasil") && strcmp(k, "rating_perilaku"))
      errs_add(errs, k, "kolom tidak dikenal");
  const char *kep = json_string_value(json_object_get(body, "keputusan"));
  const char *alasan = json_string_value(json_object_get(body, "alasan"));
  const char *rh = json_string_value(json_object_get(body, "rating_hasil"));
  const char *rp = json_string_value(json_object_get(body, "rating_perilaku"));
  enum rating a, b;
  if (!kep || (strcmp(kep, "tetap") && strcmp(kep, "ubah"))) errs_add(errs, "keputusan", "harus tetap atau ubah");
  if (!alasan || strlen(alasan) < 5 || strlen(alasan) > 4000 || !text_clean(alasan, true)) errs_add(errs, "alasan", "wajib diisi: alasan keputusan");
  if (kep && !strcmp(kep, "ubah")) {
    if (!rh || rating_dari_kode(rh, &a) != 0) errs_add(errs, "rating_hasil", "wajib saat mengubah: di_atas, sesuai atau di_bawah");
    if (!rp || rating_dari_kode(rp, &b) != 0) errs_add(errs, "rating_perilaku", "wajib saat mengubah: di_atas, sesuai atau di_bawah");
  }
  if (errs_any(*errs)) return 1;
  int64_t owner = 0, pemutus = 0, inst = 0;
  int rc = keberatan_pihak(db, id, &owner, &pemutus, &inst);
  if (rc != 0) return rc < 0 ? -1 : 2;
  if (pemutus != pemutus_id) { *http = 403; *pesan = "hanya atasan pejabat penilai yang memutus keberatan ini"; return 3; }
  json_t *cur = keberatan_json(db, id);
  if (!cur) return -1;
  bool diajukan = !strcmp(json_string_value(json_object_get(cur, "status")), "diajukan");
  int64_t pen = json_integer_value(json_object_get(cur, "penilaian_id"));
  json_decref(cur);
  if (!diajukan) { *http = 409; *pesan = "keberatan ini sudah diputus"; return 3; }
  bool ubah = !strcmp(kep, "ubah");
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db,
    "UPDATE keberatan SET status = ?2, rating_hasil = ?3, rating_perilaku = ?4, alasan_putusan = ?5, diputus = ?6 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, ubah ? "diterima" : "ditolak");
  db_bind_text(st, 3, ubah ? rh : NULL);
  db_bind_text(st, 4, ubah ? rp : NULL);
  db_bind_text(st, 5, alasan);
  db_bind_int64(st, 6, now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  if (ubah) {
    const char *pred = predikat_kode(predikat_from_ratings(a, b, NULL));
    char isi[256], hash[65];
    snprintf(isi, sizeof isi, "%lld|keberatan|%lld|%s|%s|%s", (long long)pen, (long long)id, rh, rp, pred);
    hash_hex(isi, strlen(isi), hash);
    st = db_prepare(db, "UPDATE penilaian SET rating_hasil = ?2, rating_perilaku = ?3, predikat = ?4, hash = ?5, diubah = ?6 WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, pen);
    db_bind_text(st, 2, rh);
    db_bind_text(st, 3, rp);
    db_bind_text(st, 4, pred);
    db_bind_text(st, 5, hash);
    db_bind_int64(st, 6, now);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  json_t *after = json_pack("{s:s,s:s,s:s?,s:s?}", "keputusan", kep, "alasan", alasan, "rating_hasil", ubah ? rh : NULL,
                            "rating_perilaku", ubah ? rp : NULL);
  rc = audit_append(db, who, inst, ubah ? "keberatan.diterima" : "keberatan.ditolak", "keberatan", id, NULL, after);
  json_decref(after);
  if (rc != 0) return -1;
  char tautan[64];
  snprintf(tautan, sizeof tautan, "#/keberatan/%lld", (long long)id);
  return notifikasi_kirim(db, owner, ubah ? "Keberatan diterima" : "Keberatan ditolak", alasan, tautan);
}
