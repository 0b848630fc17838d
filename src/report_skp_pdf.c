/* report_skp_pdf.c: the Dokumen SKP as a PDF, in the layout of PermenPANRB 6/2022 (Lampiran:
 * formulir SKP): title and periode, the two identity boxes (pegawai yang dinilai, pejabat
 * penilai kinerja), the hasil kerja table (JA/JF or JPT columns, A. Utama / B. Tambahan),
 * the perilaku kerja table with the BerAKHLAK panduan, signatures, and the lampiran page
 * (dukungan sumber daya, skema pertanggungjawaban, konsekuensi).
 *
 * Drawing uses libharu with the base-14 Helvetica fonts in WinAnsiEncoding, so text is
 * converted from UTF-8 to CP1252 first (report_font.c); nothing is embedded and the output
 * stays small.  Tables are laid out by measured width: a cell's text wraps, a row grows, and a
 * row that does not fit moves to the next page under a repeated header (or, when taller than a
 * whole page, continues there line by line), so no text leaves its cell or the page.  Page
 * footers ("Halaman N dari M") are written once the page count is known.  The sheet itself
 * (page geometry, arena, wrapped cells, paragraphs, pages, footers) is lembar.c, shared with
 * the evaluasi document; the rows with their IKI bands are here.
 *
 * Everything a render allocates lives in one bounded arena freed at the end; the renderer has
 * no state outside its arguments and may run in several threads at once.
 */
#include "lembar.h"
#include "report_draw.h"
#include "report_font.h"
#include "report_hpdf.h"
#include "report_pdf.h"
#include "skp_doc.h"

#include <hpdf.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Limits of one document; input beyond them is refused with a message. */
#define MAX_RHK   300
#define MAX_IKI   30
#define MAX_TEXT  20000         /* bytes of one text field */
#define MAXCOL    8

/* ---- layout model (the sheet, cells and pages: lembar.h) ------------------------------ */

/* One horizontal band of a table row: the cells of the columns that are not spanned. */
struct band {
  struct lembar_cell c[MAXCOL];
};

/* A table row.  Columns in `span` hold one cell across all bands (the RHK printed once);
 * the others have one cell per band (one band per IKI). */
struct block {
  unsigned span;
  struct lembar_cell sp[MAXCOL];
  struct band *band;
  size_t nband, band0;    /* bands [band0, nband) are still to be drawn */
};

struct table {
  size_t ncol;
  double x[MAXCOL + 1];   /* column edges */
  struct block *head;     /* header row repeated on every page, or NULL */
};

/* ---- cells ----------------------------------------------------------------------------- */

static double col_w(const struct table *T, size_t col, unsigned colspan)
{
  size_t end = col + (colspan ? colspan : 1);
  if (end > T->ncol) end = T->ncol;
  return T->x[end] - T->x[col];
}

/* ---- tables ---------------------------------------------------------------------------- */

static double band_h(const struct table *T, const struct block *B, size_t bi)
{
  size_t m = 1, col;
  for (col = 0; col < T->ncol; col++) {
    if (B->span & (1u << col)) continue;
    if (lembar_cell_rem(&B->band[bi].c[col]) > m) m = lembar_cell_rem(&B->band[bi].c[col]);
  }
  return 2 * PAD + (double)m * LEAD;
}

static size_t span_rem(const struct table *T, const struct block *B)
{
  size_t m = 0, col;
  for (col = 0; col < T->ncol; col++)
    if ((B->span & (1u << col)) && lembar_cell_rem(&B->sp[col]) > m) m = lembar_cell_rem(&B->sp[col]);
  return m;
}

/* Height of what remains of B when drawn in one piece. */
static double block_h(const struct table *T, const struct block *B)
{
  double sum = 0;
  size_t i, s = span_rem(T, B);
  for (i = B->band0; i < B->nband; i++) sum += band_h(T, B, i);
  if (s && 2 * PAD + (double)s * LEAD > sum) sum = 2 * PAD + (double)s * LEAD;
  return sum;
}

