/* dipakai.h: the "last used" stamps of sessions and API tokens, off the read path (issue 13).
 *
 * session_lookup / token_lookup refresh sesi.dipakai (the idle timer) and token_api.dipakai at
 * most every 30 / 60 s.  In the server that UPDATE is handed to the group-commit writer
 * (db/penulis.h) and the request goes on without waiting for the write lock; the writer commits
 * it with its next batch (milliseconds later).  Nothing is cached: every lookup still reads the
 * database, so a logout or a revoked token takes effect on every node at once.  Outside the
 * server (CLI, tests without a writer) the UPDATE runs inline, as before.
 */
#ifndef KINERJA_DIPAKAI_H
#define KINERJA_DIPAKAI_H
#include <stdint.h>

struct db;
struct penulis;

enum dipakai_jenis { DIPAKAI_SESI = 0, DIPAKAI_TOKEN = 1 };

/* The server's writer (NULL: stamps run inline again).  Called at start and before the writer
 * stops. */
void dipakai_pasang(struct penulis *p);
/* Sets the stamp of session / token `id` to `kapan` (unix seconds) unless it is newer already:
 * queued on the writer when one is installed, else now on db.  Errors are only logged. */
void dipakai_catat(struct db *db, enum dipakai_jenis jenis, int64_t id, int64_t kapan);
#endif
