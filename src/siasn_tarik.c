/* siasn_tarik.c: pull batches (see siasn_tarik.h). */
#include "siasn_tarik.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "siasn_ambil.h"
#include "siasn_banding.h"
#include "util/util.h"

/* The SIASN id of every pulled pegawai we have (integration data, not our organisation: it
 * lets later pulls resolve the pemimpin of a unor to one of our pegawai). */
static int petakan(struct db *db, int64_t inst, json_t *pns)
{
  const char *nip;
  json_t *r;
  json_object_foreach(pns, nip, r) {
    const char *sid = json_string_value(json_object_get(r, "siasn_id"));
    if (!sid) continue;
    struct db_stmt *st = db_prepare(db,
      "INSERT INTO siasn_peta (jenis, lokal_id, instansi_id, siasn_id, diubah)"
      " SELECT 'pegawai', p.id, p.instansi_id, ?3, ?4 FROM pegawai p WHERE p.nip = ?1 AND p.instansi_id = ?2"
      " ON CONFLICT (jenis, lokal_id) DO UPDATE SET siasn_id = excluded.siasn_id, diubah = excluded.diubah");
    if (!st) return -1;
    db_bind_text(st, 1, nip);
    db_bind_int64(st, 2, inst);
    db_bind_text(st, 3, sid);
    db_bind_int64(st, 4, now_unix());
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  return 0;
}

static int simpan(struct db *db, int64_t id, int64_t inst, json_t *banding)
{
  struct db_stmt *st = db_prepare(db, "UPDATE siasn_tarikan SET status = 'usang' WHERE instansi_id = ?1 AND status = 'pratinjau' AND id <> ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, id);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  size_t i;
  json_t *p;
  json_array_foreach(json_object_get(banding, "perubahan"), i, p) {
    char *isi = json_dumps(json_object_get(p, "isi"), JSON_COMPACT);
    st = isi ? db_prepare(db, "INSERT INTO siasn_perubahan (tarikan_id, jenis, nip, pegawai_id, atasan, isi)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)") : NULL;
    if (!st) { free(isi); return -1; }
    db_bind_int64(st, 1, id);
    db_bind_text(st, 2, json_string_value(json_object_get(p, "jenis")));
    db_bind_text(st, 3, json_string_value(json_object_get(p, "nip")));
    db_bind_id(st, 4, json_integer_value(json_object_get(p, "pegawai_id")));
    db_bind_int64(st, 5, json_is_true(json_object_get(p, "atasan")));
    db_bind_text(st, 6, isi);
    s = db_step(st);
    db_done(st);
    free(isi);
    if (s != DB_DONE) return -1;
  }
  json_t *siklus = json_object_get(banding, "siklus");
  char *sj = json_array_size(siklus) ? json_dumps(siklus, JSON_COMPACT) : NULL;
  char *cj = json_dumps(json_object_get(banding, "catatan"), JSON_COMPACT);
  char *uj = json_dumps(json_object_get(banding, "unor"), JSON_COMPACT);
  st = cj && uj ? db_prepare(db, "UPDATE siasn_tarikan SET status = 'pratinjau', pesan = ?2, siklus = ?3, catatan = ?4, unor = ?5 WHERE id = ?1") : NULL;
  if (st) {
    db_bind_int64(st, 1, id);
    db_bind_text(st, 2, sj ? "Perubahan atasan membentuk siklus; pratinjau ini tidak dapat diterapkan." : NULL);
    db_bind_text(st, 3, sj);
    db_bind_text(st, 4, cj);
    db_bind_text(st, 5, uj);
    s = db_step(st);
    db_done(st);
  }
  free(sj);
  free(cj);
  free(uj);
  return st && s == DB_DONE ? 0 : -1;
}

int siasn_tarik(struct db *db, int64_t inst, json_t *nips, const char *berkas, int64_t pengguna_id,
                int64_t *tarikan_id, enum siasn_hasil *hasil, char *err, size_t n)
{
  struct siasn_sesi s;
  json_t *snap = NULL, *banding = NULL;
  *tarikan_id = 0;
  *hasil = SIASN_KONFIG;
  int rc = siasn_sesi_buka(&s, db, inst, berkas, err, n);
  if (rc != 0) goto out;
  rc = -1;
  /* the batch row first, so the log rows can point at it; 'gagal' until it is complete */
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO siasn_tarikan (instansi_id, status, nip_diminta, pesan, dibuat, dibuat_oleh)"
    " VALUES (?1, 'gagal', ?2, 'tarikan belum selesai', ?3, ?4) RETURNING id");
  if (!st) goto out;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, nips ? (int64_t)json_array_size(nips) : 0);
  db_bind_int64(st, 3, now_unix());
  db_bind_id(st, 4, pengguna_id);
  if (db_step(st) == DB_ROW) *tarikan_id = db_col_int64(st, 0);
  db_done(st);
  if (!*tarikan_id) goto out;
  s.tarikan_id = *tarikan_id;
  *hasil = siasn_ambil(&s, nips, &snap, err, n);
  if (!nips && snap) {
    st = db_prepare(db, "UPDATE siasn_tarikan SET nip_diminta = ?2 WHERE id = ?1");
    if (st) {
      db_bind_int64(st, 1, *tarikan_id);
      db_bind_int64(st, 2, (int64_t)(json_object_size(json_object_get(snap, "pns")) + json_array_size(json_object_get(snap, "tidak_ada"))));
      db_step(st);
      db_done(st);
    }
  }
  if (*hasil != SIASN_OK) {
    st = db_prepare(db, "UPDATE siasn_tarikan SET pesan = ?2 WHERE id = ?1");
    if (!st) goto out;
    db_bind_int64(st, 1, *tarikan_id);
    db_bind_text(st, 2, err);
    int x = db_step(st);
    db_done(st);
    rc = x == DB_DONE ? 0 : -1;
    goto out;
  }
  if (db_begin_write(db) != DB_OK) goto out;
  if (petakan(db, inst, json_object_get(snap, "pns")) != 0) { db_rollback(db); goto out; }
  if (!(banding = siasn_banding(db, inst, snap))) { db_rollback(db); goto out; }
  if (simpan(db, *tarikan_id, inst, banding) != 0 || db_commit(db) != DB_OK) { db_rollback(db); goto out; }
  rc = 0;
out:
  siasn_sesi_tutup(&s);
  json_decref(snap);
  json_decref(banding);
  return rc;
}

