/* skp_rhk.c: RHK rows and their IKI: validation, cascading (intervensi) checks, writes, copy,
 * templates per jabatan and assigning one atasan RHK to many bawahan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/target.h"
#include "skp.h"
#include "skp_internal.h"
#include "util/errs.h"
#include "util/util.h"

#define IKI_MAX 10
#define TEKS_MAX 2000

static const char *const PERSPEKTIF[] = {"penerima_layanan", "proses_bisnis", "penguatan_internal", "anggaran", NULL};

struct iki_in {
  char aspek[12];
  const char *indikator;
  char angka[32];
  const char *satuan, *teks;
};

struct rhk_in {
  bool has_kelompok, has_rhk, has_atasan, has_perspektif, has_bobot, has_iki;
  char kelompok[10];
  const char *rhk;
  int64_t rhk_atasan_id;
  const char *perspektif;
  int bobot;                /* -1 = none */
  struct iki_in iki[IKI_MAX];
  int niki;
};

void skp_target_teks(const char *angka, const char *satuan, const char *teks, char *out, size_t n)
{
  if (teks && teks[0]) snprintf(out, n, "%s", teks);
  else if (angka && angka[0]) snprintf(out, n, "%s%s%s", angka, satuan && satuan[0] ? " " : "", satuan ? satuan : "");
  else snprintf(out, n, "-");
}

static bool teks_ok(const char *s, size_t max, bool newline)
{
  return s && strlen(s) <= max && text_clean(s, newline);
}

/* Parses the IKI array for a pendekatan; errors under "iki[i].field". */
static void iki_parse(json_t *arr, const char *pendekatan, struct rhk_in *in, json_t **errs)
{
  bool kuant = strcmp(pendekatan, "kuantitatif") == 0;
  if (!json_is_array(arr) || json_array_size(arr) == 0) { errs_add(errs, "iki", "wajib: minimal satu indikator kinerja individu (IKI) dengan target"); return; }
  if (json_array_size(arr) > IKI_MAX) { errs_add(errs, "iki", "maksimal 10 IKI per RHK"); return; }
  size_t i;
  json_t *v;
  json_array_foreach(arr, i, v) {
    struct iki_in *k = &in->iki[i];
    memset(k, 0, sizeof *k);
    char f[48];
    if (!json_is_object(v)) { snprintf(f, sizeof f, "iki[%zu]", i); errs_add(errs, f, "harus objek"); continue; }
    const char *key;
    json_t *x;
    json_object_foreach(v, key, x) {
      static const char *const ok[] = {"id", "aspek", "indikator", "target_angka", "target_satuan", "target_teks", "target", NULL};
      bool known = false;
      for (int j = 0; ok[j]; j++) if (strcmp(key, ok[j]) == 0) known = true;
      if (!known) { snprintf(f, sizeof f, "iki[%zu].%.20s", i, key); errs_add(errs, f, "kolom tidak dikenal"); }
    }
    const char *aspek = json_string_value(json_object_get(v, "aspek"));
    k->indikator = json_string_value(json_object_get(v, "indikator"));
    json_t *ta = json_object_get(v, "target_angka");
    const char *angka = json_is_string(ta) ? json_string_value(ta) : NULL;
    char numbuf[48];
    if (json_is_integer(ta) || json_is_real(ta)) {
      if (json_is_integer(ta)) snprintf(numbuf, sizeof numbuf, "%lld", (long long)json_integer_value(ta));
      else snprintf(numbuf, sizeof numbuf, "%.4f", json_real_value(ta));
      angka = numbuf;
    }
    k->satuan = json_string_value(json_object_get(v, "target_satuan"));
    k->teks = json_string_value(json_object_get(v, "target_teks"));
    snprintf(f, sizeof f, "iki[%zu].indikator", i);
    if (!k->indikator || !k->indikator[0]) errs_add(errs, f, "wajib diisi: indikator kinerja individu");
    else if (!teks_ok(k->indikator, TEKS_MAX, false)) errs_add(errs, f, "teks tidak valid atau lebih dari 2000 karakter");
    if (kuant) {
      snprintf(f, sizeof f, "iki[%zu].aspek", i);
      if (!aspek) errs_add(errs, f, "wajib diisi pada pendekatan kuantitatif: kuantitas, kualitas, waktu atau biaya");
      else if (!target_aspek_valid(aspek)) errs_add(errs, f, "harus kuantitas, kualitas, waktu atau biaya");
      else snprintf(k->aspek, sizeof k->aspek, "%s", aspek);
      snprintf(f, sizeof f, "iki[%zu].target_angka", i);
      if (!angka && !json_is_null(ta) && ta) errs_add(errs, f, "target harus berupa angka, mis. 12 atau 99,5");
      else if (!angka) errs_add(errs, f, "wajib diisi: target berupa angka");
      else if (target_angka_normal(angka, k->angka, sizeof k->angka) != 0)
        errs_add(errs, f, "target harus angka tidak negatif, mis. 12 atau 99,5 (tanpa pemisah ribuan)");
      snprintf(f, sizeof f, "iki[%zu].target_satuan", i);
      if (!k->satuan || !k->satuan[0]) errs_add(errs, f, "wajib diisi: satuan target, mis. laporan, %, bulan");
      else if (!teks_ok(k->satuan, 50, false)) errs_add(errs, f, "maksimal 50 karakter");
      if (k->teks && k->teks[0]) { snprintf(f, sizeof f, "iki[%zu].target_teks", i); errs_add(errs, f, "pendekatan kuantitatif memakai target angka, bukan pernyataan"); }
    } else {
      if (aspek) { snprintf(f, sizeof f, "iki[%zu].aspek", i); errs_add(errs, f, "aspek hanya untuk pendekatan kuantitatif"); }
      if (angka) { snprintf(f, sizeof f, "iki[%zu].target_angka", i); errs_add(errs, f, "pendekatan kualitatif memakai target berupa pernyataan (target_teks)"); }
      snprintf(f, sizeof f, "iki[%zu].target_teks", i);
      if (!k->teks || !k->teks[0]) errs_add(errs, f, "wajib diisi: target berupa pernyataan");
      else if (!teks_ok(k->teks, TEKS_MAX, false)) errs_add(errs, f, "teks tidak valid atau lebih dari 2000 karakter");
      k->satuan = NULL;
    }
  }
  in->niki = (int)json_array_size(arr);
}

