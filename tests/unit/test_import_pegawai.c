/* test_import_pegawai.c: the CSV import against a real (temporary) database: line numbers,
 * delimiters, forward atasan references, cycles, idempotency, all-or-nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/migrate.h"
#include "import_massal.h"
#include "import_pegawai.h"
#include "uji_db.h"

static int g_massal = -1;   /* every test runs twice: ordinary path, then bulk mode forced */

struct fx { struct db *db; char path[64]; int64_t inst, inst2; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  f->db = uji_db_baru(f->path, "import");
  if (!f->db) return -1;
  if (db_exec(f->db, "INSERT INTO instansi (id, kode, nama, dibuat) VALUES (1, 'A', 'Instansi A', 0), (2, 'B', 'Instansi B', 0);"
                     "INSERT INTO unit_kerja (instansi_id, kode, nama) VALUES (1, 'U1', 'Dinas Perikanan');") != DB_OK) return -1;
  f->inst = 1;
  f->inst2 = 2;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  return uji_db_akhiri(f->db, f->path, f);
}

static int run(struct fx *f, int64_t inst, bool buat, const char *csv, struct import_result *r)
{
  struct audit_actor who = {0, "test"};
  struct import_opts o = {.instansi_id = inst, .create_missing = buat, .tanggal = "2026-01-02", .actor = &who, .massal = g_massal};
  return import_pegawai_buffer(f->db, &o, csv, strlen(csv), r);
}

static int64_t q(struct db *db, const char *sql)
{
  int64_t v = -1;
  assert_int_equal(db_query_int64(db, sql, 0, 0, &v), DB_ROW);
  return v;
}

static bool error_at(const struct import_result *r, int64_t baris, const char *kolom)
{
  size_t i;
  json_t *e;
  json_array_foreach(r->errors, i, e)
    if (json_integer_value(json_object_get(e, "baris")) == baris &&
        (!kolom || strcmp(json_string_value(json_object_get(e, "kolom")), kolom) == 0)) return true;
  return false;
}

#define HEAD "nip,nama,jenis_asn,golongan,jabatan,jenis_jabatan,unit_kerja,nip_atasan\n"

static void forward_atasan_and_idempotent(void **state)
{
  struct fx *f = *state;
  /* the bawahan comes before the atasan; BOM and comma delimiter */
  const char *csv = "\xEF\xBB\xBF" HEAD
    "199403032019031006,Yohanes Siregar,PNS,III/a,Pengelola Data,pelaksana,Dinas Perikanan,197205141998031003\n"
    "197205141998031003,\"Gunawan, Hendra\",PNS,IV/b,Kepala Dinas,jpt,U1,\n";
  struct import_result r;
  assert_int_equal(run(f, f->inst, true, csv, &r), 0);
  json_decref(r.errors);
  assert_int_equal(r.rows, 2);
  assert_int_equal(r.created, 2);
  assert_int_equal(r.units_created, 0);  /* matched by name and by code */
  assert_int_equal(r.jabatan_created, 2);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai p JOIN pegawai a ON a.id = p.atasan_id"
                            " WHERE p.nip = '199403032019031006' AND a.nip = '197205141998031003'"), 1);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai_riwayat r JOIN pegawai p ON p.id = r.pegawai_id"
                            " WHERE p.nip = '199403032019031006' AND r.selesai IS NULL AND r.atasan_id IS NOT NULL AND r.mulai = '2026-01-02'"), 1);
  int64_t audits = q(f->db, "SELECT COUNT(*) FROM audit_log");
  assert_int_equal(run(f, f->inst, true, csv, &r), 0);
  json_decref(r.errors);
  assert_int_equal(r.unchanged, 2);
  assert_int_equal(r.created + r.updated, 0);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM audit_log"), audits);
}

static void line_numbers_count_physical_lines(void **state)
{
  struct fx *f = *state;
  /* line 2 has a quoted name over two lines, line 4 is blank, line 5 is bad */
  const char *csv = HEAD
    "198811222014022004,\"Rina\nMarlina\",PNS,III/c,Kepala Bidang,administrator,U1,\n"
    "\n"
    "19881122201402200X,Budi,PNS,III/c,Staf,pelaksana,U1,\n";
  struct import_result r;
  assert_int_equal(run(f, f->inst, true, csv, &r), 1);
  assert_true(error_at(&r, 5, "nip"));
  assert_true(error_at(&r, 2, "nama"));  /* a newline inside a name is not clean text */
  assert_int_equal(r.error_count, 2);
  json_decref(r.errors);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai WHERE nip = '198811222014022004'"), 0);
}

