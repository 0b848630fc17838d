/* report_evaluasi_pdf.c: the Dokumen Evaluasi Kinerja Pegawai as a PDF, in the layout of the
 * example forms of PermenPANRB 6/2022 (DOMAIN.md "Dokumen Evaluasi Kinerja Pegawai"): title and
 * PERIODE with the periode penilaian dates, the boxes of the pegawai yang dinilai, the pejabat
 * penilai kinerja and the atasan pejabat penilai, the capaian kinerja organisasi, the pola
 * distribusi as a bar chart (kurva distribusi predikat kinerja pegawai), the hasil kerja table
 * (realisasi and umpan balik berdasarkan bukti dukung, A. Utama / B. Tambahan), the perilaku
 * kerja table, the ratings, the predikat, catatan/rekomendasi and the signatures.
 *
 * It follows report_skp_pdf.c: libharu with base-14 Helvetica in WinAnsiEncoding (text goes
 * through report_font.c first), tables laid out by measured width, a row that does not fit
 * moves to the next page under the repeated table header (or, when taller than a page,
 * continues there line by line), footers "Halaman N dari M" written once the page count is
 * known.  The table engine here is simpler than the SKP one (no IKI bands), and is a copy for
 * now: the SKP one is file-local.
 *
 * Everything a render allocates lives in one bounded arena freed at the end; the renderer has
 * no state outside its arguments and may run in several threads at once.
 */
#include "evaluasi_doc.h"
#include "report_draw.h"
#include "report_font.h"
#include "report_hpdf.h"
#include "report_pdf.h"
#include "rules/kurva.h"   /* KURVA_MAKS_PEGAWAI */

#include <hpdf.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
#define CHART_H   200.0         /* the pola distribusi box */

/* Limits of one document; input beyond them is refused with a message. */
#define MAX_RHK   300
#define MAX_TEXT  20000         /* bytes of one text field */
#define MAX_PAGES 400
#define ARENA_MAX ((size_t)64 << 20)
#define MAXCOL    4
#define HASH_SHOW 16            /* hex digits of the hash printed as kode verifikasi */

/* ---- arena ---------------------------------------------------------------------------- */

struct chunk {
  struct chunk *next;
  size_t used, cap;
  max_align_t data[];
};

struct arena {
  struct chunk *head;
  size_t total, max;
};

