/* dasbor_gen.c: an instansi-sized dataset for the dashboards (issue 8), bench scenario i.
 *
 *   dasbor_gen DB [PEGAWAI [UNIT_PEGAWAI]]      (defaults 50000, 1000)
 *
 * DB is an existing kinerja database holding the demo instansi (`kinerja demo --pegawai 10`):
 * the generator adds to the instansi of the `admin` account, so that the demo's accounts and
 * tokens work on it.  Written with plain sqlite3 (one prepared statement per table, reused, a
 * transaction per OPD); linked against build/rel/libkinerja.a only for the rules and date
 * helpers (predikat_from_ratings, kode strings, hash_hex, date_add_days, hari_minggu), so that
 * the stored predikat is the one the matrix gives.  Fixed-seed PRNG: the same data every run
 * (apart from the dates, which follow today's date in the instansi's timezone).
 *
 * What is generated (N = PEGAWAI, U = UNIT_PEGAWAI):
 *  - max(4, N / 1250) OPD units (roots of the unit tree, like the demo's), each with 5-15 bidang
 *    and 0-3 seksi under each bidang; every unit is headed by its first pegawai (jpt /
 *    administrator / pengawas), the others pelaksana or fungsional with the head as atasan; a
 *    bidang head's atasan is the OPD head, an OPD head's the demo's `pimpinan` (Sekretaris
 *    Daerah).  The middle OPD's subtree holds exactly U pegawai (the unit dashboard's subject;
 *    generated mid-way so that its rows are neither the first nor the last of any index), the
 *    other N - U are spread over the other OPDs (weights 0.5-1.5).  About 5 % of an OPD's
 *    pegawai sit in the OPD unit itself (kepala + kelompok jabatan fungsional).
 *  - per pegawai an SKP for the current year's periode (97 % disetujui, the rest draft /
 *    diajukan / dikembalikan) with 2 utama RHK (staff RHK intervene their head's first RHK), one
 *    IKI each: "12 laporan" (count) and "100 %" (rate);
 *  - monthly realisasi of both IKI of every approved SKP for months 1 .. last complete month:
 *    earlier months disetujui, the last month 65 % disetujui, 20 % diajukan, 15 % not filed;
 *  - a tahunan penilaian of every approved SKP (95 % final with ratings and predikat, 5 % draft)
 *    and a final periodik one for the last complete quarter; ratings by unit grade as in
 *    bench/penilaian_bench.c; a predikat organisasi per unit for the year (~15 % istimewa,
 *    70 % baik, 10 % butuh perbaikan, 4 % kurang, 1 % sangat kurang);
 *  - activities (aktivitas): for the U pegawai of the middle OPD every working day of the 365
 *    days ending today (Mon-Fri, not a hari_libur; 5 % of days skipped, a second activity on
 *    10 %: ~250 per pegawai, ~250 k rows for U = 1000); the days before 1 January hang on an
 *    approved SKP of the previous year's periode (created here).  The other N - U pegawai log
 *    the same way but only in the last 28 days (~20 working days), to keep the table at ~1.3 M
 *    rows.  3 % of pegawai stopped logging 8-30 working days ago (risk signal).  Older than 7
 *    days: 97 % disetujui, 3 % dikembalikan; the last 7 days 60 % diajukan (review queue);
 *  - hari_libur: the fixed-date national holidays of the two years (INSERT OR IGNORE).
 * No ANALYZE (kinerja never runs it, so a production database has no sqlite_stat1 either).
 *
 * Prints one JSON object on stdout: {"instansi_id", "unit_id" (the U-pegawai OPD), "tahun",
 * "hari_ini", counts per table, "generate_ms"}.  Progress and errors on stderr; exit 1 on error.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>
#include <sqlite3.h>

#include "rules/aktivitas_aturan.h"
#include "rules/kurva.h"
#include "rules/predikat.h"
#include "util/util.h"

#define MAX_PEGAWAI 1000000
#define HARI_TAHUN 365
#define HARI_LAIN 28

static sqlite3 *db;

static double now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* xorshift64*, fixed seed */
static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint32_t rnd(uint32_t n)
{
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return (uint32_t)((rng * 2685821657736338717ULL) >> 33) % n;
}

static int gagal(const char *what)
{
  fprintf(stderr, "dasbor_gen: %s: %s\n", what, sqlite3_errmsg(db));
  return -1;
}

static sqlite3_stmt *siap(const char *sql)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
    gagal(sql);
    return NULL;
  }
  return st;
}

/* Binds ?1.. from fmt ('i' int64, 'I' int64 or NULL when 0, 't' text or NULL when NULL), steps
 * once, resets.  Returns the new rowid (>0), or -1. */
