/* penghargaan.c: recognition rules, candidates, piagam and consent (see penghargaan.h). */
#include "penghargaan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "report_font.h"
#include "satu_baris.h"
#include "util/buf.h"
#include "util/errs.h"
#include "util/util.h"

/* ---- rules ---- */

static json_t *aturan_row(struct db_stmt *st)
{
  return json_pack("{s:I,s:I,s:s,s:s,s:I,s:b,s:I}", "id", (json_int_t)db_col_int64(st, 0),
                   "instansi_id", (json_int_t)db_col_int64(st, 1), "nama", db_col_text(st, 2), "jenis", db_col_text(st, 3),
                   "jumlah", (json_int_t)db_col_int64(st, 4), "aktif", db_col_int64(st, 5) != 0,
                   "diubah", (json_int_t)db_col_int64(st, 6));
}

#define ATURAN_COLS "id, instansi_id, nama, jenis, jumlah, aktif, diubah"

json_t *penghargaan_aturan_list(struct db *db, int64_t instansi_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT " ATURAN_COLS " FROM penghargaan_aturan WHERE (?1 = 0 OR instansi_id = ?1) ORDER BY nama, id");
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) json_array_append_new(items, aturan_row(st));
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:o}", "items", items);
}

json_t *penghargaan_aturan_json(struct db *db, int64_t id)
{
  return satu_baris_json(db, "SELECT " ATURAN_COLS " FROM penghargaan_aturan WHERE id = ?1", id, aturan_row);
}

int penghargaan_aturan_instansi(struct db *db, int64_t id, int64_t *instansi_id)
{
  int rc = db_query_int64(db, "SELECT instansi_id FROM penghargaan_aturan WHERE id = ?1", 1, id, instansi_id);
  return rc == DB_ROW ? 0 : rc == DB_DONE ? 1 : -1;
}

static void periksa_kunci(json_t *body, const char *const *boleh, json_t **errs)
{
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool ok = false;
    for (const char *const *p = boleh; *p && !ok; p++) ok = !strcmp(k, *p);
    if (!ok) errs_add(errs, k, "kolom tidak dikenal");
  }
}

static const char *nama_aturan(json_t *body, bool wajib, json_t **errs)
{
  json_t *v = json_object_get(body, "nama");
  if (!v) { if (wajib) errs_add(errs, "nama", "wajib diisi, misalnya \"Pegawai Berkinerja Sangat Baik Berkelanjutan\""); return NULL; }
  const char *s = json_string_value(v);
  if (!s || strlen(s) != json_string_length(v) || strlen(s) < 5 || strlen(s) > 120 || !text_clean(s, false)) {
    errs_add(errs, "nama", "harus teks 5-120 karakter");
    return NULL;
  }
  return s;
}

static int jumlah_aturan(json_t *body, bool wajib, json_t **errs)
{
  json_t *v = json_object_get(body, "jumlah");
  if (!v) { if (wajib) errs_add(errs, "jumlah", "wajib diisi: jumlah periode berturut-turut atau jumlah inovasi (1-12)"); return 0; }
  if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 12) {
    errs_add(errs, "jumlah", "harus bilangan bulat 1-12");
    return 0;
  }
  return (int)json_integer_value(v);
}

static int aktif_aturan(json_t *body, json_t **errs)
{
  json_t *v = json_object_get(body, "aktif");
  if (!v) return -1;
  if (!json_is_boolean(v)) { errs_add(errs, "aktif", "harus true atau false"); return -1; }
  return json_is_true(v) ? 1 : 0;
}

