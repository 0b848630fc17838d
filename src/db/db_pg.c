/* db_pg.c: the PostgreSQL backend of db.h (libpq).
 *
 * One `struct db` is one libpq connection, used by one thread at a time, exactly like a SQLite
 * connection: the server opens one per worker thread, so the worker threads of a node are its
 * connection pool.  SQL is rewritten once per text (pg_sql.c: `?N` -> `$N` and the dialect
 * table) and prepared once per connection under a generated name (PQprepare); the prepared
 * statement is kept for the life of the connection (up to MAX_PREPS texts, further ones run
 * unnamed).  Parameters are sent as text; those bound as int64 are declared bigint, the
 * others typed by the server from their use; where that fails (`?1 IS NULL` alone, a parameter
 * number left unused, a number compared with a text column) the statement is prepared again
 * with other typings (ensure_prepared).  Results arrive whole (text format); booleans read as 1/0.
 *
 * Transactions: db_begin_write = READ COMMITTED + pg_advisory_xact_lock(WRITE_LOCK): one writer
 * at a time over the whole database, across all nodes, as SQLite's BEGIN IMMEDIATE gives, so
 * read-modify-write code (audit chain, counters, "check then insert") stays correct; the wait
 * is bounded by lock_timeout (10 s, SQLite's busy timeout) and then reports DB_BUSY.  db_begin =
 * REPEATABLE READ (one snapshot, as a SQLite read transaction).  One difference is kept, not
 * hidden: a failed statement aborts the PostgreSQL transaction (SQLite keeps it usable), so
 * after DB_CONSTRAINT or any error the caller must roll back (every caller does; "insert unless
 * present" is written ON CONFLICT DO NOTHING instead).  Statement savepoints would hide it at
 * one round trip per write.  Errors: SQLSTATE class 23 -> DB_CONSTRAINT; 40001, 40P01, 55P03 ->
 * DB_BUSY.  A lost connection (restart, failover) is opened again at the next statement or
 * transaction outside a transaction, before anything is sent when it was closed while idle
 * (bereit); a transaction it broke fails (COMMIT is never retried), and a statement that may
 * have run is never sent twice.  Behind a pooler the socket can outlive the server session:
 * every BEGIN reads back a mark set at connect (mulai), and errors that say the session is gone
 * (sesi_hilang) make the connection start over (reconnect) instead of failing forever.
 * Failover: a libpq multi-host URL (postgres://u@a:5432,b:5432/db?target_session_attrs=read-write)
 * makes that new connection find the promoted primary (PQreset tries the hosts in order);
 * connect_timeout, TCP keepalives and tcp_user_timeout get defaults (the URL may override them)
 * so that a vanished host costs seconds, not the kernel's TCP timeout.  The group-commit batch
 * that was in flight fails as a whole (its requests get 503, never 2xx);
 * tests/api/tahan_failover.test.mjs.
 */
#include "db/db_impl.h"
#include "db/pg_sql.h"

#include <libpq-fe.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WRITE_LOCK 0x6b696e6a   /* "kinj": the advisory lock key of db_begin_write */
#define HASH_SIZE 512
#define MAX_PREPS 4000
#define BOOLOID 16
#define INT8OID 20
#define TEXTOID 25
#define TYPING_TAG "/* kinerja: typing */ "
#define TUNDA_MAKS 8       /* savepoint commands held back at most (see tunda_tambah) */
#define TUNDA_PANJANG 64

struct pg_prep {
  struct pg_prep *next;
  char *sql;         /* the caller's text (key) */
  char *pgsql;       /* rewritten */
  char name[16];     /* "" = unnamed (not cached) */
  int nparams;
  int prepared;
  struct pg_stmt *idle;
};

struct pg_stmt {
  struct db_stmt base;
  struct pg_prep *prep;
  int n;
  char **val;
  int *len;
  unsigned char *kind;   /* 0 NULL/unbound, 1 int64 (in num), 2 text (malloc'd) */
  char (*num)[24];
  PGresult *res;
  int row, nrows;
  int started;
};

struct pg_db {
  struct db base;
  PGconn *c;
  struct pg_prep *tab[HASH_SIZE];
  int nprep;
  unsigned serial;
  int changes;
  int tx;             /* inside a transaction begun here */
  char sesi[40];      /* this connection's mark in its server session (sesi_atur) */
  int rusak;          /* the server session behind a live socket is gone or unusable: reset it
                         before the next use outside a transaction (see sesi_hilang) */
  int kelompok;       /* group mode (db_kelompok): begin/commit/rollback are savepoints */
  int tingkat;        /* savepoints opened by db_begin* in group mode and not yet closed */
  /* SAVEPOINT / RELEASE commands not sent yet: they go out with the next statement (one round
   * trip instead of one each; see tunda_tambah) */
  int ntunda;
  char tunda[TUNDA_MAKS][TUNDA_PANJANG];
  char err[512];
};

