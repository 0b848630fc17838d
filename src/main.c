/* main.c: the `kinerja` command and its subcommands. */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "audit.h"
#include "cadangan.h"
#include "auth/session.h"
#include "config.h"
#include "dasbor.h"
#include "db/db.h"
#include "db/migrate.h"
#include "pindah_data.h"
#include "partisi.h"
#include "util/latar.h"
#include "demo.h"
#include "http/server.h"
#include "import_pegawai.h"
#include "hitung.h"
#include "laporan_pekerja.h"
#include "pengingat.h"
#include "tugas_harian.h"
#include "skp_doc.h"
#include "surel.h"
#include "surel_kirim.h"
#include "surel_pengirim.h"
#include "skp_dokumen.h"
#include "siasn_cli.h"
#include "util/log.h"
#include "util/util.h"
#include "webhook_cli.h"
#include "dua_faktor_cli.h"
#include "webhook_pengirim.h"

#define KINERJA_VERSION "0.1.0"

static void usage(void)
{
  puts("kinerja " KINERJA_VERSION " — server e-Kinerja untuk instansi pemerintah\n\n"
       "Pemakaian:\n"
       "  kinerja serve   [--db PATH] [--listen HOST:PORT] [opsi lain: kinerja serve --help]\n"
       "  kinerja migrate --db PATH\n"
       "  kinerja migrate-data --from sqlite:PATH --to postgres://... [--instansi ID]\n"
       "                 (salin ke PostgreSQL dan verifikasi; --instansi: satu instansi ke basis data bersama)\n"
       "  kinerja demo    --db PATH --pegawai N [--password P] [--seed S]\n"
       "  kinerja import pegawai --db PATH [--instansi KODE] [--create-missing] [--dry-run]\n"
       "                 [--tanggal YYYY-MM-DD] FILE.csv\n"
       "  kinerja token create --db PATH --user USERNAME_ATAU_NIP [--nama N] [--read-only]\n"
       "  kinerja audit verify --db PATH\n"
       "  kinerja ringkasan bangun --db PATH   (hitung ulang rekap aktivitas dasbor dari data aktivitas)\n"
       "  kinerja backup  --db PATH --out FILE [--key-file K] [--data-dir DIR] [--timpa]\n"
       "  kinerja backup  --buat-kunci K   (buat berkas kunci cadangan 0600)\n"
       "  kinerja restore --in FILE --db PATH [--key-file K] [--data-dir DIR] [--timpa]\n"
       "  kinerja dokumen skp --db PATH --nip NIP --tahun YYYY --out FILE.pdf|FILE.xlsx\n"
       "  kinerja pengingat --db PATH [--hari N]   (kirim pengingat ke kotak masuk; untuk cron)\n"
       "  kinerja surel kirim --db PATH [--smtp-url URL ...]   (kirim antrean surel sekali; untuk cron)\n"
       "  kinerja webhook kirim --db PATH   (kirim antrean webhook sekali; untuk cron)\n"
       "  kinerja 2fa reset --db PATH --user U   (reset verifikasi dua langkah; perangkat hilang)\n"
       "  kinerja siasn pull|push|reconcile --db PATH [--instansi KODE] [--nip NIP] [--terapkan]\n"
       "                 [--siasn-secret-file FILE]   (sinkronisasi SIASN BKN; untuk admin dan cron)\n"
       "  kinerja hitung predikat|kurva|angka-kredit|pp30|pp46 [opsi] [--json]   (kalkulator aturan)\n"
       "  kinerja hitung tukin --input FILE.json [--json]   (TPP/tunjangan kinerja sebulan)\n"
       "  kinerja version\n\n"
       "Basis data bawaan: $KINERJA_DB atau data/kinerja.db.");
}

static const char *env(const char *n) { return getenv(n); }

/* Finds "--name VALUE" in argv; returns the value or def. */
static const char *flag(int argc, char **argv, const char *name, const char *def)
{
  for (int i = 0; i < argc - 1; i++)
    if (strcmp(argv[i], name) == 0) return argv[i + 1];
  return def;
}

static bool has_flag(int argc, char **argv, const char *name)
{
  for (int i = 0; i < argc; i++)
    if (strcmp(argv[i], name) == 0) return true;
  return false;
}

static const char *db_path(int argc, char **argv)
{
  const char *e = getenv("KINERJA_DB");
  return flag(argc, argv, "--db", e && *e ? e : "data/kinerja.db");
}

