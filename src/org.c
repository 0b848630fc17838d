/* org.c: instansi, unit kerja and jabatan records (see org.h). */
#include "org.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/cursor.h"
#include "util/errs.h"
#include "util/util.h"

static const char *const jenis_list[] = {"jpt", "administrator", "pengawas", "pelaksana", "fungsional", NULL};
static const char *const jenjang_keahlian[] = {"Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama", NULL};
static const char *const jenjang_keterampilan[] = {"Pemula", "Terampil", "Mahir", "Penyelia", NULL};
static const char *const jenjang_jpt[] = {"Utama", "Madya", "Pratama", NULL};

static bool in_list(const char *s, const char *const *l)
{
  for (; s && *l; l++) if (strcmp(s, *l) == 0) return true;
  return false;
}

bool jabatan_jenis_valid(const char *jenis) { return in_list(jenis, jenis_list); }

static json_t *opt_str(struct db_stmt *st, int c)
{
  return db_col_is_null(st, c) ? json_null() : json_string(db_col_text(st, c));
}
static json_t *opt_int(struct db_stmt *st, int c)
{
  return db_col_is_null(st, c) ? json_null() : json_integer(db_col_int64(st, c));
}

/* --- row → JSON --- */
#define INSTANSI_COLS "i.id, i.kode, i.nama, i.zona_waktu, i.aktif"
static json_t *instansi_row(struct db_stmt *st)
{
  return json_pack("{s:I,s:s,s:s,s:s,s:b}", "id", (json_int_t)db_col_int64(st, 0),
                   "kode", db_col_text(st, 1), "nama", db_col_text(st, 2),
                   "zona_waktu", db_col_text(st, 3), "aktif", (int)db_col_int64(st, 4));
}
#define UNIT_COLS "u.id, u.instansi_id, u.induk_id, u.kode, u.nama, u.aktif, " \
                  "(SELECT COUNT(*) FROM pegawai p WHERE p.unit_kerja_id = u.id AND p.aktif = 1)"
static json_t *unit_row(struct db_stmt *st)
{
  json_t *j = json_pack("{s:I,s:I,s:s,s:b,s:I}", "id", (json_int_t)db_col_int64(st, 0),
                        "instansi_id", (json_int_t)db_col_int64(st, 1), "nama", db_col_text(st, 4),
                        "aktif", (int)db_col_int64(st, 5), "jumlah_pegawai", (json_int_t)db_col_int64(st, 6));
  if (!j) return NULL;
  json_object_set_new(j, "induk_id", opt_int(st, 2));
  json_object_set_new(j, "kode", opt_str(st, 3));
  return j;
}
#define JABATAN_COLS "j.id, j.instansi_id, j.nama, j.jenis, j.kategori, j.jenjang, j.kelas_jabatan, j.aktif"
static json_t *jabatan_row(struct db_stmt *st)
{
  json_t *j = json_pack("{s:I,s:I,s:s,s:s,s:b}", "id", (json_int_t)db_col_int64(st, 0),
                        "instansi_id", (json_int_t)db_col_int64(st, 1), "nama", db_col_text(st, 2),
                        "jenis", db_col_text(st, 3), "aktif", (int)db_col_int64(st, 7));
  if (!j) return NULL;
  json_object_set_new(j, "kategori", opt_str(st, 4));
  json_object_set_new(j, "jenjang", opt_str(st, 5));
  json_object_set_new(j, "kelas_jabatan", opt_int(st, 6));
  return j;
}

static json_t *one(struct db *db, const char *sql, int64_t id, json_t *(*row)(struct db_stmt *),
                   int64_t *instansi_out)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) {
    j = row(st);
    if (instansi_out) *instansi_out = db_col_int64(st, 1);
  }
  db_done(st);
  return j;
}

json_t *instansi_json(struct db *db, int64_t id)
{
  return one(db, "SELECT " INSTANSI_COLS " FROM instansi i WHERE i.id = ?1", id, instansi_row, NULL);
}
json_t *unit_kerja_json(struct db *db, int64_t id, int64_t *inst)
{
  return one(db, "SELECT " UNIT_COLS " FROM unit_kerja u WHERE u.id = ?1", id, unit_row, inst);
}
json_t *jabatan_json(struct db *db, int64_t id, int64_t *inst)
{
  return one(db, "SELECT " JABATAN_COLS " FROM jabatan j WHERE j.id = ?1", id, jabatan_row, inst);
}

