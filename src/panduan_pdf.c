/* panduan_pdf.c: the user guide as one PDF (see panduan_pdf.h).  A cover page with the title
 * and the contents (each role's page number, filled in at the end), then each role's Markdown
 * page from a new sheet: headings, paragraphs, items, notes, table rows as text, and the
 * screenshots scaled to fit beside the text width; a bookmark per role and a footer with the
 * page numbers.  libharu with the base-14 Helvetica in WinAnsiEncoding, text through
 * report_font.c like the other reports.  No state outside the arguments: thread-safe. */
#include "panduan_pdf.h"
#include "panduan_md.h"
#include "report_draw.h"
#include "report_font.h"
#include "report_hpdf.h"
#include "report_pdf.h"

#include <hpdf.h>
#include <png.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#define PAGE_W    595.276
#define PAGE_H    841.89
#define MARGIN    48.0
#define X0        MARGIN
#define X1        (PAGE_W - MARGIN)
#define TEXT_W    (X1 - X0)
#define Y_TOP     (PAGE_H - MARGIN)
#define Y_BOTTOM  (MARGIN + 10.0)
#define FOOTER_Y  (MARGIN - 18.0)
#define MAX_PAGES 400
#define MAX_GAMBAR 96
#define TXT       8192           /* bytes of one paragraph */
#define MAX_LINES 256
#define PAGE_MAX  (256u * 1024u) /* bytes of one Markdown page */
#define GAMBAR_W  230.0          /* the widest a screenshot is drawn (points) */
#define GAMBAR_H  400.0          /* the tallest */

const char *const panduan_halaman[] = {"pegawai.md", "atasan.md", "pimpinan.md", "admin.md", "auditor.md", NULL};

struct gambar {
  char nama[80];
  HPDF_Image img;
};

struct pdf {
  HPDF_Doc doc;
  struct report_hpdf_font reg, bold, miring;
  HPDF_Page pages[MAX_PAGES];
  size_t npage;
  HPDF_Page page;
  double y;
  const char *dir;
  struct gambar gambar[MAX_GAMBAR];
  size_t ngambar;
  char judul[8][160];                       /* each role page's title */
  double isi_y;                             /* where the contents start on the cover */
  size_t mulai[8];                          /* its first page (index) */
  size_t nrole;
  bool hilang;                              /* a page or picture is missing */
  struct report_hpdf_err e;   /* libharu error and the caller's message buffer */
};

/* inline Markdown (len bytes) to CP1252 without marks into out[TXT]; returns its length */
static size_t cp(const char *md, size_t len, char out[TXT])
{
  static const struct { const char *u, *a; } GANTI[] = {
    {"\xe2\x86\x92", "->"}, {"\xe2\x86\x90", "<-"}, {"\xe2\x89\xa4", "<="}, {"\xe2\x89\xa5", ">="},
    {"\xe2\x88\x92", "-"}, {"\xc3\x97", "x"},
  };
  char polos[TXT], tmp[TXT];
  size_t n = md_polos(md, len, polos, sizeof polos), k = 0;
  for (size_t i = 0; i < n && k + 3 < sizeof tmp;) {
    size_t g;
    for (g = 0; g < sizeof GANTI / sizeof GANTI[0]; g++) {
      size_t m = strlen(GANTI[g].u);
      if (i + m <= n && !memcmp(polos + i, GANTI[g].u, m)) {
        for (const char *a = GANTI[g].a; *a; a++) tmp[k++] = *a;
        i += m;
        break;
      }
    }
    if (g == sizeof GANTI / sizeof GANTI[0]) tmp[k++] = polos[i++];
  }
  tmp[k] = '\0';
  size_t r = report_font_winansi(tmp, out, TXT);
  return r >= TXT ? TXT - 1 : r;
}

static int page_new(struct pdf *P)
{
  HPDF_Page page = report_draw_page_add(&P->e, P->doc, HPDF_PAGE_PORTRAIT, P->pages, &P->npage, MAX_PAGES, "panduan");
  if (!page) return -1;
  P->page = page;
  P->y = Y_TOP;
  return report_hpdf_check(&P->e);
}

static int ensure(struct pdf *P, double need)
{
  return P->y - need >= Y_BOTTOM ? 0 : page_new(P);
}