static void *arena_alloc(struct arena *a, size_t n)
{
  struct chunk *c = a->head;
  void *p;
  n = (n + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  if (!c || c->cap - c->used < n) {
    size_t cap = n > 65536 ? n : 65536;
    if (cap > a->max - a->total) return NULL;
    c = malloc(sizeof *c + cap);
    if (!c) return NULL;
    c->next = a->head;
    c->used = 0;
    c->cap = cap;
    a->head = c;
    a->total += cap;
  }
  p = (unsigned char *)c->data + c->used;
  c->used += n;
  return p;
}

static void arena_free(struct arena *a)
{
  struct chunk *c = a->head;
  while (c) {
    struct chunk *next = c->next;
    free(c);
    c = next;
  }
  a->head = NULL;
  a->total = 0;
}

/* ---- layout model --------------------------------------------------------------------- */

struct line {
  const char *p;          /* CP1252, not NUL-terminated */
  size_t len;
  bool bold, bullet;
  double indent;
};

/* A cell: wrapped lines, of which [first, n) are still to be drawn. */
struct cell {
  const struct line *ln;
  size_t n, first;
  unsigned colspan;       /* 0: nothing here (covered by a cell to the left) */
  unsigned char align;    /* ALIGN_* */
  bool fill;              /* grey background (header and label cells) */
};
enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

struct row {
  struct cell c[MAXCOL];
};

struct table {
  size_t ncol;
  double x[MAXCOL + 1];   /* column edges */
  struct row *head;       /* header row repeated on every page, or NULL */
};

struct pdf {
  HPDF_Doc doc;
  struct report_hpdf_font reg, bold;
  HPDF_Page *pages;
  size_t npage, cap;
  HPDF_Page page;
  double y;                   /* top of the free space on the current page */
  bool fresh;                 /* nothing but the table header on this page yet */
  const struct table *tab;    /* table being drawn, whose header a new page repeats */
  const char *note;           /* draft note for title and footers (CP1252), NULL when final */
  char kode[HASH_SHOW + 32];  /* "Kode verifikasi: ..." for the footers, "" when no hash */
  struct arena ar;
  struct report_hpdf_err e;   /* libharu error and the caller's message buffer */
};

static void *alloc(struct pdf *P, size_t n)
{
  void *p = arena_alloc(&P->ar, n);
  if (!p) report_hpdf_fail(&P->e, "dokumen evaluasi terlalu besar untuk dicetak");
  return p;
}

/* UTF-8 (NULL allowed) to CP1252 in the arena; empty input gives `dash` when not NULL. */
static const char *cp(struct pdf *P, const char *utf8, const char *dash, size_t *len)
{
  size_t n;
  char *out;
  if (!utf8 || !utf8[0]) utf8 = dash ? dash : "";
  n = strlen(utf8) + 1;
  out = alloc(P, n);
  if (!out) return NULL;
  *len = report_font_winansi(utf8, out, n);
  return out;
}

static bool is(const char *s, const char *v) { return s && strcmp(s, v) == 0; }

/* ---- drawing primitives ---------------------------------------------------------------- */

static double text_w(const struct report_hpdf_font *f, double size, const char *p, size_t len)
{
  return report_font_width(p, len, f->w, size);
}

static int page_new(struct pdf *P);

/* ---- cells ----------------------------------------------------------------------------- */

struct part {
  const char *p;
  size_t len;
  bool bold, bullet;
};

/* Wraps the parts, one after the other, into the cell of width w. */
static int cell_parts(struct pdf *P, struct cell *c, const struct part *parts, size_t np,
                      double w, unsigned char align)
{
  size_t total = 0, i, k = 0, tmpmax = 0;
  struct line *ln;
  struct report_font_line *tmp;
  for (i = 0; i < np; i++) {
    const struct report_hpdf_font *f = parts[i].bold ? &P->bold : &P->reg;
    double inner = w - 2 * HPAD - (parts[i].bullet ? BULLET_IN : 0);
    size_t n = report_font_wrap(parts[i].p, parts[i].len, f->w, FS, inner, NULL, 0);
    total += n;
    if (n > tmpmax) tmpmax = n;
  }
  ln = alloc(P, (total ? total : 1) * sizeof *ln);
  tmp = alloc(P, (tmpmax ? tmpmax : 1) * sizeof *tmp);
  if (!ln || !tmp) return -1;
  for (i = 0; i < np; i++) {
    const struct report_hpdf_font *f = parts[i].bold ? &P->bold : &P->reg;
    double inner = w - 2 * HPAD - (parts[i].bullet ? BULLET_IN : 0);
    size_t n = report_font_wrap(parts[i].p, parts[i].len, f->w, FS, inner, tmp, tmpmax), j;
    for (j = 0; j < n && k < total; j++, k++) {
      ln[k].p = parts[i].p + tmp[j].off;
      ln[k].len = tmp[j].len;
      ln[k].bold = parts[i].bold;
      ln[k].bullet = parts[i].bullet && j == 0;
      ln[k].indent = parts[i].bullet ? BULLET_IN : 0;
    }
  }
  c->ln = ln;
  c->n = k;
  c->first = 0;
  c->colspan = 1;
  c->align = align;
  c->fill = false;
  return 0;
}

/* One UTF-8 text in a cell; NULL or "" shows "-". */
static int cell_text(struct pdf *P, struct cell *c, const char *utf8, bool bold, double w,
                     unsigned char align)
{
  struct part pt = { NULL, 0, bold, false };
  pt.p = cp(P, utf8, "-", &pt.len);
  if (!pt.p) return -1;
  return cell_parts(P, c, &pt, 1, w, align);
}

static double col_w(const struct table *T, size_t col, unsigned colspan)
{
  size_t end = col + (colspan ? colspan : 1);
  if (end > T->ncol) end = T->ncol;
  return T->x[end] - T->x[col];
}

static size_t cell_rem(const struct cell *c)
{
  return c->colspan ? c->n - c->first : 0;
}

/* Draws up to `max` of the remaining lines of c inside the box whose top-left is (x, top). */
static void cell_draw(struct pdf *P, struct cell *c, double x, double w, double top, size_t max)
{
  size_t n = cell_rem(c), j;
  if (n > max) n = max;
  for (j = 0; j < n; j++) {
    const struct line *l = &c->ln[c->first + j];
    const struct report_hpdf_font *f = l->bold ? &P->bold : &P->reg;
    double base = top - PAD - (double)(j + 1) * LEAD + 0.25 * FS;
    double lw = text_w(f, FS, l->p, l->len), tx;
    if (c->align == ALIGN_CENTER) tx = x + (w - lw) / 2;
    else if (c->align == ALIGN_RIGHT) tx = x + w - HPAD - lw;
    else tx = x + HPAD + l->indent;
    if (l->bullet) report_draw_text(P->page, &P->reg, FS, x + HPAD, base, "\x95", 1);
    report_draw_text(P->page, f, FS, tx, base, l->p, l->len);
  }
  c->first += n;
}

/* ---- tables ---------------------------------------------------------------------------- */

/* Height of what remains of R when drawn in one piece. */
static double row_h(const struct table *T, const struct row *R)
{
  size_t m = 1, col;
  for (col = 0; col < T->ncol; col++)
    if (cell_rem(&R->c[col]) > m) m = cell_rem(&R->c[col]);
  return 2 * PAD + (double)m * LEAD;
}

/* Draws R at the cursor as a piece H tall, each cell showing at most max lines. */
static void row_draw(struct pdf *P, const struct table *T, struct row *R, double H, size_t max)
{
  double top = P->y;
  size_t col;
  for (col = 0; col < T->ncol; col++) {
    struct cell *c = &R->c[col];
    double w;
    if (!c->colspan) continue;
    w = col_w(T, col, c->colspan);
    report_draw_box(P->page, T->x[col], top - H, w, H, c->fill, 0.88f);
    cell_draw(P, c, T->x[col], w, top, max);
  }
  P->y = top - H;
}

static void head_draw(struct pdf *P, const struct table *T)
{
  size_t col;
  row_draw(P, T, T->head, row_h(T, T->head), SIZE_MAX);
  for (col = 0; col < T->ncol; col++) T->head->c[col].first = 0;
}

/* Room for rows on an empty page of table T. */
static double fresh_room(const struct table *T)
{
  return Y_TOP - Y_BOTTOM - (T && T->head ? row_h(T, T->head) : 0);
}

/* Places what remains of R at the cursor: whole if it fits; on the next page if it fits an
 * empty page; otherwise split over pages between lines (at least two lines at the foot of a
 * page that already has content). */
static int row_place(struct pdf *P, const struct table *T, struct row *R)
{
  for (;;) {
    double h = row_h(T, R), avail = P->y - Y_BOTTOM, fit;
    size_t n;
    if (h <= avail + 0.01) {
      row_draw(P, T, R, h, SIZE_MAX);
      P->fresh = false;
      return report_hpdf_check(&P->e);
    }
    if (!P->fresh && h <= fresh_room(T) + 0.01) {
      if (page_new(P) < 0) return -1;
      continue;
    }
    fit = floor((avail - 2 * PAD) / LEAD + 0.001);
    if (fit < 2 && !P->fresh) {
      if (page_new(P) < 0) return -1;
      continue;
    }
    if (fit < 1) return report_hpdf_fail(&P->e, "baris tabel tidak muat di halaman");
    n = (size_t)fit;
    row_draw(P, T, R, 2 * PAD + (double)n * LEAD, n);
    P->fresh = false;
    if (report_hpdf_check(&P->e) < 0 || page_new(P) < 0) return -1;
  }
}

static struct row *row_new(struct pdf *P)
{
  struct row *R = alloc(P, sizeof *R);
  if (R) memset(R, 0, sizeof *R);
  return R;
}

/* A row of one cell across the whole table. */
static struct row *row_wide(struct pdf *P, const struct table *T, const char *utf8, bool bold,
                            bool fill)
{
  struct row *R = row_new(P);
  if (!R || cell_text(P, &R->c[0], utf8, bold, TEXT_W, ALIGN_LEFT) < 0) return NULL;
  R->c[0].colspan = (unsigned)T->ncol;
  R->c[0].fill = fill;
  return R;
}

static void table_cols(struct table *T, const double *w, size_t n)
{
  double sum = 0;
  size_t i;
  for (i = 0; i < n; i++) sum += w[i];
  T->ncol = n;
  T->x[0] = X0;
  for (i = 0; i < n; i++) T->x[i + 1] = T->x[i] + w[i] * TEXT_W / sum;
  T->x[n] = X1;
  T->head = NULL;
}

/* Header row of bold, centred, grey cells. */
static int table_head(struct pdf *P, struct table *T, const char *const *labels)
{
  size_t col;
  T->head = row_new(P);
  if (!T->head) return -1;
  for (col = 0; col < T->ncol; col++) {
    struct cell *c = &T->head->c[col];
    if (cell_text(P, c, labels[col], true, col_w(T, col, 1), ALIGN_CENTER) < 0) return -1;
    c->fill = true;
  }
  return 0;
}

/* Starts a table at the cursor with its header, after a page break if the header and `first`
 * points of rows do not fit. */
static int table_begin(struct pdf *P, const struct table *T, double first)
{
  double need = (T->head ? row_h(T, T->head) : 0) + first;
  P->tab = NULL;
  if (!P->fresh && P->y - need < Y_BOTTOM && page_new(P) < 0) return -1;
  P->tab = T;
  if (T->head) head_draw(P, T);
  return report_hpdf_check(&P->e);
}

/* ---- free text ------------------------------------------------------------------------- */

/* Writes CP1252 text wrapped to width w starting at x, line height lead, breaking pages. */
static int para(struct pdf *P, const char *p, size_t len, const struct report_hpdf_font *f, double size,
                unsigned char align, double x, double w, double lead)
{
  size_t n = report_font_wrap(p, len, f->w, size, w, NULL, 0), i;
  struct report_font_line *ln;
  if (n == 0) return 0;
  ln = alloc(P, n * sizeof *ln);
  if (!ln) return -1;
  report_font_wrap(p, len, f->w, size, w, ln, n);
  for (i = 0; i < n; i++) {
    double lw = text_w(f, size, p + ln[i].off, ln[i].len), tx = x;
    if (P->y - lead < Y_BOTTOM && page_new(P) < 0) return -1;
    if (align == ALIGN_CENTER) tx = x + (w - lw) / 2;
    else if (align == ALIGN_RIGHT) tx = x + w - lw;
    report_draw_text(P->page, f, size, tx, P->y - lead + 0.25 * size, p + ln[i].off, ln[i].len);
    P->y -= lead;
    P->fresh = false;
  }
  return report_hpdf_check(&P->e);
}

static int para_utf8(struct pdf *P, const char *utf8, const char *dash, const struct report_hpdf_font *f,
                     double size, unsigned char align, double x, double w, double lead)
{
  size_t len;
  const char *s = cp(P, utf8, dash, &len);
  if (!s) return -1;
  return para(P, s, len, f, size, align, x, w, lead);
}

/* ---- pages ----------------------------------------------------------------------------- */

static int page_new(struct pdf *P)
{
  HPDF_Page page;
  if (P->npage >= MAX_PAGES) return report_hpdf_fail(&P->e, "dokumen evaluasi melebihi %d halaman", MAX_PAGES);
  if (P->npage == P->cap) {
    size_t cap = P->cap ? P->cap * 2 : 8;
    HPDF_Page *np = realloc(P->pages, cap * sizeof *np);
    if (!np) return report_hpdf_fail(&P->e, "memori tidak cukup");
    P->pages = np;
    P->cap = cap;
  }
  page = report_draw_page(&P->e, P->doc, HPDF_PAGE_PORTRAIT);
  if (!page) return -1;
  P->pages[P->npage++] = page;
  P->page = page;
  P->y = Y_TOP;
  P->fresh = true;
  if (P->tab && P->tab->head) head_draw(P, P->tab);
  return report_hpdf_check(&P->e);
}

/* Breaks the page unless `need` points of height remain. */
static int ensure(struct pdf *P, double need)
{
  if (P->fresh || P->y - need >= Y_BOTTOM) return 0;
  return page_new(P);
}

/* The footer line of every page: the draft note (left), the kode verifikasi (centre) and
 * "Halaman N dari M" (right). */
static int footers(struct pdf *P)
{
  size_t i, klen = strlen(P->kode);
  for (i = 0; i < P->npage; i++) {
    char s[64];
    int r = snprintf(s, sizeof s, "Halaman %zu dari %zu", i + 1, P->npage);
    if (r < 0 || (size_t)r >= sizeof s) return report_hpdf_fail(&P->e, "nomor halaman");
    P->page = P->pages[i];
    report_draw_text_right(P->page, &P->reg, 8, X1, FOOTER_Y, s, (size_t)r);
    if (P->note) {
      HPDF_Page_SetRGBFill(P->page, 0.75f, 0.0f, 0.0f);
      report_draw_text(P->page, &P->bold, 8, X0, FOOTER_Y, P->note, strlen(P->note));
      HPDF_Page_SetRGBFill(P->page, 0.0f, 0.0f, 0.0f);
    }
    if (klen) report_draw_text_centre(P->page, &P->reg, 7, X0, TEXT_W, FOOTER_Y, P->kode, klen);
  }
  return report_hpdf_check(&P->e);
}

/* ---- input checks ---------------------------------------------------------------------- */

static int check_text(struct pdf *P, const char *s, const char *what)
{
  if (s && strlen(s) > MAX_TEXT)
    return report_hpdf_fail(&P->e, "%s terlalu panjang (maks. %d karakter)", what, MAX_TEXT);
  return 0;
}

static int check_orang(struct pdf *P, const struct skp_doc_orang *o, const char *who)
{
  const char *v[5] = { o->nama, o->nip, o->pangkat, o->jabatan, o->unit };
  size_t i;
  for (i = 0; i < 5; i++)
    if (v[i] && strlen(v[i]) > 1000) return report_hpdf_fail(&P->e, "data %s terlalu panjang", who);
  return 0;
}

static bool is_hex(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int check_doc(struct pdf *P, const struct evaluasi_doc *d)
{
  char tmp[64];
  size_t i;
  if (!is(d->status, "draft") && !is(d->status, "final"))
    return report_hpdf_fail(&P->e, "status evaluasi tidak dikenal (draft atau final)");
  if (!d->periode_label || !d->periode_label[0] || strlen(d->periode_label) > 100)
    return report_hpdf_fail(&P->e, "label periode evaluasi kosong atau terlalu panjang");
  if (report_font_tanggal(d->periode_mulai, tmp, sizeof tmp) < 0 ||
      report_font_tanggal(d->periode_selesai, tmp, sizeof tmp) < 0)
    return report_hpdf_fail(&P->e, "periode evaluasi tidak valid (YYYY-MM-DD)");
  if (strcmp(d->periode_mulai, d->periode_selesai) > 0)
    return report_hpdf_fail(&P->e, "periode evaluasi tidak valid: tanggal mulai setelah tanggal selesai");
  if (report_font_tanggal(d->tanggal, tmp, sizeof tmp) < 0)
    return report_hpdf_fail(&P->e, "tanggal penandatanganan tidak valid (YYYY-MM-DD)");
  if (d->nrhk > MAX_RHK) return report_hpdf_fail(&P->e, "terlalu banyak RHK (maks. %d)", MAX_RHK);
  if (d->nrhk > 0 && !d->rhk) return report_hpdf_fail(&P->e, "daftar RHK kosong padahal nrhk = %zu", d->nrhk);
  for (i = 0; i < 5; i++)
    if (d->kurva[i] < 0 || d->kurva[i] > KURVA_MAKS_PEGAWAI)
      return report_hpdf_fail(&P->e, "jumlah pegawai pada kurva distribusi tidak valid (0 sampai %d)",
                  KURVA_MAKS_PEGAWAI);
  if (d->hash && d->hash[0]) {
    size_t n = strlen(d->hash);
    if (n < HASH_SHOW || n > 128) return report_hpdf_fail(&P->e, "hash penilaian tidak valid");
    for (i = 0; i < n; i++)
      if (!is_hex(d->hash[i])) return report_hpdf_fail(&P->e, "hash penilaian tidak valid (harus heksadesimal)");
  }
  if (check_orang(P, &d->pegawai, "pegawai yang dinilai") < 0 ||
      check_orang(P, &d->penilai, "pejabat penilai") < 0 ||
      check_orang(P, &d->atasan_penilai, "atasan pejabat penilai") < 0)
    return -1;
  if (check_text(P, d->instansi, "nama instansi") < 0 ||
      check_text(P, d->predikat_organisasi, "predikat organisasi") < 0 ||
      check_text(P, d->rating_hasil, "rating hasil kerja") < 0 ||
      check_text(P, d->rating_perilaku, "rating perilaku kerja") < 0 ||
      check_text(P, d->predikat, "predikat") < 0 ||
      check_text(P, d->catatan, "catatan/rekomendasi") < 0 ||
      check_text(P, d->tempat, "tempat") < 0)
    return -1;
  for (i = 0; i < d->nrhk; i++) {
    const struct evaluasi_doc_rhk *r = &d->rhk[i];
    if (!is(r->kelompok, "utama") && !is(r->kelompok, "tambahan"))
      return report_hpdf_fail(&P->e, "RHK ke-%zu: kelompok harus utama atau tambahan", i + 1);
    if (check_text(P, r->rhk, "teks RHK") < 0 || check_text(P, r->realisasi, "realisasi") < 0 ||
        check_text(P, r->umpan_balik, "umpan balik") < 0)
      return -1;
  }
  for (i = 0; i < 7; i++)
    if (check_text(P, d->perilaku[i].nama, "nama perilaku") < 0 ||
        check_text(P, d->perilaku[i].panduan, "panduan perilaku") < 0 ||
        check_text(P, d->perilaku[i].umpan_balik, "umpan balik perilaku") < 0)
      return -1;
  return 0;
}

/* ---- the document ---------------------------------------------------------------------- */

static int title_block(struct pdf *P, const struct evaluasi_doc *d)
{
  char buf[256], a[48], b[48];
  const char *s;
  size_t len;
  int r;
  if (para_utf8(P, "EVALUASI KINERJA PEGAWAI", NULL, &P->bold, 12, ALIGN_CENTER, X0, TEXT_W,
                15) < 0)
    return -1;
  r = snprintf(buf, sizeof buf, "PERIODE: %s", d->periode_label);
  if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "label periode terlalu panjang");
  s = cp(P, buf, NULL, &len);
  if (!s) return -1;
  report_font_upper((char *)s);
  if (para(P, s, len, &P->bold, 10, ALIGN_CENTER, X0, TEXT_W, 13) < 0) return -1;
  if (d->instansi && d->instansi[0]) {
    s = cp(P, d->instansi, NULL, &len);
    if (!s) return -1;
    report_font_upper((char *)s);
    if (para(P, s, len, &P->bold, 10, ALIGN_CENTER, X0, TEXT_W, 13) < 0) return -1;
  }
  if (report_font_tanggal(d->periode_mulai, a, sizeof a) < 0 ||
      report_font_tanggal(d->periode_selesai, b, sizeof b) < 0)
    return report_hpdf_fail(&P->e, "periode evaluasi tidak valid");
  r = snprintf(buf, sizeof buf, "PERIODE PENILAIAN: %s s.d. %s", a, b);
  if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "periode");
  if (para_utf8(P, buf, NULL, &P->reg, 9, ALIGN_CENTER, X0, TEXT_W, 12) < 0) return -1;
  if (P->note) {
    HPDF_Page_SetRGBFill(P->page, 0.75f, 0.0f, 0.0f);
    r = para(P, P->note, strlen(P->note), &P->bold, 10, ALIGN_CENTER, X0, TEXT_W, 13);
    HPDF_Page_SetRGBFill(P->page, 0.0f, 0.0f, 0.0f);
    if (r < 0) return -1;
  }
  P->y -= 8;
  return 0;
}

