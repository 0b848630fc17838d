/* demo_tpp.c: see demo_tpp.h.  The amounts are an example of a regional Perkada (UNCONFIRMED:
 * every instansi sets its own). */
#include "demo_tpp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tpp_bulan.h"
#include "util/util.h"

static const int64_t BESARAN[18] = {0, 1500000, 1650000, 1800000, 2000000, 2200000, 2450000, 2750000, 3100000, 3500000,
                                    4000000, 4600000, 5300000, 6200000, 7500000, 9500000, 12500000, 16000000};

int demo_tpp_create(struct db *db, int64_t instansi_id, int tahun, const char *bulan, struct demo_tpp_hasil *h)
{
  memset(h, 0, sizeof *h);
  json_t *besaran = json_object();
  for (int k = 1; k <= 17; k++) {
    char key[16];
    snprintf(key, sizeof key, "%d", k);
    json_object_set_new(besaran, key, json_integer(BESARAN[k]));
  }
  json_t *isi = json_pack("{s:s,s:s,s:o}", "preset", "umum_daerah", "nama", "TPP Pemkab Sukamaju (contoh)", "besaran_kelas", besaran);
  char *teks = isi ? json_dumps(isi, JSON_COMPACT) : NULL;
  json_decref(isi);
  if (!teks) return -1;
  char mulai[40];
  snprintf(mulai, sizeof mulai, "%04d-01", tahun);
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO tpp_aturan (instansi_id, nama, status, berlaku_mulai, isi, dari_preset, dibuat, diubah)"
    " VALUES (?1, 'TPP Pemkab Sukamaju (contoh)', 'aktif', ?2, ?3, 'umum_daerah', ?4, ?4)");
  if (!st) { free(teks); return -1; }
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, mulai);
  db_bind_text(st, 3, teks);
  db_bind_int64(st, 4, now);
  int s = db_step(st);
  db_done(st);
  free(teks);
  if (s != DB_DONE) return -1;
  /* a draft copy to show the what-if: kelas 9 and 10 raised */
  st = db_prepare(db,
    "INSERT INTO tpp_aturan (instansi_id, nama, status, isi, dari_preset, dibuat, diubah)"
    " SELECT instansi_id, 'Usulan kenaikan kelas 9-10 (draf)', 'draft', replace(replace(isi, '\"9\":3500000', '\"9\":3800000'),"
    " '\"10\":4000000', '\"10\":4400000'), dari_preset, dibuat, diubah FROM tpp_aturan WHERE instansi_id = ?1 AND status = 'aktif'");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  int y = atoi(bulan), m = atoi(bulan + 5);
  if (y != tahun) return 0;   /* January: the last complete month is last year's, before the table */
  struct audit_actor sys = {0, "demo"};
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  if (tpp_bulan_hitung(db, instansi_id, y, m, &sys, &http, &pesan, &id) != 0) return -1;
  db_query_int64(db, "SELECT pegawai FROM tpp_bulan WHERE id = ?1", 1, id, &h->pegawai);
  db_query_int64(db, "SELECT jumlah FROM tpp_bulan WHERE id = ?1", 1, id, &h->jumlah);
  return 0;
}
