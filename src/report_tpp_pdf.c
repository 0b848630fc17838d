/* report_tpp_pdf.c: the Slip TPP of one pegawai for one month as a PDF (see tpp_slip.h): the
 * instansi and the period, the status (a DRAF watermark and note on every page of a draft; the
 * approval date and the hash of the approved results otherwise), the pegawai's identity, the
 * predikat and where it came from, the components and deductions, every deduction line of the
 * explanation (tanggal, kode, menit, persen, rupiah and the engine's sentence), the penjelasan
 * lines, and the printing date in the footer with the page numbers.
 *
 * Like report_evaluasi_pdf.c: libharu with base-14 Helvetica in WinAnsiEncoding, text through
 * report_font.c (the engine's "−" and "≤"/"≥" become ASCII first, since CP1252 lacks them),
 * a small table engine that wraps cells by measured width and repeats the table header after a
 * page break.  No state outside the arguments: safe in several threads at once. */
#include "report_draw.h"
#include "report_font.h"
#include "report_hpdf.h"
#include "report_pdf.h"
#include "rules/tpp.h"
#include "tpp_slip.h"

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
#define LEAD      (FS * 1.25)
#define PAD       2.5
#define HPAD      3.0
#define MAXCOL    7
#define MAX_PAGES 64
#define MAX_LINES 12            /* wrapped lines kept per cell */
#define TXT       2048          /* bytes of one converted text */

struct pdf {
  HPDF_Doc doc;
  struct report_hpdf_font reg, bold;
  HPDF_Page pages[MAX_PAGES];
  size_t npage;
  HPDF_Page page;
  double y;
  bool draf;
  const struct tabel *tab;      /* table whose header a new page repeats */
  struct report_hpdf_err e;   /* libharu error and the caller's message buffer */
};

enum { KIRI, TENGAH, KANAN };

struct tabel {
  size_t ncol;
  double x[MAXCOL + 1];
  unsigned char align[MAXCOL];
  const char *const *judul;     /* UTF-8 header labels, or NULL for no header */
};

/* UTF-8 to CP1252 into out[TXT]; "" or NULL gives dash.  Characters CP1252 lacks but the
 * engine writes are spelled in ASCII first. */
static size_t cp(const char *utf8, const char *dash, char out[TXT])
{
  static const struct { const char *u, *a; } GANTI[] = {
    {"\xe2\x88\x92", "-"}, {"\xe2\x89\xa4", "<="}, {"\xe2\x89\xa5", ">="}, {"\xe2\x86\x92", "->"},
  };
  char tmp[TXT];
  size_t k = 0;
  if (!utf8 || !utf8[0]) utf8 = dash ? dash : "";
  for (const char *p = utf8; *p && k + 3 < sizeof tmp;) {
    size_t g;
    for (g = 0; g < sizeof GANTI / sizeof GANTI[0]; g++) {
      size_t n = strlen(GANTI[g].u);
      if (!strncmp(p, GANTI[g].u, n)) {
        for (const char *a = GANTI[g].a; *a; a++) tmp[k++] = *a;
        p += n;
        break;
      }
    }
    if (g == sizeof GANTI / sizeof GANTI[0]) tmp[k++] = *p++;
  }
  tmp[k] = '\0';
  size_t n = report_font_winansi(tmp, out, TXT);
  return n >= TXT ? TXT - 1 : n;
}

/* ---- drawing ------------------------------------------------------------------------------ */

static double text_w(const struct report_hpdf_font *f, double size, const char *p, size_t len)
{
  return report_font_width(p, len, f->w, size);
}

