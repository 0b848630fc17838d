/* aktivitas.c: daily activities and instansi settings (see aktivitas.h).  The rules of one
 * activity are pure (rules/aktivitas_aturan.c); this file looks up what they need (settings,
 * holidays, minutes already logged, the SKP covering the date) and writes. */
#include "aktivitas.h"
#include "aktivitas_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/target.h"
#include "surel.h"
#include "util/buf.h"
#include "util/errs.h"
#include "util/util.h"

/* ---- pengaturan ---- */

int pengaturan_load(struct db *db, int64_t instansi_id, struct pengaturan *p)
{
  *p = (struct pengaturan){{450, 7, false, false}, 10485760, 524288000, "peringatan", "tepat", 14, 7};
  struct db_stmt *st = db_prepare(db,
    "SELECT menit_maks_harian, hari_mundur, akhir_pekan, hari_libur, bukti_maks_bytes, bukti_kuota_bytes,"
    "       kurva_mode, kurva_pembulatan, keberatan_hari, tenggang_2fa_hari"
    "  FROM pengaturan WHERE instansi_id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  int s = db_step(st);
  if (s == DB_ROW) {
    p->aturan.menit_maks_harian = (int)db_col_int64(st, 0);
    p->aturan.hari_mundur = (int)db_col_int64(st, 1);
    p->aturan.akhir_pekan = db_col_int64(st, 2) != 0;
    p->aturan.hari_libur = db_col_int64(st, 3) != 0;
    p->bukti_maks_bytes = db_col_int64(st, 4);
    p->bukti_kuota_bytes = db_col_int64(st, 5);
    str_copy(p->kurva_mode, sizeof p->kurva_mode, db_col_text(st, 6));
    str_copy(p->kurva_pembulatan, sizeof p->kurva_pembulatan, db_col_text(st, 7));
    p->keberatan_hari = (int)db_col_int64(st, 8);
    p->tenggang_2fa_hari = (int)db_col_int64(st, 9);
  }
  db_done(st);
  return s == DB_ROW || s == DB_DONE ? 0 : -1;
}

json_t *pengaturan_json(const struct pengaturan *p)
{
  return json_pack("{s:i,s:i,s:b,s:b,s:I,s:I,s:s,s:s,s:i,s:i}", "menit_maks_harian", p->aturan.menit_maks_harian,
                   "hari_mundur", p->aturan.hari_mundur, "akhir_pekan", p->aturan.akhir_pekan,
                   "hari_libur", p->aturan.hari_libur, "bukti_maks_bytes", (json_int_t)p->bukti_maks_bytes,
                   "bukti_kuota_bytes", (json_int_t)p->bukti_kuota_bytes, "kurva_mode", p->kurva_mode,
                   "kurva_pembulatan", p->kurva_pembulatan, "keberatan_hari", p->keberatan_hari,
                   "tenggang_2fa_hari", p->tenggang_2fa_hari);
}

int pengaturan_save(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who, json_t **errs)
{
  struct pengaturan p;
  if (pengaturan_load(db, instansi_id, &p) != 0) return -1;
  json_t *before = pengaturan_json(&p);
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    if (!strcmp(k, "menit_maks_harian")) {
      if (!json_is_integer(v) || json_integer_value(v) < 60 || json_integer_value(v) > 1440) errs_add(errs, k, "harus 60-1440 menit");
      else p.aturan.menit_maks_harian = (int)json_integer_value(v);
    } else if (!strcmp(k, "hari_mundur")) {
      if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 366) errs_add(errs, k, "harus 0-366 hari");
      else p.aturan.hari_mundur = (int)json_integer_value(v);
    } else if (!strcmp(k, "akhir_pekan") || !strcmp(k, "hari_libur")) {
      if (!json_is_boolean(v)) errs_add(errs, k, "harus true atau false");
      else if (!strcmp(k, "akhir_pekan")) p.aturan.akhir_pekan = json_is_true(v);
      else p.aturan.hari_libur = json_is_true(v);
    } else if (!strcmp(k, "bukti_maks_bytes")) {
      if (!json_is_integer(v) || json_integer_value(v) < 1024 || json_integer_value(v) > 104857600) errs_add(errs, k, "harus 1 KB - 100 MB (dalam byte)");
      else p.bukti_maks_bytes = json_integer_value(v);
    } else if (!strcmp(k, "bukti_kuota_bytes")) {
      if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 107374182400LL) errs_add(errs, k, "harus 0 - 100 GB (dalam byte)");
      else p.bukti_kuota_bytes = json_integer_value(v);
    } else if (!strcmp(k, "kurva_mode")) {
      const char *m = json_string_value(v);
      if (!m || (strcmp(m, "peringatan") && strcmp(m, "blokir"))) errs_add(errs, k, "harus peringatan atau blokir");
      else str_copy(p.kurva_mode, sizeof p.kurva_mode, m);
    } else if (!strcmp(k, "keberatan_hari")) {
      if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 365) errs_add(errs, k, "harus 1-365 hari");
      else p.keberatan_hari = (int)json_integer_value(v);
    } else if (!strcmp(k, "tenggang_2fa_hari")) {
      if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 90) errs_add(errs, k, "harus 0-90 hari (0 = 2FA wajib segera)");
      else p.tenggang_2fa_hari = (int)json_integer_value(v);
    } else if (!strcmp(k, "kurva_pembulatan")) {
      const char *m = json_string_value(v);
      if (!m || (strcmp(m, "tepat") && strcmp(m, "bawah") && strcmp(m, "atas") && strcmp(m, "terdekat")))
        errs_add(errs, k, "harus tepat, bawah, atas atau terdekat");
      else str_copy(p.kurva_pembulatan, sizeof p.kurva_pembulatan, m);
    } else {
      errs_add(errs, k, "kolom tidak dikenal");
    }
  }
  if (errs_any(*errs)) { json_decref(before); return 1; }
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO pengaturan (instansi_id, menit_maks_harian, hari_mundur, akhir_pekan, hari_libur, bukti_maks_bytes, bukti_kuota_bytes, diubah,"
    "                        kurva_mode, kurva_pembulatan, keberatan_hari, tenggang_2fa_hari)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    " ON CONFLICT (instansi_id) DO UPDATE SET menit_maks_harian = excluded.menit_maks_harian, hari_mundur = excluded.hari_mundur,"
    "   akhir_pekan = excluded.akhir_pekan, hari_libur = excluded.hari_libur, bukti_maks_bytes = excluded.bukti_maks_bytes,"
    "   bukti_kuota_bytes = excluded.bukti_kuota_bytes, diubah = excluded.diubah, kurva_mode = excluded.kurva_mode,"
    "   kurva_pembulatan = excluded.kurva_pembulatan, keberatan_hari = excluded.keberatan_hari,"
    "   tenggang_2fa_hari = excluded.tenggang_2fa_hari");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, p.aturan.menit_maks_harian);
  db_bind_int64(st, 3, p.aturan.hari_mundur);
  db_bind_int64(st, 4, p.aturan.akhir_pekan);
  db_bind_int64(st, 5, p.aturan.hari_libur);
  db_bind_int64(st, 6, p.bukti_maks_bytes);
  db_bind_int64(st, 7, p.bukti_kuota_bytes);
  db_bind_int64(st, 8, now_unix());
  db_bind_text(st, 9, p.kurva_mode);
  db_bind_text(st, 10, p.kurva_pembulatan);
  db_bind_int64(st, 11, p.keberatan_hari);
  db_bind_int64(st, 12, p.tenggang_2fa_hari);
  int s = db_step(st);
  db_done(st);
  json_t *after = pengaturan_json(&p);
  int rc = s == DB_DONE ? audit_append(db, who, instansi_id, "pengaturan.update", "pengaturan", instansi_id, before, after) : -1;
  json_decref(before);
  json_decref(after);
  return rc;
}

