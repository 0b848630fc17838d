/* skp.c: periods, the SKP head (create, read, list, edit, penilai) and the mutasi split.
 * RHK rows live in skp_rhk.c, the workflow in skp_transisi.c, cascading views in skp_matriks.c. */
#include "skp.h"
#include "auth/akses_jejak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/rbac.h"
#include "pegawai.h"
#include "rules/berakhlak.h"
#include "rules/target.h"
#include "skp_internal.h"
#include "util/errs.h"
#include "util/util.h"

/* ---- periode ---- */

static const char *const SIKLUS[] = {"bulanan", "triwulanan", "semesteran", NULL};

static bool in_list(const char *s, const char *const *l)
{
  for (; *l; l++)
    if (s && strcmp(s, *l) == 0) return true;
  return false;
}

static json_t *periode_row(struct db_stmt *st)
{
  json_t *j = json_pack("{s:I,s:I,s:I,s:s,s:s,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 0),
                        "instansi_id", (json_int_t)db_col_int64(st, 1), "tahun", (json_int_t)db_col_int64(st, 2),
                        "mulai", db_col_text(st, 3), "selesai", db_col_text(st, 4), "siklus", db_col_text(st, 5),
                        "status", db_col_text(st, 6));
  if (!j) return NULL;
  json_object_set_new(j, "batas_skp", db_col_is_null(st, 7) ? json_null() : json_string(db_col_text(st, 7)));
  json_object_set_new(j, "batas_penilaian", db_col_is_null(st, 8) ? json_null() : json_string(db_col_text(st, 8)));
  return j;
}

#define PERIODE_COLS "id, instansi_id, tahun, mulai, selesai, siklus, status, batas_skp, batas_penilaian"

json_t *periode_list(struct db *db, int64_t instansi_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT " PERIODE_COLS " FROM periode WHERE instansi_id = ?1 ORDER BY tahun DESC");
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) json_array_append_new(items, periode_row(st));
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:o}", "items", items);
}

json_t *periode_json(struct db *db, int64_t id, int64_t *instansi_out)
{
  struct db_stmt *st = db_prepare(db, "SELECT " PERIODE_COLS " FROM periode WHERE id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) {
    j = periode_row(st);
    if (instansi_out) *instansi_out = db_col_int64(st, 1);
  }
  db_done(st);
  return j;
}

static int periode_insert(struct db *db, int64_t inst, int tahun, const char *siklus, const char *batas_skp,
                          const char *batas_penilaian, const struct audit_actor *who, int64_t *id)
{
  char mulai[32], selesai[32];
  snprintf(mulai, sizeof mulai, "%04d-01-01", tahun);
  snprintf(selesai, sizeof selesai, "%04d-12-31", tahun);
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO periode (instansi_id, tahun, mulai, selesai, siklus, status, batas_skp, batas_penilaian, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, 'terbuka', ?6, ?7, ?8) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, tahun);
  db_bind_text(st, 3, mulai);
  db_bind_text(st, 4, selesai);
  db_bind_text(st, 5, siklus ? siklus : "triwulanan");
  db_bind_text(st, 6, batas_skp);
  db_bind_text(st, 7, batas_penilaian);
  db_bind_int64(st, 8, now_unix());
  int s = db_step(st);
  if (s == DB_ROW) *id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return s == DB_CONSTRAINT ? 1 : -1;
  json_t *after = periode_json(db, *id, NULL);
  int rc = audit_append(db, who, inst, "periode.create", "periode", *id, NULL, after);
  json_decref(after);
  return rc;
}

