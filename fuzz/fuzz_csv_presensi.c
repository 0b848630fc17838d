/* fuzz_csv_presensi.c: the presensi CSV import (presensi_impor_csv in src/presensi.c: delimiter
 * detection, header mapping through a saved source, date and time formats) against the demo
 * database.  Input: the first byte picks the source (even: the demo's "dmy" source with columns
 * NIP;Tanggal;Jam Masuk;Jam Pulang, odd: an "iso" one with nip,tanggal,masuk,pulang) and, by its
 * second bit, a dry run (uji) or a real one; the rest is the file.  Runs in a transaction that is
 * rolled back.  Invariant: never a database error (-1). */
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
  json_t *errs = NULL, *hasil = NULL;
  if (db_begin_write(db) != DB_OK) abort();
  int rc = presensi_impor_csv(db, 1, SUMBER[data[0] & 1], (const char *)data + 1, size - 1, (data[0] & 2) != 0,
                              fuzz_actor(), &errs, &hasil);
  db_rollback(db);
  if (rc < 0) abort();
  if (rc == 1 && !errs) abort();
  json_decref(errs);
  json_decref(hasil);
  return 0;
}
