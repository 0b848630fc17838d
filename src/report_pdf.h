/* report_pdf.h: the libharu steps that every printed report repeats.
 *
 * Each report keeps its own layout and error handler; these two functions only load a font with
 * its width table and copy a finished document out of libharu's memory stream.
 */
#ifndef KINERJA_REPORT_PDF_H
#define KINERJA_REPORT_PDF_H

#include <stddef.h>
#include <hpdf.h>

/* Loads base-14 font `name` in WinAnsiEncoding and fills w with its glyph widths (w[0] = 0).
 * NULL when libharu refuses (the report's error handler has been called). */
HPDF_Font report_pdf_font(HPDF_Doc doc, const char *name, unsigned short w[256]);

/* Saves doc to its memory stream and copies it into a new malloc'd buffer: *out (the caller
 * frees it) and *len.  NULL on success, otherwise an Indonesian message naming the failed step. */
const char *report_pdf_ambil(HPDF_Doc doc, unsigned char **out, size_t *len);

#endif
