/* test_partisi.c: partisi_rencana, which month partitions to create (src/partisi.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "partisi.h"

static void ahead_from_empty(void **s)
{
  int out[16];
  size_t n = partisi_rencana(2026, 11, 3, NULL, 0, NULL, 0, out, 16);
  assert_int_equal(n, 4);
  assert_int_equal(out[0], 202611);
  assert_int_equal(out[1], 202612);
  assert_int_equal(out[2], 202701);   /* the year turns */
  assert_int_equal(out[3], 202702);
}

static void existing_left_out(void **s)
{
  int ada[] = {202612, 202611, 201905}, out[16];
  size_t n = partisi_rencana(2026, 11, 3, ada, 3, NULL, 0, out, 16);
  assert_int_equal(n, 2);
  assert_int_equal(out[0], 202701);
  assert_int_equal(out[1], 202702);
  /* everything there: nothing to do */
  int semua[] = {202611, 202612, 202701, 202702};
  assert_int_equal(partisi_rencana(2026, 11, 3, semua, 4, NULL, 0, out, 16), 0);
}

static void zero_ahead_is_current_month(void **s)
{
  int out[4];
  assert_int_equal(partisi_rencana(2026, 12, 0, NULL, 0, NULL, 0, out, 4), 1);
  assert_int_equal(out[0], 202612);
  /* a negative setting counts as 0; more than the maximum is capped */
  assert_int_equal(partisi_rencana(2026, 12, -5, NULL, 0, NULL, 0, out, 4), 1);
  int big[PARTISI_MAJU_MAKS + 10];
  assert_int_equal(partisi_rencana(2026, 1, 100000, NULL, 0, NULL, 0, big, PARTISI_MAJU_MAKS + 10), PARTISI_MAJU_MAKS + 1);
  assert_int_equal(big[PARTISI_MAJU_MAKS], 203601);
}

static void default_months_split_sorted_unique(void **s)
{
  /* rows in the default partition: far past, far future, one inside the window, duplicates */
  int def[] = {299912, 195001, 201905, 202612, 201905, 202613, 197001, 999912, 1000001, 0, -202601},
      ada[] = {202611}, out[16];
  size_t n = partisi_rencana(2026, 11, 1, ada, 1, def, sizeof def / sizeof def[0], out, 16);
  assert_int_equal(n, 5);
  assert_int_equal(out[0], 197001);
  assert_int_equal(out[1], 201905);
  assert_int_equal(out[2], 202612);
  assert_int_equal(out[3], 299912);
  assert_int_equal(out[4], 999912);   /* 195001, 2026-13, year 10000, 0 and negatives ignored */
}

static void bounded_output(void **s)
{
  int out[2];
  assert_int_equal(partisi_rencana(2026, 11, 12, NULL, 0, NULL, 0, out, 2), 2);
  assert_int_equal(out[0], 202611);
  assert_int_equal(out[1], 202612);
  /* a bad current month plans no window, only the default's months */
  int def[] = {202001};
  assert_int_equal(partisi_rencana(2026, 0, 3, NULL, 0, def, 1, out, 2), 1);
  assert_int_equal(out[0], 202001);
}

int main(void)
{
  const struct CMUnitTest t[] = {
    cmocka_unit_test(ahead_from_empty),
    cmocka_unit_test(existing_left_out),
    cmocka_unit_test(zero_ahead_is_current_month),
    cmocka_unit_test(default_months_split_sorted_unique),
    cmocka_unit_test(bounded_output),
  };
  return cmocka_run_group_tests(t, NULL, NULL);
}