static void cycles_missing_atasan_and_other_instansi(void **state)
{
  struct fx *f = *state;
  const char *cycle = HEAD
    "198001012005011001,Satu,PNS,III/a,Staf,pelaksana,U1,198002022005011002\n"
    "198002022005011002,Dua,PNS,III/a,Staf,pelaksana,U1,198001012005011001\n";
  struct import_result r;
  int64_t n = q(f->db, "SELECT COUNT(*) FROM pegawai");
  assert_int_equal(run(f, f->inst, true, cycle, &r), 1);
  assert_true(error_at(&r, 2, "nip_atasan") || error_at(&r, 3, "nip_atasan"));
  json_decref(r.errors);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai"), n);

  const char *missing = HEAD "198001012005011001,Satu,PNS,III/a,Staf,pelaksana,U1,199912312020121001\n";
  assert_int_equal(run(f, f->inst, true, missing, &r), 1);
  assert_true(error_at(&r, 2, "nip_atasan"));
  json_decref(r.errors);

  /* a NIP already in instansi A cannot be imported into instansi B */
  const char *ok = HEAD "198001012005011001,Satu,PNS,III/a,Staf,pelaksana,U1,\n";
  assert_int_equal(run(f, f->inst, true, ok, &r), 0);
  json_decref(r.errors);
  const char *other = HEAD "198001012005011001,Satu,PNS,III/a,Staf,pelaksana,Kantor B,\n";
  assert_int_equal(run(f, f->inst2, true, other, &r), 1);
  assert_true(error_at(&r, 2, "nip"));
  json_decref(r.errors);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM unit_kerja WHERE instansi_id = 2"), 0);
}

static void changes_update_and_keep_history(void **state)
{
  struct fx *f = *state;
  struct import_result r;
  const char *v1 = HEAD "198505052010011003,Rudi,PNS,III/b,Staf,pelaksana,U1,\n";
  assert_int_equal(run(f, f->inst, true, v1, &r), 0);
  json_decref(r.errors);
  struct audit_actor who = {0, "test"};
  const char *v2 = HEAD "198505052010011003,Rudi Hartono,PNS,III/c,Analis,pelaksana,Bidang Baru,\n";
  struct import_opts o = {.instansi_id = f->inst, .create_missing = true, .tanggal = "2026-07-01", .actor = &who, .massal = g_massal};
  assert_int_equal(import_pegawai_buffer(f->db, &o, v2, strlen(v2), &r), 0);
  json_decref(r.errors);
  assert_int_equal(r.updated, 1);
  assert_int_equal(r.units_created, 1);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai_riwayat r JOIN pegawai p ON p.id = r.pegawai_id WHERE p.nip = '198505052010011003'"), 2);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai_riwayat r JOIN pegawai p ON p.id = r.pegawai_id"
                            " WHERE p.nip = '198505052010011003' AND r.selesai = '2026-07-01'"), 1);
  /* a dry run reports but stores nothing */
  const char *v3 = HEAD "198505052010011003,Rudi H,PNS,III/d,Analis,pelaksana,Bidang Lain,\n";
  o.dry_run = true;
  assert_int_equal(import_pegawai_buffer(f->db, &o, v3, strlen(v3), &r), 0);
  json_decref(r.errors);
  assert_int_equal(r.updated, 1);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM unit_kerja WHERE nama = 'Bidang Lain'"), 0);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai WHERE nama = 'Rudi H'"), 0);
}

static void header_problems_and_empty(void **state)
{
  struct fx *f = *state;
  struct import_result r;
  assert_int_equal(run(f, f->inst, true, "nama;unit_kerja\nBudi;X\n", &r), 1);
  assert_non_null(strstr(r.fatal, "nip"));
  json_decref(r.errors);
  assert_int_equal(run(f, f->inst, true, "", &r), 1);
  assert_non_null(strstr(r.fatal, "kosong"));
  json_decref(r.errors);
  assert_int_equal(run(f, f->inst, true, HEAD, &r), 0);
  assert_int_equal(r.rows, 0);
  json_decref(r.errors);
  assert_int_equal(run(f, f->inst, true, HEAD "\"198001012005011001,tidak ditutup\n", &r), 1);
  json_decref(r.errors);
}