int penghargaan_aturan_buat(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who,
                            json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  static const char *const boleh[] = {"nama", "jenis", "jumlah", "aktif", "instansi_id", NULL};
  periksa_kunci(body, boleh, errs);
  const char *nama = nama_aturan(body, true, errs);
  const char *jenis = json_string_value(json_object_get(body, "jenis"));
  if (!jenis || (strcmp(jenis, "sangat_baik_berturut") && strcmp(jenis, "inovasi_tahun")))
    errs_add(errs, "jenis", "harus sangat_baik_berturut atau inovasi_tahun");
  int jumlah = jumlah_aturan(body, true, errs);
  int aktif = aktif_aturan(body, errs);
  if (errs_any(*errs)) return 1;
  int64_t ada = 0;
  struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM penghargaan_aturan WHERE instansi_id = ?1 AND nama = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, nama);
  if (db_step(st) == DB_ROW) ada = db_col_int64(st, 0);
  db_done(st);
  if (ada) { *http = 409; *pesan = "Nama aturan penghargaan ini sudah dipakai di instansi Anda."; return 3; }
  int64_t now = now_unix();
  st = db_prepare(db, "INSERT INTO penghargaan_aturan (instansi_id, nama, jenis, jumlah, aktif, dibuat, diubah)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, nama);
  db_bind_text(st, 3, jenis);
  db_bind_int64(st, 4, jumlah);
  db_bind_int64(st, 5, aktif == 0 ? 0 : 1);
  db_bind_int64(st, 6, now);
  int s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  json_t *after = penghargaan_aturan_json(db, *out_id);
  int rc = after ? audit_append(db, who, instansi_id, "penghargaan_aturan.buat", "penghargaan_aturan", *out_id, NULL, after) : -1;
  json_decref(after);
  return rc;
}