static void rhk_parse(json_t *body, const struct skp_head *h, bool create, struct rhk_in *in, json_t **errs)
{
  static const char *const allowed[] = {"kelompok", "rhk", "rhk_atasan_id", "perspektif", "bobot", "iki", "templat_id", NULL};
  memset(in, 0, sizeof *in);
  in->bobot = -1;
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool known = false;
    for (int i = 0; allowed[i]; i++) if (strcmp(k, allowed[i]) == 0) known = true;
    if (!known) errs_add(errs, k, "kolom tidak dikenal");
  }
  if ((v = json_object_get(body, "kelompok"))) {
    in->has_kelompok = true;
    const char *s = json_string_value(v);
    if (!s || (strcmp(s, "utama") && strcmp(s, "tambahan"))) errs_add(errs, "kelompok", "harus utama atau tambahan");
    else snprintf(in->kelompok, sizeof in->kelompok, "%s", s);
  } else if (create) {
    snprintf(in->kelompok, sizeof in->kelompok, "utama");
  }
  if ((v = json_object_get(body, "rhk")) || create) {
    in->has_rhk = true;
    in->rhk = json_string_value(v);
    if (!in->rhk || !in->rhk[0]) errs_add(errs, "rhk", "wajib diisi: rencana hasil kerja");
    else if (!teks_ok(in->rhk, TEKS_MAX, false)) errs_add(errs, "rhk", "teks tidak valid atau lebih dari 2000 karakter");
  }
  if ((v = json_object_get(body, "rhk_atasan_id"))) {
    in->has_atasan = true;
    if (json_is_null(v)) in->rhk_atasan_id = 0;
    else if (!json_is_integer(v) || json_integer_value(v) < 1) errs_add(errs, "rhk_atasan_id", "harus id RHK atasan atau null");
    else in->rhk_atasan_id = json_integer_value(v);
  }
  bool jpt = strcmp(h->jenis, "jpt") == 0;
  if ((v = json_object_get(body, "perspektif"))) {
    in->has_perspektif = true;
    in->perspektif = json_is_null(v) ? NULL : json_string_value(v);
    bool ok = false;
    for (int i = 0; PERSPEKTIF[i]; i++) if (in->perspektif && strcmp(in->perspektif, PERSPEKTIF[i]) == 0) ok = true;
    if (!jpt && in->perspektif) errs_add(errs, "perspektif", "perspektif hanya untuk SKP JPT");
    else if (jpt && !ok) errs_add(errs, "perspektif", "harus penerima_layanan, proses_bisnis, penguatan_internal atau anggaran");
  } else if (create && jpt) {
    errs_add(errs, "perspektif", "wajib untuk SKP JPT: penerima_layanan, proses_bisnis, penguatan_internal atau anggaran");
  }
  if ((v = json_object_get(body, "bobot"))) {
    in->has_bobot = true;
    if (json_is_null(v)) in->bobot = -1;
    else if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 100) errs_add(errs, "bobot", "harus bilangan bulat 0-100 (persen) atau null");
    else in->bobot = (int)json_integer_value(v);
  }
  if ((v = json_object_get(body, "iki")) || create) {
    in->has_iki = true;
    iki_parse(v, h->pendekatan, in, errs);
  }
}

