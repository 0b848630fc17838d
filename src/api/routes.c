/* routes.c: every route of the server, its capability and its body limit (one table; a test
 * checks each one is in docs/openapi.yaml). */
#include "api/api.h"
#include "api/api_akses.h"
#include "api/api_analitik.h"
#include "api/api_bukti.h"
#include "api/api_dasbor.h"
#include "api/api_dua_faktor.h"
#include "api/api_hitung.h"
#include "api/api_inovasi.h"
#include "api/api_laporan.h"
#include "api/api_latihan.h"
#include "api/api_presensi.h"
#include "api/api_tpp.h"
#include "api/api_tpp_dokumen.h"
#include "api/api_webhook.h"
#include "api/api_oidc.h"
#include "api/api_panduan.h"
#include "api/api_siasn.h"
#include "api/api_organisasi.h"
#include "api/api_profil.h"
#include "http/server_internal.h"

#define ADMIN (PERAN_ADMIN | PERAN_SUPERADMIN)
#define SUPER PERAN_SUPERADMIN
#define LAPOR (PERAN_ADMIN | PERAN_PIMPINAN | PERAN_SUPERADMIN)
#define AUDIT (PERAN_AUDITOR | PERAN_SUPERADMIN)
#define JSON_MAX (64u * 1024u)
#define CSV_MAX (64u * 1024u * 1024u)
#define BATCH_MAX (4u * 1024u * 1024u)   /* 1000 activities */