int penghargaan_aturan_ubah(struct db *db, int64_t id, json_t *body, const struct audit_actor *who,
                            json_t **errs, int *http, const char **pesan)
{
  static const char *const boleh[] = {"nama", "jumlah", "aktif", NULL};
  periksa_kunci(body, boleh, errs);
  const char *nama = nama_aturan(body, false, errs);
  int jumlah = jumlah_aturan(body, false, errs);
  int aktif = aktif_aturan(body, errs);
  if (errs_any(*errs)) return 1;
  int64_t inst = 0;
  int rc = penghargaan_aturan_instansi(db, id, &inst);
  if (rc) return rc < 0 ? -1 : 2;
  if (nama) {
    int64_t ada = 0;
    struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM penghargaan_aturan WHERE instansi_id = ?1 AND nama = ?2 AND id <> ?3");
    if (!st) return -1;
    db_bind_int64(st, 1, inst);
    db_bind_text(st, 2, nama);
    db_bind_int64(st, 3, id);
    if (db_step(st) == DB_ROW) ada = db_col_int64(st, 0);
    db_done(st);
    if (ada) { *http = 409; *pesan = "Nama aturan penghargaan ini sudah dipakai di instansi Anda."; return 3; }
  }
  json_t *before = penghargaan_aturan_json(db, id);
  if (!before) return -1;
  struct db_stmt *st = db_prepare(db,
    "UPDATE penghargaan_aturan SET nama = COALESCE(?2, nama), jumlah = CASE WHEN ?3 > 0 THEN ?3 ELSE jumlah END,"
    "       aktif = CASE WHEN ?4 >= 0 THEN ?4 ELSE aktif END, diubah = ?5 WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, nama);
  db_bind_int64(st, 3, jumlah);
  db_bind_int64(st, 4, aktif);
  db_bind_int64(st, 5, now_unix());
  int s = db_step(st);
  db_done(st);
  json_t *after = s == DB_DONE ? penghargaan_aturan_json(db, id) : NULL;
  rc = after ? audit_append(db, who, inst, "penghargaan_aturan.ubah", "penghargaan_aturan", id, before, after) : -1;
  json_decref(before);
  json_decref(after);
  return rc;
}

/* ---- candidates ---- */

/* Rows: pegawai id, nama, nip, unit nama, count, first, last (dates or NULL).
 * ?1 instansi, ?2 tahun, ?3 N, ?4 unit (0 all), ?5 pegawai (0 all), ?6 'YYYY-01-01', ?7 'YYYY-12-31'. */
#define UNIT_FILTER " AND (?4 = 0 OR p.unit_kerja_id IN (WITH RECURSIVE sub(id) AS (SELECT ?4 UNION ALL" \
                    " SELECT u2.id FROM unit_kerja u2 JOIN sub ON u2.induk_id = sub.id) SELECT id FROM sub))"
static const char SQL_SANGAT_BAIK[] =
  "WITH urut AS (SELECT n.pegawai_id, n.predikat, n.mulai, n.selesai,"
  "                     ROW_NUMBER() OVER (PARTITION BY n.pegawai_id ORDER BY n.selesai DESC, n.id DESC) AS rn"
  "                FROM penilaian n"
  "               WHERE n.instansi_id = ?1 AND n.status = 'final' AND n.jenis = 'periodik' AND n.selesai <= ?7"
  "                 AND (?5 = 0 OR n.pegawai_id = ?5)),"
  "     hasil AS (SELECT pegawai_id, COUNT(*) AS n, MIN(mulai) AS dari, MAX(selesai) AS sampai,"
  "                      SUM(CASE WHEN predikat = 'sangat_baik' THEN 1 ELSE 0 END) AS sb"
  "                 FROM urut WHERE rn <= ?3 GROUP BY pegawai_id)"
  "SELECT p.id, p.nama, p.nip, COALESCE(u.nama, ''), h.n, h.dari, h.sampai"
  "  FROM hasil h JOIN pegawai p ON p.id = h.pegawai_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"
  " WHERE h.n = ?3 AND h.sb = ?3 AND h.sampai >= ?6 AND ?2 > 0" UNIT_FILTER
  " ORDER BY p.nama";
static const char SQL_INOVASI[] =
  "SELECT p.id, p.nama, p.nip, COALESCE(u.nama, ''), COUNT(*), MIN(i.tanggal_validasi), MAX(i.tanggal_validasi)"
  "  FROM inovasi i JOIN pegawai p ON p.id = i.pegawai_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"
  " WHERE i.instansi_id = ?1 AND i.status = 'divalidasi' AND i.tahun = ?2 AND (?5 = 0 OR i.pegawai_id = ?5)"
  "   AND ?6 <> ?7" UNIT_FILTER
  " GROUP BY p.id, p.nama, p.nip, u.nama HAVING COUNT(*) >= ?3"
  " ORDER BY p.nama";

static void tanggal(const char *ymd, char *out, size_t n)
{
  if (!ymd || report_font_tanggal(ymd, out, n) != 0) str_copy(out, n, ymd ? ymd : "");
}

/* Appends to items the candidates of one rule.  0 or -1. */
static int kandidat_aturan(struct db *db, int64_t instansi_id, int tahun, int64_t unit, int64_t pegawai,
                           int64_t aturan_id, const char *nama, const char *jenis, int jumlah, json_t *items)
{
  bool sb = !strcmp(jenis, "sangat_baik_berturut");
  struct db_stmt *st = db_prepare(db, sb ? SQL_SANGAT_BAIK : SQL_INOVASI);
  if (!st) return -1;
  char awal[16], akhir[16];
  snprintf(awal, sizeof awal, "%04d-01-01", tahun);
  snprintf(akhir, sizeof akhir, "%04d-12-31", tahun);
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, jumlah);
  db_bind_int64(st, 4, unit);
  db_bind_int64(st, 5, pegawai);
  db_bind_text(st, 6, awal);
  db_bind_text(st, 7, akhir);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    char alasan[300], d1[40], d2[40];
    tanggal(db_col_is_null(st, 5) ? NULL : db_col_text(st, 5), d1, sizeof d1);
    tanggal(db_col_is_null(st, 6) ? NULL : db_col_text(st, 6), d2, sizeof d2);
    if (sb)
      snprintf(alasan, sizeof alasan, "Predikat Sangat Baik pada %lld penilaian periodik berturut-turut (%s s.d. %s)",
               (long long)db_col_int64(st, 4), d1, d2);
    else
      snprintf(alasan, sizeof alasan, "%lld inovasi tervalidasi pada tahun %d (validasi %s s.d. %s)",
               (long long)db_col_int64(st, 4), tahun, d1, d2);
    json_array_append_new(items, json_pack("{s:{s:I,s:s,s:s,s:i},s:{s:I,s:s,s:s,s:s},s:s,s:n}",
      "aturan", "id", (json_int_t)aturan_id, "nama", nama, "jenis", jenis, "jumlah", jumlah,
      "pegawai", "id", (json_int_t)db_col_int64(st, 0), "nama", db_col_text(st, 1), "nip", db_col_text(st, 2),
      "unit_kerja", db_col_text(st, 3), "alasan", alasan, "penghargaan_id"));
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

/* Marks each candidate already issued with its penghargaan_id. */
static int tandai_terbit(struct db *db, int tahun, json_t *items)
{
  struct db_stmt *st = db_prepare(db, "SELECT id FROM penghargaan WHERE aturan_id = ?1 AND pegawai_id = ?2 AND tahun = ?3");
  if (!st) return -1;
  size_t i;
  json_t *it;
  json_array_foreach(items, i, it) {
    db_reset(st);
    db_bind_int64(st, 1, json_integer_value(json_object_get(json_object_get(it, "aturan"), "id")));
    db_bind_int64(st, 2, json_integer_value(json_object_get(json_object_get(it, "pegawai"), "id")));
    db_bind_int64(st, 3, tahun);
    if (db_step(st) == DB_ROW) json_object_set_new(it, "penghargaan_id", json_integer(db_col_int64(st, 0)));
  }
  db_done(st);
  return 0;
}

static json_t *kandidat(struct db *db, int64_t instansi_id, int tahun, int64_t unit, int64_t pegawai, int64_t hanya_aturan)
{
  struct db_stmt *st = db_prepare(db, "SELECT id, nama, jenis, jumlah FROM penghargaan_aturan"
                                      " WHERE instansi_id = ?1 AND aktif = 1 AND (?2 = 0 OR id = ?2) ORDER BY nama, id");
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, hanya_aturan);
  struct { int64_t id; char nama[128]; char jenis[32]; int jumlah; } a[32];
  int n = 0, s;
  while ((s = db_step(st)) == DB_ROW && n < 32) {
    a[n].id = db_col_int64(st, 0);
    str_copy(a[n].nama, sizeof a[n].nama, db_col_text(st, 1));
    str_copy(a[n].jenis, sizeof a[n].jenis, db_col_text(st, 2));
    a[n].jumlah = (int)db_col_int64(st, 3);
    n++;
  }
  db_done(st);
  if (s != DB_DONE && s != DB_ROW) return NULL;
  json_t *items = json_array();
  for (int i = 0; i < n; i++)
    if (kandidat_aturan(db, instansi_id, tahun, unit, pegawai, a[i].id, a[i].nama, a[i].jenis, a[i].jumlah, items) != 0) {
      json_decref(items);
      return NULL;
    }
  if (tandai_terbit(db, tahun, items) != 0) { json_decref(items); return NULL; }
  return items;
}

