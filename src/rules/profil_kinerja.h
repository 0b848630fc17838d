/* profil_kinerja.h: the four-dimension performance profile of a pegawai for a year (issue 15
 * part 4): kinerja individu, perilaku kerja, inovasi and kontribusi organisasi, each as a skor
 * 0-100 for a compact bar card with the numbers it was formed from and Indonesian lines that
 * explain how.  Pure: plain values in, exact fractions out (rules/desimal.h), no I/O.
 *
 * The regulation (PermenPANRB 6/2022) rates hasil kerja and perilaku kerja but defines no such
 * profile; every mapping to a skor below is UNCONFIRMED (our reading, stated in the output):
 * - kinerja individu: the mean of min(capaian, 100) (capaian = plain mean of the year-to-date
 *   capaian of the IKI with a numeric target) and the skor of the rating hasil kerja; either
 *   alone when the other is missing;
 * - perilaku kerja: the mean of the skor of the rating perilaku kerja and the 360 mean x 20
 *   (scores 1-5, only rounds with at least the anonymity minimum of answers); either alone;
 * - rating skor: Di Atas Ekspektasi 100, Sesuai Ekspektasi 80, Di Bawah Ekspektasi 50;
 * - inovasi: 50 per validated innovation, at most 100 (two a year fill the bar); 0 when none;
 * - kontribusi organisasi: porsi = RHK traced to a PK indicator / all RHK x 100; skor = porsi x
 *   min(capaian of those indicators, 100) / 100 (the mean over the distinct indicators reached),
 *   or porsi alone while no indicator has a realisasi.  No RHK: no skor. */
#ifndef KINERJA_PROFIL_KINERJA_H
#define KINERJA_PROFIL_KINERJA_H
#include <stdbool.h>
#include <stdint.h>

#include "rules/desimal.h"
#include "rules/predikat.h"

enum profil_dimensi {
  PROFIL_KINERJA_INDIVIDU,
  PROFIL_PERILAKU_KERJA,
  PROFIL_INOVASI,
  PROFIL_KONTRIBUSI_ORGANISASI,
};
#define PROFIL_DIMENSI 4

#define PROFIL_INOVASI_SKOR 50          /* skor per validated innovation */
#define PROFIL_TANPA_RATING (-1)

struct profil_masukan {
  /* kinerja individu */
  int n_iki;                            /* IKI with a year-to-date capaian */
  const struct pecahan *capaian_iki;    /* their capaian, percent */
  int rating_hasil;                     /* enum rating, or PROFIL_TANPA_RATING */
  /* perilaku kerja */
  int rating_perilaku;                  /* enum rating, or PROFIL_TANPA_RATING */
  int64_t skor_360_jumlah, skor_360_n;  /* sum and count of the 360 scores in the rounds shown */
  int64_t responden_360;                /* who answered in those rounds */
  int putaran_360;                      /* rounds shown (at least the minimum answered) */
  int putaran_360_tersembunyi;          /* rounds below the minimum: not counted */
  int minimal_360;                      /* the anonymity minimum (for the explanation) */
  /* inovasi */
  int64_t inovasi;                      /* validated innovations of the year */
  /* kontribusi organisasi */
  int rhk, rhk_tertaut, rhk_iku;        /* RHK of the year; traced to a PK indicator; reaching an IKU */
  int n_indikator;                      /* distinct indicators reached that have a capaian */
  const struct pecahan *capaian_indikator;
};

struct profil_hasil {
  bool ada[PROFIL_DIMENSI];
  struct pecahan skor[PROFIL_DIMENSI];  /* 0..100 */
  bool capaian_ada, skor_360_ada, porsi_ada, capaian_indikator_ada;
  struct pecahan capaian;               /* mean IKI capaian, percent */
  struct pecahan skor_360;              /* mean 360 score, 1..5 */
  struct pecahan porsi;                 /* RHK traced, percent */
  struct pecahan capaian_indikator;     /* mean capaian of the indicators reached, percent */
  struct penjelasan pj[PROFIL_DIMENSI];
};

/* The skor of a rating (100 / 80 / 50); -1 for PROFIL_TANPA_RATING or an unknown value. */
int profil_kinerja_skor_rating(int rating);

/* Fills *out (large: allocate it).  0, or -1 when an input is out of range (negative counts,
 * tertaut > rhk, a 360 score sum outside 1..5 per answer) or arithmetic overflows. */
int profil_kinerja_hitung(const struct profil_masukan *in, struct profil_hasil *out);

/* The unit view: mean of the skor of one dimension over the n pegawai that have one (ada[i]);
 * *jumlah receives how many had one.  0 (with *out), 1 when none had one, -1 on overflow. */
int profil_kinerja_rata(const struct pecahan *skor, const bool *ada, int n, struct pecahan *out, int *jumlah);

/* "kinerja_individu", "perilaku_kerja", "inovasi", "kontribusi_organisasi" and their labels. */
const char *profil_kinerja_kode(enum profil_dimensi d);
const char *profil_kinerja_label(enum profil_dimensi d);
#endif
