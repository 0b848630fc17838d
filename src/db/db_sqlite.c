/* db_sqlite.c: the SQLite backend of db.h.
 *
 * Each connection runs in WAL mode with foreign keys on, synchronous=NORMAL (durable across
 * process crashes; see STACK-NOTES for FULL), a busy timeout, and a small statement cache keyed
 * by SQL text.  A statement already handed out is never handed out twice: a second db_prepare of
 * the same SQL while the first is in use gets a private statement finalized by db_done().
 */
#include "db/db_impl.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SETS 64   /* statement cache: 64 sets x 4 ways, LRU within a set */
#define CACHE_WAYS 4
#define CACHE_SLOTS (CACHE_SETS * CACHE_WAYS)

struct sq_stmt {
  struct db_stmt base;
  sqlite3_stmt *st;
  const char *sql;   /* key; points at the caller's stable text */
  int in_use;
  int cached;
};

#define MEMO 128   /* caller's SQL pointer -> cache set, so the text is hashed once */

struct sq_db {
  struct db base;
  sqlite3 *h;
  struct sq_stmt *cache[CACHE_SLOTS];
  struct { const char *sql; unsigned set; } memo[MEMO];
  void (*wal_fn)(void *ctx, int frames);   /* db_wal_pantau */
  void *wal_ctx;
  int kelompok;      /* group mode (db_kelompok): begin/commit/rollback are savepoints */
  int tingkat;       /* savepoints opened by db_begin* in group mode and not yet closed */
  /* request read mode (db_baca): one read transaction shared by a request's statements */
  int baca;          /* the mode is on */
  int baca_buka;     /* its transaction is open */
  int baca_tingkat;  /* db_begin calls counted inside it and not yet committed */
  int baca_tulis;    /* a write after such a db_begin upgraded it: its commit is real */
  sqlite3_stmt *st_begin, *st_commit, *st_rollback;   /* prepared once */
};

static const struct db_ops sq_ops;
#define SQ(d) ((struct sq_db *)(d))
#define ST(s) ((struct sq_stmt *)(s))

static int sq_exec(struct db *d, const char *sql);

/* Before SQLite initialises: no global memory statistics (their mutex is taken on every
 * allocation of every connection; ~8 % of the group-commit writer's time in a profile). */
static void sqlite_sekali(void)
{
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);   /* SQLITE_MISUSE when already initialised: harmless */
}

struct db *db_sqlite_open(const char *url, char *err, size_t errlen)
{
  static pthread_once_t sekali = PTHREAD_ONCE_INIT;
  pthread_once(&sekali, sqlite_sekali);
  struct sq_db *db = calloc(1, sizeof *db);
  if (!db) { snprintf(err, errlen, "out of memory"); return NULL; }
  int rc = sqlite3_open_v2(url, &db->h,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    snprintf(err, errlen, "cannot open %s: %s", url, db->h ? sqlite3_errmsg(db->h) : "?");
    goto fail;
  }
  sqlite3_busy_timeout(db->h, 10000);
  sqlite3_extended_result_codes(db->h, 1);
  db->base.ops = &sq_ops;
  if (sq_exec(&db->base, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                  " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000;") != DB_OK) {
    snprintf(err, errlen, "cannot configure %s: %s", url, sqlite3_errmsg(db->h));
    goto fail;
  }
  db_count_open(1);
  return &db->base;
fail:
  if (db->h) sqlite3_close(db->h);
  free(db);
  return NULL;
}

static void sq_close(struct db *d)
{
  struct sq_db *db = SQ(d);
  sqlite3_finalize(db->st_begin);
  sqlite3_finalize(db->st_commit);
  sqlite3_finalize(db->st_rollback);
  for (int i = 0; i < CACHE_SLOTS; i++) {
    if (db->cache[i]) { sqlite3_finalize(db->cache[i]->st); free(db->cache[i]); }
  }
  sqlite3_close(db->h);
  db_count_open(-1);
  free(db);
}

static struct db_stmt *sq_prepare(struct db *d, const char *sql);
static void sq_done(struct db_stmt *b);

static void baca_tutup(struct sq_db *db);

