/* dasbor_baris.c: one row per pegawai for the team and unit dashboards, with the risk signals
 * (rules/kepatuhan.h), and the year-to-date capaian of an SKP (rules/target.h). */
#include "dasbor_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/target.h"
#include "util/buf.h"
#include "util/util.h"

int dasbor_capaian_skp(struct db *db, int64_t skp_id, int bulan)
{
  if (!skp_id || bulan < 1 || bulan > 12) return -1;
  struct db_stmt *st = db_prepare(db,
    "SELECT i.id, i.target_angka, COALESCE(i.target_satuan, ''), x.bulan, x.nilai_angka"
    "  FROM rhk h JOIN iki i ON i.rhk_id = h.id"
    "  LEFT JOIN realisasi x ON x.iki_id = i.id AND x.bulan <= ?2 AND x.status IN ('diajukan', 'disetujui')"
    " WHERE h.skp_id = ?1 AND i.target_angka IS NOT NULL ORDER BY i.id, x.bulan");
  if (!st) return -1;
  db_bind_int64(st, 1, skp_id);
  db_bind_int64(st, 2, bulan);
  /* one IKI at a time: its months are consecutive rows */
  int64_t cur = 0, total = 0;   /* total in hundredths of a percent */
  int n = 0;
  char target[48] = "", nilai_buf[12][48];
  const char *nilai[12] = {0};
  bool persen = false;
  int s;
  for (;;) {
    s = db_step(st);
    int64_t id = s == DB_ROW ? db_col_int64(st, 0) : 0;
    if (cur && id != cur) {
      struct capaian_tahun c;
      if (target_capaian_tahun(nilai, target, persen, bulan, &c) == 0) {
        char *dot = strchr(c.capaian_prorata, '.');
        int64_t whole = atoll(c.capaian_prorata), frac = dot ? atoll(dot + 1) : 0;
        total += whole * 100 + frac;
        n++;
      }
      memset(nilai, 0, sizeof nilai);
    }
    if (s != DB_ROW) break;
    cur = id;
    str_copy(target, sizeof target, db_col_text(st, 1));
    persen = strcmp(db_col_text(st, 2), "%") == 0;
    if (!db_col_is_null(st, 3) && !db_col_is_null(st, 4)) {
      int m = (int)db_col_int64(st, 3);
      if (m >= 1 && m <= 12) {
        str_copy(nilai_buf[m - 1], sizeof nilai_buf[m - 1], db_col_text(st, 4));
        nilai[m - 1] = nilai_buf[m - 1];
      }
    }
  }
  db_done(st);
  if (s != DB_DONE || !n) return -1;
  return (int)((total * 2 + 100 * n) / (200 * n));   /* mean, whole percent, half up */
}