/* --- lists --- */
/* Shared list query: `base` is "SELECT cols FROM t x WHERE 1 = 1", alias is "x". */
static json_t *list(struct db *db, const struct org_query *q, const char *base, char alias,
                    const char *kode_col, json_t *(*row)(struct db_stmt *), const char **bad)
{
  struct buf sql;
  struct db_stmt *st = NULL;
  json_t *items = NULL, *out = NULL, *next = NULL;
  char cval[256], like[420];
  int64_t cid = 0;
  int nb = 0;
  *bad = NULL;
  if (q->cursor && cursor_decode(q->cursor, cval, sizeof cval, &cid) != 0) { *bad = "cursor"; return NULL; }
  if (q->q && strlen(q->q) > 200) { *bad = "q"; return NULL; }
  if (q->jenis && (alias != 'j' || !jabatan_jenis_valid(q->jenis))) { *bad = "jenis"; return NULL; }
  if (q->induk_id && alias != 'u') { *bad = "induk_id"; return NULL; }  /* only unit kerja have a parent */
  buf_init(&sql, 4096);
  buf_puts(&sql, base);
  if (q->instansi_id) buf_printf(&sql, " AND %c.%s = ?%d", alias, alias == 'i' ? "id" : "instansi_id", ++nb);
  if (q->aktif >= 0) buf_printf(&sql, " AND %c.aktif = ?%d", alias, ++nb);
  if (q->induk_id) buf_printf(&sql, " AND %c.induk_id = ?%d", alias, ++nb);
  if (q->jenis) buf_printf(&sql, " AND %c.jenis = ?%d", alias, ++nb);
  if (q->q && *q->q) {
    like_pattern(q->q, true, like, sizeof like);
    buf_printf(&sql, " AND (LOWER(%c.nama) LIKE LOWER(?%d) ESCAPE '\\' OR %s = ?%d)", alias, nb + 1,
               kode_col, nb + 2);
    nb += 2;
  }
  if (q->cursor) { buf_printf(&sql, " AND (%c.nama, %c.id) > (?%d, ?%d)", alias, alias, nb + 1, nb + 2); nb += 2; }
  buf_printf(&sql, " ORDER BY %c.nama, %c.id LIMIT ?%d", alias, alias, ++nb);
  if (!sql.data || !(st = db_prepare(db, sql.data))) goto fail;
  int i = 1;
  if (q->instansi_id) db_bind_int64(st, i++, q->instansi_id);
  if (q->aktif >= 0) db_bind_int64(st, i++, q->aktif);
  if (q->induk_id) db_bind_int64(st, i++, q->induk_id);
  if (q->jenis) db_bind_text(st, i++, q->jenis);
  if (q->q && *q->q) { db_bind_text(st, i++, like); db_bind_text(st, i++, q->q); }
  if (q->cursor) { db_bind_text(st, i++, cval); db_bind_int64(st, i++, cid); }
  db_bind_int64(st, i, q->limit + 1);
  items = json_array();
  next = json_null();
  int s, n = 0;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == q->limit) {
      json_t *last = json_array_get(items, json_array_size(items) - 1);
      json_decref(next);
      next = cursor_encode(json_string_value(json_object_get(last, "nama")),
                           json_integer_value(json_object_get(last, "id")));
      break;
    }
    json_array_append_new(items, row(st));
    n++;
  }
  if (s != DB_ROW && s != DB_DONE) goto fail;
  out = json_pack("{s:O,s:O,s:i}", "items", items, "next_cursor", next, "limit", q->limit);
fail:
  db_done(st);
  json_decref(items);
  json_decref(next);
  buf_free(&sql);
  return out;
}