/* Text wrapped to width w from x; `label` (may be NULL) is drawn left of the first line. */
static int para(struct pdf *P, const char *md, size_t mdlen, const struct report_hpdf_font *f, double size, double x, double w,
                double lead, const char *label)
{
  char s[TXT];
  size_t len = cp(md, mdlen, s);
  struct report_font_line ln[MAX_LINES];
  size_t n = report_font_wrap(s, len, f->w, size, w, ln, MAX_LINES);
  if (n > MAX_LINES) n = MAX_LINES;
  for (size_t i = 0; i < n; i++) {
    if (P->y - lead < Y_BOTTOM && page_new(P) < 0) return -1;
    if (i == 0 && label) report_draw_text(P->page, &P->reg, size, x - 14, P->y - lead + 0.25 * size, label, strlen(label));
    report_draw_text(P->page, f, size, x, P->y - lead + 0.25 * size, s + ln[i].off, ln[i].len);
    P->y -= lead;
  }
  return report_hpdf_check(&P->e);
}

static void png_galat(png_structp png, png_const_charp msg)
{
  (void)msg;
  png_longjmp(png, 1);
}

static void png_peringatan(png_structp png, png_const_charp msg)
{
  (void)png;
  (void)msg;
}

/* Decodes the whole PNG once with libpng (every row, every CRC) before libharu reads it: libharu's
 * own libpng error handler returns, which makes libpng abort the process on a damaged file.
 * Returns 0 when the picture is sound and at most 4096 x 4096. */
static int png_sehat(const char *path)
{
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_galat, png_peringatan);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  png_bytep baris = NULL;
  volatile int rc = -1;
  if (!png || !info) goto out;
  if (setjmp(png_jmpbuf(png))) goto out;
  png_init_io(png, f);
  png_read_info(png, info);
  png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
  if (w == 0 || h == 0 || w > 4096 || h > 4096) goto out;
  int lintasan = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  baris = malloc(png_get_rowbytes(png, info));
  if (!baris) goto out;
  for (int l = 0; l < lintasan; l++)
    for (png_uint_32 y = 0; y < h; y++) png_read_row(png, baris, NULL);
  png_read_end(png, NULL);
  rc = 0;
out:
  free(baris);
  png_destroy_read_struct(png ? &png : NULL, info ? &info : NULL, NULL);
  fclose(f);
  return rc;
}

static HPDF_Image gambar_muat(struct pdf *P, const char *src, size_t len)
{
  char nama[80], path[1400];
  snprintf(nama, sizeof nama, "%.*s", (int)len, src);
  for (size_t i = 0; i < P->ngambar; i++)
    if (!strcmp(P->gambar[i].nama, nama)) return P->gambar[i].img;
  if (P->ngambar >= MAX_GAMBAR) { report_hpdf_fail(&P->e, "panduan memuat lebih dari %d gambar", MAX_GAMBAR); return NULL; }
  int w = snprintf(path, sizeof path, "%s/%s", P->dir, nama);
  struct stat st;
  if (w < 0 || (size_t)w >= sizeof path || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
    P->hilang = true;
    report_hpdf_fail(&P->e, "gambar %s tidak ada", nama);
    return NULL;
  }
  if (png_sehat(path) != 0) {
    P->hilang = true;
    report_hpdf_fail(&P->e, "gambar %s rusak atau bukan PNG", nama);
    return NULL;
  }
  HPDF_Image img = HPDF_LoadPngImageFromFile(P->doc, path);
  if (!img) {
    if (report_hpdf_check(&P->e) == 0) report_hpdf_fail(&P->e, "gambar %s tidak dapat dibaca", nama);
    return NULL;
  }
  snprintf(P->gambar[P->ngambar].nama, sizeof P->gambar[P->ngambar].nama, "%s", nama);
  P->gambar[P->ngambar++].img = img;
  return img;
}

