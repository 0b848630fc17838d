/* demo_penilaian.c: evaluations for the demo agency (see demo_penilaian.h).  Direct inserts,
 * deterministic ratings (most Sesuai, some Di Atas, a few Di Bawah), the predikat from the
 * matrix of rules/predikat.c, a content hash as a real finalisation records. */
#include "demo_penilaian.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "rules/predikat.h"
#include "util/util.h"

static const char *const RATING[] = {"di_bawah", "sesuai", "di_atas"};

static int insert(struct db *db, int64_t inst, int64_t skp, int64_t pegawai, int64_t penilai, int64_t unit, const char *jenis, int ke,
                  const char *mulai, const char *selesai, int rh, int rp, int64_t now)
{
  enum predikat p = predikat_from_ratings((enum rating)rh, (enum rating)rp, NULL);
  char isi[256], hash[65];
  snprintf(isi, sizeof isi, "%lld|%s|%d|%s|%s|%s", (long long)skp, jenis, ke, RATING[rh], RATING[rp], predikat_kode(p));
  hash_hex(isi, strlen(isi), hash);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO penilaian (instansi_id, skp_id, pegawai_id, penilai_id, unit_kerja_id, jenis, periode_ke, mulai, selesai,"
    "                       rating_hasil, rating_perilaku, predikat, catatan, status, hash, difinalkan, dibuat, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'Pertahankan kinerja dan dokumentasikan bukti dukung setiap bulan.',"
    "         'final', ?13, ?14, ?14, ?14)");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, skp);
  db_bind_int64(st, 3, pegawai);
  db_bind_int64(st, 4, penilai);
  db_bind_id(st, 5, unit);
  db_bind_text(st, 6, jenis);
  db_bind_int64(st, 7, ke);
  db_bind_text(st, 8, mulai);
  db_bind_text(st, 9, selesai);
  db_bind_text(st, 10, RATING[rh]);
  db_bind_text(st, 11, RATING[rp]);
  db_bind_text(st, 12, predikat_kode(p));
  db_bind_text(st, 13, hash);
  db_bind_int64(st, 14, now);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int demo_penilaian_create(struct db *db, int64_t instansi_id, int tahun, struct demo_penilaian_hasil *hasil)
{
  char today[11];
  instansi_hari_ini(db, instansi_id, today);
  int bulan = (today[5] - '0') * 10 + (today[6] - '0');
  int selesai_q = (bulan - 1) / 3;   /* quarters already over */
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id, s.pegawai_id, s.penilai_id, COALESCE(p.unit_kerja_id, 0) FROM skp s JOIN periode pr ON pr.id = s.periode_id"
    "  JOIN pegawai p ON p.id = s.pegawai_id"
    " WHERE s.instansi_id = ?1 AND pr.tahun = ?2 AND s.status = 'disetujui' AND s.penilai_id IS NOT NULL ORDER BY s.pegawai_id LIMIT 2000");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, tahun);
  struct row { int64_t skp, pegawai, penilai, unit; } *rows = calloc(2000, sizeof *rows);
  int n = 0;
  if (!rows) { db_done(st); return -1; }
  while (db_step(st) == DB_ROW && n < 2000) {
    rows[n].skp = db_col_int64(st, 0);
    rows[n].pegawai = db_col_int64(st, 1);
    rows[n].penilai = db_col_int64(st, 2);
    rows[n].unit = db_col_int64(st, 3);
    n++;
  }
  db_done(st);
  int rc = -1;
  uint64_t x = 88172645463325252ULL ^ (uint64_t)instansi_id;
  for (int i = 0; i < n; i++) {
    for (int q = 1; q <= selesai_q; q++) {
      char mulai[32], sel[32];
      snprintf(mulai, sizeof mulai, "%04d-%02d-01", tahun, (q - 1) * 3 + 1);
      snprintf(sel, sizeof sel, "%04d-%02d-%02d", tahun, q * 3, q == 1 || q == 4 ? 31 : 30);
      x ^= x << 13; x ^= x >> 7; x ^= x << 17;
      int r = (int)(x % 20);
      int rh = r < 3 ? 2 : r < 19 ? 1 : 0, rp = r == 0 ? 2 : r < 19 ? 1 : 0;
      if (insert(db, instansi_id, rows[i].skp, rows[i].pegawai, rows[i].penilai, rows[i].unit, "periodik", q, mulai, sel, rh, rp, now) != 0) goto out;
      if (hasil) hasil->periodik++;
    }
  }
  /* predikat organisasi for every unit with pegawai: most Baik, a few Istimewa */
  st = db_prepare(db,
    "INSERT INTO predikat_organisasi (unit_kerja_id, tahun, instansi_id, predikat, alasan, diubah)"
    " SELECT u.id, ?2, u.instansi_id, CASE WHEN u.id % 7 = 0 THEN 'istimewa' ELSE 'baik' END,"
    "        'Capaian Perjanjian Kinerja unit tahun berjalan', ?3"
    "   FROM unit_kerja u WHERE u.instansi_id = ?1 AND EXISTS (SELECT 1 FROM pegawai p WHERE p.unit_kerja_id = u.id)");
  if (!st) goto out;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, now);
  if (db_step(st) != DB_DONE) { db_done(st); goto out; }
  db_done(st);
  if (hasil) hasil->unit = db_changes(db);
  /* annual penilaian for the unit with the most approved SKP: everyone Baik, which breaks the
   * rule "at least one Butuh Perbaikan and/or Kurang" of a unit rated Baik */
  /* not a unit of the named demo accounts or of their atasan: their screens stay workable */
  int64_t skip[64];
  int nskip = 0;
  st = db_prepare(db,
    "SELECT DISTINCT p.unit_kerja_id FROM pegawai p WHERE p.unit_kerja_id IS NOT NULL AND p.id IN ("
    "  SELECT u.pegawai_id FROM pengguna u JOIN pegawai q ON q.id = u.pegawai_id WHERE u.username <> q.nip"
    "  UNION SELECT a.atasan_id FROM pegawai a JOIN pengguna u ON u.pegawai_id = a.id WHERE u.username <> a.nip)");
  if (!st) goto out;
  while (db_step(st) == DB_ROW && nskip < 64) skip[nskip++] = db_col_int64(st, 0);
  db_done(st);
  int64_t unit = 0, best = 0;
  for (int i = 0; i < n; i++) {
    bool skipped = false;
    for (int k = 0; k < nskip; k++) if (skip[k] == rows[i].unit) skipped = true;
    if (skipped) continue;
    int c = 0;
    for (int j = 0; j < n; j++) c += rows[j].unit == rows[i].unit;
    if (c > best && rows[i].unit) { best = c; unit = rows[i].unit; }
  }
  if (unit) {
    st = db_prepare(db, "UPDATE predikat_organisasi SET predikat = 'baik' WHERE unit_kerja_id = ?1 AND tahun = ?2");
    if (!st) goto out;
    db_bind_int64(st, 1, unit);
    db_bind_int64(st, 2, tahun);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) goto out;
    char mulai[32], sel[32];
    snprintf(mulai, sizeof mulai, "%04d-01-01", tahun);
    snprintf(sel, sizeof sel, "%04d-12-31", tahun);
    for (int i = 0; i < n; i++) {
      if (rows[i].unit != unit) continue;
      if (insert(db, instansi_id, rows[i].skp, rows[i].pegawai, rows[i].penilai, unit, "tahunan", 0, mulai, sel, 1, 1, now) != 0) goto out;
      if (hasil) hasil->tahunan++;
    }
  }
  rc = 0;
out:
  free(rows);
  return rc;
}
