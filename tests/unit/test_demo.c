/* test_demo.c: `kinerja demo` builds a valid, realistic organisation. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "demo.h"
#include "nip.h"
#include "uji_db.h"

struct fx { struct db *db; char path[64]; char out[8192]; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  char err[256];
  f->db = uji_db_baru(f->path, "demo");
  if (!f->db) return -1;
  FILE *out = fmemopen(f->out, sizeof f->out - 1, "w");
  struct demo_opts o = {.pegawai = 300, .password = "Rahasia123", .seed = 7};
  int rc = demo_create(f->db, &o, out, err, sizeof err);
  fclose(out);
  if (rc != 0) { fprintf(stderr, "%s\n", err); return -1; }
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  return uji_db_akhiri(f->db, f->path, f);
}

static int64_t q(struct db *db, const char *sql)
{
  int64_t v = -1;
  assert_int_equal(db_query_int64(db, sql, 0, 0, &v), DB_ROW);
  return v;
}

static void counts_and_accounts(void **state)
{
  struct fx *f = *state;
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai p JOIN instansi i ON i.id = p.instansi_id WHERE i.kode = 'PEMKAB-SUKAMAJU'"), 300);
  assert_true(q(f->db, "SELECT COUNT(*) FROM pegawai p JOIN instansi i ON i.id = p.instansi_id WHERE i.kode = 'PEMKOT-MEKARSARI'") > 0);
  /* every jenis jabatan exists */
  assert_int_equal(q(f->db, "SELECT COUNT(DISTINCT jenis) FROM jabatan"), 5);
  /* named accounts with their roles; every pegawai can log in */
  assert_int_equal(q(f->db, "SELECT peran FROM pengguna WHERE username = 'admin'"), 1);
  assert_int_equal(q(f->db, "SELECT peran FROM pengguna WHERE username = 'pimpinan'"), 2);
  assert_int_equal(q(f->db, "SELECT peran FROM pengguna WHERE username = 'auditor'"), 4);
  assert_int_equal(q(f->db, "SELECT peran FROM pengguna WHERE username = 'superadmin' AND instansi_id IS NULL"), 8);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai p WHERE NOT EXISTS (SELECT 1 FROM pengguna u WHERE u.pegawai_id = p.id)"), 0);
  assert_non_null(strstr(f->out, "Rahasia123"));
  assert_non_null(strstr(f->out, "admin"));
  /* the pegawai account reports to the atasan account through one kepala seksi */
  assert_int_equal(q(f->db,
    "SELECT COUNT(*) FROM pegawai p JOIN pegawai s ON s.id = p.atasan_id"
    " WHERE p.id = (SELECT pegawai_id FROM pengguna WHERE username = 'pegawai')"
    "   AND s.atasan_id = (SELECT pegawai_id FROM pengguna WHERE username = 'atasan')"), 1);
}

static void nips_valid_and_agree(void **state)
{
  struct fx *f = *state;
  struct db_stmt *st = db_prepare(f->db, "SELECT nip, jenis_asn, jenis_kelamin, tanggal_lahir FROM pegawai");
  int n = 0;
  while (db_step(st) == DB_ROW) {
    const char *nip = db_col_text(st, 0);
    struct nip_info info;
    enum jenis_asn ja = strcmp(db_col_text(st, 1), "PPPK") == 0 ? ASN_PPPK : ASN_PNS;
    assert_int_equal(nip_validate(nip, ja, &info), NIP_OK);
    assert_int_equal(info.jenis_kelamin, db_col_text(st, 2)[0]);
    char lahir[32];
    snprintf(lahir, sizeof lahir, "%04d-%02d-%02d", info.lahir_y, info.lahir_m, info.lahir_d);
    assert_string_equal(lahir, db_col_text(st, 3));
    n++;
  }
  db_done(st);
  assert_true(n > 300);
}

static void tree_is_a_tree_and_riwayat_open(void **state)
{
  struct fx *f = *state;
  /* one root per instansi; atasan in the same instansi; no cycles (depth bounded) */
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai WHERE atasan_id IS NULL"), 2);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai p JOIN pegawai a ON a.id = p.atasan_id WHERE a.instansi_id <> p.instansi_id"), 0);
  assert_int_equal(q(f->db,
    "WITH RECURSIVE naik(id, atasan, d) AS (SELECT id, atasan_id, 0 FROM pegawai"
    " UNION ALL SELECT n.id, p.atasan_id, n.d + 1 FROM naik n JOIN pegawai p ON p.id = n.atasan WHERE n.d < 20)"
    " SELECT COUNT(*) FROM naik WHERE d >= 10"), 0);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pegawai p WHERE (SELECT COUNT(*) FROM pegawai_riwayat r WHERE r.pegawai_id = p.id AND r.selesai IS NULL) <> 1"), 0);
}

/* issue 15: a Renstra with IKU, unit PK, heads' RHK linked to their PK, the staff member's RHK
 * reaching an IKU through the SKP cascade, and a year of IKU realisasi */
static void organisation_targets_traced(void **state)
{
  struct fx *f = *state;
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM sasaran_strategis"), 3);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM iku"), 4);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM iku_target"), 20);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM pk_indikator WHERE iku_id IS NULL AND induk_id IS NULL"), 0);
  assert_true(q(f->db, "SELECT COUNT(*) FROM rhk WHERE pk_indikator_id IS NOT NULL") >= 6);
  /* a full year of realisasi for every IKU last year, and that year closed */
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM realisasi_organisasi r JOIN iku k ON k.id = r.indikator_id"
                            " WHERE r.jenis = 'iku' AND r.tahun = (SELECT MIN(tahun) FROM iku_target)"), 20);
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM periode_organisasi WHERE ditutup = 1 AND tahun = (SELECT MIN(tahun) FROM iku_target)"), 5);
  /* the 'pegawai' account's RHK reach a linked RHK through rhk_atasan_id */
  assert_true(q(f->db,
    "WITH RECURSIVE up(id, d) AS (SELECT r.id, 0 FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN pengguna u ON u.pegawai_id = s.pegawai_id"
    "                              WHERE u.username = 'pegawai'"
    "  UNION ALL SELECT r.rhk_atasan_id, up.d + 1 FROM rhk r JOIN up ON r.id = up.id WHERE r.rhk_atasan_id IS NOT NULL AND up.d < 10)"
    " SELECT COUNT(*) FROM up JOIN rhk r ON r.id = up.id WHERE r.pk_indikator_id IS NOT NULL") >= 2);
}

static void audited_and_refuses_a_second_run(void **state)
{
  struct fx *f = *state;
  assert_int_equal(q(f->db, "SELECT COUNT(*) FROM audit_log WHERE aksi = 'demo.create'"), 2);
  struct audit_verify_result v;
  assert_int_equal(audit_verify(f->db, &v), 0);
  assert_int_equal(v.ok, 1);
  char err[256];
  FILE *out = fopen("/dev/null", "w");
  struct demo_opts o = {.pegawai = 20, .password = "Rahasia123", .seed = 1};
  assert_int_equal(demo_create(f->db, &o, out, err, sizeof err), -1);
  fclose(out);
  assert_non_null(strstr(err, "sudah berisi"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(counts_and_accounts),
    cmocka_unit_test(nips_valid_and_agree),
    cmocka_unit_test(tree_is_a_tree_and_riwayat_open),
    cmocka_unit_test(organisation_targets_traced),
    cmocka_unit_test(audited_and_refuses_a_second_run),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
