/* inovasi.c: the innovation register (see inovasi.h). */
#include "inovasi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "auth/rbac.h"
#include "rules/desimal.h"
#include "satu_baris.h"
#include "util/buf.h"
#include "util/errs.h"
#include "util/util.h"

static const char *const TAHAP[][2] = {
  {"diusulkan", "Diusulkan"}, {"diuji_coba", "Diuji coba"}, {"diterapkan", "Diterapkan"}, {"direplikasi", "Direplikasi"}};
#define NTAHAP (sizeof TAHAP / sizeof TAHAP[0])

const char *inovasi_tahap_label(const char *kode)
{
  for (size_t i = 0; kode && i < NTAHAP; i++)
    if (!strcmp(kode, TAHAP[i][0])) return TAHAP[i][1];
  return NULL;
}

/* ---- reading ---- */

#define COLS \
  "i.id, i.instansi_id, i.pegawai_id, p.nama, p.nip, i.unit_kerja_id, u.nama, i.judul, i.masalah, i.layanan," \
  " i.tahap, i.dampak_indikator, i.dampak_sebelum, i.dampak_sesudah, i.dampak_satuan, i.status, i.catatan," \
  " i.validator_id, v.nama, i.divalidasi, i.tanggal_validasi, i.tahun, i.dibuat, i.diubah," \
  " (SELECT COUNT(*) FROM bukti b WHERE b.inovasi_id = i.id AND b.dihapus = 0)"
#define FROM \
  " FROM inovasi i JOIN pegawai p ON p.id = i.pegawai_id LEFT JOIN unit_kerja u ON u.id = i.unit_kerja_id" \
  " LEFT JOIN pegawai v ON v.id = i.validator_id"

static json_t *opt_text(struct db_stmt *st, int col)
{
  return db_col_is_null(st, col) ? json_null() : json_string(db_col_text(st, col));
}

/* The change (sesudah - sebelum) / sebelum in percent, one decimal, as a JSON number; null when
 * sebelum is zero or a value does not parse. */
static json_t *perubahan(const char *sebelum, const char *sesudah)
{
  struct pecahan a, b, d, r;
  if (!sebelum || !sesudah || pecahan_dari_teks(sebelum, &a) != 0 || pecahan_dari_teks(sesudah, &b) != 0 || pecahan_nol(a))
    return json_null();
  if (pecahan_kurang(b, a, &d) != 0 || pecahan_bagi(d, a, &r) != 0 || pecahan_kali(r, pecahan_bulat(100), &r) != 0)
    return json_null();
  return json_real((double)pecahan_skala(r, 1) / 10.0);
}

static json_t *row_json(struct db_stmt *st)
{
  json_t *j = json_pack("{s:I,s:I,s:{s:I,s:s,s:s},s:s,s:s,s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:I}",
    "id", (json_int_t)db_col_int64(st, 0), "instansi_id", (json_int_t)db_col_int64(st, 1),
    "pegawai", "id", (json_int_t)db_col_int64(st, 2), "nama", db_col_text(st, 3), "nip", db_col_text(st, 4),
    "judul", db_col_text(st, 7), "masalah", db_col_text(st, 8), "layanan", db_col_text(st, 9),
    "tahap", db_col_text(st, 10), "tahap_label", inovasi_tahap_label(db_col_text(st, 10)),
    "status", db_col_text(st, 15), "tahun", (json_int_t)db_col_int64(st, 21),
    "dibuat", (json_int_t)db_col_int64(st, 22), "diubah", (json_int_t)db_col_int64(st, 23),
    "bukti_jumlah", (json_int_t)db_col_int64(st, 24));
  if (!j) return NULL;
  json_object_set_new(j, "unit_kerja", db_col_is_null(st, 5) ? json_null()
                      : json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 5), "nama", db_col_is_null(st, 6) ? "" : db_col_text(st, 6)));
  if (db_col_is_null(st, 11)) {
    json_object_set_new(j, "dampak", json_null());
  } else {
    json_t *d = json_pack("{s:s,s:s,s:s,s:s}", "indikator", db_col_text(st, 11), "sebelum", db_col_text(st, 12),
                          "sesudah", db_col_text(st, 13), "satuan", db_col_text(st, 14));
    if (d) json_object_set_new(d, "perubahan_persen", perubahan(db_col_text(st, 12), db_col_text(st, 13)));
    json_object_set_new(j, "dampak", d ? d : json_null());
  }
  json_object_set_new(j, "catatan", opt_text(st, 16));
  json_object_set_new(j, "validator", db_col_is_null(st, 17) ? json_null()
                      : json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 17), "nama", db_col_is_null(st, 18) ? "" : db_col_text(st, 18)));
  json_object_set_new(j, "divalidasi", db_col_is_null(st, 19) ? json_null() : json_integer(db_col_int64(st, 19)));
  json_object_set_new(j, "tanggal_validasi", opt_text(st, 20));
  return j;
}