json_t *penghargaan_kandidat(struct db *db, int64_t instansi_id, int tahun, int64_t unit_kerja_id)
{
  json_t *items = kandidat(db, instansi_id, tahun, unit_kerja_id, 0, 0);
  return items ? json_pack("{s:i,s:o}", "tahun", tahun, "items", items) : NULL;
}

/* ---- piagam ---- */

#define PGH_COLS \
  "g.id, g.instansi_id, g.aturan_id, a.nama, a.jenis, g.pegawai_id, p.nama, p.nip, COALESCE(u.nama, ''), g.tahun," \
  " g.nomor, g.alasan, g.penerbit_nama, g.penerbit_jabatan, g.diterbitkan, g.persetujuan, g.unit_kerja_id"
#define PGH_FROM \
  " FROM penghargaan g JOIN penghargaan_aturan a ON a.id = g.aturan_id JOIN pegawai p ON p.id = g.pegawai_id" \
  " LEFT JOIN unit_kerja u ON u.id = g.unit_kerja_id"

static json_t *pgh_row(struct db_stmt *st)
{
  char unduh[80];
  snprintf(unduh, sizeof unduh, "/api/v1/penghargaan/%lld/piagam.pdf", (long long)db_col_int64(st, 0));
  json_t *j = json_pack("{s:I,s:I,s:{s:I,s:s,s:s},s:{s:I,s:s,s:s,s:s},s:I,s:s,s:s,s:{s:s,s:s},s:I,s:b,s:s}",
    "id", (json_int_t)db_col_int64(st, 0), "instansi_id", (json_int_t)db_col_int64(st, 1),
    "aturan", "id", (json_int_t)db_col_int64(st, 2), "nama", db_col_text(st, 3), "jenis", db_col_text(st, 4),
    "pegawai", "id", (json_int_t)db_col_int64(st, 5), "nama", db_col_text(st, 6), "nip", db_col_text(st, 7),
    "unit_kerja", db_col_text(st, 8), "tahun", (json_int_t)db_col_int64(st, 9), "nomor", db_col_text(st, 10),
    "alasan", db_col_text(st, 11), "penerbit", "nama", db_col_text(st, 12), "jabatan", db_col_text(st, 13),
    "diterbitkan", (json_int_t)db_col_int64(st, 14), "persetujuan", db_col_int64(st, 15) != 0, "unduh", unduh);
  if (j) json_object_set_new(j, "unit_kerja_id", db_col_is_null(st, 16) ? json_null() : json_integer(db_col_int64(st, 16)));
  return j;
}

