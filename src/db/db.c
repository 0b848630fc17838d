/* db.c: picks the backend of a database URL and forwards the db.h calls to it.
 *
 * `postgres://...` / `postgresql://...` (libpq connection URIs) and libpq key=value connection
 * strings (`host=db1 port=5432 dbname=kinerja user=kinerja`: the text starts with a word and
 * `=`, and libpq's parser accepts it, so every keyword is libpq's) open PostgreSQL (db_pg.c);
 * anything else is a SQLite file path, optionally written `sqlite:PATH`.  A text that starts
 * like a connection string but that libpq refuses (`host=a dbnama=x`, a misspelt keyword) is
 * refused with libpq's reason instead of becoming a SQLite file of that name; such a file is
 * written `sqlite:data=x.db`.
 */
#include "db/db_impl.h"

#include <ctype.h>
#include <libpq-fe.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static atomic_long open_count;

void db_count_open(int delta) { atomic_fetch_add(&open_count, delta); }
long db_open_count(void) { return atomic_load(&open_count); }

/* 1 when url starts like a key=value connection string: a word, then `=` */
static int mirip_conninfo(const char *url)
{
  const char *p = url;
  while (isspace((unsigned char)*p)) p++;
  const char *w = p;
  while (isalpha((unsigned char)*p) || *p == '_') p++;
  if (p == w) return 0;
  while (isspace((unsigned char)*p)) p++;
  return *p == '=';
}

/* libpq's parsed options of a key=value connection string, or NULL (free with PQconninfoFree);
 * libpq's complaint in err when it looks like one but is not */
static PQconninfoOption *conninfo(const char *url, char *err, size_t errlen)
{
  if (!mirip_conninfo(url)) return NULL;
  char *e = NULL;
  PQconninfoOption *o = PQconninfoParse(url, &e);
  if (e && err) {
    snprintf(err, errlen, "%s", e);
    for (size_t n = strlen(err); n && err[n - 1] == '\n'; ) err[--n] = 0;
  }
  if (e) PQfreemem(e);
  return o;
}

int db_url_is_pg(const char *url)
{
  if (!url) return 0;
  if (strncmp(url, "postgres://", 11) == 0 || strncmp(url, "postgresql://", 13) == 0) return 1;
  PQconninfoOption *o = conninfo(url, NULL, 0);
  PQconninfoFree(o);
  return o != NULL;
}

void db_url_for_log(const char *url, char *out, size_t n)
{
  if (!n) return;
  out[0] = 0;
  if (!url) return;
  PQconninfoOption *o = strstr(url, "://") ? NULL : conninfo(url, NULL, 0);
  if (o) {   /* key=value: the options set, the password hidden */
    size_t k = 0;
    for (PQconninfoOption *x = o; x->keyword && k < n; x++) {
      if (!x->val || !*x->val) continue;
      int w = snprintf(out + k, n - k, "%s%s=%s", k ? " " : "", x->keyword, strcmp(x->keyword, "password") ? x->val : "***");
      if (w < 0) break;
      k += (size_t)w;
    }
    if (k >= n) out[n - 1] = 0;
    PQconninfoFree(o);
    return;
  }
  const char *at = db_url_is_pg(url) ? strchr(url, '@') : NULL;
  const char *colon = at ? strchr(strstr(url, "://") + 3, ':') : NULL;
  const char *q = strchr(url, '?');
  if (colon && colon < at) snprintf(out, n, "%.*s:***%.*s", (int)(colon - url), url, (int)((q ? q : at + strlen(at)) - at), at);
  else snprintf(out, n, "%.*s", (int)(q && db_url_is_pg(url) ? q - url : (long)strlen(url)), url);
}

struct db *db_open(const char *url, char *err, size_t errlen)
{
  if (db_url_is_pg(url)) return db_pg_open(url, err, errlen);
  if (url && mirip_conninfo(url)) {   /* a connection string libpq refuses: not a file name */
    char why[200] = "";
    PQconninfoFree(conninfo(url, why, sizeof why));
    snprintf(err, errlen, "bukan string koneksi PostgreSQL yang sah (%s); berkas SQLite dengan nama seperti itu ditulis sqlite:PATH", why);
    return NULL;
  }
  if (url && strncmp(url, "sqlite:", 7) == 0) url += 7;
  return db_sqlite_open(url, err, errlen);
}