static int64_t jalan(sqlite3_stmt *st, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  for (int i = 0; fmt[i]; i++) {
    if (fmt[i] == 'i') sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
    else if (fmt[i] == 'I') {
      int64_t v = va_arg(ap, int64_t);
      if (v) sqlite3_bind_int64(st, i + 1, v); else sqlite3_bind_null(st, i + 1);
    } else {
      const char *s = va_arg(ap, const char *);
      if (s) sqlite3_bind_text(st, i + 1, s, -1, SQLITE_TRANSIENT); else sqlite3_bind_null(st, i + 1);
    }
  }
  va_end(ap);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return gagal(sqlite3_sql(st));
  return sqlite3_last_insert_rowid(db);
}

static int64_t satu(const char *sql)
{
  sqlite3_stmt *st = NULL;
  int64_t v = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return gagal(sql);
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

static int exec(const char *sql)
{
  char *err = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "dasbor_gen: %s: %s\n", sql, err ? err : "?");
    sqlite3_free(err);
    return -1;
  }
  return 0;
}

static const char *const DEPAN[] = {
  "Agus", "Ahmad", "Andi", "Ani", "Arif", "Bambang", "Budi", "Citra", "Dedi", "Dewi", "Dian", "Eka", "Endang", "Fajar",
  "Fitri", "Gita", "Hadi", "Hendra", "Indah", "Irfan", "Joko", "Kartika", "Lestari", "Made", "Maya", "Nur", "Putri",
  "Rahmat", "Rina", "Rudi", "Sari", "Siti", "Slamet", "Sri", "Taufik", "Tri", "Wahyu", "Wayan", "Yuni", "Yusuf"};
static const char *const BELAKANG[] = {
  "Hidayat", "Kurniawan", "Lubis", "Manurung", "Nasution", "Nugroho", "Pratama", "Purnomo", "Rahmawati", "Santoso",
  "Saputra", "Setiawan", "Siregar", "Sitompul", "Suharto", "Susanti", "Utami", "Wibowo", "Wijaya", "Yulianti",
  "Pattimura", "Hutapea", "Simanjuntak", "Gunawan", "Halim", "Harahap", "Firmansyah", "Ramadhan", "Permana", "Anggraini"};
static const char *const OPD[] = {
  "Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Sosial",
  "Dinas Perhubungan", "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Pertanian",
  "Dinas Perikanan", "Dinas Koperasi dan UKM", "Dinas Perdagangan", "Dinas Perindustrian", "Dinas Pariwisata",
  "Dinas Pemuda dan Olahraga", "Dinas Komunikasi dan Informatika", "Dinas Penanaman Modal dan PTSP",
  "Dinas Tenaga Kerja", "Dinas Perumahan dan Kawasan Permukiman", "Dinas Ketahanan Pangan", "Dinas Perpustakaan dan Kearsipan",
  "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Pengendalian Penduduk dan KB", "Dinas Pemberdayaan Perempuan",
  "Badan Perencanaan Pembangunan Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah", "Badan Pendapatan Daerah",
  "Badan Penanggulangan Bencana Daerah", "Badan Kesatuan Bangsa dan Politik", "Satuan Polisi Pamong Praja",
  "Sekretariat DPRD", "Rumah Sakit Umum Daerah", "Dinas Pemadam Kebakaran", "Dinas Peternakan", "Dinas Kehutanan",
  "Dinas Energi dan Sumber Daya Mineral", "Dinas Kelautan", "Dinas Sumber Daya Air", "Dinas Bina Marga",
  "Dinas Cipta Karya", "Dinas Tata Ruang"};
static const char *const BIDANG[] = {
  "Sekretariat", "Bidang Perencanaan", "Bidang Pelayanan", "Bidang Pembinaan", "Bidang Pengawasan", "Bidang Data dan Informasi",
  "Bidang Sarana dan Prasarana", "Bidang Pengembangan", "Bidang Pengendalian", "Bidang Kerja Sama", "Bidang Penelitian",
  "Bidang Sumber Daya", "Bidang Operasional", "Bidang Evaluasi", "Bidang Pemberdayaan"};
static const char *const URAIAN[] = {
  "Menyusun konsep surat dinas", "Mengolah data capaian program", "Rapat koordinasi bidang", "Menyusun laporan bulanan",
  "Verifikasi dokumen permohonan", "Melayani konsultasi masyarakat", "Input data ke aplikasi", "Monitoring kegiatan lapangan",
  "Menyusun bahan paparan pimpinan", "Mengarsipkan dokumen kegiatan", "Evaluasi pelaksanaan kegiatan", "Menyusun telaahan staf"};

enum { J_JPT, J_ADMINISTRATOR, J_PENGAWAS, J_PELAKSANA, J_FUNGSIONAL, J_N };

