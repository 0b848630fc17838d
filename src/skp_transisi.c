/* skp_transisi.c: SKP workflow transitions (the rules are in rules/skp_alur.c), the checks
 * before submission, approval snapshots (skp_revisi, tanda_tangan) and the diff of a revision. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skp.h"
#include "skp_internal.h"
#include "util/errs.h"
#include "util/util.h"
#include "webhook_peristiwa.h"

/* Before ajukan: at least one utama RHK, each with IKI; JA/JF utama rows cascade from the
 * penilai; bobot, when used, complete and summing to 100. */
static int periksa_pengajuan(struct db *db, const struct skp_head *h, json_t **errs)
{
  json_t *rows = skp_rhk_json(db, h->id);
  if (!rows) return -1;
  int utama = 0, with_bobot = 0, total = 0, n = 0;
  size_t i;
  json_t *r;
  if (!h->penilai_id) errs_add(errs, "penilai", "SKP belum memiliki pejabat penilai; minta admin kepegawaian menetapkannya");
  json_array_foreach(rows, i, r) {
    n++;
    bool is_utama = strcmp(json_string_value(json_object_get(r, "kelompok")), "utama") == 0;
    char f[64];
    int64_t id = json_integer_value(json_object_get(r, "id"));
    if (is_utama) utama++;
    if (json_array_size(json_object_get(r, "iki")) == 0) {
      snprintf(f, sizeof f, "rhk[%lld].iki", (long long)id);
      errs_add(errs, f, "RHK belum memiliki IKI dan target");
    }
    if (is_utama && strcmp(h->jenis, "ja_jf") == 0 && h->penilai_id && json_is_null(json_object_get(r, "rhk_atasan"))) {
      snprintf(f, sizeof f, "rhk[%lld].rhk_atasan_id", (long long)id);
      errs_add(errs, f, "RHK utama harus mengintervensi RHK pejabat penilai (cascading)");
    }
    json_t *b = json_object_get(r, "bobot");
    if (json_is_integer(b)) { with_bobot++; total += (int)json_integer_value(b); }
  }
  if (utama == 0) errs_add(errs, "rhk", "SKP harus memiliki minimal satu RHK utama");
  if (with_bobot > 0 && (with_bobot != n || total != 100))
    errs_add(errs, "bobot", "bila bobot dipakai, setiap RHK harus berbobot dan jumlahnya 100%");
  json_decref(rows);
  return errs_any(*errs) ? 1 : 0;
}

static json_t *tanda_tangan(struct db *db, const struct skp_head *h, const char *tanggal)
{
  return json_pack("{s:o,s:o,s:s}", "pegawai", skp_orang_json(db, h->pegawai_id),
                   "penilai", skp_orang_json(db, h->penilai_id), "tanggal", tanggal);
}

static int set_status(struct db *db, const struct skp_head *h, const char *status, const char *extra_sql, int64_t now)
{
  char sql[512];
  snprintf(sql, sizeof sql, "UPDATE skp SET status = ?2, diubah = ?3%s WHERE id = ?1", extra_sql ? extra_sql : "");
  /* the few shapes of this statement are fixed strings, so the statement cache stays bounded */
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, h->id);
  db_bind_text(st, 2, status);
  db_bind_int64(st, 3, now);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static int exec1(struct db *db, const char *sql, int64_t id)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