json_t *inovasi_json(struct db *db, int64_t id)
{
  return satu_baris_json(db, "SELECT " COLS FROM " WHERE i.id = ?1", id, row_json);
}

int inovasi_pemilik(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id)
{
  return satu_baris_pemilik(db, "SELECT pegawai_id, instansi_id FROM inovasi WHERE id = ?1", id, pegawai_id, instansi_id);
}

/* ---- input ---- */

struct isi {
  const char *judul, *masalah, *layanan, *tahap;
  bool ada_dampak;          /* the member "dampak" was sent */
  bool dampak_null;         /* ... as null: clear it */
  const char *indikator, *satuan;
  char sebelum[32], sesudah[32];
};

static const char *teks_f(json_t *body, const char *key, const char *field, bool wajib, size_t min, size_t max, bool baris,
                        const char *contoh, json_t **errs)
{
  json_t *v = json_object_get(body, key);
  if (!v || json_is_null(v)) {
    if (wajib) errs_addf(errs, field, "wajib diisi%s%s", contoh ? ", misalnya " : "", contoh ? contoh : "");
    return NULL;
  }
  const char *s = json_string_value(v);
  if (!s || strlen(s) != json_string_length(v)) { errs_add(errs, field, "harus berupa teks"); return NULL; }
  size_t n = strlen(s);
  if (n < min || n > max) { errs_addf(errs, field, "panjang harus %zu-%zu karakter", min, max); return NULL; }
  if (!text_clean(s, baris)) { errs_add(errs, field, "mengandung karakter kendali yang tidak diizinkan"); return NULL; }
  return s;
}

static const char *teks(json_t *body, const char *key, bool wajib, size_t min, size_t max, bool baris,
                        const char *contoh, json_t **errs)
{
  return teks_f(body, key, key, wajib, min, max, baris, contoh, errs);
}

/* A non-negative decimal as string or number into out (normalised: '.' as separator). */
static bool nilai(json_t *d, const char *key, const char *field, char out[32], json_t **errs)
{
  json_t *v = json_object_get(d, key);
  char tmp[64];
  if (json_is_integer(v) && json_integer_value(v) >= 0) {
    snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
  } else if (json_is_real(v) && json_real_value(v) >= 0 && json_real_value(v) < 1e12) {
    snprintf(tmp, sizeof tmp, "%.6f", json_real_value(v));
    size_t n = strlen(tmp);
    while (n > 0 && tmp[n - 1] == '0') tmp[--n] = 0;
    if (n > 0 && tmp[n - 1] == '.') tmp[--n] = 0;
  } else if (json_is_string(v) && json_string_length(v) < sizeof tmp) {
    str_copy(tmp, sizeof tmp, json_string_value(v));
  } else {
    errs_add(errs, field, "wajib diisi: angka tidak negatif, misalnya 14 atau 2,5");
    return false;
  }
  struct pecahan p;
  if (pecahan_dari_teks(tmp, &p) != 0) { errs_add(errs, field, "harus angka tidak negatif, misalnya 14 atau 2,5 (paling banyak 6 desimal)"); return false; }
  size_t o = 0;
  for (const char *s = tmp; *s && o + 1 < 32; s++) {
    if (*s == ' ') continue;
    out[o++] = *s == ',' ? '.' : *s;
  }
  out[o] = 0;
  return true;
}

