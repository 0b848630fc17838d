/* tpp_bulan.c: the monthly TPP run (see tpp_bulan.h). */
#include "tpp_bulan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "presensi.h"
#include "rules/aktivitas_aturan.h"
#include "tpp_json.h"
#include "tpp_rincian.h"
#include "util/buf.h"
#include "util/util.h"
#include "webhook_peristiwa.h"

/* ---- rule tables ---- */

int tpp_aturan_muat(struct db *db, int64_t id, int64_t *instansi_id, struct tpp_aturan *a, char status[8])
{
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, status, isi FROM tpp_aturan WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st), rc = 1;
  if (s == DB_ROW) {
    if (instansi_id) *instansi_id = db_col_int64(st, 0);
    if (status) str_copy(status, 8, db_col_text(st, 1));
    json_t *j = json_loads(db_col_text(st, 2), 0, NULL);
    json_t *errs = NULL;
    rc = j && tpp_aturan_dari_json(j, a, &errs) == 0 ? 0 : -1;
    json_decref(errs);
    json_decref(j);
  } else if (s != DB_DONE) {
    rc = -1;
  }
  db_done(st);
  return rc;
}

int tpp_aturan_berlaku(struct db *db, int64_t instansi_id, int tahun, int bulan, struct tpp_aturan *a, int64_t *id)
{
  char ym[40];
  snprintf(ym, sizeof ym, "%04d-%02d", tahun, bulan);
  struct db_stmt *st = db_prepare(db,
    "SELECT id FROM tpp_aturan WHERE instansi_id = ?1 AND status = 'aktif' AND berlaku_mulai <= ?2"
    " ORDER BY berlaku_mulai DESC, id DESC LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, ym);
  int s = db_step(st);
  *id = s == DB_ROW ? db_col_int64(st, 0) : 0;
  db_done(st);
  if (s != DB_ROW) return s == DB_DONE ? 1 : -1;
  return tpp_aturan_muat(db, *id, NULL, a, NULL) == 0 ? 0 : -1;
}

/* ---- the run ---- */

struct jadwal_unit { int64_t unit; struct jadwal_hari hari[31]; };

struct run {
  struct db *db;
  int64_t instansi_id;
  int tahun, bulan, n_hari;
  char tanggal[31][11], dari[11], sampai[11], hari_ini[11];
  const struct tpp_aturan *a;
  struct jadwal_unit *ju;
  int n_ju, cap_ju;
  /* the per-pegawai statements, taken once for the whole run (db_reset between pegawai) */
  struct db_stmt *st_presensi, *st_status, *st_sanksi, *st_predikat;
};

static const char SQL_PRESENSI[] = "SELECT tanggal, masuk, pulang FROM presensi WHERE pegawai_id = ?1 AND tanggal BETWEEN ?2 AND ?3";
static const char SQL_STATUS[] = "SELECT status, dari, sampai FROM presensi_status WHERE pegawai_id = ?1 AND dari <= ?3 AND sampai >= ?2";
static const char SQL_SANKSI[] =
  "SELECT COALESCE(kode, ''), persen, mulai, bulan, COALESCE(keterangan, '') FROM tpp_sanksi WHERE pegawai_id = ?1 ORDER BY id";
static const char SQL_PREDIKAT[] =
  "SELECT predikat, jenis, periode_ke, mulai, selesai FROM penilaian WHERE pegawai_id = ?1 AND status = 'final'"
  " AND predikat IS NOT NULL AND mulai <= ?2 ORDER BY selesai DESC, id DESC LIMIT 1";

/* One pegawai's result, given to the caller of jalankan(). */
struct satu {
  int64_t pegawai_id, unit_id;
  int kelas;
  const char *predikat;        /* kode */
  const char *asal_predikat;   /* where the predikat came from */
  const struct tpp_masukan *m;
  const struct tpp_hasil *h;   /* NULL when it could not be computed */
  const char *galat;
};
typedef int (*satu_fn)(void *ctx, const struct satu *s);

static const struct jadwal_hari *jadwal_untuk(struct run *r, int64_t pegawai_id, int64_t unit)
{
  for (int i = 0; i < r->n_ju; i++)
    if (r->ju[i].unit == unit) return r->ju[i].hari;
  if (r->n_ju == r->cap_ju) {
    int cap = r->cap_ju ? r->cap_ju * 2 : 64;
    void *p = realloc(r->ju, (size_t)cap * sizeof *r->ju);
    if (!p) return NULL;
    r->ju = p;
    r->cap_ju = cap;
  }
  struct jadwal_unit *u = &r->ju[r->n_ju];
  u->unit = unit;
  int n = 0;
  (void)pegawai_id;
  if (presensi_jadwal_bulan(r->db, r->instansi_id, unit, r->tahun, r->bulan, u->hari, &n) != 0 || n != r->n_hari) return NULL;
  r->n_ju++;
  return u->hari;
}

static int jam_atau_tidak(const char *s)
{
  int m;
  return s && tpp_jam_dari_teks(s, &m) == 0 ? m : TPP_TIDAK_ADA;
}

/* The predikat the month is paid on: the latest final penilaian that began by the month's end;
 * without one, Baik (UNCONFIRMED: what an instansi pays before the first evaluation). */
static void predikat_bulan(struct run *r, int64_t pegawai_id, enum predikat *p, char kode[24], char asal[160])
{
  *p = PREDIKAT_BAIK;
  str_copy(kode, 24, "baik");
  str_copy(asal, 160, "belum ada penilaian final: dibayar seperti Baik (UNCONFIRMED)");
  struct db_stmt *st = r->st_predikat;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, r->sampai);
  if (db_step(st) == DB_ROW && predikat_dari_kode(db_col_text(st, 0), p) == 0) {
    str_copy(kode, 24, db_col_text(st, 0));
    snprintf(asal, 160, "penilaian %s final %s s.d. %s", db_col_text(st, 1), db_col_text(st, 3), db_col_text(st, 4));
  }
  db_reset(st);
}