void instansi_hari_ini(struct db *db, int64_t instansi_id, char out[11])
{
  int offset = 7;
  struct db_stmt *st = db_prepare(db, "SELECT zona_waktu FROM instansi WHERE id = ?1");
  if (st) {
    db_bind_int64(st, 1, instansi_id);
    if (db_step(st) == DB_ROW) {
      const char *z = db_col_text(st, 0);
      offset = !strcmp(z, "WITA") ? 8 : !strcmp(z, "WIT") ? 9 : 7;
    }
    db_done(st);
  }
  date_today(offset, out);
}

/* ---- aktivitas ---- */

int aktivitas_ctx_init(struct db *db, int64_t pegawai_id, const char *sumber, struct aktivitas_ctx *c)
{
  memset(c, 0, sizeof *c);
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, COALESCE(atasan_id, 0) FROM pegawai WHERE id = ?1 AND aktif = 1");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  int s = db_step(st);
  if (s == DB_ROW) { c->instansi_id = db_col_int64(st, 0); c->atasan_id = db_col_int64(st, 1); }
  db_done(st);
  if (s != DB_ROW) return s == DB_DONE ? 2 : -1;
  c->pegawai_id = pegawai_id;
  c->sumber = sumber;
  c->prefix = "";
  if (pengaturan_load(db, c->instansi_id, &c->set) != 0) return -1;
  instansi_hari_ini(db, c->instansi_id, c->hari_ini);
  return 0;
}

/* bad: this activity had an error.  *errs may already hold errors of earlier items of a batch
 * (or of a copied day), which must not stop this one being checked in full. */
struct errctx { json_t **errs; const char *prefix; bool bad; };

static void add_err(void *ctx, const char *field, const char *message)
{
  struct errctx *e = ctx;
  char f[96];
  snprintf(f, sizeof f, "%s%s", e->prefix, field);
  errs_add(e->errs, f, message);
  e->bad = true;
}