/* The three identity boxes, one table: NO | label | value, a grey heading per person.  A
 * missing person (nama NULL) shows "-" throughout; so does a missing field. */
static int identitas(struct pdf *P, const struct evaluasi_doc *d)
{
  static const double w[3] = { 22, 150, 338 };
  static const char *const label[5] = { "NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN",
                                        "UNIT KERJA/INSTANSI" };
  static const char *const judul[3] = { "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA",
                                        "ATASAN PEJABAT PENILAI KINERJA" };
  const struct skp_doc_orang *o[3] = { &d->pegawai, &d->penilai, &d->atasan_penilai };
  struct table T;
  size_t i, k;
  table_cols(&T, w, 3);
  P->tab = NULL;
  for (k = 0; k < 3; k++) {
    const struct skp_doc_orang *p = o[k];
    bool ada = p->nama != NULL;
    const char *v[5] = { p->nama, p->nip, p->pangkat, p->jabatan, p->unit };
    struct row *H = row_new(P);
    if (!H) return -1;
    if (cell_text(P, &H->c[0], "NO", true, col_w(&T, 0, 1), ALIGN_CENTER) < 0 ||
        cell_text(P, &H->c[1], judul[k], true, col_w(&T, 1, 2), ALIGN_LEFT) < 0)
      return -1;
    H->c[0].fill = H->c[1].fill = true;
    H->c[1].colspan = 2;
    /* keep a box together */
    if (ensure(P, 6 * (2 * PAD + LEAD) + 6) < 0 || row_place(P, &T, H) < 0) return -1;
    for (i = 0; i < 5; i++) {
      struct row *R = row_new(P);
      char no[8];
      if (!R) return -1;
      snprintf(no, sizeof no, "%zu", i + 1);
      if (cell_text(P, &R->c[0], no, false, col_w(&T, 0, 1), ALIGN_CENTER) < 0 ||
          cell_text(P, &R->c[1], label[i], false, col_w(&T, 1, 1), ALIGN_LEFT) < 0 ||
          cell_text(P, &R->c[2], ada ? v[i] : "-", false, col_w(&T, 2, 1), ALIGN_LEFT) < 0 ||
          row_place(P, &T, R) < 0)
        return -1;
    }
    P->y -= 6;
  }
  P->y -= 6;
  return 0;
}

