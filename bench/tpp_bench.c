/* tpp_bench.c: the monthly TPP run of a whole instansi (issue 9 point 3, its benchmark), run by
 * bench/run.sh against build/rel/libkinerja.a.
 *
 *   tpp_bench DB [PEGAWAI [RUNS]]     (defaults 100000, 1)
 *
 * Creates DB (must not exist) with the project's migrations and one generated instansi of
 * PEGAWAI pegawai, written with direct inserts like penilaian_bench's (no ANALYZE, as in
 * production; TPP_BENCH_ANALYZE=1 runs it, to see the plans sqlite_stat1 gives):
 *   - a unit tree as in penilaian_bench (Sekretariat Daerah, an OPD per ~100 units, leaf units of
 *     4-46 pegawai), each unit headed by its first pegawai; one OPD in four has its own work
 *     schedule (08:00-16:30, Friday 17:00) that its units inherit, the others the instansi's
 *     (07:30-16:00, Friday 16:30); no holiday in the month;
 *   - 30 jabatan with kelas_jabatan 1..17: the Sekda 17, OPD heads 15/16, unit heads 9-14,
 *     staff 1-13 (most 5-9);
 *   - a periode for the year; for 90 % of pegawai an approved SKP and two final periodik
 *     penilaian (triwulan I and II, the second one's predikat is the one the month is paid on:
 *     ~10 % Sangat Baik, 75 % Baik, 10 % Butuh Perbaikan, 4 % Kurang, 1 % Sangat Kurang; ratings
 *     chosen so that predikat_from_ratings gives it), the others none (paid as Baik);
 *   - 22 working days of presensi (September 2026) for every pegawai, day by day as a daily
 *     machine sync writes them: like src/demo_presensi.c, ~12 % of days 1-30 minutes late, 5 %
 *     31-60, 3 % 61-120, 2 % early leave, 2 % no check-in, 2 % no check-out, 0.5 % neither;
 *     on days covered by a status both times are empty;
 *   - presensi_status: 3 % of pegawai cuti on the 14th-15th, 1 % dinas luar on the 22nd-24th,
 *     0.5 % sakit dengan surat on the 8th;
 *   - tpp_sanksi: 0.5 % of pegawai with a sanction active in the month (HDS1-3, 25 %), 0.3 % with
 *     one that has run out;
 *   - two active TPP tables (tpp_aturan): one from 2025-01 and the one in force from 2026-01,
 *     preset umum_daerah with besaran_kelas 1..17 of src/demo_tpp.c.
 * The generator runs in a child process (fork), so the parent's peak RSS is the run's own.
 *
 * Timed in the parent, on a fresh library connection (struct db, its pragmas and statement
 * cache): db_begin_write + tpp_bulan_hitung(instansi, 2026, 9) + db_commit, what
 * POST /api/v1/tpp/bulan runs (audit actor: system).  RUNS 2 also times a recompute of the same
 * month (the DELETE of the draft's rows and the run again).  Memory: VmRSS before, the peak
 * during the run (VmHWM after resetting it through /proc/self/clear_refs), getrusage ru_maxrss.
 *
 * Checks (exit 1): as many tpp_hasil rows as pegawai and tpp_bulan.pegawai the same, no row with
 * galat, the month's total > 0 and equal to the rows' sum, every row's jumlah = kinerja +
 * disiplin - potongan_sanksi (regional table), and every row equal (dasar, kinerja, disiplin,
 * potongan_persen, potongan_sanksi, jumlah) to tpp_hitung() of the pure engine on the inputs the
 * generator wrote (rebuilt from its own plan, not read back), under tpp_preset("umum_daerah")
 * with the same amounts.  The engine pass is timed too (engine_ms: the computation alone).
 *
 * Ceiling, on a bare sqlite3 connection to the same file (same cache size), after one warm-up,
 * mean of 3: SELECT pegawai_id, tanggal, masuk, pulang FROM presensi WHERE tanggal BETWEEN the
 * month's first and last day, every row stepped with a trivial sum: the month's presensi read
 * once in table order, the least I/O any computation needs.  Also, once, for the profile: the
 * same rows through the primary key one pegawai at a time (lookup_ms, the query the run uses).
 * Prints one JSON object on stdout (milliseconds, kB, rupiah); progress and errors on stderr.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <malloc.h>

#include <jansson.h>
#include <sodium.h>
#include <sqlite3.h>

#include "audit.h"
#include "db/db.h"
#include "db/migrate.h"
#include "rules/aktivitas_aturan.h"
#include "rules/predikat.h"
#include "rules/tpp.h"
#include "tpp_bulan.h"
#include "util/util.h"

#define TAHUN 2026
#define BULAN 9
#define HARI_KERJA 22
#define MIN_PEGAWAI 100
#define MAX_PEGAWAI 2000000
#define UNIT_PER_OPD 100
#define INSTANSI 1
#define PERIODE 1

/* demo_tpp.c's amounts (an example Perkada, UNCONFIRMED) */
static const int64_t BESARAN[18] = {0, 1500000, 1650000, 1800000, 2000000, 2200000, 2450000, 2750000, 3100000, 3500000,
                                    4000000, 4600000, 5300000, 6200000, 7500000, 9500000, 12500000, 16000000};

static double now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* user + system CPU of the process: steadier than wall time on a shared machine */
static double cpu_now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long status_kb(const char *key)
{
  FILE *f = fopen("/proc/self/status", "r");
  if (!f) return -1;
  char line[256];
  long v = -1;
  size_t n = strlen(key);
  while (fgets(line, sizeof line, f))
    if (!strncmp(line, key, n) && line[n] == ':') { v = strtol(line + n + 1, NULL, 10); break; }
  fclose(f);
  return v;
}

/* Resets VmHWM to the current RSS (Linux >= 4.0); false when not possible. */
static bool hwm_reset(void)
{
  FILE *f = fopen("/proc/self/clear_refs", "w");
  if (!f) return false;
  bool ok = fputs("5", f) >= 0;
  return fclose(f) == 0 && ok;
}

static long parse_arg(const char *s, long def, long min, long max)
{
  if (!s) return def;
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < min || v > max) return -1;
  return v;
}

/* xorshift64*, fixed seed: the same plan on every run. */
static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint32_t rnd(uint32_t n)
{
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return (uint32_t)((rng * 2685821657736338717ULL) >> 33) % n;
}

/* A fixed hash (demo_presensi.c's) for per-pegawai and per-day draws. */
static uint32_t acak(uint64_t x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return (uint32_t)x;
}

/* ---- the plan: everything the generator writes, derived from the seed ---- */

