/* keberatan.h: appeals against a final penilaian (issue 6 point 6). */
#ifndef KINERJA_KEBERATAN_H
#define KINERJA_KEBERATAN_H
#include <jansson.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

/* The pegawai objects: 0 (*out_id), 1 field errors, 2 not found, 3 refused (*http, *pesan), -1. */
int keberatan_ajukan(struct db *db, int64_t penilaian_id, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                     json_t **errs, int *http, const char **pesan, int64_t *out_id);
/* The atasan of the penilai decides: keputusan "tetap" or "ubah" (with new ratings), alasan. */
int keberatan_putus(struct db *db, int64_t id, int64_t pemutus_id, json_t *body, const struct audit_actor *who,
                    json_t **errs, int *http, const char **pesan);
json_t *keberatan_json(struct db *db, int64_t id);
/* Lists: by pemutus (queue) or by pegawai. */
json_t *keberatan_list(struct db *db, int64_t pemutus_id, int64_t pegawai_id, const char *status);
/* Who is involved: 0, 1 absent, -1 error. */
int keberatan_pihak(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *pemutus_id, int64_t *instansi_id);
#endif
