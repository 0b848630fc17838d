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
#include "import_pegawai.h"

struct fx { struct db *db; char path[64]; int64_t inst, inst2; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  char err[256];
  snprintf(f->path, sizeof f->path, "/tmp/kinerja-test-import-XXXXXX");
  int fd = mkstemp(f->path);
  if (fd < 0) return -1;
  close(fd);
  f->db = db_open(f->path, err, sizeof err);
  if (!f->db || migrate_run(f->db, NULL, err, sizeof err) != 0) return -1;
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
  db_close(f->db);
  unlink(f->path);
  char p[80];
  snprintf(p, sizeof p, "%s-wal", f->path); unlink(p);
  snprintf(p, sizeof p, "%s-shm", f->path); unlink(p);
  free(f);
  return 0;
}

static int run(struct fx *f, int64_t inst, bool buat, const char *csv, struct import_result *r)
{
  struct audit_actor who = {0, "test"};
  struct import_opts o = {.instansi_id = inst, .create_missing = buat, .tanggal = "2026-01-02", .actor = &who};
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
  struct import_opts o = {.instansi_id = f->inst, .create_missing = true, .tanggal = "2026-07-01", .actor = &who};
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

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(forward_atasan_and_idempotent),
    cmocka_unit_test(line_numbers_count_physical_lines),
    cmocka_unit_test(cycles_missing_atasan_and_other_instansi),
    cmocka_unit_test(changes_update_and_keep_history),
    cmocka_unit_test(header_problems_and_empty),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
