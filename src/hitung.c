/* hitung.c: the regulation calculator, so an admin can check a case by hand (issue 6).
 *
 * Two faces over one evaluator: `kinerja hitung NAMA --flag ...` turns its flags into a JSON
 * object (one member per flag: --hasil-kerja -> "hasil_kerja", repeated flags -> arrays, --360 ->
 * "penilaian_360": true) and hands it to hitung_json(), the same function the handlers of
 * POST /api/v1/hitung/... call with the request body.  So both validate alike and answer the
 * same JSON; the command line also prints it for people, in Indonesian.  The arithmetic itself
 * is in src/rules/ (pure, exact). */
#include "hitung.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_hitung.h"
#include "hitung_tukin.h"
#include "rules/angka_kredit.h"
#include "rules/desimal.h"
#include "rules/kurva.h"
#include "rules/pp30.h"
#include "rules/pp46.h"
#include "rules/predikat.h"
#include "util/errs.h"
#include "util/util.h"

/* ------------------------------------------------------------------------------------------ */
/* Reading the input object                                                                    */

struct baca {
  json_t *in;
  json_t **errs;
  int salah;   /* errors recorded so far */
};

static void galat(struct baca *b, const char *field, const char *pesan)
{
  errs_add(b->errs, field, pesan);
  b->salah++;
}

static void galat_ke(struct baca *b, const char *key, size_t i, const char *pesan)
{
  char f[64];
  snprintf(f, sizeof f, "%s[%zu]", key, i);
  galat(b, f, pesan);
}

/* Every member not in `boleh` is an error (a typo must not silently fall back to a default). */
static void hanya(struct baca *b, const char *const *boleh)
{
  const char *k;
  json_t *v;
  json_object_foreach(b->in, k, v) {
    int ok = 0;
    for (const char *const *p = boleh; *p && !ok; p++) ok = strcmp(k, *p) == 0;
    if (!ok) galat(b, k, "tidak dikenal untuk perhitungan ini");
  }
}

static json_t *ambil(struct baca *b, const char *key, int wajib)
{
  json_t *v = json_object_get(b->in, key);
  if (v && !json_is_null(v)) return v;
  if (wajib) galat(b, key, "wajib diisi");
  return NULL;
}

static const char *teks_dari(json_t *v)
{
  if (!json_is_string(v)) return NULL;
  const char *s = json_string_value(v);
  return strlen(s) == json_string_length(v) ? s : NULL;
}

static const char *teks(struct baca *b, const char *key, int wajib)
{
  json_t *v = ambil(b, key, wajib);
  if (!v) return NULL;
  const char *s = teks_dari(v);
  if (!s) galat(b, key, "harus berupa teks");
  return s;
}

/* A non-negative decimal from a JSON number or a numeric text ("92.5" or "92,5"). */
static int angka_dari(json_t *v, struct pecahan *out)
{
  char buf[64];
  if (json_is_integer(v)) {
    snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
  } else if (json_is_real(v)) {
    snprintf(buf, sizeof buf, "%.15g", json_real_value(v));
  } else {
    const char *s = teks_dari(v);
    if (!s || strlen(s) >= sizeof buf) return -1;
    snprintf(buf, sizeof buf, "%s", s);
  }
  return pecahan_dari_teks(buf, out);
}

static const char *const PESAN_ANGKA =
  "harus angka tidak negatif dengan paling banyak 12 digit dan 6 desimal, mis. 85 atau 92.5";

static int angka(struct baca *b, const char *key, int wajib, struct pecahan *out)
{
  json_t *v = ambil(b, key, wajib);
  if (!v) return 0;
  if (angka_dari(v, out) == 0) return 1;
  galat(b, key, PESAN_ANGKA);
  return 0;
}

static int bendera(struct baca *b, const char *key)
{
  json_t *v = ambil(b, key, 0);
  if (!v) return 0;
  if (!json_is_boolean(v)) { galat(b, key, "harus true atau false"); return 0; }
  return json_is_true(v);
}

/* ------------------------------------------------------------------------------------------ */
/* Writing the result                                                                          */

/* v rounded half up to d decimals, as a JSON number */
static json_t *jdesimal(struct pecahan v, int d)
{
  return json_real(desimal_double(pecahan_skala(v, d), d));
}

static json_t *jpenjelasan(const struct penjelasan *pj)
{
  json_t *a = json_array();
  for (int i = 0; a && i < pj->n; i++) json_array_append_new(a, json_string(pj->baris[i]));
  return a;
}

static void set(json_t *o, const char *k, json_t *v) { json_object_set_new(o, k, v ? v : json_null()); }

/* ------------------------------------------------------------------------------------------ */
/* predikat                                                                                    */

static json_t *h_predikat(struct baca *b)
{
  static const char *const boleh[] = {"hasil_kerja", "perilaku", NULL};
  hanya(b, boleh);
  enum rating rh = RATING_SESUAI, rp = RATING_SESUAI;
  const char *h = teks(b, "hasil_kerja", 1);
  if (h && rating_dari_kode(h, &rh) != 0) galat(b, "hasil_kerja", "harus di_atas, sesuai atau di_bawah");
  const char *p = teks(b, "perilaku", 1);
  if (p && rating_dari_kode(p, &rp) != 0) galat(b, "perilaku", "harus di_atas, sesuai atau di_bawah");
  if (b->salah) return NULL;
  struct penjelasan *pj = malloc(sizeof *pj);
  if (!pj) return NULL;
  penjelasan_mulai(pj);
  enum predikat r = predikat_from_ratings(rh, rp, pj);
  json_t *o = json_object();
  if (o) {
    set(o, "hasil_kerja", json_string(rating_kode(rh)));
    set(o, "perilaku", json_string(rating_kode(rp)));
    set(o, "predikat", json_string(predikat_label(r)));
    set(o, "kode", json_string(predikat_kode(r)));
    set(o, "penjelasan", jpenjelasan(pj));
  }
  free(pj);
  return o;
}

