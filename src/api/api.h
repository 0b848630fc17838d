/* api.h: HTTP handlers of /api/v1 (thin: parse, check access, call the domain, reply). */
#ifndef KINERJA_API_H
#define KINERJA_API_H
#include <stddef.h>
#include "http/http.h"

/* the route table (routes.c) */
extern const struct route api_routes[];
extern const size_t api_routes_count;

/* helpers (api_common.c) */
/* Parses ?limit= (default 50, 1..200); replies 422 and returns -1 when invalid. */
int api_limit(struct request *req, int *limit);
/* Parses an optional positive id query parameter; replies 422 and returns -1 when invalid. */
int api_query_id(struct request *req, const char *name, int64_t *out);
/* The instansi a list reads: own, or for superadmin ?instansi_id= (0 = all).  -1 replied. */
int api_list_instansi(struct request *req, int64_t *out);
/* The instansi a create writes to: own; superadmin must name instansi_id in the body. -1 replied. */
int api_write_instansi(struct request *req, int64_t *out);
/* Opens a write transaction on the worker's connection; NULL when replied (503). */
struct db *api_begin(struct request *req);
/* Commits when rc == 0, else rolls back; replies 503 when the commit fails.  Returns rc. */
int api_end(struct request *req, struct db *db, int rc);

int api_healthz(struct request *req);
int api_metrics(struct request *req);

int api_login(struct request *req);
int api_logout(struct request *req);
int api_me(struct request *req);
int api_password(struct request *req);

int api_pegawai_list(struct request *req);
int api_pegawai_get(struct request *req);
int api_pegawai_create(struct request *req);
int api_pegawai_update(struct request *req);
int api_pegawai_mutasi(struct request *req);
int api_pegawai_riwayat(struct request *req);
int api_pegawai_atasan(struct request *req);
int api_pegawai_bawahan(struct request *req);

int api_instansi_list(struct request *req);
int api_instansi_get(struct request *req);
int api_instansi_create(struct request *req);
int api_instansi_update(struct request *req);
int api_unit_list(struct request *req);
int api_unit_get(struct request *req);
int api_unit_create(struct request *req);
int api_unit_update(struct request *req);
int api_jabatan_list(struct request *req);
int api_jabatan_get(struct request *req);
int api_jabatan_create(struct request *req);
int api_jabatan_update(struct request *req);

int api_pengguna_list(struct request *req);
int api_pengguna_create(struct request *req);
int api_pengguna_update(struct request *req);
int api_token_list(struct request *req);
int api_token_create(struct request *req);
int api_token_delete(struct request *req);

int api_audit_list(struct request *req);
int api_audit_verify(struct request *req);

int api_import_pegawai(struct request *req);

int api_periode_list(struct request *req);
int api_periode_create(struct request *req);
int api_periode_update(struct request *req);
int api_skp_list(struct request *req);
int api_skp_create(struct request *req);
int api_skp_get(struct request *req);
int api_skp_update(struct request *req);
int api_skp_rhk_add(struct request *req);
int api_rhk_update(struct request *req);
int api_rhk_delete(struct request *req);
int api_rhk_tugaskan(struct request *req);
int api_skp_perilaku(struct request *req);
int api_skp_ajukan(struct request *req);
int api_skp_tarik(struct request *req);
int api_skp_setujui(struct request *req);
int api_skp_kembalikan(struct request *req);
int api_skp_revisi(struct request *req);
int api_skp_revisi_list(struct request *req);
int api_skp_diff(struct request *req);
int api_skp_rhk_atasan(struct request *req);
int api_skp_matriks(struct request *req);
int api_skp_penilai(struct request *req);
int api_skp_pdf(struct request *req);
int api_skp_xlsx(struct request *req);
int api_skp_status(struct request *req);
int api_templat_list(struct request *req);
int api_templat_create(struct request *req);
int api_templat_delete(struct request *req);

int api_aktivitas_list(struct request *req);
int api_aktivitas_get(struct request *req);
int api_aktivitas_sering(struct request *req);
int api_aktivitas_create(struct request *req);
int api_aktivitas_batch(struct request *req);
int api_aktivitas_salin(struct request *req);
int api_aktivitas_update(struct request *req);
int api_aktivitas_delete(struct request *req);
int api_aktivitas_setujui(struct request *req);
int api_aktivitas_kembalikan(struct request *req);
int api_aktivitas_review(struct request *req);
int api_rencana_aksi_list(struct request *req);
int api_rencana_aksi_create(struct request *req);
int api_rencana_aksi_update(struct request *req);
int api_rencana_aksi_delete(struct request *req);
int api_pengaturan_get(struct request *req);
int api_pengaturan_update(struct request *req);
int api_hari_libur_list(struct request *req);
int api_hari_libur_create(struct request *req);
int api_hari_libur_delete(struct request *req);
int api_notifikasi_list(struct request *req);
int api_notifikasi_baca(struct request *req);
int api_kepatuhan(struct request *req);
int api_realisasi_bulan(struct request *req);
int api_realisasi_simpan(struct request *req);
int api_realisasi_ajukan(struct request *req);
int api_realisasi_list(struct request *req);
int api_realisasi_setujui(struct request *req);
int api_realisasi_kembalikan(struct request *req);
int api_umpan_balik_list(struct request *req);
int api_umpan_balik_create(struct request *req);
int api_penilaian_list(struct request *req);
int api_penilaian_buat(struct request *req);
int api_penilaian_get(struct request *req);
int api_penilaian_ubah(struct request *req);
int api_penilaian_final(struct request *req);
int api_predikat_organisasi(struct request *req);
int api_kurva_unit(struct request *req);
int api_angka_kredit(struct request *req);
int api_keberatan_ajukan(struct request *req);
int api_keberatan_list(struct request *req);
int api_keberatan_putus(struct request *req);
int api_360_buka(struct request *req);
int api_360_tugas(struct request *req);
int api_360_daftar(struct request *req);
int api_360_hasil(struct request *req);
int api_360_jawab(struct request *req);
int api_360_tutup(struct request *req);
int api_masukan_unit(struct request *req);
int api_masukan_pegawai(struct request *req);
int api_publik_info(struct request *req);
int api_publik_kirim(struct request *req);
int api_publik_qr(struct request *req);
int api_publik_qr_png(struct request *req);
int api_penilaian_pdf(struct request *req);
/* the email outbox (api_surel.c) */
int api_surel_list(struct request *req);
int api_surel_ulang(struct request *req);
#endif
