/* akses_jejak.c: marking the pegawai a request read (see akses_jejak.h). */
#include "auth/akses_jejak.h"
#include "auth/principal.h"

void akses_jejak_tandai(const struct principal *who, int64_t pegawai_id)
{
  struct akses_jejak *j = who->jejak;
  if (!j || pegawai_id <= 0 || pegawai_id == who->pegawai_id) return;
  for (int i = 0; i < j->n; i++)
    if (j->pegawai[i] == pegawai_id) return;
  if (j->n < AKSES_JEJAK_MAX) j->pegawai[j->n++] = pegawai_id;
}