/* Draws k bands from band0 at the cursor with heights h[], the last one stretched so the whole
 * piece is H tall.  Band cells show at most lim lines, spanned cells at most slim. */
static void part_draw(struct lembar *P, const struct table *T, struct block *B, size_t k,
                      const double *h, double H, size_t lim, size_t slim)
{
  double top = P->y, y = top, used = 0;
  size_t col, i;
  for (col = 0; col < T->ncol; col++) {
    struct lembar_cell *c = &B->sp[col];
    double w;
    if (!(B->span & (1u << col)) || !c->colspan) continue;
    w = col_w(T, col, c->colspan);
    report_draw_box(P->page, T->x[col], top - H, w, H, c->fill, 0.88f);
    lembar_cell_draw(P, c, T->x[col], w, top, slim);
  }
  for (i = 0; i < k; i++) {
    struct band *b = &B->band[B->band0 + i];
    double hb = (i + 1 == k) ? H - used : h[i];
    for (col = 0; col < T->ncol; col++) {
      struct lembar_cell *c = &b->c[col];
      double w;
      if ((B->span & (1u << col)) || !c->colspan) continue;
      w = col_w(T, col, c->colspan);
      report_draw_box(P->page, T->x[col], y - hb, w, hb, c->fill, 0.88f);
      lembar_cell_draw(P, c, T->x[col], w, y, lim);
    }
    y -= hb;
    used += hb;
  }
  P->y = top - H;
}

static void head_draw(struct lembar *P, const struct table *T)
{
  struct block *B = T->head;
  double h = block_h(T, B);
  size_t col;
  B->band0 = 0;
  part_draw(P, T, B, 1, &h, h, SIZE_MAX, SIZE_MAX);
  for (col = 0; col < T->ncol; col++) B->band[0].c[col].first = 0;
}

/* The header of the table being drawn, on a page lembar_page_new just began. */
static void kepala(struct lembar *P)
{
  const struct table *T = P->tab;
  if (T->head) head_draw(P, T);
}

/* Room for rows on an empty page of table T. */
static double fresh_room(const struct table *T)
{
  return Y_TOP - Y_BOTTOM - (T && T->head ? block_h(T, T->head) : 0);
}

/* Places what remains of B at the cursor: whole if it fits; on the next page if it fits an
 * empty page; otherwise split over pages, between bands where possible, else between lines. */
static int block_place(struct lembar *P, const struct table *T, struct block *B)
{
  double h[MAX_IKI + 1];
  while (B->band0 < B->nband) {
    double avail = P->y - Y_BOTTOM, sum = 0, total, acc = 0;
    size_t nb = B->nband - B->band0, i, k = 0, s;
    for (i = 0; i < nb; i++) {
      h[i] = band_h(T, B, B->band0 + i);
      sum += h[i];
    }
    s = span_rem(T, B);
    total = sum;
    if (s && 2 * PAD + (double)s * LEAD > total) total = 2 * PAD + (double)s * LEAD;
    if (total <= avail + 0.01) {
      part_draw(P, T, B, nb, h, total, SIZE_MAX, SIZE_MAX);
      B->band0 = B->nband;
      P->fresh = false;
      break;
    }
    if (!P->fresh && total <= fresh_room(T) + 0.01) {
      if (lembar_page_new(P) < 0) return -1;
      continue;
    }
    while (k < nb && acc + h[k] <= avail + 0.01) acc += h[k++];
    if (k == 0) {
      /* the first band alone does not fit: show the lines that do */
      double fit = floor((avail - 2 * PAD) / LEAD), hh;
      size_t n;
      if (fit < 1) {
        if (P->fresh) return report_hpdf_fail(&P->e, "baris tabel tidak muat di halaman");
        if (lembar_page_new(P) < 0) return -1;
        continue;
      }
      n = (size_t)fit;
      hh = 2 * PAD + (double)n * LEAD;
      part_draw(P, T, B, 1, &hh, hh, n, n);
    } else {
      double H = (k == nb) ? avail : acc;
      size_t sl = (size_t)floor((H - 2 * PAD) / LEAD);
      part_draw(P, T, B, k, h, H, SIZE_MAX, sl);
      /* all bands drawn but the spanned text goes on: keep the (now empty) last band */
      B->band0 = (k == nb) ? B->nband - 1 : B->band0 + k;
    }
    P->fresh = false;
    if (report_hpdf_check(&P->e) < 0 || lembar_page_new(P) < 0) return -1;
  }
  return report_hpdf_check(&P->e);
}

