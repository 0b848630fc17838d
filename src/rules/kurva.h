/* kurva.h: the pola distribusi check of a unit's predikat kinerja pegawai (PermenPANRB 6/2022).
 *
 * Given the predikat organisasi of a unit and how many of its pegawai got each predikat, every
 * rule of the pola distribusi for that predikat organisasi is checked and each broken one is
 * reported with its numbers.  Percentages are compared exactly by default (count <= 70 % of n is
 * 100 * count <= 70 * n, no floating point).  How small units round is UNCONFIRMED in the
 * regulation, so the caller picks a kurva_pembulatan (per instansi setting; default exact). */
#ifndef KINERJA_KURVA_H
#define KINERJA_KURVA_H
#include <stdbool.h>
#include <stdint.h>

#include "rules/desimal.h"
#include "rules/predikat.h"

enum predikat_organisasi {
  ORGANISASI_ISTIMEWA,
  ORGANISASI_BAIK,
  ORGANISASI_BUTUH_PERBAIKAN,  /* also called Cukup */
  ORGANISASI_KURANG,
  ORGANISASI_SANGAT_KURANG,
};
#define ORGANISASI_JUMLAH 5

/* How a percentage bound becomes a number of pegawai.
 * KURVA_TEPAT: exact fractions (the default): "at most p %" is 100*count <= p*n, "at least p %"
 *   is 100*count >= p*n; the same as rounding a maximum down and a minimum up.
 * KURVA_BAWAH / KURVA_ATAS / KURVA_TERDEKAT: the bound p*n/100 is rounded down / up / to the
 *   nearest whole pegawai (halves up) first, and the count compared with that. */
enum kurva_pembulatan {
  KURVA_TEPAT,
  KURVA_BAWAH,
  KURVA_ATAS,
  KURVA_TERDEKAT,
};
#define KURVA_PEMBULATAN_JUMLAH 4

enum kurva_jenis {
  KURVA_MAKS,        /* at most `persen` % of the unit */
  KURVA_MIN,         /* at least `persen` % of the unit */
  KURVA_MIN_ORANG,   /* at least `orang` pegawai */
};

/* One rule of the pola distribusi: `kelompok` is a bit set of (1u << enum predikat); the rule
 * counts the pegawai whose predikat is in the set. */
struct kurva_aturan {
  enum kurva_jenis jenis;
  unsigned kelompok;
  int persen;      /* KURVA_MAKS, KURVA_MIN */
  int orang;       /* KURVA_MIN_ORANG */
  const char *teks;  /* "paling banyak 70% Baik" */
};

#define KURVA_MAKS_ATURAN 3
#define KURVA_MAKS_PEGAWAI 10000000  /* per predikat; keeps every product far inside int64 */

struct kurva_cek {
  const struct kurva_aturan *aturan;
  int64_t jumlah;           /* pegawai counted by the rule */
  int64_t batas;            /* the bound as whole pegawai under the chosen rounding */
  struct pecahan batas_tepat;  /* persen * n / 100 (or `orang`) before rounding */
  bool patuh;
};

struct kurva_hasil {
  int64_t total;
  bool patuh;
  int n_aturan;
  struct kurva_cek cek[KURVA_MAKS_ATURAN];   /* every rule, in the regulation's order */
  int n_pelanggaran;                         /* how many of cek[] are broken */
  struct penjelasan pj;
};

/* The rules of predikat organisasi `org` (n_out receives how many). */
const struct kurva_aturan *kurva_aturan(enum predikat_organisasi org, int *n_out);

/* Checks counts jumlah[enum predikat] (Sangat Baik .. Sangat Kurang) for a unit with predikat
 * organisasi `org`.  Returns 0 and fills out, or -1 with *pesan (Indonesian, static) when a count
 * is negative or above KURVA_MAKS_PEGAWAI or the unit is empty. */
int kurva_periksa(enum predikat_organisasi org, const int64_t jumlah[PREDIKAT_JUMLAH],
                  enum kurva_pembulatan mode, struct kurva_hasil *out, const char **pesan);

/* "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang". */
const char *kurva_organisasi_label(enum predikat_organisasi o);
/* istimewa, baik, butuh_perbaikan, kurang, sangat_kurang */
const char *kurva_organisasi_kode(enum predikat_organisasi o);
int kurva_organisasi_dari_kode(const char *s, enum predikat_organisasi *out);
/* tepat, bawah, atas, terdekat */
const char *kurva_pembulatan_kode(enum kurva_pembulatan m);
int kurva_pembulatan_dari_kode(const char *s, enum kurva_pembulatan *out);
#endif
