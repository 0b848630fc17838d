/* realisasi.c: realisasi per IKI per month, its review, and feedback threads (realisasi.h). */
#include "realisasi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "rules/target.h"
#include "util/errs.h"
#include "util/util.h"

json_t *realisasi_bulan(struct db *db, const struct skp_head *h, int bulan)
{
  char dari[32], sampai[32];
  snprintf(dari, sizeof dari, "%04d-%02d-01", h->tahun, bulan);
  snprintf(sampai, sizeof sampai, "%04d-%02d-31", h->tahun, bulan);
  struct db_stmt *st = db_prepare(db,
    "SELECT k.id, r.id, r.rhk, r.kelompok, k.aspek, k.indikator, k.target_angka, k.target_satuan, k.target_teks,"
    "       x.id, x.nilai_angka, x.nilai_teks, x.catatan, COALESCE(x.status, 'belum'), x.catatan_review,"
    "       (SELECT COUNT(*) FROM aktivitas a WHERE a.rhk_id = r.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?3 AND ?4),"
    "       (SELECT COALESCE(SUM(a.menit), 0) FROM aktivitas a WHERE a.rhk_id = r.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?3 AND ?4),"
    "       (SELECT COUNT(*) FROM bukti b WHERE b.realisasi_id = x.id AND b.dihapus = 0)"
    "  FROM iki k JOIN rhk r ON r.id = k.rhk_id"
    "  LEFT JOIN realisasi x ON x.iki_id = k.id AND x.bulan = ?2"
    " WHERE r.skp_id = ?1 ORDER BY CASE r.kelompok WHEN 'utama' THEN 0 ELSE 1 END, r.urutan, k.urutan");
  if (!st) return NULL;
  db_bind_int64(st, 1, h->id);
  db_bind_int64(st, 2, bulan);
  db_bind_text(st, 3, dari);
  db_bind_text(st, 4, sampai);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    const char *ta = db_col_is_null(st, 6) ? NULL : db_col_text(st, 6);
    const char *ra = db_col_is_null(st, 10) ? NULL : db_col_text(st, 10);
    char cap[48];
    target_capaian(ra, ta, cap, sizeof cap);
    json_t *it = json_pack("{s:I,s:{s:I,s:s,s:s},s:s,s:s,s:{s:I,s:I}}",
      "iki_id", (json_int_t)db_col_int64(st, 0), "rhk", "id", (json_int_t)db_col_int64(st, 1), "rhk", db_col_text(st, 2),
      "kelompok", db_col_text(st, 3), "indikator", db_col_text(st, 5), "status", db_col_text(st, 13),
      "aktivitas", "jumlah", (json_int_t)db_col_int64(st, 15), "menit", (json_int_t)db_col_int64(st, 16));
    json_object_set_new(it, "aspek", db_col_is_null(st, 4) ? json_null() : json_string(db_col_text(st, 4)));
    json_object_set_new(it, "target_angka", ta ? json_string(ta) : json_null());
    json_object_set_new(it, "target_satuan", db_col_is_null(st, 7) ? json_null() : json_string(db_col_text(st, 7)));
    json_object_set_new(it, "target_teks", db_col_is_null(st, 8) ? json_null() : json_string(db_col_text(st, 8)));
    json_object_set_new(it, "realisasi_id", db_col_is_null(st, 9) ? json_null() : json_integer(db_col_int64(st, 9)));
    json_object_set_new(it, "nilai_angka", ra ? json_string(ra) : json_null());
    json_object_set_new(it, "nilai_teks", db_col_is_null(st, 11) ? json_null() : json_string(db_col_text(st, 11)));
    json_object_set_new(it, "catatan", db_col_is_null(st, 12) ? json_null() : json_string(db_col_text(st, 12)));
    json_object_set_new(it, "catatan_review", db_col_is_null(st, 14) ? json_null() : json_string(db_col_text(st, 14)));
    json_object_set_new(it, "capaian_persen", cap[0] ? json_string(cap) : json_null());
    json_object_set_new(it, "jumlah_bukti", json_integer(db_col_int64(st, 17)));
    json_array_append_new(items, it);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:I,s:i,s:i,s:o}", "skp_id", (json_int_t)h->id, "tahun", h->tahun, "bulan", bulan, "items", items);
}

int iki_skp(struct db *db, int64_t iki_id, int64_t *skp_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT r.skp_id FROM iki k JOIN rhk r ON r.id = k.rhk_id WHERE k.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, iki_id);
  int s = db_step(st);
  if (s == DB_ROW) *skp_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

