/* import_massal.c: bulk mode of the pegawai CSV import on SQLite (see import_massal.h). */
#include "import_massal.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#define MAKS_OBJEK 32

/* The AFTER INSERT triggers on pegawai whose set-based form import_massal_selesai() runs. */
static const struct { const char *nama, *sql; } PICU[] = {
  {"versi_data_pegawai_i",
   "CREATE TRIGGER versi_data_pegawai_i AFTER INSERT ON pegawai BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END"},
  {"unit_versi_pegawai_i",
   "CREATE TRIGGER unit_versi_pegawai_i AFTER INSERT ON pegawai WHEN NEW.unit_kerja_id IS NOT NULL"
   " BEGIN INSERT INTO unit_versi (unit_kerja_id, n) VALUES (NEW.unit_kerja_id, 1)"
   " ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1; END"},
};
#define NPICU (sizeof PICU / sizeof PICU[0])

/* The set-based work of those triggers for the pegawai inserted (id > ?1), in the same order. */
static const char *const PICU_SET[NPICU] = {
  "UPDATE versi_data SET n = n + (SELECT COUNT(*) FROM pegawai WHERE id > ?1) WHERE id = 1",
  "INSERT INTO unit_versi (unit_kerja_id, n)"
  " SELECT unit_kerja_id, COUNT(*) FROM pegawai WHERE id > ?1 AND unit_kerja_id IS NOT NULL"
  " GROUP BY unit_kerja_id ORDER BY unit_kerja_id"
  " ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + excluded.n",
};

/* Tables the import writes that have foreign keys (audit_log has none). */
static const char *const PERIKSA[] = {"pegawai", "pegawai_riwayat", "unit_kerja", "jabatan"};

struct objek { char *nama, *sql; };

struct import_massal {
  struct db *db;
  int64_t fk_lama, temp_lama, id_awal;
  struct objek indeks[MAKS_OBJEK], picu[MAKS_OBJEK];
  size_t nindeks, npicu;
  char *stat;                 /* saved sqlite_stat1 rows: "idx\tstat\n"..., NULL when none */
  bool aktif;                 /* indexes and triggers were dropped */
};

static int exec_id(struct db *db, const char *sql, int64_t p)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, p);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

/* Whitespace collapsed to single spaces, for comparing trigger texts. */
static bool sama_teks(const char *a, const char *b)
{
  for (;;) {
    bool sa = false, sb = false;
    while (isspace((unsigned char)*a)) { a++; sa = true; }
    while (isspace((unsigned char)*b)) { b++; sb = true; }
    if (!*a || !*b) return !*a && !*b;
    if (sa != sb || *a != *b) return false;
    a++;
    b++;
  }
}

struct import_massal *import_massal_siapkan(struct db *db, int64_t bytes, int paksa)
{
  if (paksa < 0 || db_dialect(db) != DB_DIALECT_SQLITE || db_dalam_transaksi(db)) return NULL;
  int64_t ada = 0;
  if (paksa == 0) {
    int64_t perkiraan = bytes / IMPORT_MASSAL_BYTES;
    if (perkiraan < IMPORT_MASSAL_MIN) return NULL;
    if (db_query_int64(db, "SELECT COUNT(*) FROM pegawai", 0, 0, &ada) != DB_ROW || perkiraan <= ada) return NULL;
  }
  struct import_massal *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->db = db;
  /* CREATE INDEX sorts in temporary files: on disk, not in memory (1 M rows: peak RSS 174 -> 118 MB,
   * the same CPU).  Changing temp_store drops TEMP objects: only when there are none.  The reads
   * come first: db_exec() ends a read transaction a request may hold (db_baca), which would make
   * the pragmas no-ops and the BEGIN IMMEDIATE fail. */
  int64_t temp_objek = 1;
  if (db_query_int64(db, "PRAGMA foreign_keys", 0, 0, &m->fk_lama) != DB_ROW ||
      db_query_int64(db, "PRAGMA temp_store", 0, 0, &m->temp_lama) != DB_ROW ||
      db_query_int64(db, "SELECT COUNT(*) FROM temp.sqlite_master", 0, 0, &temp_objek) != DB_ROW) {
    free(m);
    return NULL;
  }
  if (temp_objek || m->temp_lama == 1) m->temp_lama = -1;   /* left as it is */
  if (db_exec(db, m->temp_lama < 0 ? "PRAGMA foreign_keys=OFF" : "PRAGMA foreign_keys=OFF; PRAGMA temp_store=FILE") != DB_OK) {
    m->temp_lama = -1;
    import_massal_tutup(m);
    return NULL;
  }
  return m;
}

