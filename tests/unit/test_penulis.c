/* test_penulis.c: the group-commit writer (src/db/penulis.c): tasks queued together run in one
 * transaction; one task's error or rollback undoes that task only (savepoints, also through
 * db_begin_write / db_rollback as the HTTP handlers use them); selesai() runs only after the
 * commit (another connection already sees the row); penulis_henti() runs what is queued; the
 * audit hash chain stays whole and in queue order; change events go out after the commit and
 * never for an undone task; under writes without a pause the SQLite log is still started over
 * after checkpoints instead of growing by every commit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "db/db.h"
#include "db/penulis.h"
#include "peristiwa.h"
#include "uji_db.h"

struct fx { char path[64]; struct db *lain; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  f->lain = uji_db_baru(f->path, "penulis");
  if (!f->lain) return -1;
  if (db_exec(f->lain, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)") != DB_OK) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  return uji_db_akhiri(f->lain, f->path, f);
}

static int64_t hitung(struct db *db, const char *sql)
{
  int64_t n = -1;
  assert_int_equal(db_query_int64(db, sql, 0, 0, &n), DB_ROW);
  return n;
}

/* A gate that holds the writer inside its first task until opened. */
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cv = PTHREAD_COND_INITIALIZER;
static int g_masuk, g_buka;

static void gerbang_reset(void) { g_masuk = 0; g_buka = 0; }
static void gerbang_tunggu_masuk(void)
{
  pthread_mutex_lock(&g_mu);
  while (!g_masuk) pthread_cond_wait(&g_cv, &g_mu);
  pthread_mutex_unlock(&g_mu);
}
static void gerbang_buka(void)
{
  pthread_mutex_lock(&g_mu);
  g_buka = 1;
  pthread_cond_broadcast(&g_cv);
  pthread_mutex_unlock(&g_mu);
}

enum cara { SISIP, SISIP_GAGAL_KEMBALI, SISIP_TRANSAKSI, SISIP_TRANSAKSI_BATAL, SISIP_BIARKAN_TERBUKA, AUDIT, AUDIT_BATAL, GERBANG };

struct tugas {
  struct penulis_tugas t;
  enum cara cara;
  char v[32];
  int hasil_jalan;       /* what the step returned */
  int tersimpan;         /* selesai's argument, -1 before */
  int64_t terlihat;      /* rows with v seen by another connection inside selesai() */
  int64_t terlihat_saat_jalan;
  const char *path;
};

static int64_t lihat_dari_luar(const char *path, const char *v)
{
  char err[256];
  struct db *d = db_open(path, err, sizeof err);
  if (!d) return -1;
  struct db_stmt *st = db_prepare(d, "SELECT count(*) FROM t WHERE v = ?1");
  db_bind_text(st, 1, v);
  int64_t n = db_step(st) == DB_ROW ? db_col_int64(st, 0) : -1;
  db_done(st);
  db_close(d);
  return n;
}

static int sisip(struct db *db, const char *v)
{
  struct db_stmt *st = db_prepare(db, "INSERT INTO t (v) VALUES (?1)");
  if (!st) return -1;
  db_bind_text(st, 1, v);
  int r = db_step(st);
  db_done(st);
  return r == DB_DONE ? 0 : -1;
}

static int jalan(struct penulis_tugas *pt, struct db *db)
{
  struct tugas *t = (struct tugas *)pt;
  struct audit_actor a = {.pengguna_id = 7, .request_id = t->v};
  int r = 0;
  switch (t->cara) {
  case GERBANG:
    pthread_mutex_lock(&g_mu);
    g_masuk = 1;
    pthread_cond_broadcast(&g_cv);
    while (!g_buka) pthread_cond_wait(&g_cv, &g_mu);
    pthread_mutex_unlock(&g_mu);
    r = sisip(db, t->v);
    break;
  case SISIP:
    r = sisip(db, t->v);
    t->terlihat_saat_jalan = lihat_dari_luar(t->path, t->v);
    break;
  case SISIP_GAGAL_KEMBALI:   /* writes, then fails: the step says undo */
    sisip(db, "sementara");
    r = sisip(db, t->v);
    break;
  case SISIP_TRANSAKSI:       /* as a handler: its own begin / commit */
    if (db_begin_write(db) != DB_OK) return -1;
    if (sisip(db, t->v) != 0) { db_rollback(db); break; }
    r = db_commit(db) == DB_OK ? 0 : -1;
    break;
  case SISIP_TRANSAKSI_BATAL: /* as a handler with a constraint error: rolls back, answers 4xx */
    if (db_begin_write(db) != DB_OK) return -1;
    sisip(db, "separuh");
    if (sisip(db, t->v) != 0) db_rollback(db);
    else db_commit(db);
    break;                    /* returns 0: the handler answered */
  case SISIP_BIARKAN_TERBUKA: /* a bug: begins and never ends */
    db_begin_write(db);
    sisip(db, t->v);
    break;
  case AUDIT:
  case AUDIT_BATAL:
    if (db_begin_write(db) != DB_OK) return -1;
    if (sisip(db, t->v) != 0 || audit_append(db, &a, 1, "aktivitas.buat", "t", 1, NULL, NULL) != 0) { db_rollback(db); return -1; }
    if (t->cara == AUDIT_BATAL) db_rollback(db);
    else if (db_commit(db) != DB_OK) return -1;
    break;
  }
  t->hasil_jalan = r;
  return r;
}

