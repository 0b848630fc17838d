/* test_webhook.c: webhook signatures (a vector any receiver can recompute), URL and event
 * checks, and the outbox: queued only for live, active webhooks of the instansi that listen,
 * claiming, backoff to gagal, giving back, and the test-mode schedule. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "surel_jadwal.h"
#include "util/util.h"
#include "webhook.h"
#include "webhook_langganan.h"
#include "webhook_tanda.h"
#include "uji_db.h"

static void tanda_vektor(void **state)
{
  (void)state;
  char out[WEBHOOK_TANDA_PANJANG + 1];
  const char *isi = "{\"a\":1}";
  /* python3: hmac.new(b'whk_uji', b'1700000000.{"a":1}', hashlib.sha256).hexdigest() */
  webhook_tanda("whk_uji", 1700000000, isi, strlen(isi), out);
  assert_string_equal(out, "sha256=7ebec05ea6a51c222d4771d58d83ee7b16c9cf3cfb4177dc8153b510257db693");
  webhook_tanda("whk_lain", 1700000000, isi, strlen(isi), out);
  assert_string_not_equal(out, "sha256=7ebec05ea6a51c222d4771d58d83ee7b16c9cf3cfb4177dc8153b510257db693");
  char r1[69], r2[69];
  webhook_rahasia_baru(r1);
  webhook_rahasia_baru(r2);
  assert_int_equal(strlen(r1), 68);
  assert_memory_equal(r1, "whk_", 4);
  assert_string_not_equal(r1, r2);
}

static void url(void **state)
{
  (void)state;
  webhook_atur_http_bebas(false);
  assert_null(webhook_url_salah("https://eoffice.contoh.go.id/kinerja/webhook?x=1"));
  assert_null(webhook_url_salah("HTTPS://eoffice.contoh.go.id"));
  assert_null(webhook_url_salah("http://127.0.0.1:8081/hook"));
  assert_null(webhook_url_salah("http://localhost/hook"));
  assert_null(webhook_url_salah("http://[::1]:9000/"));
  assert_non_null(webhook_url_salah("http://eoffice.contoh.go.id/hook"));
  assert_non_null(webhook_url_salah("http://127.0.0.1.nip.io/hook"));
  assert_non_null(webhook_url_salah("ftp://eoffice.contoh.go.id/"));
  assert_non_null(webhook_url_salah("eoffice.contoh.go.id/hook"));
  assert_non_null(webhook_url_salah("https://"));
  assert_non_null(webhook_url_salah("https://a b.go.id/"));
  assert_non_null(webhook_url_salah("https://user:pass@eoffice.contoh.go.id/"));
  assert_non_null(webhook_url_salah(""));
  char panjang[WEBHOOK_URL_MAKS + 20];
  memset(panjang, 'a', sizeof panjang - 1);
  panjang[sizeof panjang - 1] = 0;
  memcpy(panjang, "https://a.go.id/", 16);
  assert_non_null(webhook_url_salah(panjang));
  webhook_atur_http_bebas(true);
  assert_null(webhook_url_salah("http://eoffice.contoh.go.id/hook"));
  webhook_atur_http_bebas(false);
}

static void peristiwa(void **state)
{
  (void)state;
  json_t *errs = NULL;
  json_t *ok = json_pack("[s,s]", "skp.disetujui", "tpp.bulan_disetujui");
  assert_true(webhook_peristiwa_periksa(ok, "peristiwa", &errs));
  assert_null(errs);
  const char *buruk[] = {"[]", "\"skp.disetujui\"", "[\"skp.dihapus\"]", "[\"ping\"]", "[1]", "[\"penilaian.final\",\"penilaian.final\"]"};
  for (size_t i = 0; i < sizeof buruk / sizeof buruk[0]; i++) {
    json_t *v = json_loads(buruk[i], JSON_DECODE_ANY, NULL);
    assert_false(webhook_peristiwa_periksa(v, "peristiwa", &errs));
    assert_true(json_array_size(errs) > 0);
    json_decref(errs);
    errs = NULL;
    json_decref(v);
  }
  json_decref(ok);
}