/* The summary rows "LABEL | value" (capaian organisasi, ratings, predikat, catatan), boxed;
 * the value may wrap and continue on the next page. */
static void ringkasan_cols(struct table *T)
{
  static const double w[2] = { 190, 320 };
  table_cols(T, w, 2);
}

static struct row *ringkasan_row(struct pdf *P, const struct table *T, const char *label,
                                 const char *value, bool bold)
{
  struct row *R = row_new(P);
  if (!R || cell_text(P, &R->c[0], label, true, col_w(T, 0, 1), ALIGN_LEFT) < 0 ||
      cell_text(P, &R->c[1], value, bold, col_w(T, 1, 1), ALIGN_LEFT) < 0)
    return NULL;
  R->c[0].fill = true;
  return R;
}

static int ringkasan(struct pdf *P, const char *label, const char *value, bool bold)
{
  struct table T;
  struct row *R;
  ringkasan_cols(&T);
  P->tab = NULL;
  R = ringkasan_row(P, &T, label, value, bold);
  return R ? row_place(P, &T, R) : -1;
}

/* Whole number with id-ID thousands separators: 1234567 -> "1.234.567". */
static void angka(long v, char *out, size_t n)
{
  char raw[32];
  size_t len, i, k = 0;
  snprintf(raw, sizeof raw, "%ld", v < 0 ? -v : v);
  len = strlen(raw);
  if (v < 0 && k + 1 < n) out[k++] = '-';
  for (i = 0; i < len && k + 1 < n; i++) {
    if (i > 0 && (len - i) % 3 == 0 && k + 2 < n) out[k++] = '.';
    out[k++] = raw[i];
  }
  out[k] = '\0';
}