/* The DRAF watermark: large, light, diagonal, drawn first so that the content covers it. */
static void watermark(struct pdf *P)
{
  const char *s = "DRAF";
  double size = 120, rad = 45.0 * 3.14159265358979 / 180.0, w = text_w(&P->bold, size, s, strlen(s));
  double c = cos(rad), sn = sin(rad), cx = PAGE_W / 2, cy = PAGE_H / 2;
  double x = cx - c * w / 2 + sn * size * 0.35, y = cy - sn * w / 2 - c * size * 0.35;
  HPDF_Page_SetGrayFill(P->page, 0.88f);
  HPDF_Page_BeginText(P->page);
  HPDF_Page_SetFontAndSize(P->page, P->bold.f, (HPDF_REAL)size);
  HPDF_Page_SetTextMatrix(P->page, (HPDF_REAL)c, (HPDF_REAL)sn, (HPDF_REAL)-sn, (HPDF_REAL)c, (HPDF_REAL)x, (HPDF_REAL)y);
  HPDF_Page_ShowText(P->page, s);
  HPDF_Page_EndText(P->page);
  HPDF_Page_SetGrayFill(P->page, 0.0f);
}

static int head_draw(struct pdf *P, const struct tabel *T);

static int page_new(struct pdf *P)
{
  HPDF_Page page = report_draw_page_add(&P->e, P->doc, HPDF_PAGE_PORTRAIT, P->pages, &P->npage, MAX_PAGES, "slip TPP");
  if (!page) return -1;
  P->page = page;
  P->y = Y_TOP;
  if (P->draf) watermark(P);
  if (P->tab && P->tab->judul && head_draw(P, P->tab) < 0) return -1;
  return report_hpdf_check(&P->e);
}

static int ensure(struct pdf *P, double need)
{
  return P->y - need >= Y_BOTTOM ? 0 : page_new(P);
}

/* UTF-8 text wrapped to width w from x, breaking pages. */
static int para(struct pdf *P, const char *utf8, const struct report_hpdf_font *f, double size, unsigned char align, double x,
                double w, double lead)
{
  char s[TXT];
  size_t len = cp(utf8, NULL, s);
  size_t n = report_font_wrap(s, len, f->w, size, w, NULL, 0);
  struct report_font_line ln[64];
  if (n > 64) n = 64;
  report_font_wrap(s, len, f->w, size, w, ln, n);
  for (size_t i = 0; i < n; i++) {
    if (P->y - lead < Y_BOTTOM && page_new(P) < 0) return -1;
    double lw = text_w(f, size, s + ln[i].off, ln[i].len), tx = x;
    if (align == TENGAH) tx = x + (w - lw) / 2;
    else if (align == KANAN) tx = x + w - lw;
    report_draw_text(P->page, f, size, tx, P->y - lead + 0.25 * size, s + ln[i].off, ln[i].len);
    P->y -= lead;
  }
  return report_hpdf_check(&P->e);
}

static int judul_bagian(struct pdf *P, const char *s, double need)
{
  P->tab = NULL;
  P->y -= 8;
  if (ensure(P, 16 + need) < 0) return -1;
  return para(P, s, &P->bold, 10, KIRI, X0, TEXT_W, 14);
}

/* ---- tables ------------------------------------------------------------------------------- */

struct sel {
  char s[TXT];
  size_t len;
  struct report_font_line ln[MAX_LINES];
  size_t n;
  bool tebal;
};

static void tabel_kolom(struct tabel *T, const double *w, const unsigned char *align, size_t n, const char *const *judul)
{
  double sum = 0;
  for (size_t i = 0; i < n; i++) sum += w[i];
  T->ncol = n;
  T->x[0] = X0;
  for (size_t i = 0; i < n; i++) {
    T->x[i + 1] = T->x[i] + w[i] * TEXT_W / sum;
    T->align[i] = align[i];
  }
  T->x[n] = X1;
  T->judul = judul;
}

static void sel_isi(struct pdf *P, const struct tabel *T, struct sel *c, size_t col, const char *utf8, bool tebal)
{
  const struct report_hpdf_font *f = tebal ? &P->bold : &P->reg;
  c->len = cp(utf8, "-", c->s);
  c->tebal = tebal;
  c->n = report_font_wrap(c->s, c->len, f->w, FS, T->x[col + 1] - T->x[col] - 2 * HPAD, c->ln, MAX_LINES);
  if (c->n > MAX_LINES) c->n = MAX_LINES;
}

