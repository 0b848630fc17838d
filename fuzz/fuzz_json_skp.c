/* fuzz_json_skp.c: the SKP decoders of src/skp*.c against the demo database: a new RHK with its
 * IKI (skp_rhk_add, POST /api/v1/skp/{id}/rhk), an RHK edit (skp_rhk_update), the head edit
 * (skp_update, PATCH /api/v1/skp/{id}) and the ekspektasi of perilaku (skp_perilaku_set), on a
 * draft SKP made once per process for the demo account "pegawai".  Input: the first byte
 * ('0'-'3') picks the decoder, the rest is the JSON body; rolled back after each input.
 * Invariants: never a database error (-1); errors (1) name a field, refusals (3) say why. */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "skp.h"
#include "util/errs.h"

static struct skp_head H;
static int64_t RHK;

static void setup(struct db *db)
{
  int64_t pegawai = fuzz_id("SELECT pegawai_id FROM pengguna WHERE username = 'pegawai'");
  int64_t tahun = fuzz_id("SELECT MAX(tahun) + 1 FROM periode WHERE instansi_id = 1");
  struct skp_create_opts o = {.pegawai_id = pegawai, .tahun = (int)tahun};
  json_t *errs = NULL;
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  if (db_begin_write(db) != DB_OK) abort();
  int rc = skp_create(db, &o, fuzz_actor(), &errs, &http, &pesan, &id);
  if (rc != 0) {
    char *e = errs ? json_dumps(errs, 0) : NULL;
    fprintf(stderr, "fuzz: skp_create %d %s %s\n", rc, pesan ? pesan : "", e ? e : "");
    abort();
  }
  if (skp_head_load(db, id, &H) != 0) abort();
  json_t *b = json_pack("{s:s,s:s,s:[{s:s,s:s,s:s,s:s}]}", "kelompok", "utama", "rhk", "Tersusunnya laporan",
                        "iki", "aspek", "kuantitas", "indikator", "Jumlah laporan", "target_angka", "12",
                        "target_satuan", "laporan");
  rc = skp_rhk_add(db, &H, b, fuzz_actor(), &errs, &http, &pesan, &RHK);
  if (rc != 0) {
    char *e = errs ? json_dumps(errs, 0) : NULL;
    fprintf(stderr, "fuzz: skp_rhk_add %d %s %s\n", rc, pesan ? pesan : "", e ? e : "");
    abort();
  }
  if (db_commit(db) != DB_OK || skp_head_load(db, id, &H) != 0) abort();
  json_decref(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct db *db = fuzz_db();
  if (!H.id) setup(db);
  if (size < 1) return 0;
  json_t *body = fuzz_json_object(data + 1, size - 1);
  if (!body) return 0;
  json_t *errs = NULL;
  int http = 0, rc = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  if (db_begin_write(db) != DB_OK) abort();
  switch (data[0] & 3) {
  case 0: rc = skp_rhk_add(db, &H, body, fuzz_actor(), &errs, &http, &pesan, &id); break;
  case 1: rc = skp_rhk_update(db, &H, RHK, body, fuzz_actor(), &errs, &http, &pesan); break;
  case 2: rc = skp_update(db, &H, body, fuzz_actor(), &errs); break;
  case 3: rc = skp_perilaku_set(db, &H, body, fuzz_actor(), &errs); break;
  }
  db_rollback(db);
  if (rc < 0) abort();
  if (rc == 1 && !errs_any(errs)) abort();
  if (rc == 3 && !pesan && !errs_any(errs)) abort();
  json_decref(errs);
  json_decref(body);
  return 0;
}
