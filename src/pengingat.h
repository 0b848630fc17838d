/* pengingat.h: reminders into the in-app inbox (issue 5): pegawai who have not logged an
 * activity for N working days, and penilai with items waiting longer than N days.  Run by
 * `kinerja pengingat` (cron) and once a day by the server.  A reminder is not repeated while an
 * unread one of the same kind exists. */
#ifndef KINERJA_PENGINGAT_H
#define KINERJA_PENGINGAT_H
#include <stdint.h>
#include "db/db.h"

struct pengingat_hasil { int belum_mencatat, menunggu_review; };

/* For every active instansi (or only instansi_id when non-zero); `hari` = N working days.
 * Runs its own write transaction.  0 or -1. */
int pengingat_jalankan(struct db *db, int64_t instansi_id, int hari, struct pengingat_hasil *hasil);
#endif
