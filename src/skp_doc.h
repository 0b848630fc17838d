/* skp_doc.h: the Dokumen SKP as plain data, ready to print (PermenPANRB 6/2022 layout).
 *
 * skp.c fills it from the database (skp_doc_load); report_skp_pdf.c and report_skp_xlsx.c
 * render it without touching the database.  All strings are UTF-8 and borrowed: they stay
 * owned by whoever filled the struct (skp_doc_free releases what skp_doc_load allocated).
 */
#ifndef KINERJA_SKP_DOC_H
#define KINERJA_SKP_DOC_H
#include <stddef.h>

struct skp_doc_orang {
  const char *nama;        /* nama lengkap with gelar, e.g. "Dr. Dewi Lestari, S.Kom., M.T." */
  const char *nip;         /* 18 digits */
  const char *pangkat;     /* "Penata Tk. I (III/d)", or the PPPK golongan "IX"; "" when unknown */
  const char *jabatan;
  const char *unit;        /* unit kerja */
};

struct skp_doc_iki {
  const char *aspek;       /* "Kuantitas" | "Kualitas" | "Waktu" | "Biaya"; "" for kualitatif */
  const char *indikator;   /* the IKI text */
  const char *target;      /* formatted: "12 laporan", "100 %", or a statement (kualitatif) */
};

struct skp_doc_rhk {
  const char *kelompok;    /* "utama" | "tambahan" */
  const char *rhk_atasan;  /* RHK atasan yang diintervensi ("" for none / JPT form) */
  const char *rhk;
  const char *perspektif;  /* JPT form: "Penerima Layanan" ...; "" otherwise */
  int bobot;               /* percent, -1 when not set */
  const char *catatan;     /* the penilai's note on a returned row, "" when none (not printed) */
  const struct skp_doc_iki *iki;
  size_t niki;             /* >= 1 */
};

struct skp_doc_perilaku {
  const char *nama;        /* "Berorientasi Pelayanan" ... */
  const char *panduan;     /* the panduan perilaku, items separated by "; " */
  const char *ekspektasi;  /* ekspektasi khusus pimpinan; "" when none */
};

struct skp_doc {
  const char *instansi;          /* "Pemerintah Kabupaten Sukamaju" */
  const char *jenis;             /* "ja_jf" (No, RHK atasan, RHK, aspek, IKI, target) | "jpt" (No, RHK, IKI, target, perspektif) */
  const char *pendekatan;        /* "kuantitatif" | "kualitatif" */
  const char *periode_mulai;     /* YYYY-MM-DD */
  const char *periode_selesai;   /* YYYY-MM-DD */
  const char *status;            /* "draft" | "diajukan" | "disetujui" | "dikembalikan" */
  int revisi;                    /* 0 = first version */
  struct skp_doc_orang pegawai;  /* pegawai yang dinilai */
  struct skp_doc_orang penilai;  /* pejabat penilai kinerja; nama NULL when none */
  const struct skp_doc_rhk *rhk; /* utama rows first, then tambahan */
  size_t nrhk;
  struct skp_doc_perilaku perilaku[7];
  const char *lampiran_sumber_daya;   /* "" when empty; may contain newlines */
  const char *lampiran_skema;         /* skema pertanggungjawaban */
  const char *lampiran_konsekuensi;
  const char *tempat;            /* place of signing, e.g. "Sukamaju" */
  const char *tanggal;           /* date of signing YYYY-MM-DD (approval date, or today for drafts) */
};

/* Renders the PDF (A4 portrait, Indonesian) into a malloc'd buffer: *out (caller frees), *len.
 * Returns 0, or -1 with an Indonesian message in err. */
int skp_pdf_render(const struct skp_doc *d, unsigned char **out, size_t *len, char *err, size_t errlen);
/* The same content as an XLSX workbook (sheets: SKP, Perilaku, Lampiran). */
int skp_xlsx_render(const struct skp_doc *d, unsigned char **out, size_t *len, char *err, size_t errlen);
#endif
