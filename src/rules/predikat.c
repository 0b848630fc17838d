/* predikat.c: the predikat matrix of PermenPANRB 6/2022 (see predikat.h). */
#include "rules/predikat.h"

#include <string.h>

/* PermenPANRB 6/2022, Lampiran: matriks predikat kinerja pegawai.
 * Rows: rating hasil kerja; columns: rating perilaku kerja (both indexed by enum rating). */
static const enum predikat MATRIKS[RATING_JUMLAH][RATING_JUMLAH] = {
  /* hasil Di Bawah */ [RATING_DI_BAWAH] = {
    [RATING_DI_BAWAH] = PREDIKAT_SANGAT_KURANG,
    [RATING_SESUAI] = PREDIKAT_BUTUH_PERBAIKAN,
    [RATING_DI_ATAS] = PREDIKAT_BUTUH_PERBAIKAN,
  },
  /* hasil Sesuai */ [RATING_SESUAI] = {
    [RATING_DI_BAWAH] = PREDIKAT_KURANG,
    [RATING_SESUAI] = PREDIKAT_BAIK,
    [RATING_DI_ATAS] = PREDIKAT_BAIK,
  },
  /* hasil Di Atas */ [RATING_DI_ATAS] = {
    [RATING_DI_BAWAH] = PREDIKAT_KURANG,
    [RATING_SESUAI] = PREDIKAT_BAIK,
    [RATING_DI_ATAS] = PREDIKAT_SANGAT_BAIK,
  },
};

static const char *const PREDIKAT[PREDIKAT_JUMLAH][2] = {
  {"sangat_baik", "Sangat Baik"},
  {"baik", "Baik"},
  {"butuh_perbaikan", "Butuh Perbaikan"},
  {"kurang", "Kurang/Misconduct"},
  {"sangat_kurang", "Sangat Kurang"},
};

static const char *const RATING[RATING_JUMLAH][2] = {
  {"di_bawah", "Di Bawah Ekspektasi"},
  {"sesuai", "Sesuai Ekspektasi"},
  {"di_atas", "Di Atas Ekspektasi"},
};

enum predikat predikat_from_ratings(enum rating hasil, enum rating perilaku, struct penjelasan *pj)
{
  enum predikat p = MATRIKS[hasil][perilaku];
  if (pj) {
    penjelasan_tambah(pj, "Masukan: rating hasil kerja %s, rating perilaku kerja %s.", rating_label(hasil),
                      rating_label(perilaku));
    penjelasan_tambah(pj, "Aturan: matriks predikat kinerja pegawai, baris hasil kerja %s dan kolom perilaku kerja %s, "
                      "menghasilkan predikat %s.", rating_label(hasil), rating_label(perilaku), predikat_label(p));
    penjelasan_tambah(pj, "Dasar: PermenPANRB Nomor 6 Tahun 2022, Lampiran (matriks rating hasil kerja dan rating "
                      "perilaku kerja).");
  }
  return p;
}

const char *predikat_label(enum predikat p) { return (unsigned)p < PREDIKAT_JUMLAH ? PREDIKAT[p][1] : ""; }
const char *predikat_kode(enum predikat p) { return (unsigned)p < PREDIKAT_JUMLAH ? PREDIKAT[p][0] : ""; }

int predikat_dari_kode(const char *s, enum predikat *out)
{
  for (int i = 0; s && i < PREDIKAT_JUMLAH; i++)
    if (strcmp(s, PREDIKAT[i][0]) == 0) { *out = (enum predikat)i; return 0; }
  return -1;
}

const char *rating_label(enum rating r) { return (unsigned)r < RATING_JUMLAH ? RATING[r][1] : ""; }
const char *rating_kode(enum rating r) { return (unsigned)r < RATING_JUMLAH ? RATING[r][0] : ""; }

int rating_dari_kode(const char *s, enum rating *out)
{
  for (int i = 0; s && i < RATING_JUMLAH; i++)
    if (strcmp(s, RATING[i][0]) == 0) { *out = (enum rating)i; return 0; }
  return -1;
}
