/* profil_pegawai.c: the four-dimension profile of one pegawai for a year (see profil.h).
 *
 * Where each number comes from:
 *  - kinerja individu: the year-to-date capaian of every IKI with a numeric target (the
 *    dashboard's, dasbor_capaian_json: realisasi diajukan/disetujui against the pro rata
 *    target) and the rating hasil kerja of the final penilaian of the year (the annual one, else
 *    the latest periodic one);
 *  - perilaku kerja: the rating perilaku kerja of that penilaian and the 360 answers of the
 *    year's rounds that reached UMPAN360_MIN_RESPONDEN answers (the others stay hidden, as in
 *    umpan360_hasil);
 *  - inovasi: profil_inovasi_tahun (the innovation register);
 *  - kontribusi organisasi: the pegawai's RHK traced upwards (org_jejak_pegawai) and the
 *    capaian of the PK indicator each chain reaches (its latest realisasi: the annual one, else
 *    the latest quarter; the IKU above it when the PK indicator has none). */
#include "profil_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dasbor_internal.h"
#include "organisasi.h"
#include "profil_inovasi.h"
#include "rules/berakhlak.h"
#include "rules/capaian_org.h"
#include "umpan360.h"
#include "util/util.h"

#define IKI_MAKS 200
#define INDIKATOR_MAKS 200

