/* report_tabel_pdf.c: a table report as PDF (see report_tabel.h).  A4 landscape, base-14
 * Helvetica in WinAnsiEncoding through report_font.c (as report_tpp_pdf.c), cells wrapped by
 * measured width, the header repeated after a page break, "Dicetak ..." and "Halaman N dari M"
 * in the footer of every page. */
#include "report_tabel.h"

#include <hpdf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_draw.h"
#include "report_font.h"
#include "report_hpdf.h"
#include "report_pdf.h"

#define PAGE_W    841.89
#define PAGE_H    595.276
#define MARGIN    36.0
#define X0        MARGIN
#define X1        (PAGE_W - MARGIN)
#define TEXT_W    (X1 - X0)
#define Y_TOP     (PAGE_H - MARGIN)
#define Y_BOTTOM  (MARGIN + 8.0)
#define FOOTER_Y  (MARGIN - 16.0)
#define FS        7.5
#define LEAD      (FS * 1.25)
#define PAD       2.5
#define HPAD      3.0
#define MAX_PAGES 400
#define MAX_LINES 16
#define TXT       2048

struct pdf {
  HPDF_Doc doc;
  struct report_hpdf_font reg, bold;
  HPDF_Page pages[MAX_PAGES];
  size_t npage;
  HPDF_Page page;
  double y;
  double x[REPORT_TABEL_MAKS_KOLOM + 1];
  const struct report_tabel *t;
  bool kepala;                /* repeat the header on a new page */
  struct report_hpdf_err e;   /* libharu error and the caller's message buffer */
};

static size_t cp(const char *utf8, char out[TXT])
{
  size_t n = report_font_winansi(utf8 ? utf8 : "", out, TXT);
  return n >= TXT ? TXT - 1 : n;
}

static int header_row(struct pdf *P);

static int page_new(struct pdf *P)
{
  HPDF_Page page = report_draw_page_add(&P->e, P->doc, HPDF_PAGE_LANDSCAPE, P->pages, &P->npage, MAX_PAGES, "laporan");
  if (!page) return -1;
  P->page = page;
  P->y = Y_TOP;
  if (P->kepala && header_row(P) < 0) return -1;
  return report_hpdf_check(&P->e);
}

/* A paragraph of UTF-8 text wrapped to the page width. */
static int para(struct pdf *P, const char *s, const struct report_hpdf_font *f, double size)
{
  char c[TXT];
  size_t n = cp(s, c);
  struct report_font_line ln[32];
  size_t k = report_font_wrap(c, n, f->w, size, TEXT_W, ln, 32);
  if (k > 32) k = 32;
  for (size_t i = 0; i < k; i++) {
    if (P->y - size * 1.3 < Y_BOTTOM && page_new(P) < 0) return -1;
    P->y -= size * 1.3;
    report_draw_text(P->page, f, size, X0, P->y, c + ln[i].off, ln[i].len);
  }
  return 0;
}

/* One row of cells (texts already UTF-8); bold and shaded for the header. */
static int row(struct pdf *P, const char *const *cell, bool head)
{
  const struct report_tabel *t = P->t;
  const struct report_hpdf_font *f = head ? &P->bold : &P->reg;
  struct report_font_line ln[REPORT_TABEL_MAKS_KOLOM][MAX_LINES];
  size_t nl[REPORT_TABEL_MAKS_KOLOM], maks = 1;
  char (*buf)[TXT] = malloc(REPORT_TABEL_MAKS_KOLOM * sizeof *buf);
  if (!buf) return report_hpdf_fail(&P->e, "memori tidak cukup");
  for (size_t i = 0; i < t->ncol; i++) {
    size_t n = cp(cell[i], buf[i]);
    nl[i] = report_font_wrap(buf[i], n, f->w, FS, P->x[i + 1] - P->x[i] - 2 * HPAD, ln[i], MAX_LINES);
    if (nl[i] > MAX_LINES) nl[i] = MAX_LINES;
    if (nl[i] > maks) maks = nl[i];
  }
  double h = maks * LEAD + 2 * PAD;
  if (P->y - h < Y_BOTTOM) {
    if (page_new(P) < 0) { free(buf); return -1; }
  }
  double y = P->y - h;
  for (size_t i = 0; i < t->ncol; i++) {
    report_draw_box(P->page, P->x[i], y, P->x[i + 1] - P->x[i], h, head, 0.88f);
    for (size_t k = 0; k < nl[i]; k++)
      report_draw_text(P->page, f, FS, P->x[i] + HPAD, P->y - PAD - (double)(k + 1) * LEAD + 2.0, buf[i] + ln[i][k].off, ln[i][k].len);
  }
  P->y = y;
  free(buf);
  return report_hpdf_check(&P->e);
}

