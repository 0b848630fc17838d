/* laporan.h: report exports as background jobs (issue 8): asked for through the API, made by a
 * worker (laporan_pekerja.h) into data_dir/laporan/, followed by their progress, downloaded by
 * whoever asked.  The same report (kind, format, scope, year) asked again before anything changed
 * (the audit chain's last id) is served from the earlier file.  A user has at most
 * LAPORAN_MAKS_ANTRI jobs waiting or running. */
#ifndef KINERJA_LAPORAN_H
#define KINERJA_LAPORAN_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"
#include "rekap.h"

#define LAPORAN_MAKS_ANTRI 3
#define LAPORAN_SIMPAN_HARI 7    /* files are deleted this many days after they were made */

/* Asks for the rekap of `l` as `f` for user `pengguna_id`.  Returns 0 with *id (a new job, or an
 * earlier one for the same report and data when *dari_cache), 3 when the user already has
 * LAPORAN_MAKS_ANTRI jobs in progress, -1 on error.  Runs in the caller's write transaction. */
int laporan_minta(struct db *db, int64_t pengguna_id, const struct rekap_lingkup *l, enum rekap_format f,
                  int64_t *id, bool *dari_cache);
/* The job as JSON (with `unduh` when done), or NULL when it is not this user's (or absent). */
json_t *laporan_json(struct db *db, int64_t id, int64_t pengguna_id);
/* The user's last 50 jobs, newest first. */
json_t *laporan_daftar(struct db *db, int64_t pengguna_id);
/* Path and type of a finished job's file: 0, 1 absent/not theirs, 2 not finished, -1 error. */
int laporan_berkas(struct db *db, const char *data_dir, int64_t id, int64_t pengguna_id, char *path, size_t n,
                   enum rekap_format *f);

/* Worker side.  Claims the oldest waiting job (or one whose claim's lease of `sewa` seconds ran
 * out: its node died) and makes it: 1 when one was made or failed, 0 when none waits, -1 on a
 * database error.  Nodes sharing the database claim different jobs (FOR UPDATE SKIP LOCKED on
 * PostgreSQL); progress renews the lease; the final mark is fenced by the claim number, so a
 * node that lost its lease changes nothing.  Claims and progress are written on `db`; the report
 * is read on `baca`, a second connection to the same database.  jeda_uji: seconds to hold the
 * claim before working (tests only; 0 otherwise). */
#define LAPORAN_SEWA_BAKU 600
int laporan_kerjakan_satu(struct db *db, struct db *baca, const char *data_dir, int sewa, int jeda_uji);
/* Deletes files (and rows) of jobs finished more than LAPORAN_SIMPAN_HARI days ago. */
int laporan_bersihkan(struct db *db, const char *data_dir);
#endif
