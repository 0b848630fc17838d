/* test_util.c: bounded buffer, strict parsing, dates, text checks, cursors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "util/buf.h"
#include "util/cursor.h"
#include "util/util.h"

static void buffer_is_bounded(void **s)
{
  struct buf b;
  buf_init(&b, 10);
  assert_int_equal(buf_puts(&b, "12345"), 0);
  assert_int_equal(buf_printf(&b, "%d", 6789), 0);
  assert_string_equal(b.data, "123456789");
  assert_int_equal(buf_puts(&b, "ab"), -1);   /* would exceed 10 */
  assert_string_equal(b.data, "123456789");   /* unchanged */
  assert_int_equal(buf_puts(&b, "a"), 0);
  assert_int_equal(b.len, 10);
  buf_free(&b);
}

static void parsing(void **s)
{
  int64_t v;
  assert_int_equal(parse_int64("42", 0, 100, &v), 0);
  assert_int_equal(v, 42);
  assert_int_equal(parse_int64("101", 0, 100, &v), -1);
  assert_int_equal(parse_int64("4x", 0, 100, &v), -1);
  assert_int_equal(parse_int64("", 0, 100, &v), -1);
  assert_int_equal(parse_int64(" 4", 0, 100, &v), -1);
  assert_int_equal(parse_int64("99999999999999999999", 0, INT64_MAX, &v), -1);
  assert_true(date_valid("2024-02-29"));
  assert_false(date_valid("2023-02-29"));
  assert_false(date_valid("2023-2-01"));
  assert_false(date_valid("2023-13-01"));
  assert_true(text_clean("Siti Rahayu, S.Kom.", false));
  assert_true(text_clean("Ni Luh Putu Ayu \xc3\xa9", false));
  assert_false(text_clean("a\x01" "b", false));
  assert_false(text_clean("a\nb", false));
  assert_true(text_clean("a\nb", true));
  assert_false(text_clean("\xc3", false));        /* truncated UTF-8 */
  assert_false(text_clean("\xc0\xaf", false));    /* overlong */
}

static void cursors(void **s)
{
  char v[64];
  int64_t id;
  json_t *c = cursor_encode("Budi Santoso", 77);
  assert_int_equal(cursor_decode(json_string_value(c), v, sizeof v, &id), 0);
  assert_string_equal(v, "Budi Santoso");
  assert_int_equal(id, 77);
  json_decref(c);
  assert_int_equal(cursor_decode("!!!", v, sizeof v, &id), -1);
  assert_int_equal(cursor_decode("YWJj", v, sizeof v, &id), -1); /* "abc": no separator */
  char like[32];
  like_pattern("50%_a\\", true, like, sizeof like);
  assert_string_equal(like, "%50\\%\\_a\\\\%");
  like_pattern("1986", false, like, sizeof like);
  assert_string_equal(like, "1986%");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(buffer_is_bounded), cmocka_unit_test(parsing), cmocka_unit_test(cursors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
