/* report_pdf.c: font loading and output copying shared by the libharu reports. */
#include "report_pdf.h"

#include <stdlib.h>

HPDF_Font report_pdf_font(HPDF_Doc doc, const char *name, unsigned short w[256])
{
  HPDF_Font f = HPDF_GetFont(doc, name, "WinAnsiEncoding");
  if (!f) return NULL;
  w[0] = 0;
  for (unsigned b = 1; b < 256; b++) {
    HPDF_BYTE c = (HPDF_BYTE)b;
    HPDF_TextWidth tw = HPDF_Font_TextWidth(f, &c, 1);
    w[b] = (unsigned short)(tw.width > 65535 ? 65535 : tw.width);
  }
  return f;
}

const char *report_pdf_ambil(HPDF_Doc doc, unsigned char **out, size_t *len)
{
  if (HPDF_SaveToStream(doc) != HPDF_OK) return "gagal menyimpan PDF";
  HPDF_UINT32 size = HPDF_GetStreamSize(doc);
  if (size == 0) return "PDF kosong";
  unsigned char *buf = malloc(size);
  if (!buf) return "memori tidak cukup";
  HPDF_UINT32 got = size;
  if (HPDF_ResetStream(doc) != HPDF_OK) goto fail;
  HPDF_STATUS st = HPDF_ReadFromStream(doc, buf, &got);
  if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size) goto fail;
  *out = buf;
  *len = size;
  return NULL;
fail:
  free(buf);
  return "gagal membaca PDF";
}
