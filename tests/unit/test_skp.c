/* test_skp.c: cascading checks against a real (temporary) database built by the demo:
 * intervensi must be an approved RHK of the penilai in the same period, submission needs it,
 * and an atasan RHK with dependants cannot be renamed or deleted. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "skp.h"
#include "util/errs.h"
#include "uji_db.h"

struct fx { struct db *db; char path[64]; int64_t atasan, kasi, skp_atasan, skp_kasi, rhk_atasan, rhk_lain; };
static struct audit_actor WHO = {0, "test"};

static int64_t q1(struct db *db, const char *sql, int64_t p)
{
  int64_t v = 0;
  if (db_query_int64(db, sql, 1, p, &v) != DB_ROW) return -1;
  return v;
}

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  f->db = uji_db_baru(f->path, "skp");
  if (!f->db) return -1;
  if (uji_db_demo(f->db, 40, 3) != 0) return -1;
  f->atasan = q1(f->db, "SELECT pegawai_id FROM pengguna WHERE username = 'atasan' AND ?1 = ?1", 0);
  f->kasi = q1(f->db, "SELECT atasan_id FROM pegawai WHERE id = (SELECT pegawai_id FROM pengguna WHERE username = 'pegawai') AND ?1 = ?1", 0);
  f->skp_atasan = q1(f->db, "SELECT id FROM skp WHERE pegawai_id = ?1", f->atasan);
  f->skp_kasi = q1(f->db, "SELECT id FROM skp WHERE pegawai_id = ?1", f->kasi);
  f->rhk_atasan = q1(f->db, "SELECT MIN(id) FROM rhk WHERE skp_id = ?1 AND kelompok = 'utama'", f->skp_atasan);
  /* an approved RHK of someone who is not the kasi's penilai (the Sekda) */
  f->rhk_lain = q1(f->db, "SELECT MIN(r.id) FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN pengguna u ON u.pegawai_id = s.pegawai_id"
                          " WHERE u.username = 'pimpinan' AND ?1 = ?1", 0);
  if (f->atasan <= 0 || f->kasi <= 0 || f->skp_atasan <= 0 || f->skp_kasi <= 0 || f->rhk_atasan <= 0 || f->rhk_lain <= 0) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  return uji_db_akhiri(f->db, f->path, f);
}

static bool has_field(json_t *errs, const char *field)
{
  size_t i;
  json_t *e;
  json_array_foreach(errs, i, e)
    if (strcmp(json_string_value(json_object_get(e, "field")), field) == 0) return true;
  return false;
}

static json_t *row(const char *teks, int64_t link)
{
  json_t *b = json_pack("{s:s,s:s,s:[{s:s,s:s,s:s,s:s}]}", "kelompok", "utama", "rhk", teks, "iki", "aspek", "kuantitas",
                        "indikator", "Jumlah laporan", "target_angka", "12", "target_satuan", "laporan");
  if (link) json_object_set_new(b, "rhk_atasan_id", json_integer(link));
  return b;
}

static void intervensi_must_be_the_penilais_approved_rhk(void **state)
{
  struct fx *f = *state;
  struct skp_head h;
  assert_int_equal(skp_head_load(f->db, f->skp_kasi, &h), 0);
  assert_int_equal(h.penilai_id, f->atasan);
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(skp_transisi(f->db, &h, AKSI_REVISI, NULL, &WHO, NULL), 0);
  assert_int_equal(skp_head_load(f->db, f->skp_kasi, &h), 0);
  json_t *errs = NULL;
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  json_t *b = row("Baris yang menunjuk RHK Sekda", f->rhk_lain);
  assert_int_equal(skp_rhk_add(f->db, &h, b, &WHO, &errs, &http, &pesan, &id), 1);
  assert_true(has_field(errs, "rhk_atasan_id"));
  json_decref(b);
  json_decref(errs);
  errs = NULL;
  b = row("Baris yang benar", f->rhk_atasan);
  assert_int_equal(skp_rhk_add(f->db, &h, b, &WHO, &errs, &http, &pesan, &id), 0);
  json_decref(b);
  /* a utama row without intervensi blocks submission */
  b = row("Baris tanpa intervensi", 0);
  assert_int_equal(skp_rhk_add(f->db, &h, b, &WHO, &errs, &http, &pesan, &id), 0);
  json_decref(b);
  assert_int_equal(skp_transisi(f->db, &h, AKSI_AJUKAN, NULL, &WHO, &errs), 1);
  char field[64];
  snprintf(field, sizeof field, "rhk[%lld].rhk_atasan_id", (long long)id);
  assert_true(has_field(errs, field));
  json_decref(errs);
  assert_int_equal(db_rollback(f->db), DB_OK);
}

