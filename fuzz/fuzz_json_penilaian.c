/* fuzz_json_penilaian.c: the penilaian decoders of src/penilaian.c against the demo database:
 * starting one (penilaian_buat: jenis, periode_ke), the ratings and feedback
 * (penilaian_ubah: rating_hasil, rating_perilaku, catatan, umpan_balik_rhk {rhk_id: text},
 * umpan_balik_perilaku {"1".."7": text}) on an open annual penilaian made once per process, and
 * the predikat organisasi of a unit (predikat_organisasi_set).  Input: the first byte ('0'-'2')
 * picks the decoder, the rest is the JSON body; rolled back after each input.
 * Invariants: never a database error (-1); errors (1) name a field, refusals (3) say why. */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "penilaian.h"
#include "util/errs.h"

static struct skp_head H;
static int64_t PENILAIAN, UNIT;

static void setup(struct db *db)
{
  int64_t skp = fuzz_id("SELECT MIN(s.id) FROM skp s JOIN pengguna u ON u.pegawai_id = s.pegawai_id"
                        " WHERE u.username = 'pegawai' AND s.status = 'disetujui'");
  if (skp_head_load(db, skp, &H) != 0) abort();
  UNIT = H.unit_kerja_id;
  json_t *b = json_pack("{s:s}", "jenis", "tahunan");
  json_t *errs = NULL;
  int http = 0;
  const char *pesan = NULL;
  if (db_begin_write(db) != DB_OK) abort();
  int rc = penilaian_buat(db, &H, b, fuzz_actor(), &errs, &http, &pesan, &PENILAIAN);
  if (rc != 0) {
    char *e = errs ? json_dumps(errs, 0) : NULL;
    fprintf(stderr, "fuzz: penilaian_buat %d %s %s\n", rc, pesan ? pesan : "", e ? e : "");
    abort();
  }
  if (db_commit(db) != DB_OK) abort();
  json_decref(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct db *db = fuzz_db();
  if (!PENILAIAN) setup(db);
  if (size < 1) return 0;
  json_t *body = fuzz_json_object(data + 1, size - 1);
  if (!body) return 0;
  json_t *errs = NULL;
  int http = 0, rc = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  if (db_begin_write(db) != DB_OK) abort();
  switch (data[0] % 3) {
  case 0: rc = penilaian_buat(db, &H, body, fuzz_actor(), &errs, &http, &pesan, &id); break;
  case 1: rc = penilaian_ubah(db, PENILAIAN, body, fuzz_actor(), &errs, &http, &pesan); break;
  case 2: rc = predikat_organisasi_set(db, UNIT, body, fuzz_actor(), 1, &errs); break;
  }
  db_rollback(db);
  if (rc < 0) abort();
  if (rc == 1 && !errs_any(errs)) abort();
  if (rc == 3 && !pesan && !errs_any(errs)) abort();
  json_decref(errs);
  json_decref(body);
  return 0;
}