static int susun_masukan(struct run *r, int64_t pegawai_id, int64_t unit, int kelas, struct tpp_masukan *m, const char **galat)
{
  memset(m, 0, sizeof *m);
  m->tahun = r->tahun;
  m->bulan = r->bulan;
  m->kelas_jabatan = kelas;
  *galat = NULL;
  if (kelas < 1 || kelas > TPP_KELAS_MAKS) { *galat = "kelas jabatan pegawai belum diisi"; return 1; }
  if (!r->a->besaran[kelas]) { *galat = "besaran TPP untuk kelas jabatan ini belum diisi di tabel"; return 1; }
  const struct jadwal_hari *ju = jadwal_untuk(r, pegawai_id, unit);
  if (!ju) return -1;
  /* the unit's days, with the pegawai's shift roster laid over them */
  struct jadwal_hari jh[31];
  memcpy(jh, ju, sizeof jh);
  if (presensi_shift_terapkan(r->db, pegawai_id, r->tahun, r->bulan, jh, r->n_hari) != 0) return -1;
  /* the month's records and statuses */
  char masuk[31][6], pulang[31][6], status[31][24];
  memset(masuk, 0, sizeof masuk);
  memset(pulang, 0, sizeof pulang);
  memset(status, 0, sizeof status);
  bool ada[31] = {0};
  struct db_stmt *st = r->st_presensi;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, r->dari);
  db_bind_text(st, 3, r->sampai);
  while (db_step(st) == DB_ROW) {
    int d = atoi(db_col_text(st, 0) + 8) - 1;
    if (d < 0 || d >= r->n_hari) continue;
    ada[d] = true;
    if (!db_col_is_null(st, 1)) str_copy(masuk[d], 6, db_col_text(st, 1));
    if (!db_col_is_null(st, 2)) str_copy(pulang[d], 6, db_col_text(st, 2));
  }
  db_reset(st);
  st = r->st_status;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, r->dari);
  db_bind_text(st, 3, r->sampai);
  while (db_step(st) == DB_ROW)
    for (int d = 0; d < r->n_hari; d++)
      if (strcmp(r->tanggal[d], db_col_text(st, 1)) >= 0 && strcmp(r->tanggal[d], db_col_text(st, 2)) <= 0)
        str_copy(status[d], sizeof status[d], db_col_text(st, 0));
  db_reset(st);
  for (int d = 0; d < r->n_hari; d++) {
    /* weekends are no working days; days not yet over are left out */
    int wd = hari_minggu(r->tanggal[d]);
    if (strcmp(r->tanggal[d], r->hari_ini) >= 0) break;
    if (!jh[d].kerja && !jh[d].libur[0]) continue;
    if (!jh[d].kerja && (wd == 0 || wd == 6)) continue;   /* a holiday on a weekend changes nothing */
    struct tpp_hari *h = &m->hari[m->n_hari++];
    str_copy(h->tanggal, sizeof h->tanggal, r->tanggal[d]);
    h->jadwal_masuk = jh[d].kerja ? jam_atau_tidak(jh[d].masuk) : TPP_TIDAK_ADA;
    h->jadwal_pulang = jh[d].kerja ? jam_atau_tidak(jh[d].pulang) : TPP_TIDAK_ADA;
    h->masuk = h->pulang = TPP_TIDAK_ADA;
    if (!jh[d].kerja) h->status = TPP_LIBUR;
    else if (status[d][0]) tpp_status_dari_kode(status[d], &h->status);
    else if (ada[d]) {
      h->status = TPP_HADIR;
      h->masuk = jam_atau_tidak(masuk[d]);
      h->pulang = jam_atau_tidak(pulang[d]);
    } else {
      h->status = TPP_TANPA_KETERANGAN;
    }
  }
  /* sanctions active in the month */
  st = r->st_sanksi;
  db_bind_int64(st, 1, pegawai_id);
  while (db_step(st) == DB_ROW && m->n_sanksi < TPP_MAKS_SANKSI_PEGAWAI) {
    struct tpp_sanksi *s = &m->sanksi[m->n_sanksi++];
    str_copy(s->kode, sizeof s->kode, db_col_text(st, 0));
    s->persen = (int32_t)db_col_int64(st, 1);
    s->mulai_tahun = atoi(db_col_text(st, 2));
    s->mulai_bulan = atoi(db_col_text(st, 2) + 5);
    s->bulan = (int)db_col_int64(st, 3);
    str_copy(s->keterangan, sizeof s->keterangan, db_col_text(st, 4));
  }
  db_reset(st);
  return 0;
}