struct fx { struct db *db; char path[64]; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  f->db = uji_db_baru(f->path, "webhook");
  if (!f->db) return -1;
  /* 1: instansi 1, listens to skp.disetujui; 2: instansi 1, paused; 3: instansi 1, deleted;
   * 4: instansi 2; 5: instansi 1, listens to penilaian.final only */
  if (db_exec(f->db,
        "INSERT INTO instansi (id, kode, nama, dibuat) VALUES (1, 'A', 'Instansi A', 0), (2, 'B', 'Instansi B', 0);"
        "INSERT INTO webhook (id, instansi_id, url, rahasia, aktif, dibuat, diubah, dihapus) VALUES"
        " (1, 1, 'http://127.0.0.1:1/a', 'whk_satu', 1, 0, 0, NULL),"
        " (2, 1, 'http://127.0.0.1:1/b', 'whk_dua', 0, 0, 0, NULL),"
        " (3, 1, 'http://127.0.0.1:1/c', '', 0, 0, 0, 5),"
        " (4, 2, 'http://127.0.0.1:1/d', 'whk_empat', 1, 0, 0, NULL),"
        " (5, 1, 'http://127.0.0.1:1/e', 'whk_lima', 1, 0, 0, NULL);"
        "INSERT INTO webhook_peristiwa (webhook_id, peristiwa) VALUES (1, 'skp.disetujui'), (2, 'skp.disetujui'),"
        " (3, 'skp.disetujui'), (4, 'skp.disetujui'), (5, 'penilaian.final');") != DB_OK)
    return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  webhook_atur_jeda_uji(false);
  return uji_db_akhiri(f->db, f->path, f);
}

static int64_t q(struct fx *f, const char *sql)
{
  int64_t v = -1;
  db_query_int64(f->db, sql, 0, 0, &v);
  return v;
}

static void antri(struct fx *f, int64_t inst, const char *peristiwa)
{
  json_t *data = json_pack("{s:i}", "skp_id", 7);
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(webhook_antri(f->db, inst, peristiwa, data), 0);
  assert_int_equal(db_commit(f->db), DB_OK);
  json_decref(data);
}

static void hanya_pendengar(void **state)
{
  struct fx *f = *state;
  assert_int_equal(webhook_didengar(f->db, 1, WEBHOOK_SKP_DISETUJUI), 1);
  assert_int_equal(webhook_didengar(f->db, 1, WEBHOOK_TPP_BULAN_DISETUJUI), 0);
  antri(f, 1, WEBHOOK_SKP_DISETUJUI);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM webhook_pengiriman"), 1);
  assert_int_equal(q(f, "SELECT webhook_id FROM webhook_pengiriman"), 1);
  antri(f, 1, WEBHOOK_TPP_BULAN_DISETUJUI);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM webhook_pengiriman"), 1);
  antri(f, 2, WEBHOOK_SKP_DISETUJUI);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM webhook_pengiriman WHERE webhook_id = 4"), 1);
  /* the body: envelope and data as given */
  json_t *k = NULL;
  assert_int_equal(webhook_pengiriman_baca(f->db, 1, &k), 0);
  json_t *isi = json_object_get(k, "isi");
  assert_string_equal(json_string_value(json_object_get(isi, "peristiwa")), "skp.disetujui");
  assert_int_equal(json_integer_value(json_object_get(isi, "versi")), 1);
  assert_int_equal(json_integer_value(json_object_get(isi, "instansi_id")), 1);
  assert_int_equal(json_integer_value(json_object_get(json_object_get(isi, "data"), "skp_id")), 7);
  json_decref(k);
  /* rolled back with the action */
  json_t *data = json_pack("{s:i}", "skp_id", 8);
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(webhook_antri(f->db, 1, WEBHOOK_SKP_DISETUJUI, data), 0);
  assert_int_equal(db_rollback(f->db), DB_OK);
  json_decref(data);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM webhook_pengiriman"), 2);
  /* too big to queue: an error, nothing stored */
  char *besar = malloc(WEBHOOK_ISI_MAKS + 1);
  memset(besar, 'x', WEBHOOK_ISI_MAKS);
  besar[WEBHOOK_ISI_MAKS] = 0;
  data = json_pack("{s:s}", "x", besar);
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(webhook_antri(f->db, 1, WEBHOOK_SKP_DISETUJUI, data), -1);
  db_rollback(f->db);
  json_decref(data);
  free(besar);
}

