/* demo_presensi.h: a work schedule, an import source and a month of presensi with realistic
 * lateness for the demo (issue 9). */
#ifndef KINERJA_DEMO_PRESENSI_H
#define KINERJA_DEMO_PRESENSI_H
#include <stdint.h>
#include "db/db.h"

struct demo_presensi_hasil { int presensi, status, shift; char bulan[24]; };   /* shift: night-shift roster days */

/* Inside the caller's write transaction; `hari_ini` is today in the instansi.  The month is the
 * last complete one.  At most `maks_pegawai` pegawai get records.  0 or -1. */
int demo_presensi_create(struct db *db, int64_t instansi_id, const char *hari_ini, int maks_pegawai, struct demo_presensi_hasil *h);
#endif