struct unit {
  int64_t id, kepala, kepala_rhk;
  int induk;               /* index, -1 for an OPD */
  int size;                /* pegawai of the unit itself, head included */
  int jab_kepala;
  enum predikat_organisasi org;
};

struct hari { char d[11]; bool kerja; int tahun; int64_t epoch; };

struct gen {
  int64_t inst, pimpinan, periode, periode_lalu, jab[J_N];
  int tahun, bulan_lalu, triwulan;
  char hari_ini[11];
  struct hari h[HARI_TAHUN];   /* h[HARI_TAHUN - 1] is today */
  struct unit *u;
  int nunit, cap;
  int64_t nip_seq;
  int64_t n_aktivitas, n_realisasi, n_penilaian, n_skp;
  sqlite3_stmt *peg, *skp, *rhk, *iki, *real, *akt, *pen, *unit, *org;
  int64_t now;
};

static struct unit *unit_baru(struct gen *g)
{
  if (g->nunit == g->cap) {
    g->cap = g->cap ? g->cap * 2 : 256;
    struct unit *p = realloc(g->u, (size_t)g->cap * sizeof *p);
    if (!p) return NULL;
    g->u = p;
  }
  struct unit *u = &g->u[g->nunit++];
  memset(u, 0, sizeof *u);
  u->induk = -1;
  int r = (int)rnd(1000);
  u->org = r < 150 ? ORGANISASI_ISTIMEWA : r < 850 ? ORGANISASI_BAIK : r < 950 ? ORGANISASI_BUTUH_PERBAIKAN
         : r < 990 ? ORGANISASI_KURANG : ORGANISASI_SANGAT_KURANG;
  return u;
}

/* The units of one OPD of `size` pegawai (>= its number of units): the OPD, 5-15 bidang, 0-3
 * seksi each; pegawai spread by weight (OPD 3, bidang 2-4, seksi 1-3) after one head each. */
static int rencana_opd(struct gen *g, int size, int *first)
{
  *first = g->nunit;
  int nb = 5 + (int)rnd(11);
  struct unit *o = unit_baru(g);
  if (!o) return -1;
  o->jab_kepala = J_JPT;
  int w_total = 30;
  int *w = NULL, nw = 1;
  w = malloc(sizeof *w * 64);
  if (!w) return -1;
  w[0] = 30;
  for (int b = 0; b < nb; b++) {
    int bi = g->nunit;
    struct unit *u = unit_baru(g);
    if (!u) { free(w); return -1; }
    u->induk = *first;
    u->jab_kepala = J_ADMINISTRATOR;
    w[nw] = 20 + (int)rnd(21);
    w_total += w[nw++];
    int ns = (int)rnd(4);
    for (int s = 0; s < ns; s++) {
      struct unit *x = unit_baru(g);
      if (!x) { free(w); return -1; }
      x->induk = bi;
      x->jab_kepala = J_PENGAWAS;
      w[nw] = 10 + (int)rnd(21);
      w_total += w[nw++];
    }
  }
  int n = g->nunit - *first;
  if (size < n) { free(w); fprintf(stderr, "dasbor_gen: OPD of %d pegawai for %d units\n", size, n); return -1; }
  int rest = size - n, given = 0;
  for (int i = 0; i < n; i++) {
    int k = (int)((int64_t)rest * w[i] / w_total);
    g->u[*first + i].size = 1 + k;
    given += k;
  }
  for (int i = 0; given < rest; i = (i + 1) % n, given++) g->u[*first + i].size++;
  free(w);
  return 0;
}

static enum rating rating_acak(int atas, int bawah)
{
  int r = (int)rnd(1000);
  return r < atas ? RATING_DI_ATAS : r < atas + bawah ? RATING_DI_BAWAH : RATING_SESUAI;
}

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

static int64_t epoch_of(const char *d, int jam)
{
  struct tm tm = {0};
  tm.tm_year = atoi(d) - 1900;
  tm.tm_mon = atoi(d + 5) - 1;
  tm.tm_mday = atoi(d + 8);
  tm.tm_hour = jam;
  return (int64_t)timegm(&tm) - 7 * 3600;
}

