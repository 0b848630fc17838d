/* test_import_row.c: header mapping and the checks of one pegawai CSV row. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "import_row.h"

struct seen { int n; char kolom[8][32]; char pesan[8][256]; };

static void on_err(void *ctx, const char *kolom, const char *pesan)
{
  struct seen *s = ctx;
  if (s->n < 8) {
    snprintf(s->kolom[s->n], sizeof s->kolom[0], "%s", kolom);
    snprintf(s->pesan[s->n], sizeof s->pesan[0], "%s", pesan);
  }
  s->n++;
}

static const char *const HEAD[] = {"nip", "nama", "gelar_depan", "gelar_belakang", "jenis_kelamin", "tanggal_lahir",
                                   "jenis_asn", "golongan", "jabatan", "jenis_jabatan", "unit_kerja", "nip_atasan"};

static struct import_header header(void)
{
  struct import_header h;
  char why[256];
  assert_int_equal(import_header_parse(&h, HEAD, 12, why, sizeof why), 0);
  return h;
}

static bool has_error(const struct seen *s, const char *kolom)
{
  for (int i = 0; i < s->n && i < 8; i++)
    if (strcmp(s->kolom[i], kolom) == 0) return true;
  return false;
}

static void header_required_aliases_and_duplicates(void **state)
{
  (void)state;
  struct import_header h;
  char why[256];
  const char *const ok[] = {" NIP Baru ", "Nama", "Jenis ASN", "Jabatan", "Jenis-Jabatan", "UNOR", "kolom_lain"};
  assert_int_equal(import_header_parse(&h, ok, 7, why, sizeof why), 0);
  assert_int_equal(h.pos[K_NIP], 0);
  assert_int_equal(h.pos[K_UNIT_KERJA], 5);
  assert_int_equal(h.pos[K_NIP_ATASAN], -1);
  const char *const missing[] = {"nama", "unit_kerja"};
  assert_int_equal(import_header_parse(&h, missing, 2, why, sizeof why), -1);
  assert_non_null(strstr(why, "nip"));
  assert_non_null(strstr(why, "jabatan"));
  assert_null(strstr(why, "nama,"));
  const char *const twice[] = {"nip", "nama", "jenis_asn", "jabatan", "jenis_jabatan", "unit_kerja", "NIP"};
  assert_int_equal(import_header_parse(&h, twice, 7, why, sizeof why), -1);
  assert_non_null(strstr(why, "dua kali"));
}

static void good_row_is_normalised(void **state)
{
  (void)state;
  struct import_header h = header();
  const char *const f[] = {"'198703152010122001", " Dewi Lestari ", "", "S.Kom.", "perempuan", "15-03-1987",
                           "pns", "iii / c", "Pranata Komputer Ahli Muda", "JFT", "Dinas Kominfo", ""};
  struct import_row r;
  struct seen s = {0};
  assert_int_equal(import_row_parse(&h, f, 12, &r, on_err, &s), 0);
  assert_string_equal(r.nip, "198703152010122001");
  assert_string_equal(r.nama, "Dewi Lestari");
  assert_string_equal(r.jenis_kelamin, "P");
  assert_string_equal(r.tanggal_lahir, "1987-03-15");
  assert_string_equal(r.jenis_asn, "PNS");
  assert_string_equal(r.golongan, "III/c");
  assert_string_equal(r.jenis_jabatan, "fungsional");
  assert_string_equal(r.nip_atasan, "");
}

static void gender_and_birth_date_come_from_the_nip_when_absent(void **state)
{
  (void)state;
  struct import_header h;
  char why[256];
  const char *const head[] = {"nip", "nama", "jenis_asn", "jabatan", "jenis_jabatan", "unit_kerja"};
  assert_int_equal(import_header_parse(&h, head, 6, why, sizeof why), 0);
  const char *const f[] = {"199001152015031002", "Fajar", "PNS", "Staf", "pelaksana", "Dinas"};
  struct import_row r;
  struct seen s = {0};
  assert_int_equal(import_row_parse(&h, f, 6, &r, on_err, &s), 0);
  assert_string_equal(r.jenis_kelamin, "L");
  assert_string_equal(r.tanggal_lahir, "1990-01-15");
  assert_false(r.has[K_GOLONGAN]);
}

static void every_bad_field_is_reported(void **state)
{
  (void)state;
  struct import_header h = header();
  const char *const f[] = {"19870315201012200", "", "", "", "X", "1987-02-30", "Honorer", "V/a", "", "struktural", "", "123"};
  struct import_row r;
  struct seen s = {0};
  int n = import_row_parse(&h, f, 12, &r, on_err, &s);
  assert_true(n >= 7);
  assert_true(has_error(&s, "nip"));
  assert_true(has_error(&s, "nama"));
  assert_true(has_error(&s, "jenis_kelamin"));
  assert_true(has_error(&s, "tanggal_lahir"));
  assert_true(has_error(&s, "jenis_asn"));
  assert_true(has_error(&s, "jabatan"));
  assert_true(has_error(&s, "jenis_jabatan"));
}

static void nip_must_agree_with_gender_and_birth_date(void **state)
{
  (void)state;
  struct import_header h = header();
  const char *const f[] = {"198703152010122001", "Dewi", "", "", "L", "1987-03-16", "PNS", "III/a", "Staf", "pelaksana", "Dinas", ""};
  struct import_row r;
  struct seen s = {0};
  assert_int_equal(import_row_parse(&h, f, 12, &r, on_err, &s), 2);
  assert_true(has_error(&s, "jenis_kelamin"));
  assert_true(has_error(&s, "tanggal_lahir"));
}

static void spreadsheet_number_nip_and_self_atasan(void **state)
{
  (void)state;
  struct import_header h = header();
  const char *const f[] = {"1.98703E+17", "Dewi", "", "", "", "", "PNS", "", "Staf", "pelaksana", "Dinas", ""};
  struct import_row r;
  struct seen s = {0};
  assert_int_equal(import_row_parse(&h, f, 12, &r, on_err, &s), 1);
  assert_non_null(strstr(s.pesan[0], "ilmiah"));
  const char *const g[] = {"198703152010122001", "Dewi", "", "", "", "", "PNS", "", "Staf", "pelaksana", "Dinas", "198703152010122001"};
  struct seen t = {0};
  assert_int_equal(import_row_parse(&h, g, 12, &r, on_err, &t), 1);
  assert_true(has_error(&t, "nip_atasan"));
}

static void pppk_golongan_and_short_rows(void **state)
{
  (void)state;
  struct import_header h = header();
  const char *const f[] = {"199607072023212003", "Ni Made Ayu", "", "", "P", "1996-07-07", "PPPK", "XX", "Penyuluh", "fungsional", "Dinas", ""};
  struct import_row r;
  struct seen s = {0};
  assert_int_equal(import_row_parse(&h, f, 12, &r, on_err, &s), 1);
  assert_true(has_error(&s, "golongan"));
  /* a row with fewer fields than the header: the missing ones are empty */
  const char *const g[] = {"199607072023212003", "Ni Made Ayu"};
  struct seen t = {0};
  assert_true(import_row_parse(&h, g, 2, &r, on_err, &t) >= 3);
  assert_true(has_error(&t, "jenis_asn"));
  assert_true(has_error(&t, "unit_kerja"));
}

