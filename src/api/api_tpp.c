/* api_tpp.c: tunjangan kinerja / TPP (issue 9): rule tables from presets, their activation and
 * what-if, the monthly run (draft, recompute, approve and lock), results with their explanation,
 * a pegawai's own month, and disciplinary sanctions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "api/api.h"
#include "api/api_boleh.h"
#include "api/api_tpp.h"
#include "auth/rbac.h"
#include "tpp_bulan.h"
#include "tpp_json.h"
#include "util/errs.h"
#include "util/util.h"

static int selesai(struct request *req, struct db *db, int rc, int http, const char *pesan, const char *what)
{
  if (api_end(req, db, rc) == 0) return 0;
  if (req->status) return 1;
  if (rc == 1) reply_verr(req, 422);
  else if (rc == 2) reply_not_found(req, what);
  else if (rc == 3) reply_problem(req, http ? http : 409, "Tidak dapat diproses", pesan);
  else reply_db_error(req);
  return 1;
}

/* own instansi; superadmin ?instansi_id= (reads) */
static int instansi_q(struct request *req, int64_t *inst)
{
  if (api_list_instansi(req, inst) != 0) return -1;
  if (!*inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); reply_verr(req, 422); return -1; }
  return 0;
}

/* ---- presets and tables ---- */

int api_tpp_preset(struct request *req)
{
  json_t *items = json_array();
  struct tpp_aturan *a = malloc(sizeof *a);
  if (!a) { json_decref(items); return reply_db_error(req); }
  for (const char *const *k = TPP_PRESET; *k; k++)
    if (tpp_preset(*k, a) == 0) json_array_append_new(items, json_pack("{s:s,s:o}", "kode", *k, "aturan", tpp_aturan_json(a)));
  free(a);
  return reply_json(req, 200, json_pack("{s:o}", "items", items));
}

static json_t *aturan_baris(struct db_stmt *st, bool isi)
{
  json_t *j = json_pack("{s:I,s:I,s:s,s:s,s:o,s:o,s:I,s:I}", "id", (json_int_t)db_col_int64(st, 0), "instansi_id",
    (json_int_t)db_col_int64(st, 1), "nama", db_col_text(st, 2), "status", db_col_text(st, 3),
    "berlaku_mulai", db_col_is_null(st, 4) ? json_null() : json_string(db_col_text(st, 4)),
    "dari_preset", db_col_is_null(st, 6) ? json_null() : json_string(db_col_text(st, 6)), "dibuat", (json_int_t)db_col_int64(st, 7),
    "diubah", (json_int_t)db_col_int64(st, 8));
  if (isi && j) {
    json_t *raw = json_loads(db_col_text(st, 5), 0, NULL);
    struct tpp_aturan *a = malloc(sizeof *a);
    json_t *errs = NULL;
    if (raw && a && tpp_aturan_dari_json(raw, a, &errs) == 0) json_object_set_new(j, "aturan", tpp_aturan_json(a));
    else json_object_set_new(j, "aturan", raw ? json_incref(raw) : json_null());
    json_decref(errs);
    json_decref(raw);
    free(a);
  }
  return j;
}

#define ATURAN_KOLOM "id, instansi_id, nama, status, berlaku_mulai, isi, dari_preset, dibuat, diubah"

int api_tpp_aturan_list(struct request *req)
{
  int64_t inst;
  if (instansi_q(req, &inst)) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct db_stmt *st = db_prepare(db, "SELECT " ATURAN_KOLOM " FROM tpp_aturan WHERE instansi_id = ?1 ORDER BY id DESC LIMIT 200");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, inst);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW) json_array_append_new(items, aturan_baris(st, false));
  db_done(st);
  return reply_json(req, 200, json_pack("{s:o}", "items", items));
}