/* ------------------------------------------------------------------------------------------ */
/* kurva                                                                                       */

static const char *const PESAN_JUMLAH =
  "harus lima bilangan bulat tidak negatif SB,B,BP,K,SK (Sangat Baik, Baik, Butuh Perbaikan, "
  "Kurang/Misconduct, Sangat Kurang), mis. 2,7,1,0,0";

static int jumlah_kurva(struct baca *b, int64_t out[PREDIKAT_JUMLAH])
{
  json_t *v = ambil(b, "jumlah", 1);
  if (!v) return 0;
  if (json_is_array(v)) {
    if (json_array_size(v) != PREDIKAT_JUMLAH) { galat(b, "jumlah", PESAN_JUMLAH); return 0; }
    for (size_t i = 0; i < PREDIKAT_JUMLAH; i++) {
      json_t *e = json_array_get(v, i);
      if (!json_is_integer(e) || json_integer_value(e) < 0 || json_integer_value(e) > KURVA_MAKS_PEGAWAI) {
        galat(b, "jumlah", PESAN_JUMLAH);
        return 0;
      }
      out[i] = json_integer_value(e);
    }
    return 1;
  }
  const char *s = teks_dari(v);
  if (!s || strlen(s) > 100) { galat(b, "jumlah", PESAN_JUMLAH); return 0; }
  int n = 0;
  for (const char *p = s;; n++) {
    const char *c = strchr(p, ',');
    size_t len = c ? (size_t)(c - p) : strlen(p);
    char buf[24];
    if (n == PREDIKAT_JUMLAH || len == 0 || len >= sizeof buf) { galat(b, "jumlah", PESAN_JUMLAH); return 0; }
    memcpy(buf, p, len);
    buf[len] = '\0';
    if (parse_int64(buf, 0, KURVA_MAKS_PEGAWAI, &out[n]) != 0) { galat(b, "jumlah", PESAN_JUMLAH); return 0; }
    if (!c) { n++; break; }
    p = c + 1;
  }
  if (n != PREDIKAT_JUMLAH) { galat(b, "jumlah", PESAN_JUMLAH); return 0; }
  return 1;
}

static json_t *jcek(const struct kurva_cek *c, int64_t total)
{
  static const char *const JENIS[] = {"maks", "min", "min_orang"};
  json_t *o = json_object(), *p = json_array();
  if (!o || !p) { json_decref(o); json_decref(p); return NULL; }
  for (int i = 0; i < PREDIKAT_JUMLAH; i++)
    if (c->aturan->kelompok & (1u << i)) json_array_append_new(p, json_string(predikat_label((enum predikat)i)));
  set(o, "aturan", json_string(c->aturan->teks));
  set(o, "jenis", json_string(JENIS[c->aturan->jenis]));
  set(o, "predikat", p);
  set(o, "persen", c->aturan->jenis == KURVA_MIN_ORANG ? json_null() : json_integer(c->aturan->persen));
  set(o, "jumlah", json_integer(c->jumlah));
  set(o, "total", json_integer(total));
  set(o, "batas", json_integer(c->batas));
  set(o, "batas_tepat", jdesimal(c->batas_tepat, 2));
  set(o, "patuh", json_boolean(c->patuh));
  return o;
}

static json_t *h_kurva(struct baca *b)
{
  static const char *const boleh[] = {"organisasi", "jumlah", "pembulatan", NULL};
  hanya(b, boleh);
  enum predikat_organisasi o = ORGANISASI_BAIK;
  enum kurva_pembulatan mode = KURVA_TEPAT;
  int64_t jumlah[PREDIKAT_JUMLAH] = {0};
  const char *org = teks(b, "organisasi", 1);
  if (org && kurva_organisasi_dari_kode(org, &o) != 0)
    galat(b, "organisasi", "harus istimewa, baik, butuh_perbaikan, kurang atau sangat_kurang");
  jumlah_kurva(b, jumlah);
  const char *bulat = teks(b, "pembulatan", 0);
  if (bulat && kurva_pembulatan_dari_kode(bulat, &mode) != 0)
    galat(b, "pembulatan", "harus tepat, bawah, atas atau terdekat");
  if (b->salah) return NULL;
  struct kurva_hasil *h = malloc(sizeof *h);
  if (!h) return NULL;
  const char *pesan = NULL;
  if (kurva_periksa(o, jumlah, mode, h, &pesan) != 0) {
    galat(b, "jumlah", pesan);
    free(h);
    return NULL;
  }
  json_t *r = json_object(), *j = json_object(), *semua = json_array(), *langgar = json_array();
  if (!r || !j || !semua || !langgar) goto fail;
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) set(j, predikat_kode((enum predikat)i), json_integer(jumlah[i]));
  for (int i = 0; i < h->n_aturan; i++) {
    json_array_append_new(semua, jcek(&h->cek[i], h->total));
    if (!h->cek[i].patuh) json_array_append_new(langgar, jcek(&h->cek[i], h->total));
  }
  set(r, "organisasi", json_string(kurva_organisasi_kode(o)));
  set(r, "predikat_organisasi", json_string(kurva_organisasi_label(o)));
  set(r, "jumlah", j);
  set(r, "total", json_integer(h->total));
  set(r, "pembulatan", json_string(kurva_pembulatan_kode(mode)));
  set(r, "patuh", json_boolean(h->patuh));
  set(r, "aturan", semua);
  set(r, "pelanggaran", langgar);
  set(r, "penjelasan", jpenjelasan(&h->pj));
  free(h);
  return r;
