/* penilaian.c: penilaian periodik and tahunan (see penilaian.h). */
#include "penilaian.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "inovasi_tervalidasi.h"
#include "rules/berakhlak.h"
#include "rules/kurva.h"
#include "rules/predikat.h"
#include "util/errs.h"
#include "util/util.h"
#include "webhook_peristiwa.h"

static const char *const JENIS_JABATAN_PIMPINAN[] = {"jpt", "administrator", "pengawas", NULL};

/* Date range of periode_ke for a siklus inside the year; 0 or -1 when out of range. */
static int rentang(const char *siklus, int tahun, int ke, char mulai[11], char selesai[11])
{
  int per = !strcmp(siklus, "bulanan") ? 1 : !strcmp(siklus, "semesteran") ? 6 : 3;
  int n = 12 / per;
  if (ke < 1 || ke > n) return -1;
  int m1 = (ke - 1) * per + 1, m2 = ke * per;
  char a[32], b[32], next[11];
  snprintf(a, sizeof a, "%04d-%02d-01", tahun, m1);
  if (m2 == 12) snprintf(b, sizeof b, "%04d-12-31", tahun);
  else {
    snprintf(b, sizeof b, "%04d-%02d-01", tahun, m2 + 1);
    if (date_add_days(b, -1, next) != 0) return -1;
    str_copy(b, sizeof b, next);
  }
  str_copy(mulai, 11, a);
  str_copy(selesai, 11, b);
  return 0;
}