static const char *jstr(json_t *body, const char *k)
{
  json_t *v = json_object_get(body, k);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The SKP of the pegawai covering `tanggal`, with its penilai and whether its period is open:
 * 0 found, 1 none, -1 error. */
static int skp_pada(struct db *db, int64_t pegawai_id, const char *tanggal, int64_t *skp_id, int64_t *penilai, bool *terbuka)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id, COALESCE(s.penilai_id, 0), p.status FROM skp s JOIN periode p ON p.id = s.periode_id"
    " WHERE s.pegawai_id = ?1 AND s.mulai <= ?2 AND s.selesai >= ?2 ORDER BY s.mulai DESC LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, tanggal);
  int s = db_step(st);
  if (s == DB_ROW) {
    *skp_id = db_col_int64(st, 0);
    *penilai = db_col_int64(st, 1);
    *terbuka = strcmp(db_col_text(st, 2), "terbuka") == 0;
  }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

/* Is the period of that date's year closed for the instansi?  (no period = open) */
static int periode_ditutup(struct db *db, int64_t instansi_id, const char *tanggal, bool *ditutup)
{
  *ditutup = false;
  if (!date_valid(tanggal)) return 0;
  struct db_stmt *st = db_prepare(db, "SELECT status FROM periode WHERE instansi_id = ?1 AND mulai <= ?2 AND selesai >= ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, tanggal);
  int s = db_step(st);
  if (s == DB_ROW) *ditutup = strcmp(db_col_text(st, 0), "ditutup") == 0;
  db_done(st);
  return s == DB_ROW || s == DB_DONE ? 0 : -1;
}

struct aktivitas_row {
  char tanggal[11], jam_mulai[6], jam_selesai[6], kuantitas[32];
  int64_t menit, skp_id, penilai_id, rhk_id, rencana_aksi_id;
  const char *uraian, *satuan, *lokasi;
  bool has_jam;
};

static const char *const FIELDS[] = {"tanggal", "jam_mulai", "jam_selesai", "menit", "uraian", "kuantitas", "satuan",
                                     "lokasi", "rhk_id", "rencana_aksi_id", NULL};

/* Checks a body into a row (all fields; update passes the merged record).  `except` is the
 * activity being edited (its own minutes do not count), 0 for a new one. */
static int periksa(struct db *db, const struct aktivitas_ctx *c, json_t *body, int64_t except, struct aktivitas_row *r,
                   json_t **errs, int *http, const char **pesan)
{
  struct errctx ec = {errs, c->prefix, false};
  memset(r, 0, sizeof *r);
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool known = false;
    for (int i = 0; FIELDS[i]; i++) if (!strcmp(k, FIELDS[i])) known = true;
    if (!known) add_err(&ec, k, "kolom tidak dikenal");
  }
  struct aktivitas_masukan m = {
    .tanggal = jstr(body, "tanggal"), .jam_mulai = jstr(body, "jam_mulai"), .jam_selesai = jstr(body, "jam_selesai"),
    .uraian = jstr(body, "uraian"), .satuan = jstr(body, "satuan"), .lokasi = jstr(body, "lokasi"),
  };
  json_t *mn = json_object_get(body, "menit");
  if (mn && !json_is_null(mn)) {
    if (!json_is_integer(mn)) add_err(&ec, "menit", "harus bilangan bulat (menit)");
    else m.menit = json_integer_value(mn) <= 0 ? -1 : json_integer_value(mn);
  }
  json_t *kv = json_object_get(body, "kuantitas");
  char kbuf[48];
  if (json_is_integer(kv)) { snprintf(kbuf, sizeof kbuf, "%lld", (long long)json_integer_value(kv)); m.kuantitas = kbuf; }
  else if (json_is_real(kv)) { snprintf(kbuf, sizeof kbuf, "%.4f", json_real_value(kv)); m.kuantitas = kbuf; }
  else if (json_is_string(kv)) m.kuantitas = json_string_value(kv);
  else if (kv && !json_is_null(kv)) add_err(&ec, "kuantitas", "harus angka");
  /* the day's other minutes, and whether it is a holiday */
  int64_t lain = 0;
  char libur[128] = "";
  if (m.tanggal && date_valid(m.tanggal)) {
    struct db_stmt *st = db_prepare(db,
      "SELECT COALESCE(SUM(menit), 0) FROM aktivitas WHERE pegawai_id = ?1 AND tanggal = ?2 AND dihapus = 0 AND id <> ?3");
    if (!st) return -1;
    db_bind_int64(st, 1, c->pegawai_id);
    db_bind_text(st, 2, m.tanggal);
    db_bind_int64(st, 3, except);
    if (db_step(st) == DB_ROW) lain = db_col_int64(st, 0);
    db_done(st);
    st = db_prepare(db, "SELECT nama FROM hari_libur WHERE instansi_id = ?1 AND tanggal = ?2");
    if (!st) return -1;
    db_bind_int64(st, 1, c->instansi_id);
    db_bind_text(st, 2, m.tanggal);
    if (db_step(st) == DB_ROW) str_copy(libur, sizeof libur, db_col_text(st, 0));
    db_done(st);
  }
  int menit = aktivitas_periksa(&m, &c->set.aturan, c->hari_ini, libur[0] ? libur : NULL, lain, r->kuantitas, add_err, &ec);
  json_t *rv = json_object_get(body, "rhk_id"), *av = json_object_get(body, "rencana_aksi_id");
  if (rv && !json_is_null(rv) && (!json_is_integer(rv) || json_integer_value(rv) < 1)) add_err(&ec, "rhk_id", "harus id RHK atau null (tugas tambahan)");
  if (av && !json_is_null(av) && (!json_is_integer(av) || json_integer_value(av) < 1)) add_err(&ec, "rencana_aksi_id", "harus id rencana aksi atau null");
  if (ec.bad) return 1;
  str_copy(r->tanggal, sizeof r->tanggal, m.tanggal);
  if (m.jam_mulai) str_copy(r->jam_mulai, sizeof r->jam_mulai, m.jam_mulai);
  if (m.jam_selesai) str_copy(r->jam_selesai, sizeof r->jam_selesai, m.jam_selesai);
  r->menit = menit;
  r->uraian = m.uraian;
  r->satuan = m.satuan && m.satuan[0] ? m.satuan : NULL;
  r->lokasi = m.lokasi && m.lokasi[0] ? m.lokasi : NULL;
  r->rhk_id = json_is_integer(rv) ? json_integer_value(rv) : 0;
  r->rencana_aksi_id = json_is_integer(av) ? json_integer_value(av) : 0;
  /* the period and the SKP of that date */
  bool ditutup = false;
  if (periode_ditutup(db, c->instansi_id, r->tanggal, &ditutup) != 0) return -1;
  if (ditutup) { *http = 409; *pesan = "periode penilaian tanggal itu sudah ditutup"; return 3; }
  bool terbuka = true;
  int rc = skp_pada(db, c->pegawai_id, r->tanggal, &r->skp_id, &r->penilai_id, &terbuka);
  if (rc < 0) return -1;
  if (rc == 1) { r->skp_id = 0; r->penilai_id = c->atasan_id; }
  if (!r->penilai_id) r->penilai_id = c->atasan_id;
  if (r->rhk_id) {
    int64_t n = 0;
    struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM rhk WHERE id = ?1 AND skp_id = ?2");
    if (!st) return -1;
    db_bind_int64(st, 1, r->rhk_id);
    db_bind_int64(st, 2, r->skp_id);
    if (db_step(st) == DB_ROW) n = db_col_int64(st, 0);
    db_done(st);
    if (!n) add_err(&ec, "rhk_id", "bukan RHK dari SKP Anda yang berlaku pada tanggal itu");
  }
  if (r->rencana_aksi_id) {
    int64_t n = 0;
    struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM rencana_aksi WHERE id = ?1 AND rhk_id = ?2");
    if (!st) return -1;
    db_bind_int64(st, 1, r->rencana_aksi_id);
    db_bind_int64(st, 2, r->rhk_id);
    if (db_step(st) == DB_ROW) n = db_col_int64(st, 0);
    db_done(st);
    if (!n) add_err(&ec, "rencana_aksi_id", "rencana aksi harus milik RHK yang dipilih");
  }
  return ec.bad ? 1 : 0;
}

static void bind_row(struct db_stmt *st, const struct aktivitas_row *r, int first)
{
  db_bind_id(st, first, r->penilai_id);
  db_bind_id(st, first + 1, r->skp_id);
  db_bind_id(st, first + 2, r->rhk_id);
  db_bind_id(st, first + 3, r->rencana_aksi_id);
  db_bind_text(st, first + 4, r->tanggal);
  db_bind_text(st, first + 5, r->jam_mulai[0] ? r->jam_mulai : NULL);
  db_bind_text(st, first + 6, r->jam_selesai[0] ? r->jam_selesai : NULL);
  db_bind_int64(st, first + 7, r->menit);
  db_bind_text(st, first + 8, r->uraian);
  db_bind_text(st, first + 9, r->kuantitas[0] ? r->kuantitas : NULL);
  db_bind_text(st, first + 10, r->satuan);
  db_bind_text(st, first + 11, r->lokasi);
}

int aktivitas_create(struct db *db, const struct aktivitas_ctx *c, json_t *body, const struct audit_actor *who,
                     json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  struct aktivitas_row r;
  int rc = periksa(db, c, body, 0, &r, errs, http, pesan);
  if (rc != 0) return rc;
  int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, skp_id, rhk_id, rencana_aksi_id, tanggal, jam_mulai, jam_selesai,"
    "                       menit, uraian, kuantitas, satuan, lokasi, status, sumber, dibuat, diubah)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'diajukan', ?15, ?16, ?16) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, c->instansi_id);
  db_bind_int64(st, 2, c->pegawai_id);
  bind_row(st, &r, 3);
  db_bind_text(st, 15, c->sumber);
  db_bind_int64(st, 16, now);
  int s = db_step(st);
  if (s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW) return -1;
  json_t *after = json_pack("{s:s,s:I,s:s,s:s}", "tanggal", r.tanggal, "menit", (json_int_t)r.menit, "uraian", r.uraian, "sumber", c->sumber);
  if (r.rhk_id) json_object_set_new(after, "rhk_id", json_integer(r.rhk_id));
  rc = audit_append(db, who, c->instansi_id, "aktivitas.create", "aktivitas", *out_id, NULL, after);
  json_decref(after);
  return rc;
}

int aktivitas_owner(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *penilai_id, int64_t *instansi_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT pegawai_id, COALESCE(penilai_id, 0), instansi_id FROM aktivitas WHERE id = ?1 AND dihapus = 0");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) {
    if (pegawai_id) *pegawai_id = db_col_int64(st, 0);
    if (penilai_id) *penilai_id = db_col_int64(st, 1);
    if (instansi_id) *instansi_id = db_col_int64(st, 2);
  }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

static json_t *opt(struct db_stmt *st, int col)
{
  return db_col_is_null(st, col) ? json_null() : json_string(db_col_text(st, col));
}

static json_t *akt_row(struct db_stmt *st)
{
  json_t *j = json_pack("{s:I,s:{s:I,s:s,s:s},s:s,s:I,s:s,s:s,s:s,s:I,s:I}",
    "id", (json_int_t)db_col_int64(st, 0), "pegawai", "id", (json_int_t)db_col_int64(st, 1), "nip", db_col_text(st, 2),
    "nama", db_col_text(st, 3), "tanggal", db_col_text(st, 4), "menit", (json_int_t)db_col_int64(st, 7),
    "uraian", db_col_text(st, 8), "status", db_col_text(st, 15), "sumber", db_col_text(st, 18),
    "dibuat", (json_int_t)db_col_int64(st, 19), "diubah", (json_int_t)db_col_int64(st, 20));
  if (!j) return NULL;
  json_object_set_new(j, "jam_mulai", opt(st, 5));
  json_object_set_new(j, "jam_selesai", opt(st, 6));
  json_object_set_new(j, "kuantitas", opt(st, 9));
  json_object_set_new(j, "satuan", opt(st, 10));
  json_object_set_new(j, "lokasi", opt(st, 11));
  json_object_set_new(j, "rhk", db_col_int64(st, 12) ? json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 12), "rhk", db_col_text(st, 13)) : json_null());
  json_object_set_new(j, "rencana_aksi_id", db_col_int64(st, 14) ? json_integer(db_col_int64(st, 14)) : json_null());
  json_object_set_new(j, "catatan_review", opt(st, 16));
  json_object_set_new(j, "direview", db_col_is_null(st, 17) ? json_null() : json_integer(db_col_int64(st, 17)));
  json_object_set_new(j, "penilai_id", db_col_int64(st, 21) ? json_integer(db_col_int64(st, 21)) : json_null());
  json_object_set_new(j, "skp_id", db_col_int64(st, 22) ? json_integer(db_col_int64(st, 22)) : json_null());
  return j;
}