int periode_of_year(struct db *db, int64_t instansi_id, int tahun, bool create,
                    const struct audit_actor *who, int64_t *id)
{
  struct db_stmt *st = db_prepare(db, "SELECT id FROM periode WHERE instansi_id = ?1 AND tahun = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, tahun);
  int s = db_step(st);
  if (s == DB_ROW) *id = db_col_int64(st, 0);
  db_done(st);
  if (s == DB_ROW) return 0;
  if (s != DB_DONE) return -1;
  if (!create) return 1;
  char batas[32];
  snprintf(batas, sizeof batas, "%04d-01-31", tahun);
  char batas_n[32];
  snprintf(batas_n, sizeof batas_n, "%04d-01-31", tahun + 1);
  return periode_insert(db, instansi_id, tahun, NULL, batas, batas_n, who, id) == 0 ? 0 : -1;
}

int periode_save(struct db *db, int64_t instansi_id, int64_t id, json_t *body,
                 const struct audit_actor *who, json_t **errs, int64_t *out_id)
{
  static const char *const allowed[] = {"tahun", "siklus", "status", "batas_skp", "batas_penilaian", "instansi_id", NULL};
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (!in_list(k, allowed)) errs_add(errs, k, "kolom tidak dikenal");
  json_t *jt = json_object_get(body, "tahun");
  int tahun = 0;
  if (id == 0) {
    if (!json_is_integer(jt) || json_integer_value(jt) < 2000 || json_integer_value(jt) > 2100)
      errs_add(errs, "tahun", "wajib diisi: tahun 2000-2100");
    else tahun = (int)json_integer_value(jt);
  } else if (jt) {
    errs_add(errs, "tahun", "tahun periode tidak dapat diubah");
  }
  const char *siklus = NULL, *status = NULL, *bs = NULL, *bp = NULL;
  json_t *x;
  bool has_bs = false, has_bp = false;
  if ((x = json_object_get(body, "siklus"))) {
    siklus = json_string_value(x);
    if (!in_list(siklus, SIKLUS)) errs_add(errs, "siklus", "harus bulanan, triwulanan atau semesteran");
  }
  if ((x = json_object_get(body, "status"))) {
    status = json_string_value(x);
    if (!status || (strcmp(status, "terbuka") != 0 && strcmp(status, "ditutup") != 0))
      errs_add(errs, "status", "harus terbuka atau ditutup");
  }
  if ((x = json_object_get(body, "batas_skp"))) {
    has_bs = true;
    bs = json_string_value(x);
    if (!json_is_null(x) && !date_valid(bs)) errs_add(errs, "batas_skp", "harus tanggal YYYY-MM-DD");
  }
  if ((x = json_object_get(body, "batas_penilaian"))) {
    has_bp = true;
    bp = json_string_value(x);
    if (!json_is_null(x) && !date_valid(bp)) errs_add(errs, "batas_penilaian", "harus tanggal YYYY-MM-DD");
  }
  if (errs_any(*errs)) return 1;
  if (id == 0) {
    int rc = periode_insert(db, instansi_id, tahun, siklus, bs, bp, who, out_id);
    if (rc == 1) { errs_add(errs, "tahun", "periode tahun ini sudah ada"); return 1; }
    if (rc == 0 && status && strcmp(status, "ditutup") == 0) {
      struct db_stmt *st = db_prepare(db, "UPDATE periode SET status = 'ditutup' WHERE id = ?1");
      if (!st) return -1;
      db_bind_int64(st, 1, *out_id);
      rc = db_step(st) == DB_DONE ? 0 : -1;
      db_done(st);
    }
    return rc;
  }
  int64_t inst = 0;
  json_t *before = periode_json(db, id, &inst);
  if (!before) return 2;
  if (inst != instansi_id) { json_decref(before); return 2; }
  struct db_stmt *st = db_prepare(db,
    "UPDATE periode SET siklus = COALESCE(?2, siklus), status = COALESCE(?3, status),"
    "       batas_skp = CASE WHEN ?4 = 1 THEN ?5 ELSE batas_skp END,"
    "       batas_penilaian = CASE WHEN ?6 = 1 THEN ?7 ELSE batas_penilaian END"
    " WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, siklus);
  db_bind_text(st, 3, status);
  db_bind_int64(st, 4, has_bs);
  db_bind_text(st, 5, bs);
  db_bind_int64(st, 6, has_bp);
  db_bind_text(st, 7, bp);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) { json_decref(before); return -1; }
  json_t *after = periode_json(db, id, NULL);
  const char *aksi = status && strcmp(status, json_string_value(json_object_get(before, "status"))) != 0
                       ? (strcmp(status, "ditutup") == 0 ? "periode.tutup" : "periode.buka") : "periode.update";
  int rc = audit_append(db, who, instansi_id, aksi, "periode", id, before, after);
  json_decref(before);
  json_decref(after);
  if (out_id) *out_id = id;
  return rc;
}

/* ---- head ---- */

int skp_head_load(struct db *db, int64_t id, struct skp_head *h)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id, s.instansi_id, s.periode_id, s.pegawai_id, COALESCE(s.penilai_id, 0), COALESCE(s.jabatan_id, 0),"
    "       COALESCE(s.unit_kerja_id, 0), p.tahun, s.revisi, p.status, s.penilai_manual, s.status, s.jenis,"
    "       s.pendekatan, s.mulai, s.selesai"
    "  FROM skp s JOIN periode p ON p.id = s.periode_id WHERE s.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) {
    memset(h, 0, sizeof *h);
    h->id = db_col_int64(st, 0);
    h->instansi_id = db_col_int64(st, 1);
    h->periode_id = db_col_int64(st, 2);
    h->pegawai_id = db_col_int64(st, 3);
    h->penilai_id = db_col_int64(st, 4);
    h->jabatan_id = db_col_int64(st, 5);
    h->unit_kerja_id = db_col_int64(st, 6);
    h->tahun = (int)db_col_int64(st, 7);
    h->revisi = (int)db_col_int64(st, 8);
    h->periode_terbuka = strcmp(db_col_text(st, 9), "terbuka") == 0;
    h->penilai_manual = db_col_int64(st, 10) != 0;
    if (skp_status_dari(db_col_text(st, 11), &h->status) != 0) h->status = SKP_DRAFT;
    str_copy(h->jenis, sizeof h->jenis, db_col_text(st, 12));
    str_copy(h->pendekatan, sizeof h->pendekatan, db_col_text(st, 13));
    str_copy(h->mulai, sizeof h->mulai, db_col_text(st, 14));
    str_copy(h->selesai, sizeof h->selesai, db_col_text(st, 15));
  }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

