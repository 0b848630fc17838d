/* common.c: shared set-up of the fuzz harnesses (see common.h). */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/migrate.h"
#include "demo.h"
#include "util/log.h"

static struct db *DB;
static struct audit_actor WHO = {0, "fuzz"};

struct db *fuzz_db(void)
{
  if (DB) return DB;
  char err[256];
  log_set_level(LOG_ERROR);
  DB = db_open(":memory:", err, sizeof err);
  if (!DB) { fprintf(stderr, "fuzz: db_open: %s\n", err); abort(); }
  if (migrate_run(DB, NULL, err, sizeof err) != 0) { fprintf(stderr, "fuzz: migrate: %s\n", err); abort(); }
  FILE *out = fopen("/dev/null", "w");
  struct demo_opts o = {.pegawai = 12, .password = "Rahasia123", .seed = 7};
  if (!out || demo_create(DB, &o, out, err, sizeof err) != 0) { fprintf(stderr, "fuzz: demo: %s\n", err); abort(); }
  fclose(out);
  return DB;
}

int64_t fuzz_id(const char *sql)
{
  int64_t v = 0;
  if (db_query_int64(fuzz_db(), sql, 0, 0, &v) != DB_ROW) {
    fprintf(stderr, "fuzz: no row for: %s (%s)\n", sql, db_errmsg(fuzz_db()));
    abort();
  }
  return v;
}

const struct audit_actor *fuzz_actor(void) { return &WHO; }

json_t *fuzz_json_object(const uint8_t *data, size_t size)
{
  if (size == 0) return NULL;
  json_error_t e;
  json_t *j = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &e);
  if (j && !json_is_object(j)) { json_decref(j); j = NULL; }
  return j;
}

char *fuzz_str(const uint8_t *data, size_t size)
{
  char *s = malloc(size + 1);
  if (!s) abort();
  memcpy(s, data, size);
  s[size] = 0;
  return s;
}
