/* webhook_langganan.h: the webhooks an instansi registers (issue 10 item 3): URL checks, create
 * with a secret shown once, change (and rotate the secret), delete, test ping, the list.  Each
 * change is audited inside the caller's write transaction; the secret never goes into the audit
 * trail, a log or a list.  No HTTP. */
#ifndef KINERJA_WEBHOOK_LANGGANAN_H
#define KINERJA_WEBHOOK_LANGGANAN_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

#define WEBHOOK_PER_INSTANSI_MAKS 20   /* live webhooks of one instansi */
#define WEBHOOK_KETERANGAN_MAKS 200    /* characters */

/* KINERJA_WEBHOOK_HTTP=1: plain http:// allowed to any host.  Set once at start-up. */
void webhook_atur_http_bebas(bool bebas);

/* NULL when url may be registered, else why not (Indonesian): an absolute http(s) URL without
 * user or password, https:// unless the host is localhost, 127.0.0.1 or [::1] (or the switch
 * above is on), at most WEBHOOK_URL_MAKS bytes. */
const char *webhook_url_salah(const char *url);
/* Checks a JSON array of event names: not empty, known (webhook.h), no repeats.  Adds field
 * errors for `field` to *errs; true when fine. */
bool webhook_peristiwa_periksa(json_t *arr, const char *field, json_t **errs);

/* Checked input of a create or change; on change, unset members keep their value. */
struct webhook_isian {
  const char *url;             /* NULL = unchanged */
  bool ubah_keterangan;        /* keterangan given (NULL clears it) */
  const char *keterangan;
  json_t *peristiwa;           /* NULL = unchanged; a checked array (borrowed) */
  int aktif;                   /* -1 unchanged, 0 or 1 */
  bool ganti_rahasia;          /* change only: a new secret, shown once */
};

/* Results: 0 with *hasil (the webhook as API JSON; with "rahasia" on create and rotation),
 * 2 not found (or deleted), 3 refused (*http 403 another instansi / 409, *pesan), -1 error.
 * instansi_id 0 on the {id} functions = any (superadmin). */
int webhook_buat(struct db *db, int64_t instansi_id, const struct webhook_isian *in, const struct audit_actor *who,
                 json_t **hasil, int *http, const char **pesan);
int webhook_ubah(struct db *db, int64_t id, int64_t instansi_id, const struct webhook_isian *in,
                 const struct audit_actor *who, json_t **hasil, int *http, const char **pesan);
/* Deletes: kept as a row for its delivery log, the secret emptied, deliveries not yet sent
 * marked gagal.  0, 2, 3 or -1 (no *hasil). */
int webhook_hapus(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who, int *http,
                  const char **pesan);
/* Queues a `ping` to this webhook (also when paused: it then waits).  *hasil is the delivery. */
int webhook_uji(struct db *db, int64_t id, int64_t instansi_id, const struct audit_actor *who, json_t **hasil,
                int *http, const char **pesan);
/* May the caller (instansi_id, 0 = any) see this live webhook?  0 yes, 2, 3 or -1. */
int webhook_akses(struct db *db, int64_t id, int64_t instansi_id, int *http, const char **pesan);

/* One page of live webhooks, oldest first: instansi_id 0 = all, cursor = last id of the
 * previous page.  {items, next_cursor, limit}; NULL on error. */
json_t *webhook_daftar(struct db *db, int64_t instansi_id, int64_t cursor, int limit);
#endif