fail:
  json_decref(r);
  json_decref(j);
  json_decref(semua);
  json_decref(langgar);
  free(h);
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* angka kredit                                                                                */

/* The list member `key`: one text or object, or an array of 1..maks of them. */
static json_t *daftar(struct baca *b, const char *key, size_t maks, const char *pesan_jumlah)
{
  json_t *v = ambil(b, key, 1);
  if (!v) return NULL;
  if (json_is_array(v)) {
    if (json_array_size(v) < 1 || json_array_size(v) > maks) { galat(b, key, pesan_jumlah); return NULL; }
    return json_incref(v);
  }
  json_t *a = json_array();
  if (a) json_array_append(a, v);
  return a;
}

static const char *const PESAN_PERIODE =
  "harus teks YYYY-MM:YYYY-MM=predikat atau objek {dari, sampai, predikat}";

static int periode_dari(json_t *v, struct ak_periode *p, const char **pesan)
{
  const char *s = teks_dari(v);
  char buf[80];
  if (!s && json_is_object(v)) {
    const char *d = teks_dari(json_object_get(v, "dari")), *t = teks_dari(json_object_get(v, "sampai")),
               *k = teks_dari(json_object_get(v, "predikat"));
    if (!d || !t || !k || strlen(d) != 7 || strlen(t) != 7 || strlen(k) > 40 || json_object_size(v) != 3) {
      *pesan = PESAN_PERIODE;
      return -1;
    }
    snprintf(buf, sizeof buf, "%s:%s=%s", d, t, k);
    s = buf;
  }
  if (!s) { *pesan = PESAN_PERIODE; return -1; }
  return ak_periode_parse(s, p, pesan);
}

static json_t *h_angka_kredit(struct baca *b)
{
  static const char *const boleh[] = {"jenjang", "periode", "pembulatan", NULL};
  hanya(b, boleh);
  enum jenjang j = JENJANG_AHLI_PERTAMA;
  enum ak_pembulatan mode = AK_BULAT_AKHIR;
  const char *jj = teks(b, "jenjang", 1);
  if (jj && jenjang_dari_kode(jj, &j) != 0)
    galat(b, "jenjang", "harus pemula, terampil, mahir, penyelia, ahli_pertama, ahli_muda, ahli_madya atau ahli_utama");
  const char *bulat = teks(b, "pembulatan", 0);
  if (bulat && ak_pembulatan_dari_kode(bulat, &mode) != 0) galat(b, "pembulatan", "harus akhir atau per_periode");
  json_t *lst = daftar(b, "periode", AK_MAKS_PERIODE, "harus 1 sampai 40 periode");
  struct ak_periode p[AK_MAKS_PERIODE];
  size_t n = lst ? json_array_size(lst) : 0;
  for (size_t i = 0; i < n; i++) {
    const char *pesan = NULL;
    if (periode_dari(json_array_get(lst, i), &p[i], &pesan) != 0) galat_ke(b, "periode", i, pesan);
  }
  json_decref(lst);
  if (b->salah) return NULL;
  struct ak_hasil *h = malloc(sizeof *h);
  if (!h) return NULL;
  const char *pesan = NULL;
  int salah = -1;
  if (angka_kredit_hitung(j, p, (int)n, mode, h, &pesan, &salah) != 0) {
    if (salah >= 0) galat_ke(b, "periode", (size_t)salah, pesan);
    else galat(b, "periode", pesan);
    free(h);
    return NULL;
  }
  json_t *r = json_object(), *rows = json_array();
  if (!r || !rows) { json_decref(r); json_decref(rows); free(h); return NULL; }
  for (int i = 0; i < h->n; i++) {
    char d[8], s[8];
    snprintf(d, sizeof d, "%04d-%02d", p[i].tahun_dari, p[i].bulan_dari);
    snprintf(s, sizeof s, "%04d-%02d", p[i].tahun_sampai, p[i].bulan_sampai);
    json_t *o = json_object();
    if (!o) continue;
    set(o, "dari", json_string(d));
    set(o, "sampai", json_string(s));
    set(o, "bulan", json_integer(h->rincian[i].bulan));
    set(o, "predikat", json_string(predikat_label(p[i].predikat)));
    set(o, "kode", json_string(predikat_kode(p[i].predikat)));
    set(o, "persentase", json_integer(h->rincian[i].persen));
    set(o, "angka_kredit", jdesimal(pecahan_dari(h->rincian[i].ak, AK_PENYEBUT), 2));
    set(o, "angka_kredit_presisi", jdesimal(pecahan_dari(h->rincian[i].ak_tepat, AK_PENYEBUT), 4));
    json_array_append_new(rows, o);
  }
  set(r, "jenjang", json_string(jenjang_kode(j)));
  set(r, "nama_jenjang", json_string(jenjang_label(j)));
  set(r, "koefisien", json_real(desimal_double(h->koefisien, 2)));
  set(r, "pembulatan", json_string(ak_pembulatan_kode(mode)));
  set(r, "periode", rows);
  set(r, "angka_kredit", json_real(desimal_double(h->total_tampil, 2)));
  set(r, "angka_kredit_presisi", jdesimal(pecahan_dari(h->total, AK_PENYEBUT), 4));
  set(r, "kebutuhan_kenaikan_pangkat", json_integer(h->kebutuhan_pangkat));
  set(r, "kekurangan_kenaikan_pangkat", json_real(desimal_double(h->kekurangan_pangkat, 2)));
  set(r, "kebutuhan_kenaikan_jenjang", h->kebutuhan_jenjang < 0 ? json_null() : json_integer(h->kebutuhan_jenjang));
  set(r, "kekurangan_kenaikan_jenjang",
      h->kekurangan_jenjang < 0 ? json_null() : json_real(desimal_double(h->kekurangan_jenjang, 2)));
  set(r, "penjelasan", jpenjelasan(&h->pj));
  free(h);
  return r;
}

