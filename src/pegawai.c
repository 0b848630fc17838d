/* pegawai.c: employees, mutasi history and listing (see pegawai.h). */
#include "pegawai.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golongan.h"
#include "nip.h"
#include "satu_baris.h"
#include "util/buf.h"
#include "util/cursor.h"
#include "util/errs.h"
#include "util/json_teks.h"
#include "util/util.h"

#define COLS "p.id, p.instansi_id, p.nip, p.nama, COALESCE(p.gelar_depan, ''),"          \
             " COALESCE(p.gelar_belakang, ''), p.jenis_kelamin, p.tanggal_lahir, p.jenis_asn," \
             " COALESCE(p.golongan, ''), COALESCE(p.email, ''), COALESCE(p.jabatan_id, 0),"   \
             " COALESCE(p.unit_kerja_id, 0), COALESCE(p.atasan_id, 0), p.aktif"

static void rec_from_row(struct db_stmt *st, struct pegawai_rec *r)
{
  memset(r, 0, sizeof *r);
  r->id = db_col_int64(st, 0);
  r->instansi_id = db_col_int64(st, 1);
  str_copy(r->nip, sizeof r->nip, db_col_text(st, 2));
  str_copy(r->nama, sizeof r->nama, db_col_text(st, 3));
  str_copy(r->gelar_depan, sizeof r->gelar_depan, db_col_text(st, 4));
  str_copy(r->gelar_belakang, sizeof r->gelar_belakang, db_col_text(st, 5));
  str_copy(r->jenis_kelamin, sizeof r->jenis_kelamin, db_col_text(st, 6));
  str_copy(r->tanggal_lahir, sizeof r->tanggal_lahir, db_col_text(st, 7));
  str_copy(r->jenis_asn, sizeof r->jenis_asn, db_col_text(st, 8));
  str_copy(r->golongan, sizeof r->golongan, db_col_text(st, 9));
  str_copy(r->email, sizeof r->email, db_col_text(st, 10));
  r->jabatan_id = db_col_int64(st, 11);
  r->unit_kerja_id = db_col_int64(st, 12);
  r->atasan_id = db_col_int64(st, 13);
  r->aktif = (int)db_col_int64(st, 14);
}

