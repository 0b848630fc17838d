/* report_ekspor_pdf.c: the personal data export as a PDF (see report_ekspor_pdf.h).  libharu with
 * base-14 Helvetica in WinAnsiEncoding, text through report_font.c like the other reports; one
 * flowing column, a section title in bold, and page numbers in the footer. */
#include "report_ekspor_pdf.h"
#include "ekspor_saya.h"
#include "report_font.h"
#include "report_hpdf.h"
#include "report_pdf.h"

#include <hpdf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PAGE_W   595.276
#define PAGE_H   841.89
#define MARGIN   42.52
#define TEXT_W   (PAGE_W - 2 * MARGIN)
#define Y_TOP    (PAGE_H - MARGIN)
#define Y_BOTTOM (MARGIN + 8.0)
#define FS       8.0
#define LEAD     (FS * 1.3)
#define TXT      8192
#define MAX_LINES 200

struct pdf {
  HPDF_Doc doc;
  struct report_hpdf_font reg, bold;
  HPDF_Page page;
  int npage;
  double y;
  struct report_hpdf_err e;   /* libharu error and the caller's message buffer */
};

static int footer(struct pdf *P)
{
  char s[80];
  snprintf(s, sizeof s, "Ekspor data pribadi e-Kinerja - halaman %d", P->npage);
  HPDF_Page_BeginText(P->page);
  HPDF_Page_SetFontAndSize(P->page, P->reg.f, 7);
  HPDF_Page_TextOut(P->page, MARGIN, MARGIN - 16, s);
  HPDF_Page_EndText(P->page);
  return report_hpdf_check(&P->e);
}

static int page_new(struct pdf *P)
{
  if (P->npage >= EKSPOR_PDF_MAKS_HALAMAN)
    return report_hpdf_fail(&P->e, "ekspor melebihi %d halaman; unduh format JSON", EKSPOR_PDF_MAKS_HALAMAN);
  P->page = HPDF_AddPage(P->doc);
  if (!P->page) return report_hpdf_check(&P->e) < 0 ? -1 : report_hpdf_fail(&P->e, "gagal menambah halaman");
  HPDF_Page_SetSize(P->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  P->npage++;
  P->y = Y_TOP;
  return footer(P);
}

/* Writes UTF-8 text wrapped to the width from x, in font f at size; new pages as needed. */
static int tulis(struct pdf *P, const struct report_hpdf_font *f, double size, double x, const char *utf8)
{
  char *cp = malloc(TXT);
  struct report_font_line *ln = malloc(sizeof *ln * MAX_LINES);
  int rc = -1;
  if (!cp || !ln) { report_hpdf_fail(&P->e, "memori tidak cukup"); goto out; }
  size_t n = report_font_winansi(utf8 ? utf8 : "", cp, TXT);
  if (n >= TXT) n = TXT - 1;
  size_t nl = report_font_wrap(cp, n, f->w, size, TEXT_W - (x - MARGIN), ln, MAX_LINES);
  if (nl > MAX_LINES) nl = MAX_LINES;
  for (size_t i = 0; i < nl; i++) {
    if (P->y - size * 1.3 < Y_BOTTOM && page_new(P) < 0) goto out;
    P->y -= size * 1.3;
    char line[TXT];
    size_t l = ln[i].len < sizeof line - 1 ? ln[i].len : sizeof line - 1;
    memcpy(line, cp + ln[i].off, l);
    line[l] = '\0';
    HPDF_Page_BeginText(P->page);
    HPDF_Page_SetFontAndSize(P->page, f->f, size);
    HPDF_Page_TextOut(P->page, x, P->y, line);
    HPDF_Page_EndText(P->page);
  }
  rc = report_hpdf_check(&P->e);
out:
  free(cp);
  free(ln);
  return rc;
}

/* One row as a paragraph: "kunci: nilai; kunci: nilai ...". */
static int baris(struct pdf *P, json_t *o)
{
  const char *k;
  json_t *v;
  char *s = malloc(TXT);
  if (!s) return report_hpdf_fail(&P->e, "memori tidak cukup");
  size_t off = 0;
  s[0] = '\0';
  json_object_foreach(o, k, v) {
    char *dump = NULL;
    const char *val;
    char num[32];
    if (json_is_string(v)) val = json_string_value(v)[0] ? json_string_value(v) : "-";
    else if (json_is_integer(v)) { snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v)); val = num; }
    else if (json_is_null(v)) val = "-";
    else if (json_is_true(v)) val = "ya";
    else if (json_is_false(v)) val = "tidak";
    else { dump = json_dumps(v, JSON_COMPACT); val = dump ? dump : "-"; }
    int w = snprintf(s + off, TXT - off, "%s%s: %s", off ? "; " : "", k, val);
    free(dump);
    if (w < 0 || (size_t)w >= TXT - off) { off = TXT - 1; break; }
    off += (size_t)w;
  }
  int rc = tulis(P, &P->reg, FS, MARGIN + 12, s);
  free(s);
  P->y -= 2;
  return rc;
}