int realisasi_skp(struct db *db, int64_t id, int64_t *skp_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT skp_id FROM realisasi WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) *skp_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

int realisasi_simpan(struct db *db, const struct skp_head *h, int64_t iki_id, int bulan, json_t *body,
                     const struct audit_actor *who, json_t **errs, int *http, const char **pesan)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "nilai_angka") && strcmp(k, "nilai_teks") && strcmp(k, "catatan")) errs_add(errs, k, "kolom tidak dikenal");
  if (bulan < 1 || bulan > 12) errs_add(errs, "bulan", "harus bulan 1-12");
  bool kuant = strcmp(h->pendekatan, "kuantitatif") == 0;
  char angka[32] = "";
  json_t *na = json_object_get(body, "nilai_angka");
  const char *teks = json_string_value(json_object_get(body, "nilai_teks"));
  const char *catatan = json_string_value(json_object_get(body, "catatan"));
  char nb[48];
  const char *as = json_is_string(na) ? json_string_value(na) : NULL;
  if (json_is_integer(na)) { snprintf(nb, sizeof nb, "%lld", (long long)json_integer_value(na)); as = nb; }
  else if (json_is_real(na)) { snprintf(nb, sizeof nb, "%.4f", json_real_value(na)); as = nb; }
  if (kuant) {
    if (!as) errs_add(errs, "nilai_angka", "wajib diisi: realisasi berupa angka");
    else if (target_angka_normal(as, angka, sizeof angka) != 0) errs_add(errs, "nilai_angka", "harus angka tidak negatif, mis. 12 atau 99,5");
    if (teks) errs_add(errs, "nilai_teks", "pendekatan kuantitatif memakai nilai angka");
  } else {
    if (!teks || !teks[0]) errs_add(errs, "nilai_teks", "wajib diisi: realisasi berupa pernyataan");
    else if (strlen(teks) > 2000 || !text_clean(teks, true)) errs_add(errs, "nilai_teks", "teks tidak valid atau lebih dari 2000 karakter");
    if (as) errs_add(errs, "nilai_angka", "pendekatan kualitatif memakai pernyataan");
  }
  if (catatan && (strlen(catatan) > 2000 || !text_clean(catatan, true))) errs_add(errs, "catatan", "teks tidak valid atau lebih dari 2000 karakter");
  if (errs_any(*errs)) return 1;
  int64_t skp_id = 0;
  int rc = iki_skp(db, iki_id, &skp_id);
  if (rc != 0) return rc < 0 ? -1 : 2;
  if (skp_id != h->id) return 2;
  /* not while submitted or approved */
  struct db_stmt *st = db_prepare(db, "SELECT id, status FROM realisasi WHERE iki_id = ?1 AND bulan = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, iki_id);
  db_bind_int64(st, 2, bulan);
  int64_t id = 0;
  char status[16] = "";
  if (db_step(st) == DB_ROW) { id = db_col_int64(st, 0); str_copy(status, sizeof status, db_col_text(st, 1)); }
  db_done(st);
  if (!strcmp(status, "diajukan") || !strcmp(status, "disetujui")) {
    *http = 409;
    *pesan = !strcmp(status, "diajukan") ? "realisasi bulan ini sedang direview atasan" : "realisasi bulan ini sudah disetujui";
    return 3;
  }
  int64_t now = now_unix();
  st = id ? db_prepare(db, "UPDATE realisasi SET nilai_angka = ?3, nilai_teks = ?4, catatan = ?5, status = 'draft', diubah = ?6 WHERE iki_id = ?1 AND bulan = ?2")
          : db_prepare(db, "INSERT INTO realisasi (skp_id, iki_id, bulan, nilai_angka, nilai_teks, catatan, status, dibuat, diubah)"
                           " VALUES (?7, ?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?6)");
  if (!st) return -1;
  db_bind_int64(st, 1, iki_id);
  db_bind_int64(st, 2, bulan);
  db_bind_text(st, 3, angka[0] ? angka : NULL);
  db_bind_text(st, 4, kuant ? NULL : teks);
  db_bind_text(st, 5, catatan);
  db_bind_int64(st, 6, now);
  if (!id) db_bind_int64(st, 7, h->id);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *after = json_pack("{s:I,s:i,s:s?,s:s?}", "iki_id", (json_int_t)iki_id, "bulan", bulan, "nilai_angka", angka[0] ? angka : NULL,
                            "nilai_teks", kuant ? NULL : teks);
  rc = audit_append(db, who, h->instansi_id, "realisasi.simpan", "skp", h->id, NULL, after);
  json_decref(after);
  return rc;
}

