/* pg_dengar.h: a thread that LISTENs on one PostgreSQL notification channel on a connection of
 * its own and hands every payload to a callback ("dengar" = listen).  Used so that a change
 * committed on one node reaches the live streams of the others (peristiwa_simpul.h).  A lost
 * connection is opened again after a second; notifications sent meanwhile are lost (they are
 * hints: listeners refetch through the normal API). */
#ifndef KINERJA_PG_DENGAR_H
#define KINERJA_PG_DENGAR_H

struct pg_dengar;
/* Starts listening on `saluran` (a plain identifier) of the database at `url` (postgres://).
 * fn(ctx, payload) runs on the listener thread.  The first LISTEN is done before it returns
 * (when the database answers).  NULL when the thread could not start. */
struct pg_dengar *pg_dengar_mulai(const char *url, const char *saluran,
                                  void (*fn)(void *ctx, const char *isi), void *ctx);
/* Stops and joins the thread, closes its connection, frees d.  NULL is fine. */
void pg_dengar_henti(struct pg_dengar *d);
#endif
