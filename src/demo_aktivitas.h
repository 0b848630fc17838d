/* demo_aktivitas.h: activities, rencana aksi, realisasi and feedback for a demo instansi. */
#ifndef KINERJA_DEMO_AKTIVITAS_H
#define KINERJA_DEMO_AKTIVITAS_H
#include <stdint.h>
#include "db/db.h"

struct demo_aktivitas_hasil { int aktivitas, realisasi; };

/* Inside the caller's write transaction, after the SKP exist.  0 or -1. */
int demo_aktivitas_create(struct db *db, int64_t instansi_id, int tahun, struct demo_aktivitas_hasil *hasil);
#endif