/* ---- bulk mode (import_massal.h) ---- */

/* Everything an import writes, timestamps and audit hashes aside, plus the schema as a set. */
static char *sidik(struct db *db)
{
  static const char *const Q[] = {
    "SELECT id, instansi_id, nip, nama, gelar_depan, gelar_belakang, jenis_kelamin, tanggal_lahir, jenis_asn,"
    " golongan, jabatan_id, unit_kerja_id, atasan_id, email, aktif FROM pegawai ORDER BY id",
    "SELECT id, pegawai_id, jabatan_id, unit_kerja_id, atasan_id, golongan, mulai, selesai, sumber FROM pegawai_riwayat ORDER BY id",
    "SELECT id, instansi_id, induk_id, kode, nama, aktif FROM unit_kerja ORDER BY id",
    "SELECT id, nama, jenis, kategori, jenjang FROM jabatan ORDER BY id",
    "SELECT n FROM versi_data", "SELECT unit_kerja_id, n FROM unit_versi ORDER BY 1",
    "SELECT id, instansi_id, aksi, entitas, entitas_id, sebelum, sesudah FROM audit_log ORDER BY id",
    "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
    "PRAGMA foreign_keys", "PRAGMA cache_size", "PRAGMA temp_store",
  };
  size_t len = 0, cap = 1 << 16;
  char *out = malloc(cap);
  assert_non_null(out);
  out[0] = '\0';
  for (size_t i = 0; i < sizeof Q / sizeof Q[0]; i++) {
    struct db_stmt *st = db_prepare(db, Q[i]);
    assert_non_null(st);
    while (db_step(st) == DB_ROW) {
      for (int c = 0; c < db_col_count(st); c++) {
        const char *v = db_col_is_null(st, c) ? "NULL" : db_col_text(st, c);
        size_t k = strlen(v) + 2;
        if (len + k + 1 > cap) { cap = (cap + k) * 2; out = realloc(out, cap); assert_non_null(out); }
        len += (size_t)snprintf(out + len, cap - len, "%s%c", v, c + 1 < db_col_count(st) ? '|' : '\n');
      }
    }
    db_done(st);
  }
  return out;
}

/* The same imports (create, forward atasan, update with a move, unchanged rows, a rejected file,
 * a dry run) on two databases, one through the bulk path: the same rows, counters and audit. */
static void bulk_mode_writes_the_same(void **state)
{
  (void)state;
  struct fx g[2];
  char err[256];
  for (int k = 0; k < 2; k++) {
    snprintf(g[k].path, sizeof g[k].path, "/tmp/kinerja-test-import-XXXXXX");
    int fd = mkstemp(g[k].path);
    assert_true(fd >= 0);
    close(fd);
    g[k].db = db_open(g[k].path, err, sizeof err);
    assert_non_null(g[k].db);
    assert_int_equal(migrate_run(g[k].db, NULL, err, sizeof err), 0);
  }
  struct db *dbs[2] = {g[0].db, g[1].db};
  const char *setup_sql = "INSERT INTO instansi (id, kode, nama, dibuat) VALUES (1, 'A', 'Instansi A', 0), (2, 'B', 'Instansi B', 0);"
    " INSERT INTO unit_kerja (instansi_id, kode, nama) VALUES (1, 'U1', 'Dinas Perikanan');";
  const char *files[] = {
    HEAD "199403032019031006,Yohanes,PNS,III/a,Pengelola Data,pelaksana,Dinas Perikanan,197205141998031003\n"
         "197205141998031003,Gunawan,PNS,IV/b,Kepala Dinas,jpt,U1,\n"
         "198505052010011003,Rudi,PNS,III/b,Staf,pelaksana,Bidang Dua,197205141998031003\n",
    HEAD "198505052010011003,Rudi Hartono,PNS,III/c,Analis,pelaksana,Bidang Baru,199403032019031006\n"
         "197205141998031003,Gunawan,PNS,IV/b,Kepala Dinas,jpt,U1,\n"
         "198001012005011001,Satu,PNS,III/a,Staf,pelaksana,Bidang Baru,198002022005011002\n"
         "198002022005011002,Dua,PNS,III/a,Staf,pelaksana,Bidang Dua,\n",
    HEAD "198001012005011001,Satu,PNS,III/a,Staf,pelaksana,U1,198002022005011002\n"
         "198002022005011002,Dua,PNS,III/a,Staf,pelaksana,U1,198001012005011001\n",   /* a cycle: rejected */
  };
  int want[] = {0, 0, 1};
  char *s[2];
  for (int k = 0; k < 2; k++) {
    assert_int_equal(db_exec(dbs[k], setup_sql), DB_OK);
    struct audit_actor who = {0, "test"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
      struct import_opts o = {.instansi_id = 1, .create_missing = true, .tanggal = i ? "2026-07-01" : "2026-01-02",
                              .actor = &who, .massal = k ? 1 : -1};
      struct import_result r;
      assert_int_equal(import_pegawai_buffer(dbs[k], &o, files[i], strlen(files[i]), &r), want[i]);
      json_decref(r.errors);
      o.dry_run = true;
      assert_int_equal(import_pegawai_buffer(dbs[k], &o, files[0], strlen(files[0]), &r), 0);
      json_decref(r.errors);
    }
    s[k] = sidik(dbs[k]);
  }
  assert_string_equal(s[0], s[1]);
  assert_non_null(strstr(s[0], "pegawai_instansi_nama"));
  for (int k = 0; k < 2; k++) {
    free(s[k]);
    db_close(g[k].db);
    unlink(g[k].path);
    char p[80];
    snprintf(p, sizeof p, "%s-wal", g[k].path); unlink(p);
    snprintf(p, sizeof p, "%s-shm", g[k].path); unlink(p);
  }
}

