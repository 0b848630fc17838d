/* demo_presensi.c: see demo_presensi.h.  Times are drawn from a fixed hash of (pegawai, day) so
 * every demo is the same: most pegawai arrive 07:05-07:29 and leave 16:00-16:50 (16:30-17:10 on
 * Fridays); about 12 % arrive 1-30 minutes late, 5 % 31-60, 3 % 61-120; 2 % of days have no
 * check-in, 2 % no check-out, 2 % leave early; a few pegawai have cuti or dinas luar days. */
#include "demo_presensi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "presensi.h"
#include "rules/aktivitas_aturan.h"
#include "util/util.h"

static uint32_t acak(uint64_t x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return (uint32_t)x;
}

static void jam(int menit, char out[6])
{
  unsigned u = (unsigned)menit % (24 * 60);
  snprintf(out, 6, "%02u:%02u", u / 60, u % 60);
}

/* One record of the sample fingerprint machine; "" = no check-in/out. */
static int demo_presensi_satu(struct db *db, int64_t pegawai_id, const char *tanggal, int64_t instansi_id,
                              const char *masuk, const char *pulang, int64_t now)
{
  struct db_stmt *st = db_prepare(db, "INSERT INTO presensi (pegawai_id, tanggal, instansi_id, masuk, pulang, sumber, baris, diubah)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, 'Mesin sidik jari (contoh)', NULL, ?6)");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, tanggal);
  db_bind_int64(st, 3, instansi_id);
  db_bind_text(st, 4, masuk[0] ? masuk : NULL);
  db_bind_text(st, 5, pulang[0] ? pulang : NULL);
  db_bind_int64(st, 6, now);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