static struct block *block_new(struct lembar *P, size_t nband)
{
  struct block *B = lembar_alloc(P, sizeof *B);
  if (!B) return NULL;
  memset(B, 0, sizeof *B);
  B->band = lembar_alloc(P, nband * sizeof *B->band);
  if (!B->band) return NULL;
  memset(B->band, 0, nband * sizeof *B->band);
  B->nband = nband;
  return B;
}

/* A row of one cell across the whole table. */
static struct block *block_wide(struct lembar *P, const struct table *T, const char *utf8, bool bold)
{
  struct block *B = block_new(P, 1);
  if (!B || lembar_cell_text(P, &B->band[0].c[0], utf8, bold, TEXT_W, ALIGN_LEFT) < 0) return NULL;
  B->band[0].c[0].colspan = (unsigned)T->ncol;
  return B;
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
static int table_head(struct lembar *P, struct table *T, const char *const *labels)
{
  size_t col;
  T->head = block_new(P, 1);
  if (!T->head) return -1;
  for (col = 0; col < T->ncol; col++) {
    struct lembar_cell *c = &T->head->band[0].c[col];
    if (lembar_cell_text(P, c, labels[col], true, col_w(T, col, 1), ALIGN_CENTER) < 0) return -1;
    c->fill = true;
  }
  return 0;
}

/* Starts a table at the cursor with its header, after a page break if the header and `first`
 * rows of height do not fit. */
static int table_begin(struct lembar *P, const struct table *T, double first)
{
  double need = (T->head ? block_h(T, T->head) : 0) + first;
  P->tab = NULL;
  if (!P->fresh && P->y - need < Y_BOTTOM && lembar_page_new(P) < 0) return -1;
  P->tab = T;
  if (T->head) head_draw(P, T);
  return report_hpdf_check(&P->e);
}

/* ---- free text ------------------------------------------------------------------------- */

/* Lines of text at this width (for keep-together checks). */
static size_t para_lines(const char *p, size_t len, const struct report_hpdf_font *f, double size, double w)
{
  return report_font_wrap(p, len, f->w, size, w, NULL, 0);
}

/* ---- the document ---------------------------------------------------------------------- */

static bool is(const char *s, const char *v) { return s && strcmp(s, v) == 0; }

static int check_text(struct lembar *P, const char *s, const char *what)
{
  if (s && strlen(s) > MAX_TEXT)
    return report_hpdf_fail(&P->e, "%s terlalu panjang (maks. %d karakter)", what, MAX_TEXT);
  return 0;
}

static int check_doc(struct lembar *P, const struct skp_doc *d)
{
  char tmp[64];
  size_t i, j;
  if (!is(d->jenis, "ja_jf") && !is(d->jenis, "jpt"))
    return report_hpdf_fail(&P->e, "jenis SKP tidak dikenal (ja_jf atau jpt)");
  if (!is(d->pendekatan, "kuantitatif") && !is(d->pendekatan, "kualitatif"))
    return report_hpdf_fail(&P->e, "pendekatan SKP tidak dikenal (kuantitatif atau kualitatif)");
  if (!is(d->status, "draft") && !is(d->status, "diajukan") && !is(d->status, "disetujui") &&
      !is(d->status, "dikembalikan"))
    return report_hpdf_fail(&P->e, "status SKP tidak dikenal");
  if (report_font_tanggal(d->periode_mulai, tmp, sizeof tmp) < 0 ||
      report_font_tanggal(d->periode_selesai, tmp, sizeof tmp) < 0)
    return report_hpdf_fail(&P->e, "periode SKP tidak valid (YYYY-MM-DD)");
  if (report_font_tanggal(d->tanggal, tmp, sizeof tmp) < 0)
    return report_hpdf_fail(&P->e, "tanggal penandatanganan tidak valid (YYYY-MM-DD)");
  if (d->revisi < 0) return report_hpdf_fail(&P->e, "nomor revisi tidak valid");
  if (d->nrhk > MAX_RHK) return report_hpdf_fail(&P->e, "terlalu banyak RHK (maks. %d)", MAX_RHK);
  if (d->nrhk > 0 && !d->rhk) return report_hpdf_fail(&P->e, "daftar RHK kosong padahal nrhk = %zu", d->nrhk);
  if (check_text(P, d->lampiran_sumber_daya, "dukungan sumber daya") < 0 ||
      check_text(P, d->lampiran_skema, "skema pertanggungjawaban") < 0 ||
      check_text(P, d->lampiran_konsekuensi, "konsekuensi") < 0 ||
      check_text(P, d->instansi, "nama instansi") < 0)
    return -1;
  for (i = 0; i < d->nrhk; i++) {
    const struct skp_doc_rhk *r = &d->rhk[i];
    if (!is(r->kelompok, "utama") && !is(r->kelompok, "tambahan"))
      return report_hpdf_fail(&P->e, "RHK ke-%zu: kelompok harus utama atau tambahan", i + 1);
    if (r->niki < 1 || r->niki > MAX_IKI || !r->iki)
      return report_hpdf_fail(&P->e, "RHK ke-%zu: harus ada 1 sampai %d IKI", i + 1, MAX_IKI);
    if (r->bobot < -1 || r->bobot > 100)
      return report_hpdf_fail(&P->e, "RHK ke-%zu: bobot harus 0 sampai 100", i + 1);
    if (check_text(P, r->rhk, "teks RHK") < 0 || check_text(P, r->rhk_atasan, "RHK atasan") < 0 ||
        check_text(P, r->perspektif, "perspektif") < 0)
      return -1;
    for (j = 0; j < r->niki; j++)
      if (check_text(P, r->iki[j].indikator, "teks IKI") < 0 ||
          check_text(P, r->iki[j].target, "target") < 0 ||
          check_text(P, r->iki[j].aspek, "aspek") < 0)
        return -1;
  }
  for (i = 0; i < 7; i++)
    if (check_text(P, d->perilaku[i].panduan, "panduan perilaku") < 0 ||
        check_text(P, d->perilaku[i].ekspektasi, "ekspektasi pimpinan") < 0)
      return -1;
  return 0;
}

static int title_block(struct lembar *P, const struct skp_doc *d)
{
  char buf[256], a[48], b[48];
  const char *s;
  size_t len;
  int r;
  r = snprintf(buf, sizeof buf, "PENDEKATAN HASIL KERJA %s",
               is(d->pendekatan, "kualitatif") ? "KUALITATIF" : "KUANTITATIF");
  if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "judul");
  if (lembar_para_utf8(P, "SASARAN KINERJA PEGAWAI", NULL, &P->bold, 12, ALIGN_CENTER, X0, TEXT_W, 15) < 0 ||
      lembar_para_utf8(P, buf, NULL, &P->bold, 10, ALIGN_CENTER, X0, TEXT_W, 13) < 0)
    return -1;
  s = lembar_cp(P, d->instansi, NULL, &len);
  if (!s) return -1;
  report_font_upper((char *)s);
  if (lembar_para(P, s, len, &P->bold, 10, ALIGN_CENTER, X0, TEXT_W, 13) < 0) return -1;
  if (report_font_tanggal(d->periode_mulai, a, sizeof a) < 0 ||
      report_font_tanggal(d->periode_selesai, b, sizeof b) < 0)
    return report_hpdf_fail(&P->e, "periode SKP tidak valid");
  r = snprintf(buf, sizeof buf, "PERIODE: %s s.d. %s", a, b);
  if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "periode");
  if (lembar_para_utf8(P, buf, NULL, &P->reg, 9, ALIGN_CENTER, X0, TEXT_W, 12) < 0) return -1;
  if (P->note) {
    HPDF_Page_SetRGBFill(P->page, 0.75f, 0.0f, 0.0f);
    r = lembar_para(P, P->note, strlen(P->note), &P->bold, 10, ALIGN_CENTER, X0, TEXT_W, 13);
    HPDF_Page_SetRGBFill(P->page, 0.0f, 0.0f, 0.0f);
    if (r < 0) return -1;
  }
  if (d->revisi > 0) {
    r = snprintf(buf, sizeof buf, "Revisi ke-%d", d->revisi);
    if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "revisi");
    if (lembar_para_utf8(P, buf, NULL, &P->reg, 9, ALIGN_CENTER, X0, TEXT_W, 12) < 0) return -1;
  }
  P->y -= 8;
  return 0;
}

