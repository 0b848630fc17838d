/* peristiwa_simpul.h: change events between nodes (issue 12 part 4).  peristiwa.h publishes a
 * committed change to the live streams of the process that made it; with several nodes on one
 * PostgreSQL database the other nodes hear of it too: every recorded event is also sent with
 * pg_notify in the writing transaction (PostgreSQL delivers it only if that transaction commits,
 * and drops it with a rolled-back savepoint), and each node LISTENs and republishes what other
 * nodes sent to its own streams.  SQLite is one node: nothing to do there. */
#ifndef KINERJA_PERISTIWA_SIMPUL_H
#define KINERJA_PERISTIWA_SIMPUL_H
#include <stdint.h>
#include "db/db.h"

#define PERISTIWA_SALURAN "kinerja_peristiwa"

/* Inside the writing transaction (audit_append): sends the event of audit action `aksi` of
 * instansi_id to the other nodes.  Does nothing on SQLite.  0 or -1. */
int peristiwa_simpul_kirim(struct db *db, int64_t instansi_id, const char *aksi);

struct peristiwa_simpul;
/* Starts listening when `url` is a PostgreSQL database: events of other nodes go to
 * terbit(instansi_id, jenis).  NULL on SQLite (nothing to listen to) or when it cannot start. */
struct peristiwa_simpul *peristiwa_simpul_mulai(const char *url, void (*terbit)(int64_t instansi_id, const char *jenis));
void peristiwa_simpul_henti(struct peristiwa_simpul *p);
#endif