static int jalankan(struct run *r, satu_fn fn, void *ctx)
{
  static const int PANJANG[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  r->n_hari = PANJANG[r->bulan - 1] + (r->bulan == 2 && ((r->tahun % 4 == 0 && r->tahun % 100) || r->tahun % 400 == 0));
  for (int d = 0; d < r->n_hari; d++) {
    char t[40];
    snprintf(t, sizeof t, "%04d-%02d-%02d", r->tahun, r->bulan, d + 1);
    str_copy(r->tanggal[d], sizeof r->tanggal[d], t);
  }
  str_copy(r->dari, sizeof r->dari, r->tanggal[0]);
  str_copy(r->sampai, sizeof r->sampai, r->tanggal[r->n_hari - 1]);
  struct tpp_masukan *m = malloc(sizeof *m);
  struct tpp_hasil *h = malloc(sizeof *h);
  int64_t *ids = NULL, *units = NULL;
  int *kelas = NULL, n = 0, cap = 0, rc = -1;
  if (!m || !h) goto out;
  struct db_stmt *st = db_prepare(r->db,
    "SELECT p.id, COALESCE(p.unit_kerja_id, 0), COALESCE(j.kelas_jabatan, 0) FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id"
    " WHERE p.instansi_id = ?1 AND p.aktif = 1 ORDER BY p.id");
  if (!st) goto out;
  db_bind_int64(st, 1, r->instansi_id);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == cap) {
      cap = cap ? cap * 2 : 1024;
      void *a = realloc(ids, (size_t)cap * sizeof *ids), *b = a ? realloc(units, (size_t)cap * sizeof *units) : NULL;
      if (a) ids = a;
      if (b) units = b;
      void *c = b ? realloc(kelas, (size_t)cap * sizeof *kelas) : NULL;
      if (!a || !b || !c) { s = DB_ERROR; break; }
      kelas = c;
    }
    ids[n] = db_col_int64(st, 0);
    units[n] = db_col_int64(st, 1);
    kelas[n] = (int)db_col_int64(st, 2);
    n++;
  }
  db_done(st);
  if (s != DB_DONE) goto out;
  r->st_presensi = db_prepare(r->db, SQL_PRESENSI);
  r->st_status = db_prepare(r->db, SQL_STATUS);
  r->st_sanksi = db_prepare(r->db, SQL_SANKSI);
  r->st_predikat = db_prepare(r->db, SQL_PREDIKAT);
  if (!r->st_presensi || !r->st_status || !r->st_sanksi || !r->st_predikat) goto out;
  for (int i = 0; i < n; i++) {
    const char *galat = NULL;
    int k = susun_masukan(r, ids[i], units[i], kelas[i], m, &galat);
    if (k < 0) goto out;
    enum predikat p;
    char pk[24], asal[160];
    predikat_bulan(r, ids[i], &p, pk, asal);
    m->predikat = p;
    struct satu one = {.pegawai_id = ids[i], .unit_id = units[i], .kelas = kelas[i], .predikat = pk, .asal_predikat = asal, .m = m};
    struct tpp_galat g;
    if (k == 0 && tpp_hitung(r->a, m, h, &g) == 0) one.h = h;
    else one.galat = galat ? galat : g.pesan;
    if (fn(ctx, &one) != 0) goto out;
  }
  rc = 0;
