/* pp46.h: the older aspect formula of PP 46/2011 and Perka BKN 1/2013, for instansi (mostly
 * regional systems) still scoring with it.
 *
 * Per kegiatan with targets TO/TQ/TW/TB and realisasi RO/RQ/RW/RB:
 *   kuantitas = RO/TO x 100;  kualitas = RQ/TQ x 100;
 *   waktu: e = 100 - RW/TW x 100; if e <= 24 then (1.76 TW - RW)/TW x 100,
 *          else 76 - ((1.76 TW - RW)/TW x 100 - 100);
 *   biaya the same way with TB/RB when the kegiatan has a cost target;
 *   nilai capaian = sum / 3 (or / 4 with biaya).
 * nilai SKP = average of the nilai capaian; prestasi kerja = 60 % nilai SKP + 40 % perilaku.
 * Sebutan: Sangat Baik 91 ke atas, Baik 76-90, Cukup 61-75, Kurang 51-60, Buruk 50 ke bawah;
 * values between the printed bands (e.g. 90.5) take the higher band only above its printed upper
 * bound of the lower one: > 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, else Buruk.
 * All arithmetic is exact; bands compare the exact value; display rounds to 2 decimals. */
#ifndef KINERJA_PP46_H
#define KINERJA_PP46_H
#include <stdbool.h>

#include "rules/desimal.h"

#define PP46_MAKS_KEGIATAN 40

enum pp46_sebutan {
  PP46_SANGAT_BAIK,
  PP46_BAIK,
  PP46_CUKUP,
  PP46_KURANG,
  PP46_BURUK,
};

struct pp46_kegiatan {
  struct pecahan to, tq, tw, tb;   /* targets: kuantitas, kualitas, waktu (months), biaya */
  struct pecahan ro, rq, rw, rb;   /* realisasi */
  bool ada_biaya;                  /* tb/rb are used */
};

struct pp46_nilai {
  struct pecahan kuantitas, kualitas, waktu, biaya;  /* biaya only when ada_biaya */
  struct pecahan capaian;
  bool ada_biaya;
};

struct pp46_hasil {
  int n;
  struct pp46_nilai kegiatan[PP46_MAKS_KEGIATAN];
  struct pecahan nilai_skp;
  enum pp46_sebutan sebutan_skp;
  bool ada_perilaku;
  struct pecahan perilaku, prestasi;   /* when ada_perilaku */
  enum pp46_sebutan sebutan_prestasi;  /* when ada_perilaku */
  struct penjelasan pj;
};

/* Parses "TO,TQ,TW[,TB]:RO,RQ,RW[,RB]" (decimals with '.'; both sides with or both without
 * biaya).  0, or -1 with *pesan (Indonesian, static). */
int pp46_kegiatan_parse(const char *s, struct pp46_kegiatan *out, const char **pesan);
/* Checks one kegiatan (targets above zero, values within range); 0 or -1 with *pesan. */
int pp46_kegiatan_periksa(const struct pp46_kegiatan *k, const char **pesan);

/* Computes n kegiatan (1..PP46_MAKS_KEGIATAN) and, when perilaku is not NULL (0..100), the
 * prestasi kerja.  0, or -1 with *pesan and *salah (index of the kegiatan, or -1). */
int pp46_hitung(const struct pp46_kegiatan *k, int n, const struct pecahan *perilaku, struct pp46_hasil *out,
                const char **pesan, int *salah);

/* The sebutan of a value. */
enum pp46_sebutan pp46_sebutan(struct pecahan nilai);
/* "Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk" */
const char *pp46_sebutan_label(enum pp46_sebutan s);
const char *pp46_sebutan_kode(enum pp46_sebutan s);
#endif
