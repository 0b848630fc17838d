/* test_nip.c: NIP / NI PPPK validation (DOMAIN.md "NIP") and golongan. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "golongan.h"
#include "nip.h"

static void valid_example(void **s)
{
  struct nip_info in;
  assert_int_equal(nip_validate("198609262015051001", ASN_PNS, &in), NIP_OK);
  assert_int_equal(in.lahir_y, 1986);
  assert_int_equal(in.lahir_m, 9);
  assert_int_equal(in.lahir_d, 26);
  assert_int_equal(in.tmt_y, 2015);
  assert_int_equal(in.tmt_m, 5);
  assert_int_equal(in.jenis_kelamin, 'L');
  assert_int_equal(in.urut, 1);
  assert_int_equal(nip_validate("199202292019032007", ASN_PNS, &in), NIP_OK); /* leap day */
  assert_int_equal(in.jenis_kelamin, 'P');
}

static void wrong_length(void **s)
{
  assert_int_equal(nip_validate("19860926201505100", ASN_PNS, NULL), NIP_LENGTH);
  assert_int_equal(nip_validate("1986092620150510011", ASN_PNS, NULL), NIP_LENGTH);
  assert_int_equal(nip_validate("", ASN_PNS, NULL), NIP_LENGTH);
  assert_int_equal(nip_validate(NULL, ASN_PNS, NULL), NIP_LENGTH);
  assert_int_equal(nip_validate("19860926201505100a", ASN_PNS, NULL), NIP_NOT_DIGITS);
  assert_int_equal(nip_validate("1986 9262015051001", ASN_PNS, NULL), NIP_NOT_DIGITS);
}

static void bad_date(void **s)
{
  assert_int_equal(nip_validate("198613262015051001", ASN_PNS, NULL), NIP_BIRTH_DATE);  /* month 13 */
  assert_int_equal(nip_validate("198602302015051001", ASN_PNS, NULL), NIP_BIRTH_DATE);  /* 30 Feb */
  assert_int_equal(nip_validate("199302292019031001", ASN_PNS, NULL), NIP_BIRTH_DATE);  /* 1993 not leap */
  assert_int_equal(nip_validate("198609002015051001", ASN_PNS, NULL), NIP_BIRTH_DATE);  /* day 0 */
  assert_int_equal(nip_validate("198609262015131001", ASN_PNS, NULL), NIP_TMT);         /* TMT month 13 */
  assert_int_equal(nip_validate("198609261980051001", ASN_PNS, NULL), NIP_TMT);         /* TMT before birth */
}

static void bad_gender_and_sequence(void **s)
{
  assert_int_equal(nip_validate("198609262015053001", ASN_PNS, NULL), NIP_GENDER);
  assert_int_equal(nip_validate("198609262015050001", ASN_PNS, NULL), NIP_GENDER);
  assert_int_equal(nip_validate("198609262015051000", ASN_PNS, NULL), NIP_SEQUENCE);
  assert_string_equal(nip_error_text(NIP_GENDER), "digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan)");
}

static void pppk_checks_known_parts_only(void **s)
{
  struct nip_info in;
  /* middle digits are not a TMT for PPPK (UNCONFIRMED layout) */
  assert_int_equal(nip_validate("199001012023212000", ASN_PPPK, &in), NIP_OK);
  assert_int_equal(in.jenis_kelamin, 'P');
  assert_int_equal(nip_validate("199001012023213001", ASN_PPPK, NULL), NIP_GENDER);
  assert_int_equal(nip_validate("199013012023211001", ASN_PPPK, NULL), NIP_BIRTH_DATE);
  assert_int_equal(nip_validate("19900101202321100", ASN_PPPK, NULL), NIP_LENGTH);
}

static void golongan_tables(void **s)
{
  char g[8];
  assert_string_equal(golongan_pns("III/a")->pangkat, "Penata Muda");
  assert_string_equal(golongan_pns("iii/A")->kode, "III/a");
  assert_string_equal(golongan_pns("45")->kode, "IV/e");
  assert_string_equal(golongan_pns("IV / e")->pangkat, "Pembina Utama");
  assert_null(golongan_pns("III/e"));
  assert_null(golongan_pns("35"));
  assert_int_equal(golongan_normalize(ASN_PNS, "32", g, sizeof g), 0);
  assert_string_equal(g, "III/b");
  assert_int_equal(golongan_normalize(ASN_PPPK, "ix", g, sizeof g), 0);
  assert_string_equal(g, "IX");
  assert_int_equal(golongan_normalize(ASN_PPPK, "XVIII", g, sizeof g), -1);
  assert_int_equal(golongan_normalize(ASN_PPPK, "III/a", g, sizeof g), -1);
  assert_true(golongan_pppk_valid("XVII"));
  assert_false(golongan_pppk_valid("0"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(valid_example), cmocka_unit_test(wrong_length), cmocka_unit_test(bad_date),
    cmocka_unit_test(bad_gender_and_sequence), cmocka_unit_test(pppk_checks_known_parts_only),
    cmocka_unit_test(golongan_tables),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
