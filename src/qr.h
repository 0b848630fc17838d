/* qr.h: QR codes (libqrencode) as SVG, for the public feedback links printed at service desks. */
#ifndef KINERJA_QR_H
#define KINERJA_QR_H
#include <stddef.h>

/* An SVG image of the QR code of `text` (error correction M, 4-module quiet zone).  Returns a
 * malloc'd NUL-terminated string (caller frees) and its length, or NULL. */
char *qr_svg(const char *text, size_t *len);
/* The same as a PNG (black on white, `skala` pixels per module, 1-20).  malloc'd bytes (caller
 * frees) and their length, or NULL. */
unsigned char *qr_png(const char *text, int skala, size_t *len);
#endif