/* Scale of the y axis: a step of 1, 2 or 5 times a power of ten giving at most 5 intervals;
 * an empty kurva gets 0..5. */
static void skala(long max, long *step, long *top)
{
  long s = 1;
  if (max <= 0) {
    *step = 1;
    *top = 5;
    return;
  }
  for (;;) {
    if ((max + s - 1) / s <= 5) break;
    if ((max + 2 * s - 1) / (2 * s) <= 5) { s *= 2; break; }
    if ((max + 5 * s - 1) / (5 * s) <= 5) { s *= 5; break; }
    s *= 10;
  }
  *step = s;
  *top = (max + s - 1) / s * s;
}

/* Centred CP1252 text at baseline y. */
static void text_center(struct pdf *P, const struct report_hpdf_font *f, double size, double cx, double y,
                        const char *s, size_t len)
{
  report_draw_text(P->page, f, size, cx - text_w(f, size, s, len) / 2, y, s, len);
}

/* The pola distribusi box: "Kurva Distribusi Predikat Kinerja Pegawai" as bars drawn from
 * d->kurva, x the five predikat in the form's order, y the number of pegawai, the count over
 * each bar.  An all-zero kurva gives the empty axes and a note. */
static int pola_distribusi(struct pdf *P, const struct evaluasi_doc *d)
{
  static const char *const xl[5] = { "Sangat Kurang", "Kurang/Misconduct", "Butuh Perbaikan",
                                     "Baik", "Sangat Baik" };
  static const double one[1] = { 1 };
  const char *judul = "Kurva Distribusi Predikat Kinerja Pegawai";
  const char *ylab = "Jumlah pegawai";
  const char *xlab = "Predikat kinerja pegawai";
  const char *kosong = "Belum ada predikat kinerja pegawai pada unit ini";
  struct table T;
  struct row *R;
  double top, bottom, px0, px1, py0, py1, slot;
  long max = 0, step, ytop, v;
  size_t i;
  table_cols(&T, one, 1);
  P->tab = NULL;
  R = row_wide(P, &T, "POLA DISTRIBUSI", true, true);
  if (!R) return -1;
  if (ensure(P, row_h(&T, R) + CHART_H) < 0 || row_place(P, &T, R) < 0) return -1;
  top = P->y;
  bottom = top - CHART_H;
  report_draw_box(P->page, X0, bottom, TEXT_W, CHART_H, false, 0.88f);
  text_center(P, &P->bold, 9, X0 + TEXT_W / 2, top - 14, judul, strlen(judul));

  for (i = 0; i < 5; i++)
    if (d->kurva[i] > max) max = d->kurva[i];
  skala(max, &step, &ytop);
  px0 = X0 + 56;
  px1 = X1 - 24;
  py1 = top - 36;
  py0 = bottom + 44;
  slot = (px1 - px0) / 5;

  /* y axis: grid, ticks and their numbers */
  report_draw_text(P->page, &P->reg, 7, X0 + 8, py1 + 8, ylab, strlen(ylab));
  for (v = 0; v <= ytop; v += step) {
    double y = py0 + (py1 - py0) * (double)v / (double)ytop;
    char num[32];
    angka(v, num, sizeof num);
    if (v > 0) {
      HPDF_Page_SetGrayStroke(P->page, 0.8f);
      report_draw_hline(P->page, px0, px1, y);
      HPDF_Page_SetGrayStroke(P->page, 0.0f);
    }
    report_draw_hline(P->page, px0 - 3, px0, y);
    report_draw_text(P->page, &P->reg, 7, px0 - 5 - text_w(&P->reg, 7, num, strlen(num)), y - 2.5, num,
            strlen(num));
  }

  /* bars and their counts */
  for (i = 0; i < 5 && max > 0; i++) {
    double cx = px0 + slot * ((double)i + 0.5), bw = slot * 0.55;
    double h = (py1 - py0) * (double)d->kurva[i] / (double)ytop;
    char num[32];
    if (d->kurva[i] > 0) {
      HPDF_Page_SetRGBFill(P->page, 0.22f, 0.42f, 0.69f);
      HPDF_Page_Rectangle(P->page, (HPDF_REAL)(cx - bw / 2), (HPDF_REAL)py0, (HPDF_REAL)bw,
                          (HPDF_REAL)h);
      HPDF_Page_FillStroke(P->page);
      HPDF_Page_SetRGBFill(P->page, 0.0f, 0.0f, 0.0f);
    }
    angka(d->kurva[i], num, sizeof num);
    text_center(P, &P->bold, 8, cx, py0 + h + 3, num, strlen(num));
  }

  /* axes, then the predikat under each slot (wrapped to the slot) */
  HPDF_Page_SetLineWidth(P->page, 0.75f);
  HPDF_Page_MoveTo(P->page, (HPDF_REAL)px0, (HPDF_REAL)py1);
  HPDF_Page_LineTo(P->page, (HPDF_REAL)px0, (HPDF_REAL)py0);
  HPDF_Page_LineTo(P->page, (HPDF_REAL)px1, (HPDF_REAL)py0);
  HPDF_Page_Stroke(P->page);
  HPDF_Page_SetLineWidth(P->page, 0.5f);
  for (i = 0; i < 5; i++) {
    struct report_font_line ln[3];
    double cx = px0 + slot * ((double)i + 0.5);
    size_t n = report_font_wrap(xl[i], strlen(xl[i]), P->reg.w, 7.5, slot - 4, ln, 3), j;
    if (n > 3) n = 3;
    for (j = 0; j < n; j++)
      text_center(P, &P->reg, 7.5, cx, py0 - 10 - 9 * (double)j, xl[i] + ln[j].off, ln[j].len);
  }
  text_center(P, &P->reg, 7, (px0 + px1) / 2, bottom + 6, xlab, strlen(xlab));
  if (max == 0)
    text_center(P, &P->reg, 8, (px0 + px1) / 2, (py0 + py1) / 2, kosong, strlen(kosong));
  P->y = bottom - 12;
  P->fresh = false;
  return report_hpdf_check(&P->e);
}

