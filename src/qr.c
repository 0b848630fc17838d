/* qr.c: QR codes as SVG (see qr.h).  One <path> of unit squares keeps the file small. */
#include "qr.h"

#include <png.h>
#include <qrencode.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

char *qr_svg(const char *text, size_t *len)
{
  QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!q) return NULL;
  const int quiet = 4, w = q->width, size = w + 2 * quiet;
  struct buf b;
  buf_init(&b, 1 << 20);
  buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">"
                 "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", size, size, size, size);
  for (int y = 0; y < w; y++)
    for (int x = 0; x < w; x++)
      if (q->data[y * w + x] & 1) buf_printf(&b, "M%d %dh1v1h-1z", x + quiet, y + quiet);
  buf_puts(&b, "\"/></svg>");
  QRcode_free(q);
  if (!b.data) return NULL;
  *len = b.len;
  return buf_steal(&b);
}

struct png_mem { unsigned char *data; size_t len, cap; int gagal; };

static void tulis(png_structp p, png_bytep data, png_size_t n)
{
  struct png_mem *m = png_get_io_ptr(p);
  if (m->gagal) return;
  if (m->len + n > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 4096;
    while (cap < m->len + n) cap *= 2;
    unsigned char *d = realloc(m->data, cap);
    if (!d) { m->gagal = 1; return; }
    m->data = d;
    m->cap = cap;
  }
  memcpy(m->data + m->len, data, n);
  m->len += n;
}

static void bilas(png_structp p) { (void)p; }

unsigned char *qr_png(const char *text, int skala, size_t *len)
{
  if (skala < 1 || skala > 20) return NULL;
  QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!q) return NULL;
  const int quiet = 4, w = q->width, px = (w + 2 * quiet) * skala;
  struct png_mem m = {0};
  unsigned char *row = malloc((size_t)px);
  png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = p ? png_create_info_struct(p) : NULL;
  if (!row || !p || !info) goto fail;
  if (setjmp(png_jmpbuf(p))) goto fail;   /* libpng reports errors by longjmp */
  png_set_write_fn(p, &m, tulis, bilas);
  png_set_IHDR(p, info, (png_uint_32)px, (png_uint_32)px, 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(p, info);
  for (int y = 0; y < px; y++) {
    int my = y / skala - quiet;
    for (int x = 0; x < px; x++) {
      int mx = x / skala - quiet;
      bool hitam = mx >= 0 && my >= 0 && mx < w && my < w && (q->data[my * w + mx] & 1);
      row[x] = hitam ? 0 : 255;
    }
    png_write_row(p, row);
  }
  png_write_end(p, NULL);
  png_destroy_write_struct(&p, &info);
  free(row);
  QRcode_free(q);
  if (m.gagal) { free(m.data); return NULL; }
  *len = m.len;
  return m.data;
fail:
  if (p) png_destroy_write_struct(&p, info ? &info : NULL);
  free(row);
  free(m.data);
  QRcode_free(q);
  return NULL;
}
