/* import_audit.h: one audit record per chunk of imported rows (issue 13).
 *
 * A bulk import used to write one audit record per pegawai (four B-trees and a hash each, a
 * quarter of the import's time).  It now writes one record per chunk of up to
 * IMPORT_AUDIT_CHUNK rows, in the same transaction as the rows, on the same hash chain:
 *
 *   aksi     the per-row action with ".batch" appended (pegawai.import.batch,
 *            pegawai.import.atasan.batch); entitas "pegawai"; entitas_id NULL
 *   sebelum  {"<id>": <the per-row record's sebelum>, ...} for the rows that had one
 *            (updates), NULL when every row of the chunk was created; a row of ids without an
 *            entry here was created (the old per-row action ".create" rather than ".update")
 *   sesudah  {"jumlah": n, "ids": [ids in file order], "baris_dari": L, "baris_sampai": L,
 *             "hash_baris": hex, "hash_cara": "import-batch-v1"}
 *
 * hash_baris is BLAKE2b-256 over, for every row in the order of ids, the decimal id, ':', the
 * per-row record's sesudah as JSON (compact, keys sorted: exactly the text the per-row record
 * stored) and '\n'.  So every affected row is named, the per-row detail that the
 * old records held stays derivable (sebelum stored; sesudah = the row's state after the import,
 * i.e. the row now or the sebelum of its next audit record), and a reconstruction is checked
 * against hash_baris, which the chain itself protects (import_audit_hash_check recomputes it).
 */
#ifndef KINERJA_IMPORT_AUDIT_H
#define KINERJA_IMPORT_AUDIT_H
#include <jansson.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

#define IMPORT_AUDIT_CHUNK 1000

struct import_audit;

/* A chunk writer for action `aksi` (a string literal; ".batch" is appended).  NULL on OOM. */
struct import_audit *import_audit_new(const char *aksi, const struct audit_actor *who,
                                      int64_t instansi_id);
void import_audit_free(struct import_audit *a);

/* Adds one row (file line `baris`): before may be NULL (a created row); both are borrowed.
 * Writes the chunk's record when it is full.  Returns 0 or -1. */
int import_audit_add(struct import_audit *a, struct db *db, int64_t id, int64_t baris,
                     json_t *before, json_t *after);
/* The same with the row's sesudah already as text (compact, keys sorted). */
int import_audit_add_teks(struct import_audit *a, struct db *db, int64_t id, int64_t baris,
                          json_t *before, const char *teks, size_t len);
/* Writes the record of the rows added since the last one (nothing when none).  0 or -1. */
int import_audit_flush(struct import_audit *a, struct db *db);

/* Recomputes hash_baris for `n` rows given as (id, sesudah JSON) in record order; out gets
 * 64 hex digits plus NUL.  For verification tools and tests. */
void import_audit_hash_rows(const int64_t *ids, json_t *const *after, size_t n, char out[65]);
#endif