static json_t *muat_json(const char *s)
{
  json_t *j = s ? json_loads(s, 0, NULL) : NULL;
  return j ? j : json_null();
}

static json_t *kepala(struct db_stmt *st)
{
  json_t *o = json_pack("{s:I,s:I,s:s,s:I,s:I}", "id", (json_int_t)db_col_int64(st, 0), "instansi_id",
                        (json_int_t)db_col_int64(st, 1), "status", db_col_text(st, 2), "nip_diminta",
                        (json_int_t)db_col_int64(st, 3), "dibuat", (json_int_t)db_col_int64(st, 4));
  json_object_set_new(o, "pesan", db_col_is_null(st, 5) ? json_null() : json_string(db_col_text(st, 5)));
  json_object_set_new(o, "dibuat_oleh", db_col_is_null(st, 6) ? json_null() : json_integer(db_col_int64(st, 6)));
  json_object_set_new(o, "diterapkan", db_col_is_null(st, 7) ? json_null() : json_integer(db_col_int64(st, 7)));
  json_object_set_new(o, "diterapkan_oleh", db_col_is_null(st, 8) ? json_null() : json_integer(db_col_int64(st, 8)));
  return o;
}

#define KEPALA "id, instansi_id, status, nip_diminta, dibuat, pesan, dibuat_oleh, diterapkan, diterapkan_oleh"

