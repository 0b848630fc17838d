/* siasn_ambil.c: reading pegawai and unor from SIASN into a snapshot (see siasn_ambil.h). */
#include "siasn_ambil.h"

#include <stdio.h>
#include <string.h>

#include "golongan.h"
#include "siasn_json.h"
#include "util/util.h"

#define NIP_MAX 5000   /* one pull; larger instansi pull by unit or --nip */

static const char *const K_ID[] = {"id", "pnsId", "pns_id", "pnsOrangId", NULL};
static const char *const K_NIP[] = {"nipBaru", "nip", "nip_baru", NULL};
static const char *const K_NAMA[] = {"nama", "namaPns", NULL};
static const char *const K_GELAR_DEPAN[] = {"gelarDepan", NULL};
static const char *const K_GELAR_BELAKANG[] = {"gelarBelakang", NULL};
static const char *const K_GOL[] = {"golRuangAkhir", "golongan", "golRuang", NULL};
static const char *const K_GOL_ID[] = {"golRuangAkhirId", "golonganId", "golId", NULL};
static const char *const K_JABATAN[] = {"jabatanNama", "namaJabatan", "jabatan", NULL};
static const char *const K_JENIS_JAB[] = {"jenisJabatanId", "jenisJabatan", "jenisJabatanNama", NULL};
static const char *const K_ESELON[] = {"eselon", "eselonId", "eselonNama", NULL};
static const char *const K_UNOR[] = {"unorId", "unor_id", "idUnor", NULL};
static const char *const K_TMT[] = {"tmtJabatan", "tmt_jabatan", "tmtJab", NULL};
static const char *const K_UNOR_NAMA[] = {"namaUnor", "unorNama", "nama", NULL};
static const char *const K_INDUK[] = {"diatasanId", "atasanId", "indukUnorId", "unorIndukId", NULL};
static const char *const K_PEMIMPIN[] = {"pemimpinPnsId", "pemimpinId", NULL};

int siasn_tanggal(const char *s, char out[11])
{
  int d, m, y;
  if (!s || strlen(s) < 10) return -1;
  char t[11];
  memcpy(t, s, 10);
  t[10] = 0;
  if (t[2] == '-' && t[5] == '-') {          /* dd-mm-yyyy */
    d = (t[0] - '0') * 10 + (t[1] - '0');
    m = (t[3] - '0') * 10 + (t[4] - '0');
    int64_t yy;
    if (parse_int64(t + 6, 1900, 2199, &yy) != 0) return -1;
    y = (int)yy;
  } else if (t[4] == '-' && t[7] == '-') {   /* yyyy-mm-dd */
    return date_valid(t) ? (memcpy(out, t, 11), 0) : -1;
  } else {
    return -1;
  }
  if (!ymd_valid(y, m, d)) return -1;
  char tmp[32];
  snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
  memcpy(out, tmp, 11);
  out[10] = 0;
  return 0;
}

static void set_teks(json_t *o, const char *nama, json_t *src, const char *const *kunci)
{
  char v[512];
  json_object_set_new(o, nama, siasn_json_teks(src, kunci, v, sizeof v) == 0 ? json_string(v) : json_null());
}

/* The latest row of rw-jabatan (by TMT): its name, jenis, eselon, unor and TMT override
 * data-utama's, which SIASN updates later. */
static void dari_riwayat(json_t *rec, json_t *rw)
{
  json_t *baris, *terbaru = NULL;
  char tmt[11] = "", t[64], iso[11];
  size_t i;
  if (!json_is_array(rw)) return;
  json_array_foreach(rw, i, baris) {
    if (siasn_json_teks(baris, K_TMT, t, sizeof t) != 0 || siasn_tanggal(t, iso) != 0) continue;
    if (!terbaru || strcmp(iso, tmt) > 0) { terbaru = baris; memcpy(tmt, iso, 11); }
  }
  if (!terbaru) return;
  char v[512];
  if (siasn_json_teks(terbaru, K_JABATAN, v, sizeof v) == 0) json_object_set_new(rec, "jabatan", json_string(v));
  if (siasn_json_teks(terbaru, K_JENIS_JAB, v, sizeof v) == 0) json_object_set_new(rec, "jenis_jabatan_id", json_string(v));
  if (siasn_json_teks(terbaru, K_ESELON, v, sizeof v) == 0) json_object_set_new(rec, "eselon", json_string(v));
  if (siasn_json_teks(terbaru, K_UNOR, v, sizeof v) == 0) json_object_set_new(rec, "unor_id", json_string(v));
  json_object_set_new(rec, "tmt_jabatan", json_string(tmt));
}

