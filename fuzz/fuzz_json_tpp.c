/* fuzz_json_tpp.c: the TPP rule table JSON (tpp_aturan_dari_json in src/tpp_json.c, as the
 * body of POST/PATCH /api/v1/tpp/aturan carries it in "aturan") and the whole tukin calculation
 * from JSON (hitung_tukin_json: `kinerja hitung tukin`, {aturan, masukan}), pure code.
 * Invariants: a table taken is checked (tpp_aturan_periksa passes) and survives a round trip
 * through tpp_aturan_json unchanged; a calculation either answers or gives field errors; what
 * is paid lies between 0 and the dasar, and the deduction between 0 and 100 %. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "hitung_tukin.h"
#include "tpp_json.h"

static void aturan(json_t *isi)
{
  struct tpp_aturan a, b;
  json_t *errs = NULL;
  memset(&a, 0, sizeof a);
  int rc = tpp_aturan_dari_json(isi, &a, &errs);
  if (rc == 0) {
    struct tpp_galat g;
    if (tpp_aturan_periksa(&a, &g) != 0) abort();
    json_t *j = tpp_aturan_json(&a);
    if (!j) abort();
    json_t *e2 = NULL;
    memset(&b, 0, sizeof b);
    if (tpp_aturan_dari_json(j, &b, &e2) != 0) abort();
    json_t *j2 = tpp_aturan_json(&b);
    if (!j2 || !json_equal(j, j2)) abort();
    json_decref(j);
    json_decref(j2);
    json_decref(e2);
  } else if (!errs) {
    abort();
  }
  json_decref(errs);
}

/* The calculation on the structs, for the bounds of the result. */
static void bounds(json_t *in)
{
  struct tpp_aturan *a = calloc(1, sizeof *a);
  struct tpp_masukan *m = calloc(1, sizeof *m);
  struct tpp_hasil *h = calloc(1, sizeof *h);
  json_t *errs = NULL;
  if (!a || !m || !h) abort();
  if (hitung_tukin_baca(in, a, m, &errs) == 0) {
    struct tpp_galat g;
    if (tpp_hitung(a, m, h, &g) == 0) {
      if (h->jumlah < 0 || h->jumlah > h->dasar) abort();
      if (h->potongan_persen < 0 || h->potongan_persen > 10000) abort();
      if (h->sanksi_persen < 0 || h->sanksi_persen > 10000) abort();
    }
  }
  json_decref(errs);
  free(a);
  free(m);
  free(h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  json_t *in = fuzz_json_object(data, size);
  if (!in) return 0;
  json_t *isi = json_object_get(in, "aturan");
  aturan(isi ? isi : in);
  json_t *hasil = NULL, *errs = NULL;
  int rc = hitung_tukin_json(in, &hasil, &errs);
  if (rc == 0 && !hasil) abort();
  if (rc == 1 && !errs) abort();
  bounds(in);
  json_decref(hasil);
  json_decref(errs);
  json_decref(in);
  return 0;
}