static int identity(struct lembar *P, const struct skp_doc *d)
{
  static const double w[7] = { 18, 88, 139, 20, 18, 88, 139 };
  static const char *const label[5] = { "NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN",
                                        "UNIT KERJA" };
  const struct skp_doc_orang *o[2] = { &d->pegawai, &d->penilai };
  bool ada = d->penilai.nama != NULL;
  struct table T;
  struct block *B;
  size_t i, side;
  table_cols(&T, w, 7);
  P->tab = NULL;
  B = block_new(P, 1);
  if (!B) return -1;
  for (side = 0; side < 2; side++) {
    struct lembar_cell *c = &B->band[0].c[side * 4];
    if (lembar_cell_text(P, c, side ? "PEJABAT PENILAI KINERJA" : "PEGAWAI YANG DINILAI", true,
                  col_w(&T, side * 4, 3), ALIGN_CENTER) < 0)
      return -1;
    c->colspan = 3;
    c->fill = true;
  }
  if (block_place(P, &T, B) < 0) return -1;
  for (i = 0; i < 5; i++) {
    B = block_new(P, 1);
    if (!B) return -1;
    for (side = 0; side < 2; side++) {
      const struct skp_doc_orang *p = o[side];
      const char *v[5] = { p->nama, p->nip, p->pangkat, p->jabatan, p->unit };
      struct lembar_cell *c = &B->band[0].c[side * 4];
      char no[8];
      snprintf(no, sizeof no, "%zu", i + 1);
      if (lembar_cell_text(P, &c[0], no, false, col_w(&T, side * 4, 1), ALIGN_CENTER) < 0 ||
          lembar_cell_text(P, &c[1], label[i], false, col_w(&T, side * 4 + 1, 1), ALIGN_LEFT) < 0 ||
          lembar_cell_text(P, &c[2], (side == 1 && !ada) ? "-" : v[i], false,
                    col_w(&T, side * 4 + 2, 1), ALIGN_LEFT) < 0)
        return -1;
    }
    if (block_place(P, &T, B) < 0) return -1;
  }
  P->y -= 12;
  return 0;
}

