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
 * known.  The sheet (page geometry, arena, wrapped cells, paragraphs, pages, footers) is
 * shared with it in lembar.c; the rows here are simpler than the SKP ones (no IKI bands).
 *
 * Everything a render allocates lives in one bounded arena freed at the end; the renderer has
 * no state outside its arguments and may run in several threads at once.
 */
#include "evaluasi_doc.h"
#include "lembar.h"
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

#define CHART_H   200.0         /* the pola distribusi box */

/* Limits of one document; input beyond them is refused with a message. */
#define MAX_RHK   300
#define MAX_TEXT  20000         /* bytes of one text field */
#define MAXCOL    4
#define HASH_SHOW 16            /* hex digits of the hash printed as kode verifikasi */

/* ---- layout model (the sheet, cells and pages: lembar.h) ------------------------------ */

struct row {
  struct lembar_cell c[MAXCOL];
};

struct table {
  size_t ncol;
  double x[MAXCOL + 1];   /* column edges */
  struct row *head;       /* header row repeated on every page, or NULL */
};

static bool is(const char *s, const char *v) { return s && strcmp(s, v) == 0; }

/* ---- cells ----------------------------------------------------------------------------- */

static double col_w(const struct table *T, size_t col, unsigned colspan)
{
  size_t end = col + (colspan ? colspan : 1);
  if (end > T->ncol) end = T->ncol;
  return T->x[end] - T->x[col];
}

/* ---- tables ---------------------------------------------------------------------------- */

/* Height of what remains of R when drawn in one piece. */
static double row_h(const struct table *T, const struct row *R)
{
  size_t m = 1, col;
  for (col = 0; col < T->ncol; col++)
    if (lembar_cell_rem(&R->c[col]) > m) m = lembar_cell_rem(&R->c[col]);
  return 2 * PAD + (double)m * LEAD;
}

/* Draws R at the cursor as a piece H tall, each cell showing at most max lines. */
static void row_draw(struct lembar *P, const struct table *T, struct row *R, double H, size_t max)
{
  double top = P->y;
  size_t col;
  for (col = 0; col < T->ncol; col++) {
    struct lembar_cell *c = &R->c[col];
    double w;
    if (!c->colspan) continue;
    w = col_w(T, col, c->colspan);
    report_draw_box(P->page, T->x[col], top - H, w, H, c->fill, 0.88f);
    lembar_cell_draw(P, c, T->x[col], w, top, max);
  }
  P->y = top - H;
}

static void head_draw(struct lembar *P, const struct table *T)
{
  size_t col;
  row_draw(P, T, T->head, row_h(T, T->head), SIZE_MAX);
  for (col = 0; col < T->ncol; col++) T->head->c[col].first = 0;
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
  return Y_TOP - Y_BOTTOM - (T && T->head ? row_h(T, T->head) : 0);
}

/* Places what remains of R at the cursor: whole if it fits; on the next page if it fits an
 * empty page; otherwise split over pages between lines (at least two lines at the foot of a
 * page that already has content). */
static int row_place(struct lembar *P, const struct table *T, struct row *R)
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
      if (lembar_page_new(P) < 0) return -1;
      continue;
    }
    fit = floor((avail - 2 * PAD) / LEAD + 0.001);
    if (fit < 2 && !P->fresh) {
      if (lembar_page_new(P) < 0) return -1;
      continue;
    }
    if (fit < 1) return report_hpdf_fail(&P->e, "baris tabel tidak muat di halaman");
    n = (size_t)fit;
    row_draw(P, T, R, 2 * PAD + (double)n * LEAD, n);
    P->fresh = false;
    if (report_hpdf_check(&P->e) < 0 || lembar_page_new(P) < 0) return -1;
  }
}

static struct row *row_new(struct lembar *P)
{
  struct row *R = lembar_alloc(P, sizeof *R);
  if (R) memset(R, 0, sizeof *R);
  return R;
}