int realisasi_ajukan(struct db *db, const struct skp_head *h, int bulan, const struct audit_actor *who,
                     json_t **errs, int *http, const char **pesan)
{
  if (bulan < 1 || bulan > 12) { errs_add(errs, "bulan", "harus bulan 1-12"); return 1; }
  if (!h->penilai_id) { *http = 409; *pesan = "SKP belum memiliki pejabat penilai"; return 3; }
  struct db_stmt *st = db_prepare(db,
    "UPDATE realisasi SET status = 'diajukan', diubah = ?3 WHERE skp_id = ?1 AND bulan = ?2 AND status IN ('draft', 'dikembalikan')");
  if (!st) return -1;
  db_bind_int64(st, 1, h->id);
  db_bind_int64(st, 2, bulan);
  db_bind_int64(st, 3, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  int n = db_changes(db);
  if (n == 0) { errs_add(errs, "bulan", "tidak ada realisasi draf atau dikembalikan pada bulan ini"); return 1; }
  json_t *after = json_pack("{s:i,s:i,s:s}", "bulan", bulan, "jumlah", n, "status", "diajukan");
  int rc = audit_append(db, who, h->instansi_id, "realisasi.ajukan", "skp", h->id, NULL, after);
  json_decref(after);
  if (rc != 0) return -1;
  char isi[200], tautan[64];
  snprintf(isi, sizeof isi, "%d realisasi bulan %d menunggu review Anda.", n, bulan);
  snprintf(tautan, sizeof tautan, "#/skp/%lld/realisasi/%d", (long long)h->id, bulan);
  return notifikasi_kirim(db, h->penilai_id, "Realisasi diajukan", isi, tautan);
}

int realisasi_review(struct db *db, int64_t id, int64_t penilai_id, bool setujui, const char *catatan,
                     const struct audit_actor *who, json_t **errs, int *http, const char **pesan)
{
  if (!setujui && (!catatan || !catatan[0])) { errs_add(errs, "catatan", "wajib diisi: jelaskan apa yang perlu diperbaiki"); return 1; }
  if (catatan && (strlen(catatan) > 2000 || !text_clean(catatan, true))) { errs_add(errs, "catatan", "teks tidak valid"); return 1; }
  struct db_stmt *st = db_prepare(db,
    "SELECT x.status, s.penilai_id, s.pegawai_id, s.instansi_id, x.bulan, s.id FROM realisasi x JOIN skp s ON s.id = x.skp_id WHERE x.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  char status[16] = "";
  int64_t pen = 0, owner = 0, inst = 0, bulan = 0, skp_id = 0;
  int s = db_step(st);
  if (s == DB_ROW) {
    str_copy(status, sizeof status, db_col_text(st, 0));
    pen = db_col_is_null(st, 1) ? 0 : db_col_int64(st, 1);
    owner = db_col_int64(st, 2);
    inst = db_col_int64(st, 3);
    bulan = db_col_int64(st, 4);
    skp_id = db_col_int64(st, 5);
  }
  db_done(st);
  if (s != DB_ROW) return s == DB_DONE ? 2 : -1;
  if (pen != penilai_id) {
    *http = 403;
    *pesan = owner == penilai_id ? "pegawai tidak dapat menyetujui realisasinya sendiri" : "hanya pejabat penilai yang dapat mereview realisasi ini";
    return 3;
  }
  if (strcmp(status, "diajukan")) { *http = 409; *pesan = "realisasi ini tidak sedang menunggu review"; return 3; }
  st = db_prepare(db, "UPDATE realisasi SET status = ?2, catatan_review = ?3, direview_oleh = ?4, direview = ?5, diubah = ?5 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, setujui ? "disetujui" : "dikembalikan");
  db_bind_text(st, 3, setujui ? NULL : catatan);
  db_bind_int64(st, 4, penilai_id);
  db_bind_int64(st, 5, now_unix());
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *after = json_pack("{s:I,s:s,s:s?}", "realisasi_id", (json_int_t)id, "status", setujui ? "disetujui" : "dikembalikan", "catatan", catatan);
  int rc = audit_append(db, who, inst, setujui ? "realisasi.setujui" : "realisasi.kembalikan", "skp", skp_id, NULL, after);
  json_decref(after);
  if (rc != 0 || setujui) return rc;
  char isi[600], tautan[64];
  snprintf(isi, sizeof isi, "Realisasi bulan %lld dikembalikan: %.400s", (long long)bulan, catatan);
  snprintf(tautan, sizeof tautan, "#/skp/%lld/realisasi/%lld", (long long)skp_id, (long long)bulan);
  return notifikasi_kirim(db, owner, "Realisasi dikembalikan", isi, tautan);
}

json_t *realisasi_list(struct db *db, int64_t penilai_id, int64_t skp_id, const char *status, int limit)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT x.id, x.skp_id, x.bulan, x.status, k.indikator, x.nilai_angka, x.nilai_teks, k.target_angka, k.target_satuan,"
    "       p.id, p.nip, p.nama"
    "  FROM realisasi x JOIN skp s ON s.id = x.skp_id JOIN iki k ON k.id = x.iki_id JOIN pegawai p ON p.id = s.pegawai_id"
    " WHERE (?1 = 0 OR s.penilai_id = ?1) AND (?2 = 0 OR x.skp_id = ?2) AND (?3 IS NULL OR x.status = ?3)"
    " ORDER BY x.diubah DESC, x.id DESC LIMIT ?4");
  if (!st) return NULL;
  db_bind_int64(st, 1, penilai_id);
  db_bind_int64(st, 2, skp_id);
  db_bind_text(st, 3, status);
  db_bind_int64(st, 4, limit);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    const char *ra = db_col_is_null(st, 5) ? NULL : db_col_text(st, 5), *ta = db_col_is_null(st, 7) ? NULL : db_col_text(st, 7);
    char cap[48];
    target_capaian(ra, ta, cap, sizeof cap);
    json_t *it = json_pack("{s:I,s:I,s:I,s:s,s:s,s:{s:I,s:s,s:s}}", "id", (json_int_t)db_col_int64(st, 0),
                           "skp_id", (json_int_t)db_col_int64(st, 1), "bulan", (json_int_t)db_col_int64(st, 2),
                           "status", db_col_text(st, 3), "indikator", db_col_text(st, 4),
                           "pegawai", "id", (json_int_t)db_col_int64(st, 9), "nip", db_col_text(st, 10), "nama", db_col_text(st, 11));
    json_object_set_new(it, "nilai_angka", ra ? json_string(ra) : json_null());
    json_object_set_new(it, "nilai_teks", db_col_is_null(st, 6) ? json_null() : json_string(db_col_text(st, 6)));
    json_object_set_new(it, "target_angka", ta ? json_string(ta) : json_null());
    json_object_set_new(it, "target_satuan", db_col_is_null(st, 8) ? json_null() : json_string(db_col_text(st, 8)));
    json_object_set_new(it, "capaian_persen", cap[0] ? json_string(cap) : json_null());
    json_array_append_new(items, it);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:o}", "items", items);
}

