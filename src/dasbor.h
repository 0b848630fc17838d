/* dasbor.h: the numbers behind the dashboards (issue 8), "as of now", for one scope at a time.
 * No HTTP and no access checks: the caller decides who may see which pegawai, team or unit.
 *
 *  - dasbor_pegawai: one pegawai's year: capaian per IKI month by month and year to date, the
 *    activity calendar, feedback received per month, predikat history, angka kredit (JF).
 *  - dasbor_tim: an atasan's bawahan: SKP, activities this week, last month's realisasi, reviews
 *    waiting, annual predikat, risk signals with reasons; the team's predikat distribution
 *    against the pola distribusi of the atasan's unit.
 *  - dasbor_unit: a unit and everything under it (unit_id 0: the whole instansi): compliance
 *    with its explanation, the child units as drill-down rows, the unit's own pegawai, the
 *    annual predikat distribution against each unit's predikat organisasi, monthly trends, and
 *    (for the instansi) the top and bottom units.
 * Compliance and risk follow rules/kepatuhan.h; capaian follows rules/target.h.
 */
#ifndef KINERJA_DASBOR_H
#define KINERJA_DASBOR_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"

/* The year's dates shared by the three views, in the instansi's timezone. */
struct dasbor_waktu {
  int tahun;
  char hari_ini[11], senin[11];   /* this week: Monday .. today */
  int bulan_lalu;                 /* the last complete month of `tahun` (0: none yet) */
  int bulan_berjalan;             /* months of `tahun` begun by today (0..12) */
  int64_t periode_id;             /* the instansi's penilaian period of `tahun`, 0 when none */
};
/* 0, or -1 on a database error. */
int dasbor_waktu(struct db *db, int64_t instansi_id, int tahun, struct dasbor_waktu *w);

/* NULL on error, or *pesan (Indonesian) when the pegawai / unit does not exist. */
json_t *dasbor_pegawai(struct db *db, int64_t pegawai_id, int tahun, const char **pesan);
json_t *dasbor_tim(struct db *db, int64_t atasan_id, int tahun, const char **pesan);
json_t *dasbor_unit(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun, const char **pesan);

/* How the API serialises a dashboard (reply_json's flags), so a cached text is byte for byte
 * what the uncached path sends. */
#define DASBOR_JSON_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(15))
/* dasbor_unit() as that JSON text (malloc'd, the caller frees; *len its length), served from a
 * process-wide cache while no table it reads has changed (versi_data, sql/021) and the
 * instansi's day is the same (dasbor_cache.c).  NULL on error, or with *pesan as dasbor_unit. */
char *dasbor_unit_teks(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun, size_t *len, const char **pesan);
/* Requests answered from that cache and computed since start. */
void dasbor_cache_statistik(uint64_t *hit, uint64_t *miss);

/* Recomputes the activity rollups (aktivitas_bulan, aktivitas_unit_bulan) from aktivitas in one
 * write transaction; their row counts in *bulan_n and *unit_n.  0, or -1 (nothing changed). */
int dasbor_ringkasan_bangun(struct db *db, int64_t *bulan_n, int64_t *unit_n);
#endif
