/* penilaian_bench.c: annual predikat and pola distribusi check of a whole instansi (issue 6),
 * run by bench/run.sh against build/rel/libkinerja.a.
 *
 *   penilaian_bench DB [PEGAWAI [ITER]]     (defaults 100000, 5)
 *
 * Creates DB (must not exist) with the project's migrations and one generated instansi of
 * PEGAWAI pegawai, written with direct inserts in one transaction (the demo generator would
 * take ~40 s for 100 k and writes only a handful of annual penilaian): a unit tree (Sekretariat
 * Daerah, an OPD per ~100 units, leaf units of 4-46 pegawai, ~25 on average), each unit headed
 * by its first pegawai (jpt / administrator / pengawas), the others pelaksana or fungsional
 * under that head; per pegawai an approved SKP for the year and a final tahunan penilaian with
 * rating_hasil and rating_perilaku drawn by a fixed-seed PRNG (the spread depends on the unit's
 * predikat organisasi; unit heads get the rating hasil their unit's predikat organisasi gives),
 * the predikat stored as penilaian_ubah() stores it (predikat_from_ratings) and a content hash;
 * per unit a predikat organisasi (about 15 % Istimewa, 70 % Baik, 10 % Butuh Perbaikan, 4 %
 * Kurang, 1 % Sangat Kurang).
 *
 * Timed, ITER times after one untimed warm-up, in one read transaction on the library's
 * connection (struct db, its statement cache and pragmas):
 *   kinerja = (1) predikat: one query for the year's final tahunan penilaian of the instansi
 *             (joined to skp and periode for the year, as penilaian.c does), per row
 *             rating_dari_kode() x2 + predikat_from_ratings() (the rule of src/rules/predikat.c)
 *             and a check against the stored predikat, counts per predikat;
 *           + (2) kurva: the unit list of the instansi and penilaian_kurva_unit(db, unit, tahun)
 *             for every unit (the body of GET /api/v1/unit-kerja/{id}/kurva: predikat
 *             organisasi, counts of the final annual predikat, settings, kurva_periksa(), JSON),
 *             reading patuh, pelanggaran and jumlah from its answer.
 *   ceiling = a second, bare sqlite3 connection to the same file (same cache size):
 *             SELECT unit_kerja_id, rating_hasil, rating_perilaku FROM penilaian
 *             WHERE jenis = 'tahunan', every row stepped, a trivial sum over the columns.
 * The two alternate within each iteration.  Prints one JSON object on stdout (milliseconds);
 * progress and errors go to stderr.  Exit 1 on any failure, including fewer penilaian read than
 * pegawai generated, a scan that does not see them all, a stored predikat that disagrees with
 * the rule, unit counts that do not add up, or a number of non-compliant units other than the
 * one computed from the generator's own counts with kurva_periksa().
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>
#include <sqlite3.h>

#include "db/db.h"
#include "db/migrate.h"
#include "penilaian.h"
#include "rules/kurva.h"
#include "rules/predikat.h"
#include "util/util.h"

#define TAHUN 2025
#define MIN_PEGAWAI 100
#define MAX_PEGAWAI 2000000
#define MAX_ITER 1000
#define UNIT_PER_OPD 100

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

struct stats { double mean, min, p50, p99, max; };

/* Sorts t[0..n) in place; p99 is the nearest-rank percentile (the max for n < 100). */
static struct stats stats_of(double *t, int n)
{
  struct stats s = {0};
  qsort(t, (size_t)n, sizeof *t, cmp_double);
  for (int i = 0; i < n; i++) s.mean += t[i];
  s.mean /= n;
  int r50 = (n * 50 + 99) / 100, r99 = (n * 99 + 99) / 100;
  s.min = t[0];
  s.p50 = t[r50 > 0 ? r50 - 1 : 0];
  s.p99 = t[r99 > 0 ? r99 - 1 : 0];
  s.max = t[n - 1];
  return s;
}

static int fail_db(struct db *db, const char *what)
{
  fprintf(stderr, "penilaian_bench: %s: %s\n", what, db_errmsg(db));
  return -1;
}

static long parse_arg(const char *s, long def, long min, long max)
{
  if (!s) return def;
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < min || v > max) return -1;
  return v;
}

/* xorshift64*, fixed seed: the same instansi on every run. */
static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint32_t rnd(uint32_t n)
{
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return (uint32_t)((rng * 2685821657736338717ULL) >> 33) % n;
}