int penilaian_buat(struct db *db, const struct skp_head *h, json_t *body, const struct audit_actor *who,
                   json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "jenis") && strcmp(k, "periode_ke")) errs_add(errs, k, "kolom tidak dikenal");
  const char *jenis = json_string_value(json_object_get(body, "jenis"));
  json_t *pk = json_object_get(body, "periode_ke");
  if (!jenis || (strcmp(jenis, "periodik") && strcmp(jenis, "tahunan"))) errs_add(errs, "jenis", "harus periodik atau tahunan");
  int ke = 0;
  if (jenis && !strcmp(jenis, "periodik")) {
    if (!json_is_integer(pk)) errs_add(errs, "periode_ke", "wajib untuk penilaian periodik (mis. 1 untuk triwulan I)");
    else ke = (int)json_integer_value(pk);
  }
  if (errs_any(*errs)) return 1;
  if (h->status != SKP_DISETUJUI) { *http = 409; *pesan = "SKP belum disetujui; penilaian dilakukan atas SKP yang sudah disetujui"; return 3; }
  char siklus[16] = "triwulanan";
  struct db_stmt *st = db_prepare(db, "SELECT siklus FROM periode WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, h->periode_id);
  if (db_step(st) == DB_ROW) str_copy(siklus, sizeof siklus, db_col_text(st, 0));
  db_done(st);
  char mulai[11], selesai[11];
  if (!strcmp(jenis, "tahunan")) {
    str_copy(mulai, sizeof mulai, h->mulai);
    str_copy(selesai, sizeof selesai, h->selesai);
  } else {
    if (rentang(siklus, h->tahun, ke, mulai, selesai) != 0) {
      errs_addf(errs, "periode_ke", "periode %s ke-%d tidak ada (siklus %s)", siklus, ke, siklus);
      return 1;
    }
    /* the part of the period this SKP covers */
    if (strcmp(h->mulai, mulai) > 0) str_copy(mulai, sizeof mulai, h->mulai);
    if (strcmp(h->selesai, selesai) < 0) str_copy(selesai, sizeof selesai, h->selesai);
    if (strcmp(mulai, selesai) > 0) { errs_add(errs, "periode_ke", "periode ini di luar masa berlaku SKP"); return 1; }
  }
  int64_t existing = 0;
  st = db_prepare(db, "SELECT id FROM penilaian WHERE skp_id = ?1 AND jenis = ?2 AND periode_ke = ?3");
  if (!st) return -1;
  db_bind_int64(st, 1, h->id);
  db_bind_text(st, 2, jenis);
  db_bind_int64(st, 3, ke);
  if (db_step(st) == DB_ROW) existing = db_col_int64(st, 0);
  db_done(st);
  if (existing) { *out_id = existing; return 0; }
  int64_t unit = 0, now = now_unix();
  db_query_int64(db, "SELECT COALESCE(unit_kerja_id, 0) FROM pegawai WHERE id = ?1", 1, h->pegawai_id, &unit);
  st = db_prepare(db,
    "INSERT INTO penilaian (instansi_id, skp_id, pegawai_id, penilai_id, unit_kerja_id, jenis, periode_ke, mulai, selesai, status, dibuat, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'draft', ?10, ?10) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, h->instansi_id);
  db_bind_int64(st, 2, h->id);
  db_bind_int64(st, 3, h->pegawai_id);
  db_bind_int64(st, 4, h->penilai_id);
  db_bind_id(st, 5, unit);
  db_bind_text(st, 6, jenis);
  db_bind_int64(st, 7, ke);
  db_bind_text(st, 8, mulai);
  db_bind_text(st, 9, selesai);
  db_bind_int64(st, 10, now);
  int s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  json_t *after = json_pack("{s:I,s:s,s:i,s:s,s:s}", "skp_id", (json_int_t)h->id, "jenis", jenis, "periode_ke", ke, "mulai", mulai, "selesai", selesai);
  int rc = audit_append(db, who, h->instansi_id, "penilaian.create", "penilaian", *out_id, NULL, after);
  json_decref(after);
  return rc;
}

int penilaian_skp(struct db *db, int64_t id, int64_t *skp_id, int64_t *penilai_id, char status[8])
{
  struct db_stmt *st = db_prepare(db, "SELECT skp_id, penilai_id, status FROM penilaian WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) {
    *skp_id = db_col_int64(st, 0);
    *penilai_id = db_col_int64(st, 1);
    str_copy(status, 8, db_col_text(st, 2));
  }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

/* The rating hasil kerja a unit leader gets from the unit's predikat organisasi (DOMAIN.md:
 * "for a pegawai who leads a unit, the predikat organisasi of that unit is their rating hasil
 * kerja").  The mapping of the five organisational grades onto three ratings is UNCONFIRMED:
 * Istimewa -> Di Atas, Baik -> Sesuai, the others -> Di Bawah.  NULL when not a leader or unset. */
static const char *rating_dari_organisasi(struct db *db, int64_t pegawai_id, int tahun, char *org, size_t n)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT o.predikat, j.jenis FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id"
    "  JOIN predikat_organisasi o ON o.unit_kerja_id = p.unit_kerja_id AND o.tahun = ?2 WHERE p.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, tahun);
  const char *r = NULL;
  if (db_step(st) == DB_ROW) {
    const char *jenis = db_col_text(st, 1);
    bool pimpinan = false;
    for (int i = 0; JENIS_JABATAN_PIMPINAN[i]; i++) if (!strcmp(jenis, JENIS_JABATAN_PIMPINAN[i])) pimpinan = true;
    if (pimpinan) {
      str_copy(org, n, db_col_text(st, 0));
      r = !strcmp(org, "istimewa") ? "di_atas" : !strcmp(org, "baik") ? "sesuai" : "di_bawah";
    }
  }
  db_done(st);
  return r;
}

json_t *penilaian_json(struct db *db, int64_t id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT n.id, n.skp_id, n.pegawai_id, n.penilai_id, n.jenis, n.periode_ke, n.mulai, n.selesai, n.rating_hasil,"
    "       n.rating_perilaku, n.predikat, n.catatan, n.status, n.hash, n.difinalkan, pr.tahun, p.nama, p.nip, COALESCE(u.nama, '')"
    "  FROM penilaian n JOIN skp s ON s.id = n.skp_id JOIN periode pr ON pr.id = s.periode_id JOIN pegawai p ON p.id = n.pegawai_id"
    "  LEFT JOIN unit_kerja u ON u.id = n.unit_kerja_id WHERE n.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  if (db_step(st) != DB_ROW) { db_done(st); return NULL; }
  int64_t skp_id = db_col_int64(st, 1), pegawai = db_col_int64(st, 2);
  int tahun = (int)db_col_int64(st, 15);
  char mulai[11], selesai[11];
  str_copy(mulai, sizeof mulai, db_col_text(st, 6));
  str_copy(selesai, sizeof selesai, db_col_text(st, 7));
  json_t *j = json_pack("{s:I,s:I,s:{s:I,s:s,s:s,s:s},s:I,s:s,s:I,s:s,s:s,s:s,s:i}",
    "id", (json_int_t)id, "skp_id", (json_int_t)skp_id,
    "pegawai", "id", (json_int_t)pegawai, "nama", db_col_text(st, 16), "nip", db_col_text(st, 17), "unit_kerja", db_col_text(st, 18),
    "penilai_id", (json_int_t)db_col_int64(st, 3), "jenis", db_col_text(st, 4), "periode_ke", (json_int_t)db_col_int64(st, 5),
    "mulai", mulai, "selesai", selesai, "status", db_col_text(st, 12), "tahun", tahun);
  static const int cols[] = {8, 9, 10, 11, 13};
  static const char *const names[] = {"rating_hasil", "rating_perilaku", "predikat", "catatan", "hash"};
  for (int i = 0; i < 5; i++)
    json_object_set_new(j, names[i], db_col_is_null(st, cols[i]) ? json_null() : json_string(db_col_text(st, cols[i])));
  json_object_set_new(j, "difinalkan", db_col_is_null(st, 14) ? json_null() : json_integer(db_col_int64(st, 14)));
  const char *pred = db_col_is_null(st, 10) ? NULL : db_col_text(st, 10);
  enum predikat pe;
  if (pred && predikat_dari_kode(pred, &pe) == 0) json_object_set_new(j, "predikat_label", json_string(predikat_label(pe)));
  enum rating rh, rp;
  if (!db_col_is_null(st, 8) && !db_col_is_null(st, 9) && rating_dari_kode(db_col_text(st, 8), &rh) == 0 &&
      rating_dari_kode(db_col_text(st, 9), &rp) == 0) {
    struct penjelasan pj;
    penjelasan_mulai(&pj);
    predikat_from_ratings(rh, rp, &pj);
    json_t *a = json_array();
    for (int i = 0; i < pj.n; i++) json_array_append_new(a, json_string(pj.baris[i]));
    json_object_set_new(j, "penjelasan", a);
  }
  db_done(st);
  char org[32] = "";
  const char *dari_org = rating_dari_organisasi(db, pegawai, tahun, org, sizeof org);
  json_object_set_new(j, "rating_hasil_dari_organisasi", dari_org ? json_pack("{s:s,s:s}", "predikat_organisasi", org, "rating_hasil", dari_org) : json_null());
  /* context: per RHK the activities of the range, the realisasi of its months, the feedback */
  json_t *rhk = json_array();
  st = db_prepare(db,
    "SELECT r.id, r.kelompok, r.rhk,"
    "       (SELECT COUNT(*) FROM aktivitas a WHERE a.rhk_id = r.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?2 AND ?3),"
    "       (SELECT COALESCE(SUM(a.menit), 0) FROM aktivitas a WHERE a.rhk_id = r.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?2 AND ?3),"
    "       (SELECT COUNT(*) FROM realisasi x JOIN iki k ON k.id = x.iki_id WHERE k.rhk_id = r.id AND x.status = 'disetujui'"
    "          AND x.bulan BETWEEN ?4 AND ?5),"
    "       (SELECT COUNT(*) FROM umpan_balik u WHERE u.entitas = 'rhk' AND u.entitas_id = r.id),"
    "       (SELECT b.umpan_balik FROM penilaian_rhk b WHERE b.penilaian_id = ?6 AND b.rhk_id = r.id)"
    "  FROM rhk r WHERE r.skp_id = ?1 ORDER BY CASE r.kelompok WHEN 'utama' THEN 0 ELSE 1 END, r.urutan");
  if (st) {
    db_bind_int64(st, 1, skp_id);
    db_bind_text(st, 2, mulai);
    db_bind_text(st, 3, selesai);
    db_bind_int64(st, 4, (mulai[5] - '0') * 10 + (mulai[6] - '0'));
    db_bind_int64(st, 5, (selesai[5] - '0') * 10 + (selesai[6] - '0'));
    db_bind_int64(st, 6, id);
    while (db_step(st) == DB_ROW) {
      json_t *r = json_pack("{s:I,s:s,s:s,s:{s:I,s:I},s:I,s:I}", "id", (json_int_t)db_col_int64(st, 0), "kelompok", db_col_text(st, 1),
                            "rhk", db_col_text(st, 2), "aktivitas", "jumlah", (json_int_t)db_col_int64(st, 3), "menit", (json_int_t)db_col_int64(st, 4),
                            "realisasi_disetujui", (json_int_t)db_col_int64(st, 5), "umpan_balik_berkelanjutan", (json_int_t)db_col_int64(st, 6));
      json_object_set_new(r, "umpan_balik", db_col_is_null(st, 7) ? json_null() : json_string(db_col_text(st, 7)));
      json_array_append_new(rhk, r);
    }
    db_done(st);
  }
  json_object_set_new(j, "rhk", rhk);
  json_t *perilaku = json_array();
  for (int i = 0; i < BERAKHLAK_JUMLAH; i++) {
    const char *ub = NULL;
    char *keep = NULL;
    st = db_prepare(db, "SELECT umpan_balik FROM penilaian_perilaku WHERE penilaian_id = ?1 AND nilai = ?2");
    if (st) {
      db_bind_int64(st, 1, id);
      db_bind_int64(st, 2, i + 1);
      if (db_step(st) == DB_ROW) { keep = strdup(db_col_text(st, 0)); ub = keep; }
      db_done(st);
    }
    json_array_append_new(perilaku, json_pack("{s:i,s:s,s:s?}", "nomor", i + 1, "nama", BERAKHLAK[i].nama, "umpan_balik", ub));
    free(keep);
  }
  json_object_set_new(j, "perilaku", perilaku);
  /* the keberatan window of a final penilaian: until when, and whether one can be filed now */
  json_t *kb = json_null();
  st = db_prepare(db, "SELECT status, difinalkan, instansi_id,"
                      " (SELECT COUNT(*) FROM keberatan k WHERE k.penilaian_id = n.id AND k.status = 'diajukan')"
                      " FROM penilaian n WHERE n.id = ?1");
  if (st) {
    db_bind_int64(st, 1, id);
    if (db_step(st) == DB_ROW && !strcmp(db_col_text(st, 0), "final") && !db_col_is_null(st, 1)) {
      int64_t fin = db_col_int64(st, 1), inst = db_col_int64(st, 2), proses = db_col_int64(st, 3);
      struct pengaturan set;
      if (pengaturan_load(db, inst, &set) == 0) {
        int64_t sampai = fin + (int64_t)set.keberatan_hari * 86400;
        kb = json_pack("{s:I,s:i,s:b,s:b}", "sampai", (json_int_t)sampai, "hari", set.keberatan_hari,
                       "terbuka", now_unix() <= sampai && !proses, "sedang_diproses", proses > 0);
      }
    }
    db_done(st);
  }
  json_object_set_new(j, "keberatan", kb);
  /* validated innovations of the period (issue 15): evidence for a rating hasil kerja "di atas
   * ekspektasi" and the innovation condition of the PP 30/2019 predikat Sangat Baik */
  json_t *inov = inovasi_tervalidasi_rentang(db, pegawai, mulai, selesai);
  json_object_set_new(j, "inovasi", inov ? inov : json_array());
  return j;
}

int penilaian_ubah(struct db *db, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs,
                   int *http, const char **pesan)
{
  static const char *const allowed[] = {"rating_hasil", "rating_perilaku", "catatan", "umpan_balik_rhk", "umpan_balik_perilaku", NULL};
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool ok = false;
    for (int i = 0; allowed[i]; i++) if (!strcmp(k, allowed[i])) ok = true;
    if (!ok) errs_add(errs, k, "kolom tidak dikenal");
  }
  json_t *before = penilaian_json(db, id);
  if (!before) return 2;
  if (!strcmp(json_string_value(json_object_get(before, "status")), "final")) {
    json_decref(before);
    *http = 409;
    *pesan = "penilaian sudah final; perubahan hanya melalui keberatan";
    return 3;
  }
  int64_t skp_id = json_integer_value(json_object_get(before, "skp_id"));
  const char *rh = json_string_value(json_object_get(before, "rating_hasil"));
  const char *rp = json_string_value(json_object_get(before, "rating_perilaku"));
  enum rating tmp;
  json_t *x;
  if ((x = json_object_get(body, "rating_hasil"))) {
    rh = json_string_value(x);
    if (!rh || rating_dari_kode(rh, &tmp) != 0) errs_add(errs, "rating_hasil", "harus di_atas, sesuai atau di_bawah");
  }
  if ((x = json_object_get(body, "rating_perilaku"))) {
    rp = json_string_value(x);
    if (!rp || rating_dari_kode(rp, &tmp) != 0) errs_add(errs, "rating_perilaku", "harus di_atas, sesuai atau di_bawah");
  }
  json_t *org = json_object_get(before, "rating_hasil_dari_organisasi");
  if (json_is_object(org)) {
    const char *wajib = json_string_value(json_object_get(org, "rating_hasil"));
    if (rh && json_object_get(body, "rating_hasil") && strcmp(rh, wajib))
      errs_addf(errs, "rating_hasil", "pegawai ini memimpin unit: rating hasil kerjanya mengikuti predikat organisasi (%s → %s)",
                json_string_value(json_object_get(org, "predikat_organisasi")), wajib);
    rh = wajib;
  }
  const char *catatan = json_string_value(json_object_get(body, "catatan"));
  if (catatan && (strlen(catatan) > 4000 || !text_clean(catatan, true))) errs_add(errs, "catatan", "teks tidak valid atau lebih dari 4000 karakter");
  json_t *ubr = json_object_get(body, "umpan_balik_rhk"), *ubp = json_object_get(body, "umpan_balik_perilaku");
  if (ubr && !json_is_object(ubr)) errs_add(errs, "umpan_balik_rhk", "harus objek {\"<rhk_id>\": \"umpan balik\"}");
  json_object_foreach(ubr, k, v) {
    int64_t rid = 0, n = 0;
    char f[64];
    snprintf(f, sizeof f, "umpan_balik_rhk.%.30s", k);
    if (parse_int64(k, 1, INT64_MAX, &rid) != 0 || !json_is_string(v) || strlen(json_string_value(v)) > 2000) { errs_add(errs, f, "harus teks untuk RHK SKP ini"); continue; }
    struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM rhk WHERE id = ?1 AND skp_id = ?2");
    if (!st) { json_decref(before); return -1; }
    db_bind_int64(st, 1, rid);
    db_bind_int64(st, 2, skp_id);
    if (db_step(st) == DB_ROW) n = db_col_int64(st, 0);
    db_done(st);
    if (!n) errs_add(errs, f, "bukan RHK dari SKP yang dinilai");
  }
  if (ubp && !json_is_object(ubp)) errs_add(errs, "umpan_balik_perilaku", "harus objek {\"1\": \"umpan balik\", ...}");
  json_object_foreach(ubp, k, v) {
    int64_t n = 0;
    char f[64];
    snprintf(f, sizeof f, "umpan_balik_perilaku.%.30s", k);
    if (parse_int64(k, 1, BERAKHLAK_JUMLAH, &n) != 0 || !json_is_string(v) || strlen(json_string_value(v)) > 2000) errs_add(errs, f, "harus teks untuk perilaku 1-7");
  }
  if (errs_any(*errs)) { json_decref(before); return 1; }
  const char *pred = NULL;
  enum rating a, b;
  if (rh && rp && rating_dari_kode(rh, &a) == 0 && rating_dari_kode(rp, &b) == 0) pred = predikat_kode(predikat_from_ratings(a, b, NULL));
  struct db_stmt *st = db_prepare(db,
    "UPDATE penilaian SET rating_hasil = ?2, rating_perilaku = ?3, predikat = ?4, catatan = COALESCE(?5, catatan), diubah = ?6 WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, rh);
  db_bind_text(st, 3, rp);
  db_bind_text(st, 4, pred);
  db_bind_text(st, 5, catatan);
  db_bind_int64(st, 6, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) { json_decref(before); return -1; }
  json_object_foreach(ubr, k, v) {
    st = db_prepare(db, "INSERT INTO penilaian_rhk (penilaian_id, rhk_id, umpan_balik) VALUES (?1, ?2, ?3)"
                        " ON CONFLICT (penilaian_id, rhk_id) DO UPDATE SET umpan_balik = excluded.umpan_balik");
    if (!st) { json_decref(before); return -1; }
    int64_t rid = 0;
    parse_int64(k, 1, INT64_MAX, &rid);
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, rid);
    db_bind_text(st, 3, json_string_value(v));
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) { json_decref(before); return -1; }
  }
  json_object_foreach(ubp, k, v) {
    st = db_prepare(db, "INSERT INTO penilaian_perilaku (penilaian_id, nilai, umpan_balik) VALUES (?1, ?2, ?3)"
                        " ON CONFLICT (penilaian_id, nilai) DO UPDATE SET umpan_balik = excluded.umpan_balik");
    if (!st) { json_decref(before); return -1; }
    int64_t n = 0;
    parse_int64(k, 1, BERAKHLAK_JUMLAH, &n);
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, n);
    db_bind_text(st, 3, json_string_value(v));
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) { json_decref(before); return -1; }
  }
  int64_t inst = 0;
  db_query_int64(db, "SELECT instansi_id FROM penilaian WHERE id = ?1", 1, id, &inst);
  json_t *b2 = json_pack("{s:O,s:O,s:O}", "rating_hasil", json_object_get(before, "rating_hasil"),
                         "rating_perilaku", json_object_get(before, "rating_perilaku"), "predikat", json_object_get(before, "predikat"));
  json_t *a2 = json_pack("{s:s?,s:s?,s:s?}", "rating_hasil", rh, "rating_perilaku", rp, "predikat", pred);
  int rc = audit_append(db, who, inst, "penilaian.update", "penilaian", id, b2, a2);
  json_decref(b2);
  json_decref(a2);
  json_decref(before);
  return rc;
}

