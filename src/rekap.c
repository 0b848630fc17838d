/* rekap.c: the pegawai rekap as XLSX or CSV (see rekap.h). */
#include "rekap.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "dasbor_internal.h"
#include "rules/predikat.h"
#include "util/buf.h"
#include "util/util.h"

#define KOLOM 18
#define PROGRES_TIAP 500

enum jenis_kolom { K_TEKS, K_ANGKA, K_DESIMAL, K_TANGGAL };
static const struct { const char *judul; enum jenis_kolom jenis; double lebar; } KOL[KOLOM] = {
  {"No", K_ANGKA, 6},
  {"NIP", K_TEKS, 21},
  {"Nama", K_TEKS, 30},
  {"Jabatan", K_TEKS, 34},
  {"Unit kerja", K_TEKS, 34},
  {"Status ASN", K_TEKS, 10},
  {"Golongan", K_TEKS, 10},
  {"Status SKP", K_TEKS, 13},
  {"Aktivitas", K_ANGKA, 11},
  {"Jam kerja tercatat", K_DESIMAL, 12},
  {"Hari tercatat", K_ANGKA, 10},
  {"Aktivitas terakhir", K_TANGGAL, 13},
  {"Bulan realisasi diajukan", K_ANGKA, 12},
  {"Capaian tahun berjalan (%)", K_ANGKA, 13},
  {"Predikat tahunan", K_TEKS, 18},
  {"Tanggal predikat tahunan", K_TANGGAL, 13},
  {"Predikat periodik terakhir", K_TEKS, 18},
  {"Jumlah penilaian periodik", K_ANGKA, 12},
};

static const char *STATUS_SKP[][2] = {
  {"draft", "Draf"}, {"diajukan", "Diajukan"}, {"disetujui", "Disetujui"}, {"dikembalikan", "Dikembalikan"},
};

static const char *label_skp(const char *s)
{
  if (!s) return "Belum ada";
  for (size_t i = 0; i < sizeof STATUS_SKP / sizeof STATUS_SKP[0]; i++)
    if (!strcmp(s, STATUS_SKP[i][0])) return STATUS_SKP[i][1];
  return s;
}

static const char *label_predikat(const char *s)
{
  enum predikat p;
  return s && predikat_dari_kode(s, &p) == 0 ? predikat_label(p) : "";
}

const char *rekap_format_kode(enum rekap_format f) { return f == REKAP_CSV ? "csv" : "xlsx"; }

int rekap_format_dari_kode(const char *s, enum rekap_format *out)
{
  if (!s) return -1;
  if (!strcmp(s, "xlsx")) { *out = REKAP_XLSX; return 0; }
  if (!strcmp(s, "csv")) { *out = REKAP_CSV; return 0; }
  return -1;
}

