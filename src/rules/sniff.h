/* sniff.h: the type of an evidence file (bukti dukung), from its bytes alone.
 *
 * The name and the Content-Type a client sends are never trusted: a file is PDF, JPEG, PNG,
 * WebP, DOCX or XLSX because its first bytes say so (magic numbers), and DOCX/XLSX because
 * the ZIP's entry names include `[Content_Types].xml` and `word/...` or `xl/...`.  Anything
 * else (programs, HTML, plain text, other archives, macro-enabled Office files) is refused
 * with an Indonesian reason.  Pure: no I/O, no allocation.
 */
#ifndef KINERJA_SNIFF_H
#define KINERJA_SNIFF_H
#include <stddef.h>

enum sniff_jenis {
  SNIFF_TOLAK = 0,   /* refused; see sniff_hasil.alasan */
  SNIFF_PDF,
  SNIFF_JPEG,
  SNIFF_PNG,
  SNIFF_WEBP,
  SNIFF_DOCX,
  SNIFF_XLSX,
};

struct sniff_hasil {
  enum sniff_jenis jenis;
  const char *mime;     /* media type to serve it with; NULL when refused */
  const char *ext;      /* canonical extension without the dot ("pdf"); NULL when refused */
  const char *alasan;   /* Indonesian reason when refused; NULL when accepted */
};

/* Sniffs `len` bytes of `data` (the whole file: a ZIP is read from its central directory at
 * the end, or else by walking local headers from the start).  Static strings in the result. */
struct sniff_hasil sniff(const void *data, size_t len);
/* Canonical extension and media type of an accepted type (NULL for SNIFF_TOLAK). */
const char *sniff_ext(enum sniff_jenis j);
const char *sniff_mime(enum sniff_jenis j);
/* True when `ext` (without the dot, any case) is an accepted spelling for type j
 * ("jpg" and "jpeg" for JPEG). */
int sniff_ext_cocok(enum sniff_jenis j, const char *ext, size_t n);
/* Human list of the accepted types, for messages. */
#define SNIFF_DAFTAR "PDF, JPEG, PNG, WebP, DOCX atau XLSX"
#endif
