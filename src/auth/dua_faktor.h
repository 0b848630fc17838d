/* dua_faktor.h: two-factor authentication storage (issue 11 item 1), no HTTP.
 *
 * Each account has at most one TOTP authenticator (dua_faktor) and ten single-use recovery
 * codes (kode_pemulihan).  The TOTP secret is stored with crypto_secretbox and the recovery
 * codes as keyed BLAKE2b hashes, under two subkeys derived (crypto_kdf) from the server's
 * evidence key (bukti.h: <data-dir>/kunci-bukti or KINERJA_BUKTI_KEY), so a copy of the
 * database alone reveals neither.  A code's time step must be greater than the last accepted
 * one (RFC 6238 section 5.2): a code is never accepted twice.
 *
 * 2FA is required for admin, pimpinan, auditor and superadmin after a grace period that starts
 * the first time the account signs in with a password while it is required (pengaturan
 * tenggang_2fa_hari, default 7, 0 = at once), and at once after an admin's reset.  SSO logins
 * and API tokens are not affected.  All functions run inside the caller's write transaction
 * unless they say otherwise. */
#ifndef KINERJA_DUA_FAKTOR_H
#define KINERJA_DUA_FAKTOR_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "auth/principal.h"
#include "db/db.h"

#define DF_KODE_PEMULIHAN 10      /* recovery codes per enrolment */
#define DF_KODE_PEMULIHAN_LEN 12  /* "xxxxx-xxxxx" + NUL */
#define DF_TERTUNDA_DETIK 300     /* a password-checked login waits this long for its code */
#define DF_TERTUNDA_MAKS_GAGAL 5  /* wrong codes on one pending login before it is dropped */
#define DF_TENGGANG_BAWAAN 7      /* grace days when the instansi has not chosen */
#define DF_PERAN_WAJIB (PERAN_ADMIN | PERAN_PIMPINAN | PERAN_AUDITOR | PERAN_SUPERADMIN)

struct df_kunci {
  unsigned char rahasia[32];      /* secretbox key of the TOTP secrets */
  unsigned char kode[32];         /* BLAKE2b key of the recovery codes */
};

/* Derives both subkeys from the 32-byte evidence key. */
void df_kunci_turunkan(struct df_kunci *k, const unsigned char induk[32]);

struct df_status {
  bool aktif;                     /* confirmed authenticator in force */
  bool tertunda;                  /* enrolment started, not confirmed */
  int64_t diaktifkan;             /* unix seconds, 0 when not active */
  int sisa_kode;                  /* unused recovery codes */
};
int df_status(struct db *db, int64_t pengguna_id, struct df_status *s);

struct df_wajib {
  bool wajib;                     /* the account must have 2FA */
  bool lewat;                     /* the grace period is over (or an admin reset it) */
  bool ulang;                     /* an admin reset the factor */
  bool catat_sejak;               /* the grace has not started yet: store `sejak` at login */
  int tenggang_hari;
  int64_t sejak, batas;           /* grace start and deadline, unix seconds */
};
/* Whether 2FA is required for `who` and until when it may be postponed (read only). */
int df_wajib(struct db *db, const struct principal *who, struct df_wajib *w);
/* Records the start of the grace period (at a password login).  0 or -1. */
int df_wajib_mulai(struct db *db, int64_t pengguna_id, int64_t sejak);
/* {wajib, lewat, batas, tenggang_hari, alasan} for /auth/me and the login answer. */
json_t *df_wajib_json(const struct df_wajib *w);

/* Starts (or restarts) an enrolment: a new secret, not active until confirmed.  base32_out
 * receives the manual key (40 bytes).  0, 3 when 2FA is already active, -1 error. */
int df_mulai(struct db *db, const struct df_kunci *k, int64_t pengguna_id, char base32_out[40],
             const struct audit_actor *a, int64_t instansi_id);
/* Checks a TOTP code against the account's secret (active, or pending when `tertunda`), and
 * on success stores its step.  0 accepted, 1 wrong, 2 already used (replay), 4 no secret,
 * -1 error. */
int df_cek_kode(struct db *db, const struct df_kunci *k, int64_t pengguna_id, const char *kode, bool tertunda);
/* Confirms the pending enrolment with a code; on success writes DF_KODE_PEMULIHAN new codes to
 * kode_out and audits.  Same results as df_cek_kode. */
int df_aktifkan(struct db *db, const struct df_kunci *k, int64_t pengguna_id, const char *kode,
                char kode_out[DF_KODE_PEMULIHAN][DF_KODE_PEMULIHAN_LEN], const struct audit_actor *a, int64_t instansi_id);
/* Replaces the recovery codes (the caller has checked a current code).  Audited.  0 or -1. */
int df_kode_baru(struct db *db, const struct df_kunci *k, int64_t pengguna_id,
                 char kode_out[DF_KODE_PEMULIHAN][DF_KODE_PEMULIHAN_LEN], const struct audit_actor *a, int64_t instansi_id);
/* Uses one recovery code (case, spaces and dashes ignored).  Audited.  0 used, 1 unknown or
 * already used, -1 error. */
int df_pakai_kode(struct db *db, const struct df_kunci *k, int64_t pengguna_id, const char *kode,
                  const struct audit_actor *a, int64_t instansi_id);
/* Removes the authenticator and the recovery codes.  `aksi` is the audit action
 * (dua_faktor.nonaktif or dua_faktor.reset); a reset also makes the account enrol again before
 * working.  0, 3 when there was nothing to remove, -1 error. */
int df_hapus(struct db *db, int64_t pengguna_id, const char *aksi, const struct audit_actor *a, int64_t instansi_id);

/* A wrong second factor: counts it with the account's consecutive failures and locks the
 * account (like wrong passwords) after LOGIN_MAX_FAILS.  *terkunci_sampai: the lock's end, or
 * 0.  0 or -1. */
int df_gagal(struct db *db, int64_t pengguna_id, int64_t *terkunci_sampai);
int df_berhasil(struct db *db, int64_t pengguna_id);

/* Pending logins: token_out receives 64 hex (given to the client once; the hash is stored). */
int df_tertunda_buat(struct db *db, int64_t pengguna_id, char token_out[65]);
/* Finds a live pending login.  0 (id, pengguna, gagal filled), 1 unknown/expired, -1 error. */
int df_tertunda_cari(struct db *db, const char *token, int64_t *id, int64_t *pengguna_id, int *gagal);
int df_tertunda_gagal(struct db *db, int64_t id);
int df_tertunda_hapus_pengguna(struct db *db, int64_t pengguna_id);
#endif
