/* peristiwa.h: change events for live dashboards (issue 8).  Every audited change records its
 * kind ("aktivitas", "realisasi", "penilaian", ...: the audit action before the dot) and
 * instansi in a per-thread list; after the transaction commits the list is published to
 * whatever was installed (the server's Server-Sent Events hub), after a rollback it is dropped.
 * An event says only "something of this kind changed in this instansi": listeners refetch what
 * they may see through the normal, scoped API, so an event carries no personal data. */
#ifndef KINERJA_PERISTIWA_H
#define KINERJA_PERISTIWA_H
#include <stdint.h>

typedef void (*peristiwa_fn)(int64_t instansi_id, const char *jenis);

/* Installs the publisher (NULL: events are dropped, as in command-line tools). */
void peristiwa_pasang(peristiwa_fn fn);
/* Records an audited action of this thread's open transaction (deduplicated, bounded): 1 when
 * it is a new event of this request (then it is also sent to other nodes: peristiwa_simpul.h),
 * 0 when already recorded, ignored, or no publisher is installed. */
int peristiwa_catat(int64_t instansi_id, const char *aksi);
/* After a commit: publishes and clears this thread's events.  After a rollback: clears them. */
void peristiwa_terbitkan(void);
void peristiwa_buang(void);
/* The group-commit writer (db/penulis.h) runs many requests in one transaction: while held
 * (tahan 1), peristiwa_terbitkan of one request keeps its events back instead of publishing,
 * and peristiwa_buang drops only the events not yet kept; peristiwa_lepas(1) publishes what was
 * kept once the batch is committed, peristiwa_lepas(0) drops it (the batch failed). */
void peristiwa_tahan(int on);
void peristiwa_lepas(int terbitkan);
#endif
