/* organisasi_internal.h: helpers shared by the organisasi_*.c files (not an interface). */
#ifndef KINERJA_ORGANISASI_INTERNAL_H
#define KINERJA_ORGANISASI_INTERNAL_H
#include "organisasi.h"

/* Reports every member of body not in allowed (NULL-terminated). */
void org_hanya(json_t *body, const char *const *allowed, json_t **errs);
/* A text member: required or optional, cleaned, at most max bytes.  Returns the value (NULL when
 * absent/null) and adds a field error when invalid. */
const char *org_teks(json_t *body, const char *field, bool wajib, size_t max, json_t **errs);
/* A year member 2000..2100; returns 0 when absent or invalid (error added when wajib or invalid). */
int org_tahun(json_t *body, const char *field, bool wajib, json_t **errs);
/* A target: a decimal text ("95,5") or a JSON number; normalised into out (rules/target.h).
 * false (with a field error) when of the wrong type or not a non-negative number. */
bool org_target(json_t *v, const char *field, char *out, size_t n, json_t **errs);
/* 'naik' / 'turun' or absent (then dflt); NULL with an error when invalid. */
const char *org_arah(json_t *body, const char *dflt, json_t **errs);
/* The instansi of a row of `tabel` (sasaran_strategis, iku, pk_indikator, unit_kerja): 0 ok,
 * 2 missing, 3 another instansi than inst (inst 0 = any), -1 error. */
int org_instansi_baris(struct db *db, const char *tabel, int64_t id, int64_t inst, int64_t *out, struct org_hasil *h);
/* Sets h->http/pesan for a refusal and returns 3. */
int org_tolak(struct org_hasil *h, int http, const char *pesan);
#endif
