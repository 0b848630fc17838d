/* report_ekspor_pdf.h: the pegawai's own data export (ekspor_saya.h) as a PDF: a title page
 * line with the name, NIP and date, then every section with its title, its row count and each
 * row as "field: value" lines (JSON values inside a row, such as a TPP rincian, are printed as
 * compact JSON).  No state outside the arguments; safe in several threads at once. */
#ifndef KINERJA_REPORT_EKSPOR_PDF_H
#define KINERJA_REPORT_EKSPOR_PDF_H
#include <jansson.h>
#include <stddef.h>

#define EKSPOR_PDF_MAKS_HALAMAN 2000

/* Renders `ekspor` into a malloc'd PDF (*out, *len; caller frees).  0, or -1 with an Indonesian
 * message in err (e.g. more than EKSPOR_PDF_MAKS_HALAMAN pages: use the JSON format). */
int report_ekspor_pdf(json_t *ekspor, unsigned char **out, size_t *len, char *err, size_t errlen);
#endif
