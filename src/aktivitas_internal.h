/* aktivitas_internal.h: what aktivitas.c shares with aktivitas_teks.c only. */
#ifndef KINERJA_AKTIVITAS_INTERNAL_H
#define KINERJA_AKTIVITAS_INTERNAL_H
#include "aktivitas.h"
#include "db/db.h"

/* One activity's columns (akt_row in aktivitas.c and baris_teks in aktivitas_teks.c read them
 * by position). */
#define AKT_COLS                                                                                                  \
  "a.id, a.pegawai_id, p.nip, p.nama, a.tanggal, a.jam_mulai, a.jam_selesai, a.menit, a.uraian, a.kuantitas,"    \
  " a.satuan, a.lokasi, COALESCE(a.rhk_id, 0), COALESCE(r.rhk, ''), COALESCE(a.rencana_aksi_id, 0), a.status,"   \
  " a.catatan_review, a.direview, a.sumber, a.dibuat, a.diubah, COALESCE(a.penilai_id, 0), COALESCE(a.skp_id, 0)"
#define AKT_FROM " FROM aktivitas a JOIN pegawai p ON p.id = a.pegawai_id LEFT JOIN rhk r ON r.id = a.rhk_id"

/* The list query of aktivitas_list, prepared and bound: limit + 1 rows, newest first; or, with
 * tanpa_urut > 0, at most that many rows in no particular order (the caller sorts them by id,
 * aktivitas_teks.c).  NULL with *bad set for a bad filter, or NULL alone on a database error.
 * Give it back with db_done. */
struct db_stmt *aktivitas_list_siapkan(struct db *db, const struct aktivitas_query *q, const char **bad, int tanpa_urut);
#endif