static const struct db_ops pg_ops;
#define PG(d) ((struct pg_db *)(d))
#define ST(s) ((struct pg_stmt *)(s))

static void quiet(void *arg, const char *msg) { (void)arg; (void)msg; }

static void set_err(struct pg_db *db, const PGresult *r)
{
  const char *m = r ? PQresultErrorMessage(r) : NULL;
  if (!m || !*m) m = PQerrorMessage(db->c);
  snprintf(db->err, sizeof db->err, "%s", m ? m : "?");
  size_t n = strlen(db->err);
  while (n && (db->err[n - 1] == '\n' || db->err[n - 1] == ' ')) db->err[--n] = 0;
}

static int map_state(const PGresult *r)
{
  const char *s = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
  if (!s) return DB_ERROR;
  if (strncmp(s, "23", 2) == 0) return DB_CONSTRAINT;
  if (!strcmp(s, "40001") || !strcmp(s, "40P01") || !strcmp(s, "55P03")) return DB_BUSY;
  return DB_ERROR;
}

static int ok(const PGresult *r)
{
  ExecStatusType t = PQresultStatus(r);
  return t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK;
}

/* 1 when an error says that the server session this connection had is gone (or going) although
 * libpq may still see a live socket: class 08 (connection exception; pgbouncer reports its own
 * failures, "server conn crashed?", "server login has been failing", as 08P01), 57P01-57P03
 * (administrator/crash shutdown, "the database system is starting up"), and 26000 (a prepared
 * statement of ours does not exist: the socket now leads to another server session than the one
 * it was prepared on, which a pooler does when it switches server connections; that session also
 * lacks SESSION_SET).  Such a connection is reset before its next use (reconnect). */
static int sesi_hilang(const PGresult *r)
{
  const char *s = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
  if (!s) return 0;
  return !strncmp(s, "08", 2) || !strcmp(s, "57P01") || !strcmp(s, "57P02") || !strcmp(s, "57P03") ||
         !strcmp(s, "26000");
}

/* Savepoints held back (issue 12, PostgreSQL writes).  The group-commit writer (db/penulis.c)
 * opens two savepoints per request and releases both: four round trips that return nothing,
 * on a path where every round trip is paid under the write lock (one request after another).
 * Inside a transaction, SAVEPOINT x and RELEASE x are therefore only noted here and sent
 * with whatever the connection sends next: a prepared statement in one pipeline (run), any
 * other command in the same simple-query message (exec_tunda), in their order, before it.
 * An error of a held-back command is the error of that next command (its savepoint does not
 * exist or the transaction is aborted: the caller rolls back either way); a lost connection
 * drops them with the transaction.  ROLLBACK TO is never held back: its result decides
 * whether the batch goes on. */
static void tunda_buang(struct pg_db *db) { db->ntunda = 0; }

/* Joins the held-back commands and sql (NULL: none) into one simple-query text; caller frees. */
static char *tunda_gabung(struct pg_db *db, const char *sql)
{
  size_t n = sql ? strlen(sql) + 1 : 1;
  for (int i = 0; i < db->ntunda; i++) n += strlen(db->tunda[i]) + 2;
  char *t = malloc(n);
  if (!t) return NULL;
  size_t k = 0;
  for (int i = 0; i < db->ntunda; i++) k += (size_t)sprintf(t + k, "%s; ", db->tunda[i]);
  if (sql) memcpy(t + k, sql, strlen(sql) + 1);
  else t[k ? k - 2 : 0] = 0;
  return t;
}

/* PQexec of sql after the held-back commands (one message).  NULL result: out of memory. */
static PGresult *exec_tunda(struct pg_db *db, const char *sql)
{
  if (!db->ntunda) return PQexec(db->c, sql);
  char *t = tunda_gabung(db, sql);
  tunda_buang(db);
  if (!t) return NULL;
  PGresult *r = PQexec(db->c, t);
  free(t);
  return r;
}

/* Runs plain SQL that is already PostgreSQL (no rewriting), after the held-back commands. */
static int exec_raw(struct pg_db *db, const char *sql)
{
  PGresult *r = exec_tunda(db, sql);
  int rc = DB_OK;
  if (!ok(r)) {
    set_err(db, r);
    rc = map_state(r);
    if (sesi_hilang(r)) db->rusak = 1;
  }
  PQclear(r);
  return rc;
}

