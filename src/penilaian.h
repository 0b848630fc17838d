/* penilaian.h: periodic and annual penilaian by the pejabat penilai (issue 6): ratings with
 * feedback per RHK and per BerAKHLAK value, the predikat from the matrix (rules/predikat.c),
 * predikat organisasi per unit, the pola distribusi check of a unit (rules/kurva.c) and
 * finalisation (locked, hash in the audit chain).  No HTTP; writes run in the caller's
 * transaction.  Writers return 0, 1 field errors, 2 not found, 3 refused (*http, *pesan), -1.
 */
#ifndef KINERJA_PENILAIAN_H
#define KINERJA_PENILAIAN_H
#include <jansson.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"
#include "skp.h"

/* The penilai starts (or finds) the penilaian of an approved SKP: jenis periodik|tahunan,
 * periode_ke by the period's siklus (0 for tahunan). */
int penilaian_buat(struct db *db, const struct skp_head *h, json_t *body, const struct audit_actor *who,
                   json_t **errs, int *http, const char **pesan, int64_t *out_id);
/* The whole penilaian with its context: realisasi and activities of the range, feedback
 * count, ratings, feedback per RHK and perilaku, predikat with its explanation. */
json_t *penilaian_json(struct db *db, int64_t id);
/* Owner SKP and penilai of a penilaian: 0, 1 absent, -1 error. */
int penilaian_skp(struct db *db, int64_t id, int64_t *skp_id, int64_t *penilai_id, char status[8]);
/* Ratings, catatan, umpan_balik_rhk {rhk_id: text}, umpan_balik_perilaku {"1".."7": text}. */
int penilaian_ubah(struct db *db, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs,
                   int *http, const char **pesan);
/* Finalises: both ratings present, curve checked for tahunan (warn or block per instansi). On
 * success *peringatan may receive the curve violations (warn mode).  A second call is 3/409. */
int penilaian_final(struct db *db, int64_t id, const struct audit_actor *who, json_t **errs, int *http,
                    const char **pesan, json_t **peringatan);

struct penilaian_query { int64_t instansi_id, penilai_id, pegawai_id, scope_root; int tahun; const char *status; int limit; };
json_t *penilaian_list(struct db *db, const struct penilaian_query *q);

/* Predikat organisasi of a unit for a year (pimpinan / admin). */
int predikat_organisasi_set(struct db *db, int64_t unit_id, json_t *body, const struct audit_actor *who,
                            int64_t pengguna_id, json_t **errs);
/* The unit's annual distribution against its pola distribusi: {predikat_organisasi, jumlah,
 * patuh, pelanggaran[], penjelasan[]} (patuh null when no predikat organisasi is set). */
json_t *penilaian_kurva_unit(struct db *db, int64_t unit_id, int tahun);
#endif
