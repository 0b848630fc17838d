/* tpp_rincian.c: rendering and the compact stored form of a TPP result's explanation (see
 * tpp_rincian.h). */
#include "tpp_rincian.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tpp_bulan.h"
#include "util/buf.h"
#include "util/util.h"

json_t *tpp_rincian_json(const struct tpp_aturan *a, const struct tpp_masukan *m, const struct tpp_hasil *h, const char *asal)
{
  json_t *baris = json_array(), *pj = json_array();
  if (h) {
    for (int i = 0; i < h->n_rincian; i++) {
      const struct tpp_rincian *x = &h->rincian[i];
      const struct tpp_hari *hr = x->hari >= 0 && x->hari < m->n_hari ? &m->hari[x->hari] : NULL;
      /* the rule row's kode on each line */
      json_array_append_new(baris, json_pack("{s:o,s:s,s:i,s:i,s:I,s:s}", "tanggal", hr ? json_string(hr->tanggal) : json_null(),
        "kode", x->baris >= 0 ? a->potongan[x->baris].kode : "batas_harian", "menit", x->menit, "persen_bp", x->persen,
        "sen", (json_int_t)x->sen, "teks", x->teks));
    }
    for (int i = 0; i < h->pj.n; i++) json_array_append_new(pj, json_string(h->pj.baris[i]));
  }
  json_t *status = json_object();
  if (h)
    for (int i = 0; i < TPP_STATUS_JUMLAH; i++) json_object_set_new(status, tpp_status_kode((enum tpp_status)i), json_integer(h->jumlah_status[i]));
  return json_pack("{s:o,s:o,s:o,s:s}", "baris", baris, "penjelasan", pj, "status", status, "asal_predikat", asal ? asal : "");
}

/* v in decimal at p (at most 11 characters); returns the end */
static char *tulis_int(char *p, int v)
{
  char t[12];
  int n = 0;
  unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
  if (v < 0) *p++ = '-';
  do { t[n++] = (char)('0' + u % 10); u /= 10; } while (u);
  while (n) *p++ = t[--n];
  return p;
}

/* {"v":1,"asal":"...","h":[[day of month, status, jadwal masuk, jadwal pulang, masuk, pulang], ...],
 *  "s":[[kode, persen, mulai tahun, mulai bulan, bulan, keterangan], ...]}; minutes, -1 = none. */
char *tpp_rincian_ringkas(const struct tpp_masukan *m, const char *asal)
{
  struct buf b;
  buf_init(&b, (size_t)1 << 20);
  json_t *js = json_string(asal ? asal : "");
  char *as = js ? json_dumps(js, JSON_ENCODE_ANY) : NULL;
  json_decref(js);
  int gagal = !as || buf_printf(&b, "{\"v\":1,\"asal\":%s,\"h\":[", as);
  free(as);
  /* the days by hand: snprintf per number was a visible share of the monthly run */
  char hari[TPP_MAKS_HARI * 80], *p = hari;
  for (int i = 0; i < m->n_hari && i < TPP_MAKS_HARI; i++) {
    const struct tpp_hari *h = &m->hari[i];
    const int v[6] = {atoi(h->tanggal + 8), (int)h->status, h->jadwal_masuk, h->jadwal_pulang, h->masuk, h->pulang};
    if (i) *p++ = ',';
    *p++ = '[';
    for (int k = 0; k < 6; k++) {
      if (k) *p++ = ',';
      p = tulis_int(p, v[k]);
    }
    *p++ = ']';
  }
  if (!gagal) gagal |= buf_append(&b, hari, (size_t)(p - hari));
  gagal |= buf_printf(&b, "]");
  if (m->n_sanksi && !gagal) {
    json_t *s = json_array();
    for (int i = 0; i < m->n_sanksi; i++) {
      const struct tpp_sanksi *x = &m->sanksi[i];
      json_array_append_new(s, json_pack("[s,i,i,i,i,s]", x->kode, (int)x->persen, x->mulai_tahun, x->mulai_bulan, x->bulan, x->keterangan));
    }
    char *t = json_dumps(s, JSON_COMPACT);
    json_decref(s);
    gagal |= !t || buf_printf(&b, ",\"s\":%s", t);
    free(t);
  }
  gagal |= buf_printf(&b, "}");
  if (gagal) { buf_free(&b); return NULL; }
  return buf_steal(&b);
}

