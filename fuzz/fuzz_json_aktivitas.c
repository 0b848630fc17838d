/* fuzz_json_aktivitas.c: the daily activity decoder and checks (aktivitas_create in
 * src/aktivitas.c with the instansi's rules from src/rules/aktivitas_aturan.c) against the demo
 * database, for one activity (POST /api/v1/aktivitas) or, when the body has "items", every item
 * the way POST /api/v1/aktivitas:batch walks them (prefix items[i].).  Written as the demo
 * account "pegawai"; rolled back after each input.
 * Invariants: never a database error (-1), a refusal (3) carries a message, an error (1) at
 * least one field error. */
#include <stdio.h>
#include <stdlib.h>

#include "aktivitas.h"
#include "common.h"
#include "util/errs.h"

static void one(struct db *db, struct aktivitas_ctx *c, json_t *body, json_t **errs)
{
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  size_t before = json_array_size(*errs);
  int rc = aktivitas_create(db, c, body, fuzz_actor(), errs, &http, &pesan, &id);
  if (rc < 0) abort();
  if (rc == 3 && (!pesan || !http)) abort();
  if (rc == 1 && json_array_size(*errs) <= before && before < 100) abort();  /* 100: errs_add cap */
  if (rc == 0 && id <= 0) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct db *db = fuzz_db();
  static int64_t pegawai;
  if (!pegawai) pegawai = fuzz_id("SELECT pegawai_id FROM pengguna WHERE username = 'pegawai'");
  json_t *body = fuzz_json_object(data, size);
  if (!body) return 0;
  if (db_begin_write(db) != DB_OK) abort();
  struct aktivitas_ctx c;
  if (aktivitas_ctx_init(db, pegawai, "api", &c) != 0) abort();
  json_t *errs = NULL;
  json_t *items = json_object_get(body, "items");
  if (json_is_array(items)) {
    size_t i;
    json_t *v;
    json_array_foreach(items, i, v) {
      char prefix[32];
      snprintf(prefix, sizeof prefix, "items[%zu].", i);
      c.prefix = prefix;
      if (json_is_object(v)) one(db, &c, v, &errs);
      if (i >= 50) break;
    }
  } else {
    one(db, &c, body, &errs);
  }
  db_rollback(db);
  json_decref(errs);
  json_decref(body);
  return 0;
}