/* Is `rhk_atasan_id` an approved RHK of this SKP's penilai in the same period? */
static int intervensi_valid(struct db *db, const struct skp_head *h, int64_t rhk_atasan_id, json_t **errs)
{
  if (!h->penilai_id) { errs_add(errs, "rhk_atasan_id", "SKP ini belum memiliki pejabat penilai; minta admin menetapkannya"); return 1; }
  int64_t n = 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT COUNT(*) FROM rhk r JOIN skp s ON s.id = r.skp_id"
    " WHERE r.id = ?1 AND s.pegawai_id = ?2 AND s.periode_id = ?3 AND r.disetujui = 1");
  if (!st) return -1;
  db_bind_int64(st, 1, rhk_atasan_id);
  db_bind_int64(st, 2, h->penilai_id);
  db_bind_int64(st, 3, h->periode_id);
  if (db_step(st) == DB_ROW) n = db_col_int64(st, 0);
  db_done(st);
  if (n == 0) {
    errs_add(errs, "rhk_atasan_id", "bukan RHK pejabat penilai Anda yang sudah disetujui pada periode ini");
    return 1;
  }
  return 0;
}

/* Would `rhk_atasan_id` as the parent of `rhk_id` close a loop in the cascade (issue 15: the
 * cascade is traced up to an IKU, so it must stay a tree)?  Walks up, depth-bounded. */
static int intervensi_siklus(struct db *db, int64_t rhk_id, int64_t rhk_atasan_id, json_t **errs)
{
  int64_t n = 0;
  struct db_stmt *st = db_prepare(db,
    "WITH RECURSIVE up(id, d) AS (SELECT ?1, 0 UNION ALL SELECT r.rhk_atasan_id, up.d + 1 FROM rhk r JOIN up ON r.id = up.id"
    "                             WHERE r.rhk_atasan_id IS NOT NULL AND up.d < 64)"
    " SELECT COUNT(*) FROM up WHERE id = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, rhk_atasan_id);
  db_bind_int64(st, 2, rhk_id);
  if (db_step(st) == DB_ROW) n = db_col_int64(st, 0);
  db_done(st);
  if (n) {
    errs_add(errs, "rhk_atasan_id", "menimbulkan siklus pada cascading: RHK atasan ini sendiri menurun dari RHK ini");
    return 1;
  }
  return 0;
}

/* Writes the IKI of an RHK: rows are updated in place by position (their ids stay, so the
 * realisasi filed against them stay attached), new ones inserted, and surplus ones deleted
 * unless a realisasi refers to them (then 1 with a field error). */
static int iki_write(struct db *db, int64_t rhk_id, const struct rhk_in *in, json_t **errs)
{
  int64_t ids[64];
  int n = 0;
  struct db_stmt *st = db_prepare(db, "SELECT id FROM iki WHERE rhk_id = ?1 ORDER BY urutan, id");
  if (!st) return -1;
  db_bind_int64(st, 1, rhk_id);
  while (db_step(st) == DB_ROW && n < 64) ids[n++] = db_col_int64(st, 0);
  db_done(st);
  for (int i = in->niki; i < n; i++) {
    int64_t used = 0;
    if (db_query_int64(db, "SELECT COUNT(*) FROM realisasi WHERE iki_id = ?1", 1, ids[i], &used) != DB_ROW) return -1;
    if (used) {
      char f[32];
      snprintf(f, sizeof f, "iki[%d]", i);
      errs_add(errs, f, "IKI ini sudah memiliki realisasi sehingga tidak dapat dihapus; ubah isinya saja");
      return 1;
    }
    st = db_prepare(db, "DELETE FROM iki WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, ids[i]);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  for (int i = 0; i < in->niki; i++) {
    const struct iki_in *k = &in->iki[i];
    st = i < n
      ? db_prepare(db, "UPDATE iki SET urutan = ?2, aspek = ?3, indikator = ?4, target_angka = ?5, target_satuan = ?6, target_teks = ?7 WHERE id = ?1")
      : db_prepare(db, "INSERT INTO iki (rhk_id, urutan, aspek, indikator, target_angka, target_satuan, target_teks)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!st) return -1;
    db_bind_int64(st, 1, i < n ? ids[i] : rhk_id);
    db_bind_int64(st, 2, i + 1);
    db_bind_text(st, 3, k->aspek[0] ? k->aspek : NULL);
    db_bind_text(st, 4, k->indikator);
    db_bind_text(st, 5, k->angka[0] ? k->angka : NULL);
    db_bind_text(st, 6, k->satuan);
    db_bind_text(st, 7, k->teks && k->teks[0] ? k->teks : NULL);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  return 0;
}

/* One RHK as JSON (for audit and the API). */
static json_t *rhk_one_json(struct db *db, int64_t rhk_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT skp_id FROM rhk WHERE id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, rhk_id);
  int64_t skp_id = db_step(st) == DB_ROW ? db_col_int64(st, 0) : 0;
  db_done(st);
  if (!skp_id) return NULL;
  json_t *all = skp_rhk_json(db, skp_id), *found = NULL;
  size_t i;
  json_t *r;
  json_array_foreach(all, i, r)
    if (json_integer_value(json_object_get(r, "id")) == rhk_id) found = json_incref(r);
  json_decref(all);
  return found;
}

json_t *skp_rhk_json(struct db *db, int64_t skp_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT r.id, r.kelompok, r.urutan, COALESCE(r.rhk_atasan_id, 0), COALESCE(a.rhk, ''), r.rhk, r.perspektif,"
    "       r.bobot, r.disetujui, r.catatan"
    "  FROM rhk r LEFT JOIN rhk a ON a.id = r.rhk_atasan_id"
    " WHERE r.skp_id = ?1 ORDER BY CASE r.kelompok WHEN 'utama' THEN 0 ELSE 1 END, r.urutan, r.id");
  if (!st) return NULL;
  db_bind_int64(st, 1, skp_id);
  json_t *rows = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *r = json_pack("{s:I,s:s,s:I,s:s,s:b,s:o}", "id", (json_int_t)db_col_int64(st, 0), "kelompok", db_col_text(st, 1),
                          "urutan", (json_int_t)db_col_int64(st, 2), "rhk", db_col_text(st, 5),
                          "disetujui", (int)db_col_int64(st, 8), "iki", json_array());
    if (!r) continue;
    json_object_set_new(r, "rhk_atasan", db_col_int64(st, 3)
      ? json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 3), "rhk", db_col_text(st, 4)) : json_null());
    json_object_set_new(r, "perspektif", db_col_is_null(st, 6) ? json_null() : json_string(db_col_text(st, 6)));
    json_object_set_new(r, "bobot", db_col_is_null(st, 7) ? json_null() : json_integer(db_col_int64(st, 7)));
    json_object_set_new(r, "catatan", db_col_is_null(st, 9) ? json_null() : json_string(db_col_text(st, 9)));
    json_array_append_new(rows, r);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(rows); return NULL; }
  st = db_prepare(db,
    "SELECT k.rhk_id, k.id, k.aspek, k.indikator, k.target_angka, k.target_satuan, k.target_teks"
    "  FROM iki k JOIN rhk r ON r.id = k.rhk_id WHERE r.skp_id = ?1 ORDER BY k.rhk_id, k.urutan");
  if (!st) { json_decref(rows); return NULL; }
  db_bind_int64(st, 1, skp_id);
  while ((s = db_step(st)) == DB_ROW) {
    int64_t rid = db_col_int64(st, 0);
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r) {
      if (json_integer_value(json_object_get(r, "id")) != rid) continue;
      const char *angka = db_col_is_null(st, 4) ? NULL : db_col_text(st, 4);
      const char *satuan = db_col_is_null(st, 5) ? NULL : db_col_text(st, 5);
      const char *teks = db_col_is_null(st, 6) ? NULL : db_col_text(st, 6);
      char target[2100];
      skp_target_teks(angka, satuan, teks, target, sizeof target);
      json_t *k = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 1), "indikator", db_col_text(st, 3), "target", target);
      if (!k) break;
      json_object_set_new(k, "aspek", db_col_is_null(st, 2) ? json_null() : json_string(db_col_text(st, 2)));
      json_object_set_new(k, "target_angka", angka ? json_string(angka) : json_null());
      json_object_set_new(k, "target_satuan", satuan ? json_string(satuan) : json_null());
      json_object_set_new(k, "target_teks", teks ? json_string(teks) : json_null());
      json_array_append_new(json_object_get(r, "iki"), k);
      break;
    }
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(rows); return NULL; }
  return rows;
}

