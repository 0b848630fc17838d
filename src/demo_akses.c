/* demo_akses.c: sign-in history, access log entries and workflow durations for the demo (see
 * demo_akses.h).  Deterministic: every choice is arithmetic on ids, so a demo is reproducible. */
#include "demo_akses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "adopsi.h"
#include "util/util.h"

#define HARI 86400
#define WIB (7 * 3600)
#define MAKS_AKUN 3000      /* accounts given a history (bounded for large demos) */
#define MAKS_BARIS 20000    /* reviewed activities / realisasi re-timed */

static int64_t unix_tanggal(const char *ymd)
{
  if (!ymd || strlen(ymd) < 10) return 0;
  struct tm tm = {0};
  tm.tm_year = (ymd[0] - '0') * 1000 + (ymd[1] - '0') * 100 + (ymd[2] - '0') * 10 + (ymd[3] - '0') - 1900;
  tm.tm_mon = (ymd[5] - '0') * 10 + (ymd[6] - '0') - 1;
  tm.tm_mday = (ymd[8] - '0') * 10 + (ymd[9] - '0');
  return (int64_t)timegm(&tm) - WIB;
}

static int step_done(struct db_stmt *st)
{
  int s = db_step(st);
  return s == DB_DONE || s == DB_ROW ? 0 : -1;
}

/* A hesitant unit: every third unit adopts slowly and takes longer at each step. */
static int ragu(int64_t unit) { return unit % 3 == 0; }

static int sesi(struct db *db, int64_t inst, int64_t now, int *n)
{
  struct db_stmt *q = db_prepare(db,
    "SELECT g.id, COALESCE(p.unit_kerja_id, 0) FROM pengguna g JOIN pegawai p ON p.id = g.pegawai_id"
    " WHERE p.instansi_id = ?1 AND p.aktif = 1 ORDER BY g.id LIMIT ?2");
  if (!q) return -1;
  db_bind_int64(q, 1, inst);
  db_bind_int64(q, 2, MAKS_AKUN);
  struct akun { int64_t uid, unit; } *akun = malloc(MAKS_AKUN * sizeof *akun);
  if (!akun) { db_done(q); return -1; }
  int na = 0, s;
  while ((s = db_step(q)) == DB_ROW && na < MAKS_AKUN) {
    akun[na].uid = db_col_int64(q, 0);
    akun[na].unit = db_col_int64(q, 1);
    na++;
  }
  db_done(q);
  if (s != DB_DONE && s != DB_ROW) { free(akun); return -1; }
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO sesi (token_hash, pengguna_id, csrf, dibuat, dipakai, berakhir) VALUES (?1, ?2, 'demo', ?3, ?4, ?5)");
  if (!st) { free(akun); return -1; }
  int64_t senin = adopsi_awal_minggu(now);
  int rc = 0;
  for (int i = 0; i < na && rc == 0; i++) {
    for (int w = 0; w < 8; w++) {   /* w weeks ago */
      int laju = (ragu(akun[i].unit) ? 25 : 62) + (7 - w) * 4;   /* adoption rising toward now */
      if ((int)((akun[i].uid * 37 + w * 53) % 100) >= laju) continue;
      int64_t t = senin - (int64_t)w * 7 * HARI + (akun[i].uid % 5) * HARI + 30 * 60 + (akun[i].uid % 90) * 60;
      if (t > now - 60) continue;
      char tok[64];
      snprintf(tok, sizeof tok, "demo-%lld-%d", (long long)akun[i].uid, w);
      db_reset(st);
      db_bind_text(st, 1, tok);
      db_bind_int64(st, 2, akun[i].uid);
      db_bind_int64(st, 3, t);
      db_bind_int64(st, 4, t + 2 * 3600 + (akun[i].uid % 7) * 600 > now ? now : t + 2 * 3600 + (akun[i].uid % 7) * 600);
      db_bind_int64(st, 5, t + 12 * 3600 > now ? t : t + 12 * 3600);   /* ended: never a live session */
      if (step_done(st) != 0) rc = -1;
      else (*n)++;
    }
  }
  db_done(st);
  free(akun);
  return rc;
}