int db_dialect(struct db *db) { return db->ops->dialect; }
void db_close(struct db *db) { if (db) db->ops->close(db); }
int db_exec(struct db *db, const char *sql) { return db->ops->exec(db, sql); }
struct db_stmt *db_prepare(struct db *db, const char *sql) { return db->ops->prepare(db, sql); }
void db_done(struct db_stmt *st) { if (st) st->db->ops->done(st); }
void db_reset(struct db_stmt *st) { if (st) st->db->ops->reset(st); }

int db_bind_int64(struct db_stmt *st, int i, int64_t v) { return st->db->ops->bind_int64(st, i, v); }
int db_bind_null(struct db_stmt *st, int i) { return st->db->ops->bind_null(st, i); }
int db_bind_text(struct db_stmt *st, int i, const char *v)
{
  return v ? st->db->ops->bind_textn(st, i, v, strlen(v)) : db_bind_null(st, i);
}
int db_bind_textn(struct db_stmt *st, int i, const char *v, size_t n)
{
  return v ? st->db->ops->bind_textn(st, i, v, n) : db_bind_null(st, i);
}
int db_bind_id(struct db_stmt *st, int i, int64_t v) { return v ? db_bind_int64(st, i, v) : db_bind_null(st, i); }

int db_step(struct db_stmt *st) { return st->db->ops->step(st); }
int64_t db_col_int64(struct db_stmt *st, int c) { return st->db->ops->col_int64(st, c); }
const char *db_col_text(struct db_stmt *st, int c) { return st->db->ops->col_text(st, c); }
int db_col_is_null(struct db_stmt *st, int c) { return st->db->ops->col_is_null(st, c); }
int db_col_count(struct db_stmt *st) { return st->db->ops->col_count(st); }
const char *db_col_name(struct db_stmt *st, int c) { return st->db->ops->col_name(st, c); }
int db_col_is_int(struct db_stmt *st, int c) { return st->db->ops->col_is_int(st, c); }

int db_begin(struct db *db) { return db->ops->begin(db); }
int db_begin_write(struct db *db) { return db->ops->begin_write(db); }
int db_commit(struct db *db) { return db->ops->commit(db); }
int db_rollback(struct db *db) { return db->ops->rollback(db); }
int db_step_commit(struct db *db, struct db_stmt *st)
{
  if (!st) { db_rollback(db); return -1; }
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE || db_commit(db) != DB_OK) { db_rollback(db); return -1; }
  return 0;
}
void db_kelompok(struct db *db, int on) { db->ops->kelompok(db, on); }
int db_kelompok_terbuka(struct db *db) { return db->ops->kelompok_terbuka(db); }
int db_dalam_transaksi(struct db *db) { return db->ops->dalam_transaksi(db); }
void db_wal_pantau(struct db *db, void (*fn)(void *ctx, int frames), void *ctx) { db->ops->wal_pantau(db, fn, ctx); }
int db_checkpoint(struct db *db) { return db->ops->checkpoint(db); }
void db_baca(struct db *db, int on) { if (db->ops->baca) db->ops->baca(db, on); }
int db_changes(struct db *db) { return db->ops->changes(db); }
const char *db_errmsg(struct db *db) { return db->ops->errmsg(db); }

void db_pantau_baca(struct db *db, void (*fn)(void *ctx, const char *tabel), void *ctx)
{
  db->ops->pantau_baca(db, fn, ctx);
}

int db_query_int64(struct db *db, const char *sql, int nparam, int64_t p1, int64_t *out)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return DB_ERROR;
  if (nparam > 0) db_bind_int64(st, 1, p1);
  int rc = db_step(st);
  if (rc == DB_ROW && out) *out = db_col_int64(st, 0);
  db_done(st);
  return rc;
}
