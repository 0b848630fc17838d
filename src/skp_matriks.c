/* skp_matriks.c: cascading views: the atasan RHK picker, the matriks peran hasil of an atasan
 * (their RHK x their bawahan), and the SKP status report of an instansi. */
#include <stdio.h>
#include <string.h>

#include "skp.h"
#include "skp_internal.h"
#include "util/util.h"

json_t *skp_rhk_atasan(struct db *db, const struct skp_head *h)
{
  json_t *items = json_array();
  if (!h->penilai_id) return json_pack("{s:o,s:o,s:s}", "items", items, "penilai", json_null(),
                                       "pesan", "SKP ini belum memiliki pejabat penilai; minta admin kepegawaian menetapkannya.");
  struct db_stmt *st = db_prepare(db,
    "SELECT r.id, r.rhk, r.kelompok, s.id, s.status"
    "  FROM rhk r JOIN skp s ON s.id = r.skp_id"
    " WHERE s.pegawai_id = ?1 AND s.periode_id = ?2 AND r.disetujui = 1"
    " ORDER BY s.mulai, CASE r.kelompok WHEN 'utama' THEN 0 ELSE 1 END, r.urutan");
  if (!st) { json_decref(items); return NULL; }
  db_bind_int64(st, 1, h->penilai_id);
  db_bind_int64(st, 2, h->periode_id);
  int s;
  while ((s = db_step(st)) == DB_ROW)
    json_array_append_new(items, json_pack("{s:I,s:s,s:s,s:I}", "id", (json_int_t)db_col_int64(st, 0), "rhk", db_col_text(st, 1),
                                           "kelompok", db_col_text(st, 2), "skp_id", (json_int_t)db_col_int64(st, 3)));
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  json_t *out = json_pack("{s:o,s:o}", "items", items, "penilai", skp_orang_json(db, h->penilai_id));
  if (json_array_size(items) == 0)
    json_object_set_new(out, "pesan", json_string("SKP pejabat penilai Anda untuk periode ini belum disetujui, "
                                                  "sehingga belum ada RHK yang dapat diintervensi."));
  return out;
}

json_t *skp_matriks(struct db *db, const struct skp_head *h)
{
  json_t *rows = skp_rhk_json(db, h->id);
  if (!rows) return NULL;
  /* bawahan: everyone whose SKP this pegawai assesses in the period, and today's direct
   * bawahan who have no SKP yet */
  struct db_stmt *st = db_prepare(db,
    "SELECT p.id, p.nip, p.nama, COALESCE(j.nama, ''), s.id, COALESCE(s.status, 'belum')"
    "  FROM pegawai p"
    "  LEFT JOIN skp s ON s.id = (SELECT s2.id FROM skp s2 WHERE s2.pegawai_id = p.id AND s2.periode_id = ?2"
    "                               AND s2.penilai_id = ?1 ORDER BY s2.mulai DESC LIMIT 1)"
    "  LEFT JOIN jabatan j ON j.id = p.jabatan_id"
    " WHERE p.id IN (SELECT b.id FROM pegawai b WHERE b.atasan_id = ?1 AND b.aktif = 1"
    "                UNION SELECT s3.pegawai_id FROM skp s3 WHERE s3.penilai_id = ?1 AND s3.periode_id = ?2)"
    " ORDER BY p.nama, p.id");
  if (!st) { json_decref(rows); return NULL; }
  db_bind_int64(st, 1, h->pegawai_id);
  db_bind_int64(st, 2, h->periode_id);
  json_t *bawahan = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *b = json_pack("{s:{s:I,s:s,s:s,s:s},s:s,s:o}", "pegawai", "id", (json_int_t)db_col_int64(st, 0), "nip", db_col_text(st, 1),
                          "nama", db_col_text(st, 2), "jabatan", db_col_text(st, 3), "status", db_col_text(st, 5), "rhk", json_array());
    json_object_set_new(b, "skp_id", db_col_is_null(st, 4) ? json_null() : json_integer(db_col_int64(st, 4)));
    json_array_append_new(bawahan, b);
  }
  db_done(st);
  if (s != DB_DONE) goto fail;
  /* the bawahan RHK that intervene one of this SKP's rows, in one query */
  st = db_prepare(db,
    "SELECT s.pegawai_id, r.id, r.rhk, r.kelompok, r.rhk_atasan_id"
    "  FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN rhk a ON a.id = r.rhk_atasan_id"
    " WHERE a.skp_id = ?1 ORDER BY s.pegawai_id, r.urutan");
  if (!st) goto fail;
  db_bind_int64(st, 1, h->id);
  json_t *sel = json_array();
  while ((s = db_step(st)) == DB_ROW) {
    int64_t pid = db_col_int64(st, 0);
    json_t *c = json_pack("{s:I,s:I,s:I,s:s,s:s}", "pegawai_id", (json_int_t)pid, "rhk_atasan_id", (json_int_t)db_col_int64(st, 4),
                          "rhk_id", (json_int_t)db_col_int64(st, 1), "rhk", db_col_text(st, 2), "kelompok", db_col_text(st, 3));
    json_array_append(sel, c);
    size_t i;
    json_t *b;
    json_array_foreach(bawahan, i, b)
      if (json_integer_value(json_object_get(json_object_get(b, "pegawai"), "id")) == pid)
        json_array_append(json_object_get(b, "rhk"), c);
    json_decref(c);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(sel); goto fail; }
  /* gaps: RHK nobody contributes to; bawahan without a utama RHK under this atasan */
  json_t *tanpa_kontributor = json_array(), *tanpa_rhk = json_array();
  size_t i, j;
  json_t *r, *c, *b;
  json_array_foreach(rows, i, r) {
    json_int_t id = json_integer_value(json_object_get(r, "id"));
    bool any = false;
    json_array_foreach(sel, j, c)
      if (json_integer_value(json_object_get(c, "rhk_atasan_id")) == id) any = true;
    if (!any) json_array_append_new(tanpa_kontributor, json_integer(id));
  }
  json_array_foreach(bawahan, i, b) {
    bool utama = false;
    json_array_foreach(json_object_get(b, "rhk"), j, c)
      if (strcmp(json_string_value(json_object_get(c, "kelompok")), "utama") == 0) utama = true;
    if (!utama) json_array_append(tanpa_rhk, json_object_get(json_object_get(b, "pegawai"), "id"));
  }
  return json_pack("{s:I,s:o,s:o,s:o,s:o,s:o}", "skp_id", (json_int_t)h->id, "rhk", rows, "bawahan", bawahan, "sel", sel,
                   "rhk_tanpa_kontributor", tanpa_kontributor, "bawahan_tanpa_rhk_utama", tanpa_rhk);