/* A screenshot, centred, scaled to fit GAMBAR_W x GAMBAR_H, with its caption under it. */
static int gambar(struct pdf *P, const struct md_baris *b)
{
  if (!md_gambar_aman(b->src, b->src_len)) {
    P->hilang = true;
    return report_hpdf_fail(&P->e, "alamat gambar tidak diizinkan: %.*s", (int)(b->src_len > 80 ? 80 : b->src_len), b->src);
  }
  HPDF_Image img = gambar_muat(P, b->src, b->src_len);
  if (!img) return -1;
  double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
  if (iw <= 0 || ih <= 0) return report_hpdf_fail(&P->e, "gambar %.*s kosong", (int)b->src_len, b->src);
  double k = GAMBAR_W / iw;
  if (ih * k > GAMBAR_H) k = GAMBAR_H / ih;
  double w = iw * k, h = ih * k;
  P->y -= 4;
  if (ensure(P, h + 22) < 0) return -1;
  double x = X0 + (TEXT_W - w) / 2;
  HPDF_Page_DrawImage(P->page, img, (HPDF_REAL)x, (HPDF_REAL)(P->y - h), (HPDF_REAL)w, (HPDF_REAL)h);
  HPDF_Page_SetGrayStroke(P->page, 0.6f);
  HPDF_Page_Rectangle(P->page, (HPDF_REAL)x, (HPDF_REAL)(P->y - h), (HPDF_REAL)w, (HPDF_REAL)h);
  HPDF_Page_Stroke(P->page);
  HPDF_Page_SetGrayStroke(P->page, 0.0f);
  P->y -= h + 2;
  if (b->isi_len) {
    char s[TXT];
    size_t n = cp(b->isi, b->isi_len, s);
    struct report_font_line ln[8];
    size_t nl = report_font_wrap(s, n, P->miring.w, 8, TEXT_W, ln, 8);
    if (nl > 8) nl = 8;
    for (size_t i = 0; i < nl; i++) {
      report_draw_text_centre(P->page, &P->miring, 8, X0, TEXT_W, P->y - 10, s + ln[i].off, ln[i].len);
      P->y -= 10;
    }
  }
  P->y -= 6;
  return report_hpdf_check(&P->e);
}

/* A table row "| a | b |" as one line of text, the cells separated by " - ". */
static int baris_tabel(struct pdf *P, const struct md_baris *b, bool kepala)
{
  char gabung[TXT];
  size_t k = 0;
  const char *s = b->isi, *e = b->isi + b->isi_len;
  bool pertama = true;
  while (s < e) {
    if (*s == '|') { s++; continue; }
    const char *bar = memchr(s, '|', (size_t)(e - s));
    const char *ujung = bar ? bar : e;
    const char *a = s, *z = ujung;
    while (a < z && *a == ' ') a++;
    while (z > a && z[-1] == ' ') z--;
    if (z > a) {
      if (!pertama && k + 3 < sizeof gabung) { memcpy(gabung + k, " - ", 3); k += 3; }
      size_t m = (size_t)(z - a);
      if (k + m >= sizeof gabung) m = sizeof gabung - 1 - k;
      memcpy(gabung + k, a, m);
      k += m;
      pertama = false;
    }
    s = ujung;
  }
  return para(P, gabung, k, kepala ? &P->bold : &P->reg, 9.5, X0 + 8, TEXT_W - 8, 12.5, NULL);
}

