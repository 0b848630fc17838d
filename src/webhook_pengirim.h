/* webhook_pengirim.h: the webhook sender.  `kinerja serve` always starts one background thread
 * (webhooks are configured in the database, not by flags); it has its own database connection
 * and every `interval` seconds claims up to WEBHOOK_BATCH due deliveries, POSTs them signed and
 * records the outcome.  `kinerja webhook kirim` runs the same passes once (cron, tests).  No
 * request ever waits on a receiver: the sender holds no transaction while it talks to one.
 *
 * Environment (read once at start-up):
 *   KINERJA_WEBHOOK_INTERVAL      seconds between passes, 1..3600, default 5
 *   KINERJA_WEBHOOK_HTTP=1        allow plain http:// to any host (default: only localhost,
 *                                 127.0.0.1 and [::1]; everything else must be https://)
 *   KINERJA_WEBHOOK_BACKOFF_TEST=1  retry after 1 s, 5 s, 30 s, 2 min, 12 min instead of
 *                                 1 min, 5 min, 30 min, 2 h, 12 h (tests only) */
#ifndef KINERJA_WEBHOOK_PENGIRIM_H
#define KINERJA_WEBHOOK_PENGIRIM_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include "db/db.h"

#define WEBHOOK_BATCH 20

struct webhook_konfig {
  char db[1024];
  int interval;
  bool http_bebas;
  bool jeda_uji;
};

/* Reads the variables above through getenv_fn and sets the process-wide switches
 * (webhook_atur_http_bebas, webhook_atur_jeda_uji): call before any thread starts.
 * 0, or -1 with a message in err. */
int webhook_konfig_isi(struct webhook_konfig *k, const char *db, const char *(*getenv_fn)(const char *),
                       char *err, size_t errlen);

struct webhook_hasil { int terkirim, gagal; };
/* One batch: claims up to WEBHOOK_BATCH due rows, sends and marks each, adding to *h.
 * *n_selesai receives how many rows were settled: WEBHOOK_BATCH means more may be due.  Rows
 * not tried (stop requested, or their receiver unreachable earlier in the batch) are given
 * back.  henti may be NULL.  0, or -1 on a database error. */
int webhook_proses(struct db *db, const atomic_bool *henti, struct webhook_hasil *h, int *n_selesai);

struct webhook_pengirim;
/* Starts the thread (curl_global_init first).  The thread never receives SIGINT/SIGTERM.
 * k is copied.  NULL when it could not start. */
struct webhook_pengirim *webhook_pengirim_mulai(const struct webhook_konfig *k);
/* Asks the thread to stop (aborting a request in progress), joins it, frees p.  NULL is fine. */
void webhook_pengirim_henti(struct webhook_pengirim *p);
#endif
