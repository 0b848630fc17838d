/* laporan.c: report export jobs (see laporan.h). */
#include "laporan.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/simpul.h"
#include "util/util.h"

#define SELESAI_BERKAS "%s/laporan/%lld.%s"

static int64_t versi_data(struct db *db)
{
  int64_t v = 0;
  db_query_int64(db, "SELECT COALESCE(MAX(last_id), 0) FROM audit_kepala", 0, 0, &v);
  return v;
}

static void kunci_dari(const struct rekap_lingkup *l, enum rekap_format f, char out[65])
{
  char s[256];
  snprintf(s, sizeof s, "rekap_pegawai|%s|%lld|%lld|%lld|%d", rekap_format_kode(f), (long long)l->instansi_id,
           (long long)l->unit_id, (long long)l->atasan_id, l->tahun);
  hash_hex(s, strlen(s), out);
}

int laporan_minta(struct db *db, int64_t pengguna_id, const struct rekap_lingkup *l, enum rekap_format f,
                  int64_t *id, bool *dari_cache)
{
  *id = 0;
  *dari_cache = false;
  char kunci[65];
  kunci_dari(l, f, kunci);
  int64_t versi = versi_data(db);
  struct db_stmt *st = db_prepare(db,
    "SELECT id FROM laporan_ekspor WHERE pengguna_id = ?1 AND kunci = ?2 AND versi_data = ?3"
    " AND status IN ('antri', 'jalan', 'selesai') ORDER BY id DESC LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_text(st, 2, kunci);
  db_bind_int64(st, 3, versi);
  int s = db_step(st);
  if (s == DB_ROW) *id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -1;
  if (*id) { *dari_cache = true; return 0; }
  int64_t jalan = 0;
  st = db_prepare(db, "SELECT COUNT(*) FROM laporan_ekspor WHERE pengguna_id = ?1 AND status IN ('antri', 'jalan')");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  if (db_step(st) == DB_ROW) jalan = db_col_int64(st, 0);
  db_done(st);
  if (jalan >= LAPORAN_MAKS_ANTRI) return 3;
  json_t *par = json_pack("{s:I,s:I,s:I,s:i,s:s}", "instansi_id", (json_int_t)l->instansi_id, "unit_kerja_id", (json_int_t)l->unit_id,
                          "atasan_id", (json_int_t)l->atasan_id, "tahun", l->tahun, "judul", l->judul);
  char *ps = par ? json_dumps(par, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
  json_decref(par);
  if (!ps) return -1;
  st = db_prepare(db,
    "INSERT INTO laporan_ekspor (instansi_id, pengguna_id, jenis, format, parameter, kunci, versi_data, status, dibuat)"
    " VALUES (?1, ?2, 'rekap_pegawai', ?3, ?4, ?5, ?6, 'antri', ?7) RETURNING id");
  if (!st) { free(ps); return -1; }
  db_bind_id(st, 1, l->instansi_id);
  db_bind_int64(st, 2, pengguna_id);
  db_bind_text(st, 3, rekap_format_kode(f));
  db_bind_text(st, 4, ps);
  db_bind_text(st, 5, kunci);
  db_bind_int64(st, 6, versi);
  db_bind_int64(st, 7, now_unix());
  s = db_step(st);
  if (s == DB_ROW) *id = db_col_int64(st, 0);
  db_done(st);
  free(ps);
  return *id ? 0 : -1;
}

#define KOLOM_JOB "id, jenis, format, parameter, status, progres, baris, total, ukuran, galat, dibuat, mulai, selesai"

static json_t *job_row(struct db_stmt *st)
{
  int64_t id = db_col_int64(st, 0);
  json_t *par = json_loads(db_col_text(st, 3), 0, NULL);
  const char *status = db_col_text(st, 4);
  json_t *j = json_pack("{s:I,s:s,s:s,s:o,s:s,s:I,s:I,s:I,s:I,s:o,s:I,s:o,s:o}", "id", (json_int_t)id, "jenis",
    db_col_text(st, 1), "format", db_col_text(st, 2), "parameter", par ? par : json_object(), "status", status,
    "progres", (json_int_t)db_col_int64(st, 5), "baris", (json_int_t)db_col_int64(st, 6), "total", (json_int_t)db_col_int64(st, 7),
    "ukuran", (json_int_t)db_col_int64(st, 8), "galat", db_col_is_null(st, 9) ? json_null() : json_string(db_col_text(st, 9)),
    "dibuat", (json_int_t)db_col_int64(st, 10), "mulai", db_col_is_null(st, 11) ? json_null() : json_integer(db_col_int64(st, 11)),
    "selesai", db_col_is_null(st, 12) ? json_null() : json_integer(db_col_int64(st, 12)));
  if (j && !strcmp(status, "selesai")) {
    char u[96];
    snprintf(u, sizeof u, "/api/v1/laporan/ekspor/%lld/berkas", (long long)id);
    json_object_set_new(j, "unduh", json_string(u));
  } else if (j) {
    json_object_set_new(j, "unduh", json_null());
  }
  return j;
}

json_t *laporan_json(struct db *db, int64_t id, int64_t pengguna_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT " KOLOM_JOB " FROM laporan_ekspor WHERE id = ?1 AND pengguna_id = ?2");
  if (!st) return NULL;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, pengguna_id);
  json_t *j = db_step(st) == DB_ROW ? job_row(st) : NULL;
  db_done(st);
  return j;
}

json_t *laporan_daftar(struct db *db, int64_t pengguna_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT " KOLOM_JOB " FROM laporan_ekspor WHERE pengguna_id = ?1 ORDER BY id DESC LIMIT 50");
  if (!st) return NULL;
  db_bind_int64(st, 1, pengguna_id);
  json_t *a = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) json_array_append_new(a, job_row(st));
  db_done(st);
  if (s != DB_DONE) { json_decref(a); return NULL; }
  return json_pack("{s:o}", "items", a);
}