struct unit {
  int induk;       /* index of the parent unit, -1 for the top */
  int size;        /* pegawai in the unit, head included */
  bool jadwal_sendiri;   /* has its own jadwal_kerja row */
  bool khusus;     /* works the 08:00 schedule (own or inherited) */
  int pertama;     /* index of its first pegawai (the head) */
};

struct plan {
  struct unit *u;
  int nunit, npeg;
  int *unit_of;              /* pegawai index -> unit index */
  unsigned char *kelas;      /* pegawai index -> kelas jabatan */
  char tanggal[31][11];      /* days of the month */
  int wd[31];                /* their day of the week */
  int n_hari;
};

/* The jabatan of a pegawai: id = kelas for heads (structural), 17 + kelas for staff. */
static int64_t jabatan_id(const struct plan *p, int i)
{
  const struct unit *u = &p->u[p->unit_of[i]];
  return u->pertama == i ? p->kelas[i] : 17 + p->kelas[i];
}

static int plan_make(struct plan *p, int n)
{
  memset(p, 0, sizeof *p);
  int cap = n / 4 + 2;
  p->u = calloc((size_t)cap, sizeof *p->u);
  p->unit_of = malloc((size_t)n * sizeof *p->unit_of);
  p->kelas = malloc((size_t)n);
  if (!p->u || !p->unit_of || !p->kelas) return -1;
  int placed = 0;
  while (placed < n) {
    int s = 4 + (int)rnd(43);
    if (s > n - placed) s = n - placed;
    p->u[p->nunit].pertama = placed;
    p->u[p->nunit++].size = s;
    placed += s;
  }
  p->npeg = n;
  int opd = p->nunit / UNIT_PER_OPD;
  if (opd < 1) opd = 1;
  /* staff kelas 1..13, weights in percent */
  static const int BOBOT[14] = {0, 2, 3, 5, 6, 10, 12, 14, 14, 12, 9, 6, 4, 3};
  for (int i = 0; i < p->nunit; i++) {
    struct unit *u = &p->u[i];
    u->induk = i == 0 ? -1 : i <= opd ? 0 : 1 + (i - opd - 1) % opd;
    u->jadwal_sendiri = u->induk == 0 && i % 4 == 1;
    u->khusus = u->jadwal_sendiri || (u->induk > 0 && p->u[u->induk].jadwal_sendiri);
    for (int k = 0; k < u->size; k++) {
      int g = u->pertama + k;
      p->unit_of[g] = i;
      if (k == 0) p->kelas[g] = (unsigned char)(i == 0 ? 17 : u->induk == 0 ? (i % 3 == 0 ? 16 : 15) : 9 + (int)rnd(6));
      else {
        int r = (int)rnd(100), c = 1;
        while (c < 13 && r >= BOBOT[c]) r -= BOBOT[c++];
        p->kelas[g] = (unsigned char)c;
      }
    }
  }
  p->n_hari = 0;
  int kerja = 0;
  for (int d = 1; d <= 31; d++) {
    char t[40];
    snprintf(t, sizeof t, "%04d-%02d-%02d", TAHUN, BULAN, d);
    if (!date_valid(t)) break;
    str_copy(p->tanggal[p->n_hari], 11, t);
    p->wd[p->n_hari] = hari_minggu(t);
    kerja += p->wd[p->n_hari] != 0 && p->wd[p->n_hari] != 6;
    p->n_hari++;
  }
  if (kerja != HARI_KERJA) { fprintf(stderr, "tpp_bench: %04d-%02d has %d working days, expected %d\n", TAHUN, BULAN, kerja, HARI_KERJA); return -1; }
  return 0;
}

/* Status of pegawai i (id i + 1) on day index d (0-based): NULL or the kode. */
static const char *status_hari(int i, int d, const char **dari, const char **sampai)
{
  uint32_t r = acak((uint64_t)(i + 1) * 7919u + 11u) % 1000;
  static const char *const DARI[3] = {"14", "22", "08"}, *const SAMPAI[3] = {"15", "24", "08"};
  int k = r < 30 ? 0 : r < 40 ? 1 : r < 45 ? 2 : -1;
  if (k < 0) return NULL;
  if (dari) *dari = DARI[k];
  if (sampai) *sampai = SAMPAI[k];
  int dd = d + 1;
  if (d >= 0 && (dd < atoi(DARI[k]) || dd > atoi(SAMPAI[k]))) return NULL;
  return k == 0 ? "cuti" : k == 1 ? "dinas_luar" : "sakit_dengan_surat";
}

static void jam(int menit, char out[6]) { snprintf(out, 6, "%02d:%02d", menit / 60 % 24, menit % 60); }

/* The check-in and check-out of pegawai i on working day index d ("" = none). */
static void presensi_hari(const struct plan *p, int i, int d, char masuk[6], char pulang[6])
{
  masuk[0] = pulang[0] = '\0';
  if (status_hari(i, d, NULL, NULL)) return;
  bool khusus = p->u[p->unit_of[i]].khusus;
  int wd = p->wd[d], jm = khusus ? 8 * 60 : 7 * 60 + 30, jp = wd == 5 ? (khusus ? 17 * 60 : 16 * 60 + 30) : (khusus ? 16 * 60 + 30 : 16 * 60);
  uint32_t r = acak((uint64_t)(i + 1) * 1000003u + (uint64_t)d);
  int x = (int)(r % 1000);
  int mm = jm - 25 + (int)(r >> 10) % 25;                       /* 5-29 minutes early */
  if (x < 120) mm = jm + 1 + (int)(r >> 12) % 30;               /* 1-30 late */
  else if (x < 170) mm = jm + 31 + (int)(r >> 12) % 30;         /* 31-60 */
  else if (x < 200) mm = jm + 61 + (int)(r >> 12) % 60;         /* 61-120 */
  int pm = jp + (int)(r >> 16) % 40;
  if (x >= 200 && x < 220) pm = jp - 5 - (int)(r >> 16) % 50;   /* leaves 5-54 minutes early */
  bool tanpa_masuk = (x >= 220 && x < 240) || (x >= 260 && x < 265), tanpa_pulang = (x >= 240 && x < 265);
  if (!tanpa_masuk) jam(mm, masuk);
  if (!tanpa_pulang) jam(pm, pulang);
}

/* The sanctions of pegawai i in id order: 0, 1 or 2 (one that ran out in 2025, one active in
 * the month).  About 0.3 % have the first, 0.5 % the second, 0.1 % both. */