enum skp_pelaku skp_pelaku_of(const struct skp_head *h, const struct principal *who)
{
  if (who->pegawai_id && who->pegawai_id == h->pegawai_id) return PELAKU_PEGAWAI;
  if (who->pegawai_id && who->pegawai_id == h->penilai_id) return PELAKU_PENILAI;
  return PELAKU_LAIN;
}

int skp_can_read(struct db *db, const struct skp_head *h, const struct principal *who)
{
  if (skp_pelaku_of(h, who) != PELAKU_LAIN) {
    akses_jejak_tandai(who, h->pegawai_id);   /* the penilai reading: for the access log */
    return 0;
  }
  enum access_result a = rbac_pegawai(db, who, h->pegawai_id, ACCESS_READ, NULL);
  if (a == ACCESS_ERROR) return -1;
  return a == ACCESS_OK ? 0 : 1;
}

/* The penilai of a pegawai on a date: the atasan in the riwayat, else the current atasan. */
static int penilai_pada(struct db *db, int64_t pegawai_id, const char *tanggal, int64_t current, int64_t *out)
{
  int64_t a = 0;
  int rc = pegawai_atasan_pada(db, pegawai_id, tanggal, &a);
  if (rc < 0) return -1;
  *out = rc == 0 ? a : current;
  return 0;
}