int laporan_berkas(struct db *db, const char *data_dir, int64_t id, int64_t pengguna_id, char *path, size_t n,
                   enum rekap_format *f)
{
  struct db_stmt *st = db_prepare(db, "SELECT status, format FROM laporan_ekspor WHERE id = ?1 AND pengguna_id = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_int64(st, 2, pengguna_id);
  int s = db_step(st), rc = 1;
  if (s == DB_ROW) {
    rc = strcmp(db_col_text(st, 0), "selesai") ? 2 : 0;
    if (rekap_format_dari_kode(db_col_text(st, 1), f) != 0) rc = -1;
  } else if (s != DB_DONE) {
    rc = -1;
  }
  db_done(st);
  if (rc == 0) {
    int k = snprintf(path, n, SELESAI_BERKAS, data_dir, (long long)id, rekap_format_kode(*f));
    if (k < 0 || (size_t)k >= n) return -1;
    if (access(path, R_OK) != 0) return 1;   /* cleaned up */
  }
  return rc;
}

/* ---- worker ---- */

/* A claim: the job, which claim of it this is (percobaan fences every later write: a node whose
 * lease another node took over changes nothing any more) and the lease length. */
struct progres { struct db *db; int64_t id, klaim; int sewa, terakhir; };

/* Progress, which also renews the lease: a job that makes progress is never taken over. */
static int tulis_progres(void *ctx, int64_t selesai, int64_t total)
{
  struct progres *p = ctx;
  int pct = total > 0 ? (int)(selesai * 100 / total) : 100;
  if (pct > 99 && selesai < total) pct = 99;
  if (pct == p->terakhir) return 0;
  p->terakhir = pct;
  struct db_stmt *st = db_prepare(p->db,
    "UPDATE laporan_ekspor SET progres = ?2, baris = ?3, total = ?4, sewa_sampai = ?6"
    " WHERE id = ?1 AND percobaan = ?5 AND status = 'jalan'");
  if (!st) return 0;
  db_bind_int64(st, 1, p->id);
  db_bind_int64(st, 2, pct > 100 ? 100 : pct);
  db_bind_int64(st, 3, selesai);
  db_bind_int64(st, 4, total);
  db_bind_int64(st, 5, p->klaim);
  db_bind_int64(st, 6, now_unix() + p->sewa);
  db_step(st);
  db_done(st);
  return 0;
}

static int tandai(const struct progres *p, const char *status, int64_t baris, int64_t ukuran, const char *galat)
{
  struct db_stmt *st = db_prepare(p->db,
    "UPDATE laporan_ekspor SET status = ?2, progres = CASE WHEN ?2 = 'selesai' THEN 100 ELSE progres END,"
    " baris = ?3, ukuran = ?4, galat = ?5, selesai = ?6, sewa_sampai = NULL"
    " WHERE id = ?1 AND percobaan = ?7 AND status = 'jalan'");
  if (!st) return -1;
  db_bind_int64(st, 1, p->id);
  db_bind_text(st, 2, status);
  db_bind_int64(st, 3, baris);
  db_bind_int64(st, 4, ukuran);
  db_bind_text(st, 5, galat);
  db_bind_int64(st, 6, now_unix());
  db_bind_int64(st, 7, p->klaim);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int laporan_kerjakan_satu(struct db *db, struct db *baca, const char *data_dir, int sewa, int jeda_uji)
{
  /* claim: the oldest waiting job, or one whose claim's lease ran out (its node died).  One
   * statement: SQLite runs it under its write lock; on PostgreSQL the row is locked with FOR
   * UPDATE SKIP LOCKED, so nodes claiming at once take different jobs, and READ COMMITTED
   * re-checks the status of a row another node has just claimed. */
  int64_t id = 0, klaim = 0, now = now_unix();
  char fmt[8] = "", par[1024] = "";
  if (sewa < 1) sewa = LAPORAN_SEWA_BAKU;
  struct db_stmt *st = db_prepare(db,
    "UPDATE laporan_ekspor SET status = 'jalan', mulai = ?1, progres = 0, sewa_sampai = ?2,"
    "       percobaan = percobaan + 1, simpul = ?3"
    " WHERE id = (SELECT id FROM laporan_ekspor"
    "              WHERE status = 'antri' OR (status = 'jalan' AND COALESCE(sewa_sampai, mulai + 600) < ?1)"
    "              ORDER BY id LIMIT 1 /*pg: FOR UPDATE SKIP LOCKED*/)"
    "   AND (status = 'antri' OR (status = 'jalan' AND COALESCE(sewa_sampai, mulai + 600) < ?1))"
    " RETURNING id, format, parameter, percobaan");
  if (!st) return -1;
  db_bind_int64(st, 1, now);
  db_bind_int64(st, 2, now + sewa);
  db_bind_text(st, 3, simpul_nama());
  int s = db_step(st);
  if (s == DB_ROW) {
    id = db_col_int64(st, 0);
    str_copy(fmt, sizeof fmt, db_col_text(st, 1));
    str_copy(par, sizeof par, db_col_text(st, 2));
    klaim = db_col_int64(st, 3);
    while (db_step(st) == DB_ROW) {}
  }
  db_done(st);
  if (s == DB_DONE) return 0;
  if (s != DB_ROW) return -1;
  struct progres pr = {db, id, klaim, sewa, -1};
  /* tests only (KINERJA_UJI_LAPORAN_JEDA): hold the claim so a test can stop this node mid-job */
  for (int i = 0; i < jeda_uji * 10; i++) usleep(100000);

  struct rekap_lingkup l = {0};
  enum rekap_format f;
  json_t *p = json_loads(par, 0, NULL);
  if (!p || rekap_format_dari_kode(fmt, &f) != 0) {
    json_decref(p);
    tandai(&pr, "gagal", 0, 0, "parameter laporan rusak");
    return 1;
  }
  l.instansi_id = json_integer_value(json_object_get(p, "instansi_id"));
  l.unit_id = json_integer_value(json_object_get(p, "unit_kerja_id"));
  l.atasan_id = json_integer_value(json_object_get(p, "atasan_id"));
  l.tahun = (int)json_integer_value(json_object_get(p, "tahun"));
  str_copy(l.judul, sizeof l.judul, json_string_value(json_object_get(p, "judul")) ? json_string_value(json_object_get(p, "judul")) : "");
  json_decref(p);

  char dir[1100], tmp[1200], akhir[1200], err[256] = "";
  snprintf(dir, sizeof dir, "%s/laporan", data_dir);
  if ((mkdir(data_dir, 0700) != 0 && errno != EEXIST) || (mkdir(dir, 0700) != 0 && errno != EEXIST)) {
    snprintf(err, sizeof err, "direktori laporan tidak dapat dibuat: %s", strerror(errno));
    tandai(&pr, "gagal", 0, 0, err);
    return 1;
  }
  /* the temporary file is the claim's own: a node whose lease was taken over (on a shared
   * data directory) never writes into the file of the node that took it */
  snprintf(tmp, sizeof tmp, "%s/%lld.%lld.tmp", dir, (long long)id, (long long)klaim);
  snprintf(akhir, sizeof akhir, SELESAI_BERKAS, data_dir, (long long)id, fmt);
  int64_t baris = 0;
  /* the rekap reads on its own connection in one read transaction (one state of the data);
   * progress is written on the other, so no write lock is held while the file is made */
  int rc = db_begin(baca) == DB_OK ? rekap_tulis(baca, &l, f, tmp, tulis_progres, &pr, &baris, err, sizeof err) : -1;
  db_commit(baca);
  struct stat sb;
  if (rc == 0 && rename(tmp, akhir) == 0 && stat(akhir, &sb) == 0) {
    tandai(&pr, "selesai", baris, (int64_t)sb.st_size, NULL);
  } else {
    unlink(tmp);
    tandai(&pr, "gagal", baris, 0, err[0] ? err : "laporan gagal dibuat");
  }
  return 1;
}

int laporan_bersihkan(struct db *db, const char *data_dir)
{
  int64_t batas = now_unix() - (int64_t)LAPORAN_SIMPAN_HARI * 86400;
  struct db_stmt *st = db_prepare(db, "SELECT id, format FROM laporan_ekspor WHERE selesai IS NOT NULL AND selesai < ?1 LIMIT 1000");
  if (!st) return -1;
  db_bind_int64(st, 1, batas);
  int n = 0;
  while (db_step(st) == DB_ROW) {
    char p[1200];
    snprintf(p, sizeof p, SELESAI_BERKAS, data_dir, (long long)db_col_int64(st, 0), db_col_text(st, 1));
    unlink(p);
    n++;
  }
  db_done(st);
  st = db_prepare(db, "DELETE FROM laporan_ekspor WHERE selesai IS NOT NULL AND selesai < ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, batas);
  db_step(st);
  db_done(st);
  return n;
}
