/* demo_penilaian.h: evaluations for a demo instansi (issue 6). */
#ifndef KINERJA_DEMO_PENILAIAN_H
#define KINERJA_DEMO_PENILAIAN_H
#include <stdint.h>
#include "db/db.h"

struct demo_penilaian_hasil { int periodik, tahunan, unit; };

/* Final periodic penilaian for the quarters already past, predikat organisasi for the units,
 * and annual penilaian for one unit whose distribution breaks its pola distribusi.  Inside the
 * caller's write transaction.  0 or -1. */
int demo_penilaian_create(struct db *db, int64_t instansi_id, int tahun, struct demo_penilaian_hasil *hasil);
#endif
