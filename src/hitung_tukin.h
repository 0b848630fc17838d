/* hitung_tukin.h: `kinerja hitung tukin --input FILE.json`, the TPP/tukin of one pegawai-month
 * from a JSON file, for admins checking a case by hand (issue 9).  The input format is in
 * docs/tpp.md; the arithmetic in src/rules/tpp.c. */
#ifndef KINERJA_HITUNG_TUKIN_H
#define KINERJA_HITUNG_TUKIN_H
#include <jansson.h>

#include "rules/tpp.h"

/* Largest input file accepted (bytes). */
#define HITUNG_TUKIN_MAKS_MASUKAN (1024 * 1024)

/* Reads the input object into a rule table (a preset plus the members that override it) and a
 * pegawai-month.  0, or 1 with every field error appended to *errs ({"field","message"}, field
 * the JSON path: "aturan.potongan[2].persen", "hari[3].masuk"; *errs owned by the caller). */
int hitung_tukin_baca(json_t *in, struct tpp_aturan *a, struct tpp_masukan *m, json_t **errs);

/* Reads only a rule table (the "aturan" object: a preset plus overrides, or a full table), as
 * stored by the TPP screens.  0, or 1 with field errors ("aturan.potongan[2].persen"). */
int hitung_tukin_baca_aturan(json_t *o, struct tpp_aturan *a, json_t **errs);

/* The result as JSON, the same object `kinerja hitung tukin --json` prints: 0 with *hasil
 * (caller json_decrefs), 1 with field errors in *errs, -1 when out of memory. */
int hitung_tukin_json(json_t *in, json_t **hasil, json_t **errs);

/* argv[0] is "tukin".  Exit status: 0 computed, 2 bad arguments or input. */
int hitung_tukin_main(int argc, char **argv);
#endif
