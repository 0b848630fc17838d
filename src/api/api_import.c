/* api_import.c: POST /api/v1/import/pegawai — a CSV upload (docs/import-pegawai.md).
 * ?buat=1 creates missing unit kerja and jabatan; ?uji=1 validates only. */
#include <string.h>

#include "api/api.h"
#include "import_pegawai.h"
#include "util/util.h"

int api_import_pegawai(struct request *req)
{
  int64_t inst;
  const char *buat = http_query(req, "buat"), *uji = http_query(req, "uji"), *tanggal = http_query(req, "tanggal");
  if (tanggal && !date_valid(tanggal)) { verr_add(req, "tanggal", "harus tanggal YYYY-MM-DD"); return reply_verr(req, 422); }
  if (!(req->who.peran & PERAN_SUPERADMIN)) inst = req->who.instansi_id;
  else if (api_query_id(req, "instansi_id", &inst) != 0) return 0;
  if (!inst) { verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id="); return reply_verr(req, 422); }
  if (req->body.len == 0) return reply_problem(req, 400, "Berkas kosong", "Kirim isi berkas CSV sebagai badan permintaan.");
  struct db *db = http_db(req);
  if (!db) return 0;
  struct audit_actor actor;
  http_actor(req, &actor);
  struct import_opts o = {
    .instansi_id = inst,
    .create_missing = buat && strcmp(buat, "1") == 0,
    .dry_run = uji && strcmp(uji, "1") == 0,
    .tanggal = tanggal,
    .actor = &actor,
  };
  struct import_result r;
  memset(&r, 0, sizeof r);
  int rc = import_pegawai_buffer(db, &o, req->body.data, req->body.len, &r);
  if (rc < 0) { json_decref(r.errors); return reply_db_error(req); }
  json_t *j = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:b}", "baris", (json_int_t)r.rows,
                        "dibuat", (json_int_t)r.created, "diubah", (json_int_t)r.updated,
                        "tidak_berubah", (json_int_t)r.unchanged, "unit_dibuat", (json_int_t)r.units_created,
                        "jabatan_dibuat", (json_int_t)r.jabatan_created, "jumlah_kesalahan", (json_int_t)r.error_count,
                        "uji", o.dry_run);
  if (rc == 1) {
    /* rejected: a problem with every bad row; nothing was changed */
    json_t *errs = json_array();
    size_t i;
    json_t *e;
    json_array_foreach(r.errors, i, e) {
      char field[80];
      snprintf(field, sizeof field, "baris %lld: %s", (long long)json_integer_value(json_object_get(e, "baris")),
               json_string_value(json_object_get(e, "kolom")) ? json_string_value(json_object_get(e, "kolom")) : "");
      json_t *x = json_pack("{s:s,s:s?,s:O}", "field", field, "message", json_string_value(json_object_get(e, "pesan")),
                            "baris", json_object_get(e, "baris"));
      if (x) json_array_append_new(errs, x);
    }
    json_decref(r.errors);
    json_decref(j);
    if (r.fatal[0] && json_array_size(errs) == 0) json_array_append_new(errs, json_pack("{s:s,s:s}", "field", "berkas", "message", r.fatal));
    req->verr = errs;
    return reply_verr(req, 422);
  }
  json_decref(r.errors);
  return reply_json(req, o.dry_run ? 200 : 200, j);
}
