/* demo_analitik.c: a training catalogue with a theme per BerAKHLAK value, two for hasil kerja and
 * some with keywords, and potensi for most pegawai who have a final predikat this year, so the
 * 9-box, the recommendations and the leniency view have content (see demo_analitik.h). */
#include "demo_analitik.h"

#include <stdio.h>

#include "util/util.h"

static const struct { const char *judul, *deskripsi; int nilai, hasil; const char *kata; } KATALOG[] = {
  {"Pelayanan Prima", "Standar pelayanan publik, menangani keluhan, survei kepuasan masyarakat.", 1, 0, "pelayanan,keluhan,antrean"},
  {"Akuntabilitas dan Integritas ASN", "Pertanggungjawaban kinerja dan anggaran, pencegahan gratifikasi.", 2, 0, "laporan,akuntabilitas"},
  {"Pengembangan Kompetensi Teknis Jabatan", "Kursus teknis sesuai bidang tugas dan belajar mandiri terstruktur.", 3, 0, NULL},
  {"Komunikasi Efektif dan Kerja Sama Tim", "Komunikasi lisan dan tertulis, rapat yang efektif, menyelesaikan konflik.", 4, 0,
   "komunikasi,koordinasi,presentasi"},
  {"Wawasan Kebangsaan dan Etika ASN", "Nilai dasar ASN, kode etik, dan kesetiaan pada Pancasila dan UUD 1945.", 5, 0, NULL},
  {"Inovasi dan Adaptasi Digital", "Transformasi digital layanan, mengelola perubahan, berpikir kreatif.", 6, 0, "digital,inovasi,aplikasi"},
  {"Kolaborasi Lintas Unit", "Bekerja lintas unit dan instansi, berbagi sumber daya, jejaring.", 7, 0, "kolaborasi"},
  {"Perencanaan Kinerja dan Penyusunan Target", "Menyusun RHK, indikator dan target yang terukur; memantau realisasi.", 0, 1, "target,rencana"},
  {"Manajemen Waktu dan Prioritas", "Menyusun prioritas kerja dan menyelesaikan keluaran tepat waktu.", 0, 1, "terlambat,tepat waktu,jadwal"},
};

int demo_analitik_create(struct db *db, int64_t instansi_id, int tahun, struct demo_analitik_hasil *hasil)
{
  int64_t now = now_unix();
  struct db_stmt *st;
  for (size_t i = 0; i < sizeof KATALOG / sizeof KATALOG[0]; i++) {
    st = db_prepare(db,
      "INSERT INTO katalog_pelatihan (instansi_id, judul, deskripsi, nilai, hasil_kerja, kata_kunci, aktif, dibuat, diubah)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7)");
    if (!st) return -1;
    db_bind_int64(st, 1, instansi_id);
    db_bind_text(st, 2, KATALOG[i].judul);
    db_bind_text(st, 3, KATALOG[i].deskripsi);
    db_bind_id(st, 4, KATALOG[i].nilai);
    db_bind_int64(st, 5, KATALOG[i].hasil);
    db_bind_text(st, 6, KATALOG[i].kata);
    db_bind_int64(st, 7, now);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
    hasil->katalog++;
  }
  /* potensi of four in five pegawai with a final penilaian this year, spread over the three levels
   * and leaning on their predikat, so every row of the 9-box has people */
  char y1[24], y2[24];
  snprintf(y1, sizeof y1, "%04d-01-01", tahun);
  snprintf(y2, sizeof y2, "%04d-12-31", tahun);
  st = db_prepare(db,
    "INSERT INTO potensi_pegawai (pegawai_id, tahun, instansi_id, potensi, catatan, diisi_oleh, diubah)"
    " SELECT p.id, ?2, ?1, CASE (p.id * 7 + LENGTH(p.nama)) % 3 WHEN 0 THEN 'rendah' WHEN 1 THEN 'menengah' ELSE 'tinggi' END,"
    "        'Hasil asesmen potensi (data demo)', (SELECT id FROM pengguna WHERE username = 'admin'), ?3"
    "   FROM pegawai p WHERE p.instansi_id = ?1 AND p.aktif = 1 AND p.id % 5 <> 0"
    "    AND EXISTS (SELECT 1 FROM penilaian n WHERE n.pegawai_id = p.id AND n.status = 'final' AND n.mulai BETWEEN ?4 AND ?5)");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, now);
  db_bind_text(st, 4, y1);
  db_bind_text(st, 5, y2);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  hasil->potensi = db_changes(db);
  return 0;
}
