/* latar.h: a background thread that runs one pass of work every `interval` seconds on its own
 * database connection until it is stopped (the email and webhook senders).  The thread never
 * takes SIGINT/SIGTERM/SIGHUP/SIGPIPE: the server sigwaits for them in its main thread.  A
 * database that cannot be opened is logged and tried again at the next pass. */
#ifndef KINERJA_UTIL_LATAR_H
#define KINERJA_UTIL_LATAR_H
#include <stdatomic.h>
#include "db/db.h"

/* One pass; henti becomes true when the thread is asked to stop (a pass should return soon). */
typedef void (*latar_fn)(struct db *db, const atomic_bool *henti, void *ctx);

struct latar;
/* Starts the thread; db_path is copied, ctx is the caller's and must outlive latar_henti.
 * nama names the thread in log lines.  NULL when it could not start. */
struct latar *latar_mulai(const char *db_path, int interval, const char *nama, latar_fn fn, void *ctx);
/* Asks the thread to stop (wakes it from its wait; henti is set for a pass in progress), joins
 * it, closes its database and frees l.  NULL is fine. */
void latar_henti(struct latar *l);
#endif
