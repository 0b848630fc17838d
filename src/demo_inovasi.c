/* demo_inovasi.c: the innovation register and recognition of the demo kabupaten (see
 * demo_inovasi.h).  Goes through the domain functions (inovasi.c, penghargaan.c), so the demo
 * carries the same audit records and notifications as real use. */
#include "demo_inovasi.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "inovasi.h"
#include "penghargaan.h"

struct ide {
  int siapa;                  /* index into the pegawai picked below */
  const char *judul, *masalah, *layanan, *tahap;
  const char *indikator, *sebelum, *sesudah, *satuan;   /* NULL: no measured effect yet */
  int putusan;                /* 0 waiting, 1 validated, 2 returned */
  const char *catatan;
};

/* 0 the "pegawai" account, 1 its Kasi, 2 and 3 colleagues under the Kasi, 4 the "admin" account */
static const struct ide IDE[] = {
  {0, "Antrean daring legalisir ijazah SD", "Orang tua antre sampai dua jam di loket dinas untuk legalisir ijazah anaknya.",
   "Layanan legalisir ijazah Bidang Pembinaan SD", "diterapkan", "Waktu tunggu di loket", "120", "15", "menit", 1, NULL},
  {0, "Formulir mutasi siswa satu halaman", "Formulir mutasi siswa lima halaman sering diisi tidak lengkap sehingga dikembalikan sekolah.",
   "Layanan mutasi siswa antarsekolah", "diusulkan", NULL, NULL, NULL, NULL, 0, NULL},
  {1, "Dasbor rekap kurikulum sekolah bersama", "Rekap pelaksanaan kurikulum dari 120 SD dikumpulkan lewat surat dan diketik ulang setiap triwulan.",
   "Seksi Kurikulum dan Penilaian SD", "diuji_coba", "Waktu penyusunan rekap triwulan", "10", "2", "hari kerja", 1, NULL},
  {2, "Tanda tangan elektronik surat keterangan pindah sekolah", "Surat keterangan pindah menunggu tanda tangan basah pejabat yang sering dinas luar.",
   "Layanan surat keterangan pindah sekolah", "direplikasi", "Waktu penerbitan surat", "3", "1", "hari", 1, NULL},
  {3, "Grup konsultasi daring guru kelas", "Guru kelas di sekolah terpencil sulit berkonsultasi tentang penilaian kurikulum.",
   "Pendampingan guru kelas SD", "diusulkan", NULL, NULL, NULL, NULL, 2,
   "Lengkapi jumlah guru yang akan dilayani dan cara mengukur manfaatnya."},
  {4, "Pengingat otomatis batas penyusunan SKP", "Banyak pegawai terlambat menyusun SKP karena tidak tahu batas waktunya.",
   "Layanan kepegawaian BKPSDM", "diterapkan", "SKP tersusun tepat waktu", "62", "91", "%", 1, NULL},
};
#define NIDE (sizeof IDE / sizeof IDE[0])

static int64_t satu(struct db *db, const char *sql, int64_t p)
{
  int64_t v = 0;
  return db_query_int64(db, sql, 1, p, &v) == DB_ROW ? v : 0;
}

