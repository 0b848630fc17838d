/* demo_analitik.h: the training catalogue and potensi for the demo's analytics (issue 8). */
#ifndef KINERJA_DEMO_ANALITIK_H
#define KINERJA_DEMO_ANALITIK_H
#include <stdint.h>
#include "db/db.h"

struct demo_analitik_hasil { int katalog, potensi; };

/* Inside the caller's write transaction, after the penilaian and 360 demo.  0 or -1. */
int demo_analitik_create(struct db *db, int64_t instansi_id, int tahun, struct demo_analitik_hasil *hasil);
#endif
