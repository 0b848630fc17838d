/* api_boleh.h: the checks a handler of one pegawai or one unit kerja starts with (may the caller
 * read or administer it?) and the ?tahun= those handlers read.  Each answers the client itself
 * when it says no, so a handler only returns. */
#ifndef KINERJA_API_BOLEH_H
#define KINERJA_API_BOLEH_H
#include <stdint.h>
#include <jansson.h>
#include "auth/rbac.h"
#include "http/http.h"

/* Answers a failed rbac_pegawai result: 404 "Pegawai", 403, or 503 for a database error.
 * Returns 0 for ACCESS_OK (nothing replied), -1 when it replied. */
int api_akses_balas(struct request *req, enum access_result a);
/* May the caller `mode` pegawai `id`?  0 yes (*inst, when not NULL, receives the pegawai's
 * instansi); -1 replied as api_akses_balas.  Rolls nothing back: a caller inside a write
 * transaction rolls back itself. */
int api_pegawai_boleh(struct request *req, struct db *db, int64_t id, enum access_mode mode, int64_t *inst);
/* The pegawai of the route's {id} on the worker's connection, checked for reading: returns the
 * connection (*id set; *inst, when not NULL, their instansi), or NULL when it has replied (404
 * for a bad id, 503, or as api_akses_balas). */
struct db *api_pegawai_baca(struct request *req, int64_t *id, int64_t *inst);
/* As api_pegawai_baca, for what only the instansi's readers (pimpinan, admin, superadmin) see of a
 * pegawai, not the pegawai or their atasan: 403 for them (404 stays 404). */
struct db *api_pegawai_baca_instansi(struct request *req, int64_t *id);
/* The same for changing the pegawai: a write transaction is open on the returned connection
 * (commit or roll back with api_end); on NULL nothing is left open. */
struct db *api_pegawai_ubah(struct request *req, int64_t *id, int64_t *inst);
/* May the caller read unit kerja `unit` (its instansi)?  0 yes (*inst receives the instansi);
 * -1 replied: 404 "Unit kerja" when it does not exist or cannot be read (a database error too,
 * as the dashboards and profiles always answered), 403. */
int api_unit_boleh(struct request *req, struct db *db, int64_t unit, int64_t *inst);
/* The same, answering a database error with 503 (the lists filtered by ?unit_kerja_id=). */
int api_unit_instansi(struct request *req, struct db *db, int64_t unit, int64_t *inst);
/* Does instansi `inst` exist?  0 yes; -1 replied: 404 "Instansi", or 503. */
int api_instansi_ada(struct request *req, struct db *db, int64_t inst);
/* ?tahun= (2000-2100), default the current year in the instansi's timezone; on bad input replies
 * 422 (field tahun) and returns -1. */
int api_tahun(struct request *req, struct db *db, int64_t inst, int *out);
/* Replies with `j` (200, reference stolen); without it 404 naming `pesan` when the domain gave
 * one, else 503. */
int api_balas_json(struct request *req, json_t *j, const char *pesan);
#endif