json_t *aktivitas_json(struct db *db, int64_t id)
{
  struct db_stmt *st = db_prepare(db, "SELECT " AKT_COLS AKT_FROM " WHERE a.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  json_t *j = db_step(st) == DB_ROW ? akt_row(st) : NULL;
  db_done(st);
  return j;
}

json_t *aktivitas_json_pada(struct db *db, int64_t id, const char *tanggal)
{
  if (!tanggal) return aktivitas_json(db, id);
  struct db_stmt *st = db_prepare(db, "SELECT " AKT_COLS AKT_FROM " WHERE a.id = ?1 AND a.tanggal = ?2");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  db_bind_text(st, 2, tanggal);
  json_t *j = db_step(st) == DB_ROW ? akt_row(st) : NULL;
  db_done(st);
  return j;
}

/* May the owner still change it?  3 with a message when not. */
static int editable(struct db *db, int64_t pegawai_id, int64_t id, json_t **before, int *http, const char **pesan)
{
  int64_t owner = 0;
  int rc = aktivitas_owner(db, id, &owner, NULL, NULL);
  if (rc != 0) return rc < 0 ? -1 : 2;
  if (owner != pegawai_id) { *http = 403; *pesan = "hanya pegawai yang mencatat aktivitas ini yang dapat mengubahnya"; return 3; }
  *before = aktivitas_json(db, id);
  if (!*before) return -1;
  if (!strcmp(json_string_value(json_object_get(*before, "status")), "disetujui")) {
    json_decref(*before);
    *before = NULL;
    *http = 409;
    *pesan = "aktivitas sudah disetujui atasan sehingga tidak dapat diubah";
    return 3;
  }
  return 0;
}

int aktivitas_update(struct db *db, const struct aktivitas_ctx *c, int64_t id, json_t *body, const struct audit_actor *who,
                     json_t **errs, int *http, const char **pesan)
{
  json_t *before = NULL;
  int rc = editable(db, c->pegawai_id, id, &before, http, pesan);
  if (rc != 0) return rc;
  /* the stored record with the body's changes on top, checked as a whole */
  json_t *merged = json_object();
  static const char *const keep[] = {"tanggal", "jam_mulai", "jam_selesai", "menit", "uraian", "kuantitas", "satuan", "lokasi", NULL};
  for (int i = 0; keep[i]; i++) {
    json_t *v = json_object_get(before, keep[i]);
    if (v && !json_is_null(v)) json_object_set(merged, keep[i], v);
  }
  json_t *rhk = json_object_get(before, "rhk");
  if (json_is_object(rhk)) json_object_set(merged, "rhk_id", json_object_get(rhk, "id"));
  json_t *ra = json_object_get(before, "rencana_aksi_id");
  if (json_is_integer(ra)) json_object_set(merged, "rencana_aksi_id", ra);
  /* giving the times replaces the duration and the other way round */
  if (json_object_get(body, "jam_mulai") || json_object_get(body, "jam_selesai")) json_object_del(merged, "menit");
  if (json_object_get(body, "menit") && !json_object_get(body, "jam_mulai")) { json_object_del(merged, "jam_mulai"); json_object_del(merged, "jam_selesai"); }
  json_object_update(merged, body);
  struct aktivitas_row r;
  /* fixing a returned activity keeps its date: the back-dating window applies to new dates only */
  struct aktivitas_ctx cc = *c;
  const char *tgl_lama = json_string_value(json_object_get(before, "tanggal"));
  const char *tgl_baru = json_string_value(json_object_get(merged, "tanggal"));
  if (tgl_lama && tgl_baru && !strcmp(tgl_lama, tgl_baru)) cc.set.aturan.hari_mundur = 36600;
  rc = periksa(db, &cc, merged, id, &r, errs, http, pesan);
  if (rc == 0) {
    struct db_stmt *st = db_prepare(db,
      "UPDATE aktivitas SET penilai_id = ?2, skp_id = ?3, rhk_id = ?4, rencana_aksi_id = ?5, tanggal = ?6, jam_mulai = ?7,"
      "       jam_selesai = ?8, menit = ?9, uraian = ?10, kuantitas = ?11, satuan = ?12, lokasi = ?13,"
      "       status = 'diajukan', catatan_review = NULL, diubah = ?14 WHERE id = ?1");
    if (!st) rc = -1;
    else {
      db_bind_int64(st, 1, id);
      bind_row(st, &r, 2);
      db_bind_int64(st, 14, now_unix());
      rc = db_step(st) == DB_DONE ? 0 : -1;
      db_done(st);
    }
    if (rc == 0) {
      json_t *after = aktivitas_json(db, id);
      rc = audit_append(db, who, c->instansi_id, "aktivitas.update", "aktivitas", id, before, after);
      json_decref(after);
    }
  }
  json_decref(merged);
  json_decref(before);
  return rc;
}

int aktivitas_delete(struct db *db, int64_t pegawai_id, int64_t id, const struct audit_actor *who, int *http, const char **pesan)
{
  json_t *before = NULL;
  int rc = editable(db, pegawai_id, id, &before, http, pesan);
  if (rc != 0) return rc;
  int64_t inst = 0;
  aktivitas_owner(db, id, NULL, NULL, &inst);
  struct db_stmt *st = db_prepare(db, "UPDATE aktivitas SET dihapus = 1, diubah = ?2 WHERE id = ?1");
  if (!st) { json_decref(before); return -1; }
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, now_unix());
  int s = db_step(st);
  db_done(st);
  rc = s == DB_DONE ? audit_append(db, who, inst, "aktivitas.delete", "aktivitas", id, before, NULL) : -1;
  json_decref(before);
  return rc;
}

