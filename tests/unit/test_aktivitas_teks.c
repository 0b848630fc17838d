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
#include "util/json_teks.h"
#include "util/util.h"
#include "uji_db.h"

struct fx { struct db *db; char path[64]; int64_t inst, peg[8], rhk; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  f->db = uji_db_baru(f->path, "akteks");
  if (!f->db) return -1;
  if (uji_db_demo(f->db, 60, 5) != 0) return -1;
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
  int rc = db_step(st);
  db_done(st);
  *state = f;
  return rc == DB_DONE && f->peg[0] ? 0 : -1;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  return uji_db_akhiri(f->db, f->path, f);
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

/* One pegawai's days (dari and sampai at most 62 days apart) are read unsorted and put in id
 * order in C (aktivitas_teks.c): the same bytes for every window, limit, cursor and filter, also
 * when the window holds more rows than that path reads (the sorted query answers then). */
static void test_tanpa_urut(void **state)
{
  struct fx *f = *state;
  char awal[11] = "", akhir[11] = "";
  struct db_stmt *st = db_prepare(f->db, "SELECT MIN(tanggal), MAX(tanggal) FROM aktivitas");
  assert_int_equal(db_step(st), DB_ROW);
  snprintf(awal, sizeof awal, "%s", db_col_text(st, 0));
  snprintf(akhir, sizeof akhir, "%s", db_col_text(st, 1));
  db_done(st);
  /* 700 more activities of peg[1] on the last day, a few of them withdrawn */
  st = db_prepare(f->db,
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 699)"
    " INSERT INTO aktivitas (pegawai_id, instansi_id, tanggal, menit, uraian, status, sumber, dibuat, diubah, dihapus)"
    " SELECT ?1, ?2, ?3, 1, 'Isian ke-' || i || ' \"x\"', 'diajukan', 'batch', 1795000000 + i, 1795000000 + i, i % 50 = 0 FROM n");
  db_bind_int64(st, 1, f->peg[1]);
  db_bind_int64(st, 2, f->inst);
  db_bind_text(st, 3, akhir);
  assert_int_equal(db_step(st), DB_DONE);
  db_done(st);
  static const int hari[] = {0, 1, 6, 30, 62, 63, 400};
  static const int batas[] = {1, 3, 50, 200};
  int total = 0;
  for (int p = 0; p < 8; p++)
    for (size_t h = 0; h < sizeof hari / sizeof hari[0]; h++)
      for (size_t b = 0; b < sizeof batas / sizeof batas[0]; b++) {
        char dari[11];
        assert_int_equal(date_add_days(akhir, -hari[h], dari), 0);
        struct aktivitas_query q = {.instansi_id = f->inst, .pegawai_id = f->peg[p], .dari = dari, .sampai = akhir,
                                    .limit = batas[b]};
        total += sama(f, &q);
        q.status = "disetujui";
        total += sama(f, &q);
        q.status = NULL;
        q.dari = awal;   /* the whole demo range: over 62 days unless the demo is short */
        total += sama(f, &q);
      }
  /* pages through cursors, with and without the scope of a pegawai's own subtree */
  for (int scope = 0; scope < 2; scope++)
    for (int p = 0; p < 3; p++) {
      char dari[11];
      date_add_days(akhir, -30, dari);
      struct aktivitas_query q = {.instansi_id = f->inst, .pegawai_id = f->peg[p], .dari = dari, .sampai = akhir,
                                  .limit = 7, .scope_root = scope ? f->peg[p] : 0};
      for (int i = 0; i < 150; i++) {
        int n = sama(f, &q);
        total += n;
        const char *bad = NULL;
        json_t *j = aktivitas_list(f->db, &q, &bad);
        const char *c = json_string_value(json_object_get(j, "next_cursor"));
        q.cursor = c ? atoll(c) : 0;
        json_decref(j);
        if (!q.cursor) break;
      }
    }
  /* a bad status or date still names the field */
  struct aktivitas_query q = {.instansi_id = f->inst, .pegawai_id = f->peg[0], .dari = awal, .sampai = akhir,
                              .limit = 5, .status = "salah"};
  assert_int_equal(sama(f, &q), 0);
  assert_true(total > 2000);
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
  /* the same on the unsorted path (one pegawai's days) */
  char hari[11] = "";
  struct db_stmt *st = db_prepare(f->db, "SELECT tanggal FROM aktivitas WHERE id = (SELECT MAX(id) FROM aktivitas)");
  assert_int_equal(db_step(st), DB_ROW);
  snprintf(hari, sizeof hari, "%s", db_col_text(st, 0));
  db_done(st);
  q.dari = q.sampai = hari;
  assert_int_equal(aktivitas_list_teks(f->db, &q, &bad, &out, &n), 1);
  assert_null(out);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_sama, setup, teardown),
    cmocka_unit_test_setup_teardown(test_tanpa_urut, setup, teardown),
    cmocka_unit_test_setup_teardown(test_bukan_utf8, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
