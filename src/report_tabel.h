/* report_tabel.h: a plain table report as PDF (libharu) and XLSX (libxlsxwriter): a title,
 * a few lines under it, one table whose header repeats on every printed page, and a note.  The
 * organisation reports (laporan_organisasi.c: the cascade tree and the IKU capaian recap) are
 * built on it.  No state outside the arguments: safe in several threads at once. */
#ifndef KINERJA_REPORT_TABEL_H
#define KINERJA_REPORT_TABEL_H
#include <jansson.h>
#include <stddef.h>

#define REPORT_TABEL_MAKS_KOLOM 12
#define REPORT_TABEL_XLSX_MIME "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

struct report_tabel {
  const char *judul;                  /* UTF-8 title */
  const char *nama_sheet;             /* XLSX sheet name (<= 31 chars, no []:*?/\) */
  const char *subjudul[6];            /* lines under the title (NULL ends) */
  size_t ncol;                        /* 1..REPORT_TABEL_MAKS_KOLOM */
  const char *kolom[REPORT_TABEL_MAKS_KOLOM];
  double lebar[REPORT_TABEL_MAKS_KOLOM];  /* column widths in characters (XLSX; PDF scales them to the page) */
  json_t *baris;                      /* array of rows, each an array of ncol cells: string, number or null */
  const char *catatan;                /* note under the table, or NULL */
  const char *dicetak;                /* 'YYYY-MM-DD' of printing */
};

/* Each writes a malloc'd document into *out (*len bytes; the caller frees).  0, or -1 with an
 * Indonesian message in err. */
int report_tabel_pdf(const struct report_tabel *t, unsigned char **out, size_t *len, char *err, size_t errlen);
int report_tabel_xlsx(const struct report_tabel *t, unsigned char **out, size_t *len, char *err, size_t errlen);
#endif
