/* panduan_pdf.h: the user guide (docs/panduan/, one Markdown page per role with the screenshots
 * the browser tests take) as one printable PDF (issue 14 part 3). */
#ifndef KINERJA_PANDUAN_PDF_H
#define KINERJA_PANDUAN_PDF_H
#include <stddef.h>

/* The pages of the guide in print order, file names below the guide's directory; NULL-terminated. */
extern const char *const panduan_halaman[];

/* Builds the PDF from the pages in dir (e.g. "web/docs/panduan"): a cover with the contents,
 * then every page from a new sheet, its pictures (dir/gambar/x.png) embedded.  On success *out
 * (malloc'd, the caller frees) holds len bytes.  Returns 0; 1 when a page or a picture is
 * missing (err names it); -1 on another failure (err says why). */
int panduan_pdf(const char *dir, unsigned char **out, size_t *len, char *err, size_t errlen);

/* The same, served from a copy kept in memory while no page or picture of dir changed (size and
 * modification time of every file of dir and dir/gambar): building takes about a second, mostly
 * libharu compressing the pictures again.  *out is a fresh malloc'd copy either way.  Safe in
 * several threads at once (one mutex around the copy, none around the building). */
int panduan_pdf_tersimpan(const char *dir, unsigned char **out, size_t *len, char *err, size_t errlen);
#endif
