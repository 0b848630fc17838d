/* tpp_rincian.h: the explanation of one stored TPP result (tpp_hasil.rincian).  The monthly run
 * stores only the inputs the engine used ("ringkas": the days with their schedule, records and
 * status, the active sanctions, where the predikat came from; ~300 bytes instead of ~2.5 KB of
 * rendered lines), and the explanation is rendered when a result is read, by running the pure
 * engine again on those inputs under the month's rule table (tables are immutable once active,
 * so the lines are the ones the run computed; the recomputed jumlah is checked against the
 * stored one).  Rows stored before (full JSON) are read as they are. */
#ifndef KINERJA_TPP_RINCIAN_H
#define KINERJA_TPP_RINCIAN_H
#include <jansson.h>
#include "db/db.h"
#include "rules/tpp.h"

/* The explanation object {baris, penjelasan, status, asal_predikat}; h NULL for a row that could
 * not be computed (empty lines). */
json_t *tpp_rincian_json(const struct tpp_aturan *a, const struct tpp_masukan *m, const struct tpp_hasil *h, const char *asal);
/* The compact stored form of m (kelas and predikat live in their own columns); malloc'd, NULL on
 * error. */
char *tpp_rincian_ringkas(const struct tpp_masukan *m, const char *asal);
/* The explanation of a stored row: `teks` is tpp_hasil.rincian; kelas and predikat are the row's
 * columns, jumlah its stored amount.  Never NULL unless out of memory (an empty object when the
 * stored text cannot be read back). */
json_t *tpp_rincian_muat(struct db *db, int64_t bulan_id, const char *teks, int kelas, const char *predikat, int64_t jumlah);
#endif
