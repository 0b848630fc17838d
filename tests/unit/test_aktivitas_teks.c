/* test_aktivitas_teks.c: the activity list written straight to text (src/aktivitas_teks.c) is
 * byte for byte json_dumps(aktivitas_list(...), JSON_COMPACT), the answer of
 * GET /api/v1/aktivitas before: on a demo instansi plus activities with awkward text (quotes,
 * backslashes, control characters, non-ASCII), every optional column empty and filled, for
 * filters by pegawai, dates, status, penilai, rhk, scope, cursor and small limits (next_cursor);
 * text that is not UTF-8 sends the caller to the json_t path (1). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aktivitas.h"
#include "db/migrate.h"
#include "demo.h"
#include "util/json_teks.h"

struct fx { struct db *db; char path[64]; int64_t inst, peg[8], rhk; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  char err[256], out[8192];
  snprintf(f->path, sizeof f->path, "/tmp/kinerja-test-akteks-XXXXXX");
  int fd = mkstemp(f->path);
  if (fd < 0) return -1;
  close(fd);
  f->db = db_open(f->path, err, sizeof err);
  if (!f->db || migrate_run(f->db, NULL, err, sizeof err) != 0) return -1;
  FILE *o = fmemopen(out, sizeof out - 1, "w");
  struct demo_opts d = {.pegawai = 60, .password = "Rahasia123", .seed = 5};
  int rc = demo_create(f->db, &d, o, err, sizeof err);
  fclose(o);
  if (rc != 0) { fprintf(stderr, "%s\n", err); return -1; }
  db_query_int64(f->db, "SELECT MIN(instansi_id) FROM pegawai", 0, 0, &f->inst);
  struct db_stmt *st = db_prepare(f->db, "SELECT pegawai_id FROM aktivitas GROUP BY pegawai_id ORDER BY count(*) DESC LIMIT 8");
  for (int i = 0; i < 8 && db_step(st) == DB_ROW; i++) f->peg[i] = db_col_int64(st, 0);
  db_done(st);
  db_query_int64(f->db, "SELECT rhk_id FROM aktivitas WHERE rhk_id IS NOT NULL LIMIT 1", 0, 0, &f->rhk);
  /* awkward text and every optional column filled (copied from a demo row, then changed) */
  const char *sql =
    "INSERT INTO aktivitas (pegawai_id, instansi_id, tanggal, jam_mulai, jam_selesai, menit, uraian, kuantitas, satuan,"
    " lokasi, rhk_id, rencana_aksi_id, status, catatan_review, direview, sumber, dibuat, diubah, penilai_id, skp_id, dihapus)"
    " SELECT pegawai_id, instansi_id, tanggal, '07:30', '08:15', 45,"
    " 'Rapat \"koordinasi\" \\ bidang' || char(10) || 'baris dua' || char(9) || char(1) || ' é Ω € 日本 😀 </script>',"
    " '1,5', 'dokumen \"A\"', 'Aula lt. 2', rhk_id, rencana_aksi_id, 'dikembalikan', 'Perbaiki' || char(13) || char(10) || 'ya',"
    " 1795000000, 'web', dibuat, diubah, penilai_id, skp_id, 0"
    " FROM aktivitas WHERE pegawai_id = ?1 ORDER BY id DESC LIMIT 3";
  st = db_prepare(f->db, sql);
  db_bind_int64(st, 1, f->peg[0]);
  rc = db_step(st);
  db_done(st);
  *state = f;
  return rc == DB_DONE && f->peg[0] ? 0 : -1;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  db_close(f->db);
  unlink(f->path);
  char p[96];
  snprintf(p, sizeof p, "%s-wal", f->path); unlink(p);
  snprintf(p, sizeof p, "%s-shm", f->path); unlink(p);
  free(f);
  return 0;
}

static int sama(struct fx *f, const struct aktivitas_query *q)
{
  const char *bad1 = NULL, *bad2 = NULL;
  json_t *j = aktivitas_list(f->db, q, &bad1);
  char *lama = j ? json_dumps(j, JSON_COMPACT) : NULL;
  char *baru = NULL;
  size_t n = 0;
  int r = aktivitas_list_teks(f->db, q, &bad2, &baru, &n);
  if (!j) {
    assert_int_equal(r, -1);
    assert_true(bad1 == bad2 || (bad1 && bad2 && !strcmp(bad1, bad2)));
    return 0;
  }
  assert_int_equal(r, 0);
  assert_non_null(lama);
  assert_int_equal(n, strlen(lama));
  assert_string_equal(lama, baru);
  int items = (int)json_array_size(json_object_get(j, "items"));
  json_decref(j);
  free(lama);
  free(baru);
  return items;
}

static void test_sama(void **state)
{
  struct fx *f = *state;
  static const char *const status[] = {NULL, "diajukan", "disetujui", "dikembalikan", "salah"};
  static const char *const dari[] = {NULL, "2000-01-01", "2026-01-01", "2026-13-01"};
  int total = 0, n;
  for (int p = 0; p < 8; p++)
    for (int s = 0; s < 5; s++)
      for (int d = 0; d < 4; d++)
        for (int lim = 1; lim <= 200; lim *= 7) {
          struct aktivitas_query q = {.instansi_id = f->inst, .pegawai_id = f->peg[p], .status = status[s],
                                      .dari = dari[d], .sampai = d == 2 ? "2026-12-31" : NULL, .limit = lim};
          total += sama(f, &q);
        }
  /* the rest of the filters, and pages through a cursor */
  struct aktivitas_query q = {.instansi_id = f->inst, .limit = 50};
  total += sama(f, &q);
  q.rhk_id = f->rhk;
  total += sama(f, &q);
  q.rhk_id = 0;
  q.penilai_id = f->peg[1];
  total += sama(f, &q);
  q.penilai_id = 0;
  q.scope_root = f->peg[2];
  total += sama(f, &q);
  q.scope_root = 0;
  q.pegawai_id = f->peg[0];
  q.limit = 2;
  for (int i = 0; i < 10 && (n = sama(f, &q)) > 0; i++) {
    const char *bad = NULL;
    json_t *j = aktivitas_list(f->db, &q, &bad);
    const char *c = json_string_value(json_object_get(j, "next_cursor"));
    q.cursor = c ? atoll(c) : 0;
    json_decref(j);
    total += n;
    if (!q.cursor) break;
  }
  assert_true(total > 100);
}

static void test_bukan_utf8(void **state)
{
  struct fx *f = *state;
  assert_int_equal(db_exec(f->db, "UPDATE aktivitas SET uraian = 'rusak ' || CAST(X'C328' AS TEXT) WHERE id = (SELECT MAX(id) FROM aktivitas)"), DB_OK);
  struct aktivitas_query q = {.instansi_id = f->inst, .pegawai_id = f->peg[0], .limit = 50};
  const char *bad = NULL;
  char *out = NULL;
  size_t n = 0;
  assert_int_equal(aktivitas_list_teks(f->db, &q, &bad, &out, &n), 1);
  assert_null(out);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_sama, setup, teardown),
    cmocka_unit_test_setup_teardown(test_bukan_utf8, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
