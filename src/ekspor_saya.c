/* ekspor_saya.c: the pegawai's own data export (see ekspor_saya.h).  Each section is one query
 * bound to ?1 = the pegawai and ?2 = their account; its rows become JSON objects named by the
 * query's column aliases. */
#include "ekspor_saya.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "akses_log.h"

struct kueri { const char *kunci; const char *sql; };

/* Section queries.  A column holding JSON text (rincian, isi) ends in "_json" and is parsed. */
static const struct kueri KUERI[] = {
  {"profil",
   "SELECT p.id, p.nip, p.nama, p.gelar_depan, p.gelar_belakang, p.jenis_kelamin, p.tanggal_lahir, p.jenis_asn,"
   "       p.golongan, p.email, p.aktif, i.nama AS instansi, u.nama AS unit_kerja, j.nama AS jabatan,"
   "       j.jenis AS jenis_jabatan, j.kelas_jabatan, a.nama AS atasan, a.nip AS nip_atasan"
   "  FROM pegawai p JOIN instansi i ON i.id = p.instansi_id"
   "  LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id LEFT JOIN jabatan j ON j.id = p.jabatan_id"
   "  LEFT JOIN pegawai a ON a.id = p.atasan_id"
   " WHERE p.id = ?1"},
  {"riwayat_jabatan",
   "SELECT r.mulai, r.selesai, j.nama AS jabatan, u.nama AS unit_kerja, a.nama AS atasan, r.sumber"
   "  FROM pegawai_riwayat r LEFT JOIN jabatan j ON j.id = r.jabatan_id"
   "  LEFT JOIN unit_kerja u ON u.id = r.unit_kerja_id LEFT JOIN pegawai a ON a.id = r.atasan_id"
   " WHERE r.pegawai_id = ?1 ORDER BY r.mulai"},
  {"akun",
   "SELECT g.username, g.peran, g.aktif, g.dibuat, g.sandi_diubah, g.gagal_login, g.terkunci_sampai,"
   "       COALESCE(d.aktif, 0) AS dua_faktor_aktif, d.diaktifkan AS dua_faktor_diaktifkan,"
   "       (SELECT COUNT(*) FROM kode_pemulihan k WHERE k.pengguna_id = g.id AND k.dipakai IS NULL) AS sisa_kode_pemulihan"
   "  FROM pengguna g LEFT JOIN dua_faktor d ON d.pengguna_id = g.id"
   " WHERE g.id = ?2"},
  {"sesi",
   "SELECT s.id, s.dibuat, s.dipakai, s.berakhir FROM sesi s WHERE s.pengguna_id = ?2 ORDER BY s.dibuat DESC"},
  {"token_api",
   "SELECT t.id, t.nama, t.cakupan, t.dibuat, t.dipakai, t.dicabut FROM token_api t"
   " WHERE t.pengguna_id = ?2 ORDER BY t.id"},
  {"skp",
   "SELECT s.id, pr.tahun, s.mulai, s.selesai, s.jenis, s.pendekatan, s.status, s.revisi, s.catatan,"
   "       pn.nama AS penilai, j.nama AS jabatan, u.nama AS unit_kerja, s.lampiran_sumber_daya,"
   "       s.lampiran_skema, s.lampiran_konsekuensi, s.diajukan, s.disetujui, s.dibuat, s.diubah"
   "  FROM skp s JOIN periode pr ON pr.id = s.periode_id LEFT JOIN pegawai pn ON pn.id = s.penilai_id"
   "  LEFT JOIN jabatan j ON j.id = s.jabatan_id LEFT JOIN unit_kerja u ON u.id = s.unit_kerja_id"
   " WHERE s.pegawai_id = ?1 ORDER BY s.mulai, s.id"},
  {"rhk",
   "SELECT r.id, r.skp_id, r.kelompok, r.urutan, r.rhk, r.perspektif, r.bobot, r.disetujui, r.catatan,"
   "       ra.rhk AS rhk_atasan"
   "  FROM rhk r JOIN skp s ON s.id = r.skp_id LEFT JOIN rhk ra ON ra.id = r.rhk_atasan_id"
   " WHERE s.pegawai_id = ?1 ORDER BY r.skp_id, r.kelompok, r.urutan"},
  {"iki",
   "SELECT k.id, k.rhk_id, k.urutan, k.aspek, k.indikator, k.target_angka, k.target_satuan, k.target_teks"
   "  FROM iki k JOIN rhk r ON r.id = k.rhk_id JOIN skp s ON s.id = r.skp_id"
   " WHERE s.pegawai_id = ?1 ORDER BY k.rhk_id, k.urutan"},
  {"perilaku",
   "SELECT b.skp_id, b.nilai, b.ekspektasi FROM skp_perilaku b JOIN skp s ON s.id = b.skp_id"
   " WHERE s.pegawai_id = ?1 ORDER BY b.skp_id, b.nilai"},
  {"rencana_aksi",
   "SELECT a.id, a.skp_id, a.rhk_id, a.bulan, a.uraian, a.target_angka, a.target_satuan, a.dibuat, a.diubah FROM rencana_aksi a JOIN skp s ON s.id = a.skp_id WHERE s.pegawai_id = ?1 ORDER BY a.id"},
  {"aktivitas",
   "SELECT a.id, a.skp_id, a.rhk_id, a.tanggal, a.jam_mulai, a.jam_selesai, a.menit, a.uraian, a.kuantitas,"
   "       a.satuan, a.lokasi, a.status, a.catatan_review, rv.nama AS direview_oleh, a.direview, a.sumber,"
   "       a.dibuat, a.diubah, a.dihapus"
   "  FROM aktivitas a LEFT JOIN pegawai rv ON rv.id = a.direview_oleh"
   " WHERE a.pegawai_id = ?1 ORDER BY a.tanggal, a.id"},
  {"realisasi",
   "SELECT r.id, r.skp_id, r.iki_id, k.indikator, r.bulan, r.nilai_angka, r.nilai_teks, r.catatan, r.status,"
   "       r.catatan_review, rv.nama AS direview_oleh, r.direview, r.dibuat, r.diubah"
   "  FROM realisasi r JOIN skp s ON s.id = r.skp_id JOIN iki k ON k.id = r.iki_id"
   "  LEFT JOIN pegawai rv ON rv.id = r.direview_oleh"
   " WHERE s.pegawai_id = ?1 ORDER BY r.skp_id, r.bulan, r.iki_id"},
  {"penilaian",
   "SELECT t.id, t.skp_id, t.jenis, t.periode_ke, t.mulai, t.selesai, t.rating_hasil, t.rating_perilaku,"
   "       t.predikat, t.catatan, t.status, pn.nama AS penilai, t.difinalkan, t.dibuat, t.diubah"
   "  FROM penilaian t JOIN skp s ON s.id = t.skp_id LEFT JOIN pegawai pn ON pn.id = t.penilai_id"
   " WHERE s.pegawai_id = ?1 ORDER BY t.mulai, t.id"},
  {"keberatan",
   "SELECT k.id, k.penilaian_id, k.alasan, k.status, k.rating_hasil, k.rating_perilaku, k.alasan_putusan,"
   "       pm.nama AS pemutus, k.diputus, k.dibuat"
   "  FROM keberatan k LEFT JOIN pegawai pm ON pm.id = k.pemutus_id WHERE k.pegawai_id = ?1 ORDER BY k.id"},
  {"umpan_balik",
   "SELECT b.id, b.skp_id, b.entitas, b.entitas_id, b.induk_id, pn.nama AS penulis, b.jenis, b.tanggal, b.isi, b.dibuat"
   "  FROM umpan_balik b JOIN skp s ON s.id = b.skp_id JOIN pegawai pn ON pn.id = b.penulis_id"
   " WHERE s.pegawai_id = ?1 ORDER BY b.id"},
  {"umpan_balik_360",
   "SELECT p.id, p.tahun, p.status, p.dibuat, p.ditutup,"
   "       (SELECT COUNT(*) FROM responden_360 r WHERE r.putaran_id = p.id) AS responden,"
   "       (SELECT COUNT(*) FROM jawaban_360 j WHERE j.putaran_id = p.id) AS jawaban"
   "  FROM putaran_360 p WHERE p.pegawai_id = ?1 ORDER BY p.id"},
  {"masukan_publik",
   "SELECT m.tanggal, m.skor, m.komentar FROM masukan_publik m JOIN kode_publik k ON k.kode = m.kode"
   " WHERE k.target = 'pegawai' AND k.target_id = ?1 ORDER BY m.tanggal, m.id"},
  {"presensi",
   "SELECT r.tanggal, r.masuk, r.pulang, r.sumber, r.diubah FROM presensi r WHERE r.pegawai_id = ?1 ORDER BY r.tanggal"},
  {"presensi_status",
   "SELECT r.id, r.status, r.dari, r.sampai, r.keterangan, r.dibuat FROM presensi_status r"
   " WHERE r.pegawai_id = ?1 ORDER BY r.dari"},
  {"jadwal_shift",
   "SELECT r.tanggal, r.masuk, r.pulang, r.libur, r.diubah FROM jadwal_shift r WHERE r.pegawai_id = ?1 ORDER BY r.tanggal"},
  {"tpp",
   "SELECT b.tahun, b.bulan, b.status AS status_bulan, h.kelas_jabatan, h.predikat, h.dasar, h.kinerja, h.disiplin,"
   "       h.potongan_persen, h.potongan_presensi, h.potongan_sanksi, h.jumlah, h.galat, h.rincian AS rincian_json"
   "  FROM tpp_hasil h JOIN tpp_bulan b ON b.id = h.bulan_id"
   " WHERE h.pegawai_id = ?1 ORDER BY b.tahun, b.bulan"},
  {"tpp_sanksi",
   "SELECT t.id, t.kode, t.persen, t.mulai, t.bulan, t.keterangan, t.dibuat FROM tpp_sanksi t WHERE t.pegawai_id = ?1 ORDER BY t.id"},
  {"bukti",
   "SELECT b.id, b.jenis, b.nama, b.mime, b.ukuran, b.sha256, b.url, b.aktivitas_id, b.realisasi_id, b.dibuat, b.dihapus"
   "  FROM bukti b WHERE b.pegawai_id = ?1 ORDER BY b.id"},
  {"potensi",
   "SELECT t.tahun, t.potensi, t.catatan, t.diubah FROM potensi_pegawai t WHERE t.pegawai_id = ?1 ORDER BY t.tahun"},
  {"notifikasi",
   "SELECT n.id, n.judul, n.isi, n.tautan, n.dibaca, n.dibuat FROM notifikasi n WHERE n.pegawai_id = ?1 ORDER BY n.id"},
};

