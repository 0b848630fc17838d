/* post_ceiling.c: the write ceiling for kinerja's benchmarks (issue 13, scenario g).
 *
 * A bare libmicrohttpd server (configured as hello.c and kinerja: internal polling thread, epoll,
 * a thread pool of one thread per core, keep-alive correct) that stores the body of every POST
 * in SQLite through ONE writer thread doing group commit: a request whose body is complete is
 * queued and its connection suspended; the writer takes everything queued, inserts it in one
 * transaction (one prepared statement), commits, and resumes the connections, which then answer
 * 201 {"id":N}.  Acknowledged still means committed.  WAL, synchronous=NORMAL: the same setting
 * as kinerja (src/db/db_sqlite.c).  No parsing, validation, authentication or audit: the body is
 * stored as it came.  Any other method or an empty body answers 400.
 *
 * Usage: post_ceiling PORT DB   (0 picks a free port; the port is printed on stdout, one line)
 * Runs until SIGINT or SIGTERM; then prints {"rows":N,"batches":B} on stderr.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>
#include <sqlite3.h>

#define MAX_BODY 65536

struct item {
  struct MHD_Connection *conn;
  char *body;
  size_t len;
  bool queued, done, ok;
  long long id;
  struct item *next;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static struct item *head, *tail;
static bool stopping;
static sqlite3 *db;
static long long n_rows, n_batches;

static void *writer(void *arg)
{
  (void)arg;
  sqlite3_stmt *ins = NULL;
  if (sqlite3_prepare_v2(db, "INSERT INTO ceiling (body, created) VALUES (?1, unixepoch())", -1, &ins, NULL) != SQLITE_OK) {
    fprintf(stderr, "post_ceiling: prepare: %s\n", sqlite3_errmsg(db));
    exit(1);
  }
  for (;;) {
    pthread_mutex_lock(&mu);
    while (!head && !stopping) pthread_cond_wait(&cv, &mu);
    struct item *batch = head;
    head = tail = NULL;
    pthread_mutex_unlock(&mu);
    if (!batch) break;   /* stopping and nothing left */
    bool ok = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
    for (struct item *it = batch; it; it = it->next) {
      it->ok = false;
      if (!ok) continue;
      sqlite3_bind_text(ins, 1, it->body, (int)it->len, SQLITE_STATIC);
      if (sqlite3_step(ins) == SQLITE_DONE) { it->ok = true; it->id = sqlite3_last_insert_rowid(db); }
      sqlite3_reset(ins);
    }
    if (ok && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
      sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
      ok = false;
    }
    n_batches++;
    for (struct item *it = batch, *nx; it; it = nx) {
      nx = it->next;
      if (!ok) it->ok = false;
      if (it->ok) n_rows++;
      pthread_mutex_lock(&mu);
      it->done = true;
      pthread_mutex_unlock(&mu);
      MHD_resume_connection(it->conn);
    }
  }
  sqlite3_finalize(ins);
  return NULL;
}

static enum MHD_Result answer(struct MHD_Connection *c, unsigned status, const char *text)
{
  struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_MUST_COPY);
  if (!r) return MHD_NO;
  MHD_add_response_header(r, "Content-Type", "application/json");
  enum MHD_Result rc = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return rc;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_size, void **req_cls)
{
  (void)cls; (void)url; (void)version;
  struct item *it = *req_cls;
  if (!it) {   /* first call: headers only (queueing now would close a keep-alive connection) */
    it = calloc(1, sizeof *it);
    if (!it) return MHD_NO;
    it->conn = c;
    *req_cls = it;
    return MHD_YES;
  }
  if (*upload_size) {
    if (it->len + *upload_size <= MAX_BODY) {
      char *b = realloc(it->body, it->len + *upload_size);
      if (!b) return MHD_NO;
      memcpy(b + it->len, upload_data, *upload_size);
      it->body = b;
      it->len += *upload_size;
    }
    *upload_size = 0;
    return MHD_YES;
  }
  if (strcmp(method, "POST") != 0 || it->len == 0) return answer(c, 400, "{\"error\":\"POST a body\"}");
  if (!it->queued) {
    it->queued = true;
    pthread_mutex_lock(&mu);
    if (tail) tail->next = it; else head = it;
    tail = it;
    MHD_suspend_connection(c);   /* before the writer can resume it: under the queue's lock */
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return MHD_YES;
  }
  pthread_mutex_lock(&mu);
  bool done = it->done;
  pthread_mutex_unlock(&mu);
  if (!done) return MHD_YES;   /* not expected: resumed only when done */
  if (!it->ok) return answer(c, 500, "{\"error\":\"insert failed\"}");
  char out[64];
  snprintf(out, sizeof out, "{\"id\":%lld}", it->id);
  return answer(c, 201, out);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls, enum MHD_RequestTerminationCode toe)
{
  (void)cls; (void)c; (void)toe;
  struct item *it = *req_cls;
  if (!it) return;
  free(it->body);
  free(it);
  *req_cls = NULL;
}

static int parse_port(const char *s, unsigned *out)
{
  char *end = NULL;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || v < 0 || v > 65535) return -1;
  *out = (unsigned)v;
  return 0;
}

int main(int argc, char **argv)
{
  unsigned port = 0;
  if (argc != 3 || parse_port(argv[1], &port) != 0) {
    fprintf(stderr, "usage: %s PORT DB   (0 = any free port, printed on stdout)\n", argv[0]);
    return 2;
  }
  if (sqlite3_open(argv[2], &db) != SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
                       "CREATE TABLE IF NOT EXISTS ceiling (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created INTEGER NOT NULL);",
                   NULL, NULL, NULL) != SQLITE_OK) {
    fprintf(stderr, "post_ceiling: %s: %s\n", argv[2], db ? sqlite3_errmsg(db) : "open failed");
    return 1;
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (cores < 1) cores = 1;
  if (cores > 64) cores = 64;
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  if (pthread_sigmask(SIG_BLOCK, &stop, NULL) != 0) return 1;
  pthread_t w;
  if (pthread_create(&w, NULL, writer, NULL) != 0) return 1;
  struct MHD_Daemon *d = MHD_start_daemon(
    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME, (uint16_t)port, NULL, NULL,
    on_request, NULL, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cores, MHD_OPTION_CONNECTION_LIMIT, (unsigned)10000,
    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
    MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
  if (!d) { fprintf(stderr, "post_ceiling: cannot start the daemon on port %u\n", port); return 1; }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  if (!di) return 1;
  printf("%u\n", (unsigned)di->port);
  fflush(stdout);
  fprintf(stderr, "post_ceiling: %ld threads, port %u, one writer thread\n", cores, (unsigned)di->port);
  int sig = 0;
  sigwait(&stop, &sig);
  pthread_mutex_lock(&mu);
  stopping = true;
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&mu);
  pthread_join(w, NULL);
  MHD_stop_daemon(d);
  fprintf(stderr, "{\"rows\":%lld,\"batches\":%lld}\n", n_rows, n_batches);
  sqlite3_close(db);
  return 0;
}