/* The table by id if the caller may read (read) or administer it.  NULL replied. */
static json_t *aturan_milik(struct request *req, struct db *db, int64_t id, bool tulis, char status[16], int64_t *inst)
{
  struct db_stmt *st = db_prepare(db, "SELECT " ATURAN_KOLOM " FROM tpp_aturan WHERE id = ?1");
  if (!st) { reply_db_error(req); return NULL; }
  db_bind_int64(st, 1, id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) {
    *inst = db_col_int64(st, 1);
    if (status) str_copy(status, 16, db_col_text(st, 3));
    j = aturan_baris(st, true);
  }
  db_done(st);
  if (!j) { reply_not_found(req, "Tabel TPP"); return NULL; }
  if (tulis ? !rbac_instansi_admin(&req->who, *inst) : !rbac_instansi_read(&req->who, *inst)) {
    json_decref(j);
    reply_forbidden(req);
    return NULL;
  }
  return j;
}

int api_tpp_aturan_get(struct request *req)
{
  int64_t id = http_param_id(req, "id"), inst = 0;
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = aturan_milik(req, db, id, false, NULL, &inst);
  return j ? reply_json(req, 200, j) : 0;
}

/* Validates a table document: 0 with its canonical JSON text, 1 field errors. */
static int periksa_isi(json_t *isi, char **teks, json_t **errs)
{
  struct tpp_aturan *a = malloc(sizeof *a);
  if (!a) return -1;
  int rc = tpp_aturan_dari_json(isi, a, errs);
  if (rc == 0) {
    json_t *full = tpp_aturan_json(a);
    *teks = full ? json_dumps(full, JSON_COMPACT) : NULL;
    json_decref(full);
    if (!*teks) rc = -1;
  }
  free(a);
  return rc;
}

int api_tpp_aturan_buat(struct request *req)
{
  static const char *const boleh[] = {"nama", "preset", "salin_dari", "aturan", "instansi_id", NULL};
  jbody_only(req, boleh);
  const char *nama = NULL, *preset = NULL;
  int64_t salin = 0, inst;
  jbody_string(req, "nama", true, 96, &nama);
  jbody_string(req, "preset", false, 32, &preset);
  jbody_int(req, "salin_dari", false, 1, INT64_MAX, &salin);
  json_t *isi = json_object_get(req->json, "aturan");
  if (!!preset + !!salin + !!isi != 1) verr_add(req, "preset", "isi tepat satu: preset, salin_dari atau aturan");
  if (verr_any(req)) return reply_verr(req, 422);
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  json_t *doc = NULL;
  if (preset) {
    doc = json_pack("{s:s,s:s}", "preset", preset, "nama", nama);
  } else if (salin) {
    char st_[16];
    int64_t si = 0;
    json_t *src = aturan_milik(req, db, salin, false, st_, &si);
    if (!src) { db_rollback(db); return 0; }
    if (si != inst) { json_decref(src); db_rollback(db); verr_add(req, "salin_dari", "tabel instansi lain"); return reply_verr(req, 422); }
    doc = json_incref(json_object_get(src, "aturan"));
    json_decref(src);
    if (json_is_object(doc)) json_object_set_new(doc, "nama", json_string(nama));
  } else {
    doc = json_deep_copy(isi);
    if (json_is_object(doc)) json_object_set_new(doc, "nama", json_string(nama));
  }
  char *teks = NULL;
  int rc = doc ? periksa_isi(doc, &teks, &req->verr) : -1;
  json_decref(doc);
  int64_t id = 0;
  if (rc == 0) {
    struct db_stmt *st = db_prepare(db,
      "INSERT INTO tpp_aturan (instansi_id, nama, status, isi, dari_preset, dibuat, diubah) VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?5) RETURNING id");
    rc = -1;
    if (st) {
      db_bind_int64(st, 1, inst);
      db_bind_text(st, 2, nama);
      db_bind_text(st, 3, teks);
      db_bind_text(st, 4, preset);
      db_bind_int64(st, 5, now_unix());
      if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
      while (id && db_step(st) == DB_ROW) {}
      db_done(st);
      if (id) {
        struct audit_actor who;
        http_actor(req, &who);
        rc = audit_append(db, &who, inst, "tpp.aturan_buat", "tpp_aturan", id, NULL, req->json);
      }
    }
  }
  free(teks);
  if (selesai(req, db, rc, 0, NULL, "Tabel TPP")) return 0;
  int64_t i2;
  json_t *j = aturan_milik(req, http_db(req), id, false, NULL, &i2);
  return j ? reply_json(req, 201, j) : 0;
}

