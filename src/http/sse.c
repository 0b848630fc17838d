/* sse.c: Server-Sent Events for live dashboards (see sse.h).
 *
 * Each stream is a libmicrohttpd callback response.  When its buffer is empty the content
 * reader suspends the connection and returns 0 (the pattern microhttpd.h prescribes for "no
 * data yet"), so an idle stream holds no worker thread and is not polled; a publisher appends
 * to the buffer and resumes it.  suspend and resume are both called with the stream's mutex
 * held, so a resume can never be lost between "buffer empty" and "suspended". */
#include "http/sse.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/server_internal.h"
#include "util/log.h"

#define SSE_BUF 8192
#define SSE_MAKS 10000   /* streams per process */

struct sse_sub {
  pthread_mutex_t mu;
  struct MHD_Connection *conn;
  int64_t instansi_id;          /* 0: every instansi (superadmin) */
  char buf[SSE_BUF + 1];         /* NUL-terminated */
  size_t len;
  bool suspended, tutup, terdaftar;
  struct sse_sub *prev, *next;
};

static struct {
  pthread_mutex_t mu;
  struct sse_sub *head;
  int n;
  bool tutup;
} H = {.mu = PTHREAD_MUTEX_INITIALIZER};

/* with s->mu held */
static void tambah(struct sse_sub *s, const char *teks)
{
  size_t n = strlen(teks);
  if (s->len + n > SSE_BUF) return;   /* a slow reader misses events; the next one makes it refetch */
  memcpy(s->buf + s->len, teks, n);
  s->len += n;
  s->buf[s->len] = '\0';
  if (s->suspended) {
    s->suspended = false;
    MHD_resume_connection(s->conn);
  }
}

int reply_sse(struct request *req, int64_t instansi_id)
{
  pthread_mutex_lock(&H.mu);
  bool penuh = H.n >= SSE_MAKS || H.tutup;
  pthread_mutex_unlock(&H.mu);
  if (penuh) return reply_problem(req, 503, "Terlalu banyak sambungan", "Sambungan pembaruan langsung sedang penuh; coba lagi nanti.");
  struct sse_sub *s = calloc(1, sizeof *s);
  if (!s) return reply_problem(req, 503, "Server sibuk", "Sambungan pembaruan langsung tidak dapat dibuka.");
  pthread_mutex_init(&s->mu, NULL);
  s->conn = req->conn;
  s->instansi_id = instansi_id;
  /* reconnect after 5 s; a first event so the client knows the stream is live */
  tambah(s, "retry: 5000\n\nevent: siap\ndata: {}\n\n");
  free(req->resp);
  req->resp = NULL;
  req->sse = s;
  req->status = 200;
  req->resp_type = "text/event-stream; charset=utf-8";
  reply_header(req, "X-Accel-Buffering", "no");
  return 0;
}

static ssize_t baca(void *cls, uint64_t pos, char *out, size_t max)
{
  (void)pos;
  struct sse_sub *s = cls;
  pthread_mutex_lock(&s->mu);
  if (s->len) {
    size_t n = s->len < max ? s->len : max;
    memcpy(out, s->buf, n);
    memmove(s->buf, s->buf + n, s->len - n);
    s->len -= n;
    s->buf[s->len] = '\0';
    pthread_mutex_unlock(&s->mu);
    return (ssize_t)n;
  }
  if (s->tutup) {
    pthread_mutex_unlock(&s->mu);
    return MHD_CONTENT_READER_END_OF_STREAM;
  }
  s->suspended = true;
  MHD_suspend_connection(s->conn);
  pthread_mutex_unlock(&s->mu);
  return 0;
}

static void lepas(void *cls)
{
  struct sse_sub *s = cls;
  pthread_mutex_lock(&H.mu);
  if (s->terdaftar) {
    if (s->prev) s->prev->next = s->next; else H.head = s->next;
    if (s->next) s->next->prev = s->prev;
    H.n--;
  }
  pthread_mutex_unlock(&H.mu);
  pthread_mutex_destroy(&s->mu);
  free(s);
}

struct MHD_Response *sse_response(struct sse_sub *s)
{
  struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, baca, s, lepas);
  if (!r) { lepas(s); return NULL; }
  pthread_mutex_lock(&H.mu);
  s->terdaftar = true;
  s->next = H.head;
  if (H.head) H.head->prev = s;
  H.head = s;
  H.n++;
  if (H.tutup) {   /* shutting down already: end at once */
    pthread_mutex_lock(&s->mu);
    s->tutup = true;
    pthread_mutex_unlock(&s->mu);
  }
  pthread_mutex_unlock(&H.mu);
  return r;
}

void sse_free(struct sse_sub *s)
{
  if (s) lepas(s);
}

void sse_terbitkan(int64_t instansi_id, const char *jenis)
{
  char ev[160];
  snprintf(ev, sizeof ev, "event: perubahan\ndata: {\"jenis\":\"%s\"}\n\n", jenis);
  pthread_mutex_lock(&H.mu);
  for (struct sse_sub *s = H.head; s; s = s->next) {
    if (s->instansi_id && s->instansi_id != instansi_id) continue;
    pthread_mutex_lock(&s->mu);
    if (!strstr(s->buf, ev)) tambah(s, ev);   /* one pending event per kind is enough */
    pthread_mutex_unlock(&s->mu);
  }
  pthread_mutex_unlock(&H.mu);
}

void sse_ping(void)
{
  pthread_mutex_lock(&H.mu);
  for (struct sse_sub *s = H.head; s; s = s->next) {
    pthread_mutex_lock(&s->mu);
    if (!s->len) tambah(s, ": ping\n\n");
    pthread_mutex_unlock(&s->mu);
  }
  pthread_mutex_unlock(&H.mu);
}

void sse_tutup_semua(void)
{
  pthread_mutex_lock(&H.mu);
  H.tutup = true;
  for (struct sse_sub *s = H.head; s; s = s->next) {
    pthread_mutex_lock(&s->mu);
    s->tutup = true;
    if (s->suspended) {
      s->suspended = false;
      MHD_resume_connection(s->conn);
    }
    pthread_mutex_unlock(&s->mu);
  }
  pthread_mutex_unlock(&H.mu);
}

int sse_jumlah(void)
{
  pthread_mutex_lock(&H.mu);
  int n = H.n;
  pthread_mutex_unlock(&H.mu);
  return n;
}
