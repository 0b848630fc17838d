/* ak_ledger.h: the angka kredit ledger of a JF pegawai (issue 6 point 8): every finalised
 * periodic penilaian becomes a period of the formula in rules/angka_kredit.c. */
#ifndef KINERJA_AK_LEDGER_H
#define KINERJA_AK_LEDGER_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"

/* The ledger (tahun 0 = every year).  Returns NULL with *pesan when the pegawai is not in a
 * jabatan fungsional with a known jenjang, or on error (*pesan NULL). */
json_t *ak_ledger(struct db *db, int64_t pegawai_id, int tahun, const char **pesan);
#endif