/* The list's statement, bound (aktivitas_internal.h); NULL with *bad naming a bad filter, or
 * NULL alone on a database error. */
struct db_stmt *aktivitas_list_siapkan(struct db *db, const struct aktivitas_query *q, const char **bad, int tanpa_urut)
{
  *bad = NULL;
  if (q->status && strcmp(q->status, "diajukan") && strcmp(q->status, "disetujui") && strcmp(q->status, "dikembalikan")) { *bad = "status"; return NULL; }
  if (q->dari && !date_valid(q->dari)) { *bad = "dari"; return NULL; }
  if (q->sampai && !date_valid(q->sampai)) { *bad = "sampai"; return NULL; }
  /* Only the filters in use go into the SQL (the parameter numbers stay fixed), so that the
   * planner can drive the query from an index: the review queue walks (penilai_id, status, id)
   * and stops after one page however large the table is (bench g). */
  struct buf b;
  buf_init(&b, 4096);
  int gagal = buf_puts(&b, "SELECT " AKT_COLS AKT_FROM " WHERE a.dihapus = 0");
  if (q->instansi_id) gagal |= buf_puts(&b, " AND a.instansi_id = ?1");
  if (q->scope_root)
    gagal |= buf_puts(&b, " AND (a.pegawai_id = ?2 OR a.penilai_id = ?2 OR a.pegawai_id IN ("
                 "WITH RECURSIVE turun(id, d) AS (SELECT id, 0 FROM pegawai WHERE atasan_id = ?2"
                 " UNION ALL SELECT c.id, t.d + 1 FROM pegawai c JOIN turun t ON c.atasan_id = t.id WHERE t.d < 32)"
                 " SELECT id FROM turun))");
  if (q->pegawai_id) gagal |= buf_puts(&b, " AND a.pegawai_id = ?3");
  if (q->penilai_id) gagal |= buf_puts(&b, " AND a.penilai_id = ?4");
  if (q->rhk_id) gagal |= buf_puts(&b, " AND a.rhk_id = ?5");
  if (q->status) gagal |= buf_puts(&b, " AND a.status = ?6");
  if (q->dari) gagal |= buf_puts(&b, " AND a.tanggal >= ?7");
  if (q->sampai) gagal |= buf_puts(&b, " AND a.tanggal <= ?8");
  if (q->cursor) gagal |= buf_puts(&b, " AND a.id < ?9");
  gagal |= buf_puts(&b, tanpa_urut ? " LIMIT ?10" : " ORDER BY a.id DESC LIMIT ?10");
  struct db_stmt *st = gagal ? NULL : db_prepare(db, b.data);   /* the statement keeps its own copy */
  buf_free(&b);
  if (!st) return NULL;
  db_bind_int64(st, 1, q->instansi_id);
  db_bind_int64(st, 2, q->scope_root);
  db_bind_int64(st, 3, q->pegawai_id);
  db_bind_int64(st, 4, q->penilai_id);
  db_bind_int64(st, 5, q->rhk_id);
  db_bind_text(st, 6, q->status);
  db_bind_text(st, 7, q->dari);
  db_bind_text(st, 8, q->sampai);
  db_bind_int64(st, 9, q->cursor);
  db_bind_int64(st, 10, tanpa_urut ? tanpa_urut : q->limit + 1);
  return st;
}