/* An SKP with 2 RHK and their IKI; rhk[0..1] and iki[0..1] receive the ids. */
static int64_t buat_skp(struct gen *g, int64_t periode, int tahun, int64_t pid, int64_t jab, int64_t unit, int64_t penilai,
                        const char *status, bool jpt, int64_t rhk_atasan, int64_t rhk[2], int64_t iki[2])
{
  char mulai[24], selesai[24];
  snprintf(mulai, sizeof mulai, "%04d-01-01", tahun);
  snprintf(selesai, sizeof selesai, "%04d-12-31", tahun);
  bool ok = strcmp(status, "disetujui") == 0;
  int64_t t = epoch_of(mulai, 9) + 86400 * 20;
  int64_t skp = jalan(g->skp, "iiiIIIttttIIii", g->inst, periode, pid, jab, unit, penilai, mulai, selesai, jpt ? "jpt" : "ja_jf",
                      status, strcmp(status, "draft") ? t : 0, ok ? t : 0, t, t);
  if (skp < 0) return -1;
  g->n_skp++;
  static const char *const RHK[2] = {"Terlaksananya layanan dan administrasi bidang tugas sesuai standar",
                                     "Meningkatnya kualitas data dan laporan kinerja unit"};
  for (int k = 0; k < 2; k++) {
    if ((rhk[k] = jalan(g->rhk, "iiIti", skp, (int64_t)k + 1, k == 0 ? rhk_atasan : 0, RHK[k], (int64_t)ok)) < 0) return -1;
    if ((iki[k] = jalan(g->iki, "itttt", rhk[k], k == 0 ? "kuantitas" : "kualitas",
                        k == 0 ? "Jumlah laporan pelaksanaan tugas yang diselesaikan" : "Persentase dokumen tanpa revisi",
                        k == 0 ? "12" : "100", k == 0 ? "laporan" : "%")) < 0) return -1;
  }
  return skp;
}

/* Activities of one pegawai on the working days h[from..HARI_TAHUN-1], up to `berhenti` (index
 * of the last day logged). */
static int aktivitas(struct gen *g, int64_t pid, int64_t penilai, int from, int berhenti, const int64_t skp[2],
                     const int64_t rhk[2][2])
{
  int minggu = HARI_TAHUN - 8;
  for (int i = from; i <= berhenti; i++) {
    const struct hari *h = &g->h[i];
    if (!h->kerja || rnd(100) < 5) continue;
    if (i == HARI_TAHUN - 1 && rnd(2)) continue;                 /* today: half have logged yet */
    int y = h->tahun == g->tahun ? 0 : 1;
    int n = rnd(10) == 0 ? 2 : 1;
    int menit = 240 + 30 * (int)rnd(8);
    for (int k = 0; k < n; k++) {
      const char *status = i >= minggu ? (rnd(10) < 6 ? "diajukan" : "disetujui") : (rnd(100) < 3 ? "dikembalikan" : "disetujui");
      bool review = strcmp(status, "diajukan") != 0;
      int64_t t = h->epoch + 3600 * (int)rnd(8);
      int m = n == 2 ? menit / 2 : menit;
      bool ada_kuantitas = rnd(3) == 0;
      if (jalan(g->akt, "iiIII" "t" "i" "ttttt" "II" "ii", g->inst, pid, penilai, skp[y], skp[y] ? rhk[y][rnd(2)] : 0, h->d, (int64_t)m,
                URAIAN[rnd(sizeof URAIAN / sizeof *URAIAN)], ada_kuantitas ? "1" : NULL, ada_kuantitas ? "dokumen" : NULL, status,
                strcmp(status, "dikembalikan") == 0 ? "Lengkapi uraian dan bukti dukung" : NULL, review ? penilai : 0,
                review ? t + 86400 : 0, t, t) < 0)
        return -1;
      g->n_aktivitas++;
    }
  }
  return 0;
}