static const char *const PERIODE_LABEL[6] = {"", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Tahunan"};

json_t *profil_angka(struct pecahan x)
{
  char s[48];
  return json_string(pecahan_tulis(x, 2, '.', true, s, sizeof s));
}

static json_t *sumber(const char *jenis, int64_t id, const char *label, const char *tautan)
{
  return json_pack("{s:s,s:I,s:s,s:s?}", "jenis", jenis, "id", (json_int_t)id, "label", label, "tautan", tautan);
}

static json_t *sumber_tautan(const char *jenis, int64_t id, const char *label, const char *awalan)
{
  char t[64];
  snprintf(t, sizeof t, "%s%lld", awalan, (long long)id);
  return sumber(jenis, id, label, t);
}

/* ---- kinerja individu ---- */

static int kinerja(struct db *db, int64_t pid, int64_t inst, int tahun, struct pecahan *cap, int *n, json_t *rinci, json_t *src)
{
  struct dasbor_waktu w;
  if (dasbor_waktu(db, inst, tahun, &w) != 0) return -1;
  json_t *items = dasbor_capaian_json(db, pid, &w);
  if (!items) return -1;
  json_t *iki = json_array(), *skp = json_object();
  size_t i;
  json_t *it;
  *n = 0;
  json_array_foreach(items, i, it) {
    char key[32];
    int64_t skp_id = json_integer_value(json_object_get(it, "skp_id"));
    snprintf(key, sizeof key, "%lld", (long long)skp_id);
    if (!json_object_get(skp, key)) {
      char label[96];
      snprintf(label, sizeof label, "SKP %d (%s)", tahun, json_string_value(json_object_get(it, "skp_status")));
      json_object_set_new(skp, key, json_true());
      json_array_append_new(src, sumber_tautan("skp", skp_id, label, "#/skp/"));
    }
    json_t *ytd = json_object_get(it, "tahun_berjalan");
    const char *c = json_string_value(json_object_get(ytd, "capaian_prorata_persen"));
    struct pecahan p;
    if (!c || pecahan_dari_teks(c, &p) != 0 || *n >= IKI_MAKS) continue;
    cap[(*n)++] = p;
    json_array_append_new(iki, json_pack("{s:O,s:O,s:O,s:o}", "iki_id", json_object_get(it, "iki_id"), "indikator",
                                         json_object_get(it, "indikator"), "rhk", json_object_get(it, "rhk"), "capaian", profil_angka(p)));
  }
  json_decref(items);
  json_decref(skp);
  json_object_set_new(rinci, "iki", iki);
  return 0;
}

/* The final penilaian of the year the ratings come from: *rh / *rp enum rating or -1. */
static int penilaian(struct db *db, int64_t pid, int tahun, int *rh, int *rp, json_t *r1, json_t *r2, json_t *s1, json_t *s2)
{
  char y1[16], y2[16];
  snprintf(y1, sizeof y1, "%04d-01-01", tahun);
  snprintf(y2, sizeof y2, "%04d-12-31", tahun);
  struct db_stmt *st = db_prepare(db,
    "SELECT id, jenis, periode_ke, rating_hasil, rating_perilaku, predikat FROM penilaian"
    " WHERE pegawai_id = ?1 AND status = 'final' AND mulai BETWEEN ?2 AND ?3"
    " ORDER BY CASE jenis WHEN 'tahunan' THEN 0 ELSE 1 END, selesai DESC, id DESC LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, pid);
  db_bind_text(st, 2, y1);
  db_bind_text(st, 3, y2);
  *rh = *rp = PROFIL_TANPA_RATING;
  int s = db_step(st);
  json_t *pid_j = json_null();
  if (s == DB_ROW) {
    int64_t id = db_col_int64(st, 0);
    char label[96];
    if (!strcmp(db_col_text(st, 1), "tahunan")) snprintf(label, sizeof label, "Penilaian tahunan %d", tahun);
    else snprintf(label, sizeof label, "Penilaian periode ke-%lld %d", (long long)db_col_int64(st, 2), tahun);
    enum rating r;
    if (!db_col_is_null(st, 3) && rating_dari_kode(db_col_text(st, 3), &r) == 0) *rh = (int)r;
    if (!db_col_is_null(st, 4) && rating_dari_kode(db_col_text(st, 4), &r) == 0) *rp = (int)r;
    json_array_append_new(s1, sumber_tautan("penilaian", id, label, "#/penilaian/"));
    json_array_append_new(s2, sumber_tautan("penilaian", id, label, "#/penilaian/"));
    pid_j = json_integer(id);
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -1;
  json_object_set_new(r1, "rating_hasil", *rh >= 0 ? json_string(rating_kode((enum rating)*rh)) : json_null());
  json_object_set_new(r1, "rating_hasil_label", *rh >= 0 ? json_string(rating_label((enum rating)*rh)) : json_null());
  json_object_set(r1, "penilaian_id", pid_j);
  json_object_set_new(r2, "rating_perilaku", *rp >= 0 ? json_string(rating_kode((enum rating)*rp)) : json_null());
  json_object_set_new(r2, "rating_perilaku_label", *rp >= 0 ? json_string(rating_label((enum rating)*rp)) : json_null());
  json_object_set_new(r2, "penilaian_id", pid_j);
  return 0;
}

/* ---- perilaku kerja: 360 ---- */

static int umpan360(struct db *db, int64_t pid, int tahun, struct profil_masukan *in, json_t *rinci, json_t *src)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT p.id, (SELECT COUNT(*) FROM responden_360 r WHERE r.putaran_id = p.id AND r.sudah = 1)"
    "  FROM putaran_360 p WHERE p.pegawai_id = ?1 AND p.tahun = ?2 ORDER BY p.id");
  if (!st) return -1;
  db_bind_int64(st, 1, pid);
  db_bind_int64(st, 2, tahun);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int64_t n = db_col_int64(st, 1);
    if (n >= UMPAN360_MIN_RESPONDEN) {
      in->putaran_360++;
      in->responden_360 += n;
      char label[64];
      snprintf(label, sizeof label, "Umpan balik 360 (%lld responden)", (long long)n);
      json_array_append_new(src, sumber_tautan("putaran_360", db_col_int64(st, 0), label, "#/360/"));
    } else {
      in->putaran_360_tersembunyi++;
    }
  }
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *per = json_array();
  if (in->putaran_360 > 0) {
    st = db_prepare(db,
      "SELECT j.nilai, COUNT(*), SUM(j.skor) FROM jawaban_360 j JOIN putaran_360 p ON p.id = j.putaran_id"
      " WHERE p.pegawai_id = ?1 AND p.tahun = ?2"
      "   AND (SELECT COUNT(*) FROM responden_360 r WHERE r.putaran_id = p.id AND r.sudah = 1) >= ?3"
      " GROUP BY j.nilai ORDER BY j.nilai");
    if (!st) { json_decref(per); return -1; }
    db_bind_int64(st, 1, pid);
    db_bind_int64(st, 2, tahun);
    db_bind_int64(st, 3, UMPAN360_MIN_RESPONDEN);
    while ((s = db_step(st)) == DB_ROW) {
      int v = (int)db_col_int64(st, 0);
      int64_t n = db_col_int64(st, 1), sum = db_col_int64(st, 2);
      if (v < 1 || v > BERAKHLAK_JUMLAH || n < 1) continue;
      in->skor_360_n += n;
      in->skor_360_jumlah += sum;
      json_array_append_new(per, json_pack("{s:i,s:s,s:o,s:I}", "nilai", v, "nama", BERAKHLAK[v - 1].nama,
                                           "rata", profil_angka(pecahan_dari(sum, n)), "jawaban", (json_int_t)n));
    }
    db_done(st);
    if (s != DB_DONE) { json_decref(per); return -1; }
  }
  json_object_set_new(rinci, "per_nilai", per);
  json_object_set_new(rinci, "responden_360", json_integer(in->responden_360));
  json_object_set_new(rinci, "putaran_360", json_integer(in->putaran_360));
  json_object_set_new(rinci, "putaran_360_tersembunyi", json_integer(in->putaran_360_tersembunyi));
  json_object_set_new(rinci, "minimal_360", json_integer(UMPAN360_MIN_RESPONDEN));
  return 0;
}

