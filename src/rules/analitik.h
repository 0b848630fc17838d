/* analitik.h: the explainable analytics of the dashboards (issue 8 point 2).  Pure functions;
 * these are our product's own measures (no regulation prescribes them), each says how it was
 * computed.
 *
 * Rater leniency/severity.  Each predikat a penilai gave is scored Sangat Baik 5 .. Sangat Kurang
 * 1.  The penilai's mean is compared with the instansi's mean of all final predikat of the year:
 * z = (mean_penilai - mean_instansi) / (sd_instansi / sqrt(n_penilai)).  Flagged "longgar"
 * (lenient) when z >= z_batas, "ketat" (severe) when z <= -z_batas, and never when the penilai gave
 * fewer than n_min predikat (the sample is too small to say anything).
 *
 * 9-box (talent view).  Kinerja axis from the annual predikat: Sangat Baik tinggi, Baik menengah,
 * Butuh Perbaikan / Kurang / Sangat Kurang rendah; potensi (rendah | menengah | tinggi) is entered
 * by HR.  Box 1 (rendah, rendah) .. box 9 (tinggi, tinggi), numbered kinerja-major: box =
 * 3 x (kinerja - 1) + potensi, each 1..3.
 *
 * Development recommendations.  A training theme of the instansi's catalogue is recommended when
 * (a) a BerAKHLAK value scored below `skor_batas` in the pegawai's 360 (average of at least 3
 * answers) and the theme names that value, (b) an IKI's year-to-date capaian is below
 * `capaian_batas` % and the theme is for hasil kerja, or (c) a keyword of the theme appears in
 * feedback the pegawai received. */
#ifndef KINERJA_RULES_ANALITIK_H
#define KINERJA_RULES_ANALITIK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/predikat.h"

struct kelonggaran_aturan { double z_batas; int64_t n_min; };
#define KELONGGARAN_BAKU {2.0, 10}

struct kelonggaran {
  int64_t n;                /* predikat given by the penilai */
  double rata, rata_instansi, sd_instansi, z;
  bool dinilai;             /* false: sample too small (or no spread in the instansi) */
  int arah;                 /* +1 longgar, -1 ketat, 0 neither */
};

/* Score of a predikat: 5 (Sangat Baik) .. 1 (Sangat Kurang). */
int analitik_skor(enum predikat p);
/* counts[p] of one penilai and of the whole instansi (the penilai's included). */
void analitik_kelonggaran(const int64_t penilai[PREDIKAT_JUMLAH], const int64_t instansi[PREDIKAT_JUMLAH],
                          const struct kelonggaran_aturan *a, struct kelonggaran *out);

enum tingkat { TINGKAT_RENDAH = 1, TINGKAT_MENENGAH = 2, TINGKAT_TINGGI = 3 };
enum tingkat analitik_kinerja_dari_predikat(enum predikat p);
int analitik_kotak(enum tingkat kinerja, enum tingkat potensi);   /* 1..9 */
const char *tingkat_kode(enum tingkat t);                           /* rendah, menengah, tinggi */
int tingkat_dari_kode(const char *s, enum tingkat *out);
/* The name HR uses for each box ("Bintang", "Potensial tinggi", ...). */
const char *analitik_kotak_nama(int kotak);

/* True when `kata` (a keyword of at least 3 characters, ASCII case-insensitive) begins a word of
 * `teks`: "komunikasi" matches "Komunikasi" and "komunikasinya", not "berkomunikasi". */
bool analitik_kata_cocok(const char *teks, const char *kata);
#endif