int api_tpp_aturan_ubah(struct request *req)
{
  int64_t id = http_param_id(req, "id"), inst = 0;
  if (!id) return 0;
  static const char *const boleh[] = {"nama", "aturan", NULL};
  jbody_only(req, boleh);
  const char *nama = NULL;
  jbody_string(req, "nama", false, 96, &nama);
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  char status[16];
  json_t *lama = aturan_milik(req, db, id, true, status, &inst);
  if (!lama) { db_rollback(db); return 0; }
  if (strcmp(status, "draft")) {
    json_decref(lama);
    db_rollback(db);
    return reply_problem(req, 409, "Tabel sudah aktif", "Tabel yang sudah aktif tidak diubah; salin menjadi tabel baru lalu ubah salinannya.");
  }
  json_t *doc = json_deep_copy(json_object_get(req->json, "aturan") ? json_object_get(req->json, "aturan") : json_object_get(lama, "aturan"));
  if (json_is_object(doc)) json_object_set_new(doc, "nama", json_string(nama ? nama : json_string_value(json_object_get(lama, "nama"))));
  char *teks = NULL;
  int rc = doc ? periksa_isi(doc, &teks, &req->verr) : -1;
  json_decref(doc);
  if (rc == 0) {
    struct db_stmt *st = db_prepare(db, "UPDATE tpp_aturan SET nama = COALESCE(?2, nama), isi = ?3, diubah = ?4 WHERE id = ?1");
    rc = -1;
    if (st) {
      db_bind_int64(st, 1, id);
      db_bind_text(st, 2, nama);
      db_bind_text(st, 3, teks);
      db_bind_int64(st, 4, now_unix());
      rc = db_step(st) == DB_DONE ? 0 : -1;
      db_done(st);
      if (rc == 0) {
        struct audit_actor who;
        http_actor(req, &who);
        rc = audit_append(db, &who, inst, "tpp.aturan_ubah", "tpp_aturan", id, json_object_get(lama, "aturan"), req->json);
      }
    }
  }
  free(teks);
  json_decref(lama);
  if (selesai(req, db, rc, 0, NULL, "Tabel TPP")) return 0;
  json_t *j = aturan_milik(req, http_db(req), id, false, NULL, &inst);
  return j ? reply_json(req, 200, j) : 0;
}

static int bulan_teks(const char *s, int *tahun, int *bulan)
{
  return s && strlen(s) == 7 && sscanf(s, "%4d-%2d", tahun, bulan) == 2 && *tahun >= 2000 && *tahun <= 2100 && *bulan >= 1 && *bulan <= 12 ? 0 : -1;
}

