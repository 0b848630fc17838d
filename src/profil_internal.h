/* profil_internal.h: what profil_pegawai.c shares with profil_unit.c (not an interface). */
#ifndef KINERJA_PROFIL_INTERNAL_H
#define KINERJA_PROFIL_INTERNAL_H
#include "profil.h"
#include "rules/profil_kinerja.h"

#define PROFIL_CATATAN \
  "Profil empat dimensi adalah ringkasan pendukung penilaian, bukan pengganti rating pejabat penilai. Skor 0-100 per " \
  "dimensi memakai pemetaan kinerja (BELUM DIKONFIRMASI: tidak diatur dalam PermenPANRB 6/2022): rating Di Atas/Sesuai/" \
  "Di Bawah Ekspektasi = 100/80/50, skor 360 x 20, 50 per inovasi tervalidasi (paling tinggi 100), kontribusi = porsi RHK " \
  "tertaut x capaian indikator yang didukung."

/* A fraction as a JSON decimal string with at most 2 decimals ("91.67"). */
json_t *profil_angka(struct pecahan x);
/* Gathers the inputs of pegawai `pid` (instansi `inst`) for `tahun` and computes *h; *inovasi
 * the validated innovations.  With dimensi, also the four dimension objects (caller owns).
 * 0 or -1. */
int profil_hitung(struct db *db, int64_t pid, int64_t inst, int tahun, struct profil_hasil *h, int64_t *inovasi, json_t **dimensi);
#endif