static int baca_isi(json_t *body, bool baru, struct isi *x, json_t **errs)
{
  static const char *const boleh[] = {"judul", "masalah", "layanan", "tahap", "dampak", NULL};
  memset(x, 0, sizeof *x);
  if (!json_is_object(body)) { errs_add(errs, "body", "harus objek JSON"); return 1; }
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool ok = false;
    for (const char *const *p = boleh; *p && !ok; p++) ok = !strcmp(k, *p);
    if (!ok) errs_add(errs, k, "kolom tidak dikenal");
  }
  x->judul = teks(body, "judul", baru, 5, INOVASI_JUDUL_MAKS, false, "\"Antrean daring layanan KTP\"", errs);
  x->masalah = teks(body, "masalah", baru, 10, INOVASI_TEKS_MAKS, true, NULL, errs);
  x->layanan = teks(body, "layanan", baru, 3, INOVASI_JUDUL_MAKS, false, "\"Layanan mutasi guru\"", errs);
  x->tahap = teks(body, "tahap", baru, 1, 32, false, NULL, errs);
  if (x->tahap && !inovasi_tahap_label(x->tahap)) {
    errs_add(errs, "tahap", "harus diusulkan, diuji_coba, diterapkan atau direplikasi");
    x->tahap = NULL;
  }
  json_t *d = json_object_get(body, "dampak");
  if (d) {
    x->ada_dampak = true;
    if (json_is_null(d)) {
      x->dampak_null = true;
    } else if (!json_is_object(d)) {
      errs_add(errs, "dampak", "harus objek {indikator, sebelum, sesudah, satuan} atau null");
    } else {
      json_object_foreach(d, k, v)
        if (strcmp(k, "indikator") && strcmp(k, "sebelum") && strcmp(k, "sesudah") && strcmp(k, "satuan"))
          errs_addf(errs, "dampak", "kolom %s tidak dikenal", k);
      x->indikator = teks_f(d, "indikator", "dampak.indikator", true, 3, INOVASI_JUDUL_MAKS, false, "\"Waktu penyelesaian izin\"", errs);
      x->satuan = teks_f(d, "satuan", "dampak.satuan", true, 1, 40, false, "\"hari\"", errs);
      nilai(d, "sebelum", "dampak.sebelum", x->sebelum, errs);
      nilai(d, "sesudah", "dampak.sesudah", x->sesudah, errs);
    }
  }
  return errs_any(*errs) ? 1 : 0;
}

/* ---- writes ---- */

static int audit_baris(struct db *db, const struct audit_actor *who, int64_t inst, const char *aksi, int64_t id, json_t *before)
{
  json_t *after = inovasi_json(db, id);
  int rc = after ? audit_append(db, who, inst, aksi, "inovasi", id, before, after) : -1;
  json_decref(after);
  return rc;
}