static int bagian(struct pdf *P, const char *judul, json_t *isi)
{
  char h[256];
  size_t n = json_is_array(isi) ? json_array_size(isi) : (json_is_object(isi) ? 1 : 0);
  snprintf(h, sizeof h, "%s (%zu)", judul, n);
  if (P->y - 40 < Y_BOTTOM && page_new(P) < 0) return -1;
  P->y -= 6;
  if (tulis(P, &P->bold, 11, MARGIN, h) < 0) return -1;
  if (n == 0) return tulis(P, &P->reg, FS, MARGIN + 12, "Tidak ada data.");
  if (json_is_object(isi)) return baris(P, isi);
  size_t i;
  json_t *o;
  json_array_foreach(isi, i, o) {
    (void)i;
    if (baris(P, o) < 0) return -1;
  }
  return 0;
}

int report_ekspor_pdf(json_t *e, unsigned char **out, size_t *len, char *err, size_t errlen)
{
  struct pdf *P = calloc(1, sizeof *P);
  int rc = -1;
  if (err && errlen) err[0] = '\0';
  if (!P) return -1;
  report_hpdf_begin(&P->e, err, errlen);
  *out = NULL;
  *len = 0;
  P->doc = HPDF_New(report_hpdf_on_error, &P->e);
  if (!P->doc) { report_hpdf_fail(&P->e, "gagal membuat PDF (memori)"); goto fail; }
  HPDF_SetCompressionMode(P->doc, HPDF_COMP_ALL);
  HPDF_SetInfoAttr(P->doc, HPDF_INFO_TITLE, "Ekspor data pribadi");
  HPDF_SetInfoAttr(P->doc, HPDF_INFO_CREATOR, "kinerja");
  if (report_hpdf_helvetica(&P->e, P->doc, &P->reg, &P->bold) < 0 || page_new(P) < 0) goto fail;
  json_t *prof = json_object_get(e, "profil");
  char t[600];
  time_t now = (time_t)json_integer_value(json_object_get(e, "dibuat")) + 7 * 3600;
  struct tm tm;
  gmtime_r(&now, &tm);
  char ymd[40], tgl[48];
  snprintf(ymd, sizeof ymd, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  if (report_font_tanggal(ymd, tgl, sizeof tgl) != 0) snprintf(tgl, sizeof tgl, "%s", ymd);
  if (tulis(P, &P->bold, 15, MARGIN, "Ekspor Data Pribadi e-Kinerja") < 0) goto fail;
  snprintf(t, sizeof t, "%s - NIP %s - dibuat %s %02d:%02d WIB",
           json_string_value(json_object_get(prof, "nama")) ? json_string_value(json_object_get(prof, "nama")) : "-",
           json_string_value(json_object_get(prof, "nip")) ? json_string_value(json_object_get(prof, "nip")) : "-",
           tgl, tm.tm_hour, tm.tm_min);
  if (tulis(P, &P->reg, 10, MARGIN, t) < 0) goto fail;
  if (tulis(P, &P->reg, FS, MARGIN,
            "Seluruh data yang disimpan e-Kinerja tentang Anda: hasil kerja, bukan ketikan, pelacakan lokasi, atau waktu layar. "
            "Berkas bukti tidak disertakan, hanya keterangannya. Versi JSON berisi data yang sama untuk diolah mesin.") < 0)
    goto fail;
  for (size_t i = 0; i < ekspor_bagian_jumlah; i++)
    if (bagian(P, ekspor_bagian[i].judul, json_object_get(e, ekspor_bagian[i].kunci)) < 0) goto fail;
  if (report_hpdf_take(&P->e, P->doc, out, len) < 0) goto fail;
  rc = 0;
fail:
  report_hpdf_end(&P->e, P->doc, rc);
  free(P);
  return rc;
}
