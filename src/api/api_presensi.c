/* api_presensi.c: attendance for tukin/TPP (issue 9): work schedules, import sources and CSV
 * import, records through the API, non-deduction statuses, and a pegawai's month. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_boleh.h"
#include "api/api_presensi.h"
#include "auth/rbac.h"
#include "org.h"
#include "presensi.h"
#include "util/util.h"

static int selesai(struct request *req, struct db *db, int rc, const char *what)
{
  if (api_end(req, db, rc) == 0) return 0;
  if (req->status) return 1;
  if (rc == 1) reply_verr(req, 422);
  else if (rc == 2) reply_not_found(req, what);
  else reply_db_error(req);
  return 1;
}

/* The instansi an admin works on: own; superadmin names ?instansi_id=.  -1 replied. */
static int instansi_admin(struct request *req, int64_t *inst)
{
  if (!(req->who.peran & PERAN_SUPERADMIN)) { *inst = req->who.instansi_id; return 0; }
  if (api_query_id(req, "instansi_id", inst) != 0) return -1;
  if (!*inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); reply_verr(req, 422); return -1; }
  return 0;
}

int api_jadwal_get(struct request *req)
{
  int64_t inst, unit = 0;
  if (api_list_instansi(req, &inst) != 0 || api_query_id(req, "unit_kerja_id", &unit) != 0) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  if (unit && api_unit_boleh(req, db, unit, &inst)) return 0;
  if (!inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  json_t *j = jadwal_json(db, inst, unit);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_jadwal_put(struct request *req)
{
  int64_t inst = 0, unit = 0;
  json_t *u = json_object_get(req->json, "unit_kerja_id");
  if (u && !json_is_null(u) && (!json_is_integer(u) || json_integer_value(u) < 1)) { verr_add(req, "unit_kerja_id", "harus id unit kerja"); return reply_verr(req, 422); }
  unit = json_is_integer(u) ? json_integer_value(u) : 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  if (unit) {
    json_t *uj = unit_kerja_json(db, unit, &inst);
    if (!uj) { db_rollback(db); verr_add(req, "unit_kerja_id", "unit kerja tidak ditemukan"); return reply_verr(req, 422); }
    json_decref(uj);
  } else if (api_write_instansi(req, &inst) != 0) {
    db_rollback(db);
    return 0;
  }
  if (!rbac_instansi_admin(&req->who, inst)) { db_rollback(db); return reply_forbidden(req); }
  struct audit_actor who;
  http_actor(req, &who);
  int rc = jadwal_simpan(db, inst, unit, req->json, &who, &req->verr);
  if (selesai(req, db, rc, "Jadwal")) return 0;
  json_t *j = jadwal_json(http_db(req), inst, unit);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_presensi_sumber_list(struct request *req)
{
  int64_t inst;
  if (instansi_admin(req, &inst)) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = presensi_sumber_list(db, inst);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_presensi_sumber_simpan(struct request *req)
{
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  int64_t id = 0;
  json_t *body = json_deep_copy(req->json);
  json_object_del(body, "instansi_id");
  int rc = presensi_sumber_simpan(db, inst, body, &who, &req->verr, &id);
  json_decref(body);
  if (selesai(req, db, rc, "Sumber presensi")) return 0;
  return reply_json(req, 200, json_pack("{s:I}", "id", (json_int_t)id));
}

static int balas_impor(struct request *req, struct db *db, int rc, json_t *hasil)
{
  if (rc == 1) {
    api_end(req, db, rc);
    return reply_verr(req, 422);
  }
  if (selesai(req, db, rc, "Sumber presensi")) { json_decref(hasil); return 0; }
  return reply_json(req, 200, hasil);
}

int api_presensi_impor(struct request *req)
{
  int64_t inst, sumber = 0;
  if (instansi_admin(req, &inst) || api_query_id(req, "sumber_id", &sumber) != 0) return 0;
  if (!sumber) { verr_add(req, "sumber_id", "sebutkan ?sumber_id= (pemetaan kolom yang disimpan)"); return reply_verr(req, 422); }
  if (req->body.len == 0) return reply_problem(req, 400, "Berkas kosong", "Kirim isi berkas CSV sebagai badan permintaan.");
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  json_t *hasil = NULL;
  const char *uji = http_query(req, "uji");
  int rc = presensi_impor_csv(db, inst, sumber, req->body.data, req->body.len, uji && !strcmp(uji, "1"), &who, &req->verr, &hasil);
  return balas_impor(req, db, rc, hasil);
}

int api_presensi_simpan(struct request *req)
{
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  json_t *hasil = NULL;
  int rc = presensi_simpan_json(db, inst, req->json, &who, &req->verr, &hasil);
  return balas_impor(req, db, rc, hasil);
}

int api_presensi_status_tambah(struct request *req)
{
  int64_t id, inst = 0;
  struct db *db = api_pegawai_ubah(req, &id, &inst);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  int64_t out = 0;
  int rc = presensi_status_tambah(db, inst, id, req->json, &who, req->who.pengguna_id, &req->verr, &out);
  if (selesai(req, db, rc, "Pegawai")) return 0;
  return reply_json(req, 201, json_pack("{s:I,s:I}", "id", (json_int_t)out, "pegawai_id", (json_int_t)id));
}

int api_presensi_status_hapus(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = 0;
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id FROM presensi_status WHERE id = ?1");
  if (st) {
    db_bind_int64(st, 1, id);
    if (db_step(st) == DB_ROW) inst = db_col_int64(st, 0);
    db_done(st);
  }
  if (!inst) { db_rollback(db); return reply_not_found(req, "Status presensi"); }
  if (!rbac_instansi_admin(&req->who, inst)) { db_rollback(db); return reply_forbidden(req); }
  struct audit_actor who;
  http_actor(req, &who);
  int rc = presensi_status_hapus(db, id, &inst, &who);
  if (selesai(req, db, rc, "Status presensi")) return 0;
  return reply_no_content(req);
}

int api_pegawai_presensi(struct request *req)
{
  const char *b = http_query(req, "bulan");
  int tahun = 0, bulan = 0;
  char today[11];
  int64_t id, inst = 0;
  struct db *db = api_pegawai_baca(req, &id, &inst);
  if (!db) return 0;
  if (b) {
    if (strlen(b) != 7 || sscanf(b, "%4d-%2d", &tahun, &bulan) != 2 || tahun < 2000 || tahun > 2100 || bulan < 1 || bulan > 12) {
      verr_add(req, "bulan", "harus bulan YYYY-MM");
      return reply_verr(req, 422);
    }
  } else {
    date_today(7, today);
    tahun = atoi(today);
    bulan = atoi(today + 5);
  }
  json_t *j = presensi_bulan_json(db, id, tahun, bulan);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_shift_simpan(struct request *req)
{
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  int n = 0;
  int rc = presensi_shift_simpan(db, inst, req->json, &who, &req->verr, &n);
  if (selesai(req, db, rc, "Jadwal shift")) return 0;
  return reply_json(req, 200, json_pack("{s:i}", "disimpan", n));
}

int api_pegawai_shift(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  const char *b = http_query(req, "bulan");
  int tahun = 0, bulan = 0;
  if (!b || strlen(b) != 7 || sscanf(b, "%4d-%2d", &tahun, &bulan) != 2 || tahun < 2000 || tahun > 2100 || bulan < 1 || bulan > 12) {
    verr_add(req, "bulan", "harus bulan YYYY-MM");
    return reply_verr(req, 422);
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  if (api_pegawai_boleh(req, db, id, ACCESS_READ, NULL)) return 0;
  char dari[16], sampai[16];
  snprintf(dari, sizeof dari, "%s-01", b);
  snprintf(sampai, sizeof sampai, "%s-31", b);
  struct db_stmt *st = db_prepare(db, "SELECT tanggal, masuk, pulang, libur FROM jadwal_shift WHERE pegawai_id = ?1 AND tanggal BETWEEN ?2 AND ?3 ORDER BY tanggal");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, dari);
  db_bind_text(st, 3, sampai);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW)
    json_array_append_new(items, json_pack("{s:s,s:o,s:o,s:b}", "tanggal", db_col_text(st, 0),
      "masuk", db_col_is_null(st, 1) ? json_null() : json_string(db_col_text(st, 1)),
      "pulang", db_col_is_null(st, 2) ? json_null() : json_string(db_col_text(st, 2)), "libur", db_col_int64(st, 3) != 0));
  db_done(st);
  return reply_json(req, 200, json_pack("{s:I,s:s,s:o}", "pegawai_id", (json_int_t)id, "bulan", b, "items", items));
}
