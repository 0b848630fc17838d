/* siasn_banding.h: comparing a SIASN snapshot (siasn_ambil.h) with our organisation.  Used by
 * the pull preview and by the reconciliation report; reads our data, writes nothing. */
#ifndef KINERJA_SIASN_BANDING_H
#define KINERJA_SIASN_BANDING_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"

/* Compares.  Returns a new object (NULL on database error):
 *   {"perubahan": [{"jenis": "baru"|"berubah"|"tidak_ada", "nip", "pegawai_id"|null,
 *                   "atasan": bool, "isi": {"nip","siasn_id","nama","kolom":[...],
 *                   "sebelum": {...}|null, "sesudah": {...}|null}}],
 *    "siklus": [{"nip": [...], "pesan": "..."}],   -- atasan cycles the changes would create
 *    "catatan": ["..."],                           -- what could not be compared, and why
 *    "unor": {id: {...}}}                          -- SIASN unor rows the changes refer to (with their parents)
 * The atasan in SIASN is the pemimpin of the pegawai's unor (or of the nearest unor above it
 * with a pemimpin other than the pegawai); it is proposed only when that pemimpin is known
 * to us or pulled in the same batch, and never to remove an atasan. */
json_t *siasn_banding(struct db *db, int64_t instansi_id, json_t *snap);
#endif
