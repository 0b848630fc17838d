/* report_inovasi_xlsx.c: the innovation recap as XLSX (see report_inovasi_xlsx.h).
 *
 * libxlsxwriter writes only to a named file: the workbook goes to a private mkstemp file in
 * $TMPDIR (or /tmp), is read back into memory and unlinked on every path (as report_skp_xlsx.c).
 * Before/after values are number cells when they parse, so a spreadsheet can sum them. */
#include "report_inovasi_xlsx.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define MAX_OUTPUT (64u * 1024u * 1024u)

static int gagal(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int gagal(char *err, size_t n, const char *fmt, ...)
{
  if (err && n) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, n, fmt, ap);
    va_end(ap);
  }
  return -1;
}

static const char *teks(const json_t *o, const char *k)
{
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static const char *STATUS_LABEL(const char *s)
{
  if (!strcmp(s, "divalidasi")) return "Divalidasi";
  if (!strcmp(s, "dikembalikan")) return "Dikembalikan";
  if (!strcmp(s, "diajukan")) return "Menunggu validasi";
  return s;
}

/* A stored decimal ("12.5") as a number, or the text when it does not parse. */
static void angka_atau_teks(lxw_worksheet *ws, int r, int c, const char *s, lxw_format *f)
{
  char *end = NULL;
  double v = *s ? strtod(s, &end) : 0;
  if (*s && end && !*end) worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v, f);
  else worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, s, f);
}

static int slurp(const char *path, unsigned char **out, size_t *len, char *err, size_t errlen)
{
  FILE *f = fopen(path, "rb");
  struct stat st;
  if (!f) return gagal(err, errlen, "gagal membaca XLSX sementara: %s", strerror(errno));
  if (fstat(fileno(f), &st) != 0 || st.st_size <= 0 || (unsigned long long)st.st_size > MAX_OUTPUT) {
    fclose(f);
    return gagal(err, errlen, "ukuran XLSX tidak wajar");
  }
  size_t n = (size_t)st.st_size;
  unsigned char *buf = malloc(n);
  if (!buf || fread(buf, 1, n, f) != n) {
    free(buf);
    fclose(f);
    return gagal(err, errlen, "gagal membaca XLSX sementara");
  }
  fclose(f);
  *out = buf;
  *len = n;
  return 0;
}

static const char *const KOLOM[] = {"No", "Judul / ide", "Pegawai", "NIP", "Unit kerja", "Masalah yang diselesaikan",
  "Layanan yang dilayani", "Tahap", "Status", "Indikator dampak", "Sebelum", "Sesudah", "Satuan", "Perubahan (%)",
  "Tanggal validasi", "Validator", "Bukti", "Tahun"};
static const double LEBAR[] = {5, 36, 26, 20, 28, 44, 28, 13, 18, 28, 10, 10, 10, 12, 14, 24, 7, 7};
#define NKOL (sizeof KOLOM / sizeof KOLOM[0])

static void sheet_inovasi(lxw_workbook *wb, const struct inovasi_rekap *r, lxw_format *bold, lxw_format *head,
                          lxw_format *wrap, lxw_format *num)
{
  lxw_worksheet *ws = workbook_add_worksheet(wb, "Inovasi");
  for (size_t c = 0; c < NKOL; c++) worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, LEBAR[c], NULL);
  worksheet_write_string(ws, 0, 0, r->judul ? r->judul : "Rekap Inovasi Pegawai", bold);
  worksheet_write_string(ws, 1, 0, r->instansi ? r->instansi : "", NULL);
  char f[200];
  snprintf(f, sizeof f, "Tahun: %s%.0d · Tahap: %s · Status: %s", r->tahun ? "" : "semua", r->tahun,
           r->tahap ? r->tahap : "semua", r->status ? STATUS_LABEL(r->status) : "semua");
  worksheet_write_string(ws, 2, 0, f, NULL);
  int hdr = 4;
  for (size_t c = 0; c < NKOL; c++) worksheet_write_string(ws, (lxw_row_t)hdr, (lxw_col_t)c, KOLOM[c], head);
  worksheet_freeze_panes(ws, (lxw_row_t)(hdr + 1), 0);
  const json_t *items = json_object_get(r->data, "items");
  size_t i;
  const json_t *it;
  int row = hdr + 1;
  json_array_foreach(items, i, it) {
    const json_t *peg = json_object_get(it, "pegawai"), *unit = json_object_get(it, "unit_kerja");
    const json_t *d = json_object_get(it, "dampak"), *val = json_object_get(it, "validator");
    lxw_row_t rr = (lxw_row_t)row;
    worksheet_write_number(ws, rr, 0, (double)(i + 1), NULL);
    worksheet_write_string(ws, rr, 1, teks(it, "judul"), wrap);
    worksheet_write_string(ws, rr, 2, teks(peg, "nama"), wrap);
    worksheet_write_string(ws, rr, 3, teks(peg, "nip"), NULL);
    worksheet_write_string(ws, rr, 4, json_is_object(unit) ? teks(unit, "nama") : "", wrap);
    worksheet_write_string(ws, rr, 5, teks(it, "masalah"), wrap);
    worksheet_write_string(ws, rr, 6, teks(it, "layanan"), wrap);
    worksheet_write_string(ws, rr, 7, teks(it, "tahap_label"), NULL);
    worksheet_write_string(ws, rr, 8, STATUS_LABEL(teks(it, "status")), NULL);
    if (json_is_object(d)) {
      worksheet_write_string(ws, rr, 9, teks(d, "indikator"), wrap);
      angka_atau_teks(ws, row, 10, teks(d, "sebelum"), num);
      angka_atau_teks(ws, row, 11, teks(d, "sesudah"), num);
      worksheet_write_string(ws, rr, 12, teks(d, "satuan"), NULL);
      const json_t *p = json_object_get(d, "perubahan_persen");
      if (json_is_number(p)) worksheet_write_number(ws, rr, 13, json_number_value(p), num);
    }
    worksheet_write_string(ws, rr, 14, teks(it, "tanggal_validasi"), NULL);
    worksheet_write_string(ws, rr, 15, json_is_object(val) ? teks(val, "nama") : "", NULL);
    worksheet_write_number(ws, rr, 16, (double)json_integer_value(json_object_get(it, "bukti_jumlah")), NULL);
    worksheet_write_number(ws, rr, 17, (double)json_integer_value(json_object_get(it, "tahun")), NULL);
    row++;
  }
  if (row > hdr + 1) worksheet_autofilter(ws, (lxw_row_t)hdr, 0, (lxw_row_t)(row - 1), (lxw_col_t)(NKOL - 1));
  else worksheet_write_string(ws, (lxw_row_t)row, 0, "Belum ada inovasi untuk filter ini.", NULL);
}

