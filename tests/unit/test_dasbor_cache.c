/* test_dasbor_cache.c: the cached unit and instansi dashboards (src/dasbor_cache.c) are byte for
 * byte what dasbor_unit() computes, also after random writes through this connection and
 * another one (the instansi scope's per-unit counts kept per unit version, sql/035 and
 * src/dasbor_unit_angka.c, against a full recount from the raw rows); every table the dashboards read carries the versi_data triggers (sql/021), and a
 * write to a table they do not read (sesi) keeps the cache. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aktivitas.h"
#include "dasbor.h"
#include "util/util.h"
#include "uji_db.h"

struct fx { struct db *db, *lain; char path[64]; int64_t inst, unit[64]; int nunit; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  char err[256];
  f->db = uji_db_baru(f->path, "dcache");
  if (!f->db) return -1;
  if (uji_db_demo(f->db, 200, 11) != 0) return -1;
  f->lain = db_open(f->path, err, sizeof err);
  if (!f->lain) return -1;
  db_query_int64(f->db, "SELECT MIN(instansi_id) FROM pegawai", 0, 0, &f->inst);
  struct db_stmt *st = db_prepare(f->db, "SELECT id FROM unit_kerja WHERE instansi_id = ?1 ORDER BY id LIMIT 64");
  db_bind_int64(st, 1, f->inst);
  while (db_step(st) == DB_ROW) f->unit[f->nunit++] = db_col_int64(st, 0);
  db_done(st);
  *state = f;
  return f->nunit > 3 ? 0 : -1;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  db_close(f->lain);
  return uji_db_akhiri(f->db, f->path, f);
}

static int tahun_ini(struct db *db, int64_t inst)
{
  char hari[11];
  instansi_hari_ini(db, inst, hari);
  return atoi(hari);
}

/* The cached text against a fresh computation; returns whether it came from the cache. */
static bool banding(struct fx *f, int64_t unit, int tahun)
{
  uint64_t hit0, miss0, hit1, miss1;
  dasbor_cache_statistik(&hit0, &miss0);
  size_t len = 0;
  const char *p1 = NULL, *p2 = NULL;
  char *cepat = dasbor_unit_teks(f->db, f->inst, unit, tahun, &len, &p1);
  dasbor_cache_statistik(&hit1, &miss1);
  json_t *j = dasbor_unit(f->db, f->inst, unit, tahun, &p2);
  assert_non_null(cepat);
  assert_non_null(j);
  char *lambat = json_dumps(j, DASBOR_JSON_FLAGS);
  json_decref(j);
  assert_int_equal(len, strlen(cepat));
  if (strcmp(cepat, lambat)) fprintf(stderr, "unit %lld:\n cached %.300s\n fresh  %.300s\n", (long long)unit, cepat, lambat);
  assert_string_equal(cepat, lambat);
  free(cepat);
  free(lambat);
  return hit1 > hit0;
}

struct daftar { int n; char nama[64][40]; };

static void catat(void *ctx, const char *tabel)
{
  struct daftar *d = ctx;
  for (int i = 0; i < d->n; i++)
    if (!strcmp(d->nama[i], tabel)) return;
  if (d->n < 64) str_copy(d->nama[d->n++], sizeof d->nama[0], tabel);
}

/* Every table read while computing the dashboards bumps versi_data on every kind of write. */
static void tabel_dibaca_berversi(void **state)
{
  struct fx *f = *state;
  char err[256];
  struct db *baru = db_open(f->path, err, sizeof err);   /* nothing prepared yet */
  assert_non_null(baru);
  struct daftar d = {0};
  db_pantau_baca(baru, catat, &d);
  int tahun = tahun_ini(baru, f->inst);
  const char *pesan = NULL;
  json_t *j = dasbor_unit(baru, f->inst, 0, tahun, &pesan);
  assert_non_null(j);
  json_decref(j);
  j = dasbor_unit(baru, f->inst, f->unit[1], tahun, &pesan);
  assert_non_null(j);
  json_decref(j);
  db_pantau_baca(baru, NULL, NULL);
  assert_true(d.n >= 10);
  int kurang = 0;
  for (int i = 0; i < d.n; i++) {
    if (!strncmp(d.nama[i], "sqlite_", 7) || !strcmp(d.nama[i], "versi_data")) continue;
    struct db_stmt *st = db_prepare(baru, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1"
                                          " AND name LIKE 'versi_data_%'");
    db_bind_text(st, 1, d.nama[i]);
    assert_int_equal(db_step(st), DB_ROW);
    int64_t n = db_col_int64(st, 0);
    db_done(st);
    if (n != 3) fprintf(stderr, "table %s is read by the dashboards but has %lld versi_data triggers\n", d.nama[i], (long long)n);
    kurang += n != 3;
  }
  db_close(baru);
  assert_int_equal(kurang, 0);
}

