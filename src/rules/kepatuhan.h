/* kepatuhan.h: the compliance score of a unit and the "at risk" signals of a pegawai shown on the
 * dashboards (issue 8).  Pure: counts in, numbers and reasons out, each with its explanation.
 *
 * Compliance of a unit = the mean of three shares, each in whole percent rounded half up:
 *   SKP disetujui / pegawai aktif, pegawai who logged an activity this week / pegawai aktif,
 *   pegawai who filed last month's realisasi / pegawai with an approved SKP.
 * A share whose denominator is zero is left out of the mean (and said so); no share at all
 * gives no score.  These are our product's own measures, not a regulation's. */
#ifndef KINERJA_RULES_KEPATUHAN_H
#define KINERJA_RULES_KEPATUHAN_H
#include <stdbool.h>
#include <stdint.h>
#include "rules/desimal.h"

struct kepatuhan_input {
  int64_t pegawai, skp_disetujui, mencatat_minggu_ini, realisasi_bulan_lalu;
};

struct kepatuhan_hasil {
  bool ada;               /* false when no share could be computed */
  int persen;             /* 0..100 */
  int skp_persen, aktivitas_persen, realisasi_persen;   /* -1 when not computable */
  struct penjelasan pj;
};

/* share n/d in whole percent, half up; -1 when d <= 0 or n out of 0..d */
int kepatuhan_persen(int64_t n, int64_t d);
void kepatuhan_hitung(const struct kepatuhan_input *in, struct kepatuhan_hasil *out);

/* Signals that a pegawai needs attention (shown to their atasan). */
enum risiko {
  RISIKO_SKP_BELUM_DISETUJUI = 1 << 0,
  RISIKO_TIDAK_MENCATAT = 1 << 1,      /* no activity for `hari_kerja_batas` working days or more */
  RISIKO_REALISASI_KOSONG = 1 << 2,    /* last month's realisasi not filed */
  RISIKO_CAPAIAN_RENDAH = 1 << 3,      /* mean capaian of last month below `capaian_batas` percent */
};

struct risiko_input {
  bool skp_disetujui;
  int hari_kerja_tanpa_aktivitas;      /* working days since the last activity (or since the year began) */
  bool realisasi_bulan_lalu;           /* filed (submitted or approved) */
  int capaian_persen;                  /* mean capaian of last month's realisasi, -1 when none */
};

struct risiko_aturan { int hari_kerja_batas, capaian_batas; };
#define RISIKO_ATURAN_BAKU {5, 80}

/* "SKP belum disetujui", ... (one enum risiko bit); "" for anything else. */
const char *risiko_label(unsigned bit);
/* kode for the API: skp_belum_disetujui, tidak_mencatat, realisasi_kosong, capaian_rendah */
const char *risiko_kode(unsigned bit);
/* Bitmask of enum risiko; reasons (Indonesian) appended to pj when not NULL. */
unsigned risiko_nilai(const struct risiko_input *in, const struct risiko_aturan *a, struct penjelasan *pj);
#endif
