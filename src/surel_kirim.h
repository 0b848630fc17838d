/* surel_kirim.h: handing one composed message to an SMTP server with libcurl.  smtp:// uses
 * STARTTLS when the server offers it (CURLUSESSL_TRY), smtps:// is TLS from the start.  Connect
 * timeout 10 s, whole transfer 30 s.  The password is never logged. */
#ifndef KINERJA_SUREL_KIRIM_H
#define KINERJA_SUREL_KIRIM_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

struct surel_smtp {
  const char *url;        /* smtp://host[:port] or smtps://host[:port] */
  const char *user;       /* NULL or "" = no login */
  const char *password;
  const char *dari;       /* envelope sender, a bare address (MAIL FROM) */
  const atomic_bool *henti;  /* may be NULL: a transfer in progress is aborted when it turns true */
};

/* Once per process, from the main thread before any sender thread starts / after they end. */
int surel_kirim_global_mulai(void);
void surel_kirim_global_akhiri(void);

/* A connection handle reused for a batch (libcurl keeps the SMTP connection open between
 * messages).  NULL when out of memory. */
void *surel_kirim_buka(void);
void surel_kirim_tutup(void *h);

enum surel_kirim_hasil {
  SUREL_KIRIM_OK = 0,
  SUREL_KIRIM_GAGAL = 1,        /* this message failed; galat says why */
  SUREL_KIRIM_TAK_TERHUBUNG = 2,/* the server could not be reached: the rest of the batch waits */
  SUREL_KIRIM_DIHENTIKAN = 3,   /* aborted because *henti turned true: not an attempt */
};
/* Sends `pesan` (len bytes, CRLF lines) to `kepada`.  On failure galat receives an Indonesian
 * summary followed by libcurl's message. */
enum surel_kirim_hasil surel_kirim_smtp(void *h, const struct surel_smtp *s, const char *kepada,
                                        const char *pesan, size_t len, char *galat, size_t n);
#endif
