/* organisasi_capaian.c: capaian kinerja organisasi (issue 15 part 2).  Quarterly (triwulan
 * I-IV) and annual realisasi of each IKU and PK indicator with evidence links, the capaian per
 * indicator and per unit (rules/capaian_org.c), the suggested predikat organisasi with its
 * reasoning, and the pimpinan's confirmation or override, which is written through the existing
 * predikat_organisasi_set (penilaian.c), so the pola distribusi check and the unit head's
 * rating hasil kerja hint read it from where they always did.  A closed period (a row in
 * periode_organisasi, or the SKP year closed) refuses realisasi. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "organisasi_internal.h"
#include "penilaian.h"
#include "rules/capaian_org.h"
#include "util/errs.h"
#include "util/util.h"

#define BUKTI_MAKS 10
static const char *const PERIODE_LABEL[6] = {"", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Tahunan"};

/* ---- thresholds ---- */

static int ambang_baca(struct db *db, int64_t inst, struct ambang_organisasi *a, char teks[4][32])
{
  *a = capaian_org_ambang_bawaan();
  static const char *const bawaan[4] = {"110", "90", "70", "50"};
  for (int i = 0; i < 4; i++) str_copy(teks[i], 32, bawaan[i]);
  struct db_stmt *st = db_prepare(db, "SELECT istimewa, baik, butuh_perbaikan, kurang FROM ambang_predikat_organisasi WHERE instansi_id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  if (db_step(st) == DB_ROW) {
    for (int i = 0; i < 4; i++) str_copy(teks[i], 32, db_col_text(st, i));
    const char *salah = NULL;
    struct ambang_organisasi x;
    if (capaian_org_ambang_dari_teks(teks[0], teks[1], teks[2], teks[3], &x, &salah) == 0) *a = x;
  }
  db_done(st);
  return 0;
}

json_t *org_ambang_json(struct db *db, int64_t inst)
{
  struct ambang_organisasi a;
  char t[4][32];
  if (ambang_baca(db, inst, &a, t) != 0) return NULL;
  return json_pack("{s:s,s:s,s:s,s:s,s:b,s:s}", "istimewa", t[0], "baik", t[1], "butuh_perbaikan", t[2], "kurang", t[3],
                   "belum_dikonfirmasi", 1,
                   "catatan", "Ambang ini tidak diatur dalam PermenPANRB 6/2022 (BELUM DIKONFIRMASI); pengaturan instansi, "
                              "bawaan 110/90/70/50 %.");
}

int org_ambang_ubah(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h)
{
  static const char *const boleh[] = {"istimewa", "baik", "butuh_perbaikan", "kurang", NULL};
  org_hanya(body, boleh, errs);
  struct ambang_organisasi lama;
  char t[4][32];
  if (ambang_baca(db, inst, &lama, t) != 0) return -1;
  for (int i = 0; boleh[i]; i++) {
    json_t *v = json_object_get(body, boleh[i]);
    if (!v) continue;
    if (!org_target(v, boleh[i], t[i], sizeof t[i], errs)) continue;
  }
  if (errs_any(*errs)) return 1;
  struct ambang_organisasi a;
  const char *salah = NULL;
  if (capaian_org_ambang_dari_teks(t[0], t[1], t[2], t[3], &a, &salah) != 0) {
    errs_add(errs, salah, "ambang harus angka 0-1000 dan menurun: istimewa > baik > butuh_perbaikan > kurang");
    return 1;
  }
  json_t *before = org_ambang_json(db, inst);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO ambang_predikat_organisasi (instansi_id, istimewa, baik, butuh_perbaikan, kurang, diubah) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (instansi_id) DO UPDATE SET istimewa = excluded.istimewa, baik = excluded.baik,"
    "   butuh_perbaikan = excluded.butuh_perbaikan, kurang = excluded.kurang, diubah = excluded.diubah");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, inst);
  for (int i = 0; i < 4; i++) db_bind_text(st, i + 2, t[i]);
  db_bind_int64(st, 6, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) { json_decref(before); return -1; }
  json_t *after = org_ambang_json(db, inst);
  int rc = audit_append(db, who, inst, "ambang_predikat_organisasi.ubah", "instansi", inst, before, after);
  json_decref(before);
  if (rc != 0) { json_decref(after); return -1; }
  h->hasil = after;
  return 0;
}