/* Sends the held-back commands now (one round trip); DB_OK when there were none. */
static int tunda_kirim(struct pg_db *db)
{
  if (!db->ntunda) return DB_OK;
  char *t = tunda_gabung(db, NULL);
  tunda_buang(db);
  if (!t) { snprintf(db->err, sizeof db->err, "out of memory"); return DB_ERROR; }
  int rc = exec_raw(db, t);
  free(t);
  return rc;
}

/* Holds back a SAVEPOINT or RELEASE (sql: at most TUNDA_PANJANG - 1 bytes) inside a
 * transaction; sends it at once otherwise. */
static int tunda_tambah(struct pg_db *db, const char *sql)
{
  if (PQtransactionStatus(db->c) != PQTRANS_INTRANS || strlen(sql) >= TUNDA_PANJANG) return exec_raw(db, sql);
  if (db->ntunda == TUNDA_MAKS && tunda_kirim(db) != DB_OK) return DB_ERROR;
  snprintf(db->tunda[db->ntunda++], TUNDA_PANJANG, "%s", sql);
  return DB_OK;
}

/* 1 when sql is exactly `SAVEPOINT name` or `RELEASE name` (one word, letters and _). */
static int savepoint_saja(const char *sql)
{
  const char *p;
  if (!strncmp(sql, "SAVEPOINT ", 10)) p = sql + 10;
  else if (!strncmp(sql, "RELEASE ", 8)) p = sql + 8;
  else return 0;
  if (!*p) return 0;
  for (; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || *p == '_')) return 0;
  return 1;
}

/* Every session: warnings only, UTC, and no JIT compilation.  JIT pays off for long analytic
 * scans; kinerja's statements are short, and on the dashboards' correlated subqueries over the
 * month partitions (many cheap index probes with a high total cost estimate) PostgreSQL 15
 * spent 1.6-2.8 s compiling for 0.5 s of execution (EXPLAIN ANALYZE through auto_explain on
 * 8,000 pegawai, 406 k activities; docs/postgres.md). */
#define SESSION_SET "SET client_min_messages = warning; SET TIME ZONE 'UTC'; SET jit = off"

static int in_tx(struct pg_db *db) { return PQtransactionStatus(db->c) != PQTRANS_IDLE; }

/* SESSION_SET plus a mark that names this connection's server session (a value no other
 * connection, of this node or another, has: pid and a counter): each BEGIN reads it back (mulai),
 * so a socket that now leads to another server session (a pooler switched it, or SESSION_SET was
 * lost) is found before any work of the transaction is done.  A new mark at every (re)connect. */
static int sesi_atur(struct pg_db *db)
{
  static atomic_uint nomor;
  snprintf(db->sesi, sizeof db->sesi, "%ld.%u", (long)getpid(), atomic_fetch_add(&nomor, 1) + 1);
  char sql[sizeof SESSION_SET + 80];
  snprintf(sql, sizeof sql, "%s; SET kinerja.sesi = '%s'", SESSION_SET, db->sesi);
  PGresult *r = PQexec(db->c, sql);
  int good = ok(r);
  if (!good) set_err(db, r);
  PQclear(r);
  return good;
}

/* After a lost connection (server restart, failover, a pooler that lost or switched the server
 * session): a new one, whose prepared statements are gone.  Only used outside a transaction:
 * work of a broken transaction is lost and reported, never replayed.  Acts when libpq saw the
 * connection fail or when an error said the session is gone (db->rusak, see sesi_hilang: behind
 * pgbouncer or another pooler the socket can stay open while the server session is not the one
 * prepared on).  The connection counts as usable only once SESSION_SET ran on it: until then
 * db->rusak stays set and the next use tries again, so no statement ever runs on a session
 * without UTC and the other settings.  1 when connected again. */
static int reconnect(struct pg_db *db)
{
  if (PQstatus(db->c) != CONNECTION_BAD && !db->rusak) return 0;
  tunda_buang(db);
  db->rusak = 1;
  PQreset(db->c);
  if (PQstatus(db->c) != CONNECTION_OK) return 0;
  PQsetNoticeProcessor(db->c, quiet, NULL);
  for (int i = 0; i < HASH_SIZE; i++)
    for (struct pg_prep *p = db->tab[i]; p; p = p->next) p->prepared = 0;
  int good = sesi_atur(db);
  if (good) db->rusak = 0;
  return good;
}

/* Before a statement outside a transaction: a connection that the server (or pgbouncer) closed
 * while it sat idle shows it now (what arrived is read without waiting: EOF or the server's
 * FATAL makes libpq mark it bad) and is opened again before anything is sent, so the request
 * that meets it does not fail.  A failure after the statement left is never retried by run():
 * it may have committed (see run).  0 when the connection cannot be used now. */
