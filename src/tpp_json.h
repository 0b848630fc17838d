/* tpp_json.h: a TPP rule table as the JSON document stored in tpp_aturan.isi and shown to admins
 * (the "aturan" object of docs/tpp.md: a preset plus the members that override it, or a full
 * table), and back. */
#ifndef KINERJA_TPP_JSON_H
#define KINERJA_TPP_JSON_H
#include <jansson.h>
#include "rules/tpp.h"

/* Reads and checks (tpp_aturan_periksa) a table.  0, or 1 with field errors appended to *errs
 * (paths "aturan.potongan[2].persen"). */
int tpp_aturan_dari_json(json_t *isi, struct tpp_aturan *a, json_t **errs);
/* The full table (every member, percentages as decimal strings "1.25"); NULL on error. */
json_t *tpp_aturan_json(const struct tpp_aturan *a);
#endif