int rhk_skp_of(struct db *db, int64_t rhk_id, int64_t *skp_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT skp_id FROM rhk WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, rhk_id);
  int s = db_step(st);
  if (s == DB_ROW) *skp_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

/* Fills the body from a template (rhk and iki when the body has none). */
static int apply_templat(struct db *db, const struct skp_head *h, json_t *body, json_t **errs)
{
  json_t *t = json_object_get(body, "templat_id");
  if (!t) return 0;
  if (!json_is_integer(t)) { errs_add(errs, "templat_id", "harus id templat"); return 1; }
  struct db_stmt *st = db_prepare(db, "SELECT rhk, iki FROM rhk_templat WHERE id = ?1 AND instansi_id = ?2 AND aktif = 1");
  if (!st) return -1;
  db_bind_int64(st, 1, json_integer_value(t));
  db_bind_int64(st, 2, h->instansi_id);
  int rc = 1;
  if (db_step(st) == DB_ROW) {
    if (!json_object_get(body, "rhk")) json_object_set_new(body, "rhk", json_string(db_col_text(st, 0)));
    if (!json_object_get(body, "iki")) {
      json_error_t e;
      json_t *iki = json_loads(db_col_text(st, 1), 0, &e);
      if (iki) json_object_set_new(body, "iki", iki);
    }
    rc = 0;
  }
  db_done(st);
  if (rc) errs_add(errs, "templat_id", "templat tidak ditemukan di instansi ini");
  return rc;
}