json_t *instansi_list(struct db *db, const struct org_query *q, const char **bad)
{
  /* training sandboxes (latihan.h) are not instansi: only their own users see their row */
  return list(db, q, q->instansi_id ? "SELECT " INSTANSI_COLS " FROM instansi i WHERE 1 = 1"
                                    : "SELECT " INSTANSI_COLS " FROM instansi i WHERE i.latihan_dari IS NULL",
              'i', "i.kode", instansi_row, bad);
}
json_t *unit_kerja_list(struct db *db, const struct org_query *q, const char **bad)
{
  return list(db, q, "SELECT " UNIT_COLS " FROM unit_kerja u WHERE 1 = 1", 'u', "u.kode", unit_row, bad);
}
json_t *jabatan_list(struct db *db, const struct org_query *q, const char **bad)
{
  /* jabatan has no kode column: match the name twice instead */
  return list(db, q, "SELECT " JABATAN_COLS " FROM jabatan j WHERE 1 = 1", 'j', "j.nama", jabatan_row, bad);
}

/* --- field readers (only members present are applied) --- */
static bool get_text(json_t *body, const char *f, size_t max, bool required, bool create,
                     json_t **errs, const char **out)
{
  json_t *v = json_object_get(body, f);
  *out = NULL;
  if (!v) { if (create && required) errs_add(errs, f, "wajib diisi"); return false; }
  if (json_is_null(v)) { if (required) errs_add(errs, f, "wajib diisi"); return !required; }
  if (!json_is_string(v)) { errs_add(errs, f, "harus berupa teks"); return false; }
  const char *s = json_string_value(v);
  if (strlen(s) != json_string_length(v) || !text_clean(s, false)) { errs_add(errs, f, "berisi karakter yang tidak diizinkan"); return false; }
  if (strlen(s) > max) { errs_addf(errs, f, "maksimal %zu karakter", max); return false; }
  if (required && !*s) { errs_add(errs, f, "wajib diisi"); return false; }
  *out = s;
  return true;
}

static void only(json_t *body, const char *const *allowed, json_t **errs)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    if (!in_list(k, allowed)) errs_add(errs, k, "kolom tidak dikenal");
  }
}

static int audit_save(struct db *db, const struct audit_actor *who, int64_t inst, const char *entitas,
                      int64_t id, json_t *before, json_t *after, bool create)
{
  char aksi[64];
  snprintf(aksi, sizeof aksi, "%s.%s", entitas, create ? "create" : "update");
  return audit_append(db, who, inst, aksi, entitas, id, before, after);
}

int instansi_save(struct db *db, int64_t id, json_t *body, const struct audit_actor *who,
                  json_t **errs, int64_t *out_id)
{
  static const char *const allowed[] = {"kode", "nama", "zona_waktu", "aktif", NULL};
  const bool create = id == 0;
  json_t *before = NULL, *after = NULL;
  int rc = -1;
  if (!create && !(before = instansi_json(db, id))) return 2;
  only(body, allowed, errs);
  const char *kode = NULL, *nama = NULL, *zona = NULL;
  bool has_kode = get_text(body, "kode", 50, true, create, errs, &kode);
  bool has_nama = get_text(body, "nama", 200, true, create, errs, &nama);
  bool has_zona = get_text(body, "zona_waktu", 4, false, create, errs, &zona);
  if (has_zona && zona && strcmp(zona, "WIB") && strcmp(zona, "WITA") && strcmp(zona, "WIT"))
    errs_add(errs, "zona_waktu", "harus WIB, WITA atau WIT");
  json_t *a = json_object_get(body, "aktif");
  if (a && !json_is_boolean(a)) errs_add(errs, "aktif", "harus true atau false");
  if (has_kode && kode) {
    struct db_stmt *st = db_prepare(db, "SELECT 1 FROM instansi WHERE kode = ?1 AND id <> ?2");
    if (!st) goto fail;
    db_bind_text(st, 1, kode);
    db_bind_int64(st, 2, id);
    int s = db_step(st);
    db_done(st);
    if (s == DB_ROW) errs_add(errs, "kode", "kode instansi sudah dipakai");
    else if (s != DB_DONE) goto fail;
  }
  if (errs_any(*errs)) { rc = 1; goto fail; }
  struct db_stmt *st;
  if (create) {
    st = db_prepare(db, "INSERT INTO instansi (kode, nama, zona_waktu, aktif, dibuat)"
                        " VALUES (?1, ?2, COALESCE(?3, 'WIB'), ?4, ?5) RETURNING id");
    if (!st) goto fail;
    db_bind_text(st, 1, kode);
    db_bind_text(st, 2, nama);
    db_bind_text(st, 3, zona);
    db_bind_int64(st, 4, a ? json_is_true(a) : 1);
    db_bind_int64(st, 5, now_unix());
    int s = db_step(st);
    if (s == DB_ROW) id = db_col_int64(st, 0);
    db_done(st);
    if (s != DB_ROW) goto fail;
  } else {
    st = db_prepare(db, "UPDATE instansi SET kode = COALESCE(?2, kode), nama = COALESCE(?3, nama),"
                        " zona_waktu = COALESCE(?4, zona_waktu), aktif = COALESCE(?5, aktif) WHERE id = ?1");
    if (!st) goto fail;
    db_bind_int64(st, 1, id);
    db_bind_text(st, 2, has_kode ? kode : NULL);
    db_bind_text(st, 3, has_nama ? nama : NULL);
    db_bind_text(st, 4, has_zona ? zona : NULL);
    if (a) db_bind_int64(st, 5, json_is_true(a)); else db_bind_null(st, 5);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) goto fail;
  }
  after = instansi_json(db, id);
  if (audit_save(db, who, id, "instansi", id, before, after, create) != 0) goto fail;
  *out_id = id;
  rc = 0;