/* Columns of the hasil kerja table. */
enum { K_NO, K_ATASAN, K_RHK, K_ASPEK, K_IKI, K_TARGET, K_PERSPEKTIF, K_BOBOT };
static const double kind_w[] = { 22, 100, 110, 52, 125, 90, 80, 40 };
static const char *const kind_label[] = {
  "NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK",
  "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF", "BOBOT (%)",
};

static size_t hasil_kinds(const struct skp_doc *d, int *kind)
{
  size_t n = 0, i;
  bool bobot = false;
  for (i = 0; i < d->nrhk; i++)
    if (d->rhk[i].bobot >= 0) bobot = true;
  kind[n++] = K_NO;
  if (is(d->jenis, "jpt")) {
    kind[n++] = K_RHK;
    kind[n++] = K_IKI;
    kind[n++] = K_TARGET;
    kind[n++] = K_PERSPEKTIF;
  } else {
    kind[n++] = K_ATASAN;
    kind[n++] = K_RHK;
    if (is(d->pendekatan, "kuantitatif")) kind[n++] = K_ASPEK;
    kind[n++] = K_IKI;
    kind[n++] = K_TARGET;
  }
  if (bobot) kind[n++] = K_BOBOT;
  return n;
}

static struct block *rhk_block(struct lembar *P, const struct table *T, const int *kind,
                               const struct skp_doc_rhk *r, size_t no)
{
  struct block *B = block_new(P, r->niki);
  size_t col, j;
  char num[16], bobot[16];
  if (!B) return NULL;
  snprintf(num, sizeof num, "%zu", no);
  if (r->bobot >= 0) snprintf(bobot, sizeof bobot, "%d", r->bobot);
  else snprintf(bobot, sizeof bobot, "-");
  for (col = 0; col < T->ncol; col++) {
    double w = col_w(T, col, 1);
    const char *v = NULL;
    unsigned char al = ALIGN_LEFT;
    switch (kind[col]) {
    case K_NO: v = num; al = ALIGN_CENTER; break;
    case K_ATASAN: v = r->rhk_atasan; break;
    case K_RHK: v = r->rhk; break;
    case K_PERSPEKTIF: v = r->perspektif; break;
    case K_BOBOT: v = bobot; al = ALIGN_CENTER; break;
    default:
      for (j = 0; j < r->niki; j++) {
        const struct skp_doc_iki *k = &r->iki[j];
        const char *t = kind[col] == K_ASPEK ? k->aspek
                      : kind[col] == K_IKI ? k->indikator : k->target;
        if (lembar_cell_text(P, &B->band[j].c[col], t, false, w, ALIGN_LEFT) < 0) return NULL;
      }
      continue;
    }
    B->span |= 1u << col;
    if (lembar_cell_text(P, &B->sp[col], v, false, w, al) < 0) return NULL;
  }
  return B;
}

