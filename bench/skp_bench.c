/* skp_bench.c: SKP benchmarks (issue 4), run by bench/run.sh against build/rel/libkinerja.a.
 *
 *   skp_bench DB [MATRIKS_ITER [PDF_ITER [XLSX_ITER]]]     (defaults 200, 50, 10)
 *
 * Creates DB (must not exist) with `kinerja demo`'s data for 400 pegawai, then builds two cases
 * through the public functions, in-process, no HTTP:
 *   - matriks: the demo account `atasan` is given 200 more bawahan (plain SQL: atasan_id, the
 *     penilai of their SKP, and their utama RHK made to intervene the atasan's approved utama
 *     RHK, spread round-robin); skp_matriks() of the atasan's SKP is timed MATRIKS_ITER times;
 *   - dokumen: a draft ja_jf SKP is filled up to 30 RHK (24 utama, 6 tambahan, 2 IKI each) with
 *     skp_rhk_add(); skp_doc_load() + skp_pdf_render() is timed PDF_ITER times and
 *     skp_doc_load() + skp_xlsx_render() XLSX_ITER times.
 * Prints one JSON object on stdout (milliseconds); progress and errors go to stderr.  Exit 1 on
 * any failure, including a matriks with fewer than 200 bawahan.  With SKP_BENCH_OUT=DIR the last
 * documents are also written to DIR/skp-30-rhk.pdf and .xlsx for a look.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>

#include "db/db.h"
#include "db/migrate.h"
#include "demo.h"
#include "skp.h"
#include "skp_doc.h"
#include "skp_dokumen.h"

#define PEGAWAI 400
#define BAWAHAN 200
#define RHK_TOTAL 30
#define RHK_TAMBAHAN 6
#define MAX_ITER 100000

static double now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

struct stats { double mean, p50, p99, max; };

/* Sorts t[0..n) in place; p99 is the nearest-rank percentile. */
static struct stats stats_of(double *t, int n)
{
  struct stats s = {0};
  qsort(t, (size_t)n, sizeof *t, cmp_double);
  for (int i = 0; i < n; i++) s.mean += t[i];
  s.mean /= n;
  int r50 = (n * 50 + 99) / 100, r99 = (n * 99 + 99) / 100;
  s.p50 = t[r50 > 0 ? r50 - 1 : 0];
  s.p99 = t[r99 > 0 ? r99 - 1 : 0];
  s.max = t[n - 1];
  return s;
}

static int fail_db(struct db *db, const char *what)
{
  fprintf(stderr, "skp_bench: %s: %s\n", what, db_errmsg(db));
  return -1;
}

static int parse_iter(const char *s, int def)
{
  if (!s) return def;
  char *end;
  long v = strtol(s, &end, 10);
  if (*end || v < 1 || v > MAX_ITER) return -1;
  return (int)v;
}

/* The newest SKP of a pegawai (by period year, then start date); 0 when none. */
static int64_t skp_of(struct db *db, int64_t pegawai_id)
{
  int64_t id = 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id FROM skp s JOIN periode pr ON pr.id = s.periode_id"
    " WHERE s.pegawai_id = ?1 ORDER BY pr.tahun DESC, s.mulai DESC LIMIT 1");
  if (!st) return 0;
  db_bind_int64(st, 1, pegawai_id);
  if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
  db_done(st);
  return id;
}

/* Moves BAWAHAN active ja_jf pegawai of the atasan's instansi (not the atasan, none of their
 * atasan chain, none already under them) under `a`, with their SKP cascaded from a's approved
 * utama RHK.  One write transaction.  Returns 0 or -1. */
