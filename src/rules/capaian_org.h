/* capaian_org.h: capaian kinerja organisasi (issue 15): the capaian of one IKU or PK indicator
 * from its realisasi and target, the capaian of a unit over its indicators, and the suggested
 * predikat organisasi from the instansi's thresholds, each with its explanation.  Pure: plain
 * values in, exact fractions out (rules/desimal.h), no I/O.
 *
 * UNCONFIRMED (the regulation gives no formula or thresholds; SAKIP practice, settings where
 * they can be):
 * - naik (higher is better): capaian = realisasi / target x 100;
 * - turun (lower is better): capaian = (2 x target - realisasi) / target x 100, not below 0
 *   (the "semakin kecil semakin baik" formula of LKjIP practice); realisasi 0 against a target 0
 *   is 100 %, realisasi above a target 0 is 0 %;
 * - a unit's capaian is the plain average of its indicators' capaian (no weights, no cap);
 * - predikat: capaian >= istimewa (110) Istimewa, >= baik (90) Baik, >= butuh_perbaikan (70)
 *   Butuh Perbaikan, >= kurang (50) Kurang, else Sangat Kurang: per instansi thresholds. */
#ifndef KINERJA_CAPAIAN_ORG_H
#define KINERJA_CAPAIAN_ORG_H
#include <stdbool.h>

#include "rules/desimal.h"
#include "rules/kurva.h"

/* Thresholds in percent, from the highest grade down. */
struct ambang_organisasi {
  struct pecahan istimewa, baik, butuh_perbaikan, kurang;
};

/* The defaults (110 / 90 / 70 / 50). */
struct ambang_organisasi capaian_org_ambang_bawaan(void);
/* Parses four threshold texts (decimals, ',' or '.'); 0, or -1 with *salah naming the field
 * ("istimewa", ...) when one is not a number or they are not strictly decreasing. */
int capaian_org_ambang_dari_teks(const char *istimewa, const char *baik, const char *butuh, const char *kurang,
                                 struct ambang_organisasi *out, const char **salah);

/* Capaian (percent, exact) of one indicator.  0, or -1 when the texts are not numbers or the
 * target is 0 for a naik indicator (then nothing can be computed).  Adds one explanation line
 * when pj is not NULL; `nama` names the indicator in it. */
int capaian_org_indikator(const char *realisasi, const char *target, bool turun, const char *nama,
                          struct pecahan *out, struct penjelasan *pj);

/* Average of n capaian (n >= 1); -1 on overflow or n < 1. */
int capaian_org_rata(const struct pecahan *capaian, int n, struct pecahan *out);

/* The suggested predikat organisasi for a unit capaian, with the lines that explain it. */
enum predikat_organisasi capaian_org_predikat(struct pecahan capaian, const struct ambang_organisasi *a,
                                              struct penjelasan *pj);
#endif
