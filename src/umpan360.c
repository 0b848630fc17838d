/* umpan360.c: 360-degree feedback rounds (see umpan360.h). */
#include "umpan360.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "rules/berakhlak.h"
#include "util/errs.h"
#include "util/util.h"

int umpan360_buka(struct db *db, int64_t pegawai_id, int64_t pengguna_id, json_t *body, const struct audit_actor *who,
                  json_t **errs, int64_t *out_id)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "responden") && strcmp(k, "tahun")) errs_add(errs, k, "kolom tidak dikenal");
  json_t *res = json_object_get(body, "responden");
  if (!json_is_array(res) || json_array_size(res) < UMPAN360_MIN_RESPONDEN || json_array_size(res) > 50)
    errs_add(errs, "responden", "wajib: 3-50 responden {pegawai_id, peran: rekan|bawahan|atasan}");
  int64_t inst = 0;
  if (db_query_int64(db, "SELECT instansi_id FROM pegawai WHERE id = ?1", 1, pegawai_id, &inst) != DB_ROW) return 2;
  char today[11];
  date_today(7, today);
  int64_t tahun = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0');
  json_t *t = json_object_get(body, "tahun");
  if (t && (!json_is_integer(t) || json_integer_value(t) < 2000 || json_integer_value(t) > 2100)) errs_add(errs, "tahun", "harus tahun 2000-2100");
  else if (t) tahun = json_integer_value(t);
  size_t i;
  json_array_foreach(res, i, v) {
    char f[48];
    snprintf(f, sizeof f, "responden[%zu]", i);
    int64_t pid = json_integer_value(json_object_get(v, "pegawai_id"));
    const char *peran = json_string_value(json_object_get(v, "peran"));
    int64_t pi = 0;
    if (!peran || (strcmp(peran, "rekan") && strcmp(peran, "bawahan") && strcmp(peran, "atasan"))) { errs_add(errs, f, "peran harus rekan, bawahan atau atasan"); continue; }
    if (pid == pegawai_id) { errs_add(errs, f, "pegawai yang dinilai tidak dapat menjadi responden"); continue; }
    if (db_query_int64(db, "SELECT instansi_id FROM pegawai WHERE id = ?1 AND aktif = 1", 1, pid, &pi) != DB_ROW || pi != inst)
      errs_add(errs, f, "harus pegawai aktif di instansi yang sama");
    for (size_t j = 0; j < i; j++)
      if (json_integer_value(json_object_get(json_array_get(res, j), "pegawai_id")) == pid) errs_add(errs, f, "responden ganda");
  }
  if (errs_any(*errs)) return 1;
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO putaran_360 (instansi_id, pegawai_id, dibuka_oleh, tahun, status, dibuat) VALUES (?1, ?2, ?3, ?4, 'terbuka', ?5) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, pegawai_id);
  db_bind_int64(st, 3, pengguna_id);
  db_bind_int64(st, 4, tahun);
  db_bind_int64(st, 5, now);
  int s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  json_array_foreach(res, i, v) {
    st = db_prepare(db, "INSERT INTO responden_360 (putaran_id, pegawai_id, peran, sudah) VALUES (?1, ?2, ?3, 0)");
    if (!st) return -1;
    db_bind_int64(st, 1, *out_id);
    db_bind_int64(st, 2, json_integer_value(json_object_get(v, "pegawai_id")));
    db_bind_text(st, 3, json_string_value(json_object_get(v, "peran")));
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
    char tautan[64];
    snprintf(tautan, sizeof tautan, "#/360/%lld", (long long)*out_id);
    if (notifikasi_kirim(db, json_integer_value(json_object_get(v, "pegawai_id")), "Permintaan umpan balik 360",
                         "Anda diminta memberi umpan balik perilaku kerja seorang rekan (anonim).", tautan) != 0) return -1;
  }
  json_t *after = json_pack("{s:I,s:I,s:I}", "pegawai_id", (json_int_t)pegawai_id, "tahun", (json_int_t)tahun,
                            "responden", (json_int_t)json_array_size(res));
  int rc = audit_append(db, who, inst, "umpan360.buka", "putaran_360", *out_id, NULL, after);
  json_decref(after);
  return rc;
}