/* ------------------------------------------------------------------------------------------ */
/* PP 30/2019                                                                                  */

static json_t *h_pp30(struct baca *b)
{
  static const char *const boleh[] = {"skp", "perilaku", "penilaian_360", "inovasi", "batas_sangat_kurang", NULL};
  hanya(b, boleh);
  struct pp30_masukan m;
  pp30_bawaan(&m);
  angka(b, "skp", 1, &m.skp);
  angka(b, "perilaku", 1, &m.perilaku);
  angka(b, "batas_sangat_kurang", 0, &m.batas_sangat_kurang);
  m.penilaian_360 = bendera(b, "penilaian_360");
  m.inovasi = bendera(b, "inovasi");
  if (b->salah) return NULL;
  struct pp30_hasil *h = malloc(sizeof *h);
  if (!h) return NULL;
  const char *pesan = NULL, *field = NULL;
  if (pp30_hitung(&m, h, &pesan, &field) != 0) {
    galat(b, field, pesan);
    free(h);
    return NULL;
  }
  json_t *r = json_object();
  if (r) {
    set(r, "skp", jdesimal(m.skp, 6));
    set(r, "perilaku", jdesimal(m.perilaku, 6));
    set(r, "penilaian_360", json_boolean(m.penilaian_360));
    set(r, "inovasi", json_boolean(m.inovasi));
    set(r, "batas_sangat_kurang", jdesimal(m.batas_sangat_kurang, 6));
    set(r, "bobot_skp", json_integer(h->bobot_skp));
    set(r, "bobot_perilaku", json_integer(h->bobot_perilaku));
    set(r, "nilai", jdesimal(h->nilai, 2));
    set(r, "predikat", json_string(pp30_predikat_label(h->predikat)));
    set(r, "kode", json_string(pp30_predikat_kode(h->predikat)));
    set(r, "penjelasan", jpenjelasan(&h->pj));
  }
  free(h);
  return r;
}

/* ------------------------------------------------------------------------------------------ */
/* PP 46/2011                                                                                  */

static const char *const PESAN_KEGIATAN =
  "harus teks TO,TQ,TW[,TB]:RO,RQ,RW[,RB] atau objek {target: {kuantitas, kualitas, waktu[, biaya]}, "
  "realisasi: {kuantitas, kualitas, waktu[, biaya]}}";

/* Reads {kuantitas, kualitas, waktu[, biaya]} into v[0..3]; returns the count (3 or 4) or -1. */
static int aspek_dari(json_t *o, struct pecahan v[4])
{
  static const char *const KUNCI[] = {"kuantitas", "kualitas", "waktu", "biaya"};
  if (!json_is_object(o)) return -1;
  size_t dikenal = 0;
  int n = 0;
  for (int i = 0; i < 4; i++) {
    json_t *e = json_object_get(o, KUNCI[i]);
    if (!e || (i == 3 && json_is_null(e))) {
      if (e) dikenal++;
      if (i < 3) return -1;
      continue;
    }
    dikenal++;
    if (angka_dari(e, &v[i]) != 0) return -1;
    n = i + 1;
  }
  return dikenal == json_object_size(o) ? n : -1;
}

static int kegiatan_dari(json_t *v, struct pp46_kegiatan *k, const char **pesan)
{
  const char *s = teks_dari(v);
  if (s) return pp46_kegiatan_parse(s, k, pesan);
  memset(k, 0, sizeof *k);
  *pesan = PESAN_KEGIATAN;
  if (!json_is_object(v) || json_object_size(v) != 2) return -1;
  struct pecahan t[4], r[4];
  int nt = aspek_dari(json_object_get(v, "target"), t), nr = aspek_dari(json_object_get(v, "realisasi"), r);
  if (nt < 0 || nr < 0) return -1;
  if (nt != nr) { *pesan = "target dan realisasi harus sama-sama dengan atau tanpa biaya"; return -1; }
  k->to = t[0]; k->tq = t[1]; k->tw = t[2];
  k->ro = r[0]; k->rq = r[1]; k->rw = r[2];
  k->ada_biaya = nt == 4;
  if (k->ada_biaya) { k->tb = t[3]; k->rb = r[3]; }
  return pp46_kegiatan_periksa(k, pesan);
}

