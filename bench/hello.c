/* hello.c: the HTTP ceiling for kinerja's benchmarks.
 *
 * A bare libmicrohttpd server that answers every request with {"status":"ok"}, configured the
 * way kinerja's server is (internal polling thread, epoll, a thread pool of one thread per core)
 * and keep-alive correct: the response is queued on the SECOND call of the access handler,
 * because libmicrohttpd 0.9.75 closes the connection when it is queued on the first
 * (STACK-NOTES.md).  Whatever kinerja does per request is measured against this.
 *
 * Usage: hello PORT [BODY_BYTES]   (0 picks a free port; the port is printed on stdout, one line;
 *        BODY_BYTES: answer a JSON body of that size instead, e.g. the size of a kinerja answer)
 * Runs until SIGINT or SIGTERM.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

static const char body[] = "{\"status\":\"ok\"}";

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **req_cls)
{
  static int first_call_marker;
  struct MHD_Response *resp = cls;
  (void)url; (void)method; (void)version; (void)upload_data;
  if (*req_cls == NULL) {
    /* First call: headers only.  Queueing now would close a keep-alive connection. */
    *req_cls = &first_call_marker;
    return MHD_YES;
  }
  if (*upload_size != 0) { *upload_size = 0; return MHD_YES; }   /* ignore any body */
  return MHD_queue_response(c, MHD_HTTP_OK, resp);
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
  int rc = 1;
  struct MHD_Daemon *d = NULL;
  struct MHD_Response *resp = NULL;
  unsigned port = 0;

  unsigned besar = 0;   /* optional: a JSON body of this many bytes instead of the hello */
  if (argc < 2 || argc > 3 || parse_port(argv[1], &port) != 0 ||
      (argc == 3 && (parse_port(argv[2], &besar) != 0 || besar < 16))) {
    fprintf(stderr, "usage: %s PORT [BODY_BYTES]   (0 = any free port, printed on stdout;"
                    " BODY_BYTES 16-65535: a JSON body of that size)\n", argv[0]);
    return 2;
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (cores < 1) cores = 1;
  if (cores > 64) cores = 64;

  /* Block the stop signals in every thread (MHD's threads inherit the mask); main waits. */
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  if (pthread_sigmask(SIG_BLOCK, &stop, NULL) != 0) goto fail;

  static char isi[65536];
  if (besar) {   /* {"x":"aaaa...a"} of exactly besar bytes */
    memset(isi, 'a', besar);
    memcpy(isi, "{\"x\":\"", 6);
    memcpy(isi + besar - 2, "\"}", 2);
  }
  resp = besar ? MHD_create_response_from_buffer(besar, isi, MHD_RESPMEM_PERSISTENT)
               : MHD_create_response_from_buffer(sizeof body - 1, (void *)body, MHD_RESPMEM_PERSISTENT);
  if (!resp) goto fail;
  if (MHD_add_response_header(resp, "Content-Type", "application/json") != MHD_YES) goto fail;

  d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
                       (uint16_t)port, NULL, NULL, on_request, resp,
                       MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cores,
                       MHD_OPTION_CONNECTION_LIMIT, (unsigned)10000,
                       MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                       MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
                       MHD_OPTION_END);
  if (!d) { fprintf(stderr, "hello: cannot start the daemon on port %u\n", port); goto fail; }

  const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  if (!di) goto fail;
  printf("%u\n", (unsigned)di->port);
  fflush(stdout);
  fprintf(stderr, "hello: %ld threads, port %u\n", cores, (unsigned)di->port);

  int sig = 0;
  if (sigwait(&stop, &sig) != 0) goto fail;
  rc = 0;
fail:
  if (d) MHD_stop_daemon(d);
  if (resp) MHD_destroy_response(resp);
  return rc;
}