/* Bulk mode drops the indexes and insert triggers, and refuses a foreign key violation set-wise:
 * the transaction rolls back and the connection's pragmas come back. */
static void bulk_mode_checks_foreign_keys(void **state)
{
  struct fx *f = *state;
  int64_t n = q(f->db, "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'pegawai'");
  assert_null(import_massal_siapkan(f->db, 5000 * IMPORT_MASSAL_BYTES, 0));    /* too small */
  struct import_massal *m = import_massal_siapkan(f->db, 50000 * IMPORT_MASSAL_BYTES, 0);
  assert_non_null(m);
  assert_int_equal(q(f->db, "PRAGMA foreign_keys"), 0);
  assert_int_equal(q(f->db, "PRAGMA temp_store"), 1);
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(import_massal_mulai(m), 0);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('pegawai_instansi_nama', 'versi_data_pegawai_i')"), 0);
  assert_int_equal(db_exec(f->db, "INSERT INTO pegawai (instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, jenis_asn, jabatan_id, diubah)"
                                  " VALUES (1, '199001012015011001', 'X', 'L', '1990-01-01', 'PNS', 999, 0)"), DB_OK);
  char why[256] = "";
  assert_int_equal(import_massal_selesai(m, why, sizeof why), 1);
  assert_non_null(strstr(why, "jabatan"));
  assert_int_equal(db_rollback(f->db), DB_OK);
  import_massal_tutup(m);
  assert_int_equal(q(f->db, "PRAGMA foreign_keys"), 1);
  assert_int_equal(q(f->db, "PRAGMA cache_size"), -16000);
  assert_int_equal(q(f->db, "PRAGMA temp_store"), 2);   /* MEMORY, as db_sqlite.c sets it */
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'pegawai'"), n);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai WHERE nip = '199001012015011001'"), 0);
  /* inside a transaction already open (a group-commit task) it never applies */
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_null(import_massal_siapkan(f->db, 50000 * IMPORT_MASSAL_BYTES, 1));
  assert_int_equal(db_rollback(f->db), DB_OK);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(forward_atasan_and_idempotent),
    cmocka_unit_test(line_numbers_count_physical_lines),
    cmocka_unit_test(cycles_missing_atasan_and_other_instansi),
    cmocka_unit_test(changes_update_and_keep_history),
    cmocka_unit_test(header_problems_and_empty),
    cmocka_unit_test(bulk_mode_writes_the_same),
    cmocka_unit_test(bulk_mode_checks_foreign_keys),
  };
  int rc = cmocka_run_group_tests(tests, setup, teardown);
  g_massal = 1;
  return rc + cmocka_run_group_tests(tests, setup, teardown);
}
