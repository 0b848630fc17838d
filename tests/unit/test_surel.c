/* test_surel.c: the email outbox: queued only when enabled and for a valid address, in the
 * notification's transaction; claiming, backoff to gagal, reclaiming a dead sender's rows,
 * requeueing, and the admin list. */
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
#include "surel.h"
#include "surel_jadwal.h"
#include "util/util.h"
#include "uji_db.h"

struct fx { struct db *db; char path[64]; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  f->db = uji_db_baru(f->path, "surel");
  if (!f->db) return -1;
  if (db_exec(f->db,
        "INSERT INTO instansi (id, kode, nama, dibuat) VALUES (1, 'A', 'Instansi A', 0), (2, 'B', 'Instansi B', 0);"
        "INSERT INTO pegawai (id, instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, jenis_asn, email, aktif, diubah) VALUES"
        " (1, 1, '199001012020011001', 'Siti Rahayu', 'P', '1990-01-01', 'PNS', 'siti@contoh.go.id', 1, 0),"
        " (2, 1, '199001012020011002', 'Budi', 'L', '1990-01-01', 'PNS', NULL, 1, 0),"
        " (3, 1, '199001012020011003', 'Rusak', 'L', '1990-01-01', 'PNS', 'a@b.id>' || char(13) || char(10) || 'Bcc: x@y.id', 1, 0),"
        " (4, 2, '199001012020011004', 'Dewi', 'P', '1990-01-01', 'PNS', 'dewi@contoh.go.id', 1, 0),"
        " (5, 1, '199001012020011005', 'Pensiun', 'L', '1990-01-01', 'PNS', 'lama@contoh.go.id', 0, 0);") != DB_OK)
    return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  surel_atur_aktif(false);
  return uji_db_akhiri(f->db, f->path, f);
}

static int64_t q(struct fx *f, const char *sql)
{
  int64_t v = -1;
  db_query_int64(f->db, sql, 0, 0, &v);
  return v;
}

static void kirim_notifikasi(struct fx *f, int64_t pegawai)
{
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(notifikasi_kirim(f->db, pegawai, "Aktivitas dikembalikan", "Lengkapi bukti.", "#/aktivitas/9"), 0);
  assert_int_equal(db_commit(f->db), DB_OK);
}

static void mati_tidak_mengantri(void **state)
{
  struct fx *f = *state;
  surel_atur_aktif(false);
  kirim_notifikasi(f, 1);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM notifikasi"), 1);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar"), 0);
}

static void aktif_mengantri_alamat_sah(void **state)
{
  struct fx *f = *state;
  surel_atur_aktif(true);
  for (int64_t p = 1; p <= 5; p++) kirim_notifikasi(f, p);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM notifikasi"), 5);
  /* only Siti (1) and Dewi (4): no address, an injected address and an inactive pegawai get none */
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar"), 2);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar WHERE pegawai_id = 1 AND instansi_id = 1 AND kepada = 'siti@contoh.go.id'"
                        " AND subjek = 'Aktivitas dikembalikan' AND isi = 'Lengkapi bukti.' AND tautan = '#/aktivitas/9'"
                        " AND status = 'antri' AND percobaan = 0"), 1);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar WHERE pegawai_id = 4 AND instansi_id = 2"), 1);
  /* a rolled-back notification leaves no email behind */
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(notifikasi_kirim(f->db, 1, "x", "y", NULL), 0);
  assert_int_equal(db_rollback(f->db), DB_OK);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar"), 2);
}