/* Opens and migrates; prints the error and returns NULL on failure. */
static struct db *open_migrated(const char *path, bool quiet)
{
  char err[512];
  struct db *db = db_open(path, err, sizeof err);
  if (!db) { fprintf(stderr, "kinerja: %s\n", err); return NULL; }
  int n = 0;
  if (migrate_run(db, &n, err, sizeof err) != 0) {
    fprintf(stderr, "kinerja: %s\n", err);
    db_close(db);
    return NULL;
  }
  if (n && !quiet) fprintf(stderr, "kinerja: %d migrasi diterapkan (skema versi %d)\n", n, migrate_latest());
  return db;
}

/* Once a day (from 07:00 WIB) the server sends the inbox reminders (issue 5). */
struct harian { const char *db; char terakhir[11]; };

static void tick_harian(void *ctx)
{
  struct harian *h = ctx;
  char today[11];
  date_today(7, today);
  time_t t = time(NULL) + 7 * 3600;
  struct tm tm;
  gmtime_r(&t, &tm);
  if (tm.tm_hour < 7 || strcmp(today, h->terakhir) == 0) return;
  str_copy(h->terakhir, sizeof h->terakhir, today);
  char err[256];
  struct db *db = db_open(h->db, err, sizeof err);
  if (!db) return;
  /* several nodes on one database: the one that claims the day sends them */
  struct pengingat_hasil r;
  if (tugas_harian_klaim(db, "pengingat", today) == 1 && pengingat_jalankan(db, 0, 3, &r) == 0) {
    tugas_harian_selesai(db, "pengingat");
    log_msg(LOG_INFO, "pengingat harian: %d belum mencatat, %d review menunggu", r.belum_mencatat, r.menunggu_review);
  }
  db_close(db);
}

static int cmd_serve(int argc, char **argv)
{
  struct config cfg;
  char err[512];
  if (has_flag(argc, argv, "--help")) { config_usage(); return 0; }
  if (config_load(&cfg, argc, argv, env, err, sizeof err) != 0) {
    fprintf(stderr, "kinerja serve: %s\n", err);
    return 2;
  }
  log_set_level(cfg.log_level);
  struct db *db = open_migrated(cfg.db, false);
  if (!db) return 1;
  partisi_pelihara(db, time(NULL), cfg.partisi_maju, NULL);   /* PostgreSQL month partitions ahead */
  db_close(db);
  struct latar *partisi = partisi_latar_mulai(cfg.db, cfg.partisi_maju, cfg.partisi_jeda);
  static struct harian harian;
  harian.db = cfg.db;
  /* optional email: a sender thread with its own connection, only when an SMTP URL is set */
  struct surel_pengirim *surel = NULL;
  if (cfg.smtp_url[0]) {
    struct surel_konfig k;
    if (surel_konfig_isi(&k, &cfg, env, err, sizeof err) != 0) {
      fprintf(stderr, "kinerja serve: %s\n", err);
      return 2;
    }
    surel_atur_aktif(true);
    surel = surel_pengirim_mulai(&k);
    surel_konfig_hapus(&k);
    if (!surel) { fprintf(stderr, "kinerja serve: pengirim surel tidak dapat dimulai\n"); return 1; }
    log_msg(LOG_INFO, "surel aktif: antrean dikirim setiap %d detik", cfg.smtp_interval);
  }
  /* webhooks (issue 10): always on, subscriptions live in the database; a thread with its own connection */
  struct webhook_konfig wk;
  if (webhook_konfig_isi(&wk, cfg.db, env, err, sizeof err) != 0) { fprintf(stderr, "kinerja serve: %s\n", err); return 2; }
  struct webhook_pengirim *webhook = webhook_pengirim_mulai(&wk);
  if (!webhook) { fprintf(stderr, "kinerja serve: pengirim webhook tidak dapat dimulai\n"); return 1; }
  /* report exports (issue 8): a worker thread with its own connections */
  if (laporan_pekerja_mulai(cfg.db, cfg.data_dir, cfg.sewa_kerja) != 0) { fprintf(stderr, "kinerja serve: pekerja laporan tidak dapat dimulai\n"); return 1; }
  int rc = server_run_tick(&cfg, api_routes, api_routes_count, tick_harian, &harian);
  laporan_pekerja_berhenti();
  latar_henti(partisi);
  webhook_pengirim_henti(webhook);
  surel_pengirim_henti(surel);
  return rc;
}