/* A 22:00-06:00 roster day (the check-out is the next morning). */
static int demo_shift_malam(struct db *db, int64_t pegawai_id, const char *tanggal, int64_t instansi_id, int64_t now)
{
  struct db_stmt *st = db_prepare(db, "INSERT INTO jadwal_shift (pegawai_id, tanggal, instansi_id, masuk, pulang, libur, diubah)"
                                      " VALUES (?1, ?2, ?3, '22:00', '06:00', 0, ?4)");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, tanggal);
  db_bind_int64(st, 3, instansi_id);
  db_bind_int64(st, 4, now);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int demo_presensi_create(struct db *db, int64_t instansi_id, const char *hari_ini, int maks_pegawai, struct demo_presensi_hasil *h)
{
  memset(h, 0, sizeof *h);
  int64_t now = now_unix();
  int y = atoi(hari_ini), m = atoi(hari_ini + 5) - 1;
  if (m == 0) { m = 12; y--; }
  snprintf(h->bulan, sizeof h->bulan, "%04d-%02d", y, m);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO jadwal_kerja (instansi_id, unit_kerja_id, nama, hari_kerja, masuk, pulang, pulang_jumat, diubah)"
    " VALUES (?1, NULL, 'Jadwal 5 hari kerja', 5, '07:30', '16:00', '16:30', ?2)");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  st = db_prepare(db, "INSERT INTO presensi_sumber (instansi_id, nama, pemetaan, diubah) VALUES (?1, 'Mesin sidik jari (contoh)',"
                      " '{\"format_tanggal\":\"dmy\",\"masuk\":\"Jam Masuk\",\"nip\":\"NIP\",\"pulang\":\"Jam Pulang\",\"tanggal\":\"Tanggal\"}', ?2)");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, now);
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  /* the pegawai, in id order */
  int64_t *ids = malloc(sizeof *ids * (size_t)(maks_pegawai > 0 ? maks_pegawai : 1));
  if (!ids) return -1;
  int n = 0;
  st = db_prepare(db, "SELECT id FROM pegawai WHERE instansi_id = ?1 AND aktif = 1 ORDER BY id LIMIT ?2");
  if (!st) { free(ids); return -1; }
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, maks_pegawai);
  while (db_step(st) == DB_ROW && n < maks_pegawai) ids[n++] = db_col_int64(st, 0);
  db_done(st);
  int rc = -1;
  for (int d = 1; d <= 31; d++) {
    char t[40];
    snprintf(t, sizeof t, "%s-%02d", h->bulan, d);
    if (!date_valid(t)) break;
    int wd = hari_minggu(t);
    if (wd == 0 || wd == 6) continue;
    for (int i = 0; i < n; i++) {
      uint32_t r = acak((uint64_t)ids[i] * 1000003u + (uint64_t)d);
      int p = (int)(r % 1000);
      /* cuti: three pegawai in ten take two days in the middle of the month */
      if (ids[i] % 10 < 3 && (d == 14 || d == 15)) continue;
      char masuk[6] = "", pulang[6] = "";
      if (ids[i] % 10 == 9) {   /* one pegawai in ten works a night-shift roster (22:00-06:00) */
        if (demo_shift_malam(db, ids[i], t, instansi_id, now) != 0) goto out;
        h->shift++;
        int bm = 21 * 60 + 40 + (int)(r >> 10) % 20;                    /* 21:40-21:59 */
        if (p < 150) bm = 22 * 60 + 1 + (int)(r >> 12) % 45;           /* 1-45 late */
        int bp = 6 * 60 + (int)(r >> 16) % 30;                          /* 06:00-06:29 next morning */
        if (p >= 150 && p < 200) bp = 5 * 60 + 55 - (int)(r >> 16) % 40;  /* leaves early */
        jam(bm, masuk);
        jam(bp, pulang);
        if (demo_presensi_satu(db, ids[i], t, instansi_id, masuk, pulang, now) != 0) goto out;
        h->presensi++;
        continue;
      }
      int mm = 7 * 60 + 5 + (int)(r >> 10) % 25;                 /* 07:05-07:29 */
      if (p < 120) mm = 7 * 60 + 31 + (int)(r >> 12) % 30;       /* 1-30 late */
      else if (p < 170) mm = 8 * 60 + 1 + (int)(r >> 12) % 30;   /* 31-60 */
      else if (p < 200) mm = 8 * 60 + 31 + (int)(r >> 12) % 60; /* 61-120 */
      int pm = (wd == 5 ? 16 * 60 + 30 : 16 * 60) + (int)(r >> 16) % 40;
      if (p >= 200 && p < 220) pm = (wd == 5 ? 16 * 60 + 30 : 16 * 60) - 5 - (int)(r >> 16) % 50;   /* leaves early */
      if (!(p >= 220 && p < 240)) jam(mm, masuk);                  /* 2 % no check-in */
      if (!(p >= 240 && p < 260)) jam(pm, pulang);                 /* 2 % no check-out */
      if (demo_presensi_satu(db, ids[i], t, instansi_id, masuk, pulang, now) != 0) goto out;
      h->presensi++;
    }
  }
  for (int i = 0; i < n; i++) {
    if (ids[i] % 10 >= 3) continue;
    char dari[40], sampai[40];
    snprintf(dari, sizeof dari, "%s-14", h->bulan);
    snprintf(sampai, sizeof sampai, "%s-15", h->bulan);
    st = db_prepare(db, "INSERT INTO presensi_status (instansi_id, pegawai_id, status, dari, sampai, keterangan, dibuat)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!st) goto out;
    db_bind_int64(st, 1, instansi_id);
    db_bind_int64(st, 2, ids[i]);
    db_bind_text(st, 3, ids[i] % 10 == 2 ? "dinas_luar" : "cuti");
    db_bind_text(st, 4, dari);
    db_bind_text(st, 5, sampai);
    db_bind_text(st, 6, ids[i] % 10 == 2 ? "Rapat koordinasi di provinsi" : "Cuti tahunan");
    db_bind_int64(st, 7, now);
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) goto out;
    h->status++;
  }
  rc = 0;
out:
  free(ids);
  return rc;
}