static void bad_utf8_and_long_fields(void **state)
{
  (void)state;
  struct import_header h = header();
  char longname[1100];
  memset(longname, 'a', sizeof longname - 1);
  longname[sizeof longname - 1] = '\0';
  const char *const f[] = {"198703152010122001", "Dew\xe9", "", longname, "", "", "PNS", "", "Staf", "pelaksana", "Dinas", ""};
  struct import_row r;
  struct seen s = {0};
  assert_true(import_row_parse(&h, f, 12, &r, on_err, &s) >= 2);
  assert_true(has_error(&s, "nama"));
  assert_true(has_error(&s, "gelar_belakang"));
}

static void jenjang_from_the_name(void **state)
{
  (void)state;
  const char *j, *k;
  import_jenjang("Pranata Komputer Ahli Pertama", &j, &k);
  assert_string_equal(j, "Ahli Pertama");
  assert_string_equal(k, "keahlian");
  import_jenjang("Perawat Terampil", &j, &k);
  assert_string_equal(k, "keterampilan");
  import_jenjang("Pengadministrasi Perkantoran", &j, &k);
  assert_null(j);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(header_required_aliases_and_duplicates),
    cmocka_unit_test(good_row_is_normalised),
    cmocka_unit_test(gender_and_birth_date_come_from_the_nip_when_absent),
    cmocka_unit_test(every_bad_field_is_reported),
    cmocka_unit_test(nip_must_agree_with_gender_and_birth_date),
    cmocka_unit_test(spreadsheet_number_nip_and_self_atasan),
    cmocka_unit_test(pppk_golongan_and_short_rows),
    cmocka_unit_test(bad_utf8_and_long_fields),
    cmocka_unit_test(jenjang_from_the_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