static int bereit(struct pg_db *db)
{
  if (PQstatus(db->c) == CONNECTION_OK && !db->rusak) {
    /* read while something is there: a closing server sends its FATAL and then EOF, and
     * PQconsumeInput stops after the message; the EOF marks the connection bad */
    struct pollfd pf = {.fd = PQsocket(db->c), .events = POLLIN};
    for (int i = 0; i < 4 && poll(&pf, 1, 0) > 0 && PQconsumeInput(db->c); i++) {}
    if (PQstatus(db->c) == CONNECTION_OK) return 1;
  }
  if (reconnect(db)) return 1;
  if (PQstatus(db->c) != CONNECTION_OK) set_err(db, NULL);   /* libpq's reason; else SESSION_SET's */
  return 0;
}

struct db *db_pg_open(const char *url, char *err, size_t errlen)
{
  struct pg_db *db = calloc(1, sizeof *db);
  if (!db) { snprintf(err, errlen, "out of memory"); return NULL; }
  db->base.ops = &pg_ops;
  /* defaults for a failover: a host that is gone (not refusing, silent) must not hold a worker
   * for minutes.  They come before the URL, whose own settings win (expand_dbname). */
  static const char *const keys[] = {"connect_timeout", "keepalives_idle", "keepalives_interval",
                                     "keepalives_count", "tcp_user_timeout", "dbname", NULL};
  const char *const vals[] = {"10", "30", "10", "3", "30000", url, NULL};
  db->c = PQconnectdbParams(keys, vals, 1);
  if (!db->c || PQstatus(db->c) != CONNECTION_OK) {
    snprintf(err, errlen, "cannot connect to PostgreSQL: %s", db->c ? PQerrorMessage(db->c) : "out of memory");
    size_t n = strlen(err);
    while (n && err[n - 1] == '\n') err[--n] = 0;
    goto fail;
  }
  PQsetNoticeProcessor(db->c, quiet, NULL);
  if (!sesi_atur(db)) {
    snprintf(err, errlen, "cannot configure the PostgreSQL session: %s", db->err);
    goto fail;
  }
  db_count_open(1);
  return &db->base;
fail:
  if (db->c) PQfinish(db->c);
  free(db);
  return NULL;
}

static void stmt_clear(struct pg_stmt *s)
{
  if (s->res) { PQclear(s->res); s->res = NULL; }
  for (int i = 0; i < s->n; i++) {
    if (s->kind[i] == 2) free(s->val[i]);
    s->val[i] = NULL;
    s->len[i] = 0;
    s->kind[i] = 0;
  }
  s->started = 0;
  s->row = -1;
  s->nrows = 0;
}

static void stmt_free(struct pg_stmt *s)
{
  if (!s) return;
  stmt_clear(s);
  free(s->val);
  free(s->len);
  free(s->kind);
  free(s->num);
  free(s);
}

static void prep_free(struct pg_prep *p)
{
  stmt_free(p->idle);
  free(p->sql);
  free(p->pgsql);
  free(p);
}

static void pg_close(struct db *d)
{
  struct pg_db *db = PG(d);
  for (int i = 0; i < HASH_SIZE; i++) {
    for (struct pg_prep *p = db->tab[i], *nx; p; p = nx) { nx = p->next; prep_free(p); }
  }
  PQfinish(db->c);
  db_count_open(-1);
  free(db);
}

static int pg_exec(struct db *d, const char *sql)
{
  struct pg_db *db = PG(d);
  if (savepoint_saja(sql)) return tunda_tambah(db, sql);
  if (!db->tx && !bereit(db)) return DB_ERROR;
  char *t = pg_sql_rewrite(sql, NULL);
  if (!t) { snprintf(db->err, sizeof db->err, "cannot rewrite SQL for PostgreSQL"); return DB_ERROR; }
  int rc = exec_raw(db, t);
  free(t);
  return rc;
}

static unsigned hash_of(const char *sql)
{
  unsigned h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)sql; *p; p++) h = (h ^ *p) * 16777619u;
  return h % HASH_SIZE;
}

static struct pg_stmt *stmt_new(struct pg_db *db, struct pg_prep *p)
{
  struct pg_stmt *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->base.db = &db->base;
  s->prep = p;
  s->n = p->nparams;
  s->row = -1;
  size_t n = (size_t)(s->n ? s->n : 1);
  s->val = calloc(n, sizeof *s->val);
  s->len = calloc(n, sizeof *s->len);
  s->kind = calloc(n, 1);
  s->num = calloc(n, sizeof *s->num);
  if (!s->val || !s->len || !s->kind || !s->num) { stmt_free(s); return NULL; }
  return s;
}