out:
  db_done(r->st_presensi);
  db_done(r->st_status);
  db_done(r->st_sanksi);
  db_done(r->st_predikat);
  r->st_presensi = r->st_status = r->st_sanksi = r->st_predikat = NULL;
  free(m);
  free(h);
  free(ids);
  free(units);
  free(kelas);
  free(r->ju);
  r->ju = NULL;
  r->n_ju = r->cap_ju = 0;
  return rc;
}

/* ---- storing a month ---- */

struct simpan_ctx { struct db *db; int64_t bulan_id; int64_t pegawai, jumlah; const struct tpp_aturan *a; struct db_stmt *ins; };

static int simpan_satu(void *ctx, const struct satu *s)
{
  struct simpan_ctx *c = ctx;
  /* the inputs only; the explanation is rendered when the row is read (tpp_rincian.h) */
  char *rs = NULL;
  if (s->h) {
    rs = tpp_rincian_ringkas(s->m, s->asal_predikat);
  } else {
    json_t *r = tpp_rincian_json(c->a, s->m, NULL, s->asal_predikat);
    rs = r ? json_dumps(r, JSON_COMPACT) : NULL;
    json_decref(r);
  }
  if (!rs) return -1;
  if (!c->ins) c->ins = db_prepare(c->db,
    "INSERT INTO tpp_hasil (bulan_id, pegawai_id, unit_kerja_id, kelas_jabatan, predikat, dasar, kinerja, disiplin, potongan_persen,"
    " potongan_presensi, potongan_sanksi, jumlah, rincian, galat) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  struct db_stmt *st = c->ins;   /* given back by tpp_bulan_hitung after the run */
  if (!st) { free(rs); return -1; }
  const struct tpp_hasil *h = s->h;
  db_bind_int64(st, 1, c->bulan_id);
  db_bind_int64(st, 2, s->pegawai_id);
  db_bind_id(st, 3, s->unit_id);
  db_bind_id(st, 4, s->kelas);
  db_bind_text(st, 5, s->predikat);
  db_bind_int64(st, 6, h ? h->dasar : 0);
  db_bind_int64(st, 7, h ? h->kinerja : 0);
  db_bind_int64(st, 8, h ? h->disiplin : 0);
  db_bind_int64(st, 9, h ? h->potongan_persen : 0);
  db_bind_int64(st, 10, h ? h->potongan_presensi : 0);
  db_bind_int64(st, 11, h ? h->potongan_sanksi : 0);
  db_bind_int64(st, 12, h ? h->jumlah : 0);
  db_bind_text(st, 13, rs);
  db_bind_text(st, 14, s->galat);
  int x = db_step(st);
  db_reset(st);
  free(rs);
  if (x != DB_DONE) return -1;
  c->pegawai++;
  c->jumlah += h ? h->jumlah : 0;
  return 0;
}

int64_t tpp_bulan_cari(struct db *db, int64_t instansi_id, int tahun, int bulan)
{
  struct db_stmt *st = db_prepare(db, "SELECT id FROM tpp_bulan WHERE instansi_id = ?1 AND tahun = ?2 AND bulan = ?3");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, tahun);
  db_bind_int64(st, 3, bulan);
  int64_t id = db_step(st) == DB_ROW ? db_col_int64(st, 0) : 0;
  db_done(st);
  return id;
}