static int lihat(struct db *db, int64_t inst, int64_t now, int *n)
{
  int64_t ms = now * 1000;
  /* each atasan read their bawahan's SKP and activity list on some day of the last three weeks,
   * and their dashboard once; the admin and the pimpinan read a few dashboards and TPP results */
  static const char *const sql[] = {
    "INSERT INTO akses_lihat (instansi_id, pegawai_id, pengguna_id, peran, objek, rujukan, waktu)"
    " SELECT p.instansi_id, p.id, g.id, 'atasan', 'skp', '/api/v1/skp/' || s.id,"
    "        ?2 - ((p.id * 7 + 3) % 20) * 86400000 - ((p.id * 13) % 480) * 60000"
    "   FROM pegawai p JOIN pengguna g ON g.pegawai_id = p.atasan_id JOIN skp s ON s.pegawai_id = p.id"
    "  WHERE p.instansi_id = ?1 AND p.aktif = 1 AND s.status <> 'draft' AND p.id % 5 <> 0 LIMIT ?3",
    "INSERT INTO akses_lihat (instansi_id, pegawai_id, pengguna_id, peran, objek, rujukan, waktu)"
    " SELECT p.instansi_id, p.id, g.id, 'atasan', 'aktivitas', '/api/v1/aktivitas',"
    "        ?2 - ((p.id * 11 + 1) % 15) * 86400000 - ((p.id * 17) % 300) * 60000"
    "   FROM pegawai p JOIN pengguna g ON g.pegawai_id = p.atasan_id"
    "  WHERE p.instansi_id = ?1 AND p.aktif = 1 AND p.id % 3 <> 0 LIMIT ?3",
    "INSERT INTO akses_lihat (instansi_id, pegawai_id, pengguna_id, peran, objek, rujukan, waktu)"
    " SELECT p.instansi_id, p.id, g.id, 'atasan', 'dasbor', '/api/v1/dasbor/pegawai/' || p.id,"
    "        ?2 - ((p.id * 5 + 2) % 9) * 86400000 - 3600000"
    "   FROM pegawai p JOIN pengguna g ON g.pegawai_id = p.atasan_id"
    "  WHERE p.instansi_id = ?1 AND p.aktif = 1 AND p.id % 4 = 1 LIMIT ?3",
    "INSERT INTO akses_lihat (instansi_id, pegawai_id, pengguna_id, peran, objek, rujukan, waktu)"
    " SELECT p.instansi_id, p.id, g.id, 'admin', 'dasbor', '/api/v1/dasbor/pegawai/' || p.id,"
    "        ?2 - ((p.id * 3) % 12) * 86400000 - 5400000"
    "   FROM pegawai p JOIN pengguna g ON g.username = 'admin' AND g.instansi_id = p.instansi_id"
    "  WHERE p.instansi_id = ?1 AND p.aktif = 1 AND (p.id % 6 = 2 OR p.id IN"
    "        (SELECT pegawai_id FROM pengguna WHERE username = 'pegawai' AND pegawai_id IS NOT NULL)) LIMIT ?3",
    "INSERT INTO akses_lihat (instansi_id, pegawai_id, pengguna_id, peran, objek, rujukan, waktu)"
    " SELECT p.instansi_id, p.id, g.id, 'pimpinan', 'tpp',"
    "        '/api/v1/tpp/bulan/' || h.bulan_id || '/pegawai/' || p.id, ?2 - ((p.id * 7) % 6) * 86400000 - 7200000"
    "   FROM tpp_hasil h JOIN pegawai p ON p.id = h.pegawai_id"
    "   JOIN pengguna g ON g.username = 'pimpinan' AND g.instansi_id = p.instansi_id"
    "  WHERE p.instansi_id = ?1 AND (p.id % 7 = 3 OR p.id IN"
    "        (SELECT pegawai_id FROM pengguna WHERE username = 'pegawai' AND pegawai_id IS NOT NULL)) LIMIT ?3",
  };
  for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
    struct db_stmt *st = db_prepare(db, sql[i]);
    if (!st) return -1;
    db_bind_int64(st, 1, inst);
    db_bind_int64(st, 2, ms);
    db_bind_int64(st, 3, MAKS_AKUN);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
    *n += db_changes(db);
  }
  return 0;
}