/* data-utama to our normalised record */
static json_t *normal(const char *nip, json_t *du)
{
  json_t *o = json_pack("{s:s}", "nip", nip);
  set_teks(o, "siasn_id", du, K_ID);
  set_teks(o, "nama", du, K_NAMA);
  set_teks(o, "gelar_depan", du, K_GELAR_DEPAN);
  set_teks(o, "gelar_belakang", du, K_GELAR_BELAKANG);
  set_teks(o, "jabatan", du, K_JABATAN);
  set_teks(o, "jenis_jabatan_id", du, K_JENIS_JAB);
  set_teks(o, "eselon", du, K_ESELON);
  set_teks(o, "unor_id", du, K_UNOR);
  json_object_set_new(o, "tmt_jabatan", json_null());
  /* golongan: the SIASN id (31) or the code (III/a); PPPK golongan as roman numerals */
  char g[32], norm[8];
  json_t *gol = json_null();
  if (siasn_json_teks(du, K_GOL_ID, g, sizeof g) == 0 && golongan_pns(g)) gol = json_string(golongan_pns(g)->kode);
  else if (siasn_json_teks(du, K_GOL, g, sizeof g) == 0) {
    if (golongan_normalize(ASN_PNS, g, norm, sizeof norm) == 0 || golongan_normalize(ASN_PPPK, g, norm, sizeof norm) == 0)
      gol = json_string(norm);
  }
  json_object_set_new(o, "golongan", gol);
  return o;
}

static json_t *nip_aktif(struct db *db, int64_t inst)
{
  struct db_stmt *st = db_prepare(db, "SELECT nip FROM pegawai WHERE instansi_id = ?1 AND aktif = 1 ORDER BY nip LIMIT 5001");
  if (!st) return NULL;
  db_bind_int64(st, 1, inst);
  json_t *a = json_array();
  while (db_step(st) == DB_ROW) json_array_append_new(a, json_string(db_col_text(st, 0)));
  db_done(st);
  return a;
}

static enum siasn_hasil berhenti(enum siasn_hasil h, const struct siasn_jawaban *j, const char *apa, char *err, size_t n)
{
  snprintf(err, n, "%s: %s. %s", apa, j->pesan, j->saran);
  return h;
}