/* A rating from per-mille shares of Di Atas and Di Bawah (the rest Sesuai). */
static enum rating rating_acak(int atas, int bawah)
{
  int r = (int)rnd(1000);
  return r < atas ? RATING_DI_ATAS : r < atas + bawah ? RATING_DI_BAWAH : RATING_SESUAI;
}

struct unit {
  int64_t id, kepala;             /* unit_kerja id, pegawai id of its head */
  int induk;                      /* index of the parent unit, -1 for the top */
  int size;                       /* pegawai in the unit, head included */
  enum predikat_organisasi org;
  int64_t jumlah[PREDIKAT_JUMLAH];
};

struct gen {
  struct unit *u;
  int nunit;
  int64_t inst, periode, jab[5];  /* jpt, administrator, pengawas, pelaksana, fungsional */
  int64_t pegawai;
};

enum { J_JPT, J_ADMINISTRATOR, J_PENGAWAS, J_PELAKSANA, J_FUNGSIONAL };

/* Unit sizes: the top unit, then OPDs and leaf units of 4-46 pegawai until n are placed. */
static int plan_units(struct gen *g, int n)
{
  int cap = n / 4 + 2;
  g->u = calloc((size_t)cap, sizeof *g->u);
  if (!g->u) return -1;
  int placed = 0;
  while (placed < n) {
    int s = 4 + (int)rnd(43);
    if (s > n - placed) s = n - placed;
    g->u[g->nunit++].size = s;
    placed += s;
  }
  int opd = g->nunit / UNIT_PER_OPD;
  if (opd < 1) opd = 1;
  for (int i = 0; i < g->nunit; i++) {
    struct unit *u = &g->u[i];
    u->induk = i == 0 ? -1 : i <= opd ? 0 : 1 + (i - opd - 1) % opd;
    int r = (int)rnd(1000);
    u->org = r < 150 ? ORGANISASI_ISTIMEWA : r < 850 ? ORGANISASI_BAIK : r < 950 ? ORGANISASI_BUTUH_PERBAIKAN
           : r < 990 ? ORGANISASI_KURANG : ORGANISASI_SANGAT_KURANG;
  }
  return 0;
}

static int step_done(struct db *db, struct db_stmt *st, const char *what)
{
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return fail_db(db, what);
  return 0;
}

static int64_t insert_id(struct db *db, struct db_stmt *st, const char *what)
{
  int64_t id = 0;
  if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
  db_done(st);
  if (!id) fail_db(db, what);
  return id;
}

/* The ratings of one pegawai: the spread follows the unit's predikat organisasi (penilai lean
 * towards their unit's grade); a head's rating hasil is the one the grade gives (penilaian.c:
 * Istimewa -> Di Atas, Baik -> Sesuai, else Di Bawah). */
static void ratings(const struct unit *u, bool kepala, enum rating *rh, enum rating *rp)
{
  switch (u->org) {
  case ORGANISASI_ISTIMEWA:        *rh = rating_acak(350, 30);  *rp = rating_acak(300, 20); break;
  case ORGANISASI_BAIK:            *rh = rating_acak(250, 170); *rp = rating_acak(250, 80); break;
  case ORGANISASI_BUTUH_PERBAIKAN: *rh = rating_acak(50, 700);  *rp = rating_acak(100, 50); break;
  case ORGANISASI_KURANG:          *rh = rating_acak(50, 150);  *rp = rating_acak(20, 600); break;
  case ORGANISASI_SANGAT_KURANG:   *rh = rating_acak(10, 750);  *rp = rating_acak(10, 750); break;
  }
  if (kepala) *rh = u->org == ORGANISASI_ISTIMEWA ? RATING_DI_ATAS : u->org == ORGANISASI_BAIK ? RATING_SESUAI : RATING_DI_BAWAH;
}