/* ---- umpan balik ---- */

int umpan_balik_skp(struct db *db, const char *entitas, int64_t id, int64_t *skp_id)
{
  const char *sql = NULL;
  if (!strcmp(entitas, "skp")) sql = "SELECT id FROM skp WHERE id = ?1";
  else if (!strcmp(entitas, "rhk")) sql = "SELECT skp_id FROM rhk WHERE id = ?1";
  else if (!strcmp(entitas, "realisasi")) sql = "SELECT skp_id FROM realisasi WHERE id = ?1";
  else if (!strcmp(entitas, "aktivitas")) sql = "SELECT skp_id FROM aktivitas WHERE id = ?1 AND dihapus = 0 AND skp_id IS NOT NULL";
  else return 1;
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) *skp_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

json_t *umpan_balik_list(struct db *db, const char *entitas, int64_t id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT u.id, u.induk_id, u.penulis_id, p.nama, u.jenis, u.tanggal, u.isi, u.dibuat"
    "  FROM umpan_balik u JOIN pegawai p ON p.id = u.penulis_id WHERE u.entitas = ?1 AND u.entitas_id = ?2 ORDER BY u.id");
  if (!st) return NULL;
  db_bind_text(st, 1, entitas);
  db_bind_int64(st, 2, id);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *it = json_pack("{s:I,s:{s:I,s:s},s:s,s:s,s:I}", "id", (json_int_t)db_col_int64(st, 0),
                           "penulis", "id", (json_int_t)db_col_int64(st, 2), "nama", db_col_text(st, 3),
                           "jenis", db_col_text(st, 4), "isi", db_col_text(st, 6), "dibuat", (json_int_t)db_col_int64(st, 7));
    json_object_set_new(it, "induk_id", db_col_is_null(st, 1) ? json_null() : json_integer(db_col_int64(st, 1)));
    json_object_set_new(it, "tanggal", db_col_is_null(st, 5) ? json_null() : json_string(db_col_text(st, 5)));
    json_array_append_new(items, it);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:s,s:I,s:o}", "entitas", entitas, "entitas_id", (json_int_t)id, "items", items);
}