static int n_selesai;
static void selesai(struct penulis_tugas *pt, int tersimpan)
{
  struct tugas *t = (struct tugas *)pt;
  t->tersimpan = tersimpan;
  t->terlihat = lihat_dari_luar(t->path, t->v);
  __atomic_add_fetch(&n_selesai, 1, __ATOMIC_SEQ_CST);
}

static struct tugas *buat(const char *path, enum cara c, const char *v)
{
  struct tugas *t = calloc(1, sizeof *t);
  t->t.jalan = jalan;
  t->t.selesai = selesai;
  t->cara = c;
  t->tersimpan = -1;
  t->path = path;
  snprintf(t->v, sizeof t->v, "%s", v);
  return t;
}

static void tunggu_selesai(int n)
{
  for (int i = 0; i < 5000 && __atomic_load_n(&n_selesai, __ATOMIC_SEQ_CST) < n; i++) usleep(1000);
  assert_int_equal(__atomic_load_n(&n_selesai, __ATOMIC_SEQ_CST), n);
}

/* Tasks queued while the writer is busy go together in the next transaction. */
static void test_batch(void **state)
{
  struct fx *f = *state;
  char err[256];
  n_selesai = 0;
  gerbang_reset();
  struct penulis *p = penulis_mulai(f->path, 256, err, sizeof err);
  assert_non_null(p);
  struct tugas *t[21];
  t[0] = buat(f->path, GERBANG, "gerbang");
  assert_int_equal(penulis_kirim(p, &t[0]->t), 0);
  gerbang_tunggu_masuk();
  for (int i = 1; i < 21; i++) {
    char v[16];
    snprintf(v, sizeof v, "b%d", i);
    t[i] = buat(f->path, SISIP, v);
    assert_int_equal(penulis_kirim(p, &t[i]->t), 0);
  }
  gerbang_buka();
  tunggu_selesai(21);
  uint64_t tugas, batch;
  penulis_statistik(p, &tugas, &batch);
  assert_int_equal(tugas, 21);
  assert_int_equal(batch, 2);   /* the gate alone, then the 20 together */
  for (int i = 0; i < 21; i++) {
    assert_int_equal(t[i]->tersimpan, 1);
    assert_int_equal(t[i]->terlihat, 1);   /* committed before selesai() */
    if (i) assert_int_equal(t[i]->terlihat_saat_jalan, 0);   /* not before the commit */
    free(t[i]);
  }
  penulis_henti(p);
  assert_int_equal(hitung(f->lain, "SELECT count(*) FROM t"), 21);
}

/* One bad task in a batch: undone alone; the others are stored. */
static void test_savepoint(void **state)
{
  struct fx *f = *state;
  char err[256];
  n_selesai = 0;
  gerbang_reset();
  assert_int_equal(db_exec(f->lain, "INSERT INTO t (v) VALUES ('ada')"), DB_OK);
  struct penulis *p = penulis_mulai(f->path, 256, err, sizeof err);
  assert_non_null(p);
  struct tugas *t[7] = {
    buat(f->path, GERBANG, "g"),
    buat(f->path, SISIP, "a"),
    buat(f->path, SISIP_GAGAL_KEMBALI, "ada"),      /* UNIQUE: fails after a first insert */
    buat(f->path, SISIP_TRANSAKSI, "c"),
    buat(f->path, SISIP_TRANSAKSI_BATAL, "ada"),    /* UNIQUE inside its own "transaction" */
    buat(f->path, SISIP_BIARKAN_TERBUKA, "e"),
    buat(f->path, SISIP_TRANSAKSI, "f"),
  };
  assert_int_equal(penulis_kirim(p, &t[0]->t), 0);
  gerbang_tunggu_masuk();
  for (int i = 1; i < 7; i++) assert_int_equal(penulis_kirim(p, &t[i]->t), 0);
  gerbang_buka();
  tunggu_selesai(7);
  penulis_henti(p);
  assert_int_equal(t[2]->hasil_jalan, -1);
  for (int i = 0; i < 7; i++) assert_int_equal(t[i]->tersimpan, 1);
  assert_int_equal(hitung(f->lain, "SELECT count(*) FROM t WHERE v IN ('g', 'a', 'c', 'f')"), 4);
  assert_int_equal(hitung(f->lain, "SELECT count(*) FROM t WHERE v IN ('sementara', 'separuh', 'e')"), 0);
  assert_int_equal(hitung(f->lain, "SELECT count(*) FROM t WHERE v = 'ada'"), 1);
  for (int i = 0; i < 7; i++) free(t[i]);
}

