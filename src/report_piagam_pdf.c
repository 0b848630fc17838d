/* report_piagam_pdf.c: the piagam penghargaan as PDF (see report_piagam_pdf.h).
 *
 * One A4 landscape page with a double frame and centred lines: the instansi, the title, the
 * number, the recipient (nama, NIP, unit kerja), the recognition and its reason (wrapped), the
 * issue date and the signer.  libharu with base-14 Helvetica in WinAnsiEncoding; text goes
 * through report_font.c.  No state outside the arguments: safe in several threads at once. */
#include "report_piagam_pdf.h"

#include <hpdf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_font.h"
#include "report_hpdf.h"
#include "report_pdf.h"

#define PAGE_W 841.89
#define PAGE_H 595.276
#define TXT 1024

struct pdf {
  HPDF_Doc doc;
  HPDF_Page page;
  HPDF_Font reg, bold;
  unsigned short wreg[256], wbold[256];
  struct report_hpdf_err e;   /* libharu error and the caller's message buffer */
};

/* One centred line of UTF-8 text at baseline y. */
static void tengah(struct pdf *P, const char *utf8, bool bold, double size, double y, bool upper)
{
  char t[TXT];
  report_font_winansi(utf8 ? utf8 : "", t, sizeof t);
  if (upper) report_font_upper(t);
  double w = report_font_width(t, strlen(t), bold ? P->wbold : P->wreg, size);
  HPDF_Page_BeginText(P->page);
  HPDF_Page_SetFontAndSize(P->page, bold ? P->bold : P->reg, (HPDF_REAL)size);
  HPDF_Page_TextOut(P->page, (HPDF_REAL)((PAGE_W - w) / 2), (HPDF_REAL)y, t);
  HPDF_Page_EndText(P->page);
}

/* Centred wrapped paragraph; returns the baseline below its last line. */
static double paragraf(struct pdf *P, const char *utf8, double size, double y, double maxw)
{
  char t[TXT];
  report_font_winansi(utf8 ? utf8 : "", t, sizeof t);
  struct report_font_line lines[8];
  size_t n = report_font_wrap(t, strlen(t), P->wreg, size, maxw, lines, 8);
  if (n > 8) n = 8;
  for (size_t i = 0; i < n; i++) {
    char l[TXT];
    size_t len = lines[i].len < sizeof l - 1 ? lines[i].len : sizeof l - 1;
    memcpy(l, t + lines[i].off, len);
    l[len] = 0;
    double w = report_font_width(l, len, P->wreg, size);
    HPDF_Page_BeginText(P->page);
    HPDF_Page_SetFontAndSize(P->page, P->reg, (HPDF_REAL)size);
    HPDF_Page_TextOut(P->page, (HPDF_REAL)((PAGE_W - w) / 2), (HPDF_REAL)y, l);
    HPDF_Page_EndText(P->page);
    y -= size * 1.35;
  }
  return y;
}

static int ambil(struct pdf *P, unsigned char **out, size_t *len)
{
  if (HPDF_SaveToStream(P->doc) != HPDF_OK) return report_hpdf_fail(&P->e, "gagal menyimpan PDF");
  HPDF_UINT32 size = HPDF_GetStreamSize(P->doc), got = 0;
  if (!size) return report_hpdf_fail(&P->e, "PDF kosong");
  unsigned char *buf = malloc(size);
  if (!buf) return report_hpdf_fail(&P->e, "memori tidak cukup");
  HPDF_ResetStream(P->doc);
  got = size;
  HPDF_STATUS st = HPDF_ReadFromStream(P->doc, buf, &got);
  if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size) { free(buf); return report_hpdf_fail(&P->e, "gagal membaca PDF"); }
  *out = buf;
  *len = size;
  return 0;
}

