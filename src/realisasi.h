/* realisasi.h: periodic realisasi per IKI per month, submitted to and reviewed by the penilai,
 * with capaian (realisasi / target) and the activities behind it; and the continuous feedback
 * threads (umpan balik, dialog kinerja) on an SKP, RHK, realisasi or activity (issue 5).
 *
 * Writers return 0 ok, 1 field errors (*errs), 2 not found, 3 refused (*http, *pesan), -1 error.
 */
#ifndef KINERJA_REALISASI_H
#define KINERJA_REALISASI_H
#include <jansson.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"
#include "skp.h"

/* The month's sheet of an SKP: every IKI with target, realisasi, capaian and the activities
 * linked to its RHK that month.  NULL on error. */
json_t *realisasi_bulan(struct db *db, const struct skp_head *h, int bulan);

/* Saves the realisasi of one IKI for a month (pegawai; while draft or returned). */
int realisasi_simpan(struct db *db, const struct skp_head *h, int64_t iki_id, int bulan, json_t *body,
                     const struct audit_actor *who, json_t **errs, int *http, const char **pesan);
/* Submits every draft/returned realisasi of the month to the penilai. */
int realisasi_ajukan(struct db *db, const struct skp_head *h, int bulan, const struct audit_actor *who,
                     json_t **errs, int *http, const char **pesan);
/* The penilai approves or returns one realisasi (catatan required to return). */
int realisasi_review(struct db *db, int64_t realisasi_id, int64_t penilai_id, bool setujui, const char *catatan,
                     const struct audit_actor *who, json_t **errs, int *http, const char **pesan);
/* The SKP of a realisasi / of an IKI: 0, 1 absent, -1 error. */
int realisasi_skp(struct db *db, int64_t realisasi_id, int64_t *skp_id);
int iki_skp(struct db *db, int64_t iki_id, int64_t *skp_id);
/* Review queue / list: penilai_id or skp_id filters, status. */
json_t *realisasi_list(struct db *db, int64_t penilai_id, int64_t skp_id, const char *status, int limit);

/* Feedback: the SKP a thread belongs to, from (entitas, id): 0, 1 absent, -1 error. */
int umpan_balik_skp(struct db *db, const char *entitas, int64_t entitas_id, int64_t *skp_id);
json_t *umpan_balik_list(struct db *db, const char *entitas, int64_t entitas_id);
int umpan_balik_tambah(struct db *db, const struct skp_head *h, int64_t penulis_id, json_t *body,
                       const struct audit_actor *who, json_t **errs, int64_t *out_id);
#endif