static int tahun_ini(void)
{
  char t[11];
  date_today(7, t);
  return (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
}

int inovasi_buat(struct db *db, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                 json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  struct isi x;
  if (baca_isi(body, true, &x, errs)) return 1;
  int64_t inst = 0, unit = 0, atasan = 0;
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, COALESCE(unit_kerja_id, 0), COALESCE(atasan_id, 0) FROM pegawai WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  int s = db_step(st);
  if (s == DB_ROW) { inst = db_col_int64(st, 0); unit = db_col_int64(st, 1); atasan = db_col_int64(st, 2); }
  db_done(st);
  if (s == DB_DONE) { *http = 403; *pesan = "akun ini tidak terhubung dengan pegawai yang ada"; return 3; }
  if (s != DB_ROW) return -1;
  bool dampak = x.ada_dampak && !x.dampak_null;
  int64_t now = now_unix();
  st = db_prepare(db,
    "INSERT INTO inovasi (instansi_id, pegawai_id, unit_kerja_id, judul, masalah, layanan, tahap, dampak_indikator,"
    "                     dampak_sebelum, dampak_sesudah, dampak_satuan, status, tahun, dibuat, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'diajukan', ?12, ?13, ?13) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, pegawai_id);
  db_bind_id(st, 3, unit);
  db_bind_text(st, 4, x.judul);
  db_bind_text(st, 5, x.masalah);
  db_bind_text(st, 6, x.layanan);
  db_bind_text(st, 7, x.tahap);
  db_bind_text(st, 8, dampak ? x.indikator : NULL);
  db_bind_text(st, 9, dampak ? x.sebelum : NULL);
  db_bind_text(st, 10, dampak ? x.sesudah : NULL);
  db_bind_text(st, 11, dampak ? x.satuan : NULL);
  db_bind_int64(st, 12, tahun_ini());
  db_bind_int64(st, 13, now);
  s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  if (audit_baris(db, who, inst, "inovasi.buat", *out_id, NULL) != 0) return -1;
  if (atasan) return notifikasi_kirim(db, atasan, "Inovasi menunggu validasi",
                                      "Seorang bawahan Anda mencatat inovasi yang perlu divalidasi.", "#/inovasi");
  return 0;
}

/* Loads owner, instansi and status; 0, 2 absent, -1 error. */
static int muat(struct db *db, int64_t id, int64_t *owner, int64_t *inst, char status[16])
{
  struct db_stmt *st = db_prepare(db, "SELECT pegawai_id, instansi_id, status FROM inovasi WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) {
    *owner = db_col_int64(st, 0);
    *inst = db_col_int64(st, 1);
    str_copy(status, 16, db_col_text(st, 2));
  }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 2 : -1;
}

int inovasi_ubah(struct db *db, int64_t id, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                 json_t **errs, int *http, const char **pesan)
{
  struct isi x;
  if (baca_isi(body, false, &x, errs)) return 1;
  int64_t owner = 0, inst = 0;
  char status[16];
  int rc = muat(db, id, &owner, &inst, status);
  if (rc) return rc;
  if (owner != pegawai_id) { *http = 403; *pesan = "Hanya pegawai pencatat yang dapat mengubah inovasi ini."; return 3; }
  json_t *before = inovasi_json(db, id);
  if (!before) return -1;
  bool dampak = x.ada_dampak && !x.dampak_null;
  struct db_stmt *st = db_prepare(db,
    "UPDATE inovasi SET judul = COALESCE(?2, judul), masalah = COALESCE(?3, masalah), layanan = COALESCE(?4, layanan),"
    "       tahap = COALESCE(?5, tahap),"
    "       dampak_indikator = CASE WHEN ?6 = 1 THEN ?7 ELSE dampak_indikator END,"
    "       dampak_sebelum = CASE WHEN ?6 = 1 THEN ?8 ELSE dampak_sebelum END,"
    "       dampak_sesudah = CASE WHEN ?6 = 1 THEN ?9 ELSE dampak_sesudah END,"
    "       dampak_satuan = CASE WHEN ?6 = 1 THEN ?10 ELSE dampak_satuan END,"
    "       status = 'diajukan', validator_id = CASE WHEN status = 'divalidasi' THEN NULL ELSE validator_id END,"
    "       divalidasi = NULL, tanggal_validasi = NULL,"
    "       tahun = CASE WHEN status = 'divalidasi' THEN ?11 ELSE tahun END, diubah = ?12"
    " WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, x.judul);
  db_bind_text(st, 3, x.masalah);
  db_bind_text(st, 4, x.layanan);
  db_bind_text(st, 5, x.tahap);
  db_bind_int64(st, 6, x.ada_dampak ? 1 : 0);
  db_bind_text(st, 7, dampak ? x.indikator : NULL);
  db_bind_text(st, 8, dampak ? x.sebelum : NULL);
  db_bind_text(st, 9, dampak ? x.sesudah : NULL);
  db_bind_text(st, 10, dampak ? x.satuan : NULL);
  db_bind_int64(st, 11, tahun_ini());
  db_bind_int64(st, 12, now_unix());
  int s = db_step(st);
  db_done(st);
  rc = s == DB_DONE ? audit_baris(db, who, inst, "inovasi.ubah", id, before) : -1;
  json_decref(before);
  return rc;
}

int inovasi_hapus(struct db *db, int64_t id, int64_t pegawai_id, const struct audit_actor *who,
                  int *http, const char **pesan)
{
  int64_t owner = 0, inst = 0;
  char status[16];
  int rc = muat(db, id, &owner, &inst, status);
  if (rc) return rc;
  if (owner != pegawai_id) { *http = 403; *pesan = "Hanya pegawai pencatat yang dapat menghapus inovasi ini."; return 3; }
  if (!strcmp(status, "divalidasi")) { *http = 409; *pesan = "Inovasi yang sudah divalidasi tidak dapat dihapus."; return 3; }
  json_t *before = inovasi_json(db, id);
  if (!before) return -1;
  struct db_stmt *st = db_prepare(db, "UPDATE bukti SET inovasi_id = NULL WHERE inovasi_id = ?1");
  int s = st ? (db_bind_int64(st, 1, id), db_step(st)) : DB_ERROR;
  if (st) db_done(st);
  if (s == DB_DONE) {
    st = db_prepare(db, "DELETE FROM inovasi WHERE id = ?1");
    s = st ? (db_bind_int64(st, 1, id), db_step(st)) : DB_ERROR;
    if (st) db_done(st);
  }
  rc = s == DB_DONE ? audit_append(db, who, inst, "inovasi.hapus", "inovasi", id, before, NULL) : -1;
  json_decref(before);
  return rc;
}

int inovasi_putus(struct db *db, int64_t id, int64_t validator_id, bool setuju, json_t *body,
                  const struct audit_actor *who, json_t **errs, int *http, const char **pesan)
{
  const char *k;
  json_t *v;
  if (body && json_is_object(body))
    json_object_foreach(body, k, v)
      if (strcmp(k, "catatan")) errs_add(errs, k, "kolom tidak dikenal");
  const char *catatan = body ? teks(body, "catatan", !setuju, setuju ? 1 : 5, INOVASI_TEKS_MAKS, true, NULL, errs) : NULL;
  if (!setuju && !catatan && !errs_any(*errs)) errs_add(errs, "catatan", "wajib diisi: apa yang perlu diperbaiki");
  if (errs_any(*errs)) return 1;
  int64_t owner = 0, inst = 0;
  char status[16];
  int rc = muat(db, id, &owner, &inst, status);
  if (rc) return rc;
  if (owner == validator_id) {
    *http = 403;
    *pesan = "Inovasi Anda sendiri tidak dapat Anda validasi; validasi dilakukan oleh atasan Anda.";
    return 3;
  }
  int sub = rbac_in_subtree(db, validator_id, owner);
  if (sub < 0) return -1;
  if (!sub) { *http = 403; *pesan = "Hanya atasan dalam rantai atasan pegawai pencatat yang dapat memvalidasi inovasi ini."; return 3; }
  if (strcmp(status, "diajukan")) {
    *http = 409;
    *pesan = !strcmp(status, "divalidasi") ? "Inovasi ini sudah divalidasi." : "Inovasi ini sudah dikembalikan dan menunggu perbaikan pegawai.";
    return 3;
  }
  json_t *before = inovasi_json(db, id);
  if (!before) return -1;
  char hari[11];
  date_today(7, hari);
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db,
    "UPDATE inovasi SET status = ?2, catatan = ?3, validator_id = ?4, divalidasi = ?5, tanggal_validasi = ?6,"
    "       tahun = CASE WHEN ?2 = 'divalidasi' THEN ?7 ELSE tahun END, diubah = ?8 WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, setuju ? "divalidasi" : "dikembalikan");
  db_bind_text(st, 3, catatan);
  db_bind_int64(st, 4, validator_id);
  if (setuju) db_bind_int64(st, 5, now); else db_bind_null(st, 5);
  db_bind_text(st, 6, setuju ? hari : NULL);
  db_bind_int64(st, 7, tahun_ini());
  db_bind_int64(st, 8, now);
  int s = db_step(st);
  db_done(st);
  rc = s == DB_DONE ? audit_baris(db, who, inst, setuju ? "inovasi.validasi" : "inovasi.kembalikan", id, before) : -1;
  json_decref(before);
  if (rc != 0) return -1;
  return notifikasi_kirim(db, owner, setuju ? "Inovasi divalidasi" : "Inovasi dikembalikan",
                          setuju ? "Inovasi Anda divalidasi atasan dan menjadi bukti dalam penilaian kinerja."
                                 : catatan, "#/inovasi");
}

/* ---- list ---- */

json_t *inovasi_list(struct db *db, const struct inovasi_query *q, const char **bad)
{
  *bad = NULL;
  if (q->tahap && !inovasi_tahap_label(q->tahap)) { *bad = "tahap"; return NULL; }
  if (q->status && strcmp(q->status, "diajukan") && strcmp(q->status, "divalidasi") && strcmp(q->status, "dikembalikan")) { *bad = "status"; return NULL; }
  const char *order = " ORDER BY i.diubah DESC, i.id DESC";
  if (q->urut && !strcmp(q->urut, "judul")) order = " ORDER BY i.judul COLLATE NOCASE, i.id";
  else if (q->urut && !strcmp(q->urut, "tahap"))
    order = " ORDER BY CASE i.tahap WHEN 'direplikasi' THEN 0 WHEN 'diterapkan' THEN 1 WHEN 'diuji_coba' THEN 2 ELSE 3 END, i.diubah DESC, i.id DESC";
  else if (q->urut && strcmp(q->urut, "terbaru")) { *bad = "urut"; return NULL; }
  /* the filters without tahap (per_tahap counts these), each with a fixed parameter number */
  struct buf w;
  buf_init(&w, 4096);
  int gagal = buf_puts(&w, " WHERE 1 = 1");
  if (q->instansi_id) gagal |= buf_puts(&w, " AND i.instansi_id = ?1");
  if (q->scope_root)
    gagal |= buf_puts(&w, " AND (i.pegawai_id = ?2 OR i.pegawai_id IN (WITH RECURSIVE turun(id, d) AS"
                          " (SELECT id, 0 FROM pegawai WHERE atasan_id = ?2 UNION ALL"
                          " SELECT c.id, t.d + 1 FROM pegawai c JOIN turun t ON c.atasan_id = t.id WHERE t.d < 32)"
                          " SELECT id FROM turun))");
  if (q->pegawai_id) gagal |= buf_puts(&w, " AND i.pegawai_id = ?3");
  if (q->unit_kerja_id)
    gagal |= buf_puts(&w, " AND i.unit_kerja_id IN (WITH RECURSIVE sub(id) AS (SELECT ?4 UNION ALL"
                          " SELECT u2.id FROM unit_kerja u2 JOIN sub ON u2.induk_id = sub.id) SELECT id FROM sub)");
  if (q->tanpa_pegawai) gagal |= buf_puts(&w, " AND i.pegawai_id <> ?5");
  if (q->status) gagal |= buf_puts(&w, " AND i.status = ?6");
  if (q->tahun) gagal |= buf_puts(&w, " AND i.tahun = ?7");
  if (q->q && *q->q) gagal |= buf_puts(&w, " AND (i.judul LIKE ?8 ESCAPE '\\' OR i.masalah LIKE ?8 ESCAPE '\\'"
                                          " OR i.layanan LIKE ?8 ESCAPE '\\' OR p.nama LIKE ?8 ESCAPE '\\')");
  char like[300] = "";
  if (q->q && *q->q) {
    size_t o = 0;
    like[o++] = '%';
    for (const char *s = q->q; *s && o + 3 < sizeof like; s++) {
      if (*s == '%' || *s == '_' || *s == '\\') like[o++] = '\\';
      like[o++] = *s;
    }
    like[o++] = '%';
    like[o] = 0;
  }
  struct buf sql;
  buf_init(&sql, 8192);
  json_t *out = NULL, *items = json_array(), *per = json_object();
  int64_t total = 0;
  for (int pass = 0; pass < 3 && !gagal; pass++) {
    buf_reset(&sql);
    if (pass == 0) {
      gagal |= buf_puts(&sql, "SELECT " COLS FROM);
      gagal |= buf_puts(&sql, w.data);
      if (q->tahap) gagal |= buf_puts(&sql, " AND i.tahap = ?9");
      gagal |= buf_puts(&sql, order);
      gagal |= buf_puts(&sql, " LIMIT ?10 OFFSET ?11");
    } else if (pass == 1) {
      gagal |= buf_puts(&sql, "SELECT COUNT(*)" FROM);
      gagal |= buf_puts(&sql, w.data);
      if (q->tahap) gagal |= buf_puts(&sql, " AND i.tahap = ?9");
    } else {
      gagal |= buf_puts(&sql, "SELECT i.tahap, COUNT(*)" FROM);
      gagal |= buf_puts(&sql, w.data);
      gagal |= buf_puts(&sql, " GROUP BY i.tahap");
    }
    if (gagal) break;
    struct db_stmt *st = db_prepare(db, sql.data);
    if (!st) { gagal = 1; break; }
    db_bind_int64(st, 1, q->instansi_id);
    db_bind_int64(st, 2, q->scope_root);
    db_bind_int64(st, 3, q->pegawai_id);
    db_bind_int64(st, 4, q->unit_kerja_id);
    db_bind_int64(st, 5, q->tanpa_pegawai);
    db_bind_text(st, 6, q->status);
    db_bind_int64(st, 7, q->tahun);
    db_bind_text(st, 8, like);
    db_bind_text(st, 9, q->tahap);
    db_bind_int64(st, 10, q->limit);
    db_bind_int64(st, 11, q->offset);
    int s;
    while ((s = db_step(st)) == DB_ROW) {
      if (pass == 0) json_array_append_new(items, row_json(st));
      else if (pass == 1) total = db_col_int64(st, 0);
      else json_object_set_new(per, db_col_text(st, 0), json_integer(db_col_int64(st, 1)));
    }
    db_done(st);
    if (s != DB_DONE) gagal = 1;
  }
  buf_free(&sql);
  buf_free(&w);
  if (gagal) { json_decref(items); json_decref(per); return NULL; }
  for (size_t i = 0; i < NTAHAP; i++)
    if (!json_object_get(per, TAHAP[i][0])) json_object_set_new(per, TAHAP[i][0], json_integer(0));
  out = json_pack("{s:o,s:I,s:i,s:i,s:o}", "items", items, "total", (json_int_t)total, "limit", q->limit,
                  "offset", q->offset, "per_tahap", per);
  return out;
}
