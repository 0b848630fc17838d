/* siasn_banding.c: the differences between SIASN and our organisation (see siasn_banding.h). */
#include "siasn_banding.h"

#include <stdio.h>
#include <string.h>

#include "siasn_json.h"
#include "siasn_kode.h"

#define KEDALAMAN_MAX 64   /* deeper atasan chains than this are treated as cycles */

static const char *js(json_t *o, const char *k)
{
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static json_t *opt(const char *s) { return s && *s ? json_string(s) : json_null(); }

/* Our pegawai of the instansi by NIP, with the names the preview shows. */
static json_t *data_kita(struct db *db, int64_t inst)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT p.id, p.nip, p.nama, COALESCE(p.golongan, ''), COALESCE(p.jabatan_id, 0), COALESCE(j.nama, ''),"
    "       COALESCE(p.unit_kerja_id, 0), COALESCE(u.kode, ''), COALESCE(u.nama, ''), COALESCE(p.atasan_id, 0),"
    "       COALESCE(a.nip, ''), COALESCE(a.nama, ''), p.aktif"
    "  FROM pegawai p"
    "  LEFT JOIN jabatan j ON j.id = p.jabatan_id"
    "  LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"
    "  LEFT JOIN pegawai a ON a.id = p.atasan_id"
    " WHERE p.instansi_id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, inst);
  json_t *m = json_object();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *o = json_pack("{s:I,s:s,s:o,s:b}", "id", (json_int_t)db_col_int64(st, 0), "nama", db_col_text(st, 2),
                          "golongan", opt(db_col_text(st, 3)), "aktif", (int)db_col_int64(st, 12));
    json_object_set_new(o, "jabatan", db_col_int64(st, 4)
      ? json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 4), "nama", db_col_text(st, 5)) : json_null());
    json_object_set_new(o, "unit_kerja", db_col_int64(st, 6)
      ? json_pack("{s:I,s:o,s:s}", "id", (json_int_t)db_col_int64(st, 6), "kode", opt(db_col_text(st, 7)), "nama", db_col_text(st, 8))
      : json_null());
    json_object_set_new(o, "atasan", db_col_int64(st, 9)
      ? json_pack("{s:I,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 9), "nip", db_col_text(st, 10), "nama", db_col_text(st, 11))
      : json_null());
    json_object_set_new(m, db_col_text(st, 1), o);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(m); return NULL; }
  return m;
}

/* SIASN PNS id -> NIP: from the snapshot, then from our stored mapping. */
static json_t *peta_pns(struct db *db, int64_t inst, json_t *pns)
{
  json_t *m = json_object();
  struct db_stmt *st = db_prepare(db,
    "SELECT m.siasn_id, p.nip FROM siasn_peta m JOIN pegawai p ON p.id = m.lokal_id"
    " WHERE m.jenis = 'pegawai' AND m.instansi_id = ?1 AND m.siasn_id IS NOT NULL");
  if (!st) { json_decref(m); return NULL; }
  db_bind_int64(st, 1, inst);
  while (db_step(st) == DB_ROW) json_object_set_new(m, db_col_text(st, 0), json_string(db_col_text(st, 1)));
  db_done(st);
  const char *nip;
  json_t *r;
  json_object_foreach(pns, nip, r) {
    const char *id = js(r, "siasn_id");
    if (*id) json_object_set_new(m, id, json_string(nip));
  }
  return m;
}

/* The NIP of the atasan SIASN implies for pegawai `rec`, or NULL when unknown / none;
 * *pemimpin receives the SIASN id of that atasan even when we cannot map it. */
static const char *atasan_siasn(json_t *rec, json_t *unor, json_t *pns2nip, const char **pemimpin)
{
  const char *u = js(rec, "unor_id"), *diri = js(rec, "siasn_id");
  *pemimpin = NULL;
  for (int d = 0; *u && d < KEDALAMAN_MAX; d++) {
    json_t *row = json_object_get(unor, u);
    if (!row) return NULL;
    const char *pem = js(row, "pemimpin");
    if (*pem && strcmp(pem, diri) != 0) { *pemimpin = pem; return json_string_value(json_object_get(pns2nip, pem)); }
    u = js(row, "induk");
  }
  return NULL;
}

/* Adds unor `id` and its parents to `pakai`. */
static void pakai_unor(json_t *pakai, json_t *unor, const char *id)
{
  for (int d = 0; id && *id && d < KEDALAMAN_MAX && !json_object_get(pakai, id); d++) {
    json_t *row = json_object_get(unor, id);
    if (!row) return;
    json_object_set(pakai, id, row);
    id = js(row, "induk");
  }
}

/* The same unit: our kode is the SIASN unor id, or the names agree (kode is optional and may
 * be a local code). */
static bool unit_sama(json_t *kita, const char *unor_id, json_t *unor_row)
{
  if (!json_is_object(kita)) return false;
  if (strcmp(js(kita, "kode"), unor_id) == 0) return true;
  return unor_row && siasn_nama_sama(js(kita, "nama"), js(unor_row, "nama"));
}

