/* profil_inovasi.c: validated innovations of a pegawai in a year (see profil_inovasi.h), from
 * the innovation register (inovasi_tervalidasi.c): those validated within the year. */
#include "profil_inovasi.h"

#include "inovasi_tervalidasi.h"

json_t *profil_inovasi_tahun(struct db *db, int64_t pegawai_id, int tahun, bool *tersedia)
{
  *tersedia = true;
  return inovasi_tervalidasi_tahun(db, pegawai_id, tahun);
}