static int skp_insert(struct db *db, int64_t inst, int64_t periode_id, const struct pegawai_rec *p, const char *jenis_jabatan,
                      const char *mulai, const char *selesai, const char *pendekatan, int64_t penilai,
                      const struct audit_actor *who, int64_t *id)
{
  const char *jenis = jenis_jabatan && strcmp(jenis_jabatan, "jpt") == 0 ? "jpt" : "ja_jf";
  if (strcmp(jenis, "jpt") == 0) pendekatan = "kuantitatif";  /* JPT: kuantitatif */
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO skp (instansi_id, periode_id, pegawai_id, jabatan_id, unit_kerja_id, penilai_id, mulai, selesai,"
    "                 jenis, pendekatan, status, revisi, diubah, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'draft', 0, ?11, ?11) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, periode_id);
  db_bind_int64(st, 3, p->id);
  db_bind_id(st, 4, p->jabatan_id);
  db_bind_id(st, 5, p->unit_kerja_id);
  db_bind_id(st, 6, penilai);
  db_bind_text(st, 7, mulai);
  db_bind_text(st, 8, selesai);
  db_bind_text(st, 9, jenis);
  db_bind_text(st, 10, pendekatan);
  db_bind_int64(st, 11, now);
  int s = db_step(st);
  if (s == DB_ROW) *id = db_col_int64(st, 0);
  db_done(st);
  if (s == DB_CONSTRAINT) return 1;
  if (s != DB_ROW) return -1;
  json_t *after = json_pack("{s:I,s:I,s:s,s:s,s:s,s:s}", "pegawai_id", (json_int_t)p->id, "periode_id", (json_int_t)periode_id,
                            "mulai", mulai, "selesai", selesai, "jenis", jenis, "pendekatan", pendekatan);
  int rc = audit_append(db, who, inst, "skp.create", "skp", *id, NULL, after);
  json_decref(after);
  return rc;
}

static const char *jenis_jabatan_of(struct db *db, int64_t jabatan_id, char *buf, size_t n)
{
  buf[0] = '\0';
  if (!jabatan_id) return buf;
  struct db_stmt *st = db_prepare(db, "SELECT jenis FROM jabatan WHERE id = ?1");
  if (!st) return buf;
  db_bind_int64(st, 1, jabatan_id);
  if (db_step(st) == DB_ROW) str_copy(buf, n, db_col_text(st, 0));
  db_done(st);
  return buf;
}

int skp_create(struct db *db, const struct skp_create_opts *o, const struct audit_actor *who,
               json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  const char *pendekatan = o->pendekatan ? o->pendekatan : "kuantitatif";
  if (strcmp(pendekatan, "kuantitatif") != 0 && strcmp(pendekatan, "kualitatif") != 0) {
    errs_add(errs, "pendekatan", "harus kuantitatif atau kualitatif");
    return 1;
  }
  if (o->tahun < 2000 || o->tahun > 2100) { errs_add(errs, "tahun", "harus tahun 2000-2100"); return 1; }
  struct pegawai_rec p;
  int rc = pegawai_load(db, o->pegawai_id, &p);
  if (rc != 0) return rc < 0 ? -1 : 2;
  if (!p.aktif) { errs_add(errs, "pegawai_id", "pegawai tidak aktif"); return 1; }
  int64_t periode_id = 0;
  if (periode_of_year(db, p.instansi_id, o->tahun, true, who, &periode_id) != 0) return -1;
  struct db_stmt *st = db_prepare(db, "SELECT status FROM periode WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, periode_id);
  bool terbuka = db_step(st) == DB_ROW && strcmp(db_col_text(st, 0), "terbuka") == 0;
  db_done(st);
  if (!terbuka) { *http = 409; *pesan = "periode penilaian sudah ditutup"; return 3; }
  /* the part of the year the current placement covers */
  char mulai[11], selesai[11], awal[32], akhir[32];
  snprintf(awal, sizeof awal, "%04d-01-01", o->tahun);
  snprintf(akhir, sizeof akhir, "%04d-12-31", o->tahun);
  str_copy(mulai, sizeof mulai, awal);
  str_copy(selesai, sizeof selesai, akhir);
  st = db_prepare(db, "SELECT mulai FROM pegawai_riwayat WHERE pegawai_id = ?1 AND selesai IS NULL ORDER BY mulai DESC LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, p.id);
  if (db_step(st) == DB_ROW) {
    const char *m = db_col_text(st, 0);
    if (strcmp(m, mulai) > 0 && strcmp(m, selesai) <= 0) str_copy(mulai, sizeof mulai, m);
  }
  db_done(st);
  int64_t existing = 0;
  st = db_prepare(db, "SELECT id FROM skp WHERE pegawai_id = ?1 AND periode_id = ?2 AND selesai >= ?3 ORDER BY mulai DESC LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, p.id);
  db_bind_int64(st, 2, periode_id);
  db_bind_text(st, 3, mulai);
  if (db_step(st) == DB_ROW) existing = db_col_int64(st, 0);
  db_done(st);
  if (existing) {
    *http = 409;
    *pesan = "pegawai ini sudah memiliki SKP untuk jabatan dan periode ini";
    *out_id = existing;
    return 3;
  }
  int64_t penilai = 0;
  if (penilai_pada(db, p.id, mulai, p.atasan_id, &penilai) != 0) return -1;
  char jj[16];
  rc = skp_insert(db, p.instansi_id, periode_id, &p, jenis_jabatan_of(db, p.jabatan_id, jj, sizeof jj), mulai, selesai,
                  pendekatan, penilai, who, out_id);
  if (rc == 1) { *http = 409; *pesan = "pegawai ini sudah memiliki SKP yang dimulai pada tanggal yang sama"; return 3; }
  if (rc != 0) return -1;
  if (o->salin_dari) {
    struct skp_head src, dst;
    rc = skp_head_load(db, o->salin_dari, &src);
    if (rc < 0) return -1;
    if (rc == 1 || src.pegawai_id != p.id) { errs_add(errs, "salin_dari", "SKP sumber tidak ditemukan atau milik pegawai lain"); return 1; }
    if (skp_head_load(db, *out_id, &dst) != 0) return -1;
    if (skp_copy_rows(db, &src, &dst) != 0) return -1;
  }
  return 0;
}

/* ---- reading ---- */

static json_t *orang_json(struct db *db, int64_t pegawai_id)
{
  if (!pegawai_id) return json_null();
  json_t *p = pegawai_json(db, pegawai_id);
  if (!p) return json_null();
  json_t *j = json_pack("{s:I,s:O,s:O,s:O,s:O,s:O,s:O}", "id", (json_int_t)pegawai_id, "nip", json_object_get(p, "nip"),
                        "nama_lengkap", json_object_get(p, "nama_lengkap"), "golongan", json_object_get(p, "golongan"),
                        "pangkat", json_object_get(p, "pangkat"), "jabatan", json_object_get(p, "jabatan"),
                        "unit_kerja", json_object_get(p, "unit_kerja"));
  json_decref(p);
  return j ? j : json_null();
}

json_t *skp_orang_json(struct db *db, int64_t pegawai_id) { return orang_json(db, pegawai_id); }

static json_t *opt_text(struct db_stmt *st, int col)
{
  return db_col_is_null(st, col) ? json_string("") : json_string(db_col_text(st, col));
}

json_t *skp_json(struct db *db, int64_t id, const struct principal *who)
{
  struct skp_head h;
  if (skp_head_load(db, id, &h) != 0) return NULL;
  struct db_stmt *st = db_prepare(db,
    "SELECT s.catatan, s.lampiran_sumber_daya, s.lampiran_skema, s.lampiran_konsekuensi, s.diajukan, s.disetujui,"
    "       s.tanda_tangan, p.siklus, p.status, s.diubah"
    "  FROM skp s JOIN periode p ON p.id = s.periode_id WHERE s.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  if (db_step(st) != DB_ROW) { db_done(st); return NULL; }
  json_t *j = json_pack("{s:I,s:I,s:{s:I,s:I,s:s,s:s},s:s,s:s,s:s,s:s,s:s,s:i,s:b,s:o,s:{s:o,s:o,s:o},s:I}",
    "id", (json_int_t)h.id, "instansi_id", (json_int_t)h.instansi_id,
    "periode", "id", (json_int_t)h.periode_id, "tahun", (json_int_t)h.tahun, "siklus", db_col_text(st, 7),
    "status", db_col_text(st, 8),
    "mulai", h.mulai, "selesai", h.selesai, "jenis", h.jenis, "pendekatan", h.pendekatan,
    "status", skp_status_kode(h.status), "revisi", h.revisi, "penilai_manual", h.penilai_manual,
    "catatan", db_col_is_null(st, 0) ? json_null() : json_string(db_col_text(st, 0)),
    "lampiran", "sumber_daya", opt_text(st, 1), "skema", opt_text(st, 2), "konsekuensi", opt_text(st, 3),
    "diubah", (json_int_t)db_col_int64(st, 9));
  if (j) {
    json_object_set_new(j, "diajukan", db_col_is_null(st, 4) ? json_null() : json_integer(db_col_int64(st, 4)));
    json_object_set_new(j, "disetujui", db_col_is_null(st, 5) ? json_null() : json_integer(db_col_int64(st, 5)));
    json_error_t e;
    json_t *tt = db_col_is_null(st, 6) ? NULL : json_loads(db_col_text(st, 6), 0, &e);
    json_object_set_new(j, "tanda_tangan", tt ? tt : json_null());
  }
  db_done(st);
  if (!j) return NULL;
  json_object_set_new(j, "pegawai", orang_json(db, h.pegawai_id));
  json_object_set_new(j, "penilai", orang_json(db, h.penilai_id));
  json_t *rows = skp_rhk_json(db, h.id);
  if (!rows) { json_decref(j); return NULL; }
  json_object_set_new(j, "rhk", rows);
  /* perilaku: the seven values with the penilai's ekspektasi */
  json_t *perilaku = json_array();
  const char *eksp[BERAKHLAK_JUMLAH + 1] = {0};
  char *keep[BERAKHLAK_JUMLAH + 1] = {0};
  st = db_prepare(db, "SELECT nilai, ekspektasi FROM skp_perilaku WHERE skp_id = ?1");
  if (st) {
    db_bind_int64(st, 1, h.id);
    while (db_step(st) == DB_ROW) {
      int64_t n = db_col_int64(st, 0);
      if (n >= 1 && n <= BERAKHLAK_JUMLAH) { keep[n] = strdup(db_col_text(st, 1)); eksp[n] = keep[n]; }
    }
    db_done(st);
  }
  for (int i = 0; i < BERAKHLAK_JUMLAH; i++) {
    const struct berakhlak *b = &BERAKHLAK[i];
    json_t *pd = json_pack("[s,s,s]", b->panduan[0], b->panduan[1], b->panduan[2]);
    json_array_append_new(perilaku, json_pack("{s:i,s:s,s:s,s:o,s:s}", "nomor", b->nomor, "kode", b->kode, "nama", b->nama,
                                              "panduan", pd, "ekspektasi", eksp[b->nomor] ? eksp[b->nomor] : ""));
  }
  for (int i = 0; i <= BERAKHLAK_JUMLAH; i++) free(keep[i]);
  json_object_set_new(j, "perilaku", perilaku);
  /* what the caller may do now */
  json_t *aksi = json_array();
  if (who) {
    enum skp_pelaku pl = skp_pelaku_of(&h, who);
    for (int a = 0; a < AKSI_N; a++) {
      struct skp_alur_hasil r = skp_alur(h.status, (enum skp_aksi)a, pl, h.periode_terbuka);
      if (r.ok) json_array_append_new(aksi, json_string(skp_aksi_kode((enum skp_aksi)a)));
    }
    if (pl == PELAKU_PENILAI) json_array_append_new(aksi, json_string("matriks_bawahan"));
  }
  json_object_set_new(j, "aksi", aksi);
  return j;
}

json_t *skp_list(struct db *db, const struct skp_query *q, const char **bad)
{
  *bad = NULL;
  enum skp_status s_filter;
  if (q->status && skp_status_dari(q->status, &s_filter) != 0) { *bad = "status"; return NULL; }
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id, s.pegawai_id, p.nip, p.nama, COALESCE(p.gelar_depan, ''), COALESCE(p.gelar_belakang, ''),"
    "       pr.tahun, s.mulai, s.selesai, s.status, s.revisi, s.jenis, COALESCE(s.penilai_id, 0), COALESCE(n.nama, ''),"
    "       (SELECT COUNT(*) FROM rhk r WHERE r.skp_id = s.id), s.diubah, COALESCE(j.nama, '')"
    "  FROM skp s JOIN pegawai p ON p.id = s.pegawai_id JOIN periode pr ON pr.id = s.periode_id"
    "  LEFT JOIN pegawai n ON n.id = s.penilai_id LEFT JOIN jabatan j ON j.id = s.jabatan_id"
    " WHERE (?1 = 0 OR s.instansi_id = ?1)"
    "   AND (?2 = 0 OR s.pegawai_id = ?2 OR s.penilai_id = ?2 OR s.pegawai_id IN ("
    "        WITH RECURSIVE turun(id, d) AS (SELECT id, 0 FROM pegawai WHERE atasan_id = ?2"
    "          UNION ALL SELECT c.id, t.d + 1 FROM pegawai c JOIN turun t ON c.atasan_id = t.id WHERE t.d < 32)"
    "        SELECT id FROM turun))"
    "   AND (?3 = 0 OR s.pegawai_id = ?3) AND (?4 = 0 OR s.penilai_id = ?4) AND (?5 = 0 OR pr.tahun = ?5)"
    "   AND (?6 IS NULL OR s.status = ?6) AND (?7 = 0 OR s.id < ?7)"
    " ORDER BY s.id DESC LIMIT ?8");
  if (!st) return NULL;
  db_bind_int64(st, 1, q->instansi_id);
  db_bind_int64(st, 2, q->scope_root);
  db_bind_int64(st, 3, q->pegawai_id);
  db_bind_int64(st, 4, q->penilai_id);
  db_bind_int64(st, 5, q->tahun);
  db_bind_text(st, 6, q->status);
  db_bind_int64(st, 7, q->cursor);
  db_bind_int64(st, 8, q->limit + 1);
  json_t *items = json_array();
  int s, n = 0;
  int64_t last = 0;
  bool more = false;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == q->limit) { more = true; break; }
    char full[400];
    const char *gd = db_col_text(st, 4), *gb = db_col_text(st, 5);
    snprintf(full, sizeof full, "%s%s%s%s%s", gd, gd[0] ? " " : "", db_col_text(st, 3), gb[0] ? ", " : "", gb);
    last = db_col_int64(st, 0);
    json_t *it = json_pack("{s:I,s:{s:I,s:s,s:s,s:s},s:I,s:s,s:s,s:s,s:I,s:s,s:I,s:I}",
      "id", (json_int_t)last, "pegawai", "id", (json_int_t)db_col_int64(st, 1), "nip", db_col_text(st, 2),
      "nama_lengkap", full, "jabatan", db_col_text(st, 16),
      "tahun", (json_int_t)db_col_int64(st, 6), "mulai", db_col_text(st, 7), "selesai", db_col_text(st, 8),
      "status", db_col_text(st, 9), "revisi", (json_int_t)db_col_int64(st, 10), "jenis", db_col_text(st, 11),
      "jumlah_rhk", (json_int_t)db_col_int64(st, 14), "diubah", (json_int_t)db_col_int64(st, 15));
    if (it) {
      json_object_set_new(it, "penilai", db_col_int64(st, 12)
        ? json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 12), "nama", db_col_text(st, 13)) : json_null());
      json_array_append_new(items, it);
    }
    n++;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) { json_decref(items); return NULL; }
  json_t *out = json_pack("{s:o,s:i}", "items", items, "limit", q->limit);
  if (more) {
    char c[32];
    snprintf(c, sizeof c, "%lld", (long long)last);
    json_object_set_new(out, "next_cursor", json_string(c));
  } else {
    json_object_set_new(out, "next_cursor", json_null());
  }
  return out;
}