static int hasil_kerja(struct lembar *P, const struct skp_doc *d)
{
  int kind[MAXCOL];
  double w[MAXCOL];
  const char *labels[MAXCOL];
  struct table T;
  size_t n = hasil_kinds(d, kind), i, g;
  static const char *const kel[2] = { "utama", "tambahan" };
  static const char *const judul[2] = { "A. Utama", "B. Tambahan" };
  for (i = 0; i < n; i++) {
    w[i] = kind_w[kind[i]];
    labels[i] = kind_label[kind[i]];
  }
  table_cols(&T, w, n);
  if (table_head(P, &T, labels) < 0) return -1;
  if (lembar_ensure(P, 16 + block_h(&T, T.head) + 4 * LEAD) < 0) return -1;
  if (lembar_para_utf8(P, "HASIL KERJA", NULL, &P->bold, 10, ALIGN_LEFT, X0, TEXT_W, 14) < 0) return -1;
  P->y -= 2;
  if (table_begin(P, &T, 4 * LEAD) < 0) return -1;
  for (g = 0; g < 2; g++) {
    size_t no = 0;
    struct block *S = block_wide(P, &T, judul[g], true);
    struct block *first = NULL;
    if (!S) return -1;
    for (i = 0; i < d->nrhk && !first; i++)
      if (is(d->rhk[i].kelompok, kel[g])) first = rhk_block(P, &T, kind, &d->rhk[i], 1);
    if (!first && (first = block_wide(P, &T, "-", false)) == NULL) return -1;
    /* keep the section row with (the start of) its first row */
    {
      double need = block_h(&T, S) + fmin(block_h(&T, first), 2 * PAD + 3 * LEAD);
      if (!P->fresh && P->y - need < Y_BOTTOM && lembar_page_new(P) < 0) return -1;
    }
    if (block_place(P, &T, S) < 0 || block_place(P, &T, first) < 0) return -1;
    for (i = 0; i < d->nrhk; i++) {
      struct block *B;
      if (!is(d->rhk[i].kelompok, kel[g])) continue;
      if (++no == 1) continue;   /* already placed */
      B = rhk_block(P, &T, kind, &d->rhk[i], no);
      if (!B || block_place(P, &T, B) < 0) return -1;
    }
  }
  P->tab = NULL;
  P->y -= 14;
  return 0;
}