/* kembalikan: {catatan, baris: [{rhk_id, catatan}]} */
static int kembalikan(struct db *db, const struct skp_head *h, json_t *body, json_t **errs)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "catatan") && strcmp(k, "baris")) errs_add(errs, k, "kolom tidak dikenal");
  const char *catatan = json_string_value(json_object_get(body, "catatan"));
  if (!catatan || !catatan[0]) errs_add(errs, "catatan", "wajib diisi: jelaskan apa yang perlu diperbaiki");
  else if (strlen(catatan) > 4000 || !text_clean(catatan, true)) errs_add(errs, "catatan", "teks tidak valid atau lebih dari 4000 karakter");
  json_t *baris = json_object_get(body, "baris");
  if (baris && !json_is_array(baris)) errs_add(errs, "baris", "harus daftar {rhk_id, catatan}");
  size_t i;
  json_array_foreach(baris, i, v) {
    char f[48];
    snprintf(f, sizeof f, "baris[%zu]", i);
    json_t *rid = json_object_get(v, "rhk_id");
    const char *c = json_string_value(json_object_get(v, "catatan"));
    int64_t skp_id = 0;
    if (!json_is_integer(rid) || rhk_skp_of(db, json_integer_value(rid), &skp_id) != 0 || skp_id != h->id)
      errs_add(errs, f, "rhk_id bukan RHK dari SKP ini");
    else if (!c || strlen(c) > 2000 || !text_clean(c, true)) errs_add(errs, f, "catatan harus teks (maksimal 2000 karakter)");
  }
  if (errs_any(*errs)) return 1;
  struct db_stmt *st = db_prepare(db, "UPDATE skp SET catatan = ?2 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, h->id);
  db_bind_text(st, 2, catatan);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE || exec1(db, "UPDATE rhk SET catatan = NULL WHERE skp_id = ?1", h->id) != 0) return -1;
  json_array_foreach(baris, i, v) {
    st = db_prepare(db, "UPDATE rhk SET catatan = ?2 WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, json_integer_value(json_object_get(v, "rhk_id")));
    db_bind_text(st, 2, json_string_value(json_object_get(v, "catatan")));
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  return 0;
}

int skp_transisi(struct db *db, const struct skp_head *h, enum skp_aksi aksi, json_t *body,
                 const struct audit_actor *who, json_t **errs)
{
  int64_t now = now_unix();
  const char *k;
  json_t *v;
  if (aksi != AKSI_KEMBALIKAN && body) {
    json_object_foreach(body, k, v)
      if (strcmp(k, "catatan") != 0) errs_add(errs, k, "kolom tidak dikenal");
    if (errs_any(*errs)) return 1;
  }
  int rc = 0;
  const char *baru = NULL;
  json_t *extra = NULL;
  switch (aksi) {
  case AKSI_AJUKAN:
    rc = periksa_pengajuan(db, h, errs);
    if (rc != 0) return rc;
    baru = "diajukan";
    if (set_status(db, h, baru, ", diajukan = ?3", now) != 0) return -1;
    break;
  case AKSI_TARIK:
    baru = "draft";
    if (set_status(db, h, baru, NULL, now) != 0) return -1;
    break;
  case AKSI_KEMBALIKAN:
    rc = kembalikan(db, h, body, errs);
    if (rc != 0) return rc;
    baru = "dikembalikan";
    if (set_status(db, h, baru, NULL, now) != 0) return -1;
    extra = json_pack("{s:O?,s:O?}", "catatan", json_object_get(body, "catatan"), "baris", json_object_get(body, "baris"));
    break;
  case AKSI_SETUJUI: {
    char today[11];
    date_today(7, today);
    json_t *tt = tanda_tangan(db, h, today);
    char *tts = json_dumps(tt, JSON_COMPACT);
    json_decref(tt);
    if (!tts) return -1;
    struct db_stmt *st = db_prepare(db, "UPDATE skp SET status = 'disetujui', disetujui = ?2, diubah = ?2, catatan = NULL, tanda_tangan = ?3 WHERE id = ?1");
    if (!st) { free(tts); return -1; }
    db_bind_int64(st, 1, h->id);
    db_bind_int64(st, 2, now);
    db_bind_text(st, 3, tts);
    int s = db_step(st);
    db_done(st);
    free(tts);
    if (s != DB_DONE) return -1;
    if (exec1(db, "UPDATE rhk SET disetujui = 1, catatan = NULL WHERE skp_id = ?1", h->id) != 0) return -1;
    /* the approved version, whole, for history and diff */
    json_t *isi = skp_json(db, h->id, NULL);
    if (!isi) return -1;
    json_object_del(isi, "aksi");
    char *s_isi = json_dumps(isi, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(isi);
    if (!s_isi) return -1;
    st = db_prepare(db, "INSERT INTO skp_revisi (skp_id, revisi, isi, disetujui, oleh) VALUES (?1, ?2, ?3, ?4, ?5)"
                        " ON CONFLICT (skp_id, revisi) DO UPDATE SET isi = excluded.isi, disetujui = excluded.disetujui, oleh = excluded.oleh");
    if (!st) { free(s_isi); return -1; }
    db_bind_int64(st, 1, h->id);
    db_bind_int64(st, 2, h->revisi);
    db_bind_text(st, 3, s_isi);
    db_bind_int64(st, 4, now);
    db_bind_id(st, 5, h->penilai_id);
    s = db_step(st);
    db_done(st);
    free(s_isi);
    if (s != DB_DONE) return -1;
    if (webhook_skp_disetujui(db, h->instansi_id, h->id) != 0) return -1;   /* HRIS/e-Office (issue 10) */
    baru = "disetujui";
    break;
  }
  case AKSI_REVISI: {
    struct db_stmt *st = db_prepare(db, "UPDATE skp SET status = 'draft', revisi = revisi + 1, diubah = ?2 WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, h->id);
    db_bind_int64(st, 2, now);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
    baru = "draft";
    extra = json_pack("{s:i}", "revisi", h->revisi + 1);
    break;
  }
  default:
    errs_add(errs, "aksi", "aksi tidak dikenal");
    return 1;
  }
  char aksi_kode[40];
  snprintf(aksi_kode, sizeof aksi_kode, "skp.%s", skp_aksi_kode(aksi));
  json_t *before = json_pack("{s:s,s:i}", "status", skp_status_kode(h->status), "revisi", h->revisi);
  json_t *after = json_pack("{s:s}", "status", baru);
  if (extra) { json_object_update(after, extra); json_decref(extra); }
  /* a note given with any transition is kept in the audit trail (and shown in the history) */
  const char *catatan = body ? json_string_value(json_object_get(body, "catatan")) : NULL;
  if (catatan && aksi != AKSI_KEMBALIKAN) {
    if (strlen(catatan) > 2000 || !text_clean(catatan, true)) { json_decref(after); errs_add(errs, "catatan", "teks tidak valid atau lebih dari 2000 karakter"); return 1; }
    json_object_set_new(after, "catatan", json_string(catatan));
  }
  rc = audit_append(db, who, h->instansi_id, aksi_kode, "skp", h->id, before, after);
  json_decref(before);
  json_decref(after);
  return rc;
}

json_t *skp_revisi_list(struct db *db, int64_t skp_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT r.revisi, r.disetujui, COALESCE(p.nama, '') FROM skp_revisi r LEFT JOIN pegawai p ON p.id = r.oleh"
    " WHERE r.skp_id = ?1 ORDER BY r.revisi DESC");
  if (!st) return NULL;
  db_bind_int64(st, 1, skp_id);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW)
    json_array_append_new(items, json_pack("{s:I,s:I,s:s}", "revisi", (json_int_t)db_col_int64(st, 0),
                                           "disetujui", (json_int_t)db_col_int64(st, 1), "oleh", db_col_text(st, 2)));
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  st = db_prepare(db,
    "SELECT a.aksi, a.waktu, COALESCE(u.username, 'sistem'), a.sesudah FROM audit_log a LEFT JOIN pengguna u ON u.id = a.pengguna_id"
    " WHERE a.entitas = 'skp' AND a.entitas_id = ?1 ORDER BY a.id");
  if (!st) { json_decref(items); return NULL; }
  db_bind_int64(st, 1, skp_id);
  json_t *log = json_array();
  while ((s = db_step(st)) == DB_ROW) {
    json_error_t e;
    json_t *sesudah = db_col_is_null(st, 3) ? NULL : json_loads(db_col_text(st, 3), 0, &e);
    json_array_append_new(log, json_pack("{s:s,s:I,s:s,s:o}", "aksi", db_col_text(st, 0), "waktu", (json_int_t)db_col_int64(st, 1),
                                         "oleh", db_col_text(st, 2), "data", sesudah ? sesudah : json_null()));
  }
  db_done(st);
  return json_pack("{s:o,s:o}", "items", items, "jejak", log);
}

/* Compares two RHK lists by id: added, removed and changed rows (fields rhk, kelompok,
 * rhk_atasan, bobot, perspektif, iki). */
static json_t *diff_rows(json_t *old, json_t *cur)
{
  static const char *const fields[] = {"kelompok", "rhk", "rhk_atasan", "perspektif", "bobot", "iki", NULL};
  json_t *out = json_array();
  size_t i, j;
  json_t *a, *b;
  json_array_foreach(cur, i, b) {
    json_int_t id = json_integer_value(json_object_get(b, "id"));
    json_t *match = NULL;
    json_array_foreach(old, j, a)
      if (json_integer_value(json_object_get(a, "id")) == id) match = a;
    if (!match) { json_array_append_new(out, json_pack("{s:s,s:O}", "jenis", "ditambah", "sesudah", b)); continue; }
    json_t *changed = json_array();
    for (int f = 0; fields[f]; f++) {
      json_t *x = json_object_get(match, fields[f]), *y = json_object_get(b, fields[f]);
      json_t *xc = json_deep_copy(x), *yc = json_deep_copy(y);
      /* IKI ids change when rows are rewritten: compare without them */
      if (strcmp(fields[f], "iki") == 0) {
        size_t k;
        json_t *it;
        json_array_foreach(xc, k, it) json_object_del(it, "id");
        json_array_foreach(yc, k, it) json_object_del(it, "id");
      }
      if (!json_equal(xc, yc)) json_array_append_new(changed, json_string(fields[f]));
      json_decref(xc);
      json_decref(yc);
    }
    if (json_array_size(changed))
      json_array_append_new(out, json_pack("{s:s,s:O,s:O,s:o}", "jenis", "diubah", "sebelum", match, "sesudah", b, "kolom", changed));
    else json_decref(changed);
  }
  json_array_foreach(old, j, a) {
    json_int_t id = json_integer_value(json_object_get(a, "id"));
    bool found = false;
    json_array_foreach(cur, i, b)
      if (json_integer_value(json_object_get(b, "id")) == id) found = true;
    if (!found) json_array_append_new(out, json_pack("{s:s,s:O}", "jenis", "dihapus", "sebelum", a));
  }
  return out;
}

json_t *skp_diff(struct db *db, int64_t skp_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT revisi, isi FROM skp_revisi WHERE skp_id = ?1 ORDER BY revisi DESC LIMIT 1");
  if (!st) return NULL;
  db_bind_int64(st, 1, skp_id);
  json_t *old = NULL;
  int64_t rev = -1;
  if (db_step(st) == DB_ROW) {
    json_error_t e;
    rev = db_col_int64(st, 0);
    old = json_loads(db_col_text(st, 1), 0, &e);
  }
  db_done(st);
  json_t *cur = skp_json(db, skp_id, NULL);
  if (!cur) { json_decref(old); return NULL; }
  json_t *out = json_pack("{s:o}", "dibanding_revisi", rev >= 0 ? json_integer(rev) : json_null());
  json_t *none = json_array();
  json_t *rows = diff_rows(old ? json_object_get(old, "rhk") : none, json_object_get(cur, "rhk"));
  json_decref(none);
  json_object_set_new(out, "rhk", rows);
  json_t *lo = old ? json_object_get(old, "lampiran") : NULL, *lc = json_object_get(cur, "lampiran");
  json_object_set_new(out, "lampiran_berubah", json_boolean(lo && !json_equal(lo, lc)));
  json_t *po = old ? json_object_get(old, "perilaku") : NULL, *pc = json_object_get(cur, "perilaku");
  json_object_set_new(out, "perilaku_berubah", json_boolean(po && !json_equal(po, pc)));
  json_decref(old);
  json_decref(cur);
  return out;
}
