/* laporan_organisasi.c: the organisation reports (issue 15 part 5) as tables for
 * report_tabel_pdf/xlsx:
 *  - the cascade tree of an instansi's year: each IKU with a target that year, the unit PK
 *    indicators under it (and those of the units below, by induk_id), the RHK linked to them
 *    and the bawahan RHK intervening in those, depth first, with targets and capaian;
 *  - the IKU capaian recap: per IKU the realisasi and capaian of triwulan I-IV and the annual
 *    realisasi, and the final capaian (the annual one, else the latest quarter), as computed by
 *    org_capaian (rules/capaian_org.c). */
#include "laporan_organisasi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "organisasi.h"
#include "util/util.h"

#define BARIS_MAKS 20000

static json_t *teks_atau_null(const char *s) { return s && s[0] ? json_string(s) : json_null(); }

/* "95.5" -> 95.5 as a JSON number (for XLSX number cells), or null. */
static json_t *angka(json_t *s)
{
  const char *t = json_string_value(s);
  if (!t || !t[0]) return json_null();
  char *end = NULL;
  double d = strtod(t, &end);
  return end && !*end ? json_real(d) : json_string(t);
}

static void instansi_nama(struct db *db, int64_t inst, char *out, size_t n)
{
  out[0] = '\0';
  struct db_stmt *st = db_prepare(db, "SELECT nama FROM instansi WHERE id = ?1");
  if (!st) return;
  db_bind_int64(st, 1, inst);
  if (db_step(st) == DB_ROW) str_copy(out, n, db_col_text(st, 0));
  db_done(st);
}

/* The capaian of every PK indicator and IKU of the year: "pk:ID" / "iku:ID" -> capaian text. */
static json_t *peta_capaian(json_t *cap)
{
  json_t *peta = json_object();
  size_t i, k;
  json_t *u, *x;
  json_array_foreach(json_object_get(cap, "unit"), i, u) json_array_foreach(json_object_get(u, "indikator"), k, x) {
    char key[40];
    snprintf(key, sizeof key, "pk:%lld", (long long)json_integer_value(json_object_get(x, "id")));
    json_object_set(peta, key, json_object_get(x, "capaian"));
  }
  json_array_foreach(json_object_get(cap, "iku"), i, x) {
    char key[40];
    snprintf(key, sizeof key, "iku:%lld", (long long)json_integer_value(json_object_get(x, "id")));
    json_object_set(peta, key, json_object_get(x, "capaian"));
  }
  return peta;
}

static json_t *capaian_dari(json_t *peta, const char *jenis, json_int_t id)
{
  char key[40];
  snprintf(key, sizeof key, "%s:%lld", jenis, (long long)id);
  return angka(json_object_get(peta, key));
}

static void indentasi(char *out, size_t n, int d, const char *s)
{
  char pre[64] = "";
  size_t k = 0;
  for (int i = 0; i < d && k + 3 < sizeof pre; i++) { pre[k++] = ' '; pre[k++] = ' '; pre[k++] = ' '; }
  pre[k] = '\0';
  snprintf(out, n, "%s%s%s", pre, d ? "- " : "", s);
}

struct pohon_ctx { json_t *pk, *rhk, *baris, *peta; int n; };

static void tambah(struct pohon_ctx *c, json_t *row)
{
  if (c->n++ < BARIS_MAKS) json_array_append_new(c->baris, row);
  else json_decref(row);
}

static void rhk_turun(struct pohon_ctx *c, json_int_t atas, int d, int tingkat)
{
  if (tingkat > 15) return;
  size_t i;
  json_t *r;
  json_array_foreach(c->rhk, i, r) {
    if (json_integer_value(json_object_get(r, "rhk_atasan_id")) != atas) continue;
    char u[1200], peg[300];
    json_t *p = json_object_get(r, "pegawai");
    indentasi(u, sizeof u, d, json_string_value(json_object_get(r, "rhk")));
    snprintf(peg, sizeof peg, "%s (NIP %s)", json_string_value(json_object_get(p, "nama")), json_string_value(json_object_get(p, "nip")));
    tambah(c, json_pack("[s,s,s,s,n,n]", "RHK bawahan", u, json_string_value(json_object_get(p, "unit_kerja")), peg));
    rhk_turun(c, json_integer_value(json_object_get(r, "id")), d + 1, tingkat + 1);
  }
}

