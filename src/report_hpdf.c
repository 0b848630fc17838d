/* report_hpdf.c: libharu error state shared by the PDF reports (see report_hpdf.h). */
#include "report_hpdf.h"
#include "report_pdf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void *report_hpdf_alloc(size_t size, char *err, size_t errlen)
{
  if (err && errlen) err[0] = '\0';
  void *p = calloc(1, size);
  if (!p && err && errlen) snprintf(err, errlen, "memori tidak cukup");
  return p;
}

void report_hpdf_begin(struct report_hpdf_err *e, char *err, size_t errlen)
{
  e->herr = e->hdetail = 0;
  e->err = err;
  e->errlen = err ? errlen : 0;
  if (e->errlen) err[0] = '\0';
}

void report_hpdf_on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
  struct report_hpdf_err *e = user_data;
  if (e->herr == 0) {
    e->herr = error_no;
    e->hdetail = detail_no;
  }
}

int report_hpdf_fail(struct report_hpdf_err *e, const char *fmt, ...)
{
  if (e->err && e->errlen > 0 && e->err[0] == '\0') {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->err, e->errlen, fmt, ap);
    va_end(ap);
  }
  return -1;
}

int report_hpdf_check(struct report_hpdf_err *e)
{
  if (e->herr == 0) return 0;
  return report_hpdf_fail(e, "gagal membuat PDF (libharu 0x%04X/%u)", (unsigned)e->herr, (unsigned)e->hdetail);
}

int report_hpdf_font(struct report_hpdf_err *e, HPDF_Doc doc, struct report_hpdf_font *f, const char *name)
{
  f->f = report_pdf_font(doc, name, f->w);
  if (!f->f) return report_hpdf_check(e) < 0 ? -1 : report_hpdf_fail(e, "font %s tidak tersedia", name);
  return report_hpdf_check(e);
}

int report_hpdf_helvetica(struct report_hpdf_err *e, HPDF_Doc doc, struct report_hpdf_font *reg, struct report_hpdf_font *bold)
{
  if (report_hpdf_font(e, doc, reg, "Helvetica") < 0) return -1;
  return report_hpdf_font(e, doc, bold, "Helvetica-Bold");
}

int report_hpdf_take(struct report_hpdf_err *e, HPDF_Doc doc, unsigned char **out, size_t *len)
{
  const char *salah = report_pdf_ambil(doc, out, len);
  if (!salah) return 0;
  return report_hpdf_check(e) < 0 ? -1 : report_hpdf_fail(e, "%s", salah);
}

int report_hpdf_end(struct report_hpdf_err *e, HPDF_Doc doc, int rc)
{
  if (doc) HPDF_Free(doc);
  if (rc != 0 && e->err && e->errlen && !e->err[0]) snprintf(e->err, e->errlen, "gagal membuat PDF");
  return rc;
}
