/* siasn_tarik.h: a pull from SIASN as a stored preview (siasn_tarikan, siasn_perubahan) that
 * an admin applies with siasn_terapkan().  A pull never changes our organisation. */
#ifndef KINERJA_SIASN_TARIK_H
#define KINERJA_SIASN_TARIK_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"
#include "siasn_klien.h"

/* Pulls what SIASN has for `nips` (JSON array of NIP strings; NULL = every active pegawai)
 * and stores the preview; older previews of the instansi become 'usang'.  Must run outside a
 * transaction (the exchanges are logged as they happen).  Returns 0 with *tarikan_id set:
 * *hasil SIASN_OK (status pratinjau) or the failure (status gagal; err says why and what to
 * do; nothing to apply).  1: SIASN not configured or secrets unreadable (err; no batch).
 * -1: database error. */
int siasn_tarik(struct db *db, int64_t instansi_id, json_t *nips, const char *berkas_rahasia,
                int64_t pengguna_id, int64_t *tarikan_id, enum siasn_hasil *hasil, char *err, size_t n);

/* The batch with its changes (atasan changes listed again on their own), NULL when absent or
 * on error.  *instansi_out receives its instansi. */
json_t *siasn_tarikan_json(struct db *db, int64_t id, int64_t *instansi_out);
/* The instansi's batches, newest first: {"items": [...]} without the changes. */
json_t *siasn_tarikan_list(struct db *db, int64_t instansi_id, int limit);
#endif