enum siasn_hasil siasn_ambil(struct siasn_sesi *s, json_t *nips, json_t **snap, char *err, size_t n)
{
  struct siasn_jawaban j;
  enum siasn_hasil h;
  json_t *daftar = nips ? json_incref(nips) : nip_aktif(s->db, s->k.instansi_id);
  json_t *pns = json_object(), *tidak_ada = json_array(), *unor = json_object();
  *snap = NULL;
  if (!daftar) { snprintf(err, n, "kesalahan basis data"); h = SIASN_KONFIG; goto fail; }
  if (json_array_size(daftar) > NIP_MAX) {
    snprintf(err, n, "terlalu banyak NIP dalam satu tarikan (maksimal %d); tarik per --nip", NIP_MAX);
    h = SIASN_DITOLAK;
    goto fail;
  }
  /* the unor reference */
  struct siasn_permintaan p = {.arah = "tarik", .metode = "GET", .jalur = "/referensi/unor", .ringkasan = "referensi unor"};
  h = siasn_minta(s, &p, &j);
  if (h != SIASN_OK) { berhenti(h, &j, "referensi unor", err, n); siasn_jawaban_lepas(&j); goto fail; }
  if (!json_is_array(j.isi)) {
    snprintf(err, n, "referensi unor: jawaban SIASN bukan daftar. Tidak ada yang diterapkan; ulangi nanti.");
    siasn_log_tulis(s->db, s->k.instansi_id, "tarik", "GET", "/referensi/unor", "referensi unor", j.http, 0, "gagal",
                    "jawaban bukan daftar unor", "Ulangi nanti; bila berulang laporkan ke BKN.", s->tarikan_id, 0);
    siasn_jawaban_lepas(&j);
    h = SIASN_RUSAK;
    goto fail;
  }
  size_t i;
  json_t *u;
  json_array_foreach(j.isi, i, u) {
    char id[128];
    if (siasn_json_teks(u, K_ID, id, sizeof id) != 0) continue;
    json_t *o = json_pack("{s:s}", "id", id);
    set_teks(o, "nama", u, K_UNOR_NAMA);
    set_teks(o, "induk", u, K_INDUK);
    set_teks(o, "pemimpin", u, K_PEMIMPIN);
    json_object_set_new(unor, id, o);
  }
  siasn_jawaban_lepas(&j);
  /* every pegawai */
  json_t *v;
  json_array_foreach(daftar, i, v) {
    const char *nip = json_string_value(v);
    if (!nip) continue;
    char jalur[96], ringkas[64];
    snprintf(jalur, sizeof jalur, "/pns/data-utama/%s", nip);
    snprintf(ringkas, sizeof ringkas, "data utama NIP %s", nip);
    struct siasn_permintaan du = {.arah = "tarik", .metode = "GET", .jalur = jalur, .ringkasan = ringkas,
      .saran_404 = "NIP ini tidak dikenal SIASN: periksa NIP di data kita (salah ketik, NIP lama) atau tanyakan ke BKN/BKD. "
                   "Pegawai ini tidak diubah; ia tampil sebagai 'tidak ada di SIASN' di pratinjau."};
    h = siasn_minta(s, &du, &j);
    if (h == SIASN_TIDAK_ADA) { json_array_append_new(tidak_ada, json_string(nip)); siasn_jawaban_lepas(&j); continue; }
    if (h != SIASN_OK) { berhenti(h, &j, ringkas, err, n); siasn_jawaban_lepas(&j); goto fail; }
    if (!json_is_object(j.isi)) {
      snprintf(err, n, "%s: jawaban SIASN bukan objek data pegawai. Tidak ada yang diterapkan; ulangi nanti.", ringkas);
      siasn_jawaban_lepas(&j);
      h = SIASN_RUSAK;
      goto fail;
    }
    char nip_siasn[40];
    if (siasn_json_teks(j.isi, K_NIP, nip_siasn, sizeof nip_siasn) == 0 && strcmp(nip_siasn, nip) != 0) {
      snprintf(err, n, "%s: SIASN mengirim data NIP lain (%s). Tidak ada yang diterapkan; laporkan ke BKN.", ringkas, nip_siasn);
      siasn_log_tulis(s->db, s->k.instansi_id, "tarik", "GET", jalur, ringkas, j.http, 0, "gagal", "data NIP lain dalam jawaban",
                      "Laporkan ke BKN beserta NIP ini.", s->tarikan_id, 0);
      siasn_jawaban_lepas(&j);
      h = SIASN_RUSAK;
      goto fail;
    }
    json_t *rec = normal(nip, j.isi);
    siasn_jawaban_lepas(&j);
    snprintf(jalur, sizeof jalur, "/pns/rw-jabatan/%s", nip);
    snprintf(ringkas, sizeof ringkas, "riwayat jabatan NIP %s", nip);
    struct siasn_permintaan rw = {.arah = "tarik", .metode = "GET", .jalur = jalur, .ringkasan = ringkas,
      .saran_404 = "Riwayat jabatan tidak ada di SIASN: jabatan diambil dari data utama."};
    h = siasn_minta(s, &rw, &j);
    if (h == SIASN_OK) dari_riwayat(rec, j.isi);
    siasn_jawaban_lepas(&j);
    if (h != SIASN_OK && h != SIASN_TIDAK_ADA) { json_decref(rec); berhenti(h, &j, ringkas, err, n); goto fail; }
    json_object_set_new(pns, nip, rec);
  }
  *snap = json_pack("{s:o,s:o,s:o}", "pns", pns, "tidak_ada", tidak_ada, "unor", unor);
  json_decref(daftar);
  return SIASN_OK;
fail:
  json_decref(daftar);
  json_decref(pns);
  json_decref(tidak_ada);
  json_decref(unor);
  return h;
}