const struct ekspor_bagian ekspor_bagian[] = {
  {"profil", "Profil"},
  {"riwayat_jabatan", "Riwayat jabatan dan atasan"},
  {"akun", "Akun"},
  {"sesi", "Sesi masuk"},
  {"token_api", "Token API"},
  {"skp", "SKP"},
  {"rhk", "Rencana Hasil Kerja (RHK)"},
  {"iki", "Indikator Kinerja Individu (IKI)"},
  {"perilaku", "Ekspektasi perilaku"},
  {"rencana_aksi", "Rencana aksi"},
  {"aktivitas", "Aktivitas"},
  {"realisasi", "Realisasi"},
  {"penilaian", "Penilaian"},
  {"keberatan", "Keberatan"},
  {"umpan_balik", "Umpan balik dan dialog kinerja"},
  {"umpan_balik_360", "Umpan balik 360 (jumlah saja; jawaban anonim)"},
  {"masukan_publik", "Masukan masyarakat"},
  {"presensi", "Presensi"},
  {"presensi_status", "Cuti, dinas luar, dan status lain"},
  {"jadwal_shift", "Jadwal shift"},
  {"tpp", "Hasil TPP"},
  {"tpp_sanksi", "Sanksi TPP"},
  {"bukti", "Bukti dukung (metadata)"},
  {"potensi", "Potensi (talenta)"},
  {"notifikasi", "Notifikasi"},
  {"akses", "Siapa melihat atau mengubah data Anda"},
};
const size_t ekspor_bagian_jumlah = sizeof ekspor_bagian / sizeof ekspor_bagian[0];