static int build_bawahan(struct db *db, const struct skp_head *a)
{
  int64_t *rhk = NULL, *peg = NULL;
  size_t nrhk = 0, npeg = 0;
  if (db_begin_write(db) != DB_OK) return fail_db(db, "begin");
  struct db_stmt *st = db_prepare(db,
    "SELECT id FROM rhk WHERE skp_id = ?1 AND kelompok = 'utama' AND disetujui = 1 ORDER BY urutan");
  if (!st) goto fail;
  db_bind_int64(st, 1, a->id);
  while (db_step(st) == DB_ROW) {
    int64_t *n = realloc(rhk, (nrhk + 1) * sizeof *rhk);
    if (!n) { db_done(st); goto fail; }
    rhk = n;
    rhk[nrhk++] = db_col_int64(st, 0);
  }
  db_done(st);
  if (nrhk == 0) { fprintf(stderr, "skp_bench: the atasan's SKP %lld has no approved utama RHK\n", (long long)a->id); goto fail; }

  st = db_prepare(db,
    "WITH RECURSIVE naik(id) AS (SELECT atasan_id FROM pegawai WHERE id = ?1"
    "                      UNION SELECT p.atasan_id FROM pegawai p JOIN naik ON p.id = naik.id)"
    "SELECT p.id FROM pegawai p JOIN skp s ON s.pegawai_id = p.id AND s.periode_id = ?3"
    " WHERE p.instansi_id = ?2 AND p.aktif = 1 AND p.id <> ?1"
    "   AND (p.atasan_id IS NULL OR p.atasan_id <> ?1)"
    "   AND p.id NOT IN (SELECT id FROM naik WHERE id IS NOT NULL)"
    "   AND s.jenis = 'ja_jf'"
    "   AND EXISTS (SELECT 1 FROM rhk r WHERE r.skp_id = s.id AND r.kelompok = 'utama')"
    " GROUP BY p.id ORDER BY p.id LIMIT ?4");
  if (!st) goto fail;
  db_bind_int64(st, 1, a->pegawai_id);
  db_bind_int64(st, 2, a->instansi_id);
  db_bind_int64(st, 3, a->periode_id);
  db_bind_int64(st, 4, BAWAHAN);
  while (db_step(st) == DB_ROW) {
    int64_t *n = realloc(peg, (npeg + 1) * sizeof *peg);
    if (!n) { db_done(st); goto fail; }
    peg = n;
    peg[npeg++] = db_col_int64(st, 0);
  }
  db_done(st);
  if (npeg < BAWAHAN) { fprintf(stderr, "skp_bench: only %zu candidate bawahan, need %d\n", npeg, BAWAHAN); goto fail; }

  for (size_t i = 0; i < npeg; i++) {
    st = db_prepare(db, "UPDATE pegawai SET atasan_id = ?1 WHERE id = ?2");
    if (!st) goto fail;
    db_bind_int64(st, 1, a->pegawai_id);
    db_bind_int64(st, 2, peg[i]);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) goto fail;
    st = db_prepare(db, "UPDATE skp SET penilai_id = ?1 WHERE pegawai_id = ?2 AND periode_id = ?3");
    if (!st) goto fail;
    db_bind_int64(st, 1, a->pegawai_id);
    db_bind_int64(st, 2, peg[i]);
    db_bind_int64(st, 3, a->periode_id);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) goto fail;
    st = db_prepare(db,
      "UPDATE rhk SET rhk_atasan_id = ?1"
      " WHERE kelompok = 'utama' AND skp_id IN (SELECT id FROM skp WHERE pegawai_id = ?2 AND periode_id = ?3)");
    if (!st) goto fail;
    db_bind_int64(st, 1, rhk[i % nrhk]);
    db_bind_int64(st, 2, peg[i]);
    db_bind_int64(st, 3, a->periode_id);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) goto fail;
  }
  if (db_commit(db) != DB_OK) goto fail;
  fprintf(stderr, "skp_bench: %zu bawahan moved under pegawai %lld, over %zu approved utama RHK\n", npeg,
          (long long)a->pegawai_id, nrhk);
  free(rhk);
  free(peg);
  return 0;
fail:
  fail_db(db, "building the 200 bawahan");
  db_rollback(db);
  free(rhk);
  free(peg);
  return -1;
}

/* Fills a draft ja_jf kuantitatif SKP of the instansi up to RHK_TOTAL rows; *skp_id receives
 * it.  Returns 0 or -1. */