int piagam_pdf_render(const struct piagam *p, unsigned char **out, size_t *len, char *err, size_t errlen)
{
  struct pdf P;
  memset(&P, 0, sizeof P);
  report_hpdf_begin(&P.e, err, errlen);
  *out = NULL;
  *len = 0;
  if (!p || !p->nama || !p->nomor) return report_hpdf_fail(&P.e, "data piagam tidak lengkap");
  P.doc = HPDF_New(report_hpdf_on_error, &P.e);
  if (!P.doc) return report_hpdf_fail(&P.e, "libharu gagal dimulai");
  int rc = -1;
  HPDF_SetCompressionMode(P.doc, HPDF_COMP_ALL);
  HPDF_SetInfoAttr(P.doc, HPDF_INFO_TITLE, "Piagam Penghargaan");
  HPDF_SetInfoAttr(P.doc, HPDF_INFO_CREATOR, "kinerja");
  P.reg = report_pdf_font(P.doc, "Helvetica", P.wreg);
  P.bold = report_pdf_font(P.doc, "Helvetica-Bold", P.wbold);
  P.page = HPDF_AddPage(P.doc);
  if (!P.reg || !P.bold || !P.page || P.e.herr) {
    report_hpdf_fail(&P.e, "PDF tidak dapat disiapkan (kode %04X)", (unsigned)P.e.herr);
    goto out;
  }
  HPDF_Page_SetSize(P.page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);
  /* the frame: a thick outer and a thin inner rectangle in dark green */
  HPDF_Page_SetRGBStroke(P.page, 0.05f, 0.35f, 0.25f);
  HPDF_Page_SetLineWidth(P.page, 4);
  HPDF_Page_Rectangle(P.page, 28, 28, (HPDF_REAL)(PAGE_W - 56), (HPDF_REAL)(PAGE_H - 56));
  HPDF_Page_Stroke(P.page);
  HPDF_Page_SetLineWidth(P.page, 1);
  HPDF_Page_Rectangle(P.page, 38, 38, (HPDF_REAL)(PAGE_W - 76), (HPDF_REAL)(PAGE_H - 76));
  HPDF_Page_Stroke(P.page);
  HPDF_Page_SetRGBFill(P.page, 0, 0, 0);
  double y = PAGE_H - 95;
  tengah(&P, p->instansi, true, 15, y, true);
  y -= 52;
  HPDF_Page_SetRGBFill(P.page, 0.05f, 0.35f, 0.25f);
  tengah(&P, "PIAGAM PENGHARGAAN", true, 32, y, false);
  HPDF_Page_SetRGBFill(P.page, 0, 0, 0);
  y -= 24;
  char b[400];
  snprintf(b, sizeof b, "Nomor: %s", p->nomor);
  tengah(&P, b, false, 11, y, false);
  y -= 38;
  tengah(&P, "diberikan kepada", false, 13, y, false);
  y -= 36;
  tengah(&P, p->nama, true, 24, y, false);
  y -= 22;
  snprintf(b, sizeof b, "NIP %s%s%s", p->nip ? p->nip : "", p->unit_kerja && *p->unit_kerja ? " · " : "",
           p->unit_kerja ? p->unit_kerja : "");
  tengah(&P, b, false, 12, y, false);
  y -= 36;
  snprintf(b, sizeof b, "atas capaian \"%s\" tahun %d", p->aturan ? p->aturan : "", p->tahun);
  tengah(&P, b, true, 14, y, false);
  y -= 22;
  y = paragraf(&P, p->alasan, 11.5, y, PAGE_W - 220);
  /* signature block, right */
  char tgl[64] = "";
  if (p->tanggal) report_font_tanggal(p->tanggal, tgl, sizeof tgl);
  double x = PAGE_W - 300, sy = 150;
  char t[TXT];
  const char *baris[4] = {tgl, p->penerbit_jabatan, "", p->penerbit_nama};
  for (int i = 0; i < 4; i++) {
    report_font_winansi(baris[i] ? baris[i] : "", t, sizeof t);
    HPDF_Page_BeginText(P.page);
    HPDF_Page_SetFontAndSize(P.page, i == 3 ? P.bold : P.reg, 11);
    HPDF_Page_TextOut(P.page, (HPDF_REAL)x, (HPDF_REAL)sy, t);
    HPDF_Page_EndText(P.page);
    sy -= i == 2 ? 48 : 15;
  }
  report_font_winansi("Dokumen ini diterbitkan melalui kinerja; keasliannya dapat diperiksa pada jejak audit instansi.", t, sizeof t);
  HPDF_Page_BeginText(P.page);
  HPDF_Page_SetFontAndSize(P.page, P.reg, 7.5);
  HPDF_Page_TextOut(P.page, 60, 52, t);
  HPDF_Page_EndText(P.page);
  (void)y;
  if (P.e.herr) { report_hpdf_fail(&P.e, "PDF gagal disusun (kode %04X)", (unsigned)P.e.herr); goto out; }
  rc = ambil(&P, out, len);
out:
  HPDF_Free(P.doc);
  return rc;
}