/* Draws a row of ncol cells at the cursor, after a page break when it does not fit. */
static int baris_gambar(struct pdf *P, const struct tabel *T, struct sel *c, bool abu, unsigned char align_paksa)
{
  size_t m = 1;
  for (size_t i = 0; i < T->ncol; i++)
    if (c[i].n > m) m = c[i].n;
  double h = 2 * PAD + (double)m * LEAD;
  if (P->y - h < Y_BOTTOM && page_new(P) < 0) return -1;
  double top = P->y;
  for (size_t i = 0; i < T->ncol; i++) {
    double x = T->x[i], w = T->x[i + 1] - T->x[i];
    const struct report_hpdf_font *f = c[i].tebal ? &P->bold : &P->reg;
    unsigned char al = align_paksa != 255 ? align_paksa : T->align[i];
    report_draw_box(P->page, x, top - h, w, h, abu, 0.9f);
    for (size_t j = 0; j < c[i].n; j++) {
      const char *p = c[i].s + c[i].ln[j].off;
      size_t len = c[i].ln[j].len;
      double lw = text_w(f, FS, p, len), tx = x + HPAD;
      if (al == TENGAH) tx = x + (w - lw) / 2;
      else if (al == KANAN) tx = x + w - HPAD - lw;
      report_draw_text(P->page, f, FS, tx, top - PAD - (double)(j + 1) * LEAD + 0.25 * FS + 1, p, len);
    }
  }
  P->y = top - h;
  return report_hpdf_check(&P->e);
}

static int head_draw(struct pdf *P, const struct tabel *T)
{
  struct sel *c = calloc(T->ncol, sizeof *c);
  if (!c) return report_hpdf_fail(&P->e, "memori tidak cukup");
  for (size_t i = 0; i < T->ncol; i++) sel_isi(P, T, &c[i], i, T->judul[i], true);
  int rc = baris_gambar(P, T, c, true, TENGAH);
  free(c);
  return rc;
}

/* A two-column "label | value" row; value right-aligned when T says so. */
static int baris_dua(struct pdf *P, const struct tabel *T, const char *label, const char *nilai, bool tebal)
{
  struct sel *c = calloc(2, sizeof *c);
  if (!c) return report_hpdf_fail(&P->e, "memori tidak cukup");
  sel_isi(P, T, &c[0], 0, label, tebal);
  sel_isi(P, T, &c[1], 1, nilai, tebal);
  int rc = baris_gambar(P, T, c, false, 255);
  free(c);
  return rc;
}

/* ---- the slip ----------------------------------------------------------------------------- */

static void bulan_label(const struct tpp_slip *s, char *out, size_t n)
{
  char ymd[48], tgl[48];
  snprintf(ymd, sizeof ymd, "%04d-%02d-01", s->tahun, s->bulan);
  if (report_font_tanggal(ymd, tgl, sizeof tgl) == 0) snprintf(out, n, "%s", tgl + 2);
  else snprintf(out, n, "%04d-%02d", s->tahun, s->bulan);
}

static int kepala(struct pdf *P, const struct tpp_slip *s)
{
  char buf[512], bl[48], tgl[48], up[TXT];
  /* the instansi in capitals: upper-cased after the conversion, so drawn here, not by para() */
  size_t ul = cp(s->instansi, NULL, up);
  report_font_upper(up);
  report_draw_text_centre(P->page, &P->bold, 11, X0, TEXT_W, P->y - 14 + 2.75, up, ul);
  P->y -= 14;
  if (para(P, "SLIP TAMBAHAN PENGHASILAN PEGAWAI (TPP)", &P->bold, 13, TENGAH, X0, TEXT_W, 17) < 0) return -1;
  bulan_label(s, bl, sizeof bl);
  snprintf(buf, sizeof buf, "Bulan %s", bl);
  if (para(P, buf, &P->reg, 10, TENGAH, X0, TEXT_W, 13) < 0) return -1;
  P->y -= 2;
  if (P->draf) {
    HPDF_Page_SetRGBFill(P->page, 0.75f, 0.0f, 0.0f);
    int rc = para(P, "DRAF \xe2\x80\x94 belum disetujui; jumlah dapat berubah bila bulan ini dihitung ulang.", &P->bold, 9, TENGAH, X0,
                  TEXT_W, 12);
    HPDF_Page_SetRGBFill(P->page, 0.0f, 0.0f, 0.0f);
    if (rc < 0) return -1;
  } else {
    if (report_font_tanggal(s->disetujui, tgl, sizeof tgl) != 0) snprintf(tgl, sizeof tgl, "%s", s->disetujui);
    snprintf(buf, sizeof buf, "DISETUJUI %s", tgl);
    if (para(P, buf, &P->bold, 9, TENGAH, X0, TEXT_W, 12) < 0) return -1;
    snprintf(buf, sizeof buf, "Hash hasil bulan ini: %s", s->hash[0] ? s->hash : "-");
    if (para(P, buf, &P->reg, 7.5, TENGAH, X0, TEXT_W, 10) < 0) return -1;
  }
  P->y -= 4;
  report_draw_hline(P->page, X0, X1, P->y);
  P->y -= 6;
  return report_hpdf_check(&P->e);
}