static int cmd_migrate(int argc, char **argv)
{
  char err[512];
  const char *path = db_path(argc, argv);
  struct db *db = db_open(path, err, sizeof err);
  if (!db) { fprintf(stderr, "kinerja: %s\n", err); return 1; }
  int n = 0;
  int rc = migrate_run(db, &n, err, sizeof err);
  if (rc != 0) fprintf(stderr, "kinerja migrate: %s\n", err);
  else printf("%d migrasi diterapkan; skema versi %d\n", n, migrate_latest());
  db_close(db);
  return rc ? 1 : 0;
}

static int cmd_demo(int argc, char **argv)
{
  int64_t n = 200, seed = 2026;
  const char *ns = flag(argc, argv, "--pegawai", "200"), *ss = flag(argc, argv, "--seed", "2026");
  if (parse_int64(ns, 10, 2000000, &n) != 0 || parse_int64(ss, 0, 4294967295LL, &seed) != 0) {
    fprintf(stderr, "kinerja demo: --pegawai harus 10..2000000 dan --seed bilangan bulat\n");
    return 2;
  }
  struct db *db = open_migrated(db_path(argc, argv), true);
  if (!db) return 1;
  struct demo_opts o = {.pegawai = (int)n, .password = flag(argc, argv, "--password", NULL), .seed = (unsigned)seed};
  char err[512];
  int rc = demo_create(db, &o, stdout, err, sizeof err);
  if (rc != 0) fprintf(stderr, "kinerja demo: %s\n", err);
  db_close(db);
  return rc ? 1 : 0;
}

static void progress(void *ctx, const char *phase, int64_t done)
{
  (void)ctx;
  fprintf(stderr, "\r%s: %lld baris", phase, (long long)done);
  fflush(stderr);
}

static int cmd_import(int argc, char **argv)
{
  if (argc < 1 || strcmp(argv[0], "pegawai") != 0) {
    fprintf(stderr, "kinerja import: hanya `kinerja import pegawai FILE.csv` yang tersedia\n");
    return 2;
  }
  const char *file = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "--instansi") == 0 || strcmp(argv[i], "--tanggal") == 0) { i++; continue; }
    if (strncmp(argv[i], "--", 2) == 0) {
      if (strcmp(argv[i], "--create-missing") && strcmp(argv[i], "--dry-run") && strcmp(argv[i], "--quiet")) {
        fprintf(stderr, "kinerja import: opsi tidak dikenal: %s\n", argv[i]);
        return 2;
      }
      continue;
    }
    file = argv[i];
  }
  if (!file) { fprintf(stderr, "kinerja import pegawai: sebutkan berkas CSV\n"); return 2; }
  const char *tanggal = flag(argc, argv, "--tanggal", NULL);
  if (tanggal && !date_valid(tanggal)) { fprintf(stderr, "kinerja import: --tanggal harus YYYY-MM-DD\n"); return 2; }
  FILE *in = fopen(file, "rb");
  if (!in) { fprintf(stderr, "kinerja import: tidak dapat membuka %s\n", file); return 1; }
  struct db *db = open_migrated(db_path(argc, argv), true);
  if (!db) { fclose(in); return 1; }
  int rc = 1;
  int64_t inst = 0;
  const char *kode = flag(argc, argv, "--instansi", NULL);
  struct db_stmt *st = kode ? db_prepare(db, "SELECT id FROM instansi WHERE kode = ?1")
                            : db_prepare(db, "SELECT id FROM instansi WHERE latihan_dari IS NULL"
                                                         "   AND (SELECT COUNT(*) FROM instansi WHERE latihan_dari IS NULL) = 1");
  if (st) {
    if (kode) db_bind_text(st, 1, kode);
    if (db_step(st) == DB_ROW) inst = db_col_int64(st, 0);
    db_done(st);
  }
  if (!inst) {
    fprintf(stderr, kode ? "kinerja import: instansi dengan kode %s tidak ada\n"
                         : "kinerja import: sebutkan --instansi KODE (basis data tidak berisi tepat satu instansi)%s\n",
            kode ? kode : "");
    goto out;
  }
  struct audit_actor actor = {0, NULL};
  bool quiet = has_flag(argc, argv, "--quiet");
  struct import_opts o = {
    .instansi_id = inst, .create_missing = has_flag(argc, argv, "--create-missing"),
    .dry_run = has_flag(argc, argv, "--dry-run"), .tanggal = tanggal, .actor = &actor,
    .progress = quiet ? NULL : progress,
  };
  struct import_result r;
  memset(&r, 0, sizeof r);
  int x = import_pegawai_stream(db, &o, in, &r);
  if (!quiet) fputc('\n', stderr);
  if (x == 0) {
    printf("%s: %lld baris; dibuat %lld, diubah %lld, tidak berubah %lld; unit baru %lld, jabatan baru %lld\n",
           o.dry_run ? "Uji berhasil (tidak ada yang disimpan)" : "Impor selesai", (long long)r.rows,
           (long long)r.created, (long long)r.updated, (long long)r.unchanged,
           (long long)r.units_created, (long long)r.jabatan_created);
    rc = 0;
  } else if (x == 1) {
    if (r.fatal[0]) fprintf(stderr, "Berkas ditolak: %s\n", r.fatal);
    else fprintf(stderr, "Berkas ditolak: %lld baris bermasalah; tidak ada data yang diubah.\n", (long long)r.error_count);
    size_t i;
    json_t *e;
    json_array_foreach(r.errors, i, e) {
      fprintf(stderr, "  baris %lld, kolom %s: %s\n", (long long)json_integer_value(json_object_get(e, "baris")),
              json_string_value(json_object_get(e, "kolom")) ? json_string_value(json_object_get(e, "kolom")) : "-",
              json_string_value(json_object_get(e, "pesan")));
    }
  } else {
    fprintf(stderr, "kinerja import: kesalahan basis data: %s\n", db_errmsg(db));
  }
  json_decref(r.errors);