json_t *siasn_tarikan_json(struct db *db, int64_t id, int64_t *inst)
{
  struct db_stmt *st = db_prepare(db, "SELECT " KEPALA ", siklus, catatan FROM siasn_tarikan WHERE id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *o = NULL;
  if (db_step(st) == DB_ROW) {
    o = kepala(st);
    if (inst) *inst = db_col_int64(st, 1);
    json_t *sik = muat_json(db_col_is_null(st, 9) ? NULL : db_col_text(st, 9));
    json_object_set_new(o, "siklus", json_is_array(sik) ? sik : (json_decref(sik), json_array()));
    json_t *cat = muat_json(db_col_is_null(st, 10) ? NULL : db_col_text(st, 10));
    json_object_set_new(o, "catatan", json_is_array(cat) ? cat : (json_decref(cat), json_array()));
  }
  db_done(st);
  if (!o) return NULL;
  st = db_prepare(db, "SELECT id, jenis, nip, pegawai_id, atasan, isi FROM siasn_perubahan WHERE tarikan_id = ?1"
                      " ORDER BY CASE jenis WHEN 'baru' THEN 0 WHEN 'berubah' THEN 1 ELSE 2 END, atasan DESC, nip");
  if (!st) { json_decref(o); return NULL; }
  db_bind_int64(st, 1, id);
  json_t *items = json_array(), *atasan = json_array();
  int baru = 0, berubah = 0, tidak_ada = 0;
  while (db_step(st) == DB_ROW) {
    json_t *isi = muat_json(db_col_text(st, 5));
    const char *jenis = db_col_text(st, 1);
    json_t *p = json_pack("{s:I,s:s,s:s,s:o,s:b,s:O,s:O,s:O,s:O,s:O}", "id", (json_int_t)db_col_int64(st, 0), "jenis", jenis,
                          "nip", db_col_text(st, 2), "pegawai_id", db_col_is_null(st, 3) ? json_null() : json_integer(db_col_int64(st, 3)),
                          "atasan_berubah", (int)db_col_int64(st, 4), "nama", json_object_get(isi, "nama"), "kolom",
                          json_object_get(isi, "kolom"), "sebelum", json_object_get(isi, "sebelum"), "sesudah",
                          json_object_get(isi, "sesudah"), "siasn_id", json_object_get(isi, "siasn_id"));
    if (p) json_array_append_new(items, p);
    if (db_col_int64(st, 4)) {
      json_t *seb = json_object_get(isi, "sebelum");
      json_array_append_new(atasan, json_pack("{s:s,s:O,s:O,s:O}", "nip", db_col_text(st, 2), "nama", json_object_get(isi, "nama"),
        "dari", json_is_object(seb) ? json_object_get(seb, "atasan") : json_null(),
        "ke", json_object_get(json_object_get(isi, "sesudah"), "atasan")));
    }
    baru += strcmp(jenis, "baru") == 0;
    berubah += strcmp(jenis, "berubah") == 0;
    tidak_ada += strcmp(jenis, "tidak_ada") == 0;
    json_decref(isi);
  }
  db_done(st);
  json_object_set_new(o, "ringkasan", json_pack("{s:i,s:i,s:i,s:i}", "baru", baru, "berubah", berubah, "tidak_ada", tidak_ada,
                                                "atasan", (int)json_array_size(atasan)));
  json_object_set_new(o, "perubahan_atasan", atasan);
  json_object_set_new(o, "perubahan", items);
  const char *status = json_string_value(json_object_get(o, "status"));
  json_object_set_new(o, "dapat_diterapkan", json_boolean(strcmp(status, "pratinjau") == 0 &&
                      json_array_size(json_object_get(o, "siklus")) == 0 && baru + berubah > 0));
  return o;
}

json_t *siasn_tarikan_list(struct db *db, int64_t inst, int limit)
{
  struct db_stmt *st = db_prepare(db, "SELECT " KEPALA " FROM siasn_tarikan WHERE instansi_id = ?1 ORDER BY id DESC LIMIT ?2");
  if (!st) return NULL;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, limit);
  json_t *items = json_array();
  while (db_step(st) == DB_ROW) json_array_append_new(items, kepala(st));
  db_done(st);
  return json_pack("{s:o}", "items", items);
}
