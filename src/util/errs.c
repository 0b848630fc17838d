/* errs.c: field error lists (see errs.h). */
#include "util/errs.h"

#include <stdarg.h>
#include <stdio.h>

void errs_add(json_t **errs, const char *field, const char *message)
{
  if (!*errs) *errs = json_array();
  if (!*errs || json_array_size(*errs) >= 100) return;
  json_array_append_new(*errs, json_pack("{s:s,s:s}", "field", field, "message", message));
}

void errs_addf(json_t **errs, const char *field, const char *fmt, ...)
{
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  errs_add(errs, field, msg);
}

bool errs_any(json_t *errs) { return errs && json_array_size(errs) > 0; }
