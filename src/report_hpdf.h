/* report_hpdf.h: the error state every libharu report keeps.
 *
 * libharu reports errors through a callback given to HPDF_New; a report hands it
 * report_hpdf_on_error with its struct report_hpdf_err, then checks after each group of drawing
 * calls (report_hpdf_check) and words its own failures (report_hpdf_fail).  Loading a font and
 * taking the finished document out go through the same state.  The first message
 * written to the caller's buffer wins: a later, more general one never hides the cause.
 */
#ifndef KINERJA_REPORT_HPDF_H
#define KINERJA_REPORT_HPDF_H

#include <stddef.h>
#include <hpdf.h>

struct report_hpdf_err {
  HPDF_STATUS herr, hdetail;  /* first error libharu reported (0: none) */
  char *err;                  /* the caller's message buffer (NULL: messages are dropped) */
  size_t errlen;
};

/* A base-14 font in WinAnsiEncoding with its advance widths (1/1000 em) for report_font.h. */
struct report_hpdf_font {
  HPDF_Font f;
  unsigned short w[256];
};

/* A zeroed report state of size bytes (the caller frees it), with the caller's buffer err
 * emptied; NULL with "memori tidak cukup" in err. */
void *report_hpdf_alloc(size_t size, char *err, size_t errlen);
/* Points e at the caller's buffer err of errlen bytes and empties it (err may be NULL). */
void report_hpdf_begin(struct report_hpdf_err *e, char *err, size_t errlen);
/* The error handler for HPDF_New(report_hpdf_on_error, e): keeps the first error and detail. */
void report_hpdf_on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *e);
/* Writes the Indonesian message (unless one is there already) and returns -1. */
int report_hpdf_fail(struct report_hpdf_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* -1 with "gagal membuat PDF (libharu 0xNNNN/N)" when libharu reported an error, else 0. */
int report_hpdf_check(struct report_hpdf_err *e);
/* Loads base-14 font `name` of doc into f (report_pdf_font).  0, or -1 with the libharu error
 * or "font NAME tidak tersedia". */
int report_hpdf_font(struct report_hpdf_err *e, HPDF_Doc doc, struct report_hpdf_font *f, const char *name);
/* Helvetica and Helvetica-Bold, the fonts of every report, into reg and bold (as above). */
int report_hpdf_helvetica(struct report_hpdf_err *e, HPDF_Doc doc, struct report_hpdf_font *reg, struct report_hpdf_font *bold);
/* Copies the finished doc into a new malloc'd buffer *out (the caller frees it) of *len bytes
 * (report_pdf_ambil).  0, or -1 with the libharu error or report_pdf_ambil's message. */
int report_hpdf_take(struct report_hpdf_err *e, HPDF_Doc doc, unsigned char **out, size_t *len);
/* Ends a report: frees doc (may be NULL) and, when it failed (rc != 0) without a message,
 * writes "gagal membuat PDF".  Returns rc. */
int report_hpdf_end(struct report_hpdf_err *e, HPDF_Doc doc, int rc);

#endif