static void klaim_gagal_sampai_menyerah(void **state)
{
  struct fx *f = *state;
  surel_atur_aktif(true);
  kirim_notifikasi(f, 1);
  struct surel_item it[5];
  int n = 0;
  int64_t t = now_unix();
  assert_int_equal(surel_klaim(f->db, t, it, 5, &n), 0);
  assert_int_equal(n, 1);
  assert_string_equal(it[0].kepada, "siti@contoh.go.id");
  assert_string_equal(it[0].tautan, "#/aktivitas/9");
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar WHERE status = 'mengirim'"), 1);
  /* claimed rows are not claimed twice */
  int m = 0;
  assert_int_equal(surel_klaim(f->db, t, it + 1, 4, &m), 0);
  assert_int_equal(m, 0);
  for (int k = 1; k <= SUREL_PERCOBAAN_MAKS; k++) {
    assert_int_equal(surel_tandai_gagal(f->db, &it[0], "Gagal mengirim surel: server SMTP tidak dapat dihubungi", false, t), 0);
    if (k < SUREL_PERCOBAAN_MAKS) {
      char sql[200];
      snprintf(sql, sizeof sql, "SELECT coba_lagi - %lld FROM surel_keluar WHERE status = 'antri' AND percobaan = %d", (long long)t, k);
      assert_int_equal(q(f, sql), surel_jeda(k));
      /* not due before its time */
      assert_int_equal(surel_klaim(f->db, t + surel_jeda(k) - 1, it, 5, &n), 0);
      assert_int_equal(n, 0);
      t += surel_jeda(k);
      assert_int_equal(surel_klaim(f->db, t, it, 5, &n), 0);
      assert_int_equal(n, 1);
      assert_int_equal(it[0].percobaan, k);
    }
  }
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar WHERE status = 'gagal' AND percobaan = 6 AND galat LIKE 'Gagal mengirim surel:%'"), 1);
  assert_int_equal(surel_klaim(f->db, t + 86400 * 30, it, 5, &n), 0);
  assert_int_equal(n, 0);
  /* ulang: back to antri, due now, audited; refused for another instansi and for a sent row */
  int64_t id = q(f, "SELECT id FROM surel_keluar");
  struct audit_actor who = {0, NULL};
  json_t *hasil = NULL;
  int http = 0;
  const char *pesan = NULL;
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(surel_ulang(f->db, id, 2, &who, &hasil, &http, &pesan), 3);
  assert_int_equal(http, 403);
  assert_int_equal(surel_ulang(f->db, id + 100, 0, &who, &hasil, &http, &pesan), 2);
  assert_int_equal(surel_ulang(f->db, id, 1, &who, &hasil, &http, &pesan), 0);
  assert_string_equal(json_string_value(json_object_get(hasil, "status")), "antri");
  json_decref(hasil);
  assert_int_equal(db_commit(f->db), DB_OK);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM audit_log WHERE aksi = 'surel.ulang'"), 1);
  assert_int_equal(surel_klaim(f->db, now_unix(), it, 5, &n), 0);
  assert_int_equal(n, 1);
  assert_int_equal(surel_tandai_terkirim(f->db, it[0].id, now_unix()), 0);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar WHERE status = 'terkirim' AND galat IS NULL AND dikirim > 0 AND percobaan = 7"), 1);
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(surel_ulang(f->db, id, 1, &who, &hasil, &http, &pesan), 3);
  assert_int_equal(http, 409);
  db_rollback(f->db);
}

static void klaim_basi_dan_lepas(void **state)
{
  struct fx *f = *state;
  surel_atur_aktif(true);
  kirim_notifikasi(f, 1);
  struct surel_item it[2];
  int n = 0;
  int64_t t = now_unix();
  assert_int_equal(surel_klaim(f->db, t, it, 2, &n), 0);
  assert_int_equal(n, 1);
  /* a sender that died: after 10 minutes the row is claimed again */
  assert_int_equal(surel_klaim(f->db, t + 599, it, 2, &n), 0);
  assert_int_equal(n, 0);
  assert_int_equal(surel_klaim(f->db, t + 601, it, 2, &n), 0);
  assert_int_equal(n, 1);
  /* given back unchanged */
  assert_int_equal(surel_lepas(f->db, it[0].id), 0);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar WHERE status = 'antri' AND percobaan = 0 AND diklaim IS NULL"), 1);
  /* a message that cannot be composed is gagal at once */
  assert_int_equal(surel_klaim(f->db, t, it, 2, &n), 0);
  assert_int_equal(surel_tandai_gagal(f->db, &it[0], "Pesan tidak dapat disusun", true, t), 0);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM surel_keluar WHERE status = 'gagal' AND percobaan = 1"), 1);
}

static void daftar(void **state)
{
  struct fx *f = *state;
  surel_atur_aktif(true);
  for (int i = 0; i < 3; i++) kirim_notifikasi(f, 1);
  kirim_notifikasi(f, 4);
  json_t *p = surel_daftar(f->db, 1, NULL, 0, 2);
  assert_non_null(p);
  assert_int_equal(json_array_size(json_object_get(p, "items")), 2);
  const char *next = json_string_value(json_object_get(p, "next_cursor"));
  assert_non_null(next);
  int64_t c = 0;
  assert_int_equal(parse_int64(next, 1, INT64_MAX, &c), 0);
  json_t *first = json_array_get(json_object_get(p, "items"), 0);
  assert_string_equal(json_string_value(json_object_get(json_object_get(first, "pegawai"), "nama")), "Siti Rahayu");
  json_t *p2 = surel_daftar(f->db, 1, NULL, c, 2);
  assert_int_equal(json_array_size(json_object_get(p2, "items")), 1);
  assert_true(json_is_null(json_object_get(p2, "next_cursor")));
  json_decref(p);
  json_decref(p2);
  p = surel_daftar(f->db, 0, "antri", 0, 50);
  assert_int_equal(json_array_size(json_object_get(p, "items")), 4);
  json_decref(p);
  p = surel_daftar(f->db, 2, "terkirim", 0, 50);
  assert_int_equal(json_array_size(json_object_get(p, "items")), 0);
  json_decref(p);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(mati_tidak_mengantri, setup, teardown),
    cmocka_unit_test_setup_teardown(aktif_mengantri_alamat_sah, setup, teardown),
    cmocka_unit_test_setup_teardown(klaim_gagal_sampai_menyerah, setup, teardown),
    cmocka_unit_test_setup_teardown(klaim_basi_dan_lepas, setup, teardown),
    cmocka_unit_test_setup_teardown(daftar, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