static int sq_exec(struct db *db, const char *sql)
{
  if (SQ(db)->baca_buka) baca_tutup(SQ(db));
  /* One statement (the savepoints, BEGIN and COMMIT the group-commit writer runs several times
   * per request): through the statement cache instead of being parsed again each time. */
  if (!strchr(sql, ';')) {
    struct db_stmt *st = sq_prepare(db, sql);
    if (st) {
      int rc;
      while ((rc = sqlite3_step(ST(st)->st)) == SQLITE_ROW) {}
      sq_done(st);
      return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
    }
  }
  char *msg = NULL;
  int rc = sqlite3_exec(SQ(db)->h, sql, NULL, NULL, &msg);
  sqlite3_free(msg);
  return rc == SQLITE_OK ? DB_OK : DB_ERROR;
}

static unsigned slot_of(const char *sql)
{
  unsigned h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)sql; *p; p++) h = (h ^ *p) * 16777619u;
  return (h % CACHE_SETS) * CACHE_WAYS;
}

static struct db_stmt *sq_prepare(struct db *d, const char *sql)
{
  struct sq_db *db = SQ(d);
  /* Callers pass string literals, so the pointer names the text and its set need not be hashed
   * again.  Text built at run time may come back at the same address with other words: the set
   * found is then the wrong one, which costs a miss, never a wrong statement (the text is
   * compared below). */
  unsigned m = (unsigned)(((uintptr_t)sql >> 3) % MEMO), set;
  if (db->memo[m].sql == sql) {
    set = db->memo[m].set;
  } else {
    set = slot_of(sql);
    db->memo[m].sql = sql;
    db->memo[m].set = set;
  }
  struct sq_stmt **w = &db->cache[set];
  for (int i = 0; i < CACHE_WAYS; i++) {
    struct sq_stmt *c = w[i];
    if (c && !c->in_use && (c->sql == sql || strcmp(c->sql, sql) == 0)) {
      /* move to the front: the last way is the least recently used */
      for (int j = i; j > 0; j--) w[j] = w[j - 1];
      w[0] = c;
      c->in_use = 1;
      return &c->base;
    }
  }
  struct sq_stmt *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  /* a free way, else the least recently used idle one is evicted; when all are in use the
   * statement is private and finalized by db_done() */
  int victim = -1;
  for (int i = CACHE_WAYS - 1; i >= 0 && victim < 0; i--)
    if (!w[i]) victim = i;
  for (int i = CACHE_WAYS - 1; i >= 0 && victim < 0; i--)
    if (!w[i]->in_use) victim = i;
  int cacheable = victim >= 0;
  if (cacheable && w[victim]) {
    sqlite3_finalize(w[victim]->st);
    free(w[victim]);
    w[victim] = NULL;
  }
  if (sqlite3_prepare_v3(db->h, sql, -1, cacheable ? SQLITE_PREPARE_PERSISTENT : 0, &s->st, NULL)
      != SQLITE_OK) {
    free(s);
    return NULL;
  }
  s->base.db = d;
  s->sql = sqlite3_sql(s->st); /* stable copy owned by the statement */
  s->in_use = 1;
  s->cached = cacheable;
  if (cacheable) {
    for (int j = victim; j > 0; j--) w[j] = w[j - 1];
    w[0] = s;
  }
  return &s->base;
}

static void sq_done(struct db_stmt *b)
{
  struct sq_stmt *s = ST(b);
  if (s->cached) {
    sqlite3_reset(s->st);
    sqlite3_clear_bindings(s->st);
    s->in_use = 0;
  } else {
    sqlite3_finalize(s->st);
    free(s);
  }
}

static void sq_reset(struct db_stmt *b)
{
  struct sq_stmt *s = ST(b);
  sqlite3_reset(s->st);
  sqlite3_clear_bindings(s->st);
}

static int map_rc(int rc)
{
  switch (rc & 0xff) {
  case SQLITE_OK: return DB_OK;
  case SQLITE_ROW: return DB_ROW;
  case SQLITE_DONE: return DB_DONE;
  case SQLITE_CONSTRAINT: return DB_CONSTRAINT;
  case SQLITE_BUSY: case SQLITE_LOCKED: return DB_BUSY;
  default: return DB_ERROR;
  }
}

static int sq_bind_int64(struct db_stmt *s, int i, int64_t v) { return map_rc(sqlite3_bind_int64(ST(s)->st, i, v)); }
static int sq_bind_null(struct db_stmt *s, int i) { return map_rc(sqlite3_bind_null(ST(s)->st, i)); }
static int sq_bind_textn(struct db_stmt *s, int i, const char *v, size_t n)
{
  return map_rc(sqlite3_bind_text(ST(s)->st, i, v, (int)n, SQLITE_TRANSIENT));
}