static int halaman(struct pdf *P, const char *berkas)
{
  char path[1200];
  int w = snprintf(path, sizeof path, "%s/%s", P->dir, berkas);
  FILE *f = w > 0 && (size_t)w < sizeof path ? fopen(path, "rb") : NULL;
  if (!f) {
    P->hilang = true;
    return report_hpdf_fail(&P->e, "halaman panduan %s tidak ada", berkas);
  }
  char *teks = malloc(PAGE_MAX + 1);
  if (!teks) { fclose(f); return report_hpdf_fail(&P->e, "memori tidak cukup"); }
  size_t n = fread(teks, 1, PAGE_MAX, f);
  int besar = !feof(f);
  fclose(f);
  if (besar) { free(teks); return report_hpdf_fail(&P->e, "halaman panduan %s lebih dari %u byte", berkas, PAGE_MAX); }
  teks[n] = '\0';

  int rc = -1;
  char paragraf[TXT];
  size_t plen = 0;
  enum md_jenis blok = MD_KOSONG;   /* the open block a continuation line belongs to */
  int nomor = 0, tingkat = 0;
  bool kepala_tabel = false;
  char label[16];
  if (page_new(P) < 0) goto out;
  if (P->nrole < 8) P->mulai[P->nrole] = P->npage - 1;
#define SIRAM() do { \
    if (plen) { \
      const struct report_hpdf_font *pf = blok == MD_KUTIP ? &P->miring : &P->reg; \
      double px = (blok == MD_BUTIR || blok == MD_NOMOR || blok == MD_KUTIP ? X0 + 18 : X0) + 18 * tingkat; \
      const char *lb = blok == MD_BUTIR ? "\x95" : blok == MD_NOMOR ? label : NULL; \
      if (para(P, paragraf, plen, pf, 10, px, X1 - px, 13.5, lb) < 0) goto out; \
      P->y -= blok == MD_BUTIR || blok == MD_NOMOR ? 2 : 6; \
      plen = 0; \
    } \
  } while (0)
  for (char *p = teks; *p;) {
    char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    struct md_baris b;
    md_baris(p, len, &b);
    p = nl ? nl + 1 : p + len;
    if (b.jenis == MD_LANJUT || (b.jenis == MD_PARA && plen && blok != MD_KOSONG)) {
      if (plen + 1 + b.isi_len < sizeof paragraf) {
        if (plen) paragraf[plen++] = ' ';
        memcpy(paragraf + plen, b.isi, b.isi_len);
        plen += b.isi_len;
      }
      continue;
    }
    SIRAM();
    if (b.jenis != MD_TABEL && b.jenis != MD_GARIS_TABEL) kepala_tabel = false;
    switch (b.jenis) {
    case MD_KOSONG:
      blok = MD_KOSONG;
      break;
    case MD_H1: {
      char s[TXT];
      size_t sl = cp(b.isi, b.isi_len, s);
      if (P->nrole < 8) {
        snprintf(P->judul[P->nrole], sizeof P->judul[P->nrole], "%.*s", (int)sl, s);
        HPDF_Outline o = HPDF_CreateOutline(P->doc, NULL, P->judul[P->nrole], NULL);
        HPDF_Destination d = HPDF_Page_CreateDestination(P->page);
        if (o && d) HPDF_Outline_SetDestination(o, d);
      }
      if (para(P, b.isi, b.isi_len, &P->bold, 18, X0, TEXT_W, 24, NULL) < 0) goto out;
      HPDF_Page_MoveTo(P->page, (HPDF_REAL)X0, (HPDF_REAL)(P->y - 2));
      HPDF_Page_LineTo(P->page, (HPDF_REAL)X1, (HPDF_REAL)(P->y - 2));
      HPDF_Page_Stroke(P->page);
      P->y -= 12;
      blok = MD_KOSONG;
      break;
    }
    case MD_H2:
    case MD_H3:
      P->y -= b.jenis == MD_H2 ? 8 : 4;
      if (ensure(P, 60) < 0) goto out;
      if (para(P, b.isi, b.isi_len, &P->bold, b.jenis == MD_H2 ? 13 : 11, X0, TEXT_W, b.jenis == MD_H2 ? 17 : 15,
               NULL) < 0)
        goto out;
      P->y -= 3;
      blok = MD_KOSONG;
      break;
    case MD_GAMBAR:
      if (gambar(P, &b) < 0) goto out;
      blok = MD_KOSONG;
      break;
    case MD_TABEL:
      if (baris_tabel(P, &b, !kepala_tabel) < 0) goto out;
      kepala_tabel = true;
      blok = MD_KOSONG;
      break;
    case MD_GARIS_TABEL:
      blok = MD_KOSONG;
      break;
    case MD_NOMOR:
      nomor = b.nomor;
      snprintf(label, sizeof label, "%d.", nomor);
      /* fall through */
    case MD_BUTIR:
    case MD_KUTIP:
    case MD_PARA:
    case MD_LANJUT:
      blok = b.jenis == MD_PARA ? MD_PARA : b.jenis;
      tingkat = b.tingkat;
      memcpy(paragraf, b.isi, b.isi_len < sizeof paragraf ? b.isi_len : sizeof paragraf - 1);
      plen = b.isi_len < sizeof paragraf ? b.isi_len : sizeof paragraf - 1;
      break;
    }
  }
  SIRAM();
#undef SIRAM
  P->nrole++;
  rc = report_hpdf_check(&P->e);