static int angka(json_t *arr, size_t i) { return (int)json_integer_value(json_array_get(arr, i)); }

json_t *tpp_rincian_muat(struct db *db, int64_t bulan_id, const char *teks, int kelas, const char *predikat, int64_t jumlah)
{
  json_t *j = teks ? json_loads(teks, 0, NULL) : NULL;
  if (!j) return json_object();
  if (json_integer_value(json_object_get(j, "v")) != 1 || !json_is_array(json_object_get(j, "h"))) return j;   /* stored rendered */
  json_t *out = NULL;
  struct tpp_aturan *a = malloc(sizeof *a);
  struct tpp_masukan *m = calloc(1, sizeof *m);
  struct tpp_hasil *h = malloc(sizeof *h);
  int64_t aturan_id = 0;
  if (!a || !m || !h) goto out;
  struct db_stmt *st = db_prepare(db, "SELECT tahun, bulan, aturan_id FROM tpp_bulan WHERE id = ?1");
  if (!st) goto out;
  db_bind_int64(st, 1, bulan_id);
  if (db_step(st) == DB_ROW) {
    m->tahun = (int)db_col_int64(st, 0);
    m->bulan = (int)db_col_int64(st, 1);
    aturan_id = db_col_int64(st, 2);
  }
  db_done(st);
  if (!aturan_id || tpp_aturan_muat(db, aturan_id, NULL, a, NULL) != 0) goto out;
  m->kelas_jabatan = kelas;
  if (!predikat || predikat_dari_kode(predikat, &m->predikat) != 0) goto out;
  json_t *hari = json_object_get(j, "h"), *x;
  size_t i;
  json_array_foreach(hari, i, x) {
    if (m->n_hari >= TPP_MAKS_HARI) goto out;
    struct tpp_hari *d = &m->hari[m->n_hari++];
    char t[48];
    snprintf(t, sizeof t, "%04d-%02d-%02d", m->tahun, m->bulan, angka(x, 0));
    str_copy(d->tanggal, sizeof d->tanggal, t);
    d->status = (enum tpp_status)angka(x, 1);
    d->jadwal_masuk = angka(x, 2);
    d->jadwal_pulang = angka(x, 3);
    d->masuk = angka(x, 4);
    d->pulang = angka(x, 5);
  }
  json_array_foreach(json_object_get(j, "s"), i, x) {
    if (m->n_sanksi >= TPP_MAKS_SANKSI_PEGAWAI) goto out;
    struct tpp_sanksi *s = &m->sanksi[m->n_sanksi++];
    str_copy(s->kode, sizeof s->kode, json_string_value(json_array_get(x, 0)) ? json_string_value(json_array_get(x, 0)) : "");
    s->persen = angka(x, 1);
    s->mulai_tahun = angka(x, 2);
    s->mulai_bulan = angka(x, 3);
    s->bulan = angka(x, 4);
    str_copy(s->keterangan, sizeof s->keterangan, json_string_value(json_array_get(x, 5)) ? json_string_value(json_array_get(x, 5)) : "");
  }
  struct tpp_galat g;
  if (tpp_hitung(a, m, h, &g) != 0 || h->jumlah != jumlah) goto out;   /* the inputs no longer give the stored amount */
  out = tpp_rincian_json(a, m, h, json_string_value(json_object_get(j, "asal")));
out:
  if (!out) out = json_pack("{s:[],s:[s],s:{},s:s}", "baris", "penjelasan", "Rincian tidak dapat disusun ulang dari masukan yang tersimpan.",
                            "status", "asal_predikat", json_string_value(json_object_get(j, "asal")) ? json_string_value(json_object_get(j, "asal")) : "");
  json_decref(j);
  free(a);
  free(m);
  free(h);
  return out;
}
