/* katalog.c: the instansi's catalogue of training themes (see analitik.h). */
#include <stdio.h>
#include <string.h>

#include "analitik.h"
#include "dasbor_internal.h"
#include "util/errs.h"
#include "util/util.h"

#define KOLOM_KATALOG "id, instansi_id, judul, deskripsi, nilai, hasil_kerja, kata_kunci, aktif, dibuat, diubah"

static json_t *baris(struct db_stmt *st)
{
  json_t *kata = json_array();
  const char *kk = dasbor_teks(st, 6);
  if (kk) {
    char buf[1024];
    str_copy(buf, sizeof buf, kk);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
      while (*t == ' ') t++;
      if (*t) json_array_append_new(kata, json_string(t));
    }
  }
  return json_pack("{s:I,s:I,s:s,s:o,s:o,s:b,s:o,s:b,s:I,s:I}", "id", (json_int_t)db_col_int64(st, 0),
    "instansi_id", (json_int_t)db_col_int64(st, 1), "judul", db_col_text(st, 2), "deskripsi", dasbor_str(dasbor_teks(st, 3)),
    "nilai", db_col_is_null(st, 4) ? json_null() : json_integer(db_col_int64(st, 4)), "hasil_kerja", db_col_int64(st, 5) != 0,
    "kata_kunci", kata, "aktif", db_col_int64(st, 7) != 0, "dibuat", (json_int_t)db_col_int64(st, 8),
    "diubah", (json_int_t)db_col_int64(st, 9));
}

json_t *katalog_list(struct db *db, int64_t instansi_id, bool semua)
{
  struct db_stmt *st = db_prepare(db, "SELECT " KOLOM_KATALOG " FROM katalog_pelatihan WHERE instansi_id = ?1 AND (?2 = 1 OR aktif = 1)"
                                      " ORDER BY judul, id LIMIT 1000");
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, semua ? 1 : 0);
  json_t *a = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) json_array_append_new(a, baris(st));
  db_done(st);
  if (s != DB_DONE) { json_decref(a); return NULL; }
  return json_pack("{s:o}", "items", a);
}

json_t *katalog_get(struct db *db, int64_t id, int64_t *instansi_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT " KOLOM_KATALOG " FROM katalog_pelatihan WHERE id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) {
    j = baris(st);
    if (instansi_id) *instansi_id = db_col_int64(st, 1);
  }
  db_done(st);
  return j;
}

/* Validates the body; fields absent keep `lama`'s values (NULL: create). */
static int periksa(json_t *body, const json_t *lama, json_t **errs, const char **judul, const char **desk, int64_t *nilai,
                   int *hasil, char kata[1024])
{
  static const char *const KENAL[] = {"judul", "deskripsi", "nilai", "hasil_kerja", "kata_kunci", "instansi_id", "aktif", NULL};
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool ok = false;
    for (int i = 0; KENAL[i]; i++) ok |= !strcmp(k, KENAL[i]);
    if (!ok) errs_add(errs, k, "tidak dikenal");
  }
  json_t *j = json_object_get(body, "judul");
  *judul = lama ? json_string_value(json_object_get(lama, "judul")) : NULL;
  if (j) {
    if (!json_is_string(j) || !text_clean(json_string_value(j), false) || strlen(json_string_value(j)) < 3 ||
        strlen(json_string_value(j)) > 200)
      errs_add(errs, "judul", "3-200 karakter, satu baris");
    else *judul = json_string_value(j);
  } else if (!lama) {
    errs_add(errs, "judul", "wajib diisi");
  }
  j = json_object_get(body, "deskripsi");
  *desk = lama ? json_string_value(json_object_get(lama, "deskripsi")) : NULL;
  if (j && !json_is_null(j)) {
    if (!json_is_string(j) || !text_clean(json_string_value(j), true) || strlen(json_string_value(j)) > 4000)
      errs_add(errs, "deskripsi", "paling banyak 4000 karakter");
    else *desk = json_string_value(j);
  } else if (j) {
    *desk = NULL;
  }
  j = json_object_get(body, "nilai");
  json_t *ln = lama ? json_object_get(lama, "nilai") : NULL;
  *nilai = json_is_integer(ln) ? json_integer_value(ln) : 0;
  if (j && !json_is_null(j)) {
    if (!json_is_integer(j) || json_integer_value(j) < 1 || json_integer_value(j) > 7) errs_add(errs, "nilai", "nilai BerAKHLAK 1-7");
    else *nilai = json_integer_value(j);
  } else if (j) {
    *nilai = 0;
  }
  j = json_object_get(body, "hasil_kerja");
  *hasil = lama ? json_is_true(json_object_get(lama, "hasil_kerja")) : 0;
  if (j) {
    if (!json_is_boolean(j)) errs_add(errs, "hasil_kerja", "harus true atau false");
    else *hasil = json_is_true(j);
  }
  kata[0] = '\0';
  j = json_object_get(body, "kata_kunci");
  json_t *src = j ? j : (lama ? json_object_get(lama, "kata_kunci") : NULL);
  if (src && !json_is_null(src)) {
    size_t i;
    json_t *w;
    if (!json_is_array(src) || json_array_size(src) > 20) {
      errs_add(errs, "kata_kunci", "daftar paling banyak 20 kata");
    } else {
      json_array_foreach(src, i, w) {
        const char *s = json_string_value(w);
        if (!s || strlen(s) < 3 || strlen(s) > 40 || strchr(s, ',') || !text_clean(s, false)) {
          errs_addf(errs, "kata_kunci", "kata ke-%zu: 3-40 karakter tanpa koma", i + 1);
          break;
        }
        if (kata[0]) strncat(kata, ",", 1023 - strlen(kata));
        strncat(kata, s, 1023 - strlen(kata));
      }
    }
  }
  if (!errs_any(*errs) && !*nilai && !*hasil && !kata[0])
    errs_add(errs, "nilai", "sebutkan nilai BerAKHLAK, hasil_kerja atau kata_kunci: kapan tema ini disarankan");
  return errs_any(*errs) ? 1 : 0;
}

