/* api_analitik.c: the explainable analytics (issue 8 point 2): rater leniency, evidence gaps,
 * the talent view with potensi, development recommendations and the training catalogue. */
#include <stdio.h>
#include <string.h>

#include "analitik.h"
#include "api/api.h"
#include "api/api_analitik.h"
#include "api/api_boleh.h"
#include "auth/rbac.h"
#include "util/util.h"

static int finish(struct request *req, struct db *db, int rc, const char *what)
{
  if (api_end(req, db, rc) == 0) return 0;
  if (req->status) return 1;
  if (rc == 1) reply_verr(req, 422);
  else if (rc == 2) reply_not_found(req, what);
  else reply_db_error(req);
  return 1;
}

/* The scope of an instansi-wide analysis: ?unit_kerja_id= or the caller's instansi (superadmin:
 * ?instansi_id=).  -1 replied. */
static int lingkup(struct request *req, struct db *db, int64_t *inst, int64_t *unit)
{
  *unit = 0;
  if (api_query_id(req, "unit_kerja_id", unit) != 0) return -1;
  if (*unit) return api_unit_boleh(req, db, *unit, inst);
  if (api_list_instansi(req, inst) != 0) return -1;
  if (!*inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); reply_verr(req, 422); return -1; }
  if (!rbac_instansi_read(&req->who, *inst)) { reply_forbidden(req); return -1; }
  return 0;
}

/* The connection, lingkup and ?tahun= of an instansi-wide analysis; NULL when replied. */
static struct db *lingkup_tahun(struct request *req, int64_t *inst, int64_t *unit, int *tahun)
{
  struct db *db = http_db(req);
  if (!db || lingkup(req, db, inst, unit) || api_tahun(req, db, *inst, tahun)) return NULL;
  return db;
}

int api_analitik_kelonggaran(struct request *req)
{
  int64_t inst, unit;
  int tahun;
  struct db *db = lingkup_tahun(req, &inst, &unit, &tahun);
  return db ? api_balas_json(req, analitik_kelonggaran_json(db, inst, tahun), NULL) : 0;
}

int api_analitik_bukti(struct request *req)
{
  int64_t inst, unit;
  int tahun;
  struct db *db = lingkup_tahun(req, &inst, &unit, &tahun);
  return db ? api_balas_json(req, analitik_bukti_json(db, inst, unit, tahun), NULL) : 0;
}

int api_analitik_talenta(struct request *req)
{
  int64_t inst, unit;
  int tahun;
  struct db *db = lingkup_tahun(req, &inst, &unit, &tahun);
  return db ? api_balas_json(req, analitik_talenta_json(db, inst, unit, tahun), NULL) : 0;
}

int api_pegawai_rekomendasi(struct request *req)
{
  int64_t id, inst = 0;
  int tahun;
  struct db *db = api_pegawai_baca(req, &id, &inst);
  if (!db || api_tahun(req, db, inst, &tahun)) return 0;
  const char *pesan = NULL;
  return api_balas_json(req, analitik_rekomendasi_json(db, id, tahun, &pesan), pesan);
}

int api_pegawai_potensi(struct request *req)
{
  int64_t id, inst = 0;
  struct db *db = api_pegawai_ubah(req, &id, &inst);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  int rc = analitik_potensi_set(db, id, inst, req->json, &who, req->who.pengguna_id, &req->verr);
  if (finish(req, db, rc, "Pegawai")) return 0;
  return reply_json(req, 200, json_pack("{s:I,s:O,s:O}", "pegawai_id", (json_int_t)id, "tahun", json_object_get(req->json, "tahun"),
                                        "potensi", json_object_get(req->json, "potensi")));
}

int api_katalog_list(struct request *req)
{
  int64_t inst;
  if (api_list_instansi(req, &inst) != 0) return 0;
  if (!inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  struct db *db = http_db(req);
  if (!db) return 0;
  const char *semua = http_query(req, "semua");
  json_t *j = katalog_list(db, inst, semua && !strcmp(semua, "1") && rbac_instansi_admin(&req->who, inst));
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_katalog_create(struct request *req)
{
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  int64_t id = 0;
  int rc = katalog_simpan(db, inst, 0, req->json, &who, &req->verr, &id);
  if (finish(req, db, rc, "Katalog")) return 0;
  json_t *j = katalog_get(http_db(req), id, NULL);
  return j ? reply_json(req, 201, j) : reply_db_error(req);
}

/* The instansi of a catalogue entry, checked for administration.  -1 replied. */
static int katalog_milik(struct request *req, struct db *db, int64_t id, int64_t *inst)
{
  json_t *k = katalog_get(db, id, inst);
  if (!k) { reply_not_found(req, "Katalog"); return -1; }
  json_decref(k);
  if (!rbac_instansi_admin(&req->who, *inst)) { reply_forbidden(req); return -1; }
  return 0;
}

int api_katalog_update(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = 0;
  if (katalog_milik(req, db, id, &inst)) { db_rollback(db); return 0; }
  struct audit_actor who;
  http_actor(req, &who);
  int64_t out = 0;
  int rc = katalog_simpan(db, inst, id, req->json, &who, &req->verr, &out);
  if (finish(req, db, rc, "Katalog")) return 0;
  json_t *j = katalog_get(http_db(req), id, NULL);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_katalog_delete(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  int64_t inst = 0;
  if (katalog_milik(req, db, id, &inst)) { db_rollback(db); return 0; }
  struct audit_actor who;
  http_actor(req, &who);
  int rc = katalog_hapus(db, inst, id, &who);
  if (finish(req, db, rc, "Katalog")) return 0;
  return reply_no_content(req);
}

int api_pegawai_potensi_get(struct request *req)
{
  int64_t id;
  struct db *db = api_pegawai_baca_instansi(req, &id);
  if (!db) return 0;
  struct db_stmt *st = db_prepare(db, "SELECT tahun, potensi, catatan, diubah FROM potensi_pegawai WHERE pegawai_id = ?1 ORDER BY tahun DESC");
  if (!st) return reply_db_error(req);
  db_bind_int64(st, 1, id);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW)
    json_array_append_new(items, json_pack("{s:I,s:s,s:o,s:I}", "tahun", (json_int_t)db_col_int64(st, 0), "potensi", db_col_text(st, 1),
                                           "catatan", db_col_is_null(st, 2) ? json_null() : json_string(db_col_text(st, 2)),
                                           "diubah", (json_int_t)db_col_int64(st, 3)));
  db_done(st);
  return reply_json(req, 200, json_pack("{s:I,s:o}", "pegawai_id", (json_int_t)id, "items", items));
}
