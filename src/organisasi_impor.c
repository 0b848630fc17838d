/* organisasi_impor.c: the Renstra, IKU and PK of an instansi from one CSV file (issue 15 part 1;
 * docs/import-kinerja-organisasi.md).  Columns by header name:
 *   jenis        sasaran | iku | pk
 *   kode         code of the sasaran or IKU (rows of one IKU with the same kode add years)
 *   induk_kode   iku: the sasaran's kode; pk: the IKU's kode
 *   unit_kode    sasaran: the unit whose Renstra (empty = instansi); pk: the unit (required)
 *   sasaran, indikator, satuan, arah (naik/turun)
 *   tahun        sasaran: first year; iku/pk: the year of the target
 *   tahun_selesai sasaran: last year
 *   target       iku/pk: the target of that year
 * Every row goes through the same writers as the API (organisasi_target.c, organisasi_pk.c), in
 * the caller's transaction: one bad row rejects the file (errors under "baris N.kolom"). */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "organisasi_internal.h"
#include "util/errs.h"
#include "util/util.h"

#define IMPOR_BARIS_MAKS 5000
#define IMPOR_KOLOM 11
static const char *const KOLOM[IMPOR_KOLOM] = {"jenis", "kode", "induk_kode", "unit_kode", "sasaran", "indikator", "satuan",
                                                "arah", "tahun", "tahun_selesai", "target"};
enum { K_JENIS, K_KODE, K_INDUK, K_UNIT, K_SASARAN, K_INDIKATOR, K_SATUAN, K_ARAH, K_TAHUN, K_SELESAI, K_TARGET };

struct impor {
  json_t *baris;        /* array of arrays of strings */
  json_t *cur;
  bool terlalu_banyak;
};

static void on_field(void *s, size_t len, void *data)
{
  struct impor *m = data;
  if (!m->cur) m->cur = json_array();
  json_array_append_new(m->cur, json_stringn_nocheck(s ? s : "", s ? len : 0));
}

static void on_row(int c, void *data)
{
  (void)c;
  struct impor *m = data;
  if (!m->cur) return;
  if (json_array_size(m->baris) >= IMPOR_BARIS_MAKS + 1) m->terlalu_banyak = true;
  else json_array_append(m->baris, m->cur);
  json_decref(m->cur);
  m->cur = NULL;
}

static const char *sel(json_t *row, const int idx[IMPOR_KOLOM], int k)
{
  if (idx[k] < 0) return "";
  const char *s = json_string_value(json_array_get(row, (size_t)idx[k]));
  return s ? s : "";
}

/* Copies the errors of one row into *errs as "baris N.kolom". */
static void salin_galat(json_t **errs, json_t *baris_errs, int no)
{
  size_t i;
  json_t *e;
  json_array_foreach(baris_errs, i, e) {
    char f[120];
    snprintf(f, sizeof f, "baris %d.%s", no, json_string_value(json_object_get(e, "field")));
    errs_add(errs, f, json_string_value(json_object_get(e, "message")));
  }
}

static int64_t cari_kode(struct db *db, const char *sql, int64_t inst, const char *kode)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_text(st, 2, kode);
  int64_t id = db_step(st) == DB_ROW ? db_col_int64(st, 0) : 0;
  db_done(st);
  return id;
}

/* A number cell as a JSON integer when it is one, else as text (the writer reports it). */
static json_t *angka(const char *s)
{
  int64_t v;
  if (parse_int64(s, 0, 3000, &v) == 0) return json_integer(v);
  return json_string(s);
}