/* ---- kontribusi organisasi ---- */

/* The latest realisasi of an indicator of the year: 0 found (*periode, nilai), 1 none, -1 error. */
static int realisasi_terakhir(struct db *db, const char *jenis, int64_t id, int tahun, int *periode, char *nilai, size_t n)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT periode, realisasi FROM realisasi_organisasi WHERE jenis = ?1 AND indikator_id = ?2 AND tahun = ?3"
    " ORDER BY periode DESC LIMIT 1");
  if (!st) return -1;
  db_bind_text(st, 1, jenis);
  db_bind_int64(st, 2, id);
  db_bind_int64(st, 3, tahun);
  int s = db_step(st), rc = s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
  if (s == DB_ROW) {
    *periode = (int)db_col_int64(st, 0);
    str_copy(nilai, n, db_col_text(st, 1));
  }
  db_done(st);
  return rc;
}

/* The capaian of the PK indicator `pk` (or of the IKU above it): 0 with *out and a row in arr,
 * 1 none, -1 error. */
static int capaian_indikator(struct db *db, json_t *pk, json_t *iku, int tahun, struct pecahan *out, json_t *arr)
{
  int periode = 0;
  char nilai[48];
  int64_t id = json_integer_value(json_object_get(pk, "id"));
  const char *target = json_string_value(json_object_get(pk, "target"));
  bool turun = !strcmp(json_string_value(json_object_get(pk, "arah")) ? json_string_value(json_object_get(pk, "arah")) : "", "turun");
  const char *jenis = "pk", *nama = json_string_value(json_object_get(pk, "indikator"));
  char tgt[48];
  int rc = realisasi_terakhir(db, "pk", id, tahun, &periode, nilai, sizeof nilai);
  if (rc < 0) return -1;
  if (rc == 1 && json_is_object(iku)) {
    /* the IKU above, against its target of the year */
    int64_t ik = json_integer_value(json_object_get(iku, "id"));
    rc = realisasi_terakhir(db, "iku", ik, tahun, &periode, nilai, sizeof nilai);
    if (rc < 0) return -1;
    if (rc == 0) {
      struct db_stmt *st = db_prepare(db, "SELECT t.target, k.arah FROM iku_target t JOIN iku k ON k.id = t.iku_id WHERE t.iku_id = ?1 AND t.tahun = ?2");
      if (!st) return -1;
      db_bind_int64(st, 1, ik);
      db_bind_int64(st, 2, tahun);
      rc = 1;
      if (db_step(st) == DB_ROW) {
        str_copy(tgt, sizeof tgt, db_col_text(st, 0));
        turun = !strcmp(db_col_text(st, 1), "turun");
        target = tgt;
        jenis = "iku";
        id = ik;
        nama = json_string_value(json_object_get(iku, "indikator"));
        rc = 0;
      }
      db_done(st);
    }
  }
  if (rc != 0) return 1;
  if (capaian_org_indikator(nilai, target, turun, nama, out, NULL) != 0) return 1;
  json_t *row = json_pack("{s:s,s:I,s:s,s:s,s:s,s:o,s:s,s:i}", "jenis", jenis, "id", (json_int_t)id, "indikator", nama ? nama : "",
                          "target", target, "realisasi", nilai, "capaian", profil_angka(*out), "dasar", PERIODE_LABEL[periode], "periode", periode);
  json_object_set(row, "unit_kerja", json_object_get(pk, "unit_kerja"));
  json_array_append_new(arr, row);
  return 0;
}

