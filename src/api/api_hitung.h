/* api_hitung.h: handlers of /api/v1/hitung (the regulation calculator), and the evaluator they
 * share with `kinerja hitung` so the command line and the API answer the same JSON for the same
 * input.  The evaluator lives in src/hitung.c (it knows nothing about HTTP). */
#ifndef KINERJA_API_HITUNG_H
#define KINERJA_API_HITUNG_H
#include <jansson.h>
#include <stddef.h>

#include "http/http.h"

/* POST /api/v1/hitung/{predikat,kurva,angka-kredit,pp30,pp46}: any signed-in user; nothing is
 * stored.  200 with the result, 422 with field errors. */
int api_hitung_predikat(struct request *req);
int api_hitung_kurva(struct request *req);
int api_hitung_angka_kredit(struct request *req);
int api_hitung_pp30(struct request *req);
int api_hitung_pp46(struct request *req);

/* Runs calculation `nama` (predikat, kurva, angka-kredit, pp30, pp46) on `masukan`, a JSON object
 * whose members mirror the command-line flags (see docs/openapi-hitung.yaml).  Returns 0 and a
 * new reference in *hasil (the caller decrefs); 1 when the input is invalid, with one
 * {field, message} per problem appended to *errs (created when NULL; the caller owns it); -1 when
 * nama is unknown or memory ran out. */
int hitung_json(const char *nama, json_t *masukan, json_t **hasil, json_t **errs);
/* The result as JSON text with decimals as computed ("88.67", not "88.670000000000002").
 * flags are json_dumps flags; the caller frees.  NULL when memory ran out. */
char *hitung_dumps(const json_t *hasil, size_t flags);
#endif
