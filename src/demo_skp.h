/* demo_skp.h: SKP of the current year for a demo instansi (called by demo.c). */
#ifndef KINERJA_DEMO_SKP_H
#define KINERJA_DEMO_SKP_H
#include <stdint.h>
#include "db/db.h"

/* Pegawai whose end state is fixed so that the named demo accounts see something useful. */
struct demo_skp_pilihan {
  int64_t diajukan;      /* waits in the atasan account's review queue */
  int64_t disetujui_1;   /* approved (the pegawai account's atasan) */
  int64_t disetujui_2;   /* approved (the pegawai account) */
};
struct demo_skp_hasil { int skp, disetujui; };

/* Creates and moves the SKP of every active pegawai of the instansi, top-down.  Runs inside
 * the caller's write transaction.  Returns 0 or -1. */
int demo_skp_create(struct db *db, int64_t instansi_id, int tahun, const struct demo_skp_pilihan *pilih,
                    struct demo_skp_hasil *hasil);
#endif
