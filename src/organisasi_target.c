/* organisasi_target.c: Renstra sasaran strategis and their IKU with yearly targets (issue 15
 * part 1).  See organisasi.h for the conventions. */
#include <stdio.h>
#include <string.h>

#include "organisasi_internal.h"
#include "util/errs.h"
#include "util/util.h"

#define TARGET_TAHUN_MAKS 20

static json_t *sasaran_json(struct db *db, int64_t id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id, s.instansi_id, s.unit_kerja_id, COALESCE(u.nama, ''), s.kode, s.sasaran, s.tahun_mulai, s.tahun_selesai"
    "  FROM sasaran_strategis s LEFT JOIN unit_kerja u ON u.id = s.unit_kerja_id WHERE s.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) {
    j = json_pack("{s:I,s:I,s:s,s:i,s:i}", "id", (json_int_t)db_col_int64(st, 0), "instansi_id", (json_int_t)db_col_int64(st, 1),
                  "sasaran", db_col_text(st, 5), "tahun_mulai", (int)db_col_int64(st, 6), "tahun_selesai", (int)db_col_int64(st, 7));
    json_object_set_new(j, "unit_kerja", db_col_is_null(st, 2) ? json_null()
                        : json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 2), "nama", db_col_text(st, 3)));
    json_object_set_new(j, "kode", db_col_is_null(st, 4) ? json_null() : json_string(db_col_text(st, 4)));
  }
  db_done(st);
  return j;
}

/* IKU rows of the sasaran in `sasaran` (an array of sasaran objects): appended under "iku" with
 * their targets; two set-based queries. */
static int iku_isi(struct db *db, json_t *sasaran, int64_t inst, int64_t satu_sasaran)
{
  size_t i;
  json_t *s;
  json_array_foreach(sasaran, i, s) json_object_set_new(s, "iku", json_array());
  struct db_stmt *st = db_prepare(db,
    "SELECT k.id, k.sasaran_id, k.kode, k.indikator, k.satuan, k.arah, k.definisi FROM iku k"
    " WHERE (?1 = 0 OR k.instansi_id = ?1) AND (?2 = 0 OR k.sasaran_id = ?2) ORDER BY k.sasaran_id, k.kode, k.id");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, satu_sasaran);
  json_t *semua = json_object();   /* iku id -> object, to attach the targets */
  while (db_step(st) == DB_ROW) {
    int64_t sid = db_col_int64(st, 1);
    json_t *k = json_pack("{s:I,s:I,s:s,s:s,s:s,s:o}", "id", (json_int_t)db_col_int64(st, 0), "sasaran_id", (json_int_t)sid,
                          "indikator", db_col_text(st, 3), "satuan", db_col_text(st, 4), "arah", db_col_text(st, 5), "target", json_array());
    json_object_set_new(k, "kode", db_col_is_null(st, 2) ? json_null() : json_string(db_col_text(st, 2)));
    json_object_set_new(k, "definisi", db_col_is_null(st, 6) ? json_null() : json_string(db_col_text(st, 6)));
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)db_col_int64(st, 0));
    json_object_set(semua, key, k);
    json_array_foreach(sasaran, i, s)
      if (json_integer_value(json_object_get(s, "id")) == sid) { json_array_append(json_object_get(s, "iku"), k); break; }
    json_decref(k);
  }
  db_done(st);
  st = db_prepare(db,
    "SELECT t.iku_id, t.tahun, t.target FROM iku_target t JOIN iku k ON k.id = t.iku_id"
    " WHERE (?1 = 0 OR k.instansi_id = ?1) AND (?2 = 0 OR k.sasaran_id = ?2) ORDER BY t.iku_id, t.tahun");
  if (!st) { json_decref(semua); return -1; }
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, satu_sasaran);
  while (db_step(st) == DB_ROW) {
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)db_col_int64(st, 0));
    json_t *k = json_object_get(semua, key);
    if (k) json_array_append_new(json_object_get(k, "target"),
                                 json_pack("{s:i,s:s}", "tahun", (int)db_col_int64(st, 1), "target", db_col_text(st, 2)));
  }
  db_done(st);
  json_decref(semua);
  return 0;
}