int umpan360_putaran(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id, char status[10])
{
  struct db_stmt *st = db_prepare(db, "SELECT pegawai_id, instansi_id, status FROM putaran_360 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) { *pegawai_id = db_col_int64(st, 0); *instansi_id = db_col_int64(st, 1); str_copy(status, 10, db_col_text(st, 2)); }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

json_t *umpan360_hasil(struct db *db, int64_t id)
{
  int64_t peg = 0, inst = 0, total = 0, sudah = 0;
  char status[10];
  if (umpan360_putaran(db, id, &peg, &inst, status) != 0) return NULL;
  db_query_int64(db, "SELECT COUNT(*) FROM responden_360 WHERE putaran_id = ?1", 1, id, &total);
  db_query_int64(db, "SELECT COUNT(*) FROM responden_360 WHERE putaran_id = ?1 AND sudah = 1", 1, id, &sudah);
  json_t *out = json_pack("{s:I,s:I,s:s,s:I,s:I,s:i}", "id", (json_int_t)id, "pegawai_id", (json_int_t)peg, "status", status,
                          "responden", (json_int_t)total, "menjawab", (json_int_t)sudah, "minimal", UMPAN360_MIN_RESPONDEN);
  if (sudah < UMPAN360_MIN_RESPONDEN) {
    json_object_set_new(out, "hasil", json_null());
    json_object_set_new(out, "pesan", json_string("hasil ditampilkan setelah minimal 3 responden menjawab (menjaga kerahasiaan)"));
    return out;
  }
  json_t *hasil = json_array();
  for (int n = 1; n <= BERAKHLAK_JUMLAH; n++) {
    struct db_stmt *st = db_prepare(db, "SELECT COUNT(*), COALESCE(SUM(skor), 0) FROM jawaban_360 WHERE putaran_id = ?1 AND nilai = ?2");
    if (!st) { json_decref(hasil); json_decref(out); return NULL; }
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, n);
    int64_t c = 0, sum = 0;
    if (db_step(st) == DB_ROW) { c = db_col_int64(st, 0); sum = db_col_int64(st, 1); }
    db_done(st);
    char rata[48] = "";
    if (c) { int64_t h = (sum * 200 + c) / (2 * c); snprintf(rata, sizeof rata, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100)); }
    json_t *kom = json_array();
    st = db_prepare(db, "SELECT komentar FROM jawaban_360 WHERE putaran_id = ?1 AND nilai = ?2 AND komentar IS NOT NULL ORDER BY komentar");
    if (st) {
      db_bind_int64(st, 1, id);
      db_bind_int64(st, 2, n);
      while (db_step(st) == DB_ROW) json_array_append_new(kom, json_string(db_col_text(st, 0)));
      db_done(st);
    }
    json_array_append_new(hasil, json_pack("{s:i,s:s,s:I,s:s?,s:o}", "nomor", n, "nama", BERAKHLAK[n - 1].nama, "jumlah", (json_int_t)c,
                                           "rata_rata", c ? rata : NULL, "komentar", kom));
  }
  json_object_set_new(out, "hasil", hasil);
  return out;
}

json_t *umpan360_tugas(struct db *db, int64_t pegawai_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT p.id, g.nama, r.peran, p.tahun FROM responden_360 r JOIN putaran_360 p ON p.id = r.putaran_id JOIN pegawai g ON g.id = p.pegawai_id"
    " WHERE r.pegawai_id = ?1 AND r.sudah = 0 AND p.status = 'terbuka' ORDER BY p.id");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW)
    json_array_append_new(items, json_pack("{s:I,s:s,s:s,s:I}", "id", (json_int_t)db_col_int64(st, 0), "pegawai", db_col_text(st, 1),
                                           "peran", db_col_text(st, 2), "tahun", (json_int_t)db_col_int64(st, 3)));
  db_done(st);
  return json_pack("{s:o}", "items", items);
}