int pegawai_load(struct db *db, int64_t id, struct pegawai_rec *out)
{
  struct db_stmt *st = db_prepare(db, "SELECT " COLS " FROM pegawai p WHERE p.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) rec_from_row(st, out);
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

/* Copies a string member into dst (size n) after type/length/character checks. */
static void take_str(json_t *body, const char *field, char *dst, size_t n, bool required,
                     bool create, json_t **errs)
{
  json_t *v = json_object_get(body, field);
  if (!v) {
    if (create && required) errs_add(errs, field, "wajib diisi");
    return;
  }
  if (json_is_null(v) && !required) { dst[0] = 0; return; }
  if (!json_is_string(v)) { errs_add(errs, field, "harus berupa teks"); return; }
  const char *s = json_string_value(v);
  if (strlen(s) != json_string_length(v) || !text_clean(s, false)) {
    errs_add(errs, field, "berisi karakter yang tidak diizinkan");
    return;
  }
  while (*s == ' ') s++;
  size_t len = strlen(s);
  while (len && s[len - 1] == ' ') len--;
  if (len >= n) {
    if (strcmp(field, "jenis_asn") == 0) errs_add(errs, field, "harus PNS atau PPPK");
    else if (strcmp(field, "jenis_kelamin") == 0) errs_add(errs, field, "harus L atau P");
    else errs_addf(errs, field, "maksimal %zu karakter", n - 1);
    return;
  }
  if (required && len == 0) { errs_add(errs, field, "wajib diisi"); return; }
  memcpy(dst, s, len);
  dst[len] = 0;
}

static void take_id(json_t *body, const char *field, int64_t *dst, json_t **errs)
{
  json_t *v = json_object_get(body, field);
  if (!v) return;
  if (json_is_null(v)) { *dst = 0; return; }
  if (!json_is_integer(v) || json_integer_value(v) < 1) {
    errs_add(errs, field, "harus berupa id (bilangan bulat positif)");
    return;
  }
  *dst = json_integer_value(v);
}

void pegawai_apply_json(json_t *body, struct pegawai_rec *r, bool create, json_t **errs)
{
  static const char *const allowed_create[] = {"nip", "nama", "gelar_depan", "gelar_belakang",
    "jenis_kelamin", "tanggal_lahir", "jenis_asn", "golongan", "email", "aktif", "jabatan_id",
    "unit_kerja_id", "atasan_id", "mulai", "instansi_id", NULL};
  static const char *const allowed_update[] = {"nip", "nama", "gelar_depan", "gelar_belakang",
    "jenis_kelamin", "tanggal_lahir", "jenis_asn", "golongan", "email", "aktif", NULL};
  const char *key;
  json_t *v;
  json_object_foreach(body, key, v) {
    int ok = 0;
    for (const char *const *a = create ? allowed_create : allowed_update; *a; a++)
      if (strcmp(*a, key) == 0) { ok = 1; break; }
    if (!ok) {
      if (!create && (strcmp(key, "jabatan_id") == 0 || strcmp(key, "unit_kerja_id") == 0 ||
                      strcmp(key, "atasan_id") == 0))
        errs_add(errs, key, "ubah jabatan, unit kerja atau atasan melalui mutasi (POST /api/v1/pegawai/{id}/mutasi)");
      else
        errs_add(errs, key, "kolom tidak dikenal");
    }
  }
  take_str(body, "nip", r->nip, sizeof r->nip, true, create, errs);
  take_str(body, "nama", r->nama, sizeof r->nama, true, create, errs);
  take_str(body, "gelar_depan", r->gelar_depan, sizeof r->gelar_depan, false, create, errs);
  take_str(body, "gelar_belakang", r->gelar_belakang, sizeof r->gelar_belakang, false, create, errs);
  take_str(body, "jenis_kelamin", r->jenis_kelamin, sizeof r->jenis_kelamin, false, create, errs);
  take_str(body, "tanggal_lahir", r->tanggal_lahir, sizeof r->tanggal_lahir, false, create, errs);
  take_str(body, "jenis_asn", r->jenis_asn, sizeof r->jenis_asn, true, create, errs);
  take_str(body, "golongan", r->golongan, sizeof r->golongan, false, create, errs);
  take_str(body, "email", r->email, sizeof r->email, false, create, errs);
  json_t *a = json_object_get(body, "aktif");
  if (a) {
    if (json_is_boolean(a)) r->aktif = json_is_true(a);
    else errs_add(errs, "aktif", "harus true atau false");
  } else if (create) {
    r->aktif = 1;
  }
  if (create) {
    take_id(body, "jabatan_id", &r->jabatan_id, errs);
    take_id(body, "unit_kerja_id", &r->unit_kerja_id, errs);
    take_id(body, "atasan_id", &r->atasan_id, errs);
  }
}

/* Does `id` exist in table `what` within the instansi (and active)?  1 yes, 0 no, -1 error. */
static int ref_ok(struct db *db, const char *sql, int64_t id, int64_t instansi_id)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, instansi_id);
  int s = db_step(st);
  db_done(st);
  return s == DB_ROW ? 1 : s == DB_DONE ? 0 : -1;
}

