/* predikat.h: the predikat kinerja pegawai from the two ratings (PermenPANRB 6/2022).
 *
 * The pejabat penilai gives a rating hasil kerja and a rating perilaku kerja, each Di Atas,
 * Sesuai or Di Bawah Ekspektasi; the predikat follows from the 3x3 matrix of the regulation's
 * Lampiran.  The predikat values are shared by the curve (kurva.h) and angka kredit
 * (angka_kredit.h); their order is from the highest to the lowest. */
#ifndef KINERJA_PREDIKAT_H
#define KINERJA_PREDIKAT_H
#include "rules/desimal.h"

enum rating {
  RATING_DI_BAWAH,
  RATING_SESUAI,
  RATING_DI_ATAS,
};
#define RATING_JUMLAH 3

enum predikat {
  PREDIKAT_SANGAT_BAIK,
  PREDIKAT_BAIK,
  PREDIKAT_BUTUH_PERBAIKAN,
  PREDIKAT_KURANG,          /* Kurang/Misconduct */
  PREDIKAT_SANGAT_KURANG,
};
#define PREDIKAT_JUMLAH 5

/* The predikat for rating hasil kerja `hasil` and rating perilaku `perilaku`.  When pj is not
 * NULL, appends the inputs, the matrix cell and the article. */
enum predikat predikat_from_ratings(enum rating hasil, enum rating perilaku, struct penjelasan *pj);

/* "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang". */
const char *predikat_label(enum predikat p);
/* sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang (the calculator's input words). */
const char *predikat_kode(enum predikat p);
/* Parses a kode; 0 or -1. */
int predikat_dari_kode(const char *s, enum predikat *out);

/* "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi". */
const char *rating_label(enum rating r);
/* di_atas, sesuai, di_bawah */
const char *rating_kode(enum rating r);
int rating_dari_kode(const char *s, enum rating *out);
#endif