fail:
  json_decref(before);
  json_decref(after);
  return rc;
}

/* Would making `induk` the parent of unit `id` create a cycle?  1 yes, 0 no, -1 error. */
static int unit_cycle(struct db *db, int64_t id, int64_t induk)
{
  int64_t n = 0;
  struct db_stmt *st = db_prepare(db,
    "WITH RECURSIVE naik (id, induk_id, depth) AS ("
    "  SELECT id, induk_id, 0 FROM unit_kerja WHERE id = ?1"
    "  UNION ALL"
    "  SELECT u.id, u.induk_id, n.depth + 1 FROM unit_kerja u JOIN naik n ON u.id = n.induk_id"
    "   WHERE n.depth < 64)"
    "SELECT COUNT(*) FROM naik WHERE id = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, induk);
  db_bind_int64(st, 2, id);
  int s = db_step(st);
  if (s == DB_ROW) n = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? n > 0 : -1;
}

int unit_kerja_save(struct db *db, int64_t inst, int64_t id, json_t *body,
                    const struct audit_actor *who, json_t **errs, int64_t *out_id)
{
  static const char *const allowed[] = {"kode", "nama", "induk_id", "aktif", "instansi_id", NULL};
  const bool create = id == 0;
  json_t *before = NULL, *after = NULL;
  int rc = -1;
  if (!create) {
    int64_t cur = 0;
    if (!(before = unit_kerja_json(db, id, &cur)) || cur != inst) { json_decref(before); return 2; }
  }
  only(body, allowed, errs);
  const char *kode = NULL, *nama = NULL;
  bool has_kode = get_text(body, "kode", 50, false, create, errs, &kode);
  bool has_nama = get_text(body, "nama", 200, true, create, errs, &nama);
  json_t *ind = json_object_get(body, "induk_id"), *a = json_object_get(body, "aktif");
  int64_t induk = 0;
  if (ind && !json_is_null(ind)) {
    if (!json_is_integer(ind) || json_integer_value(ind) < 1) errs_add(errs, "induk_id", "harus berupa id unit kerja");
    else {
      induk = json_integer_value(ind);
      int64_t pi = 0;
      json_t *p = unit_kerja_json(db, induk, &pi);
      json_decref(p);
      if (!p || pi != inst) errs_add(errs, "induk_id", "unit induk tidak ditemukan di instansi ini");
      else if (!create) {
        int c = unit_cycle(db, id, induk);
        if (c < 0) goto fail;
        if (c) errs_add(errs, "induk_id", "unit induk tidak boleh unit ini sendiri atau bawahannya");
      }
    }
  }
  if (a && !json_is_boolean(a)) errs_add(errs, "aktif", "harus true atau false");
  if (has_kode && kode && *kode) {
    struct db_stmt *st = db_prepare(db, "SELECT 1 FROM unit_kerja WHERE instansi_id = ?1 AND kode = ?2 AND id <> ?3");
    if (!st) goto fail;
    db_bind_int64(st, 1, inst);
    db_bind_text(st, 2, kode);
    db_bind_int64(st, 3, id);
    int s = db_step(st);
    db_done(st);
    if (s == DB_ROW) errs_add(errs, "kode", "kode unit kerja sudah dipakai");
    else if (s != DB_DONE) goto fail;
  }
  if (errs_any(*errs)) { rc = 1; goto fail; }
  struct db_stmt *st;
  int s;
  if (create) {
    st = db_prepare(db, "INSERT INTO unit_kerja (instansi_id, induk_id, kode, nama, aktif)"
                        " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
    if (!st) goto fail;
    db_bind_int64(st, 1, inst);
    db_bind_id(st, 2, induk);
    db_bind_text(st, 3, kode && *kode ? kode : NULL);
    db_bind_text(st, 4, nama);
    db_bind_int64(st, 5, a ? json_is_true(a) : 1);
    s = db_step(st);
    if (s == DB_ROW) id = db_col_int64(st, 0);
    db_done(st);
    if (s != DB_ROW) goto fail;
  } else {
    st = db_prepare(db, "UPDATE unit_kerja SET"
                        " kode = CASE WHEN ?2 = 1 THEN ?3 ELSE kode END,"
                        " nama = COALESCE(?4, nama),"
                        " induk_id = CASE WHEN ?5 = 1 THEN ?6 ELSE induk_id END,"
                        " aktif = COALESCE(?7, aktif)"
                        " WHERE id = ?1");
    if (!st) goto fail;
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, has_kode || (json_object_get(body, "kode") && json_is_null(json_object_get(body, "kode"))));
    db_bind_text(st, 3, kode && *kode ? kode : NULL);
    db_bind_text(st, 4, has_nama ? nama : NULL);
    db_bind_int64(st, 5, ind != NULL);
    db_bind_id(st, 6, induk);
    if (a) db_bind_int64(st, 7, json_is_true(a)); else db_bind_null(st, 7);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) goto fail;
  }
  after = unit_kerja_json(db, id, NULL);
  if (audit_save(db, who, inst, "unit_kerja", id, before, after, create) != 0) goto fail;
  *out_id = id;
  rc = 0;
fail:
  json_decref(before);
  json_decref(after);
  return rc;
}