/* penulis_henti runs every task still queued; each is answered after its commit. */
static void test_henti_menguras(void **state)
{
  struct fx *f = *state;
  char err[256];
  enum { N = 400 };
  n_selesai = 0;
  struct penulis *p = penulis_mulai(f->path, 32, err, sizeof err);
  assert_non_null(p);
  struct tugas **t = calloc(N, sizeof *t);
  for (int i = 0; i < N; i++) {
    char v[16];
    snprintf(v, sizeof v, "h%d", i);
    t[i] = buat(f->path, i % 2 ? SISIP_TRANSAKSI : SISIP, v);
    assert_int_equal(penulis_kirim(p, &t[i]->t), 0);
  }
  penulis_henti(p);   /* returns after the queue is empty */
  assert_int_equal(n_selesai, N);
  for (int i = 0; i < N; i++) {
    assert_int_equal(t[i]->tersimpan, 1);
    assert_int_equal(t[i]->terlihat, 1);
    free(t[i]);
  }
  free(t);
  assert_int_equal(hitung(f->lain, "SELECT count(*) FROM t WHERE v LIKE 'h%'"), N);
}

/* The audit chain grows in queue order inside batches, also when tasks in between roll back. */
static void test_audit(void **state)
{
  struct fx *f = *state;
  char err[256];
  enum { N = 120 };
  n_selesai = 0;
  struct penulis *p = penulis_mulai(f->path, 16, err, sizeof err);
  assert_non_null(p);
  struct tugas *t[N];
  for (int i = 0; i < N; i++) {
    char v[16];
    snprintf(v, sizeof v, "au%03d", i);
    t[i] = buat(f->path, i % 3 == 2 ? AUDIT_BATAL : AUDIT, v);
    assert_int_equal(penulis_kirim(p, &t[i]->t), 0);
  }
  penulis_henti(p);
  struct audit_verify_result res;
  assert_int_equal(audit_verify(f->lain, &res), 0);
  assert_int_equal(res.ok, 1);
  assert_int_equal(res.records, N - N / 3);
  /* in queue order: request ids ascend with the record ids */
  struct db_stmt *st = db_prepare(f->lain, "SELECT request_id FROM audit_log ORDER BY id");
  char prev[32] = "";
  int n = 0;
  while (db_step(st) == DB_ROW) {
    const char *rid = db_col_text(st, 0);
    assert_true(strcmp(prev, rid) < 0);
    snprintf(prev, sizeof prev, "%s", rid);
    n++;
  }
  db_done(st);
  assert_int_equal(n, N - N / 3);
  assert_int_equal(hitung(f->lain, "SELECT count(*) FROM t WHERE v LIKE 'au%'"), N - N / 3);
  for (int i = 0; i < N; i++) free(t[i]);
}

/* Change events: published after the batch's commit, none for an undone task. */
static int n_terbit;
static int64_t terbit_inst[8];
static void rekam(int64_t instansi_id, const char *jenis)
{
  (void)jenis;
  if (n_terbit < 8) terbit_inst[n_terbit] = instansi_id;
  n_terbit++;
}

static int jalan_peristiwa(struct penulis_tugas *pt, struct db *db)
{
  struct tugas *t = (struct tugas *)pt;
  struct audit_actor a = {.pengguna_id = 1, .request_id = t->v};
  if (db_begin_write(db) != DB_OK) return -1;
  int64_t inst = t->cara == AUDIT ? 41 : 42;
  if (audit_append(db, &a, inst, "aktivitas.buat", "t", 1, NULL, NULL) != 0) { db_rollback(db); peristiwa_buang(); return -1; }
  if (t->cara == AUDIT_BATAL) { db_rollback(db); peristiwa_buang(); return 0; }
  db_commit(db);
  peristiwa_terbitkan();            /* as api_end: kept back until the batch commits */
  t->terlihat_saat_jalan = n_terbit;
  return 0;
}