/* Counts of the unit's annual predikat (final ones, plus `extra` when given) in a year. */
static int hitung_unit(struct db *db, int64_t unit, int tahun, int64_t extra_id, int64_t jumlah[PREDIKAT_JUMLAH])
{
  memset(jumlah, 0, sizeof(int64_t) * PREDIKAT_JUMLAH);
  struct db_stmt *st = db_prepare(db,
    "SELECT n.predikat, COUNT(*) FROM penilaian n JOIN skp s ON s.id = n.skp_id JOIN periode p ON p.id = s.periode_id"
    " WHERE n.unit_kerja_id = ?1 AND p.tahun = ?2 AND n.jenis = 'tahunan' AND n.predikat IS NOT NULL"
    "   AND (n.status = 'final' OR n.id = ?3) GROUP BY n.predikat");
  if (!st) return -1;
  db_bind_int64(st, 1, unit);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, extra_id);
  while (db_step(st) == DB_ROW) {
    enum predikat p;
    if (predikat_dari_kode(db_col_text(st, 0), &p) == 0) jumlah[p] = db_col_int64(st, 1);
  }
  db_done(st);
  return 0;
}

/* The curve check of a unit: NULL when no predikat organisasi is set (or on error). */
static json_t *kurva_json(struct db *db, int64_t unit, int tahun, int64_t extra_id, bool *patuh)
{
  char org_kode[32] = "";
  int64_t inst = 0;
  struct db_stmt *st = db_prepare(db, "SELECT predikat, instansi_id FROM predikat_organisasi WHERE unit_kerja_id = ?1 AND tahun = ?2");
  if (!st) return NULL;
  db_bind_int64(st, 1, unit);
  db_bind_int64(st, 2, tahun);
  if (db_step(st) == DB_ROW) { str_copy(org_kode, sizeof org_kode, db_col_text(st, 0)); inst = db_col_int64(st, 1); }
  db_done(st);
  int64_t jumlah[PREDIKAT_JUMLAH];
  if (hitung_unit(db, unit, tahun, extra_id, jumlah) != 0) return NULL;
  json_t *counts = json_object();
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) json_object_set_new(counts, predikat_kode((enum predikat)i), json_integer(jumlah[i]));
  json_t *out = json_pack("{s:I,s:i,s:o}", "unit_kerja_id", (json_int_t)unit, "tahun", tahun, "jumlah", counts);
  enum predikat_organisasi org;
  int64_t total = 0;
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) total += jumlah[i];
  if (!org_kode[0] || kurva_organisasi_dari_kode(org_kode, &org) != 0 || total == 0) {
    json_object_set_new(out, "predikat_organisasi", org_kode[0] ? json_string(org_kode) : json_null());
    json_object_set_new(out, "patuh", json_null());
    json_object_set_new(out, "pelanggaran", json_array());
    *patuh = true;
    return out;
  }
  struct pengaturan set;
  pengaturan_load(db, inst, &set);
  char mode_kode[16] = "tepat";
  st = db_prepare(db, "SELECT kurva_pembulatan FROM pengaturan WHERE instansi_id = ?1");
  if (st) {
    db_bind_int64(st, 1, inst);
    if (db_step(st) == DB_ROW) str_copy(mode_kode, sizeof mode_kode, db_col_text(st, 0));
    db_done(st);
  }
  enum kurva_pembulatan mode = KURVA_TEPAT;
  kurva_pembulatan_dari_kode(mode_kode, &mode);
  struct kurva_hasil h;
  const char *pesan = NULL;
  if (kurva_periksa(org, jumlah, mode, &h, &pesan) != 0) { json_decref(out); return NULL; }
  json_t *viol = json_array(), *pj = json_array();
  for (int i = 0; i < h.n_aturan; i++)
    if (!h.cek[i].patuh)
      json_array_append_new(viol, json_pack("{s:s,s:I,s:I}", "aturan", h.cek[i].aturan->teks, "jumlah", (json_int_t)h.cek[i].jumlah,
                                            "batas", (json_int_t)h.cek[i].batas));
  for (int i = 0; i < h.pj.n; i++) json_array_append_new(pj, json_string(h.pj.baris[i]));
  json_object_set_new(out, "predikat_organisasi", json_string(org_kode));
  json_object_set_new(out, "patuh", json_boolean(h.patuh));
  json_object_set_new(out, "pelanggaran", viol);
  json_object_set_new(out, "penjelasan", pj);
  *patuh = h.patuh;
  return out;
}