int skp_rhk_add(struct db *db, const struct skp_head *h, json_t *body, const struct audit_actor *who,
                json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  (void)http;
  (void)pesan;
  json_t *b = json_deep_copy(body);
  if (!b) return -1;
  int rc = apply_templat(db, h, b, errs);
  if (rc != 0) { json_decref(b); return rc; }
  struct rhk_in in;
  rhk_parse(b, h, true, &in, errs);
  if (!errs_any(*errs) && in.rhk_atasan_id) {
    rc = intervensi_valid(db, h, in.rhk_atasan_id, errs);
    if (rc < 0) { json_decref(b); return -1; }
  }
  if (errs_any(*errs)) { json_decref(b); return 1; }
  int64_t urutan = 0;
  struct db_stmt *st = db_prepare(db, "SELECT COALESCE(MAX(urutan), 0) + 1 FROM rhk WHERE skp_id = ?1 AND kelompok = ?2");
  if (!st) { json_decref(b); return -1; }
  db_bind_int64(st, 1, h->id);
  db_bind_text(st, 2, in.kelompok);
  if (db_step(st) == DB_ROW) urutan = db_col_int64(st, 0);
  db_done(st);
  st = db_prepare(db,
    "INSERT INTO rhk (skp_id, kelompok, urutan, rhk_atasan_id, rhk, perspektif, bobot, disetujui)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0) RETURNING id");
  if (!st) { json_decref(b); return -1; }
  db_bind_int64(st, 1, h->id);
  db_bind_text(st, 2, in.kelompok);
  db_bind_int64(st, 3, urutan);
  db_bind_id(st, 4, in.rhk_atasan_id);
  db_bind_text(st, 5, in.rhk);
  db_bind_text(st, 6, in.perspektif);
  if (in.bobot >= 0) db_bind_int64(st, 7, in.bobot); else db_bind_null(st, 7);
  int s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW || iki_write(db, *out_id, &in, errs) != 0) { json_decref(b); return -1; }
  json_decref(b);
  st = db_prepare(db, "UPDATE skp SET diubah = ?2 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, h->id);
  db_bind_int64(st, 2, now_unix());
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *after = rhk_one_json(db, *out_id);
  rc = audit_append(db, who, h->instansi_id, "rhk.create", "rhk", *out_id, NULL, after);
  json_decref(after);
  return rc;
}

/* RHK of bawahan that intervene this one: count and a few names, for the refusal message. */
static int dependants(struct db *db, int64_t rhk_id, char *names, size_t n)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT p.nama FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN pegawai p ON p.id = s.pegawai_id"
    " WHERE r.rhk_atasan_id = ?1 ORDER BY p.nama");
  if (!st) return -1;
  db_bind_int64(st, 1, rhk_id);
  int count = 0;
  size_t used = 0;
  names[0] = '\0';
  while (db_step(st) == DB_ROW) {
    if (count < 5 && used + 2 < n) {
      int w = snprintf(names + used, n - used, "%s%s", count ? ", " : "", db_col_text(st, 0));
      if (w > 0 && (size_t)w < n - used) used += (size_t)w;
    }
    count++;
  }
  db_done(st);
  return count;
}

static _Thread_local char pesan_buf[600];

static int refuse_dependants(struct db *db, int64_t rhk_id, int *http, const char **pesan)
{
  char names[300];
  int n = dependants(db, rhk_id, names, sizeof names);
  if (n < 0) return -1;
  if (n == 0) return 0;
  snprintf(pesan_buf, sizeof pesan_buf,
           "RHK ini diintervensi oleh %d RHK bawahan (%s%s). Minta bawahan menautkan RHK-nya ke RHK lain dulu, "
           "atau ubah hanya IKI dan target.", n, names, n > 5 ? ", ..." : "");
  *http = 409;
  *pesan = pesan_buf;
  return 3;
}

