/* audit.h: the tamper-evident audit log.
 *
 * Every change calls audit_append() inside the same transaction as the change.  Each record's
 * hash is BLAKE2b-256 over the previous record's hash and this record's fields, so editing,
 * deleting or re-ordering any record breaks the chain from that point, and audit_kepala keeps
 * the head so that deleting the newest records is detected too.
 */
#ifndef KINERJA_AUDIT_H
#define KINERJA_AUDIT_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "db/db.h"

struct audit_actor {
  int64_t pengguna_id;      /* 0 = system / command line */
  const char *request_id;   /* may be NULL */
};

/* Appends one record; must run inside a write transaction.  before/after are borrowed (not
 * stolen) and may be NULL.  instansi_id 0 = system-wide.  Returns 0 or -1. */
int audit_append(struct db *db, const struct audit_actor *who, int64_t instansi_id,
                 const char *aksi, const char *entitas, int64_t entitas_id,
                 json_t *before, json_t *after);

/* The hash of one record, from its fields (pure; exposed for tests).  out receives 64 hex. */
void audit_hash(const char *hash_prev, int64_t id, int64_t instansi_id, int64_t waktu,
                int64_t pengguna_id, const char *aksi, const char *entitas, int64_t entitas_id,
                const char *sebelum, const char *sesudah, const char *request_id, char out[65]);

struct audit_verify_result {
  int ok;                 /* 1 = intact */
  int64_t records;        /* records checked */
  int64_t bad_id;         /* first record found wrong (0 when ok or when the head is wrong) */
  char reason[256];       /* Indonesian explanation when not ok */
};
/* Walks the whole chain.  Returns 0 when it could run (see res->ok), -1 on database error. */
int audit_verify(struct db *db, struct audit_verify_result *res);
#endif