int pegawai_validate(struct db *db, const struct pegawai_rec *r, json_t **errs)
{
  enum jenis_asn ja = ASN_PNS;
  bool ja_ok = true;
  size_t before = *errs ? json_array_size(*errs) : 0;
  if (strcmp(r->jenis_asn, "PNS") == 0) ja = ASN_PNS;
  else if (strcmp(r->jenis_asn, "PPPK") == 0) ja = ASN_PPPK;
  else { errs_add(errs, "jenis_asn", "harus PNS atau PPPK"); ja_ok = false; }
  if (ja_ok) {
    struct nip_info ni;
    enum nip_error e = nip_validate(r->nip, ja, &ni);
    if (e != NIP_OK) {
      errs_add(errs, "nip", nip_error_text(e));
    } else {
      char lahir[11];
      snprintf(lahir, sizeof lahir, "%04d-%02d-%02d", ni.lahir_y, ni.lahir_m, ni.lahir_d);
      if (r->tanggal_lahir[0] && strcmp(lahir, r->tanggal_lahir) != 0)
        errs_add(errs, "tanggal_lahir", "tidak sama dengan tanggal lahir pada NIP");
      if (r->jenis_kelamin[0] && r->jenis_kelamin[0] != ni.jenis_kelamin)
        errs_add(errs, "jenis_kelamin", "tidak sesuai dengan digit jenis kelamin pada NIP");
    }
    if (r->golongan[0]) {
      char g[8];
      if (golongan_normalize(ja, r->golongan, g, sizeof g) != 0)
        errs_add(errs, "golongan", ja == ASN_PNS ? "golongan PNS tidak dikenal (contoh: III/a)"
                                                 : "golongan PPPK harus I sampai XVII");
    }
  }
  if (r->jenis_kelamin[0] && strcmp(r->jenis_kelamin, "L") != 0 && strcmp(r->jenis_kelamin, "P") != 0)
    errs_add(errs, "jenis_kelamin", "harus L atau P");
  if (r->tanggal_lahir[0] && !date_valid(r->tanggal_lahir))
    errs_add(errs, "tanggal_lahir", "harus tanggal YYYY-MM-DD yang valid");
  if (r->email[0] && (!strchr(r->email, '@') || strchr(r->email, ' ')))
    errs_add(errs, "email", "alamat email tidak valid");
  if (r->jabatan_id) {
    int ok = ref_ok(db, "SELECT 1 FROM jabatan WHERE id = ?1 AND instansi_id = ?2 AND aktif = 1", r->jabatan_id, r->instansi_id);
    if (ok < 0) return -1;
    if (!ok) errs_add(errs, "jabatan_id", "jabatan tidak ditemukan di instansi ini");
  }
  if (r->unit_kerja_id) {
    int ok = ref_ok(db, "SELECT 1 FROM unit_kerja WHERE id = ?1 AND instansi_id = ?2 AND aktif = 1", r->unit_kerja_id, r->instansi_id);
    if (ok < 0) return -1;
    if (!ok) errs_add(errs, "unit_kerja_id", "unit kerja tidak ditemukan di instansi ini");
  }
  if (r->atasan_id) {
    if (r->atasan_id == r->id) {
      errs_add(errs, "atasan_id", "pegawai tidak dapat menjadi atasan dirinya sendiri");
    } else {
      int ok = ref_ok(db, "SELECT 1 FROM pegawai WHERE id = ?1 AND instansi_id = ?2 AND aktif = 1", r->atasan_id, r->instansi_id);
      if (ok < 0) return -1;
      if (!ok) errs_add(errs, "atasan_id", "atasan tidak ditemukan di instansi ini");
    }
  }
  /* NIP unique nationally */
  if (r->nip[0]) {
    struct db_stmt *st = db_prepare(db, "SELECT instansi_id FROM pegawai WHERE nip = ?1 AND id <> ?2");
    if (!st) return -1;
    db_bind_text(st, 1, r->nip);
    db_bind_int64(st, 2, r->id);
    int s = db_step(st);
    int64_t other = s == DB_ROW ? db_col_int64(st, 0) : 0;
    db_done(st);
    if (s != DB_ROW && s != DB_DONE) return -1;
    if (s == DB_ROW)
      errs_add(errs, "nip", other == r->instansi_id ? "NIP sudah terdaftar" : "NIP terdaftar di instansi lain");
  }
  return (*errs ? json_array_size(*errs) : 0) > before ? 1 : 0;
}

json_t *pegawai_rec_json(const struct pegawai_rec *r)
{
  json_t *j = json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:b}",
    "id", (json_int_t)r->id, "instansi_id", (json_int_t)r->instansi_id, "nip", r->nip,
    "nama", r->nama, "gelar_depan", r->gelar_depan, "gelar_belakang", r->gelar_belakang,
    "jenis_kelamin", r->jenis_kelamin, "tanggal_lahir", r->tanggal_lahir,
    "jenis_asn", r->jenis_asn, "aktif", r->aktif);
  if (!j) return NULL;
  json_object_set_new(j, "golongan", r->golongan[0] ? json_string(r->golongan) : json_null());
  json_object_set_new(j, "email", r->email[0] ? json_string(r->email) : json_null());
  json_object_set_new(j, "jabatan_id", r->jabatan_id ? json_integer(r->jabatan_id) : json_null());
  json_object_set_new(j, "unit_kerja_id", r->unit_kerja_id ? json_integer(r->unit_kerja_id) : json_null());
  json_object_set_new(j, "atasan_id", r->atasan_id ? json_integer(r->atasan_id) : json_null());
  return j;
}

static void teks_str(struct json_tulis *o, const char *kunci, const char *v, bool null_bila_kosong)
{
  json_tulis_mentah(o, kunci, strlen(kunci));
  if (null_bila_kosong && !v[0]) json_tulis_mentah(o, "null", 4);
  else json_tulis_string(o, v, strlen(v));
}