/* ---- closing periods ---- */

/* 1 when period p (1..5) of the year is closed for realisasi, 0 open, -1 error. */
static int ditutup(struct db *db, int64_t inst, int tahun, int p)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT (SELECT COUNT(*) FROM periode_organisasi WHERE instansi_id = ?1 AND tahun = ?2 AND periode = ?3 AND ditutup = 1)"
    "     + (SELECT COUNT(*) FROM periode WHERE instansi_id = ?1 AND tahun = ?2 AND status = 'ditutup')");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, p);
  int r = -1;
  if (db_step(st) == DB_ROW) r = db_col_int64(st, 0) > 0;
  db_done(st);
  return r;
}

static json_t *periode_tutup_json(struct db *db, int64_t inst, int tahun)
{
  json_t *a = json_array();
  for (int p = 1; p <= 5; p++)
    json_array_append_new(a, json_pack("{s:i,s:s,s:b}", "periode", p, "label", PERIODE_LABEL[p], "ditutup", ditutup(db, inst, tahun, p) == 1));
  return a;
}

/* "1".."4" or "tahunan" (also "5") -> 1..5; 0 when not a period. */
static int periode_kode(json_t *v)
{
  if (json_is_integer(v) && json_integer_value(v) >= 1 && json_integer_value(v) <= 5) return (int)json_integer_value(v);
  const char *s = json_string_value(v);
  if (!s) return 0;
  if (!strcmp(s, "tahunan")) return 5;
  if (strlen(s) == 1 && s[0] >= '1' && s[0] <= '5') return s[0] - '0';
  return 0;
}

