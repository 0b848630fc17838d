/* demo_organisasi.h: organisation targets and their capaian for the demo (issue 15). */
#ifndef KINERJA_DEMO_ORGANISASI_H
#define KINERJA_DEMO_ORGANISASI_H
#include <stdint.h>
#include "db/db.h"

struct demo_organisasi_hasil { int sasaran, iku, pk, rhk_tertaut, realisasi; };

/* A Renstra (RPJMD sasaran and the Dinas Pendidikan's) with IKU and five yearly targets, the
 * PK of the Sekretariat Daerah, the Dinas Pendidikan and its Bidang Pembinaan SD for `tahun`,
 * the RHK of their heads linked to those PK (the demo SKP cascade continues below them), a
 * year of IKU realisasi (tahun - 1, closed) and the quarters of `tahun` already past.  Runs
 * inside the caller's write transaction after demo_skp_create.  0 or -1. */
int demo_organisasi_create(struct db *db, int64_t instansi_id, int tahun, struct demo_organisasi_hasil *hasil);
#endif
