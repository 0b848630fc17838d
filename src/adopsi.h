/* adopsi.h: the adoption view for admins (issue 14 item 6): where training is needed.
 *
 * Per unit kerja of an instansi: how many of its pegawai used kinerja in each of the last N weeks
 * (an account is active in a week when it signed in, used a session, changed something (audit
 * log) or read a pegawai's data (access log) in it; weeks start Monday 00:00 WIB); the share of
 * pegawai with an SKP approved in the periode; the share who logged activities in those weeks.
 * And the slowest steps of the workflow, median and 90th percentile in days overall and by unit:
 * SKP draft to diajukan, diajukan to disetujui (periode), activity logged to reviewed, realisasi
 * entered to reviewed (the weeks), and penilaian final after the end of its period (periode).
 * Units are the pegawai's current unit.  Domain functions; no HTTP.
 */
#ifndef KINERJA_ADOPSI_H
#define KINERJA_ADOPSI_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "db/db.h"

#define ADOPSI_MINGGU_MAKS 26
#define ADOPSI_SAMPEL_MAKS 50000   /* most recent samples per step */

/* The p-th quantile (0..1) of n sorted values, linearly interpolated between the closest ranks
 * (h = (n-1)p; the "type 7" of Hyndman and Fan, also numpy's default).  n > 0.  Pure. */
double adopsi_kuantil(const double *urut, size_t n, double p);

/* The Monday 00:00 WIB (as unix seconds) of the week holding `now`.  Pure. */
int64_t adopsi_awal_minggu(int64_t now);

/* Builds the view of instansi_id for periode_id (0 = the newest periode of the instansi) over
 * the `minggu` weeks ending with the one holding now.  *out receives a new object (caller owns):
 * {instansi_id, periode, minggu[], unit[], total, langkah[]}.  0, 1 (periode not in the
 * instansi) or -1 (database error). */
int adopsi_hitung(struct db *db, int64_t instansi_id, int64_t periode_id, int minggu, int64_t now, json_t **out);
#endif
