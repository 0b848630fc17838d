/* masukan.h: feedback from the public served (masyarakat) per unit or pegawai (issue 6 point 7):
 * a public code (in a link and a QR code), the anonymous form's answers (one per device per
 * day, rate-limited per client) and the aggregate shown to the atasan. */
#ifndef KINERJA_MASUKAN_H
#define KINERJA_MASUKAN_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"

#define MASUKAN_PER_JAM 20   /* answers per client address per hour */

/* The code of a unit or pegawai, created on first use.  0 or -1. */
int masukan_kode(struct db *db, int64_t instansi_id, const char *target, int64_t target_id, char kode[33]);
/* What the public form shows: {target, nama, instansi}; NULL when the code is unknown. */
json_t *masukan_info(struct db *db, const char *kode);
/* Stores an answer.  0, 1 field errors, 2 unknown code, 3 refused (*http 409/429), -1. */
int masukan_simpan(struct db *db, const char *kode, json_t *body, const char *klien, json_t **errs, int *http, const char **pesan);
/* The aggregate for the atasan: count, mean, per score, the latest comments. */
json_t *masukan_ringkasan(struct db *db, const char *kode);
#endif