fail:
  json_decref(rows);
  json_decref(bawahan);
  return NULL;
}

json_t *skp_status_laporan(struct db *db, const struct skp_status_query *q, const char **bad)
{
  static const char *const ok[] = {"belum", "draft", "diajukan", "disetujui", "dikembalikan", NULL};
  *bad = NULL;
  if (q->status) {
    bool found = false;
    for (int i = 0; ok[i]; i++) if (strcmp(q->status, ok[i]) == 0) found = true;
    if (!found) { *bad = "status"; return NULL; }
  }
#define STATUS_FROM                                                                                      \
  "  FROM pegawai p"                                                                                     \
  "  LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"                                                   \
  "  LEFT JOIN skp s ON s.id = (SELECT s2.id FROM skp s2 JOIN periode pr ON pr.id = s2.periode_id"      \
  "                               WHERE s2.pegawai_id = p.id AND pr.tahun = ?2 ORDER BY s2.mulai DESC LIMIT 1)" \
  "  LEFT JOIN pegawai n ON n.id = s.penilai_id"                                                         \
  " WHERE p.instansi_id = ?1 AND p.aktif = 1 AND (?3 = 0 OR p.unit_kerja_id = ?3)"
  struct db_stmt *st = db_prepare(db,
    "SELECT p.id, p.nip, p.nama, COALESCE(u.nama, ''), s.id, COALESCE(s.status, 'belum'), COALESCE(n.nama, '')"
    STATUS_FROM " AND (?4 IS NULL OR COALESCE(s.status, 'belum') = ?4) AND p.id > ?5 ORDER BY p.id LIMIT ?6");
  if (!st) return NULL;
  db_bind_int64(st, 1, q->instansi_id);
  db_bind_int64(st, 2, q->tahun);
  db_bind_int64(st, 3, q->unit_kerja_id);
  db_bind_text(st, 4, q->status);
  db_bind_int64(st, 5, q->cursor);
  db_bind_int64(st, 6, q->limit + 1);
  json_t *items = json_array();
  int s, n = 0;
  int64_t last = 0;
  bool more = false;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == q->limit) { more = true; break; }
    last = db_col_int64(st, 0);
    json_t *it = json_pack("{s:{s:I,s:s,s:s,s:s},s:s,s:s}", "pegawai", "id", (json_int_t)last, "nip", db_col_text(st, 1),
                           "nama", db_col_text(st, 2), "unit_kerja", db_col_text(st, 3), "status", db_col_text(st, 5),
                           "penilai", db_col_text(st, 6));
    json_object_set_new(it, "skp_id", db_col_is_null(st, 4) ? json_null() : json_integer(db_col_int64(st, 4)));
    json_array_append_new(items, it);
    n++;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) { json_decref(items); return NULL; }
  st = db_prepare(db, "SELECT COALESCE(s.status, 'belum'), COUNT(*)" STATUS_FROM " GROUP BY COALESCE(s.status, 'belum')");
  if (!st) { json_decref(items); return NULL; }
  db_bind_int64(st, 1, q->instansi_id);
  db_bind_int64(st, 2, q->tahun);
  db_bind_int64(st, 3, q->unit_kerja_id);
  json_t *ringkas = json_pack("{s:i,s:i,s:i,s:i,s:i}", "belum", 0, "draft", 0, "diajukan", 0, "disetujui", 0, "dikembalikan", 0);
  while ((s = db_step(st)) == DB_ROW) json_object_set_new(ringkas, db_col_text(st, 0), json_integer(db_col_int64(st, 1)));
  db_done(st);
#undef STATUS_FROM
  json_t *out = json_pack("{s:o,s:o,s:i,s:i}", "items", items, "ringkasan", ringkas, "tahun", q->tahun, "limit", q->limit);
  char c[32];
  snprintf(c, sizeof c, "%lld", (long long)last);
  json_object_set_new(out, "next_cursor", more ? json_string(c) : json_null());
  return out;
}