static void teks_id(struct json_tulis *o, const char *kunci, int64_t v)
{
  json_tulis_mentah(o, kunci, strlen(kunci));
  if (v) json_tulis_int(o, v);
  else json_tulis_mentah(o, "null", 4);
}

char *pegawai_rec_teks(const struct pegawai_rec *r, size_t *len)
{
  struct json_tulis o = {0};
  const char *aktif = r->aktif ? "{\"aktif\":true" : "{\"aktif\":false";
  json_tulis_mentah(&o, aktif, strlen(aktif));
  teks_id(&o, ",\"atasan_id\":", r->atasan_id);
  teks_str(&o, ",\"email\":", r->email, true);
  teks_str(&o, ",\"gelar_belakang\":", r->gelar_belakang, false);
  teks_str(&o, ",\"gelar_depan\":", r->gelar_depan, false);
  teks_str(&o, ",\"golongan\":", r->golongan, true);
  json_tulis_mentah(&o, ",\"id\":", 6);   /* 6 bytes: ,"id": */
  json_tulis_int(&o, r->id);
  json_tulis_mentah(&o, ",\"instansi_id\":", 15);
  json_tulis_int(&o, r->instansi_id);
  teks_id(&o, ",\"jabatan_id\":", r->jabatan_id);
  teks_str(&o, ",\"jenis_asn\":", r->jenis_asn, false);
  teks_str(&o, ",\"jenis_kelamin\":", r->jenis_kelamin, false);
  teks_str(&o, ",\"nama\":", r->nama, false);
  teks_str(&o, ",\"nip\":", r->nip, false);
  teks_str(&o, ",\"tanggal_lahir\":", r->tanggal_lahir, false);
  teks_id(&o, ",\"unit_kerja_id\":", r->unit_kerja_id);
  json_tulis_mentah(&o, "}", 1);
  return json_tulis_selesai(&o, len);
}

static void normalise(struct pegawai_rec *r)
{
  char g[8];
  enum jenis_asn ja = strcmp(r->jenis_asn, "PPPK") == 0 ? ASN_PPPK : ASN_PNS;
  if (r->golongan[0] && golongan_normalize(ja, r->golongan, g, sizeof g) == 0)
    str_copy(r->golongan, sizeof r->golongan, g);
  struct nip_info ni;
  if (nip_validate(r->nip, ja, &ni) == NIP_OK) {
    if (!r->jenis_kelamin[0]) { r->jenis_kelamin[0] = ni.jenis_kelamin; r->jenis_kelamin[1] = 0; }
    if (!r->tanggal_lahir[0])
      snprintf(r->tanggal_lahir, sizeof r->tanggal_lahir, "%04d-%02d-%02d", ni.lahir_y, ni.lahir_m, ni.lahir_d);
  }
}

