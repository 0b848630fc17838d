/* dasbor_internal.h: helpers shared by the dashboard files (dasbor_*.c). */
#ifndef KINERJA_DASBOR_INTERNAL_H
#define KINERJA_DASBOR_INTERNAL_H
#include <jansson.h>
#include <stdbool.h>
#include "dasbor.h"
#include "rules/kepatuhan.h"

/* Text of a column, or NULL when it is SQL NULL. */
const char *dasbor_teks(struct db_stmt *st, int col);
/* A JSON string, or null for NULL/"". */
json_t *dasbor_str(const char *s);

/* Holidays of an instansi in a year, to count working days. */
struct dasbor_libur { int n; char (*tgl)[11]; };
int dasbor_libur_muat(struct db *db, int64_t instansi_id, int tahun, struct dasbor_libur *l);
void dasbor_libur_bebas(struct dasbor_libur *l);
/* Working days (Monday-Friday, not a holiday) strictly after `setelah` and strictly before
 * `sebelum` (today is not over yet), at most `batas`. */
int dasbor_hari_kerja_antara(const struct dasbor_libur *l, const char *setelah, const char *sebelum, int batas);

/* Mean year-to-date capaian (pro rata, rules/target.h) of the IKI with a numeric target of an
 * SKP over months 1..bulan, in whole percent rounded half up; -1 when nothing to compute. */
int dasbor_capaian_skp(struct db *db, int64_t skp_id, int bulan);

/* The per-pegawai rows of the team and unit views: pegawai selected by `where` (an SQL
 * condition on alias p with its own parameter ?9), at most `maks` rows sorted by name, each with
 * its numbers and risk signals.  *risiko_n receives how many rows carry a risk signal. */
json_t *dasbor_baris_pegawai(struct db *db, const struct dasbor_waktu *w, int64_t instansi_id, const char *where,
                             int64_t param, int maks, int *risiko_n);
/* Every IKI of the pegawai's SKPs of w->tahun with its monthly realisasi and `tahun_berjalan`
 * (as in dasbor_pegawai); NULL on error. */
json_t *dasbor_capaian_json(struct db *db, int64_t pegawai_id, const struct dasbor_waktu *w);
/* Each unit's own counts of the instansi dashboard kept per unit version (dasbor_unit_angka.c,
 * sql/035): pegawai, approved SKP, logging this week, last month's realisasi, reviews waiting,
 * then the annual predikat counts. */
#define DASBOR_ANGKA_N 10
struct dasbor_angka_kunci { int64_t instansi_id, periode_id; int tahun, bulan_lalu; char senin[11], hari_ini[11]; };
struct dasbor_angka { int64_t unit_id, versi; int64_t angka[DASBOR_ANGKA_N]; };
/* For every row (unit_id and versi filled, sorted by unit_id; versi < 0 never matches) whose
 * unit is kept under key k with the same versi: copies its counts and sets ada[i].  Returns how
 * many were found. */
int dasbor_angka_ambil(const struct dasbor_angka_kunci *k, struct dasbor_angka *baris, int n, bool *ada);
/* Keeps the rows (copied; sorted by unit_id) as the instansi's counts under key k. */
void dasbor_angka_simpan(const struct dasbor_angka_kunci *k, const struct dasbor_angka *baris, int n);
/* dasbor_unit(); with `simpanan` the instansi scope takes the unchanged units' own counts from
 * the kept ones and recounts only the others (what dasbor_unit_teks uses). */
json_t *dasbor_unit_hitung(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun, const char **pesan, bool simpanan);

/* The risk signals of a bitmask as [{kode, label}]. */
json_t *dasbor_risiko_json(unsigned risiko);
#endif
