/* test_skp_alur.c: the SKP workflow state machine and IKI target rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules/berakhlak.h"
#include "rules/skp_alur.h"
#include "rules/target.h"

static void happy_path(void **state)
{
  (void)state;
  struct skp_alur_hasil r = skp_alur(SKP_DRAFT, AKSI_UBAH, PELAKU_PEGAWAI, true);
  assert_true(r.ok);
  assert_int_equal(r.baru, SKP_DRAFT);
  r = skp_alur(SKP_DRAFT, AKSI_AJUKAN, PELAKU_PEGAWAI, true);
  assert_true(r.ok);
  assert_int_equal(r.baru, SKP_DIAJUKAN);
  r = skp_alur(SKP_DIAJUKAN, AKSI_KEMBALIKAN, PELAKU_PENILAI, true);
  assert_int_equal(r.baru, SKP_DIKEMBALIKAN);
  r = skp_alur(SKP_DIKEMBALIKAN, AKSI_UBAH, PELAKU_PEGAWAI, true);
  assert_true(r.ok);
  r = skp_alur(SKP_DIKEMBALIKAN, AKSI_AJUKAN, PELAKU_PEGAWAI, true);
  assert_int_equal(r.baru, SKP_DIAJUKAN);
  r = skp_alur(SKP_DIAJUKAN, AKSI_SETUJUI, PELAKU_PENILAI, true);
  assert_int_equal(r.baru, SKP_DISETUJUI);
  r = skp_alur(SKP_DISETUJUI, AKSI_REVISI, PELAKU_PEGAWAI, true);
  assert_true(r.ok);
  assert_int_equal(r.baru, SKP_DRAFT);
  r = skp_alur(SKP_DIAJUKAN, AKSI_TARIK, PELAKU_PEGAWAI, true);
  assert_int_equal(r.baru, SKP_DRAFT);
}

static void wrong_person_is_403(void **state)
{
  (void)state;
  /* approving one's own SKP, editing someone else's, a third person acting */
  struct skp_alur_hasil r = skp_alur(SKP_DIAJUKAN, AKSI_SETUJUI, PELAKU_PEGAWAI, true);
  assert_false(r.ok);
  assert_int_equal(r.http, 403);
  assert_non_null(strstr(r.pesan, "sendiri"));
  r = skp_alur(SKP_DRAFT, AKSI_UBAH, PELAKU_PENILAI, true);
  assert_int_equal(r.http, 403);
  r = skp_alur(SKP_DIAJUKAN, AKSI_KEMBALIKAN, PELAKU_LAIN, true);
  assert_int_equal(r.http, 403);
  r = skp_alur(SKP_DRAFT, AKSI_EKSPEKTASI, PELAKU_PEGAWAI, true);
  assert_int_equal(r.http, 403);
}

static void wrong_state_is_409(void **state)
{
  (void)state;
  enum skp_status locked[] = {SKP_DIAJUKAN, SKP_DISETUJUI};
  for (int i = 0; i < 2; i++) {
    struct skp_alur_hasil r = skp_alur(locked[i], AKSI_UBAH, PELAKU_PEGAWAI, true);
    assert_false(r.ok);
    assert_int_equal(r.http, 409);
    assert_int_equal(r.baru, locked[i]);
  }
  assert_int_equal(skp_alur(SKP_DRAFT, AKSI_SETUJUI, PELAKU_PENILAI, true).http, 409);
  assert_int_equal(skp_alur(SKP_DISETUJUI, AKSI_AJUKAN, PELAKU_PEGAWAI, true).http, 409);
  assert_int_equal(skp_alur(SKP_DRAFT, AKSI_REVISI, PELAKU_PEGAWAI, true).http, 409);
  assert_int_equal(skp_alur(SKP_DRAFT, AKSI_TARIK, PELAKU_PEGAWAI, true).http, 409);
  assert_int_equal(skp_alur(SKP_DISETUJUI, AKSI_EKSPEKTASI, PELAKU_PENILAI, true).http, 409);
}

static void closed_period_refuses_everything(void **state)
{
  (void)state;
  for (int s = 0; s < SKP_STATUS_N; s++)
    for (int a = 0; a < AKSI_N; a++)
      for (int p = 0; p < 3; p++) {
        struct skp_alur_hasil r = skp_alur((enum skp_status)s, (enum skp_aksi)a, (enum skp_pelaku)p, false);
        assert_false(r.ok);
        assert_int_equal(r.http, 409);
        assert_non_null(strstr(r.pesan, "ditutup"));
      }
}

static void codes_round_trip(void **state)
{
  (void)state;
  for (int s = 0; s < SKP_STATUS_N; s++) {
    enum skp_status back;
    assert_int_equal(skp_status_dari(skp_status_kode((enum skp_status)s), &back), 0);
    assert_int_equal(back, s);
  }
  enum skp_status x;
  assert_int_equal(skp_status_dari("selesai", &x), -1);
}

static void target_numbers(void **state)
{
  (void)state;
  char out[32];
  assert_int_equal(target_angka_normal("12", out, sizeof out), 0);
  assert_string_equal(out, "12");
  assert_int_equal(target_angka_normal(" 099,50 ", out, sizeof out), 0);
  assert_string_equal(out, "99.5");
  assert_int_equal(target_angka_normal("0.0", out, sizeof out), 0);
  assert_string_equal(out, "0");
  assert_int_equal(target_angka_normal("1.000.000", out, sizeof out), -1);
  assert_int_equal(target_angka_normal("-5", out, sizeof out), -1);
  assert_int_equal(target_angka_normal("12 laporan", out, sizeof out), -1);
  assert_int_equal(target_angka_normal("1.23456", out, sizeof out), -1);
  assert_int_equal(target_angka_normal("", out, sizeof out), -1);
  assert_int_equal(target_angka_normal("1234567890123456", out, sizeof out), -1);
  assert_true(target_aspek_valid("waktu"));
  assert_false(target_aspek_valid("Waktu"));
  assert_string_equal(target_aspek_nama("biaya"), "Biaya");
}

static void berakhlak_values(void **state)
{
  (void)state;
  assert_int_equal(BERAKHLAK_JUMLAH, 7);
  assert_string_equal(BERAKHLAK[0].nama, "Berorientasi Pelayanan");
  assert_string_equal(BERAKHLAK[6].nama, "Kolaboratif");
  for (int i = 0; i < BERAKHLAK_JUMLAH; i++) {
    assert_int_equal(BERAKHLAK[i].nomor, i + 1);
    for (int j = 0; j < 3; j++) assert_true(strlen(BERAKHLAK[i].panduan[j]) > 10);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(happy_path),
    cmocka_unit_test(wrong_person_is_403),
    cmocka_unit_test(wrong_state_is_409),
    cmocka_unit_test(closed_period_refuses_everything),
    cmocka_unit_test(codes_round_trip),
    cmocka_unit_test(target_numbers),
    cmocka_unit_test(berakhlak_values),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
