/* umpan360.h: 360-degree feedback rounds (issue 6 point 7): an atasan or admin opens a round
 * for a pegawai with peers and bawahan as respondents; each answers once, anonymously, a score
 * 1-5 per BerAKHLAK value with optional comments; results are shown only aggregated and only
 * when at least 3 responded.  Advisory for the rating perilaku (the atasan decides). */
#ifndef KINERJA_UMPAN360_H
#define KINERJA_UMPAN360_H
#include <jansson.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

#define UMPAN360_MIN_RESPONDEN 3

int umpan360_buka(struct db *db, int64_t pegawai_id, int64_t pengguna_id, json_t *body, const struct audit_actor *who,
                  json_t **errs, int64_t *out_id);
/* Aggregated result: per value the mean (2 decimals) and count, comments; all hidden below 3. */
json_t *umpan360_hasil(struct db *db, int64_t id);
/* 0 found (*pegawai_id assessed, *instansi_id), 1 absent, -1 error. */
int umpan360_putaran(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id, char status[10]);
/* Rounds waiting for this respondent. */
json_t *umpan360_tugas(struct db *db, int64_t pegawai_id);
int umpan360_jawab(struct db *db, int64_t id, int64_t responden_id, json_t *body, const struct audit_actor *who,
                   json_t **errs, int *http, const char **pesan);
int umpan360_tutup(struct db *db, int64_t id, const struct audit_actor *who, int *http, const char **pesan);
/* The rounds of a pegawai (newest first) with how many were asked and answered. */
json_t *umpan360_daftar(struct db *db, int64_t pegawai_id);
#endif