static void klaim_gagal_sampai_menyerah(void **state)
{
  struct fx *f = *state;
  antri(f, 1, WEBHOOK_SKP_DISETUJUI);
  struct webhook_item *it = calloc(4, sizeof *it);
  int n = 0;
  int64_t now = now_unix();
  assert_int_equal(webhook_klaim(f->db, now, it, 4, &n), 0);
  assert_int_equal(n, 1);
  assert_string_equal(it[0].url, "http://127.0.0.1:1/a");
  assert_string_equal(it[0].rahasia, "whk_satu");
  assert_string_equal(it[0].peristiwa, "skp.disetujui");
  assert_int_equal(it[0].isi_len, strlen(it[0].isi));
  assert_int_equal(q(f, "SELECT COUNT(*) FROM webhook_pengiriman WHERE status = 'mengirim'"), 1);
  /* nothing more to claim while it is being sent */
  int n2 = 0;
  assert_int_equal(webhook_klaim(f->db, now, it + 1, 3, &n2), 0);
  assert_int_equal(n2, 0);
  for (int p = 1; p < SUREL_PERCOBAAN_MAKS; p++) {
    assert_int_equal(webhook_tandai_gagal(f->db, &it[0], 503, "Penerima menjawab HTTP 503", now), 0);
    assert_int_equal(q(f, "SELECT percobaan FROM webhook_pengiriman"), p);
    assert_int_equal(q(f, "SELECT http_status FROM webhook_pengiriman"), 503);
    assert_int_equal(q(f, "SELECT coba_lagi FROM webhook_pengiriman") - now, surel_jeda(p));
    assert_int_equal(q(f, "SELECT status = 'antri' FROM webhook_pengiriman"), 1);
    /* not due yet; due at coba_lagi */
    assert_int_equal(webhook_klaim(f->db, now, it, 4, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(webhook_klaim(f->db, now + surel_jeda(p), it, 4, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(it[0].percobaan, p);
  }
  assert_int_equal(webhook_tandai_gagal(f->db, &it[0], 0, "server penerima tidak dapat dihubungi", now), 0);
  assert_int_equal(q(f, "SELECT status = 'gagal' FROM webhook_pengiriman"), 1);
  assert_int_equal(q(f, "SELECT http_status IS NULL FROM webhook_pengiriman"), 1);
  assert_int_equal(q(f, "SELECT percobaan FROM webhook_pengiriman"), SUREL_PERCOBAAN_MAKS);
  sodium_memzero(it, 4 * sizeof *it);
  free(it);
}

static void terkirim_lepas_jeda(void **state)
{
  struct fx *f = *state;
  antri(f, 1, WEBHOOK_SKP_DISETUJUI);
  antri(f, 1, WEBHOOK_SKP_DISETUJUI);
  /* a delivery of the paused webhook waits */
  assert_int_equal(db_exec(f->db, "INSERT INTO webhook_pengiriman (webhook_id, peristiwa, isi, coba_lagi, dibuat) VALUES (2, 'ping', '{}', 0, 0)"), DB_OK);
  struct webhook_item *it = calloc(4, sizeof *it);
  int n = 0;
  int64_t now = now_unix();
  assert_int_equal(webhook_klaim(f->db, now, it, 4, &n), 0);
  assert_int_equal(n, 2);
  assert_int_equal(webhook_tandai_terkirim(f->db, it[0].id, 204, now), 0);
  assert_int_equal(webhook_lepas(f->db, it[1].id), 0);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM webhook_pengiriman WHERE status = 'terkirim' AND http_status = 204 AND percobaan = 1"), 1);
  assert_int_equal(q(f, "SELECT COUNT(*) FROM webhook_pengiriman WHERE status = 'antri' AND percobaan = 0"), 2);
  /* a sender that died: its claim goes stale after 10 minutes */
  assert_int_equal(webhook_klaim(f->db, now, it, 4, &n), 0);
  assert_int_equal(n, 1);
  assert_int_equal(webhook_klaim(f->db, now + 60, it, 4, &n), 0);
  assert_int_equal(n, 0);
  assert_int_equal(webhook_klaim(f->db, now + 601, it, 4, &n), 0);
  assert_int_equal(n, 1);
  /* test mode: seconds instead of minutes */
  webhook_atur_jeda_uji(true);
  assert_int_equal(webhook_jeda(1), 1);
  assert_int_equal(webhook_jeda(5), 720);
  assert_int_equal(webhook_jeda(SUREL_PERCOBAAN_MAKS), -1);
  webhook_atur_jeda_uji(false);
  assert_int_equal(webhook_jeda(1), 60);
  json_t *p = webhook_pengiriman_daftar(f->db, 1, "terkirim", 0, 50);
  assert_int_equal(json_array_size(json_object_get(p, "items")), 1);
  json_decref(p);
  p = webhook_pengiriman_daftar(f->db, 1, NULL, 0, 1);
  assert_int_equal(json_array_size(json_object_get(p, "items")), 1);
  assert_true(json_is_string(json_object_get(p, "next_cursor")));
  json_decref(p);
  free(it);
}

int main(void)
{
  if (sodium_init() < 0) return 1;
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(tanda_vektor),
    cmocka_unit_test(url),
    cmocka_unit_test(peristiwa),
    cmocka_unit_test_setup_teardown(hanya_pendengar, setup, teardown),
    cmocka_unit_test_setup_teardown(klaim_gagal_sampai_menyerah, setup, teardown),
    cmocka_unit_test_setup_teardown(terkirim_lepas_jeda, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