int skp_rhk_update(struct db *db, const struct skp_head *h, int64_t rhk_id, json_t *body,
                   const struct audit_actor *who, json_t **errs, int *http, const char **pesan)
{
  json_t *before = rhk_one_json(db, rhk_id);
  if (!before) return 2;
  struct rhk_in in;
  rhk_parse(body, h, false, &in, errs);
  if (json_object_get(body, "templat_id")) errs_add(errs, "templat_id", "templat hanya dipakai saat menambah RHK");
  if (!errs_any(*errs) && in.has_atasan && in.rhk_atasan_id) {
    int rc = intervensi_valid(db, h, in.rhk_atasan_id, errs);
    if (rc == 0) rc = intervensi_siklus(db, rhk_id, in.rhk_atasan_id, errs);
    if (rc < 0) { json_decref(before); return -1; }
  }
  if (errs_any(*errs)) { json_decref(before); return 1; }
  bool changes_identity = (in.has_rhk && strcmp(in.rhk, json_string_value(json_object_get(before, "rhk"))) != 0) ||
                          (in.has_kelompok && strcmp(in.kelompok, json_string_value(json_object_get(before, "kelompok"))) != 0);
  if (changes_identity) {
    int rc = refuse_dependants(db, rhk_id, http, pesan);
    if (rc != 0) { json_decref(before); return rc; }
  }
  struct db_stmt *st = db_prepare(db,
    "UPDATE rhk SET urutan = CASE WHEN ?2 = 1 AND ?3 <> kelompok"
    "                    THEN (SELECT COALESCE(MAX(o.urutan), 0) + 1 FROM rhk o WHERE o.skp_id = rhk.skp_id AND o.kelompok = ?3)"
    "                    ELSE urutan END,"
    "               kelompok = CASE WHEN ?2 = 1 THEN ?3 ELSE kelompok END,"
    "               rhk = CASE WHEN ?4 = 1 THEN ?5 ELSE rhk END,"
    "               rhk_atasan_id = CASE WHEN ?6 = 1 THEN ?7 ELSE rhk_atasan_id END,"
    "               perspektif = CASE WHEN ?8 = 1 THEN ?9 ELSE perspektif END,"
    "               bobot = CASE WHEN ?10 = 1 THEN ?11 ELSE bobot END, catatan = NULL"
    " WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, rhk_id);
  db_bind_int64(st, 2, in.has_kelompok);
  db_bind_text(st, 3, in.kelompok);
  db_bind_int64(st, 4, in.has_rhk);
  db_bind_text(st, 5, in.rhk);
  db_bind_int64(st, 6, in.has_atasan);
  db_bind_id(st, 7, in.rhk_atasan_id);
  db_bind_int64(st, 8, in.has_perspektif);
  db_bind_text(st, 9, in.perspektif);
  db_bind_int64(st, 10, in.has_bobot);
  if (in.bobot >= 0) db_bind_int64(st, 11, in.bobot); else db_bind_null(st, 11);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) { json_decref(before); return -1; }
  if (in.has_iki) {
    int w = iki_write(db, rhk_id, &in, errs);
    if (w != 0) { json_decref(before); return w; }
  }
  st = db_prepare(db, "UPDATE skp SET diubah = ?2 WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, h->id);
  db_bind_int64(st, 2, now_unix());
  s = db_step(st);
  db_done(st);
  json_t *after = rhk_one_json(db, rhk_id);
  int rc = s == DB_DONE ? audit_append(db, who, h->instansi_id, "rhk.update", "rhk", rhk_id, before, after) : -1;
  json_decref(before);
  json_decref(after);
  return rc;
}

int skp_rhk_delete(struct db *db, const struct skp_head *h, int64_t rhk_id, const struct audit_actor *who,
                   int *http, const char **pesan)
{
  json_t *before = rhk_one_json(db, rhk_id);
  if (!before) return 2;
  int rc = refuse_dependants(db, rhk_id, http, pesan);
  if (rc != 0) { json_decref(before); return rc; }
  int64_t used = 0;
  if (db_query_int64(db,
        "SELECT (SELECT COUNT(*) FROM aktivitas WHERE rhk_id = ?1) + (SELECT COUNT(*) FROM rencana_aksi WHERE rhk_id = ?1)"
        "     + (SELECT COUNT(*) FROM realisasi x JOIN iki k ON k.id = x.iki_id WHERE k.rhk_id = ?1)", 1, rhk_id, &used) != DB_ROW) {
    json_decref(before);
    return -1;
  }
  if (used) {
    json_decref(before);
    *http = 409;
    *pesan = "RHK ini sudah memiliki aktivitas, rencana aksi atau realisasi sehingga tidak dapat dihapus; ubah isinya saja";
    return 3;
  }
  static const char *const sql[] = {"DELETE FROM iki WHERE rhk_id = ?1", "DELETE FROM rhk WHERE id = ?1"};
  for (int i = 0; i < 2; i++) {
    struct db_stmt *st = db_prepare(db, sql[i]);
    if (!st) { json_decref(before); return -1; }
    db_bind_int64(st, 1, rhk_id);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) { json_decref(before); return -1; }
  }
  rc = audit_append(db, who, h->instansi_id, "rhk.delete", "rhk", rhk_id, before, NULL);
  json_decref(before);
  return rc;
}

int skp_copy_rows(struct db *db, const struct skp_head *src, const struct skp_head *dst)
{
  static const char *const sql[] = {
    "INSERT INTO rhk (skp_id, kelompok, urutan, rhk_atasan_id, rhk, perspektif, bobot, disetujui)"
    " SELECT ?2, r.kelompok, r.urutan,"
    "        (SELECT a.id FROM rhk a JOIN skp sa ON sa.id = a.skp_id"
    "          WHERE a.id = r.rhk_atasan_id AND sa.pegawai_id = ?3 AND sa.periode_id = ?4 AND a.disetujui = 1),"
    "        r.rhk, r.perspektif, r.bobot, 0"
    "   FROM rhk r WHERE r.skp_id = ?1 ORDER BY r.id",
    /* IKI follow their RHK: match the copies by (kelompok, urutan) */
    "INSERT INTO iki (rhk_id, urutan, aspek, indikator, target_angka, target_satuan, target_teks)"
    " SELECT n.id, k.urutan, k.aspek, k.indikator, k.target_angka, k.target_satuan, k.target_teks"
    "   FROM iki k JOIN rhk o ON o.id = k.rhk_id"
    "   JOIN rhk n ON n.skp_id = ?2 AND n.kelompok = o.kelompok AND n.urutan = o.urutan"
    "  WHERE o.skp_id = ?1",
    "INSERT INTO skp_perilaku (skp_id, nilai, ekspektasi) SELECT ?2, nilai, ekspektasi FROM skp_perilaku WHERE skp_id = ?1",
    "UPDATE skp SET lampiran_sumber_daya = (SELECT lampiran_sumber_daya FROM skp WHERE id = ?1),"
    "               lampiran_skema = (SELECT lampiran_skema FROM skp WHERE id = ?1),"
    "               lampiran_konsekuensi = (SELECT lampiran_konsekuensi FROM skp WHERE id = ?1),"
    "               pendekatan = CASE WHEN jenis = 'jpt' THEN pendekatan ELSE (SELECT pendekatan FROM skp WHERE id = ?1) END"
    " WHERE id = ?2",
  };
  for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
    struct db_stmt *st = db_prepare(db, sql[i]);
    if (!st) return -1;
    db_bind_int64(st, 1, src->id);
    db_bind_int64(st, 2, dst->id);
    if (i == 0) { db_bind_int64(st, 3, dst->penilai_id); db_bind_int64(st, 4, dst->periode_id); }
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  return 0;
}

