/* report_draw.h: the drawing steps the libharu reports share: a new A4 page, text at a point
 * (left, right-aligned or centred), a horizontal rule and a cell box.  Text is CP1252 (converted
 * by report_font_winansi) in a struct report_hpdf_font; coordinates are PDF points from the
 * bottom left of the page.
 */
#ifndef KINERJA_REPORT_DRAW_H
#define KINERJA_REPORT_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <hpdf.h>

#include "report_hpdf.h"

/* A new A4 page of doc in direction dir, with 0.5 pt lines.  NULL with the libharu error or
 * "gagal menambah halaman PDF" in e. */
HPDF_Page report_draw_page(struct report_hpdf_err *e, HPDF_Doc doc, HPDF_PageDirection dir);
/* The same, appended to pages[*n] (*n counts up) when *n < max; otherwise "<what> melebihi <max>
 * halaman" in e and NULL. */
HPDF_Page report_draw_page_add(struct report_hpdf_err *e, HPDF_Doc doc, HPDF_PageDirection dir, HPDF_Page *pages, size_t *n,
                               size_t max, const char *what);
/* len bytes of text p (need not end in NUL; nothing for len 0) with its baseline at (x, y). */
void report_draw_text(HPDF_Page page, const struct report_hpdf_font *f, double size, double x, double y, const char *p,
                      size_t len);
/* The same, ending at x_right. */
void report_draw_text_right(HPDF_Page page, const struct report_hpdf_font *f, double size, double x_right, double y,
                            const char *p, size_t len);
/* The same, centred in the width w from x. */
void report_draw_text_centre(HPDF_Page page, const struct report_hpdf_font *f, double size, double x, double w, double y,
                             const char *p, size_t len);
/* A line from (xa, y) to (xb, y) in the current line width. */
void report_draw_hline(HPDF_Page page, double xa, double xb, double y);
/* A rectangle with its bottom left at (x, y), outlined; when fill, filled with grey level gray
 * (0 black .. 1 white) first and the fill colour set back to black. */
void report_draw_box(HPDF_Page page, double x, double y, double w, double h, bool fill, float gray);

#endif