static struct pg_prep *prep_new(struct pg_db *db, const char *sql, int cached)
{
  struct pg_prep *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->sql = strdup(sql);
  p->pgsql = pg_sql_rewrite(sql, &p->nparams);
  if (!p->sql || !p->pgsql) {
    snprintf(db->err, sizeof db->err, "cannot rewrite SQL for PostgreSQL");
    free(p->sql); free(p->pgsql); free(p);
    return NULL;
  }
  if (cached) snprintf(p->name, sizeof p->name, "k%u", ++db->serial);
  return p;
}

static struct db_stmt *pg_prepare(struct db *d, const char *sql)
{
  struct pg_db *db = PG(d);
  unsigned h = hash_of(sql);
  struct pg_prep *p = db->tab[h];
  while (p && strcmp(p->sql, sql) != 0) p = p->next;
  if (!p) {
    int cached = db->nprep < MAX_PREPS;
    p = prep_new(db, sql, cached);
    if (!p) return NULL;
    if (cached) { p->next = db->tab[h]; db->tab[h] = p; db->nprep++; }
    else {
      /* not cached: a private statement that owns its prep (freed by done) */
      struct pg_stmt *s = stmt_new(db, p);
      if (!s) { prep_free(p); return NULL; }
      return &s->base;
    }
  }
  struct pg_stmt *s = p->idle;
  if (s) p->idle = NULL;
  else if (!(s = stmt_new(db, p))) return NULL;
  return &s->base;
}

static void pg_done(struct db_stmt *b)
{
  struct pg_stmt *s = ST(b);
  stmt_clear(s);
  struct pg_prep *p = s->prep;
  if (!p->name[0]) { p->idle = NULL; stmt_free(s); free(p->sql); free(p->pgsql); free(p); return; }
  if (!p->idle) p->idle = s;
  else stmt_free(s);
}

static void pg_reset(struct db_stmt *b) { stmt_clear(ST(b)); }

static int pg_bind_int64(struct db_stmt *b, int i, int64_t v)
{
  struct pg_stmt *s = ST(b);
  if (i < 1 || i > s->n) return DB_ERROR;
  i--;
  if (s->kind[i] == 2) free(s->val[i]);
  s->len[i] = snprintf(s->num[i], sizeof s->num[i], "%lld", (long long)v);
  s->val[i] = s->num[i];
  s->kind[i] = 1;
  return DB_OK;
}

static int pg_bind_null(struct db_stmt *b, int i)
{
  struct pg_stmt *s = ST(b);
  if (i < 1 || i > s->n) return DB_ERROR;
  i--;
  if (s->kind[i] == 2) free(s->val[i]);
  s->val[i] = NULL;
  s->kind[i] = 0;
  return DB_OK;
}

static int pg_bind_textn(struct db_stmt *b, int i, const char *v, size_t n)
{
  struct pg_stmt *s = ST(b);
  if (i < 1 || i > s->n) return DB_ERROR;
  char *c = malloc(n + 1);
  if (!c) return DB_ERROR;
  memcpy(c, v, n);
  c[n] = 0;
  i--;
  if (s->kind[i] == 2) free(s->val[i]);
  s->val[i] = c;
  s->len[i] = (int)n;
  s->kind[i] = 2;
  return DB_OK;
}

/* Prepares p on the connection.  Parameters bound as int64 are declared bigint, the others
 * left to the server to infer; when that fails (a text column compared with a number, a
 * parameter PostgreSQL cannot type), it tries all inferred, then all typed as bound.  Inside a
 * transaction a savepoint keeps a failed attempt from aborting it.  Once per text and
 * connection. */
