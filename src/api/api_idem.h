/* api_idem.h: Idempotency-Key support for creates (see api_idem.c). */
#ifndef KINERJA_API_IDEM_H
#define KINERJA_API_IDEM_H
#include <jansson.h>
#include <stdbool.h>
#include "db/db.h"
#include "http/http.h"

struct idem {
  bool aktif;          /* a key was sent and is new: store the answer */
  char kunci[101];
  char hash[65];       /* of method, path and body */
};

/* Inside the write transaction, before the create.  Returns 0 to go on, 1 when it replied
 * (a replay of the first answer, or a refusal of a key reused for another request). */
int api_idem_begin(struct request *req, struct db *db, struct idem *st);
/* Inside the same transaction, after the create: keeps (status, body) for retries. 0 or -1. */
int api_idem_store(struct request *req, struct db *db, const struct idem *st, int status, json_t *body);
#endif
