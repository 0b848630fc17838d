/* organisasi_pk.c: the indicators of each unit's Perjanjian Kinerja (issue 15 part 1), linked
 * to an IKU of the same instansi or to the PK indicator of a unit above, and the link of an SKP
 * RHK to a PK indicator.  See organisasi.h for the conventions. */
#include <stdio.h>
#include <string.h>

#include "organisasi_internal.h"
#include "util/errs.h"
#include "util/util.h"

#define PK_KOLOM \
  "SELECT p.id, p.instansi_id, p.unit_kerja_id, u.nama, p.tahun, p.urutan, p.sasaran, p.indikator, p.target, p.satuan, p.arah," \
  "       p.iku_id, k.kode, k.indikator, p.induk_id, i.indikator," \
  "       (SELECT COUNT(*) FROM rhk r WHERE r.pk_indikator_id = p.id)" \
  "  FROM pk_indikator p JOIN unit_kerja u ON u.id = p.unit_kerja_id" \
  "  LEFT JOIN iku k ON k.id = p.iku_id LEFT JOIN pk_indikator i ON i.id = p.induk_id"

static json_t *pk_baris(struct db_stmt *st)
{
  json_t *j = json_pack("{s:I,s:I,s:{s:I,s:s},s:i,s:i,s:s,s:s,s:s,s:s,s:s,s:I}",
    "id", (json_int_t)db_col_int64(st, 0), "instansi_id", (json_int_t)db_col_int64(st, 1),
    "unit_kerja", "id", (json_int_t)db_col_int64(st, 2), "nama", db_col_text(st, 3),
    "tahun", (int)db_col_int64(st, 4), "urutan", (int)db_col_int64(st, 5), "sasaran", db_col_text(st, 6),
    "indikator", db_col_text(st, 7), "target", db_col_text(st, 8), "satuan", db_col_text(st, 9), "arah", db_col_text(st, 10),
    "rhk_terkait", (json_int_t)db_col_int64(st, 16));
  if (!j) return NULL;
  json_object_set_new(j, "iku", db_col_is_null(st, 11) ? json_null()
    : json_pack("{s:I,s:s?,s:s}", "id", (json_int_t)db_col_int64(st, 11), "kode", db_col_is_null(st, 12) ? NULL : db_col_text(st, 12),
                "indikator", db_col_text(st, 13)));
  json_object_set_new(j, "induk", db_col_is_null(st, 14) ? json_null()
    : json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 14), "indikator", db_col_text(st, 15)));
  return j;
}

json_t *org_pk_json(struct db *db, int64_t id, int64_t *inst_out)
{
  struct db_stmt *st = db_prepare(db, PK_KOLOM " WHERE p.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) {
    j = pk_baris(st);
    if (inst_out) *inst_out = db_col_int64(st, 1);
  }
  db_done(st);
  return j;
}

json_t *org_pk_daftar(struct db *db, int64_t inst, int tahun, int64_t unit_id)
{
  struct db_stmt *st = db_prepare(db, PK_KOLOM
    " WHERE (?1 = 0 OR p.instansi_id = ?1) AND p.tahun = ?2 AND (?3 = 0 OR p.unit_kerja_id = ?3)"
    " ORDER BY u.nama, p.unit_kerja_id, p.urutan, p.id LIMIT 2000");
  if (!st) return NULL;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, unit_id);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) json_array_append_new(items, pk_baris(st));
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:i,s:o}", "tahun", tahun, "items", items);
}

/* Would making `induk` the parent of `id` close a loop?  Walks up from induk (bounded). */
static int pk_siklus(struct db *db, int64_t id, int64_t induk, bool *siklus)
{
  *siklus = false;
  int64_t cur = induk;
  for (int d = 0; cur && d < 64; d++) {
    if (cur == id) { *siklus = true; return 0; }
    int64_t up = 0;
    int s = db_query_int64(db, "SELECT COALESCE(induk_id, 0) FROM pk_indikator WHERE id = ?1", 1, cur, &up);
    if (s == DB_DONE) return 0;
    if (s != DB_ROW) return -1;
    cur = up;
  }
  if (cur) *siklus = true;   /* deeper than any real tree: treat as a loop */
  return 0;
}

