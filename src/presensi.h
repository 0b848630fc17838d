/* presensi.h: attendance for tukin/TPP (issue 9 point 1): work schedules per instansi or unit
 * (5- or 6-day weeks, Friday hours, Ramadan hours), the daily check-in/check-out records imported
 * from CSV through a saved column mapping (all or nothing, every bad line reported with its
 * number) or sent through the API, the statuses that are not deductions (cuti, dinas luar, sakit
 * with a letter, tugas belajar) entered by HR, and a pegawai's month as the TPP run will read it.
 * No HTTP.  Writers run in the caller's transaction: 0, 1 field errors (*errs), 2 not found,
 * -1 error. */
#ifndef KINERJA_PRESENSI_H
#define KINERJA_PRESENSI_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "audit.h"
#include "db/db.h"

/* The schedule of one day for a pegawai: kerja false on weekends, holidays and cuti bersama
 * (hari_libur); masuk/pulang "HH:MM". */
struct jadwal_hari { bool kerja; char masuk[6], pulang[6]; char libur[128]; };
int presensi_jadwal_hari(struct db *db, int64_t pegawai_id, const char *tanggal, struct jadwal_hari *out);
/* Every day of a month for a unit (unit_id 0: the instansi default) in one go: *n days. */
int presensi_jadwal_bulan(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun, int bulan, struct jadwal_hari hari[31], int *n);
/* A pegawai's shift roster laid over the month's days (hours of a rostered day, or a day off). */
int presensi_shift_terapkan(struct db *db, int64_t pegawai_id, int tahun, int bulan, struct jadwal_hari hari[31], int n);
/* Roster days: {items: [{nip, tanggal, masuk, pulang} | {nip, tanggal, libur: true}]}, 1-1000, all or
 * nothing (errors "items[N].field"); *n_out days stored. */
int presensi_shift_simpan(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who, json_t **errs, int *n_out);

/* The schedule in force for an instansi (unit_id 0) or a unit: JSON, or the default. */
json_t *jadwal_json(struct db *db, int64_t instansi_id, int64_t unit_id);
int jadwal_simpan(struct db *db, int64_t instansi_id, int64_t unit_id, json_t *body, const struct audit_actor *who, json_t **errs);

/* Import sources (column mappings). */
json_t *presensi_sumber_list(struct db *db, int64_t instansi_id);
int presensi_sumber_simpan(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who, json_t **errs,
                           int64_t *out_id);

/* Imports a CSV with the mapping of source `sumber_id`: every line checked first (unknown NIP,
 * another instansi's NIP, bad date or time, check-out before check-in, a date twice); with any
 * error nothing is stored and *errs lists up to 100 of them with line numbers (field
 * "baris[N].kolom").  Otherwise every row is upserted by (pegawai, date).  *hasil gets
 * {baris, disimpan, pegawai, dari, sampai}.  `uji`: a dry run, checked only ({baris, disimpan 0, uji}). */
int presensi_impor_csv(struct db *db, int64_t instansi_id, int64_t sumber_id, const char *data, size_t len, bool uji,
                       const struct audit_actor *who, json_t **errs, json_t **hasil);
/* Records sent through the API: {items: [{nip, tanggal, masuk, pulang}]} (at most 1000), same checks. */
int presensi_simpan_json(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who, json_t **errs,
                         json_t **hasil);

/* A status that is not a deduction, for a range of days; refused when it overlaps another. */
int presensi_status_tambah(struct db *db, int64_t instansi_id, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                           int64_t pengguna_id, json_t **errs, int64_t *out_id);
int presensi_status_hapus(struct db *db, int64_t id, int64_t *instansi_id, const struct audit_actor *who);

/* A pegawai's month: every day with its schedule, records, status, minutes late and early. */
json_t *presensi_bulan_json(struct db *db, int64_t pegawai_id, int tahun, int bulan);
#endif
