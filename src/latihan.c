/* latihan.c: create, regenerate, remove and enter a training sandbox (see latihan.h). */
#include "latihan.h"

#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "util/util.h"

int64_t latihan_asal_instansi(struct db *db, int64_t instansi_id)
{
  if (instansi_id <= 0) return 0;
  int64_t asal = 0;
  int s = db_query_int64(db, "SELECT COALESCE(latihan_dari, 0) FROM instansi WHERE id = ?1", 1, instansi_id, &asal);
  if (s == DB_DONE) return 0;
  return s == DB_ROW ? asal : -1;
}

int64_t latihan_cari(struct db *db, int64_t instansi_id, bool *aktif)
{
  struct db_stmt *st = db_prepare(db, "SELECT id, aktif FROM instansi WHERE latihan_dari = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  int64_t id = 0;
  int s = db_step(st);
  if (s == DB_ROW) {
    id = db_col_int64(st, 0);
    if (aktif) *aktif = db_col_int64(st, 1) != 0;
  } else if (aktif) {
    *aktif = false;
  }
  db_done(st);
  return s == DB_ROW || s == DB_DONE ? id : -1;
}

/* Practice roles, lowest first; a user may take their own role and those below it, an admin
 * any (the admin trains the staff). */
static const char *const PERAN[] = {"pegawai", "atasan", "auditor", "pimpinan", "admin", NULL};

static int peran_tertinggi(struct db *db, const struct principal *who)
{
  if (who->peran & PERAN_ADMIN) return 4;
  if (who->peran & PERAN_PIMPINAN) return 3;
  if (who->peran & PERAN_AUDITOR) return 2;
  int64_t n = 0;
  if (who->pegawai_id)
    db_query_int64(db, "SELECT COUNT(*) FROM pegawai WHERE atasan_id = ?1 AND aktif = 1", 1, who->pegawai_id, &n);
  return n > 0 ? 1 : 0;
}

static bool peran_boleh(int tertinggi, int k)
{
  if (tertinggi == 4) return true;
  if (k == 2) return tertinggi == 2;   /* auditor is not below pimpinan */
  return k <= tertinggi && !(tertinggi == 2 && k == 1);
}

json_t *latihan_status(struct db *db, const struct principal *who)
{
  bool aktif = false;
  int64_t id = latihan_cari(db, who->instansi_id, &aktif);
  if (id < 0) return NULL;
  json_t *j = json_pack("{s:b}", "ada", id > 0 && aktif);
  if (!j) return NULL;
  json_t *peran = json_array();
  int top = peran_tertinggi(db, who);
  for (int k = 0; PERAN[k]; k++)
    if (peran_boleh(top, k)) json_array_append_new(peran, json_string(PERAN[k]));
  json_object_set_new(j, "peran", peran);
  json_object_set_new(j, "peran_cermin", json_string(PERAN[top]));
  if (id > 0 && aktif) {
    struct db_stmt *st = db_prepare(db,
      "SELECT i.id, i.kode, i.nama, i.dibuat,"
      "       (SELECT COUNT(*) FROM pegawai p WHERE p.instansi_id = i.id),"
      "       (SELECT COUNT(*) FROM unit_kerja u WHERE u.instansi_id = i.id)"
      "  FROM instansi i WHERE i.id = ?1");
    if (!st) { json_decref(j); return NULL; }
    db_bind_int64(st, 1, id);
    if (db_step(st) == DB_ROW)
      json_object_set_new(j, "instansi", json_pack("{s:I,s:s,s:s,s:I,s:I,s:I}", "id", (json_int_t)db_col_int64(st, 0),
                                                   "kode", db_col_text(st, 1), "nama", db_col_text(st, 2),
                                                   "dibuat", (json_int_t)db_col_int64(st, 3),
                                                   "pegawai", (json_int_t)db_col_int64(st, 4),
                                                   "unit_kerja", (json_int_t)db_col_int64(st, 5)));
    db_done(st);
  }
  if (!json_object_get(j, "instansi")) json_object_set_new(j, "instansi", json_null());
  return j;
}

/* Fills sandbox `id` with generated data and returns what was made. */
static int isi(struct db *db, int64_t id, struct demo_latihan_hasil *h, double *detik)
{
  char awalan[40];
  snprintf(awalan, sizeof awalan, "latihan%lld.", (long long)id);
  struct demo_latihan o = {.instansi_id = id, .awalan = awalan, .pegawai = LATIHAN_PEGAWAI, .seed = (unsigned)id};
  double t0 = now_mono();
  int rc = demo_latihan_isi(db, &o, h);
  *detik = now_mono() - t0;
  return rc;
}

static int catat(struct db *db, const struct audit_actor *a, int64_t inst, const char *aksi, int64_t id,
                 const struct demo_latihan_hasil *h, double detik)
{
  json_t *sesudah = h ? json_pack("{s:b,s:i,s:i,s:i,s:f}", "latihan", 1, "pegawai", h->pegawai, "unit_kerja", h->unit,
                                  "skp", h->skp, "detik", detik)
                      : json_pack("{s:b}", "latihan", 1);
  if (!sesudah) return -1;
  int rc = audit_append(db, a, inst, aksi, "instansi", id, NULL, sesudah);
  json_decref(sesudah);
  return rc;
}

static int bukan_latihan(struct db *db, int64_t inst, int *http, const char **pesan)
{
  int64_t asal = latihan_asal_instansi(db, inst);
  if (asal < 0) return -1;
  if (asal > 0) {
    *http = 409;
    *pesan = "Anda sedang dalam mode latihan. Keluar dari mode latihan untuk mengelola salinan latihan.";
    return 1;
  }
  return 0;
}

int latihan_buat(struct db *db, int64_t inst, const struct principal *who, const struct audit_actor *a,
                 json_t **hasil, int *http, const char **pesan)
{
  int r = bukan_latihan(db, inst, http, pesan);
  if (r != 0) return r;
  bool aktif = false;
  int64_t id = latihan_cari(db, inst, &aktif);
  if (id < 0) return -1;
  if (id > 0 && aktif) {
    *http = 409;
    *pesan = "Salinan latihan instansi ini sudah ada. Gunakan \"Atur ulang\" untuk membuat data latihan baru.";
    return 1;
  }
  int64_t now = now_unix();
  if (id > 0) {
    /* a removed sandbox's row comes back (its id stays with the sandbox forever) */
    struct db_stmt *st = db_prepare(db, "UPDATE instansi SET aktif = 1, dibuat = ?2,"
                                        " nama = (SELECT r.nama FROM instansi r WHERE r.id = ?3) || ' (Latihan)',"
                                        " zona_waktu = (SELECT r.zona_waktu FROM instansi r WHERE r.id = ?3) WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, now);
    db_bind_int64(st, 3, inst);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  } else {
    char kode[48];
    snprintf(kode, sizeof kode, "LATIHAN-%lld", (long long)inst);
    struct db_stmt *st = db_prepare(db,
      "INSERT INTO instansi (kode, nama, zona_waktu, aktif, dibuat, latihan_dari)"
      " SELECT ?1, r.nama || ' (Latihan)', r.zona_waktu, 1, ?2, r.id FROM instansi r WHERE r.id = ?3 RETURNING id");
    if (!st) return -1;
    db_bind_text(st, 1, kode);
    db_bind_int64(st, 2, now);
    db_bind_int64(st, 3, inst);
    int s = db_step(st);
    if (s == DB_ROW) id = db_col_int64(st, 0);
    db_done(st);
    if (s != DB_ROW) return -1;
  }
  struct demo_latihan_hasil h = {0};
  double detik = 0;
  if (isi(db, id, &h, &detik) != 0) return -1;
  if (catat(db, a, inst, "latihan.buat", id, &h, detik) != 0) return -1;
  *hasil = latihan_status(db, who);
  return *hasil ? 0 : -1;
}

static int perlu_ada(struct db *db, int64_t inst, int64_t *id, int *http, const char **pesan)
{
  int r = bukan_latihan(db, inst, http, pesan);
  if (r != 0) return r;
  bool aktif = false;
  *id = latihan_cari(db, inst, &aktif);
  if (*id < 0) return -1;
  if (*id == 0 || !aktif) {
    *http = 404;
    *pesan = "Instansi ini belum memiliki salinan latihan.";
    return 1;
  }
  return 0;
}

int latihan_reset(struct db *db, int64_t inst, const struct principal *who, const struct audit_actor *a,
                  json_t **hasil, int *http, const char **pesan)
{
  int64_t id = 0;
  int r = perlu_ada(db, inst, &id, http, pesan);
  if (r != 0) return r;
  struct db_stmt *st = db_prepare(db, "UPDATE instansi SET dibuat = ?2 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  struct demo_latihan_hasil h = {0};
  double detik = 0;
  if (latihan_kosongkan(db, id) != 0 || isi(db, id, &h, &detik) != 0) return -1;
  if (catat(db, a, inst, "latihan.reset", id, &h, detik) != 0) return -1;
  *hasil = latihan_status(db, who);
  return *hasil ? 0 : -1;
}

int latihan_hapus(struct db *db, int64_t inst, const struct audit_actor *a, int *http, const char **pesan)
{
  int64_t id = 0;
  int r = perlu_ada(db, inst, &id, http, pesan);
  if (r != 0) return r;
  if (latihan_kosongkan(db, id) != 0) return -1;
  struct db_stmt *st = db_prepare(db, "UPDATE instansi SET aktif = 0 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  return catat(db, a, inst, "latihan.hapus", id, NULL, 0);
}

int latihan_akun(struct db *db, int64_t sandbox, const struct principal *who, const char *peran,
                 int64_t *pengguna_id, const char **pesan)
{
  int top = peran_tertinggi(db, who), k = top;
  if (peran) {
    for (k = 0; PERAN[k] && strcmp(PERAN[k], peran) != 0; k++) {}
    if (!PERAN[k] || !peran_boleh(top, k)) {
      *pesan = "Peran latihan ini tidak tersedia untuk akun Anda.";
      return 1;
    }
  }
  char login[64];
  snprintf(login, sizeof login, "latihan%lld.%s", (long long)sandbox, PERAN[k]);
  struct db_stmt *st = db_prepare(db, "SELECT id FROM pengguna WHERE username = ?1 AND instansi_id = ?2 AND aktif = 1");
  if (!st) return -1;
  db_bind_text(st, 1, login);
  db_bind_int64(st, 2, sandbox);
  int s = db_step(st);
  *pengguna_id = s == DB_ROW ? db_col_int64(st, 0) : 0;
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -1;
  if (!*pengguna_id) {
    *pesan = "Akun latihan untuk peran ini tidak ditemukan. Minta admin mengatur ulang salinan latihan.";
    return 1;
  }
  return 0;
}
