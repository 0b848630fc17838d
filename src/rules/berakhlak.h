/* berakhlak.h: the seven BerAKHLAK core values and their panduan perilaku (SE MenPANRB
 * 20/2021), shown in the SKP's Perilaku Kerja and in the evaluation.  Pure data. */
#ifndef KINERJA_BERAKHLAK_H
#define KINERJA_BERAKHLAK_H

#define BERAKHLAK_JUMLAH 7

struct berakhlak {
  int nomor;              /* 1..7 */
  const char *kode;       /* "berorientasi_pelayanan" ... */
  const char *nama;       /* "Berorientasi Pelayanan" ... */
  const char *panduan[3]; /* the three panduan perilaku */
};

extern const struct berakhlak BERAKHLAK[BERAKHLAK_JUMLAH];
#endif
