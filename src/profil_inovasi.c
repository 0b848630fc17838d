/* profil_inovasi.c: validated innovations of a pegawai in a year (see profil_inovasi.h).
 * The innovation register is being built on another branch; until it lands this answers an
 * empty list and says the register is not available. */
#include "profil_inovasi.h"

json_t *profil_inovasi_tahun(struct db *db, int64_t pegawai_id, int tahun, bool *tersedia)
{
  (void)db;
  (void)pegawai_id;
  (void)tahun;
  *tersedia = false;
  return json_array();
}