json_t *dasbor_baris_pegawai(struct db *db, const struct dasbor_waktu *w, int64_t instansi_id, const char *where,
                             int64_t param, int maks, int *risiko_n)
{
  *risiko_n = 0;
  char y1[24], y2[24];
  snprintf(y1, sizeof y1, "%04d-01-01", w->tahun);
  snprintf(y2, sizeof y2, "%04d-12-31", w->tahun);
  struct buf b;
  buf_init(&b, 8192);
  int gagal = buf_puts(&b,
    "SELECT p.id, p.nip, p.nama, COALESCE(j.nama, ''), COALESCE(u.nama, ''),"
    "  (SELECT s.id FROM skp s WHERE s.pegawai_id = p.id AND s.periode_id = ?1 ORDER BY s.mulai DESC LIMIT 1),"
    "  (SELECT s.status FROM skp s WHERE s.pegawai_id = p.id AND s.periode_id = ?1 ORDER BY s.mulai DESC LIMIT 1),"
    "  (SELECT s.id FROM skp s WHERE s.pegawai_id = p.id AND s.periode_id = ?1 AND s.status = 'disetujui' ORDER BY s.mulai DESC LIMIT 1),"
    "  (SELECT COUNT(*) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?2 AND ?3),"
    "  (SELECT MAX(a.tanggal) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal <= ?3),"
    "  (SELECT COUNT(*) FROM realisasi x JOIN skp s ON s.id = x.skp_id WHERE s.pegawai_id = p.id AND s.periode_id = ?1"
    "      AND x.bulan = ?4 AND x.status IN ('diajukan', 'disetujui')),"
    "  (SELECT COUNT(*) FROM aktivitas a WHERE a.penilai_id = p.id AND a.status = 'diajukan' AND a.dihapus = 0)"
    "   + (SELECT COUNT(*) FROM realisasi x JOIN skp s ON s.id = x.skp_id WHERE s.penilai_id = p.id AND s.periode_id = ?1"
    "      AND x.status = 'diajukan'),"
    "  (SELECT n.predikat FROM penilaian n WHERE n.pegawai_id = p.id AND n.jenis = 'tahunan' AND n.status = 'final'"
    "      AND n.mulai BETWEEN ?5 AND ?6 ORDER BY n.selesai DESC LIMIT 1),"
    "  (SELECT n.predikat FROM penilaian n WHERE n.pegawai_id = p.id AND n.jenis = 'periodik' AND n.status = 'final'"
    "      AND n.mulai BETWEEN ?5 AND ?6 ORDER BY n.selesai DESC LIMIT 1)"
    "  FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"
    /* +p.instansi_id: the caller's condition (unit, atasan) picks the index, not the instansi's name order */
    " WHERE p.aktif = 1 AND +p.instansi_id = ?7 AND ");
  gagal |= buf_puts(&b, where);
  gagal |= buf_puts(&b, " ORDER BY p.nama, p.id LIMIT ?8");
  struct db_stmt *st = gagal ? NULL : db_prepare(db, b.data);
  buf_free(&b);
  if (!st) return NULL;
  db_bind_int64(st, 1, w->periode_id);
  db_bind_text(st, 2, w->senin);
  db_bind_text(st, 3, w->hari_ini);
  db_bind_int64(st, 4, w->bulan_lalu);
  db_bind_text(st, 5, y1);
  db_bind_text(st, 6, y2);
  db_bind_int64(st, 7, instansi_id);
  db_bind_int64(st, 8, maks);
  db_bind_int64(st, 9, param);
  struct dasbor_libur libur;
  if (dasbor_libur_muat(db, instansi_id, w->tahun, &libur) != 0) { db_done(st); return NULL; }
  struct risiko_aturan aturan = RISIKO_ATURAN_BAKU;
  /* the rows first (the capaian query needs the connection's statements free of this one's row) */
  struct baris { int64_t id, skp_ok; unsigned r; int hari; json_t *j; } *rows = NULL;
  int n = 0, cap = 0, s;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      void *p = realloc(rows, (size_t)cap * sizeof *rows);
      if (!p) { s = DB_ERROR; break; }
      rows = p;
    }
    struct baris *r = &rows[n++];
    r->id = db_col_int64(st, 0);
    r->skp_ok = db_col_int64(st, 7);
    const char *terakhir = dasbor_teks(st, 9);
    char awal[24];
    snprintf(awal, sizeof awal, "%04d-12-31", w->tahun - 1);   /* nothing logged: count from 1 January */
    r->hari = dasbor_hari_kerja_antara(&libur, terakhir && strcmp(terakhir, awal) > 0 ? terakhir : awal, w->hari_ini, 999);
    bool realisasi = db_col_int64(st, 10) > 0;
    r->j = json_pack("{s:I,s:s,s:s,s:s,s:s}", "id", (json_int_t)r->id, "nip", db_col_text(st, 1), "nama", db_col_text(st, 2),
                     "jabatan", db_col_text(st, 3), "unit_kerja", db_col_text(st, 4));
    json_object_set_new(r->j, "skp", db_col_is_null(st, 5) ? json_null()
                                       : json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 5), "status", db_col_text(st, 6)));
    json_object_set_new(r->j, "aktivitas_minggu_ini", json_integer(db_col_int64(st, 8)));
    json_object_set_new(r->j, "aktivitas_terakhir", dasbor_str(terakhir));
    json_object_set_new(r->j, "hari_kerja_tanpa_aktivitas", json_integer(r->hari));
    json_object_set_new(r->j, "realisasi_bulan_lalu", w->bulan_lalu ? json_boolean(realisasi) : json_null());
    json_object_set_new(r->j, "menunggu_review", json_integer(db_col_int64(st, 11)));
    json_object_set_new(r->j, "predikat_tahunan", dasbor_str(dasbor_teks(st, 12)));
    json_object_set_new(r->j, "predikat_terakhir", dasbor_str(dasbor_teks(st, 13)));
    /* realisasi: only expected once a month of the year is over */
    struct risiko_input in = {.skp_disetujui = r->skp_ok != 0, .hari_kerja_tanpa_aktivitas = r->hari,
                              .realisasi_bulan_lalu = realisasi || !w->bulan_lalu, .capaian_persen = -1};
    r->r = risiko_nilai(&in, &aturan, NULL);
  }
  db_done(st);
  dasbor_libur_bebas(&libur);
  json_t *out = json_array();
  for (int i = 0; i < n; i++) {
    int cp = w->bulan_lalu ? dasbor_capaian_skp(db, rows[i].skp_ok, w->bulan_lalu) : -1;
    json_object_set_new(rows[i].j, "capaian_persen", cp >= 0 ? json_integer(cp) : json_null());
    if (cp >= 0) {
      struct risiko_input in = {.skp_disetujui = true, .hari_kerja_tanpa_aktivitas = 0, .realisasi_bulan_lalu = true, .capaian_persen = cp};
      rows[i].r |= risiko_nilai(&in, &aturan, NULL);
    }
    json_object_set_new(rows[i].j, "risiko", dasbor_risiko_json(rows[i].r));
    if (rows[i].r) (*risiko_n)++;
    json_array_append_new(out, rows[i].j);
  }
  free(rows);
  if (s != DB_DONE) { json_decref(out); return NULL; }
  return out;
}
