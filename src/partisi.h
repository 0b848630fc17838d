/* partisi.h: monthly partitions on PostgreSQL (issue 12 part 3; sql/pg/031_partisi.sql).
 *
 * aktivitas, audit_log and presensi are partitioned by month there.  The server keeps a
 * partition for the current month and `maju` months after it (--partition-ahead), created on
 * start (migrate_run) and every --partition-interval seconds by a background thread; rows that
 * no partition covers land in <table>_default, and every month found there is split out into
 * its own partition at the next pass (so no insert fails, and the default partition stays
 * small).  SQLite has no partitions: everything here does nothing there. */
#ifndef KINERJA_PARTISI_H
#define KINERJA_PARTISI_H
#include <stddef.h>
#include <time.h>
#include "db/db.h"

#define PARTISI_MAJU_BAWAAN 3       /* months ahead of the current one, by default */
#define PARTISI_MAJU_MAKS 120
#define PARTISI_RENCANA_MAKS 512    /* months created in one pass at most (per table) */

/* The months to create (as tahun * 100 + bulan) for one table: the current month tahun-bulan
 * and the `maju` months after it, plus every month in `di_default` (months holding rows in the
 * default partition; values outside 1970-01..9999-12 or with a month outside 1..12 are
 * ignored), minus the months in `ada` (partitions that exist).  Written to out ascending and
 * without duplicates, at most `maks`; returns how many.  Pure: no clock, no database. */
size_t partisi_rencana(int tahun, int bulan, int maju, const int *ada, size_t nada,
                       const int *di_default, size_t ndef, int *out, size_t maks);

struct partisi_hasil {
  int dibuat;     /* partitions created (over all tables) */
  int dipindah;   /* of these, months split out of a default partition */
};

/* One pass over the partitioned tables in the caller's write transaction (PostgreSQL; on
 * SQLite 0 at once).  now gives the current month (UTC).  0, or -1 on a database error (the
 * caller rolls back). */
int partisi_jalankan(struct db *db, time_t now, int maju, struct partisi_hasil *h);
/* partisi_jalankan in its own write transaction.  0 or -1 (logged). */
int partisi_pelihara(struct db *db, time_t now, int maju, struct partisi_hasil *h);

struct latar;
/* The server's partition thread: partisi_pelihara every `jeda` seconds with `maju` on its own
 * connection to db_path; logs what it created.  Stop it with latar_henti (util/latar.h).  NULL
 * when it could not start; on SQLite no thread is started and NULL is returned too. */
struct latar *partisi_latar_mulai(const char *db_path, int maju, int jeda);
#endif
