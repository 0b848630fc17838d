/* demo_tpp.h: the TPP table of the demo (the regional preset with example amounts per kelas
 * jabatan, active from January) and a computed draft month (issue 9). */
#ifndef KINERJA_DEMO_TPP_H
#define KINERJA_DEMO_TPP_H
#include <stdint.h>
#include "db/db.h"

struct demo_tpp_hasil { int64_t pegawai, jumlah; };

/* Inside the caller's write transaction, after the presensi demo; `bulan` is "YYYY-MM". */
int demo_tpp_create(struct db *db, int64_t instansi_id, int tahun, const char *bulan, struct demo_tpp_hasil *h);
#endif
