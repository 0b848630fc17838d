/* webhook_peristiwa.h: the payload ("data") of each webhook event, built from the stored row
 * and queued with webhook_antri() inside the caller's transaction.  Each is the one-line hook
 * the action calls after its own change; when no webhook of the instansi listens, it costs one
 * indexed lookup and builds nothing.  0, or -1 on a database error (the action then fails,
 * like any other write in its transaction).
 *
 * Personal data is kept to what HRIS/e-Office needs to match records: ids, NIP and name
 * (without titles).  No ratings of other people, no amounts per pegawai; a receiver that needs
 * more reads it through the API with a token.  Fields are listed in docs/webhook.md. */
#ifndef KINERJA_WEBHOOK_PERISTIWA_H
#define KINERJA_WEBHOOK_PERISTIWA_H
#include <stdint.h>
#include "db/db.h"

/* skp.disetujui: {skp_id, revisi, tahun, periode_id, mulai, selesai, jenis, pendekatan,
 * disetujui, pegawai {id, nip, nama}, penilai {id, nip, nama} | null} */
int webhook_skp_disetujui(struct db *db, int64_t instansi_id, int64_t skp_id);
/* penilaian.final: {penilaian_id, skp_id, jenis, periode_ke, mulai, selesai, rating_hasil,
 * rating_perilaku, predikat, hash, difinalkan, pegawai {..}, penilai {..}} */
int webhook_penilaian_final(struct db *db, int64_t instansi_id, int64_t penilaian_id);
/* tpp.bulan_disetujui: {tpp_bulan_id, tahun, bulan, aturan_id, pegawai (count), jumlah
 * (rupiah, total), hash, disetujui} */
int webhook_tpp_bulan_disetujui(struct db *db, int64_t instansi_id, int64_t bulan_id);
#endif
