/* demo_umpan.c: evidence links on approved realisasi, a 360 round with answers, and public
 * feedback for one unit (see demo_umpan.h).  Direct inserts; the answers carry no respondent,
 * as real ones do. */
#include "demo_umpan.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

static int exec_simple(struct db *db, const char *sql, const int64_t *ints, int ni, const char *const *texts, int nt)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  for (int i = 0; i < ni; i++) db_bind_int64(st, i + 1, ints[i]);
  for (int i = 0; i < nt; i++) db_bind_text(st, ni + i + 1, texts[i]);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int demo_umpan_create(struct db *db, int64_t instansi_id, int64_t kasi, int64_t pembuka, int64_t unit,
                      struct demo_umpan_hasil *hasil)
{
  int64_t now = now_unix();
  /* evidence: a link to the monthly report for approved realisasi */
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO bukti (instansi_id, pegawai_id, jenis, nama, url, realisasi_id, dibuat)"
    " SELECT s.instansi_id, s.pegawai_id, 'tautan', 'Laporan bulan ' || x.bulan,"
    "        'https://arsip.sukamajukab.go.id/laporan/' || p.nip || '/' || x.bulan || '.pdf', x.id, ?2"
    "   FROM realisasi x JOIN skp s ON s.id = x.skp_id JOIN pegawai p ON p.id = s.pegawai_id"
    "  WHERE s.instansi_id = ?1 AND x.status = 'disetujui'");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  if (hasil) hasil->bukti = db_changes(db);
  /* a 360 round for the Kepala Seksi: four bawahan asked, three answered */
  if (kasi && pembuka) {
    char today[11];
    date_today(7, today);
    int64_t tahun = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0');
    st = db_prepare(db, "INSERT INTO putaran_360 (instansi_id, pegawai_id, dibuka_oleh, tahun, status, dibuat) VALUES (?1, ?2, ?3, ?4, 'terbuka', ?5) RETURNING id");
    if (!st) return -1;
    db_bind_int64(st, 1, instansi_id);
    db_bind_int64(st, 2, kasi);
    db_bind_int64(st, 3, pembuka);
    db_bind_int64(st, 4, tahun);
    db_bind_int64(st, 5, now);
    int64_t pid = db_step(st) == DB_ROW ? db_col_int64(st, 0) : 0;
    db_done(st);
    if (!pid) return -1;
    /* the pegawai account is left to answer by hand */
    st = db_prepare(db,
      "SELECT p.id FROM pegawai p WHERE p.atasan_id = ?1 AND p.aktif = 1"
      "   AND p.id NOT IN (SELECT pegawai_id FROM pengguna WHERE username = 'pegawai' AND pegawai_id IS NOT NULL) ORDER BY p.id LIMIT 3");
    if (!st) return -1;
    db_bind_int64(st, 1, kasi);
    int64_t ids[4];
    int n = 0;
    while (db_step(st) == DB_ROW && n < 3) ids[n++] = db_col_int64(st, 0);
    db_done(st);
    int64_t peg = 0;
    db_query_int64(db, "SELECT COALESCE(pegawai_id, 0) FROM pengguna WHERE username = 'pegawai'", 0, 0, &peg);
    if (peg) ids[n++] = peg;
    static const char *const komentar[] = {"Selalu siap membantu saat ada kendala data sekolah.", NULL, "Arahan jelas dan tepat waktu."};
    for (int i = 0; i < n; i++) {
      bool jawab = ids[i] != peg;
      int64_t a[] = {pid, ids[i], jawab ? 1 : 0};
      const char *t[] = {"bawahan"};
      if (exec_simple(db, "INSERT INTO responden_360 (putaran_id, pegawai_id, sudah, peran) VALUES (?1, ?2, ?3, ?4)", a, 3, t, 1) != 0) return -1;
      if (!jawab) continue;
      for (int v = 1; v <= 7; v++) {
        int64_t b[] = {pid, v, 3 + (v + i) % 3};
        const char *k = v == 1 ? komentar[i % 3] : NULL;
        struct db_stmt *q = db_prepare(db, "INSERT INTO jawaban_360 (putaran_id, peran, nilai, skor, komentar) VALUES (?1, 'bawahan', ?2, ?3, ?4)");
        if (!q) return -1;
        db_bind_int64(q, 1, b[0]);
        db_bind_int64(q, 2, b[1]);
        db_bind_int64(q, 3, b[2]);
        db_bind_text(q, 4, k);
        s = db_step(q);
        db_done(q);
        if (s != DB_DONE) return -1;
        if (hasil) hasil->jawaban_360++;
      }
    }
  }
  /* public feedback for one unit */
  if (unit) {
    char kode[33];
    random_hex(kode, 16);
    int64_t a[] = {instansi_id, unit, now};
    const char *t[] = {kode};
    if (exec_simple(db, "INSERT INTO kode_publik (instansi_id, target_id, dibuat, kode, target, aktif) VALUES (?1, ?2, ?3, ?4, 'unit', 1)", a, 3, t, 1) != 0) return -1;
    static const char *const komentar[] = {"Pelayanan cepat dan ramah.", "Antrean agak lama pada pagi hari.", NULL,
                                           "Petugas menjelaskan persyaratan dengan jelas.", NULL, "Mohon tambahkan kursi tunggu."};
    for (int i = 0; i < 12; i++) {
      char today[11], tanggal[11], dev[65], kl[65], seed[32];
      date_today(7, today);
      if (date_add_days(today, -(i % 6), tanggal) != 0) return -1;
      snprintf(seed, sizeof seed, "demo-perangkat-%d", i);
      hash_hex(seed, strlen(seed), dev);
      snprintf(seed, sizeof seed, "demo-klien-%d", i % 4);
      hash_hex(seed, strlen(seed), kl);
      struct db_stmt *q = db_prepare(db,
        "INSERT INTO masukan_publik (kode, skor, komentar, perangkat, klien, tanggal, dibuat) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      if (!q) return -1;
      db_bind_text(q, 1, kode);
      db_bind_int64(q, 2, 3 + i % 3);
      db_bind_text(q, 3, komentar[i % 6]);
      db_bind_text(q, 4, dev);
      db_bind_text(q, 5, kl);
      db_bind_text(q, 6, tanggal);
      db_bind_int64(q, 7, now - i * 3600);
      s = db_step(q);
      db_done(q);
      if (s != DB_DONE) return -1;
      if (hasil) hasil->masukan++;
    }
  }
  return 0;
}