static int perilaku(struct lembar *P, const struct skp_doc *d)
{
  static const double w[3] = { 22, 300, 188 };
  static const char *const labels[3] = { "NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN" };
  struct table T;
  size_t i, no = 0;
  bool started = false;
  table_cols(&T, w, 3);
  if (table_head(P, &T, labels) < 0) return -1;
  for (i = 0; i < 7; i++) {
    const struct skp_doc_perilaku *pk = &d->perilaku[i];
    struct block *B;
    char num[8];
    if (!pk->nama) continue;
    B = block_new(P, 1);
    if (!B) return -1;
    snprintf(num, sizeof num, "%zu", ++no);
    if (lembar_cell_text(P, &B->band[0].c[0], num, false, col_w(&T, 0, 1), ALIGN_CENTER) < 0 ||
        lembar_cell_perilaku(P, &B->band[0].c[1], pk->nama, pk->panduan, col_w(&T, 1, 1)) < 0 ||
        lembar_cell_text(P, &B->band[0].c[2], pk->ekspektasi, false, col_w(&T, 2, 1), ALIGN_LEFT) < 0)
      return -1;
    if (!started) {
      if (lembar_ensure(P, 16 + block_h(&T, T.head) + block_h(&T, B)) < 0) return -1;
      if (lembar_para_utf8(P, "PERILAKU KERJA", NULL, &P->bold, 10, ALIGN_LEFT, X0, TEXT_W, 14) < 0)
        return -1;
      P->y -= 2;
      if (table_begin(P, &T, block_h(&T, B)) < 0) return -1;
      started = true;
    }
    if (block_place(P, &T, B) < 0) return -1;
  }
  P->tab = NULL;
  return 0;
}

/* Place and date, then "Pegawai yang Dinilai" and "Pejabat Penilai Kinerja" side by side with
 * 20 mm for the signatures, the names (bold, underlined) and NIPs. */
static int signatures(struct lembar *P, const struct skp_doc *d)
{
  const double half = TEXT_W / 2, nw = half - 20, lead = 11, size = 9;
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
    name[side] = lembar_cp(P, o[side]->nama, "-", &nlen[side]);
    if (!name[side]) return -1;
    nl[side] = para_lines(name[side], nlen[side], &P->bold, size, nw);
  }
  maxl = nl[0] > nl[1] ? nl[0] : nl[1];
  if (maxl > 6) maxl = 6;
  P->y -= 10;
  if (lembar_ensure(P, 2 * lead + SIGN_GAP + (double)(maxl + 1) * lead) < 0) return -1;
  if (d->tempat && d->tempat[0]) r = snprintf(buf, sizeof buf, "%s, %s", d->tempat, tgl);
  else r = snprintf(buf, sizeof buf, "%s", tgl);
  if (r < 0) return report_hpdf_fail(&P->e, "tanggal");
  /* a very long place name is cut to the buffer, which is fine for one line */
  if (lembar_para_utf8(P, buf, NULL, &P->reg, size, ALIGN_CENTER, X0 + half, half, lead) < 0) return -1;
  top = P->y;
  for (side = 0; side < 2; side++) {
    double x = X0 + half * (double)side;
    const char *nip;
    size_t niplen, i;
    struct report_font_line ln[6];
    size_t n;
    P->y = top;
    if (lembar_para_utf8(P, role[side], NULL, &P->reg, size, ALIGN_CENTER, x, half, lead) < 0) return -1;
    y = P->y - SIGN_GAP;
    n = report_font_wrap(name[side], nlen[side], P->bold.w, size, nw, ln, 6);
    if (n > 6) n = 6;
    for (i = 0; i < n; i++) {
      double lw = lembar_text_w(&P->bold, size, name[side] + ln[i].off, ln[i].len);
      double tx = x + (half - lw) / 2, base = y - lead + 0.25 * size;
      report_draw_text(P->page, &P->bold, size, tx, base, name[side] + ln[i].off, ln[i].len);
      if (o[side]->nama) {
        HPDF_Page_MoveTo(P->page, (HPDF_REAL)tx, (HPDF_REAL)(base - 1.5));
        HPDF_Page_LineTo(P->page, (HPDF_REAL)(tx + lw), (HPDF_REAL)(base - 1.5));
        HPDF_Page_Stroke(P->page);
      }
      y -= lead;
    }
    r = snprintf(buf, sizeof buf, "NIP. %s", o[side]->nip && o[side]->nip[0] && o[side]->nama
                                               ? o[side]->nip : "-");
    if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "NIP terlalu panjang");
    nip = lembar_cp(P, buf, NULL, &niplen);
    if (!nip) return -1;
    {
      double lw = lembar_text_w(&P->reg, size, nip, niplen);
      report_draw_text(P->page, &P->reg, size, x + (half - lw) / 2, y - lead + 0.25 * size, nip, niplen);
    }
    y -= lead;
  }
  P->y = top - lead - SIGN_GAP - (double)(maxl + 1) * lead;
  return report_hpdf_check(&P->e);
}

