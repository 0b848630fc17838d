/* penghargaan.h: recognition for sustained performance (issue 14 part 5).
 *
 * Each instansi configures rules (penghargaan_aturan): "sangat_baik_berturut" (predikat Sangat
 * Baik in the last N final periodic penilaian, the latest ending in the year) and
 * "inovasi_tahun" (at least N validated innovations in the year, inovasi_tervalidasi.h).  The
 * pegawai who meet an active rule in a year are candidates; the pimpinan issues a piagam for a
 * candidate (numbered PGH/<tahun>/<nnnn>, recorded and audited, the pegawai notified).  Nothing
 * is shown to colleagues without the pegawai's consent (persetujuan, set by the pegawai per
 * piagam): lists show a piagam to the pegawai, their atasan chain and pimpinan/admin, and to
 * anyone else in the instansi only when consented.
 *
 * Writers return 0, 1 field errors in *errs, 2 not found, 3 refused (*http, *pesan), -1.
 */
#ifndef KINERJA_PENGHARGAAN_H
#define KINERJA_PENGHARGAAN_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

/* ---- rules ---- */
json_t *penghargaan_aturan_list(struct db *db, int64_t instansi_id);   /* {items}; NULL on error */
json_t *penghargaan_aturan_json(struct db *db, int64_t id);
/* The instansi of a rule: 0, 1 absent, -1 error. */
int penghargaan_aturan_instansi(struct db *db, int64_t id, int64_t *instansi_id);
/* body {nama, jenis, jumlah, aktif?}; a name already used in the instansi is 3/409. */
int penghargaan_aturan_buat(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who,
                            json_t **errs, int *http, const char **pesan, int64_t *out_id);
/* body {nama?, jumlah?, aktif?} (jenis cannot change). */
int penghargaan_aturan_ubah(struct db *db, int64_t id, json_t *body, const struct audit_actor *who,
                            json_t **errs, int *http, const char **pesan);

/* ---- candidates and piagam ---- */
/* Candidates of year tahun in the instansi (unit_kerja_id: that unit and its sub-units, 0 =
 * all): {tahun, items[{aturan{id,nama,jenis,jumlah}, pegawai{id,nama,nip,unit_kerja}, alasan,
 * penghargaan_id|null}]}; NULL on error. */
json_t *penghargaan_kandidat(struct db *db, int64_t instansi_id, int tahun, int64_t unit_kerja_id);
/* The pimpinan (pengguna_id, in instansi_id) issues a piagam: body {aturan_id, pegawai_id,
 * tahun}; the rule must be active and met (else 3/409), once per rule, pegawai and year. */
int penghargaan_terbitkan(struct db *db, int64_t instansi_id, int64_t pengguna_id, json_t *body,
                          const struct audit_actor *who, json_t **errs, int *http, const char **pesan, int64_t *out_id);
json_t *penghargaan_json(struct db *db, int64_t id);
/* Owner and instansi of a piagam: 0, 1 absent, -1 error. */
int penghargaan_pemilik(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id);
/* The owner sets consent: body {setuju: bool}. */
int penghargaan_persetujuan(struct db *db, int64_t id, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                            json_t **errs, int *http, const char **pesan);

struct penghargaan_query {
  int64_t instansi_id;       /* 0: every instansi (superadmin) */
  int64_t pemirsa_id;        /* non-zero: a viewer who sees only their own, their subtree's and consented ones */
  int64_t unit_kerja_id, pegawai_id;
  int tahun;
  int limit, offset;
};
/* {items, total, limit, offset}; NULL on error. */
json_t *penghargaan_list(struct db *db, const struct penghargaan_query *q);
#endif