/* A row of one cell across the whole table. */
static struct row *row_wide(struct lembar *P, const struct table *T, const char *utf8, bool bold,
                            bool fill)
{
  struct row *R = row_new(P);
  if (!R || lembar_cell_text(P, &R->c[0], utf8, bold, TEXT_W, ALIGN_LEFT) < 0) return NULL;
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
static int table_head(struct lembar *P, struct table *T, const char *const *labels)
{
  size_t col;
  T->head = row_new(P);
  if (!T->head) return -1;
  for (col = 0; col < T->ncol; col++) {
    struct lembar_cell *c = &T->head->c[col];
    if (lembar_cell_text(P, c, labels[col], true, col_w(T, col, 1), ALIGN_CENTER) < 0) return -1;
    c->fill = true;
  }
  return 0;
}

/* Starts a table at the cursor with its header, after a page break if the header and `first`
 * points of rows do not fit. */
static int table_begin(struct lembar *P, const struct table *T, double first)
{
  double need = (T->head ? row_h(T, T->head) : 0) + first;
  P->tab = NULL;
  if (!P->fresh && P->y - need < Y_BOTTOM && lembar_page_new(P) < 0) return -1;
  P->tab = T;
  if (T->head) head_draw(P, T);
  return report_hpdf_check(&P->e);
}

/* ---- input checks ---------------------------------------------------------------------- */

static int check_text(struct lembar *P, const char *s, const char *what)
{
  if (s && strlen(s) > MAX_TEXT)
    return report_hpdf_fail(&P->e, "%s terlalu panjang (maks. %d karakter)", what, MAX_TEXT);
  return 0;
}

static int check_orang(struct lembar *P, const struct skp_doc_orang *o, const char *who)
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

static int check_doc(struct lembar *P, const struct evaluasi_doc *d)
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

static int title_block(struct lembar *P, const struct evaluasi_doc *d)
{
  char buf[256], a[48], b[48];
  const char *s;
  size_t len;
  int r;
  if (lembar_para_utf8(P, "EVALUASI KINERJA PEGAWAI", NULL, &P->bold, 12, ALIGN_CENTER, X0, TEXT_W,
                15) < 0)
    return -1;
  r = snprintf(buf, sizeof buf, "PERIODE: %s", d->periode_label);
  if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "label periode terlalu panjang");
  s = lembar_cp(P, buf, NULL, &len);
  if (!s) return -1;
  report_font_upper((char *)s);
  if (lembar_para(P, s, len, &P->bold, 10, ALIGN_CENTER, X0, TEXT_W, 13) < 0) return -1;
  if (d->instansi && d->instansi[0]) {
    s = lembar_cp(P, d->instansi, NULL, &len);
    if (!s) return -1;
    report_font_upper((char *)s);
    if (lembar_para(P, s, len, &P->bold, 10, ALIGN_CENTER, X0, TEXT_W, 13) < 0) return -1;
  }
  if (report_font_tanggal(d->periode_mulai, a, sizeof a) < 0 ||
      report_font_tanggal(d->periode_selesai, b, sizeof b) < 0)
    return report_hpdf_fail(&P->e, "periode evaluasi tidak valid");
  r = snprintf(buf, sizeof buf, "PERIODE PENILAIAN: %s s.d. %s", a, b);
  if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "periode");
  if (lembar_para_utf8(P, buf, NULL, &P->reg, 9, ALIGN_CENTER, X0, TEXT_W, 12) < 0) return -1;
  if (P->note) {
    HPDF_Page_SetRGBFill(P->page, 0.75f, 0.0f, 0.0f);
    r = lembar_para(P, P->note, strlen(P->note), &P->bold, 10, ALIGN_CENTER, X0, TEXT_W, 13);
    HPDF_Page_SetRGBFill(P->page, 0.0f, 0.0f, 0.0f);
    if (r < 0) return -1;
  }
  P->y -= 8;
  return 0;
}