int katalog_simpan(struct db *db, int64_t instansi_id, int64_t id, json_t *body, const struct audit_actor *who,
                   json_t **errs, int64_t *out_id)
{
  json_t *lama = NULL;
  if (id) {
    int64_t inst = 0;
    lama = katalog_get(db, id, &inst);
    if (!lama || inst != instansi_id) { json_decref(lama); return 2; }
  }
  const char *judul, *desk;
  int64_t nilai;
  int hasil;
  char kata[1024];
  if (periksa(body, lama, errs, &judul, &desk, &nilai, &hasil, kata)) { json_decref(lama); return 1; }
  struct db_stmt *st = db_prepare(db, id
    ? "UPDATE katalog_pelatihan SET judul = ?2, deskripsi = ?3, nilai = ?4, hasil_kerja = ?5, kata_kunci = ?6, diubah = ?7"
      " WHERE id = ?1 RETURNING id"
    : "INSERT INTO katalog_pelatihan (instansi_id, judul, deskripsi, nilai, hasil_kerja, kata_kunci, aktif, dibuat, diubah)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7) RETURNING id");
  if (!st) { json_decref(lama); return -1; }
  db_bind_int64(st, 1, id ? id : instansi_id);
  db_bind_text(st, 2, judul);
  db_bind_text(st, 3, desk);
  db_bind_id(st, 4, nilai);
  db_bind_int64(st, 5, hasil);
  db_bind_text(st, 6, kata[0] ? kata : NULL);
  db_bind_int64(st, 7, now_unix());
  int s = db_step(st);
  *out_id = s == DB_ROW ? db_col_int64(st, 0) : 0;
  if (s == DB_ROW) while (db_step(st) == DB_ROW) {}
  db_done(st);
  if (!*out_id) { json_decref(lama); return -1; }
  json_t *ak = json_object_get(body, "aktif");
  if (ak) {
    /* a retired theme can be brought back (or retired) by a change */
    if (!json_is_boolean(ak)) { json_decref(lama); errs_add(errs, "aktif", "harus true atau false"); return 1; }
    struct db_stmt *sa = db_prepare(db, "UPDATE katalog_pelatihan SET aktif = ?2 WHERE id = ?1");
    if (!sa) { json_decref(lama); return -1; }
    db_bind_int64(sa, 1, *out_id);
    db_bind_int64(sa, 2, json_is_true(ak));
    int x = db_step(sa);
    db_done(sa);
    if (x != DB_DONE) { json_decref(lama); return -1; }
  }
  json_t *baru = katalog_get(db, *out_id, NULL);
  int rc = audit_append(db, who, instansi_id, id ? "katalog.update" : "katalog.create", "katalog_pelatihan", *out_id, lama, baru);
  json_decref(lama);
  json_decref(baru);
  return rc;
}

int katalog_hapus(struct db *db, int64_t instansi_id, int64_t id, const struct audit_actor *who)
{
  int64_t inst = 0;
  json_t *lama = katalog_get(db, id, &inst);
  if (!lama || inst != instansi_id) { json_decref(lama); return 2; }
  struct db_stmt *st = db_prepare(db, "UPDATE katalog_pelatihan SET aktif = 0, diubah = ?2 WHERE id = ?1");
  if (!st) { json_decref(lama); return -1; }
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, now_unix());
  int s = db_step(st);
  db_done(st);
  int rc = s == DB_DONE ? audit_append(db, who, instansi_id, "katalog.delete", "katalog_pelatihan", id, lama, NULL) : -1;
  json_decref(lama);
  return rc;
}