static unsigned acak(unsigned *s) { *s = *s * 1103515245u + 12345u; return (*s >> 8) & 0xffffff; }

/* Rows of the rollups that differ from a recomputation from aktivitas (0 = equal). */
static int64_t rekap_beda(struct db *db)
{
  int64_t n = -1, m = -1;
  assert_int_equal(db_query_int64(db,
    "WITH r AS (SELECT p.unit_kerja_id u, substr(a.tanggal, 1, 7) b, COUNT(*) j, SUM(a.menit) m, COUNT(DISTINCT a.pegawai_id) p"
    "             FROM aktivitas a JOIN pegawai p ON p.id = a.pegawai_id WHERE a.dihapus = 0 AND p.unit_kerja_id IS NOT NULL GROUP BY 1, 2),"
    "     t AS (SELECT unit_kerja_id u, bulan b, jumlah j, menit m, pegawai p FROM aktivitas_unit_bulan"
    "            WHERE jumlah <> 0 OR menit <> 0 OR pegawai <> 0)"
    " SELECT (SELECT COUNT(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM t)) + (SELECT COUNT(*) FROM (SELECT * FROM t EXCEPT SELECT * FROM r))",
    0, 0, &n), DB_ROW);
  assert_int_equal(db_query_int64(db,
    "WITH r AS (SELECT pegawai_id g, substr(tanggal, 1, 7) b, COUNT(*) j, SUM(menit) m FROM aktivitas WHERE dihapus = 0 GROUP BY 1, 2),"
    "     t AS (SELECT pegawai_id g, bulan b, jumlah j, menit m FROM aktivitas_bulan WHERE jumlah <> 0 OR menit <> 0)"
    " SELECT (SELECT COUNT(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM t)) + (SELECT COUNT(*) FROM (SELECT * FROM t EXCEPT SELECT * FROM r))",
    0, 0, &m), DB_ROW);
  return n + m;
}