static json_t *jaspek(struct pecahan o, struct pecahan q, struct pecahan w, const struct pecahan *b)
{
  json_t *r = json_object();
  if (!r) return NULL;
  set(r, "kuantitas", jdesimal(o, 6));
  set(r, "kualitas", jdesimal(q, 6));
  set(r, "waktu", jdesimal(w, 6));
  set(r, "biaya", b ? jdesimal(*b, 6) : json_null());
  return r;
}

static json_t *h_pp46(struct baca *b)
{
  static const char *const boleh[] = {"kegiatan", "perilaku", NULL};
  hanya(b, boleh);
  struct pecahan perilaku;
  int ada_perilaku = angka(b, "perilaku", 0, &perilaku);
  if (ada_perilaku && pecahan_banding(perilaku, pecahan_bulat(100)) > 0) {
    galat(b, "perilaku", "nilai perilaku kerja harus antara 0 dan 100");
    ada_perilaku = 0;
  }
  json_t *lst = daftar(b, "kegiatan", PP46_MAKS_KEGIATAN, "harus 1 sampai 40 kegiatan");
  size_t n = lst ? json_array_size(lst) : 0;
  struct pp46_kegiatan *k = calloc(PP46_MAKS_KEGIATAN, sizeof *k);
  struct pp46_hasil *h = malloc(sizeof *h);
  json_t *r = NULL;
  if (!k || !h) goto done;
  for (size_t i = 0; i < n; i++) {
    const char *pesan = NULL;
    if (kegiatan_dari(json_array_get(lst, i), &k[i], &pesan) != 0) galat_ke(b, "kegiatan", i, pesan);
  }
  if (b->salah) goto done;
  const char *pesan = NULL;
  int salah = -1;
  if (pp46_hitung(k, (int)n, ada_perilaku ? &perilaku : NULL, h, &pesan, &salah) != 0) {
    if (salah >= 0) galat_ke(b, "kegiatan", (size_t)salah, pesan);
    else galat(b, ada_perilaku && strstr(pesan, "perilaku") ? "perilaku" : "kegiatan", pesan);
    goto done;
  }
  json_t *rows = json_array();
  r = json_object();
  if (!r || !rows) { json_decref(r); json_decref(rows); r = NULL; goto done; }
  for (int i = 0; i < h->n; i++) {
    const struct pp46_nilai *v = &h->kegiatan[i];
    json_t *o = json_object();
    if (!o) continue;
    set(o, "target", jaspek(k[i].to, k[i].tq, k[i].tw, k[i].ada_biaya ? &k[i].tb : NULL));
    set(o, "realisasi", jaspek(k[i].ro, k[i].rq, k[i].rw, k[i].ada_biaya ? &k[i].rb : NULL));
    set(o, "kuantitas", jdesimal(v->kuantitas, 2));
    set(o, "kualitas", jdesimal(v->kualitas, 2));
    set(o, "waktu", jdesimal(v->waktu, 2));
    set(o, "biaya", v->ada_biaya ? jdesimal(v->biaya, 2) : json_null());
    set(o, "nilai_capaian", jdesimal(v->capaian, 2));
    json_array_append_new(rows, o);
  }
  set(r, "kegiatan", rows);
  set(r, "nilai_skp", jdesimal(h->nilai_skp, 2));
  set(r, "predikat_nilai_skp", json_string(pp46_sebutan_label(h->sebutan_skp)));
  set(r, "perilaku", h->ada_perilaku ? jdesimal(h->perilaku, 6) : json_null());
  set(r, "prestasi_kerja", h->ada_perilaku ? jdesimal(h->prestasi, 2) : json_null());
  enum pp46_sebutan s = h->ada_perilaku ? h->sebutan_prestasi : h->sebutan_skp;
  set(r, "predikat", json_string(pp46_sebutan_label(s)));
  set(r, "kode", json_string(pp46_sebutan_kode(s)));
  set(r, "dasar_predikat", json_string(h->ada_perilaku ? "prestasi_kerja" : "nilai_skp"));
  set(r, "penjelasan", jpenjelasan(&h->pj));
done:
  json_decref(lst);
  free(k);
  free(h);
  return r;
}

/* ------------------------------------------------------------------------------------------ */
/* The evaluator                                                                               */

static const struct {
  const char *nama;
  json_t *(*fn)(struct baca *b);
} HITUNG[] = {
  {"predikat", h_predikat}, {"kurva", h_kurva}, {"angka-kredit", h_angka_kredit}, {"pp30", h_pp30}, {"pp46", h_pp46},
};
#define N_HITUNG (sizeof HITUNG / sizeof HITUNG[0])

int hitung_json(const char *nama, json_t *masukan, json_t **hasil, json_t **errs)
{
  *hasil = NULL;
  for (size_t i = 0; nama && i < N_HITUNG; i++) {
    if (strcmp(nama, HITUNG[i].nama) != 0) continue;
    if (!json_is_object(masukan)) { errs_add(errs, "", "masukan harus berupa objek JSON"); return 1; }
    struct baca b = {masukan, errs, 0};
    *hasil = HITUNG[i].fn(&b);
    if (b.salah) { json_decref(*hasil); *hasil = NULL; return 1; }
    return *hasil ? 0 : -1;
  }
  return -1;
}

