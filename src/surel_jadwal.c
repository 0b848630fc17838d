/* surel_jadwal.c: the retry schedule of the email outbox (see surel_jadwal.h).  Growing gaps
 * ride out a mail server that is down for maintenance without hammering it, and a day after
 * the first attempt the row is marked gagal for an admin to look at (GET /api/v1/surel). */
#include "surel_jadwal.h"

int surel_jeda(int percobaan)
{
  static const int jeda[SUREL_PERCOBAAN_MAKS - 1] = {60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600};
  if (percobaan < 1 || percobaan >= SUREL_PERCOBAAN_MAKS) return -1;
  return jeda[percobaan - 1];
}
