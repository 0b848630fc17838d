/* tugas_harian.h: once-a-day work of `kinerja serve` (the 07:00 WIB reminders) run by one node
 * only when several nodes share the database (table tugas_harian, sql/033). */
#ifndef KINERJA_TUGAS_HARIAN_H
#define KINERJA_TUGAS_HARIAN_H
#include "db/db.h"

/* Seconds after which a claim that never finished (its node died) may be taken again. */
#define TUGAS_HARIAN_SEWA 600

/* Claims job `nama` for day `tanggal` (YYYY-MM-DD) for this node: 1 when this node must run it,
 * 0 when another node claimed that day (or it is done), -1 on a database error.  One statement,
 * so two nodes asking at once get one claim between them. */
int tugas_harian_klaim(struct db *db, const char *nama, const char *tanggal);
/* Marks the claimed day of `nama` done (0 or -1). */
int tugas_harian_selesai(struct db *db, const char *nama);
#endif