json_t *penilaian_kurva_unit(struct db *db, int64_t unit, int tahun)
{
  bool patuh = true;
  return kurva_json(db, unit, tahun, 0, &patuh);
}

int penilaian_final(struct db *db, int64_t id, const struct audit_actor *who, json_t **errs, int *http,
                    const char **pesan, json_t **peringatan)
{
  static _Thread_local char msg[600];
  json_t *j = penilaian_json(db, id);
  if (!j) return 2;
  int rc = 0;
  if (!strcmp(json_string_value(json_object_get(j, "status")), "final")) {
    *http = 409;
    *pesan = "penilaian ini sudah final";
    rc = 3;
    goto out;
  }
  if (json_is_null(json_object_get(j, "rating_hasil"))) errs_add(errs, "rating_hasil", "wajib diisi sebelum penilaian difinalkan");
  if (json_is_null(json_object_get(j, "rating_perilaku"))) errs_add(errs, "rating_perilaku", "wajib diisi sebelum penilaian difinalkan");
  if (errs_any(*errs)) { rc = 1; goto out; }
  if (!strcmp(json_string_value(json_object_get(j, "jenis")), "tahunan")) {
    int64_t unit = 0, inst = 0;
    db_query_int64(db, "SELECT COALESCE(unit_kerja_id, 0) FROM penilaian WHERE id = ?1", 1, id, &unit);
    db_query_int64(db, "SELECT instansi_id FROM penilaian WHERE id = ?1", 1, id, &inst);
    bool patuh = true;
    json_t *k = unit ? kurva_json(db, unit, (int)json_integer_value(json_object_get(j, "tahun")), id, &patuh) : NULL;
    if (k && !patuh) {
      char mode[16] = "peringatan";
      struct db_stmt *st = db_prepare(db, "SELECT kurva_mode FROM pengaturan WHERE instansi_id = ?1");
      if (st) {
        db_bind_int64(st, 1, inst);
        if (db_step(st) == DB_ROW) str_copy(mode, sizeof mode, db_col_text(st, 0));
        db_done(st);
      }
      if (!strcmp(mode, "blokir")) {
        size_t off = (size_t)snprintf(msg, sizeof msg, "pola distribusi unit dilanggar:");
        size_t i;
        json_t *v;
        json_array_foreach(json_object_get(k, "pelanggaran"), i, v) {
          int w = snprintf(msg + off, sizeof msg - off, " %s (%lld, batas %lld);", json_string_value(json_object_get(v, "aturan")),
                           (long long)json_integer_value(json_object_get(v, "jumlah")), (long long)json_integer_value(json_object_get(v, "batas")));
          if (w > 0 && (size_t)w < sizeof msg - off) off += (size_t)w;
        }
        *http = 409;
        *pesan = msg;
        json_decref(k);
        rc = 3;
        goto out;
      }
      *peringatan = json_incref(json_object_get(k, "pelanggaran"));
    }
    json_decref(k);
  }
  json_t *inti = json_pack("{s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:O}", "id", json_object_get(j, "id"), "skp_id", json_object_get(j, "skp_id"),
                           "jenis", json_object_get(j, "jenis"), "periode_ke", json_object_get(j, "periode_ke"),
                           "rating_hasil", json_object_get(j, "rating_hasil"), "rating_perilaku", json_object_get(j, "rating_perilaku"),
                           "predikat", json_object_get(j, "predikat"), "rhk", json_object_get(j, "rhk"));
  json_object_set(inti, "perilaku", json_object_get(j, "perilaku"));
  json_object_set(inti, "catatan", json_object_get(j, "catatan"));
  char *s = json_dumps(inti, JSON_COMPACT | JSON_SORT_KEYS);
  char hash[65];
  hash_hex(s ? s : "", s ? strlen(s) : 0, hash);
  free(s);
  struct db_stmt *st = db_prepare(db, "UPDATE penilaian SET status = 'final', hash = ?2, difinalkan = ?3, diubah = ?3 WHERE id = ?1");
  if (!st) { json_decref(inti); rc = -1; goto out; }
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, hash);
  db_bind_int64(st, 3, now_unix());
  int r = db_step(st);
  db_done(st);
  if (r != DB_DONE) { json_decref(inti); rc = -1; goto out; }
  json_object_set_new(inti, "hash", json_string(hash));
  int64_t inst = 0;
  db_query_int64(db, "SELECT instansi_id FROM penilaian WHERE id = ?1", 1, id, &inst);
  rc = audit_append(db, who, inst, "penilaian.final", "penilaian", id, NULL, inti);
  if (rc == 0) rc = webhook_penilaian_final(db, inst, id);   /* HRIS/e-Office (issue 10) */
  json_decref(inti);
  if (rc == 0) {
    char isi[200], tautan[64];
    snprintf(isi, sizeof isi, "Penilaian Anda (%s) sudah final: %s.", json_string_value(json_object_get(j, "jenis")),
             json_string_value(json_object_get(j, "predikat")));
    snprintf(tautan, sizeof tautan, "#/penilaian/%lld", (long long)id);
    rc = notifikasi_kirim(db, json_integer_value(json_object_get(json_object_get(j, "pegawai"), "id")), "Penilaian final", isi, tautan);
  }