static int riwayat_open(struct db *db, int64_t pegawai_id, const struct pegawai_rec *r,
                        const char *mulai, const char *sumber)
{
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO pegawai_riwayat (pegawai_id, jabatan_id, unit_kerja_id, atasan_id, golongan,"
    "                             mulai, selesai, sumber, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8)");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_id(st, 2, r->jabatan_id);
  db_bind_id(st, 3, r->unit_kerja_id);
  db_bind_id(st, 4, r->atasan_id);
  db_bind_text(st, 5, r->golongan[0] ? r->golongan : NULL);
  db_bind_text(st, 6, mulai);
  db_bind_text(st, 7, sumber);
  db_bind_int64(st, 8, now_unix());
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int pegawai_insert(struct db *db, struct pegawai_rec *r, const char *mulai,
                   const struct audit_actor *who)
{
  normalise(r);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO pegawai (instansi_id, nip, nama, gelar_depan, gelar_belakang, jenis_kelamin,"
    "                     tanggal_lahir, jenis_asn, golongan, jabatan_id, unit_kerja_id,"
    "                     atasan_id, email, aktif, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, r->instansi_id);
  db_bind_text(st, 2, r->nip);
  db_bind_text(st, 3, r->nama);
  db_bind_text(st, 4, r->gelar_depan[0] ? r->gelar_depan : NULL);
  db_bind_text(st, 5, r->gelar_belakang[0] ? r->gelar_belakang : NULL);
  db_bind_text(st, 6, r->jenis_kelamin);
  db_bind_text(st, 7, r->tanggal_lahir);
  db_bind_text(st, 8, r->jenis_asn);
  db_bind_text(st, 9, r->golongan[0] ? r->golongan : NULL);
  db_bind_id(st, 10, r->jabatan_id);
  db_bind_id(st, 11, r->unit_kerja_id);
  db_bind_id(st, 12, r->atasan_id);
  db_bind_text(st, 13, r->email[0] ? r->email : NULL);
  db_bind_int64(st, 14, r->aktif);
  db_bind_int64(st, 15, now_unix());
  int s = db_step(st);
  if (s == DB_ROW) r->id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  if (riwayat_open(db, r->id, r, mulai, "api") != 0) return -1;
  json_t *after = pegawai_rec_json(r);
  int rc = audit_append(db, who, r->instansi_id, "pegawai.create", "pegawai", r->id, NULL, after);
  json_decref(after);
  return rc;
}

int pegawai_update(struct db *db, const struct pegawai_rec *old, const struct pegawai_rec *in,
                   const struct audit_actor *who)
{
  struct pegawai_rec r = *in;
  normalise(&r);
  struct db_stmt *st = db_prepare(db,
    "UPDATE pegawai SET nip = ?2, nama = ?3, gelar_depan = ?4, gelar_belakang = ?5,"
    "       jenis_kelamin = ?6, tanggal_lahir = ?7, jenis_asn = ?8, golongan = ?9, email = ?10,"
    "       aktif = ?11, diubah = ?12"
    " WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, r.id);
  db_bind_text(st, 2, r.nip);
  db_bind_text(st, 3, r.nama);
  db_bind_text(st, 4, r.gelar_depan[0] ? r.gelar_depan : NULL);
  db_bind_text(st, 5, r.gelar_belakang[0] ? r.gelar_belakang : NULL);
  db_bind_text(st, 6, r.jenis_kelamin);
  db_bind_text(st, 7, r.tanggal_lahir);
  db_bind_text(st, 8, r.jenis_asn);
  db_bind_text(st, 9, r.golongan[0] ? r.golongan : NULL);
  db_bind_text(st, 10, r.email[0] ? r.email : NULL);
  db_bind_int64(st, 11, r.aktif);
  db_bind_int64(st, 12, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *b = pegawai_rec_json(old), *a = pegawai_rec_json(&r);
  const char *aksi = old->aktif && !r.aktif ? "pegawai.deactivate"
                   : !old->aktif && r.aktif ? "pegawai.activate" : "pegawai.update";
  int rc = audit_append(db, who, r.instansi_id, aksi, "pegawai", r.id, b, a);
  json_decref(b);
  json_decref(a);
  return rc;
}

int pegawai_mutasi(struct db *db, int64_t id, int64_t jabatan_id, int64_t unit_kerja_id,
                   int64_t atasan_id, const char *tanggal, const struct audit_actor *who,
                   json_t **errs)
{
  struct pegawai_rec old, r;
  int rc = pegawai_load(db, id, &old);
  if (rc != 0) return rc < 0 ? -1 : 1;
  r = old;
  r.jabatan_id = jabatan_id;
  r.unit_kerja_id = unit_kerja_id;
  r.atasan_id = atasan_id;
  if (!date_valid(tanggal)) { errs_add(errs, "tanggal", "harus tanggal YYYY-MM-DD yang valid"); return 1; }
  rc = pegawai_validate(db, &r, errs);
  if (rc != 0) return rc;
  if (atasan_id) {
    /* the new atasan must not be in this pegawai's own subtree */
    int64_t n = 0;
    struct db_stmt *st = db_prepare(db,
      "WITH RECURSIVE naik (id, atasan_id, depth) AS ("
      "  SELECT id, atasan_id, 0 FROM pegawai WHERE id = ?1"
      "  UNION ALL"
      "  SELECT p.id, p.atasan_id, n.depth + 1 FROM pegawai p JOIN naik n ON p.id = n.atasan_id"
      "   WHERE n.depth < 64)"
      "SELECT COUNT(*) FROM naik WHERE id = ?2");
    if (!st) return -1;
    db_bind_int64(st, 1, atasan_id);
    db_bind_int64(st, 2, id);
    int s = db_step(st);
    if (s == DB_ROW) n = db_col_int64(st, 0);
    db_done(st);
    if (s != DB_ROW) return -1;
    if (n) { errs_add(errs, "atasan_id", "atasan ini adalah bawahan pegawai tersebut (siklus atasan)"); return 1; }
  }
  /* the open row: a mutasi may not start before it */
  char mulai[11] = "";
  int64_t open_id = 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT id, mulai FROM pegawai_riwayat WHERE pegawai_id = ?1 AND selesai IS NULL"
    " ORDER BY mulai DESC LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) { open_id = db_col_int64(st, 0); str_copy(mulai, sizeof mulai, db_col_text(st, 1)); }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -1;
  if (open_id && strcmp(tanggal, mulai) < 0) {
    errs_addf(errs, "tanggal", "tidak boleh sebelum mulai jabatan saat ini (%s)", mulai);
    return 1;
  }
  if (open_id && strcmp(tanggal, mulai) == 0) {
    st = db_prepare(db, "UPDATE pegawai_riwayat SET jabatan_id = ?2, unit_kerja_id = ?3, atasan_id = ?4"
                        " WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, open_id);
    db_bind_id(st, 2, jabatan_id);
    db_bind_id(st, 3, unit_kerja_id);
    db_bind_id(st, 4, atasan_id);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  } else {
    if (open_id) {
      st = db_prepare(db, "UPDATE pegawai_riwayat SET selesai = ?2 WHERE id = ?1");
      if (!st) return -1;
      db_bind_int64(st, 1, open_id);
      db_bind_text(st, 2, tanggal);
      s = db_step(st);
      db_done(st);
      if (s != DB_DONE) return -1;
    }
    if (riwayat_open(db, id, &r, tanggal, "api") != 0) return -1;
  }
  st = db_prepare(db, "UPDATE pegawai SET jabatan_id = ?2, unit_kerja_id = ?3, atasan_id = ?4, diubah = ?5"
                      " WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_id(st, 2, jabatan_id);
  db_bind_id(st, 3, unit_kerja_id);
  db_bind_id(st, 4, atasan_id);
  db_bind_int64(st, 5, now_unix());
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *b = pegawai_rec_json(&old), *a = pegawai_rec_json(&r);
  json_object_set_new(a, "tanggal_mutasi", json_string(tanggal));
  rc = audit_append(db, who, r.instansi_id, "pegawai.mutasi", "pegawai", id, b, a);
  json_decref(b);
  json_decref(a);
  return rc;
}

/* --- JSON for the API --- */

#define JCOLS COLS ", j.nama, j.jenis, u.nama, a.nip, a.nama"
#define JFROM " FROM pegawai p"                                  \
              " LEFT JOIN jabatan j ON j.id = p.jabatan_id"      \
              " LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id" \
              " LEFT JOIN pegawai a ON a.id = p.atasan_id"

static json_t *row_json(struct db_stmt *st)
{
  struct pegawai_rec r;
  rec_from_row(st, &r);
  char full[400];
  snprintf(full, sizeof full, "%s%s%s%s%s", r.gelar_depan, r.gelar_depan[0] ? " " : "", r.nama,
           r.gelar_belakang[0] ? ", " : "", r.gelar_belakang);
  json_t *j = json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:b}",
    "id", (json_int_t)r.id, "instansi_id", (json_int_t)r.instansi_id, "nip", r.nip, "nama", r.nama,
    "nama_lengkap", full, "gelar_depan", r.gelar_depan, "gelar_belakang", r.gelar_belakang,
    "jenis_kelamin", r.jenis_kelamin, "tanggal_lahir", r.tanggal_lahir, "jenis_asn", r.jenis_asn,
    "aktif", r.aktif);
  if (!j) return NULL;
  json_object_set_new(j, "golongan", r.golongan[0] ? json_string(r.golongan) : json_null());
  const char *pangkat = golongan_pangkat(r.golongan);
  json_object_set_new(j, "pangkat", pangkat ? json_string(pangkat) : json_null());
  json_object_set_new(j, "email", r.email[0] ? json_string(r.email) : json_null());
  json_object_set_new(j, "jabatan", r.jabatan_id
    ? json_pack("{s:I,s:s,s:s}", "id", (json_int_t)r.jabatan_id, "nama", db_col_text(st, 15), "jenis", db_col_text(st, 16))
    : json_null());
  json_object_set_new(j, "unit_kerja", r.unit_kerja_id
    ? json_pack("{s:I,s:s}", "id", (json_int_t)r.unit_kerja_id, "nama", db_col_text(st, 17))
    : json_null());
  json_object_set_new(j, "atasan", r.atasan_id
    ? json_pack("{s:I,s:s,s:s}", "id", (json_int_t)r.atasan_id, "nip", db_col_text(st, 18), "nama", db_col_text(st, 19))
    : json_null());
  return j;
}

json_t *pegawai_json(struct db *db, int64_t id)
{
  return satu_baris_json(db, "SELECT " JCOLS JFROM " WHERE p.id = ?1", id, row_json);
}

json_t *pegawai_riwayat_json(struct db *db, int64_t id)
{
  json_t *arr = json_array();
  struct db_stmt *st = db_prepare(db,
    "SELECT r.id, r.mulai, r.selesai, r.sumber, r.golongan,"
    "       r.jabatan_id, j.nama, r.unit_kerja_id, u.nama, r.atasan_id, a.nip, a.nama"
    "  FROM pegawai_riwayat r"
    "  LEFT JOIN jabatan j ON j.id = r.jabatan_id"
    "  LEFT JOIN unit_kerja u ON u.id = r.unit_kerja_id"
    "  LEFT JOIN pegawai a ON a.id = r.atasan_id"
    " WHERE r.pegawai_id = ?1 ORDER BY r.mulai DESC, r.id DESC");
  if (!st || !arr) { db_done(st); json_decref(arr); return NULL; }
  db_bind_int64(st, 1, id);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *o = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 0),
                          "mulai", db_col_text(st, 1), "sumber", db_col_text(st, 3));
    json_object_set_new(o, "selesai", db_col_is_null(st, 2) ? json_null() : json_string(db_col_text(st, 2)));
    json_object_set_new(o, "golongan", db_col_is_null(st, 4) ? json_null() : json_string(db_col_text(st, 4)));
    json_object_set_new(o, "jabatan", db_col_is_null(st, 5) ? json_null()
      : json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 5), "nama", db_col_text(st, 6)));
    json_object_set_new(o, "unit_kerja", db_col_is_null(st, 7) ? json_null()
      : json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 7), "nama", db_col_text(st, 8)));
    json_object_set_new(o, "atasan", db_col_is_null(st, 9) ? json_null()
      : json_pack("{s:I,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 9), "nip", db_col_text(st, 10), "nama", db_col_text(st, 11)));
    json_array_append_new(arr, o);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(arr); return NULL; }
  return arr;
}

