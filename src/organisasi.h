/* organisasi.h: organisation targets and their capaian (issue 15, the SAKIP link).
 *
 * Renstra sasaran strategis with their IKU and yearly targets (organisasi_target.c), each unit's
 * Perjanjian Kinerja indicators linked to an IKU or to the PK indicator above them and the link
 * of an SKP RHK to a PK indicator (organisasi_pk.c), the cascade tree viewed from either end
 * (organisasi_pohon.c), the CSV import (organisasi_impor.c), and the quarterly/annual realisasi,
 * capaian and suggested predikat organisasi, whose confirmation writes the existing
 * predikat_organisasi (organisasi_capaian.c).  Domain functions: no HTTP.  Writers run inside
 * the caller's write transaction and append an audit record.
 *
 * Return convention of the writers: 0 ok, 1 field errors in *errs (status 422), 2 not found,
 * 3 refused (*http 403/409 and *pesan, Indonesian), -1 database error.  `inst` is the caller's
 * instansi: 0 = any (superadmin).  A row of another instansi is 3 with 403. */
#ifndef KINERJA_ORGANISASI_H
#define KINERJA_ORGANISASI_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "audit.h"
#include "auth/principal.h"
#include "db/db.h"

#define ORG_TEKS_MAKS 2000
#define ORG_KODE_MAKS 40

struct org_hasil {
  json_t *hasil;        /* the row after the change (owned by the caller), or NULL */
  int http;             /* with 3 */
  const char *pesan;    /* with 3 */
};

/* ---- sasaran strategis and IKU (organisasi_target.c) ---- */
/* Lists the sasaran of instansi `inst` (0 = all) whose period covers `tahun` (0 = any), with
 * their IKU and targets: {items:[{..., iku:[{..., target:[{tahun,target}]}]}]}.  unit_id > 0
 * keeps that unit's Renstra, -1 the instansi's own (unit NULL), 0 all.  NULL on error. */
json_t *org_sasaran_daftar(struct db *db, int64_t inst, int tahun, int64_t unit_id);
int org_sasaran_buat(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h);
int org_sasaran_ubah(struct db *db, int64_t inst, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h);
int org_sasaran_hapus(struct db *db, int64_t inst, int64_t id, const struct audit_actor *who, struct org_hasil *h);
/* One IKU with its sasaran and targets; NULL when missing.  *inst_out its instansi. */
json_t *org_iku_json(struct db *db, int64_t id, int64_t *inst_out);
int org_iku_buat(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h);
int org_iku_ubah(struct db *db, int64_t inst, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h);
int org_iku_hapus(struct db *db, int64_t inst, int64_t id, const struct audit_actor *who, struct org_hasil *h);

/* ---- Perjanjian Kinerja (organisasi_pk.c) ---- */
/* PK indicators of instansi `inst` (0 = all) for `tahun`, optionally of one unit (0 = all):
 * {items:[...]} ordered by unit and urutan.  NULL on error. */
json_t *org_pk_daftar(struct db *db, int64_t inst, int tahun, int64_t unit_id);
json_t *org_pk_json(struct db *db, int64_t id, int64_t *inst_out);
int org_pk_buat(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h);
int org_pk_ubah(struct db *db, int64_t inst, int64_t id, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h);
int org_pk_hapus(struct db *db, int64_t inst, int64_t id, const struct audit_actor *who, struct org_hasil *h);
/* Links RHK `rhk_id` to a PK indicator (body {pk_indikator_id: id|null}).  The caller checked
 * who may change the RHK.  The indicator must be of the SKP's instansi and year, of the SKP's
 * unit or a unit above it.  Answers the trace of the RHK. */
int org_rhk_tautkan(struct db *db, int64_t rhk_id, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h);

/* ---- the tree (organisasi_pohon.c) ---- */
/* Who is looking (for the node filter): pegawai see the nodes that concern them (their own RHK,
 * their subtree's, and the chain above those); pimpinan/admin/superadmin all. */
/* IKU -> PK (and the PK below them) -> RHK linked -> bawahan RHK, for `tahun`.  NULL on error. */
json_t *org_pohon_iku(struct db *db, int64_t iku_id, int tahun, const struct principal *who);
/* Pegawai -> each RHK of their SKP of `tahun` -> atasan RHK ... -> PK ... -> IKU -> sasaran. */
json_t *org_jejak_pegawai(struct db *db, int64_t pegawai_id, int tahun);

/* ---- CSV import (organisasi_impor.c) ---- */
/* Rows of one CSV (header: jenis,kode,sasaran,indikator,satuan,arah,tahun,target,unit_kode,
 * iku_kode,tahun_mulai,tahun_selesai); all or nothing.  *hasil {sasaran, iku, pk} counts.
 * 1 with errors under "baris[n].kolom". */
int org_impor_csv(struct db *db, int64_t inst, const char *csv, size_t len, const struct audit_actor *who,
                  json_t **errs, struct org_hasil *h);

/* ---- capaian (organisasi_capaian.c) ---- */
int org_realisasi_simpan(struct db *db, int64_t inst, const char *jenis, int64_t indikator_id, int periode, json_t *body,
                         const struct audit_actor *who, int64_t pengguna_id, json_t **errs, struct org_hasil *h);
/* Capaian per indicator and per unit with the suggested and the confirmed predikat. */
json_t *org_capaian(struct db *db, int64_t inst, int tahun, int64_t unit_id);
int org_predikat_konfirmasi(struct db *db, int64_t unit_id, json_t *body, const struct audit_actor *who,
                            int64_t pengguna_id, json_t **errs, struct org_hasil *h);
int org_periode_tutup(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, int64_t pengguna_id,
                      json_t **errs, struct org_hasil *h);
json_t *org_ambang_json(struct db *db, int64_t inst);
int org_ambang_ubah(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, json_t **errs, struct org_hasil *h);
#endif