static int identitas(struct pdf *P, const struct tpp_slip *s)
{
  static const double w[2] = {150, 360};
  static const unsigned char al[2] = {KIRI, KIRI};
  struct tabel T;
  char kelas[16], periode[96], bl[48];
  tabel_kolom(&T, w, al, 2, NULL);
  P->tab = NULL;
  if (s->kelas > 0) snprintf(kelas, sizeof kelas, "%d", s->kelas);
  else kelas[0] = '\0';
  bulan_label(s, bl, sizeof bl);
  static const int PANJANG[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int b = s->bulan >= 1 && s->bulan <= 12 ? s->bulan : 1;
  int nh = PANJANG[b - 1] + (b == 2 && ((s->tahun % 4 == 0 && s->tahun % 100) || s->tahun % 400 == 0));
  snprintf(periode, sizeof periode, "1 - %d %s", nh, bl);
  const char *label[] = {"NIP", "Nama", "Jabatan", "Kelas jabatan", "Unit kerja", "Periode", "Tabel TPP", "Predikat kinerja",
                         "Sumber predikat", "Hari kerja"};
  const char *nilai[] = {s->nip, s->nama, s->jabatan, kelas, s->unit, periode, s->aturan, s->predikat, s->asal_predikat, s->hari};
  for (size_t i = 0; i < sizeof label / sizeof label[0]; i++)
    if (baris_dua(P, &T, label[i], nilai[i], false) < 0) return -1;
  return 0;
}

static int komponen(struct pdf *P, const struct tpp_slip *s)
{
  static const double w[2] = {360, 150};
  static const unsigned char al[2] = {KIRI, KANAN};
  struct tabel T;
  char rp[64], pr[32], label[256];
  tabel_kolom(&T, w, al, 2, NULL);
  if (judul_bagian(P, "KOMPONEN TPP", 7 * (2 * PAD + LEAD)) < 0) return -1;
  /* a regional table takes the presensi deduction from the disiplin component already; a
   * central one takes it from the total: the stored numbers say which */
  bool dalam_disiplin = s->kinerja + s->disiplin - s->potongan_sanksi == s->jumlah;
  if (baris_dua(P, &T, "Besaran TPP (kelas jabatan)", tpp_rupiah_tulis(s->dasar, rp, sizeof rp), false) < 0) return -1;
  if (baris_dua(P, &T, "Komponen kinerja", tpp_rupiah_tulis(s->kinerja, rp, sizeof rp), false) < 0) return -1;
  if (baris_dua(P, &T, dalam_disiplin ? "Komponen disiplin (sesudah potongan presensi)" : "Komponen disiplin",
                tpp_rupiah_tulis(s->disiplin, rp, sizeof rp), false) < 0)
    return -1;
  snprintf(label, sizeof label, "Potongan presensi %s (%s)", tpp_persen_tulis(s->potongan_bp, pr, sizeof pr),
           dalam_disiplin ? "sudah diperhitungkan dalam komponen disiplin" : "dikurangkan dari jumlah");
  if (baris_dua(P, &T, label, tpp_rupiah_tulis(s->potongan_presensi, rp, sizeof rp), false) < 0) return -1;
  if (baris_dua(P, &T, "Potongan sanksi disiplin", tpp_rupiah_tulis(s->potongan_sanksi, rp, sizeof rp), false) < 0) return -1;
  if (baris_dua(P, &T, "JUMLAH DITERIMA", tpp_rupiah_tulis(s->jumlah, rp, sizeof rp), true) < 0) return -1;
  if (s->galat && s->galat[0]) {
    char g[TXT];
    snprintf(g, sizeof g, "Tidak dapat dihitung: %s", s->galat);
    P->y -= 4;
    HPDF_Page_SetRGBFill(P->page, 0.75f, 0.0f, 0.0f);
    int rc = para(P, g, &P->bold, 9, KIRI, X0, TEXT_W, 12);
    HPDF_Page_SetRGBFill(P->page, 0.0f, 0.0f, 0.0f);
    if (rc < 0) return -1;
  }
  return 0;
}

static int rincian(struct pdf *P, const struct tpp_slip *s)
{
  static const double w[7] = {22, 52, 48, 30, 36, 58, 264};
  static const unsigned char al[7] = {TENGAH, TENGAH, TENGAH, KANAN, KANAN, KANAN, KIRI};
  static const char *const judul[7] = {"No", "Tanggal", "Kode", "Menit", "Persen", "Rupiah", "Keterangan"};
  struct tabel T;
  tabel_kolom(&T, w, al, 7, judul);
  if (judul_bagian(P, "RINCIAN POTONGAN PRESENSI", 3 * (2 * PAD + LEAD)) < 0) return -1;
  if (s->n_baris == 0)
    return para(P, "Tidak ada potongan presensi bulan ini.", &P->reg, 9, KIRI, X0, TEXT_W, 12);
  if (head_draw(P, &T) < 0) return -1;
  P->tab = &T;
  struct sel *c = calloc(7, sizeof *c);
  if (!c) return report_hpdf_fail(&P->e, "memori tidak cukup");
  int rc = 0;
  for (size_t i = 0; i < s->n_baris && rc == 0; i++) {
    const struct tpp_slip_baris *b = &s->baris[i];
    char no[32], tgl[40], menit[16], pr[32], rp[64];
    snprintf(no, sizeof no, "%zu", i + 1);
    if (b->tanggal && strlen(b->tanggal) == 10)
      snprintf(tgl, sizeof tgl, "%.2s-%.2s-%.4s", b->tanggal + 8, b->tanggal + 5, b->tanggal);
    else
      tgl[0] = '\0';
    if (b->menit > 0) snprintf(menit, sizeof menit, "%d", b->menit);
    else menit[0] = '\0';
    sel_isi(P, &T, &c[0], 0, no, false);
    sel_isi(P, &T, &c[1], 1, tgl, false);
    sel_isi(P, &T, &c[2], 2, !strcmp(b->kode, "batas_harian") ? "batas harian" : b->kode, false);
    sel_isi(P, &T, &c[3], 3, menit, false);
    sel_isi(P, &T, &c[4], 4, tpp_persen_tulis(b->persen_bp, pr, sizeof pr), false);
    sel_isi(P, &T, &c[5], 5, tpp_sen_tulis(b->sen, rp, sizeof rp), false);
    sel_isi(P, &T, &c[6], 6, b->teks, false);
    rc = baris_gambar(P, &T, c, false, 255);
  }
  free(c);
  P->tab = NULL;
  return rc;
}

static int penjelasan(struct pdf *P, const struct tpp_slip *s)
{
  if (s->n_penjelasan == 0) return 0;
  if (judul_bagian(P, "PENJELASAN", 24) < 0) return -1;
  for (size_t i = 0; i < s->n_penjelasan; i++) {
    char no[32];
    snprintf(no, sizeof no, "%zu.", i + 1);
    if (ensure(P, 11) < 0) return -1;
    report_draw_text(P->page, &P->reg, 8.5, X0, P->y - 11 + 2.1, no, strlen(no));
    if (para(P, s->penjelasan[i], &P->reg, 8.5, KIRI, X0 + 16, TEXT_W - 16, 11) < 0) return -1;
    P->y -= 2;
  }
  return 0;
}

/* Every page: "Dicetak <tanggal>" (left), the draft note or the kode verifikasi (centre) and
 * "Halaman N dari M" (right). */
static int footers(struct pdf *P, const struct tpp_slip *s)
{
  char kiri[96], tengah[96], tgl[48];
  if (report_font_tanggal(s->dicetak, tgl, sizeof tgl) != 0) snprintf(tgl, sizeof tgl, "%s", s->dicetak);
  snprintf(kiri, sizeof kiri, "Dicetak %s oleh kinerja", tgl);
  if (P->draf) snprintf(tengah, sizeof tengah, "DRAF - belum disetujui");
  else snprintf(tengah, sizeof tengah, "Kode verifikasi: %.16s", s->hash);
  for (size_t i = 0; i < P->npage; i++) {
    char kanan[64];
    snprintf(kanan, sizeof kanan, "Halaman %zu dari %zu", i + 1, P->npage);
    P->page = P->pages[i];
    report_draw_text(P->page, &P->reg, 7.5, X0, FOOTER_Y, kiri, strlen(kiri));
    report_draw_text_right(P->page, &P->reg, 7.5, X1, FOOTER_Y, kanan, strlen(kanan));
    if (P->draf) HPDF_Page_SetRGBFill(P->page, 0.75f, 0.0f, 0.0f);
    const struct report_hpdf_font *f = P->draf ? &P->bold : &P->reg;
    report_draw_text_centre(P->page, f, 7.5, X0, TEXT_W, FOOTER_Y, tengah, strlen(tengah));
    if (P->draf) HPDF_Page_SetRGBFill(P->page, 0.0f, 0.0f, 0.0f);
  }
  return report_hpdf_check(&P->e);
}

static int periksa(struct pdf *P, const struct tpp_slip *s)
{
  if (!s->status || (strcmp(s->status, "draft") && strcmp(s->status, "disetujui")))
    return report_hpdf_fail(&P->e, "status bulan TPP tidak dikenal (draft atau disetujui)");
  if (s->bulan < 1 || s->bulan > 12 || s->tahun < 2000 || s->tahun > 2100) return report_hpdf_fail(&P->e, "bulan TPP tidak valid");
  if (s->n_baris && !s->baris) return report_hpdf_fail(&P->e, "rincian potongan kosong padahal n_baris = %zu", s->n_baris);
  if (s->n_penjelasan && !s->penjelasan)
    return report_hpdf_fail(&P->e, "penjelasan kosong padahal n_penjelasan = %zu", s->n_penjelasan);
  if (!s->dicetak || !s->nip || !s->nama) return report_hpdf_fail(&P->e, "data slip tidak lengkap");
  return 0;
}

int tpp_slip_pdf(const struct tpp_slip *s, unsigned char **out, size_t *len, char *err, size_t errlen)
{
  struct pdf *P = report_hpdf_alloc(sizeof *P, err, errlen);
  if (!P) return -1;
  int rc = -1;
  report_hpdf_begin(&P->e, err, errlen);
  if (!out || !len || !s) { report_hpdf_fail(&P->e, "parameter kosong"); goto fail; }
  *out = NULL;
  *len = 0;
  if (periksa(P, s) < 0) goto fail;
  P->draf = strcmp(s->status, "disetujui") != 0;
  P->doc = HPDF_New(report_hpdf_on_error, &P->e);
  if (!P->doc) { report_hpdf_fail(&P->e, "gagal membuat PDF (memori)"); goto fail; }
  HPDF_SetCompressionMode(P->doc, HPDF_COMP_ALL);
  HPDF_SetInfoAttr(P->doc, HPDF_INFO_TITLE, "Slip TPP");
  HPDF_SetInfoAttr(P->doc, HPDF_INFO_CREATOR, "kinerja");
  if (report_hpdf_helvetica(&P->e, P->doc, &P->reg, &P->bold) < 0) goto fail;
  if (page_new(P) < 0 || kepala(P, s) < 0 || identitas(P, s) < 0 || komponen(P, s) < 0 || rincian(P, s) < 0 ||
      penjelasan(P, s) < 0 || footers(P, s) < 0 || report_hpdf_take(&P->e, P->doc, out, len) < 0)
    goto fail;
  rc = 0;
fail:
  report_hpdf_end(&P->e, P->doc, rc);
  free(P);
  return rc;
}