out:
  db_close(db);
  fclose(in);
  return rc;
}

static int cmd_token(int argc, char **argv)
{
  if (argc < 1 || strcmp(argv[0], "create") != 0) { fprintf(stderr, "kinerja token: gunakan `kinerja token create --user U`\n"); return 2; }
  const char *user = flag(argc, argv, "--user", NULL);
  if (!user) { fprintf(stderr, "kinerja token create: --user wajib\n"); return 2; }
  struct db *db = open_migrated(db_path(argc, argv), true);
  if (!db) return 1;
  int rc = 1;
  int64_t uid = 0, inst = 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT u.id, COALESCE(u.instansi_id, 0) FROM pengguna u WHERE u.aktif = 1 AND (u.username = ?1"
    " OR u.pegawai_id = (SELECT p.id FROM pegawai p WHERE p.nip = ?1))");
  if (st) {
    db_bind_text(st, 1, user);
    if (db_step(st) == DB_ROW) { uid = db_col_int64(st, 0); inst = db_col_int64(st, 1); }
    db_done(st);
  }
  if (!uid) { fprintf(stderr, "kinerja token create: pengguna %s tidak ditemukan\n", user); goto out; }
  char token[SECRET_MAX];
  int64_t tid = 0;
  struct audit_actor actor = {0, NULL};
  bool write = !has_flag(argc, argv, "--read-only");
  const char *nama = flag(argc, argv, "--nama", "token baris perintah");
  if (db_begin_write(db) != DB_OK) goto out;
  json_t *after = json_pack("{s:s,s:s,s:s}", "nama", nama, "cakupan", write ? "write" : "read", "via", "cli");
  if (token_create(db, uid, nama, write, token, &tid) != 0 ||
      audit_append(db, &actor, inst, "token.create", "token_api", tid, NULL, after) != 0 ||
      db_commit(db) != DB_OK) {
    db_rollback(db);
    json_decref(after);
    fprintf(stderr, "kinerja token create: %s\n", db_errmsg(db));
    goto out;
  }
  json_decref(after);
  printf("%s\n", token);
  rc = 0;
out:
  db_close(db);
  return rc;
}

static int cmd_audit(int argc, char **argv)
{
  if (argc < 1 || strcmp(argv[0], "verify") != 0) { fprintf(stderr, "kinerja audit: gunakan `kinerja audit verify`\n"); return 2; }
  char err[512];
  struct db *db = db_open(db_path(argc, argv), err, sizeof err);
  if (!db) { fprintf(stderr, "kinerja: %s\n", err); return 1; }
  struct audit_verify_result r;
  int rc = audit_verify(db, &r);
  db_close(db);
  if (rc != 0) { fprintf(stderr, "kinerja audit verify: tidak dapat membaca log audit\n"); return 1; }
  if (r.ok) {
    printf("Rantai audit utuh: %lld catatan diperiksa.\n", (long long)r.records);
    return 0;
  }
  printf("RANTAI AUDIT RUSAK: %s\n", r.reason);
  if (r.bad_id) printf("Catatan pertama yang bermasalah: id %lld\n", (long long)r.bad_id);
  return 3;
}