const char *rekap_format_mime(enum rekap_format f)
{
  return f == REKAP_CSV ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/* ---- the rows ---- */

/* the pegawai filter of a scope: ?1 instansi, ?2 unit, ?3 atasan */
static const char *lingkup_sql(const struct rekap_lingkup *l)
{
  if (l->unit_id)
    return " AND p.unit_kerja_id IN (WITH RECURSIVE sub(id) AS (SELECT ?2 UNION ALL"
           " SELECT u2.id FROM unit_kerja u2 JOIN sub ON u2.induk_id = sub.id) SELECT id FROM sub)";
  if (l->atasan_id)
    return " AND p.id IN (WITH RECURSIVE turun(id, d) AS (SELECT id, 0 FROM pegawai WHERE atasan_id = ?3"
           " UNION ALL SELECT c.id, t.d + 1 FROM pegawai c JOIN turun t ON c.atasan_id = t.id WHERE t.d < 32)"
           " SELECT id FROM turun)";
  return "";
}

int64_t rekap_hitung(struct db *db, const struct rekap_lingkup *l)
{
  struct buf b;
  buf_init(&b, 4096);
  int gagal = buf_puts(&b, "SELECT COUNT(*) FROM pegawai p WHERE p.aktif = 1 AND p.instansi_id = ?1");
  gagal |= buf_puts(&b, lingkup_sql(l));
  struct db_stmt *st = gagal ? NULL : db_prepare(db, b.data);
  buf_free(&b);
  if (!st) return -1;
  db_bind_int64(st, 1, l->instansi_id);
  db_bind_int64(st, 2, l->unit_id);
  db_bind_int64(st, 3, l->atasan_id);
  int64_t n = db_step(st) == DB_ROW ? db_col_int64(st, 0) : -1;
  db_done(st);
  return n;
}

static struct db_stmt *baris_siapkan(struct db *db, const struct rekap_lingkup *l, int64_t periode_id)
{
  struct buf b;
  buf_init(&b, 16384);
  int gagal = buf_puts(&b,
    "SELECT p.id, p.nip, p.nama, COALESCE(j.nama, ''), COALESCE(u.nama, ''), p.jenis_asn, COALESCE(p.golongan, ''),"
    "  (SELECT s.status FROM skp s WHERE s.pegawai_id = p.id AND s.periode_id = ?4 ORDER BY s.mulai DESC LIMIT 1),"
    "  (SELECT COUNT(*) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?5 AND ?6),"
    "  (SELECT COALESCE(SUM(a.menit), 0) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?5 AND ?6),"
    "  (SELECT COUNT(DISTINCT a.tanggal) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?5 AND ?6),"
    "  (SELECT MAX(a.tanggal) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?5 AND ?6),"
    "  (SELECT COUNT(DISTINCT x.bulan) FROM realisasi x JOIN skp s ON s.id = x.skp_id WHERE s.pegawai_id = p.id"
    "      AND s.periode_id = ?4 AND x.status IN ('diajukan', 'disetujui')),"
    "  (SELECT s.id FROM skp s WHERE s.pegawai_id = p.id AND s.periode_id = ?4 AND s.status = 'disetujui' ORDER BY s.mulai DESC LIMIT 1),"
    "  (SELECT n.predikat FROM penilaian n WHERE n.pegawai_id = p.id AND n.jenis = 'tahunan' AND n.status = 'final'"
    "      AND n.mulai BETWEEN ?5 AND ?6 ORDER BY n.selesai DESC LIMIT 1),"
    "  (SELECT n.difinalkan FROM penilaian n WHERE n.pegawai_id = p.id AND n.jenis = 'tahunan' AND n.status = 'final'"
    "      AND n.mulai BETWEEN ?5 AND ?6 ORDER BY n.selesai DESC LIMIT 1),"
    "  (SELECT n.predikat FROM penilaian n WHERE n.pegawai_id = p.id AND n.jenis = 'periodik' AND n.status = 'final'"
    "      AND n.mulai BETWEEN ?5 AND ?6 ORDER BY n.selesai DESC LIMIT 1),"
    "  (SELECT COUNT(*) FROM penilaian n WHERE n.pegawai_id = p.id AND n.jenis = 'periodik' AND n.status = 'final'"
    "      AND n.mulai BETWEEN ?5 AND ?6)"
    "  FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"
    " WHERE p.aktif = 1 AND p.instansi_id = ?1");
  gagal |= buf_puts(&b, lingkup_sql(l));
  gagal |= buf_puts(&b, " ORDER BY u.nama, p.nama, p.id");
  struct db_stmt *st = gagal ? NULL : db_prepare(db, b.data);
  buf_free(&b);
  if (!st) return NULL;
  char y1[24], y2[24];
  snprintf(y1, sizeof y1, "%04d-01-01", l->tahun);
  snprintf(y2, sizeof y2, "%04d-12-31", l->tahun);
  db_bind_int64(st, 1, l->instansi_id);
  db_bind_int64(st, 2, l->unit_id);
  db_bind_int64(st, 3, l->atasan_id);
  db_bind_int64(st, 4, periode_id);
  db_bind_text(st, 5, y1);
  db_bind_text(st, 6, y2);
  return st;
}

/* One row as values: text (NULL = empty), or a number, or a date "YYYY-MM-DD". */
struct sel { const char *teks; double angka; bool ada_angka; char tanggal[11]; };

static void isi_baris(struct db *db, struct db_stmt *st, int64_t no, int bulan_capaian, struct sel s[KOLOM], char buf[4][32])
{
  memset(s, 0, sizeof(struct sel) * KOLOM);
  s[0].angka = (double)no, s[0].ada_angka = true;
  s[1].teks = db_col_text(st, 1);
  s[2].teks = db_col_text(st, 2);
  s[3].teks = db_col_text(st, 3);
  s[4].teks = db_col_text(st, 4);
  s[5].teks = db_col_text(st, 5);
  s[6].teks = db_col_text(st, 6);
  s[7].teks = label_skp(dasbor_teks(st, 7));
  s[8].angka = (double)db_col_int64(st, 8), s[8].ada_angka = true;
  s[9].angka = (double)db_col_int64(st, 9) / 60.0, s[9].ada_angka = true;
  s[10].angka = (double)db_col_int64(st, 10), s[10].ada_angka = true;
  if (dasbor_teks(st, 11)) str_copy(s[11].tanggal, sizeof s[11].tanggal, db_col_text(st, 11));
  s[12].angka = (double)db_col_int64(st, 12), s[12].ada_angka = true;
  int cp = bulan_capaian ? dasbor_capaian_skp(db, db_col_int64(st, 13), bulan_capaian) : -1;
  if (cp >= 0) s[13].angka = cp, s[13].ada_angka = true;
  s[14].teks = label_predikat(dasbor_teks(st, 14));
  if (!db_col_is_null(st, 15)) {
    time_t t = (time_t)db_col_int64(st, 15) + 7 * 3600;
    struct tm tm;
    gmtime_r(&t, &tm);
    snprintf(buf[0], sizeof buf[0], "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    str_copy(s[15].tanggal, sizeof s[15].tanggal, buf[0]);
  }
  s[16].teks = label_predikat(dasbor_teks(st, 16));
  s[17].angka = (double)db_col_int64(st, 17), s[17].ada_angka = true;
}

/* ---- CSV ---- */

static int csv_sel(FILE *f, const char *s)
{
  if (!s) return 0;
  bool kutip = strpbrk(s, ",\"\r\n;") != NULL || s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
  if (!kutip) return fputs(s, f) < 0 ? -1 : 0;
  /* quoted; a leading formula character is neutralised with an apostrophe (CSV injection) */
  if (fputc('"', f) == EOF) return -1;
  if ((s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') && fputc('\'', f) == EOF) return -1;
  for (const char *p = s; *p; p++) {
    if (*p == '"' && fputc('"', f) == EOF) return -1;
    if (fputc(*p, f) == EOF) return -1;
  }
  return fputc('"', f) == EOF ? -1 : 0;
}

static int csv_baris(FILE *f, const struct sel s[KOLOM])
{
  for (int k = 0; k < KOLOM; k++) {
    if (k && fputc(',', f) == EOF) return -1;
    char num[48];
    if (s[k].ada_angka) {
      if (KOL[k].jenis == K_DESIMAL) snprintf(num, sizeof num, "%.2f", s[k].angka);
      else snprintf(num, sizeof num, "%.0f", s[k].angka);
      if (fputs(num, f) < 0) return -1;
    } else if (s[k].tanggal[0]) {
      if (fputs(s[k].tanggal, f) < 0) return -1;
    } else if (csv_sel(f, s[k].teks) != 0) {
      return -1;
    }
  }
  return fputs("\r\n", f) < 0 ? -1 : 0;
}

/* ---- XLSX ---- */

struct xl { lxw_workbook *wb; lxw_worksheet *ws; lxw_format *head, *tanggal, *desimal, *judul; lxw_error e; };

static void xl_cek(struct xl *X, lxw_error e) { if (X->e == LXW_NO_ERROR && e != LXW_NO_ERROR) X->e = e; }

static void xl_baris(struct xl *X, lxw_row_t r, const struct sel s[KOLOM])
{
  for (int k = 0; k < KOLOM; k++) {
    if (s[k].ada_angka) {
      xl_cek(X, worksheet_write_number(X->ws, r, (lxw_col_t)k, s[k].angka, KOL[k].jenis == K_DESIMAL ? X->desimal : NULL));
    } else if (s[k].tanggal[0]) {
      lxw_datetime dt = {atoi(s[k].tanggal), atoi(s[k].tanggal + 5), atoi(s[k].tanggal + 8), 0, 0, 0};
      xl_cek(X, worksheet_write_datetime(X->ws, r, (lxw_col_t)k, &dt, X->tanggal));
    } else if (s[k].teks && s[k].teks[0]) {
      xl_cek(X, worksheet_write_string(X->ws, r, (lxw_col_t)k, s[k].teks, NULL));
    }
  }
}

static int gagal_pesan(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int gagal_pesan(char *err, size_t n, const char *fmt, ...)
{
  if (err && n && !err[0]) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, n, fmt, ap);
    va_end(ap);
  }
  return -1;
}

int rekap_tulis(struct db *db, const struct rekap_lingkup *l, enum rekap_format f, const char *path,
                rekap_progres_fn cb, void *ctx, int64_t *baris, char *err, size_t errlen)
{
  if (err && errlen) err[0] = '\0';
  *baris = 0;
  struct dasbor_waktu w;
  if (dasbor_waktu(db, l->instansi_id, l->tahun, &w) != 0) return gagal_pesan(err, errlen, "kesalahan basis data");
  int64_t total = rekap_hitung(db, l);
  if (total < 0) return gagal_pesan(err, errlen, "kesalahan basis data");
  struct db_stmt *st = baris_siapkan(db, l, w.periode_id);
  if (!st) return gagal_pesan(err, errlen, "kesalahan basis data");
  FILE *fc = NULL;
  struct xl X = {0};
  int rc = -1;
  if (f == REKAP_CSV) {
    fc = fopen(path, "w");
    if (!fc) { gagal_pesan(err, errlen, "berkas tidak dapat dibuat: %s", strerror(errno)); goto done; }
    if (fputs("\xEF\xBB\xBF", fc) < 0) goto io;   /* BOM: Excel then reads UTF-8 */
    for (int k = 0; k < KOLOM; k++)
      if ((k && fputc(',', fc) == EOF) || csv_sel(fc, KOL[k].judul) != 0) goto io;
    if (fputs("\r\n", fc) < 0) goto io;
  } else {
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    static char tmpdir_baku[] = "/tmp";
    char *t = getenv("TMPDIR");
    opt.tmpdir = t && t[0] ? t : tmpdir_baku;
    X.wb = workbook_new_opt(path, &opt);
    if (!X.wb) { gagal_pesan(err, errlen, "workbook XLSX tidak dapat dibuat"); goto done; }
    X.ws = workbook_add_worksheet(X.wb, "Rekap");
    X.head = workbook_add_format(X.wb);
    format_set_bold(X.head);
    format_set_text_wrap(X.head);
    format_set_bg_color(X.head, 0xDDEBF7);
    format_set_border(X.head, LXW_BORDER_THIN);
    format_set_align(X.head, LXW_ALIGN_VERTICAL_TOP);
    X.tanggal = workbook_add_format(X.wb);
    format_set_num_format(X.tanggal, "dd/mm/yyyy");
    X.desimal = workbook_add_format(X.wb);
    format_set_num_format(X.desimal, "0.00");
    X.judul = workbook_add_format(X.wb);
    format_set_bold(X.judul);
    if (!X.ws || !X.head || !X.tanggal || !X.desimal || !X.judul) { gagal_pesan(err, errlen, "workbook XLSX tidak dapat dibuat"); goto done; }
    for (int k = 0; k < KOLOM; k++) xl_cek(&X, worksheet_set_column(X.ws, (lxw_col_t)k, (lxw_col_t)k, KOL[k].lebar, NULL));
    xl_cek(&X, worksheet_set_row(X.ws, 0, 45, NULL));
    for (int k = 0; k < KOLOM; k++) xl_cek(&X, worksheet_write_string(X.ws, 0, (lxw_col_t)k, KOL[k].judul, X.head));
    worksheet_freeze_panes(X.ws, 1, 3);
  }
  int s;
  char tmp[4][32];
  struct sel sel[KOLOM];
  while ((s = db_step(st)) == DB_ROW) {
    (*baris)++;
    isi_baris(db, st, *baris, w.bulan_lalu, sel, tmp);
    if (fc) {
      if (csv_baris(fc, sel) != 0) goto io;
    } else {
      if (*baris >= 1048575) { gagal_pesan(err, errlen, "lebih dari 1.048.575 baris: batas XLSX; gunakan CSV"); goto done; }
      xl_baris(&X, (lxw_row_t)*baris, sel);
      if (X.e != LXW_NO_ERROR) { gagal_pesan(err, errlen, "gagal menulis XLSX: %s", lxw_strerror(X.e)); goto done; }
    }
    if (cb && *baris % PROGRES_TIAP == 0 && cb(ctx, *baris, total)) { gagal_pesan(err, errlen, "dibatalkan"); goto done; }
  }
  if (s != DB_DONE) { gagal_pesan(err, errlen, "kesalahan basis data"); goto done; }
  if (fc) {
    if (fclose(fc) != 0) { fc = NULL; goto io; }
    fc = NULL;
  } else {
    if (*baris) xl_cek(&X, worksheet_autofilter(X.ws, 0, 0, (lxw_row_t)*baris, KOLOM - 1));
    lxw_worksheet *ket = workbook_add_worksheet(X.wb, "Keterangan");
    if (ket) {
      char cap[128];
      xl_cek(&X, worksheet_set_column(ket, 0, 0, 28, NULL));
      xl_cek(&X, worksheet_set_column(ket, 1, 1, 70, NULL));
      xl_cek(&X, worksheet_write_string(ket, 0, 0, "Rekap kinerja pegawai", X.judul));
      xl_cek(&X, worksheet_write_string(ket, 1, 0, "Lingkup", NULL));
      xl_cek(&X, worksheet_write_string(ket, 1, 1, l->judul, NULL));
      xl_cek(&X, worksheet_write_string(ket, 2, 0, "Tahun", NULL));
      xl_cek(&X, worksheet_write_number(ket, 2, 1, l->tahun, NULL));
      xl_cek(&X, worksheet_write_string(ket, 3, 0, "Per tanggal", NULL));
      lxw_datetime dt = {atoi(w.hari_ini), atoi(w.hari_ini + 5), atoi(w.hari_ini + 8), 0, 0, 0};
      xl_cek(&X, worksheet_write_datetime(ket, 3, 1, &dt, X.tanggal));
      xl_cek(&X, worksheet_write_string(ket, 4, 0, "Jumlah pegawai", NULL));
      xl_cek(&X, worksheet_write_number(ket, 4, 1, (double)*baris, NULL));
      snprintf(cap, sizeof cap, "sampai akhir bulan ke-%d, pro rata target (rata-rata IKI)", w.bulan_lalu);
      xl_cek(&X, worksheet_write_string(ket, 5, 0, "Capaian tahun berjalan", NULL));
      xl_cek(&X, worksheet_write_string(ket, 5, 1, w.bulan_lalu ? cap : "belum ada bulan yang selesai", NULL));
    }
    lxw_error e = workbook_close(X.wb);
    X.wb = NULL;
    xl_cek(&X, e);
    if (X.e != LXW_NO_ERROR) { gagal_pesan(err, errlen, "gagal menulis XLSX: %s", lxw_strerror(X.e)); goto done; }
  }
  if (cb) cb(ctx, *baris, total);
  rc = 0;
  goto done;
io:
  gagal_pesan(err, errlen, "gagal menulis berkas: %s", strerror(errno));
done:
  db_done(st);
  if (fc) fclose(fc);
  if (X.wb) lxw_workbook_free(X.wb);
  return rc;
}
