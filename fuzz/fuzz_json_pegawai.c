/* fuzz_json_pegawai.c: the pegawai body decoder (pegawai_apply_json) and, when it takes the body,
 * the record checks (pegawai_validate: NIP rules, golongan, references, atasan cycle, unique NIP)
 * against the demo database, as POST and PATCH /api/v1/pegawai do.  Input: the first byte's low
 * bit picks create or update (of a demo pegawai); the rest is the JSON body.
 * Invariants: never a database error (-1), and a record the checks passed is stored without a
 * constraint error (pegawai_insert / pegawai_update in a transaction that is rolled back): what
 * validation lets through must not become a 503 at the INSERT. */
#include <stdlib.h>

#include "common.h"
#include "pegawai.h"
#include "util/errs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct db *db = fuzz_db();
  if (size < 1) return 0;
  bool create = data[0] & 1;
  json_t *body = fuzz_json_object(data + 1, size - 1);
  if (!body) return 0;
  struct pegawai_rec rec = {0}, old = {0};
  if (create) {
    rec.instansi_id = 1;
    rec.aktif = 1;
  } else if (pegawai_load(db, 5, &rec) != 0) {
    abort();
  }
  old = rec;
  json_t *errs = NULL;
  pegawai_apply_json(body, &rec, create, &errs);
  if (!errs_any(errs)) {
    int rc = pegawai_validate(db, &rec, &errs);
    if (rc < 0) abort();
    if (rc == 0) {
      if (db_begin_write(db) != DB_OK) abort();
      rc = create ? pegawai_insert(db, &rec, "2026-01-02", fuzz_actor()) : pegawai_update(db, &old, &rec, fuzz_actor());
      db_rollback(db);
      if (rc != 0) abort();
    }
  }
  json_decref(errs);
  json_decref(body);
  return 0;
}