/* One pegawai of unit u with everything of theirs; returns its id or -1. */
static int64_t pegawai(struct gen *g, struct unit *u, bool kepala, bool penuh)
{
  int64_t i = g->nip_seq++;
  bool perempuan = rnd(2);
  char nama[80], nip[32], lahir[11];
  if (date_add_days("1966-01-01", (int)(i % 12000), lahir) != 0) return -1;
  /* (birth, TMT) unique per i; sequence 500-998 stays clear of the demo's own numbers */
  int tmt = 1990 + (int)(i / 12000) % 30, bln = 1 + (int)(i / 360000) % 12;
  snprintf(nip, sizeof nip, "%.4s%.2s%.2s%04d%02d%d%03d", lahir, lahir + 5, lahir + 8, tmt, bln, perempuan ? 2 : 1, 500 + (int)rnd(499));
  snprintf(nama, sizeof nama, "%s %s", DEPAN[rnd(sizeof DEPAN / sizeof *DEPAN)], BELAKANG[rnd(sizeof BELAKANG / sizeof *BELAKANG)]);
  int jk = kepala ? u->jab_kepala : rnd(10) < 6 ? J_PELAKSANA : J_FUNGSIONAL;
  int64_t atasan = kepala ? (u->induk >= 0 ? g->u[u->induk].kepala : g->pimpinan) : u->kepala;
  int64_t pid = jalan(g->peg, "ittttiiIi", g->inst, nip, nama, perempuan ? "P" : "L", lahir, g->jab[jk], u->id, atasan, g->now);
  if (pid < 0) return -1;
  int64_t penilai = atasan ? atasan : pid;
  int r = (int)rnd(100);
  const char *status = r < 97 ? "disetujui" : r < 98 ? "draft" : r < 99 ? "diajukan" : "dikembalikan";
  int64_t skp[2] = {0, 0}, rhk[2][2] = {{0, 0}, {0, 0}}, iki[2];
  int64_t rhk_atasan = kepala ? (u->induk >= 0 ? g->u[u->induk].kepala_rhk : 0) : u->kepala_rhk;
  if ((skp[0] = buat_skp(g, g->periode, g->tahun, pid, g->jab[jk], u->id, atasan, status, jk == J_JPT, rhk_atasan, rhk[0], iki)) < 0)
    return -1;
  if (kepala) { u->kepala = pid; u->kepala_rhk = rhk[0][0]; }
  bool ok = strcmp(status, "disetujui") == 0;
  if (ok) {
    for (int m = 1; m <= g->bulan_lalu; m++) {
      const char *rs = "disetujui";
      if (m == g->bulan_lalu) {
        int q = (int)rnd(100);
        if (q >= 85) continue;
        rs = q < 65 ? "disetujui" : "diajukan";
      }
      bool review = rs[2] == 's';
      for (int k = 0; k < 2; k++) {
        char nilai[16];
        if (k == 0) snprintf(nilai, sizeof nilai, "%d", rnd(10) == 0 ? 0 : rnd(8) == 0 ? 2 : 1);
        else snprintf(nilai, sizeof nilai, "%d", 80 + (int)rnd(21));
        char d[24];
        snprintf(d, sizeof d, "%04d-%02d-05", g->tahun + (m == 12), m == 12 ? 1 : m + 1);
        int64_t t = epoch_of(d, 10);
        if (jalan(g->real, "iiittIIii", skp[0], iki[k], (int64_t)m, nilai, rs, review ? penilai : 0, review ? t + 86400 * 3 : 0, t, t) < 0)
          return -1;
        g->n_realisasi++;
      }
    }
    /* the year's tahunan penilaian, and the last complete quarter's periodik one */
    for (int p = 0; p < 2; p++) {
      if (p == 1 && !g->triwulan) break;
      bool final = p == 1 || rnd(100) < 95;
      enum rating rh = RATING_SESUAI, rp = RATING_SESUAI;
      ratings(u, kepala, &rh, &rp);
      enum predikat pr = predikat_from_ratings(rh, rp, NULL);
      char mulai[24], selesai[24], isi[160], hash[65];
      if (p == 0) {
        snprintf(mulai, sizeof mulai, "%04d-01-01", g->tahun);
        snprintf(selesai, sizeof selesai, "%04d-12-31", g->tahun);
      } else {
        char awal[24];
        snprintf(mulai, sizeof mulai, "%04d-%02d-01", g->tahun, 3 * g->triwulan - 2);
        snprintf(awal, sizeof awal, "%04d-%02d-01", g->tahun + (g->triwulan == 4), g->triwulan == 4 ? 1 : 3 * g->triwulan + 1);
        if (date_add_days(awal, -1, selesai) != 0) return -1;
      }
      snprintf(isi, sizeof isi, "%lld|%s|%d|%s|%s|%s", (long long)skp[0], p ? "periodik" : "tahunan", p ? g->triwulan : 0,
               rating_kode(rh), rating_kode(rp), predikat_kode(pr));
      hash_hex(isi, strlen(isi), hash);
      int64_t t = epoch_of(selesai, 10);
      if (jalan(g->pen, "iiiii" "t" "i" "ttttttt" "I" "ii", g->inst, skp[0], pid, penilai, u->id, p ? "periodik" : "tahunan", (int64_t)(p ? g->triwulan : 0),
                mulai, selesai, final ? rating_kode(rh) : NULL, final ? rating_kode(rp) : NULL, final ? predikat_kode(pr) : NULL,
                final ? "final" : "draft", final ? hash : NULL, final ? t : 0, t, t) < 0)
        return -1;
      g->n_penilaian++;
    }
  }
  int from = penuh ? 0 : HARI_TAHUN - HARI_LAIN;
  if (penuh && g->h[0].tahun != g->tahun) {
    if ((skp[1] = buat_skp(g, g->periode_lalu, g->tahun - 1, pid, g->jab[jk], u->id, atasan, "disetujui", jk == J_JPT, 0, rhk[1], iki)) < 0)
      return -1;
  }
  int berhenti = HARI_TAHUN - 1;
  if (rnd(100) < 3) berhenti -= 11 + (int)rnd(32);                    /* ~8-30 working days without activity */
  if (aktivitas(g, pid, penilai, from, berhenti, skp, (const int64_t(*)[2])rhk) != 0) return -1;
  return pid;
}