int jabatan_save(struct db *db, int64_t inst, int64_t id, json_t *body,
                 const struct audit_actor *who, json_t **errs, int64_t *out_id)
{
  static const char *const allowed[] = {"nama", "jenis", "kategori", "jenjang", "kelas_jabatan", "aktif", "instansi_id", NULL};
  const bool create = id == 0;
  json_t *before = NULL, *after = NULL;
  int rc = -1;
  char cur_jenis[20] = "", cur_kat[20] = "";
  if (!create) {
    int64_t ci = 0;
    if (!(before = jabatan_json(db, id, &ci)) || ci != inst) { json_decref(before); return 2; }
    str_copy(cur_jenis, sizeof cur_jenis, json_string_value(json_object_get(before, "jenis")));
    const char *k = json_string_value(json_object_get(before, "kategori"));
    if (k) str_copy(cur_kat, sizeof cur_kat, k);
  }
  only(body, allowed, errs);
  const char *nama = NULL, *jenis = NULL, *kat = NULL, *jenjang = NULL;
  bool has_nama = get_text(body, "nama", 200, true, create, errs, &nama);
  bool has_jenis = get_text(body, "jenis", 20, true, create, errs, &jenis);
  bool has_kat = get_text(body, "kategori", 20, false, create, errs, &kat);
  bool has_jenjang = get_text(body, "jenjang", 40, false, create, errs, &jenjang);
  json_t *kelas = json_object_get(body, "kelas_jabatan"), *a = json_object_get(body, "aktif");
  if (has_jenis && jenis && !jabatan_jenis_valid(jenis))
    errs_add(errs, "jenis", "harus salah satu dari jpt, administrator, pengawas, pelaksana, fungsional");
  const char *ej = has_jenis && jenis ? jenis : cur_jenis;
  const char *ek = has_kat ? kat : (cur_kat[0] ? cur_kat : NULL);
  if (has_kat && kat && strcmp(kat, "keahlian") && strcmp(kat, "keterampilan"))
    errs_add(errs, "kategori", "harus keahlian atau keterampilan");
  else if (ek && strcmp(ej, "fungsional") != 0)
    errs_add(errs, "kategori", "kategori hanya untuk jabatan fungsional");
  if (has_jenjang && jenjang) {
    const char *const *ok = strcmp(ej, "jpt") == 0 ? jenjang_jpt
                          : ek && strcmp(ek, "keahlian") == 0 ? jenjang_keahlian
                          : ek && strcmp(ek, "keterampilan") == 0 ? jenjang_keterampilan : NULL;
    if (!ok) errs_add(errs, "jenjang", "jenjang hanya untuk JPT atau jabatan fungsional dengan kategori");
    else if (!in_list(jenjang, ok)) errs_add(errs, "jenjang", "jenjang tidak sesuai dengan jenis/kategori jabatan");
  }
  if (kelas && !json_is_null(kelas) && (!json_is_integer(kelas) || json_integer_value(kelas) < 1 || json_integer_value(kelas) > 17))
    errs_add(errs, "kelas_jabatan", "harus bilangan bulat 1 sampai 17");
  if (a && !json_is_boolean(a)) errs_add(errs, "aktif", "harus true atau false");
  if (has_nama && nama) {
    struct db_stmt *st = db_prepare(db, "SELECT 1 FROM jabatan WHERE instansi_id = ?1 AND nama = ?2 AND id <> ?3");
    if (!st) goto fail;
    db_bind_int64(st, 1, inst);
    db_bind_text(st, 2, nama);
    db_bind_int64(st, 3, id);
    int s = db_step(st);
    db_done(st);
    if (s == DB_ROW) errs_add(errs, "nama", "nama jabatan sudah ada di instansi ini");
    else if (s != DB_DONE) goto fail;
  }
  if (errs_any(*errs)) { rc = 1; goto fail; }
  struct db_stmt *st;
  int s;
  if (create) {
    st = db_prepare(db, "INSERT INTO jabatan (instansi_id, nama, jenis, kategori, jenjang, kelas_jabatan, aktif)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
    if (!st) goto fail;
    db_bind_int64(st, 1, inst);
    db_bind_text(st, 2, nama);
    db_bind_text(st, 3, jenis);
    db_bind_text(st, 4, kat);
    db_bind_text(st, 5, jenjang);
    if (kelas && json_is_integer(kelas)) db_bind_int64(st, 6, json_integer_value(kelas)); else db_bind_null(st, 6);
    db_bind_int64(st, 7, a ? json_is_true(a) : 1);
    s = db_step(st);
    if (s == DB_ROW) id = db_col_int64(st, 0);
    db_done(st);
    if (s != DB_ROW) goto fail;
  } else {
    st = db_prepare(db, "UPDATE jabatan SET nama = COALESCE(?2, nama), jenis = COALESCE(?3, jenis),"
                        " kategori = CASE WHEN ?4 = 1 THEN ?5 ELSE kategori END,"
                        " jenjang = CASE WHEN ?6 = 1 THEN ?7 ELSE jenjang END,"
                        " kelas_jabatan = CASE WHEN ?8 = 1 THEN ?9 ELSE kelas_jabatan END,"
                        " aktif = COALESCE(?10, aktif) WHERE id = ?1");
    if (!st) goto fail;
    db_bind_int64(st, 1, id);
    db_bind_text(st, 2, has_nama ? nama : NULL);
    db_bind_text(st, 3, has_jenis ? jenis : NULL);
    db_bind_int64(st, 4, json_object_get(body, "kategori") != NULL);
    db_bind_text(st, 5, kat);
    db_bind_int64(st, 6, json_object_get(body, "jenjang") != NULL);
    db_bind_text(st, 7, jenjang);
    db_bind_int64(st, 8, kelas != NULL);
    if (kelas && json_is_integer(kelas)) db_bind_int64(st, 9, json_integer_value(kelas)); else db_bind_null(st, 9);
    if (a) db_bind_int64(st, 10, json_is_true(a)); else db_bind_null(st, 10);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) goto fail;
  }
  after = jabatan_json(db, id, NULL);
  if (audit_save(db, who, inst, "jabatan", id, before, after, create) != 0) goto fail;
  *out_id = id;
  rc = 0;
fail:
  json_decref(before);
  json_decref(after);
  return rc;
}