json_t *org_sasaran_daftar(struct db *db, int64_t inst, int tahun, int64_t unit_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id FROM sasaran_strategis s"
    " WHERE (?1 = 0 OR s.instansi_id = ?1) AND (?2 = 0 OR (s.tahun_mulai <= ?2 AND s.tahun_selesai >= ?2))"
    "   AND (?3 = 0 OR (?3 = -1 AND s.unit_kerja_id IS NULL) OR s.unit_kerja_id = ?3)"
    " ORDER BY s.instansi_id, CASE WHEN s.unit_kerja_id IS NULL THEN 0 ELSE 1 END, s.unit_kerja_id, s.kode, s.id LIMIT 500");
  if (!st) return NULL;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, unit_id);
  int64_t ids[500];
  int n = 0, s;
  while ((s = db_step(st)) == DB_ROW && n < 500) ids[n++] = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_DONE && s != DB_ROW) return NULL;
  json_t *items = json_array();
  for (int i = 0; i < n; i++) {
    json_t *j = sasaran_json(db, ids[i]);
    if (j) json_array_append_new(items, j);
  }
  if (iku_isi(db, items, inst, 0) != 0) { json_decref(items); return NULL; }
  return json_pack("{s:o}", "items", items);
}

/* Checks unit_kerja_id of a sasaran body: of instansi inst (0 = whatever instansi the row has). */
static int unit_cek(struct db *db, json_t *body, int64_t inst, int64_t *unit, json_t **errs)
{
  json_t *v = json_object_get(body, "unit_kerja_id");
  *unit = 0;
  if (!v || json_is_null(v)) return 0;
  if (!json_is_integer(v) || json_integer_value(v) < 1) { errs_add(errs, "unit_kerja_id", "harus id unit kerja atau null"); return 0; }
  int64_t ui = 0;
  int s = db_query_int64(db, "SELECT instansi_id FROM unit_kerja WHERE id = ?1", 1, json_integer_value(v), &ui);
  if (s != DB_ROW && s != DB_DONE) return -1;
  if (s == DB_DONE || ui != inst) { errs_add(errs, "unit_kerja_id", "unit kerja tidak ditemukan di instansi ini"); return 0; }
  *unit = json_integer_value(v);
  return 0;
}

