/* org.h: instansi, unit kerja tree and jabatan (no HTTP here).
 * Records are never deleted: `aktif` false deactivates them. */
#ifndef KINERJA_ORG_H
#define KINERJA_ORG_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

/* JSON of one record, or NULL when absent.  *instansi_out receives its instansi when found. */
json_t *instansi_json(struct db *db, int64_t id);
json_t *unit_kerja_json(struct db *db, int64_t id, int64_t *instansi_out);
json_t *jabatan_json(struct db *db, int64_t id, int64_t *instansi_out);

/* Lists: instansi_id 0 = all (superadmin).  q: name substring; aktif -1 = both.
 * Keyset pagination by (nama, id) with an opaque cursor; returns {"items", "next_cursor"}. */
struct org_query {
  int64_t instansi_id;
  const char *q;
  int aktif;
  int64_t induk_id;        /* unit kerja: children of (0 = any) */
  const char *jenis;       /* jabatan: filter by jenis */
  const char *cursor;
  int limit;
};
json_t *instansi_list(struct db *db, const struct org_query *q, const char **bad);
json_t *unit_kerja_list(struct db *db, const struct org_query *q, const char **bad);
json_t *jabatan_list(struct db *db, const struct org_query *q, const char **bad);

/* Create (body fields validated; errors into *errs → returns 1) or update (only the members
 * present).  Return 0 with *id set / 0, 1 on validation errors, 2 on not found, -1 on error.
 * They run inside the caller's write transaction and write the audit record. */
int instansi_save(struct db *db, int64_t id, json_t *body, const struct audit_actor *who,
                  json_t **errs, int64_t *out_id);
int unit_kerja_save(struct db *db, int64_t instansi_id, int64_t id, json_t *body,
                    const struct audit_actor *who, json_t **errs, int64_t *out_id);
int jabatan_save(struct db *db, int64_t instansi_id, int64_t id, json_t *body,
                 const struct audit_actor *who, json_t **errs, int64_t *out_id);

/* True if jenis is one of jpt, administrator, pengawas, pelaksana, fungsional. */
bool jabatan_jenis_valid(const char *jenis);
#endif