static int64_t periode_tahun(struct gen *g, int tahun)
{
  char sql[256];
  snprintf(sql, sizeof sql, "SELECT id FROM periode WHERE instansi_id = %lld AND tahun = %d", (long long)g->inst, tahun);
  int64_t id = satu(sql);
  if (id) return id;
  snprintf(sql, sizeof sql,
           "INSERT INTO periode (instansi_id, tahun, mulai, selesai, siklus, status, dibuat)"
           " VALUES (%lld, %d, '%04d-01-01', '%04d-12-31', 'triwulanan', 'terbuka', %lld)",
           (long long)g->inst, tahun, tahun, tahun, (long long)g->now);
  if (exec(sql) != 0) return -1;
  return sqlite3_last_insert_rowid(db);
}

static int siapkan(struct gen *g)
{
  g->peg = siap("INSERT INTO pegawai (instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, jenis_asn, golongan, jabatan_id,"
                " unit_kerja_id, atasan_id, aktif, diubah) VALUES (?1, ?2, ?3, ?4, ?5, 'PNS', 'III/a', ?6, ?7, ?8, 1, ?9)");
  g->skp = siap("INSERT INTO skp (instansi_id, periode_id, pegawai_id, jabatan_id, unit_kerja_id, penilai_id, mulai, selesai, jenis,"
                " pendekatan, status, diajukan, disetujui, diubah, dibuat)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'kuantitatif', ?10, ?11, ?12, ?13, ?14)");
  g->rhk = siap("INSERT INTO rhk (skp_id, kelompok, urutan, rhk_atasan_id, rhk, perspektif, disetujui)"
                " VALUES (?1, 'utama', ?2, ?3, ?4, 'penerima_layanan', ?5)");
  g->iki = siap("INSERT INTO iki (rhk_id, urutan, aspek, indikator, target_angka, target_satuan) VALUES (?1, 1, ?2, ?3, ?4, ?5)");
  g->real = siap("INSERT INTO realisasi (skp_id, iki_id, bulan, nilai_angka, status, direview_oleh, direview, dibuat, diubah)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  g->akt = siap("INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, skp_id, rhk_id, tanggal, menit, uraian, kuantitas, satuan,"
                " status, catatan_review, direview_oleh, direview, sumber, dibuat, diubah)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'web', ?15, ?16)");
  g->pen = siap("INSERT INTO penilaian (instansi_id, skp_id, pegawai_id, penilai_id, unit_kerja_id, jenis, periode_ke, mulai, selesai,"
                " rating_hasil, rating_perilaku, predikat, catatan, status, hash, difinalkan, dibuat, diubah)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'Pertahankan kinerja dan lengkapi bukti dukung.',"
                " ?13, ?14, ?15, ?16, ?17)");
  g->unit = siap("INSERT INTO unit_kerja (instansi_id, induk_id, kode, nama) VALUES (?1, ?2, ?3, ?4)");
  g->org = siap("INSERT OR REPLACE INTO predikat_organisasi (unit_kerja_id, tahun, instansi_id, predikat, alasan, diubah)"
                " VALUES (?1, ?2, ?3, ?4, 'Capaian Perjanjian Kinerja unit', ?5)");
  return g->peg && g->skp && g->rhk && g->iki && g->real && g->akt && g->pen && g->unit && g->org ? 0 : -1;
}

static int jabatan(struct gen *g)
{
  static const char *const JAB[J_N][2] = {{"Kepala Perangkat Daerah", "jpt"}, {"Kepala Bidang", "administrator"},
                                          {"Kepala Seksi", "pengawas"}, {"Pengadministrasi Umum", "pelaksana"},
                                          {"Analis Kebijakan Ahli Pertama", "fungsional"}};
  sqlite3_stmt *ins = siap("INSERT OR IGNORE INTO jabatan (instansi_id, nama, jenis) VALUES (?1, ?2, ?3)");
  sqlite3_stmt *sel = siap("SELECT id FROM jabatan WHERE instansi_id = ?1 AND nama = ?2");
  if (!ins || !sel) return -1;
  for (int j = 0; j < J_N; j++) {
    if (jalan(ins, "itt", g->inst, JAB[j][0], JAB[j][1]) < 0) return -1;
    sqlite3_bind_int64(sel, 1, g->inst);
    sqlite3_bind_text(sel, 2, JAB[j][0], -1, SQLITE_STATIC);
    if (sqlite3_step(sel) == SQLITE_ROW) g->jab[j] = sqlite3_column_int64(sel, 0);
    sqlite3_reset(sel);
    if (!g->jab[j]) return gagal("jabatan");
  }
  sqlite3_finalize(ins);
  sqlite3_finalize(sel);
  return 0;
}