static int header_row(struct pdf *P)
{
  return row(P, P->t->kolom, true);
}

/* A cell of the JSON row as text: strings as they are, numbers the Indonesian way. */
static const char *sel(json_t *v, char *tmp, size_t n)
{
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_integer(v)) { snprintf(tmp, n, "%lld", (long long)json_integer_value(v)); return tmp; }
  if (json_is_real(v)) {
    snprintf(tmp, n, "%.2f", json_real_value(v));
    char *d = strchr(tmp, '.');
    if (d) {
      *d = ',';
      size_t k = strlen(tmp);
      while (k && tmp[k - 1] == '0') tmp[--k] = '\0';
      if (k && tmp[k - 1] == ',') tmp[--k] = '\0';
    }
    return tmp;
  }
  return "-";
}

static int footers(struct pdf *P)
{
  char kiri[128], tgl[48];
  if (report_font_tanggal(P->t->dicetak, tgl, sizeof tgl) != 0) snprintf(tgl, sizeof tgl, "%s", P->t->dicetak);
  snprintf(kiri, sizeof kiri, "Dicetak %s oleh kinerja", tgl);
  for (size_t i = 0; i < P->npage; i++) {
    char kanan[64];
    snprintf(kanan, sizeof kanan, "Halaman %zu dari %zu", i + 1, P->npage);
    P->page = P->pages[i];
    report_draw_text(P->page, &P->reg, 7.0, X0, FOOTER_Y, kiri, strlen(kiri));
    report_draw_text_right(P->page, &P->reg, 7.0, X1, FOOTER_Y, kanan, strlen(kanan));
  }
  return report_hpdf_check(&P->e);
}

static int isi(struct pdf *P)
{
  const struct report_tabel *t = P->t;
  double total = 0;
  for (size_t i = 0; i < t->ncol; i++) total += t->lebar[i] > 0 ? t->lebar[i] : 10;
  P->x[0] = X0;
  for (size_t i = 0; i < t->ncol; i++) P->x[i + 1] = P->x[i] + TEXT_W * (t->lebar[i] > 0 ? t->lebar[i] : 10) / total;
  if (page_new(P) < 0 || para(P, t->judul, &P->bold, 12) < 0) return -1;
  for (size_t i = 0; i < 6 && t->subjudul[i]; i++)
    if (para(P, t->subjudul[i], &P->reg, 8.5) < 0) return -1;
  P->y -= 8;
  if (header_row(P) < 0) return -1;
  P->kepala = true;
  size_t r;
  json_t *b;
  json_array_foreach(t->baris, r, b) {
    const char *cell[REPORT_TABEL_MAKS_KOLOM];
    char tmp[REPORT_TABEL_MAKS_KOLOM][48];
    for (size_t i = 0; i < t->ncol; i++) cell[i] = sel(json_array_get(b, i), tmp[i], sizeof tmp[i]);
    if (row(P, cell, false) < 0) return -1;
  }
  P->kepala = false;
  if (!json_array_size(t->baris)) { P->y -= 4; if (para(P, "Tidak ada data.", &P->reg, 8.5) < 0) return -1; }
  if (t->catatan) { P->y -= 6; if (para(P, t->catatan, &P->reg, 7.5) < 0) return -1; }
  return 0;
}

int report_tabel_pdf(const struct report_tabel *t, unsigned char **out, size_t *len, char *err, size_t errlen)
{
  struct pdf *P = report_hpdf_alloc(sizeof *P, err, errlen);
  if (!P) return -1;
  report_hpdf_begin(&P->e, err, errlen);
  P->t = t;
  int rc = -1;
  *out = NULL;
  *len = 0;
  if (!t->ncol || t->ncol > REPORT_TABEL_MAKS_KOLOM || !json_is_array(t->baris) || !t->judul || !t->dicetak) {
    report_hpdf_fail(&P->e, "data laporan tidak lengkap");
    goto fail;
  }
  P->doc = HPDF_New(report_hpdf_on_error, &P->e);
  if (!P->doc) { report_hpdf_fail(&P->e, "gagal membuat PDF (memori)"); goto fail; }
  HPDF_SetCompressionMode(P->doc, HPDF_COMP_ALL);
  HPDF_SetInfoAttr(P->doc, HPDF_INFO_CREATOR, "kinerja");
  if (report_hpdf_helvetica(&P->e, P->doc, &P->reg, &P->bold) < 0 || isi(P) < 0 || footers(P) < 0 ||
      report_hpdf_take(&P->e, P->doc, out, len) < 0)
    goto fail;
  rc = 0;
fail:
  report_hpdf_end(&P->e, P->doc, rc);
  free(P);
  return rc;
}
