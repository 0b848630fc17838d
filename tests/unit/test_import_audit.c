/* test_import_audit.c: the import's audit record per chunk (src/import_audit.h): every affected
 * pegawai named once, the per-row detail derivable (hash_baris recomputed from the rows, sebelum
 * kept for updates), the chain intact. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "import_audit.h"
#include "import_pegawai.h"
#include "pegawai.h"
#include "util/json_teks.h"
#include "uji_db.h"

#define N 2500   /* three chunks: 1000, 1000, 500 */

struct fx { struct db *db; char path[64]; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  f->db = uji_db_baru(f->path, "impaudit");
  if (!f->db) return -1;
  if (db_exec(f->db, "INSERT INTO instansi (id, kode, nama, dibuat) VALUES (1, 'A', 'Instansi A', 0);") != DB_OK) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  return uji_db_akhiri(f->db, f->path, f);
}

/* NIP of row i: birth 1970-01-01 + i/999 days, TMT 20 years later, male, sequence i%999+1. */
static void nip_of(int i, char out[19])
{
  time_t t = (time_t)(i / 999) * 86400;
  struct tm tm;
  gmtime_r(&t, &tm);
  char b[64];
  snprintf(b, sizeof b, "%04d%02d%02d%04d011%03d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
           tm.tm_year + 1920, i % 999 + 1);
  memcpy(out, b, 18);
  out[18] = '\0';
}

/* N rows; row i's atasan is row i+1 for i < 5 (later in the file: pass 2), none for row 5,
 * else row (i-1)/10.
 * `ganti` rows get another name. */
static char *csv_buat(int ganti)
{
  size_t cap = (size_t)N * 160 + 200, len = 0;
  char *s = malloc(cap);
  len += (size_t)snprintf(s, cap, "nip,nama,jenis_asn,golongan,jabatan,jenis_jabatan,unit_kerja,nip_atasan\n");
  for (int i = 0; i < N; i++) {
    char nip[19], atasan[19] = "";
    nip_of(i, nip);
    if (i < 5) nip_of(i + 1, atasan);
    else if (i > 5) nip_of((i - 1) / 10, atasan);   /* row 5 heads the tree */
    len += (size_t)snprintf(s + len, cap - len, "%s,Pegawai %d%s,PNS,III/a,Pengelola Data,pelaksana,Dinas Uji,%s\n",
                            nip, i, i < ganti ? " Baru" : "", atasan);
  }
  return s;
}

static int run(struct fx *f, const char *csv, struct import_result *r)
{
  struct audit_actor who = {0, "test"};
  struct import_opts o = {.instansi_id = 1, .create_missing = true, .tanggal = "2026-01-02", .actor = &who};
  return import_pegawai_buffer(f->db, &o, csv, strlen(csv), r);
}

static int64_t qp(struct db *db, const char *sql, int np, int64_t p1)
{
  int64_t v = -1;
  assert_int_equal(db_query_int64(db, sql, np, p1, &v), DB_ROW);
  return v;
}

static int64_t q(struct db *db, const char *sql)
{
  int64_t v = -1;
  assert_int_equal(db_query_int64(db, sql, 0, 0, &v), DB_ROW);
  return v;
}

/* Checks every record of `aksi` after the last audit id `sejak`: hash_baris equals the hash of
 * the rows as derived from the database: the row now, with the fields a later record changed
 * taken from that record's sebelum (`kemudian`: id -> fields, may be NULL).  Returns how many
 * rows the records name. */
static int64_t periksa(struct fx *f, const char *aksi, int64_t sejak, json_t *kemudian, int64_t *dengan_sebelum)
{
  struct db_stmt *st = db_prepare(f->db, "SELECT sebelum, sesudah FROM audit_log WHERE aksi = ?1 AND id > ?2 ORDER BY id");
  assert_non_null(st);
  db_bind_text(st, 1, aksi);
  db_bind_int64(st, 2, sejak);
  int64_t rows = 0;
  *dengan_sebelum = 0;
  while (db_step(st) == DB_ROW) {
    json_t *sb = db_col_is_null(st, 0) ? NULL : json_loads(db_col_text(st, 0), 0, NULL);
    json_t *sa = json_loads(db_col_text(st, 1), 0, NULL);
    assert_non_null(sa);
    json_t *ids = json_object_get(sa, "ids");
    size_t n = json_array_size(ids);
    assert_int_equal((int64_t)n, json_integer_value(json_object_get(sa, "jumlah")));
    assert_true(n > 0 && n <= IMPORT_AUDIT_CHUNK);
    int64_t *id = calloc(n, sizeof *id);
    json_t **after = calloc(n, sizeof *after);
    for (size_t i = 0; i < n; i++) {
      id[i] = json_integer_value(json_array_get(ids, i));
      struct pegawai_rec p;
      assert_int_equal(pegawai_load(f->db, id[i], &p), 0);
      after[i] = strcmp(aksi, "pegawai.import.atasan.batch") == 0
                   ? json_pack("{s:I}", "atasan_id", (json_int_t)p.atasan_id) : pegawai_rec_json(&p);
      char k[24];
      snprintf(k, sizeof k, "%lld", (long long)id[i]);
      if (kemudian && json_object_get(kemudian, k)) json_object_update(after[i], json_object_get(kemudian, k));
      if (sb && json_object_get(sb, k)) (*dengan_sebelum)++;
    }
    char hex[65];
    import_audit_hash_rows(id, after, n, hex);
    assert_string_equal(hex, json_string_value(json_object_get(sa, "hash_baris")));
    for (size_t i = 0; i < n; i++) json_decref(after[i]);
    free(after);
    free(id);
    rows += (int64_t)n;
    json_decref(sa);
    json_decref(sb);
  }
  db_done(st);
  return rows;
}