int umpan_balik_tambah(struct db *db, const struct skp_head *h, int64_t penulis_id, json_t *body,
                       const struct audit_actor *who, json_t **errs, int64_t *out_id)
{
  static const char *const allowed[] = {"entitas", "entitas_id", "isi", "induk_id", "jenis", "tanggal", NULL};
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool ok = false;
    for (int i = 0; allowed[i]; i++) if (!strcmp(k, allowed[i])) ok = true;
    if (!ok) errs_add(errs, k, "kolom tidak dikenal");
  }
  const char *entitas = json_string_value(json_object_get(body, "entitas"));
  int64_t eid = json_integer_value(json_object_get(body, "entitas_id"));
  const char *isi = json_string_value(json_object_get(body, "isi"));
  const char *jenis = json_string_value(json_object_get(body, "jenis"));
  const char *tanggal = json_string_value(json_object_get(body, "tanggal"));
  json_t *induk = json_object_get(body, "induk_id");
  if (!isi || strlen(isi) < 2 || strlen(isi) > 4000 || !text_clean(isi, true)) errs_add(errs, "isi", "wajib diisi: 2-4000 karakter");
  if (jenis && strcmp(jenis, "umpan_balik") && strcmp(jenis, "dialog_kinerja")) errs_add(errs, "jenis", "harus umpan_balik atau dialog_kinerja");
  if (tanggal && !date_valid(tanggal)) errs_add(errs, "tanggal", "harus tanggal YYYY-MM-DD");
  if (jenis && !strcmp(jenis, "dialog_kinerja") && !tanggal) errs_add(errs, "tanggal", "wajib untuk catatan dialog kinerja");
  if (induk && !json_is_null(induk)) {
    int64_t n = 0;
    struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM umpan_balik WHERE id = ?1 AND entitas = ?2 AND entitas_id = ?3");
    if (!st) return -1;
    db_bind_int64(st, 1, json_integer_value(induk));
    db_bind_text(st, 2, entitas);
    db_bind_int64(st, 3, eid);
    if (db_step(st) == DB_ROW) n = db_col_int64(st, 0);
    db_done(st);
    if (!n) errs_add(errs, "induk_id", "balasan harus untuk umpan balik pada utas yang sama");
  }
  if (errs_any(*errs)) return 1;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO umpan_balik (instansi_id, skp_id, entitas, entitas_id, induk_id, penulis_id, jenis, tanggal, isi, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, h->instansi_id);
  db_bind_int64(st, 2, h->id);
  db_bind_text(st, 3, entitas);
  db_bind_int64(st, 4, eid);
  db_bind_id(st, 5, json_is_integer(induk) ? json_integer_value(induk) : 0);
  db_bind_int64(st, 6, penulis_id);
  db_bind_text(st, 7, jenis ? jenis : "umpan_balik");
  db_bind_text(st, 8, tanggal);
  db_bind_text(st, 9, isi);
  db_bind_int64(st, 10, now_unix());
  int s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  json_t *after = json_pack("{s:s,s:I,s:s}", "entitas", entitas, "entitas_id", (json_int_t)eid, "isi", isi);
  int rc = audit_append(db, who, h->instansi_id, "umpan_balik.create", "umpan_balik", *out_id, NULL, after);
  json_decref(after);
  if (rc != 0) return -1;
  /* the other side of the conversation hears about it */
  int64_t to = penulis_id == h->pegawai_id ? h->penilai_id : h->pegawai_id;
  if (!to) return 0;
  char judul[80], ringkas[300], tautan[64];
  snprintf(judul, sizeof judul, "%s baru", jenis && !strcmp(jenis, "dialog_kinerja") ? "Catatan dialog kinerja" : "Umpan balik");
  snprintf(ringkas, sizeof ringkas, "%.280s", isi);
  snprintf(tautan, sizeof tautan, "#/skp/%lld", (long long)h->id);
  return notifikasi_kirim(db, to, judul, ringkas, tautan);
}