/* kinerja ringkasan bangun: recomputes the dashboards' activity rollups (dasbor.h). */
static int cmd_ringkasan(int argc, char **argv)
{
  if (argc < 1 || strcmp(argv[0], "bangun") != 0) { fprintf(stderr, "kinerja ringkasan: gunakan `kinerja ringkasan bangun`\n"); return 2; }
  char err[512];
  struct db *db = db_open(db_path(argc, argv), err, sizeof err);
  if (!db) { fprintf(stderr, "kinerja: %s\n", err); return 1; }
  int64_t bulan = 0, unit = 0;
  int rc = migrate_run(db, NULL, err, sizeof err) == 0 ? dasbor_ringkasan_bangun(db, &bulan, &unit) : -1;
  db_close(db);
  if (rc != 0) { fprintf(stderr, "kinerja ringkasan bangun: gagal menghitung ulang rekap\n"); return 1; }
  printf("Rekap aktivitas dihitung ulang: %lld baris pegawai-bulan, %lld baris unit-bulan.\n", (long long)bulan, (long long)unit);
  return 0;
}

/* kinerja dokumen skp: writes the Dokumen SKP of a pegawai for a year (the latest SKP of
 * that year when a mutasi split it), as PDF or, for a .xlsx name, as XLSX. */
static int cmd_dokumen(int argc, char **argv)
{
  if (argc < 1 || strcmp(argv[0], "skp") != 0) { fprintf(stderr, "kinerja dokumen: gunakan `kinerja dokumen skp --nip NIP --tahun YYYY --out FILE.pdf`\n"); return 2; }
  const char *nip = flag(argc, argv, "--nip", NULL), *out = flag(argc, argv, "--out", NULL), *ts = flag(argc, argv, "--tahun", NULL);
  int64_t tahun = 0;
  if (!nip || !out || !ts || parse_int64(ts, 2000, 2100, &tahun) != 0) {
    fprintf(stderr, "kinerja dokumen skp: --nip, --tahun (2000-2100) dan --out wajib\n");
    return 2;
  }
  size_t ol = strlen(out);
  bool xlsx = ol > 5 && strcmp(out + ol - 5, ".xlsx") == 0;
  struct db *db = open_migrated(db_path(argc, argv), false);
  if (!db) return 1;
  int rc = 1;
  int64_t skp_id = 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id FROM skp s JOIN pegawai p ON p.id = s.pegawai_id JOIN periode pr ON pr.id = s.periode_id"
    " WHERE p.nip = ?1 AND pr.tahun = ?2 ORDER BY s.mulai DESC LIMIT 1");
  if (st) {
    db_bind_text(st, 1, nip);
    db_bind_int64(st, 2, tahun);
    if (db_step(st) == DB_ROW) skp_id = db_col_int64(st, 0);
    db_done(st);
  }
  if (!skp_id) { fprintf(stderr, "kinerja dokumen skp: tidak ada SKP tahun %lld untuk NIP %s\n", (long long)tahun, nip); db_close(db); return 1; }
  struct skp_doc d;
  struct skp_doc_buf b;
  if (skp_doc_load(db, skp_id, &d, &b) != 0) { fprintf(stderr, "kinerja dokumen skp: gagal membaca SKP\n"); db_close(db); return 1; }
  unsigned char *buf = NULL;
  size_t len = 0;
  char err[256] = "";
  if ((xlsx ? skp_xlsx_render(&d, &buf, &len, err, sizeof err) : skp_pdf_render(&d, &buf, &len, err, sizeof err)) != 0) {
    fprintf(stderr, "kinerja dokumen skp: %s\n", err);
  } else {
    FILE *f = fopen(out, "wb");
    if (!f || fwrite(buf, 1, len, f) != len) fprintf(stderr, "kinerja dokumen skp: tidak dapat menulis %s\n", out);
    else { printf("Dokumen SKP %s tahun %lld ditulis ke %s (%zu byte)\n", nip, (long long)tahun, out, len); rc = 0; }
    if (f && fclose(f) != 0) rc = 1;
  }
  free(buf);
  skp_doc_buf_free(&b);
  db_close(db);
  return rc;
}