/* Appends name and sql of the rows of `sql` (two text columns) to `o`.  0 or -1. */
static int muat(struct db *db, const char *sql, struct objek *o, size_t *n)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    if (*n == MAKS_OBJEK) { s = DB_ERROR; break; }
    o[*n].nama = strdup(db_col_text(st, 0));
    o[*n].sql = strdup(db_col_text(st, 1));
    if (!o[*n].nama || !o[*n].sql) { free(o[*n].nama); free(o[*n].sql); s = DB_ERROR; break; }
    (*n)++;
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static int simpan_stat(struct import_massal *m)
{
  int64_t ada = 0;
  if (db_query_int64(m->db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'", 0, 0, &ada) != DB_ROW) return -1;
  if (!ada) return 0;
  struct db_stmt *st = db_prepare(m->db, "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'pegawai' AND idx IS NOT NULL");
  if (!st) return -1;
  size_t len = 0;
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    const char *idx = db_col_text(st, 0), *stat = db_col_text(st, 1);
    size_t k = strlen(idx) + strlen(stat) + 2;
    char *baru = realloc(m->stat, len + k + 1);
    if (!baru) { s = DB_ERROR; break; }
    m->stat = baru;
    len += (size_t)snprintf(m->stat + len, k + 1, "%s\t%s\n", idx, stat);
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static int kembalikan_stat(struct import_massal *m)
{
  if (!m->stat) return 0;
  for (char *p = m->stat; *p;) {
    char *tab = strchr(p, '\t'), *nl = tab ? strchr(tab, '\n') : NULL;
    if (!nl) break;
    *tab = *nl = '\0';
    struct db_stmt *st = db_prepare(m->db, "INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT 'pegawai', ?1, ?2"
                                           " WHERE NOT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE tbl = 'pegawai' AND idx = ?1)");
    if (!st) return -1;
    db_bind_text(st, 1, p);
    db_bind_text(st, 2, tab + 1);
    int s = db_step(st);
    db_done(st);
    *tab = '\t';
    *nl = '\n';
    if (s != DB_DONE) return -1;
    p = nl + 1;
  }
  return db_exec(m->db, "ANALYZE sqlite_master") == DB_OK ? 0 : -1;  /* reload the statistics */
}

int import_massal_mulai(struct import_massal *m)
{
  if (db_query_int64(m->db, "SELECT COALESCE(MAX(id), 0) FROM pegawai", 0, 0, &m->id_awal) != DB_ROW) return -1;
  if (muat(m->db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'pegawai'"
                  " AND sql LIKE '% INSERT ON %' ORDER BY rowid", m->picu, &m->npicu) != 0) return -1;
  /* only the triggers whose set-based form is known: anything else keeps the ordinary path */
  bool dikenal = m->npicu == NPICU;
  for (size_t i = 0; dikenal && i < m->npicu; i++) {
    bool ok = false;
    for (size_t k = 0; k < NPICU && !ok; k++) ok = !strcmp(m->picu[i].nama, PICU[k].nama) && sama_teks(m->picu[i].sql, PICU[k].sql);
    dikenal = ok;
  }
  if (!dikenal) return 0;
  if (muat(m->db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pegawai'"
                  " AND sql IS NOT NULL ORDER BY rowid", m->indeks, &m->nindeks) != 0) return -1;
  if (simpan_stat(m) != 0) return -1;
  char sql[200];
  for (size_t i = 0; i < m->nindeks; i++) {
    snprintf(sql, sizeof sql, "DROP INDEX \"%s\"", m->indeks[i].nama);
    if (db_exec(m->db, sql) != DB_OK) return -1;
  }
  for (size_t i = 0; i < m->npicu; i++) {
    snprintf(sql, sizeof sql, "DROP TRIGGER \"%s\"", m->picu[i].nama);
    if (db_exec(m->db, sql) != DB_OK) return -1;
  }
  m->aktif = true;
  return 0;
}

/* The first violation of `tabel`'s foreign keys, as a sentence: 1, 0 none, -1 error. */
static int cek_fk(struct db *db, const char *tabel, char *why, size_t whylen)
{
  char sql[80];
  snprintf(sql, sizeof sql, "PRAGMA foreign_key_check(%s)", tabel);
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  int s = db_step(st), rc = s == DB_ROW ? 1 : s == DB_DONE ? 0 : -1;
  if (rc == 1)
    snprintf(why, whylen, "pemeriksaan kunci asing gagal: %s id %lld merujuk ke %s yang tidak ada; tidak ada data yang diubah",
             tabel, (long long)db_col_int64(st, 1), db_col_text(st, 2));
  db_done(st);
  return rc;
}

int import_massal_selesai(struct import_massal *m, char *why, size_t whylen)
{
  if (m->aktif) {
    for (size_t i = 0; i < m->nindeks; i++)
      if (db_exec(m->db, m->indeks[i].sql) != DB_OK) return -1;
    if (kembalikan_stat(m) != 0) return -1;
    for (size_t i = 0; i < NPICU; i++)
      if (exec_id(m->db, PICU_SET[i], m->id_awal) != 0) return -1;
    for (size_t i = 0; i < m->npicu; i++)
      if (db_exec(m->db, m->picu[i].sql) != DB_OK) return -1;
    m->aktif = false;
  }
  for (size_t i = 0; i < sizeof PERIKSA / sizeof PERIKSA[0]; i++) {
    int r = cek_fk(m->db, PERIKSA[i], why, whylen);
    if (r != 0) return r;
  }
  return 0;
}

void import_massal_tutup(struct import_massal *m)
{
  if (!m) return;
  if (db_dalam_transaksi(m->db)) db_rollback(m->db);   /* a failed ROLLBACK: pragmas need it closed */
  db_exec(m->db, m->fk_lama ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF");
  if (m->temp_lama >= 0) {
    char sql[48];
    snprintf(sql, sizeof sql, "PRAGMA temp_store=%lld", (long long)m->temp_lama);
    db_exec(m->db, sql);
  }
  for (size_t i = 0; i < m->nindeks; i++) { free(m->indeks[i].nama); free(m->indeks[i].sql); }
  for (size_t i = 0; i < m->npicu; i++) { free(m->picu[i].nama); free(m->picu[i].sql); }
  free(m->stat);
  free(m);
}