char *hitung_dumps(const json_t *hasil, size_t flags)
{
  /* 15 significant digits print 88.67 as "88.67"; every value here has fewer */
  return json_dumps(hasil, flags | JSON_REAL_PRECISION(15));
}

/* ------------------------------------------------------------------------------------------ */
/* The command line                                                                            */

enum jenis_opsi { OPSI_NILAI, OPSI_BENDERA, OPSI_DAFTAR };

struct opsi {
  const char *flag;
  const char *key;
  enum jenis_opsi jenis;
};

static const struct opsi OPSI_PREDIKAT[] = {
  {"--hasil-kerja", "hasil_kerja", OPSI_NILAI}, {"--perilaku", "perilaku", OPSI_NILAI}, {NULL, NULL, 0},
};
static const struct opsi OPSI_KURVA[] = {
  {"--organisasi", "organisasi", OPSI_NILAI}, {"--jumlah", "jumlah", OPSI_NILAI},
  {"--pembulatan", "pembulatan", OPSI_NILAI}, {NULL, NULL, 0},
};
static const struct opsi OPSI_AK[] = {
  {"--jenjang", "jenjang", OPSI_NILAI}, {"--periode", "periode", OPSI_DAFTAR},
  {"--pembulatan", "pembulatan", OPSI_NILAI}, {NULL, NULL, 0},
};
static const struct opsi OPSI_PP30[] = {
  {"--skp", "skp", OPSI_NILAI}, {"--perilaku", "perilaku", OPSI_NILAI}, {"--360", "penilaian_360", OPSI_BENDERA},
  {"--inovasi", "inovasi", OPSI_BENDERA}, {"--batas-sangat-kurang", "batas_sangat_kurang", OPSI_NILAI},
  {NULL, NULL, 0},
};
static const struct opsi OPSI_PP46[] = {
  {"--kegiatan", "kegiatan", OPSI_DAFTAR}, {"--perilaku", "perilaku", OPSI_NILAI}, {NULL, NULL, 0},
};

static void tampil_predikat(const json_t *r);
static void tampil_kurva(const json_t *r);
static void tampil_ak(const json_t *r);
static void tampil_pp30(const json_t *r);
static void tampil_pp46(const json_t *r);

static const struct {
  const char *nama;
  const struct opsi *opsi;
  void (*tampil)(const json_t *r);
} CLI[] = {
  {"predikat", OPSI_PREDIKAT, tampil_predikat}, {"kurva", OPSI_KURVA, tampil_kurva},
  {"angka-kredit", OPSI_AK, tampil_ak}, {"pp30", OPSI_PP30, tampil_pp30}, {"pp46", OPSI_PP46, tampil_pp46},
};

static void usage(FILE *f)
{
  fputs("Pemakaian: kinerja hitung PERHITUNGAN [opsi] [--json]\n"
        "\n"
        "Kalkulator aturan penilaian kinerja; mencetak hasil beserta penjelasannya.\n"
        "\n"
        "  predikat      --hasil-kerja di_atas|sesuai|di_bawah --perilaku di_atas|sesuai|di_bawah\n"
        "                predikat kinerja pegawai dari matriks PermenPANRB 6/2022\n"
        "  kurva         --organisasi istimewa|baik|butuh_perbaikan|kurang|sangat_kurang\n"
        "                --jumlah SB,B,BP,K,SK [--pembulatan tepat|bawah|atas|terdekat]\n"
        "                pemeriksaan pola distribusi predikat dalam satu unit (bawaan: tepat)\n"
        "  angka-kredit  --jenjang pemula|terampil|mahir|penyelia|ahli_pertama|ahli_muda|ahli_madya|ahli_utama\n"
        "                --periode YYYY-MM:YYYY-MM=predikat [--periode ...] [--pembulatan akhir|per_periode]\n"
        "                angka kredit per periode dan kumulatif (predikat: sangat_baik, baik,\n"
        "                butuh_perbaikan, kurang, sangat_kurang; bulan awal dan akhir ikut dihitung)\n"
        "  pp30          --skp N --perilaku N [--360] [--inovasi] [--batas-sangat-kurang N]\n"
        "                nilai kinerja PP 30/2019 (70/30, atau 60/40 dengan --360)\n"
        "  pp46          --kegiatan TO,TQ,TW[,TB]:RO,RQ,RW[,RB] [--kegiatan ...] [--perilaku N]\n"
        "                nilai SKP dan prestasi kerja PP 46/2011 (target:realisasi per kegiatan)\n"
        "  tukin         --input FILE.json|-\n"
        "                TPP/tunjangan kinerja satu pegawai sebulan dari berkas JSON (docs/tpp.md)\n"
        "\n"
        "  --json        cetak hasil sebagai JSON (sama dengan POST /api/v1/hitung/...)\n"
        "\n"
        "Contoh:\n"
        "  kinerja hitung predikat --hasil-kerja sesuai --perilaku di_atas\n"
        "  kinerja hitung kurva --organisasi baik --jumlah 2,7,1,0,0\n"
        "  kinerja hitung angka-kredit --jenjang ahli_pertama --periode 2023-01:2023-12=sangat_baik \\\n"
        "      --periode 2024-01:2024-02=baik\n"
        "  kinerja hitung pp30 --skp 100 --perilaku 80 --360\n"
        "  kinerja hitung pp46 --kegiatan 10,100,12:10,90,12 --perilaku 80\n"
        "  kinerja hitung tukin --input docs/contoh-tukin.json\n"
        "\n"
        "Status keluar: 0 berhasil (kurva: sesuai pola distribusi), 1 kurva melanggar pola distribusi,\n"
        "2 argumen salah.\n",
        f);
}

