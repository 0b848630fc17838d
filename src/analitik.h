/* analitik.h: the explainable analytics of issue 8 (rules in rules/analitik.h), read from the
 * database for one scope, and what HR enters for them: the training catalogue and potensi.
 * No HTTP, no access checks.  Writers run in the caller's transaction and return 0, 1 field
 * errors (*errs), 2 not found, -1 error. */
#ifndef KINERJA_ANALITIK_H
#define KINERJA_ANALITIK_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

/* Rater leniency/severity of every penilai of the instansi over the year's final penilaian. */
json_t *analitik_kelonggaran_json(struct db *db, int64_t instansi_id, int tahun);
/* Evidence gaps in a unit subtree (unit_id 0: the instansi): realisasi filed without bukti,
 * activities not linked to an RHK; per pegawai, the 100 with the most gaps. */
json_t *analitik_bukti_json(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun);
/* The 9-box of a unit subtree (unit_id 0: the instansi) and the consistent Sangat Baik
 * performers (their last three final penilaian all Sangat Baik). */
json_t *analitik_talenta_json(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun);
/* Development recommendations for one pegawai, each with its reasons. */
json_t *analitik_rekomendasi_json(struct db *db, int64_t pegawai_id, int tahun, const char **pesan);

/* Potensi of a pegawai for a year: {tahun, potensi, catatan}. */
int analitik_potensi_set(struct db *db, int64_t pegawai_id, int64_t instansi_id, json_t *body, const struct audit_actor *who,
                         int64_t pengguna_id, json_t **errs);

/* The training catalogue. */
json_t *katalog_list(struct db *db, int64_t instansi_id, bool semua);
int katalog_simpan(struct db *db, int64_t instansi_id, int64_t id, json_t *body, const struct audit_actor *who,
                   json_t **errs, int64_t *out_id);
int katalog_hapus(struct db *db, int64_t instansi_id, int64_t id, const struct audit_actor *who);
json_t *katalog_get(struct db *db, int64_t id, int64_t *instansi_id);
#endif
