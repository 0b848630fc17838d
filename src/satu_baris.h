/* satu_baris.h: one row of a register read by its id, the shape the registers (inovasi,
 * penghargaan and its aturan) repeat for their "get" and "whose is it" reads.  The SQL is the
 * caller's constant, with the id as its only parameter ?1. */
#ifndef KINERJA_SATU_BARIS_H
#define KINERJA_SATU_BARIS_H
#include <stdint.h>
#include <jansson.h>
#include "db/db.h"

/* The first row of sql turned into JSON by row (the caller owns the result); NULL when there is
 * no row, on a database error, or when row gives NULL. */
json_t *satu_baris_json(struct db *db, const char *sql, int64_t id, json_t *(*row)(struct db_stmt *st));
/* sql selects (pegawai_id, instansi_id) of the row: 0 found (both set), 1 no such row, -1 database
 * error. */
int satu_baris_pemilik(struct db *db, const char *sql, int64_t id, int64_t *pegawai_id, int64_t *instansi_id);
#endif