static int kontribusi(struct db *db, int64_t pid, int tahun, struct profil_masukan *in, struct pecahan *cap, json_t *rinci, json_t *src)
{
  json_t *j = org_jejak_pegawai(db, pid, tahun);
  if (!j) return -1;
  json_t *ind = json_array(), *sudah = json_object(), *rhk = json_array();
  size_t i;
  json_t *it;
  int rc = 0;
  json_array_foreach(json_object_get(j, "items"), i, it) {
    in->rhk++;
    json_t *pks = json_object_get(it, "pk"), *iku = json_object_get(it, "iku");
    json_t *pk0 = json_array_get(pks, 0);
    bool tertaut = json_is_object(pk0);
    if (tertaut) in->rhk_tertaut++;
    if (json_is_object(iku)) in->rhk_iku++;
    json_array_append_new(rhk, json_pack("{s:O,s:O,s:b,s:O}", "id", json_object_get(it, "id"), "rhk", json_object_get(it, "rhk"),
                                         "tertaut", tertaut, "pk_indikator_id", json_object_get(it, "pk_indikator_id")));
    if (!tertaut) continue;
    char key[32];
    snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_object_get(pk0, "id")));
    if (json_object_get(sudah, key)) continue;
    json_object_set_new(sudah, key, json_true());
    char label[160];
    snprintf(label, sizeof label, "PK %s: %s", json_string_value(json_object_get(json_object_get(pk0, "unit_kerja"), "nama")),
             json_string_value(json_object_get(pk0, "indikator")));
    json_array_append_new(src, sumber("pk_indikator", json_integer_value(json_object_get(pk0, "id")), label, NULL));
    if (json_is_object(iku)) {
      /* the IKU it reaches, with its cascade tree screen */
      json_int_t ik = json_integer_value(json_object_get(iku, "id"));
      char key2[40], label2[400], t[64];
      snprintf(key2, sizeof key2, "iku:%lld", (long long)ik);
      if (!json_object_get(sudah, key2)) {
        json_object_set_new(sudah, key2, json_true());
        snprintf(label2, sizeof label2, "IKU %s", json_string_value(json_object_get(iku, "indikator")));
        snprintf(t, sizeof t, "#/iku/%lld?tahun=%d", (long long)ik, tahun);
        json_array_append_new(src, sumber("iku", ik, label2, t));
      }
    }
    if (in->n_indikator >= INDIKATOR_MAKS) continue;
    int r = capaian_indikator(db, pk0, iku, tahun, &cap[in->n_indikator], ind);
    if (r < 0) { rc = -1; break; }
    if (r == 0) in->n_indikator++;
  }
  json_decref(sudah);
  json_decref(j);
  if (in->rhk) {
    char t[80];
    snprintf(t, sizeof t, "#/pegawai/%lld/jejak-iku?tahun=%d", (long long)pid, tahun);
    json_array_append_new(src, sumber("jejak_iku", pid, "Jejak RHK sampai IKU", t));
  }
  json_object_set_new(rinci, "rhk", rhk);
  json_object_set_new(rinci, "indikator", ind);
  json_object_set_new(rinci, "jumlah_rhk", json_integer(in->rhk));
  json_object_set_new(rinci, "rhk_tertaut", json_integer(in->rhk_tertaut));
  json_object_set_new(rinci, "rhk_iku", json_integer(in->rhk_iku));
  return rc;
}