int org_periode_tutup(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, int64_t pengguna_id,
                      json_t **errs, struct org_hasil *h)
{
  static const char *const boleh[] = {"tahun", "periode", "ditutup", NULL};
  org_hanya(body, boleh, errs);
  int tahun = org_tahun(body, "tahun", true, errs);
  int p = periode_kode(json_object_get(body, "periode"));
  if (!p) errs_add(errs, "periode", "wajib: 1-4 (triwulan I-IV) atau \"tahunan\"");
  json_t *d = json_object_get(body, "ditutup");
  if (!json_is_boolean(d)) errs_add(errs, "ditutup", "wajib: true (tutup) atau false (buka kembali)");
  if (errs_any(*errs)) return 1;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO periode_organisasi (instansi_id, tahun, periode, ditutup, oleh, diubah) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (instansi_id, tahun, periode) DO UPDATE SET ditutup = excluded.ditutup, oleh = excluded.oleh, diubah = excluded.diubah");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, p);
  db_bind_int64(st, 4, json_is_true(d) ? 1 : 0);
  db_bind_id(st, 5, pengguna_id);
  db_bind_int64(st, 6, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *after = json_pack("{s:i,s:i,s:b}", "tahun", tahun, "periode", p, "ditutup", json_is_true(d));
  int rc = audit_append(db, who, inst, json_is_true(d) ? "periode_organisasi.tutup" : "periode_organisasi.buka", "instansi", inst, NULL, after);
  json_decref(after);
  if (rc != 0) return -1;
  h->hasil = json_pack("{s:i,s:o}", "tahun", tahun, "periode", periode_tutup_json(db, inst, tahun));
  return 0;
}

/* ---- realisasi ---- */

static bool url_ok(const char *u)
{
  return u && (!strncmp(u, "https://", 8) || !strncmp(u, "http://", 7)) && strlen(u) <= 2000 && text_clean(u, false) && !strchr(u, ' ');
}

int org_realisasi_simpan(struct db *db, int64_t inst, const char *jenis, int64_t indikator_id, int periode, json_t *body,
                         const struct audit_actor *who, int64_t pengguna_id, json_t **errs, struct org_hasil *h)
{
  static const char *const boleh[] = {"tahun", "realisasi", "catatan", "bukti", NULL};
  bool pk = !strcmp(jenis, "pk");
  int64_t real = 0, pk_tahun = 0;
  int rc = org_instansi_baris(db, pk ? "pk_indikator" : "iku", indikator_id, inst, &real, h);
  if (rc != 0) return rc;
  if (pk && db_query_int64(db, "SELECT tahun FROM pk_indikator WHERE id = ?1", 1, indikator_id, &pk_tahun) != DB_ROW) return -1;
  org_hanya(body, boleh, errs);
  int tahun = org_tahun(body, "tahun", !pk, errs);
  if (pk && tahun && tahun != pk_tahun) errs_addf(errs, "tahun", "indikator PK ini untuk tahun %lld", (long long)pk_tahun);
  if (pk) tahun = (int)pk_tahun;
  char nilai[32] = "";
  org_target(json_object_get(body, "realisasi"), "realisasi", nilai, sizeof nilai, errs);
  const char *catatan = org_teks(body, "catatan", false, ORG_TEKS_MAKS, errs);
  json_t *bukti = json_object_get(body, "bukti"), *bersih = json_array();
  if (bukti && !json_is_null(bukti)) {
    if (!json_is_array(bukti) || json_array_size(bukti) > BUKTI_MAKS) errs_add(errs, "bukti", "daftar paling banyak 10 tautan {nama, url}");
    else {
      size_t i;
      json_t *b;
      json_array_foreach(bukti, i, b) {
        char f[40];
        const char *nama = json_string_value(json_object_get(b, "nama")), *url = json_string_value(json_object_get(b, "url"));
        snprintf(f, sizeof f, "bukti[%zu].url", i);
        if (!url_ok(url)) { errs_add(errs, f, "wajib: tautan http(s) yang valid"); continue; }
        snprintf(f, sizeof f, "bukti[%zu].nama", i);
        if (!nama || !nama[0] || strlen(nama) > 200 || !text_clean(nama, false)) { errs_add(errs, f, "wajib: nama bukti (paling banyak 200 karakter)"); continue; }
        json_array_append_new(bersih, json_pack("{s:s,s:s}", "nama", nama, "url", url));
      }
    }
  }
  if (!errs_any(*errs) && !pk) {
    int64_t ada = 0;
    struct db_stmt *q = db_prepare(db, "SELECT COUNT(*) FROM iku_target WHERE iku_id = ?1 AND tahun = ?2");
    if (!q) { json_decref(bersih); return -1; }
    db_bind_int64(q, 1, indikator_id);
    db_bind_int64(q, 2, tahun);
    if (db_step(q) == DB_ROW) ada = db_col_int64(q, 0);
    db_done(q);
    if (!ada) errs_addf(errs, "tahun", "IKU ini tidak memiliki target tahun %d", tahun);
  }
  if (errs_any(*errs)) { json_decref(bersih); return 1; }
  int tutup = ditutup(db, real, tahun, periode);
  if (tutup < 0) { json_decref(bersih); return -1; }
  if (tutup) {
    json_decref(bersih);
    errs_addf(errs, "periode", "%s %d sudah ditutup; realisasi tidak dapat diisi atau diubah (minta admin membukanya kembali)",
              PERIODE_LABEL[periode], tahun);
    return 4;
  }
  char *bukti_teks = json_dumps(bersih, JSON_COMPACT);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO realisasi_organisasi (instansi_id, jenis, indikator_id, tahun, periode, realisasi, catatan, bukti, oleh, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (jenis, indikator_id, tahun, periode) DO UPDATE SET realisasi = excluded.realisasi, catatan = excluded.catatan,"
    "   bukti = excluded.bukti, oleh = excluded.oleh, diubah = excluded.diubah");
  if (!st) { free(bukti_teks); json_decref(bersih); return -1; }
  db_bind_int64(st, 1, real);
  db_bind_text(st, 2, jenis);
  db_bind_int64(st, 3, indikator_id);
  db_bind_int64(st, 4, tahun);
  db_bind_int64(st, 5, periode);
  db_bind_text(st, 6, nilai);
  db_bind_text(st, 7, catatan && catatan[0] ? catatan : NULL);
  db_bind_text(st, 8, bukti_teks);
  db_bind_id(st, 9, pengguna_id);
  db_bind_int64(st, 10, now_unix());
  int s = db_step(st);
  db_done(st);
  free(bukti_teks);
  if (s != DB_DONE) { json_decref(bersih); return -1; }
  json_t *after = json_pack("{s:s,s:I,s:i,s:i,s:s,s:s?,s:o}", "jenis", jenis, "indikator_id", (json_int_t)indikator_id, "tahun", tahun,
                            "periode", periode, "realisasi", nilai, "catatan", catatan, "bukti", bersih);
  rc = audit_append(db, who, real, "realisasi_organisasi.simpan", pk ? "pk_indikator" : "iku", indikator_id, NULL, after);
  if (rc != 0) { json_decref(after); return -1; }
  json_object_set_new(after, "periode_label", json_string(PERIODE_LABEL[periode]));
  h->hasil = after;
  return 0;
}

/* ---- capaian ---- */

struct real { int64_t id; int p; char nilai[32]; json_t *baris; };

/* Fills ind["realisasi"] (per period) and ind["capaian"] from the rows of this indicator, and
 * returns the indicator's capaian for the unit average in *akhir (false when none). */
static bool indikator_capaian(json_t *ind, json_t *rows, const char *target, bool turun, struct pecahan *akhir, struct penjelasan *pj)
{
  json_t *per = json_array();
  const char *nama = json_string_value(json_object_get(ind, "indikator"));
  int terakhir = 0;
  struct pecahan c_akhir = {0, 1};
  for (int p = 1; p <= 5; p++) {
    json_t *r = NULL, *x;
    size_t i;
    json_array_foreach(rows, i, x) if (json_integer_value(json_object_get(x, "periode")) == p) r = x;
    json_t *o = json_pack("{s:i,s:s}", "periode", p, "label", PERIODE_LABEL[p]);
    if (r) {
      const char *nilai = json_string_value(json_object_get(r, "realisasi"));
      json_object_set_new(o, "realisasi", json_string(nilai));
      json_object_set(o, "catatan", json_object_get(r, "catatan"));
      json_object_set(o, "bukti", json_object_get(r, "bukti"));
      struct pecahan c;
      if (capaian_org_indikator(nilai, target, turun, nama, &c, NULL) == 0) {
        char s[48];
        json_object_set_new(o, "capaian", json_string(pecahan_tulis(c, 2, '.', true, s, sizeof s)));
        terakhir = p;
        c_akhir = c;
      } else {
        json_object_set_new(o, "capaian", json_null());
      }
    } else {
      json_object_set_new(o, "realisasi", json_null());
      json_object_set_new(o, "capaian", json_null());
    }
    json_array_append_new(per, o);
  }
  json_object_set_new(ind, "realisasi", per);
  if (!terakhir) {
    json_object_set_new(ind, "capaian", json_null());
    json_object_set_new(ind, "dasar", json_null());
    return false;
  }
  char s[48];
  json_object_set_new(ind, "capaian", json_string(pecahan_tulis(c_akhir, 2, '.', true, s, sizeof s)));
  json_object_set_new(ind, "dasar", json_string(PERIODE_LABEL[terakhir]));
  if (pj) {
    struct pecahan dummy;
    json_t *rr = json_array_get(per, (size_t)terakhir - 1);
    capaian_org_indikator(json_string_value(json_object_get(rr, "realisasi")), target, turun, nama, &dummy, pj);
    if (terakhir != 5) penjelasan_tambah(pj, "  (realisasi tahunan belum ada: dipakai realisasi %s terhadap target tahunan)", PERIODE_LABEL[terakhir]);
  }
  *akhir = c_akhir;
  return true;
}

/* Realisasi rows of the instansi and year by jenis: an object "jenis:id" -> array of rows. */
static json_t *realisasi_peta(struct db *db, int64_t inst, int tahun)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT jenis, indikator_id, periode, realisasi, catatan, bukti, diubah FROM realisasi_organisasi"
    " WHERE (?1 = 0 OR instansi_id = ?1) AND tahun = ?2 ORDER BY jenis, indikator_id, periode");
  if (!st) return NULL;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, tahun);
  json_t *peta = json_object();
  while (db_step(st) == DB_ROW) {
    char key[48];
    snprintf(key, sizeof key, "%s:%lld", db_col_text(st, 0), (long long)db_col_int64(st, 1));
    json_t *arr = json_object_get(peta, key);
    if (!arr) { arr = json_array(); json_object_set_new(peta, key, arr); }
    json_t *b = db_col_is_null(st, 5) ? NULL : json_loads(db_col_text(st, 5), 0, NULL);
    json_array_append_new(arr, json_pack("{s:i,s:s,s:s?,s:o,s:I}", "periode", (int)db_col_int64(st, 2), "realisasi", db_col_text(st, 3),
                                         "catatan", db_col_is_null(st, 4) ? NULL : db_col_text(st, 4), "bukti", b ? b : json_array(),
                                         "diubah", (json_int_t)db_col_int64(st, 6)));
  }
  db_done(st);
  return peta;
}