/* What must fit below a row for it to start where it is: all of R when it fits an empty page
 * (it would move there whole), else its first lines. */
static double first_need(const struct table *T, const struct row *R)
{
  double h = row_h(T, R);
  return h <= fresh_room(T) + 0.01 ? h : 2 * PAD + 3 * LEAD;
}

static struct row *rhk_row(struct pdf *P, const struct table *T,
                           const struct evaluasi_doc_rhk *r, size_t no)
{
  struct row *R = row_new(P);
  char num[16];
  if (!R) return NULL;
  snprintf(num, sizeof num, "%zu", no);
  if (cell_text(P, &R->c[0], num, false, col_w(T, 0, 1), ALIGN_CENTER) < 0 ||
      cell_text(P, &R->c[1], r->rhk, false, col_w(T, 1, 1), ALIGN_LEFT) < 0 ||
      cell_text(P, &R->c[2], r->realisasi, false, col_w(T, 2, 1), ALIGN_LEFT) < 0 ||
      cell_text(P, &R->c[3], r->umpan_balik, false, col_w(T, 3, 1), ALIGN_LEFT) < 0)
    return NULL;
  return R;
}

/* The hasil kerja table, grouped A. Utama / B. Tambahan (numbered within each group; an empty
 * group shows "-").  A group's heading row stays with the start of its first row, and the
 * table's heading and header with the first group. */
static int hasil_kerja(struct pdf *P, const struct evaluasi_doc *d)
{
  static const double w[4] = { 24, 160, 150, 176 };
  static const char *const labels[4] = {
    "NO", "RENCANA HASIL KERJA", "REALISASI BERDASARKAN BUKTI DUKUNG",
    "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
  };
  static const char *const kel[2] = { "utama", "tambahan" };
  static const char *const judul[2] = { "A. Utama", "B. Tambahan" };
  struct table T;
  size_t i, g;
  table_cols(&T, w, 4);
  if (table_head(P, &T, labels) < 0) return -1;
  for (g = 0; g < 2; g++) {
    size_t no = 0;
    struct row *S = row_wide(P, &T, judul[g], true, false), *first = NULL;
    double need;
    if (!S) return -1;
    for (i = 0; i < d->nrhk && !first; i++)
      if (is(d->rhk[i].kelompok, kel[g]) && (first = rhk_row(P, &T, &d->rhk[i], ++no)) == NULL)
        return -1;
    if (!first && (first = row_wide(P, &T, "-", false, false)) == NULL) return -1;
    need = row_h(&T, S) + first_need(&T, first);
    if (g == 0) {
      if (ensure(P, 16 + row_h(&T, T.head) + need) < 0) return -1;
      if (para_utf8(P, "HASIL KERJA", NULL, &P->bold, 10, ALIGN_LEFT, X0, TEXT_W, 14) < 0)
        return -1;
      P->y -= 2;
      if (table_begin(P, &T, need) < 0) return -1;
    } else if (!P->fresh && P->y - need < Y_BOTTOM && page_new(P) < 0) {
      return -1;
    }
    if (row_place(P, &T, S) < 0 || row_place(P, &T, first) < 0) return -1;
    for (; i < d->nrhk; i++) {
      struct row *R;
      if (!is(d->rhk[i].kelompok, kel[g])) continue;
      R = rhk_row(P, &T, &d->rhk[i], ++no);
      if (!R || row_place(P, &T, R) < 0) return -1;
    }
  }
  P->tab = NULL;
  return 0;
}

