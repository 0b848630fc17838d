/* server.h: the libmicrohttpd server behind `kinerja serve`. */
#ifndef KINERJA_SERVER_H
#define KINERJA_SERVER_H
#include "config.h"
#include "http/router.h"

struct server;

/* Runs until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish (up to
 * cfg->shutdown_grace seconds) and closes every database connection.  The database must
 * already be migrated.  Returns 0 on a clean stop, non-zero when the server could not start. */
int server_run(const struct config *cfg, const struct route *routes, size_t nroutes);
/* The same, calling tick(ctx) from the main thread about once a minute while serving (for
 * daily jobs such as reminders); tick may be NULL. */
int server_run_tick(const struct config *cfg, const struct route *routes, size_t nroutes,
                    void (*tick)(void *ctx), void *ctx);

/* The configuration of the running server (read-only). */
const struct config *server_config(const struct server *srv);
#endif