/* Durations: the demo wrote every step at the same instant; spread them like real use. */
static int durasi(struct db *db, int64_t inst, int tahun, int64_t now)
{
  char jan[16];
  snprintf(jan, sizeof jan, "%04d-01-05", tahun % 10000);
  int64_t t0 = unix_tanggal(jan);
  struct db_stmt *st = db_prepare(db,
    "UPDATE skp SET dibuat = ?2 + ((id * 13) % 10) * 86400 + 9 * 3600,"
    "  diajukan = CASE WHEN diajukan IS NULL THEN NULL ELSE ?2 + ((id * 13) % 10) * 86400 + 9 * 3600"
    "             + (1 + (id * 7) % 6 + CASE WHEN COALESCE(unit_kerja_id, 0) % 3 = 0 THEN 11 ELSE 0 END) * 86400 END,"
    "  disetujui = CASE WHEN disetujui IS NULL THEN NULL ELSE ?2 + ((id * 13) % 10) * 86400 + 9 * 3600"
    "             + (1 + (id * 7) % 6 + CASE WHEN COALESCE(unit_kerja_id, 0) % 3 = 0 THEN 11 ELSE 0 END) * 86400"
    "             + ((id % 4) + CASE WHEN COALESCE(unit_kerja_id, 0) % 3 = 0 THEN 5 ELSE 0 END) * 86400 + 3 * 3600 END"
    " WHERE instansi_id = ?1 AND ?2 + 40 * 86400 < ?3");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, t0);
  db_bind_int64(st, 3, now);
  int rc = step_done(st);
  db_done(st);
  if (rc) return -1;
  /* reviews: logged in the afternoon of the day, reviewed hours to days later (never in the future) */
  static const char *const pilih[] = {
    "SELECT a.id, a.tanggal, COALESCE(p.unit_kerja_id, 0) FROM aktivitas a JOIN pegawai p ON p.id = a.pegawai_id"
    " WHERE a.instansi_id = ?1 AND a.direview IS NOT NULL ORDER BY a.id DESC LIMIT ?2",
    "SELECT r.id, '', COALESCE(p.unit_kerja_id, 0), r.bulan FROM realisasi r JOIN skp s ON s.id = r.skp_id"
    "  JOIN pegawai p ON p.id = s.pegawai_id WHERE s.instansi_id = ?1 AND r.direview IS NOT NULL ORDER BY r.id DESC LIMIT ?2",
  };
  static const char *const ubah[] = {
    "UPDATE aktivitas SET dibuat = ?2, direview = ?3, diubah = ?3 WHERE id = ?1",
    "UPDATE realisasi SET dibuat = ?2, direview = ?3, diubah = ?3 WHERE id = ?1",
  };
  for (int k = 0; k < 2; k++) {
    struct db_stmt *q = db_prepare(db, pilih[k]);
    if (!q) return -1;
    db_bind_int64(q, 1, inst);
    db_bind_int64(q, 2, MAKS_BARIS);
    struct db_stmt *u = NULL;
    int s;
    /* the ids and times are collected first: updating while stepping the same table is avoided */
    int64_t (*ids)[3] = malloc(MAKS_BARIS * sizeof *ids);
    if (!ids) { db_done(q); return -1; }
    int n = 0;
    while ((s = db_step(q)) == DB_ROW && n < MAKS_BARIS) {
      int64_t id = db_col_int64(q, 0), unit = db_col_int64(q, 2), dibuat;
      if (k == 0) {
        dibuat = unix_tanggal(db_col_text(q, 1)) + 15 * 3600 + (id % 120) * 60;
      } else {
        char d[32];
        int bulan = (int)db_col_int64(q, 3) % 100;
        snprintf(d, sizeof d, "%04d-%02d-01", (tahun + (bulan == 12)) % 10000, bulan == 12 ? 1 : bulan + 1);
        dibuat = unix_tanggal(d) + ((id % 4) + 1) * HARI + 10 * 3600;
      }
      int64_t jeda = (id % 3) * HARI + 2 * 3600 + (id % 11) * 1800 + (ragu(unit) ? (k ? 6 : 3) * HARI : 0);
      if (dibuat > now - 2 * 3600) dibuat = now - 2 * 3600;
      int64_t direview = dibuat + jeda > now - 600 ? now - 600 : dibuat + jeda;
      ids[n][0] = id;
      ids[n][1] = dibuat;
      ids[n][2] = direview;
      n++;
    }
    db_done(q);
    u = s == DB_DONE || s == DB_ROW ? db_prepare(db, ubah[k]) : NULL;
    if (!u) { free(ids); return -1; }
    for (int i = 0; i < n && rc == 0; i++) {
      db_reset(u);
      db_bind_int64(u, 1, ids[i][0]);
      db_bind_int64(u, 2, ids[i][1]);
      db_bind_int64(u, 3, ids[i][2]);
      rc = step_done(u);
    }
    db_done(u);
    free(ids);
    if (rc) return -1;
  }
  /* penilaian: finalised days after the end of their period */
  struct db_stmt *q = db_prepare(db,
    "SELECT t.id, t.selesai, COALESCE(t.unit_kerja_id, 0) FROM penilaian t"
    " WHERE t.instansi_id = ?1 AND t.status = 'final' AND t.jenis = 'periodik' AND t.difinalkan IS NOT NULL"
    /* the named demo accounts keep theirs as made: their keberatan window stays open to try */
    "   AND t.pegawai_id NOT IN (SELECT pegawai_id FROM pengguna WHERE pegawai_id IS NOT NULL"
    "                             AND username IN ('pegawai', 'atasan', 'admin', 'pimpinan', 'auditor'))"
    " ORDER BY t.id LIMIT ?2");
  if (!q) return -1;
  db_bind_int64(q, 1, inst);
  db_bind_int64(q, 2, MAKS_BARIS);
  int64_t (*pn)[2] = malloc(MAKS_BARIS * sizeof *pn);
  if (!pn) { db_done(q); return -1; }
  int n = 0, s;
  while ((s = db_step(q)) == DB_ROW && n < MAKS_BARIS) {
    int64_t id = db_col_int64(q, 0), unit = db_col_int64(q, 2);
    int64_t t = unix_tanggal(db_col_text(q, 1)) + HARI + (2 + id % 6 + (ragu(unit) ? 9 : 0)) * HARI + 10 * 3600;
    pn[n][0] = id;
    pn[n][1] = t > now - 3600 ? now - 3600 : t;
    n++;
  }
  db_done(q);
  struct db_stmt *u = s == DB_DONE || s == DB_ROW ? db_prepare(db, "UPDATE penilaian SET difinalkan = ?2 WHERE id = ?1") : NULL;
  if (!u) { free(pn); return -1; }
  for (int i = 0; i < n && rc == 0; i++) {
    db_reset(u);
    db_bind_int64(u, 1, pn[i][0]);
    db_bind_int64(u, 2, pn[i][1]);
    rc = step_done(u);
  }
  db_done(u);
  free(pn);
  return rc;
}

int demo_akses_create(struct db *db, int64_t inst, int tahun, int64_t now, struct demo_akses_hasil *hasil)
{
  int ns = 0, nl = 0;
  if (durasi(db, inst, tahun, now) != 0 || sesi(db, inst, now, &ns) != 0 || lihat(db, inst, now, &nl) != 0) return -1;
  if (hasil) { hasil->sesi = ns; hasil->lihat = nl; }
  return 0;
}