/* One pegawai with an approved SKP and a final tahunan penilaian.  Returns its id or 0. */
static int64_t add_pegawai(struct db *db, struct gen *g, struct unit *u, int64_t jabatan, int64_t atasan, int64_t now)
{
  char nama[64], nip[32], lahir[11], isi[160], hash[65];
  int64_t i = g->pegawai++;
  bool perempuan = rnd(2);
  /* NIP: birth date, TMT (year and month), sex, sequence; (birth, TMT) unique per i */
  if (date_add_days("1965-01-01", (int)(i % 12000), lahir) != 0) return 0;
  int tmt = 1990 + (int)(i / 12000) % 30, bln = 1 + (int)(i / 360000) % 12;
  snprintf(nip, sizeof nip, "%.4s%.2s%.2s%04d%02d%d%03d", lahir, lahir + 5, lahir + 8, tmt, bln, perempuan ? 2 : 1, 1 + (int)rnd(999));
  snprintf(nama, sizeof nama, "Pegawai Bench %07lld", (long long)i + 1);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO pegawai (instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, jenis_asn, golongan, jabatan_id,"
    "                     unit_kerja_id, atasan_id, aktif, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, 'PNS', 'III/a', ?6, ?7, ?8, 1, ?9) RETURNING id");
  if (!st) return 0;
  db_bind_int64(st, 1, g->inst);
  db_bind_text(st, 2, nip);
  db_bind_text(st, 3, nama);
  db_bind_text(st, 4, perempuan ? "P" : "L");
  db_bind_text(st, 5, lahir);
  db_bind_int64(st, 6, jabatan);
  db_bind_int64(st, 7, u->id);
  db_bind_id(st, 8, atasan);
  db_bind_int64(st, 9, now);
  int64_t pid = insert_id(db, st, "insert pegawai");
  if (!pid) return 0;
  /* the top head's penilai is the Bupati, not a pegawai: the record names the head itself */
  int64_t penilai = atasan ? atasan : pid;
  st = db_prepare(db,
    "INSERT INTO skp (instansi_id, periode_id, pegawai_id, jabatan_id, unit_kerja_id, penilai_id, mulai, selesai, jenis,"
    "                 pendekatan, status, diajukan, disetujui, diubah, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'kuantitatif', 'disetujui', ?10, ?10, ?10, ?10) RETURNING id");
  if (!st) return 0;
  char mulai[11], selesai[11];
  snprintf(mulai, sizeof mulai, "%04d-01-01", TAHUN);
  snprintf(selesai, sizeof selesai, "%04d-12-31", TAHUN);
  db_bind_int64(st, 1, g->inst);
  db_bind_int64(st, 2, g->periode);
  db_bind_int64(st, 3, pid);
  db_bind_int64(st, 4, jabatan);
  db_bind_int64(st, 5, u->id);
  db_bind_int64(st, 6, penilai);
  db_bind_text(st, 7, mulai);
  db_bind_text(st, 8, selesai);
  db_bind_text(st, 9, jabatan == g->jab[J_JPT] ? "jpt" : "ja_jf");
  db_bind_int64(st, 10, now);
  int64_t skp = insert_id(db, st, "insert skp");
  if (!skp) return 0;
  enum rating rh = RATING_SESUAI, rp = RATING_SESUAI;
  ratings(u, jabatan != g->jab[J_PELAKSANA] && jabatan != g->jab[J_FUNGSIONAL], &rh, &rp);
  enum predikat p = predikat_from_ratings(rh, rp, NULL);
  u->jumlah[p]++;
  snprintf(isi, sizeof isi, "%lld|tahunan|0|%s|%s|%s", (long long)skp, rating_kode(rh), rating_kode(rp), predikat_kode(p));
  hash_hex(isi, strlen(isi), hash);
  st = db_prepare(db,
    "INSERT INTO penilaian (instansi_id, skp_id, pegawai_id, penilai_id, unit_kerja_id, jenis, periode_ke, mulai, selesai,"
    "                       rating_hasil, rating_perilaku, predikat, catatan, status, hash, difinalkan, dibuat, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, 'tahunan', 0, ?6, ?7, ?8, ?9, ?10, 'Pertahankan kinerja dan dokumentasikan bukti dukung.',"
    "         'final', ?11, ?12, ?12, ?12)");
  if (!st) return 0;
  db_bind_int64(st, 1, g->inst);
  db_bind_int64(st, 2, skp);
  db_bind_int64(st, 3, pid);
  db_bind_int64(st, 4, penilai);
  db_bind_int64(st, 5, u->id);
  db_bind_text(st, 6, mulai);
  db_bind_text(st, 7, selesai);
  db_bind_text(st, 8, rating_kode(rh));
  db_bind_text(st, 9, rating_kode(rp));
  db_bind_text(st, 10, predikat_kode(p));
  db_bind_text(st, 11, hash);
  db_bind_int64(st, 12, now);
  if (step_done(db, st, "insert penilaian") != 0) return 0;
  return pid;
}