/* The three identity boxes, one table: NO | label | value, a grey heading per person.  A
 * missing person (nama NULL) shows "-" throughout; so does a missing field. */
static int identitas(struct lembar *P, const struct evaluasi_doc *d)
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
    if (lembar_cell_text(P, &H->c[0], "NO", true, col_w(&T, 0, 1), ALIGN_CENTER) < 0 ||
        lembar_cell_text(P, &H->c[1], judul[k], true, col_w(&T, 1, 2), ALIGN_LEFT) < 0)
      return -1;
    H->c[0].fill = H->c[1].fill = true;
    H->c[1].colspan = 2;
    /* keep a box together */
    if (lembar_ensure(P, 6 * (2 * PAD + LEAD) + 6) < 0 || row_place(P, &T, H) < 0) return -1;
    for (i = 0; i < 5; i++) {
      struct row *R = row_new(P);
      char no[8];
      if (!R) return -1;
      snprintf(no, sizeof no, "%zu", i + 1);
      if (lembar_cell_text(P, &R->c[0], no, false, col_w(&T, 0, 1), ALIGN_CENTER) < 0 ||
          lembar_cell_text(P, &R->c[1], label[i], false, col_w(&T, 1, 1), ALIGN_LEFT) < 0 ||
          lembar_cell_text(P, &R->c[2], ada ? v[i] : "-", false, col_w(&T, 2, 1), ALIGN_LEFT) < 0 ||
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

static struct row *ringkasan_row(struct lembar *P, const struct table *T, const char *label,
                                 const char *value, bool bold)
{
  struct row *R = row_new(P);
  if (!R || lembar_cell_text(P, &R->c[0], label, true, col_w(T, 0, 1), ALIGN_LEFT) < 0 ||
      lembar_cell_text(P, &R->c[1], value, bold, col_w(T, 1, 1), ALIGN_LEFT) < 0)
    return NULL;
  R->c[0].fill = true;
  return R;
}

static int ringkasan(struct lembar *P, const char *label, const char *value, bool bold)
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
static void text_center(struct lembar *P, const struct report_hpdf_font *f, double size, double cx, double y,
                        const char *s, size_t len)
{
  report_draw_text(P->page, f, size, cx - lembar_text_w(f, size, s, len) / 2, y, s, len);
}

/* The pola distribusi box: "Kurva Distribusi Predikat Kinerja Pegawai" as bars drawn from
 * d->kurva, x the five predikat in the form's order, y the number of pegawai, the count over
 * each bar.  An all-zero kurva gives the empty axes and a note. */
static int pola_distribusi(struct lembar *P, const struct evaluasi_doc *d)
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
  if (lembar_ensure(P, row_h(&T, R) + CHART_H) < 0 || row_place(P, &T, R) < 0) return -1;
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
    report_draw_text(P->page, &P->reg, 7, px0 - 5 - lembar_text_w(&P->reg, 7, num, strlen(num)), y - 2.5, num,
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

static struct row *rhk_row(struct lembar *P, const struct table *T,
                           const struct evaluasi_doc_rhk *r, size_t no)
{
  struct row *R = row_new(P);
  char num[16];
  if (!R) return NULL;
  snprintf(num, sizeof num, "%zu", no);
  if (lembar_cell_text(P, &R->c[0], num, false, col_w(T, 0, 1), ALIGN_CENTER) < 0 ||
      lembar_cell_text(P, &R->c[1], r->rhk, false, col_w(T, 1, 1), ALIGN_LEFT) < 0 ||
      lembar_cell_text(P, &R->c[2], r->realisasi, false, col_w(T, 2, 1), ALIGN_LEFT) < 0 ||
      lembar_cell_text(P, &R->c[3], r->umpan_balik, false, col_w(T, 3, 1), ALIGN_LEFT) < 0)
    return NULL;
  return R;
}

/* The hasil kerja table, grouped A. Utama / B. Tambahan (numbered within each group; an empty
 * group shows "-").  A group's heading row stays with the start of its first row, and the
 * table's heading and header with the first group. */
static int hasil_kerja(struct lembar *P, const struct evaluasi_doc *d)
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
      if (lembar_ensure(P, 16 + row_h(&T, T.head) + need) < 0) return -1;
      if (lembar_para_utf8(P, "HASIL KERJA", NULL, &P->bold, 10, ALIGN_LEFT, X0, TEXT_W, 14) < 0)
        return -1;
      P->y -= 2;
      if (table_begin(P, &T, need) < 0) return -1;
    } else if (!P->fresh && P->y - need < Y_BOTTOM && lembar_page_new(P) < 0) {
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

static int perilaku(struct lembar *P, const struct evaluasi_doc *d)
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
    char num[8];
    if (!pk->nama) continue;
    R = row_new(P);
    if (!R) return -1;
    snprintf(num, sizeof num, "%zu", ++no);
    if (lembar_cell_text(P, &R->c[0], num, false, col_w(&T, 0, 1), ALIGN_CENTER) < 0 ||
        lembar_cell_perilaku(P, &R->c[1], pk->nama, pk->panduan, col_w(&T, 1, 1)) < 0 ||
        lembar_cell_text(P, &R->c[2], pk->umpan_balik, false, col_w(&T, 2, 1), ALIGN_LEFT) < 0)
      return -1;
    if (!started) {
      if (lembar_ensure(P, 16 + row_h(&T, T.head) + first_need(&T, R)) < 0) return -1;
      if (lembar_para_utf8(P, "PERILAKU KERJA", NULL, &P->bold, 10, ALIGN_LEFT, X0, TEXT_W, 14) < 0)
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
static size_t sign_lines(struct lembar *P, const struct evaluasi_doc *d)
{
  const char *nm[2] = { d->pegawai.nama, d->penilai.nama };
  size_t side, m = 1;
  for (side = 0; side < 2; side++) {
    size_t len, n;
    const char *s = lembar_cp(P, nm[side], "-", &len);
    if (!s) return 6;
    n = report_font_wrap(s, len, P->bold.w, SIGN_SIZE, SIGN_NAME_W, NULL, 0);
    if (n > m) m = n;
  }
  return m > 6 ? 6 : m;
}

/* Height of the signature block, the space above it included. */
static double sign_h(struct lembar *P, const struct evaluasi_doc *d)
{
  return SIGN_SKIP + 2 * SIGN_LEAD + SIGN_GAP + (double)(sign_lines(P, d) + 1) * SIGN_LEAD;
}

/* Place and date, then "Pegawai yang Dinilai" and "Pejabat Penilai Kinerja" side by side with
 * 20 mm for the signatures, the names (bold, underlined) and NIPs. */
static int signatures(struct lembar *P, const struct evaluasi_doc *d)
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
    name[side] = lembar_cp(P, o[side]->nama, "-", &nlen[side]);
    if (!name[side]) return -1;
    nl[side] = report_font_wrap(name[side], nlen[side], P->bold.w, size, nw, NULL, 0);
  }
  maxl = nl[0] > nl[1] ? nl[0] : nl[1];
  if (maxl > 6) maxl = 6;
  P->y -= SIGN_SKIP;
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
    size_t niplen, i, n;
    struct report_font_line ln[6];
    P->y = top;
    if (lembar_para_utf8(P, role[side], NULL, &P->reg, size, ALIGN_CENTER, x, half, lead) < 0) return -1;
    y = P->y - SIGN_GAP;
    n = report_font_wrap(name[side], nlen[side], P->bold.w, size, nw, ln, 6);
    if (n > 6) n = 6;
    for (i = 0; i < n; i++) {
      double lw = lembar_text_w(&P->bold, size, name[side] + ln[i].off, ln[i].len);
      double tx = x + (half - lw) / 2, base = y - lead + 0.25 * size;
      report_draw_text(P->page, &P->bold, size, tx, base, name[side] + ln[i].off, ln[i].len);
      if (o[side]->nama) report_draw_hline(P->page, tx, tx + lw, base - 1.5);
      y -= lead;
    }
    r = snprintf(buf, sizeof buf, "NIP. %s", o[side]->nip && o[side]->nip[0] && o[side]->nama
                                               ? o[side]->nip : "-");
    if (r < 0 || (size_t)r >= sizeof buf) return report_hpdf_fail(&P->e, "NIP terlalu panjang");
    nip = lembar_cp(P, buf, NULL, &niplen);
    if (!nip) return -1;
    text_center(P, &P->reg, size, x + half / 2, y - lead + 0.25 * size, nip, niplen);
  }
  P->y = top - lead - SIGN_GAP - (double)(maxl + 1) * lead;
  P->fresh = false;
  return report_hpdf_check(&P->e);
}

/* The predikat, catatan/rekomendasi and the signatures, on one page when they fit one. */
static int penutup(struct lembar *P, const struct evaluasi_doc *d)
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
  if (need <= Y_TOP - Y_BOTTOM && lembar_ensure(P, need) < 0) return -1;
  if (row_place(P, &T, pred) < 0 || row_place(P, &T, cat) < 0) return -1;
  return signatures(P, d);
}