static void pk_turun(struct pohon_ctx *c, json_t *pk, int d, int tingkat)
{
  if (tingkat > 20) return;
  json_int_t id = json_integer_value(json_object_get(pk, "id"));
  char u[1200], tgt[120];
  indentasi(u, sizeof u, d, json_string_value(json_object_get(pk, "indikator")));
  snprintf(tgt, sizeof tgt, "%s %s", json_string_value(json_object_get(pk, "target")), json_string_value(json_object_get(pk, "satuan")));
  tambah(c, json_pack("[s,s,s,n,s,o]", "PK unit", u, json_string_value(json_object_get(json_object_get(pk, "unit_kerja"), "nama")),
                      tgt, capaian_dari(c->peta, "pk", id)));
  size_t i;
  json_t *r;
  json_array_foreach(c->rhk, i, r) {
    if (json_integer_value(json_object_get(r, "pk_indikator_id")) != id) continue;
    char v[1200], peg[300];
    json_t *p = json_object_get(r, "pegawai");
    indentasi(v, sizeof v, d + 1, json_string_value(json_object_get(r, "rhk")));
    snprintf(peg, sizeof peg, "%s (NIP %s)", json_string_value(json_object_get(p, "nama")), json_string_value(json_object_get(p, "nip")));
    tambah(c, json_pack("[s,s,s,s,n,n]", "RHK pegawai", v, json_string_value(json_object_get(p, "unit_kerja")), peg));
    rhk_turun(c, json_integer_value(json_object_get(r, "id")), d + 2, 0);
  }
  json_t *x;
  json_array_foreach(c->pk, i, x)
    if (json_integer_value(json_object_get(x, "induk_id")) == id) pk_turun(c, x, d + 1, tingkat + 1);
}

json_t *laporan_org_pohon(struct db *db, int64_t inst, int tahun, const struct principal *who, char *instansi, size_t n)
{
  instansi_nama(db, inst, instansi, n);
  json_t *cap = org_capaian(db, inst, tahun, 0);
  if (!cap) return NULL;
  struct pohon_ctx c = {.baris = json_array(), .peta = peta_capaian(cap)};
  size_t i;
  json_t *k;
  json_array_foreach(json_object_get(cap, "iku"), i, k) {
    json_int_t id = json_integer_value(json_object_get(k, "id"));
    json_t *p = org_pohon_iku(db, id, tahun, who);
    if (!p) { json_decref(cap); json_decref(c.peta); json_decref(c.baris); return NULL; }
    char u[1200], tgt[120];
    snprintf(u, sizeof u, "%s%s%s", json_string_value(json_object_get(k, "kode")) ? json_string_value(json_object_get(k, "kode")) : "",
             json_string_value(json_object_get(k, "kode")) ? " " : "", json_string_value(json_object_get(k, "indikator")));
    snprintf(tgt, sizeof tgt, "%s %s", json_string_value(json_object_get(k, "target")), json_string_value(json_object_get(k, "satuan")));
    const char *unit = json_string_value(json_object_get(k, "unit_kerja"));
    tambah(&c, json_pack("[s,s,o,n,s,o]", "IKU", u, teks_atau_null(unit && unit[0] ? unit : "Instansi"), tgt, capaian_dari(c.peta, "iku", id)));
    c.pk = json_object_get(p, "pk");
    c.rhk = json_object_get(p, "rhk");
    size_t j;
    json_t *x;
    json_array_foreach(c.pk, j, x)
      if (json_integer_value(json_object_get(x, "iku_id")) == id) pk_turun(&c, x, 1, 0);
    json_decref(p);
  }
  json_decref(cap);
  json_decref(c.peta);
  return c.baris;
}

json_t *laporan_org_rekap_iku(struct db *db, int64_t inst, int tahun, char *instansi, size_t n)
{
  instansi_nama(db, inst, instansi, n);
  json_t *cap = org_capaian(db, inst, tahun, 0);
  if (!cap) return NULL;
  json_t *baris = json_array();
  size_t i;
  json_t *k;
  json_array_foreach(json_object_get(cap, "iku"), i, k) {
    char ind[1200];
    snprintf(ind, sizeof ind, "%s (%s, %s)", json_string_value(json_object_get(k, "indikator")), json_string_value(json_object_get(k, "satuan")),
             !strcmp(json_string_value(json_object_get(k, "arah")), "turun") ? "semakin rendah semakin baik" : "semakin tinggi semakin baik");
    json_t *row = json_pack("[o,s,s,o]", teks_atau_null(json_string_value(json_object_get(k, "kode"))), ind,
                            json_string_value(json_object_get(k, "sasaran")), angka(json_object_get(k, "target")));
    for (int p = 0; p < 5; p++) {
      json_t *r = json_array_get(json_object_get(k, "realisasi"), (size_t)p);
      const char *re = json_string_value(json_object_get(r, "realisasi")), *ca = json_string_value(json_object_get(r, "capaian"));
      char sel[128];
      if (!re) { json_array_append_new(row, json_null()); continue; }
      char cs[48];
      str_copy(cs, sizeof cs, ca ? ca : "-");
      for (char *q = cs; *q; q++) if (*q == '.') *q = ',';
      char rs[48];
      str_copy(rs, sizeof rs, re);
      for (char *q = rs; *q; q++) if (*q == '.') *q = ',';
      snprintf(sel, sizeof sel, "%s (%s %%)", rs, cs);
      json_array_append_new(row, json_string(sel));
    }
    json_array_append_new(row, angka(json_object_get(k, "capaian")));
    json_array_append_new(row, teks_atau_null(json_string_value(json_object_get(k, "dasar"))));
    json_array_append_new(baris, row);
  }
  json_decref(cap);
  return baris;
}