static int perilaku(struct pdf *P, const struct evaluasi_doc *d)
{
  static const double w[3] = { 24, 276, 210 };
  static const char *const labels[3] = { "NO", "PERILAKU KERJA", "UMPAN BALIK BERKELANJUTAN" };
  struct table T;
  size_t i, no = 0;
  bool started = false;
  table_cols(&T, w, 3);
  if (table_head(P, &T, labels) < 0) return -1;
  for (i = 0; i < 7; i++) {
    const struct evaluasi_doc_perilaku *pk = &d->perilaku[i];
    struct row *R;
    struct part *parts;
    size_t np = 1, k, plen = 0;
    const char *pan, *q;
    char num[8];
    if (!pk->nama) continue;
    R = row_new(P);
    if (!R) return -1;
    snprintf(num, sizeof num, "%zu", ++no);
    pan = cp(P, pk->panduan, NULL, &plen);
    if (!pan) return -1;
    for (q = pan; (q = strstr(q, "; ")) != NULL; q += 2) np++;
    parts = alloc(P, (np + 1) * sizeof *parts);
    if (!parts) return -1;
    parts[0].p = cp(P, pk->nama, "-", &parts[0].len);
    if (!parts[0].p) return -1;
    parts[0].bold = true;
    parts[0].bullet = false;
    k = 1;
    for (q = pan; plen > 0 && q < pan + plen;) {
      const char *e = strstr(q, "; ");
      size_t l = e ? (size_t)(e - q) : strlen(q);
      while (l > 0 && q[l - 1] == ';') l--;   /* a trailing ';' on the last item */
      if (l > 0) {
        parts[k].p = q;
        parts[k].len = l;
        parts[k].bold = false;
        parts[k].bullet = true;
        k++;
      }
      if (!e) break;
      q = e + 2;
    }
    if (cell_text(P, &R->c[0], num, false, col_w(&T, 0, 1), ALIGN_CENTER) < 0 ||
        cell_parts(P, &R->c[1], parts, k, col_w(&T, 1, 1), ALIGN_LEFT) < 0 ||
        cell_text(P, &R->c[2], pk->umpan_balik, false, col_w(&T, 2, 1), ALIGN_LEFT) < 0)
      return -1;
    if (!started) {
      if (ensure(P, 16 + row_h(&T, T.head) + first_need(&T, R)) < 0) return -1;
      if (para_utf8(P, "PERILAKU KERJA", NULL, &P->bold, 10, ALIGN_LEFT, X0, TEXT_W, 14) < 0)
        return -1;
      P->y -= 2;
      if (table_begin(P, &T, first_need(&T, R)) < 0) return -1;
      started = true;
    }
    if (row_place(P, &T, R) < 0) return -1;
  }
  P->tab = NULL;
  return 0;
}

#define SIGN_SIZE 9.0
#define SIGN_LEAD 11.0
#define SIGN_NAME_W (TEXT_W / 2 - 20)
#define SIGN_SKIP 14.0          /* space above the place and date */

/* Lines of the longer signature name (at most 6 are printed). */
static size_t sign_lines(struct pdf *P, const struct evaluasi_doc *d)
{
  const char *nm[2] = { d->pegawai.nama, d->penilai.nama };
  size_t side, m = 1;
  for (side = 0; side < 2; side++) {
    size_t len, n;
    const char *s = cp(P, nm[side], "-", &len);
    if (!s) return 6;
    n = report_font_wrap(s, len, P->bold.w, SIGN_SIZE, SIGN_NAME_W, NULL, 0);
    if (n > m) m = n;
  }
  return m > 6 ? 6 : m;
}

/* Height of the signature block, the space above it included. */
static double sign_h(struct pdf *P, const struct evaluasi_doc *d)
{
  return SIGN_SKIP + 2 * SIGN_LEAD + SIGN_GAP + (double)(sign_lines(P, d) + 1) * SIGN_LEAD;
}

/* Place and date, then "Pegawai yang Dinilai" and "Pejabat Penilai Kinerja" side by side with
 * 20 mm for the signatures, the names (bold, underlined) and NIPs. */
static int signatures(struct pdf *P, const struct evaluasi_doc *d)
{
  const double half = TEXT_W / 2, nw = SIGN_NAME_W, lead = SIGN_LEAD, size = SIGN_SIZE;
  const struct skp_doc_orang *o[2] = { &d->pegawai, &d->penilai };
  static const char *const role[2] = { "Pegawai yang Dinilai", "Pejabat Penilai Kinerja" };
  const char *name[2];
  size_t nlen[2], nl[2], side, maxl;
  char tgl[48], buf[160];
  double top, y;
  int r;
  P->tab = NULL;
  if (report_font_tanggal(d->tanggal, tgl, sizeof tgl) < 0) return report_hpdf_fail(&P->e, "tanggal tidak valid");
  for (side = 0; side < 2; side++) {
    name[side] = cp(P, o[side]->nama, "-", &nlen[side]);
    if (!name[side]) return -1;
    nl[side] = report_font_wrap(name[side], nlen[side], P->bold.w, size, nw, NULL, 0);
  }
  maxl = nl[0] > nl[1] ? nl[0] : nl[1];
  if (maxl > 6) maxl = 6;
  P->y -= SIGN_SKIP;
  if (ensure(P, 2 * lead + SIGN_GAP + (double)(maxl + 1) * lead) < 0) return -1;
  if (d->tempat && d->tempat[0]) r = snprintf(buf, sizeof buf, "%s, %s", d->tempat, tgl);
  else r = snprintf(buf, sizeof buf, "%s", tgl);
  if (r < 0) return report_hpdf_fail(&P->e, "tanggal");
  /* a very long place name is cut to the buffer, which is fine for one line */
  if (para_utf8(P, buf, NULL, &P->reg, size, ALIGN_CENTER, X0 + half, half, lead) < 0) return -1;
  top = P->y;
  for (side = 0; side < 2; side++) {
    double x = X0 + half * (double)side;
    const char *nip;
    size_t niplen, i, n;
    struct report_font_line ln[6];
    P->y = top;
    if (para_utf8(P, role[side], NULL, &P->reg, size, ALIGN_CENTER, x, half, lead) < 0) return -1;
    y = P->y - SIGN_GAP;
    n = report_font_wrap(name[side], nlen[side], P->bold.w, size, nw, ln, 6);
    if (n > 6) n = 6;
    for (i = 0; i < n; i++) {
      double lw = text_w(&P->bold, size, name[side] + ln[i].off, ln[i].len);
      double tx = x + (half - lw) / 2, base = y - lead + 0.25 * size;
      report_draw_text(P->page, &P->bold, size, tx, base, name[side] + ln[i].off, ln[i].len);
      if (o[side]->nama) report_draw_hline(P->page, tx, tx + lw, base - 1.5);
      y -= lead;
    }
    r = snprintf(buf, sizeof buf, "NIP. %s", o[side]->nip && o[side]->nip[0] && o[side]->nama
                                               ? o[side]->nip : "-");
    if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "NIP terlalu panjang");
    nip = cp(P, buf, NULL, &niplen);
    if (!nip) return -1;
    text_center(P, &P->reg, size, x + half / 2, y - lead + 0.25 * size, nip, niplen);
  }
  P->y = top - lead - SIGN_GAP - (double)(maxl + 1) * lead;
  P->fresh = false;
  return report_hpdf_check(&P->e);
}