/* Dates: the 365 days ending today; fixed-date national holidays of both years. */
static int kalender(struct gen *g, int offset)
{
  date_today(offset, g->hari_ini);
  g->tahun = atoi(g->hari_ini);
  int bulan = atoi(g->hari_ini + 5);
  g->bulan_lalu = bulan - 1;
  g->triwulan = (bulan - 1) / 3;
  static const char *const LIBUR[][2] = {{"01-01", "Tahun Baru Masehi"}, {"05-01", "Hari Buruh Internasional"},
                                         {"06-01", "Hari Lahir Pancasila"}, {"08-17", "Hari Kemerdekaan RI"},
                                         {"12-25", "Hari Raya Natal"}};
  sqlite3_stmt *st = siap("INSERT OR IGNORE INTO hari_libur (instansi_id, tanggal, nama) VALUES (?1, ?2, ?3)");
  if (!st) return -1;
  for (int y = g->tahun - 1; y <= g->tahun; y++)
    for (size_t k = 0; k < sizeof LIBUR / sizeof *LIBUR; k++) {
      char d[24];
      snprintf(d, sizeof d, "%04d-%s", y, LIBUR[k][0]);
      if (jalan(st, "itt", g->inst, d, LIBUR[k][1]) < 0) return -1;
    }
  sqlite3_finalize(st);
  for (int i = 0; i < HARI_TAHUN; i++) {
    struct hari *h = &g->h[i];
    if (date_add_days(g->hari_ini, i - (HARI_TAHUN - 1), h->d) != 0) return -1;
    int wd = hari_minggu(h->d);
    bool libur = false;
    for (size_t k = 0; k < sizeof LIBUR / sizeof *LIBUR; k++) libur |= strcmp(h->d + 5, LIBUR[k][0]) == 0;
    h->kerja = wd != 0 && wd != 6 && !libur;
    h->tahun = atoi(h->d);
    h->epoch = epoch_of(h->d, 8);
  }
  return 0;
}

static long arg(const char *s, long def, long min, long max)
{
  if (!s) return def;
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < min || v > max) return -1;
  return v;
}