static int sasaran_tulis(struct db *db, int64_t inst, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs,
                         struct org_hasil *h)
{
  static const char *const boleh[] = {"kode", "sasaran", "tahun_mulai", "tahun_selesai", "unit_kerja_id", "instansi_id", NULL};
  bool baru = id == 0;
  org_hanya(body, boleh, errs);
  json_t *before = NULL;
  if (!baru) {
    before = sasaran_json(db, id);
    if (!before) return 2;
  }
  const char *kode = org_teks(body, "kode", false, ORG_KODE_MAKS, errs);
  const char *sasaran = org_teks(body, "sasaran", baru, ORG_TEKS_MAKS, errs);
  int mulai = org_tahun(body, "tahun_mulai", baru, errs), selesai = org_tahun(body, "tahun_selesai", baru, errs);
  if (!baru) {
    if (!mulai && !json_object_get(body, "tahun_mulai")) mulai = (int)json_integer_value(json_object_get(before, "tahun_mulai"));
    if (!selesai && !json_object_get(body, "tahun_selesai")) selesai = (int)json_integer_value(json_object_get(before, "tahun_selesai"));
  }
  if (mulai && selesai && (selesai < mulai || selesai - mulai > 9))
    errs_add(errs, "tahun_selesai", "harus sama dengan atau sesudah tahun_mulai, paling lama 10 tahun");
  int64_t unit = 0;
  if (unit_cek(db, body, inst, &unit, errs) != 0) { json_decref(before); return -1; }
  if (!baru && mulai && selesai) {
    /* targets outside the new period would be orphaned */
    int64_t luar = 0;
    struct db_stmt *q = db_prepare(db,
      "SELECT COUNT(*) FROM iku_target t JOIN iku k ON k.id = t.iku_id WHERE k.sasaran_id = ?1 AND (t.tahun < ?2 OR t.tahun > ?3)");
    if (!q) { json_decref(before); return -1; }
    db_bind_int64(q, 1, id);
    db_bind_int64(q, 2, mulai);
    db_bind_int64(q, 3, selesai);
    if (db_step(q) == DB_ROW) luar = db_col_int64(q, 0);
    db_done(q);
    if (luar) errs_add(errs, "tahun_mulai", "ada target IKU di luar periode baru; ubah target IKU terlebih dahulu");
  }
  if (errs_any(*errs)) { json_decref(before); return 1; }
  int64_t now = now_unix();
  struct db_stmt *st;
  if (baru) {
    st = db_prepare(db,
      "INSERT INTO sasaran_strategis (instansi_id, unit_kerja_id, kode, sasaran, tahun_mulai, tahun_selesai, dibuat, diubah)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id");
    if (!st) return -1;
    db_bind_int64(st, 1, inst);
    db_bind_id(st, 2, unit);
    db_bind_text(st, 3, kode && kode[0] ? kode : NULL);
    db_bind_text(st, 4, sasaran);
    db_bind_int64(st, 5, mulai);
    db_bind_int64(st, 6, selesai);
    db_bind_int64(st, 7, now);
    if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
    db_done(st);
    if (!id) return -1;
  } else {
    st = db_prepare(db,
      "UPDATE sasaran_strategis SET kode = CASE WHEN ?2 = 1 THEN ?3 ELSE kode END, sasaran = COALESCE(?4, sasaran),"
      "       tahun_mulai = ?5, tahun_selesai = ?6,"
      "       unit_kerja_id = CASE WHEN ?7 = 1 THEN ?8 ELSE unit_kerja_id END, diubah = ?9 WHERE id = ?1");
    if (!st) { json_decref(before); return -1; }
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, json_object_get(body, "kode") ? 1 : 0);
    db_bind_text(st, 3, kode && kode[0] ? kode : NULL);
    db_bind_text(st, 4, sasaran);
    db_bind_int64(st, 5, mulai);
    db_bind_int64(st, 6, selesai);
    db_bind_int64(st, 7, json_object_get(body, "unit_kerja_id") ? 1 : 0);
    db_bind_id(st, 8, unit);
    db_bind_int64(st, 9, now);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) { json_decref(before); return -1; }
  }
  json_t *after = sasaran_json(db, id);
  if (!after) { json_decref(before); return -1; }
  json_t *arr = json_pack("[O]", after);
  iku_isi(db, arr, 0, id);
  json_decref(after);
  after = json_incref(json_array_get(arr, 0));
  json_decref(arr);
  int rc = audit_append(db, who, inst, baru ? "sasaran_strategis.buat" : "sasaran_strategis.ubah", "sasaran_strategis", id, before, after);
  json_decref(before);
  if (rc != 0) { json_decref(after); return -1; }
  h->hasil = after;
  return 0;
}

int org_sasaran_buat(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h)
{
  return sasaran_tulis(db, inst, 0, body, who, errs, h);
}

int org_sasaran_ubah(struct db *db, int64_t inst, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h)
{
  int64_t real = 0;
  int rc = org_instansi_baris(db, "sasaran_strategis", id, inst, &real, h);
  if (rc != 0) return rc;
  return sasaran_tulis(db, real, id, body, who, errs, h);
}

