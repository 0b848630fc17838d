/* latihan_kosong.c: removes every row of a training sandbox (see latihan.h).
 *
 * The schema grows with every feature, so the tables are not listed here: they are read from
 * the database.  A row belongs to the sandbox when its table has an instansi_id equal to the
 * sandbox, or when it points (by a declared foreign key, or by a column named <table>_id) at a
 * row that belongs to it; children are deleted before their parents, twice (triggers on the
 * rollups may touch rows again).  Kept: the audit log (a hash chain: deleting records would
 * break it; the records carry the sandbox's instansi_id and stay with the sandbox row, which is
 * never deleted) and the login rows, which become inactive placeholders so their ids are not
 * given to real accounts later.  Names come from the schema, never from input.
 * SQLite reads sqlite_master and pragma_table_info / pragma_foreign_key_list; a database with
 * information_schema (PostgreSQL, issue 12) reads that instead (tests/api/latihan.test.mjs runs on both)
 * (its foreign keys are not deferrable, so the children-first order is what keeps it valid).
 */
#include "latihan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/util.h"

#define TABEL_MAKS 200
#define FK_MAKS 24
#define KEDALAMAN 6

struct fk { char kol[64]; int induk; char kol_induk[64]; };
struct tabel {
  char nama[64];
  bool inst;            /* has instansi_id */
  bool lewati;          /* never touched */
  int nfk;
  struct fk fk[FK_MAKS];
  bool urut;            /* already placed in the deletion order */
};

static int cari(const struct tabel *t, int n, const char *nama)
{
  for (int i = 0; i < n; i++)
    if (strcmp(t[i].nama, nama) == 0) return i;
  return -1;
}

static bool dilewati(const char *nama)
{
  static const char *const tetap[] = {"audit_log", "audit_kepala", "instansi", "schema_version", "versi_data", NULL};
  for (int i = 0; tetap[i]; i++)
    if (strcmp(nama, tetap[i]) == 0) return true;
  return false;
}

static void fk_tambah(struct tabel *t, const char *kol, int induk, const char *kol_induk)
{
  for (int i = 0; i < t->nfk; i++)
    if (strcmp(t->fk[i].kol, kol) == 0) return;
  if (t->nfk >= FK_MAKS) return;
  struct fk *f = &t->fk[t->nfk++];
  str_copy(f->kol, sizeof f->kol, kol);
  f->induk = induk;
  str_copy(f->kol_induk, sizeof f->kol_induk, kol_induk && *kol_induk ? kol_induk : "id");
}

/* The catalogue queries of each backend: tables; columns of ?1; foreign keys of ?1 as
 * (column, parent table, parent column). */
static const char *const SKEMA_SQLITE[3] = {
  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  "SELECT name FROM pragma_table_info(?1)",
  "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?1)",
};
static const char *const SKEMA_INFO[3] = {
  /* month partitions (issue 12) are base tables too: only their parent is walked, so that
   * audit_log's partitions stay out like audit_log itself */
  "SELECT table_name FROM information_schema.tables"
  " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
  "   AND table_name NOT IN (SELECT c.relname FROM pg_class c WHERE c.relispartition)"
  " ORDER BY table_name",
  "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?1",
  "SELECT k.column_name, c.table_name, c.column_name"
  "  FROM information_schema.table_constraints t"
  "  JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema"
  "  JOIN information_schema.constraint_column_usage c ON c.constraint_name = t.constraint_name AND c.table_schema = t.table_schema"
  " WHERE t.constraint_type = 'FOREIGN KEY' AND t.table_schema = current_schema() AND t.table_name = ?1",
};