json_t *aktivitas_list(struct db *db, const struct aktivitas_query *q, const char **bad)
{
  struct db_stmt *st = aktivitas_list_siapkan(db, q, bad, 0);
  if (!st) return NULL;
  json_t *items = json_array();
  int s, n = 0;
  int64_t last = 0;
  bool more = false;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == q->limit) { more = true; break; }
    last = db_col_int64(st, 0);
    json_array_append_new(items, akt_row(st));
    n++;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) { json_decref(items); return NULL; }
  char c[32];
  snprintf(c, sizeof c, "%lld", (long long)last);
  return json_pack("{s:o,s:i,s:o}", "items", items, "limit", q->limit, "next_cursor", more ? json_string(c) : json_null());
}

int notifikasi_kirim(struct db *db, int64_t pegawai_id, const char *judul, const char *isi, const char *tautan)
{
  struct db_stmt *st = db_prepare(db, "INSERT INTO notifikasi (pegawai_id, judul, isi, tautan, dibaca, dibuat) VALUES (?1, ?2, ?3, ?4, 0, ?5)");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, judul);
  db_bind_text(st, 3, isi);
  db_bind_text(st, 4, tautan);
  db_bind_int64(st, 5, now_unix());
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? surel_antri(db, pegawai_id, judul, isi, tautan) : -1;   /* email when enabled (surel.h) */
}

int aktivitas_review(struct db *db, int64_t penilai_id, json_t *ids, const char *aksi, const char *catatan,
                     const struct audit_actor *who, json_t **hasil, int *n_ok)
{
  bool setujui = !strcmp(aksi, "setujui");
  *hasil = json_array();
  *n_ok = 0;
  size_t i;
  json_t *v;
  json_array_foreach(ids, i, v) {
    int64_t id = json_integer_value(v), owner = 0, pen = 0, inst = 0;
    const char *gagal = NULL;
    int rc = aktivitas_owner(db, id, &owner, &pen, &inst);
    if (rc < 0) return -1;
    json_t *cur = rc == 0 ? aktivitas_json(db, id) : NULL;
    if (rc == 1) gagal = "aktivitas tidak ditemukan";
    else if (pen != penilai_id) gagal = "Anda bukan penilai aktivitas ini";
    else if (strcmp(json_string_value(json_object_get(cur, "status")), "diajukan") != 0) gagal = "aktivitas tidak sedang menunggu review";
    if (!gagal) {
      struct db_stmt *st = db_prepare(db,
        "UPDATE aktivitas SET status = ?2, catatan_review = ?3, direview_oleh = ?4, direview = ?5, diubah = ?5 WHERE id = ?1");
      if (!st) { json_decref(cur); return -1; }
      db_bind_int64(st, 1, id);
      db_bind_text(st, 2, setujui ? "disetujui" : "dikembalikan");
      db_bind_text(st, 3, setujui ? NULL : catatan);
      db_bind_int64(st, 4, penilai_id);
      db_bind_int64(st, 5, now_unix());
      int s = db_step(st);
      db_done(st);
      if (s != DB_DONE) { json_decref(cur); return -1; }
      json_t *b = json_pack("{s:s}", "status", "diajukan");
      json_t *a = json_pack("{s:s,s:s?}", "status", setujui ? "disetujui" : "dikembalikan", "catatan", setujui ? NULL : catatan);
      rc = audit_append(db, who, inst, setujui ? "aktivitas.setujui" : "aktivitas.kembalikan", "aktivitas", id, b, a);
      json_decref(b);
      json_decref(a);
      if (rc != 0) { json_decref(cur); return -1; }
      if (!setujui) {
        char isi[600], tautan[64];
        snprintf(isi, sizeof isi, "Aktivitas %s \"%.200s\" dikembalikan: %.300s", json_string_value(json_object_get(cur, "tanggal")),
                 json_string_value(json_object_get(cur, "uraian")), catatan);
        snprintf(tautan, sizeof tautan, "#/aktivitas/%lld", (long long)id);
        if (notifikasi_kirim(db, owner, "Aktivitas dikembalikan", isi, tautan) != 0) { json_decref(cur); return -1; }
      }
      (*n_ok)++;
    }
    json_decref(cur);
    json_array_append_new(*hasil, json_pack("{s:I,s:b,s:s?}", "id", (json_int_t)id, "ok", !gagal, "pesan", gagal));
  }
  return 0;
}