int umpan360_jawab(struct db *db, int64_t id, int64_t responden_id, json_t *body, const struct audit_actor *who,
                   json_t **errs, int *http, const char **pesan)
{
  int64_t peg = 0, inst = 0;
  char status[10];
  int rc = umpan360_putaran(db, id, &peg, &inst, status);
  if (rc != 0) return rc < 0 ? -1 : 2;
  if (peg == responden_id) { *http = 403; *pesan = "pegawai yang dinilai tidak dapat menilai dirinya sendiri"; return 3; }
  struct db_stmt *st = db_prepare(db, "SELECT peran, sudah FROM responden_360 WHERE putaran_id = ?1 AND pegawai_id = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, responden_id);
  char peran[12] = "";
  int64_t sudah = -1;
  if (db_step(st) == DB_ROW) { str_copy(peran, sizeof peran, db_col_text(st, 0)); sudah = db_col_int64(st, 1); }
  db_done(st);
  if (sudah < 0) { *http = 403; *pesan = "Anda bukan responden putaran ini"; return 3; }
  if (strcmp(status, "terbuka")) { *http = 409; *pesan = "putaran umpan balik 360 ini sudah ditutup"; return 3; }
  if (sudah) { *http = 409; *pesan = "Anda sudah menjawab putaran ini"; return 3; }
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "skor") && strcmp(k, "komentar")) errs_add(errs, k, "kolom tidak dikenal");
  json_t *skor = json_object_get(body, "skor"), *kom = json_object_get(body, "komentar");
  if (!json_is_object(skor)) errs_add(errs, "skor", "wajib: {\"1\": 1-5, ..., \"7\": 1-5} untuk ketujuh nilai BerAKHLAK");
  for (int n = 1; n <= BERAKHLAK_JUMLAH && json_is_object(skor); n++) {
    char key[16], f[32];
    snprintf(key, sizeof key, "%d", n);
    snprintf(f, sizeof f, "skor.%d", n);
    json_t *x = json_object_get(skor, key);
    if (!json_is_integer(x) || json_integer_value(x) < 1 || json_integer_value(x) > 5) errs_add(errs, f, "wajib: skor 1-5");
  }
  if (kom && !json_is_object(kom)) errs_add(errs, "komentar", "harus objek {\"1\": \"...\"}");
  json_object_foreach(kom, k, v) {
    int64_t n;
    char f[48];
    snprintf(f, sizeof f, "komentar.%.20s", k);
    if (parse_int64(k, 1, BERAKHLAK_JUMLAH, &n) != 0 || !json_is_string(v) || strlen(json_string_value(v)) > 1000 ||
        !text_clean(json_string_value(v), true))
      errs_add(errs, f, "komentar untuk nilai 1-7, maksimal 1000 karakter");
  }
  if (errs_any(*errs)) return 1;
  for (int n = 1; n <= BERAKHLAK_JUMLAH; n++) {
    char key[16];
    snprintf(key, sizeof key, "%d", n);
    const char *c = json_string_value(json_object_get(kom, key));
    st = db_prepare(db, "INSERT INTO jawaban_360 (putaran_id, peran, nilai, skor, komentar) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st) return -1;
    db_bind_int64(st, 1, id);
    db_bind_text(st, 2, peran);
    db_bind_int64(st, 3, n);
    db_bind_int64(st, 4, json_integer_value(json_object_get(skor, key)));
    db_bind_text(st, 5, c && c[0] ? c : NULL);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  st = db_prepare(db, "UPDATE responden_360 SET sudah = 1 WHERE putaran_id = ?1 AND pegawai_id = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, responden_id);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  /* the audit says that an answer came, never whose or what */
  return audit_append(db, who, inst, "umpan360.jawab", "putaran_360", id, NULL, NULL);
}

int umpan360_tutup(struct db *db, int64_t id, const struct audit_actor *who, int *http, const char **pesan)
{
  int64_t peg = 0, inst = 0;
  char status[10];
  int rc = umpan360_putaran(db, id, &peg, &inst, status);
  if (rc != 0) return rc < 0 ? -1 : 2;
  if (strcmp(status, "terbuka")) { *http = 409; *pesan = "putaran ini sudah ditutup"; return 3; }
  struct db_stmt *st = db_prepare(db, "UPDATE putaran_360 SET status = 'ditutup', ditutup = ?2 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  return audit_append(db, who, inst, "umpan360.tutup", "putaran_360", id, NULL, NULL);
}

json_t *umpan360_daftar(struct db *db, int64_t pegawai_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT r.id, r.tahun, r.status, r.dibuat, r.ditutup,"
    "       (SELECT COUNT(*) FROM responden_360 x WHERE x.putaran_id = r.id),"
    "       (SELECT COUNT(*) FROM responden_360 x WHERE x.putaran_id = r.id AND x.sudah = 1)"
    "  FROM putaran_360 r WHERE r.pegawai_id = ?1 ORDER BY r.id DESC LIMIT 100");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  json_t *a = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW)
    json_array_append_new(a, json_pack("{s:I,s:I,s:s,s:I,s:o,s:I,s:I}", "id", (json_int_t)db_col_int64(st, 0),
      "tahun", (json_int_t)db_col_int64(st, 1), "status", db_col_text(st, 2), "dibuat", (json_int_t)db_col_int64(st, 3),
      "ditutup", db_col_is_null(st, 4) ? json_null() : json_integer(db_col_int64(st, 4)),
      "responden", (json_int_t)db_col_int64(st, 5), "dijawab", (json_int_t)db_col_int64(st, 6)));
  db_done(st);
  if (s != DB_DONE) { json_decref(a); return NULL; }
  return json_pack("{s:I,s:o}", "pegawai_id", (json_int_t)pegawai_id, "items", a);
}