out:
  json_decref(j);
  return rc;
}

json_t *penilaian_list(struct db *db, const struct penilaian_query *q)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT n.id, n.skp_id, n.pegawai_id, p.nama, p.nip, n.jenis, n.periode_ke, n.mulai, n.selesai, n.status, n.predikat, pr.tahun"
    "  FROM penilaian n JOIN pegawai p ON p.id = n.pegawai_id JOIN skp s ON s.id = n.skp_id JOIN periode pr ON pr.id = s.periode_id"
    " WHERE (?1 = 0 OR n.instansi_id = ?1) AND (?2 = 0 OR n.penilai_id = ?2) AND (?3 = 0 OR n.pegawai_id = ?3)"
    "   AND (?4 = 0 OR n.pegawai_id = ?4 OR n.penilai_id = ?4 OR n.pegawai_id IN (WITH RECURSIVE turun(id, d) AS"
    "        (SELECT id, 0 FROM pegawai WHERE atasan_id = ?4 UNION ALL SELECT c.id, t.d + 1 FROM pegawai c JOIN turun t ON c.atasan_id = t.id"
    "         WHERE t.d < 32) SELECT id FROM turun))"
    "   AND (?5 = 0 OR pr.tahun = ?5) AND (?6 IS NULL OR n.status = ?6) ORDER BY n.id DESC LIMIT ?7");
  if (!st) return NULL;
  db_bind_int64(st, 1, q->instansi_id);
  db_bind_int64(st, 2, q->penilai_id);
  db_bind_int64(st, 3, q->pegawai_id);
  db_bind_int64(st, 4, q->scope_root);
  db_bind_int64(st, 5, q->tahun);
  db_bind_text(st, 6, q->status);
  db_bind_int64(st, 7, q->limit);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW) {
    json_t *it = json_pack("{s:I,s:I,s:{s:I,s:s,s:s},s:s,s:I,s:s,s:s,s:s,s:I}", "id", (json_int_t)db_col_int64(st, 0),
                           "skp_id", (json_int_t)db_col_int64(st, 1), "pegawai", "id", (json_int_t)db_col_int64(st, 2),
                           "nama", db_col_text(st, 3), "nip", db_col_text(st, 4), "jenis", db_col_text(st, 5),
                           "periode_ke", (json_int_t)db_col_int64(st, 6), "mulai", db_col_text(st, 7), "selesai", db_col_text(st, 8),
                           "status", db_col_text(st, 9), "tahun", (json_int_t)db_col_int64(st, 11));
    json_object_set_new(it, "predikat", db_col_is_null(st, 10) ? json_null() : json_string(db_col_text(st, 10)));
    json_array_append_new(items, it);
  }
  db_done(st);
  return json_pack("{s:o}", "items", items);
}

