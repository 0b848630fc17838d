/* import_pegawai.h: import of pegawai from a SIASN/SIMPEG-style CSV (docs/import-pegawai.md).
 *
 * The whole file is validated first; a file with any bad row changes nothing and every bad row is
 * reported with its line number and reason.  A good file upserts by NIP in one transaction and
 * is idempotent: importing the same file twice changes nothing the second time.
 */
#ifndef KINERJA_IMPORT_PEGAWAI_H
#define KINERJA_IMPORT_PEGAWAI_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "audit.h"
#include "db/db.h"

struct import_opts {
  int64_t instansi_id;       /* target instansi (must exist) */
  bool create_missing;       /* create unit kerja / jabatan not found by name or code */
  bool dry_run;              /* validate only */
  const char *tanggal;       /* effective date of changes 'YYYY-MM-DD' (riwayat.mulai); NULL = today */
  const struct audit_actor *actor;
  /* progress callback, called every ~50k rows and at the end (may be NULL) */
  void (*progress)(void *ctx, const char *phase, int64_t done);
  void *progress_ctx;
  int64_t max_errors;        /* stop collecting after this many bad rows (0 = 1000) */
  int massal;                /* SQLite bulk mode (import_massal.h): 0 by its rule, 1 always, -1 never */
};

struct import_result {
  int64_t rows;              /* data rows read */
  int64_t created, updated, unchanged;
  int64_t units_created, jabatan_created;
  int64_t error_count;       /* bad rows (all of them, even beyond max_errors) */
  json_t *errors;            /* array of {"baris": N, "kolom": "...", "pesan": "..."}; caller decrefs */
  char fatal[256];           /* non-empty when the file could not be read at all (e.g. header) */
};

/* Imports from an open stream.  Returns 0 when imported (or validated, for dry_run), 1 when the
 * file was rejected (see res->errors / res->fatal; nothing changed), -1 on database error. */
int import_pegawai_stream(struct db *db, const struct import_opts *o, FILE *in,
                          struct import_result *res);
/* The same from memory (API uploads). */
int import_pegawai_buffer(struct db *db, const struct import_opts *o, const char *data,
                          size_t len, struct import_result *res);
#endif