static int sanksi_pegawai(int i, struct tpp_sanksi out[2])
{
  uint32_t r = acak((uint64_t)(i + 1) * 104729u + 7u);
  int x = (int)(r % 1000), n = 0;
  if (x == 0 || x >= 998) {
    struct tpp_sanksi *s = &out[n++];
    memset(s, 0, sizeof *s);
    str_copy(s->kode, sizeof s->kode, "HDS1");
    s->persen = 2500;
    s->mulai_tahun = 2025;
    s->mulai_bulan = 1 + (int)(r >> 12) % 3;
    s->bulan = 6;
    str_copy(s->keterangan, sizeof s->keterangan, "SK hukuman disiplin sedang (selesai)");
  }
  if (x < 5) {
    struct tpp_sanksi *s = &out[n++];
    memset(s, 0, sizeof *s);
    int k = (int)(r >> 8) % 3;
    snprintf(s->kode, sizeof s->kode, "HDS%d", k + 1);
    s->persen = 2500;
    s->mulai_tahun = TAHUN;
    s->mulai_bulan = BULAN - (int)(r >> 14) % 5;
    s->bulan = 6 + 3 * k;
    str_copy(s->keterangan, sizeof s->keterangan, "SK hukuman disiplin sedang");
  }
  return n;
}

/* Whether pegawai i has final penilaian, and the predikat of triwulan I and II. */
static bool predikat_pegawai(int i, enum predikat *q1, enum predikat *q2)
{
  uint32_t r = acak((uint64_t)(i + 1) * 15485863u + 3u);
  if (r % 1000 >= 900) return false;
  int a = (int)(r >> 10) % 1000, b = (int)(r >> 20) % 1000;
  *q2 = a < 100 ? PREDIKAT_SANGAT_BAIK : a < 850 ? PREDIKAT_BAIK : a < 950 ? PREDIKAT_BUTUH_PERBAIKAN : a < 990 ? PREDIKAT_KURANG
      : PREDIKAT_SANGAT_KURANG;
  *q1 = b < 500 ? PREDIKAT_BAIK : b < 800 ? PREDIKAT_BUTUH_PERBAIKAN : PREDIKAT_SANGAT_BAIK;
  return true;
}

/* Ratings that give predikat p (the first pair in the matrix). */
static void ratings_untuk(enum predikat p, enum rating *rh, enum rating *rp)
{
  static const enum rating R[3] = {RATING_DI_ATAS, RATING_SESUAI, RATING_DI_BAWAH};
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 3; b++)
      if (predikat_from_ratings(R[a], R[b], NULL) == p) { *rh = R[a]; *rp = R[b]; return; }
  *rh = *rp = RATING_SESUAI;
}

/* ---- the generator (child process) ---- */

static int fail_db(struct db *db, const char *what)
{
  fprintf(stderr, "tpp_bench: %s: %s\n", what, db_errmsg(db));
  return -1;
}

#define STEP(st, what) do { int s_ = db_step(st); db_done(st); if (s_ != DB_DONE) { fail_db(db, what); goto fail; } } while (0)