/* Cycles in the atasan tree once the proposals are applied: final maps NIP -> atasan NIP. */
static void cari_siklus(json_t *akhir, json_t *diubah, json_t *kita, json_t *pns, json_t *out)
{
  json_t *terlapor = json_object();
  const char *mulai;
  json_t *v;
  json_object_foreach(diubah, mulai, v) {
    const char *x = mulai;
    int d = 0;
    for (; d <= KEDALAMAN_MAX; d++) {
      x = json_string_value(json_object_get(akhir, x));
      if (!x || strcmp(x, mulai) == 0) break;
    }
    /* reached the top, or a loop not through `mulai` (reported from its own changed member) */
    if (!x || strcmp(x, mulai) != 0) continue;
    /* a cycle through `mulai`: report it once, keyed by its smallest NIP */
    json_t *nips = json_array();
    char kunci[32] = "";
    x = mulai;
    for (int k = 0; k <= KEDALAMAN_MAX && x; k++) {
      json_array_append_new(nips, json_string(x));
      if (!kunci[0] || strcmp(x, kunci) < 0) snprintf(kunci, sizeof kunci, "%s", x);
      x = json_string_value(json_object_get(akhir, x));
      if (x && strcmp(x, mulai) == 0) break;
    }
    if (json_object_get(terlapor, kunci)) { json_decref(nips); continue; }
    json_object_set_new(terlapor, kunci, json_true());
    char pesan[2048];
    size_t len = (size_t)snprintf(pesan, sizeof pesan, "Perubahan atasan dari SIASN membentuk siklus: ");
    size_t i;
    json_t *n;
    json_array_foreach(nips, i, n) {
      const char *nip = json_string_value(n);
      json_t *r = json_object_get(kita, nip);
      const char *nama = r ? js(r, "nama") : js(json_object_get(pns, nip), "nama");
      if (len < sizeof pesan)
        len += (size_t)snprintf(pesan + len, sizeof pesan - len, "%s (%s) → ", nama, nip);
    }
    if (len < sizeof pesan)
      snprintf(pesan + len, sizeof pesan - len, "%s lagi. Tidak ada yang diterapkan: perbaiki pemimpin unor di SIASN "
               "(atau atasan di data kita) lalu tarik ulang.", json_string_value(json_array_get(nips, 0)));
    json_array_append_new(out, json_pack("{s:o,s:s}", "nip", nips, "pesan", pesan));
  }
  json_decref(terlapor);
}