/* ---- templates ---- */

json_t *rhk_templat_list(struct db *db, int64_t jabatan_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT id, rhk, iki FROM rhk_templat WHERE jabatan_id = ?1 AND aktif = 1 ORDER BY id");
  if (!st) return NULL;
  db_bind_int64(st, 1, jabatan_id);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_error_t e;
    json_t *iki = json_loads(db_col_text(st, 2), 0, &e);
    json_array_append_new(items, json_pack("{s:I,s:s,s:o}", "id", (json_int_t)db_col_int64(st, 0), "rhk", db_col_text(st, 1),
                                           "iki", iki ? iki : json_array()));
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:o}", "items", items);
}

int rhk_templat_add(struct db *db, int64_t instansi_id, int64_t jabatan_id, json_t *body, const struct audit_actor *who,
                    json_t **errs, int64_t *out_id)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "rhk") && strcmp(k, "iki") && strcmp(k, "pendekatan")) errs_add(errs, k, "kolom tidak dikenal");
  const char *pendekatan = json_string_value(json_object_get(body, "pendekatan"));
  if (!pendekatan) pendekatan = "kuantitatif";
  if (strcmp(pendekatan, "kuantitatif") && strcmp(pendekatan, "kualitatif")) errs_add(errs, "pendekatan", "harus kuantitatif atau kualitatif");
  struct skp_head fake;
  memset(&fake, 0, sizeof fake);
  snprintf(fake.jenis, sizeof fake.jenis, "ja_jf");
  snprintf(fake.pendekatan, sizeof fake.pendekatan, "%s", strcmp(pendekatan, "kualitatif") == 0 ? "kualitatif" : "kuantitatif");
  struct rhk_in in;
  json_t *b = json_pack("{s:O?,s:O?}", "rhk", json_object_get(body, "rhk"), "iki", json_object_get(body, "iki"));
  rhk_parse(b, &fake, true, &in, errs);
  json_decref(b);
  if (errs_any(*errs)) return 1;
  char *iki = json_dumps(json_object_get(body, "iki"), JSON_COMPACT);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO rhk_templat (instansi_id, jabatan_id, rhk, iki, aktif, dibuat) VALUES (?1, ?2, ?3, ?4, 1, ?5) RETURNING id");
  if (!st || !iki) { free(iki); db_done(st); return -1; }
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, jabatan_id);
  db_bind_text(st, 3, in.rhk);
  db_bind_text(st, 4, iki);
  db_bind_int64(st, 5, now_unix());
  int s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  free(iki);
  if (s != DB_ROW) return -1;
  return audit_append(db, who, instansi_id, "rhk_templat.create", "rhk_templat", *out_id, NULL, body);
}