/* A trailing 1 runs the route on the group-commit writer (http/antre.c): small writes only.
 * The other rows leave that field out (zero), hence the pragma. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
const struct route api_routes[] = {
  {"GET", "/healthz", server_healthz, CAP_PUBLIC, BODY_NONE, 0},
  {"GET", "/metrics", server_metrics, CAP_PUBLIC, BODY_NONE, 0},

  {"POST", "/api/v1/auth/login", api_login, CAP_PUBLIC, BODY_JSON, 4096},
  {"POST", "/api/v1/auth/logout", api_logout, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/auth/me", api_me, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/auth/password", api_password, CAP_USER, BODY_JSON, 4096},

  {"GET", "/api/v1/pegawai", api_pegawai_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/pegawai", api_pegawai_create, ADMIN, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/pegawai/{id}", api_pegawai_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/pegawai/{id}", api_pegawai_update, ADMIN, BODY_JSON, JSON_MAX},
  {"POST", "/api/v1/pegawai/{id}/mutasi", api_pegawai_mutasi, ADMIN, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/pegawai/{id}/riwayat", api_pegawai_riwayat, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/pegawai/{id}/atasan", api_pegawai_atasan, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/pegawai/{id}/bawahan", api_pegawai_bawahan, CAP_USER, BODY_NONE, 0},

  {"GET", "/api/v1/instansi", api_instansi_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/instansi", api_instansi_create, SUPER, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/instansi/{id}", api_instansi_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/instansi/{id}", api_instansi_update, ADMIN, BODY_JSON, JSON_MAX},

  {"GET", "/api/v1/unit-kerja", api_unit_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/unit-kerja", api_unit_create, ADMIN, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/unit-kerja/{id}", api_unit_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/unit-kerja/{id}", api_unit_update, ADMIN, BODY_JSON, JSON_MAX},

  {"GET", "/api/v1/jabatan", api_jabatan_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/jabatan", api_jabatan_create, ADMIN, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/jabatan/{id}", api_jabatan_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/jabatan/{id}", api_jabatan_update, ADMIN, BODY_JSON, JSON_MAX},

  {"GET", "/api/v1/pengguna", api_pengguna_list, ADMIN, BODY_NONE, 0},
  {"POST", "/api/v1/pengguna", api_pengguna_create, ADMIN, BODY_JSON, JSON_MAX},
  {"PATCH", "/api/v1/pengguna/{id}", api_pengguna_update, ADMIN, BODY_JSON, JSON_MAX},

  {"GET", "/api/v1/token", api_token_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/token", api_token_create, CAP_USER, BODY_JSON, 4096},
  {"DELETE", "/api/v1/token/{id}", api_token_delete, CAP_USER, BODY_NONE, 0},

  {"GET", "/api/v1/audit", api_audit_list, AUDIT, BODY_NONE, 0},
  {"GET", "/api/v1/audit/verify", api_audit_verify, AUDIT, BODY_NONE, 0},

  {"POST", "/api/v1/import/pegawai", api_import_pegawai, ADMIN, BODY_CSV, CSV_MAX},

  {"GET", "/api/v1/periode", api_periode_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/periode", api_periode_create, ADMIN, BODY_JSON, JSON_MAX},
  {"PATCH", "/api/v1/periode/{id}", api_periode_update, ADMIN, BODY_JSON, JSON_MAX},

  {"GET", "/api/v1/skp", api_skp_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/skp", api_skp_create, CAP_USER, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/skp/{id}", api_skp_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/skp/{id}", api_skp_update, CAP_USER, BODY_JSON, JSON_MAX},
  {"POST", "/api/v1/skp/{id}/rhk", api_skp_rhk_add, CAP_USER, BODY_JSON, JSON_MAX},
  {"PUT", "/api/v1/skp/{id}/perilaku", api_skp_perilaku, CAP_USER, BODY_JSON, JSON_MAX},
  {"POST", "/api/v1/skp/{id}/ajukan", api_skp_ajukan, CAP_USER, BODY_JSON_OPT, 4096},
  {"POST", "/api/v1/skp/{id}/tarik", api_skp_tarik, CAP_USER, BODY_JSON_OPT, 4096},
  {"POST", "/api/v1/skp/{id}/setujui", api_skp_setujui, CAP_USER, BODY_JSON_OPT, 4096},
  {"POST", "/api/v1/skp/{id}/kembalikan", api_skp_kembalikan, CAP_USER, BODY_JSON, JSON_MAX},
  {"POST", "/api/v1/skp/{id}/revisi", api_skp_revisi, CAP_USER, BODY_JSON_OPT, 4096},
  {"GET", "/api/v1/skp/{id}/revisi", api_skp_revisi_list, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/skp/{id}/diff", api_skp_diff, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/skp/{id}/rhk-atasan", api_skp_rhk_atasan, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/skp/{id}/matriks", api_skp_matriks, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/skp/{id}/penilai", api_skp_penilai, ADMIN, BODY_JSON, 4096},
  {"GET", "/api/v1/skp/{id}/dokumen.pdf", api_skp_pdf, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/skp/{id}/dokumen.xlsx", api_skp_xlsx, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/rhk/{id}", api_rhk_update, CAP_USER, BODY_JSON, JSON_MAX},
  {"DELETE", "/api/v1/rhk/{id}", api_rhk_delete, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/rhk/{id}/tugaskan", api_rhk_tugaskan, CAP_USER, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/laporan/status-skp", api_skp_status, LAPOR, BODY_NONE, 0},
  {"GET", "/api/v1/jabatan/{id}/templat-rhk", api_templat_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/jabatan/{id}/templat-rhk", api_templat_create, ADMIN, BODY_JSON, JSON_MAX},
  {"DELETE", "/api/v1/templat-rhk/{id}", api_templat_delete, ADMIN, BODY_NONE, 0},

  /* doing the work (issue 5); literal paths before {id} */
  {"GET", "/api/v1/aktivitas", api_aktivitas_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/aktivitas", api_aktivitas_create, CAP_USER, BODY_JSON, JSON_MAX, 1},
  {"POST", "/api/v1/aktivitas:batch", api_aktivitas_batch, CAP_USER, BODY_JSON, BATCH_MAX},
  {"POST", "/api/v1/aktivitas:review", api_aktivitas_review, CAP_USER, BODY_JSON, JSON_MAX},
  {"POST", "/api/v1/aktivitas:salin", api_aktivitas_salin, CAP_USER, BODY_JSON, 4096},
  {"GET", "/api/v1/aktivitas/sering", api_aktivitas_sering, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/aktivitas/{id}", api_aktivitas_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/aktivitas/{id}", api_aktivitas_update, CAP_USER, BODY_JSON, JSON_MAX, 1},
  {"DELETE", "/api/v1/aktivitas/{id}", api_aktivitas_delete, CAP_USER, BODY_NONE, 0, 1},
  {"POST", "/api/v1/aktivitas/{id}/setujui", api_aktivitas_setujui, CAP_USER, BODY_JSON_OPT, 4096, 1},
  {"POST", "/api/v1/aktivitas/{id}/kembalikan", api_aktivitas_kembalikan, CAP_USER, BODY_JSON, 4096, 1},
  {"GET", "/api/v1/skp/{id}/rencana-aksi", api_rencana_aksi_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/skp/{id}/rencana-aksi", api_rencana_aksi_create, CAP_USER, BODY_JSON, JSON_MAX},
  {"PATCH", "/api/v1/rencana-aksi/{id}", api_rencana_aksi_update, CAP_USER, BODY_JSON, JSON_MAX},
  {"DELETE", "/api/v1/rencana-aksi/{id}", api_rencana_aksi_delete, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/pengaturan", api_pengaturan_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/pengaturan", api_pengaturan_update, ADMIN, BODY_JSON, 4096},
  {"GET", "/api/v1/hari-libur", api_hari_libur_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/hari-libur", api_hari_libur_create, ADMIN, BODY_JSON, 4096},
  {"DELETE", "/api/v1/hari-libur/{tanggal}", api_hari_libur_delete, ADMIN, BODY_NONE, 0},
  {"GET", "/api/v1/notifikasi", api_notifikasi_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/notifikasi/{id}/baca", api_notifikasi_baca, CAP_USER, BODY_JSON_OPT, 1024},
  {"GET", "/api/v1/laporan/kepatuhan", api_kepatuhan, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/skp/{id}/realisasi", api_realisasi_bulan, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/skp/{id}/realisasi/{bulan}/ajukan", api_realisasi_ajukan, CAP_USER, BODY_JSON_OPT, 1024},
  {"PUT", "/api/v1/iki/{id}/realisasi/{bulan}", api_realisasi_simpan, CAP_USER, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/realisasi", api_realisasi_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/realisasi/{id}/setujui", api_realisasi_setujui, CAP_USER, BODY_JSON_OPT, 4096},
  {"POST", "/api/v1/realisasi/{id}/kembalikan", api_realisasi_kembalikan, CAP_USER, BODY_JSON, 4096},
  {"GET", "/api/v1/umpan-balik", api_umpan_balik_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/umpan-balik", api_umpan_balik_create, CAP_USER, BODY_JSON, JSON_MAX},

  /* evaluation (issue 6) */
  {"GET", "/api/v1/penilaian", api_penilaian_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/skp/{id}/penilaian", api_penilaian_buat, CAP_USER, BODY_JSON, 4096},
  {"GET", "/api/v1/penilaian/{id}", api_penilaian_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/penilaian/{id}", api_penilaian_ubah, CAP_USER, BODY_JSON, JSON_MAX},
  {"POST", "/api/v1/penilaian/{id}/final", api_penilaian_final, CAP_USER, BODY_JSON_OPT, 1024},
  {"GET", "/api/v1/penilaian/{id}/dokumen.pdf", api_penilaian_pdf, CAP_USER, BODY_NONE, 0},
  {"PUT", "/api/v1/unit-kerja/{id}/predikat-organisasi", api_predikat_organisasi, LAPOR, BODY_JSON, 4096},
  {"GET", "/api/v1/unit-kerja/{id}/kurva", api_kurva_unit, LAPOR, BODY_NONE, 0},
  {"GET", "/api/v1/pegawai/{id}/angka-kredit", api_angka_kredit, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/penilaian/{id}/keberatan", api_keberatan_ajukan, CAP_USER, BODY_JSON, 8192},
  {"GET", "/api/v1/keberatan", api_keberatan_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/keberatan/{id}/putusan", api_keberatan_putus, CAP_USER, BODY_JSON, 8192},
  {"POST", "/api/v1/pegawai/{id}/360", api_360_buka, CAP_USER, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/pegawai/{id}/360", api_360_daftar, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/360/tugas", api_360_tugas, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/360/{id}", api_360_hasil, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/360/{id}/jawab", api_360_jawab, CAP_USER, BODY_JSON, JSON_MAX},
  {"POST", "/api/v1/360/{id}/tutup", api_360_tutup, CAP_USER, BODY_JSON_OPT, 1024},
  {"GET", "/api/v1/unit-kerja/{id}/masukan-publik", api_masukan_unit, LAPOR, BODY_NONE, 0},
  {"GET", "/api/v1/pegawai/{id}/masukan-publik", api_masukan_pegawai, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/publik/masukan/{kode}", api_publik_info, CAP_PUBLIC, BODY_NONE, 0},
  {"POST", "/api/v1/publik/masukan/{kode}", api_publik_kirim, CAP_PUBLIC, BODY_JSON, 4096},
  {"GET", "/api/v1/publik/masukan/{kode}/qr.svg", api_publik_qr, CAP_PUBLIC, BODY_NONE, 0},
  {"GET", "/api/v1/publik/masukan/{kode}/qr.png", api_publik_qr_png, CAP_PUBLIC, BODY_NONE, 0},

/* the regulation calculator (issue 6): kept in its own file */
#include "api/routes_hitung.inc"
#include "api/routes_surel.inc"   /* email outbox (issue 5) */

/* bukti dukung (issue 5): kept in their own file */
#include "api/routes_bukti.inc"

/* dashboards (issue 8) */
#include "api/routes_dasbor.inc"

/* report exports (issue 8) */
#include "api/routes_laporan.inc"

/* analytics and the training catalogue (issue 8) */
#include "api/routes_analitik.inc"

/* presensi (issue 9) */
#include "api/routes_presensi.inc"

/* tunjangan kinerja / TPP (issue 9) */
#include "api/routes_tpp.inc"

/* webhooks for e-Office/HRIS (issue 10) */
#include "api/routes_webhook.inc"
#include "api/routes_latihan.inc"
#include "api/routes_oidc.inc"   /* single sign-on, OpenID Connect (issue 10) */

/* the SIASN client (issue 10) */
#include "api/routes_siasn.inc"

/* two-factor authentication (issue 11) */
#include "api/routes_dua_faktor.inc"

/* organisation targets and capaian kinerja organisasi (issue 15) */
#include "api/routes_organisasi.inc"

/* the innovation register (issue 15) and recognition (issue 14) */
#include "api/routes_inovasi.inc"

/* the four-dimension profile and the organisation reports (issue 15 parts 4-5) */
#include "api/routes_profil.inc"

/* who saw my data, my data export, adoption (issue 14) */
#include "api/routes_akses.inc"
/* onboarding and the user guide (issue 14) */
#include "api/routes_panduan.inc"
};
const size_t api_routes_count = sizeof api_routes / sizeof api_routes[0];
