/* api_laporan_org.c: GET /api/v1/laporan-organisasi/pohon and /rekap-iku ?tahun=&format=xlsx|pdf
 * (issue 15 part 5): the cascade tree and the IKU capaian recap of the caller's instansi
 * (superadmin: ?instansi_id=) as a download, for the instansi's pimpinan and admin. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "api/api.h"
#include "api/api_boleh.h"
#include "api/api_profil.h"
#include "auth/rbac.h"
#include "laporan_organisasi.h"
#include "report_tabel.h"
#include "util/util.h"

static int kirim(struct request *req, bool rekap)
{
  int64_t inst = 0;
  if (api_list_instansi(req, &inst) != 0) return 0;
  if (!inst) {
    verr_add(req, "instansi_id", "superadmin harus menyebut ?instansi_id=");
    return reply_verr(req, 422);
  }
  const char *format = http_query(req, "format");
  bool pdf = format && !strcmp(format, "pdf");
  if (format && !pdf && strcmp(format, "xlsx")) verr_add(req, "format", "harus xlsx atau pdf");
  struct db *db = http_db(req);
  if (!db) return 0;
  if (!rbac_instansi_read(&req->who, inst) || !rbac_reads_instansi(&req->who)) return reply_forbidden(req);
  int tahun;
  if (api_instansi_ada(req, db, inst) || api_tahun(req, db, inst, &tahun)) return 0;
  if (verr_any(req)) return reply_verr(req, 422);
  char nama[256], sub0[400], sub1[200], hari[11];
  json_t *baris = rekap ? laporan_org_rekap_iku(db, inst, tahun, nama, sizeof nama)
                        : laporan_org_pohon(db, inst, tahun, &req->who, nama, sizeof nama);
  if (!baris) return reply_db_error(req);
  instansi_hari_ini(db, inst, hari);
  snprintf(sub0, sizeof sub0, "Instansi: %s", nama);
  snprintf(sub1, sizeof sub1, "Tahun: %d", tahun);
  char judul[160];
  struct report_tabel t = {.judul = judul, .subjudul = {sub0, sub1}, .baris = baris, .dicetak = hari};
  if (rekap) {
    snprintf(judul, sizeof judul, "Rekap Capaian Indikator Kinerja Utama (IKU) per Triwulan %d", tahun);
    t.nama_sheet = "Rekap IKU";
    t.ncol = LAPORAN_REKAP_KOLOM;
    static const char *const K[LAPORAN_REKAP_KOLOM] = {"Kode", "Indikator Kinerja Utama", "Sasaran strategis", "Target",
      "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Tahunan", "Capaian akhir (%)", "Dasar"};
    static const double L[LAPORAN_REKAP_KOLOM] = {9, 34, 28, 9, 13, 13, 13, 13, 13, 11, 11};
    for (size_t i = 0; i < t.ncol; i++) { t.kolom[i] = K[i]; t.lebar[i] = L[i]; }
    t.catatan = "Sel triwulan: realisasi (capaian %). Capaian: semakin tinggi semakin baik = realisasi / target x 100; semakin "
                "rendah semakin baik = (2 x target - realisasi) / target x 100 (BELUM DIKONFIRMASI). Capaian akhir memakai realisasi "
                "tahunan, atau triwulan terakhir yang terisi.";
  } else {
    snprintf(judul, sizeof judul, "Pohon Kinerja (Cascading) IKU - PK - RHK %d", tahun);
    t.nama_sheet = "Pohon kinerja";
    t.ncol = LAPORAN_POHON_KOLOM;
    static const char *const K[LAPORAN_POHON_KOLOM] = {"Tingkat", "Indikator / Rencana Hasil Kerja", "Unit kerja", "Pegawai", "Target",
                                                       "Capaian (%)"};
    static const double L[LAPORAN_POHON_KOLOM] = {13, 60, 28, 32, 14, 11};
    for (size_t i = 0; i < t.ncol; i++) { t.kolom[i] = K[i]; t.lebar[i] = L[i]; }
    t.catatan = "IKU: indikator kinerja utama instansi; PK unit: indikator Perjanjian Kinerja yang mendukungnya (dan PK unit di "
                "bawahnya); RHK pegawai: RHK yang diturunkan dari indikator PK; RHK bawahan: RHK yang mengintervensi RHK atasan.";
  }
  unsigned char *out = NULL;
  size_t len = 0;
  char err[200];
  int rc = pdf ? report_tabel_pdf(&t, &out, &len, err, sizeof err) : report_tabel_xlsx(&t, &out, &len, err, sizeof err);
  json_decref(baris);
  if (rc != 0) return reply_problem(req, 503, "Dokumen gagal dibuat", err[0] ? err : "Laporan tidak dapat disusun.");
  char disp[160];
  snprintf(disp, sizeof disp, "attachment; filename=\"%s-%d.%s\"", rekap ? "rekap-iku" : "pohon-kinerja", tahun, pdf ? "pdf" : "xlsx");
  reply_header(req, "Content-Disposition", disp);
  return reply_raw(req, 200, pdf ? "application/pdf" : REPORT_TABEL_XLSX_MIME, (char *)out, len);
}

int api_laporan_org_pohon(struct request *req) { return kirim(req, false); }
int api_laporan_org_rekap_iku(struct request *req) { return kirim(req, true); }
