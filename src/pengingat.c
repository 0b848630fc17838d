/* pengingat.c: reminders (see pengingat.h). */
#include "pengingat.h"

#include <stdio.h>
#include <string.h>

#include "aktivitas.h"
#include "auth/session.h"
#include "rules/aktivitas_aturan.h"
#include "util/util.h"

#define JUDUL_LOG "Pengingat: catat aktivitas"
#define JUDUL_REVIEW "Pengingat: review menunggu"

/* The date N working days (Mon-Fri) before `today`. */
static void mundur_hari_kerja(const char *today, int n, char out[11])
{
  char d[11];
  str_copy(d, sizeof d, today);
  while (n > 0) {
    char p[11];
    if (date_add_days(d, -1, p) != 0) break;
    str_copy(d, sizeof d, p);
    int w = hari_minggu(d);
    if (w != 0 && w != 6) n--;
  }
  str_copy(out, 11, d);
}

int pengingat_jalankan(struct db *db, int64_t instansi_id, int hari, struct pengingat_hasil *hasil)
{
  memset(hasil, 0, sizeof *hasil);
  if (hari < 1) hari = 3;
  int64_t inst[1024];
  int ni = 0;
  struct db_stmt *st = db_prepare(db, "SELECT id FROM instansi WHERE aktif = 1 AND latihan_dari IS NULL AND (?1 = 0 OR id = ?1) ORDER BY id");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  while (db_step(st) == DB_ROW && ni < 1024) inst[ni++] = db_col_int64(st, 0);
  db_done(st);
  if (db_begin_write(db) != DB_OK) return -1;
  for (int i = 0; i < ni; i++) {
    char today[11], batas[11];
    instansi_hari_ini(db, inst[i], today);
    mundur_hari_kerja(today, hari, batas);
    /* pegawai with an SKP this year and no activity since `batas` */
    st = db_prepare(db,
      "SELECT p.id, COALESCE((SELECT MAX(a.tanggal) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0), '')"
      "  FROM pegawai p WHERE p.instansi_id = ?1 AND p.aktif = 1"
      "   AND EXISTS (SELECT 1 FROM skp s WHERE s.pegawai_id = p.id AND s.mulai <= ?2 AND s.selesai >= ?2)"
      "   AND NOT EXISTS (SELECT 1 FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal >= ?3)"
      "   AND NOT EXISTS (SELECT 1 FROM notifikasi n WHERE n.pegawai_id = p.id AND n.judul = '" JUDUL_LOG "' AND n.dibaca = 0)");
    if (!st) goto fail;
    db_bind_int64(st, 1, inst[i]);
    db_bind_text(st, 2, today);
    db_bind_text(st, 3, batas);
    int64_t ids[4096];
    char last[4096][11];
    int n = 0;
    while (db_step(st) == DB_ROW && n < 4096) { ids[n] = db_col_int64(st, 0); str_copy(last[n], 11, db_col_text(st, 1)); n++; }
    db_done(st);
    for (int k = 0; k < n; k++) {
      char isi[200];
      if (last[k][0]) snprintf(isi, sizeof isi, "Aktivitas terakhir Anda tercatat %.10s. Catat pekerjaan hari ini agar realisasi mudah disusun.", last[k]);
      else snprintf(isi, sizeof isi, "Anda belum mencatat aktivitas. Catat pekerjaan hari ini agar realisasi mudah disusun.");
      if (notifikasi_kirim(db, ids[k], JUDUL_LOG, isi, "#/aktivitas") != 0) goto fail;
      hasil->belum_mencatat++;
    }
    /* penilai with activities or realisasi waiting since before `batas` */
    st = db_prepare(db,
      "SELECT penilai_id, COUNT(*) FROM aktivitas a WHERE a.instansi_id = ?1 AND a.status = 'diajukan' AND a.dihapus = 0 AND a.tanggal < ?2"
      "   AND a.penilai_id IS NOT NULL"
      "   AND NOT EXISTS (SELECT 1 FROM notifikasi n WHERE n.pegawai_id = a.penilai_id AND n.judul = '" JUDUL_REVIEW "' AND n.dibaca = 0)"
      " GROUP BY penilai_id");
    if (!st) goto fail;
    db_bind_int64(st, 1, inst[i]);
    db_bind_text(st, 2, batas);
    int64_t pen[4096], cnt[4096];
    n = 0;
    while (db_step(st) == DB_ROW && n < 4096) { pen[n] = db_col_int64(st, 0); cnt[n] = db_col_int64(st, 1); n++; }
    db_done(st);
    for (int k = 0; k < n; k++) {
      char isi[200];
      snprintf(isi, sizeof isi, "%lld aktivitas bawahan menunggu review lebih dari %d hari kerja.", (long long)cnt[k], hari);
      if (notifikasi_kirim(db, pen[k], JUDUL_REVIEW, isi, "#/review") != 0) goto fail;
      hasil->menunggu_review++;
    }
  }
  /* idempotency keys serve retries of a few days; a week later they are forgotten */
  st = db_prepare(db, "DELETE FROM idempotensi WHERE dibuat < ?1");
  if (!st) goto fail;
  db_bind_int64(st, 1, now_unix() - 7 * 86400);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto fail;
  /* failed sign-in windows that ended (auth/session.h) */
  if (throttle_bersihkan(db) != 0) goto fail;
  return db_commit(db) == DB_OK ? 0 : -1;
fail:
  db_rollback(db);
  return -1;
}
