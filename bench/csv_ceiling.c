/* csv_ceiling.c: the import ceiling for kinerja's benchmarks.
 *
 * How fast can this machine read a pegawai CSV with libcsv, and read it AND store every row in
 * SQLite, when nothing else is done (no validation, no lookups, no upsert, no audit)?
 *
 *   csv_ceiling parse  FILE.csv           libcsv streaming parse (';'), fields touched, no SQLite
 *   csv_ceiling sqlite FILE.csv DB.sqlite parse + INSERT into a fresh file table with the CSV's
 *                                         columns (all TEXT, no index), one prepared statement,
 *                                         10,000 rows per transaction, journal_mode=WAL,
 *                                         synchronous=NORMAL
 *
 * Prints one line: {"mode":"...","rows":N,"seconds":S}  (rows excludes the header).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>
#include <sqlite3.h>

#define NCOLS 12
#define ROW_MAX 8192          /* bytes of one row's fields, NULs included */
#define BATCH 10000

static const char *const columns[NCOLS] = {
  "nip", "nama", "gelar_depan", "gelar_belakang", "jenis_kelamin", "tanggal_lahir",
  "jenis_asn", "golongan", "jabatan", "jenis_jabatan", "unit_kerja", "nip_atasan",
};

struct ctx {
  sqlite3 *db;              /* NULL in parse-only mode */
  sqlite3_stmt *ins;
  bool header_done;
  int nfield;
  size_t used;              /* bytes used in buf */
  char buf[ROW_MAX];
  size_t off[NCOLS];
  size_t len[NCOLS];
  long rows;
  long line;                /* current CSV line, for messages */
  unsigned long checksum;   /* keeps the parse-only mode honest: every field is read */
  char err[256];
};

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_field(void *data, size_t n, void *c_)
{
  struct ctx *c = c_;
  if (c->err[0]) return;
  if (c->nfield >= NCOLS) {
    snprintf(c->err, sizeof c->err, "line %ld: more than %d fields", c->line, NCOLS);
    return;
  }
  if (c->used + n + 1 > sizeof c->buf) {
    snprintf(c->err, sizeof c->err, "line %ld: row longer than %d bytes", c->line, ROW_MAX);
    return;
  }
  memcpy(c->buf + c->used, data, n);
  c->buf[c->used + n] = '\0';
  c->off[c->nfield] = c->used;
  c->len[c->nfield] = n;
  c->used += n + 1;
  c->nfield++;
  if (n) c->checksum += (unsigned char)((const char *)data)[n - 1];
}

static int exec(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK) return 0;
  snprintf(err, errlen, "%s: %s", sql, sqlite3_errmsg(db));
  return -1;
}

static void on_row(int term, void *c_)
{
  struct ctx *c = c_;
  (void)term;
  c->line++;
  if (c->err[0]) return;
  if (!c->header_done) {
    if (c->nfield < 1 || strcmp(c->buf + c->off[0], "nip") != 0)
      snprintf(c->err, sizeof c->err, "line 1: the header must start with 'nip'");
    c->header_done = true;
    goto next;
  }
  c->rows++;
  if (!c->db) goto next;
  for (int i = 0; i < NCOLS; i++) {
    int rc = i < c->nfield
               ? sqlite3_bind_text(c->ins, i + 1, c->buf + c->off[i], (int)c->len[i], SQLITE_STATIC)
               : sqlite3_bind_null(c->ins, i + 1);
    if (rc != SQLITE_OK) goto sqlfail;
  }
  if (sqlite3_step(c->ins) != SQLITE_DONE) goto sqlfail;
  if (sqlite3_reset(c->ins) != SQLITE_OK) goto sqlfail;
  if (c->rows % BATCH == 0) {
    if (exec(c->db, "COMMIT", c->err, sizeof c->err) != 0) goto next;
    if (exec(c->db, "BEGIN", c->err, sizeof c->err) != 0) goto next;
  }
  goto next;
sqlfail:
  snprintf(c->err, sizeof c->err, "line %ld: %s", c->line, sqlite3_errmsg(c->db));
next:
  c->nfield = 0;
  c->used = 0;
}

