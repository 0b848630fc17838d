/* fuzz_json_pegawai.c: the pegawai body decoder (pegawai_apply_json) and, when it takes the body,
 * the record checks (pegawai_validate: NIP rules, golongan, references, atasan cycle, unique NIP)
 * against the demo database, as POST and PATCH /api/v1/pegawai do.  Input: the first byte's low
 * bit picks create or update (of a demo pegawai); the rest is the JSON body.
 * Invariant: never a database error (-1). */
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
  struct pegawai_rec rec = {0};
  if (create) {
    rec.instansi_id = 1;
    rec.aktif = 1;
  } else if (pegawai_load(db, 5, &rec) != 0) {
    abort();
  }
  json_t *errs = NULL;
  pegawai_apply_json(body, &rec, create, &errs);
  if (!errs_any(errs) && pegawai_validate(db, &rec, &errs) < 0) abort();
  json_decref(errs);
  json_decref(body);
  return 0;
}