static int pk_tulis(struct db *db, int64_t inst, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs,
                    struct org_hasil *h)
{
  static const char *const boleh[] = {"unit_kerja_id", "tahun", "urutan", "sasaran", "indikator", "target", "satuan", "arah",
                                      "iku_id", "induk_id", NULL};
  bool baru = id == 0;
  org_hanya(body, boleh, errs);
  json_t *before = NULL;
  int64_t unit = 0, iku = 0, induk = 0;
  int tahun = 0;
  if (!baru) {
    before = org_pk_json(db, id, NULL);
    if (!before) return 2;
    unit = json_integer_value(json_object_get(json_object_get(before, "unit_kerja"), "id"));
    tahun = (int)json_integer_value(json_object_get(before, "tahun"));
    json_t *k = json_object_get(before, "iku"), *i = json_object_get(before, "induk");
    iku = json_is_object(k) ? json_integer_value(json_object_get(k, "id")) : 0;
    induk = json_is_object(i) ? json_integer_value(json_object_get(i, "id")) : 0;
  }
  json_t *v = json_object_get(body, "unit_kerja_id");
  if (v || baru) {
    int64_t ui = 0;
    if (!json_is_integer(v) || json_integer_value(v) < 1) errs_add(errs, "unit_kerja_id", "wajib: id unit kerja");
    else {
      int s = db_query_int64(db, "SELECT instansi_id FROM unit_kerja WHERE id = ?1", 1, json_integer_value(v), &ui);
      if (s != DB_ROW && s != DB_DONE) { json_decref(before); return -1; }
      if (s == DB_DONE || (inst && ui != inst)) errs_add(errs, "unit_kerja_id", "unit kerja tidak ditemukan di instansi ini");
      else { unit = json_integer_value(v); inst = ui; }
    }
  }
  if (json_object_get(body, "tahun") || baru) {
    int t = org_tahun(body, "tahun", true, errs);
    if (t) tahun = t;
  }
  int64_t urutan = -1;
  if ((v = json_object_get(body, "urutan"))) {
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 999) errs_add(errs, "urutan", "harus bilangan bulat 0-999");
    else urutan = json_integer_value(v);
  }
  const char *sasaran = org_teks(body, "sasaran", baru, ORG_TEKS_MAKS, errs);
  const char *indikator = org_teks(body, "indikator", baru, ORG_TEKS_MAKS, errs);
  const char *satuan = org_teks(body, "satuan", baru, 60, errs);
  const char *arah = org_arah(body, baru ? "naik" : NULL, errs);
  char target[32] = "";
  if (json_object_get(body, "target") || baru) org_target(json_object_get(body, "target"), "target", target, sizeof target, errs);
  if ((v = json_object_get(body, "iku_id"))) {
    iku = 0;
    if (!json_is_null(v)) {
      if (!json_is_integer(v) || json_integer_value(v) < 1) errs_add(errs, "iku_id", "harus id IKU atau null");
      else {
        int64_t ki = 0;
        int s = db_query_int64(db, "SELECT instansi_id FROM iku WHERE id = ?1", 1, json_integer_value(v), &ki);
        if (s != DB_ROW && s != DB_DONE) { json_decref(before); return -1; }
        if (s == DB_DONE) errs_add(errs, "iku_id", "IKU tidak ditemukan");
        else if (inst && ki != inst) errs_add(errs, "iku_id", "IKU ini milik instansi lain; indikator PK hanya dapat ditautkan ke IKU instansinya sendiri");
        else iku = json_integer_value(v);
      }
    }
  }
  if ((v = json_object_get(body, "induk_id"))) {
    induk = 0;
    if (!json_is_null(v)) {
      if (!json_is_integer(v) || json_integer_value(v) < 1) errs_add(errs, "induk_id", "harus id indikator PK atau null");
      else {
        int64_t pi = 0;
        int s = db_query_int64(db, "SELECT instansi_id FROM pk_indikator WHERE id = ?1", 1, json_integer_value(v), &pi);
        if (s != DB_ROW && s != DB_DONE) { json_decref(before); return -1; }
        if (s == DB_DONE) errs_add(errs, "induk_id", "indikator PK induk tidak ditemukan");
        else if (inst && pi != inst) errs_add(errs, "induk_id", "indikator PK induk milik instansi lain");
        else induk = json_integer_value(v);
      }
    }
  }
  if (!errs_any(*errs) && induk) {
    int64_t th = 0;
    if (db_query_int64(db, "SELECT tahun FROM pk_indikator WHERE id = ?1", 1, induk, &th) != DB_ROW) { json_decref(before); return -1; }
    if (th != tahun) errs_add(errs, "induk_id", "indikator PK induk harus pada tahun yang sama");
    bool siklus = false;
    if (!baru && pk_siklus(db, id, induk, &siklus) != 0) { json_decref(before); return -1; }
    if (siklus) errs_add(errs, "induk_id", "menimbulkan siklus pada cascading Perjanjian Kinerja (indikator menjadi induk dirinya sendiri)");
  }
  if (!errs_any(*errs) && iku) {
    int64_t ada = 0;
    struct db_stmt *q = db_prepare(db,
      "SELECT COUNT(*) FROM iku k JOIN sasaran_strategis s ON s.id = k.sasaran_id WHERE k.id = ?1 AND s.tahun_mulai <= ?2 AND s.tahun_selesai >= ?2");
    if (!q) { json_decref(before); return -1; }
    db_bind_int64(q, 1, iku);
    db_bind_int64(q, 2, tahun);
    if (db_step(q) == DB_ROW) ada = db_col_int64(q, 0);
    db_done(q);
    if (!ada) errs_addf(errs, "iku_id", "IKU ini tidak berlaku pada tahun %d (di luar periode Renstra-nya)", tahun);
  }
  if (!errs_any(*errs) && !iku && !induk)
    errs_add(errs, "iku_id", "wajib: tautkan indikator PK ke IKU (iku_id) atau ke indikator PK unit di atasnya (induk_id)");
  if (!baru && !errs_any(*errs) && json_object_get(body, "tahun")) {
    int64_t n = 0;
    if (db_query_int64(db, "SELECT (SELECT COUNT(*) FROM rhk WHERE pk_indikator_id = ?1)"
                           "     + (SELECT COUNT(*) FROM pk_indikator WHERE induk_id = ?1)", 1, id, &n) != DB_ROW) { json_decref(before); return -1; }
    if (n && tahun != (int)json_integer_value(json_object_get(before, "tahun")))
      errs_add(errs, "tahun", "indikator ini sudah ditautkan ke RHK atau indikator PK lain; tahunnya tidak dapat diubah");
  }
  if (errs_any(*errs)) { json_decref(before); return 1; }
  int64_t now = now_unix();
  struct db_stmt *st;
  if (baru) {
    if (urutan < 0 && db_query_int64(db, "SELECT COALESCE(MAX(urutan), 0) + 1 FROM pk_indikator WHERE unit_kerja_id = ?1", 1, unit, &urutan) != DB_ROW)
      return -1;
    st = db_prepare(db,
      "INSERT INTO pk_indikator (instansi_id, unit_kerja_id, tahun, urutan, sasaran, indikator, target, satuan, arah, iku_id, induk_id,"
      "                          dibuat, diubah)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12) RETURNING id");
    if (!st) return -1;
    db_bind_int64(st, 1, inst);
    db_bind_int64(st, 2, unit);
    db_bind_int64(st, 3, tahun);
    db_bind_int64(st, 4, urutan);
    db_bind_text(st, 5, sasaran);
    db_bind_text(st, 6, indikator);
    db_bind_text(st, 7, target);
    db_bind_text(st, 8, satuan);
    db_bind_text(st, 9, arah);
    db_bind_id(st, 10, iku);
    db_bind_id(st, 11, induk);
    db_bind_int64(st, 12, now);
    if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
    db_done(st);
    if (!id) return -1;
  } else {
    st = db_prepare(db,
      "UPDATE pk_indikator SET unit_kerja_id = ?2, tahun = ?3, urutan = CASE WHEN ?4 >= 0 THEN ?4 ELSE urutan END,"
      "       sasaran = COALESCE(?5, sasaran), indikator = COALESCE(?6, indikator), target = COALESCE(?7, target),"
      "       satuan = COALESCE(?8, satuan), arah = COALESCE(?9, arah), iku_id = ?10, induk_id = ?11, diubah = ?12 WHERE id = ?1");
    if (!st) { json_decref(before); return -1; }
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, unit);
    db_bind_int64(st, 3, tahun);
    db_bind_int64(st, 4, urutan);
    db_bind_text(st, 5, sasaran);
    db_bind_text(st, 6, indikator);
    db_bind_text(st, 7, target[0] ? target : NULL);
    db_bind_text(st, 8, satuan);
    db_bind_text(st, 9, arah);
    db_bind_id(st, 10, iku);
    db_bind_id(st, 11, induk);
    db_bind_int64(st, 12, now);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) { json_decref(before); return -1; }
  }
  json_t *after = org_pk_json(db, id, NULL);
  if (!after) { json_decref(before); return -1; }
  int rc = audit_append(db, who, inst, baru ? "pk_indikator.buat" : "pk_indikator.ubah", "pk_indikator", id, before, after);
  json_decref(before);
  if (rc != 0) { json_decref(after); return -1; }
  h->hasil = after;
  return 0;
}

