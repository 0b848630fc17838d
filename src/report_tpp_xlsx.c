/* report_tpp_xlsx.c: the Daftar nominatif TPP as XLSX (see report_tpp_xlsx.h).
 *
 * Sheet "Nominatif": title rows (instansi, unit, bulan, status with the approval hash, table),
 * the header row (frozen, autofiltered, repeated on printed pages), one row per pegawai sorted
 * by unit then name, the totals row, the signature block.  Rupiah are number cells in the format
 * "[$-421]#,##0" (the Indonesian locale tag: LibreOffice then shows 1.234.567 whatever the
 * system locale; Excel uses the system's separators), percentages "[$-421]0.00".  The totals
 * row holds SUM formulas with their values; those values are summed here while the rows are
 * written and must equal the database's own totals (and, for the whole instansi, the month's
 * stored total): a list that does not add up is refused rather than paid.
 *
 * libxlsxwriter's constant-memory mode writes rows in order and cannot merge cells, so titles
 * sit in column A and overflow to the right. */
#include "report_tpp_xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "aktivitas.h"
#include "report_font.h"
#include "rules/predikat.h"
#include "util/buf.h"
#include "util/util.h"

#define KOLOM 15
#define HDR 7                          /* the header row; title rows above it */
#define MAKS_BARIS 1000000             /* Excel holds 1 048 576 rows */

enum jenis { J_TEKS, J_ANGKA, J_RUPIAH, J_PERSEN };
static const struct { const char *judul; enum jenis jenis; double lebar; bool jumlahkan; } KOL[KOLOM] = {
  {"No", J_ANGKA, 5, false},
  {"NIP", J_TEKS, 21, false},
  {"Nama", J_TEKS, 30, false},
  {"Jabatan", J_TEKS, 32, false},
  {"Kelas", J_ANGKA, 7, false},
  {"Unit kerja", J_TEKS, 30, false},
  {"Predikat", J_TEKS, 16, false},
  {"Dasar (Rp)", J_RUPIAH, 14, true},
  {"Komponen kinerja (Rp)", J_RUPIAH, 14, true},
  {"Komponen disiplin (Rp)", J_RUPIAH, 14, true},
  {"Potongan presensi (%)", J_PERSEN, 11, false},
  {"Potongan presensi (Rp)", J_RUPIAH, 14, true},
  {"Potongan sanksi (Rp)", J_RUPIAH, 14, true},
  {"Jumlah diterima (Rp)", J_RUPIAH, 15, true},
  {"Keterangan", J_TEKS, 40, false},
};
/* the database columns summed for the check, in the order of the rupiah columns above */
static const int RUPIAH_KOL[6] = {7, 8, 9, 11, 12, 13};

struct xl {
  lxw_workbook *wb;
  lxw_worksheet *ws;
  lxw_format *judul, *tebal, *head, *teks, *angka, *rupiah, *persen, *total, *total_rp, *ttd, *merah;
  lxw_error e;
};

static void cek(struct xl *X, lxw_error e) { if (X->e == LXW_NO_ERROR && e != LXW_NO_ERROR) X->e = e; }

static int gagal(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int gagal(char *err, size_t n, const char *fmt, ...)
{
  if (err && n && !err[0]) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, n, fmt, ap);
    va_end(ap);
  }
  return -1;
}

#define TPP_NAMA_MAKS 128

/* The month and its instansi. */
struct bulan {
  int64_t instansi_id, pegawai, jumlah, disetujui;
  int tahun, bulan, offset;
  char status[16], hash[80], aturan[TPP_NAMA_MAKS], instansi[256], label[40];
};