int predikat_organisasi_set(struct db *db, int64_t unit_id, json_t *body, const struct audit_actor *who,
                            int64_t pengguna_id, json_t **errs)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "tahun") && strcmp(k, "predikat") && strcmp(k, "alasan")) errs_add(errs, k, "kolom tidak dikenal");
  json_t *t = json_object_get(body, "tahun");
  const char *pred = json_string_value(json_object_get(body, "predikat"));
  const char *alasan = json_string_value(json_object_get(body, "alasan"));
  enum predikat_organisasi o;
  if (!json_is_integer(t) || json_integer_value(t) < 2000 || json_integer_value(t) > 2100) errs_add(errs, "tahun", "wajib: tahun 2000-2100");
  if (!pred || kurva_organisasi_dari_kode(pred, &o) != 0) errs_add(errs, "predikat", "harus istimewa, baik, butuh_perbaikan, kurang atau sangat_kurang");
  if (alasan && (strlen(alasan) > 2000 || !text_clean(alasan, true))) errs_add(errs, "alasan", "teks tidak valid");
  if (errs_any(*errs)) return 1;
  int64_t inst = 0;
  if (db_query_int64(db, "SELECT instansi_id FROM unit_kerja WHERE id = ?1", 1, unit_id, &inst) != DB_ROW) return 2;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO predikat_organisasi (unit_kerja_id, tahun, instansi_id, predikat, alasan, ditetapkan_oleh, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (unit_kerja_id, tahun) DO UPDATE SET predikat = excluded.predikat, alasan = excluded.alasan,"
    "   ditetapkan_oleh = excluded.ditetapkan_oleh, diubah = excluded.diubah");
  if (!st) return -1;
  db_bind_int64(st, 1, unit_id);
  db_bind_int64(st, 2, json_integer_value(t));
  db_bind_int64(st, 3, inst);
  db_bind_text(st, 4, pred);
  db_bind_text(st, 5, alasan);
  db_bind_id(st, 6, pengguna_id);
  db_bind_int64(st, 7, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  return audit_append(db, who, inst, "predikat_organisasi.set", "unit_kerja", unit_id, NULL, body);
}