int org_sasaran_hapus(struct db *db, int64_t inst, int64_t id, const struct audit_actor *who, struct org_hasil *h)
{
  int64_t real = 0, n = 0;
  int rc = org_instansi_baris(db, "sasaran_strategis", id, inst, &real, h);
  if (rc != 0) return rc;
  if (db_query_int64(db, "SELECT COUNT(*) FROM iku WHERE sasaran_id = ?1", 1, id, &n) != DB_ROW) return -1;
  if (n) return org_tolak(h, 409, "Sasaran ini masih memiliki IKU; hapus IKU-nya terlebih dahulu.");
  json_t *before = sasaran_json(db, id);
  struct db_stmt *st = db_prepare(db, "DELETE FROM sasaran_strategis WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) { json_decref(before); return -1; }
  rc = audit_append(db, who, real, "sasaran_strategis.hapus", "sasaran_strategis", id, before, NULL);
  json_decref(before);
  return rc;
}

/* ---- IKU ---- */

json_t *org_iku_json(struct db *db, int64_t id, int64_t *inst_out)
{
  int64_t sid = 0;
  if (db_query_int64(db, "SELECT sasaran_id FROM iku WHERE id = ?1", 1, id, &sid) != DB_ROW) return NULL;
  json_t *s = sasaran_json(db, sid);
  if (!s) return NULL;
  json_t *arr = json_pack("[o]", s);
  if (iku_isi(db, arr, 0, sid) != 0) { json_decref(arr); return NULL; }
  json_t *found = NULL, *k;
  size_t i;
  json_array_foreach(json_object_get(s, "iku"), i, k)
    if (json_integer_value(json_object_get(k, "id")) == id) found = json_incref(k);
  if (found) {
    json_t *ss = json_deep_copy(s);
    json_object_del(ss, "iku");
    json_object_set_new(found, "sasaran", ss);
    json_object_set_new(found, "instansi_id", json_integer(json_integer_value(json_object_get(s, "instansi_id"))));
    if (inst_out) *inst_out = json_integer_value(json_object_get(s, "instansi_id"));
  }
  json_decref(arr);
  return found;
}

/* Parses target: [{tahun, target}] into tahun[]/nilai[]; every year inside [mulai, selesai]. */
static int target_baca(json_t *arr, int mulai, int selesai, int tahun[], char nilai[][32], json_t **errs)
{
  if (!json_is_array(arr) || json_array_size(arr) == 0) {
    errs_add(errs, "target", "wajib: minimal satu target tahunan, mis. [{\"tahun\": 2026, \"target\": \"95\"}]");
    return 0;
  }
  if (json_array_size(arr) > TARGET_TAHUN_MAKS) { errs_add(errs, "target", "paling banyak 20 target tahunan"); return 0; }
  size_t i;
  json_t *v;
  int n = 0;
  json_array_foreach(arr, i, v) {
    char f[48];
    snprintf(f, sizeof f, "target[%zu]", i);
    if (!json_is_object(v)) { errs_add(errs, f, "harus objek {tahun, target}"); continue; }
    snprintf(f, sizeof f, "target[%zu].tahun", i);
    json_t *t = json_object_get(v, "tahun");
    if (!t || json_is_null(t)) { errs_add(errs, f, "wajib diisi: IKU tanpa tahun tidak dapat disimpan"); continue; }
    if (!json_is_integer(t) || json_integer_value(t) < 2000 || json_integer_value(t) > 2100) { errs_add(errs, f, "harus tahun 2000-2100"); continue; }
    int th = (int)json_integer_value(t);
    if (mulai && selesai && (th < mulai || th > selesai)) { errs_addf(errs, f, "di luar periode Renstra %d-%d", mulai, selesai); continue; }
    bool dobel = false;
    for (int k = 0; k < n; k++) if (tahun[k] == th) dobel = true;
    if (dobel) { errs_add(errs, f, "tahun ganda"); continue; }
    snprintf(f, sizeof f, "target[%zu].target", i);
    if (!org_target(json_object_get(v, "target"), f, nilai[n], 32, errs)) continue;
    tahun[n++] = th;
  }
  return n;
}

static int iku_tulis(struct db *db, int64_t inst, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs,
                     struct org_hasil *h)
{
  static const char *const boleh[] = {"sasaran_id", "kode", "indikator", "satuan", "arah", "definisi", "target", NULL};
  bool baru = id == 0;
  org_hanya(body, boleh, errs);
  json_t *before = NULL;
  int64_t sasaran = 0;
  if (!baru) {
    before = org_iku_json(db, id, NULL);
    if (!before) return 2;
    sasaran = json_integer_value(json_object_get(before, "sasaran_id"));
  }
  json_t *sv = json_object_get(body, "sasaran_id");
  if (sv || baru) {
    if (!json_is_integer(sv) || json_integer_value(sv) < 1) errs_add(errs, "sasaran_id", "wajib: id sasaran strategis");
    else sasaran = json_integer_value(sv);
  }
  int mulai = 0, selesai = 0;
  if (sasaran) {
    int64_t si = 0;
    struct db_stmt *q = db_prepare(db, "SELECT instansi_id, tahun_mulai, tahun_selesai FROM sasaran_strategis WHERE id = ?1");
    if (!q) { json_decref(before); return -1; }
    db_bind_int64(q, 1, sasaran);
    bool ada = db_step(q) == DB_ROW;
    if (ada) { si = db_col_int64(q, 0); mulai = (int)db_col_int64(q, 1); selesai = (int)db_col_int64(q, 2); }
    db_done(q);
    if (!ada || (inst && si != inst)) { errs_add(errs, "sasaran_id", "sasaran strategis tidak ditemukan di instansi ini"); mulai = selesai = 0; }
    else inst = si;
  }
  const char *kode = org_teks(body, "kode", false, ORG_KODE_MAKS, errs);
  const char *indikator = org_teks(body, "indikator", baru, ORG_TEKS_MAKS, errs);
  const char *satuan = org_teks(body, "satuan", baru, 60, errs);
  const char *definisi = org_teks(body, "definisi", false, ORG_TEKS_MAKS, errs);
  const char *arah = org_arah(body, baru ? "naik" : NULL, errs);
  int tahun[TARGET_TAHUN_MAKS];
  char nilai[TARGET_TAHUN_MAKS][32];
  int nt = 0;
  json_t *tv = json_object_get(body, "target");
  if (tv || baru) nt = target_baca(tv, mulai, selesai, tahun, nilai, errs);
  if (!baru && !tv && sasaran && mulai) {
    int64_t luar = 0;
    struct db_stmt *q = db_prepare(db, "SELECT COUNT(*) FROM iku_target WHERE iku_id = ?1 AND (tahun < ?2 OR tahun > ?3)");
    if (!q) { json_decref(before); return -1; }
    db_bind_int64(q, 1, id);
    db_bind_int64(q, 2, mulai);
    db_bind_int64(q, 3, selesai);
    if (db_step(q) == DB_ROW) luar = db_col_int64(q, 0);
    db_done(q);
    if (luar) errs_add(errs, "sasaran_id", "target IKU ini di luar periode sasaran tersebut");
  }
  if (errs_any(*errs)) { json_decref(before); return 1; }
  int64_t now = now_unix();
  struct db_stmt *st;
  if (baru) {
    st = db_prepare(db,
      "INSERT INTO iku (instansi_id, sasaran_id, kode, indikator, satuan, arah, definisi, dibuat, diubah)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id");
    if (!st) return -1;
    db_bind_int64(st, 1, inst);
    db_bind_int64(st, 2, sasaran);
    db_bind_text(st, 3, kode && kode[0] ? kode : NULL);
    db_bind_text(st, 4, indikator);
    db_bind_text(st, 5, satuan);
    db_bind_text(st, 6, arah);
    db_bind_text(st, 7, definisi && definisi[0] ? definisi : NULL);
    db_bind_int64(st, 8, now);
    if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
    db_done(st);
    if (!id) return -1;
  } else {
    st = db_prepare(db,
      "UPDATE iku SET sasaran_id = ?2, kode = CASE WHEN ?3 = 1 THEN ?4 ELSE kode END, indikator = COALESCE(?5, indikator),"
      "       satuan = COALESCE(?6, satuan), arah = COALESCE(?7, arah), definisi = CASE WHEN ?8 = 1 THEN ?9 ELSE definisi END,"
      "       diubah = ?10 WHERE id = ?1");
    if (!st) { json_decref(before); return -1; }
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, sasaran);
    db_bind_int64(st, 3, json_object_get(body, "kode") ? 1 : 0);
    db_bind_text(st, 4, kode && kode[0] ? kode : NULL);
    db_bind_text(st, 5, indikator);
    db_bind_text(st, 6, satuan);
    db_bind_text(st, 7, arah);
    db_bind_int64(st, 8, json_object_get(body, "definisi") ? 1 : 0);
    db_bind_text(st, 9, definisi && definisi[0] ? definisi : NULL);
    db_bind_int64(st, 10, now);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) { json_decref(before); return -1; }
  }
  if (tv) {
    st = db_prepare(db, "DELETE FROM iku_target WHERE iku_id = ?1");
    if (!st) { json_decref(before); return -1; }
    db_bind_int64(st, 1, id);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) { json_decref(before); return -1; }
    for (int i = 0; i < nt; i++) {
      st = db_prepare(db, "INSERT INTO iku_target (iku_id, tahun, target) VALUES (?1, ?2, ?3)");
      if (!st) { json_decref(before); return -1; }
      db_bind_int64(st, 1, id);
      db_bind_int64(st, 2, tahun[i]);
      db_bind_text(st, 3, nilai[i]);
      s = db_step(st);
      db_done(st);
      if (s != DB_DONE) { json_decref(before); return -1; }
    }
  }
  json_t *after = org_iku_json(db, id, NULL);
  if (!after) { json_decref(before); return -1; }
  int rc = audit_append(db, who, inst, baru ? "iku.buat" : "iku.ubah", "iku", id, before, after);
  json_decref(before);
  if (rc != 0) { json_decref(after); return -1; }
  h->hasil = after;
  return 0;
}

