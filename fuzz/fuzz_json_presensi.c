/* fuzz_json_presensi.c: the presensi JSON decoders of src/presensi*.c against the demo database:
 * records sent in bulk (presensi_simpan_json, POST /api/v1/presensi {items: [...]}), shift
 * rosters (presensi_shift_simpan, POST /api/v1/jadwal-shift), work schedules (jadwal_simpan) and
 * a status that is not a deduction (presensi_status_tambah).  Input: the first byte ('0'-'3')
 * picks the decoder, the rest is the JSON body; rolled back after each input.
 * Invariants: never a database error (-1); errors (1) name a field. */
#include <stdlib.h>

#include "common.h"
#include "presensi.h"
#include "util/errs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct db *db = fuzz_db();
  static int64_t pegawai;
  if (!pegawai) pegawai = fuzz_id("SELECT pegawai_id FROM pengguna WHERE username = 'pegawai'");
  if (size < 1) return 0;
  json_t *body = fuzz_json_object(data + 1, size - 1);
  if (!body) return 0;
  json_t *errs = NULL, *hasil = NULL;
  int rc = 0, n = 0;
  int64_t id = 0;
  if (db_begin_write(db) != DB_OK) abort();
  switch (data[0] & 3) {
  case 0: rc = presensi_simpan_json(db, 1, body, fuzz_actor(), &errs, &hasil); break;
  case 1: rc = presensi_shift_simpan(db, 1, body, fuzz_actor(), &errs, &n); break;
  case 2: rc = jadwal_simpan(db, 1, data[0] & 4 ? 2 : 0, body, fuzz_actor(), &errs); break;
  case 3: rc = presensi_status_tambah(db, 1, pegawai, body, fuzz_actor(), 1, &errs, &id); break;
  }
  db_rollback(db);
  if (rc < 0) abort();
  if (rc == 1 && !errs_any(errs)) abort();
  json_decref(errs);
  json_decref(hasil);
  json_decref(body);
  return 0;
}