/* Runs one of the connection's transaction statements, prepared on first use. */
static int kendali(struct sq_db *db, sqlite3_stmt **st, const char *sql)
{
  if (!*st && sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
    return DB_ERROR;
  int rc = sqlite3_step(*st);
  sqlite3_reset(*st);
  return rc == SQLITE_DONE ? DB_OK : map_rc(rc);
}

static int baca_mulai(struct sq_db *db)
{
  if (kendali(db, &db->st_begin, "BEGIN") != DB_OK) return DB_ERROR;
  db->baca_buka = 1;
  db->baca_tingkat = 0;
  db->baca_tulis = 0;
  return DB_OK;
}

/* Ends the request's read transaction (a write after a counted db_begin is committed too). */
static void baca_tutup(struct sq_db *db)
{
  db->baca_buka = 0;
  db->baca_tingkat = 0;
  db->baca_tulis = 0;
  if (!sqlite3_get_autocommit(db->h) && kendali(db, &db->st_commit, "COMMIT") != DB_OK)
    kendali(db, &db->st_rollback, "ROLLBACK");
}

static int sq_step(struct db_stmt *s)
{
  sqlite3_stmt *st = ST(s)->st;
  struct sq_db *db = SQ(s->db);
  if (db->baca && !sqlite3_stmt_busy(st)) {
    if (db->baca_buka) {
      if (!sqlite3_stmt_readonly(st)) {
        if (db->baca_tingkat == 0) baca_tutup(db);   /* the write runs on its own, as before */
        else db->baca_tulis = 1;                       /* inside the caller's db_begin */
      }
    } else if (sqlite3_stmt_readonly(st) && sqlite3_get_autocommit(db->h)) {
      baca_mulai(db);   /* on failure the statement runs on its own */
    }
  }
  return map_rc(sqlite3_step(st));
}
static int64_t sq_col_int64(struct db_stmt *s, int c) { return sqlite3_column_int64(ST(s)->st, c); }
static const char *sq_col_text(struct db_stmt *s, int c) { return (const char *)sqlite3_column_text(ST(s)->st, c); }
static int sq_col_is_null(struct db_stmt *s, int c) { return sqlite3_column_type(ST(s)->st, c) == SQLITE_NULL; }
static int sq_col_count(struct db_stmt *s) { return sqlite3_column_count(ST(s)->st); }
static const char *sq_col_name(struct db_stmt *s, int c) { return sqlite3_column_name(ST(s)->st, c); }
static int sq_col_is_int(struct db_stmt *s, int c) { return sqlite3_column_type(ST(s)->st, c) == SQLITE_INTEGER; }

static int savepoint_buka(struct sq_db *db)
{
  if (sq_exec(&db->base, "SAVEPOINT kelompok_tugas") != DB_OK) return DB_ERROR;
  db->tingkat++;
  return DB_OK;
}

static int sq_begin(struct db *d)
{
  struct sq_db *db = SQ(d);
  if (db->kelompok) return savepoint_buka(db);
  if (db->baca && !db->baca_buka && sqlite3_get_autocommit(db->h) && baca_mulai(db) != DB_OK) return DB_ERROR;
  if (db->baca_buka) { db->baca_tingkat++; return DB_OK; }
  return sq_exec(d, "BEGIN");
}
static int sq_begin_write(struct db *d) { return SQ(d)->kelompok ? savepoint_buka(SQ(d)) : sq_exec(d, "BEGIN IMMEDIATE"); }
static int sq_commit(struct db *d)
{
  struct sq_db *db = SQ(d);
  if (db->baca_buka && db->baca_tingkat > 0) {
    if (--db->baca_tingkat > 0 || !db->baca_tulis) return DB_OK;
    db->baca_buka = 0;
    db->baca_tulis = 0;
    return kendali(db, &db->st_commit, "COMMIT");
  }
  if (!db->kelompok) return sq_exec(d, "COMMIT");
  if (db->tingkat == 0 || sqlite3_get_autocommit(db->h)) return DB_ERROR;
  db->tingkat--;
  return sq_exec(d, "RELEASE kelompok_tugas");
}
static int sq_rollback(struct db *d)
{
  struct sq_db *db = SQ(d);
  if (sqlite3_get_autocommit(db->h)) { db->tingkat = 0; db->baca_buka = 0; return DB_OK; }
  if (db->baca_buka) {
    if (db->baca_tingkat == 0) return DB_OK;   /* nothing of the caller's to undo */
    if (--db->baca_tingkat > 0 && !db->baca_tulis) return DB_OK;
    if (!db->baca_tulis) return DB_OK;
    db->baca_buka = 0;
    db->baca_tingkat = 0;
    db->baca_tulis = 0;
    return kendali(db, &db->st_rollback, "ROLLBACK");
  }
  if (!db->kelompok) return sq_exec(d, "ROLLBACK");
  if (db->tingkat == 0) return DB_OK;
  db->tingkat--;
  return sq_exec(d, "ROLLBACK TO kelompok_tugas; RELEASE kelompok_tugas");
}
static void sq_kelompok(struct db *d, int on) { SQ(d)->kelompok = on; SQ(d)->tingkat = 0; }
static int wal_hook(void *arg, sqlite3 *h, const char *nama, int frames)
{
  (void)h; (void)nama;
  struct sq_db *db = arg;
  if (db->wal_fn) db->wal_fn(db->wal_ctx, frames);
  return SQLITE_OK;
}

static void sq_wal_pantau(struct db *d, void (*fn)(void *ctx, int frames), void *ctx)
{
  struct sq_db *db = SQ(d);
  db->wal_fn = fn;
  db->wal_ctx = ctx;
  if (fn) sqlite3_wal_hook(db->h, wal_hook, db);
  else sqlite3_wal_autocheckpoint(db->h, 1000);
}

static int sq_checkpoint(struct db *db)
{
  return sqlite3_wal_checkpoint_v2(SQ(db)->h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL) == SQLITE_OK ? DB_OK : DB_ERROR;
}

static int sq_kelompok_terbuka(struct db *db) { return SQ(db)->tingkat; }
static int sq_dalam_transaksi(struct db *d)
{
  struct sq_db *db = SQ(d);
  if (db->baca_buka) return db->baca_tingkat > 0 || db->baca_tulis;
  return !sqlite3_get_autocommit(db->h);
}

static void sq_baca(struct db *d, int on)
{
  struct sq_db *db = SQ(d);
  if (db->baca_buka) baca_tutup(db);
  db->baca = on && !db->kelompok;
}
static int sq_changes(struct db *db) { return sqlite3_changes(SQ(db)->h); }
static const char *sq_errmsg(struct db *db) { return sqlite3_errmsg(SQ(db)->h); }

struct pantau { void (*fn)(void *ctx, const char *tabel); void *ctx; };
static _Thread_local struct pantau pantau;

static int pantau_cb(void *ctx, int aksi, const char *a, const char *b, const char *c, const char *d)
{
  (void)ctx; (void)b; (void)c; (void)d;
  if (aksi == SQLITE_READ && a && pantau.fn) pantau.fn(pantau.ctx, a);
  return SQLITE_OK;
}

static void sq_pantau_baca(struct db *db, void (*fn)(void *ctx, const char *tabel), void *ctx)
{
  pantau.fn = fn;
  pantau.ctx = ctx;
  sqlite3_set_authorizer(SQ(db)->h, fn ? pantau_cb : NULL, NULL);
}

static const struct db_ops sq_ops = {
  .dialect = DB_DIALECT_SQLITE,
  .close = sq_close, .exec = sq_exec, .prepare = sq_prepare, .done = sq_done, .reset = sq_reset,
  .bind_int64 = sq_bind_int64, .bind_textn = sq_bind_textn, .bind_null = sq_bind_null,
  .step = sq_step, .col_int64 = sq_col_int64, .col_text = sq_col_text, .col_is_null = sq_col_is_null,
  .col_count = sq_col_count, .col_name = sq_col_name, .col_is_int = sq_col_is_int,
  .begin = sq_begin, .begin_write = sq_begin_write, .commit = sq_commit, .rollback = sq_rollback,
  .changes = sq_changes, .errmsg = sq_errmsg, .pantau_baca = sq_pantau_baca,
  .kelompok = sq_kelompok, .kelompok_terbuka = sq_kelompok_terbuka, .dalam_transaksi = sq_dalam_transaksi,
  .wal_pantau = sq_wal_pantau, .checkpoint = sq_checkpoint, .baca = sq_baca,
};