json_t *aktivitas_sering(struct db *db, int64_t pegawai_id)
{
  char today[11], sejak[11];
  date_today(7, today);
  if (date_add_days(today, -90, sejak) != 0) return NULL;
  struct db_stmt *st = db_prepare(db,
    "SELECT a.uraian, COALESCE(a.rhk_id, 0), COALESCE(r.rhk, ''), a.menit, a.satuan, COUNT(*) AS n, MAX(a.tanggal)"
    "  FROM aktivitas a LEFT JOIN rhk r ON r.id = a.rhk_id"
    " WHERE a.pegawai_id = ?1 AND a.dihapus = 0 AND a.tanggal >= ?2"
    " GROUP BY a.uraian, a.rhk_id, r.rhk, a.menit, a.satuan ORDER BY n DESC, MAX(a.tanggal) DESC LIMIT 10");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, sejak);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *it = json_pack("{s:s,s:I,s:I,s:s}", "uraian", db_col_text(st, 0), "menit", (json_int_t)db_col_int64(st, 3),
                           "kali", (json_int_t)db_col_int64(st, 5), "terakhir", db_col_text(st, 6));
    json_object_set_new(it, "rhk", db_col_int64(st, 1) ? json_pack("{s:I,s:s}", "id", (json_int_t)db_col_int64(st, 1), "rhk", db_col_text(st, 2)) : json_null());
    json_object_set_new(it, "satuan", opt(st, 4));
    json_array_append_new(items, it);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:o}", "items", items);
}

int aktivitas_salin(struct db *db, const struct aktivitas_ctx *c, const char *dari, const char *ke,
                    const struct audit_actor *who, json_t **errs, json_t **ids)
{
  if (!dari || !date_valid(dari)) errs_add(errs, "dari", "wajib: tanggal YYYY-MM-DD");
  if (!ke || !date_valid(ke)) errs_add(errs, "ke", "wajib: tanggal YYYY-MM-DD");
  if (errs_any(*errs)) return 1;
  struct db_stmt *st = db_prepare(db,
    "SELECT uraian, jam_mulai, jam_selesai, menit, kuantitas, satuan, lokasi, rhk_id FROM aktivitas"
    " WHERE pegawai_id = ?1 AND tanggal = ?2 AND dihapus = 0 ORDER BY COALESCE(jam_mulai, ''), id");
  if (!st) return -1;
  db_bind_int64(st, 1, c->pegawai_id);
  db_bind_text(st, 2, dari);
  json_t *bodies = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *b = json_pack("{s:s,s:s}", "tanggal", ke, "uraian", db_col_text(st, 0));
    if (!db_col_is_null(st, 1) && !db_col_is_null(st, 2)) {
      json_object_set_new(b, "jam_mulai", json_string(db_col_text(st, 1)));
      json_object_set_new(b, "jam_selesai", json_string(db_col_text(st, 2)));
    } else {
      json_object_set_new(b, "menit", json_integer(db_col_int64(st, 3)));
    }
    if (!db_col_is_null(st, 4)) json_object_set_new(b, "kuantitas", json_string(db_col_text(st, 4)));
    if (!db_col_is_null(st, 5)) json_object_set_new(b, "satuan", json_string(db_col_text(st, 5)));
    if (!db_col_is_null(st, 6)) json_object_set_new(b, "lokasi", json_string(db_col_text(st, 6)));
    if (!db_col_is_null(st, 7)) json_object_set_new(b, "rhk_id", json_integer(db_col_int64(st, 7)));
    json_array_append_new(bodies, b);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(bodies); return -1; }
  if (json_array_size(bodies) == 0) {
    json_decref(bodies);
    errs_add(errs, "dari", "tidak ada aktivitas pada tanggal itu");
    return 1;
  }
  *ids = json_array();
  size_t i;
  json_t *b;
  int rc = 0;
  json_array_foreach(bodies, i, b) {
    char prefix[32];
    snprintf(prefix, sizeof prefix, "items[%zu].", i);
    struct aktivitas_ctx cc = *c;
    cc.prefix = prefix;
    int http = 0;
    const char *pesan = NULL;
    int64_t id = 0;
    /* the RHK of another period may not exist on the target day: keep the activity, drop the link */
    rc = aktivitas_create(db, &cc, b, who, errs, &http, &pesan, &id);
    if (rc == 1 && json_object_get(b, "rhk_id")) {
      json_decref(*errs);
      *errs = NULL;
      json_object_del(b, "rhk_id");
      rc = aktivitas_create(db, &cc, b, who, errs, &http, &pesan, &id);
    }
    if (rc == 3) { errs_add(errs, "ke", pesan); rc = 1; }
    if (rc != 0) break;
    json_array_append_new(*ids, json_integer(id));
  }
  json_decref(bodies);
  if (rc != 0) { json_decref(*ids); *ids = NULL; }
  return rc;
}

/* ---- rencana aksi ---- */

json_t *rencana_aksi_list(struct db *db, int64_t skp_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT ra.id, ra.rhk_id, r.rhk, ra.bulan, ra.uraian, ra.target_angka, ra.target_satuan,"
    "       (SELECT COUNT(*) FROM aktivitas a WHERE a.rencana_aksi_id = ra.id AND a.dihapus = 0)"
    "  FROM rencana_aksi ra JOIN rhk r ON r.id = ra.rhk_id WHERE ra.skp_id = ?1 ORDER BY ra.bulan, r.urutan, ra.id");
  if (!st) return NULL;
  db_bind_int64(st, 1, skp_id);
  json_t *items = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *it = json_pack("{s:I,s:I,s:s,s:I,s:s,s:I}", "id", (json_int_t)db_col_int64(st, 0), "rhk_id", (json_int_t)db_col_int64(st, 1),
                           "rhk", db_col_text(st, 2), "bulan", (json_int_t)db_col_int64(st, 3), "uraian", db_col_text(st, 4),
                           "jumlah_aktivitas", (json_int_t)db_col_int64(st, 7));
    json_object_set_new(it, "target_angka", opt(st, 5));
    json_object_set_new(it, "target_satuan", opt(st, 6));
    json_array_append_new(items, it);
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:o}", "items", items);
}

