/* surel.h: the email outbox (issue 5 item 9).  Email is optional: a process-wide switch, set
 * once at start-up when an SMTP URL is configured, makes notifikasi_kirim() also queue an
 * email for a pegawai with a valid address, in the caller's transaction.  A sender
 * (surel_pengirim.h) claims due rows, sends them and marks the outcome.  No HTTP, no SMTP. */
#ifndef KINERJA_SUREL_H
#define KINERJA_SUREL_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"
#include "surel_pesan.h"

/* Set before any thread starts (serve, pengingat); read-only afterwards. */
void surel_atur_aktif(bool aktif);
bool surel_aktif(void);

/* Queues an email of a notification for pegawai_id when email is enabled and the pegawai is
 * active with a valid address; otherwise does nothing.  Inside the caller's write
 * transaction.  Subjek and isi are cut to SUREL_SUBJEK_MAKS/SUREL_ISI_MAKS bytes.  0 or -1. */
int surel_antri(struct db *db, int64_t pegawai_id, const char *subjek, const char *isi, const char *tautan);

struct surel_item {
  int64_t id;
  int percobaan;                      /* attempts before this one */
  char kepada[SUREL_ALAMAT_MAKS + 1];
  char subjek[SUREL_SUBJEK_MAKS + 1];
  char isi[SUREL_ISI_MAKS + 1];
  char tautan[SUREL_TAUTAN_MAKS + 1];
};

/* Claims up to `maks` rows due at `now` (antri with coba_lagi <= now, or mengirim claimed
 * more than 10 minutes ago by a sender that died), marking them mengirim.  Runs its own write
 * transaction.  0 (with *n) or -1. */
int surel_klaim(struct db *db, int64_t now, struct surel_item *items, int maks, int *n);
/* Outcome of one claimed row, each in its own short write transaction.  0 or -1. */
int surel_tandai_terkirim(struct db *db, int64_t id, int64_t now);
/* A failed attempt: antri again after surel_jeda(), or gagal once the attempts are used up
 * or when `permanen` (the message itself is unusable).  galat is stored as is. */
int surel_tandai_gagal(struct db *db, const struct surel_item *it, const char *galat, bool permanen, int64_t now);
/* Gives a claimed row back unchanged (antri, due now): the sender stopped before trying it. */
int surel_lepas(struct db *db, int64_t id);

/* One page of the outbox, newest first: instansi_id 0 = all, status NULL = any, cursor = last
 * id of the previous page (0 = first page).  {items, next_cursor, limit}; NULL on error. */
json_t *surel_daftar(struct db *db, int64_t instansi_id, const char *status, int64_t cursor, int limit);

/* Puts an antri or gagal email back to be sent at once (attempts are kept, so one more failure
 * of a gagal row makes it gagal again).  instansi_id 0 = any (superadmin).  Audited, inside
 * the caller's write transaction.  0 with *hasil (the row), 2 not found, 3 refused (*http
 * 403/409, *pesan), -1 error. */
int surel_ulang(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who,
                json_t **hasil, int *http, const char **pesan);
#endif