int demo_inovasi_create(struct db *db, int64_t instansi_id, struct demo_inovasi_hasil *hasil)
{
  struct audit_actor sys = {0, "demo"};
  int64_t peg[5] = {0};
  peg[0] = satu(db, "SELECT COALESCE(pegawai_id, 0) FROM pengguna WHERE username = 'pegawai' AND ?1 > 0", 1);
  peg[1] = satu(db, "SELECT COALESCE(atasan_id, 0) FROM pegawai WHERE id = ?1", peg[0]);
  peg[2] = satu(db, "SELECT COALESCE(MIN(id), 0) FROM pegawai WHERE atasan_id = ?1 AND id NOT IN"
                    " (SELECT pegawai_id FROM pengguna WHERE pegawai_id IS NOT NULL AND username <> (SELECT nip FROM pegawai WHERE id = pengguna.pegawai_id))", peg[1]);
  peg[3] = satu(db, "SELECT COALESCE(MAX(id), 0) FROM pegawai WHERE atasan_id = ?1", peg[1]);
  peg[4] = satu(db, "SELECT COALESCE(pegawai_id, 0) FROM pengguna WHERE username = 'admin' AND ?1 > 0", 1);
  if (!peg[0] || !peg[1]) return 0;   /* a demo without the named accounts: nothing to show */
  int64_t ids[NIDE] = {0};
  for (size_t i = 0; i < NIDE; i++) {
    const struct ide *d = &IDE[i];
    int64_t owner = peg[d->siapa];
    if (!owner || (d->siapa == 3 && peg[3] == peg[2])) continue;
    json_t *body = json_pack("{s:s,s:s,s:s,s:s}", "judul", d->judul, "masalah", d->masalah, "layanan", d->layanan, "tahap", d->tahap);
    if (d->indikator)
      json_object_set_new(body, "dampak", json_pack("{s:s,s:s,s:s,s:s}", "indikator", d->indikator, "sebelum", d->sebelum,
                                                    "sesudah", d->sesudah, "satuan", d->satuan));
    json_t *errs = NULL;
    int http = 0;
    const char *pesan = NULL;
    int rc = inovasi_buat(db, owner, body, &sys, &errs, &http, &pesan, &ids[i]);
    json_decref(body);
    json_decref(errs);
    if (rc != 0) return -1;
    if (hasil) hasil->inovasi++;
    if (!d->putusan) continue;
    int64_t validator = satu(db, "SELECT COALESCE(atasan_id, 0) FROM pegawai WHERE id = ?1", owner);
    if (!validator) continue;
    json_t *note = d->catatan ? json_pack("{s:s}", "catatan", d->catatan) : json_object();
    errs = NULL;
    rc = inovasi_putus(db, ids[i], validator, d->putusan == 1, note, &sys, &errs, &http, &pesan);
    json_decref(note);
    json_decref(errs);
    if (rc != 0) return -1;
    if (hasil && d->putusan == 1) hasil->divalidasi++;
  }
  /* recognition rules, and piagam for two of the candidates (one agreed to be shown) */
  static const struct { const char *nama, *jenis; int jumlah; } ATURAN[] = {
    {"Inovator Pelayanan Publik", "inovasi_tahun", 1},
    {"Kinerja Sangat Baik Berkelanjutan", "sangat_baik_berturut", 2},
  };
  int64_t aturan[2] = {0};
  for (int i = 0; i < 2; i++) {
    json_t *b = json_pack("{s:s,s:s,s:i}", "nama", ATURAN[i].nama, "jenis", ATURAN[i].jenis, "jumlah", ATURAN[i].jumlah);
    json_t *errs = NULL;
    int http = 0;
    const char *pesan = NULL;
    int rc = penghargaan_aturan_buat(db, instansi_id, b, &sys, &errs, &http, &pesan, &aturan[i]);
    json_decref(b);
    json_decref(errs);
    if (rc != 0) return -1;
    if (hasil) hasil->aturan++;
  }
  int64_t pimpinan = satu(db, "SELECT id FROM pengguna WHERE username = 'pimpinan' AND ?1 > 0", 1);
  int tahun = (int)satu(db, "SELECT tahun FROM inovasi WHERE id = ?1", ids[0]);
  int64_t penerima[2] = {peg[1], peg[2]};
  for (int i = 0; i < 2 && pimpinan && tahun; i++) {
    if (!penerima[i]) continue;
    json_t *b = json_pack("{s:I,s:I,s:i}", "aturan_id", (json_int_t)aturan[0], "pegawai_id", (json_int_t)penerima[i], "tahun", tahun);
    json_t *errs = NULL;
    int http = 0;
    const char *pesan = NULL;
    int64_t id = 0;
    int rc = penghargaan_terbitkan(db, instansi_id, pimpinan, b, &sys, &errs, &http, &pesan, &id);
    json_decref(b);
    json_decref(errs);
    if (rc == 3) continue;   /* not a candidate in this demo size */
    if (rc != 0) return -1;
    if (hasil) hasil->piagam++;
    if (i == 1) {
      json_t *s = json_pack("{s:b}", "setuju", 1);
      errs = NULL;
      rc = penghargaan_persetujuan(db, id, penerima[i], s, &sys, &errs, &http, &pesan);
      json_decref(s);
      json_decref(errs);
      if (rc != 0) return -1;
    }
  }
  return 0;
}