int org_pk_buat(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h)
{
  return pk_tulis(db, inst, 0, body, who, errs, h);
}

int org_pk_ubah(struct db *db, int64_t inst, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h)
{
  int64_t real = 0;
  int rc = org_instansi_baris(db, "pk_indikator", id, inst, &real, h);
  if (rc != 0) return rc;
  return pk_tulis(db, real, id, body, who, errs, h);
}

int org_pk_hapus(struct db *db, int64_t inst, int64_t id, const struct audit_actor *who, struct org_hasil *h)
{
  int64_t real = 0, n = 0;
  int rc = org_instansi_baris(db, "pk_indikator", id, inst, &real, h);
  if (rc != 0) return rc;
  if (db_query_int64(db, "SELECT (SELECT COUNT(*) FROM rhk WHERE pk_indikator_id = ?1)"
                         "     + (SELECT COUNT(*) FROM pk_indikator WHERE induk_id = ?1)"
                         "     + (SELECT COUNT(*) FROM realisasi_organisasi WHERE jenis = 'pk' AND indikator_id = ?1)", 1, id, &n) != DB_ROW)
    return -1;
  if (n) return org_tolak(h, 409, "Indikator PK ini sudah ditautkan ke RHK atau indikator PK lain, atau memiliki realisasi; tidak dapat dihapus.");
  json_t *before = org_pk_json(db, id, NULL);
  struct db_stmt *st = db_prepare(db, "DELETE FROM pk_indikator WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) { json_decref(before); return -1; }
  rc = audit_append(db, who, real, "pk_indikator.hapus", "pk_indikator", id, before, NULL);
  json_decref(before);
  return rc;
}

/* ---- RHK -> PK ---- */

int org_rhk_tautkan(struct db *db, int64_t rhk_id, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h)
{
  static const char *const boleh[] = {"pk_indikator_id", NULL};
  org_hanya(body, boleh, errs);
  int64_t inst = 0, unit = 0, lama = 0;
  int tahun = 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT s.instansi_id, COALESCE(s.unit_kerja_id, 0), p.tahun, COALESCE(r.pk_indikator_id, 0)"
    "  FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN periode p ON p.id = s.periode_id WHERE r.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, rhk_id);
  bool ada = db_step(st) == DB_ROW;
  if (ada) { inst = db_col_int64(st, 0); unit = db_col_int64(st, 1); tahun = (int)db_col_int64(st, 2); lama = db_col_int64(st, 3); }
  db_done(st);
  if (!ada) return 2;
  json_t *v = json_object_get(body, "pk_indikator_id");
  int64_t pk = 0;
  if (!v) errs_add(errs, "pk_indikator_id", "wajib: id indikator Perjanjian Kinerja, atau null untuk melepas tautan");
  else if (!json_is_null(v) && (!json_is_integer(v) || json_integer_value(v) < 1)) errs_add(errs, "pk_indikator_id", "harus id indikator PK atau null");
  else if (!json_is_null(v)) pk = json_integer_value(v);
  if (pk) {
    int64_t pi = 0, pu = 0, pt = 0;
    st = db_prepare(db, "SELECT instansi_id, unit_kerja_id, tahun FROM pk_indikator WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, pk);
    ada = db_step(st) == DB_ROW;
    if (ada) { pi = db_col_int64(st, 0); pu = db_col_int64(st, 1); pt = db_col_int64(st, 2); }
    db_done(st);
    if (!ada) errs_add(errs, "pk_indikator_id", "indikator PK tidak ditemukan");
    else if (pi != inst) errs_add(errs, "pk_indikator_id", "indikator PK ini milik instansi lain");
    else if (pt != tahun) errs_addf(errs, "pk_indikator_id", "indikator PK tahun %lld, sedangkan SKP ini tahun %d", (long long)pt, tahun);
    else {
      /* the PK's unit must be the SKP's unit or a unit above it */
      int64_t naik = 0;
      st = db_prepare(db,
        "WITH RECURSIVE up(id, d) AS (SELECT ?1, 0 UNION ALL SELECT u.induk_id, up.d + 1 FROM unit_kerja u JOIN up ON u.id = up.id"
        "                              WHERE u.induk_id IS NOT NULL AND up.d < 30)"
        " SELECT COUNT(*) FROM up WHERE id = ?2");
      if (!st) return -1;
      db_bind_int64(st, 1, unit);
      db_bind_int64(st, 2, pu);
      if (db_step(st) == DB_ROW) naik = db_col_int64(st, 0);
      db_done(st);
      if (!naik) errs_add(errs, "pk_indikator_id", "indikator PK ini bukan milik unit kerja SKP ini atau unit di atasnya");
    }
  }
  if (errs_any(*errs)) return 1;
  st = db_prepare(db, "UPDATE rhk SET pk_indikator_id = ?2 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, rhk_id);
  db_bind_id(st, 2, pk);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *before = lama ? json_pack("{s:I}", "pk_indikator_id", (json_int_t)lama) : json_pack("{s:n}", "pk_indikator_id");
  json_t *after = pk ? json_pack("{s:I}", "pk_indikator_id", (json_int_t)pk) : json_pack("{s:n}", "pk_indikator_id");
  int rc = audit_append(db, who, inst, "rhk.tautkan_pk", "rhk", rhk_id, before, after);
  json_decref(before);
  json_decref(after);
  if (rc != 0) return -1;
  h->hasil = json_pack("{s:I,s:o}", "rhk_id", (json_int_t)rhk_id, "pk_indikator", pk ? org_pk_json(db, pk, NULL) : json_null());
  return 0;
}
