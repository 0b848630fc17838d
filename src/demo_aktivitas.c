/* demo_aktivitas.c: a few weeks of work for the demo agency (issue 5): daily activities on the
 * pegawai's RHK (older ones approved, recent ones waiting for review), rencana aksi for this
 * and next month, monthly realisasi (approved, and last month's submitted), feedback threads
 * and inbox items.  Written with direct inserts (the demo must stay fast for 10 k pegawai) for
 * at most DEMO_AKTIF pegawai; one audit record per instansi says what was created. */
#include "demo_aktivitas.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "rules/aktivitas_aturan.h"
#include "rules/target.h"
#include "util/util.h"

#define DEMO_AKTIF 400     /* pegawai with generated activities */
#define HARI_KERJA 25      /* working days back from today */

static const char *const URAIAN[] = {
  "Menyusun draf %s", "Mengolah data untuk %s", "Rapat koordinasi tentang %s", "Memeriksa dan memperbaiki %s",
  "Menyampaikan laporan %s kepada atasan", "Mengumpulkan bahan %s", "Melayani konsultasi terkait %s",
};

static uint64_t xs(uint64_t *s) { *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17; return *s; }

struct demo_rhk { int64_t id; char teks[200]; };

static int exec_insert_aktivitas(struct db *db, int64_t inst, int64_t pegawai, int64_t penilai, int64_t skp, int64_t rhk,
                                 const char *tanggal, int mulai, int menit, const char *uraian, bool setuju, int64_t now)
{
  char jm[8], js[8];
  snprintf(jm, sizeof jm, "%02d:%02d", mulai / 60 % 24, mulai % 60);
  snprintf(js, sizeof js, "%02d:%02d", (mulai + menit) / 60 % 24, (mulai + menit) % 60);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, skp_id, rhk_id, tanggal, jam_mulai, jam_selesai, menit, uraian,"
    "                       kuantitas, satuan, status, direview_oleh, direview, sumber, dibuat, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '1', 'kegiatan', ?11, ?12, ?13, 'demo', ?14, ?14)");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, pegawai);
  db_bind_id(st, 3, penilai);
  db_bind_int64(st, 4, skp);
  db_bind_id(st, 5, rhk);
  db_bind_text(st, 6, tanggal);
  db_bind_text(st, 7, jm);
  db_bind_text(st, 8, js);
  db_bind_int64(st, 9, menit);
  db_bind_text(st, 10, uraian);
  db_bind_text(st, 11, setuju ? "disetujui" : "diajukan");
  db_bind_id(st, 12, setuju ? penilai : 0);
  if (setuju) db_bind_int64(st, 13, now); else db_bind_null(st, 13);
  db_bind_int64(st, 14, now);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static int simple(struct db *db, const char *sql, const int64_t *ints, int ni, const char *const *texts, int nt)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  for (int i = 0; i < ni; i++) db_bind_int64(st, i + 1, ints[i]);
  for (int i = 0; i < nt; i++) db_bind_text(st, ni + i + 1, texts[i]);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int demo_aktivitas_create(struct db *db, int64_t instansi_id, int tahun, struct demo_aktivitas_hasil *hasil)
{
  char today[11];
  instansi_hari_ini(db, instansi_id, today);
  int bulan_ini = (today[5] - '0') * 10 + (today[6] - '0');
  int64_t now = now_unix();
  /* the working days, newest first, inside this year */
  char days[HARI_KERJA][11];
  int nd = 0;
  char d[11];
  str_copy(d, sizeof d, today);
  for (int guard = 0; nd < HARI_KERJA && guard < 60; guard++) {
    int w = hari_minggu(d);
    if (w != 0 && w != 6 && (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0') == tahun)
      str_copy(days[nd++], sizeof days[0], d);
    char prev[11];
    if (date_add_days(d, -1, prev) != 0) break;
    str_copy(d, sizeof d, prev);
  }
  /* approved SKP of the year, top of the tree first */
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id, s.pegawai_id, COALESCE(s.penilai_id, 0), s.pendekatan FROM skp s JOIN periode p ON p.id = s.periode_id"
    " WHERE s.instansi_id = ?1 AND p.tahun = ?2 AND s.status = 'disetujui' ORDER BY s.pegawai_id LIMIT ?3");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, DEMO_AKTIF);
  struct { int64_t skp, pegawai, penilai; bool kuant; } *list = calloc(DEMO_AKTIF, sizeof *list);
  int n = 0;
  if (!list) { db_done(st); return -1; }
  while (db_step(st) == DB_ROW && n < DEMO_AKTIF) {
    list[n].skp = db_col_int64(st, 0);
    list[n].pegawai = db_col_int64(st, 1);
    list[n].penilai = db_col_int64(st, 2);
    list[n].kuant = strcmp(db_col_text(st, 3), "kuantitatif") == 0;
    n++;
  }
  db_done(st);
  uint64_t rng = 0x9E3779B97F4A7C15ULL ^ (uint64_t)instansi_id;
  int rc = -1;
  for (int i = 0; i < n; i++) {
    struct demo_rhk rhk[8];
    int nr = 0;
    st = db_prepare(db, "SELECT id, rhk FROM rhk WHERE skp_id = ?1 AND kelompok = 'utama' ORDER BY urutan LIMIT 8");
    if (!st) goto out;
    db_bind_int64(st, 1, list[i].skp);
    while (db_step(st) == DB_ROW && nr < 8) {
      rhk[nr].id = db_col_int64(st, 0);
      /* "Tersusunnya laporan ..." -> "laporan ..." reads naturally after a verb */
      const char *t = db_col_text(st, 1);
      const char *sp = strchr(t, ' ');
      snprintf(rhk[nr].teks, sizeof rhk[nr].teks, "%.150s", sp ? sp + 1 : t);
      nr++;
    }
    db_done(st);
    if (nr == 0) continue;
    /* activities */
    for (int k = 0; k < nd; k++) {
      if (xs(&rng) % 10 == 0) continue;  /* a day without a log, as in real life */
      int per_day = 1 + (int)(xs(&rng) % 3), mulai = 7 * 60 + 30;
      for (int a = 0; a < per_day; a++) {
        const struct demo_rhk *r = &rhk[xs(&rng) % (uint64_t)nr];
        const char *tpl = URAIAN[xs(&rng) % (sizeof URAIAN / sizeof URAIAN[0])];
        char uraian[400];
        const char *p = strstr(tpl, "%s");
        snprintf(uraian, sizeof uraian, "%.*s%s%s", (int)(p - tpl), tpl, r->teks, p + 2);
        int menit = 60 + (int)(xs(&rng) % 4) * 30;   /* at most 3 x 150 = 450 minutes a day */
        if (mulai + menit > 7 * 60 + 30 + 420) break;
        bool setuju = k >= 5 && list[i].penilai;
        if (exec_insert_aktivitas(db, instansi_id, list[i].pegawai, list[i].penilai, list[i].skp, r->id, days[k], mulai, menit,
                                  uraian, setuju, now) != 0) goto out;
        mulai += menit + 15;
        if (hasil) hasil->aktivitas++;
      }
    }
    /* rencana aksi for this month and the next */
    for (int b = bulan_ini; b <= bulan_ini + 1 && b <= 12; b++)
      for (int k = 0; k < nr; k++) {
        char ur[300];
        snprintf(ur, sizeof ur, "Menyelesaikan %s bulan ke-%d", rhk[k].teks, b);
        int64_t ints[] = {list[i].skp, rhk[k].id, b, now};
        const char *texts[] = {ur};
        if (simple(db, "INSERT INTO rencana_aksi (skp_id, rhk_id, bulan, dibuat, diubah, uraian, target_angka, target_satuan)"
                       " VALUES (?1, ?2, ?3, ?4, ?4, ?5, '1', 'laporan')", ints, 4, texts, 1) != 0) goto out;
      }
    /* realisasi: approved for the months before last, submitted for last month */
    if (list[i].kuant && list[i].penilai) {
      for (int b = bulan_ini - 3; b < bulan_ini; b++) {
        if (b < 1) continue;
        bool last = b == bulan_ini - 1;
        st = db_prepare(db, "SELECT k.id, k.target_angka FROM iki k JOIN rhk r ON r.id = k.rhk_id WHERE r.skp_id = ?1 AND k.target_angka IS NOT NULL");
        if (!st) goto out;
        db_bind_int64(st, 1, list[i].skp);
        int64_t iki[16];
        char tgt[16][32];
        int ni = 0;
        while (db_step(st) == DB_ROW && ni < 16) { iki[ni] = db_col_int64(st, 0); str_copy(tgt[ni], sizeof tgt[0], db_col_text(st, 1)); ni++; }
        db_done(st);
        for (int k = 0; k < ni; k++) {
          /* a month's share of a yearly count, or the level itself for a percentage-like target */
          long t = strtol(tgt[k], NULL, 10);
          long v = t >= 12 && t != 100 ? (t / 12) + (long)(xs(&rng) % 2) : t - (long)(xs(&rng) % 5);
          if (v < 0) v = 0;
          char val[32];
          snprintf(val, sizeof val, "%ld", v);
          int64_t ints[] = {list[i].skp, iki[k], b, now, last ? 0 : list[i].penilai};
          const char *texts[] = {val, last ? "diajukan" : "disetujui"};
          if (simple(db, "INSERT INTO realisasi (skp_id, iki_id, bulan, dibuat, diubah, direview_oleh, nilai_angka, status, direview)"
                         " VALUES (?1, ?2, ?3, ?4, ?4, NULLIF(?5, 0), ?6, ?7, CASE WHEN ?5 = 0 THEN NULL ELSE ?4 END)",
                     ints, 5, texts, 2) != 0) goto out;
          if (hasil) hasil->realisasi++;
        }
      }
    }
    /* a feedback thread for every fifth pegawai */
    if (list[i].penilai && i % 5 == 0) {
      int64_t ints[] = {instansi_id, list[i].skp, rhk[0].id, list[i].penilai, now};
      const char *texts[] = {"Laporan bulan lalu sudah rapi; mohon tambahkan rekap capaian per minggu."};
      if (simple(db, "INSERT INTO umpan_balik (instansi_id, skp_id, entitas, entitas_id, penulis_id, jenis, dibuat, isi)"
                     " VALUES (?1, ?2, 'rhk', ?3, ?4, 'umpan_balik', ?5, ?6)", ints, 5, texts, 1) != 0) goto out;
      int64_t n2[] = {list[i].pegawai};
      const char *t2[] = {"Umpan balik baru", "Laporan bulan lalu sudah rapi; mohon tambahkan rekap capaian per minggu."};
      if (simple(db, "INSERT INTO notifikasi (pegawai_id, dibaca, dibuat, judul, isi) VALUES (?1, 0, 0, ?2, ?3)", n2, 1, t2, 2) != 0) goto out;
    }
  }
  rc = 0;
out:
  free(list);
  return rc;
}