/* The whole instansi in one write transaction. */
static int generate(struct db *db, struct gen *g, int n)
{
  int64_t now = now_unix();
  if (plan_units(g, n) != 0) return -1;
  if (db_begin_write(db) != DB_OK) return fail_db(db, "begin");
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO instansi (kode, nama, zona_waktu, dibuat) VALUES ('BENCH-PENILAIAN', 'Pemerintah Kabupaten Bench', 'WIB', ?1) RETURNING id");
  if (!st) goto fail;
  db_bind_int64(st, 1, now);
  if (!(g->inst = insert_id(db, st, "insert instansi"))) goto fail;
  st = db_prepare(db, "INSERT INTO pengaturan (instansi_id, diubah) VALUES (?1, ?2)");
  if (!st) goto fail;
  db_bind_int64(st, 1, g->inst);
  db_bind_int64(st, 2, now);
  if (step_done(db, st, "insert pengaturan") != 0) goto fail;
  st = db_prepare(db,
    "INSERT INTO periode (instansi_id, tahun, mulai, selesai, siklus, status, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, 'triwulanan', 'terbuka', ?5) RETURNING id");
  if (!st) goto fail;
  char mulai[11], selesai[11];
  snprintf(mulai, sizeof mulai, "%04d-01-01", TAHUN);
  snprintf(selesai, sizeof selesai, "%04d-12-31", TAHUN);
  db_bind_int64(st, 1, g->inst);
  db_bind_int64(st, 2, TAHUN);
  db_bind_text(st, 3, mulai);
  db_bind_text(st, 4, selesai);
  db_bind_int64(st, 5, now);
  if (!(g->periode = insert_id(db, st, "insert periode"))) goto fail;
  static const char *const JAB[5][2] = {{"Kepala Perangkat Daerah", "jpt"}, {"Kepala Bidang", "administrator"},
                                        {"Kepala Seksi", "pengawas"}, {"Pengelola Data", "pelaksana"},
                                        {"Analis Kebijakan Ahli Pertama", "fungsional"}};
  for (int j = 0; j < 5; j++) {
    st = db_prepare(db, "INSERT INTO jabatan (instansi_id, nama, jenis) VALUES (?1, ?2, ?3) RETURNING id");
    if (!st) goto fail;
    db_bind_int64(st, 1, g->inst);
    db_bind_text(st, 2, JAB[j][0]);
    db_bind_text(st, 3, JAB[j][1]);
    if (!(g->jab[j] = insert_id(db, st, "insert jabatan"))) goto fail;
  }
  for (int i = 0; i < g->nunit; i++) {
    struct unit *u = &g->u[i];
    char nama[64], kode[32];
    snprintf(nama, sizeof nama, i == 0 ? "Sekretariat Daerah" : u->induk == 0 ? "Dinas %d" : "Bidang %d", i);
    snprintf(kode, sizeof kode, "B%06d", i);
    st = db_prepare(db, "INSERT INTO unit_kerja (instansi_id, induk_id, kode, nama) VALUES (?1, ?2, ?3, ?4) RETURNING id");
    if (!st) goto fail;
    db_bind_int64(st, 1, g->inst);
    db_bind_id(st, 2, u->induk >= 0 ? g->u[u->induk].id : 0);
    db_bind_text(st, 3, kode);
    db_bind_text(st, 4, nama);
    if (!(u->id = insert_id(db, st, "insert unit_kerja"))) goto fail;
    st = db_prepare(db,
      "INSERT INTO predikat_organisasi (unit_kerja_id, tahun, instansi_id, predikat, alasan, diubah)"
      " VALUES (?1, ?2, ?3, ?4, 'Capaian Perjanjian Kinerja unit', ?5)");
    if (!st) goto fail;
    db_bind_int64(st, 1, u->id);
    db_bind_int64(st, 2, TAHUN);
    db_bind_int64(st, 3, g->inst);
    db_bind_text(st, 4, kurva_organisasi_kode(u->org));
    db_bind_int64(st, 5, now);
    if (step_done(db, st, "insert predikat_organisasi") != 0) goto fail;
    /* the head, then the staff under them */
    int64_t kj = u->induk <= 0 ? g->jab[J_JPT] : g->jab[i % 2 ? J_ADMINISTRATOR : J_PENGAWAS];
    if (!(u->kepala = add_pegawai(db, g, u, kj, u->induk >= 0 ? g->u[u->induk].kepala : 0, now))) goto fail;
    for (int k = 1; k < u->size; k++)
      if (!add_pegawai(db, g, u, g->jab[rnd(10) < 6 ? J_PELAKSANA : J_FUNGSIONAL], u->kepala, now)) goto fail;
  }
  if (db_commit(db) != DB_OK) goto fail;
  if (db_exec(db, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);") != DB_OK) return fail_db(db, "analyze");
  return 0;
fail:
  fail_db(db, "generating the instansi");
  db_rollback(db);
  return -1;
}

struct hasil {
  int64_t dibaca, beda, jumlah[PREDIKAT_JUMLAH];      /* (1) */
  int64_t unit, tanpa_org, tidak_patuh, pelanggaran, total;  /* (2) */
  double ms_predikat, ms_kurva;
};

/* (1) + (2), see the head comment.  Returns 0 or -1. */
static int kinerja_pass(struct db *db, int64_t inst, struct hasil *h)
{
  memset(h, 0, sizeof *h);
  double t0 = now_ms();
  if (db_begin(db) != DB_OK) return fail_db(db, "begin");
  struct db_stmt *st = db_prepare(db,
    "SELECT n.rating_hasil, n.rating_perilaku, n.predikat"
    "  FROM penilaian n JOIN skp s ON s.id = n.skp_id JOIN periode p ON p.id = s.periode_id"
    " WHERE n.instansi_id = ?1 AND p.tahun = ?2 AND n.jenis = 'tahunan' AND n.status = 'final'");
  if (!st) goto fail;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, TAHUN);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    enum rating rh, rp;
    enum predikat stored;
    h->dibaca++;
    if (rating_dari_kode(db_col_text(st, 0), &rh) != 0 || rating_dari_kode(db_col_text(st, 1), &rp) != 0) { h->beda++; continue; }
    enum predikat p = predikat_from_ratings(rh, rp, NULL);
    h->jumlah[p]++;
    if (predikat_dari_kode(db_col_text(st, 2), &stored) != 0 || stored != p) h->beda++;
  }
  db_done(st);
  if (s != DB_DONE) goto fail;
  double t1 = now_ms();
  h->ms_predikat = t1 - t0;

  int64_t *units = NULL;
  size_t n = 0, cap = 0;
  st = db_prepare(db, "SELECT id FROM unit_kerja WHERE instansi_id = ?1 AND aktif = 1 ORDER BY id");
  if (!st) goto fail;
  db_bind_int64(st, 1, inst);
  while (db_step(st) == DB_ROW) {
    if (n == cap) {
      cap = cap ? 2 * cap : 1024;
      int64_t *m = realloc(units, cap * sizeof *units);
      if (!m) { free(units); db_done(st); goto fail; }
      units = m;
    }
    units[n++] = db_col_int64(st, 0);
  }
  db_done(st);
  for (size_t i = 0; i < n; i++) {
    json_t *k = penilaian_kurva_unit(db, units[i], TAHUN);
    if (!k) { free(units); fail_db(db, "penilaian_kurva_unit"); goto fail; }
    h->unit++;
    json_t *patuh = json_object_get(k, "patuh");
    if (json_is_null(patuh)) h->tanpa_org++;
    else if (json_is_false(patuh)) h->tidak_patuh++;
    h->pelanggaran += (int64_t)json_array_size(json_object_get(k, "pelanggaran"));
    const char *key;
    json_t *v;
    json_object_foreach(json_object_get(k, "jumlah"), key, v) h->total += json_integer_value(v);
    json_decref(k);
  }
  free(units);
  if (db_commit(db) != DB_OK) goto fail;
  h->ms_kurva = now_ms() - t1;
  return 0;