static json_t *baris_dari(json_t *peta, const char *jenis, int64_t id)
{
  char key[48];
  snprintf(key, sizeof key, "%s:%lld", jenis, (long long)id);
  json_t *a = json_object_get(peta, key);
  return a ? a : json_object_get(peta, "__kosong");
}

json_t *org_capaian(struct db *db, int64_t inst, int tahun, int64_t unit_id)
{
  struct ambang_organisasi ambang;
  char at[4][32];
  if (ambang_baca(db, inst, &ambang, at) != 0) return NULL;
  json_t *peta = realisasi_peta(db, inst, tahun);
  if (!peta) return NULL;
  json_object_set_new(peta, "__kosong", json_array());
  json_t *pkd = org_pk_daftar(db, inst, tahun, unit_id);
  if (!pkd) { json_decref(peta); return NULL; }
  /* group the PK indicators by unit */
  json_t *units = json_array();
  size_t i;
  json_t *p;
  json_array_foreach(json_object_get(pkd, "items"), i, p) {
    int64_t uid = json_integer_value(json_object_get(json_object_get(p, "unit_kerja"), "id"));
    json_t *u = json_array_size(units) ? json_array_get(units, json_array_size(units) - 1) : NULL;
    if (!u || json_integer_value(json_object_get(json_object_get(u, "unit_kerja"), "id")) != uid) {
      u = json_pack("{s:O,s:[]}", "unit_kerja", json_object_get(p, "unit_kerja"), "indikator");
      json_array_append_new(units, u);
    }
    json_array_append(json_object_get(u, "indikator"), p);
  }
  struct penjelasan *pj = malloc(sizeof *pj);
  struct pecahan *cap = malloc(sizeof *cap * 2000);
  if (!pj || !cap) { free(pj); free(cap); json_decref(peta); json_decref(pkd); json_decref(units); return NULL; }
  json_t *u;
  json_array_foreach(units, i, u) {
    penjelasan_mulai(pj);
    int n = 0, jumlah = 0;
    size_t k;
    json_t *ind;
    json_array_foreach(json_object_get(u, "indikator"), k, ind) {
      jumlah++;
      bool turun = !strcmp(json_string_value(json_object_get(ind, "arah")), "turun");
      if (indikator_capaian(ind, baris_dari(peta, "pk", json_integer_value(json_object_get(ind, "id"))),
                            json_string_value(json_object_get(ind, "target")), turun, &cap[n], pj) && n < 2000)
        n++;
    }
    int64_t uid = json_integer_value(json_object_get(json_object_get(u, "unit_kerja"), "id"));
    json_object_set_new(u, "indikator_terisi", json_integer(n));
    json_object_set_new(u, "indikator_jumlah", json_integer(jumlah));
    struct pecahan rata;
    if (n > 0 && capaian_org_rata(cap, n, &rata) == 0) {
      char s[48];
      penjelasan_tambah(pj, "Capaian unit = rata-rata capaian %d dari %d indikator PK yang sudah memiliki realisasi = %s %% "
                            "(rata-rata tanpa bobot: BELUM DIKONFIRMASI).", n, jumlah, pecahan_tulis(rata, 2, ',', true, s, sizeof s));
      enum predikat_organisasi o = capaian_org_predikat(rata, &ambang, pj);
      json_object_set_new(u, "capaian", json_string(pecahan_tulis(rata, 2, '.', true, s, sizeof s)));
      json_t *pjs = json_array();
      for (int x = 0; x < pj->n; x++) json_array_append_new(pjs, json_string(pj->baris[x]));
      json_object_set_new(u, "usulan", json_pack("{s:s,s:s,s:o}", "predikat", kurva_organisasi_kode(o), "label", kurva_organisasi_label(o),
                                                 "penjelasan", pjs));
    } else {
      json_object_set_new(u, "capaian", json_null());
      json_object_set_new(u, "usulan", json_null());
    }
    struct db_stmt *st = db_prepare(db, "SELECT predikat, alasan, usulan, capaian, diubah FROM predikat_organisasi WHERE unit_kerja_id = ?1 AND tahun = ?2");
    json_t *tetap = NULL;
    if (st) {
      db_bind_int64(st, 1, uid);
      db_bind_int64(st, 2, tahun);
      if (db_step(st) == DB_ROW) {
        enum predikat_organisasi o;
        const char *kode = db_col_text(st, 0);
        tetap = json_pack("{s:s,s:s,s:s?,s:s?,s:s?,s:I}", "predikat", kode,
                          "label", kurva_organisasi_dari_kode(kode, &o) == 0 ? kurva_organisasi_label(o) : kode,
                          "alasan", db_col_is_null(st, 1) ? NULL : db_col_text(st, 1), "usulan", db_col_is_null(st, 2) ? NULL : db_col_text(st, 2),
                          "capaian", db_col_is_null(st, 3) ? NULL : db_col_text(st, 3), "diubah", (json_int_t)db_col_int64(st, 4));
      }
      db_done(st);
    }
    json_object_set_new(u, "ditetapkan", tetap ? tetap : json_null());
  }
  /* the instansi's IKU with a target this year */
  json_t *iku = json_array();
  struct db_stmt *st = db_prepare(db,
    "SELECT k.id, k.kode, k.indikator, k.satuan, k.arah, t.target, s.sasaran, COALESCE(u.nama, '')"
    "  FROM iku k JOIN iku_target t ON t.iku_id = k.id AND t.tahun = ?2 JOIN sasaran_strategis s ON s.id = k.sasaran_id"
    "  LEFT JOIN unit_kerja u ON u.id = s.unit_kerja_id"
    " WHERE (?1 = 0 OR k.instansi_id = ?1) AND (?3 = 0 OR s.unit_kerja_id = ?3) ORDER BY s.unit_kerja_id IS NOT NULL, u.nama, k.kode, k.id");
  if (st) {
    db_bind_int64(st, 1, inst);
    db_bind_int64(st, 2, tahun);
    db_bind_int64(st, 3, unit_id);
    while (db_step(st) == DB_ROW) {
      json_t *k = json_pack("{s:I,s:s?,s:s,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 0),
                            "kode", db_col_is_null(st, 1) ? NULL : db_col_text(st, 1), "indikator", db_col_text(st, 2),
                            "satuan", db_col_text(st, 3), "arah", db_col_text(st, 4), "target", db_col_text(st, 5),
                            "sasaran", db_col_text(st, 6), "unit_kerja", db_col_text(st, 7));
      struct pecahan c;
      indikator_capaian(k, baris_dari(peta, "iku", db_col_int64(st, 0)), db_col_text(st, 5), !strcmp(db_col_text(st, 4), "turun"), &c, NULL);
      json_array_append_new(iku, k);
    }
    db_done(st);
  }
  free(pj);
  free(cap);
  json_decref(peta);
  json_decref(pkd);
  json_t *amb = org_ambang_json(db, inst);
  return json_pack("{s:i,s:o,s:o,s:o,s:o}", "tahun", tahun, "ambang", amb ? amb : json_null(), "periode", periode_tutup_json(db, inst, tahun),
                   "unit", units, "iku", iku);
}

