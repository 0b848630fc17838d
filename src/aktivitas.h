/* aktivitas.h: daily activities (issue 5): logging with the instansi's rules, edits until
 * reviewed, review by the penilai (one or many), recent activities as templates, copying a day,
 * rencana aksi, and the instansi settings.  No HTTP; writes run in the caller's transaction.
 *
 * Return convention of the writers: 0 ok, 1 field errors in *errs (422), 2 not found,
 * 3 refused (*http 403/409 and *pesan), -1 database error.
 */
#ifndef KINERJA_AKTIVITAS_H
#define KINERJA_AKTIVITAS_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"
#include "rules/aktivitas_aturan.h"

/* ---- pengaturan (settings per instansi) ---- */
struct pengaturan {
  struct aturan_aktivitas aturan;
  int64_t bukti_maks_bytes, bukti_kuota_bytes;
  char kurva_mode[16];        /* peringatan | blokir: how the pola distribusi is enforced */
  char kurva_pembulatan[16];  /* tepat | bawah | atas | terdekat (UNCONFIRMED rounding) */
  int keberatan_hari;         /* days after a final penilaian in which a keberatan may be filed */
  int tenggang_2fa_hari;      /* grace days before 2FA is enforced for the required roles (0 = at once) */
};
/* The settings of an instansi (defaults when never saved).  0 or -1. */
int pengaturan_load(struct db *db, int64_t instansi_id, struct pengaturan *p);
json_t *pengaturan_json(const struct pengaturan *p);
int pengaturan_save(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who, json_t **errs);
/* Today's date in the instansi's timezone (WIB/WITA/WIT). */
void instansi_hari_ini(struct db *db, int64_t instansi_id, char out[11]);

/* ---- aktivitas ---- */
struct aktivitas_ctx {           /* per request: settings and today, looked up once */
  int64_t instansi_id, pegawai_id, atasan_id;
  struct pengaturan set;
  char hari_ini[11];
  const char *sumber;            /* web | api | batch | demo */
  const char *prefix;            /* field prefix for batch items ("items[3]."), or "" */
};
/* Prepares the context for pegawai_id; 0, 2 when the pegawai is missing, -1 on error. */
int aktivitas_ctx_init(struct db *db, int64_t pegawai_id, const char *sumber, struct aktivitas_ctx *c);

int aktivitas_create(struct db *db, const struct aktivitas_ctx *c, json_t *body, const struct audit_actor *who,
                     json_t **errs, int *http, const char **pesan, int64_t *out_id);
int aktivitas_update(struct db *db, const struct aktivitas_ctx *c, int64_t id, json_t *body,
                     const struct audit_actor *who, json_t **errs, int *http, const char **pesan);
int aktivitas_delete(struct db *db, int64_t pegawai_id, int64_t id, const struct audit_actor *who,
                     int *http, const char **pesan);
/* Owner, penilai and instansi of an activity: 0, 1 absent, -1 error. */
int aktivitas_owner(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *penilai_id, int64_t *instansi_id);
json_t *aktivitas_json(struct db *db, int64_t id);
/* The same for a row whose tanggal the caller knows (the one it just inserted): with the
 * partition key PostgreSQL reads one month partition of aktivitas instead of probing each. */
json_t *aktivitas_json_pada(struct db *db, int64_t id, const char *tanggal);

struct aktivitas_query {
  int64_t instansi_id;       /* 0 = all (superadmin) */
  int64_t scope_root;        /* >0: this pegawai, their subtree and what they review */
  int64_t pegawai_id, penilai_id, rhk_id;
  const char *status, *dari, *sampai;
  int64_t cursor;            /* last id of the previous page */
  int limit;
};
json_t *aktivitas_list(struct db *db, const struct aktivitas_query *q, const char **bad);
/* The same list as JSON text, byte for byte json_dumps(aktivitas_list(...), JSON_COMPACT)
 * (aktivitas_teks.c): 0 with *out (malloc'd) and *len; 1 when this list needs the json_t
 * path instead; -1 with *bad naming a bad filter, or -1 alone on a database error. */
int aktivitas_list_teks(struct db *db, const struct aktivitas_query *q, const char **bad, char **out, size_t *len);

/* Review by the penilai: aksi "setujui" or "kembalikan" (catatan required).  Each id gets a
 * result {id, ok, pesan}; *n_ok counts the done ones.  Returned items notify the pegawai. */
int aktivitas_review(struct db *db, int64_t penilai_id, json_t *ids, const char *aksi, const char *catatan,
                     const struct audit_actor *who, json_t **hasil, int *n_ok);

/* Frequent activities of the last 90 days as one-tap templates. */
json_t *aktivitas_sering(struct db *db, int64_t pegawai_id);
/* Copies the activities of day `dari` to day `ke` (each checked as a new activity). */
int aktivitas_salin(struct db *db, const struct aktivitas_ctx *c, const char *dari, const char *ke,
                    const struct audit_actor *who, json_t **errs, json_t **ids);

/* ---- rencana aksi ---- */
json_t *rencana_aksi_list(struct db *db, int64_t skp_id);
int rencana_aksi_save(struct db *db, int64_t skp_id, int64_t id, json_t *body, const struct audit_actor *who,
                      json_t **errs, int *http, const char **pesan, int64_t *out_id);
int rencana_aksi_delete(struct db *db, int64_t id, const struct audit_actor *who, int *http, const char **pesan);
/* The SKP a rencana aksi belongs to: 0, 1 absent, -1 error. */
int rencana_aksi_skp(struct db *db, int64_t id, int64_t *skp_id);

/* In-app notification for a pegawai (inside the caller's transaction). */
int notifikasi_kirim(struct db *db, int64_t pegawai_id, const char *judul, const char *isi, const char *tautan);
#endif