static int bulan_muat(struct db *db, int64_t id, struct bulan *b)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT b.instansi_id, b.tahun, b.bulan, b.status, COALESCE(b.hash, ''), COALESCE(b.disetujui, 0), b.pegawai, b.jumlah,"
    "       a.nama, i.nama, i.zona_waktu"
    "  FROM tpp_bulan b JOIN tpp_aturan a ON a.id = b.aturan_id JOIN instansi i ON i.id = b.instansi_id"
    " WHERE b.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) {
    b->instansi_id = db_col_int64(st, 0);
    b->tahun = (int)db_col_int64(st, 1);
    b->bulan = (int)db_col_int64(st, 2);
    str_copy(b->status, sizeof b->status, db_col_text(st, 3));
    str_copy(b->hash, sizeof b->hash, db_col_text(st, 4));
    b->disetujui = db_col_int64(st, 5);
    b->pegawai = db_col_int64(st, 6);
    b->jumlah = db_col_int64(st, 7);
    str_copy(b->aturan, sizeof b->aturan, db_col_text(st, 8));
    str_copy(b->instansi, sizeof b->instansi, db_col_text(st, 9));
    const char *z = db_col_text(st, 10);
    b->offset = !strcmp(z, "WITA") ? 8 : !strcmp(z, "WIT") ? 9 : 7;
  }
  db_done(st);
  if (s != DB_ROW) return s == DB_DONE ? 1 : -1;
  char ymd[48], tgl[48];
  snprintf(ymd, sizeof ymd, "%04d-%02d-01", b->tahun, b->bulan);
  if (report_font_tanggal(ymd, tgl, sizeof tgl) != 0) return -1;
  str_copy(b->label, sizeof b->label, tgl + 2);   /* "1 Oktober 2026" -> "Oktober 2026" */
  return 0;
}

/* the pegawai filter: ?2 the unit and every unit below it */
static const char *UNIT_SQL =
  " AND h.unit_kerja_id IN (WITH RECURSIVE sub(id) AS (SELECT ?2 UNION ALL"
  " SELECT u2.id FROM unit_kerja u2 JOIN sub ON u2.induk_id = sub.id) SELECT id FROM sub)";

static struct db_stmt *baris_siapkan(struct db *db, int64_t bulan_id, int64_t unit_id, const char *akhir_bulan)
{
  struct buf b;
  buf_init(&b, 8192);
  int g = buf_puts(&b,
    "SELECT p.nip, p.nama, COALESCE(p.gelar_depan, ''), COALESCE(p.gelar_belakang, ''),"
    "       COALESCE((SELECT j2.nama FROM pegawai_riwayat r JOIN jabatan j2 ON j2.id = r.jabatan_id"
    "                  WHERE r.pegawai_id = p.id AND r.mulai <= ?3 AND (r.selesai IS NULL OR r.selesai > ?3)"
    "                  ORDER BY r.mulai DESC LIMIT 1), j.nama, ''),"
    "       h.kelas_jabatan, COALESCE(u.nama, ''), h.predikat, h.dasar, h.kinerja, h.disiplin, h.potongan_persen,"
    "       h.potongan_presensi, h.potongan_sanksi, h.jumlah, h.galat"
    "  FROM tpp_hasil h JOIN pegawai p ON p.id = h.pegawai_id LEFT JOIN jabatan j ON j.id = p.jabatan_id"
    "  LEFT JOIN unit_kerja u ON u.id = h.unit_kerja_id"
    " WHERE h.bulan_id = ?1");
  if (unit_id) g |= buf_puts(&b, UNIT_SQL);
  g |= buf_puts(&b, " ORDER BY COALESCE(u.nama, ''), p.nama, p.id");
  struct db_stmt *st = g ? NULL : db_prepare(db, b.data);
  buf_free(&b);
  if (!st) return NULL;
  db_bind_int64(st, 1, bulan_id);
  db_bind_int64(st, 2, unit_id);
  db_bind_text(st, 3, akhir_bulan);
  return st;
}

/* The database's own totals of the same rows: count and the six rupiah columns. */
static int total_db(struct db *db, int64_t bulan_id, int64_t unit_id, int64_t out[7])
{
  struct buf b;
  buf_init(&b, 4096);
  int g = buf_puts(&b,
    "SELECT COUNT(*), COALESCE(SUM(h.dasar), 0), COALESCE(SUM(h.kinerja), 0), COALESCE(SUM(h.disiplin), 0),"
    "       COALESCE(SUM(h.potongan_presensi), 0), COALESCE(SUM(h.potongan_sanksi), 0), COALESCE(SUM(h.jumlah), 0)"
    "  FROM tpp_hasil h WHERE h.bulan_id = ?1");
  if (unit_id) g |= buf_puts(&b, UNIT_SQL);
  struct db_stmt *st = g ? NULL : db_prepare(db, b.data);
  buf_free(&b);
  if (!st) return -1;
  db_bind_int64(st, 1, bulan_id);
  db_bind_int64(st, 2, unit_id);
  int s = db_step(st);
  if (s == DB_ROW)
    for (int i = 0; i < 7; i++) out[i] = db_col_int64(st, i);
  db_done(st);
  return s == DB_ROW ? 0 : -1;
}

