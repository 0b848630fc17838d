/* test_router.c: route matching, parameters, 404 vs 405, Allow header text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "http/router.h"

static int h(struct request *r) { (void)r; return 0; }

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"   /* route.antre left out */
static const struct route t[] = {
  {"GET", "/api/v1/pegawai", h, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/pegawai", h, 1, BODY_JSON, 100},
  {"GET", "/api/v1/pegawai/{id}", h, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/pegawai/{id}", h, 1, BODY_JSON, 100},
  {"GET", "/api/v1/pegawai/{id}/riwayat", h, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/a/{x}/b/{y}", h, CAP_USER, BODY_NONE, 0},
};
#define N (sizeof t / sizeof t[0])

static void exact_and_params(void **s)
{
  struct route_match m;
  assert_int_equal(router_match(t, N, "GET", "/api/v1/pegawai", &m), ROUTE_FOUND);
  assert_int_equal(m.index, 0);
  assert_int_equal(router_match(t, N, "POST", "/api/v1/pegawai", &m), ROUTE_FOUND);
  assert_int_equal(m.index, 1);
  assert_int_equal(router_match(t, N, "GET", "/api/v1/pegawai/42", &m), ROUTE_FOUND);
  assert_int_equal(m.index, 2);
  assert_string_equal(route_param(&m, "id"), "42");
  assert_null(route_param(&m, "nope"));
  assert_int_equal(router_match(t, N, "GET", "/api/v1/pegawai/42/riwayat", &m), ROUTE_FOUND);
  assert_int_equal(m.index, 4);
  assert_int_equal(router_match(t, N, "GET", "/api/v1/a/1/b/zz", &m), ROUTE_FOUND);
  assert_string_equal(route_param(&m, "x"), "1");
  assert_string_equal(route_param(&m, "y"), "zz");
}

static void not_found_and_bad_method(void **s)
{
  struct route_match m;
  assert_int_equal(router_match(t, N, "GET", "/api/v1/pegawaix", &m), ROUTE_NOT_FOUND);
  assert_int_equal(router_match(t, N, "GET", "/api/v1/pegawai/", &m), ROUTE_NOT_FOUND); /* empty param */
  assert_int_equal(router_match(t, N, "GET", "/api/v1/pegawai/1/2", &m), ROUTE_NOT_FOUND);
  assert_int_equal(router_match(t, N, "GET", "/api/v1", &m), ROUTE_NOT_FOUND);
  assert_int_equal(m.index, -1);
  assert_int_equal(router_match(t, N, "DELETE", "/api/v1/pegawai/7", &m), ROUTE_BAD_METHOD);
  assert_int_equal(router_match(t, N, "PUT", "/api/v1/pegawai", &m), ROUTE_BAD_METHOD);
  char allow[64];
  router_allowed(t, N, "/api/v1/pegawai/7", allow, sizeof allow);
  assert_string_equal(allow, "GET, PATCH");
}

static void long_param_rejected(void **s)
{
  struct route_match m;
  char path[400] = "/api/v1/pegawai/";
  memset(path + strlen(path), '9', 200);
  path[216] = 0;
  assert_int_equal(router_match(t, N, "GET", path, &m), ROUTE_NOT_FOUND);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(exact_and_params), cmocka_unit_test(not_found_and_bad_method),
    cmocka_unit_test(long_param_rejected),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
