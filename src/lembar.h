/* lembar.h: the A4 "sheet" the SKP and evaluasi documents are drawn on (report_skp_pdf.c,
 * report_evaluasi_pdf.c): the page geometry, a bounded arena for everything a render
 * allocates, wrapped table cells, paragraphs that break pages, pages that repeat the header of
 * the table being drawn, and the footers "Halaman N dari M" written once the count is known.
 * Text is CP1252 (report_font.c) in libharu's base-14 Helvetica.  The tables themselves (rows,
 * IKI bands) stay in each document's file.  No state outside the struct: a render may run in
 * several threads at once.
 */
#ifndef KINERJA_LEMBAR_H
#define KINERJA_LEMBAR_H

#include <stdbool.h>
#include <stddef.h>
#include <hpdf.h>

#include "report_hpdf.h"

/* A4 portrait in points, 15 mm margins; the footer sits inside the bottom margin. */
#define PAGE_W    595.276
#define PAGE_H    841.89
#define MARGIN    42.52
#define X0        MARGIN
#define X1        (PAGE_W - MARGIN)
#define TEXT_W    (X1 - X0)
#define Y_TOP     (PAGE_H - MARGIN)
#define Y_BOTTOM  (MARGIN + 8.0)
#define FOOTER_Y  (MARGIN - 16.0)

#define FS        8.0           /* table text size */
#define LEAD      (FS * 1.2)    /* table line height */
#define PAD       3.0           /* cell padding, top and bottom */
#define HPAD      3.0           /* cell padding, left and right */
#define BULLET_IN 8.0           /* hanging indent of a bullet item */
#define SIGN_GAP  56.7          /* 20 mm for the signature */

#define MAX_PAGES 400           /* pages of one document; more is refused */
#define ARENA_MAX ((size_t)64 << 20)

struct lembar_chunk;
struct lembar_arena {
  struct lembar_chunk *head;
  size_t total, max;
};

struct lembar_line {
  const char *p;          /* CP1252, not NUL-terminated */
  size_t len;
  bool bold, bullet;
  double indent;
};

/* A cell: wrapped lines, of which [first, n) are still to be drawn. */
struct lembar_cell {
  const struct lembar_line *ln;
  size_t n, first;
  unsigned colspan;       /* 0: nothing here (covered by a cell to the left, or a gap) */
  unsigned char align;    /* ALIGN_* */
  bool fill;              /* grey background (header and label cells) */
};
enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

/* A piece of CP1252 text for lembar_cell_parts. */
struct lembar_part {
  const char *p;
  size_t len;
  bool bold, bullet;
};

struct lembar {
  HPDF_Doc doc;
  struct report_hpdf_font reg, bold;
  HPDF_Page *pages;
  size_t npage, cap;
  HPDF_Page page;
  double y;                   /* top of the free space on the current page */
  bool fresh;                 /* nothing but the table header on this page yet */
  const void *tab;            /* table being drawn, whose header a new page repeats */
  void (*kepala)(struct lembar *P);   /* draws the header of tab (called when tab is set) */
  const char *nama;           /* "dokumen SKP": the document in messages */
  const char *note;           /* status note for the footers (CP1252, left, bold), or NULL */
  bool note_merah;            /* the note in red */
  const char *kode;           /* text centred in the footers (CP1252), or NULL */
  struct lembar_arena ar;
  struct report_hpdf_err e;   /* libharu error and the caller's message buffer */
};

/* Zeroes P for a render of `nama`; messages go to err (report_hpdf_begin). */
void lembar_mulai(struct lembar *P, const char *nama, char *err, size_t errlen);
/* A new libharu document with compression, the title and Helvetica loaded.  0, or -1. */
int lembar_buka(struct lembar *P, const char *judul);
/* Frees everything of the render (pages, arena, document); returns rc (report_hpdf_end). */
int lembar_akhiri(struct lembar *P, int rc);

/* n bytes of the arena (freed by lembar_akhiri); NULL with "<nama> terlalu besar untuk
 * dicetak" when ARENA_MAX would be passed. */
void *lembar_alloc(struct lembar *P, size_t n);
/* UTF-8 (NULL allowed) to CP1252 in the arena; empty input gives `dash` when not NULL. */
const char *lembar_cp(struct lembar *P, const char *utf8, const char *dash, size_t *len);
double lembar_text_w(const struct report_hpdf_font *f, double size, const char *p, size_t len);

/* Wraps the parts, one after the other, into the cell of width w. */
int lembar_cell_parts(struct lembar *P, struct lembar_cell *c, const struct lembar_part *parts, size_t np,
                      double w, unsigned char align);
/* One UTF-8 text in a cell; NULL or "" shows "-". */
int lembar_cell_text(struct lembar *P, struct lembar_cell *c, const char *utf8, bool bold, double w,
                     unsigned char align);
/* A perilaku kerja cell: the aspect's name in bold, then each item of its panduan (items
 * separated by "; ", a trailing ';' dropped) as a bullet line. */
int lembar_cell_perilaku(struct lembar *P, struct lembar_cell *c, const char *nama, const char *panduan, double w);
/* Lines of c still to be drawn (0 for a covered cell). */
size_t lembar_cell_rem(const struct lembar_cell *c);
/* Draws up to `max` of the remaining lines of c inside the box whose top-left is (x, top). */
void lembar_cell_draw(struct lembar *P, struct lembar_cell *c, double x, double w, double top, size_t max);

/* Writes CP1252 text wrapped to width w starting at x, line height lead, breaking pages. */
int lembar_para(struct lembar *P, const char *p, size_t len, const struct report_hpdf_font *f, double size,
                unsigned char align, double x, double w, double lead);
int lembar_para_utf8(struct lembar *P, const char *utf8, const char *dash, const struct report_hpdf_font *f,
                     double size, unsigned char align, double x, double w, double lead);

/* A new page (the header of P->tab drawn on it when set).  0, or -1 past MAX_PAGES. */
int lembar_page_new(struct lembar *P);
/* Breaks the page unless `need` points of height remain. */
int lembar_ensure(struct lembar *P, double need);
/* The footer line of every page: the note (left), the kode (centre) and "Halaman N dari M"
 * (right). */
int lembar_footers(struct lembar *P);
/* The finished document into a new malloc'd buffer *out of *len bytes (the caller frees). */
int lembar_take(struct lembar *P, unsigned char **out, size_t *len);

#endif