int api_tpp_aturan_aktifkan(struct request *req)
{
  int64_t id = http_param_id(req, "id"), inst = 0;
  if (!id) return 0;
  const char *mulai = NULL;
  jbody_string(req, "berlaku_mulai", true, 7, &mulai);
  int y = 0, m = 0;
  if (mulai && bulan_teks(mulai, &y, &m) != 0) verr_add(req, "berlaku_mulai", "harus bulan YYYY-MM");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  char status[16];
  json_t *lama = aturan_milik(req, db, id, true, status, &inst);
  if (!lama) { db_rollback(db); return 0; }
  int rc = 0, http = 0;
  const char *pesan = NULL;
  json_t *besaran = json_object_get(json_object_get(lama, "aturan"), "besaran_kelas");
  if (strcmp(status, "draft")) { rc = 3; http = 409; pesan = "Tabel ini sudah aktif."; }
  else if (!json_object_size(besaran)) { req->verr = NULL; errs_add(&req->verr, "aturan.besaran_kelas", "isi besaran TPP per kelas jabatan sebelum diaktifkan"); rc = 1; }
  /* a month already approved under an older table keeps it: activation may not reach back into it */
  if (rc == 0) {
    int64_t terkunci = 0;
    struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM tpp_bulan WHERE instansi_id = ?1 AND status = 'disetujui' AND tahun * 100 + bulan >= ?2");
    if (st) {
      db_bind_int64(st, 1, inst);
      db_bind_int64(st, 2, (int64_t)y * 100 + m);
      if (db_step(st) == DB_ROW) terkunci = db_col_int64(st, 0);
      db_done(st);
    }
    if (terkunci) { rc = 3; http = 409; pesan = "Sudah ada bulan TPP yang disetujui sejak bulan itu; pilih bulan setelahnya."; }
  }
  if (rc == 0) {
    struct db_stmt *st = db_prepare(db, "UPDATE tpp_aturan SET status = 'aktif', berlaku_mulai = ?2, diubah = ?3 WHERE id = ?1");
    rc = -1;
    if (st) {
      db_bind_int64(st, 1, id);
      db_bind_text(st, 2, mulai);
      db_bind_int64(st, 3, now_unix());
      rc = db_step(st) == DB_DONE ? 0 : -1;
      db_done(st);
    }
    if (rc == 0) {
      struct audit_actor who;
      http_actor(req, &who);
      rc = audit_append(db, &who, inst, "tpp.aturan_aktif", "tpp_aturan", id, NULL, req->json);
    }
  }
  json_decref(lama);
  if (selesai(req, db, rc, http, pesan, "Tabel TPP")) return 0;
  json_t *j = aturan_milik(req, http_db(req), id, false, NULL, &inst);
  return j ? reply_json(req, 200, j) : 0;
}

int api_tpp_simulasi(struct request *req)
{
  int64_t id = http_param_id(req, "id"), inst = 0;
  if (!id) return 0;
  const char *b = NULL;
  jbody_string(req, "bulan", true, 7, &b);
  int y = 0, m = 0;
  if (b && bulan_teks(b, &y, &m) != 0) verr_add(req, "bulan", "harus bulan YYYY-MM");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *t = aturan_milik(req, db, id, true, NULL, &inst);
  if (!t) return 0;
  json_decref(t);
  const char *pesan = NULL;
  json_t *j = tpp_simulasi(db, inst, id, y, m, &pesan);
  if (!j) return pesan ? reply_not_found(req, pesan) : reply_db_error(req);
  return reply_json(req, 200, j);
}

/* ---- months ---- */

