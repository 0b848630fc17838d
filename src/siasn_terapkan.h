/* siasn_terapkan.h: applying a pull preview to our organisation, all or nothing. */
#ifndef KINERJA_SIASN_TERAPKAN_H
#define KINERJA_SIASN_TERAPKAN_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

/* Applies batch `id` of instansi `inst` inside the caller's write transaction, with the
 * existing domain functions (pegawai_insert/update/mutasi, unit_kerja_save, jabatan_save, all
 * audited) plus one 'siasn.terapkan' audit record.  Units and jabatan SIASN names that we do
 * not have are created; atasan changes are applied top-down so that no step makes a transient
 * cycle.  Refused (3, with *http and pesan) when the batch is not a preview (409), when its
 * atasan changes would make a cycle (422), or when one of its pegawai changed since the
 * preview (409: pull again).  Returns 0 (*hasil: counts, owned), 1 field errors (*errs, each
 * field prefixed with the NIP), 2 not found, 3 refused, -1 database error.  On anything but 0
 * the caller rolls back: nothing is applied. */
int siasn_terapkan(struct db *db, int64_t id, int64_t inst, const struct audit_actor *who, json_t **errs,
                   int *http, char *pesan, size_t n, json_t **hasil);
#endif