/* ---- edits of the head ---- */

int skp_update(struct db *db, const struct skp_head *h, json_t *body, const struct audit_actor *who, json_t **errs)
{
  static const char *const allowed[] = {"pendekatan", "lampiran", NULL};
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (!in_list(k, allowed)) errs_add(errs, k, "kolom tidak dikenal");
  const char *pendekatan = NULL;
  json_t *x = json_object_get(body, "pendekatan");
  if (x) {
    pendekatan = json_string_value(x);
    if (!pendekatan || (strcmp(pendekatan, "kuantitatif") && strcmp(pendekatan, "kualitatif")))
      errs_add(errs, "pendekatan", "harus kuantitatif atau kualitatif");
    else if (strcmp(h->jenis, "jpt") == 0 && strcmp(pendekatan, "kuantitatif") != 0)
      errs_add(errs, "pendekatan", "SKP JPT memakai pendekatan kuantitatif");
    else if (strcmp(pendekatan, h->pendekatan) != 0) {
      int64_t n = 0;
      if (db_query_int64(db, "SELECT COUNT(*) FROM rhk WHERE skp_id = ?1", 1, h->id, &n) != DB_ROW) return -1;
      if (n > 0) errs_add(errs, "pendekatan", "pendekatan hanya dapat diganti selama SKP belum berisi RHK");
    }
  }
  const char *lamp[3] = {NULL, NULL, NULL};
  static const char *const lk[3] = {"sumber_daya", "skema", "konsekuensi"};
  json_t *l = json_object_get(body, "lampiran");
  if (l) {
    if (!json_is_object(l)) errs_add(errs, "lampiran", "harus objek {sumber_daya, skema, konsekuensi}");
    else {
      json_object_foreach(l, k, v) {
        int idx = -1;
        for (int i = 0; i < 3; i++) if (strcmp(k, lk[i]) == 0) idx = i;
        char field[64];
        snprintf(field, sizeof field, "lampiran.%.40s", k);
        if (idx < 0) { errs_add(errs, field, "kolom tidak dikenal"); continue; }
        const char *t = json_string_value(v);
        if (!t || strlen(t) > 4000 || !text_clean(t, true)) errs_add(errs, field, "harus teks (maksimal 4000 karakter)");
        else lamp[idx] = t;
      }
    }
  }
  if (errs_any(*errs)) return 1;
  json_t *before = skp_json(db, h->id, NULL);
  struct db_stmt *st = db_prepare(db,
    "UPDATE skp SET pendekatan = COALESCE(?2, pendekatan), lampiran_sumber_daya = COALESCE(?3, lampiran_sumber_daya),"
    "       lampiran_skema = COALESCE(?4, lampiran_skema), lampiran_konsekuensi = COALESCE(?5, lampiran_konsekuensi),"
    "       diubah = ?6 WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, h->id);
  db_bind_text(st, 2, pendekatan);
  db_bind_text(st, 3, lamp[0]);
  db_bind_text(st, 4, lamp[1]);
  db_bind_text(st, 5, lamp[2]);
  db_bind_int64(st, 6, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) { json_decref(before); return -1; }
  json_t *b = json_pack("{s:O,s:O}", "pendekatan", json_object_get(before, "pendekatan"), "lampiran", json_object_get(before, "lampiran"));
  json_t *a = json_pack("{s:O}", "perubahan", body);
  int rc = audit_append(db, who, h->instansi_id, "skp.update", "skp", h->id, b, a);
  json_decref(before);
  json_decref(b);
  json_decref(a);
  return rc;
}

int skp_perilaku_set(struct db *db, const struct skp_head *h, json_t *body, const struct audit_actor *who, json_t **errs)
{
  json_t *e = json_object_get(body, "ekspektasi");
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "ekspektasi") != 0) errs_add(errs, k, "kolom tidak dikenal");
  if (!json_is_object(e)) { errs_add(errs, "ekspektasi", "wajib: objek {\"1\": \"...\", ..., \"7\": \"...\"}"); return 1; }
  json_object_foreach(e, k, v) {
    int64_t n;
    char field[64];
    snprintf(field, sizeof field, "ekspektasi.%.40s", k);
    if (parse_int64(k, 1, BERAKHLAK_JUMLAH, &n) != 0) { errs_add(errs, field, "nomor perilaku harus 1-7"); continue; }
    const char *t = json_is_null(v) ? "" : json_string_value(v);
    if (!t || strlen(t) > 2000 || !text_clean(t, true)) errs_add(errs, field, "harus teks (maksimal 2000 karakter)");
  }
  if (errs_any(*errs)) return 1;
  json_object_foreach(e, k, v) {
    int64_t n = 0;
    parse_int64(k, 1, BERAKHLAK_JUMLAH, &n);
    const char *t = json_is_null(v) ? "" : json_string_value(v);
    struct db_stmt *st = t[0]
      ? db_prepare(db, "INSERT INTO skp_perilaku (skp_id, nilai, ekspektasi) VALUES (?1, ?2, ?3)"
                       " ON CONFLICT (skp_id, nilai) DO UPDATE SET ekspektasi = excluded.ekspektasi")
      : db_prepare(db, "DELETE FROM skp_perilaku WHERE skp_id = ?1 AND nilai = ?2");
    if (!st) return -1;
    db_bind_int64(st, 1, h->id);
    db_bind_int64(st, 2, n);
    if (t[0]) db_bind_text(st, 3, t);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  return audit_append(db, who, h->instansi_id, "skp.perilaku", "skp", h->id, NULL, e);
}