static int baca_skema(struct db *db, struct tabel *t, int *n, bool *info)
{
  *n = 0;
  /* SQLite has no information_schema: preparing it fails there without side effects */
  const char *const *q = SKEMA_INFO;
  struct db_stmt *st = db_prepare(db, q[0]);
  if (!st) st = db_prepare(db, (q = SKEMA_SQLITE)[0]);
  *info = q == SKEMA_INFO;
  if (!st) return -1;
  int s;
  while ((s = db_step(st)) == DB_ROW && *n < TABEL_MAKS) {
    struct tabel *x = &t[(*n)++];
    memset(x, 0, sizeof *x);
    str_copy(x->nama, sizeof x->nama, db_col_text(st, 0));
    x->lewati = dilewati(x->nama);
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -1;
  for (int i = 0; i < *n; i++) {
    struct tabel *x = &t[i];
    st = db_prepare(db, q[1]);
    if (!st) return -1;
    db_bind_text(st, 1, x->nama);
    while ((s = db_step(st)) == DB_ROW) {
      const char *k = db_col_text(st, 0);
      size_t len = strlen(k);
      if (strcmp(k, "instansi_id") == 0) { x->inst = true; continue; }
      if (len > 3 && len < 64 && strcmp(k + len - 3, "_id") == 0) {   /* pegawai_id -> pegawai */
        char induk[64];
        memcpy(induk, k, len - 3);
        induk[len - 3] = '\0';
        int j = cari(t, *n, induk);
        if (j >= 0) fk_tambah(x, k, j, "id");
      }
    }
    db_done(st);
    if (s != DB_DONE) return -1;
    st = db_prepare(db, q[2]);
    if (!st) return -1;
    db_bind_text(st, 1, x->nama);
    while ((s = db_step(st)) == DB_ROW) {
      int j = cari(t, *n, db_col_text(st, 1));
      if (j >= 0) fk_tambah(x, db_col_text(st, 0), j, db_col_text(st, 2));
    }
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  return 0;
}

/* Appends to b the condition "this row of table i belongs to the sandbox ?1"; returns whether
 * the table can hold sandbox rows at all. */
static bool syarat(const struct tabel *t, int i, int dalam, struct buf *b)
{
  const struct tabel *x = &t[i];
  if (x->lewati && strcmp(x->nama, "instansi") != 0) return false;
  if (strcmp(x->nama, "instansi") == 0) { buf_puts(b, "id = ?1"); return true; }
  if (x->inst) { buf_puts(b, "instansi_id = ?1"); return true; }
  if (dalam >= KEDALAMAN) return false;
  bool ada = false;
  for (int k = 0; k < x->nfk; k++) {
    const struct fk *f = &x->fk[k];
    if (f->induk == i) continue;
    struct buf sub;
    buf_init(&sub, 1u << 16);
    if (syarat(t, f->induk, dalam + 1, &sub) && sub.data) {
      buf_printf(b, "%s\"%s\" IN (SELECT \"%s\" FROM \"%s\" WHERE %s)", ada ? " OR " : "", f->kol, f->kol_induk,
                 t[f->induk].nama, sub.data);
      ada = true;
    }
    buf_free(&sub);
  }
  return ada;
}

/* Is table j still waiting for a child i (i points at j) that is not yet placed? */
static bool punya_anak_tertunda(const struct tabel *t, int n, int j, const bool *hapus)
{
  for (int i = 0; i < n; i++) {
    if (i == j || !hapus[i] || t[i].urut) continue;
    for (int k = 0; k < t[i].nfk; k++)
      if (t[i].fk[k].induk == j) return true;
  }
  return false;
}

static int jalankan(struct db *db, const char *sql, int64_t sandbox)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, sandbox);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int latihan_kosongkan(struct db *db, int64_t sandbox)
{
  struct tabel *t = calloc(TABEL_MAKS, sizeof *t);
  bool hapus[TABEL_MAKS] = {0};
  char *syarat_sql[TABEL_MAKS] = {0};
  int urutan[TABEL_MAKS], nurut = 0, n = 0, rc = -1;
  if (!t) return -1;
  bool info = false;
  if (baca_skema(db, t, &n, &info) != 0) goto out;
  for (int i = 0; i < n; i++) {
    if (t[i].lewati) continue;
    struct buf b;
    buf_init(&b, 1u << 16);
    if (syarat(t, i, 0, &b) && b.data) { hapus[i] = true; syarat_sql[i] = buf_steal(&b); }
    buf_free(&b);
  }
  /* children first: place a table once no unplaced table points at it (a cycle: any) */
  while (nurut < n) {
    int pilih = -1;
    for (int i = 0; i < n && pilih < 0; i++)
      if (hapus[i] && !t[i].urut && !punya_anak_tertunda(t, n, i, hapus)) pilih = i;
    for (int i = 0; i < n && pilih < 0; i++)
      if (hapus[i] && !t[i].urut) pilih = i;
    if (pilih < 0) break;
    t[pilih].urut = true;
    urutan[nurut++] = pilih;
  }
  if (db_exec(db, info ? "SET CONSTRAINTS ALL DEFERRED" : "PRAGMA defer_foreign_keys = ON") != DB_OK) goto out;
  for (int putaran = 0; putaran < 2; putaran++)
    for (int k = 0; k < nurut; k++) {
      int i = urutan[k];
      struct buf sql;
      buf_init(&sql, 1u << 17);
      if (strcmp(t[i].nama, "pengguna") == 0)
        buf_printf(&sql, "UPDATE pengguna SET aktif = 0, pegawai_id = NULL, password_hash = '!',"
                         " username = 'latihan-dihapus-' || id WHERE %s", syarat_sql[i]);
      else
        buf_printf(&sql, "DELETE FROM \"%s\" WHERE %s", t[i].nama, syarat_sql[i]);
      int j = sql.data ? jalankan(db, sql.data, sandbox) : -1;
      buf_free(&sql);
      if (j != 0) goto out;
    }
  rc = 0;
out:
  for (int i = 0; i < TABEL_MAKS; i++) free(syarat_sql[i]);
  free(t);
  return rc;
}