out:
  free(teks);
  return rc;
}

static int sampul(struct pdf *P)
{
  if (page_new(P) < 0) return -1;
  P->y = PAGE_H - 200;
  static const char judul[] = "Panduan Pengguna kinerja";
  if (para(P, judul, sizeof judul - 1, &P->bold, 26, X0, TEXT_W, 32, NULL) < 0) return -1;
  static const char sub[] = "e-Kinerja ASN menurut PermenPANRB 6/2022: langkah demi langkah untuk setiap peran";
  if (para(P, sub, sizeof sub - 1, &P->reg, 12, X0, TEXT_W, 18, NULL) < 0) return -1;
  static const char ket[] = "Gambar layar di panduan ini diambil otomatis oleh uji peramban setiap kali aplikasi "
                            "diuji, sehingga panduan selalu sesuai dengan tampilan aplikasi.";
  P->y -= 10;
  if (para(P, ket, sizeof ket - 1, &P->miring, 10, X0, TEXT_W, 14, NULL) < 0) return -1;
  P->y -= 24;
  static const char isi[] = "Isi";
  if (para(P, isi, sizeof isi - 1, &P->bold, 14, X0, TEXT_W, 20, NULL) < 0) return -1;
  P->isi_y = P->y - 12;
  return 0;
}

/* The contents on the cover (page numbers are known only now) and every page's footer. */
static int penutup(struct pdf *P)
{
  P->page = P->pages[0];
  double ty = P->isi_y;
  for (size_t i = 0; i < P->nrole; i++) {
    char no[16];
    snprintf(no, sizeof no, "%zu", P->mulai[i] + 1);
    const char *j = P->judul[i];
    report_draw_text(P->page, &P->reg, 11, X0 + 10, ty, j, strlen(j));
    double nw = report_font_width(no, strlen(no), P->reg.w, 11);
    report_draw_text(P->page, &P->reg, 11, X1 - nw, ty, no, strlen(no));
    HPDF_Page_SetGrayStroke(P->page, 0.75f);
    HPDF_Page_SetDash(P->page, (const HPDF_UINT16[]){1, 2}, 2, 0);
    double jw = report_font_width(j, strlen(j), P->reg.w, 11);
    HPDF_Page_MoveTo(P->page, (HPDF_REAL)(X0 + 14 + jw), (HPDF_REAL)ty);
    HPDF_Page_LineTo(P->page, (HPDF_REAL)(X1 - nw - 4), (HPDF_REAL)ty);
    HPDF_Page_Stroke(P->page);
    HPDF_Page_SetDash(P->page, NULL, 0, 0);
    HPDF_Page_SetGrayStroke(P->page, 0.0f);
    ty -= 18;
  }
  char tgl[40] = "", dicetak[80];
  time_t t = time(NULL) + 7 * 3600;   /* the printing date in WIB (the guide has no instansi) */
  struct tm tm;
  char ymd[11];
  if (gmtime_r(&t, &tm) && strftime(ymd, sizeof ymd, "%Y-%m-%d", &tm) == 10) report_font_tanggal(ymd, tgl, sizeof tgl);
  snprintf(dicetak, sizeof dicetak, "Dicetak %s", tgl);
  for (size_t i = 0; i < P->npage; i++) {
    char kanan[48];
    P->page = P->pages[i];
    snprintf(kanan, sizeof kanan, "Halaman %zu dari %zu", i + 1, P->npage);
    static const char kiri[] = "Panduan Pengguna kinerja";
    report_draw_text(P->page, &P->reg, 7.5, X0, FOOTER_Y, kiri, sizeof kiri - 1);
    report_draw_text_centre(P->page, &P->reg, 7.5, X0, TEXT_W, FOOTER_Y, dicetak, strlen(dicetak));
    report_draw_text_right(P->page, &P->reg, 7.5, X1, FOOTER_Y, kanan, strlen(kanan));
  }
  return report_hpdf_check(&P->e);
}

