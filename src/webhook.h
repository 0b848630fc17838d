/* webhook.h: webhooks for e-Office/HRIS (issue 10 item 3): the events, the outbox
 * webhook_pengiriman and its delivery log.  An event is queued with webhook_antri() inside the
 * transaction of the action that caused it, one row per live webhook of the instansi that
 * listens to it; the sender (webhook_pengirim.h) claims due rows, POSTs them and marks the
 * outcome here.  No HTTP.  Subscriptions: webhook_langganan.h; the payload of each event:
 * webhook_peristiwa.h; signing: webhook_tanda.h. */
#ifndef KINERJA_WEBHOOK_H
#define KINERJA_WEBHOOK_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

#define WEBHOOK_SKP_DISETUJUI "skp.disetujui"
#define WEBHOOK_PENILAIAN_FINAL "penilaian.final"
#define WEBHOOK_TPP_BULAN_DISETUJUI "tpp.bulan_disetujui"
#define WEBHOOK_PING "ping"                  /* only from POST /api/v1/webhook/{id}/uji */

/* The events a webhook may listen to, NULL-terminated. */
extern const char *const WEBHOOK_PERISTIWA[];
bool webhook_peristiwa_dikenal(const char *kode);

#define WEBHOOK_URL_MAKS 2000       /* bytes */
#define WEBHOOK_RAHASIA_MAKS 80     /* bytes of the secret ("whk_" + 64 hex) */
#define WEBHOOK_ISI_MAKS 16384      /* bytes of one JSON body; bigger events are refused (-1) */
#define WEBHOOK_PERISTIWA_MAKS 40   /* bytes of an event name */

/* Test mode of the retry schedule (KINERJA_WEBHOOK_BACKOFF_TEST=1): the surel schedule in
 * seconds instead of minutes.  Set once at start-up, before any thread. */
void webhook_atur_jeda_uji(bool uji);
/* Seconds to wait after the `percobaan`-th failed attempt: surel_jeda() (1 min, 5 min,
 * 30 min, 2 h, 12 h), divided by 60 in test mode; -1 = give up (after SUREL_PERCOBAAN_MAKS). */
int webhook_jeda(int percobaan);

/* Does a live, active webhook of the instansi listen to `peristiwa`?  1 yes, 0 no, -1 error.
 * Lets an event skip building its payload when nobody listens. */
int webhook_didengar(struct db *db, int64_t instansi_id, const char *peristiwa);

/* Queues `peristiwa` for every live, active webhook of the instansi listening to it, inside
 * the caller's write transaction.  The body is {versi, peristiwa, instansi_id, waktu, data};
 * data is borrowed.  0 (also when nobody listens), -1 on error or when the body is larger
 * than WEBHOOK_ISI_MAKS. */
int webhook_antri(struct db *db, int64_t instansi_id, const char *peristiwa, json_t *data);
/* The same for one webhook whatever it listens to (the ping of the test button); *id_out
 * receives the delivery's id.  0 or -1. */
int webhook_antri_satu(struct db *db, int64_t webhook_id, int64_t instansi_id, const char *peristiwa,
                       json_t *data, int64_t *id_out);

struct webhook_item {
  int64_t id, webhook_id;
  int percobaan;                            /* attempts before this one */
  char peristiwa[WEBHOOK_PERISTIWA_MAKS + 1];
  char url[WEBHOOK_URL_MAKS + 1];
  char rahasia[WEBHOOK_RAHASIA_MAKS + 1];   /* wipe with sodium_memzero after use */
  char isi[WEBHOOK_ISI_MAKS + 1];
  size_t isi_len;
};

/* Claims up to `maks` rows due at `now` of live, active webhooks (antri with coba_lagi <= now,
 * or mengirim claimed more than 10 minutes ago by a sender that died), marking them mengirim.
 * Runs its own write transaction.  0 (with *n) or -1. */
int webhook_klaim(struct db *db, int64_t now, struct webhook_item *items, int maks, int *n);
/* Outcome of one claimed row, each in its own short write transaction.  0 or -1.
 * http_status 0 = no answer. */
int webhook_tandai_terkirim(struct db *db, int64_t id, long http_status, int64_t now);
/* A failed attempt: antri again after webhook_jeda(), or gagal once the attempts are used up. */
int webhook_tandai_gagal(struct db *db, const struct webhook_item *it, long http_status, const char *galat, int64_t now);
/* Gives a claimed row back unchanged (antri): the sender stopped or skipped it. */
int webhook_lepas(struct db *db, int64_t id);

/* One page of a webhook's delivery log, newest first: status NULL = any, cursor = last id of
 * the previous page (0 = first).  {items, next_cursor, limit}; NULL on error. */
json_t *webhook_pengiriman_daftar(struct db *db, int64_t webhook_id, const char *status, int64_t cursor, int limit);
/* One delivery as JSON (with its webhook's instansi_id); 0, 1 absent, -1 error. */
int webhook_pengiriman_baca(struct db *db, int64_t id, json_t **out);

/* Puts a delivery that is not being sent back to be sent at once (attempts are kept, so one
 * more failure of a gagal row makes it gagal again; a terkirim row is sent again with the same
 * X-Kinerja-Delivery id).  instansi_id 0 = any (superadmin).  Audited, inside the caller's write
 * transaction.  0 with *hasil, 2 not found, 3 refused (*http 403/409, *pesan), -1 error. */
int webhook_pengiriman_ulang(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who,
                             json_t **hasil, int *http, const char **pesan);
#endif