/* ---- the whole profile ---- */

static json_t *penjelasan_json(const struct penjelasan *pj)
{
  json_t *a = json_array();
  for (int i = 0; i < pj->n; i++) json_array_append_new(a, json_string(pj->baris[i]));
  return a;
}

static void ringkas(enum profil_dimensi d, const struct profil_masukan *in, const struct profil_hasil *h, json_t *rinci,
                    char *out, size_t n)
{
  char a[48], b[48];
  switch (d) {
  case PROFIL_KINERJA_INDIVIDU: {
    const char *r = json_string_value(json_object_get(rinci, "rating_hasil_label"));
    snprintf(out, n, "Capaian %s%s · rating hasil kerja %s", h->capaian_ada ? pecahan_tulis(h->capaian, 2, ',', true, a, sizeof a) : "—",
             h->capaian_ada ? " %" : "", r ? r : "belum ada");
    break;
  }
  case PROFIL_PERILAKU_KERJA: {
    const char *r = json_string_value(json_object_get(rinci, "rating_perilaku_label"));
    if (h->skor_360_ada)
      snprintf(out, n, "Rating perilaku %s · 360: %s dari 5 (%lld responden)", r ? r : "belum ada",
               pecahan_tulis(h->skor_360, 2, ',', true, a, sizeof a), (long long)in->responden_360);
    else
      snprintf(out, n, "Rating perilaku %s · 360: belum ada hasil", r ? r : "belum ada");
    break;
  }
  case PROFIL_INOVASI:
    snprintf(out, n, "%lld inovasi tervalidasi", (long long)in->inovasi);
    break;
  case PROFIL_KONTRIBUSI_ORGANISASI:
    snprintf(out, n, "%d dari %d RHK tertaut ke PK/IKU (%s %%) · capaian indikator %s%s", in->rhk_tertaut, in->rhk,
             h->porsi_ada ? pecahan_tulis(h->porsi, 2, ',', true, a, sizeof a) : "0",
             h->capaian_indikator_ada ? pecahan_tulis(h->capaian_indikator, 2, ',', true, b, sizeof b) : "—",
             h->capaian_indikator_ada ? " %" : "");
    break;
  }
}

