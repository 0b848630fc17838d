/* inovasi_tervalidasi.h: "the validated innovations of pegawai X in year Y", the one query the
 * penilaian screen, the PP 30/2019 calculator, recognition and the four-dimension profile read.
 *
 * An innovation counts for the year of its validation (inovasi.tahun once status is
 * divalidasi; tanggal_validasi is the WIB date of that validation).  Whether an innovation
 * validated early in January should count for the previous year's annual penilaian is
 * UNCONFIRMED: it counts for the year it was validated in. */
#ifndef KINERJA_INOVASI_TERVALIDASI_H
#define KINERJA_INOVASI_TERVALIDASI_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"

/* How many innovations of pegawai_id were validated in year tahun; -1 on a database error. */
int64_t inovasi_tervalidasi_jumlah(struct db *db, int64_t pegawai_id, int tahun);

/* Those validated from dari to sampai ('YYYY-MM-DD', both inclusive), newest first, as a JSON
 * array (new reference) of {id, judul, layanan, tahap, tahap_label, tanggal_validasi,
 * validator, dampak{indikator, sebelum, sesudah, satuan}|null}; NULL on a database error. */
json_t *inovasi_tervalidasi_rentang(struct db *db, int64_t pegawai_id, const char *dari, const char *sampai);

/* The same for a whole year. */
json_t *inovasi_tervalidasi_tahun(struct db *db, int64_t pegawai_id, int tahun);
#endif
