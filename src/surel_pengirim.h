/* surel_pengirim.h: the email sender.  `kinerja serve` starts one background thread when an
 * SMTP URL is configured; it has its own database connection and every `interval` seconds
 * claims up to SUREL_BATCH due rows of surel_keluar, sends them and records the outcome.
 * `kinerja surel kirim` runs the same passes once (cron, tests).  Request handling never waits
 * on SMTP: the sender holds no transaction while it talks to the mail server. */
#ifndef KINERJA_SUREL_PENGIRIM_H
#define KINERJA_SUREL_PENGIRIM_H
#include <stdatomic.h>
#include <stdint.h>
#include "config.h"
#include "db/db.h"

#define SUREL_BATCH 20

struct surel_konfig {
  char db[1024];
  char url[1024];
  char dari[256];          /* From header value */
  char dari_alamat[256];   /* its bare address (envelope sender) */
  char user[256];
  char password[1024];     /* wiped by surel_konfig_hapus; never logged */
  char url_publik[1024];
  int interval;
};

/* From the server configuration; the password from the file named by smtp_password_file,
 * else $KINERJA_SMTP_PASSWORD (read through getenv_fn).  0, or -1 with a message in err. */
int surel_konfig_isi(struct surel_konfig *k, const struct config *cfg, const char *(*getenv_fn)(const char *),
                     char *err, size_t errlen);
void surel_konfig_hapus(struct surel_konfig *k);

struct surel_hasil { int terkirim, gagal; };
/* One batch: claims up to SUREL_BATCH due rows, sends and marks each, adding to *h.
 * *n_selesai receives how many rows were settled (sent or marked failed): SUREL_BATCH means
 * more may be due.  Rows not tried (stop requested, or the server unreachable) are given back.
 * henti may be NULL.  0, or -1 on a database error. */
int surel_proses(struct db *db, const struct surel_konfig *k, const atomic_bool *henti,
                 struct surel_hasil *h, int *n_selesai);

struct surel_pengirim;
/* Starts the thread (curl_global_init first).  The thread never receives SIGINT/SIGTERM.
 * k is copied.  NULL when it could not start. */
struct surel_pengirim *surel_pengirim_mulai(const struct surel_konfig *k);
/* Asks the thread to stop (aborting a transfer in progress), joins it, frees p. */
void surel_pengirim_henti(struct surel_pengirim *p);
#endif
