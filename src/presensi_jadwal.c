/* presensi_jadwal.c: work schedules and the schedule of one day (see presensi.h). */
#include "presensi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/aktivitas_aturan.h"
#include "util/errs.h"
#include "util/util.h"

/* The built-in default (Perpres 21/2023: 37.5 hours a week; common regional hours). */
#define BAKU_MASUK "07:30"
#define BAKU_PULANG "16:00"
#define BAKU_PULANG_JUMAT "16:30"

struct jadwal {
  int hari_kerja;
  char masuk[6], pulang[6], pulang_jumat[6], pulang_sabtu[6];
  char ramadan_mulai[11], ramadan_selesai[11], ramadan_masuk[6], ramadan_pulang[6];
  bool ada;
};

static void salin(char *dst, size_t n, struct db_stmt *st, int col)
{
  dst[0] = '\0';
  if (!db_col_is_null(st, col)) str_copy(dst, n, db_col_text(st, col));
}

/* The unit's own schedule, else the nearest unit above with one, else the instansi's, else the
 * built-in default. */
static int jadwal_muat(struct db *db, int64_t instansi_id, int64_t unit_id, struct jadwal *j)
{
  memset(j, 0, sizeof *j);
  struct db_stmt *st = db_prepare(db,
    /* the step is a scalar subquery, not a join: with ANALYZE statistics present SQLite 3.40 would
     * otherwise build a Bloom filter over all of unit_kerja on every call (bench j) */
    "WITH RECURSIVE naik(id, d) AS (SELECT ?2, 0 UNION ALL"
    "  SELECT (SELECT u.induk_id FROM unit_kerja u WHERE u.id = n.id), n.d + 1 FROM naik n WHERE n.id IS NOT NULL AND n.d < 32)"
    " SELECT hari_kerja, masuk, pulang, pulang_jumat, pulang_sabtu, ramadan_mulai, ramadan_selesai, ramadan_masuk, ramadan_pulang"
    "   FROM jadwal_kerja k LEFT JOIN naik n ON n.id = k.unit_kerja_id"
    "  WHERE k.instansi_id = ?1 AND (k.unit_kerja_id IS NULL OR n.id IS NOT NULL)"
    "  ORDER BY CASE WHEN k.unit_kerja_id IS NULL THEN 1000 ELSE n.d END LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, unit_id);
  int s = db_step(st);
  if (s == DB_ROW) {
    j->ada = true;
    j->hari_kerja = (int)db_col_int64(st, 0);
    salin(j->masuk, sizeof j->masuk, st, 1);
    salin(j->pulang, sizeof j->pulang, st, 2);
    salin(j->pulang_jumat, sizeof j->pulang_jumat, st, 3);
    salin(j->pulang_sabtu, sizeof j->pulang_sabtu, st, 4);
    salin(j->ramadan_mulai, sizeof j->ramadan_mulai, st, 5);
    salin(j->ramadan_selesai, sizeof j->ramadan_selesai, st, 6);
    salin(j->ramadan_masuk, sizeof j->ramadan_masuk, st, 7);
    salin(j->ramadan_pulang, sizeof j->ramadan_pulang, st, 8);
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -1;
  if (!j->ada) {
    j->hari_kerja = 5;
    str_copy(j->masuk, sizeof j->masuk, BAKU_MASUK);
    str_copy(j->pulang, sizeof j->pulang, BAKU_PULANG);
    str_copy(j->pulang_jumat, sizeof j->pulang_jumat, BAKU_PULANG_JUMAT);
  }
  return 0;
}

/* The day under schedule j; libur is the holiday's name or "". */
static void hari_dari(const struct jadwal *j, const char *tanggal, const char *libur, struct jadwal_hari *out)
{
  memset(out, 0, sizeof *out);
  str_copy(out->libur, sizeof out->libur, libur);
  int wd = hari_minggu(tanggal);
  if (out->libur[0] || wd == 0 || (wd == 6 && j->hari_kerja == 5)) return;
  out->kerja = true;
  bool ramadan = j->ramadan_mulai[0] && j->ramadan_selesai[0] && strcmp(tanggal, j->ramadan_mulai) >= 0 &&
                 strcmp(tanggal, j->ramadan_selesai) <= 0;
  str_copy(out->masuk, sizeof out->masuk, ramadan && j->ramadan_masuk[0] ? j->ramadan_masuk : j->masuk);
  const char *pulang = j->pulang;
  if (wd == 5 && j->pulang_jumat[0]) pulang = j->pulang_jumat;
  if (wd == 6 && j->pulang_sabtu[0]) pulang = j->pulang_sabtu;
  if (ramadan && j->ramadan_pulang[0]) pulang = j->ramadan_pulang;
  str_copy(out->pulang, sizeof out->pulang, pulang);
}

int presensi_jadwal_bulan(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun, int bulan, struct jadwal_hari hari[31], int *n)
{
  static const int PANJANG[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (bulan < 1 || bulan > 12 || tahun < 1 || tahun > 9999) return -1;
  *n = PANJANG[bulan - 1] + (bulan == 2 && ((tahun % 4 == 0 && tahun % 100) || tahun % 400 == 0));
  struct jadwal j;
  if (jadwal_muat(db, instansi_id, unit_id, &j) != 0) return -1;
  char libur[31][128];
  memset(libur, 0, sizeof libur);
  char dari[40], sampai[40];
  snprintf(dari, sizeof dari, "%04d-%02d-01", tahun, bulan);
  snprintf(sampai, sizeof sampai, "%04d-%02d-31", tahun, bulan);
  struct db_stmt *st = db_prepare(db, "SELECT tanggal, nama FROM hari_libur WHERE instansi_id = ?1 AND tanggal BETWEEN ?2 AND ?3");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, dari);
  db_bind_text(st, 3, sampai);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int d = atoi(db_col_text(st, 0) + 8) - 1;
    if (d >= 0 && d < *n) str_copy(libur[d], sizeof libur[d], db_col_text(st, 1));
  }
  db_done(st);
  if (s != DB_DONE) return -1;
  for (int d = 0; d < *n; d++) {
    char t[40];
    snprintf(t, sizeof t, "%04d-%02d-%02d", tahun, bulan, d + 1);
    hari_dari(&j, t, libur[d], &hari[d]);
  }
  return 0;
}

int presensi_jadwal_hari(struct db *db, int64_t pegawai_id, const char *tanggal, struct jadwal_hari *out)
{
  memset(out, 0, sizeof *out);
  int64_t inst = 0, unit = 0;
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, COALESCE(unit_kerja_id, 0) FROM pegawai WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  int s = db_step(st);
  if (s == DB_ROW) { inst = db_col_int64(st, 0); unit = db_col_int64(st, 1); }
  db_done(st);
  if (s != DB_ROW) return s == DB_DONE ? 2 : -1;
  struct jadwal j;
  if (jadwal_muat(db, inst, unit, &j) != 0) return -1;
  char libur[128] = "";
  st = db_prepare(db, "SELECT nama FROM hari_libur WHERE instansi_id = ?1 AND tanggal = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_text(st, 2, tanggal);
  if (db_step(st) == DB_ROW) str_copy(libur, sizeof libur, db_col_text(st, 0));
  db_done(st);
  hari_dari(&j, tanggal, libur, out);
  return 0;
}

json_t *jadwal_json(struct db *db, int64_t instansi_id, int64_t unit_id)
{
  struct jadwal j;
  if (jadwal_muat(db, instansi_id, unit_id, &j) != 0) return NULL;
  json_t *o = json_pack("{s:i,s:s,s:s,s:b}", "hari_kerja", j.hari_kerja, "masuk", j.masuk, "pulang", j.pulang, "baku", !j.ada);
#define OPT(k, v) json_object_set_new(o, k, (v)[0] ? json_string(v) : json_null())
  OPT("pulang_jumat", j.pulang_jumat);
  OPT("pulang_sabtu", j.pulang_sabtu);
  OPT("ramadan_mulai", j.ramadan_mulai);
  OPT("ramadan_selesai", j.ramadan_selesai);
  OPT("ramadan_masuk", j.ramadan_masuk);
  OPT("ramadan_pulang", j.ramadan_pulang);
#undef OPT
  json_object_set_new(o, "unit_kerja_id", unit_id ? json_integer(unit_id) : json_null());
  return o;
}

static const char *jam_opsional(json_t *body, const char *k, json_t **errs, bool wajib)
{
  json_t *v = json_object_get(body, k);
  if (!v || json_is_null(v)) {
    if (wajib) errs_add(errs, k, "wajib diisi (JJ:MM)");
    return NULL;
  }
  if (!json_is_string(v) || strlen(json_string_value(v)) != 5 || jam_menit(json_string_value(v)) < 0) {
    errs_add(errs, k, "harus jam JJ:MM, misalnya 07:30");
    return NULL;
  }
  return json_string_value(v);
}

int jadwal_simpan(struct db *db, int64_t instansi_id, int64_t unit_id, json_t *body, const struct audit_actor *who, json_t **errs)
{
  static const char *const KENAL[] = {"nama", "hari_kerja", "masuk", "pulang", "pulang_jumat", "pulang_sabtu", "ramadan_mulai",
                                      "ramadan_selesai", "ramadan_masuk", "ramadan_pulang", "unit_kerja_id", "instansi_id", NULL};
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool ok = false;
    for (int i = 0; KENAL[i]; i++) ok |= !strcmp(k, KENAL[i]);
    if (!ok) errs_add(errs, k, "tidak dikenal");
  }
  json_t *hk = json_object_get(body, "hari_kerja");
  int64_t hari = 5;
  if (hk && (!json_is_integer(hk) || (json_integer_value(hk) != 5 && json_integer_value(hk) != 6)))
    errs_add(errs, "hari_kerja", "harus 5 atau 6 hari kerja seminggu");
  else if (hk) hari = json_integer_value(hk);
  const char *masuk = jam_opsional(body, "masuk", errs, true), *pulang = jam_opsional(body, "pulang", errs, true);
  const char *pj = jam_opsional(body, "pulang_jumat", errs, false), *ps = jam_opsional(body, "pulang_sabtu", errs, false);
  const char *rm = jam_opsional(body, "ramadan_masuk", errs, false), *rp = jam_opsional(body, "ramadan_pulang", errs, false);
  if (masuk && pulang && jam_menit(pulang) <= jam_menit(masuk)) errs_add(errs, "pulang", "jam pulang harus setelah jam masuk");
  json_t *r1 = json_object_get(body, "ramadan_mulai"), *r2 = json_object_get(body, "ramadan_selesai");
  const char *d1 = json_string_value(r1), *d2 = json_string_value(r2);
  if ((r1 && !json_is_null(r1) && (!d1 || !date_valid(d1))) || (r2 && !json_is_null(r2) && (!d2 || !date_valid(d2))))
    errs_add(errs, "ramadan_mulai", "tanggal Ramadan harus YYYY-MM-DD");
  else if ((d1 && !d2) || (!d1 && d2)) errs_add(errs, "ramadan_selesai", "isi tanggal mulai dan selesai Ramadan bersama-sama");
  else if (d1 && d2 && strcmp(d1, d2) > 0) errs_add(errs, "ramadan_selesai", "tanggal selesai sebelum tanggal mulai");
  const char *nama = json_string_value(json_object_get(body, "nama"));
  if (nama && (strlen(nama) > 100 || !text_clean(nama, false))) errs_add(errs, "nama", "paling banyak 100 karakter");
  if (errs_any(*errs)) return 1;
  json_t *sebelum = jadwal_json(db, instansi_id, unit_id);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO jadwal_kerja (instansi_id, unit_kerja_id, nama, hari_kerja, masuk, pulang, pulang_jumat, pulang_sabtu,"
    " ramadan_mulai, ramadan_selesai, ramadan_masuk, ramadan_pulang, diubah) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    " ON CONFLICT (instansi_id, unit_kerja_id) DO UPDATE SET nama = excluded.nama, hari_kerja = excluded.hari_kerja,"
    " masuk = excluded.masuk, pulang = excluded.pulang, pulang_jumat = excluded.pulang_jumat, pulang_sabtu = excluded.pulang_sabtu,"
    " ramadan_mulai = excluded.ramadan_mulai, ramadan_selesai = excluded.ramadan_selesai, ramadan_masuk = excluded.ramadan_masuk,"
    " ramadan_pulang = excluded.ramadan_pulang, diubah = excluded.diubah");
  if (!st) { json_decref(sebelum); return -1; }
  /* UNIQUE (instansi_id, NULL) does not conflict in SQL: the instansi default is replaced by hand */
  if (!unit_id) {
    struct db_stmt *del = db_prepare(db, "DELETE FROM jadwal_kerja WHERE instansi_id = ?1 AND unit_kerja_id IS NULL");
    if (!del) { db_done(st); json_decref(sebelum); return -1; }
    db_bind_int64(del, 1, instansi_id);
    int ds = db_step(del);
    db_done(del);
    if (ds != DB_DONE) { db_done(st); json_decref(sebelum); return -1; }
  }
  db_bind_int64(st, 1, instansi_id);
  db_bind_id(st, 2, unit_id);
  db_bind_text(st, 3, nama ? nama : (unit_id ? "Jadwal unit" : "Jadwal instansi"));
  db_bind_int64(st, 4, hari);
  db_bind_text(st, 5, masuk);
  db_bind_text(st, 6, pulang);
  db_bind_text(st, 7, pj);
  db_bind_text(st, 8, ps);
  db_bind_text(st, 9, d1);
  db_bind_text(st, 10, d2);
  db_bind_text(st, 11, rm);
  db_bind_text(st, 12, rp);
  db_bind_int64(st, 13, now_unix());
  int s = db_step(st);
  db_done(st);
  int rc = s == DB_DONE ? audit_append(db, who, instansi_id, "jadwal.simpan", "jadwal_kerja", unit_id, sebelum, body) : -1;
  json_decref(sebelum);
  return rc;
}

int presensi_shift_terapkan(struct db *db, int64_t pegawai_id, int tahun, int bulan, struct jadwal_hari hari[31], int n)
{
  char dari[40], sampai[40];
  snprintf(dari, sizeof dari, "%04d-%02d-01", tahun, bulan);
  snprintf(sampai, sizeof sampai, "%04d-%02d-31", tahun, bulan);
  struct db_stmt *st = db_prepare(db, "SELECT tanggal, masuk, pulang, libur FROM jadwal_shift WHERE pegawai_id = ?1 AND tanggal BETWEEN ?2 AND ?3");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, dari);
  db_bind_text(st, 3, sampai);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int d = atoi(db_col_text(st, 0) + 8) - 1;
    if (d < 0 || d >= n) continue;
    struct jadwal_hari *h = &hari[d];
    memset(h, 0, sizeof *h);
    if (db_col_int64(st, 3)) {
      str_copy(h->libur, sizeof h->libur, "Libur (jadwal shift)");
    } else {
      h->kerja = true;
      str_copy(h->masuk, sizeof h->masuk, db_col_text(st, 1));
      str_copy(h->pulang, sizeof h->pulang, db_col_text(st, 2));
    }
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int presensi_shift_simpan(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who, json_t **errs, int *n_out)
{
  *n_out = 0;
  json_t *items = json_object_get(body, "items");
  if (!json_is_array(items) || !json_array_size(items) || json_array_size(items) > 1000) {
    errs_add(errs, "items", "daftar 1-1000 hari {nip, tanggal, masuk, pulang} atau {nip, tanggal, libur: true}");
    return 1;
  }
  size_t i;
  json_t *it;
  int64_t now = now_unix();
  /* every item checked first, nothing stored when one is wrong */
  for (int tulis = 0; tulis < 2; tulis++) {
    json_array_foreach(items, i, it) {
      char f[64];
      const char *nip = json_string_value(json_object_get(it, "nip")), *tgl = json_string_value(json_object_get(it, "tanggal"));
      const char *m = json_string_value(json_object_get(it, "masuk")), *p = json_string_value(json_object_get(it, "pulang"));
      bool libur = json_is_true(json_object_get(it, "libur"));
      int64_t peg = 0;
      if (nip) {
        struct db_stmt *st = db_prepare(db, "SELECT id FROM pegawai WHERE nip = ?1 AND instansi_id = ?2");
        if (!st) return -1;
        db_bind_text(st, 1, nip);
        db_bind_int64(st, 2, instansi_id);
        if (db_step(st) == DB_ROW) peg = db_col_int64(st, 0);
        db_done(st);
      }
      if (!tulis) {
        snprintf(f, sizeof f, "items[%zu].nip", i);
        if (!peg) errs_add(errs, f, "NIP tidak dikenal di instansi ini");
        snprintf(f, sizeof f, "items[%zu].tanggal", i);
        if (!tgl || !date_valid(tgl)) errs_add(errs, f, "harus tanggal YYYY-MM-DD");
        snprintf(f, sizeof f, "items[%zu].masuk", i);
        if (!libur && (!m || strlen(m) != 5 || jam_menit(m) < 0)) errs_add(errs, f, "jam masuk JJ:MM (atau libur: true)");
        snprintf(f, sizeof f, "items[%zu].pulang", i);
        if (!libur && (!p || strlen(p) != 5 || jam_menit(p) < 0)) errs_add(errs, f, "jam pulang JJ:MM");
        else if (!libur && m && jam_menit(m) >= 0 && jam_menit(p) == jam_menit(m))
          errs_add(errs, f, "jam pulang sama dengan jam masuk (shift malam: pulang keesokan harinya, mis. 22:00-06:00)");
        continue;
      }
      struct db_stmt *st = db_prepare(db,
        "INSERT INTO jadwal_shift (pegawai_id, tanggal, instansi_id, masuk, pulang, libur, diubah) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        " ON CONFLICT (pegawai_id, tanggal) DO UPDATE SET masuk = excluded.masuk, pulang = excluded.pulang, libur = excluded.libur,"
        " diubah = excluded.diubah");
      if (!st) return -1;
      db_bind_int64(st, 1, peg);
      db_bind_text(st, 2, tgl);
      db_bind_int64(st, 3, instansi_id);
      db_bind_text(st, 4, libur ? NULL : m);
      db_bind_text(st, 5, libur ? NULL : p);
      db_bind_int64(st, 6, libur ? 1 : 0);
      db_bind_int64(st, 7, now);
      int x = db_step(st);
      db_done(st);
      if (x != DB_DONE) return -1;
      (*n_out)++;
    }
    if (!tulis && errs_any(*errs)) return 1;
  }
  json_t *ring = json_pack("{s:i}", "hari", *n_out);
  int rc = audit_append(db, who, instansi_id, "presensi.shift", "jadwal_shift", 0, NULL, ring);
  json_decref(ring);
  return rc;
}
