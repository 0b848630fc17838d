/* tpp_bulan.h: the monthly TPP/tukin run of an instansi (issue 9 point 3) on rules/tpp.c: every
 * active pegawai's allowance from their kelas jabatan, the period's predikat, the month's presensi
 * (schedule, records, statuses, holidays) and active sanctions, stored with the engine's inputs
 * from which every line of its explanation is rendered on read (tpp_rincian.h); a draft that can be recomputed, then approved and locked (hash in the audit
 * chain).  Also the what-if of a draft table against the month, and the queries of the screens.
 * Writers run in the caller's transaction: 0, 1 field errors, 2 not found, 3 refused (*http,
 * *pesan), -1 error. */
#ifndef KINERJA_TPP_BULAN_H
#define KINERJA_TPP_BULAN_H
#include <jansson.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"
#include "rules/tpp.h"

/* The rule table in force for a month (the active one with the latest berlaku_mulai <= month).
 * 0 with *a and *id, 1 none, -1 error (or a stored table that no longer parses). */
int tpp_aturan_berlaku(struct db *db, int64_t instansi_id, int tahun, int bulan, struct tpp_aturan *a, int64_t *id);
/* A stored table by id: 0, 1 absent, -1 error. */
int tpp_aturan_muat(struct db *db, int64_t id, int64_t *instansi_id, struct tpp_aturan *a, char status[8]);

/* Computes (or recomputes) the draft of a month.  *out_id receives the tpp_bulan id. */
int tpp_bulan_hitung(struct db *db, int64_t instansi_id, int tahun, int bulan, const struct audit_actor *who, int *http,
                     const char **pesan, int64_t *out_id);
/* Approves a draft: locked, with the hash of its results in the audit chain. */
int tpp_bulan_setujui(struct db *db, int64_t bulan_id, int64_t pengguna_id, const struct audit_actor *who, int *http,
                      const char **pesan);
/* What the month would cost under a (draft) table: totals, the difference with the month as
 * stored, per unit; nothing is stored. */
json_t *tpp_simulasi(struct db *db, int64_t instansi_id, int64_t aturan_id, int tahun, int bulan, const char **pesan);

json_t *tpp_bulan_daftar(struct db *db, int64_t instansi_id);
/* The month with its rows (unit filter 0 = all; cursor = last pegawai id; limit 1..500). */
json_t *tpp_bulan_json(struct db *db, int64_t bulan_id, int64_t unit_id, int64_t cursor, int limit, int64_t *instansi_id);
/* One pegawai's result with every line; NULL when absent. */
json_t *tpp_hasil_json(struct db *db, int64_t bulan_id, int64_t pegawai_id);
/* The tpp_bulan id of a pegawai's month (0 when not computed), and its instansi. */
int64_t tpp_bulan_cari(struct db *db, int64_t instansi_id, int tahun, int bulan);
#endif
