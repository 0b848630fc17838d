/* uji_pdf.h: what the PDF report tests (test_report_skp.c, test_report_evaluasi.c) check a
 * rendered document with: a temporary file, poppler-utils (pdftotext, pdfinfo) read back, the
 * words' boxes inside the printable area of the A4 page (src/lembar.h).  Failures end the
 * cmocka test. */
#ifndef KINERJA_UJI_PDF_H
#define KINERJA_UJI_PDF_H

#include <stdbool.h>
#include <stddef.h>

/* Writes buf to a new file /tmp/test_<nama>_XXXXXX<suffix>; returns its malloc'd path. */
char *uji_tulis(const unsigned char *buf, size_t len, const char *nama, const char *suffix);
/* Runs cmd and returns its standard output (malloc'd), or NULL when it failed. */
char *uji_jalankan(const char *cmd);
/* Whether the command `tool` is installed. */
bool uji_ada(const char *tool);
/* The text of the PDF (pdftotext -layout), malloc'd. */
char *uji_pdf_teks(const char *path);
/* Its number of pages (pdfinfo). */
long uji_pdf_halaman(const char *path);

struct uji_kata {
  double xmin, ymin, xmax, ymax;   /* pdftotext -bbox: points, top-left origin */
  char text[64];
};
/* The words of page `page` (1-based); returns how many, up to max. */
size_t uji_pdf_kata(const char *path, int page, struct uji_kata *w, size_t max);
/* Fails unless every word of every page lies in the printable area: inside the 15 mm margins
 * and above the 8 pt gap kept over the bottom margin, or on the footer line inside the bottom
 * margin.  Returns the number of words. */
size_t uji_pdf_kata_di_dalam(const char *path);
/* Fails (naming it) when needle is not in the text. */
void uji_pdf_memuat(const char *text, const char *needle);

#endif