static int build_dokumen(struct db *db, int64_t instansi_id, int64_t *skp_id)
{
  struct audit_actor sys = {0, "bench"};
  json_t *errs = NULL;
  if (db_begin_write(db) != DB_OK) return fail_db(db, "begin");
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id FROM skp s JOIN periode pr ON pr.id = s.periode_id"
    " WHERE s.instansi_id = ?1 AND s.status = 'draft' AND s.jenis = 'ja_jf' AND s.pendekatan = 'kuantitatif'"
    "   AND s.penilai_id IS NOT NULL AND pr.status = 'terbuka'"
    " ORDER BY s.id LIMIT 1");
  if (!st) goto fail;
  db_bind_int64(st, 1, instansi_id);
  *skp_id = db_step(st) == DB_ROW ? db_col_int64(st, 0) : 0;
  db_done(st);
  if (!*skp_id) { fprintf(stderr, "skp_bench: no draft ja_jf SKP in the demo\n"); goto fail; }
  struct skp_head h;
  if (skp_head_load(db, *skp_id, &h) != 0) goto fail;
  int64_t have[2] = {0, 0};  /* utama, tambahan */
  for (int k = 0; k < 2; k++) {
    st = db_prepare(db, "SELECT COUNT(*) FROM rhk WHERE skp_id = ?1 AND kelompok = ?2");
    if (!st) goto fail;
    db_bind_int64(st, 1, h.id);
    db_bind_text(st, 2, k ? "tambahan" : "utama");
    if (db_step(st) == DB_ROW) have[k] = db_col_int64(st, 0);
    db_done(st);
  }
  int64_t want[2] = {RHK_TOTAL - RHK_TAMBAHAN, RHK_TAMBAHAN};
  for (int k = 0; k < 2; k++) {
    for (int64_t i = have[k]; i < want[k]; i++) {
      char rhk[300], ind1[200], ind2[200];
      snprintf(rhk, sizeof rhk,
               k ? "Menjadi anggota tim kerja lintas bidang nomor %lld dalam penyusunan dokumen perencanaan dan evaluasi program"
                 : "Tersusunnya laporan pengelolaan data dan administrasi kegiatan nomor %lld yang akurat, lengkap dan tepat waktu",
               (long long)i + 1);
      snprintf(ind1, sizeof ind1, "Jumlah laporan kegiatan %lld yang disusun dan disampaikan kepada atasan langsung", (long long)i + 1);
      snprintf(ind2, sizeof ind2, "Persentase laporan kegiatan %lld yang diterima tanpa perbaikan", (long long)i + 1);
      json_t *body = json_pack("{s:s,s:s,s:[{s:s,s:s,s:s,s:s},{s:s,s:s,s:s,s:s}]}",
                               "kelompok", k ? "tambahan" : "utama", "rhk", rhk, "iki",
                               "aspek", "kuantitas", "indikator", ind1, "target_angka", "12", "target_satuan", "laporan",
                               "aspek", "kualitas", "indikator", ind2, "target_angka", "90", "target_satuan", "%");
      if (!body) goto fail;
      int http = 0;
      const char *pesan = NULL;
      int64_t rid = 0;
      int rc = skp_rhk_add(db, &h, body, &sys, &errs, &http, &pesan, &rid);
      json_decref(body);
      if (rc != 0) {
        char *e = errs ? json_dumps(errs, JSON_COMPACT) : NULL;
        fprintf(stderr, "skp_bench: skp_rhk_add returned %d: %s %s\n", rc, e ? e : "", pesan ? pesan : "");
        free(e);
        goto fail;
      }
    }
  }
  if (db_commit(db) != DB_OK) goto fail;
  return 0;
fail:
  fail_db(db, "building the 30-RHK SKP");
  json_decref(errs);
  db_rollback(db);
  return -1;
}

/* Pages of a PDF written by libharu: "/Type /Page" objects (not "/Pages"). */
static int pdf_pages(const unsigned char *p, size_t len)
{
  static const char pat[] = "/Type /Page";
  size_t m = sizeof pat - 1;
  int n = 0;
  for (size_t i = 0; i + m < len; i++)
    if (p[i] == '/' && memcmp(p + i, pat, m) == 0 && p[i + m] != 's') n++;
  return n;
}

enum render { R_PDF, R_XLSX };

static void save(const char *name, const unsigned char *p, size_t len)
{
  const char *dir = getenv("SKP_BENCH_OUT");
  if (!dir || !dir[0]) return;
  char path[4096];
  if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) return;
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(p, 1, len, f) != len) perror(path);
  if (f) fclose(f);
}

