/* pegawai.h: employees, their mutasi history and scoped listing (no HTTP here).
 *
 * The current jabatan, unit and atasan are columns of pegawai; every change of them goes
 * through pegawai_mutasi() (or creation), which also keeps pegawai_riwayat with effective
 * dates, so that SKP and penilaian can ask who the atasan was at any date.
 */
#ifndef KINERJA_PEGAWAI_H
#define KINERJA_PEGAWAI_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "auth/principal.h"
#include "db/db.h"

struct pegawai_rec {
  int64_t id, instansi_id;
  char nip[19];
  char nama[201];
  char gelar_depan[51];
  char gelar_belakang[101];
  char jenis_kelamin[2];   /* "L" | "P" */
  char tanggal_lahir[11];  /* YYYY-MM-DD */
  char jenis_asn[5];       /* "PNS" | "PPPK" */
  char golongan[8];        /* normalised; "" = none */
  char email[255];
  int64_t jabatan_id, unit_kerja_id, atasan_id;  /* 0 = none */
  int aktif;
};

/* Loads a pegawai.  Returns 0, 1 when absent, -1 on error. */
int pegawai_load(struct db *db, int64_t id, struct pegawai_rec *out);

/* Applies the members of `body` to *rec (create: every field; update: those present).  Type
 * and shape errors go to *errs.  Fields: nip nama gelar_depan gelar_belakang jenis_kelamin
 * tanggal_lahir jenis_asn golongan email aktif, and on create jabatan_id unit_kerja_id atasan_id. */
void pegawai_apply_json(json_t *body, struct pegawai_rec *rec, bool create, json_t **errs);

/* Checks the record's rules: NIP format and its agreement with jenis kelamin and tanggal lahir,
 * golongan for the jenis ASN, references in the same instansi, no atasan cycle, NIP unique.
 * Returns 0 when valid, 1 when *errs got errors, -1 on database error. */
int pegawai_validate(struct db *db, const struct pegawai_rec *rec, json_t **errs);

/* Inserts (with an open riwayat row starting `mulai`) inside the caller's transaction. */
int pegawai_insert(struct db *db, struct pegawai_rec *rec, const char *mulai,
                   const struct audit_actor *who);
/* Updates identity fields (not jabatan/unit/atasan) of `old` to `rec`; audited. */
int pegawai_update(struct db *db, const struct pegawai_rec *old, const struct pegawai_rec *rec,
                   const struct audit_actor *who);
/* Moves a pegawai to a jabatan/unit/atasan from date `tanggal`: closes the open riwayat row and
 * opens a new one.  Validation errors (dates, references) go to *errs (returns 1). */
int pegawai_mutasi(struct db *db, int64_t id, int64_t jabatan_id, int64_t unit_kerja_id,
                   int64_t atasan_id, const char *tanggal, const struct audit_actor *who,
                   json_t **errs);

/* The pegawai as API JSON (with jabatan, unit and atasan names).  NULL when absent. */
json_t *pegawai_json(struct db *db, int64_t id);
/* The record as audit JSON. */
json_t *pegawai_rec_json(const struct pegawai_rec *rec);
/* The same as text, byte for byte json_teks(pegawai_rec_json(rec), JSON_COMPACT |
 * JSON_SORT_KEYS) without building the json_t (the import hashes one per row); malloc'd,
 * length in *len; NULL on OOM or invalid UTF-8. */
char *pegawai_rec_teks(const struct pegawai_rec *rec, size_t *len);
/* riwayat rows, newest first. */
json_t *pegawai_riwayat_json(struct db *db, int64_t id);
/* The atasan in effect on `tanggal` (0 when none).  Returns 0, 1 when no riwayat covers it. */
int pegawai_atasan_pada(struct db *db, int64_t id, const char *tanggal, int64_t *atasan_id);

struct pegawai_query {
  int64_t instansi_id;      /* 0 = every instansi (superadmin only) */
  int64_t scope_root;       /* >0: only this pegawai and their subtree */
  const char *q;            /* name substring or NIP prefix */
  int64_t unit_kerja_id, jabatan_id, atasan_id;
  const char *jenis_asn;    /* "PNS" | "PPPK" | NULL */
  int aktif;                /* 1 (default), 0, or -1 for both */
  const char *sort;         /* nama, -nama, nip, -nip */
  const char *cursor;       /* from a previous page */
  int limit;                /* 1..200 */
  bool with_total;
};
/* Lists a page: {"items": [...], "next_cursor": s|null, "limit": n[, "total": n]}.
 * Returns NULL with *bad set to the field name when a parameter is invalid, or on error. */
json_t *pegawai_list(struct db *db, const struct pegawai_query *q, const char **bad);
#endif
