/* api_org.c: /api/v1/instansi, /api/v1/unit-kerja, /api/v1/jabatan. Any user of an instansi
 * reads its organisation; admin instansi changes it; superadmin manages every instansi. */
#include <string.h>

#include "api/api.h"
#include "auth/rbac.h"
#include "db/db.h"
#include "org.h"
#include "util/util.h"

typedef json_t *(*list_fn)(struct db *, const struct org_query *, const char **);

static int do_list(struct request *req, list_fn fn, bool instansi_itself)
{
  struct org_query q = {0};
  if (api_limit(req, &q.limit) != 0) return 0;
  if (api_list_instansi(req, &q.instansi_id) != 0) return 0;
  if (api_query_id(req, "induk_id", &q.induk_id) != 0) return 0;
  (void)instansi_itself;
  q.q = http_query(req, "q");
  q.cursor = http_query(req, "cursor");
  q.jenis = http_query(req, "jenis");
  const char *aktif = http_query(req, "aktif");
  q.aktif = 1;
  if (aktif) {
    if (strcmp(aktif, "1") == 0) q.aktif = 1;
    else if (strcmp(aktif, "0") == 0) q.aktif = 0;
    else if (strcmp(aktif, "semua") == 0) q.aktif = -1;
    else { verr_add(req, "aktif", "harus 1, 0 atau semua"); return reply_verr(req, 422); }
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  const char *bad = NULL;
  json_t *j = fn(db, &q, &bad);
  if (!j && bad) { verr_add(req, bad, "tidak valid"); return reply_verr(req, 422); }
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_instansi_list(struct request *req) { return do_list(req, instansi_list, true); }
int api_unit_list(struct request *req) { return do_list(req, unit_kerja_list, false); }
int api_jabatan_list(struct request *req) { return do_list(req, jabatan_list, false); }

int api_instansi_get(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  if (!rbac_instansi_read(&req->who, id)) return reply_forbidden(req);
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = instansi_json(db, id);
  return j ? reply_json(req, 200, j) : reply_not_found(req, "Instansi");
}

typedef json_t *(*get_fn)(struct db *, int64_t, int64_t *);

static int do_get(struct request *req, get_fn fn, const char *what)
{
  int64_t id = http_param_id(req, "id"), inst = 0;
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = fn(db, id, &inst);
  if (!j) return reply_not_found(req, what);
  if (!rbac_instansi_read(&req->who, inst)) { json_decref(j); return reply_forbidden(req); }
  return reply_json(req, 200, j);
}

int api_unit_get(struct request *req) { return do_get(req, unit_kerja_json, "Unit kerja"); }
int api_jabatan_get(struct request *req) { return do_get(req, jabatan_json, "Jabatan"); }

/* Finishes a save: commit or roll back and reply with the record. */
static int finish(struct request *req, struct db *db, int rc, json_t *(*fetch)(struct db *, int64_t, int64_t *),
                  int64_t id, bool created, const char *what)
{
  if (rc == 2) { db_rollback(db); return reply_not_found(req, what); }
  if (api_end(req, db, rc) != 0) {
    if (req->status) return 0;
    return rc > 0 ? reply_verr(req, 422) : reply_db_error(req);
  }
  json_t *j = fetch(db, id, NULL);
  return j ? reply_json(req, created ? 201 : 200, j) : reply_db_error(req);
}

static json_t *instansi_fetch(struct db *db, int64_t id, int64_t *unused)
{
  (void)unused;
  return instansi_json(db, id);
}

int api_instansi_create(struct request *req)
{
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int64_t id = 0;
  int rc = instansi_save(db, 0, req->json, &a, &req->verr, &id);
  return finish(req, db, rc, instansi_fetch, id, true, "Instansi");
}

int api_instansi_update(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  if (!rbac_instansi_admin(&req->who, id)) return reply_forbidden(req);
  if (!(req->who.peran & PERAN_SUPERADMIN) &&
      (json_object_get(req->json, "kode") || json_object_get(req->json, "aktif")))
    return reply_problem(req, 403, "Akses ditolak", "Kode dan status instansi hanya dapat diubah superadmin.");
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int64_t out = 0;
  int rc = instansi_save(db, id, req->json, &a, &req->verr, &out);
  return finish(req, db, rc, instansi_fetch, id, false, "Instansi");
}

typedef int (*save_fn)(struct db *, int64_t, int64_t, json_t *, const struct audit_actor *, json_t **, int64_t *);

static int do_create(struct request *req, save_fn save, get_fn fetch, const char *what)
{
  int64_t inst;
  if (api_write_instansi(req, &inst) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int64_t id = 0;
  int rc = save(db, inst, 0, req->json, &a, &req->verr, &id);
  return finish(req, db, rc, fetch, id, true, what);
}

static int do_update(struct request *req, save_fn save, get_fn fetch, const char *what)
{
  int64_t id = http_param_id(req, "id"), inst = 0;
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *cur = fetch(db, id, &inst);
  if (!cur) return reply_not_found(req, what);
  json_decref(cur);
  if (!rbac_instansi_admin(&req->who, inst)) return reply_forbidden(req);
  json_t *bi = json_object_get(req->json, "instansi_id");
  if (bi && !(json_is_integer(bi) && json_integer_value(bi) == inst)) {
    verr_add(req, "instansi_id", "instansi tidak dapat dipindah");
    return reply_verr(req, 422);
  }
  if (!(db = api_begin(req))) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  int64_t out = 0;
  int rc = save(db, inst, id, req->json, &a, &req->verr, &out);
  return finish(req, db, rc, fetch, id, false, what);
}

int api_unit_create(struct request *req) { return do_create(req, unit_kerja_save, unit_kerja_json, "Unit kerja"); }
int api_unit_update(struct request *req) { return do_update(req, unit_kerja_save, unit_kerja_json, "Unit kerja"); }
int api_jabatan_create(struct request *req) { return do_create(req, jabatan_save, jabatan_json, "Jabatan"); }
int api_jabatan_update(struct request *req) { return do_update(req, jabatan_save, jabatan_json, "Jabatan"); }