static int ensure_prepared(struct pg_db *db, struct pg_stmt *s)
{
  struct pg_prep *p = s->prep;
  int tx = in_tx(db);
  Oid *types = calloc((size_t)(p->nparams ? p->nparams : 1), sizeof *types);
  if (!types) return DB_ERROR;
  if (tx && exec_raw(db, "SAVEPOINT kprep") != DB_OK) { free(types); return DB_ERROR; }
  /* the first attempts carry a comment so that a test run can tell their expected failures in
   * the server log from real ones (tests/pg/run.sh) */
  size_t n = strlen(p->pgsql);
  char *tagged = malloc(n + sizeof TYPING_TAG);
  if (!tagged) { free(types); return DB_ERROR; }
  memcpy(tagged, TYPING_TAG, sizeof TYPING_TAG - 1);
  memcpy(tagged + sizeof TYPING_TAG - 1, p->pgsql, n + 1);
  int rc = DB_ERROR;
  for (int attempt = 0; attempt < 3 && rc != DB_OK; attempt++) {
    for (int i = 0; i < p->nparams; i++)
      types[i] = attempt == 0 ? (s->kind[i] == 1 ? INT8OID : 0)
               : attempt == 1 ? 0 : (s->kind[i] == 1 ? INT8OID : TEXTOID);
    if (attempt && tx && exec_raw(db, "ROLLBACK TO SAVEPOINT kprep") != DB_OK) break;
    PGresult *r = PQprepare(db->c, p->name, attempt < 2 ? tagged : p->pgsql, p->nparams, types);
    if (ok(r)) rc = DB_OK;
    else {
      const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      int again = st && (!strcmp(st, "42P18") || !strcmp(st, "42P08") || !strcmp(st, "42725") ||
                         !strcmp(st, "42883") || !strcmp(st, "42804"));
      set_err(db, r);
      /* 42P05: a statement of our name exists already: not a session of this connection's own */
      if (sesi_hilang(r) || (st && !strcmp(st, "42P05"))) db->rusak = 1;
      if (!again) attempt = 3;
      else if (attempt == 0 && strcmp(st, "42883") && strcmp(st, "42804")) attempt = 1;  /* untyped cannot help */
    }
    PQclear(r);
  }
  free(types);
  free(tagged);
  if (tx) exec_raw(db, rc == DB_OK ? "RELEASE SAVEPOINT kprep" : "ROLLBACK TO SAVEPOINT kprep; RELEASE SAVEPOINT kprep");
  if (rc == DB_OK) p->prepared = 1;
  return rc;
}

/* The held-back commands and then s (prepared, or unnamed) in one pipeline: one round trip.
 * Returns s's result, or the first failed command's (the rest were not run); never NULL. */
static PGresult *kirim_pipa(struct pg_db *db, struct pg_stmt *s)
{
  struct pg_prep *p = s->prep;
  PGconn *c = db->c;
  int n = db->ntunda;
  if (!PQenterPipelineMode(c)) {
    if (tunda_kirim(db) != DB_OK) return PQmakeEmptyPGresult(c, PGRES_FATAL_ERROR);
    return p->name[0] ? PQexecPrepared(c, p->name, p->nparams, (const char *const *)s->val, s->len, NULL, 0)
                      : PQexecParams(c, p->pgsql, p->nparams, NULL, (const char *const *)s->val, s->len, NULL, 0);
  }
  int sent = 1;
  for (int i = 0; i < n && sent; i++) sent = PQsendQueryParams(c, db->tunda[i], 0, NULL, NULL, NULL, NULL, 0);
  tunda_buang(db);
  if (sent)
    sent = p->name[0] ? PQsendQueryPrepared(c, p->name, p->nparams, (const char *const *)s->val, s->len, NULL, 0)
                      : PQsendQueryParams(c, p->pgsql, p->nparams, NULL, (const char *const *)s->val, s->len, NULL, 0);
  PGresult *fail = NULL, *last = NULL;
  if (sent && PQpipelineSync(c)) {
    /* each command's result is followed by NULL; the sync's result ends the pipeline */
    for (int k = 0; k <= n + 1;) {
      PGresult *r = PQgetResult(c);
      if (!r) {
        if (PQstatus(c) == CONNECTION_BAD) break;
        k++;
        continue;
      }
      if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) { PQclear(r); break; }
      if (k < n) {
        if (!ok(r) && !fail) fail = r; else PQclear(r);
      } else {
        PQclear(last);
        last = r;
      }
    }
  }
  if (!PQexitPipelineMode(c) && !fail && (!last || ok(last))) {
    PQclear(last);
    last = NULL;
  }
  if (fail) { PQclear(last); return fail; }
  return last ? last : PQmakeEmptyPGresult(c, PGRES_FATAL_ERROR);
}

/* Runs s.  Outside a transaction a connection that was found gone (bereit) is opened again
 * before anything is sent; after the statement left, a failure is retried (once, on a new
 * connection) only when it proves that nothing ran: our prepared statement did not exist on
 * the session (26000), or preparing failed on a session found gone.  A statement that failed
 * any other way may have committed (an autocommit write whose answer was lost) and is never
 * sent twice; inside a transaction nothing is retried (the caller rolls back). */