int org_iku_buat(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h)
{
  return iku_tulis(db, inst, 0, body, who, errs, h);
}

int org_iku_ubah(struct db *db, int64_t inst, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h)
{
  int64_t real = 0;
  int rc = org_instansi_baris(db, "iku", id, inst, &real, h);
  if (rc != 0) return rc;
  return iku_tulis(db, real, id, body, who, errs, h);
}

int org_iku_hapus(struct db *db, int64_t inst, int64_t id, const struct audit_actor *who, struct org_hasil *h)
{
  int64_t real = 0, n = 0;
  int rc = org_instansi_baris(db, "iku", id, inst, &real, h);
  if (rc != 0) return rc;
  if (db_query_int64(db, "SELECT (SELECT COUNT(*) FROM pk_indikator WHERE iku_id = ?1)"
                         "     + (SELECT COUNT(*) FROM realisasi_organisasi WHERE jenis = 'iku' AND indikator_id = ?1)", 1, id, &n) != DB_ROW)
    return -1;
  if (n) return org_tolak(h, 409, "IKU ini sudah dipakai oleh indikator Perjanjian Kinerja atau memiliki realisasi; tidak dapat dihapus.");
  json_t *before = org_iku_json(db, id, NULL);
  static const char *const sql[] = {"DELETE FROM iku_target WHERE iku_id = ?1", "DELETE FROM iku WHERE id = ?1"};
  for (int i = 0; i < 2; i++) {
    struct db_stmt *st = db_prepare(db, sql[i]);
    if (!st) { json_decref(before); return -1; }
    db_bind_int64(st, 1, id);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) { json_decref(before); return -1; }
  }
  rc = audit_append(db, who, real, "iku.hapus", "iku", id, before, NULL);
  json_decref(before);
  return rc;
}
