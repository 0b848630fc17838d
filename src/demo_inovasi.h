/* demo_inovasi.h: innovations at every stage and recognition for the demo (issues 15, 14). */
#ifndef KINERJA_DEMO_INOVASI_H
#define KINERJA_DEMO_INOVASI_H
#include <stdint.h>
#include "db/db.h"

struct demo_inovasi_hasil { int inovasi, divalidasi, aturan, piagam; };

/* Inside the caller's write transaction, for the demo kabupaten (named accounts "pegawai",
 * "admin" and "pimpinan" must exist).  0 or -1. */
int demo_inovasi_create(struct db *db, int64_t instansi_id, struct demo_inovasi_hasil *hasil);
#endif