/* Times skp_doc_load + render `iter` times; *bytes and *pages of the last output. */
static int time_dokumen(struct db *db, int64_t skp_id, enum render r, int iter, double *t, size_t *bytes, int *pages)
{
  for (int i = 0; i < iter; i++) {
    struct skp_doc d;
    struct skp_doc_buf b;
    unsigned char *out = NULL;
    size_t len = 0;
    char err[256] = "";
    double t0 = now_ms();
    if (skp_doc_load(db, skp_id, &d, &b) != 0) return fail_db(db, "skp_doc_load");
    int rc = r == R_PDF ? skp_pdf_render(&d, &out, &len, err, sizeof err) : skp_xlsx_render(&d, &out, &len, err, sizeof err);
    skp_doc_buf_free(&b);
    t[i] = now_ms() - t0;
    if (rc != 0) { fprintf(stderr, "skp_bench: render failed: %s\n", err); free(out); return -1; }
    if (i == iter - 1) {
      *bytes = len;
      if (pages) *pages = pdf_pages(out, len);
      save(r == R_PDF ? "skp-30-rhk.pdf" : "skp-30-rhk.xlsx", out, len);
    }
    free(out);
  }
  return 0;
}

int main(int argc, char **argv)
{
  if (argc < 2 || argc > 5) {
    fprintf(stderr, "usage: skp_bench DB [MATRIKS_ITER [PDF_ITER [XLSX_ITER]]]\n");
    return 2;
  }
  int it_m = parse_iter(argc > 2 ? argv[2] : NULL, 200), it_p = parse_iter(argc > 3 ? argv[3] : NULL, 50),
      it_x = parse_iter(argc > 4 ? argv[4] : NULL, 10);
  if (it_m < 0 || it_p < 0 || it_x < 0) { fprintf(stderr, "skp_bench: iterations must be 1-%d\n", MAX_ITER); return 2; }
  if (sodium_init() < 0) { fprintf(stderr, "skp_bench: sodium_init failed\n"); return 1; }
  if (access(argv[1], F_OK) == 0) { fprintf(stderr, "skp_bench: %s exists; give a new path\n", argv[1]); return 2; }

  int ret = 1;
  char err[256] = "";
  double *t = NULL;
  json_t *m = NULL;
  struct db *db = db_open(argv[1], err, sizeof err);
  if (!db) { fprintf(stderr, "skp_bench: %s\n", err); return 1; }
  if (migrate_run(db, NULL, err, sizeof err) != 0) { fprintf(stderr, "skp_bench: migrate: %s\n", err); goto done; }
  FILE *devnull = fopen("/dev/null", "w");
  if (!devnull) { perror("skp_bench: /dev/null"); goto done; }
  struct demo_opts o = {.pegawai = PEGAWAI, .password = "Rahasia123", .seed = 1};
  double t0 = now_ms();
  int rc = demo_create(db, &o, devnull, err, sizeof err);
  fclose(devnull);
  if (rc != 0) { fprintf(stderr, "skp_bench: demo: %s\n", err); goto done; }
  double demo_ms = now_ms() - t0;
  fprintf(stderr, "skp_bench: demo of %d pegawai in %.0f ms\n", PEGAWAI, demo_ms);

  /* ---- matriks peran hasil ---- */
  int64_t atasan = 0;
  if (db_query_int64(db, "SELECT pegawai_id FROM pengguna WHERE username = 'atasan'", 0, 0, &atasan) != DB_ROW || !atasan) {
    fprintf(stderr, "skp_bench: no demo account 'atasan'\n");
    goto done;
  }
  struct skp_head a;
  int64_t a_skp = skp_of(db, atasan);
  if (!a_skp || skp_head_load(db, a_skp, &a) != 0) { fprintf(stderr, "skp_bench: the atasan has no SKP\n"); goto done; }
  if (build_bawahan(db, &a) != 0) goto done;
  int max_it = it_m > it_p ? it_m : it_p;
  if (it_x > max_it) max_it = it_x;
  t = malloc((size_t)max_it * sizeof *t);
  if (!t) goto done;
  size_t bawahan = 0, sel = 0, tanpa = 0, rhk_atasan = 0;
  for (int i = 0; i < it_m; i++) {
    t0 = now_ms();
    m = skp_matriks(db, &a);
    t[i] = now_ms() - t0;
    if (!m) { fail_db(db, "skp_matriks"); goto done; }
    if (i == it_m - 1) {
      bawahan = json_array_size(json_object_get(m, "bawahan"));
      sel = json_array_size(json_object_get(m, "sel"));
      tanpa = json_array_size(json_object_get(m, "bawahan_tanpa_rhk_utama"));
      rhk_atasan = json_array_size(json_object_get(m, "rhk"));
    }
    json_decref(m);
    m = NULL;
  }
  struct stats sm = stats_of(t, it_m);
  fprintf(stderr, "skp_bench: matriks of %zu bawahan (%zu sel, %zu RHK atasan): mean %.2f ms, p99 %.2f ms\n", bawahan, sel,
          rhk_atasan, sm.mean, sm.p99);
  if (bawahan < BAWAHAN) { fprintf(stderr, "skp_bench: expected at least %d bawahan, got %zu\n", BAWAHAN, bawahan); goto done; }

  /* ---- Dokumen SKP: PDF and XLSX of 30 RHK ---- */
  int64_t doc_skp = 0;
  if (build_dokumen(db, a.instansi_id, &doc_skp) != 0) goto done;
  int64_t nrhk = 0, niki = 0;
  db_query_int64(db, "SELECT COUNT(*) FROM rhk WHERE skp_id = ?1", 1, doc_skp, &nrhk);
  db_query_int64(db, "SELECT COUNT(*) FROM iki i JOIN rhk r ON r.id = i.rhk_id WHERE r.skp_id = ?1", 1, doc_skp, &niki);
  size_t pdf_bytes = 0, xlsx_bytes = 0;
  int pages = 0;
  if (time_dokumen(db, doc_skp, R_PDF, it_p, t, &pdf_bytes, &pages) != 0) goto done;
  struct stats sp = stats_of(t, it_p);
  fprintf(stderr, "skp_bench: PDF of SKP %lld (%lld RHK, %lld IKI): mean %.2f ms, p99 %.2f ms, %zu bytes, %d pages\n",
          (long long)doc_skp, (long long)nrhk, (long long)niki, sp.mean, sp.p99, pdf_bytes, pages);
  if (time_dokumen(db, doc_skp, R_XLSX, it_x, t, &xlsx_bytes, NULL) != 0) goto done;
  struct stats sx = stats_of(t, it_x);
  fprintf(stderr, "skp_bench: XLSX: mean %.2f ms, p99 %.2f ms, %zu bytes\n", sx.mean, sx.p99, xlsx_bytes);

  printf("{\"demo_pegawai\":%d,\"demo_ms\":%.0f,"
         "\"matriks_iter\":%d,\"matriks_200_bawahan_ms_mean\":%.3f,\"matriks_p50_ms\":%.3f,\"matriks_p99_ms\":%.3f,\"matriks_max_ms\":%.3f,"
         "\"bawahan\":%zu,\"sel\":%zu,\"rhk_atasan\":%zu,\"bawahan_tanpa_rhk_utama\":%zu,"
         "\"dokumen_rhk\":%lld,\"dokumen_iki\":%lld,"
         "\"pdf_iter\":%d,\"pdf_30_rhk_ms_mean\":%.3f,\"pdf_p50_ms\":%.3f,\"pdf_p99_ms\":%.3f,\"pdf_bytes\":%zu,\"pdf_pages\":%d,"
         "\"xlsx_iter\":%d,\"xlsx_30_rhk_ms_mean\":%.3f,\"xlsx_p99_ms\":%.3f,\"xlsx_bytes\":%zu}\n",
         PEGAWAI, demo_ms, it_m, sm.mean, sm.p50, sm.p99, sm.max, bawahan, sel, rhk_atasan, tanpa, (long long)nrhk,
         (long long)niki, it_p, sp.mean, sp.p50, sp.p99, pdf_bytes, pages, it_x, sx.mean, sx.p99, xlsx_bytes);
  ret = nrhk == RHK_TOTAL ? 0 : 1;
  if (ret) fprintf(stderr, "skp_bench: the dokumen SKP has %lld RHK, expected %d\n", (long long)nrhk, RHK_TOTAL);
done:
  json_decref(m);
  free(t);
  db_close(db);
  return ret;
}
