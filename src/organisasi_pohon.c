/* organisasi_pohon.c: the cascade tree of an IKU viewed from either end (issue 15 part 1):
 * downwards IKU -> PK indicators (and those of the units below, by induk_id) -> the RHK linked
 * to them -> the bawahan RHK that intervene in those (rhk.rhk_atasan_id); upwards a pegawai's
 * RHK -> atasan RHK ... -> the first RHK linked to a PK indicator -> the PK chain -> IKU.
 * Depths are bounded, so data with a loop cannot hang a request. */
#include <stdlib.h>
#include <string.h>

#include "auth/rbac.h"
#include "organisasi_internal.h"
#include "util/util.h"

#define POHON_MAKS 5000

#define PK_POHON \
  "WITH RECURSIVE pk(id, d) AS (" \
  "  SELECT id, 0 FROM pk_indikator WHERE iku_id = ?1 AND tahun = ?2" \
  "  UNION SELECT c.id, pk.d + 1 FROM pk_indikator c JOIN pk ON c.induk_id = pk.id WHERE pk.d < 20)"

struct simpul { int64_t id, atas, pk, pegawai; bool lihat; };
struct indeks { int64_t id; int i; };

static int indeks_banding(const void *a, const void *b)
{
  int64_t x = ((const struct indeks *)a)->id, y = ((const struct indeks *)b)->id;
  return x < y ? -1 : x > y;
}

