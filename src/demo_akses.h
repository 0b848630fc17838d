/* demo_akses.h: "who saw my data" and the adoption view in the demo (issue 14): eight weeks of
 * sign-ins per account with adoption rising and two kinds of unit (keen and hesitant), reads of
 * pegawai data by their atasan, the admin and the pimpinan in the access log, and realistic
 * durations of the workflow steps (SKP submitted days after it was started and approved days
 * later, reviews a few hours to days after logging, penilaian finalised after the quarter). */
#ifndef KINERJA_DEMO_AKSES_H
#define KINERJA_DEMO_AKSES_H
#include <stdint.h>
#include "db/db.h"

struct demo_akses_hasil { int sesi, lihat; };

/* Inside the caller's write transaction, after every other demo step of the instansi.  0 or -1. */
int demo_akses_create(struct db *db, int64_t instansi_id, int tahun, int64_t now, struct demo_akses_hasil *hasil);
#endif