int org_impor_csv(struct db *db, int64_t inst, const char *data, size_t len, const struct audit_actor *who, json_t **errs,
                  struct org_hasil *h)
{
  struct impor m = {.baris = json_array()};
  struct csv_parser p;
  if (csv_init(&p, CSV_APPEND_NULL) != 0) { json_decref(m.baris); return -1; }
  size_t sc = 0, cc = 0;
  for (size_t i = 0; i < len && data[i] != '\n'; i++) { if (data[i] == ';') sc++; else if (data[i] == ',') cc++; }
  csv_set_delim(&p, sc > cc ? ';' : ',');
  if (csv_parse(&p, data, len, on_field, on_row, &m) != len) errs_addf(errs, "berkas", "berkas CSV rusak: %s", csv_strerror(csv_error(&p)));
  csv_fini(&p, on_field, on_row, &m);
  csv_free(&p);
  json_decref(m.cur);
  if (m.terlalu_banyak) errs_addf(errs, "berkas", "paling banyak %d baris data", IMPOR_BARIS_MAKS);
  if (json_array_size(m.baris) < 2 && !errs_any(*errs)) errs_add(errs, "berkas", "berkas kosong: perlu baris judul dan minimal satu baris data");
  if (errs_any(*errs)) { json_decref(m.baris); return 1; }
  int idx[IMPOR_KOLOM];
  json_t *judul = json_array_get(m.baris, 0);
  for (int k = 0; k < IMPOR_KOLOM; k++) {
    idx[k] = -1;
    size_t i;
    json_t *v;
    json_array_foreach(judul, i, v) {
      const char *s = json_string_value(v);
      if (s && !strncmp(s, "\xEF\xBB\xBF", 3)) s += 3;   /* a BOM before the first name */
      if (s && !strcmp(s, KOLOM[k])) idx[k] = (int)i;
    }
  }
  if (idx[K_JENIS] < 0) { errs_add(errs, "berkas", "kolom 'jenis' tidak ada pada baris judul"); json_decref(m.baris); return 1; }
  int n_sasaran = 0, n_iku = 0, n_pk = 0, rc = 0;
  for (size_t r = 1; r < json_array_size(m.baris) && rc >= 0; r++) {
    json_t *row = json_array_get(m.baris, r);
    int no = (int)r + 1;
    const char *jenis = sel(row, idx, K_JENIS);
    if (!jenis[0] && json_array_size(row) <= 1) continue;   /* an empty line */
    json_t *body = json_object(), *be = NULL;
    struct org_hasil hh = {0};
    int x = 1;
    const char *kode = sel(row, idx, K_KODE), *induk = sel(row, idx, K_INDUK), *unit = sel(row, idx, K_UNIT);
    int64_t unit_id = 0;
    if (unit[0]) {
      unit_id = cari_kode(db, "SELECT id FROM unit_kerja WHERE instansi_id = ?1 AND kode = ?2", inst, unit);
      if (unit_id < 0) { json_decref(body); rc = -1; break; }
      if (!unit_id) { char f[40]; snprintf(f, sizeof f, "baris %d.unit_kode", no); errs_add(errs, f, "unit kerja dengan kode ini tidak ada"); json_decref(body); continue; }
    }
    if (!strcmp(jenis, "sasaran")) {
      json_object_set_new(body, "sasaran", json_string(sel(row, idx, K_SASARAN)));
      if (kode[0]) json_object_set_new(body, "kode", json_string(kode));
      json_object_set_new(body, "tahun_mulai", angka(sel(row, idx, K_TAHUN)));
      json_object_set_new(body, "tahun_selesai", angka(sel(row, idx, K_SELESAI)));
      if (unit_id) json_object_set_new(body, "unit_kerja_id", json_integer(unit_id));
      x = org_sasaran_buat(db, inst, body, who, &be, &hh);
      if (x == 0) n_sasaran++;
    } else if (!strcmp(jenis, "iku")) {
      json_t *target = json_pack("[{s:o,s:s}]", "tahun", angka(sel(row, idx, K_TAHUN)), "target", sel(row, idx, K_TARGET));
      int64_t ada = kode[0] ? cari_kode(db, "SELECT id FROM iku WHERE instansi_id = ?1 AND kode = ?2 ORDER BY id DESC", inst, kode) : 0;
      if (ada < 0) { json_decref(target); json_decref(body); rc = -1; break; }
      if (ada) {
        /* another year of an IKU already in the file or the database: add it to its targets */
        json_t *lama = org_iku_json(db, ada, NULL), *semua = json_array();
        size_t i;
        json_t *t;
        json_array_foreach(json_object_get(lama, "target"), i, t)
          if (json_integer_value(json_object_get(t, "tahun")) != json_integer_value(json_object_get(json_array_get(target, 0), "tahun")))
            json_array_append(semua, t);
        json_array_extend(semua, target);
        json_decref(lama);
        json_object_set_new(body, "target", semua);
        x = org_iku_ubah(db, inst, ada, body, who, &be, &hh);
      } else {
        int64_t sid = cari_kode(db, "SELECT id FROM sasaran_strategis WHERE instansi_id = ?1 AND kode = ?2 ORDER BY id DESC", inst, induk);
        if (sid < 0) { json_decref(target); json_decref(body); rc = -1; break; }
        json_object_set_new(body, "sasaran_id", sid ? json_integer(sid) : json_null());
        if (kode[0]) json_object_set_new(body, "kode", json_string(kode));
        json_object_set_new(body, "indikator", json_string(sel(row, idx, K_INDIKATOR)));
        json_object_set_new(body, "satuan", json_string(sel(row, idx, K_SATUAN)));
        if (sel(row, idx, K_ARAH)[0]) json_object_set_new(body, "arah", json_string(sel(row, idx, K_ARAH)));
        json_object_set_new(body, "target", json_incref(target));
        x = org_iku_buat(db, inst, body, who, &be, &hh);
        if (x == 0) n_iku++;
      }
      json_decref(target);
    } else if (!strcmp(jenis, "pk")) {
      int64_t iku = induk[0] ? cari_kode(db, "SELECT id FROM iku WHERE instansi_id = ?1 AND kode = ?2 ORDER BY id DESC", inst, induk) : 0;
      if (iku < 0) { json_decref(body); rc = -1; break; }
      if (induk[0] && !iku) { char f[40]; snprintf(f, sizeof f, "baris %d.induk_kode", no); errs_add(errs, f, "IKU dengan kode ini tidak ada"); json_decref(body); continue; }
      json_object_set_new(body, "unit_kerja_id", unit_id ? json_integer(unit_id) : json_null());
      json_object_set_new(body, "tahun", angka(sel(row, idx, K_TAHUN)));
      json_object_set_new(body, "sasaran", json_string(sel(row, idx, K_SASARAN)));
      json_object_set_new(body, "indikator", json_string(sel(row, idx, K_INDIKATOR)));
      json_object_set_new(body, "satuan", json_string(sel(row, idx, K_SATUAN)));
      json_object_set_new(body, "target", json_string(sel(row, idx, K_TARGET)));
      if (sel(row, idx, K_ARAH)[0]) json_object_set_new(body, "arah", json_string(sel(row, idx, K_ARAH)));
      if (iku) json_object_set_new(body, "iku_id", json_integer(iku));
      x = org_pk_buat(db, inst, body, who, &be, &hh);
      if (x == 0) n_pk++;
    } else {
      char f[40];
      snprintf(f, sizeof f, "baris %d.jenis", no);
      errs_add(errs, f, "harus sasaran, iku atau pk");
      json_decref(body);
      continue;
    }
    json_decref(body);
    json_decref(hh.hasil);
    if (x == 1) salin_galat(errs, be, no);
    else if (x == 3 || x == 2) { char f[40]; snprintf(f, sizeof f, "baris %d", no); errs_add(errs, f, hh.pesan ? hh.pesan : "tidak ditemukan"); }
    else if (x < 0) rc = -1;
    json_decref(be);
  }
  json_decref(m.baris);
  if (rc < 0) return -1;
  if (errs_any(*errs)) return 1;
  h->hasil = json_pack("{s:i,s:i,s:i}", "sasaran", n_sasaran, "iku", n_iku, "pk", n_pk);
  return 0;
}