int panduan_pdf(const char *dir, unsigned char **out, size_t *len, char *err, size_t errlen)
{
  struct pdf *P = report_hpdf_alloc(sizeof *P, err, errlen);
  if (!P) return -1;
  int rc = -1;
  report_hpdf_begin(&P->e, err, errlen);
  P->dir = dir;
  if (!out || !len || !dir) { report_hpdf_fail(&P->e, "parameter kosong"); goto fail; }
  *out = NULL;
  *len = 0;
  P->doc = HPDF_New(report_hpdf_on_error, &P->e);
  if (!P->doc) { report_hpdf_fail(&P->e, "gagal membuat PDF (memori)"); goto fail; }
  HPDF_SetCompressionMode(P->doc, HPDF_COMP_ALL);
  HPDF_SetInfoAttr(P->doc, HPDF_INFO_TITLE, "Panduan Pengguna kinerja");
  HPDF_SetInfoAttr(P->doc, HPDF_INFO_CREATOR, "kinerja");
  HPDF_SetPageMode(P->doc, HPDF_PAGE_MODE_USE_OUTLINE);
  if (report_hpdf_helvetica(&P->e, P->doc, &P->reg, &P->bold) < 0 ||
      report_hpdf_font(&P->e, P->doc, &P->miring, "Helvetica-Oblique") < 0 || sampul(P) < 0)
    goto fail;
  for (const char *const *h = panduan_halaman; *h; h++)
    if (halaman(P, *h) < 0) goto fail;
  if (penutup(P) < 0 || report_hpdf_take(&P->e, P->doc, out, len) < 0) goto fail;
  rc = 0;
fail:
  if (rc != 0 && P->hilang) rc = 1;
  if (P->doc) HPDF_Free(P->doc);
  free(P);
  return rc;
}

/* ---- the copy kept in memory ---------------------------------------------------------------- */

static pthread_mutex_t simpan_kunci = PTHREAD_MUTEX_INITIALIZER;
static struct { uint64_t tanda; char dir[1024]; unsigned char *pdf; size_t len; } simpan;

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
  return h;
}

/* A fingerprint of the files of d (name, size, modification time), order-independent. */
static uint64_t tanda_dir(const char *d, int *ok)
{
  uint64_t jumlah = 0;
  DIR *dp = opendir(d);
  if (!dp) { *ok = 0; return 0; }
  struct dirent *e;
  while ((e = readdir(dp))) {
    char path[1400];
    struct stat st;
    if (e->d_name[0] == '.') continue;
    int w = snprintf(path, sizeof path, "%s/%s", d, e->d_name);
    if (w < 0 || (size_t)w >= sizeof path || stat(path, &st) != 0) continue;
    uint64_t h = fnv(14695981039346656037ull, e->d_name, strlen(e->d_name));
    int64_t f[3] = {(int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec};
    jumlah += fnv(h, f, sizeof f);
  }
  closedir(dp);
  return jumlah;
}

int panduan_pdf_tersimpan(const char *dir, unsigned char **out, size_t *len, char *err, size_t errlen)
{
  char g[1200];
  int ok = 1;
  snprintf(g, sizeof g, "%s/gambar", dir);
  uint64_t tanda = tanda_dir(dir, &ok) * 31 + tanda_dir(g, &ok);
  if (ok && strlen(dir) < sizeof simpan.dir) {
    pthread_mutex_lock(&simpan_kunci);
    if (simpan.pdf && simpan.tanda == tanda && !strcmp(simpan.dir, dir)) {
      unsigned char *c = malloc(simpan.len);
      if (c) {
        memcpy(c, simpan.pdf, simpan.len);
        *out = c;
        *len = simpan.len;
        if (err && errlen) err[0] = '\0';
      }
      pthread_mutex_unlock(&simpan_kunci);
      if (c) return 0;
    } else {
      pthread_mutex_unlock(&simpan_kunci);
    }
  }
  int rc = panduan_pdf(dir, out, len, err, errlen);
  if (rc != 0 || !ok || strlen(dir) >= sizeof simpan.dir) return rc;
  unsigned char *c = malloc(*len);
  if (!c) return rc;
  memcpy(c, *out, *len);
  pthread_mutex_lock(&simpan_kunci);
  free(simpan.pdf);
  simpan.pdf = c;
  simpan.len = *len;
  simpan.tanda = tanda;
  snprintf(simpan.dir, sizeof simpan.dir, "%s", dir);
  pthread_mutex_unlock(&simpan_kunci);
  return rc;
}
