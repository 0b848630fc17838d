/* siasn_rekonsiliasi.c: the reconciliation report (see siasn_rekonsiliasi.h). */
#include "siasn_rekonsiliasi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "siasn_ambil.h"
#include "siasn_banding.h"
#include "siasn_json.h"
#include "siasn_kirim.h"
#include "util/util.h"

static const char *js(json_t *o, const char *k)
{
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

/* our units whose SIASN code the unor reference does not know */
static json_t *unit_hanya_kita(struct db *db, int64_t inst, json_t *unor)
{
  struct db_stmt *st = db_prepare(db, "SELECT id, kode, nama FROM unit_kerja WHERE instansi_id = ?1 AND aktif = 1 AND kode IS NOT NULL ORDER BY nama");
  if (!st) return NULL;
  db_bind_int64(st, 1, inst);
  json_t *a = json_array();
  while (db_step(st) == DB_ROW)
    if (!json_object_get(unor, db_col_text(st, 1)))
      json_array_append_new(a, json_pack("{s:I,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 0), "kode", db_col_text(st, 1), "nama", db_col_text(st, 2)));
  db_done(st);
  return a;
}

/* pemimpin of SIASN unor that are none of our pegawai */
static json_t *pemimpin_asing(struct db *db, int64_t inst, json_t *snap)
{
  json_t *dikenal = json_object(), *a = json_array();
  struct db_stmt *st = db_prepare(db, "SELECT siasn_id FROM siasn_peta WHERE jenis = 'pegawai' AND instansi_id = ?1 AND siasn_id IS NOT NULL");
  if (st) {
    db_bind_int64(st, 1, inst);
    while (db_step(st) == DB_ROW) json_object_set_new(dikenal, db_col_text(st, 0), json_true());
    db_done(st);
  }
  const char *k;
  json_t *v;
  json_object_foreach(json_object_get(snap, "pns"), k, v) json_object_set_new(dikenal, js(v, "siasn_id"), json_true());
  json_object_foreach(json_object_get(snap, "unor"), k, v) {
    const char *p = js(v, "pemimpin");
    if (*p && !json_object_get(dikenal, p))
      json_array_append_new(a, json_pack("{s:s,s:s,s:s,s:s}", "siasn_id", p, "unor_id", k, "unor", js(v, "nama"),
        "keterangan", "pemimpin unor di SIASN bukan pegawai kita (atau belum dipetakan: tarik NIP-nya)"));
  }
  json_decref(dikenal);
  return a;
}

static int64_t angka(const char *s)
{
  int64_t x = 0;
  return parse_int64(s, INT64_MIN, INT64_MAX, &x) == 0 ? x : -1;
}

static const char *const K_TAHUN[] = {"tahun", NULL};
static const char *const K_HASIL[] = {"hasilKinerjaNilai", "hasilKinerja", NULL};
static const char *const K_PERILAKU[] = {"perilakuKerjaNilai", "perilakuKerja", NULL};
static const char *const K_KUADRAN[] = {"kuadranKinerjaNilai", "kuadranKinerja", NULL};

int siasn_rekonsiliasi(struct db *db, int64_t inst, json_t *nips, const char *berkas, json_t **laporan, char *err, size_t n)
{
  struct siasn_sesi s;
  json_t *snap = NULL, *banding = NULL;
  json_t *belum = json_array(), *berubah = json_array(), *tidak_ada = json_array(), *beda_siasn = json_array();
  json_t *hanya_kita = json_array(), *hanya_siasn = json_array(), *berbeda = json_array();
  *laporan = NULL;
  int rc = siasn_sesi_buka(&s, db, inst, berkas, err, n);
  if (rc != 0) goto out;
  rc = 1;
  if (siasn_ambil(&s, nips, &snap, err, n) != SIASN_OK) goto out;
  rc = -1;
  if (!(banding = siasn_banding(db, inst, snap))) goto out;
  size_t i;
  json_t *p;
  json_array_foreach(json_object_get(banding, "perubahan"), i, p) {
    const char *jenis = js(p, "jenis");
    json_t *isi = json_object_get(p, "isi");
    json_t *o = json_pack("{s:s,s:O}", "nip", js(p, "nip"), "nama", json_object_get(isi, "nama"));
    if (strcmp(jenis, "tidak_ada") == 0) json_array_append_new(hanya_kita, o);
    else if (strcmp(jenis, "baru") == 0) json_array_append_new(hanya_siasn, o);
    else {
      json_object_set(o, "kolom", json_object_get(isi, "kolom"));
      json_object_set(o, "kita", json_object_get(isi, "sebelum"));
      json_object_set(o, "siasn", json_object_get(isi, "sesudah"));
      json_array_append_new(berbeda, o);
    }
  }
  json_t *asing = pemimpin_asing(db, inst, snap);
  json_array_extend(hanya_siasn, asing);
  json_decref(asing);
  /* penilaian: ours against the mapping, then against SIASN's annual records */
  struct db_stmt *st = db_prepare(db,
    "SELECT pn.id, p.nip, pn.jenis, pr.tahun, COALESCE(m.sidik, ''), m.lokal_id IS NOT NULL, COALESCE(mp.siasn_id, ''),"
    "       pn.rating_hasil, pn.rating_perilaku, pn.predikat"
    "  FROM penilaian pn JOIN pegawai p ON p.id = pn.pegawai_id"
    "  JOIN skp k ON k.id = pn.skp_id JOIN periode pr ON pr.id = k.periode_id"
    "  LEFT JOIN siasn_peta m ON m.jenis = 'penilaian' AND m.lokal_id = pn.id"
    "  LEFT JOIN siasn_peta mp ON mp.jenis = 'pegawai' AND mp.lokal_id = pn.pegawai_id"
    " WHERE pn.instansi_id = ?1 AND pn.status = 'final' ORDER BY p.nip, pn.id LIMIT 20000");
  if (!st) goto out;
  db_bind_int64(st, 1, inst);
  json_t *dikirim_tahunan = json_array();
  while (db_step(st) == DB_ROW) {
    if (nips) {
      bool ada = false;
      size_t k;
      json_t *v;
      json_array_foreach(nips, k, v) ada = ada || strcmp(json_string_value(v), db_col_text(st, 1)) == 0;
      if (!ada) continue;
    }
    json_t *o = json_pack("{s:I,s:s,s:s,s:I}", "penilaian_id", (json_int_t)db_col_int64(st, 0), "nip", db_col_text(st, 1),
                          "jenis", db_col_text(st, 2), "tahun", (json_int_t)db_col_int64(st, 3));
    if (!db_col_int64(st, 5)) { json_array_append_new(belum, o); continue; }
    const char *path;
    json_t *m = siasn_kirim_muatan(db, db_col_int64(st, 0), db_col_text(st, 6), &path);
    char sidik[65] = "";
    if (m) siasn_kirim_sidik(m, sidik);
    if (strcmp(sidik, db_col_text(st, 4)) != 0) json_array_append(berubah, o);
    if (strcmp(db_col_text(st, 2), "tahunan") == 0 && m) {
      json_object_set_new(o, "kita", json_pack("{s:O,s:O,s:O}", "hasilKinerjaNilai", json_object_get(m, "hasilKinerjaNilai"),
        "perilakuKerjaNilai", json_object_get(m, "perilakuKerjaNilai"), "kuadranKinerjaNilai", json_object_get(m, "kuadranKinerjaNilai")));
      json_array_append(dikirim_tahunan, o);
    }
    json_decref(m);
    json_decref(o);
  }
  db_done(st);
  json_array_foreach(dikirim_tahunan, i, p) {
    char jalur[96], ringkas[96];
    snprintf(jalur, sizeof jalur, "/pns/rw-skp22/%s", js(p, "nip"));
    snprintf(ringkas, sizeof ringkas, "riwayat SKP 2022 NIP %s (rekonsiliasi)", js(p, "nip"));
    struct siasn_permintaan q = {.arah = "tarik", .metode = "GET", .jalur = jalur, .ringkasan = ringkas,
      .saran_404 = "SIASN belum punya riwayat SKP pegawai ini: kirim ulang penilaian tahunannya."};
    struct siasn_jawaban j;
    enum siasn_hasil h = siasn_minta(&s, &q, &j);
    if (h != SIASN_OK && h != SIASN_TIDAK_ADA) {
      snprintf(err, n, "%s: %s. %s", ringkas, j.pesan, j.saran);
      siasn_jawaban_lepas(&j);
      json_decref(dikirim_tahunan);
      rc = 1;
      goto out;
    }
    json_t *cocok = NULL, *r;
    size_t k;
    json_array_foreach(json_is_array(j.isi) ? j.isi : NULL, k, r) {
      char t[16];
      if (siasn_json_teks(r, K_TAHUN, t, sizeof t) == 0 && angka(t) == json_integer_value(json_object_get(p, "tahun"))) cocok = r;
    }
    if (!cocok) json_array_append(tidak_ada, p);
    else {
      char a[16], b[16], c[16];
      siasn_json_teks(cocok, K_HASIL, a, sizeof a);
      siasn_json_teks(cocok, K_PERILAKU, b, sizeof b);
      siasn_json_teks(cocok, K_KUADRAN, c, sizeof c);
      json_t *kita = json_object_get(p, "kita");
      if (angka(a) != json_integer_value(json_object_get(kita, "hasilKinerjaNilai")) ||
          angka(b) != json_integer_value(json_object_get(kita, "perilakuKerjaNilai")) ||
          angka(c) != json_integer_value(json_object_get(kita, "kuadranKinerjaNilai"))) {
        json_t *o = json_deep_copy(p);
        json_object_set_new(o, "siasn", json_pack("{s:s,s:s,s:s}", "hasilKinerjaNilai", a, "perilakuKerjaNilai", b, "kuadranKinerjaNilai", c));
        json_array_append_new(beda_siasn, o);
      }
    }
    siasn_jawaban_lepas(&j);
  }
  json_decref(dikirim_tahunan);
  json_t *unit = unit_hanya_kita(db, inst, json_object_get(snap, "unor"));
  if (!unit) goto out;
  size_t jumlah = json_array_size(hanya_kita) + json_array_size(hanya_siasn) + json_array_size(berbeda) + json_array_size(unit) +
                  json_array_size(belum) + json_array_size(berubah) + json_array_size(tidak_ada) + json_array_size(beda_siasn);
  *laporan = json_pack("{s:{s:O,s:O,s:O},s:{s:o},s:{s:O,s:O,s:O,s:O},s:O,s:I}",
    "pegawai", "hanya_di_kita", hanya_kita, "hanya_di_siasn", hanya_siasn, "berbeda", berbeda,
    "unit_kerja", "hanya_di_kita", unit,
    "penilaian", "belum_dikirim", belum, "berubah_sejak_dikirim", berubah, "tidak_ada_di_siasn", tidak_ada, "berbeda_di_siasn", beda_siasn,
    "catatan", json_object_get(banding, "catatan"), "jumlah_selisih", (json_int_t)jumlah);
  rc = *laporan ? 0 : -1;
out:
  siasn_sesi_tutup(&s);
  json_decref(snap);
  json_decref(banding);
  json_decref(belum);
  json_decref(berubah);
  json_decref(tidak_ada);
  json_decref(beda_siasn);
  json_decref(hanya_kita);
  json_decref(hanya_siasn);
  json_decref(berbeda);
  return rc;
}