static int run(struct pg_db *db, struct pg_stmt *s)
{
  struct pg_prep *p = s->prep;
  PGresult *r;
  int luar = !db->tx;
  int tries = 0;
  if (luar && !bereit(db)) return DB_ERROR;
again:
  if (db->ntunda && (p->prepared || !p->name[0])) {
    r = kirim_pipa(db, s);
  } else if (!p->name[0]) {
    r = PQexecParams(db->c, p->pgsql, p->nparams, NULL, (const char *const *)s->val, s->len, NULL, 0);
  } else {
    if (!p->prepared && ensure_prepared(db, s) != DB_OK) {
      if (luar && !tries++ && reconnect(db)) goto again;
      return DB_ERROR;
    }
    r = PQexecPrepared(db->c, p->name, p->nparams, (const char *const *)s->val, s->len, NULL, 0);
  }
  if (!ok(r)) {
    set_err(db, r);
    int rc = map_state(r);
    const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    int tak_ada = p->name[0] && p->prepared && st && !strcmp(st, "26000");
    if (sesi_hilang(r)) db->rusak = 1;
    PQclear(r);
    if (luar && tak_ada && !tries++ && reconnect(db)) goto again;
    return rc;
  }
  const char *ct = PQcmdTuples(r);
  if (ct && *ct) db->changes = atoi(ct);
  s->res = r;
  s->nrows = PQresultStatus(r) == PGRES_TUPLES_OK ? PQntuples(r) : 0;
  s->row = -1;
  return DB_OK;
}

static int pg_step(struct db_stmt *b)
{
  struct pg_stmt *s = ST(b);
  if (!s->started) {
    s->started = 1;
    int rc = run(PG(b->db), s);
    if (rc != DB_OK) return rc;
  }
  if (s->row + 1 < s->nrows) { s->row++; return DB_ROW; }
  s->row = s->nrows;
  return DB_DONE;
}

static int have(struct pg_stmt *s, int c)
{
  return s->res && s->row >= 0 && s->row < s->nrows && c >= 0 && c < PQnfields(s->res);
}

static int64_t pg_col_int64(struct db_stmt *b, int c)
{
  struct pg_stmt *s = ST(b);
  if (!have(s, c) || PQgetisnull(s->res, s->row, c)) return 0;
  const char *v = PQgetvalue(s->res, s->row, c);
  if (PQftype(s->res, c) == BOOLOID) return v[0] == 't';
  return strtoll(v, NULL, 10);
}

static const char *pg_col_text(struct db_stmt *b, int c)
{
  struct pg_stmt *s = ST(b);
  if (!have(s, c) || PQgetisnull(s->res, s->row, c)) return NULL;
  const char *v = PQgetvalue(s->res, s->row, c);
  if (PQftype(s->res, c) == BOOLOID) return v[0] == 't' ? "1" : "0";
  return v;
}

static int pg_col_is_null(struct db_stmt *b, int c)
{
  struct pg_stmt *s = ST(b);
  return !have(s, c) || PQgetisnull(s->res, s->row, c);
}

static int pg_col_count(struct db_stmt *b) { return ST(b)->res ? PQnfields(ST(b)->res) : 0; }
static const char *pg_col_name(struct db_stmt *b, int c) { return ST(b)->res ? PQfname(ST(b)->res, c) : ""; }
static int pg_col_is_int(struct db_stmt *b, int c)
{
  struct pg_stmt *s = ST(b);
  if (pg_col_is_null(b, c)) return 0;
  Oid t = PQftype(s->res, c);
  return t == 20 || t == 21 || t == 23;   /* int8, int2, int4 */
}

static int savepoint_buka(struct pg_db *db)
{
  if (tunda_tambah(db, "SAVEPOINT kelompok_tugas") != DB_OK) return DB_ERROR;
  db->tingkat++;
  return DB_OK;
}

/* Begins a transaction with sql (BEGIN ... ; more commands) and reads the session mark back in
 * the same message.  A different mark (or none) means the server session is not the one this
 * connection configured and prepared on: rolled back, the connection marked for a reset, and
 * DB_ERROR, before anything of the transaction ran.  On failure no transaction stays open. */
static int mulai(struct pg_db *db, const char *sql)
{
  char t[256];
  snprintf(t, sizeof t, "%s; SELECT current_setting('kinerja.sesi', true)", sql);
  PGresult *r = exec_tunda(db, t);
  int rc = DB_OK;
  if (!ok(r)) {
    set_err(db, r);
    rc = map_state(r);
    if (sesi_hilang(r)) db->rusak = 1;
  } else if (PQntuples(r) != 1 || PQgetisnull(r, 0, 0) || strcmp(PQgetvalue(r, 0, 0), db->sesi)) {
    snprintf(db->err, sizeof db->err, "the server session behind this connection changed (a pooler switched it?)");
    db->rusak = 1;
    rc = DB_ERROR;
  }
  PQclear(r);
  if (rc != DB_OK && PQstatus(db->c) == CONNECTION_OK && in_tx(db)) {
    char keep[sizeof db->err];
    memcpy(keep, db->err, sizeof keep);
    exec_raw(db, "ROLLBACK");
    memcpy(db->err, keep, sizeof keep);
  }
  return rc;
}

/* Both begins: a connection found gone is opened again first (bereit); a BEGIN that failed began
 * nothing, so it is sent once more on a new connection. */
