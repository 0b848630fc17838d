/* fuzz_csv_pegawai.c: the pegawai CSV import (src/import_pegawai.c with the row checks of
 * src/import_row.c) against the demo database, as POST /api/v1/import/pegawai runs it.
 * Input: the first byte's low bit sets create_missing (unit kerja / jabatan created when not
 * found); the rest is the file.  Every run is a dry run: the import validates, upserts and then
 * rolls back its own transaction, so the database never changes.
 * Invariants: never a database error (-1: a 503 for a bad file), a rejected file always says
 * why, and a file taken says how many rows. */
#include <stdlib.h>

#include "common.h"
#include "import_pegawai.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct db *db = fuzz_db();
  if (size < 1) return 0;
  struct import_opts o = {.instansi_id = 1, .create_missing = data[0] & 1, .dry_run = true,
                          .tanggal = "2026-01-02", .actor = fuzz_actor(), .max_errors = 50};
  struct import_result res;
  int rc = import_pegawai_buffer(db, &o, (const char *)data + 1, size - 1, &res);
  if (rc < 0) abort();
  if (rc == 1 && !res.fatal[0] && json_array_size(res.errors) == 0) abort();
  if (rc == 0 && (res.error_count != 0 || res.created + res.updated + res.unchanged != res.rows)) abort();
  json_decref(res.errors);
  return 0;
}
