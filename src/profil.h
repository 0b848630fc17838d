/* profil.h: the four-dimension performance profile (issue 15 part 4) of a pegawai and of a
 * unit for a year: kinerja individu, perilaku kerja, inovasi and kontribusi organisasi, each
 * with its skor (rules/profil_kinerja.h), its numbers, its sources (ids and screen links) and
 * the Indonesian lines that explain how it was formed.  No HTTP and no access checks. */
#ifndef KINERJA_PROFIL_H
#define KINERJA_PROFIL_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"

/* The pegawai's profile: {tahun, pegawai, dimensi:[4 × {kode, label, skor, ringkas, rincian,
 * penjelasan, sumber}], catatan}.  NULL on error, or with *pesan ("Pegawai") when absent. */
json_t *profil_pegawai(struct db *db, int64_t pegawai_id, int tahun, const char **pesan);

/* The unit's profile: the active pegawai of the unit and every unit below it (at most
 * PROFIL_UNIT_MAKS, by name): per dimension the mean skor over those who have one, the number
 * of validated innovations, and one row per pegawai with its four skor.  NULL on error, or with
 * *pesan ("Unit kerja") when absent. */
#define PROFIL_UNIT_MAKS 300
json_t *profil_unit(struct db *db, int64_t unit_id, int tahun, const char **pesan);
#endif
