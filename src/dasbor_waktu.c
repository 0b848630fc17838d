/* dasbor_waktu.c: the dates of a dashboard and small shared helpers (see dasbor_internal.h). */
#include "dasbor_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "rules/aktivitas_aturan.h"
#include "util/util.h"

const char *dasbor_teks(struct db_stmt *st, int col)
{
  return db_col_is_null(st, col) ? NULL : db_col_text(st, col);
}

json_t *dasbor_str(const char *s)
{
  return s && *s ? json_string(s) : json_null();
}

int dasbor_waktu(struct db *db, int64_t instansi_id, int tahun, struct dasbor_waktu *w)
{
  memset(w, 0, sizeof *w);
  w->tahun = tahun;
  instansi_hari_ini(db, instansi_id, w->hari_ini);
  int wd = hari_minggu(w->hari_ini);
  date_add_days(w->hari_ini, -((wd + 6) % 7), w->senin);
  int y = atoi(w->hari_ini), m = atoi(w->hari_ini + 5);
  if (tahun < y) { w->bulan_lalu = 12; w->bulan_berjalan = 12; }
  else if (tahun == y) { w->bulan_lalu = m - 1; w->bulan_berjalan = m; }
  struct db_stmt *st = db_prepare(db, "SELECT id FROM periode WHERE instansi_id = ?1 AND tahun = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, tahun);
  int s = db_step(st);
  if (s == DB_ROW) w->periode_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW || s == DB_DONE ? 0 : -1;
}

int dasbor_libur_muat(struct db *db, int64_t instansi_id, int tahun, struct dasbor_libur *l)
{
  l->n = 0;
  l->tgl = NULL;
  struct db_stmt *st = db_prepare(db, "SELECT tanggal FROM hari_libur WHERE instansi_id = ?1 AND tanggal BETWEEN ?2 AND ?3 ORDER BY tanggal");
  if (!st) return -1;
  char y1[24], y2[24];
  snprintf(y1, sizeof y1, "%04d-01-01", tahun - 1);
  snprintf(y2, sizeof y2, "%04d-12-31", tahun + 1);
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, y1);
  db_bind_text(st, 3, y2);
  int cap = 0, s;
  while ((s = db_step(st)) == DB_ROW) {
    if (l->n == cap) {
      cap = cap ? cap * 2 : 32;
      void *p = realloc(l->tgl, (size_t)cap * sizeof *l->tgl);
      if (!p) { db_done(st); dasbor_libur_bebas(l); return -1; }
      l->tgl = p;
    }
    str_copy(l->tgl[l->n++], 11, db_col_text(st, 0));
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

void dasbor_libur_bebas(struct dasbor_libur *l)
{
  free(l->tgl);
  l->tgl = NULL;
  l->n = 0;
}

static bool libur(const struct dasbor_libur *l, const char *d)
{
  int lo = 0, hi = l->n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2, c = strcmp(l->tgl[mid], d);
    if (!c) return true;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

int dasbor_hari_kerja_antara(const struct dasbor_libur *l, const char *setelah, const char *sebelum, int batas)
{
  char d[11];
  int n = 0;
  if (date_add_days(setelah, 1, d) != 0) return 0;
  for (int guard = 0; strcmp(d, sebelum) < 0 && n < batas && guard < 800; guard++) {
    int wd = hari_minggu(d);
    if (wd != 0 && wd != 6 && !libur(l, d)) n++;
    char next[11];
    if (date_add_days(d, 1, next) != 0) break;
    memcpy(d, next, sizeof d);
  }
  return n;
}

json_t *dasbor_risiko_json(unsigned risiko)
{
  json_t *a = json_array();
  for (unsigned bit = 1; bit <= RISIKO_CAPAIAN_RENDAH; bit <<= 1)
    if (risiko & bit) json_array_append_new(a, json_pack("{s:s,s:s}", "kode", risiko_kode(bit), "label", risiko_label(bit)));
  return a;
}