/* The predikat, catatan/rekomendasi and the signatures, on one page when they fit one. */
static int penutup(struct pdf *P, const struct evaluasi_doc *d)
{
  struct table T;
  struct row *pred, *cat;
  double need;
  ringkasan_cols(&T);
  P->tab = NULL;
  pred = ringkasan_row(P, &T, "PREDIKAT KINERJA PEGAWAI", d->predikat, true);
  cat = ringkasan_row(P, &T, "CATATAN/REKOMENDASI", d->catatan, false);
  if (!pred || !cat) return -1;
  need = row_h(&T, pred) + row_h(&T, cat) + sign_h(P, d);
  if (need <= Y_TOP - Y_BOTTOM && ensure(P, need) < 0) return -1;
  if (row_place(P, &T, pred) < 0 || row_place(P, &T, cat) < 0) return -1;
  return signatures(P, d);
}

/* Copies the saved document out of libharu's memory stream. */
static int take_output(struct pdf *P, unsigned char **out, size_t *len)
{
  HPDF_UINT32 size, got;
  HPDF_STATUS st;
  unsigned char *buf;
  if (HPDF_SaveToStream(P->doc) != HPDF_OK)
    return report_hpdf_check(&P->e) < 0 ? -1 : report_hpdf_fail(&P->e, "gagal menyimpan PDF");
  size = HPDF_GetStreamSize(P->doc);
  if (size == 0 || report_hpdf_check(&P->e) < 0) return report_hpdf_fail(&P->e, "PDF kosong");
  buf = malloc(size);
  if (!buf) return report_hpdf_fail(&P->e, "memori tidak cukup");
  if (HPDF_ResetStream(P->doc) != HPDF_OK) {
    free(buf);
    return report_hpdf_check(&P->e) < 0 ? -1 : report_hpdf_fail(&P->e, "gagal membaca PDF");
  }
  got = size;
  st = HPDF_ReadFromStream(P->doc, buf, &got);
  /* reading up to the end may report end-of-stream; only the byte count matters */
  if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size) {
    free(buf);
    return report_hpdf_fail(&P->e, "gagal membaca PDF (%u dari %u byte)", (unsigned)got, (unsigned)size);
  }
  *out = buf;
  *len = size;
  return 0;
}

int evaluasi_pdf_render(const struct evaluasi_doc *d, unsigned char **out, size_t *len,
                        char *err, size_t errlen)
{
  struct pdf P;
  int rc = -1;
  memset(&P, 0, sizeof P);
  report_hpdf_begin(&P.e, err, errlen);
  P.ar.max = ARENA_MAX;
  if (!out || !len) return report_hpdf_fail(&P.e, "parameter keluaran kosong");
  *out = NULL;
  *len = 0;
  if (!d) return report_hpdf_fail(&P.e, "dokumen evaluasi kosong");
  if (check_doc(&P, d) < 0) goto fail;
  if (d->hash && d->hash[0]) {
    size_t i;
    int r = snprintf(P.kode, sizeof P.kode, "Kode verifikasi: %.*s", HASH_SHOW, d->hash);
    if (r < 0 || (size_t)r >= sizeof P.kode) {
      report_hpdf_fail(&P.e, "kode verifikasi");
      goto fail;
    }
    for (i = (size_t)r - HASH_SHOW; P.kode[i]; i++)
      if (P.kode[i] >= 'A' && P.kode[i] <= 'F') P.kode[i] = (char)(P.kode[i] - 'A' + 'a');
  }

  P.doc = HPDF_New(report_hpdf_on_error, &P.e);
  if (!P.doc) {
    report_hpdf_fail(&P.e, "gagal membuat PDF (memori)");
    goto fail;
  }
  HPDF_SetCompressionMode(P.doc, HPDF_COMP_ALL);
  HPDF_SetInfoAttr(P.doc, HPDF_INFO_TITLE, "Evaluasi Kinerja Pegawai");
  HPDF_SetInfoAttr(P.doc, HPDF_INFO_CREATOR, "kinerja");
  if (report_hpdf_helvetica(&P.e, P.doc, &P.reg, &P.bold) < 0)
    goto fail;
  if (is(d->status, "draft")) {
    size_t nl;
    if ((P.note = cp(&P, "DRAFT \xe2\x80\x94 belum final", NULL, &nl)) == NULL) goto fail;
  }

  if (page_new(&P) < 0 || title_block(&P, d) < 0 || identitas(&P, d) < 0 ||
      ringkasan(&P, "CAPAIAN KINERJA ORGANISASI", d->predikat_organisasi, false) < 0)
    goto fail;
  P.y -= 6;
  if (pola_distribusi(&P, d) < 0 || hasil_kerja(&P, d) < 0 ||
      ringkasan(&P, "RATING HASIL KERJA", d->rating_hasil, false) < 0)
    goto fail;
  P.y -= 14;
  if (perilaku(&P, d) < 0 ||
      ringkasan(&P, "RATING PERILAKU KERJA", d->rating_perilaku, false) < 0 ||
      penutup(&P, d) < 0 || footers(&P) < 0 || take_output(&P, out, len) < 0)
    goto fail;
  rc = 0;

fail:
  free(P.pages);
  arena_free(&P.ar);
  report_hpdf_end(&P.e, P.doc, rc);
  return rc;
}