int pegawai_atasan_pada(struct db *db, int64_t id, const char *tanggal, int64_t *atasan_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT COALESCE(atasan_id, 0) FROM pegawai_riwayat"
    " WHERE pegawai_id = ?1 AND mulai <= ?2 AND (selesai IS NULL OR selesai > ?2)"
    " ORDER BY mulai DESC LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, tanggal);
  int s = db_step(st);
  if (s == DB_ROW) *atasan_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

/* --- listing --- */

json_t *pegawai_list(struct db *db, const struct pegawai_query *q, const char **bad)
{
  struct buf sql;
  struct db_stmt *st = NULL;
  json_t *items = NULL, *out = NULL;
  char cval[256] = "", like[420];
  int64_t cid = 0;
  int nb = 0;
  /* bound values, in placeholder order */
  enum { T_INT, T_TEXT } types[16];
  int64_t ints[16];
  const char *texts[16];
  *bad = NULL;

  const char *col = "p.nama";
  int desc = 0;
  if (!q->sort || strcmp(q->sort, "nama") == 0) col = "p.nama";
  else if (strcmp(q->sort, "-nama") == 0) { col = "p.nama"; desc = 1; }
  else if (strcmp(q->sort, "nip") == 0) col = "p.nip";
  else if (strcmp(q->sort, "-nip") == 0) { col = "p.nip"; desc = 1; }
  else { *bad = "sort"; return NULL; }
  if (q->cursor && cursor_decode(q->cursor, cval, sizeof cval, &cid) != 0) { *bad = "cursor"; return NULL; }
  if (q->jenis_asn && strcmp(q->jenis_asn, "PNS") != 0 && strcmp(q->jenis_asn, "PPPK") != 0) {
    *bad = "jenis_asn";
    return NULL;
  }
  if (q->q && strlen(q->q) > 200) { *bad = "q"; return NULL; }

#define BIND_I(v) (types[nb] = T_INT, ints[nb] = (v), ++nb)
#define BIND_T(v) (types[nb] = T_TEXT, texts[nb] = (v), ++nb)
  buf_init(&sql, 8192);
  if (q->scope_root) {
    buf_puts(&sql, "WITH RECURSIVE lingkup (id, depth) AS ("
                   " SELECT id, 0 FROM pegawai WHERE id = ?1"
                   " UNION ALL"
                   " SELECT p.id, l.depth + 1 FROM pegawai p JOIN lingkup l ON p.atasan_id = l.id"
                   "  WHERE l.depth < 64) ");
    BIND_I(q->scope_root);
  }
  size_t sel_at = sql.len;
  buf_puts(&sql, "SELECT " JCOLS);
  size_t from_at = sql.len;
  buf_puts(&sql, JFROM " WHERE 1 = 1");
  if (q->scope_root) buf_puts(&sql, " AND p.id IN (SELECT id FROM lingkup)");
  if (q->instansi_id) { buf_printf(&sql, " AND p.instansi_id = ?%d", nb + 1); BIND_I(q->instansi_id); }
  if (q->aktif >= 0) { buf_printf(&sql, " AND p.aktif = ?%d", nb + 1); BIND_I(q->aktif); }
  if (q->unit_kerja_id) { buf_printf(&sql, " AND p.unit_kerja_id = ?%d", nb + 1); BIND_I(q->unit_kerja_id); }
  if (q->jabatan_id) { buf_printf(&sql, " AND p.jabatan_id = ?%d", nb + 1); BIND_I(q->jabatan_id); }
  if (q->atasan_id) { buf_printf(&sql, " AND p.atasan_id = ?%d", nb + 1); BIND_I(q->atasan_id); }
  if (q->jenis_asn) { buf_printf(&sql, " AND p.jenis_asn = ?%d", nb + 1); BIND_T(q->jenis_asn); }
  if (q->q && *q->q) {
    int digits = 1;
    for (const char *c = q->q; *c; c++) if (*c < '0' || *c > '9') digits = 0;
    like_pattern(q->q, !digits, like, sizeof like);
    if (digits) buf_printf(&sql, " AND p.nip LIKE ?%d ESCAPE '\\'", nb + 1);
    else buf_printf(&sql, " AND LOWER(p.nama) LIKE LOWER(?%d) ESCAPE '\\'", nb + 1);
    BIND_T(like);
  }
  /* total before the cursor condition */
  json_int_t total = -1;
  if (q->with_total) {
    struct buf cs;
    buf_init(&cs, 8192);
    if (!sql.data) goto fail;
    buf_append(&cs, sql.data, sel_at);
    buf_puts(&cs, "SELECT COUNT(*)");
    buf_puts(&cs, sql.data + from_at);
    st = db_prepare(db, cs.data ? cs.data : "");
    buf_free(&cs);
    if (!st) goto fail;
    for (int i = 0; i < nb; i++)
      types[i] == T_INT ? db_bind_int64(st, i + 1, ints[i]) : db_bind_text(st, i + 1, texts[i]);
    if (db_step(st) != DB_ROW) goto fail;
    total = db_col_int64(st, 0);
    db_done(st);
    st = NULL;
  }
  if (q->cursor) {
    buf_printf(&sql, " AND (%s, p.id) %s (?%d, ?%d)", col, desc ? "<" : ">", nb + 1, nb + 2);
    BIND_T(cval);
    BIND_I(cid);
  }
  buf_printf(&sql, " ORDER BY %s %s, p.id %s LIMIT ?%d", col, desc ? "DESC" : "ASC", desc ? "DESC" : "ASC", nb + 1);
  BIND_I((int64_t)q->limit + 1);
#undef BIND_I
#undef BIND_T
  if (!sql.data) goto fail;
  st = db_prepare(db, sql.data);
  if (!st) goto fail;
  for (int i = 0; i < nb; i++)
    types[i] == T_INT ? db_bind_int64(st, i + 1, ints[i]) : db_bind_text(st, i + 1, texts[i]);
  items = json_array();
  int s, n = 0;
  json_t *next = json_null();
  while ((s = db_step(st)) == DB_ROW) {
    if (n == q->limit) {
      json_t *last = json_array_get(items, json_array_size(items) - 1);
      json_decref(next);
      next = cursor_encode(json_string_value(json_object_get(last, strcmp(col, "p.nama") == 0 ? "nama" : "nip")),
                           json_integer_value(json_object_get(last, "id")));
      break;
    }
    json_array_append_new(items, row_json(st));
    n++;
  }
  if (s != DB_ROW && s != DB_DONE) { json_decref(next); goto fail; }
  out = json_pack("{s:o,s:o,s:i}", "items", items, "next_cursor", next, "limit", q->limit);
  items = NULL;
  if (out && total >= 0) json_object_set_new(out, "total", json_integer(total));
fail:
  db_done(st);
  json_decref(items);
  buf_free(&sql);
  return out;
}