static void sheet_tahap(lxw_workbook *wb, const struct inovasi_rekap *r, lxw_format *bold, lxw_format *head)
{
  static const char *const T[][2] = {{"diusulkan", "Diusulkan"}, {"diuji_coba", "Diuji coba"},
                                     {"diterapkan", "Diterapkan"}, {"direplikasi", "Direplikasi"}};
  lxw_worksheet *ws = workbook_add_worksheet(wb, "Per tahap");
  worksheet_set_column(ws, 0, 0, 20, NULL);
  worksheet_set_column(ws, 1, 1, 12, NULL);
  worksheet_write_string(ws, 0, 0, "Jumlah inovasi per tahap", bold);
  worksheet_write_string(ws, 2, 0, "Tahap", head);
  worksheet_write_string(ws, 2, 1, "Jumlah", head);
  const json_t *per = json_object_get(r->data, "per_tahap");
  double total = 0;
  for (int i = 0; i < 4; i++) {
    double n = (double)json_integer_value(json_object_get(per, T[i][0]));
    total += n;
    worksheet_write_string(ws, (lxw_row_t)(3 + i), 0, T[i][1], NULL);
    worksheet_write_number(ws, (lxw_row_t)(3 + i), 1, n, NULL);
  }
  worksheet_write_string(ws, 7, 0, "Jumlah", bold);
  worksheet_write_formula_num(ws, 7, 1, "=SUM(B4:B7)", bold, total);
}

int inovasi_rekap_xlsx(const struct inovasi_rekap *r, unsigned char **out, size_t *len, char *err, size_t errlen)
{
  char path[512], tmpdir[480];
  const char *t = getenv("TMPDIR");
  *out = NULL;
  *len = 0;
  int n = snprintf(tmpdir, sizeof tmpdir, "%s", t && t[0] ? t : "/tmp");
  if (n < 0 || (size_t)n >= sizeof tmpdir) snprintf(tmpdir, sizeof tmpdir, "/tmp");
  n = snprintf(path, sizeof path, "%s/kinerja-inovasi-XXXXXX", tmpdir);
  if (n < 0 || (size_t)n >= sizeof path) return gagal(err, errlen, "TMPDIR terlalu panjang");
  int fd = mkstemp(path);
  if (fd < 0) return gagal(err, errlen, "gagal membuat berkas sementara: %s", strerror(errno));
  close(fd);
  lxw_workbook_options opt = {.tmpdir = tmpdir};
  lxw_workbook *wb = workbook_new_opt(path, &opt);
  int rc = -1;
  if (!wb) { gagal(err, errlen, "gagal membuat workbook XLSX"); goto out; }
  lxw_format *bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format *head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  lxw_format *wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format *num = workbook_add_format(wb);
  format_set_num_format(num, "[$-421]#,##0.0##");
  sheet_inovasi(wb, r, bold, head, wrap, num);
  sheet_tahap(wb, r, bold, head);
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) { gagal(err, errlen, "gagal menulis XLSX: %s", lxw_strerror(e)); goto out; }
  rc = slurp(path, out, len, err, errlen);
out:
  unlink(path);
  return rc;
}
