/* angka_kredit.h: angka kredit of a pejabat fungsional from predikat kinerja
 * (PermenPANRB 1/2023 Pasal 37, PerBKN 3/2023).
 *
 * For each period:  AK = bulan/12 x persentase(predikat) x koefisien(jenjang),  summed over
 * periods of any length.  Every AK is kept exactly as an integer count of 1/AK_PENYEBUT (the
 * common denominator of 1/12 x 1/100 x 1/100), so nothing is lost before display; shown values
 * are rounded half up to 2 decimals.  Whether each period is rounded before summing is
 * UNCONFIRMED: the caller picks an ak_pembulatan (default: round only the total). */
#ifndef KINERJA_ANGKA_KREDIT_H
#define KINERJA_ANGKA_KREDIT_H
#include <stdbool.h>
#include <stdint.h>

#include "rules/desimal.h"
#include "rules/predikat.h"

enum jenjang {
  JENJANG_PEMULA,
  JENJANG_TERAMPIL,
  JENJANG_MAHIR,
  JENJANG_PENYELIA,
  JENJANG_AHLI_PERTAMA,
  JENJANG_AHLI_MUDA,
  JENJANG_AHLI_MADYA,
  JENJANG_AHLI_UTAMA,
};
#define JENJANG_JUMLAH 8

/* 12 months x 100 % x koefisien in hundredths */
#define AK_PENYEBUT 120000
#define AK_MAKS_PERIODE 40

enum ak_pembulatan {
  AK_BULAT_AKHIR,        /* full precision per period, the total rounded for display (default) */
  AK_BULAT_PER_PERIODE,  /* each period rounded to 2 decimals, the rounded values summed */
};

/* A period of months, both ends inclusive, with the predikat given for it. */
struct ak_periode {
  int tahun_dari, bulan_dari;
  int tahun_sampai, bulan_sampai;
  enum predikat predikat;
};

struct ak_rincian {
  int bulan;       /* months in the period */
  int persen;      /* persentase of the predikat */
  int64_t ak;      /* AK of the period in 1/AK_PENYEBUT (rounded to 0.01 under AK_BULAT_PER_PERIODE) */
  int64_t ak_tepat;  /* AK of the period in 1/AK_PENYEBUT, never rounded */
};

struct ak_hasil {
  enum jenjang jenjang;
  int koefisien;          /* per year, in hundredths (12.5 -> 1250) */
  int n;
  struct ak_rincian rincian[AK_MAKS_PERIODE];
  int64_t total;          /* sum of rincian[].ak, in 1/AK_PENYEBUT */
  int64_t total_tampil;   /* total rounded half up, in hundredths (20.83 -> 2083) */
  int kebutuhan_pangkat;  /* AK needed for kenaikan pangkat in this jenjang, whole AK */
  int kebutuhan_jenjang;  /* AK needed for kenaikan jenjang; -1 when the jenjang is the highest */
  int64_t kekurangan_pangkat;  /* still needed, in hundredths rounded up; 0 when reached */
  int64_t kekurangan_jenjang;  /* likewise; -1 when kebutuhan_jenjang is -1 */
  struct penjelasan pj;
};

/* Parses "YYYY-MM:YYYY-MM=predikat" (months inclusive, predikat as predikat_kode).  0, or -1
 * with *pesan (Indonesian, static). */
int ak_periode_parse(const char *s, struct ak_periode *out, const char **pesan);
/* Months in a period (end inclusive); <= 0 when the end precedes the start. */
int ak_periode_bulan(const struct ak_periode *p);

/* Computes the AK of n periods (1..AK_MAKS_PERIODE) for jenjang j.  Returns 0, or -1 with
 * *pesan and *salah (the index of the offending period, or -1) when a period is not a valid
 * range of months, periods overlap, or n is out of range. */
int angka_kredit_hitung(enum jenjang j, const struct ak_periode *p, int n, enum ak_pembulatan mode,
                        struct ak_hasil *out, const char **pesan, int *salah);

/* Persentase of a predikat (Sangat Baik 150 ... Sangat Kurang 25). */
int ak_persentase(enum predikat p);
/* Koefisien per year in hundredths. */
int ak_koefisien(enum jenjang j);
/* "Ahli Pertama" */
const char *jenjang_label(enum jenjang j);
/* ahli_pertama */
const char *jenjang_kode(enum jenjang j);
int jenjang_dari_kode(const char *s, enum jenjang *out);
/* akhir, per_periode */
const char *ak_pembulatan_kode(enum ak_pembulatan m);
int ak_pembulatan_dari_kode(const char *s, enum ak_pembulatan *out);
#endif
