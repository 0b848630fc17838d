/* report_piagam_pdf.h: the piagam penghargaan (recognition certificate, issue 14) as a one-page
 * A4 landscape PDF. */
#ifndef KINERJA_REPORT_PIAGAM_PDF_H
#define KINERJA_REPORT_PIAGAM_PDF_H
#include <stddef.h>

struct piagam {
  const char *instansi;      /* "Pemerintah Kabupaten Sukamaju" */
  const char *nomor;         /* "PGH/2026/0001" */
  const char *nama, *nip, *unit_kerja;
  const char *aturan;        /* the recognition, e.g. "Pegawai Berkinerja Sangat Baik Berkelanjutan" */
  const char *alasan;        /* why, as computed at issuance */
  int tahun;
  const char *tanggal;       /* issue date 'YYYY-MM-DD' */
  const char *penerbit_nama, *penerbit_jabatan;
};

/* Renders the piagam; *out is malloc'd (the caller frees).  0, or -1 with an Indonesian err. */
int piagam_pdf_render(const struct piagam *p, unsigned char **out, size_t *len, char *err, size_t errlen);
#endif