static void one_record_per_chunk(void **state)
{
  struct fx *f = *state;
  char *csv = csv_buat(0);
  struct import_result r;
  assert_int_equal(run(f, csv, &r), 0);
  json_decref(r.errors);
  assert_int_equal(r.created, N);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM audit_log WHERE aksi = 'pegawai.import.batch'"), 3);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM audit_log WHERE aksi LIKE 'pegawai.import.%' AND aksi NOT LIKE '%.batch'"), 0);
  int64_t sb;
  /* the five forward references went through pass 2: one record naming them, with the
   * atasan they had before (none) */
  assert_int_equal(periksa(f, "pegawai.import.atasan.batch", 0, NULL, &sb), 5);
  assert_int_equal(sb, 5);
  struct db_stmt *st = db_prepare(f->db, "SELECT sebelum FROM audit_log WHERE aksi = 'pegawai.import.atasan.batch'");
  assert_non_null(st);
  assert_int_equal(db_step(st), DB_ROW);
  json_t *kemudian = json_loads(db_col_text(st, 0), 0, NULL);
  db_done(st);
  assert_int_equal(json_object_size(kemudian), 5);
  assert_int_equal(periksa(f, "pegawai.import.batch", 0, kemudian, &sb), N);
  assert_int_equal(sb, 0);   /* all created: no sebelum */
  json_decref(kemudian);
  assert_int_equal(q(f->db, "SELECT COUNT(DISTINCT p.id) FROM pegawai p, audit_log a, json_each(a.sesudah, '$.ids') j"
                            " WHERE a.aksi = 'pegawai.import.batch' AND j.value = p.id"), N);
  int64_t last = q(f->db, "SELECT MAX(id) FROM audit_log");

  /* a re-import changing 7 names: one record, their old rows in sebelum */
  free(csv);
  csv = csv_buat(7);
  assert_int_equal(run(f, csv, &r), 0);
  json_decref(r.errors);
  assert_int_equal(r.updated, 7);
  assert_int_equal(periksa(f, "pegawai.import.batch", last, NULL, &sb), 7);
  assert_int_equal(sb, 7);
  assert_int_equal(qp(f->db, "SELECT COUNT(*) FROM audit_log a, json_each(a.sebelum) j"
                            " WHERE a.aksi = 'pegawai.import.batch' AND a.id > ?1"
                            "   AND json_extract(j.value, '$.nama') NOT LIKE '% Baru'", 1, last), 7);

  struct audit_verify_result v;
  assert_int_equal(audit_verify(f->db, &v), 0);
  assert_int_equal(v.ok, 1);
  /* a changed row list breaks the chain */
  assert_int_equal(db_exec(f->db, "UPDATE audit_log SET sesudah = replace(sesudah, '\"jumlah\":7', '\"jumlah\":6')"
                                  " WHERE aksi = 'pegawai.import.batch'"), DB_OK);
  assert_int_equal(audit_verify(f->db, &v), 0);
  assert_int_equal(v.ok, 0);
  free(csv);
}

/* pegawai_rec_teks writes exactly what the per-row records stored (json_teks of
 * pegawai_rec_json), also with quotes, control characters, non-ASCII and empty/absent fields. */
static void rec_teks_equals_json(void **state)
{
  (void)state;
  static const char *const nama[] = {"Budi", "A \"b\" \\ c", "Ni Made Ayu \xC3\xA9\x01\x1f/\t", ""};
  for (int i = 0; i < 64; i++) {
    struct pegawai_rec r;
    memset(&r, 0, sizeof r);
    r.id = i * 1000003LL;
    r.instansi_id = i % 3 + 1;
    snprintf(r.nip, sizeof r.nip, "1970010119900110%02u", (unsigned)i % 100u);
    snprintf(r.nama, sizeof r.nama, "%s", nama[i % 4]);
    snprintf(r.gelar_depan, sizeof r.gelar_depan, "%s", i % 2 ? "Dr." : "");
    snprintf(r.gelar_belakang, sizeof r.gelar_belakang, "%s", i % 3 ? "S.Kom., M.T." : "");
    snprintf(r.jenis_kelamin, sizeof r.jenis_kelamin, "%s", i % 2 ? "P" : "L");
    snprintf(r.tanggal_lahir, sizeof r.tanggal_lahir, "1970-01-01");
    snprintf(r.jenis_asn, sizeof r.jenis_asn, "%s", i % 5 ? "PNS" : "PPPK");
    snprintf(r.golongan, sizeof r.golongan, "%s", i % 4 ? "III/a" : "");
    snprintf(r.email, sizeof r.email, "%s", i % 6 ? "" : "a@b.go.id");
    r.jabatan_id = i % 7;
    r.unit_kerja_id = i % 5;
    r.atasan_id = i % 2 ? i - 1 : 0;
    r.aktif = i % 9 != 0;
    json_t *j = pegawai_rec_json(&r);
    char *a = json_teks(j, JSON_COMPACT | JSON_SORT_KEYS, NULL);
    size_t n = 0;
    char *b = pegawai_rec_teks(&r, &n);
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(a, b);
    assert_int_equal(n, strlen(a));
    free(a);
    free(b);
    json_decref(j);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(rec_teks_equals_json),
    cmocka_unit_test_setup_teardown(one_record_per_chunk, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
