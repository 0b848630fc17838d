/* laporan_pekerja.h: the thread of `kinerja serve` that makes report exports (laporan.h) one at a
 * time with its own two database connections, woken when a job is asked for and every few
 * seconds otherwise; it also deletes old files once an hour. */
#ifndef KINERJA_LAPORAN_PEKERJA_H
#define KINERJA_LAPORAN_PEKERJA_H
/* Starts the thread; 0 or -1.  The strings must outlive it.  sewa: the lease of a claim in
 * seconds (--job-lease): after it a job whose node stopped renewing it is claimed again. */
int laporan_pekerja_mulai(const char *db_path, const char *data_dir, int sewa);
/* Wakes it up (after a job was asked for); harmless when it is not running. */
void laporan_pekerja_bangunkan(void);
/* Stops after the current job and joins. */
void laporan_pekerja_berhenti(void);
#endif
