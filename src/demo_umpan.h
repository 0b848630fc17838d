/* demo_umpan.h: evidence links, a 360 round and public feedback for the demo (issues 5, 6). */
#ifndef KINERJA_DEMO_UMPAN_H
#define KINERJA_DEMO_UMPAN_H
#include <stdint.h>
#include "db/db.h"

struct demo_umpan_hasil { int bukti, jawaban_360, masukan; };

/* Inside the caller's write transaction.  `kasi` is the pegawai assessed in the 360 round,
 * `pembuka` the pengguna who opens it, `unit` the unit that gets public feedback.  0 or -1. */
int demo_umpan_create(struct db *db, int64_t instansi_id, int64_t kasi, int64_t pembuka, int64_t unit,
                      struct demo_umpan_hasil *hasil);
#endif