static void test_peristiwa(void **state)
{
  struct fx *f = *state;
  char err[256];
  n_selesai = 0;
  n_terbit = 0;
  gerbang_reset();
  peristiwa_pasang(rekam);
  struct penulis *p = penulis_mulai(f->path, 16, err, sizeof err);
  assert_non_null(p);
  struct tugas *g = buat(f->path, GERBANG, "pg");
  struct tugas *a = buat(f->path, AUDIT, "pa"), *b = buat(f->path, AUDIT_BATAL, "pb");
  a->t.jalan = jalan_peristiwa;
  b->t.jalan = jalan_peristiwa;
  assert_int_equal(penulis_kirim(p, &g->t), 0);
  gerbang_tunggu_masuk();
  assert_int_equal(penulis_kirim(p, &a->t), 0);
  assert_int_equal(penulis_kirim(p, &b->t), 0);
  gerbang_buka();
  penulis_henti(p);
  peristiwa_pasang(NULL);
  assert_int_equal(a->terlihat_saat_jalan, 0);   /* nothing published inside the batch */
  assert_int_equal(n_terbit, 1);                 /* the committed task's instansi only */
  assert_int_equal(terbit_inst[0], 41);
  free(g);
  free(a);
  free(b);
}

/* Writes without a pause (the queue never empties, a reader in between): the log is started over
 * after checkpoints, so it stays near the checkpoint interval instead of growing by every commit
 * (before: the checkpoint thread never caught up with the writer, ~1 GB of log in 6 s of POSTs). */
static int jalan_besar(struct penulis_tugas *pt, struct db *db)
{
  struct tugas *t = (struct tugas *)pt;
  struct db_stmt *st = db_prepare(db, "INSERT INTO t (v) VALUES (?1 || hex(randomblob(1500)))");
  if (!st) return -1;
  db_bind_text(st, 1, t->v);
  int r = db_step(st) == DB_DONE ? 0 : -1;
  db_done(st);
  return r;
}

static void selesai_saja(struct penulis_tugas *pt, int tersimpan)
{
  ((struct tugas *)pt)->tersimpan = tersimpan;
  __atomic_add_fetch(&n_selesai, 1, __ATOMIC_SEQ_CST);
}

static void test_log_mulai_lagi(void **state)
{
  struct fx *f = *state;
  char err[256], wal[96];
  enum { N = 2000, HALAMAN = 400 };
  n_selesai = 0;
  snprintf(wal, sizeof wal, "%s-wal", f->path);
  struct penulis *p = penulis_mulai(f->path, 4, err, sizeof err);
  assert_non_null(p);
  penulis_titik_halaman(p, HALAMAN);
  struct tugas **t = calloc(N, sizeof *t);
  for (int i = 0; i < N; i++) {
    char v[16];
    snprintf(v, sizeof v, "w%d", i);
    t[i] = buat(f->path, SISIP, v);
    t[i]->t.jalan = jalan_besar;
    t[i]->t.selesai = selesai_saja;
    assert_int_equal(penulis_kirim(p, &t[i]->t), 0);
  }
  off_t maks = 0;
  while (__atomic_load_n(&n_selesai, __ATOMIC_SEQ_CST) < N) {
    struct stat sb;
    if (stat(wal, &sb) == 0 && sb.st_size > maks) maks = sb.st_size;
    assert_true(hitung(f->lain, "SELECT coalesce(max(id), 0) FROM t") >= 0);   /* a short reader in the log */
    usleep(2000);
  }
  penulis_henti(p);
  assert_int_equal(hitung(f->lain, "SELECT count(*) FROM t WHERE v LIKE 'w%'"), N);
  /* N rows of ~3 kB (also in the UNIQUE index) are ~4,700 pages of log; started over, it stays within a few intervals (~1,000 on a quiet machine) */
  fprintf(stderr, "log paling besar: %lld halaman\n", (long long)maks / 4120);
  assert_true(maks < (off_t)6 * HALAMAN * 4120);
  for (int i = 0; i < N; i++) free(t[i]);
  free(t);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_batch, setup, teardown),
    cmocka_unit_test_setup_teardown(test_savepoint, setup, teardown),
    cmocka_unit_test_setup_teardown(test_henti_menguras, setup, teardown),
    cmocka_unit_test_setup_teardown(test_audit, setup, teardown),
    cmocka_unit_test_setup_teardown(test_peristiwa, setup, teardown),
    cmocka_unit_test_setup_teardown(test_log_mulai_lagi, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