fail:
  fail_db(db, "kinerja pass");
  db_rollback(db);
  return -1;
}

/* The ceiling: every annual penilaian's unit and ratings through bare sqlite3. */
static int scan_pass(sqlite3 *c, int64_t *rows, int64_t *sum)
{
  sqlite3_stmt *st = NULL;
  *rows = 0;
  *sum = 0;
  if (sqlite3_prepare_v2(c, "SELECT unit_kerja_id, rating_hasil, rating_perilaku FROM penilaian WHERE jenis = 'tahunan'", -1, &st,
                         NULL) != SQLITE_OK)
    goto fail;
  int s;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    const unsigned char *a = sqlite3_column_text(st, 1), *b = sqlite3_column_text(st, 2);
    *sum += sqlite3_column_int64(st, 0) + (a ? a[3] : 0) + (b ? b[3] : 0);
    (*rows)++;
  }
  sqlite3_finalize(st);
  if (s != SQLITE_DONE) goto fail;
  return 0;
fail:
  fprintf(stderr, "penilaian_bench: scan: %s\n", sqlite3_errmsg(c));
  return -1;
}

int main(int argc, char **argv)
{
  if (argc < 2 || argc > 4) {
    fprintf(stderr, "usage: penilaian_bench DB [PEGAWAI [ITER]]\n");
    return 2;
  }
  long npeg = parse_arg(argc > 2 ? argv[2] : NULL, 100000, MIN_PEGAWAI, MAX_PEGAWAI);
  long iter = parse_arg(argc > 3 ? argv[3] : NULL, 5, 1, MAX_ITER);
  if (npeg < 0 || iter < 0) {
    fprintf(stderr, "penilaian_bench: PEGAWAI must be %d-%d, ITER 1-%d\n", MIN_PEGAWAI, MAX_PEGAWAI, MAX_ITER);
    return 2;
  }
  if (sodium_init() < 0) { fprintf(stderr, "penilaian_bench: sodium_init failed\n"); return 1; }
  if (access(argv[1], F_OK) == 0) { fprintf(stderr, "penilaian_bench: %s exists; give a new path\n", argv[1]); return 2; }

  int ret = 1;
  char err[256] = "";
  struct gen g = {0};
  sqlite3 *c = NULL;
  double *tk = calloc((size_t)iter, sizeof *tk), *ts = calloc((size_t)iter, sizeof *ts), *tp = calloc((size_t)iter, sizeof *tp),
         *tu = calloc((size_t)iter, sizeof *tu);
  struct db *db = db_open(argv[1], err, sizeof err);
  if (!db) { fprintf(stderr, "penilaian_bench: %s\n", err); goto done; }
  if (!tk || !ts || !tp || !tu) goto done;
  if (migrate_run(db, NULL, err, sizeof err) != 0) { fprintf(stderr, "penilaian_bench: migrate: %s\n", err); goto done; }
  double t0 = now_ms();
  if (generate(db, &g, (int)npeg) != 0) goto done;
  double gen_ms = now_ms() - t0;
  fprintf(stderr, "penilaian_bench: instansi of %lld pegawai in %d units generated in %.0f ms\n", (long long)g.pegawai, g.nunit, gen_ms);

  /* what the checks expect, from the generator's own counts */
  int64_t expect_tidak_patuh = 0, expect_jumlah[PREDIKAT_JUMLAH] = {0};
  for (int i = 0; i < g.nunit; i++) {
    struct kurva_hasil kh;
    const char *pesan = NULL;
    for (int p = 0; p < PREDIKAT_JUMLAH; p++) expect_jumlah[p] += g.u[i].jumlah[p];
    if (kurva_periksa(g.u[i].org, g.u[i].jumlah, KURVA_TEPAT, &kh, &pesan) != 0) {
      fprintf(stderr, "penilaian_bench: kurva_periksa of unit %d: %s\n", i, pesan);
      goto done;
    }
    expect_tidak_patuh += !kh.patuh;
  }

  if (sqlite3_open_v2(argv[1], &c, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_exec(c, "PRAGMA cache_size=-16000;", NULL, NULL, NULL) != SQLITE_OK) {
    fprintf(stderr, "penilaian_bench: ceiling connection: %s\n", c ? sqlite3_errmsg(c) : "out of memory");
    goto done;
  }

  struct hasil h;
  int64_t rows = 0, sum = 0;
  for (long i = -1; i < iter; i++) {  /* i = -1: warm-up, not counted */
    t0 = now_ms();
    if (kinerja_pass(db, g.inst, &h) != 0) goto done;
    double k_ms = now_ms() - t0;
    t0 = now_ms();
    if (scan_pass(c, &rows, &sum) != 0) goto done;
    double s_ms = now_ms() - t0;
    if (i >= 0) { tk[i] = k_ms; ts[i] = s_ms; tp[i] = h.ms_predikat; tu[i] = h.ms_kurva; }
    fprintf(stderr, "penilaian_bench: %s: kinerja %.1f ms (predikat %.1f + kurva %.1f), scan %.1f ms\n", i < 0 ? "warm-up" : "run", k_ms,
            h.ms_predikat, h.ms_kurva, s_ms);
  }
  struct stats sk = stats_of(tk, (int)iter), ss = stats_of(ts, (int)iter), sp = stats_of(tp, (int)iter), su = stats_of(tu, (int)iter);

  bool ok = true;
#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, "penilaian_bench: " __VA_ARGS__); fputc('\n', stderr); ok = false; } } while (0)
  CHECK(h.dibaca == g.pegawai && g.pegawai == npeg, "read %lld annual penilaian, generated %lld, wanted %ld", (long long)h.dibaca,
        (long long)g.pegawai, npeg);
  CHECK(rows == g.pegawai, "the scan saw %lld rows, expected %lld", (long long)rows, (long long)g.pegawai);
  CHECK(h.beda == 0, "%lld stored predikat disagree with the matrix", (long long)h.beda);
  CHECK(h.unit == g.nunit, "penilaian_kurva_unit ran for %lld units, expected %d", (long long)h.unit, g.nunit);
  CHECK(h.total == g.pegawai, "the units' jumlah add up to %lld, expected %lld", (long long)h.total, (long long)g.pegawai);
  CHECK(h.tanpa_org == 0, "%lld units without a predikat organisasi", (long long)h.tanpa_org);
  CHECK(h.tidak_patuh == expect_tidak_patuh, "%lld units break their pola distribusi, expected %lld", (long long)h.tidak_patuh,
        (long long)expect_tidak_patuh);
  for (int p = 0; p < PREDIKAT_JUMLAH; p++)
    CHECK(h.jumlah[p] == expect_jumlah[p], "%lld pegawai %s, expected %lld", (long long)h.jumlah[p], predikat_kode((enum predikat)p),
          (long long)expect_jumlah[p]);
#undef CHECK

  printf("{\"pegawai\":%lld,\"units\":%d,\"tahun\":%d,\"generate_ms\":%.0f,\"iter\":%ld,"
         "\"kinerja_ms_mean\":%.3f,\"kinerja_ms_min\":%.3f,\"kinerja_ms_p99\":%.3f,"
         "\"predikat_ms_mean\":%.3f,\"kurva_ms_mean\":%.3f,\"kurva_per_unit_us\":%.2f,"
         "\"scan_ms_mean\":%.3f,\"scan_ms_min\":%.3f,\"scan_ms_p99\":%.3f,"
         "\"penilaian_read\":%lld,\"scan_rows\":%lld,\"units_checked\":%lld,\"units_patuh\":%lld,\"units_tidak_patuh\":%lld,"
         "\"pelanggaran\":%lld,\"predikat\":{\"sangat_baik\":%lld,\"baik\":%lld,\"butuh_perbaikan\":%lld,\"kurang\":%lld,"
         "\"sangat_kurang\":%lld},\"predikat_mismatch\":%lld,\"ok\":%s}\n",
         (long long)g.pegawai, g.nunit, TAHUN, gen_ms, iter, sk.mean, sk.min, sk.p99, sp.mean, su.mean,
         h.unit ? su.mean * 1000.0 / (double)h.unit : 0.0, ss.mean, ss.min, ss.p99, (long long)h.dibaca, (long long)rows,
         (long long)h.unit, (long long)(h.unit - h.tidak_patuh - h.tanpa_org), (long long)h.tidak_patuh, (long long)h.pelanggaran,
         (long long)h.jumlah[0], (long long)h.jumlah[1], (long long)h.jumlah[2], (long long)h.jumlah[3], (long long)h.jumlah[4],
         (long long)h.beda, ok ? "true" : "false");
  fprintf(stderr, "penilaian_bench: kinerja mean %.1f ms (min %.1f), scan mean %.1f ms (min %.1f); %lld of %lld units break the curve\n",
          sk.mean, sk.min, ss.mean, ss.min, (long long)h.tidak_patuh, (long long)h.unit);
  ret = ok ? 0 : 1;
done:
  if (c) sqlite3_close(c);
  db_close(db);
  free(g.u);
  free(tk);
  free(ts);
  free(tp);
  free(tu);
  return ret;
}