static int begin_dengan(struct pg_db *db, const char *sql)
{
  if (!bereit(db)) return DB_ERROR;
  int rc = mulai(db, sql);
  if (rc != DB_OK && reconnect(db)) rc = mulai(db, sql);
  db->tx = rc == DB_OK;
  return rc;
}

static int pg_begin(struct db *d)
{
  struct pg_db *db = PG(d);
  if (db->kelompok) return savepoint_buka(db);
  return begin_dengan(db, "BEGIN ISOLATION LEVEL REPEATABLE READ");
}

static int pg_begin_write(struct db *d)
{
  struct pg_db *db = PG(d);
  if (db->kelompok) return savepoint_buka(db);
  char sql[160];
  snprintf(sql, sizeof sql, "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '10s';"
           " SELECT pg_advisory_xact_lock(%d)", WRITE_LOCK);
  return begin_dengan(db, sql);
}

static int pg_commit(struct db *d)
{
  struct pg_db *db = PG(d);
  if (db->kelompok) {
    if (db->tingkat == 0 || !in_tx(db)) return DB_ERROR;
    db->tingkat--;
    return tunda_tambah(db, "RELEASE kelompok_tugas");
  }
  db->tx = 0;
  PGresult *r = exec_tunda(db, "COMMIT");
  int rc = DB_OK;
  if (!ok(r)) {   /* never sent again: it may have committed */
    set_err(db, r);
    rc = map_state(r);
    if (sesi_hilang(r)) db->rusak = 1;
  }
  else if (strcmp(PQcmdStatus(r), "ROLLBACK") == 0) {
    snprintf(db->err, sizeof db->err, "transaction aborted by an earlier error; rolled back");
    rc = DB_ERROR;
  }
  PQclear(r);
  return rc;
}

static int pg_rollback(struct db *d)
{
  struct pg_db *db = PG(d);
  if (PQstatus(db->c) == CONNECTION_BAD || !in_tx(db)) { db->tx = 0; db->tingkat = 0; tunda_buang(db); return DB_OK; }
  if (db->kelompok) {
    if (db->tingkat == 0) return DB_OK;
    db->tingkat--;
    return exec_raw(db, "ROLLBACK TO kelompok_tugas; RELEASE kelompok_tugas");
  }
  db->tx = 0;
  tunda_buang(db);   /* undone by the ROLLBACK anyway */
  return exec_raw(db, "ROLLBACK");
}

static int pg_changes(struct db *d) { return PG(d)->changes; }
static const char *pg_errmsg(struct db *d) { return PG(d)->err[0] ? PG(d)->err : PQerrorMessage(PG(d)->c); }

/* The read-set recorder is a SQLite authorizer feature used by unit tests only. */
static void pg_pantau_baca(struct db *d, void (*fn)(void *ctx, const char *tabel), void *ctx)
{
  (void)d; (void)fn; (void)ctx;
}

/* Group mode of the group-commit writer (db/penulis.c): as in db_sqlite.c. */
static void pg_kelompok(struct db *d, int on) { PG(d)->kelompok = on; PG(d)->tingkat = 0; }
static int pg_kelompok_terbuka(struct db *d) { return PG(d)->tingkat; }
static int pg_dalam_transaksi(struct db *d) { return in_tx(PG(d)); }
/* WAL checkpoints are the PostgreSQL server's business. */
static void pg_wal_pantau(struct db *d, void (*fn)(void *ctx, int frames), void *ctx) { (void)d; (void)fn; (void)ctx; }
static int pg_checkpoint(struct db *d) { (void)d; return DB_OK; }

static const struct db_ops pg_ops = {
  .dialect = DB_DIALECT_PG,
  .close = pg_close, .exec = pg_exec, .prepare = pg_prepare, .done = pg_done, .reset = pg_reset,
  .bind_int64 = pg_bind_int64, .bind_textn = pg_bind_textn, .bind_null = pg_bind_null,
  .step = pg_step, .col_int64 = pg_col_int64, .col_text = pg_col_text, .col_is_null = pg_col_is_null,
  .col_count = pg_col_count, .col_name = pg_col_name, .col_is_int = pg_col_is_int,
  .begin = pg_begin, .begin_write = pg_begin_write, .commit = pg_commit, .rollback = pg_rollback,
  .changes = pg_changes, .errmsg = pg_errmsg, .pantau_baca = pg_pantau_baca,
  .kelompok = pg_kelompok, .kelompok_terbuka = pg_kelompok_terbuka, .dalam_transaksi = pg_dalam_transaksi,
  .wal_pantau = pg_wal_pantau, .checkpoint = pg_checkpoint,
};
