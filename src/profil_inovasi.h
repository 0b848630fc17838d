/* profil_inovasi.h: the inovasi dimension's one source: the validated innovations of a pegawai
 * in a year, from the innovation register (issue 15 part 3).  Kept in its own file so the
 * profile does not depend on how the register stores them. */
#ifndef KINERJA_PROFIL_INOVASI_H
#define KINERJA_PROFIL_INOVASI_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"

/* The validated innovations of pegawai `pegawai_id` counted for `tahun`, newest first:
 * [{id, judul, tahap, tahap_label, tanggal_validasi, ...}] (the caller owns it); NULL on a
 * database error.  *tersedia says the register answered (kept for builds without one). */
json_t *profil_inovasi_tahun(struct db *db, int64_t pegawai_id, int tahun, bool *tersedia);
#endif
