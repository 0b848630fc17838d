/* latihan.h: the training sandbox ("mode latihan", issue 14 item 2).
 *
 * A sandbox is an instansi row with latihan_dari = the real instansi (sql/028_latihan.sql),
 * filled by the `kinerja demo` generator (demo_latihan_isi) with practice accounts named
 * "latihan<id>.<peran>".  Staff of the real instansi enter it from their own session
 * ("Masuk mode latihan", a practice session that remembers the real account) and leave it
 * again; the admin creates, resets (regenerates) and removes it.  Everything global skips
 * sandboxes: the instansi list, the e-mail and webhook outboxes, SIASN, reminders, the
 * command-line instansi choice (see latihan_instansi_nyata()).
 */
#ifndef KINERJA_LATIHAN_H
#define KINERJA_LATIHAN_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "auth/principal.h"
#include "db/db.h"

#define LATIHAN_PEGAWAI 60   /* pegawai generated per sandbox (~0.1 s, see note-latihan.md) */

/* SQL fragment true for a real (non-sandbox) instansi id expression, e.g.
 * "... AND " LATIHAN_NYATA("p.instansi_id"). */
#define LATIHAN_NYATA(kolom) "(" kolom " NOT IN (SELECT id FROM instansi WHERE latihan_dari IS NOT NULL))"

/* The real instansi a sandbox belongs to: 0 for a real instansi (or none), -1 on error. */
int64_t latihan_asal_instansi(struct db *db, int64_t instansi_id);

/* The sandbox row of a real instansi: 0 = never created, else its id; *aktif = not removed. */
int64_t latihan_cari(struct db *db, int64_t instansi_id, bool *aktif);

/* Status for the screen: {ada, instansi{id,kode,nama}|null, dibuat, pegawai, peran[]} for a
 * user of the real instansi; `who` decides which practice roles they may take.  New ref. */
json_t *latihan_status(struct db *db, const struct principal *who);

/* Create / regenerate / remove the sandbox of real instansi `inst`, inside the caller's write
 * transaction, audited in the real instansi ("latihan.buat", "latihan.reset", "latihan.hapus").
 * On success *hasil (new ref) is the status; else *http and *pesan (Indonesian) say why.
 * Returns 0, 1 (refused: http/pesan set) or -1 (database error). */
int latihan_buat(struct db *db, int64_t inst, const struct principal *who, const struct audit_actor *a,
                 json_t **hasil, int *http, const char **pesan);
int latihan_reset(struct db *db, int64_t inst, const struct principal *who, const struct audit_actor *a,
                  json_t **hasil, int *http, const char **pesan);
int latihan_hapus(struct db *db, int64_t inst, const struct audit_actor *a, int *http, const char **pesan);

/* The practice account for `who` in sandbox `sandbox`, in role `peran` ("pegawai", "atasan",
 * "admin", "pimpinan", "auditor"; NULL = mirror their own).  Returns 0 with *pengguna_id, 1
 * when `who` may not take that role (*pesan), -1 on error. */
int latihan_akun(struct db *db, int64_t sandbox, const struct principal *who, const char *peran,
                 int64_t *pengguna_id, const char **pesan);

/* Deletes every row of the sandbox except its audit records (the chain stays whole) and its
 * login rows, which become inactive placeholders so their ids are never reused.  Exposed for
 * the tests; runs inside the caller's write transaction.  Returns 0 or -1. */
int latihan_kosongkan(struct db *db, int64_t sandbox);
#endif