json_t *siasn_banding(struct db *db, int64_t inst, json_t *snap)
{
  json_t *pns = json_object_get(snap, "pns"), *unor = json_object_get(snap, "unor");
  json_t *kita = data_kita(db, inst), *pns2nip = kita ? peta_pns(db, inst, pns) : NULL;
  if (!kita || !pns2nip) { json_decref(kita); json_decref(pns2nip); return NULL; }
  json_t *perubahan = json_array(), *catatan = json_array(), *pakai = json_object(), *siklus = json_array();
  json_t *akhir = json_object(), *diubah = json_object();
  const char *nip;
  json_t *r;
  /* today's tree */
  json_object_foreach(kita, nip, r) {
    json_t *a = json_object_get(r, "atasan");
    if (json_is_object(a)) json_object_set_new(akhir, nip, json_string(js(a, "nip")));
  }
  json_object_foreach(pns, nip, r) {
    json_t *ours = json_object_get(kita, nip);
    json_t *kolom = json_array(), *ses = json_object();
    const char *nama = js(r, "nama");
    json_object_set_new(ses, "nama", opt(nama));
    json_object_set_new(ses, "gelar_depan", opt(js(r, "gelar_depan")));
    json_object_set_new(ses, "gelar_belakang", opt(js(r, "gelar_belakang")));
    json_object_set_new(ses, "golongan", opt(js(r, "golongan")));
    json_object_set_new(ses, "tmt_jabatan", opt(js(r, "tmt_jabatan")));
    const char *jab = js(r, "jabatan");
    json_object_set_new(ses, "jabatan", *jab ? json_pack("{s:s,s:s}", "nama", jab, "jenis",
      siasn_kode_jenis_jabatan(js(r, "jenis_jabatan_id"), js(r, "eselon"), jab)) : json_null());
    const char *uid = js(r, "unor_id");
    json_t *urow = *uid ? json_object_get(unor, uid) : NULL;
    json_object_set_new(ses, "unit_kerja", urow ? json_pack("{s:s,s:s}", "kode", uid, "nama", js(urow, "nama")) : json_null());
    if (*uid && !urow)
      json_array_append_new(catatan, json_sprintf("NIP %s: unor %s tidak ada di referensi unor SIASN; unit kerja tidak dibandingkan.", nip, uid));
    const char *pemimpin;
    const char *atasan = atasan_siasn(r, unor, pns2nip, &pemimpin);
    if (!atasan && pemimpin)
      json_array_append_new(catatan, json_sprintf("NIP %s: atasannya di SIASN (id PNS %s) belum dipetakan ke pegawai kita; "
                                                  "tarik semua pegawai sekali agar atasan dapat dibandingkan.", nip, pemimpin));
    json_t *at_kita = atasan ? json_object_get(kita, atasan) : NULL;
    json_t *at_pns = atasan ? json_object_get(pns, atasan) : NULL;
    if (atasan && !(at_kita && json_is_true(json_object_get(at_kita, "aktif"))) && !at_pns) {
      json_array_append_new(catatan, json_sprintf("NIP %s: atasan menurut SIASN (NIP %s) belum ada di data kita; tarik juga NIP itu.", nip, atasan));
      atasan = NULL;
    }
    json_object_set_new(ses, "atasan", atasan ? json_pack("{s:s,s:s}", "nip", atasan, "nama",
      at_kita ? js(at_kita, "nama") : js(at_pns, "nama")) : json_null());
    if (!ours) {
      if (!*nama || !urow) {
        json_array_append_new(catatan, json_sprintf("NIP %s ada di SIASN tetapi datanya tidak lengkap (nama/unor); tidak diusulkan.", nip));
        json_decref(kolom);
        json_decref(ses);
        continue;
      }
      if (atasan) { json_object_set_new(akhir, nip, json_string(atasan)); json_object_set_new(diubah, nip, json_true()); }
      pakai_unor(pakai, unor, uid);
      json_array_append_new(perubahan, json_pack("{s:s,s:s,s:n,s:b,s:{s:s,s:o,s:s,s:o,s:n,s:o}}", "jenis", "baru", "nip", nip,
        "pegawai_id", "atasan", atasan != NULL, "isi", "nip", nip, "siasn_id", opt(js(r, "siasn_id")), "nama", nama,
        "kolom", kolom, "sebelum", "sesudah", ses));
      continue;
    }
    if (*nama && !siasn_nama_sama(nama, js(ours, "nama"))) json_array_append_new(kolom, json_string("nama"));
    const char *g = js(r, "golongan");
    if (*g && strcmp(g, js(ours, "golongan")) != 0) json_array_append_new(kolom, json_string("golongan"));
    json_t *oj = json_object_get(ours, "jabatan");
    if (*jab && !(json_is_object(oj) && siasn_nama_sama(js(oj, "nama"), jab))) json_array_append_new(kolom, json_string("jabatan"));
    if (urow && !unit_sama(json_object_get(ours, "unit_kerja"), uid, urow)) {
      json_array_append_new(kolom, json_string("unit_kerja"));
      pakai_unor(pakai, unor, uid);
    }
    json_t *oa = json_object_get(ours, "atasan");
    bool ganti_atasan = atasan && strcmp(atasan, json_is_object(oa) ? js(oa, "nip") : "") != 0;
    if (ganti_atasan) {
      json_array_append_new(kolom, json_string("atasan"));
      json_object_set_new(akhir, nip, json_string(atasan));
      json_object_set_new(diubah, nip, json_true());
    }
    if (json_array_size(kolom)) {
      json_t *seb = json_pack("{s:s,s:O,s:O,s:O,s:O}", "nama", js(ours, "nama"), "golongan", json_object_get(ours, "golongan"),
                              "jabatan", json_object_get(ours, "jabatan"), "unit_kerja", json_object_get(ours, "unit_kerja"),
                              "atasan", oa);
      json_array_append_new(perubahan, json_pack("{s:s,s:s,s:O,s:b,s:{s:s,s:o,s:s,s:o,s:o,s:o}}", "jenis", "berubah", "nip", nip,
        "pegawai_id", json_object_get(ours, "id"), "atasan", ganti_atasan, "isi", "nip", nip, "siasn_id", opt(js(r, "siasn_id")),
        "nama", js(ours, "nama"), "kolom", kolom, "sebelum", seb, "sesudah", ses));
    } else {
      json_decref(kolom);
      json_decref(ses);
    }
  }
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(snap, "tidak_ada"), i, v) {
    json_t *ours = json_object_get(kita, json_string_value(v));
    if (!ours) continue;
    json_array_append_new(perubahan, json_pack("{s:s,s:O,s:O,s:b,s:{s:O,s:n,s:O,s:[],s:{s:O,s:O,s:O,s:O,s:O},s:n}}",
      "jenis", "tidak_ada", "nip", v, "pegawai_id", json_object_get(ours, "id"), "atasan", 0, "isi", "nip", v, "siasn_id",
      "nama", json_object_get(ours, "nama"), "kolom", "sebelum", "nama", json_object_get(ours, "nama"), "golongan",
      json_object_get(ours, "golongan"), "jabatan", json_object_get(ours, "jabatan"), "unit_kerja", json_object_get(ours, "unit_kerja"),
      "atasan", json_object_get(ours, "atasan"), "sesudah"));
  }
  cari_siklus(akhir, diubah, kita, pns, siklus);
  json_decref(kita);
  json_decref(pns2nip);
  json_decref(akhir);
  json_decref(diubah);
  return json_pack("{s:o,s:o,s:o,s:o}", "perubahan", perubahan, "siklus", siklus, "catatan", catatan, "unor", pakai);
}
