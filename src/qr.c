/* qr.c: QR codes as SVG (see qr.h).  One <path> of unit squares keeps the file small. */
#include "qr.h"

#include <qrencode.h>
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
