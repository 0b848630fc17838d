/* test_strmap.c: the string -> int64 map and the NIP map keep every key through growth. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>

#include "util/nipmap.h"
#include "util/strmap.h"

static void put_get_replace_and_grow(void **state)
{
  (void)state;
  struct strmap *m = strmap_new();
  assert_non_null(m);
  char key[32];
  for (int i = 0; i < 100000; i++) {
    snprintf(key, sizeof key, "1987%014d", i);
    assert_int_equal(strmap_put(m, key, i), 0);
  }
  assert_int_equal(strmap_count(m), 100000);
  int64_t v = -1;
  assert_true(strmap_get(m, "198700000000000000", &v));
  assert_int_equal(v, 0);
  assert_true(strmap_get(m, "198700000000099999", &v));
  assert_int_equal(v, 99999);
  assert_false(strmap_get(m, "198700000000100000", &v));
  assert_int_equal(strmap_put(m, "198700000000000007", -5), 0);
  assert_true(strmap_get(m, "198700000000000007", &v));
  assert_int_equal(v, -5);
  assert_int_equal(strmap_count(m), 100000);
  assert_false(strmap_get(m, "", NULL));
  assert_int_equal(strmap_put(m, "", 3), 0);
  assert_true(strmap_get(m, "", &v));
  assert_int_equal(v, 3);
  strmap_free(m);
}

/* The NIP map: 18-digit keys only, values kept through growth, changed in place. */
static void nipmap_keys_growth_and_ref(void **state)
{
  (void)state;
  struct nipmap *m = nipmap_new();
  assert_non_null(m);
  char key[32];
  for (int i = 0; i < 100000; i++) {
    snprintf(key, sizeof key, "1987%014d", i * 7);
    assert_int_equal(nipmap_put(m, key, i), 0);
  }
  assert_int_equal(nipmap_count(m), 100000);
  int64_t v = -1;
  assert_true(nipmap_get(m, "198700000000000000", &v));
  assert_int_equal(v, 0);
  assert_true(nipmap_get(m, "198700000000699993", &v));
  assert_int_equal(v, 99999);
  assert_false(nipmap_get(m, "198700000000000001", &v));
  assert_true(nipmap_get(m, "999999999999999999", &v) == false);
  assert_int_equal(nipmap_put(m, "999999999999999999", -3), 0);
  assert_true(nipmap_get(m, "999999999999999999", &v));
  assert_int_equal(v, -3);
  assert_int_equal(nipmap_put(m, "000000000000000000", 5), 0);   /* the number 0 is a key too */
  assert_true(nipmap_get(m, "000000000000000000", &v));
  assert_int_equal(v, 5);
  /* not 18 digits: never found, never put */
  assert_int_equal(nipmap_put(m, "19870000000000000", 1), -1);
  assert_int_equal(nipmap_put(m, "1987000000000000000", 1), -1);
  assert_int_equal(nipmap_put(m, "19870000000000000x", 1), -1);
  assert_false(nipmap_get(m, "", NULL));
  assert_false(nipmap_get(m, "19870000000000000", NULL));
  int64_t *ref = nipmap_ref(m, "198700000000000014");
  assert_non_null(ref);
  assert_int_equal(*ref, 2);
  *ref = 42;
  assert_true(nipmap_get(m, "198700000000000014", &v));
  assert_int_equal(v, 42);
  assert_null(nipmap_ref(m, "198700000000000015"));
  assert_int_equal(nipmap_count(m), 100002);
  nipmap_free(m);
}

int main(void)
{
  const struct CMUnitTest tests[] = {cmocka_unit_test(put_get_replace_and_grow), cmocka_unit_test(nipmap_keys_growth_and_ref)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
