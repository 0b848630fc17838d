/* csv_json.h: any list the API answers with, as CSV (issue 8: "CSV for everything tabular").
 * GET requests with ?format=csv get the rows of the answer's "items" array (or the array named by
 * ?daftar=, or else the first array of objects) as RFC 4180 CSV, UTF-8 with a BOM: the columns
 * are the first row's members in order, nested objects flattened as "a.b", arrays and other
 * values written as JSON text; a cell starting with = + - @ is quoted and prefixed with an
 * apostrophe (formula injection). */
#ifndef KINERJA_CSV_JSON_H
#define KINERJA_CSV_JSON_H
#include <jansson.h>
#include <stddef.h>

/* The CSV text (malloc'd, *len set) of the rows of `j`, or NULL when it holds no array of
 * objects (or `daftar` names none). */
char *csv_dari_json(const json_t *j, const char *daftar, size_t *len);
#endif