int skp_set_penilai(struct db *db, const struct skp_head *h, int64_t penilai_id, const struct audit_actor *who, json_t **errs)
{
  if (penilai_id == h->pegawai_id) { errs_add(errs, "penilai_id", "pegawai tidak dapat menjadi penilai SKP-nya sendiri"); return 1; }
  struct pegawai_rec p;
  int rc = pegawai_load(db, penilai_id, &p);
  if (rc < 0) return -1;
  if (rc == 1 || p.instansi_id != h->instansi_id || !p.aktif) {
    errs_add(errs, "penilai_id", "harus pegawai aktif di instansi yang sama");
    return 1;
  }
  if (h->status == SKP_DISETUJUI) { errs_add(errs, "penilai_id", "SKP sudah disetujui; penilai tidak dapat diganti"); return 1; }
  struct db_stmt *st = db_prepare(db, "UPDATE skp SET penilai_id = ?2, penilai_manual = 1, diubah = ?3 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, h->id);
  db_bind_int64(st, 2, penilai_id);
  db_bind_int64(st, 3, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *b = json_pack("{s:o}", "penilai_id", h->penilai_id ? json_integer(h->penilai_id) : json_null());
  json_t *a = json_pack("{s:I}", "penilai_id", (json_int_t)penilai_id);
  rc = audit_append(db, who, h->instansi_id, "skp.penilai", "skp", h->id, b, a);
  json_decref(b);
  json_decref(a);
  return rc;
}

int skp_on_mutasi(struct db *db, int64_t pegawai_id, const char *tanggal, const struct audit_actor *who)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id FROM skp s JOIN periode p ON p.id = s.periode_id"
    " WHERE s.pegawai_id = ?1 AND s.mulai <= ?2 AND s.selesai >= ?2 ORDER BY s.mulai DESC LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, tanggal);
  int64_t id = 0;
  int s = db_step(st);
  if (s == DB_ROW) id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return s == DB_DONE ? 0 : -1;
  struct skp_head h;
  if (skp_head_load(db, id, &h) != 0) return -1;
  struct pegawai_rec p;
  if (pegawai_load(db, pegawai_id, &p) != 0) return -1;
  char jj[16];
  if (strcmp(h.mulai, tanggal) == 0) {
    /* the SKP starts that very day: it simply follows the new placement */
    if (h.status != SKP_DRAFT && h.status != SKP_DIKEMBALIKAN) return 0;
    st = db_prepare(db, "UPDATE skp SET jabatan_id = ?2, unit_kerja_id = ?3, penilai_id = CASE WHEN penilai_manual = 1 THEN penilai_id ELSE ?4 END,"
                        " jenis = ?5, diubah = ?6 WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, id);
    db_bind_id(st, 2, p.jabatan_id);
    db_bind_id(st, 3, p.unit_kerja_id);
    db_bind_id(st, 4, p.atasan_id);
    db_bind_text(st, 5, strcmp(jenis_jabatan_of(db, p.jabatan_id, jj, sizeof jj), "jpt") == 0 ? "jpt" : "ja_jf");
    db_bind_int64(st, 6, now_unix());
    s = db_step(st);
    db_done(st);
    return s == DB_DONE ? 0 : -1;
  }
  char kemarin[11];
  if (date_add_days(tanggal, -1, kemarin) != 0) return -1;
  st = db_prepare(db, "UPDATE skp SET selesai = ?2, diubah = ?3 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, kemarin);
  db_bind_int64(st, 3, now_unix());
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *b = json_pack("{s:s}", "selesai", h.selesai), *a = json_pack("{s:s,s:s}", "selesai", kemarin, "karena", "mutasi");
  int rc = audit_append(db, who, h.instansi_id, "skp.akhiri", "skp", id, b, a);
  json_decref(b);
  json_decref(a);
  if (rc != 0) return -1;
  int64_t baru = 0;
  rc = skp_insert(db, h.instansi_id, h.periode_id, &p, jenis_jabatan_of(db, p.jabatan_id, jj, sizeof jj), tanggal, h.selesai,
                  h.pendekatan, p.atasan_id, who, &baru);
  return rc == 0 ? 0 : -1;
}