static int id_banding(const void *a, const void *b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

/* An index of a[0..n) by id (sorted; malloc'd, the caller frees; NULL when out of memory). */
static struct indeks *indeks_buat(const struct simpul *a, int n)
{
  struct indeks *x = malloc(sizeof *x * (size_t)(n ? n : 1));
  if (!x) return NULL;
  for (int i = 0; i < n; i++) { x[i].id = a[i].id; x[i].i = i; }
  qsort(x, (size_t)n, sizeof *x, indeks_banding);
  return x;
}

/* Position in the node array of id, or -1. */
static int cari(const struct indeks *x, int n, int64_t id)
{
  struct indeks k = {id, 0};
  const struct indeks *hit = id ? bsearch(&k, x, (size_t)n, sizeof *x, indeks_banding) : NULL;
  return hit ? hit->i : -1;
}

/* The pegawai `pegawai_id` and everyone below them (bounded depth), sorted; *n set.  NULL on error. */
static int64_t *subtree(struct db *db, int64_t pegawai_id, int *n)
{
  *n = 0;
  struct db_stmt *st = db_prepare(db,
    "WITH RECURSIVE sub(id, d) AS (SELECT ?1, 0 UNION ALL SELECT p.id, sub.d + 1 FROM pegawai p JOIN sub ON p.atasan_id = sub.id"
    "                              WHERE sub.d < 30)"
    " SELECT DISTINCT id FROM sub");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  size_t cap = 256;
  int64_t *ids = malloc(cap * sizeof *ids);
  while (ids && db_step(st) == DB_ROW) {
    if ((size_t)*n == cap) {
      int64_t *t = realloc(ids, cap * 2 * sizeof *ids);
      if (!t) { free(ids); ids = NULL; break; }
      ids = t;
      cap *= 2;
    }
    ids[(*n)++] = db_col_int64(st, 0);
  }
  db_done(st);
  if (ids) qsort(ids, (size_t)*n, sizeof *ids, id_banding);
  return ids;
}

json_t *org_pohon_iku(struct db *db, int64_t iku_id, int tahun, const struct principal *who)
{
  json_t *iku = org_iku_json(db, iku_id, NULL);
  if (!iku) return NULL;
  json_t *out = json_pack("{s:i,s:o,s:[],s:[]}", "tahun", tahun, "iku", iku, "pk", "rhk");
  json_t *pka = json_object_get(out, "pk"), *rhka = json_object_get(out, "rhk");
  struct db_stmt *st = db_prepare(db, PK_POHON
    " SELECT p.id, p.unit_kerja_id, u.nama, p.sasaran, p.indikator, p.target, p.satuan, p.arah, COALESCE(p.induk_id, 0),"
    "        COALESCE(p.iku_id, 0), q.d"
    "   FROM (SELECT id, MIN(d) AS d FROM pk GROUP BY id) q JOIN pk_indikator p ON p.id = q.id JOIN unit_kerja u ON u.id = p.unit_kerja_id"
    "  ORDER BY q.d, u.nama, p.urutan, p.id");
  if (!st) { json_decref(out); return NULL; }
  db_bind_int64(st, 1, iku_id);
  db_bind_int64(st, 2, tahun);
  struct simpul *pk = calloc(POHON_MAKS, sizeof *pk), *rh = calloc(POHON_MAKS, sizeof *rh);
  int npk = 0, nrh = 0;
  if (!pk || !rh) { db_done(st); free(pk); free(rh); json_decref(out); return NULL; }
  while (db_step(st) == DB_ROW && npk < POHON_MAKS) {
    pk[npk].id = db_col_int64(st, 0);
    pk[npk].atas = db_col_int64(st, 8);
    npk++;
    json_t *n = json_pack("{s:I,s:{s:I,s:s},s:s,s:s,s:s,s:s,s:s,s:i}", "id", (json_int_t)db_col_int64(st, 0),
                          "unit_kerja", "id", (json_int_t)db_col_int64(st, 1), "nama", db_col_text(st, 2), "sasaran", db_col_text(st, 3),
                          "indikator", db_col_text(st, 4), "target", db_col_text(st, 5), "satuan", db_col_text(st, 6), "arah", db_col_text(st, 7),
                          "kedalaman", (int)db_col_int64(st, 10));
    json_object_set_new(n, "induk_id", db_col_int64(st, 8) ? json_integer(db_col_int64(st, 8)) : json_null());
    json_object_set_new(n, "iku_id", db_col_int64(st, 9) ? json_integer(db_col_int64(st, 9)) : json_null());
    json_array_append_new(pka, n);
  }
  db_done(st);
  st = db_prepare(db, PK_POHON ","
    " r(id, d) AS ("
    "  SELECT x.id, 0 FROM rhk x JOIN skp s ON s.id = x.skp_id JOIN periode pe ON pe.id = s.periode_id"
    "   WHERE pe.tahun = ?2 AND x.pk_indikator_id IN (SELECT id FROM pk)"
    "  UNION SELECT c.id, r.d + 1 FROM rhk c JOIN r ON c.rhk_atasan_id = r.id WHERE r.d < 15)"
    " SELECT x.id, x.rhk, x.kelompok, COALESCE(x.pk_indikator_id, 0), COALESCE(x.rhk_atasan_id, 0), x.skp_id, s.status,"
    "        s.pegawai_id, pg.nama, pg.nip, COALESCE(j.nama, ''), COALESCE(u.nama, ''), q.d"
    "   FROM (SELECT id, MIN(d) AS d FROM r GROUP BY id) q JOIN rhk x ON x.id = q.id JOIN skp s ON s.id = x.skp_id"
    "   JOIN pegawai pg ON pg.id = s.pegawai_id LEFT JOIN jabatan j ON j.id = pg.jabatan_id"
    "   LEFT JOIN unit_kerja u ON u.id = s.unit_kerja_id"
    "  ORDER BY q.d, pg.nama, x.id");
  if (!st) { free(pk); free(rh); json_decref(out); return NULL; }
  db_bind_int64(st, 1, iku_id);
  db_bind_int64(st, 2, tahun);
  json_t *semua = json_array();
  while (db_step(st) == DB_ROW && nrh < POHON_MAKS) {
    struct simpul *s = &rh[nrh++];
    s->id = db_col_int64(st, 0);
    s->pk = db_col_int64(st, 3);
    s->atas = db_col_int64(st, 4);
    s->pegawai = db_col_int64(st, 7);
    json_t *n = json_pack("{s:I,s:s,s:s,s:I,s:s,s:{s:I,s:s,s:s,s:s,s:s},s:i}", "id", (json_int_t)s->id, "rhk", db_col_text(st, 1),
                          "kelompok", db_col_text(st, 2), "skp_id", (json_int_t)db_col_int64(st, 5), "status_skp", db_col_text(st, 6),
                          "pegawai", "id", (json_int_t)s->pegawai, "nama", db_col_text(st, 8), "nip", db_col_text(st, 9),
                          "jabatan", db_col_text(st, 10), "unit_kerja", db_col_text(st, 11), "kedalaman", (int)db_col_int64(st, 12));
    json_object_set_new(n, "pk_indikator_id", s->pk ? json_integer(s->pk) : json_null());
    json_object_set_new(n, "rhk_atasan_id", s->atas ? json_integer(s->atas) : json_null());
    json_array_append_new(semua, n);
  }
  db_done(st);
  json_object_set_new(out, "terpotong", json_boolean(nrh >= POHON_MAKS || npk >= POHON_MAKS));
  /* who sees what: pimpinan/admin all; a pegawai their own RHK, their subtree's, and the chain above */
  bool semua_lihat = rbac_reads_instansi(who);
  int nsub = 0;
  int64_t *sub = !semua_lihat && who->pegawai_id ? subtree(db, who->pegawai_id, &nsub) : NULL;
  struct indeks *ipk = indeks_buat(pk, npk), *irh = indeks_buat(rh, nrh);
  if (!ipk || !irh || (!semua_lihat && who->pegawai_id && !sub)) {
    free(ipk); free(irh); free(sub); free(pk); free(rh); json_decref(semua); json_decref(out);
    return NULL;
  }
  for (int i = 0; i < nrh; i++) {
    if (semua_lihat) { rh[i].lihat = true; continue; }
    if (rh[i].lihat || !sub || !bsearch(&rh[i].pegawai, sub, (size_t)nsub, sizeof *sub, id_banding)) continue;
    /* mark it and everything above it (stop at a node already marked: its chain is) */
    for (int k = i, d = 0; k >= 0 && d < 64; d++) {
      if (rh[k].lihat && k != i) break;
      rh[k].lihat = true;
      for (int m = cari(ipk, npk, rh[k].pk), e = 0; m >= 0 && e < 64; e++) { pk[m].lihat = true; m = cari(ipk, npk, pk[m].atas); }
      k = rh[k].atas ? cari(irh, nrh, rh[k].atas) : -1;
    }
  }
  free(ipk);
  free(irh);
  free(sub);
  int sembunyi = 0;
  size_t i;
  json_t *n;
  json_array_foreach(semua, i, n) {
    if (rh[i].lihat) json_array_append(rhka, n);
    else sembunyi++;
  }
  json_decref(semua);
  if (!semua_lihat) {
    json_t *tampil = json_array();
    json_array_foreach(pka, i, n) {
      if (pk[i].lihat) json_array_append(tampil, n);
      else sembunyi++;
    }
    json_object_set_new(out, "pk", tampil);
  }
  json_object_set_new(out, "tersembunyi", json_integer(sembunyi));
  free(pk);
  free(rh);
  return out;
}

/* The PK chain from `pk` up to the top (bounded) and the IKU at its top (or NULL). */
static json_t *pk_ke_atas(struct db *db, int64_t pk, json_t **iku)
{
  json_t *arr = json_array();
  *iku = NULL;
  for (int d = 0; pk && d < 20; d++) {
    json_t *j = org_pk_json(db, pk, NULL);
    if (!j) break;
    json_array_append(arr, j);
    json_t *k = json_object_get(j, "iku"), *up = json_object_get(j, "induk");
    if (json_is_object(k)) { *iku = org_iku_json(db, json_integer_value(json_object_get(k, "id")), NULL); json_decref(j); break; }
    pk = json_is_object(up) ? json_integer_value(json_object_get(up, "id")) : 0;
    json_decref(j);
  }
  return arr;
}

json_t *org_jejak_pegawai(struct db *db, int64_t pegawai_id, int tahun)
{
  struct db_stmt *st = db_prepare(db,
    "WITH RECURSIVE up(asal, id, d) AS ("
    "  SELECT r.id, r.id, 0 FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN periode pe ON pe.id = s.periode_id"
    "   WHERE s.pegawai_id = ?1 AND pe.tahun = ?2"
    "  UNION ALL SELECT up.asal, x.rhk_atasan_id, up.d + 1 FROM rhk x JOIN up ON x.id = up.id"
    "   WHERE x.rhk_atasan_id IS NOT NULL AND up.d < 15)"
    " SELECT up.asal, up.d, x.id, x.rhk, x.kelompok, COALESCE(x.pk_indikator_id, 0), s.pegawai_id, pg.nama, pg.nip, COALESCE(j.nama, '')"
    "   FROM up JOIN rhk x ON x.id = up.id JOIN skp s ON s.id = x.skp_id JOIN pegawai pg ON pg.id = s.pegawai_id"
    "   LEFT JOIN jabatan j ON j.id = pg.jabatan_id"
    "  ORDER BY up.asal, up.d");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, tahun);
  json_t *items = json_array(), *cur = NULL;
  int64_t asal = 0, pk_cur = 0;
  int n = 0, tertaut = 0;
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    if (db_col_int64(st, 0) != asal || !cur) {
      asal = db_col_int64(st, 0);
      cur = json_pack("{s:I,s:s,s:s,s:[],s:n}", "id", (json_int_t)asal, "rhk", db_col_text(st, 3), "kelompok", db_col_text(st, 4),
                      "rantai", "pk_indikator_id");
      json_array_append_new(items, cur);
      pk_cur = 0;
      n++;
    }
    if (pk_cur) continue;  /* the chain already reached a PK indicator */
    json_array_append_new(json_object_get(cur, "rantai"),
      json_pack("{s:I,s:s,s:i,s:{s:I,s:s,s:s,s:s}}", "rhk_id", (json_int_t)db_col_int64(st, 2), "rhk", db_col_text(st, 3),
                "tingkat", (int)db_col_int64(st, 1), "pegawai", "id", (json_int_t)db_col_int64(st, 6), "nama", db_col_text(st, 7),
                "nip", db_col_text(st, 8), "jabatan", db_col_text(st, 9)));
    if (db_col_int64(st, 5)) {
      pk_cur = db_col_int64(st, 5);
      json_object_set_new(cur, "pk_indikator_id", json_integer(pk_cur));
    }
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  size_t i;
  json_t *it;
  json_array_foreach(items, i, it) {
    int64_t pk = json_integer_value(json_object_get(it, "pk_indikator_id"));
    json_t *iku = NULL;
    json_object_set_new(it, "pk", pk ? pk_ke_atas(db, pk, &iku) : json_array());
    json_object_set_new(it, "iku", iku ? iku : json_null());
    json_object_set_new(it, "tertaut", json_boolean(iku != NULL));
    if (iku) tertaut++;
  }
  json_t *p = NULL;
  st = db_prepare(db, "SELECT nama, nip FROM pegawai WHERE id = ?1");
  if (st) {
    db_bind_int64(st, 1, pegawai_id);
    if (db_step(st) == DB_ROW) p = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)pegawai_id, "nama", db_col_text(st, 0), "nip", db_col_text(st, 1));
    db_done(st);
  }
  return json_pack("{s:o,s:i,s:o,s:{s:i,s:i}}", "pegawai", p ? p : json_null(), "tahun", tahun, "items", items,
                   "ringkasan", "rhk", n, "tertaut_iku", tertaut);
}