/* "88,67": a JSON number shown with d decimals and a decimal comma; ringkas drops zero decimals */
static const char *angka_id(const json_t *v, int d, int ringkas, char *buf, size_t n)
{
  if (!json_is_number(v)) { snprintf(buf, n, "-"); return buf; }
  snprintf(buf, n, "%.*f", d, json_number_value(v));
  char *titik = strchr(buf, '.');
  if (titik) {
    *titik = ',';
    if (ringkas) {
      char *e = buf + strlen(buf);
      while (e > titik + 1 && e[-1] == '0') *--e = '\0';
      if (e == titik + 1) *titik = '\0';
    }
  }
  return buf;
}

static const char *str(const json_t *o, const char *k)
{
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static void tampil_penjelasan(const json_t *r)
{
  const json_t *pj = json_object_get(r, "penjelasan");
  size_t i;
  const json_t *v;
  printf("\nPenjelasan:\n");
  json_array_foreach(pj, i, v) printf("  - %s\n", json_string_value(v));
}

static void tampil_predikat(const json_t *r)
{
  printf("Predikat kinerja pegawai: %s\n", str(r, "predikat"));
}

static void tampil_kurva(const json_t *r)
{
  const json_t *l = json_object_get(r, "pelanggaran");
  printf("Pola distribusi (predikat organisasi %s, %lld pegawai, pembulatan %s): ", str(r, "predikat_organisasi"),
         (long long)json_integer_value(json_object_get(r, "total")), str(r, "pembulatan"));
  if (json_is_true(json_object_get(r, "patuh"))) {
    printf("SESUAI\n");
    return;
  }
  printf("TIDAK SESUAI, %zu aturan dilanggar:\n", json_array_size(l));
  size_t i;
  const json_t *v;
  json_array_foreach(l, i, v) {
    const char *jenis = str(v, "jenis");
    printf("  * %s: %lld dari %lld pegawai, %s %lld\n", str(v, "aturan"),
           (long long)json_integer_value(json_object_get(v, "jumlah")),
           (long long)json_integer_value(json_object_get(v, "total")),
           strcmp(jenis, "maks") == 0 ? "paling banyak" : "paling sedikit",
           (long long)json_integer_value(json_object_get(v, "batas")));
  }
}

static void tampil_ak(const json_t *r)
{
  char a[32], b[32];
  printf("Angka kredit jenjang %s (koefisien %s per tahun):\n", str(r, "nama_jenjang"),
         angka_id(json_object_get(r, "koefisien"), 2, 1, a, sizeof a));
  size_t i;
  const json_t *v;
  json_array_foreach(json_object_get(r, "periode"), i, v) {
    printf("  %s s.d. %s  %2lld bulan  %-17s %3lld%%  %s\n", str(v, "dari"), str(v, "sampai"),
           (long long)json_integer_value(json_object_get(v, "bulan")), str(v, "predikat"),
           (long long)json_integer_value(json_object_get(v, "persentase")),
           angka_id(json_object_get(v, "angka_kredit"), 2, 0, a, sizeof a));
  }
  printf("Jumlah angka kredit: %s\n", angka_id(json_object_get(r, "angka_kredit"), 2, 0, a, sizeof a));
  printf("Kenaikan pangkat: perlu %lld, kurang %s\n",
         (long long)json_integer_value(json_object_get(r, "kebutuhan_kenaikan_pangkat")),
         angka_id(json_object_get(r, "kekurangan_kenaikan_pangkat"), 2, 0, b, sizeof b));
  if (json_is_integer(json_object_get(r, "kebutuhan_kenaikan_jenjang")))
    printf("Kenaikan jenjang: perlu %lld, kurang %s\n",
           (long long)json_integer_value(json_object_get(r, "kebutuhan_kenaikan_jenjang")),
           angka_id(json_object_get(r, "kekurangan_kenaikan_jenjang"), 2, 0, b, sizeof b));
  else
    printf("Kenaikan jenjang: tidak ada (jenjang tertinggi)\n");
}

static void tampil_pp30(const json_t *r)
{
  char a[32];
  printf("Nilai kinerja (PP 30/2019, bobot %lld/%lld): %s, predikat %s\n",
         (long long)json_integer_value(json_object_get(r, "bobot_skp")),
         (long long)json_integer_value(json_object_get(r, "bobot_perilaku")),
         angka_id(json_object_get(r, "nilai"), 2, 0, a, sizeof a), str(r, "predikat"));
}

static void tampil_pp46(const json_t *r)
{
  char a[32], b[32], c[32], d[32], e[32];
  size_t i;
  const json_t *v;
  printf("Nilai capaian per kegiatan (PP 46/2011):\n");
  json_array_foreach(json_object_get(r, "kegiatan"), i, v) {
    printf("  %zu. kuantitas %s, kualitas %s, waktu %s, biaya %s: %s\n", i + 1,
           angka_id(json_object_get(v, "kuantitas"), 2, 1, a, sizeof a),
           angka_id(json_object_get(v, "kualitas"), 2, 1, b, sizeof b),
           angka_id(json_object_get(v, "waktu"), 2, 1, c, sizeof c),
           angka_id(json_object_get(v, "biaya"), 2, 1, d, sizeof d),
           angka_id(json_object_get(v, "nilai_capaian"), 2, 0, e, sizeof e));
  }
  printf("Nilai SKP: %s (%s)\n", angka_id(json_object_get(r, "nilai_skp"), 2, 0, a, sizeof a),
         str(r, "predikat_nilai_skp"));
  if (json_is_number(json_object_get(r, "prestasi_kerja")))
    printf("Prestasi kerja: %s (%s)\n", angka_id(json_object_get(r, "prestasi_kerja"), 2, 0, a, sizeof a),
           str(r, "predikat"));
}

/* Prints the field errors with the flag names the user typed. */
static void tulis_galat(const char *nama, const struct opsi *opsi, const json_t *errs)
{
  size_t i;
  const json_t *e;
  json_array_foreach(errs, i, e) {
    const char *field = str(e, "field"), *pesan = str(e, "message");
    size_t klen = strcspn(field, "[");
    const char *flag = NULL;
    for (const struct opsi *o = opsi; o->flag; o++)
      if (strlen(o->key) == klen && strncmp(o->key, field, klen) == 0) flag = o->flag;
    char ke[32] = "";
    int64_t idx;
    if (field[klen] == '[') {
      char num[24];
      size_t nlen = strcspn(field + klen + 1, "]");
      if (nlen < sizeof num) {
        memcpy(num, field + klen + 1, nlen);
        num[nlen] = '\0';
        if (parse_int64(num, 0, 1000, &idx) == 0) snprintf(ke, sizeof ke, " (ke-%lld)", (long long)idx + 1);
      }
    }
    if (flag)
      fprintf(stderr, "kinerja hitung %s: %s%s: %s\n", nama, flag, ke, pesan);
    else
      fprintf(stderr, "kinerja hitung %s: %s: %s\n", nama, field, pesan);
  }
  fprintf(stderr, "Lihat: kinerja hitung --help\n");
}

int hitung_main(int argc, char **argv)
{
  if (argc < 1) { usage(stderr); return 2; }
  if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "help") == 0) {
    usage(stdout);
    return 0;
  }
  if (strcmp(argv[0], "tukin") == 0) return hitung_tukin_main(argc, argv);  /* input from a file */
  size_t c = 0;
  while (c < sizeof CLI / sizeof CLI[0] && strcmp(argv[0], CLI[c].nama) != 0) c++;
  if (c == sizeof CLI / sizeof CLI[0]) {
    fprintf(stderr, "kinerja hitung: perhitungan tidak dikenal: %s\n\n", argv[0]);
    usage(stderr);
    return 2;
  }
  const char *nama = CLI[c].nama;
  int json = 0, rc = 2;
  json_t *in = json_object(), *hasil = NULL, *errs = NULL;
  if (!in) { fprintf(stderr, "kinerja hitung: memori habis\n"); return 2; }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--json") == 0) { json = 1; continue; }
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { usage(stdout); rc = 0; goto out; }
    const char *eq = strchr(a, '=');
    size_t len = eq ? (size_t)(eq - a) : strlen(a);
    const struct opsi *o = CLI[c].opsi;
    while (o->flag && !(strncmp(a, "--", 2) == 0 && strlen(o->flag) == len && strncmp(o->flag, a, len) == 0)) o++;
    if (!o->flag) {
      fprintf(stderr, "kinerja hitung %s: %s tidak dikenal: %s\nLihat: kinerja hitung --help\n", nama,
              strncmp(a, "--", 2) == 0 ? "opsi" : "argumen", a);
      goto out;
    }
    if (o->jenis == OPSI_BENDERA) {
      if (eq) { fprintf(stderr, "kinerja hitung %s: %s tidak memakai nilai\n", nama, o->flag); goto out; }
      json_object_set_new(in, o->key, json_true());
      continue;
    }
    const char *nilai = eq ? eq + 1 : (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0 ? argv[++i] : NULL);
    if (!nilai) { fprintf(stderr, "kinerja hitung %s: %s memerlukan nilai\n", nama, o->flag); goto out; }
    if (o->jenis == OPSI_NILAI) {
      if (json_object_get(in, o->key)) {
        fprintf(stderr, "kinerja hitung %s: %s disebut lebih dari sekali\n", nama, o->flag);
        goto out;
      }
      json_object_set_new(in, o->key, json_string(nilai));
    } else {
      json_t *arr = json_object_get(in, o->key);
      if (!arr) { arr = json_array(); json_object_set_new(in, o->key, arr); }
      json_array_append_new(arr, json_string(nilai));
    }
  }
  int r = hitung_json(nama, in, &hasil, &errs);
  if (r == 1) { tulis_galat(nama, CLI[c].opsi, errs); goto out; }
  if (r != 0) { fprintf(stderr, "kinerja hitung %s: gagal menghitung (memori habis)\n", nama); goto out; }
  rc = 0;
  if (strcmp(nama, "kurva") == 0 && !json_is_true(json_object_get(hasil, "patuh"))) rc = 1;
  if (json) {
    char *s = hitung_dumps(hasil, JSON_INDENT(2));
    if (!s) { fprintf(stderr, "kinerja hitung %s: memori habis\n", nama); rc = 2; goto out; }
    puts(s);
    free(s);
  } else {
    CLI[c].tampil(hasil);
    tampil_penjelasan(hasil);
  }
out:
  json_decref(in);
  json_decref(hasil);
  json_decref(errs);
  return rc;
}