static char *aturan_isi(int64_t kali_persen)
{
  json_t *besaran = json_object();
  for (int k = 1; k <= 17; k++) {
    char key[16];
    snprintf(key, sizeof key, "%d", k);
    json_object_set_new(besaran, key, json_integer(BESARAN[k] * kali_persen / 100));
  }
  json_t *isi = json_pack("{s:s,s:s,s:o}", "preset", "umum_daerah", "nama", "TPP Pemkab Bench", "besaran_kelas", besaran);
  char *t = isi ? json_dumps(isi, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
  json_decref(isi);
  return t;
}

static int generate(const char *path, const struct plan *p, int64_t counts[4])
{
  char err[256] = "";
  struct db *db = db_open(path, err, sizeof err);
  if (!db) { fprintf(stderr, "tpp_bench: %s\n", err); return -1; }
  if (migrate_run(db, NULL, err, sizeof err) != 0) { fprintf(stderr, "tpp_bench: migrate: %s\n", err); db_close(db); return -1; }
  /* a bigger cache for the bulk load only (this connection is closed before the run) */
  if (db_exec(db, "PRAGMA cache_size=-262144;") != DB_OK) return fail_db(db, "pragma");
  int64_t now = now_unix();
  struct db_stmt *st;
  double t0 = now_ms();
  if (db_begin_write(db) != DB_OK) { fail_db(db, "begin"); db_close(db); return -1; }
  st = db_prepare(db, "INSERT INTO instansi (id, kode, nama, zona_waktu, dibuat) VALUES (?1, 'BENCH-TPP', 'Pemerintah Kabupaten Bench', 'WIB', ?2)");
  if (!st) goto fail;
  db_bind_int64(st, 1, INSTANSI);
  db_bind_int64(st, 2, now);
  STEP(st, "insert instansi");
  st = db_prepare(db, "INSERT INTO pengaturan (instansi_id, diubah) VALUES (?1, ?2)");
  if (!st) goto fail;
  db_bind_int64(st, 1, INSTANSI);
  db_bind_int64(st, 2, now);
  STEP(st, "insert pengaturan");
  char mulai[11], selesai[11];
  snprintf(mulai, sizeof mulai, "%04d-01-01", TAHUN);
  snprintf(selesai, sizeof selesai, "%04d-12-31", TAHUN);
  st = db_prepare(db, "INSERT INTO periode (id, instansi_id, tahun, mulai, selesai, siklus, status, dibuat)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, 'triwulanan', 'terbuka', ?6)");
  if (!st) goto fail;
  db_bind_int64(st, 1, PERIODE);
  db_bind_int64(st, 2, INSTANSI);
  db_bind_int64(st, 3, TAHUN);
  db_bind_text(st, 4, mulai);
  db_bind_text(st, 5, selesai);
  db_bind_int64(st, 6, now);
  STEP(st, "insert periode");
  /* jabatan: 1..17 structural (heads), 18..30 staff kelas 1..13 */
  for (int k = 1; k <= 30; k++) {
    int kelas = k <= 17 ? k : k - 17;
    char nama[64];
    const char *jenis;
    if (k <= 17) {
      jenis = kelas >= 15 ? "jpt" : kelas >= 12 ? "administrator" : kelas >= 9 ? "pengawas" : "pelaksana";
      snprintf(nama, sizeof nama, "Jabatan Struktural Kelas %d", kelas);
    } else {
      jenis = kelas >= 8 ? "fungsional" : "pelaksana";
      snprintf(nama, sizeof nama, "Jabatan %s Kelas %d", kelas >= 8 ? "Fungsional" : "Pelaksana", kelas);
    }
    st = db_prepare(db, "INSERT INTO jabatan (id, instansi_id, nama, jenis, kelas_jabatan) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st) goto fail;
    db_bind_int64(st, 1, k);
    db_bind_int64(st, 2, INSTANSI);
    db_bind_text(st, 3, nama);
    db_bind_text(st, 4, jenis);
    db_bind_int64(st, 5, kelas);
    STEP(st, "insert jabatan");
  }
  /* schedules: the instansi's, and one per "khusus" OPD */
  st = db_prepare(db, "INSERT INTO jadwal_kerja (instansi_id, unit_kerja_id, nama, hari_kerja, masuk, pulang, pulang_jumat, diubah)"
                      " VALUES (?1, NULL, 'Jadwal 5 hari kerja', 5, '07:30', '16:00', '16:30', ?2)");
  if (!st) goto fail;
  db_bind_int64(st, 1, INSTANSI);
  db_bind_int64(st, 2, now);
  STEP(st, "insert jadwal_kerja");
  for (int i = 0; i < p->nunit; i++) {
    const struct unit *u = &p->u[i];
    char nama[64], kode[32];
    snprintf(nama, sizeof nama, i == 0 ? "Sekretariat Daerah" : u->induk == 0 ? "Dinas %d" : "Bidang %d", i);
    snprintf(kode, sizeof kode, "T%06d", i);
    st = db_prepare(db, "INSERT INTO unit_kerja (id, instansi_id, induk_id, kode, nama) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st) goto fail;
    db_bind_int64(st, 1, i + 1);
    db_bind_int64(st, 2, INSTANSI);
    db_bind_id(st, 3, u->induk >= 0 ? u->induk + 1 : 0);
    db_bind_text(st, 4, kode);
    db_bind_text(st, 5, nama);
    STEP(st, "insert unit_kerja");
    if (u->jadwal_sendiri) {
      st = db_prepare(db, "INSERT INTO jadwal_kerja (instansi_id, unit_kerja_id, nama, hari_kerja, masuk, pulang, pulang_jumat, diubah)"
                          " VALUES (?1, ?2, 'Jadwal pelayanan', 5, '08:00', '16:30', '17:00', ?3)");
      if (!st) goto fail;
      db_bind_int64(st, 1, INSTANSI);
      db_bind_int64(st, 2, i + 1);
      db_bind_int64(st, 3, now);
      STEP(st, "insert jadwal_kerja unit");
    }
  }
  /* pegawai, SKP and penilaian */
  char q1m[11], q1s[11], q2m[11], q2s[11];
  snprintf(q1m, sizeof q1m, "%04d-01-01", TAHUN);
  snprintf(q1s, sizeof q1s, "%04d-03-31", TAHUN);
  snprintf(q2m, sizeof q2m, "%04d-04-01", TAHUN);
  snprintf(q2s, sizeof q2s, "%04d-06-30", TAHUN);
  for (int i = 0; i < p->npeg; i++) {
    const struct unit *u = &p->u[p->unit_of[i]];
    int64_t pid = i + 1;
    int64_t atasan = u->pertama != i ? u->pertama + 1 : u->induk >= 0 ? p->u[u->induk].pertama + 1 : 0;
    char nama[64], nip[32], lahir[11];
    bool perempuan = acak((uint64_t)pid * 31u) & 1;
    if (date_add_days("1965-01-01", i % 12000, lahir) != 0) goto fail;
    int tmt = 1990 + (i / 12000) % 30, bln = 1 + (i / 360000) % 12;
    snprintf(nip, sizeof nip, "%.4s%.2s%.2s%04d%02d%d%03d", lahir, lahir + 5, lahir + 8, tmt, bln, perempuan ? 2 : 1, 1 + (i / 12000 / 30) % 999);
    snprintf(nama, sizeof nama, "Pegawai TPP %07d", i + 1);
    st = db_prepare(db,
      "INSERT INTO pegawai (id, instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, jenis_asn, golongan, jabatan_id,"
      "                     unit_kerja_id, atasan_id, aktif, diubah)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'PNS', 'III/a', ?7, ?8, ?9, 1, ?10)");
    if (!st) goto fail;
    db_bind_int64(st, 1, pid);
    db_bind_int64(st, 2, INSTANSI);
    db_bind_text(st, 3, nip);
    db_bind_text(st, 4, nama);
    db_bind_text(st, 5, perempuan ? "P" : "L");
    db_bind_text(st, 6, lahir);
    db_bind_int64(st, 7, jabatan_id(p, i));
    db_bind_int64(st, 8, p->unit_of[i] + 1);
    db_bind_id(st, 9, atasan);
    db_bind_int64(st, 10, now);
    STEP(st, "insert pegawai");
    enum predikat q1, q2;
    if (!predikat_pegawai(i, &q1, &q2)) continue;
    int64_t penilai = atasan ? atasan : pid;
    st = db_prepare(db,
      "INSERT INTO skp (instansi_id, periode_id, pegawai_id, jabatan_id, unit_kerja_id, penilai_id, mulai, selesai, jenis,"
      "                 pendekatan, status, diajukan, disetujui, diubah, dibuat)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'kuantitatif', 'disetujui', ?10, ?10, ?10, ?10) RETURNING id");
    if (!st) goto fail;
    db_bind_int64(st, 1, INSTANSI);
    db_bind_int64(st, 2, PERIODE);
    db_bind_int64(st, 3, pid);
    db_bind_int64(st, 4, jabatan_id(p, i));
    db_bind_int64(st, 5, p->unit_of[i] + 1);
    db_bind_int64(st, 6, penilai);
    db_bind_text(st, 7, mulai);
    db_bind_text(st, 8, selesai);
    db_bind_text(st, 9, p->kelas[i] >= 15 ? "jpt" : "ja_jf");
    db_bind_int64(st, 10, now);
    int64_t skp = db_step(st) == DB_ROW ? db_col_int64(st, 0) : 0;
    db_done(st);
    if (!skp) { fail_db(db, "insert skp"); goto fail; }
    counts[2]++;
    for (int q = 1; q <= 2; q++) {
      enum predikat pk = q == 1 ? q1 : q2;
      enum rating rh, rp;
      ratings_untuk(pk, &rh, &rp);
      char isi[160], hash[65];
      snprintf(isi, sizeof isi, "%lld|periodik|%d|%s|%s|%s", (long long)skp, q, rating_kode(rh), rating_kode(rp), predikat_kode(pk));
      hash_hex(isi, strlen(isi), hash);
      st = db_prepare(db,
        "INSERT INTO penilaian (instansi_id, skp_id, pegawai_id, penilai_id, unit_kerja_id, jenis, periode_ke, mulai, selesai,"
        "                       rating_hasil, rating_perilaku, predikat, catatan, status, hash, difinalkan, dibuat, diubah)"
        " VALUES (?1, ?2, ?3, ?4, ?5, 'periodik', ?6, ?7, ?8, ?9, ?10, ?11, 'Pertahankan kinerja.', 'final', ?12, ?13, ?13, ?13)");
      if (!st) goto fail;
      db_bind_int64(st, 1, INSTANSI);
      db_bind_int64(st, 2, skp);
      db_bind_int64(st, 3, pid);
      db_bind_int64(st, 4, penilai);
      db_bind_int64(st, 5, p->unit_of[i] + 1);
      db_bind_int64(st, 6, q);
      db_bind_text(st, 7, q == 1 ? q1m : q2m);
      db_bind_text(st, 8, q == 1 ? q1s : q2s);
      db_bind_text(st, 9, rating_kode(rh));
      db_bind_text(st, 10, rating_kode(rp));
      db_bind_text(st, 11, predikat_kode(pk));
      db_bind_text(st, 12, hash);
      db_bind_int64(st, 13, now);
      STEP(st, "insert penilaian");
    }
  }
  /* statuses and sanctions */
  for (int i = 0; i < p->npeg; i++) {
    const char *dari = NULL, *sampai = NULL, *s = status_hari(i, -1, &dari, &sampai);
    if (s) {
      char d1[11], d2[11];
      snprintf(d1, sizeof d1, "%04d-%02d-%s", TAHUN, BULAN, dari);
      snprintf(d2, sizeof d2, "%04d-%02d-%s", TAHUN, BULAN, sampai);
      st = db_prepare(db, "INSERT INTO presensi_status (instansi_id, pegawai_id, status, dari, sampai, keterangan, dibuat)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      if (!st) goto fail;
      db_bind_int64(st, 1, INSTANSI);
      db_bind_int64(st, 2, i + 1);
      db_bind_text(st, 3, s);
      db_bind_text(st, 4, d1);
      db_bind_text(st, 5, d2);
      db_bind_text(st, 6, !strcmp(s, "cuti") ? "Cuti tahunan" : !strcmp(s, "dinas_luar") ? "Rapat koordinasi di provinsi" : "Surat dokter");
      db_bind_int64(st, 7, now);
      STEP(st, "insert presensi_status");
      counts[1]++;
    }
    struct tpp_sanksi sk[2];
    int n = sanksi_pegawai(i, sk);
    for (int k = 0; k < n; k++) {
      char m[16];
      snprintf(m, sizeof m, "%04d-%02d", sk[k].mulai_tahun, sk[k].mulai_bulan);
      st = db_prepare(db, "INSERT INTO tpp_sanksi (instansi_id, pegawai_id, kode, persen, mulai, bulan, keterangan, dibuat)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      if (!st) goto fail;
      db_bind_int64(st, 1, INSTANSI);
      db_bind_int64(st, 2, i + 1);
      db_bind_text(st, 3, sk[k].kode);
      db_bind_int64(st, 4, sk[k].persen);
      db_bind_text(st, 5, m);
      db_bind_int64(st, 6, sk[k].bulan);
      db_bind_text(st, 7, sk[k].keterangan);
      db_bind_int64(st, 8, now);
      STEP(st, "insert tpp_sanksi");
      counts[3]++;
    }
  }
  /* the TPP tables: last year's (90 % of the amounts) and this year's */
  for (int k = 0; k < 2; k++) {
    char *isi = aturan_isi(k == 0 ? 90 : 100);
    if (!isi) goto fail;
    st = db_prepare(db,
      "INSERT INTO tpp_aturan (instansi_id, nama, status, berlaku_mulai, isi, dari_preset, dibuat, diubah)"
      " VALUES (?1, ?2, 'aktif', ?3, ?4, 'umum_daerah', ?5, ?5)");
    if (!st) { free(isi); goto fail; }
    db_bind_int64(st, 1, INSTANSI);
    db_bind_text(st, 2, k == 0 ? "TPP Pemkab Bench 2025" : "TPP Pemkab Bench 2026");
    db_bind_text(st, 3, k == 0 ? "2025-01" : "2026-01");
    db_bind_text(st, 4, isi);
    db_bind_int64(st, 5, now);
    int s = db_step(st);
    db_done(st);
    free(isi);
    if (s != DB_DONE) { fail_db(db, "insert tpp_aturan"); goto fail; }
  }
  if (db_commit(db) != DB_OK) goto fail;
  double t1 = now_ms();
  fprintf(stderr, "tpp_bench: %d pegawai in %d units, %lld SKP, %lld statuses, %lld sanctions in %.0f ms\n", p->npeg, p->nunit,
          (long long)counts[2], (long long)counts[1], (long long)counts[3], t1 - t0);
  /* presensi, day by day as a daily machine sync writes them (one transaction per day) */
  for (int d = 0; d < p->n_hari; d++) {
    if (p->wd[d] == 0 || p->wd[d] == 6) continue;
    if (db_begin_write(db) != DB_OK) goto fail;
    for (int i = 0; i < p->npeg; i++) {
      char masuk[6], pulang[6];
      presensi_hari(p, i, d, masuk, pulang);
      st = db_prepare(db, "INSERT INTO presensi (pegawai_id, tanggal, instansi_id, masuk, pulang, sumber, baris, diubah)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, 'Mesin sidik jari', NULL, ?6)");
      if (!st) goto fail;
      db_bind_int64(st, 1, i + 1);
      db_bind_text(st, 2, p->tanggal[d]);
      db_bind_int64(st, 3, INSTANSI);
      db_bind_text(st, 4, masuk[0] ? masuk : NULL);
      db_bind_text(st, 5, pulang[0] ? pulang : NULL);
      db_bind_int64(st, 6, now);
      STEP(st, "insert presensi");
      counts[0]++;
    }
    if (db_commit(db) != DB_OK) goto fail;
  }
  double t2 = now_ms();
  fprintf(stderr, "tpp_bench: %lld presensi rows in %.0f ms\n", (long long)counts[0], t2 - t1);
  /* no ANALYZE by default: kinerja never runs it, so a production database has no sqlite_stat1
   * (TPP_BENCH_ANALYZE=1 runs it, to see the plans the statistics give) */
  const char *an = getenv("TPP_BENCH_ANALYZE");
  bool analyze = an && !strcmp(an, "1");
  if (db_exec(db, analyze ? "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" : "PRAGMA wal_checkpoint(TRUNCATE);") != DB_OK) {
    fail_db(db, "checkpoint");
    db_close(db);
    return -1;
  }
  fprintf(stderr, "tpp_bench: %scheckpoint in %.0f ms\n", analyze ? "ANALYZE + " : "", now_ms() - t2);
  db_close(db);
  return 0;
fail:
  fail_db(db, "generating the instansi");
  db_rollback(db);
  db_close(db);
  return -1;
}

/* ---- the engine on the generator's own inputs ---- */

static void masukan_pegawai(const struct plan *p, int i, struct tpp_masukan *m)
{
  memset(m, 0, sizeof *m);
  m->tahun = TAHUN;
  m->bulan = BULAN;
  m->kelas_jabatan = p->kelas[i];
  enum predikat q1, q2;
  m->predikat = predikat_pegawai(i, &q1, &q2) ? q2 : PREDIKAT_BAIK;
  bool khusus = p->u[p->unit_of[i]].khusus;
  for (int d = 0; d < p->n_hari; d++) {
    int wd = p->wd[d];
    if (wd == 0 || wd == 6) continue;
    struct tpp_hari *h = &m->hari[m->n_hari++];
    str_copy(h->tanggal, sizeof h->tanggal, p->tanggal[d]);
    h->jadwal_masuk = khusus ? 8 * 60 : 7 * 60 + 30;
    h->jadwal_pulang = wd == 5 ? (khusus ? 17 * 60 : 16 * 60 + 30) : (khusus ? 16 * 60 + 30 : 16 * 60);
    h->masuk = h->pulang = TPP_TIDAK_ADA;
    const char *s = status_hari(i, d, NULL, NULL);
    if (s) { tpp_status_dari_kode(s, &h->status); continue; }
    h->status = TPP_HADIR;
    char masuk[6], pulang[6];
    presensi_hari(p, i, d, masuk, pulang);
    if (masuk[0]) tpp_jam_dari_teks(masuk, &h->masuk);
    if (pulang[0]) tpp_jam_dari_teks(pulang, &h->pulang);
  }
  struct tpp_sanksi sk[2];
  m->n_sanksi = sanksi_pegawai(i, sk);
  memcpy(m->sanksi, sk, (size_t)m->n_sanksi * sizeof sk[0]);
}

struct periksa {
  int64_t baris, galat, tidak_konsisten, beda, jumlah, engine_jumlah, dengan_sanksi, dengan_potongan, pegawai_bulan, jumlah_bulan;
  int64_t rincian_bytes;
  double engine_ms;
};

/* Every stored row against tpp_hitung() on the generator's inputs. */
static int periksa_hasil(struct db *db, int64_t bulan_id, const struct plan *p, struct periksa *c)
{
  memset(c, 0, sizeof *c);
  struct tpp_aturan *a = malloc(sizeof *a);
  struct tpp_masukan *m = malloc(sizeof *m);
  struct tpp_hasil *h = malloc(sizeof *h);
  int rc = -1;
  if (!a || !m || !h) goto out;
  if (tpp_preset("umum_daerah", a) != 0) goto out;
  for (int k = 1; k <= 17; k++) a->besaran[k] = BESARAN[k];
  db_query_int64(db, "SELECT pegawai FROM tpp_bulan WHERE id = ?1", 1, bulan_id, &c->pegawai_bulan);
  db_query_int64(db, "SELECT jumlah FROM tpp_bulan WHERE id = ?1", 1, bulan_id, &c->jumlah_bulan);
  if (db_begin(db) != DB_OK) goto out;
  struct db_stmt *st = db_prepare(db,
    "SELECT pegawai_id, kelas_jabatan, predikat, dasar, kinerja, disiplin, potongan_persen, potongan_presensi, potongan_sanksi, jumlah,"
    "       galat, length(rincian) FROM tpp_hasil WHERE bulan_id = ?1 ORDER BY pegawai_id");
  if (!st) { db_rollback(db); goto out; }
  db_bind_int64(st, 1, bulan_id);
  int shown = 0;
  while (db_step(st) == DB_ROW) {
    c->baris++;
    int64_t pid = db_col_int64(st, 0), dasar = db_col_int64(st, 3), kin = db_col_int64(st, 4), dis = db_col_int64(st, 5),
            pp = db_col_int64(st, 6), ps = db_col_int64(st, 8), jml = db_col_int64(st, 9);
    c->jumlah += jml;
    c->rincian_bytes += db_col_int64(st, 11);
    if (!db_col_is_null(st, 10)) c->galat++;
    if (jml != kin + dis - ps) c->tidak_konsisten++;
    if (ps > 0) c->dengan_sanksi++;
    if (pp > 0) c->dengan_potongan++;
    int i = (int)pid - 1;
    if (i < 0 || i >= p->npeg) { c->beda++; continue; }
    double t0 = now_ms();
    masukan_pegawai(p, i, m);
    struct tpp_galat g;
    int k = tpp_hitung(a, m, h, &g);
    c->engine_ms += now_ms() - t0;
    bool sama = k == 0 && h->dasar == dasar && h->kinerja == kin && h->disiplin == dis && h->potongan_persen == pp &&
                h->potongan_sanksi == ps && h->jumlah == jml && db_col_int64(st, 1) == p->kelas[i] &&
                !strcmp(db_col_text(st, 2), predikat_kode(m->predikat));
    if (k == 0) c->engine_jumlah += h->jumlah;
    if (!sama) {
      c->beda++;
      if (shown++ < 5)
        fprintf(stderr, "tpp_bench: pegawai %lld: stored kelas %lld %s dasar %lld kinerja %lld disiplin %lld potongan %lld bp sanksi %lld"
                        " jumlah %lld; engine %s: kelas %d %s dasar %lld kinerja %lld disiplin %lld potongan %d bp sanksi %lld jumlah %lld\n",
                (long long)pid, (long long)db_col_int64(st, 1), db_col_text(st, 2), (long long)dasar, (long long)kin, (long long)dis,
                (long long)pp, (long long)ps, (long long)jml, k == 0 ? "ok" : g.pesan, p->kelas[i], predikat_kode(m->predikat),
                (long long)h->dasar, (long long)h->kinerja, (long long)h->disiplin, h->potongan_persen, (long long)h->potongan_sanksi,
                (long long)h->jumlah);
    }
  }
  db_done(st);
  db_commit(db);
  rc = 0;
out:
  free(a);
  free(m);
  free(h);
  return rc;
}

/* ---- the ceiling ---- */

static int scan_pass(sqlite3 *c, int64_t *rows, int64_t *sum)
{
  sqlite3_stmt *st = NULL;
  char dari[11], sampai[11];
  snprintf(dari, sizeof dari, "%04d-%02d-01", TAHUN, BULAN);
  snprintf(sampai, sizeof sampai, "%04d-%02d-31", TAHUN, BULAN);
  *rows = *sum = 0;
  if (sqlite3_prepare_v2(c, "SELECT pegawai_id, tanggal, masuk, pulang FROM presensi WHERE tanggal BETWEEN ?1 AND ?2", -1, &st, NULL) != SQLITE_OK)
    goto fail;
  sqlite3_bind_text(st, 1, dari, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, sampai, -1, SQLITE_STATIC);
  int s;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    const unsigned char *t = sqlite3_column_text(st, 1), *a = sqlite3_column_text(st, 2), *b = sqlite3_column_text(st, 3);
    *sum += sqlite3_column_int64(st, 0) + (t ? t[9] : 0) + (a ? a[4] : 0) + (b ? b[4] : 0);
    (*rows)++;
  }
  sqlite3_finalize(st);
  if (s != SQLITE_DONE) goto fail;
  return 0;
fail:
  fprintf(stderr, "tpp_bench: scan: %s\n", sqlite3_errmsg(c));
  return -1;
}

/* The same rows one pegawai at a time through the primary key (the run's query). */
static int lookup_pass(sqlite3 *c, int npeg, int64_t *rows)
{
  sqlite3_stmt *st = NULL;
  char dari[11], sampai[11];
  snprintf(dari, sizeof dari, "%04d-%02d-01", TAHUN, BULAN);
  snprintf(sampai, sizeof sampai, "%04d-%02d-31", TAHUN, BULAN);
  *rows = 0;
  if (sqlite3_prepare_v2(c, "SELECT tanggal, masuk, pulang FROM presensi WHERE pegawai_id = ?1 AND tanggal BETWEEN ?2 AND ?3", -1, &st,
                         NULL) != SQLITE_OK)
    goto fail;
  sqlite3_bind_text(st, 2, dari, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, sampai, -1, SQLITE_STATIC);
  for (int i = 1; i <= npeg; i++) {
    sqlite3_bind_int64(st, 1, i);
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) (*rows)++;
    sqlite3_reset(st);
    if (s != SQLITE_DONE) goto fail;
  }
  sqlite3_finalize(st);
  return 0;
fail:
  fprintf(stderr, "tpp_bench: lookup: %s\n", sqlite3_errmsg(c));
  sqlite3_finalize(st);
  return -1;
}

int main(int argc, char **argv)
{
  if (argc < 2 || argc > 4) {
    fprintf(stderr, "usage: tpp_bench DB [PEGAWAI [RUNS]]\n");
    return 2;
  }
  long npeg = parse_arg(argc > 2 ? argv[2] : NULL, 100000, MIN_PEGAWAI, MAX_PEGAWAI);
  long runs = parse_arg(argc > 3 ? argv[3] : NULL, 1, 1, 2);
  if (npeg < 0 || runs < 0) {
    fprintf(stderr, "tpp_bench: PEGAWAI must be %d-%d, RUNS 1 or 2\n", MIN_PEGAWAI, MAX_PEGAWAI);
    return 2;
  }
  if (sodium_init() < 0) { fprintf(stderr, "tpp_bench: sodium_init failed\n"); return 1; }
  if (access(argv[1], F_OK) == 0) { fprintf(stderr, "tpp_bench: %s exists; give a new path\n", argv[1]); return 2; }

  struct plan p;
  if (plan_make(&p, (int)npeg) != 0) return 1;
  int64_t counts[4] = {0};   /* presensi, statuses, SKP, sanctions (the child's; re-counted below) */
  double t0 = now_ms();
  fflush(NULL);
  pid_t child = fork();
  if (child < 0) { perror("tpp_bench: fork"); return 1; }
  if (child == 0) _exit(generate(argv[1], &p, counts) == 0 ? 0 : 1);
  int wst = 0;
  if (waitpid(child, &wst, 0) != child || !WIFEXITED(wst) || WEXITSTATUS(wst) != 0) {
    fprintf(stderr, "tpp_bench: the generator failed\n");
    return 1;
  }
  double gen_ms = now_ms() - t0;
  struct stat sb;
  int64_t db_bytes_before = stat(argv[1], &sb) == 0 ? (int64_t)sb.st_size : 0;

  int ret = 1;
  char err[256] = "";
  sqlite3 *c = NULL;
  struct db *db = db_open(argv[1], err, sizeof err);
  if (!db) { fprintf(stderr, "tpp_bench: %s\n", err); goto done; }
  db_query_int64(db, "SELECT count(*) FROM presensi", 0, 0, &counts[0]);
  db_query_int64(db, "SELECT count(*) FROM presensi_status", 0, 0, &counts[1]);
  db_query_int64(db, "SELECT count(*) FROM penilaian WHERE status = 'final'", 0, 0, &counts[2]);
  db_query_int64(db, "SELECT count(*) FROM tpp_sanksi", 0, 0, &counts[3]);
  fprintf(stderr, "tpp_bench: generated in %.0f ms (%lld presensi rows, %lld statuses, %lld final penilaian, %lld sanctions; %.0f MB)\n",
          gen_ms, (long long)counts[0], (long long)counts[1], (long long)counts[2], (long long)counts[3], db_bytes_before / 1048576.0);

  /* the run */
  malloc_trim(0);
  long rss0 = status_kb("VmRSS");
  bool hwm_ok = hwm_reset();
  struct audit_actor who = {0, "bench-tpp"};
  int http = 0;
  const char *pesan = NULL;
  int64_t bulan_id = 0;
  double run_ms[2] = {0, 0}, cpu_ms[2] = {0, 0};
  long hwm[2] = {-1, -1}, rss1[2] = {-1, -1};
  for (int k = 0; k < runs; k++) {
    t0 = now_ms();
    double c0 = cpu_now_ms();
    if (db_begin_write(db) != DB_OK) { fprintf(stderr, "tpp_bench: begin: %s\n", db_errmsg(db)); goto done; }
    int rc = tpp_bulan_hitung(db, INSTANSI, TAHUN, BULAN, &who, &http, &pesan, &bulan_id);
    if (rc != 0) {
      fprintf(stderr, "tpp_bench: tpp_bulan_hitung returned %d (http %d: %s) %s\n", rc, http, pesan ? pesan : "", db_errmsg(db));
      db_rollback(db);
      goto done;
    }
    if (db_commit(db) != DB_OK) { fprintf(stderr, "tpp_bench: commit: %s\n", db_errmsg(db)); goto done; }
    run_ms[k] = now_ms() - t0;
    cpu_ms[k] = cpu_now_ms() - c0;
    hwm[k] = hwm_ok ? status_kb("VmHWM") : -1;
    rss1[k] = status_kb("VmRSS");
    fprintf(stderr, "tpp_bench: %s: %.0f ms (CPU %.0f ms; %.0f pegawai/s), RSS %ld -> %ld kB, peak %ld kB\n", k ? "recompute" : "run", run_ms[k], cpu_ms[k],
            npeg / (run_ms[k] / 1000.0), rss0, rss1[k], hwm[k]);
    if (k == 0 && runs > 1) hwm_ok = hwm_reset();
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  long maxrss = ru.ru_maxrss;

  struct periksa chk;
  if (periksa_hasil(db, bulan_id, &p, &chk) != 0) { fprintf(stderr, "tpp_bench: reading the results: %s\n", db_errmsg(db)); goto done; }
  int64_t db_bytes_after = stat(argv[1], &sb) == 0 ? (int64_t)sb.st_size : 0;

  /* the ceiling's memory: the peak over the RSS before its connection was opened */
  malloc_trim(0);
  long rss_c0 = status_kb("VmRSS");
  bool hwm_c = hwm_reset();
  if (sqlite3_open_v2(argv[1], &c, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_exec(c, "PRAGMA cache_size=-16000;", NULL, NULL, NULL) != SQLITE_OK) {
    fprintf(stderr, "tpp_bench: ceiling connection: %s\n", c ? sqlite3_errmsg(c) : "out of memory");
    goto done;
  }
  double scan[3] = {0}, scan_mean = 0, scan_min = 0;
  int64_t rows = 0, sum = 0;
  for (int k = -1; k < 3; k++) {
    t0 = now_ms();
    if (scan_pass(c, &rows, &sum) != 0) goto done;
    double ms = now_ms() - t0;
    if (k >= 0) { scan[k] = ms; scan_mean += ms / 3; scan_min = k == 0 || ms < scan_min ? ms : scan_min; }
  }
  long scan_peak = hwm_c ? status_kb("VmHWM") : -1;
  int64_t lrows = 0;
  t0 = now_ms();
  if (lookup_pass(c, (int)npeg, &lrows) != 0) goto done;
  double lookup_ms = now_ms() - t0;
  fprintf(stderr, "tpp_bench: ceiling scan %.0f / %.0f / %.0f ms (%lld rows), per-pegawai lookups %.0f ms (%lld rows)\n", scan[0], scan[1],
          scan[2], (long long)rows, lookup_ms, (long long)lrows);

  bool ok = true;
#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, "tpp_bench: " __VA_ARGS__); fputc('\n', stderr); ok = false; } } while (0)
  CHECK(counts[0] == npeg * HARI_KERJA, "%lld presensi rows, expected %lld", (long long)counts[0], (long long)(npeg * HARI_KERJA));
  CHECK(chk.baris == npeg, "%lld tpp_hasil rows, expected one per pegawai (%ld)", (long long)chk.baris, npeg);
  CHECK(chk.pegawai_bulan == npeg, "tpp_bulan.pegawai is %lld, expected %ld", (long long)chk.pegawai_bulan, npeg);
  CHECK(chk.galat == 0, "%lld rows could not be computed (galat)", (long long)chk.galat);
  CHECK(chk.jumlah_bulan > 0, "the month's total is %lld", (long long)chk.jumlah_bulan);
  CHECK(chk.jumlah_bulan == chk.jumlah, "tpp_bulan.jumlah %lld, the rows sum to %lld", (long long)chk.jumlah_bulan, (long long)chk.jumlah);
  CHECK(chk.tidak_konsisten == 0, "%lld rows where jumlah != kinerja + disiplin - potongan_sanksi", (long long)chk.tidak_konsisten);
  CHECK(chk.beda == 0, "%lld rows differ from tpp_hitung() on the generated inputs", (long long)chk.beda);
  CHECK(chk.engine_jumlah == chk.jumlah, "the engine's total %lld, stored %lld", (long long)chk.engine_jumlah, (long long)chk.jumlah);
  CHECK(chk.dengan_sanksi > 0 && chk.dengan_potongan > 0, "no row with a sanction (%lld) or a deduction (%lld)", (long long)chk.dengan_sanksi,
        (long long)chk.dengan_potongan);
  CHECK(rows == npeg * HARI_KERJA && lrows == rows, "the ceiling saw %lld rows (lookups %lld), expected %lld", (long long)rows, (long long)lrows,
        (long long)(npeg * HARI_KERJA));
#undef CHECK

  char recompute[32] = "null";
  if (runs > 1) snprintf(recompute, sizeof recompute, "%.1f", run_ms[1]);
  printf("{\"pegawai\":%ld,\"units\":%d,\"tahun\":%d,\"bulan\":%d,\"hari_kerja\":%d,\"presensi\":%lld,\"status\":%lld,\"penilaian_final\":%lld,"
         "\"sanksi\":%lld,\"generate_ms\":%.0f,\"db_mb\":%.1f,\"db_mb_after\":%.1f,"
         "\"run_ms\":%.1f,\"run_cpu_ms\":%.1f,\"recompute_cpu_ms\":%.1f,\"pegawai_per_s\":%.0f,\"recompute_ms\":%s,\"peak_rss_recompute_kb\":%ld,"
         "\"rss_before_kb\":%ld,\"rss_after_kb\":%ld,\"peak_rss_run_kb\":%ld,\"rss_growth_kb\":%ld,\"ru_maxrss_kb\":%ld,"
         "\"rows\":%lld,\"jumlah\":%lld,\"rows_with_deduction\":%lld,\"rows_with_sanction\":%lld,\"rincian_avg_bytes\":%.0f,"
         "\"engine_ms\":%.1f,\"engine_mismatch\":%lld,\"inconsistent\":%lld,\"galat\":%lld,"
         "\"scan_ms_mean\":%.1f,\"scan_ms_min\":%.1f,\"scan_rows\":%lld,\"scan_rss_before_kb\":%ld,\"scan_peak_rss_kb\":%ld,"
         "\"scan_rss_growth_kb\":%ld,\"lookup_ms\":%.1f,\"ok\":%s}\n",
         npeg, p.nunit, TAHUN, BULAN, HARI_KERJA, (long long)counts[0], (long long)counts[1], (long long)counts[2], (long long)counts[3], gen_ms,
         db_bytes_before / 1048576.0, db_bytes_after / 1048576.0, run_ms[0], cpu_ms[0], cpu_ms[1], npeg / (run_ms[0] / 1000.0),
         recompute, runs > 1 ? hwm[1] : -1L, rss0, rss1[0], hwm[0], hwm[0] >= 0 ? hwm[0] - rss0 : -1, maxrss, (long long)chk.baris,
         (long long)chk.jumlah_bulan, (long long)chk.dengan_potongan, (long long)chk.dengan_sanksi,
         chk.baris ? (double)chk.rincian_bytes / (double)chk.baris : 0.0, chk.engine_ms, (long long)chk.beda, (long long)chk.tidak_konsisten,
         (long long)chk.galat, scan_mean, scan_min, (long long)rows, rss_c0, scan_peak, scan_peak >= 0 ? scan_peak - rss_c0 : -1, lookup_ms, ok ? "true" : "false");
  fprintf(stderr, "tpp_bench: run %.0f ms, ceiling %.0f ms, ratio %.3f; Rp%lld for %lld pegawai\n", run_ms[0], scan_mean,
          scan_mean / run_ms[0], (long long)chk.jumlah_bulan, (long long)chk.baris);
  ret = ok ? 0 : 1;
done:
  if (c) sqlite3_close(c);
  db_close(db);
  free(p.u);
  free(p.unit_of);
  free(p.kelas);
  return ret;
}
