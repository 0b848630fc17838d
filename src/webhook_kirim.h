/* webhook_kirim.h: one webhook POST with libcurl.  http:// and https:// only, redirects are
 * not followed (a 3xx is a failure: register the final URL), connect and whole request each
 * limited to 10 s, the answer's body is read up to a few hundred bytes for the log and thrown
 * away.  Neither the URL nor the secret is logged here. */
#ifndef KINERJA_WEBHOOK_KIRIM_H
#define KINERJA_WEBHOOK_KIRIM_H
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* Once per process, from the main thread before the sender starts / after it ends
 * (curl_global_init is reference counted, so this pairs with the email sender's). */
int webhook_kirim_global_mulai(void);
void webhook_kirim_global_akhiri(void);

/* A handle reused for a batch (connections to the same receiver are kept alive).  NULL when
 * out of memory. */
void *webhook_kirim_buka(void);
void webhook_kirim_tutup(void *h);

struct webhook_permintaan {
  const char *url;
  const char *peristiwa;       /* X-Kinerja-Event */
  int64_t id;                  /* X-Kinerja-Delivery */
  int64_t waktu;               /* X-Kinerja-Timestamp (unix s) */
  const char *tanda;           /* X-Kinerja-Signature value */
  const char *isi;             /* the JSON body */
  size_t len;
  const atomic_bool *henti;    /* may be NULL: a request in progress is aborted when it turns true */
};

enum webhook_kirim_hasil {
  WEBHOOK_KIRIM_OK = 0,            /* 2xx */
  WEBHOOK_KIRIM_GAGAL = 1,         /* another status, or the exchange broke; galat says why */
  WEBHOOK_KIRIM_TAK_TERHUBUNG = 2, /* not reached / no answer in time: skip this webhook's other rows */
  WEBHOOK_KIRIM_DIHENTIKAN = 3,    /* aborted because *henti turned true: not an attempt */
};
/* POSTs p.  *http_status receives the answer's status (0 when none).  On failure galat
 * receives an Indonesian summary followed by the status line's detail or libcurl's message. */
enum webhook_kirim_hasil webhook_kirim_http(void *h, const struct webhook_permintaan *p, long *http_status,
                                            char *galat, size_t n);
#endif