int rhk_templat_delete(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who)
{
  struct db_stmt *st = db_prepare(db, "UPDATE rhk_templat SET aktif = 0 WHERE id = ?1 AND instansi_id = ?2 AND aktif = 1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, instansi_id);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  if (db_changes(db) == 0) return 2;
  return audit_append(db, who, instansi_id, "rhk_templat.delete", "rhk_templat", id, NULL, NULL);
}

/* ---- assign one atasan RHK to many bawahan ---- */

int skp_tugaskan(struct db *db, const struct skp_head *atasan_skp, int64_t rhk_atasan_id, json_t *body,
                 const struct audit_actor *who, json_t **errs, json_t **result)
{
  json_t *list = json_object_get(body, "bawahan");
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "bawahan") && strcmp(k, "rhk") && strcmp(k, "iki")) errs_add(errs, k, "kolom tidak dikenal");
  if (!json_is_array(list) || json_array_size(list) == 0 || json_array_size(list) > 500)
    errs_add(errs, "bawahan", "wajib: daftar id pegawai bawahan (1-500)");
  const char *teks = json_string_value(json_object_get(body, "rhk"));
  if (!teks || !teks[0]) errs_add(errs, "rhk", "wajib diisi: rencana hasil kerja bawahan");
  int64_t ok_rhk = 0;
  struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM rhk WHERE id = ?1 AND skp_id = ?2 AND disetujui = 1");
  if (!st) return -1;
  db_bind_int64(st, 1, rhk_atasan_id);
  db_bind_int64(st, 2, atasan_skp->id);
  if (db_step(st) == DB_ROW) ok_rhk = db_col_int64(st, 0);
  db_done(st);
  if (!ok_rhk) errs_add(errs, "rhk_atasan_id", "RHK ini belum disetujui; RHK atasan baru dapat diturunkan setelah SKP atasan disetujui");
  if (errs_any(*errs)) return 1;
  {
    /* the row itself is checked once, as for a kuantitatif JA/JF SKP, before any bawahan */
    struct skp_head shape;
    memset(&shape, 0, sizeof shape);
    snprintf(shape.jenis, sizeof shape.jenis, "ja_jf");
    snprintf(shape.pendekatan, sizeof shape.pendekatan, "kuantitatif");
    struct rhk_in in;
    json_t *rb = json_pack("{s:O?,s:O?}", "rhk", json_object_get(body, "rhk"), "iki", json_object_get(body, "iki"));
    rhk_parse(rb, &shape, true, &in, errs);
    json_decref(rb);
    if (errs_any(*errs)) return 1;
  }
  json_t *done = json_array(), *skipped = json_array();
  size_t i;
  json_array_foreach(list, i, v) {
    int64_t pid = json_is_integer(v) ? json_integer_value(v) : 0;
    const char *alasan = NULL;
    int64_t skp_id = 0;
    if (pid <= 0) alasan = "bukan id pegawai";
    else {
      /* the bawahan's SKP in the same period assessed by this atasan, or a new one */
      st = db_prepare(db, "SELECT id FROM skp WHERE pegawai_id = ?1 AND periode_id = ?2 AND penilai_id = ?3 ORDER BY mulai DESC LIMIT 1");
      if (!st) goto fail;
      db_bind_int64(st, 1, pid);
      db_bind_int64(st, 2, atasan_skp->periode_id);
      db_bind_int64(st, 3, atasan_skp->pegawai_id);
      if (db_step(st) == DB_ROW) skp_id = db_col_int64(st, 0);
      db_done(st);
      if (!skp_id) {
        int64_t atasan = 0;
        if (db_query_int64(db, "SELECT COALESCE(atasan_id, 0) FROM pegawai WHERE id = ?1", 1, pid, &atasan) != DB_ROW) atasan = -1;
        if (atasan != atasan_skp->pegawai_id) alasan = "bukan bawahan langsung Anda";
        else {
          json_t *e2 = NULL;
          int http = 0;
          const char *p2 = NULL;
          struct skp_create_opts o = {.pegawai_id = pid, .tahun = atasan_skp->tahun};
          int rc = skp_create(db, &o, who, &e2, &http, &p2, &skp_id);
          json_decref(e2);
          if (rc < 0) goto fail;
          if (rc != 0 && rc != 3) alasan = "SKP bawahan tidak dapat dibuat";
          else if (rc == 3 && !skp_id) alasan = p2;
        }
      }
    }
    if (!alasan) {
      struct skp_head bh;
      if (skp_head_load(db, skp_id, &bh) != 0) goto fail;
      if (bh.penilai_id != atasan_skp->pegawai_id) alasan = "SKP bawahan dinilai oleh pejabat lain";
      else if (bh.status != SKP_DRAFT && bh.status != SKP_DIKEMBALIKAN) alasan = "SKP bawahan sudah diajukan atau disetujui";
      else {
        json_t *rb = json_pack("{s:s,s:s,s:I,s:O?}", "kelompok", "utama", "rhk", teks, "rhk_atasan_id", (json_int_t)rhk_atasan_id,
                               "iki", json_object_get(body, "iki"));
        json_t *e2 = NULL;
        int http = 0;
        const char *p2 = NULL;
        int64_t rid = 0;
        int rc = skp_rhk_add(db, &bh, rb, who, &e2, &http, &p2, &rid);
        json_decref(rb);
        if (rc < 0) { json_decref(e2); goto fail; }
        if (rc != 0) {
          json_t *first = json_array_get(e2, 0);
          snprintf(pesan_buf, sizeof pesan_buf, "%s: %s", json_string_value(json_object_get(first, "field")),
                   json_string_value(json_object_get(first, "message")));
          json_array_append_new(skipped, json_pack("{s:I,s:s}", "pegawai_id", (json_int_t)pid, "alasan", pesan_buf));
          json_decref(e2);
          continue;
        }
        json_array_append_new(done, json_pack("{s:I,s:I,s:I}", "pegawai_id", (json_int_t)pid, "skp_id", (json_int_t)skp_id, "rhk_id", (json_int_t)rid));
        continue;
      }
    }
    json_array_append_new(skipped, json_pack("{s:I,s:s}", "pegawai_id", (json_int_t)pid, "alasan", alasan));
  }
  *result = json_pack("{s:o,s:o}", "ditugaskan", done, "dilewati", skipped);
  return 0;
fail:
  json_decref(done);
  json_decref(skipped);
  return -1;
}