static lxw_format *fmt(struct xl *X, bool bold, bool border, bool wrap, const char *num)
{
  lxw_format *f = workbook_add_format(X->wb);
  if (!f) return NULL;
  if (bold) format_set_bold(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  if (wrap) format_set_text_wrap(f);
  if (num) format_set_num_format(f, num);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

static int formats(struct xl *X)
{
  X->judul = fmt(X, true, false, false, NULL);
  X->tebal = fmt(X, true, false, false, NULL);
  X->head = fmt(X, true, true, true, NULL);
  X->teks = fmt(X, false, true, true, NULL);
  X->angka = fmt(X, false, true, false, "0");
  X->rupiah = fmt(X, false, true, false, "[$-421]#,##0");
  X->persen = fmt(X, false, true, false, "[$-421]0.00");
  X->total = fmt(X, true, true, false, NULL);
  X->total_rp = fmt(X, true, true, false, "[$-421]#,##0");
  X->ttd = fmt(X, false, false, false, NULL);
  X->merah = fmt(X, true, false, false, NULL);
  if (!X->judul || !X->tebal || !X->head || !X->teks || !X->angka || !X->rupiah || !X->persen || !X->total ||
      !X->total_rp || !X->ttd || !X->merah)
    return -1;
  format_set_font_size(X->judul, 14);
  format_set_bg_color(X->head, 0xDDEBF7);
  format_set_align(X->head, LXW_ALIGN_CENTER);
  format_set_bg_color(X->total, 0xF2F2F2);
  format_set_bg_color(X->total_rp, 0xF2F2F2);
  format_set_font_color(X->merah, LXW_COLOR_RED);
  format_set_align(X->ttd, LXW_ALIGN_CENTER);
  return 0;
}

static void teks(struct xl *X, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
  if (s && s[0]) cek(X, worksheet_write_string(X->ws, r, c, s, f));
  else cek(X, worksheet_write_blank(X->ws, r, c, f));
}

static const char *label_predikat(struct db_stmt *st, int col)
{
  enum predikat p;
  if (db_col_is_null(st, col)) return "";
  const char *s = db_col_text(st, col);
  return predikat_dari_kode(s, &p) == 0 ? predikat_label(p) : s;
}

/* "Pemerintah Kabupaten Sukamaju" -> "Sukamaju" (the place of signing). */
static const char *tempat(const char *instansi)
{
  static const char *const pre[] = {"Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemerintah Provinsi ", NULL};
  for (int q = 0; pre[q]; q++)
    if (strncmp(instansi, pre[q], strlen(pre[q])) == 0) return instansi + strlen(pre[q]);
  return instansi;
}

static void tanggal_unix(int64_t t, int offset, char out[11])
{
  time_t tt = (time_t)(t + (int64_t)offset * 3600);
  struct tm tm;
  gmtime_r(&tt, &tm);
  char s[48];
  snprintf(s, sizeof s, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  str_copy(out, 11, s);
}

/* Title rows 0..5. */
static void judul(struct xl *X, const struct bulan *b, const char *unit)
{
  char s[512], tgl[48], ymd[11];
  teks(X, 0, 0, "DAFTAR NOMINATIF TAMBAHAN PENGHASILAN PEGAWAI (TPP)", X->judul);
  teks(X, 1, 0, b->instansi, X->tebal);
  if (unit) snprintf(s, sizeof s, "Unit kerja: %s (beserta unit di bawahnya)", unit);
  else snprintf(s, sizeof s, "Unit kerja: seluruh unit kerja");
  teks(X, 2, 0, s, NULL);
  snprintf(s, sizeof s, "Bulan: %s", b->label);
  teks(X, 3, 0, s, NULL);
  if (!strcmp(b->status, "disetujui")) {
    tanggal_unix(b->disetujui, b->offset, ymd);
    if (report_font_tanggal(ymd, tgl, sizeof tgl) != 0) str_copy(tgl, sizeof tgl, ymd);
    snprintf(s, sizeof s, "Status: disetujui %s; hash hasil %s", tgl, b->hash);
    teks(X, 4, 0, s, X->tebal);
  } else {
    teks(X, 4, 0, "Status: DRAF (belum disetujui; jumlah dapat berubah bila dihitung ulang)", X->merah);
  }
  snprintf(s, sizeof s, "Tabel TPP: %s", b->aturan);
  teks(X, 5, 0, s, NULL);
}

/* The signature block from row r: place and date, Kepala and Pengelola keuangan with room to
 * sign, names and NIP left as dotted placeholders. */
static void ttd(struct xl *X, lxw_row_t r, const struct bulan *b, const char *unit, const char *hari_ini)
{
  char s[512], tgl[48];
  if (report_font_tanggal(hari_ini, tgl, sizeof tgl) != 0) str_copy(tgl, sizeof tgl, hari_ini);
  snprintf(s, sizeof s, "%s, %s", tempat(b->instansi), tgl);
  teks(X, r, 11, s, X->ttd);
  teks(X, r + 1, 2, "Mengetahui,", X->ttd);
  snprintf(s, sizeof s, "Kepala %s", unit ? unit : "Perangkat Daerah");
  teks(X, r + 2, 2, s, X->ttd);
  teks(X, r + 2, 11, "Pengelola Keuangan", X->ttd);
  teks(X, r + 6, 2, "(....................................)", X->ttd);
  teks(X, r + 6, 11, "(....................................)", X->ttd);
  teks(X, r + 7, 2, "NIP. ..................................", X->ttd);
  teks(X, r + 7, 11, "NIP. ..................................", X->ttd);
}

static int tulis(struct db *db, const struct bulan *b, int64_t bulan_id, int64_t unit_id, const char *unit, const char *path,
                 int64_t *baris, char *err, size_t errlen)
{
  struct xl X = {0};
  struct db_stmt *st = NULL;
  int rc = -1;
  char akhir[48], hari_ini[11];
  static const int PANJANG[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int nh = PANJANG[b->bulan - 1] + (b->bulan == 2 && ((b->tahun % 4 == 0 && b->tahun % 100) || b->tahun % 400 == 0));
  snprintf(akhir, sizeof akhir, "%04d-%02d-%02d", b->tahun, b->bulan, nh);
  instansi_hari_ini(db, b->instansi_id, hari_ini);

  lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
  static char tmpdir_baku[] = "/tmp";
  char *t = getenv("TMPDIR");
  opt.tmpdir = t && t[0] ? t : tmpdir_baku;
  X.wb = workbook_new_opt(path, &opt);
  if (!X.wb) { gagal(err, errlen, "workbook XLSX tidak dapat dibuat"); goto done; }
  X.ws = workbook_add_worksheet(X.wb, "Nominatif");
  if (!X.ws || formats(&X) != 0) { gagal(err, errlen, "workbook XLSX tidak dapat dibuat"); goto done; }
  char prop[300], penulis[] = "kinerja", lembaga[256];
  snprintf(prop, sizeof prop, "Daftar nominatif TPP %s", b->label);
  str_copy(lembaga, sizeof lembaga, b->instansi);
  lxw_doc_properties props = {.title = prop, .author = penulis, .company = lembaga};
  cek(&X, workbook_set_properties(X.wb, &props));
  for (int k = 0; k < KOLOM; k++) cek(&X, worksheet_set_column(X.ws, (lxw_col_t)k, (lxw_col_t)k, KOL[k].lebar, NULL));
  worksheet_set_landscape(X.ws);
  worksheet_set_paper(X.ws, 9);   /* A4 */
  worksheet_fit_to_pages(X.ws, 1, 0);
  cek(&X, worksheet_repeat_rows(X.ws, HDR, HDR));
  judul(&X, b, unit);
  cek(&X, worksheet_set_row(X.ws, HDR, 45, NULL));
  for (int k = 0; k < KOLOM; k++) teks(&X, HDR, (lxw_col_t)k, KOL[k].judul, X.head);
  worksheet_freeze_panes(X.ws, HDR + 1, 3);
  /* the database's totals first: the autofilter needs the last row before the rows are written
   * (constant-memory mode), and the rows are checked against them afterwards */
  int64_t db_tot[7];
  if (total_db(db, bulan_id, unit_id, db_tot) != 0) { gagal(err, errlen, "kesalahan basis data"); goto done; }
  if (db_tot[0] > MAKS_BARIS) { gagal(err, errlen, "lebih dari %d pegawai: batas XLSX", MAKS_BARIS); goto done; }
  if (db_tot[0]) cek(&X, worksheet_autofilter(X.ws, HDR, 0, HDR + (lxw_row_t)db_tot[0], KOLOM - 1));

  st = baris_siapkan(db, bulan_id, unit_id, akhir);
  if (!st) { gagal(err, errlen, "kesalahan basis data"); goto done; }
  int64_t jumlah[6] = {0};
  int s;
  lxw_row_t r = HDR;
  while ((s = db_step(st)) == DB_ROW) {
    if (*baris >= MAKS_BARIS) { gagal(err, errlen, "lebih dari %d pegawai: batas XLSX", MAKS_BARIS); goto done; }
    (*baris)++;
    r++;
    char nama[400];
    const char *gd = db_col_text(st, 2), *gb = db_col_text(st, 3);
    snprintf(nama, sizeof nama, "%s%s%s%s%s", gd, gd[0] ? " " : "", db_col_text(st, 1), gb[0] ? ", " : "", gb);
    cek(&X, worksheet_write_number(X.ws, r, 0, (double)*baris, X.angka));
    teks(&X, r, 1, db_col_text(st, 0), X.teks);
    teks(&X, r, 2, nama, X.teks);
    teks(&X, r, 3, db_col_text(st, 4), X.teks);
    if (db_col_is_null(st, 5)) teks(&X, r, 4, NULL, X.angka);
    else cek(&X, worksheet_write_number(X.ws, r, 4, (double)db_col_int64(st, 5), X.angka));
    teks(&X, r, 5, db_col_text(st, 6), X.teks);
    teks(&X, r, 6, label_predikat(st, 7), X.teks);
    /* dasar, kinerja, disiplin | persen | presensi, sanksi, jumlah */
    static const int SQL_KOL[6] = {8, 9, 10, 12, 13, 14};
    for (int i = 0; i < 6; i++) {
      int64_t v = db_col_int64(st, SQL_KOL[i]);
      jumlah[i] += v;
      cek(&X, worksheet_write_number(X.ws, r, (lxw_col_t)RUPIAH_KOL[i], (double)v, X.rupiah));
    }
    cek(&X, worksheet_write_number(X.ws, r, 10, (double)db_col_int64(st, 11) / 100.0, X.persen));
    teks(&X, r, 14, db_col_is_null(st, 15) ? NULL : db_col_text(st, 15), X.teks);
    if (X.e != LXW_NO_ERROR) { gagal(err, errlen, "gagal menulis XLSX: %s", lxw_strerror(X.e)); goto done; }
  }
  if (s != DB_DONE) { gagal(err, errlen, "kesalahan basis data"); goto done; }
  db_done(st);
  st = NULL;

  /* the totals must add up: the rows written, the database's sums, the month's stored total */
  if (db_tot[0] != *baris) { gagal(err, errlen, "jumlah baris tidak cocok (%lld ditulis, %lld di basis data)", (long long)*baris, (long long)db_tot[0]); goto done; }
  for (int i = 0; i < 6; i++)
    if (db_tot[i + 1] != jumlah[i]) { gagal(err, errlen, "total kolom %s tidak cocok dengan basis data", KOL[RUPIAH_KOL[i]].judul); goto done; }
  if (!unit_id && (jumlah[5] != b->jumlah || *baris != b->pegawai)) {
    gagal(err, errlen, "total nominatif (Rp%lld, %lld pegawai) tidak cocok dengan total bulan (Rp%lld, %lld pegawai)", (long long)jumlah[5],
          (long long)*baris, (long long)b->jumlah, (long long)b->pegawai);
    goto done;
  }

  lxw_row_t rt = r + 1;
  if (*baris == 0) {
    rt = HDR + 2;
    teks(&X, HDR + 1, 0, "Tidak ada pegawai pada lingkup ini.", NULL);
  }
  teks(&X, rt, 0, NULL, X.total);
  teks(&X, rt, 1, NULL, X.total);
  teks(&X, rt, 2, "JUMLAH", X.total);
  for (int k = 3; k < KOLOM; k++) {
    bool rp = false;
    for (int i = 0; i < 6; i++)
      if (RUPIAH_KOL[i] == k) {
        rp = true;
        if (*baris) {
          char f[64], c1[16], c2[16];
          lxw_rowcol_to_cell(c1, HDR + 1, (lxw_col_t)k);
          lxw_rowcol_to_cell(c2, r, (lxw_col_t)k);
          snprintf(f, sizeof f, "=SUM(%s:%s)", c1, c2);
          cek(&X, worksheet_write_formula_num(X.ws, rt, (lxw_col_t)k, f, X.total_rp, (double)jumlah[i]));
        } else {
          cek(&X, worksheet_write_number(X.ws, rt, (lxw_col_t)k, 0, X.total_rp));
        }
      }
    if (!rp) teks(&X, rt, (lxw_col_t)k, NULL, X.total);
  }
  ttd(&X, rt + 2, b, unit, hari_ini);
  {
    lxw_error e = workbook_close(X.wb);   /* frees the workbook whatever it returns */
    X.wb = NULL;
    cek(&X, e);
  }
  if (X.e != LXW_NO_ERROR) { gagal(err, errlen, "gagal menulis XLSX: %s", lxw_strerror(X.e)); goto done; }
  rc = 0;
done:
  if (st) db_done(st);
  if (X.wb) lxw_workbook_free(X.wb);
  return rc;
}

int tpp_nominatif_xlsx(struct db *db, int64_t bulan_id, int64_t unit_id, int *fd, uint64_t *size, int64_t *baris,
                       char *err, size_t errlen)
{
  if (err && errlen) err[0] = '\0';
  *fd = -1;
  *size = 0;
  *baris = 0;
  struct bulan *b = calloc(1, sizeof *b);
  if (!b) return gagal(err, errlen, "memori tidak cukup");
  char unit[256] = "", path[600] = "";
  int rc = bulan_muat(db, bulan_id, b), tmp = -1;
  if (rc != 0) {
    if (rc < 0) gagal(err, errlen, "kesalahan basis data");
    goto out;
  }
  if (unit_id) {
    struct db_stmt *st = db_prepare(db, "SELECT nama, instansi_id FROM unit_kerja WHERE id = ?1");
    if (!st) { rc = gagal(err, errlen, "kesalahan basis data"); goto out; }
    db_bind_int64(st, 1, unit_id);
    int64_t inst = 0;
    if (db_step(st) == DB_ROW) {
      str_copy(unit, sizeof unit, db_col_text(st, 0));
      inst = db_col_int64(st, 1);
    }
    db_done(st);
    if (inst != b->instansi_id) {
      if (err && errlen) snprintf(err, errlen, "unit kerja tidak ditemukan pada instansi bulan TPP ini");
      rc = 2;
      goto out;
    }
  }
  const char *t = getenv("TMPDIR");
  int n = snprintf(path, sizeof path, "%s/kinerja-tpp-XXXXXX", t && t[0] && strlen(t) < 512 ? t : "/tmp");
  if (n < 0 || (size_t)n >= sizeof path) { rc = gagal(err, errlen, "TMPDIR terlalu panjang"); goto out; }
  tmp = mkstemp(path);
  if (tmp < 0) { path[0] = '\0'; rc = gagal(err, errlen, "berkas sementara tidak dapat dibuat: %s", strerror(errno)); goto out; }
  close(tmp);
  rc = tulis(db, b, bulan_id, unit_id, unit_id ? unit : NULL, path, baris, err, errlen);
  if (rc != 0) goto out;
  /* opened before the unlink: the file lives as long as the descriptor */
  int f = open(path, O_RDONLY | O_CLOEXEC);
  struct stat sb;
  if (f < 0 || fstat(f, &sb) != 0 || sb.st_size <= 0) {
    if (f >= 0) close(f);
    rc = gagal(err, errlen, "gagal membaca XLSX sementara");
    goto out;
  }
  *fd = f;
  *size = (uint64_t)sb.st_size;
out:
  if (path[0]) unlink(path);
  free(b);
  return rc;
}
