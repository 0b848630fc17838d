/* tpp_json.c: rule tables to and from JSON (see tpp_json.h). */
#include "tpp_json.h"

#include <stdio.h>

#include "hitung_tukin.h"
#include "util/errs.h"

int tpp_aturan_dari_json(json_t *isi, struct tpp_aturan *a, json_t **errs)
{
  if (hitung_tukin_baca_aturan(isi, a, errs) != 0) return 1;
  struct tpp_galat g;
  if (tpp_aturan_periksa(a, &g) != 0) {
    char f[96];
    snprintf(f, sizeof f, "aturan.%s", g.field);
    errs_add(errs, f, g.pesan);
    return 1;
  }
  return 0;
}

static json_t *persen(int32_t bp)
{
  char s[32];
  if (bp % 100 == 0) snprintf(s, sizeof s, "%d", bp / 100);
  else if (bp % 10 == 0) snprintf(s, sizeof s, "%d.%d", bp / 100, (bp % 100) / 10);
  else snprintf(s, sizeof s, "%d.%02d", bp / 100, bp % 100);
  return json_string(s);
}

json_t *tpp_aturan_json(const struct tpp_aturan *a)
{
  json_t *besaran = json_object();
  for (int k = 1; k <= TPP_KELAS_MAKS; k++)
    if (a->besaran[k]) {
      char key[16];
      snprintf(key, sizeof key, "%d", k);
      json_object_set_new(besaran, key, json_integer(a->besaran[k]));
    }
  json_t *bayar = json_object();
  for (int p = 0; p < PREDIKAT_JUMLAH; p++) json_object_set_new(bayar, predikat_kode((enum predikat)p), persen(a->bayar_predikat[p]));
  json_t *band = json_array();
  for (int i = 0; i < a->n_band; i++)
    json_array_append_new(band, json_pack("{s:o,s:o,s:o}", "dari", persen(a->band[i].dari), "sampai", persen(a->band[i].sampai),
                                          "persen", persen(a->band[i].persen)));
  json_t *pot = json_array();
  for (int i = 0; i < a->n_potongan; i++) {
    const struct tpp_potongan *r = &a->potongan[i];
    json_t *o = json_pack("{s:s,s:s,s:o}", "kode", r->kode, "jenis", tpp_jenis_kode(r->jenis), "persen", persen(r->persen));
    if (r->jenis == TPP_TL || r->jenis == TPP_PSW) {
      json_object_set_new(o, "menit_dari", json_integer(r->menit_dari));
      json_object_set_new(o, "menit_sampai", r->menit_sampai == TPP_TANPA_BATAS ? json_null() : json_integer(r->menit_sampai));
    }
    if (r->keterangan[0]) json_object_set_new(o, "keterangan", json_string(r->keterangan));
    json_array_append_new(pot, o);
  }
  json_t *sanksi = json_array();
  for (int i = 0; i < a->n_sanksi; i++) {
    json_t *o = json_pack("{s:s,s:o,s:i}", "kode", a->sanksi[i].kode, "persen", persen(a->sanksi[i].persen), "bulan", a->sanksi[i].bulan);
    if (a->sanksi[i].keterangan[0]) json_object_set_new(o, "keterangan", json_string(a->sanksi[i].keterangan));
    json_array_append_new(sanksi, o);
  }
  return json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:s,s:s,s:o,s:o,s:o}", "nama", a->nama, "besaran_kelas", besaran,
    "porsi_kinerja", persen(a->porsi_kinerja), "porsi_disiplin", persen(a->porsi_disiplin), "bayar_predikat", bayar,
    "bayar_nilai", band, "potongan", pot, "potongan_dikenakan_pada", tpp_sasaran_kode(a->sasaran),
    "tanpa_presensi", tpp_tanpa_presensi_kode(a->tanpa_presensi),
    "batas_harian", a->batas_harian == TPP_TANPA_BATAS ? json_null() : persen(a->batas_harian),
    "batas_bulanan", persen(a->batas_bulanan), "sanksi", sanksi);
}