static size_t akhiran(const char *s, const char *suf)
{
  size_t a = strlen(s), b = strlen(suf);
  return a > b && strcmp(s + a - b, suf) == 0 ? a - b : 0;
}

/* Rows of one query as an array of objects; *terpotong set when cut at EKSPOR_MAKS_BARIS. */
static json_t *baris(struct db *db, const char *sql, int64_t pegawai_id, int64_t pengguna_id, bool *terpotong)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, pengguna_id);
  json_t *arr = json_array();
  int rc;
  size_t n = 0;
  while ((rc = db_step(st)) == DB_ROW) {
    if (n++ == EKSPOR_MAKS_BARIS) { *terpotong = true; rc = DB_DONE; break; }
    json_t *o = json_object();
    int nc = db_col_count(st);
    for (int c = 0; c < nc; c++) {
      const char *k = db_col_name(st, c);
      json_t *v;
      size_t jl = akhiran(k, "_json");
      if (db_col_is_null(st, c)) v = json_null();
      else if (db_col_is_int(st, c)) v = json_integer((json_int_t)db_col_int64(st, c));
      else if (jl) v = json_loads(db_col_text(st, c), 0, NULL);
      else v = json_string(db_col_text(st, c));
      if (!v) v = json_null();
      if (jl) {
        char kk[64];
        snprintf(kk, sizeof kk, "%.*s", (int)jl, k);
        json_object_set_new(o, kk, v);
      } else {
        json_object_set_new(o, k, v);
      }
    }
    json_array_append_new(arr, o);
  }
  db_done(st);
  if (rc != DB_DONE) { json_decref(arr); return NULL; }
  return arr;
}

