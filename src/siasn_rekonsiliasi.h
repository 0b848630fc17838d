/* siasn_rekonsiliasi.h: what we have against what SIASN has, read-only on our side. */
#ifndef KINERJA_SIASN_REKONSILIASI_H
#define KINERJA_SIASN_REKONSILIASI_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"
#include "siasn_klien.h"

/* Builds the report for `nips` (JSON array; NULL = every active pegawai):
 *   {"pegawai": {"hanya_di_kita": [...], "hanya_di_siasn": [...], "berbeda": [...]},
 *    "unit_kerja": {"hanya_di_kita": [...]},
 *    "penilaian": {"belum_dikirim": [...], "berubah_sejak_dikirim": [...],
 *                  "tidak_ada_di_siasn": [...], "berbeda_di_siasn": [...]},
 *    "catatan": [...], "jumlah_selisih": n}
 * SIASN's annual records are read from /pns/rw-skp22/{nip} for the pegawai whose annual
 * penilaian we sent.  Outside a transaction (exchanges are logged).  Returns 0 with *laporan
 * (owned), 1 when not configured / SIASN failed (err says what and what to do), -1 db error. */
int siasn_rekonsiliasi(struct db *db, int64_t instansi_id, json_t *nips, const char *berkas_rahasia,
                       json_t **laporan, char *err, size_t n);
#endif
