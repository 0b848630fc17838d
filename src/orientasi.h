/* orientasi.h: which first-login walkthroughs a user has closed (issue 14 part 1).
 *
 * One walkthrough per role (pegawai, atasan, pimpinan, admin, auditor, superadmin); the web UI
 * shows the walkthrough of the user's main role until it is closed, and the closing is kept
 * here, per user, so that it does not come back on another device.  No HTTP here. */
#ifndef KINERJA_ORIENTASI_H
#define KINERJA_ORIENTASI_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"

/* True when k names a walkthrough. */
bool orientasi_kunci_valid(const char *k);
/* The closed walkthroughs of pengguna_id as [{kunci, selesai}] ordered by kunci (the caller
 * owns the array); NULL on a storage error. */
json_t *orientasi_daftar(struct db *db, int64_t pengguna_id);
/* Closes (selesai) or reopens one walkthrough at `now` (unix seconds); the caller holds a write
 * transaction.  Returns 0, or -1 on a storage error. */
int orientasi_tandai(struct db *db, int64_t pengguna_id, const char *kunci, bool selesai, int64_t now);
#endif
