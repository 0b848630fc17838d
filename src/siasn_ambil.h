/* siasn_ambil.h: what SIASN has about our pegawai (data-utama, rw-jabatan) and its unor
 * reference, read tolerantly (siasn_json.h) into one normalised snapshot that the pull preview
 * and the reconciliation compare with our data. */
#ifndef KINERJA_SIASN_AMBIL_H
#define KINERJA_SIASN_AMBIL_H
#include <jansson.h>
#include "siasn_klien.h"

/* Fetches /referensi/unor once, then /pns/data-utama/{nip} and /pns/rw-jabatan/{nip} for each
 * NIP of `nips` (a JSON array of strings; NULL = every active pegawai of the instansi).
 * *snap (owned by the caller) is
 *   {"pns": {nip: {"nip","siasn_id","nama","gelar_depan","gelar_belakang","golongan",
 *                  "jabatan","jenis_jabatan","unor_id","tmt_jabatan"}},
 *    "tidak_ada": [nip, ...],                       -- SIASN answered 404 (logged with advice)
 *    "unor": {id: {"id","nama","induk","pemimpin"}}}
 * Returns SIASN_OK, or the failure that stopped it (transient after retries, malformed JSON,
 * refused, configuration); then err holds SIASN's message and the advice, and *snap is NULL. */
enum siasn_hasil siasn_ambil(struct siasn_sesi *s, json_t *nips, json_t **snap, char *err, size_t n);

/* SIASN's "dd-mm-yyyy" (or ISO "yyyy-mm-dd...") as YYYY-MM-DD into out[11]; 0, or -1 when not a date. */
int siasn_tanggal(const char *s, char out[11]);
#endif