int main(int argc, char **argv)
{
  if (argc < 2 || argc > 4) {
    fprintf(stderr, "usage: dasbor_gen DB [PEGAWAI [UNIT_PEGAWAI]]   (defaults 50000, 1000)\n");
    return 2;
  }
  long n = arg(argc > 2 ? argv[2] : NULL, 50000, 100, MAX_PEGAWAI);
  long nu = arg(argc > 3 ? argv[3] : NULL, 1000, 20, MAX_PEGAWAI);
  if (n < 0 || nu < 0 || nu >= n) {
    fprintf(stderr, "dasbor_gen: PEGAWAI 100-%d, UNIT_PEGAWAI 20-PEGAWAI-1\n", MAX_PEGAWAI);
    return 2;
  }
  if (sodium_init() < 0) return 1;
  double t0 = now_ms();
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    fprintf(stderr, "dasbor_gen: cannot open %s: %s\n", argv[1], sqlite3_errmsg(db));
    return 1;
  }
  struct gen g = {0};
  g.now = now_unix();
  int rc = 1;
  if (exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;") != 0) goto done;
  g.inst = satu("SELECT p.instansi_id FROM pengguna u JOIN pegawai p ON p.id = u.pegawai_id WHERE u.username = 'admin'");
  if (g.inst <= 0) { fprintf(stderr, "dasbor_gen: no `admin` account with a pegawai (run kinerja demo first)\n"); goto done; }
  g.pimpinan = satu("SELECT pegawai_id FROM pengguna WHERE username = 'pimpinan'");
  if (g.pimpinan < 0) goto done;
  char sql[256];
  snprintf(sql, sizeof sql, "SELECT CASE zona_waktu WHEN 'WITA' THEN 8 WHEN 'WIT' THEN 9 ELSE 7 END FROM instansi WHERE id = %lld",
           (long long)g.inst);
  int offset = (int)satu(sql);
  if (exec("BEGIN") != 0 || kalender(&g, offset) != 0 || jabatan(&g) != 0 || siapkan(&g) != 0) goto done;
  if ((g.periode = periode_tahun(&g, g.tahun)) <= 0 || (g.periode_lalu = periode_tahun(&g, g.tahun - 1)) <= 0) goto done;
  if (exec("COMMIT") != 0) goto done;
  g.nip_seq = 1 + satu("SELECT count(*) FROM pegawai");

  /* OPD sizes: the middle one exactly nu (its rows sit mid-table, neither first nor last in any
   * index), the others sharing n - nu by weights 0.5-1.5 */
  int nopd = (int)(n / 1250) < 4 ? 4 : (int)(n / 1250);
  if (nopd > (int)(sizeof OPD / sizeof *OPD)) nopd = (int)(sizeof OPD / sizeof *OPD);
  int *size = calloc((size_t)nopd, sizeof *size), wsum = 0, *wt = calloc((size_t)nopd, sizeof *wt);
  if (!size || !wt) goto done;
  int mid = nopd / 2;
  for (int o = 0; o < nopd; o++) if (o != mid) wsum += (wt[o] = 50 + (int)rnd(101));
  size[mid] = (int)nu;
  long left = n - nu, given = 0;
  for (int o = 0; o < nopd; o++) if (o != mid) given += (size[o] = (int)(left * wt[o] / wsum));
  for (int o = 0; given < left; o = (o + 1) % nopd) if (o != mid) { size[o]++; given++; }
  free(wt);

  int64_t unit_id = 0, ditulis = 0;
  for (int o = 0; o < nopd; o++) {
    int first;
    if (rencana_opd(&g, size[o], &first) != 0) goto done;
    if (exec("BEGIN") != 0) goto done;
    for (int i = first; i < g.nunit; i++) {
      struct unit *u = &g.u[i];
      char nama[128], kode[32];
      if (u->induk < 0) snprintf(nama, sizeof nama, "%s", OPD[o]);
      else if (g.u[u->induk].induk < 0) snprintf(nama, sizeof nama, "%s", BIDANG[(i - first) % (sizeof BIDANG / sizeof *BIDANG)]);
      else snprintf(nama, sizeof nama, "Seksi Pelaksanaan %d", i - u->induk);
      snprintf(kode, sizeof kode, "DB-%05d", i);
      if ((u->id = jalan(g.unit, "iItt", g.inst, u->induk >= 0 ? g.u[u->induk].id : 0, kode, nama)) < 0) goto done;
      if (jalan(g.org, "iiiti", u->id, (int64_t)g.tahun, g.inst, kurva_organisasi_kode(u->org), g.now) < 0) goto done;
      for (int k = 0; k < u->size; k++)
        if (pegawai(&g, u, k == 0, o == mid) < 0) goto done;
      ditulis += u->size;
    }
    if (exec("COMMIT") != 0) goto done;
    if (o == mid) unit_id = g.u[first].id;
    fprintf(stderr, "dasbor_gen: OPD %d/%d (%d pegawai), %lld pegawai, %lld activities so far, %.0f ms\n", o + 1, nopd, size[o],
            (long long)ditulis, (long long)g.n_aktivitas, now_ms() - t0);
  }
  free(size);
  if (exec("PRAGMA wal_checkpoint(TRUNCATE)") != 0) goto done;
  snprintf(sql, sizeof sql,
           "WITH RECURSIVE sub(id) AS (SELECT %lld UNION ALL SELECT u.id FROM unit_kerja u JOIN sub ON u.induk_id = sub.id)"
           " SELECT count(*) FROM pegawai WHERE unit_kerja_id IN (SELECT id FROM sub)", (long long)unit_id);
  int64_t sub = satu(sql);
  snprintf(sql, sizeof sql, "SELECT count(*) FROM pegawai WHERE unit_kerja_id = %lld", (long long)unit_id);
  int64_t langsung = satu(sql);
  int64_t akt_total = satu("SELECT count(*) FROM aktivitas");
  if (sub != nu || ditulis != n) {
    fprintf(stderr, "dasbor_gen: the unit's subtree holds %lld pegawai, not %ld (%lld of %ld written)\n", (long long)sub, nu,
            (long long)ditulis, n);
    goto done;
  }
  printf("{\"instansi_id\":%lld,\"unit_id\":%lld,\"unit_pegawai\":%lld,\"unit_pegawai_langsung\":%lld,\"pegawai\":%lld,"
         "\"units\":%d,\"opd\":%d,\"tahun\":%d,\"hari_ini\":\"%s\",\"skp\":%lld,\"realisasi\":%lld,\"penilaian\":%lld,"
         "\"aktivitas\":%lld,\"aktivitas_table\":%lld,\"generate_ms\":%.0f}\n",
         (long long)g.inst, (long long)unit_id, (long long)sub, (long long)langsung, (long long)ditulis, g.nunit, nopd, g.tahun,
         g.hari_ini, (long long)g.n_skp, (long long)g.n_realisasi, (long long)g.n_penilaian, (long long)g.n_aktivitas,
         (long long)akt_total, now_ms() - t0);
  rc = 0;
done:
  if (rc) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_stmt *st;
  while ((st = sqlite3_next_stmt(db, NULL))) sqlite3_finalize(st);
  free(g.u);
  sqlite3_close(db);
  return rc;
}