static int open_db(struct ctx *c, const char *path)
{
  char sql[1024];
  size_t n = 0;
  int w;
  const char *suffix[] = {"", "-wal", "-shm", "-journal"};
  for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
    char p[4096];
    w = snprintf(p, sizeof p, "%s%s", path, suffix[i]);
    if (w < 0 || (size_t)w >= sizeof p) { snprintf(c->err, sizeof c->err, "path too long"); return -1; }
    if (unlink(p) != 0 && errno != ENOENT) {
      snprintf(c->err, sizeof c->err, "%.200s: %s", p, strerror(errno));
      return -1;
    }
  }
  if (sqlite3_open(path, &c->db) != SQLITE_OK) {
    snprintf(c->err, sizeof c->err, "%s: %s", path, c->db ? sqlite3_errmsg(c->db) : "out of memory");
    return -1;
  }
  if (exec(c->db, "PRAGMA journal_mode=WAL", c->err, sizeof c->err) != 0) return -1;
  if (exec(c->db, "PRAGMA synchronous=NORMAL", c->err, sizeof c->err) != 0) return -1;

  w = snprintf(sql, sizeof sql, "CREATE TABLE pegawai (");
  n = (size_t)w;
  for (int i = 0; i < NCOLS; i++) {
    w = snprintf(sql + n, sizeof sql - n, "%s%s TEXT", i ? ", " : "", columns[i]);
    if (w < 0 || (size_t)w >= sizeof sql - n) goto toolong;
    n += (size_t)w;
  }
  w = snprintf(sql + n, sizeof sql - n, ")");
  if (w < 0 || (size_t)w >= sizeof sql - n) goto toolong;
  if (exec(c->db, sql, c->err, sizeof c->err) != 0) return -1;

  w = snprintf(sql, sizeof sql, "INSERT INTO pegawai VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                " ?10, ?11, ?12)");
  if (w < 0 || (size_t)w >= sizeof sql) goto toolong;
  if (sqlite3_prepare_v2(c->db, sql, -1, &c->ins, NULL) != SQLITE_OK) {
    snprintf(c->err, sizeof c->err, "prepare: %s", sqlite3_errmsg(c->db));
    return -1;
  }
  return exec(c->db, "BEGIN", c->err, sizeof c->err);
toolong:
  snprintf(c->err, sizeof c->err, "SQL buffer too small");
  return -1;
}

int main(int argc, char **argv)
{
  static struct ctx c;
  static char chunk[1 << 20];
  struct csv_parser p;
  bool parser_ready = false;
  FILE *in = NULL;
  int rc = 1;
  const char *mode = argc > 1 ? argv[1] : "";
  bool with_sqlite = strcmp(mode, "sqlite") == 0;

  if (!((strcmp(mode, "parse") == 0 && argc == 3) || (with_sqlite && argc == 4))) {
    fprintf(stderr, "usage: %s parse FILE.csv | %s sqlite FILE.csv DB.sqlite\n", argv[0], argv[0]);
    return 2;
  }
  in = fopen(argv[2], "rb");
  if (!in) { snprintf(c.err, sizeof c.err, "%s: %s", argv[2], strerror(errno)); goto fail; }

  double t0 = now();
  if (with_sqlite && open_db(&c, argv[3]) != 0) goto fail;
  if (csv_init(&p, CSV_APPEND_NULL) != 0) { snprintf(c.err, sizeof c.err, "csv_init failed"); goto fail; }
  parser_ready = true;
  csv_set_delim(&p, ';');

  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
    if (csv_parse(&p, chunk, n, on_field, on_row, &c) != n) {
      snprintf(c.err, sizeof c.err, "line %ld: %s", c.line + 1, csv_strerror(csv_error(&p)));
      goto fail;
    }
    if (c.err[0]) goto fail;
  }
  if (ferror(in)) { snprintf(c.err, sizeof c.err, "%s: read error", argv[2]); goto fail; }
  csv_fini(&p, on_field, on_row, &c);
  if (c.err[0]) goto fail;
  if (c.db) {
    sqlite3_finalize(c.ins);
    c.ins = NULL;
    if (exec(c.db, "COMMIT", c.err, sizeof c.err) != 0) goto fail;
    /* Closing checkpoints the WAL into the database file; kinerja's timed run pays it too. */
    if (sqlite3_close(c.db) != SQLITE_OK) {
      snprintf(c.err, sizeof c.err, "close: %s", sqlite3_errmsg(c.db));
      goto fail;
    }
    c.db = NULL;
  }
  double secs = now() - t0;
  printf("{\"mode\":\"%s\",\"rows\":%ld,\"seconds\":%.4f}\n", mode, c.rows, secs);
  fprintf(stderr, "csv_ceiling: checksum %lu\n", c.checksum);
  rc = 0;
fail:
  if (rc != 0) fprintf(stderr, "csv_ceiling: %s\n", c.err[0] ? c.err : "failed");
  if (parser_ready) csv_free(&p);
  if (c.ins) sqlite3_finalize(c.ins);
  if (c.db) sqlite3_close(c.db);
  if (in) fclose(in);
  return rc;
}
