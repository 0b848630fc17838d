/* report_tabel_xlsx.c: a table report as XLSX (see report_tabel.h).  One sheet: the title and
 * the lines under it in column A, the header row (frozen, autofiltered, repeated on printed
 * pages), the rows (numbers as number cells "0.00"), the note.  libxlsxwriter writes only to a
 * named file, so the workbook goes to a private mkstemp file in $TMPDIR (or /tmp), is read back
 * into memory and unlinked on every path. */
#include "report_tabel.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

static int tulis(const struct report_tabel *t, const char *path, char *err, size_t errlen)
{
  lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
  static char tmpdir_baku[] = "/tmp";
  char *td = getenv("TMPDIR");
  opt.tmpdir = td && td[0] ? td : tmpdir_baku;
  lxw_workbook *wb = workbook_new_opt(path, &opt);
  if (!wb) { snprintf(err, errlen, "workbook XLSX tidak dapat dibuat"); return -1; }
  lxw_worksheet *ws = workbook_add_worksheet(wb, t->nama_sheet ? t->nama_sheet : "Laporan");
  lxw_format *judul = workbook_add_format(wb), *head = workbook_add_format(wb), *teks = workbook_add_format(wb),
             *angka = workbook_add_format(wb), *ket = workbook_add_format(wb);
  if (!ws || !judul || !head || !teks || !angka || !ket) { workbook_close(wb); snprintf(err, errlen, "workbook XLSX tidak dapat dibuat"); return -1; }
  format_set_bold(judul);
  format_set_font_size(judul, 13);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_bg_color(head, 0xDDE4EE);
  format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(teks);
  format_set_border(teks, LXW_BORDER_THIN);
  format_set_align(teks, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(angka, LXW_BORDER_THIN);
  format_set_num_format(angka, "[$-421]0.##");
  format_set_align(angka, LXW_ALIGN_VERTICAL_TOP);
  format_set_italic(ket);
  char penulis[] = "kinerja", title[256];
  snprintf(title, sizeof title, "%s", t->judul);
  lxw_doc_properties props = {.title = title, .author = penulis};
  workbook_set_properties(wb, &props);
  for (size_t k = 0; k < t->ncol; k++) worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, t->lebar[k] > 0 ? t->lebar[k] : 12, NULL);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  lxw_row_t r = 0;
  worksheet_write_string(ws, r++, 0, t->judul, judul);
  for (size_t i = 0; i < 6 && t->subjudul[i]; i++) worksheet_write_string(ws, r++, 0, t->subjudul[i], NULL);
  r++;
  lxw_row_t hdr = r;
  worksheet_repeat_rows(ws, hdr, hdr);
  size_t n = json_array_size(t->baris);
  if (n) worksheet_autofilter(ws, hdr, 0, hdr + (lxw_row_t)n, (lxw_col_t)(t->ncol - 1));
  for (size_t k = 0; k < t->ncol; k++) worksheet_write_string(ws, hdr, (lxw_col_t)k, t->kolom[k], head);
  worksheet_freeze_panes(ws, hdr + 1, 0);
  r = hdr + 1;
  size_t i;
  json_t *b;
  lxw_error e = LXW_NO_ERROR;
  json_array_foreach(t->baris, i, b) {
    for (size_t k = 0; k < t->ncol; k++) {
      json_t *v = json_array_get(b, k);
      lxw_error x;
      if (json_is_number(v)) x = worksheet_write_number(ws, r, (lxw_col_t)k, json_number_value(v), angka);
      else if (json_is_string(v) && json_string_value(v)[0]) x = worksheet_write_string(ws, r, (lxw_col_t)k, json_string_value(v), teks);
      else x = worksheet_write_blank(ws, r, (lxw_col_t)k, teks);
      if (x != LXW_NO_ERROR && e == LXW_NO_ERROR) e = x;
    }
    r++;
  }
  if (!n) worksheet_write_string(ws, r++, 0, "Tidak ada data.", ket);
  if (t->catatan) worksheet_write_string(ws, r + 1, 0, t->catatan, ket);
  lxw_error c = workbook_close(wb);
  if (e != LXW_NO_ERROR || c != LXW_NO_ERROR) {
    snprintf(err, errlen, "XLSX gagal ditulis: %s", lxw_strerror(e != LXW_NO_ERROR ? e : c));
    return -1;
  }
  return 0;
}

int report_tabel_xlsx(const struct report_tabel *t, unsigned char **out, size_t *len, char *err, size_t errlen)
{
  if (err && errlen) err[0] = '\0';
  *out = NULL;
  *len = 0;
  if (!t->ncol || t->ncol > REPORT_TABEL_MAKS_KOLOM || !json_is_array(t->baris) || !t->judul) {
    snprintf(err, errlen, "data laporan tidak lengkap");
    return -1;
  }
  char path[600];
  const char *td = getenv("TMPDIR");
  int n = snprintf(path, sizeof path, "%s/kinerja-laporan-XXXXXX", td && td[0] && strlen(td) < 512 ? td : "/tmp");
  if (n < 0 || (size_t)n >= sizeof path) { snprintf(err, errlen, "TMPDIR terlalu panjang"); return -1; }
  int fd = mkstemp(path);
  if (fd < 0) { snprintf(err, errlen, "berkas sementara tidak dapat dibuat: %s", strerror(errno)); return -1; }
  close(fd);
  int rc = tulis(t, path, err, errlen);
  if (rc == 0) {
    int f = open(path, O_RDONLY | O_CLOEXEC);
    struct stat sb;
    unsigned char *buf = NULL;
    if (f >= 0 && fstat(f, &sb) == 0 && sb.st_size > 0 && (buf = malloc((size_t)sb.st_size))) {
      size_t got = 0;
      while (got < (size_t)sb.st_size) {
        ssize_t k = read(f, buf + got, (size_t)sb.st_size - got);
        if (k <= 0) break;
        got += (size_t)k;
      }
      if (got == (size_t)sb.st_size) { *out = buf; *len = got; buf = NULL; }
    }
    free(buf);
    if (f >= 0) close(f);
    if (!*out) { snprintf(err, errlen, "gagal membaca XLSX sementara"); rc = -1; }
  }
  unlink(path);
  return rc;
}
