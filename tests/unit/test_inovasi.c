/* test_inovasi.c: the innovation register's domain functions on a demo database (own validation
 * refused, validated innovations of a year, candidates), the piagam PDF and the recap XLSX. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inovasi.h"
#include "inovasi_tervalidasi.h"
#include "penghargaan.h"
#include "report_inovasi_xlsx.h"
#include "report_piagam_pdf.h"
#include "uji_db.h"

struct fx { struct db *db; char path[64]; int64_t pegawai, kasi, inst; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  f->db = uji_db_baru(f->path, "inovasi");
  if (!f->db) return -1;
  if (uji_db_demo(f->db, 40, 3) != 0) return -1;
  db_query_int64(f->db, "SELECT pegawai_id FROM pengguna WHERE username = 'pegawai' AND ?1 > 0", 1, 1, &f->pegawai);
  db_query_int64(f->db, "SELECT atasan_id FROM pegawai WHERE id = ?1", 1, f->pegawai, &f->kasi);
  db_query_int64(f->db, "SELECT instansi_id FROM pegawai WHERE id = ?1", 1, f->pegawai, &f->inst);
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  return uji_db_akhiri(f->db, f->path, f);
}

static void tahap_labels(void **state)
{
  (void)state;
  assert_string_equal(inovasi_tahap_label("diuji_coba"), "Diuji coba");
  assert_string_equal(inovasi_tahap_label("direplikasi"), "Direplikasi");
  assert_null(inovasi_tahap_label("selesai"));
  assert_null(inovasi_tahap_label(NULL));
}

static void own_validation_refused_and_year_counts(void **state)
{
  struct fx *f = *state;
  struct audit_actor sys = {0, "uji"};
  json_t *errs = NULL;
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0, tahun = 0;
  assert_int_equal(db_begin_write(f->db), DB_OK);
  json_t *b = json_pack("{s:s,s:s,s:s,s:s}", "judul", "Kios informasi mandiri", "masalah", "Tamu dinas bertanya hal yang sama berulang kali.",
                        "layanan", "Layanan informasi", "tahap", "diusulkan");
  assert_int_equal(inovasi_buat(f->db, f->pegawai, b, &sys, &errs, &http, &pesan, &id), 0);
  json_decref(b);
  /* the owner validating their own: refused with 403 and a message */
  assert_int_equal(inovasi_putus(f->db, id, f->pegawai, true, NULL, &sys, &errs, &http, &pesan), 3);
  assert_int_equal(http, 403);
  assert_non_null(strstr(pesan, "sendiri"));
  /* a return needs a note */
  assert_int_equal(inovasi_putus(f->db, id, f->kasi, false, NULL, &sys, &errs, &http, &pesan), 1);
  json_decref(errs);
  errs = NULL;
  db_query_int64(f->db, "SELECT tahun FROM inovasi WHERE id = ?1", 1, id, &tahun);
  int64_t sebelum = inovasi_tervalidasi_jumlah(f->db, f->pegawai, (int)tahun);
  assert_int_equal(inovasi_putus(f->db, id, f->kasi, true, NULL, &sys, &errs, &http, &pesan), 0);
  assert_int_equal(inovasi_tervalidasi_jumlah(f->db, f->pegawai, (int)tahun), sebelum + 1);
  assert_int_equal(inovasi_tervalidasi_jumlah(f->db, f->pegawai, 2001), 0);
  json_t *th = inovasi_tervalidasi_tahun(f->db, f->pegawai, (int)tahun);
  assert_non_null(th);
  assert_int_equal((int64_t)json_array_size(th), sebelum + 1);
  json_decref(th);
  /* a second decision is refused */
  assert_int_equal(inovasi_putus(f->db, id, f->kasi, true, NULL, &sys, &errs, &http, &pesan), 3);
  assert_int_equal(http, 409);
  /* the pegawai is a candidate of the demo's innovation rule */
  json_t *k = penghargaan_kandidat(f->db, f->inst, (int)tahun, 0);
  assert_non_null(k);
  size_t i;
  json_t *it;
  int ada = 0;
  json_array_foreach(json_object_get(k, "items"), i, it)
    if (json_integer_value(json_object_get(json_object_get(it, "pegawai"), "id")) == f->pegawai) ada = 1;
  assert_true(ada);
  json_decref(k);
  assert_int_equal(db_rollback(f->db), DB_OK);
}

static void piagam_pdf(void **state)
{
  (void)state;
  struct piagam p = {.instansi = "Pemerintah Kabupaten Sukamaju", .nomor = "PGH/2026/0001", .nama = "Siti Nurhaliza, S.Pd.",
                     .nip = "198609262015052001", .unit_kerja = "Seksi Kurikulum dan Penilaian Sekolah Dasar",
                     .aturan = "Inovator Pelayanan Publik", .tahun = 2026, .tanggal = "2026-11-26",
                     .alasan = "Dua inovasi tervalidasi pada tahun 2026 — antrean daring dan tanda tangan elektronik; "
                               "waktu layanan turun dari tiga hari menjadi setengah hari, dengan bukti dukung lengkap.",
                     .penerbit_nama = "Mega Setiawan", .penerbit_jabatan = "Sekretaris Daerah"};
  unsigned char *out = NULL;
  size_t len = 0;
  char err[200];
  assert_int_equal(piagam_pdf_render(&p, &out, &len, err, sizeof err), 0);
  assert_true(len > 500);
  assert_memory_equal(out, "%PDF", 4);
  free(out);
  p.nama = NULL;
  assert_int_equal(piagam_pdf_render(&p, &out, &len, err, sizeof err), -1);
  assert_true(err[0] != 0);
}

static void rekap_xlsx(void **state)
{
  (void)state;
  json_t *data = json_loads(
    "{\"items\": [{\"judul\": \"Antrean daring\", \"pegawai\": {\"nama\": \"Taufik\", \"nip\": \"197604262023211005\"},"
    " \"unit_kerja\": null, \"masalah\": \"Antre lama\", \"layanan\": \"Legalisir\", \"tahap_label\": \"Diterapkan\","
    " \"status\": \"divalidasi\", \"tanggal_validasi\": \"2026-11-26\", \"validator\": {\"nama\": \"Arif\"},"
    " \"dampak\": {\"indikator\": \"Waktu tunggu\", \"sebelum\": \"120\", \"sesudah\": \"15\", \"satuan\": \"menit\","
    " \"perubahan_persen\": -87.5}, \"bukti_jumlah\": 2, \"tahun\": 2026}], \"total\": 1, \"per_tahap\": {\"diterapkan\": 1}}",
    0, NULL);
  assert_non_null(data);
  struct inovasi_rekap r = {.judul = "Rekap Inovasi Pegawai", .instansi = "Pemkab", .tahun = 2026, .data = data};
  unsigned char *out = NULL;
  size_t len = 0;
  char err[200];
  assert_int_equal(inovasi_rekap_xlsx(&r, &out, &len, err, sizeof err), 0);
  assert_memory_equal(out, "PK", 2);
  free(out);
  json_decref(data);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(tahap_labels),
    cmocka_unit_test_setup_teardown(own_validation_refused_and_year_counts, setup, teardown),
    cmocka_unit_test(piagam_pdf),
    cmocka_unit_test(rekap_xlsx),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
