/* test_adopsi.c: the pure parts of the adoption view (src/adopsi.c): quantiles linear between
 * the closest ranks, and the Monday 00:00 WIB that starts a week. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "adopsi.h"

static void kuantil(void **state)
{
  (void)state;
  const double satu[] = {7};
  assert_true(adopsi_kuantil(satu, 1, 0.5) == 7 && adopsi_kuantil(satu, 1, 0.9) == 7);
  const double tiga[] = {2, 4, 10};   /* h = (n-1)p */
  assert_true(adopsi_kuantil(tiga, 3, 0.5) == 4);
  assert_true(adopsi_kuantil(tiga, 3, 0.9) > 8.7999 && adopsi_kuantil(tiga, 3, 0.9) < 8.8001);   /* 4 + 0.8 * 6 */
  assert_true(adopsi_kuantil(tiga, 3, 0) == 2 && adopsi_kuantil(tiga, 3, 1) == 10);
  const double dua[] = {1, 3};
  assert_true(adopsi_kuantil(dua, 2, 0.5) == 2);
  const double sepuluh[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  assert_true(adopsi_kuantil(sepuluh, 10, 0.5) == 5.5);
  assert_true(adopsi_kuantil(sepuluh, 10, 0.9) > 9.0999 && adopsi_kuantil(sepuluh, 10, 0.9) < 9.1001);
}

static void awal_minggu(void **state)
{
  (void)state;
  /* 2026-11-26 (Thursday) 10:00 WIB = 03:00 UTC; its week starts Monday 2026-11-23 00:00 WIB
   * = 2026-11-22 17:00 UTC = 1795366800 */
  const int64_t kamis = 1795662000;
  assert_int_equal(adopsi_awal_minggu(kamis), 1795366800);
  /* Monday 00:00 WIB itself, and one second before it (Sunday 23:59:59 WIB) */
  assert_int_equal(adopsi_awal_minggu(1795366800), 1795366800);
  assert_int_equal(adopsi_awal_minggu(1795366799), 1795366800 - 7 * 86400);
  /* Sunday 20:00 UTC is already Monday 03:00 WIB */
  assert_int_equal(adopsi_awal_minggu(1795366800 + 3 * 3600), 1795366800);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(kuantil),
    cmocka_unit_test(awal_minggu),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