/* Random writes, then every scope compared; a second request without a write is a hit. */
static void sama_setelah_tulis_acak(void **state)
{
  struct fx *f = *state;
  int tahun = tahun_ini(f->db, f->inst);
  for (int i = 0; i < f->nunit; i++) banding(f, f->unit[i], tahun);
  banding(f, 0, tahun);
  assert_true(banding(f, 0, tahun));            /* nothing written: from the cache */
  assert_true(banding(f, f->unit[f->nunit - 1], tahun));   /* (the first units were evicted: 32 slots) */
  int64_t maks_akt = 0, maks_peg = 0, maks_skp = 0, maks_real = 0, maks_nil = 0;
  db_query_int64(f->db, "SELECT MAX(id) FROM aktivitas", 0, 0, &maks_akt);
  db_query_int64(f->db, "SELECT MAX(id) FROM pegawai", 0, 0, &maks_peg);
  db_query_int64(f->db, "SELECT MAX(id) FROM skp", 0, 0, &maks_skp);
  db_query_int64(f->db, "SELECT MAX(id) FROM realisasi", 0, 0, &maks_real);
  db_query_int64(f->db, "SELECT MAX(id) FROM penilaian", 0, 0, &maks_nil);
  assert_true(maks_akt > 0 && maks_peg > 0 && maks_skp > 0 && maks_real > 0 && maks_nil > 0);
  static const char *const TULIS[] = {
    "INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, tanggal, menit, uraian, status, dibuat, diubah)"
    " SELECT instansi_id, id, atasan_id, date('now', '+7 hours'), 30, 'uji', 'diajukan', 0, 0 FROM pegawai WHERE id = ?1",
    "UPDATE aktivitas SET dihapus = 1 - dihapus WHERE id = ?2",
    "UPDATE aktivitas SET status = CASE status WHEN 'diajukan' THEN 'disetujui' ELSE 'diajukan' END WHERE id = ?2",
    "DELETE FROM aktivitas WHERE id = ?2",
    "UPDATE aktivitas SET tanggal = date('now', '+7 hours', '-40 days') WHERE id = ?2",
    "UPDATE pegawai SET unit_kerja_id = ?5 WHERE id = ?1",
    "UPDATE pegawai SET aktif = 1 - aktif WHERE id = ?1",
    "UPDATE skp SET status = CASE status WHEN 'disetujui' THEN 'diajukan' ELSE 'disetujui' END WHERE id = ?3",
    "UPDATE realisasi SET status = CASE status WHEN 'diajukan' THEN 'disetujui' ELSE 'diajukan' END WHERE id = ?4",
    "UPDATE realisasi SET nilai_angka = '1' WHERE id = ?4",
    "UPDATE penilaian SET predikat = CASE predikat WHEN 'baik' THEN 'sangat_baik' ELSE 'baik' END WHERE id = ?6",
    "UPDATE unit_kerja SET induk_id = NULL WHERE id = ?5 AND induk_id IS NOT NULL",
    "UPDATE unit_kerja SET nama = nama || '.' WHERE id = ?5",
    "INSERT OR IGNORE INTO hari_libur (instansi_id, tanggal, nama) SELECT instansi_id, date('now', '+7 hours', '-1 day'), 'uji' FROM pegawai WHERE id = ?1",
    "DELETE FROM hari_libur WHERE nama = 'uji'",
    "UPDATE pegawai SET unit_kerja_id = NULL WHERE id = ?1",
    "UPDATE aktivitas SET pegawai_id = ?1 WHERE id = ?2",
    "UPDATE aktivitas SET menit = menit + 1 WHERE pegawai_id = ?1",
    "UPDATE aktivitas SET dihapus = 1 WHERE pegawai_id = ?1 AND tanggal < date('now', '-20 days')",
    /* what the per-unit counts of the instansi scope (sql/035, dasbor_unit_angka.c) follow */
    "UPDATE aktivitas SET penilai_id = ?1 WHERE id = ?2",
    "UPDATE skp SET penilai_id = ?1 WHERE id = ?3",
    "UPDATE skp SET pegawai_id = ?1 WHERE id = ?3",
    "DELETE FROM realisasi WHERE id = ?4",
    "UPDATE realisasi SET skp_id = ?3 WHERE id = ?4",
    "UPDATE penilaian SET unit_kerja_id = ?5 WHERE id = ?6",
    "DELETE FROM penilaian WHERE id = ?6",
    "DELETE FROM skp WHERE id = ?3",
    "UPDATE periode SET tahun = tahun WHERE instansi_id = (SELECT instansi_id FROM pegawai WHERE id = ?1)",
    "INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, tanggal, menit, uraian, status, dibuat, diubah)"
    " SELECT instansi_id, id, ?1, date('now', '+7 hours', '-1 day'), 15, 'uji', 'diajukan', 0, 0 FROM pegawai WHERE id = ?1",
  };
  const int NT = (int)(sizeof TULIS / sizeof *TULIS);
  unsigned seed = 2026;
  for (int k = 0; k < 160; k++) {
    struct db *w = acak(&seed) % 2 ? f->db : f->lain;
    const char *sql = TULIS[acak(&seed) % (unsigned)NT];
    struct db_stmt *st = db_prepare(w, sql);
    if (!st) fprintf(stderr, "%s: %s\n", sql, db_errmsg(w));
    assert_non_null(st);
    db_bind_int64(st, 1, 1 + (int64_t)(acak(&seed) % (unsigned)maks_peg));
    db_bind_int64(st, 2, 1 + (int64_t)(acak(&seed) % (unsigned)maks_akt));
    db_bind_int64(st, 3, 1 + (int64_t)(acak(&seed) % (unsigned)maks_skp));
    db_bind_int64(st, 4, 1 + (int64_t)(acak(&seed) % (unsigned)maks_real));
    db_bind_int64(st, 5, f->unit[acak(&seed) % (unsigned)f->nunit]);
    db_bind_int64(st, 6, 1 + (int64_t)(acak(&seed) % (unsigned)maks_nil));
    int s = db_step(st);
    db_done(st);
    assert_true(s == DB_DONE || s == DB_CONSTRAINT);
    banding(f, 0, tahun);
    banding(f, f->unit[acak(&seed) % (unsigned)f->nunit], tahun);
  }
  /* the rollups kept by triggers equal a recomputation, before and after `ringkasan bangun` */
  int64_t rows = 0;
  db_query_int64(f->db, "SELECT COUNT(*) FROM aktivitas_unit_bulan WHERE jumlah > 0", 0, 0, &rows);
  assert_true(rows > 0);
  assert_int_equal(rekap_beda(f->db), 0);
  assert_int_equal(db_exec(f->db, "UPDATE aktivitas_unit_bulan SET jumlah = jumlah + 5"), DB_OK);
  assert_true(rekap_beda(f->db) > 0);   /* the comparison can fail */
  int64_t bn = 0, un = 0;
  assert_int_equal(dasbor_ringkasan_bangun(f->db, &bn, &un), 0);
  assert_true(bn > 0 && un > 0);
  assert_int_equal(rekap_beda(f->db), 0);
  banding(f, 0, tahun);
  /* the session refresh of every signed-in request does not drop the dashboards */
  assert_true(banding(f, 0, tahun));
  assert_int_equal(db_exec(f->lain, "UPDATE sesi SET dipakai = dipakai + 1"), DB_OK);
  assert_int_equal(db_exec(f->db, "UPDATE token_api SET dipakai = dipakai + 1"), DB_OK);
  assert_true(banding(f, 0, tahun));
  /* another year is another entry */
  banding(f, 0, tahun - 1);
  assert_true(banding(f, 0, tahun - 1));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(tabel_dibaca_berversi),
    cmocka_unit_test(sama_setelah_tulis_acak),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