static void an_rhk_with_dependants_keeps_its_identity(void **state)
{
  struct fx *f = *state;
  struct skp_head h;
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(skp_head_load(f->db, f->skp_atasan, &h), 0);
  assert_int_equal(skp_transisi(f->db, &h, AKSI_REVISI, NULL, &WHO, NULL), 0);
  assert_int_equal(skp_head_load(f->db, f->skp_atasan, &h), 0);
  int64_t used = q1(f->db, "SELECT rhk_atasan_id FROM rhk WHERE rhk_atasan_id IN (SELECT id FROM rhk WHERE skp_id = ?1) LIMIT 1", f->skp_atasan);
  assert_true(used > 0);
  json_t *errs = NULL;
  int http = 0;
  const char *pesan = NULL;
  json_t *b = json_pack("{s:s}", "rhk", "Teks baru");
  assert_int_equal(skp_rhk_update(f->db, &h, used, b, &WHO, &errs, &http, &pesan), 3);
  assert_int_equal(http, 409);
  assert_non_null(strstr(pesan, "diintervensi"));
  json_decref(b);
  assert_int_equal(skp_rhk_delete(f->db, &h, used, &WHO, &http, &pesan), 3);
  /* an IKI with realisasi cannot be dropped; without them the row's IKI can be replaced */
  int64_t with_real = q1(f->db, "SELECT COUNT(*) FROM realisasi x JOIN iki k ON k.id = x.iki_id WHERE k.rhk_id = ?1", used);
  b = json_pack("{s:[{s:s,s:s,s:s,s:s}]}", "iki", "aspek", "waktu", "indikator", "Tepat waktu", "target_angka", "12", "target_satuan", "bulan");
  int64_t niki = q1(f->db, "SELECT COUNT(*) FROM iki WHERE rhk_id = ?1", used);
  assert_int_equal(skp_rhk_update(f->db, &h, used, b, &WHO, &errs, &http, &pesan), with_real && niki > 1 ? 1 : 0);
  json_decref(b);
  json_decref(errs);
  errs = NULL;
  char sql[400];
  /* the demo links evidence to approved realisasi: those links go first */
  snprintf(sql, sizeof sql, "DELETE FROM bukti WHERE realisasi_id IN (SELECT x.id FROM realisasi x JOIN iki k ON k.id = x.iki_id WHERE k.rhk_id = %lld)",
           (long long)used);
  assert_int_equal(db_exec(f->db, sql), DB_OK);
  snprintf(sql, sizeof sql, "DELETE FROM realisasi WHERE iki_id IN (SELECT id FROM iki WHERE rhk_id = %lld)", (long long)used);
  assert_int_equal(db_exec(f->db, sql), DB_OK);
  b = json_pack("{s:[{s:s,s:s,s:s,s:s}]}", "iki", "aspek", "waktu", "indikator", "Tepat waktu", "target_angka", "12", "target_satuan", "bulan");
  assert_int_equal(skp_rhk_update(f->db, &h, used, b, &WHO, &errs, &http, &pesan), 0);
  json_decref(b);
  assert_int_equal(q1(f->db, "SELECT COUNT(*) FROM iki WHERE rhk_id = ?1", used), 1);
  /* a row with work filed against it (activities, rencana aksi) cannot be deleted */
  int64_t busy = q1(f->db, "SELECT MIN(rhk_id) FROM aktivitas WHERE skp_id = ?1", f->skp_atasan);
  if (busy > 0 && q1(f->db, "SELECT COUNT(*) FROM rhk WHERE rhk_atasan_id = ?1", busy) == 0) {
    assert_int_equal(skp_rhk_delete(f->db, &h, busy, &WHO, &http, &pesan), 3);
    assert_non_null(strstr(pesan, "aktivitas"));
  }
  assert_int_equal(db_rollback(f->db), DB_OK);
}

static void matriks_counts_the_bawahan(void **state)
{
  struct fx *f = *state;
  struct skp_head h;
  assert_int_equal(skp_head_load(f->db, f->skp_atasan, &h), 0);
  json_t *m = skp_matriks(f->db, &h);
  assert_non_null(m);
  int64_t direct = q1(f->db, "SELECT COUNT(*) FROM pegawai WHERE atasan_id = ?1 AND aktif = 1", f->atasan);
  assert_true((int64_t)json_array_size(json_object_get(m, "bawahan")) >= direct);
  assert_true(json_array_size(json_object_get(m, "sel")) > 0);
  json_decref(m);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(intervensi_must_be_the_penilais_approved_rhk),
    cmocka_unit_test(an_rhk_with_dependants_keeps_its_identity),
    cmocka_unit_test(matriks_counts_the_bawahan),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