json_t *penghargaan_json(struct db *db, int64_t id)
{
  return satu_baris_json(db, "SELECT " PGH_COLS PGH_FROM " WHERE g.id = ?1", id, pgh_row);
}

int penghargaan_pemilik(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id)
{
  return satu_baris_pemilik(db, "SELECT pegawai_id, instansi_id FROM penghargaan WHERE id = ?1", id, pegawai_id, instansi_id);
}

int penghargaan_terbitkan(struct db *db, int64_t instansi_id, int64_t pengguna_id, json_t *body,
                          const struct audit_actor *who, json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  static const char *const boleh[] = {"aturan_id", "pegawai_id", "tahun", NULL};
  periksa_kunci(body, boleh, errs);
  json_t *a = json_object_get(body, "aturan_id"), *p = json_object_get(body, "pegawai_id"), *t = json_object_get(body, "tahun");
  if (!json_is_integer(a) || json_integer_value(a) < 1) errs_add(errs, "aturan_id", "wajib diisi: id aturan penghargaan");
  if (!json_is_integer(p) || json_integer_value(p) < 1) errs_add(errs, "pegawai_id", "wajib diisi: id pegawai kandidat");
  if (!json_is_integer(t) || json_integer_value(t) < 2000 || json_integer_value(t) > 2100) errs_add(errs, "tahun", "wajib diisi: tahun 2000-2100");
  if (errs_any(*errs)) return 1;
  int64_t aturan = json_integer_value(a), pegawai = json_integer_value(p);
  int tahun = (int)json_integer_value(t);
  int64_t inst_aturan = 0, inst_peg = 0, unit = 0;
  int rc = penghargaan_aturan_instansi(db, aturan, &inst_aturan);
  if (rc < 0) return -1;
  if (rc == 1 || inst_aturan != instansi_id) { errs_add(errs, "aturan_id", "aturan penghargaan tidak ditemukan di instansi ini"); return 1; }
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, COALESCE(unit_kerja_id, 0) FROM pegawai WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai);
  int s = db_step(st);
  if (s == DB_ROW) { inst_peg = db_col_int64(st, 0); unit = db_col_int64(st, 1); }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -1;
  if (s == DB_DONE || inst_peg != instansi_id) { errs_add(errs, "pegawai_id", "pegawai tidak ditemukan di instansi ini"); return 1; }
  int64_t sudah = 0;
  st = db_prepare(db, "SELECT COUNT(*) FROM penghargaan WHERE aturan_id = ?1 AND pegawai_id = ?2 AND tahun = ?3");
  if (!st) return -1;
  db_bind_int64(st, 1, aturan);
  db_bind_int64(st, 2, pegawai);
  db_bind_int64(st, 3, tahun);
  if (db_step(st) == DB_ROW) sudah = db_col_int64(st, 0);
  db_done(st);
  if (sudah) { *http = 409; *pesan = "Piagam untuk aturan, pegawai dan tahun ini sudah diterbitkan."; return 3; }
  json_t *k = kandidat(db, instansi_id, tahun, 0, pegawai, aturan);
  if (!k) return -1;
  if (json_array_size(k) == 0) {
    json_decref(k);
    *http = 409;
    *pesan = "Pegawai ini belum memenuhi aturan penghargaan (atau aturan tidak aktif) untuk tahun tersebut.";
    return 3;
  }
  char alasan[300], aturan_nama[128];
  str_copy(alasan, sizeof alasan, json_string_value(json_object_get(json_array_get(k, 0), "alasan")));
  str_copy(aturan_nama, sizeof aturan_nama, json_string_value(json_object_get(json_object_get(json_array_get(k, 0), "aturan"), "nama")));
  json_decref(k);
  /* the signer: the pimpinan's own pegawai record when linked */
  char penerbit[200] = "Pimpinan", jabatan[200] = "Pimpinan Instansi";
  st = db_prepare(db, "SELECT COALESCE(p.nama, u.username), COALESCE(j.nama, 'Pimpinan Instansi')"
                      "  FROM pengguna u LEFT JOIN pegawai p ON p.id = u.pegawai_id LEFT JOIN jabatan j ON j.id = p.jabatan_id"
                      " WHERE u.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  if (db_step(st) == DB_ROW) {
    str_copy(penerbit, sizeof penerbit, db_col_text(st, 0));
    str_copy(jabatan, sizeof jabatan, db_col_text(st, 1));
  }
  db_done(st);
  int64_t urut = 0;
  st = db_prepare(db, "SELECT COUNT(*) FROM penghargaan WHERE instansi_id = ?1 AND tahun = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, tahun);
  if (db_step(st) == DB_ROW) urut = db_col_int64(st, 0);
  db_done(st);
  char nomor[40];
  snprintf(nomor, sizeof nomor, "PGH/%d/%04lld", tahun, (long long)(urut + 1));
  st = db_prepare(db,
    "INSERT INTO penghargaan (instansi_id, aturan_id, pegawai_id, unit_kerja_id, tahun, nomor, alasan, diterbitkan_oleh,"
    "                         penerbit_nama, penerbit_jabatan, diterbitkan, persetujuan)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, aturan);
  db_bind_int64(st, 3, pegawai);
  db_bind_id(st, 4, unit);
  db_bind_int64(st, 5, tahun);
  db_bind_text(st, 6, nomor);
  db_bind_text(st, 7, alasan);
  db_bind_int64(st, 8, pengguna_id);
  db_bind_text(st, 9, penerbit);
  db_bind_text(st, 10, jabatan);
  db_bind_int64(st, 11, now_unix());
  s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  json_t *after = penghargaan_json(db, *out_id);
  rc = after ? audit_append(db, who, instansi_id, "penghargaan.terbitkan", "penghargaan", *out_id, NULL, after) : -1;
  json_decref(after);
  if (rc != 0) return -1;
  char isi[300];
  snprintf(isi, sizeof isi, "Anda menerima piagam \"%s\" tahun %d. Piagam hanya tampil bagi rekan kerja bila Anda menyetujuinya.",
           aturan_nama, tahun);
  return notifikasi_kirim(db, pegawai, "Piagam penghargaan", isi, "#/penghargaan");
}

int penghargaan_persetujuan(struct db *db, int64_t id, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                            json_t **errs, int *http, const char **pesan)
{
  static const char *const boleh[] = {"setuju", NULL};
  periksa_kunci(body, boleh, errs);
  json_t *v = json_object_get(body, "setuju");
  if (!json_is_boolean(v)) errs_add(errs, "setuju", "wajib diisi: true (boleh ditampilkan ke rekan kerja) atau false");
  if (errs_any(*errs)) return 1;
  int64_t owner = 0, inst = 0;
  int rc = penghargaan_pemilik(db, id, &owner, &inst);
  if (rc) return rc < 0 ? -1 : 2;
  if (owner != pegawai_id) { *http = 403; *pesan = "Hanya penerima piagam yang dapat mengatur persetujuan penayangannya."; return 3; }
  json_t *before = penghargaan_json(db, id);
  if (!before) return -1;
  struct db_stmt *st = db_prepare(db, "UPDATE penghargaan SET persetujuan = ?2, persetujuan_diubah = ?3 WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, json_is_true(v) ? 1 : 0);
  db_bind_int64(st, 3, now_unix());
  int s = db_step(st);
  db_done(st);
  json_t *after = s == DB_DONE ? penghargaan_json(db, id) : NULL;
  rc = after ? audit_append(db, who, inst, "penghargaan.persetujuan", "penghargaan", id, before, after) : -1;
  json_decref(before);
  json_decref(after);
  return rc;
}

json_t *penghargaan_list(struct db *db, const struct penghargaan_query *q)
{
  static const char WHERE[] =
    " WHERE (?1 = 0 OR g.instansi_id = ?1)"
    "   AND (?2 = 0 OR g.persetujuan = 1 OR g.pegawai_id = ?2 OR g.pegawai_id IN (WITH RECURSIVE turun(id, d) AS"
    "        (SELECT id, 0 FROM pegawai WHERE atasan_id = ?2 UNION ALL"
    "         SELECT c.id, t.d + 1 FROM pegawai c JOIN turun t ON c.atasan_id = t.id WHERE t.d < 32) SELECT id FROM turun))"
    "   AND (?3 = 0 OR g.unit_kerja_id IN (WITH RECURSIVE sub(id) AS (SELECT ?3 UNION ALL"
    "        SELECT u2.id FROM unit_kerja u2 JOIN sub ON u2.induk_id = sub.id) SELECT id FROM sub))"
    "   AND (?4 = 0 OR g.pegawai_id = ?4) AND (?5 = 0 OR g.tahun = ?5)";
  struct buf b;
  buf_init(&b, 8192);
  json_t *items = json_array();
  int64_t total = 0;
  int gagal = 0;
  for (int pass = 0; pass < 2 && !gagal; pass++) {
    buf_reset(&b);
    gagal |= buf_puts(&b, pass == 0 ? "SELECT " PGH_COLS PGH_FROM : "SELECT COUNT(*)" PGH_FROM);
    gagal |= buf_puts(&b, WHERE);
    if (pass == 0) gagal |= buf_puts(&b, " ORDER BY g.diterbitkan DESC, g.id DESC LIMIT ?6 OFFSET ?7");
    struct db_stmt *st = gagal ? NULL : db_prepare(db, b.data);
    if (!st) { gagal = 1; break; }
    db_bind_int64(st, 1, q->instansi_id);
    db_bind_int64(st, 2, q->pemirsa_id);
    db_bind_int64(st, 3, q->unit_kerja_id);
    db_bind_int64(st, 4, q->pegawai_id);
    db_bind_int64(st, 5, q->tahun);
    if (pass == 0) {
      db_bind_int64(st, 6, q->limit);
      db_bind_int64(st, 7, q->offset);
    }
    int s;
    while ((s = db_step(st)) == DB_ROW) {
      if (pass == 0) json_array_append_new(items, pgh_row(st));
      else total = db_col_int64(st, 0);
    }
    db_done(st);
    if (s != DB_DONE) gagal = 1;
  }
  buf_free(&b);
  if (gagal) { json_decref(items); return NULL; }
  return json_pack("{s:o,s:I,s:i,s:i}", "items", items, "total", (json_int_t)total, "limit", q->limit, "offset", q->offset);
}
