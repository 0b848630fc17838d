/* inovasi.h: the innovation register (issue 15 part 3).
 *
 * A pegawai records an innovation: the idea (judul), the problem it solves (masalah), the unit or
 * service it serves (layanan), its stage (tahap: diusulkan, diuji_coba, diterapkan, direplikasi),
 * an optional measured effect on a service (indikator, nilai sebelum/sesudah and satuan) and
 * evidence in the bukti store (bukti.inovasi_id).  Someone above the owner in the atasan chain
 * validates it or returns it with a note; the owner cannot validate their own.  An edit of a
 * validated innovation sends it back to be validated again.  No HTTP here; writes run in the
 * caller's transaction with an audit record.
 *
 * Writers return 0 ok, 1 field errors in *errs, 2 not found, 3 refused (*http 403/409 and
 * *pesan, Indonesian), -1 database error.
 */
#ifndef KINERJA_INOVASI_H
#define KINERJA_INOVASI_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

#define INOVASI_JUDUL_MAKS 200
#define INOVASI_TEKS_MAKS 2000

/* "diusulkan" -> "Diusulkan", "diuji_coba" -> "Diuji coba", ...; NULL when unknown. */
const char *inovasi_tahap_label(const char *kode);

/* Creates an innovation of pegawai_id from body {judul, masalah, layanan, tahap, dampak?}
 * (status diajukan) and notifies the owner's atasan.  *out_id receives the id. */
int inovasi_buat(struct db *db, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                 json_t **errs, int *http, const char **pesan, int64_t *out_id);
/* The owner changes members of body; a validated innovation goes back to diajukan. */
int inovasi_ubah(struct db *db, int64_t id, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                 json_t **errs, int *http, const char **pesan);
/* The owner deletes an innovation that is not validated; its bukti stay with the owner. */
int inovasi_hapus(struct db *db, int64_t id, int64_t pegawai_id, const struct audit_actor *who,
                  int *http, const char **pesan);
/* validator_id validates (setuju) or returns (catatan required) an innovation in diajukan of
 * someone below them in the atasan chain.  body: {catatan?}. */
int inovasi_putus(struct db *db, int64_t id, int64_t validator_id, bool setuju, json_t *body,
                  const struct audit_actor *who, json_t **errs, int *http, const char **pesan);

/* Owner and instansi of an innovation: 0, 1 absent, -1 error. */
int inovasi_pemilik(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id);
/* The innovation as JSON (new reference) or NULL (absent or error). */
json_t *inovasi_json(struct db *db, int64_t id);

struct inovasi_query {
  int64_t instansi_id;     /* 0: every instansi (superadmin) */
  int64_t scope_root;      /* non-zero: only this pegawai and their subtree */
  int64_t pegawai_id, unit_kerja_id;   /* unit: the unit and its sub-units */
  int64_t tanpa_pegawai;   /* non-zero: leave this pegawai's own out (a validator's queue) */
  const char *tahap, *status, *q;
  int tahun;               /* 0: every year */
  const char *urut;        /* terbaru (default), judul, tahap */
  int limit, offset;
};
/* {items, total, limit, offset, per_tahap{diusulkan, diuji_coba, diterapkan, direplikasi}}
 * (per_tahap counts the same filters without tahap).  NULL with *bad = the field of an invalid
 * filter, or NULL on a database error (*bad NULL). */
json_t *inovasi_list(struct db *db, const struct inovasi_query *q, const char **bad);
#endif