static int lampiran(struct lembar *P, const struct skp_doc *d)
{
  static const char *const head[3] = { "DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN",
                                       "KONSEKUENSI" };
  const char *text[3] = { d->lampiran_sumber_daya, d->lampiran_skema, d->lampiran_konsekuensi };
  char a[48], b[48], buf[160];
  size_t i;
  int r;
  P->tab = NULL;
  if (lembar_page_new(P) < 0) return -1;
  if (lembar_para_utf8(P, "LAMPIRAN SASARAN KINERJA PEGAWAI", NULL, &P->bold, 12, ALIGN_CENTER, X0,
                TEXT_W, 15) < 0)
    return -1;
  if (report_font_tanggal(d->periode_mulai, a, sizeof a) < 0 ||
      report_font_tanggal(d->periode_selesai, b, sizeof b) < 0)
    return report_hpdf_fail(&P->e, "periode SKP tidak valid");
  r = snprintf(buf, sizeof buf, "PERIODE: %s s.d. %s", a, b);
  if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "periode");
  if (lembar_para_utf8(P, buf, NULL, &P->reg, 9, ALIGN_CENTER, X0, TEXT_W, 12) < 0) return -1;
  P->y -= 10;
  for (i = 0; i < 3; i++) {
    if (lembar_ensure(P, 14 + 3 * 12) < 0) return -1;
    if (lembar_para_utf8(P, head[i], NULL, &P->bold, 10, ALIGN_LEFT, X0, TEXT_W, 14) < 0 ||
        lembar_para_utf8(P, text[i], "-", &P->reg, 9, ALIGN_LEFT, X0 + 12, TEXT_W - 12, 12) < 0)
      return -1;
    P->y -= 10;
  }
  return signatures(P, d);
}

int skp_pdf_render(const struct skp_doc *d, unsigned char **out, size_t *len, char *err,
                   size_t errlen)
{
  struct lembar P;
  int rc = -1;
  lembar_mulai(&P, "dokumen SKP", err, errlen);
  P.kepala = kepala;
  if (!out || !len) return report_hpdf_fail(&P.e, "parameter keluaran kosong");
  *out = NULL;
  *len = 0;
  if (!d) return report_hpdf_fail(&P.e, "dokumen SKP kosong");
  if (check_doc(&P, d) < 0) goto fail;

  if (lembar_buka(&P, "Sasaran Kinerja Pegawai") < 0) goto fail;
  if (!is(d->status, "disetujui")) {
    size_t nl;
    const char *note = is(d->status, "diajukan") ? "DIAJUKAN \xe2\x80\x94 belum disetujui"
                     : is(d->status, "dikembalikan") ? "DIKEMBALIKAN \xe2\x80\x94 perlu perbaikan"
                     : "DRAFT \xe2\x80\x94 belum disetujui";
    if ((P.note = lembar_cp(&P, note, NULL, &nl)) == NULL) goto fail;
  }

  if (lembar_page_new(&P) < 0 || title_block(&P, d) < 0 || identity(&P, d) < 0 ||
      hasil_kerja(&P, d) < 0 || perilaku(&P, d) < 0 || signatures(&P, d) < 0 ||
      lampiran(&P, d) < 0 || lembar_footers(&P) < 0 || lembar_take(&P, out, len) < 0)
    goto fail;
  rc = 0;

fail:
  return lembar_akhiri(&P, rc);
}