int rencana_aksi_skp(struct db *db, int64_t id, int64_t *skp_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT skp_id FROM rencana_aksi WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  if (s == DB_ROW) *skp_id = db_col_int64(st, 0);
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

int rencana_aksi_save(struct db *db, int64_t skp_id, int64_t id, json_t *body, const struct audit_actor *who,
                      json_t **errs, int *http, const char **pesan, int64_t *out_id)
{
  (void)http;
  (void)pesan;
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v)
    if (strcmp(k, "rhk_id") && strcmp(k, "bulan") && strcmp(k, "uraian") && strcmp(k, "target_angka") && strcmp(k, "target_satuan"))
      errs_add(errs, k, "kolom tidak dikenal");
  int64_t rhk_id = 0, bulan = 0;
  const char *uraian = NULL, *satuan = NULL;
  char angka[32] = "";
  json_t *cur = NULL;
  if (id) {
    struct db_stmt *st = db_prepare(db, "SELECT rhk_id, bulan, uraian, COALESCE(target_angka, ''), COALESCE(target_satuan, '') FROM rencana_aksi WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, id);
    if (db_step(st) == DB_ROW)
      cur = json_pack("{s:I,s:I,s:s,s:s,s:s}", "rhk_id", (json_int_t)db_col_int64(st, 0), "bulan", (json_int_t)db_col_int64(st, 1),
                      "uraian", db_col_text(st, 2), "target_angka", db_col_text(st, 3), "target_satuan", db_col_text(st, 4));
    db_done(st);
    if (!cur) return 2;
  }
  json_t *m = cur ? json_deep_copy(cur) : json_object();
  json_object_update(m, body);
  json_t *x = json_object_get(m, "rhk_id");
  if (!json_is_integer(x)) errs_add(errs, "rhk_id", "wajib: RHK dari SKP ini");
  else rhk_id = json_integer_value(x);
  x = json_object_get(m, "bulan");
  if (!json_is_integer(x) || json_integer_value(x) < 1 || json_integer_value(x) > 12) errs_add(errs, "bulan", "wajib: bulan 1-12");
  else bulan = json_integer_value(x);
  uraian = json_string_value(json_object_get(m, "uraian"));
  if (!uraian || strlen(uraian) < 3 || strlen(uraian) > 2000 || !text_clean(uraian, true)) errs_add(errs, "uraian", "wajib diisi: rencana aksi (3-2000 karakter)");
  const char *a = json_string_value(json_object_get(m, "target_angka"));
  satuan = json_string_value(json_object_get(m, "target_satuan"));
  if (a && a[0] && target_angka_normal(a, angka, sizeof angka) != 0) errs_add(errs, "target_angka", "harus angka tidak negatif");
  if (angka[0] && (!satuan || !satuan[0] || strlen(satuan) > 50)) errs_add(errs, "target_satuan", "wajib diisi bila target diisi (maksimal 50 karakter)");
  if (!errs_any(*errs)) {
    int64_t n = 0;
    struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM rhk WHERE id = ?1 AND skp_id = ?2");
    if (!st) { json_decref(m); json_decref(cur); return -1; }
    db_bind_int64(st, 1, rhk_id);
    db_bind_int64(st, 2, skp_id);
    n = db_step(st) == DB_ROW ? db_col_int64(st, 0) : 0;
    db_done(st);
    if (!n) errs_add(errs, "rhk_id", "bukan RHK dari SKP ini");
  }
  if (!errs_any(*errs) && id && json_integer_value(json_object_get(cur, "rhk_id")) != rhk_id) {
    int64_t linked = 0;
    if (db_query_int64(db, "SELECT COUNT(*) FROM aktivitas WHERE rencana_aksi_id = ?1 AND dihapus = 0", 1, id, &linked) != DB_ROW) {
      json_decref(m);
      json_decref(cur);
      return -1;
    }
    if (linked) errs_add(errs, "rhk_id", "rencana aksi ini sudah dipakai aktivitas; RHK-nya tidak dapat dipindah");
  }
  if (errs_any(*errs)) { json_decref(m); json_decref(cur); return 1; }
  int64_t now = now_unix();
  struct db_stmt *st = id
    ? db_prepare(db, "UPDATE rencana_aksi SET rhk_id = ?2, bulan = ?3, uraian = ?4, target_angka = ?5, target_satuan = ?6, diubah = ?7 WHERE id = ?1")
    : db_prepare(db, "INSERT INTO rencana_aksi (skp_id, rhk_id, bulan, uraian, target_angka, target_satuan, dibuat, diubah)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id");
  if (!st) { json_decref(m); json_decref(cur); return -1; }
  db_bind_int64(st, 1, id ? id : skp_id);
  db_bind_int64(st, 2, rhk_id);
  db_bind_int64(st, 3, bulan);
  db_bind_text(st, 4, uraian);
  db_bind_text(st, 5, angka[0] ? angka : NULL);
  db_bind_text(st, 6, angka[0] ? satuan : NULL);
  db_bind_int64(st, 7, now);
  int s = db_step(st);
  if (!id && s == DB_ROW) *out_id = db_col_int64(st, 0);
  db_done(st);
  if (id) *out_id = id;
  int rc = (id ? s == DB_DONE : s == DB_ROW) ? 0 : -1;
  if (rc == 0) {
    int64_t inst = 0;
    db_query_int64(db, "SELECT instansi_id FROM skp WHERE id = ?1", 1, skp_id, &inst);
    rc = audit_append(db, who, inst, id ? "rencana_aksi.update" : "rencana_aksi.create", "rencana_aksi", *out_id, cur, m);
  }
  json_decref(m);
  json_decref(cur);
  return rc;
}

int rencana_aksi_delete(struct db *db, int64_t id, const struct audit_actor *who, int *http, const char **pesan)
{
  int64_t skp_id = 0, n = 0, inst = 0;
  int rc = rencana_aksi_skp(db, id, &skp_id);
  if (rc != 0) return rc < 0 ? -1 : 2;
  if (db_query_int64(db, "SELECT COUNT(*) FROM aktivitas WHERE rencana_aksi_id = ?1 AND dihapus = 0", 1, id, &n) != DB_ROW) return -1;
  if (n > 0) { *http = 409; *pesan = "rencana aksi ini sudah dipakai aktivitas; pindahkan aktivitasnya dulu"; return 3; }
  struct db_stmt *st = db_prepare(db, "DELETE FROM rencana_aksi WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  db_query_int64(db, "SELECT instansi_id FROM skp WHERE id = ?1", 1, skp_id, &inst);
  return audit_append(db, who, inst, "rencana_aksi.delete", "rencana_aksi", id, NULL, NULL);
}