int org_predikat_konfirmasi(struct db *db, int64_t unit_id, json_t *body, const struct audit_actor *who, int64_t pengguna_id,
                            json_t **errs, struct org_hasil *h)
{
  static const char *const boleh[] = {"tahun", "predikat", "alasan", NULL};
  org_hanya(body, boleh, errs);
  int64_t inst = 0;
  int s = db_query_int64(db, "SELECT instansi_id FROM unit_kerja WHERE id = ?1", 1, unit_id, &inst);
  if (s == DB_DONE) return 2;
  if (s != DB_ROW) return -1;
  int tahun = org_tahun(body, "tahun", true, errs);
  const char *pred = json_string_value(json_object_get(body, "predikat"));
  enum predikat_organisasi o;
  if (!pred || kurva_organisasi_dari_kode(pred, &o) != 0) errs_add(errs, "predikat", "harus istimewa, baik, butuh_perbaikan, kurang atau sangat_kurang");
  const char *alasan = org_teks(body, "alasan", false, ORG_TEKS_MAKS, errs);
  if (errs_any(*errs)) return 1;
  json_t *cap = org_capaian(db, inst, tahun, unit_id);
  if (!cap) return -1;
  json_t *u = json_array_get(json_object_get(cap, "unit"), 0), *usulan = u ? json_object_get(u, "usulan") : NULL;
  const char *kode_usulan = json_is_object(usulan) ? json_string_value(json_object_get(usulan, "predikat")) : NULL;
  char capaian[48] = "";
  if (u && json_string_value(json_object_get(u, "capaian"))) str_copy(capaian, sizeof capaian, json_string_value(json_object_get(u, "capaian")));
  char usul[32] = "";
  if (kode_usulan) str_copy(usul, sizeof usul, kode_usulan);
  json_decref(cap);
  bool ada_alasan = alasan && alasan[0];
  if (!usul[0] && !ada_alasan)
    errs_add(errs, "alasan", "wajib: unit ini belum memiliki capaian (realisasi PK) untuk diusulkan, jadi tuliskan dasar penetapannya");
  else if (usul[0] && strcmp(usul, pred) && !ada_alasan)
    errs_addf(errs, "alasan", "wajib: predikat yang ditetapkan berbeda dari usulan (%s); tuliskan alasannya", usul);
  if (errs_any(*errs)) return 1;
  /* the existing writer of predikat_organisasi (penilaian.c), then what it was based on */
  json_t *isi = json_pack("{s:i,s:s}", "tahun", tahun, "predikat", pred);
  if (ada_alasan) json_object_set_new(isi, "alasan", json_string(alasan));
  int rc = predikat_organisasi_set(db, unit_id, isi, who, pengguna_id, errs);
  json_decref(isi);
  if (rc != 0) return rc == 2 ? 2 : rc;
  struct db_stmt *st = db_prepare(db, "UPDATE predikat_organisasi SET usulan = ?3, capaian = ?4 WHERE unit_kerja_id = ?1 AND tahun = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, unit_id);
  db_bind_int64(st, 2, tahun);
  db_bind_text(st, 3, usul[0] ? usul : NULL);
  db_bind_text(st, 4, capaian[0] ? capaian : NULL);
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *after = json_pack("{s:i,s:s,s:s?,s:s?,s:b}", "tahun", tahun, "predikat", pred, "usulan", usul[0] ? usul : NULL,
                            "capaian", capaian[0] ? capaian : NULL, "sesuai_usulan", usul[0] && !strcmp(usul, pred));
  rc = audit_append(db, who, inst, "predikat_organisasi.konfirmasi", "unit_kerja", unit_id, NULL, after);
  if (rc != 0) { json_decref(after); return -1; }
  json_t *kurva = penilaian_kurva_unit(db, unit_id, tahun);
  json_object_set_new(after, "kurva", kurva ? kurva : json_null());
  h->hasil = after;
  return 0;
}