static int cmd_pengingat(int argc, char **argv)
{
  int64_t hari = 3;
  if (parse_int64(flag(argc, argv, "--hari", "3"), 1, 60, &hari) != 0) { fprintf(stderr, "kinerja pengingat: --hari harus 1-60\n"); return 2; }
  const char *smtp = getenv("KINERJA_SMTP_URL");
  surel_atur_aktif(smtp && *smtp);   /* reminders are emailed too when email is configured */
  struct db *db = open_migrated(db_path(argc, argv), true);
  if (!db) return 1;
  struct pengingat_hasil h;
  int rc = pengingat_jalankan(db, 0, (int)hari, &h);
  if (rc == 0) printf("Pengingat terkirim: %d pegawai belum mencatat aktivitas, %d penilai dengan review menunggu.\n", h.belum_mencatat, h.menunggu_review);
  else fprintf(stderr, "kinerja pengingat: kesalahan basis data: %s\n", db_errmsg(db));
  db_close(db);
  return rc ? 1 : 0;
}

/* kinerja surel kirim: one flush of the due emails with the serve configuration (flags or
 * KINERJA_SMTP_* variables), for cron or tests; prints how many were sent and failed. */
static int cmd_surel(int argc, char **argv)
{
  if (argc < 1 || strcmp(argv[0], "kirim") != 0) { fprintf(stderr, "kinerja surel: gunakan `kinerja surel kirim --db PATH`\n"); return 2; }
  struct config cfg;
  struct surel_konfig k;
  char err[512];
  if (config_load(&cfg, argc - 1, argv + 1, env, err, sizeof err) != 0 || surel_konfig_isi(&k, &cfg, env, err, sizeof err) != 0) {
    fprintf(stderr, "kinerja surel kirim: %s\n", err);
    return 2;
  }
  struct db *db = open_migrated(cfg.db, true);
  if (!db || surel_kirim_global_mulai() != 0) { surel_konfig_hapus(&k); db_close(db); return 1; }
  struct surel_hasil h = {0, 0};
  int selesai = 0, rc = 0;
  do {
    if (surel_proses(db, &k, NULL, &h, &selesai) != 0) {
      fprintf(stderr, "kinerja surel kirim: kesalahan basis data: %s\n", db_errmsg(db));
      rc = 1;
      break;
    }
  } while (selesai == SUREL_BATCH);
  printf("Surel: %d terkirim, %d gagal.\n", h.terkirim, h.gagal);
  surel_konfig_hapus(&k);
  surel_kirim_global_akhiri();
  db_close(db);
  return rc;
}

int main(int argc, char **argv)
{
  if (sodium_init() < 0) { fprintf(stderr, "kinerja: libsodium gagal dimulai\n"); return 1; }
  json_object_seed(0);
  if (argc < 2 || strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0) { usage(); return argc < 2 ? 2 : 0; }
  const char *cmd = argv[1];
  argc -= 2;
  argv += 2;
  if (strcmp(cmd, "serve") == 0) return cmd_serve(argc, argv);
  if (strcmp(cmd, "migrate") == 0) return cmd_migrate(argc, argv);
  if (strcmp(cmd, "demo") == 0) return cmd_demo(argc, argv);
  if (strcmp(cmd, "import") == 0) return cmd_import(argc, argv);
  if (strcmp(cmd, "token") == 0) return cmd_token(argc, argv);
  if (strcmp(cmd, "audit") == 0) return cmd_audit(argc, argv);
  if (strcmp(cmd, "ringkasan") == 0) return cmd_ringkasan(argc, argv);
  if (strcmp(cmd, "backup") == 0) return cadangan_backup_main(argc, argv);
  if (strcmp(cmd, "restore") == 0) return cadangan_restore_main(argc, argv);
  if (strcmp(cmd, "dokumen") == 0) return cmd_dokumen(argc, argv);
  if (strcmp(cmd, "pengingat") == 0) return cmd_pengingat(argc, argv);
  if (strcmp(cmd, "surel") == 0) return cmd_surel(argc, argv);
  if (strcmp(cmd, "webhook") == 0) return webhook_main(argc, argv);
  if (strcmp(cmd, "2fa") == 0) return dua_faktor_main(argc, argv);
  if (strcmp(cmd, "siasn") == 0) return siasn_main(argc, argv);
  if (strcmp(cmd, "hitung") == 0) return hitung_main(argc, argv);
  if (strcmp(cmd, "migrate-data") == 0) return pindah_data_main(argc, argv);
  if (strcmp(cmd, "version") == 0) { puts("kinerja " KINERJA_VERSION); return 0; }
  fprintf(stderr, "kinerja: perintah tidak dikenal: %s\n\n", cmd);
  usage();
  return 2;
}