static int exec1(struct db *db, const char *sql, int64_t a)
{
  struct db_stmt *st = db_prepare(db, sql);
  if (!st) return -1;
  db_bind_int64(st, 1, a);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int tpp_bulan_hitung(struct db *db, int64_t instansi_id, int tahun, int bulan, const struct audit_actor *who, int *http,
                     const char **pesan, int64_t *out_id)
{
  *out_id = 0;
  int64_t id = tpp_bulan_cari(db, instansi_id, tahun, bulan);
  if (id < 0) return -1;
  if (id) {
    char status[16] = "";
    struct db_stmt *st = db_prepare(db, "SELECT status FROM tpp_bulan WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, id);
    if (db_step(st) == DB_ROW) str_copy(status, sizeof status, db_col_text(st, 0));
    db_done(st);
    if (!strcmp(status, "disetujui")) { *http = 409; *pesan = "TPP bulan ini sudah disetujui dan terkunci; tidak dapat dihitung ulang"; return 3; }
  }
  struct tpp_aturan *a = malloc(sizeof *a);
  if (!a) return -1;
  int64_t aturan_id = 0;
  int k = tpp_aturan_berlaku(db, instansi_id, tahun, bulan, a, &aturan_id);
  if (k != 0) {
    free(a);
    if (k < 0) return -1;
    *http = 409;
    *pesan = "Belum ada tabel TPP aktif yang berlaku untuk bulan ini; aktifkan tabel lebih dahulu";
    return 3;
  }
  int64_t now = now_unix();
  if (id) {
    if (exec1(db, "DELETE FROM tpp_hasil WHERE bulan_id = ?1", id) != 0) { free(a); return -1; }
  } else {
    struct db_stmt *st = db_prepare(db,
      "INSERT INTO tpp_bulan (instansi_id, tahun, bulan, aturan_id, status, dihitung) VALUES (?1, ?2, ?3, ?4, 'draft', ?5) RETURNING id");
    if (!st) { free(a); return -1; }
    db_bind_int64(st, 1, instansi_id);
    db_bind_int64(st, 2, tahun);
    db_bind_int64(st, 3, bulan);
    db_bind_int64(st, 4, aturan_id);
    db_bind_int64(st, 5, now);
    if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
    while (id && db_step(st) == DB_ROW) {}
    db_done(st);
    if (!id) { free(a); return -1; }
  }
  struct run r = {.db = db, .instansi_id = instansi_id, .tahun = tahun, .bulan = bulan, .a = a};
  instansi_hari_ini(db, instansi_id, r.hari_ini);
  struct simpan_ctx c = {.db = db, .bulan_id = id, .a = a};
  int rc = jalankan(&r, simpan_satu, &c);
  db_done(c.ins);
  free(a);
  if (rc != 0) return -1;
  struct db_stmt *st = db_prepare(db, "UPDATE tpp_bulan SET aturan_id = ?2, pegawai = ?3, jumlah = ?4, dihitung = ?5 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, aturan_id);
  db_bind_int64(st, 3, c.pegawai);
  db_bind_int64(st, 4, c.jumlah);
  db_bind_int64(st, 5, now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  *out_id = id;
  json_t *ring = json_pack("{s:i,s:i,s:I,s:I,s:I}", "tahun", tahun, "bulan", bulan, "aturan_id", (json_int_t)aturan_id,
                           "pegawai", (json_int_t)c.pegawai, "jumlah", (json_int_t)c.jumlah);
  rc = audit_append(db, who, instansi_id, "tpp.hitung", "tpp_bulan", id, NULL, ring);
  json_decref(ring);
  return rc;
}

int tpp_bulan_setujui(struct db *db, int64_t bulan_id, int64_t pengguna_id, const struct audit_actor *who, int *http,
                      const char **pesan)
{
  char status[16] = "";
  int64_t inst = 0, jumlah = 0;
  struct db_stmt *st = db_prepare(db, "SELECT status, instansi_id, jumlah FROM tpp_bulan WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, bulan_id);
  if (db_step(st) == DB_ROW) { str_copy(status, sizeof status, db_col_text(st, 0)); inst = db_col_int64(st, 1); jumlah = db_col_int64(st, 2); }
  db_done(st);
  if (!inst) return 2;
  if (!strcmp(status, "disetujui")) { *http = 409; *pesan = "TPP bulan ini sudah disetujui"; return 3; }
  /* the hash of every result, in pegawai order */
  struct buf b;
  buf_init(&b, (size_t)1 << 30);
  st = db_prepare(db, "SELECT pegawai_id, jumlah, kinerja, disiplin, potongan_persen FROM tpp_hasil WHERE bulan_id = ?1 ORDER BY pegawai_id");
  if (!st) { buf_free(&b); return -1; }
  db_bind_int64(st, 1, bulan_id);
  int gagal = 0;
  while (db_step(st) == DB_ROW)
    gagal |= buf_printf(&b, "%lld:%lld:%lld:%lld:%lld;", (long long)db_col_int64(st, 0), (long long)db_col_int64(st, 1),
                        (long long)db_col_int64(st, 2), (long long)db_col_int64(st, 3), (long long)db_col_int64(st, 4));
  db_done(st);
  char hash[65];
  hash_hex(b.data ? b.data : "", b.len, hash);
  buf_free(&b);
  if (gagal) return -1;
  st = db_prepare(db, "UPDATE tpp_bulan SET status = 'disetujui', disetujui = ?2, disetujui_oleh = ?3, hash = ?4 WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, bulan_id);
  db_bind_int64(st, 2, now_unix());
  db_bind_id(st, 3, pengguna_id);
  db_bind_text(st, 4, hash);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  json_t *sesudah = json_pack("{s:s,s:s,s:I}", "status", "disetujui", "hash", hash, "jumlah", (json_int_t)jumlah);
  int rc = audit_append(db, who, inst, "tpp.setujui", "tpp_bulan", bulan_id, NULL, sesudah);
  if (rc == 0) rc = webhook_tpp_bulan_disetujui(db, inst, bulan_id);   /* HRIS/e-Office (issue 10) */
  json_decref(sesudah);
  return rc;
}

/* ---- what-if ---- */

struct sim_ctx { int64_t pegawai, jumlah, kinerja, disiplin, potongan; json_t *unit; };

static int sim_satu(void *ctx, const struct satu *s)
{
  struct sim_ctx *c = ctx;
  c->pegawai++;
  if (!s->h) return 0;
  c->jumlah += s->h->jumlah;
  c->kinerja += s->h->kinerja;
  c->disiplin += s->h->disiplin;
  c->potongan += s->h->potongan_presensi + s->h->potongan_sanksi;
  char k[32];
  snprintf(k, sizeof k, "%lld", (long long)s->unit_id);
  json_t *u = json_object_get(c->unit, k);
  json_object_set_new(c->unit, k, json_integer((u ? json_integer_value(u) : 0) + s->h->jumlah));
  return 0;
}

json_t *tpp_simulasi(struct db *db, int64_t instansi_id, int64_t aturan_id, int tahun, int bulan, const char **pesan)
{
  *pesan = NULL;
  struct tpp_aturan *a = malloc(sizeof *a);
  if (!a) return NULL;
  int64_t inst = 0;
  int k = tpp_aturan_muat(db, aturan_id, &inst, a, NULL);
  if (k != 0 || inst != instansi_id) { free(a); if (k >= 0) *pesan = "Tabel TPP"; return NULL; }
  struct run r = {.db = db, .instansi_id = instansi_id, .tahun = tahun, .bulan = bulan, .a = a};
  instansi_hari_ini(db, instansi_id, r.hari_ini);
  struct sim_ctx c = {.unit = json_object()};
  int rc = jalankan(&r, sim_satu, &c);
  free(a);
  if (rc != 0) { json_decref(c.unit); return NULL; }
  /* the month as stored (or computed now under the table in force) for the comparison */
  int64_t id = tpp_bulan_cari(db, instansi_id, tahun, bulan), sekarang = 0;
  json_t *per_unit_sekarang = json_object();
  if (id > 0) {
    struct db_stmt *st = db_prepare(db, "SELECT COALESCE(unit_kerja_id, 0), SUM(jumlah) FROM tpp_hasil WHERE bulan_id = ?1 GROUP BY 1");
    if (st) {
      db_bind_int64(st, 1, id);
      while (db_step(st) == DB_ROW) {
        char key[32];
        snprintf(key, sizeof key, "%lld", (long long)db_col_int64(st, 0));
        json_object_set_new(per_unit_sekarang, key, json_integer(db_col_int64(st, 1)));
        sekarang += db_col_int64(st, 1);
      }
      db_done(st);
    }
  }
  json_t *units = json_array();
  const char *key;
  json_t *v;
  json_object_foreach(c.unit, key, v) {
    int64_t uid = atoll(key), now_u = json_integer_value(json_object_get(per_unit_sekarang, key));
    char nama[256] = "";
    struct db_stmt *st = db_prepare(db, "SELECT nama FROM unit_kerja WHERE id = ?1");
    if (st) {
      db_bind_int64(st, 1, uid);
      if (db_step(st) == DB_ROW) str_copy(nama, sizeof nama, db_col_text(st, 0));
      db_done(st);
    }
    json_array_append_new(units, json_pack("{s:I,s:s,s:I,s:o,s:o}", "unit_kerja_id", (json_int_t)uid, "nama", nama,
      "simulasi", (json_int_t)json_integer_value(v), "sekarang", id > 0 ? json_integer(now_u) : json_null(),
      "selisih", id > 0 ? json_integer(json_integer_value(v) - now_u) : json_null()));
  }
  json_decref(c.unit);
  json_decref(per_unit_sekarang);
  return json_pack("{s:I,s:i,s:i,s:I,s:I,s:I,s:I,s:I,s:o,s:o,s:o}", "aturan_id", (json_int_t)aturan_id, "tahun", tahun, "bulan", bulan,
    "pegawai", (json_int_t)c.pegawai, "jumlah", (json_int_t)c.jumlah, "kinerja", (json_int_t)c.kinerja, "disiplin", (json_int_t)c.disiplin,
    "potongan", (json_int_t)c.potongan, "jumlah_sekarang", id > 0 ? json_integer(sekarang) : json_null(),
    "selisih", id > 0 ? json_integer(c.jumlah - sekarang) : json_null(), "per_unit", units);
}

/* ---- queries ---- */

json_t *tpp_bulan_daftar(struct db *db, int64_t instansi_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT b.id, b.tahun, b.bulan, b.status, b.pegawai, b.jumlah, b.dihitung, b.disetujui, b.aturan_id, a.nama, b.hash"
    "  FROM tpp_bulan b JOIN tpp_aturan a ON a.id = b.aturan_id WHERE b.instansi_id = ?1 ORDER BY b.tahun DESC, b.bulan DESC LIMIT 60");
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  json_t *arr = json_array();
  while (db_step(st) == DB_ROW)
    json_array_append_new(arr, json_pack("{s:I,s:I,s:I,s:s,s:I,s:I,s:I,s:o,s:{s:I,s:s},s:o}", "id", (json_int_t)db_col_int64(st, 0),
      "tahun", (json_int_t)db_col_int64(st, 1), "bulan", (json_int_t)db_col_int64(st, 2), "status", db_col_text(st, 3),
      "pegawai", (json_int_t)db_col_int64(st, 4), "jumlah", (json_int_t)db_col_int64(st, 5), "dihitung", (json_int_t)db_col_int64(st, 6),
      "disetujui", db_col_is_null(st, 7) ? json_null() : json_integer(db_col_int64(st, 7)),
      "aturan", "id", (json_int_t)db_col_int64(st, 8), "nama", db_col_text(st, 9),
      "hash", db_col_is_null(st, 10) ? json_null() : json_string(db_col_text(st, 10))));
  db_done(st);
  return json_pack("{s:o}", "items", arr);
}

json_t *tpp_bulan_json(struct db *db, int64_t bulan_id, int64_t unit_id, int64_t cursor, int limit, int64_t *instansi_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT b.id, b.instansi_id, b.tahun, b.bulan, b.status, b.pegawai, b.jumlah, b.dihitung, b.disetujui, b.aturan_id, a.nama, b.hash"
    "  FROM tpp_bulan b JOIN tpp_aturan a ON a.id = b.aturan_id WHERE b.id = ?1");
  if (!st) return NULL;
  db_bind_int64(st, 1, bulan_id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) {
    *instansi_id = db_col_int64(st, 1);
    j = json_pack("{s:I,s:I,s:I,s:s,s:I,s:I,s:I,s:o,s:{s:I,s:s},s:o}", "id", (json_int_t)db_col_int64(st, 0),
      "tahun", (json_int_t)db_col_int64(st, 2), "bulan", (json_int_t)db_col_int64(st, 3), "status", db_col_text(st, 4),
      "pegawai", (json_int_t)db_col_int64(st, 5), "jumlah", (json_int_t)db_col_int64(st, 6), "dihitung", (json_int_t)db_col_int64(st, 7),
      "disetujui", db_col_is_null(st, 8) ? json_null() : json_integer(db_col_int64(st, 8)),
      "aturan", "id", (json_int_t)db_col_int64(st, 9), "nama", db_col_text(st, 10),
      "hash", db_col_is_null(st, 11) ? json_null() : json_string(db_col_text(st, 11)));
  }
  db_done(st);
  if (!j) return NULL;
  st = db_prepare(db,
    "SELECT h.pegawai_id, p.nip, p.nama, COALESCE(u.nama, ''), h.kelas_jabatan, h.predikat, h.dasar, h.kinerja, h.disiplin,"
    "       h.potongan_persen, h.potongan_presensi, h.potongan_sanksi, h.jumlah, h.galat"
    "  FROM tpp_hasil h JOIN pegawai p ON p.id = h.pegawai_id LEFT JOIN unit_kerja u ON u.id = h.unit_kerja_id"
    " WHERE h.bulan_id = ?1 AND (?2 = 0 OR h.unit_kerja_id = ?2) AND h.pegawai_id > ?3 ORDER BY h.pegawai_id LIMIT ?4");
  if (!st) { json_decref(j); return NULL; }
  db_bind_int64(st, 1, bulan_id);
  db_bind_int64(st, 2, unit_id);
  db_bind_int64(st, 3, cursor);
  db_bind_int64(st, 4, limit + 1);
  json_t *rows = json_array();
  int n = 0;
  int64_t last = 0;
  bool more = false;
  while (db_step(st) == DB_ROW) {
    if (n == limit) { more = true; break; }
    last = db_col_int64(st, 0);
    json_array_append_new(rows, json_pack("{s:I,s:s,s:s,s:s,s:o,s:o,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o}", "pegawai_id", (json_int_t)last,
      "nip", db_col_text(st, 1), "nama", db_col_text(st, 2), "unit_kerja", db_col_text(st, 3),
      "kelas_jabatan", db_col_is_null(st, 4) ? json_null() : json_integer(db_col_int64(st, 4)),
      "predikat", db_col_is_null(st, 5) ? json_null() : json_string(db_col_text(st, 5)), "dasar", (json_int_t)db_col_int64(st, 6),
      "kinerja", (json_int_t)db_col_int64(st, 7), "disiplin", (json_int_t)db_col_int64(st, 8), "potongan_persen_bp", (json_int_t)db_col_int64(st, 9),
      "potongan_presensi", (json_int_t)db_col_int64(st, 10), "potongan_sanksi", (json_int_t)db_col_int64(st, 11),
      "jumlah", (json_int_t)db_col_int64(st, 12), "galat", db_col_is_null(st, 13) ? json_null() : json_string(db_col_text(st, 13))));
    n++;
  }
  db_done(st);
  char cur[32];
  snprintf(cur, sizeof cur, "%lld", (long long)last);
  json_object_set_new(j, "items", rows);
  json_object_set_new(j, "next_cursor", more ? json_string(cur) : json_null());
  return j;
}

json_t *tpp_hasil_json(struct db *db, int64_t bulan_id, int64_t pegawai_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT h.pegawai_id, p.nip, p.nama, h.kelas_jabatan, h.predikat, h.dasar, h.kinerja, h.disiplin, h.potongan_persen,"
    "       h.potongan_presensi, h.potongan_sanksi, h.jumlah, h.rincian, h.galat, b.tahun, b.bulan, b.status"
    "  FROM tpp_hasil h JOIN pegawai p ON p.id = h.pegawai_id JOIN tpp_bulan b ON b.id = h.bulan_id WHERE h.bulan_id = ?1 AND h.pegawai_id = ?2");
  if (!st) return NULL;
  db_bind_int64(st, 1, bulan_id);
  db_bind_int64(st, 2, pegawai_id);
  json_t *j = NULL;
  if (db_step(st) == DB_ROW) {
    json_t *r = tpp_rincian_muat(db, bulan_id, db_col_text(st, 12), (int)db_col_int64(st, 3),
                                 db_col_is_null(st, 4) ? NULL : db_col_text(st, 4), db_col_int64(st, 11));
    j = json_pack("{s:I,s:I,s:s,s:s,s:o,s:o,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o,s:o,s:I,s:I,s:s}", "bulan_id", (json_int_t)bulan_id,
      "pegawai_id", (json_int_t)db_col_int64(st, 0), "nip", db_col_text(st, 1), "nama", db_col_text(st, 2),
      "kelas_jabatan", db_col_is_null(st, 3) ? json_null() : json_integer(db_col_int64(st, 3)),
      "predikat", db_col_is_null(st, 4) ? json_null() : json_string(db_col_text(st, 4)), "dasar", (json_int_t)db_col_int64(st, 5),
      "kinerja", (json_int_t)db_col_int64(st, 6), "disiplin", (json_int_t)db_col_int64(st, 7), "potongan_persen_bp", (json_int_t)db_col_int64(st, 8),
      "potongan_presensi", (json_int_t)db_col_int64(st, 9), "potongan_sanksi", (json_int_t)db_col_int64(st, 10),
      "jumlah", (json_int_t)db_col_int64(st, 11), "rincian", r ? r : json_object(),
      "galat", db_col_is_null(st, 13) ? json_null() : json_string(db_col_text(st, 13)), "tahun", (json_int_t)db_col_int64(st, 14),
      "bulan", (json_int_t)db_col_int64(st, 15), "status", db_col_text(st, 16));
  }
  db_done(st);
  return j;
}
