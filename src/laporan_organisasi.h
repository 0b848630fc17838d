/* laporan_organisasi.h: the rows of the organisation reports (issue 15 part 5): the cascade
 * tree IKU -> unit PK -> pegawai RHK -> bawahan RHK, and the IKU capaian recap per quarter.
 * Each returns an array of rows for report_tabel (the caller owns it; NULL on error) and the
 * instansi's name in `instansi`.  No HTTP; the caller checked access. */
#ifndef KINERJA_LAPORAN_ORGANISASI_H
#define KINERJA_LAPORAN_ORGANISASI_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "auth/principal.h"
#include "db/db.h"

/* Columns: Tingkat, Uraian (indented by depth), Unit kerja, Pegawai, Target, Capaian (%). */
#define LAPORAN_POHON_KOLOM 6
json_t *laporan_org_pohon(struct db *db, int64_t inst, int tahun, const struct principal *who, char *instansi, size_t n);
/* Columns: Kode, IKU, Sasaran strategis, Target, TW I .. TW IV, Tahunan ("realisasi (capaian %)"),
 * Capaian akhir (%), Dasar. */
#define LAPORAN_REKAP_KOLOM 11
json_t *laporan_org_rekap_iku(struct db *db, int64_t inst, int tahun, char *instansi, size_t n);
#endif