int evaluasi_pdf_render(const struct evaluasi_doc *d, unsigned char **out, size_t *len,
                        char *err, size_t errlen)
{
  struct lembar P;
  char kode[HASH_SHOW + 32] = "";   /* "Kode verifikasi: ..." for the footers, "" when no hash */
  int rc = -1;
  lembar_mulai(&P, "dokumen evaluasi", err, errlen);
  P.kepala = kepala;
  P.note_merah = true;
  P.kode = kode;
  if (!out || !len) return report_hpdf_fail(&P.e, "parameter keluaran kosong");
  *out = NULL;
  *len = 0;
  if (!d) return report_hpdf_fail(&P.e, "dokumen evaluasi kosong");
  if (check_doc(&P, d) < 0) goto fail;
  if (d->hash && d->hash[0]) {
    size_t i;
    int r = snprintf(kode, sizeof kode, "Kode verifikasi: %.*s", HASH_SHOW, d->hash);
    if (r < 0 || (size_t)r >= sizeof kode) {
      report_hpdf_fail(&P.e, "kode verifikasi");
      goto fail;
    }
    for (i = (size_t)r - HASH_SHOW; kode[i]; i++)
      if (kode[i] >= 'A' && kode[i] <= 'F') kode[i] = (char)(kode[i] - 'A' + 'a');
  }

  if (lembar_buka(&P, "Evaluasi Kinerja Pegawai") < 0) goto fail;
  if (is(d->status, "draft")) {
    size_t nl;
    if ((P.note = lembar_cp(&P, "DRAFT \xe2\x80\x94 belum final", NULL, &nl)) == NULL) goto fail;
  }

  if (lembar_page_new(&P) < 0 || title_block(&P, d) < 0 || identitas(&P, d) < 0 ||
      ringkasan(&P, "CAPAIAN KINERJA ORGANISASI", d->predikat_organisasi, false) < 0)
    goto fail;
  P.y -= 6;
  if (pola_distribusi(&P, d) < 0 || hasil_kerja(&P, d) < 0 ||
      ringkasan(&P, "RATING HASIL KERJA", d->rating_hasil, false) < 0)
    goto fail;
  P.y -= 14;
  if (perilaku(&P, d) < 0 ||
      ringkasan(&P, "RATING PERILAKU KERJA", d->rating_perilaku, false) < 0 ||
      penutup(&P, d) < 0 || lembar_footers(&P) < 0 || lembar_take(&P, out, len) < 0)
    goto fail;
  rc = 0;

fail:
  return lembar_akhiri(&P, rc);
}
