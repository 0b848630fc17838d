/* siasn_terapkan.c: applying a pull preview (see siasn_terapkan.h). */
#include "siasn_terapkan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nip.h"
#include "org.h"
#include "pegawai.h"
#include "siasn_json.h"
#include "util/errs.h"
#include "util/util.h"

struct ctx {
  struct db *db;
  int64_t inst, id;
  const struct audit_actor *who;
  json_t **errs;
  json_t *unor;          /* SIASN unor rows of the batch */
  json_t *unit_cache;    /* unor id -> our unit id */
  json_t *jab_cache;     /* jabatan name (lower) -> our id */
  int unit_baru, jabatan_baru;
};

static const char *js(json_t *o, const char *k)
{
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static void galat(struct ctx *c, const char *nip, json_t *e)
{
  size_t i;
  json_t *x;
  json_array_foreach(e, i, x)
    errs_addf(c->errs, nip, "%s: %s", js(x, "field"), js(x, "message"));
}

/* Our unit for a SIASN unor id: by kode, then by name; created (with its parents) when absent.
 * 0 on error (recorded). */
static int64_t unit_untuk(struct ctx *c, const char *kode, int depth)
{
  json_t *hit = json_object_get(c->unit_cache, kode);
  if (hit) return json_integer_value(hit);
  json_t *row = json_object_get(c->unor, kode);
  int64_t id = 0;
  struct db_stmt *st = db_prepare(c->db,
    "SELECT id FROM unit_kerja WHERE instansi_id = ?1 AND aktif = 1 AND (kode = ?2 OR lower(nama) = lower(?3))"
    " ORDER BY COALESCE(kode, '') = ?2 DESC, id LIMIT 1");
  if (!st) return 0;
  db_bind_int64(st, 1, c->inst);
  db_bind_text(st, 2, kode);
  db_bind_text(st, 3, row ? js(row, "nama") : kode);
  if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
  db_done(st);
  if (!id) {
    if (!row || depth > 32) { errs_addf(c->errs, "unit_kerja", "unor SIASN %s tidak ada di referensi unor", kode); return 0; }
    const char *induk = js(row, "induk");
    int64_t induk_id = *induk && json_object_get(c->unor, induk) ? unit_untuk(c, induk, depth + 1) : 0;
    if (*induk && json_object_get(c->unor, induk) && !induk_id) return 0;
    json_t *body = json_pack("{s:s,s:s}", "kode", kode, "nama", js(row, "nama"));
    if (induk_id) json_object_set_new(body, "induk_id", json_integer(induk_id));
    json_t *e = NULL;
    int rc = unit_kerja_save(c->db, c->inst, 0, body, c->who, &e, &id);
    json_decref(body);
    if (rc != 0) {
      if (rc == 1) galat(c, "unit_kerja", e);
      json_decref(e);
      return 0;
    }
    c->unit_baru++;
  }
  json_object_set_new(c->unit_cache, kode, json_integer(id));
  return id;
}

/* Our jabatan by name (case-insensitive), created with SIASN's jenis when absent. */
static int64_t jabatan_untuk(struct ctx *c, json_t *jab)
{
  const char *nama = js(jab, "nama");
  json_t *hit = json_object_get(c->jab_cache, nama);
  if (hit) return json_integer_value(hit);
  int64_t id = 0;
  struct db_stmt *st = db_prepare(c->db, "SELECT id FROM jabatan WHERE instansi_id = ?1 AND lower(nama) = lower(?2) ORDER BY aktif DESC LIMIT 1");
  if (!st) return 0;
  db_bind_int64(st, 1, c->inst);
  db_bind_text(st, 2, nama);
  if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
  db_done(st);
  if (!id) {
    json_t *body = json_pack("{s:s,s:s}", "nama", nama, "jenis", js(jab, "jenis")), *e = NULL;
    int rc = jabatan_save(c->db, c->inst, 0, body, c->who, &e, &id);
    json_decref(body);
    if (rc != 0) {
      if (rc == 1) galat(c, "jabatan", e);
      json_decref(e);
      return 0;
    }
    c->jabatan_baru++;
  }
  json_object_set_new(c->jab_cache, nama, json_integer(id));
  return id;
}

static int peta(struct db *db, int64_t inst, const char *jenis, int64_t lokal, const char *siasn_id)
{
  if (!siasn_id || !*siasn_id) return 0;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO siasn_peta (jenis, lokal_id, instansi_id, siasn_id, diubah) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (jenis, lokal_id) DO UPDATE SET siasn_id = excluded.siasn_id, diubah = excluded.diubah");
  if (!st) return -1;
  db_bind_text(st, 1, jenis);
  db_bind_int64(st, 2, lokal);
  db_bind_int64(st, 3, inst);
  db_bind_text(st, 4, siasn_id);
  db_bind_int64(st, 5, now_unix());
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static bool ada(json_t *kolom, const char *k)
{
  size_t i;
  json_t *v;
  json_array_foreach(kolom, i, v) if (strcmp(json_string_value(v), k) == 0) return true;
  return false;
}

static int64_t id_dari(json_t *o) { return json_is_object(o) ? json_integer_value(json_object_get(o, "id")) : 0; }

/* Has this pegawai changed since the preview?  Compares the fields the preview showed. */
static int usang(struct db *db, int64_t pid, json_t *seb, bool *beda)
{
  struct pegawai_rec r;
  int rc = pegawai_load(db, pid, &r);
  if (rc != 0) { *beda = true; return rc < 0 ? -1 : 0; }
  const char *g = json_string_value(json_object_get(seb, "golongan"));
  *beda = strcmp(r.nama, js(seb, "nama")) != 0 || strcmp(r.golongan, g ? g : "") != 0 ||
          r.jabatan_id != id_dari(json_object_get(seb, "jabatan")) ||
          r.unit_kerja_id != id_dari(json_object_get(seb, "unit_kerja")) ||
          r.atasan_id != id_dari(json_object_get(seb, "atasan")) || !r.aktif;
  return 0;
}

struct langkah { int64_t pid; int kedalaman; int64_t jab, unit, atasan; bool ubah_atasan; };

static int banding_langkah(const void *a, const void *b)
{
  const struct langkah *x = a, *y = b;
  return x->kedalaman != y->kedalaman ? x->kedalaman - y->kedalaman : (x->pid > y->pid) - (x->pid < y->pid);
}

int siasn_terapkan(struct db *db, int64_t id, int64_t inst, const struct audit_actor *who, json_t **errs,
                   int *http, char *pesan, size_t n, json_t **hasil)
{
  struct ctx c = {.db = db, .inst = inst, .id = id, .who = who, .errs = errs};
  json_t *rows = json_array(), *nip2id = json_object(), *akhir = json_object();
  struct langkah *lk = NULL;
  size_t nlk = 0;
  int rc = -1, baru = 0, identitas = 0, mutasi = 0;
  c.unit_cache = json_object();
  c.jab_cache = json_object();
  *hasil = NULL;
  char today[11];
  date_today(7, today);
  /* the batch */
  struct db_stmt *st = db_prepare(db, "SELECT status, siklus, unor FROM siasn_tarikan WHERE id = ?1 AND instansi_id = ?2");
  if (!st) goto fail;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, inst);
  int s = db_step(st);
  if (s != DB_ROW) { db_done(st); rc = s == DB_DONE ? 2 : -1; goto fail; }
  char status[16];
  str_copy(status, sizeof status, db_col_text(st, 0));
  json_t *siklus = db_col_is_null(st, 1) ? NULL : json_loads(db_col_text(st, 1), 0, NULL);
  c.unor = db_col_is_null(st, 2) ? json_object() : json_loads(db_col_text(st, 2), 0, NULL);
  db_done(st);
  if (strcmp(status, "pratinjau") != 0) {
    json_decref(siklus);
    *http = 409;
    snprintf(pesan, n, strcmp(status, "diterapkan") == 0 ? "Pratinjau ini sudah diterapkan."
                     : strcmp(status, "usang") == 0 ? "Pratinjau ini sudah digantikan tarikan yang lebih baru; terapkan yang terbaru."
                     : "Tarikan ini gagal; tidak ada yang dapat diterapkan. Lihat log sinkronisasi lalu tarik ulang.");
    rc = 3;
    goto fail;
  }
  if (json_array_size(siklus)) {
    *http = 422;
    snprintf(pesan, n, "%s", js(json_array_get(siklus, 0), "pesan"));
    json_decref(siklus);
    rc = 3;
    goto fail;
  }
  json_decref(siklus);
  if (!c.unor) goto fail;
  st = db_prepare(db, "SELECT jenis, pegawai_id, isi FROM siasn_perubahan WHERE tarikan_id = ?1 AND jenis <> 'tidak_ada' ORDER BY id");
  if (!st) goto fail;
  db_bind_int64(st, 1, id);
  while (db_step(st) == DB_ROW) {
    json_t *isi = json_loads(db_col_text(st, 2), 0, NULL);
    if (!isi) continue;
    json_object_set_new(isi, "_jenis", json_string(db_col_text(st, 0)));
    json_object_set_new(isi, "_pid", json_integer(db_col_int64(st, 1)));
    json_array_append_new(rows, isi);
  }
  db_done(st);
  /* 1. nothing changed since the preview */
  size_t i;
  json_t *r;
  json_array_foreach(rows, i, r) {
    if (strcmp(js(r, "_jenis"), "berubah") != 0) continue;
    bool beda = false;
    if (usang(db, json_integer_value(json_object_get(r, "_pid")), json_object_get(r, "sebelum"), &beda) != 0) goto fail;
    if (beda) {
      *http = 409;
      snprintf(pesan, n, "Data pegawai %s (%s) berubah sejak pratinjau dibuat; tidak ada yang diterapkan. Tarik ulang dari SIASN.",
               js(r, "nama"), js(r, "nip"));
      rc = 3;
      goto fail;
    }
  }
  /* 2. new pegawai (without atasan yet), identity fields, and the target of every mutasi */
  lk = calloc(json_array_size(rows) + 1, sizeof *lk);
  if (!lk) goto fail;
  json_array_foreach(rows, i, r) {
    json_t *ses = json_object_get(r, "sesudah"), *kol = json_object_get(r, "kolom");
    const char *nip = js(r, "nip");
    bool baru_p = strcmp(js(r, "_jenis"), "baru") == 0;
    int64_t pid = json_integer_value(json_object_get(r, "_pid"));
    int64_t jab = 0, unit = 0;
    json_t *sj = json_object_get(ses, "jabatan"), *su = json_object_get(ses, "unit_kerja");
    if ((baru_p || ada(kol, "jabatan")) && json_is_object(sj) && !(jab = jabatan_untuk(&c, sj))) { if (errs_any(*errs)) { rc = 1; } goto fail; }
    if ((baru_p || ada(kol, "unit_kerja")) && json_is_object(su) && !(unit = unit_untuk(&c, js(su, "kode"), 0))) { if (errs_any(*errs)) { rc = 1; } goto fail; }
    struct pegawai_rec old, rec;
    if (baru_p) {
      memset(&rec, 0, sizeof rec);
      rec.instansi_id = inst;
      str_copy(rec.nip, sizeof rec.nip, nip);
      str_copy(rec.nama, sizeof rec.nama, js(ses, "nama"));
      str_copy(rec.gelar_depan, sizeof rec.gelar_depan, js(ses, "gelar_depan"));
      str_copy(rec.gelar_belakang, sizeof rec.gelar_belakang, js(ses, "gelar_belakang"));
      struct nip_info ni;
      str_copy(rec.jenis_asn, sizeof rec.jenis_asn, nip_validate(nip, ASN_PNS, &ni) == NIP_OK ? "PNS" : "PPPK");
      str_copy(rec.golongan, sizeof rec.golongan, js(ses, "golongan"));
      rec.jabatan_id = jab;
      rec.unit_kerja_id = unit;
      rec.aktif = 1;
      json_t *e = NULL;
      int v = pegawai_validate(db, &rec, &e);
      if (v != 0) { if (v == 1) { galat(&c, nip, e); rc = 1; } json_decref(e); goto fail; }
      const char *tmt = js(ses, "tmt_jabatan");
      if (pegawai_insert(db, &rec, *tmt && strcmp(tmt, today) <= 0 ? tmt : today, who) != 0) goto fail;
      pid = rec.id;
      baru++;
    } else {
      if (pegawai_load(db, pid, &old) != 0) goto fail;
      rec = old;
      if (ada(kol, "nama")) str_copy(rec.nama, sizeof rec.nama, js(ses, "nama"));
      if (ada(kol, "golongan")) str_copy(rec.golongan, sizeof rec.golongan, js(ses, "golongan"));
      if (ada(kol, "nama") || ada(kol, "golongan")) {
        json_t *e = NULL;
        int v = pegawai_validate(db, &rec, &e);
        if (v != 0) { if (v == 1) { galat(&c, nip, e); rc = 1; } json_decref(e); goto fail; }
        if (pegawai_update(db, &old, &rec, who) != 0) goto fail;
        identitas++;
      }
      if (!ada(kol, "jabatan")) jab = old.jabatan_id;
      if (!ada(kol, "unit_kerja")) unit = old.unit_kerja_id;
    }
    json_object_set_new(nip2id, nip, json_integer(pid));
    if (peta(db, inst, "pegawai", pid, js(r, "siasn_id")) != 0) goto fail;
    if (unit && json_is_object(su) && peta(db, inst, "unit_kerja", unit, js(su, "kode")) != 0) goto fail;
    json_t *sa = json_object_get(ses, "atasan");
    bool ubah_atasan = json_is_object(sa) && (baru_p || ada(kol, "atasan"));
    if (ubah_atasan) json_object_set_new(akhir, nip, json_string(js(sa, "nip")));
    if (ubah_atasan || (!baru_p && (ada(kol, "jabatan") || ada(kol, "unit_kerja"))))
      lk[nlk++] = (struct langkah){.pid = pid, .jab = jab, .unit = unit, .ubah_atasan = ubah_atasan};
  }
  /* 3. mutasi, atasan changes top-down: each new atasan's own chain is final before it is used */
  for (size_t k = 0; k < nlk; k++) {
    struct pegawai_rec p;
    if (pegawai_load(db, lk[k].pid, &p) != 0) goto fail;
    lk[k].atasan = p.atasan_id;
    if (!lk[k].ubah_atasan) continue;
    const char *an = json_string_value(json_object_get(akhir, p.nip));
    json_t *hit = json_object_get(nip2id, an);
    if (hit) lk[k].atasan = json_integer_value(hit);
    else {
      st = db_prepare(db, "SELECT id FROM pegawai WHERE nip = ?1 AND instansi_id = ?2 AND aktif = 1");
      if (!st) goto fail;
      db_bind_text(st, 1, an);
      db_bind_int64(st, 2, inst);
      lk[k].atasan = db_step(st) == DB_ROW ? db_col_int64(st, 0) : 0;
      db_done(st);
      if (!lk[k].atasan) { errs_addf(errs, p.nip, "atasan menurut SIASN (NIP %s) tidak ada di instansi ini", an); rc = 1; goto fail; }
    }
    /* depth in the final tree: pending changes first, then today's atasan */
    int d = 0;
    int64_t x = lk[k].atasan;
    while (x && d < 70) {
      struct pegawai_rec q;
      if (pegawai_load(db, x, &q) != 0) break;
      const char *fa = json_string_value(json_object_get(akhir, q.nip));
      json_t *h2 = fa ? json_object_get(nip2id, fa) : NULL;
      x = fa ? (h2 ? json_integer_value(h2) : -1) : q.atasan_id;
      if (x == -1) {   /* an existing pegawai by NIP */
        st = db_prepare(db, "SELECT id FROM pegawai WHERE nip = ?1");
        if (!st) goto fail;
        db_bind_text(st, 1, fa);
        x = db_step(st) == DB_ROW ? db_col_int64(st, 0) : 0;
        db_done(st);
      }
      d++;
    }
    lk[k].kedalaman = d;
  }
  qsort(lk, nlk, sizeof *lk, banding_langkah);
  for (size_t k = 0; k < nlk; k++) {
    json_t *e = NULL;
    int v = pegawai_mutasi(db, lk[k].pid, lk[k].jab, lk[k].unit, lk[k].atasan, today, who, &e);
    if (v != 0) {
      if (v == 1) {
        struct pegawai_rec p;
        galat(&c, pegawai_load(db, lk[k].pid, &p) == 0 ? p.nip : "pegawai", e);
        rc = 1;
      }
      json_decref(e);
      goto fail;
    }
    mutasi++;
  }
  /* 4. the batch itself */
  st = db_prepare(db, "UPDATE siasn_tarikan SET status = 'diterapkan', diterapkan = ?2, diterapkan_oleh = ?3 WHERE id = ?1");
  if (!st) goto fail;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, now_unix());
  db_bind_id(st, 3, who->pengguna_id);
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) goto fail;
  *hasil = json_pack("{s:I,s:i,s:i,s:i,s:i,s:i}", "tarikan_id", (json_int_t)id, "pegawai_baru", baru, "identitas_diubah", identitas,
                     "mutasi", mutasi, "unit_baru", c.unit_baru, "jabatan_baru", c.jabatan_baru);
  if (audit_append(db, who, inst, "siasn.terapkan", "siasn_tarikan", id, NULL, *hasil) != 0) { json_decref(*hasil); *hasil = NULL; goto fail; }
  rc = 0;
fail:
  free(lk);
  json_decref(rows);
  json_decref(nip2id);
  json_decref(akhir);
  json_decref(c.unor);
  json_decref(c.unit_cache);
  json_decref(c.jab_cache);
  return rc;
}
