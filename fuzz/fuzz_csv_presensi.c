/* fuzz_csv_presensi.c: the presensi CSV import (presensi_impor_csv in src/presensi.c: delimiter
 * detection, header mapping through a saved source, date and time formats) against the demo
 * database.  Input: the first byte picks the source (even: the demo's "dmy" source with columns
 * NIP;Tanggal;Jam Masuk;Jam Pulang, odd: an "iso" one with nip,tanggal,masuk,pulang); the rest is
 * the file.  Each file is imported twice, as a dry run (uji) and for real, each in a transaction
 * that is rolled back.  Invariants: never a database error (-1), an error (1) names a field, and
 * the dry run answers exactly as the real import does (same errors, same number of rows): what
 * the "check first" button says is what the import will do. */
#include <stdlib.h>

#include "common.h"
#include "presensi.h"

static int64_t SUMBER[2];

static void setup(struct db *db)
{
  SUMBER[0] = fuzz_id("SELECT MIN(id) FROM presensi_sumber WHERE instansi_id = 1");
  json_t *b = json_pack("{s:s,s:{s:s,s:s,s:s,s:s,s:s}}", "nama", "Fuzz iso", "pemetaan", "nip", "nip", "tanggal",
                        "tanggal", "masuk", "masuk", "pulang", "pulang", "format_tanggal", "iso");
  json_t *errs = NULL;
  if (db_begin_write(db) != DB_OK || presensi_sumber_simpan(db, 1, b, fuzz_actor(), &errs, &SUMBER[1]) != 0 ||
      db_commit(db) != DB_OK)
    abort();
  json_decref(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct db *db = fuzz_db();
  if (!SUMBER[0]) setup(db);
  if (size < 1) return 0;
  json_t *errs[2] = {NULL, NULL}, *hasil[2] = {NULL, NULL};
  int rc[2];
  for (int uji = 0; uji < 2; uji++) {
    if (db_begin_write(db) != DB_OK) abort();
    rc[uji] = presensi_impor_csv(db, 1, SUMBER[data[0] & 1], (const char *)data + 1, size - 1, uji, fuzz_actor(),
                                 &errs[uji], &hasil[uji]);
    db_rollback(db);
    if (rc[uji] < 0) abort();
    if (rc[uji] == 1 && !errs[uji]) abort();
  }
  if (rc[0] != rc[1]) abort();
  if ((errs[0] || errs[1]) && !json_equal(errs[0], errs[1])) abort();
  if (rc[0] == 0 && !json_equal(json_object_get(hasil[0], "baris"), json_object_get(hasil[1], "baris"))) abort();
  for (int i = 0; i < 2; i++) {
    json_decref(errs[i]);
    json_decref(hasil[i]);
  }
  return 0;
}
