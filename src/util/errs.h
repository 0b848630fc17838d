/* errs.h: field errors collected by validators: a JSON array of {"field","message"}.
 * Domain code fills it; the HTTP layer sends it as the `errors` member of a problem. */
#ifndef KINERJA_ERRS_H
#define KINERJA_ERRS_H
#include <jansson.h>
#include <stdbool.h>

/* Appends one error, creating the array on first use; *errs is owned by the caller. */
void errs_add(json_t **errs, const char *field, const char *message);
void errs_addf(json_t **errs, const char *field, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool errs_any(json_t *errs);
#endif
