/* pp30.h: the numeric policy of PP 30/2019 Pasal 41, for instansi still scoring with it.
 *
 * nilai kinerja = 70 % nilai SKP + 30 % perilaku kerja, or 60 % + 40 % when perilaku is assessed
 * 360° (peers and bawahan).  Predikat: Sangat Baik 110-120 and the pegawai created a new idea or
 * way useful to the organisation (inovasi), else Baik 90-120; Cukup 70-<90; Kurang and Sangat
 * Kurang split at 50, a bound that is UNCONFIRMED and therefore a parameter (batas_sangat_kurang,
 * default 50).  Bands are compared on the exact value; display rounds to 2 decimals. */
#ifndef KINERJA_PP30_H
#define KINERJA_PP30_H
#include <stdbool.h>

#include "rules/desimal.h"

enum pp30_predikat {
  PP30_SANGAT_BAIK,
  PP30_BAIK,
  PP30_CUKUP,
  PP30_KURANG,
  PP30_SANGAT_KURANG,
};

struct pp30_masukan {
  struct pecahan skp;        /* nilai SKP, 0..120 */
  struct pecahan perilaku;   /* nilai perilaku kerja, 0..120 */
  bool penilaian_360;        /* weights 60/40 instead of 70/30 */
  bool inovasi;              /* the pegawai created a useful new idea/way (needed for Sangat Baik) */
  struct pecahan batas_sangat_kurang;  /* below this: Sangat Kurang; from it up to <70: Kurang */
};

struct pp30_hasil {
  int bobot_skp, bobot_perilaku;   /* percent */
  struct pecahan nilai;            /* exact */
  enum pp30_predikat predikat;
  struct penjelasan pj;
};

/* Fills m with the defaults: zeros, no 360°, no inovasi, batas_sangat_kurang 50. */
void pp30_bawaan(struct pp30_masukan *m);
/* Computes the nilai kinerja and predikat.  0, or -1 with *pesan and *field ("skp", "perilaku",
 * "batas_sangat_kurang") when an input is out of range. */
int pp30_hitung(const struct pp30_masukan *m, struct pp30_hasil *out, const char **pesan, const char **field);
/* "Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang" */
const char *pp30_predikat_label(enum pp30_predikat p);
/* sangat_baik, baik, cukup, kurang, sangat_kurang */
const char *pp30_predikat_kode(enum pp30_predikat p);
#endif
