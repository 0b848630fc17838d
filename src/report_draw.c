/* report_draw.c: page, text, rule and box drawing shared by the libharu reports (see
 * report_draw.h).  No state: safe in several threads at once. */
#include "report_draw.h"

#include <string.h>

#include "report_font.h"

#define TEXT_MAX 8192   /* a drawn line is one wrapped line: far shorter than this */

HPDF_Page report_draw_page(struct report_hpdf_err *e, HPDF_Doc doc, HPDF_PageDirection dir)
{
  HPDF_Page page = HPDF_AddPage(doc);
  if (!page) {
    if (report_hpdf_check(e) == 0) report_hpdf_fail(e, "gagal menambah halaman PDF");
    return NULL;
  }
  HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, dir);
  HPDF_Page_SetLineWidth(page, 0.5f);
  return page;
}

HPDF_Page report_draw_page_add(struct report_hpdf_err *e, HPDF_Doc doc, HPDF_PageDirection dir, HPDF_Page *pages, size_t *n,
                               size_t max, const char *what)
{
  if (*n >= max) {
    report_hpdf_fail(e, "%s melebihi %zu halaman", what, max);
    return NULL;
  }
  HPDF_Page page = report_draw_page(e, doc, dir);
  if (page) pages[(*n)++] = page;
  return page;
}

void report_draw_text(HPDF_Page page, const struct report_hpdf_font *f, double size, double x, double y, const char *p,
                      size_t len)
{
  char buf[TEXT_MAX];
  if (len == 0) return;
  if (len >= sizeof buf) len = sizeof buf - 1;
  memcpy(buf, p, len);
  buf[len] = '\0';
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, f->f, (HPDF_REAL)size);
  HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)y, buf);
  HPDF_Page_EndText(page);
}

void report_draw_text_right(HPDF_Page page, const struct report_hpdf_font *f, double size, double x_right, double y,
                            const char *p, size_t len)
{
  report_draw_text(page, f, size, x_right - report_font_width(p, len, f->w, size), y, p, len);
}

void report_draw_text_centre(HPDF_Page page, const struct report_hpdf_font *f, double size, double x, double w, double y,
                             const char *p, size_t len)
{
  report_draw_text(page, f, size, x + (w - report_font_width(p, len, f->w, size)) / 2, y, p, len);
}

void report_draw_hline(HPDF_Page page, double xa, double xb, double y)
{
  HPDF_Page_MoveTo(page, (HPDF_REAL)xa, (HPDF_REAL)y);
  HPDF_Page_LineTo(page, (HPDF_REAL)xb, (HPDF_REAL)y);
  HPDF_Page_Stroke(page);
}

void report_draw_box(HPDF_Page page, double x, double y, double w, double h, bool fill, float gray)
{
  if (fill) HPDF_Page_SetGrayFill(page, gray);   /* colours can only be set outside a path */
  HPDF_Page_Rectangle(page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
  if (fill) {
    HPDF_Page_FillStroke(page);
    HPDF_Page_SetGrayFill(page, 0.0f);
  } else {
    HPDF_Page_Stroke(page);
  }
}
