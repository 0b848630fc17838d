/* profil_unit.c: the four-dimension profile of a unit and the units below it (see profil.h):
 * each pegawai's profile computed as for one pegawai (profil_pegawai.c), then per dimension the
 * mean skor over the pegawai that have one (rules/profil_kinerja.c). */
#include "profil_internal.h"

#include <stdio.h>
#include <stdlib.h>

json_t *profil_unit(struct db *db, int64_t unit_id, int tahun, const char **pesan)
{
  *pesan = NULL;
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, nama FROM unit_kerja WHERE id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, unit_id);
  int s = db_step(st);
  if (s != DB_ROW) {
    db_done(st);
    if (s == DB_DONE) *pesan = "Unit kerja";
    return NULL;
  }
  int64_t inst = db_col_int64(st, 0);
  json_t *unit = json_pack("{s:I,s:s}", "id", (json_int_t)unit_id, "nama", db_col_text(st, 1));
  db_done(st);
  st = db_prepare(db,
    "WITH RECURSIVE u(id, d) AS (SELECT id, 0 FROM unit_kerja WHERE id = ?1 UNION SELECT c.id, u.d + 1 FROM unit_kerja c JOIN u ON c.induk_id = u.id WHERE u.d < 20)"
    " SELECT p.id, p.nip, p.nama, COALESCE(j.nama, ''), COALESCE(k.nama, '')"
    "   FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit_kerja k ON k.id = p.unit_kerja_id"
    "  WHERE p.aktif = 1 AND p.unit_kerja_id IN (SELECT id FROM u) ORDER BY p.nama, p.id LIMIT ?2");
  if (!st) { json_decref(unit); return NULL; }
  db_bind_int64(st, 1, unit_id);
  db_bind_int64(st, 2, PROFIL_UNIT_MAKS + 1);
  json_t *rows = json_array();
  int n = 0;
  bool lebih = false;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == PROFIL_UNIT_MAKS) { lebih = true; break; }
    json_array_append_new(rows, json_pack("{s:I,s:s,s:s,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 0), "nip", db_col_text(st, 1),
                                          "nama", db_col_text(st, 2), "jabatan", db_col_text(st, 3), "unit_kerja", db_col_text(st, 4)));
    n++;
  }
  db_done(st);
  if (s != DB_DONE && s != DB_ROW) { json_decref(unit); json_decref(rows); return NULL; }
  struct profil_hasil *h = malloc(sizeof *h);
  struct pecahan *skor = calloc((size_t)(n ? n : 1) * PROFIL_DIMENSI, sizeof *skor);
  bool *ada = calloc((size_t)(n ? n : 1) * PROFIL_DIMENSI, sizeof *ada);
  int64_t inovasi_total = 0;
  json_t *out = NULL;
  if (!h || !skor || !ada) goto out;
  size_t i;
  json_t *r;
  json_array_foreach(rows, i, r) {
    int64_t inov = 0;
    if (profil_hitung(db, json_integer_value(json_object_get(r, "id")), inst, tahun, h, &inov, NULL) != 0) goto out;
    json_t *sk = json_object();
    for (int d = 0; d < PROFIL_DIMENSI; d++) {
      /* per dimension, pegawai after pegawai: skor[d * n + i] */
      skor[(size_t)d * (size_t)n + i] = h->skor[d];
      ada[(size_t)d * (size_t)n + i] = h->ada[d];
      json_object_set_new(sk, profil_kinerja_kode((enum profil_dimensi)d), h->ada[d] ? profil_angka(h->skor[d]) : json_null());
    }
    json_object_set_new(r, "skor", sk);
    json_object_set_new(r, "inovasi", json_integer(inov));
    inovasi_total += inov;
  }
  json_t *dim = json_array();
  for (int d = 0; d < PROFIL_DIMENSI; d++) {
    struct pecahan rata;
    int k = 0;
    int rc = profil_kinerja_rata(skor + (size_t)d * (size_t)n, ada + (size_t)d * (size_t)n, n, &rata, &k);
    if (rc < 0) { json_decref(dim); goto out; }
    char pj[400];
    if (rc == 0) snprintf(pj, sizeof pj, "Rata-rata skor %d dari %d pegawai yang memiliki data pada dimensi ini.", k, n);
    else snprintf(pj, sizeof pj, "Belum ada pegawai dengan data pada dimensi ini.");
    json_t *o = json_pack("{s:s,s:s,s:o,s:i,s:[s]}", "kode", profil_kinerja_kode((enum profil_dimensi)d),
                          "label", profil_kinerja_label((enum profil_dimensi)d), "skor", rc == 0 ? profil_angka(rata) : json_null(),
                          "pegawai_berdata", k, "penjelasan", pj);
    if (d == PROFIL_INOVASI) json_object_set_new(o, "jumlah_inovasi", json_integer(inovasi_total));
    json_array_append_new(dim, o);
  }
  out = json_pack("{s:i,s:O,s:i,s:b,s:o,s:O,s:s}", "tahun", tahun, "unit_kerja", unit, "jumlah_pegawai", n, "terpotong", lebih,
                  "dimensi", dim, "pegawai", rows, "catatan", PROFIL_CATATAN);
out:
  free(h);
  free(skor);
  free(ada);
  json_decref(unit);
  json_decref(rows);
  return out;
}
