/* surel_jadwal.h: when a failed email is tried again (pure; no clock, no I/O). */
#ifndef KINERJA_SUREL_JADWAL_H
#define KINERJA_SUREL_JADWAL_H

/* Attempts after which an email is given up (status gagal). */
#define SUREL_PERCOBAAN_MAKS 6

/* Seconds to wait after the `percobaan`-th failed attempt (1-based): 1 min, 5 min, 30 min,
 * 2 h, 12 h; -1 when percobaan >= SUREL_PERCOBAAN_MAKS (give up) or percobaan < 1. */
int surel_jeda(int percobaan);
#endif