int profil_hitung(struct db *db, int64_t pid, int64_t inst, int tahun, struct profil_hasil *h, int64_t *inovasi, json_t **dimensi)
{
  struct pecahan *cap_iki = calloc(IKI_MAKS, sizeof *cap_iki), *cap_ind = calloc(INDIKATOR_MAKS, sizeof *cap_ind);
  json_t *rinci[PROFIL_DIMENSI], *src[PROFIL_DIMENSI];
  for (int d = 0; d < PROFIL_DIMENSI; d++) { rinci[d] = json_object(); src[d] = json_array(); }
  struct profil_masukan in = {.rating_hasil = PROFIL_TANPA_RATING, .rating_perilaku = PROFIL_TANPA_RATING,
                              .minimal_360 = UMPAN360_MIN_RESPONDEN, .capaian_iki = cap_iki, .capaian_indikator = cap_ind};
  int rc = -1;
  bool tersedia = false;
  json_t *inov = NULL;
  if (!cap_iki || !cap_ind) goto out;
  if (kinerja(db, pid, inst, tahun, cap_iki, &in.n_iki, rinci[0], src[0]) != 0) goto out;
  if (penilaian(db, pid, tahun, &in.rating_hasil, &in.rating_perilaku, rinci[0], rinci[1], src[0], src[1]) != 0) goto out;
  if (umpan360(db, pid, tahun, &in, rinci[1], src[1]) != 0) goto out;
  if (!(inov = profil_inovasi_tahun(db, pid, tahun, &tersedia))) goto out;
  in.inovasi = (int64_t)json_array_size(inov);
  if (kontribusi(db, pid, tahun, &in, cap_ind, rinci[3], src[3]) != 0) goto out;
  if (profil_kinerja_hitung(&in, h) != 0) goto out;
  *inovasi = in.inovasi;
  rc = 0;
  if (!dimensi) goto out;
  /* the JSON of the four dimensions */
  json_object_set_new(rinci[0], "capaian", h->capaian_ada ? profil_angka(h->capaian) : json_null());
  json_object_set_new(rinci[1], "skor_360", h->skor_360_ada ? profil_angka(h->skor_360) : json_null());
  json_object_set_new(rinci[2], "jumlah", json_integer(in.inovasi));
  json_object_set_new(rinci[2], "register_tersedia", json_boolean(tersedia));
  json_object_set(rinci[2], "items", inov);
  {
    size_t i;
    json_t *x;
    json_array_foreach(inov, i, x) {
      json_int_t id = json_integer_value(json_object_get(x, "id"));
      const char *judul = json_string_value(json_object_get(x, "judul"));
      char label[300];
      snprintf(label, sizeof label, "Inovasi: %s", judul ? judul : "");
      /* the register has no screen per innovation: the id and title are the source */
      json_array_append_new(src[2], sumber("inovasi", id, label, NULL));
    }
  }
  json_object_set_new(rinci[3], "porsi", h->porsi_ada ? profil_angka(h->porsi) : json_null());
  json_object_set_new(rinci[3], "capaian_indikator", h->capaian_indikator_ada ? profil_angka(h->capaian_indikator) : json_null());
  if (!tersedia) penjelasan_tambah(&h->pj[PROFIL_INOVASI], "Register inovasi belum tersedia pada versi ini.");
  json_t *arr = json_array();
  for (int d = 0; d < PROFIL_DIMENSI; d++) {
    char rk[400];
    ringkas((enum profil_dimensi)d, &in, h, rinci[d], rk, sizeof rk);
    json_array_append_new(arr, json_pack("{s:s,s:s,s:o,s:s,s:O,s:o,s:O}", "kode", profil_kinerja_kode((enum profil_dimensi)d),
      "label", profil_kinerja_label((enum profil_dimensi)d), "skor", h->ada[d] ? profil_angka(h->skor[d]) : json_null(),
      "ringkas", rk, "rincian", rinci[d], "penjelasan", penjelasan_json(&h->pj[d]), "sumber", src[d]));
  }
  *dimensi = arr;
out:
  for (int d = 0; d < PROFIL_DIMENSI; d++) { json_decref(rinci[d]); json_decref(src[d]); }
  json_decref(inov);
  free(cap_iki);
  free(cap_ind);
  return rc;
}

json_t *profil_pegawai(struct db *db, int64_t pegawai_id, int tahun, const char **pesan)
{
  *pesan = NULL;
  struct db_stmt *st = db_prepare(db,
    "SELECT p.instansi_id, p.nip, p.nama, COALESCE(j.nama, ''), COALESCE(u.nama, ''), COALESCE(p.unit_kerja_id, 0)"
    "  FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id WHERE p.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  int s = db_step(st);
  if (s != DB_ROW) {
    db_done(st);
    if (s == DB_DONE) *pesan = "Pegawai";
    return NULL;
  }
  int64_t inst = db_col_int64(st, 0);
  json_t *peg = json_pack("{s:I,s:s,s:s,s:s,s:s,s:I}", "id", (json_int_t)pegawai_id, "nip", db_col_text(st, 1), "nama", db_col_text(st, 2),
                          "jabatan", db_col_text(st, 3), "unit_kerja", db_col_text(st, 4), "unit_kerja_id", (json_int_t)db_col_int64(st, 5));
  db_done(st);
  struct profil_hasil *h = malloc(sizeof *h);
  json_t *dim = NULL;
  int64_t inov = 0;
  if (!h || profil_hitung(db, pegawai_id, inst, tahun, h, &inov, &dim) != 0) {
    free(h);
    json_decref(peg);
    return NULL;
  }
  free(h);
  return json_pack("{s:i,s:o,s:o,s:s}", "tahun", tahun, "pegawai", peg, "dimensi", dim, "catatan", PROFIL_CATATAN);
}
