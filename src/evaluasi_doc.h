/* evaluasi_doc.h: the Dokumen Evaluasi Kinerja Pegawai as plain data, ready to print (the
 * example forms of PermenPANRB 6/2022; DOMAIN.md "Dokumen Evaluasi Kinerja Pegawai").
 *
 * penilaian.c fills it from the database; report_evaluasi_pdf.c renders it without touching the
 * database.  All strings are UTF-8 and borrowed from whoever filled the struct.
 */
#ifndef KINERJA_EVALUASI_DOC_H
#define KINERJA_EVALUASI_DOC_H
#include <stddef.h>
#include "skp_doc.h"   /* struct skp_doc_orang */

struct evaluasi_doc_rhk {
  const char *kelompok;        /* "utama" | "tambahan" */
  const char *rhk;
  const char *realisasi;       /* "realisasi berdasarkan bukti dukung": e.g. "12 laporan (capaian 100%)", "" when none */
  const char *umpan_balik;     /* "umpan balik berkelanjutan berdasarkan bukti dukung", "" when none */
};

struct evaluasi_doc_perilaku {
  const char *nama;            /* "Berorientasi Pelayanan" ... */
  const char *panduan;         /* items separated by "; " */
  const char *umpan_balik;     /* the penilai's feedback for this value, "" when none */
};

struct evaluasi_doc {
  const char *instansi;
  const char *periode_label;   /* "TRIWULAN I", "TRIWULAN II", ..., "BULAN MARET", "SEMESTER I", or "AKHIR" (tahunan) */
  const char *periode_mulai;   /* YYYY-MM-DD */
  const char *periode_selesai; /* YYYY-MM-DD */
  const char *status;          /* "draft" | "final" (a draft is marked on every page) */
  struct skp_doc_orang pegawai;
  struct skp_doc_orang penilai;         /* pejabat penilai kinerja */
  struct skp_doc_orang atasan_penilai;  /* nama NULL when none */
  const char *predikat_organisasi;      /* "Istimewa" ... "Sangat Kurang", or "" when not set */
  int kurva[5];                /* pegawai per predikat in the unit: Sangat Kurang, Kurang/Misconduct, Butuh Perbaikan, Baik, Sangat Baik (x-axis order of the form) */
  const struct evaluasi_doc_rhk *rhk;
  size_t nrhk;
  const char *rating_hasil;    /* "Di Atas Ekspektasi" | "Sesuai Ekspektasi" | "Di Bawah Ekspektasi" | "" */
  struct evaluasi_doc_perilaku perilaku[7];
  const char *rating_perilaku; /* as rating_hasil */
  const char *predikat;        /* "Sangat Baik" ... "Sangat Kurang" | "" */
  const char *catatan;         /* catatan / rekomendasi, "" when none */
  const char *hash;            /* content hash of a final penilaian (printed small in the footer), "" when none */
  const char *tempat;          /* place of signing */
  const char *tanggal;         /* YYYY-MM-DD */
};

/* Renders the PDF (A4 portrait, Indonesian) into a malloc'd buffer *out (caller frees), *len.
 * Returns 0, or -1 with an Indonesian message in err. */
int evaluasi_pdf_render(const struct evaluasi_doc *d, unsigned char **out, size_t *len, char *err, size_t errlen);
#endif
