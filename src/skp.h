/* skp.h: SKP planning (PermenPANRB 6/2022): periods, SKP documents, RHK and IKI, perilaku
 * expectations, the workflow with revisions, cascading checks and the matriks peran hasil.
 * No HTTP here; every write runs inside the caller's write transaction and is audited.
 *
 * Return convention of the writers: 0 ok, 1 field errors in *errs (422), 2 not found,
 * 3 refused with a message in *pesan / *errs (403 or 409, see *http), -1 database error.
 */
#ifndef KINERJA_SKP_H
#define KINERJA_SKP_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "auth/principal.h"
#include "db/db.h"
#include "rules/skp_alur.h"

/* ---- periode ---- */
/* The period of `tahun` for an instansi, created (terbuka, triwulanan) when missing and
 * `create` is set.  Returns 0 with *id, 1 when absent, -1 on error. */
int periode_of_year(struct db *db, int64_t instansi_id, int tahun, bool create,
                    const struct audit_actor *who, int64_t *id);
json_t *periode_list(struct db *db, int64_t instansi_id);
json_t *periode_json(struct db *db, int64_t id, int64_t *instansi_out);
/* Create (id 0) or update from a JSON body: tahun, siklus, status, batas_skp, batas_penilaian. */
int periode_save(struct db *db, int64_t instansi_id, int64_t id, json_t *body,
                 const struct audit_actor *who, json_t **errs, int64_t *out_id);

/* ---- SKP ---- */
struct skp_head {
  int64_t id, instansi_id, periode_id, pegawai_id, penilai_id, jabatan_id, unit_kerja_id;
  int tahun, revisi;
  bool periode_terbuka, penilai_manual;
  enum skp_status status;
  char jenis[8];          /* ja_jf | jpt */
  char pendekatan[16];    /* kuantitatif | kualitatif */
  char mulai[11], selesai[11];
};
/* 0 found, 1 absent, -1 error. */
int skp_head_load(struct db *db, int64_t id, struct skp_head *h);

/* Who the caller is for this SKP: the pegawai, the penilai, or someone else. */
enum skp_pelaku skp_pelaku_of(const struct skp_head *h, const struct principal *who);
/* May `who` read this SKP?  (pegawai, atasan chain, penilai, pimpinan/admin of the instansi,
 * superadmin).  0 yes, 1 no, -1 error. */
int skp_can_read(struct db *db, const struct skp_head *h, const struct principal *who);

struct skp_create_opts {
  int64_t pegawai_id;
  int tahun;
  const char *pendekatan;   /* NULL = kuantitatif */
  int64_t salin_dari;       /* 0, or an SKP (same pegawai) whose rows are copied */
};
int skp_create(struct db *db, const struct skp_create_opts *o, const struct audit_actor *who,
               json_t **errs, int *http, const char **pesan, int64_t *out_id);

/* The whole SKP as API JSON, with the actions `who` may take ("aksi"). NULL on error. */
json_t *skp_json(struct db *db, int64_t id, const struct principal *who);

/* Lists SKP: filters in q (tahun, pegawai_id, penilai_id, status), scope from `who`. */
struct skp_query {
  int64_t instansi_id;      /* 0 = all (superadmin) */
  int64_t scope_root;       /* >0: only this pegawai's subtree (and SKP they assess) */
  int64_t pegawai_id, penilai_id;
  int tahun;
  const char *status;
  int64_t cursor;           /* last id of the previous page */
  int limit;
};
json_t *skp_list(struct db *db, const struct skp_query *q, const char **bad);

/* Edits of the head (pendekatan, lampiran_*): pegawai, editable state. */
int skp_update(struct db *db, const struct skp_head *h, json_t *body, const struct audit_actor *who,
               json_t **errs);
/* RHK rows: add (returns *out_id), update, delete. */
int skp_rhk_add(struct db *db, const struct skp_head *h, json_t *body, const struct audit_actor *who,
                json_t **errs, int *http, const char **pesan, int64_t *out_id);
int skp_rhk_update(struct db *db, const struct skp_head *h, int64_t rhk_id, json_t *body,
                   const struct audit_actor *who, json_t **errs, int *http, const char **pesan);
int skp_rhk_delete(struct db *db, const struct skp_head *h, int64_t rhk_id,
                   const struct audit_actor *who, int *http, const char **pesan);
/* The SKP an RHK belongs to: 0 with *skp_id, 1 absent, -1 error. */
int rhk_skp_of(struct db *db, int64_t rhk_id, int64_t *skp_id);

/* Ekspektasi khusus pimpinan: body {"ekspektasi": {"1": "...", ...}} (penilai). */
int skp_perilaku_set(struct db *db, const struct skp_head *h, json_t *body,
                     const struct audit_actor *who, json_t **errs);

/* Workflow transitions: ajukan, tarik, setujui, kembalikan (body: catatan, baris[{rhk_id,
 * catatan}]), revisi.  The caller checked the pelaku with skp_alur(). */
int skp_transisi(struct db *db, const struct skp_head *h, enum skp_aksi aksi, json_t *body,
                 const struct audit_actor *who, json_t **errs);
/* Admin: assign the pejabat penilai (when the atasan is vacant or wrong). */
int skp_set_penilai(struct db *db, const struct skp_head *h, int64_t penilai_id,
                    const struct audit_actor *who, json_t **errs);

/* Revisions: approved versions (newest first) and the diff of the current content against
 * the last approved version. */
json_t *skp_revisi_list(struct db *db, int64_t skp_id);
json_t *skp_diff(struct db *db, int64_t skp_id);

/* Approved RHK of the penilai's SKP in the same period: the cascading picker. */
json_t *skp_rhk_atasan(struct db *db, const struct skp_head *h);
/* Matriks peran hasil: the SKP owner's RHK x their bawahan. */
json_t *skp_matriks(struct db *db, const struct skp_head *h);
/* Assigns one atasan RHK to many bawahan: body {bawahan: [pegawai ids], rhk, iki: [...]}.
 * Result {"ditugaskan": [...], "dilewati": [{pegawai_id, alasan}]}. */
int skp_tugaskan(struct db *db, const struct skp_head *atasan_skp, int64_t rhk_atasan_id, json_t *body,
                 const struct audit_actor *who, json_t **errs, json_t **result);

/* Status of SKP per pegawai for an instansi and year (who has none, draft, ...). */
struct skp_status_query {
  int64_t instansi_id, unit_kerja_id;
  int tahun;
  const char *status;       /* belum | draft | diajukan | disetujui | dikembalikan | NULL */
  int64_t cursor;
  int limit;
};
json_t *skp_status_laporan(struct db *db, const struct skp_status_query *q, const char **bad);

/* RHK templates per jabatan. */
json_t *rhk_templat_list(struct db *db, int64_t jabatan_id);
int rhk_templat_add(struct db *db, int64_t instansi_id, int64_t jabatan_id, json_t *body,
                    const struct audit_actor *who, json_t **errs, int64_t *out_id);
int rhk_templat_delete(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who);

/* A mutasi of the pegawai on `tanggal`: the SKP covering that date ends the day before and a
 * new draft SKP starts on `tanggal` for the new jabatan (called by pegawai_mutasi). */
int skp_on_mutasi(struct db *db, int64_t pegawai_id, const char *tanggal, const struct audit_actor *who);
#endif