int ekspor_saya(struct db *db, int64_t pegawai_id, int64_t pengguna_id, int64_t now, json_t **out)
{
  *out = NULL;
  json_t *root = json_pack("{s:s,s:I,s:I}", "format", "kinerja-ekspor-pribadi/1", "dibuat", (json_int_t)now,
                           "pegawai_id", (json_int_t)pegawai_id);
  json_t *potong = json_array();
  json_object_set_new(root, "terpotong", potong);
  for (size_t i = 0; i < sizeof KUERI / sizeof KUERI[0]; i++) {
    bool cut = false;
    json_t *a = baris(db, KUERI[i].sql, pegawai_id, pengguna_id, &cut);
    if (!a) goto fail;
    if (cut) json_array_append_new(potong, json_string(KUERI[i].kunci));
    if (strcmp(KUERI[i].kunci, "profil") == 0 || strcmp(KUERI[i].kunci, "akun") == 0) {
      json_t *first = json_array_get(a, 0);
      json_object_set(root, KUERI[i].kunci, first ? first : json_null());
      json_decref(a);
    } else {
      json_object_set_new(root, KUERI[i].kunci, a);
    }
  }
  /* the access list, whole (newest first) */
  struct akses_saring s = {.pegawai_id = pegawai_id, .jenis = AKSES_SEMUA, .limit = EKSPOR_MAKS_BARIS};
  json_t *akses = NULL;
  int64_t total = 0;
  if (akses_log_daftar(db, &s, &akses, &total) != 0) goto fail;
  if (total > EKSPOR_MAKS_BARIS) json_array_append_new(potong, json_string("akses"));
  json_object_set_new(root, "akses", akses);
  *out = root;
  return 0;
fail:
  json_decref(root);
  return -1;
}