int api_tpp_bulan_hitung(struct request *req)
{
  static const char *const boleh[] = {"bulan", "instansi_id", NULL};
  jbody_only(req, boleh);
  const char *b = NULL;
  jbody_string(req, "bulan", true, 7, &b);
  int y = 0, m = 0;
  if (b && bulan_teks(b, &y, &m) != 0) verr_add(req, "bulan", "harus bulan YYYY-MM");
  if (verr_any(req)) return reply_verr(req, 422);
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  int rc = tpp_bulan_hitung(db, inst, y, m, &who, &http, &pesan, &id);
  if (selesai(req, db, rc, http, pesan, "Bulan TPP")) return 0;
  int64_t i2;
  json_t *j = tpp_bulan_json(http_db(req), id, 0, 0, 50, &i2);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_tpp_bulan_list(struct request *req)
{
  int64_t inst;
  if (instansi_q(req, &inst)) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = tpp_bulan_daftar(db, inst);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_tpp_bulan_get(struct request *req)
{
  int64_t id = http_param_id(req, "id"), unit = 0, cursor = 0, inst = 0;
  if (!id) return 0;
  int limit;
  if (api_limit(req, &limit) != 0 || api_query_id(req, "unit_kerja_id", &unit) != 0 || api_query_id(req, "cursor", &cursor) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = tpp_bulan_json(db, id, unit, cursor, limit, &inst);
  if (!j) return reply_not_found(req, "Bulan TPP");
  if (!rbac_instansi_read(&req->who, inst) || !rbac_reads_instansi(&req->who)) { json_decref(j); return reply_forbidden(req); }
  return reply_json(req, 200, j);
}

int api_tpp_bulan_setujui(struct request *req)
{
  int64_t id = http_param_id(req, "id"), inst = 0;
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  json_t *b = tpp_bulan_json(db, id, 0, 0, 1, &inst);
  if (!b) { db_rollback(db); return reply_not_found(req, "Bulan TPP"); }
  json_decref(b);
  if (!rbac_instansi_admin(&req->who, inst)) { db_rollback(db); return reply_forbidden(req); }
  struct audit_actor who;
  http_actor(req, &who);
  int http = 0;
  const char *pesan = NULL;
  int rc = tpp_bulan_setujui(db, id, req->who.pengguna_id, &who, &http, &pesan);
  if (selesai(req, db, rc, http, pesan, "Bulan TPP")) return 0;
  json_t *j = tpp_bulan_json(http_db(req), id, 0, 0, 50, &inst);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

/* A pegawai's result: the pegawai, their atasan chain, the instansi's readers. */
static int hasil_untuk(struct request *req, struct db *db, int64_t bulan_id, int64_t pegawai_id)
{
  if (api_pegawai_boleh(req, db, pegawai_id, ACCESS_READ, NULL)) return 0;
  json_t *j = bulan_id > 0 ? tpp_hasil_json(db, bulan_id, pegawai_id) : NULL;
  return j ? reply_json(req, 200, j) : reply_not_found(req, "TPP bulan itu");
}

int api_tpp_hasil(struct request *req)
{
  int64_t id = http_param_id(req, "id"), pid = http_param_id(req, "pegawai_id");
  if (!id || !pid) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  return hasil_untuk(req, db, id, pid);
}

int api_pegawai_tpp(struct request *req)
{
  int64_t pid = http_param_id(req, "id");
  if (!pid) return 0;
  int y = 0, m = 0;
  const char *b = http_query(req, "bulan");
  if (!b || bulan_teks(b, &y, &m) != 0) { verr_add(req, "bulan", "harus bulan YYYY-MM"); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t inst = 0;
  if (db_query_int64(db, "SELECT instansi_id FROM pegawai WHERE id = ?1", 1, pid, &inst) != DB_ROW) return reply_not_found(req, "Pegawai");
  return hasil_untuk(req, db, tpp_bulan_cari(db, inst, y, m), pid);
}

/* ---- sanctions ---- */

int api_tpp_sanksi_tambah(struct request *req)
{
  int64_t pid = http_param_id(req, "id");
  if (!pid) return 0;
  static const char *const boleh[] = {"kode", "persen", "mulai", "bulan", "keterangan", NULL};
  jbody_only(req, boleh);
  const char *kode = NULL, *mulai = NULL, *ket = NULL;
  int64_t bulan = 0;
  jbody_string(req, "kode", false, 15, &kode);
  jbody_string(req, "mulai", true, 7, &mulai);
  jbody_string(req, "keterangan", false, 159, &ket);
  jbody_int(req, "bulan", true, 1, 36, &bulan);
  /* percent with at most two decimals, kept as hundredths of a percent */
  json_t *p = json_object_get(req->json, "persen");
  double pr = json_is_number(p) ? json_number_value(p) : -1;
  int64_t bp = (int64_t)llround(pr * 100);
  if (pr < 0 || pr > 100 || fabs(pr * 100 - (double)bp) > 1e-6) verr_add(req, "persen", "harus 0-100 dengan paling banyak 2 desimal");
  int y, m;
  if (mulai && bulan_teks(mulai, &y, &m) != 0) verr_add(req, "mulai", "harus bulan YYYY-MM");
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = 0;
  if (api_pegawai_boleh(req, db, pid, ACCESS_ADMIN, &inst)) { db_rollback(db); return 0; }
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO tpp_sanksi (instansi_id, pegawai_id, kode, persen, mulai, bulan, keterangan, dibuat) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
  int64_t id = 0;
  int rc = -1;
  if (st) {
    db_bind_int64(st, 1, inst);
    db_bind_int64(st, 2, pid);
    db_bind_text(st, 3, kode);
    db_bind_int64(st, 4, bp);
    db_bind_text(st, 5, mulai);
    db_bind_int64(st, 6, bulan);
    db_bind_text(st, 7, ket);
    db_bind_int64(st, 8, now_unix());
    if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
    while (id && db_step(st) == DB_ROW) {}
    db_done(st);
    if (id) {
      struct audit_actor who;
      http_actor(req, &who);
      rc = audit_append(db, &who, inst, "tpp.sanksi", "tpp_sanksi", id, NULL, req->json);
    }
  }
  if (selesai(req, db, rc, 0, NULL, "Pegawai")) return 0;
  return reply_json(req, 201, json_pack("{s:I,s:I,s:I}", "id", (json_int_t)id, "pegawai_id", (json_int_t)pid, "persen_bp", (json_int_t)bp));
}

int api_tpp_sanksi_hapus(struct request *req)
{
  int64_t id = http_param_id(req, "id"), inst = 0;
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  if (db_query_int64(db, "SELECT instansi_id FROM tpp_sanksi WHERE id = ?1", 1, id, &inst) != DB_ROW) {
    db_rollback(db);
    return reply_not_found(req, "Sanksi");
  }
  if (!rbac_instansi_admin(&req->who, inst)) { db_rollback(db); return reply_forbidden(req); }
  struct db_stmt *st = db_prepare(db, "DELETE FROM tpp_sanksi WHERE id = ?1");
  int rc = -1;
  if (st) {
    db_bind_int64(st, 1, id);
    rc = db_step(st) == DB_DONE ? 0 : -1;
    db_done(st);
  }
  if (rc == 0) {
    struct audit_actor who;
    http_actor(req, &who);
    rc = audit_append(db, &who, inst, "tpp.sanksi_hapus", "tpp_sanksi", id, NULL, NULL);
  }
  if (selesai(req, db, rc, 0, NULL, "Sanksi")) return 0;
  return reply_no_content(req);
}

int api_tpp_sanksi_list(struct request *req)
{
  int64_t pid;
  struct db *db = api_pegawai_baca_instansi(req, &pid);
  if (!db) return 0;
  struct db_stmt *st = db_prepare(db, "SELECT id, kode, persen, mulai, bulan, keterangan, dibuat FROM tpp_sanksi WHERE pegawai_id = ?1 ORDER BY mulai DESC, id DESC");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, pid);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW)
    json_array_append_new(items, json_pack("{s:I,s:o,s:I,s:s,s:I,s:o,s:I}", "id", (json_int_t)db_col_int64(st, 0),
      "kode", db_col_is_null(st, 1) ? json_null() : json_string(db_col_text(st, 1)), "persen_bp", (json_int_t)db_col_int64(st, 2),
      "mulai", db_col_text(st, 3), "bulan", (json_int_t)db_col_int64(st, 4),
      "keterangan", db_col_is_null(st, 5) ? json_null() : json_string(db_col_text(st, 5)), "dibuat", (json_int_t)db_col_int64(st, 6)));
  db_done(st);
  return reply_json(req, 200, json_pack("{s:I,s:o}", "pegawai_id", (json_int_t)pid, "items", items));
}
