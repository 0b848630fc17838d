/* api_akses.c: recording who read a pegawai's performance data, and GET /api/v1/saya/akses,
 * the pegawai's own list of who viewed or changed it (issue 14 item 4).
 *
 * The recording is central: the row-level checks mark the pegawai they let a caller read
 * (auth/akses_jejak.h) and the server calls api_akses_setelah() after every handler; this file
 * only decides which routes hold performance data (the table below) and writes through
 * akses_log_catat(), which writes at most once per reader, pegawai and address per window. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "akses_log.h"
#include "api/api.h"
#include "api/api_akses.h"
#include "auth/akses_jejak.h"
#include "auth/rbac.h"
#include "config.h"
#include "db/db.h"
#include "http/server.h"
#include "util/log.h"
#include "util/util.h"

/* GET routes whose answer is one pegawai's performance data.  Lists of many pegawai (review
 * queues, team and unit dashboards, instansi reports) are not per-pegawai reads and are left
 * out (UNCONFIRMED: a team list shows each bawahan's name and counts only). */
static const struct { const char *pattern, *objek; } OBJEK[] = {
  {"/api/v1/skp", "skp"},
  {"/api/v1/skp/{id}", "skp"},
  {"/api/v1/skp/{id}/revisi", "skp"},
  {"/api/v1/skp/{id}/diff", "skp"},
  {"/api/v1/skp/{id}/matriks", "skp"},
  {"/api/v1/skp/{id}/rencana-aksi", "skp"},
  {"/api/v1/skp/{id}/dokumen.pdf", "ekspor"},
  {"/api/v1/skp/{id}/dokumen.xlsx", "ekspor"},
  {"/api/v1/skp/{id}/realisasi", "realisasi"},
  {"/api/v1/realisasi", "realisasi"},
  {"/api/v1/aktivitas", "aktivitas"},
  {"/api/v1/aktivitas/{id}", "aktivitas"},
  {"/api/v1/umpan-balik", "umpan_balik"},
  {"/api/v1/penilaian", "penilaian"},
  {"/api/v1/penilaian/{id}", "penilaian"},
  {"/api/v1/penilaian/{id}/dokumen.pdf", "ekspor"},
  {"/api/v1/pegawai/{id}/angka-kredit", "penilaian"},
  {"/api/v1/pegawai/{id}/360", "umpan_balik"},
  {"/api/v1/360/{id}", "umpan_balik"},
  {"/api/v1/pegawai/{id}/masukan-publik", "umpan_balik"},
  {"/api/v1/bukti", "bukti"},
  {"/api/v1/bukti/{id}", "bukti"},
  {"/api/v1/bukti/{id}/unduh", "bukti"},
  {"/api/v1/dasbor/pegawai/{id}", "dasbor"},
  {"/api/v1/pegawai/{id}/presensi", "presensi"},
  {"/api/v1/pegawai/{id}/jadwal-shift", "presensi"},
  {"/api/v1/tpp/bulan/{id}/pegawai/{pegawai_id}", "tpp"},
  {"/api/v1/tpp/bulan/{id}/pegawai/{pegawai_id}/slip.pdf", "ekspor"},
  {"/api/v1/pegawai/{id}/tpp", "tpp"},
  {"/api/v1/pegawai/{id}/sanksi-tpp", "tpp"},
  {"/api/v1/pegawai/{id}/rekomendasi", "analitik"},
  {"/api/v1/pegawai/{id}/potensi", "analitik"},
};

const char *api_akses_objek(const char *pattern)
{
  for (size_t i = 0; i < sizeof OBJEK / sizeof OBJEK[0]; i++)
    if (strcmp(OBJEK[i].pattern, pattern) == 0) return OBJEK[i].objek;
  return NULL;
}

/* Lists that read one pegawai when called with ?pegawai_id=: their rows are filtered to what
 * the caller may see, so the row-level check runs here, and marks the pegawai when it passes. */
static bool daftar_per_pegawai(const char *pattern)
{
  return strcmp(pattern, "/api/v1/aktivitas") == 0 || strcmp(pattern, "/api/v1/skp") == 0 ||
         strcmp(pattern, "/api/v1/penilaian") == 0 || strcmp(pattern, "/api/v1/bukti") == 0;
}

void api_akses_setelah(struct request *req)
{
  const struct akses_jejak *j = req->who.jejak;
  if (!j || !req->route || req->status < 200 || req->status > 299) return;
  if (strcmp(req->method, "GET") != 0) return;
  const char *objek = api_akses_objek(req->route->pattern);
  if (!objek) return;
  struct db *db = NULL;
  const char *pid = http_query(req, "pegawai_id");
  int64_t id = 0;
  if (pid && daftar_per_pegawai(req->route->pattern) && parse_int64(pid, 1, INT64_MAX, &id) == 0 &&
      id != req->who.pegawai_id) {
    if (!(db = http_db(req))) return;
    (void)rbac_pegawai(db, &req->who, id, ACCESS_READ, NULL);   /* marks when allowed */
  }
  if (j->n == 0) return;
  if (!db && !(db = http_db(req))) return;
  const struct config *cfg = server_config(req->srv);
  int64_t jendela = (int64_t)(cfg ? cfg->akses_jendela : 3600) * 1000;
  for (int i = 0; i < j->n; i++)
    if (akses_log_catat(db, &req->who, j->pegawai[i], objek, req->path, now_unix_ms(), jendela) < 0)
      log_msg(LOG_WARN, "akses: catatan baca pegawai %lld gagal: %s", (long long)j->pegawai[i], db_errmsg(db));
}

/* YYYY-MM-DD (WIB, UTC+7, like the audit list) as unix milliseconds; next day when `akhir`. */
static int64_t tanggal_ms(const char *d, bool akhir)
{
  struct tm tm = {0};
  tm.tm_year = (d[0]-'0')*1000 + (d[1]-'0')*100 + (d[2]-'0')*10 + (d[3]-'0') - 1900;
  tm.tm_mon = (d[5]-'0')*10 + (d[6]-'0') - 1;
  tm.tm_mday = (d[8]-'0')*10 + (d[9]-'0') + (akhir ? 1 : 0);
  return ((int64_t)timegm(&tm) - 7 * 3600) * 1000;
}

/* The caller's own pegawai; replies 404 for an account without one. */
static int64_t pegawai_sendiri(struct request *req)
{
  if (req->who.pegawai_id) return req->who.pegawai_id;
  reply_problem(req, 404, "Tidak ada data pegawai",
                "Akun ini tidak terhubung dengan data pegawai, jadi tidak ada data kinerja milik Anda.");
  return 0;
}

int api_saya_akses(struct request *req)
{
  struct akses_saring s = {0};
  if (api_limit(req, &s.limit) != 0) return 0;
  const char *jenis = http_query(req, "jenis"), *dari = http_query(req, "dari");
  const char *sampai = http_query(req, "sampai"), *cur = http_query(req, "cursor");
  if (jenis && strcmp(jenis, "lihat") == 0) s.jenis = AKSES_LIHAT;
  else if (jenis && strcmp(jenis, "ubah") == 0) s.jenis = AKSES_UBAH;
  else if (jenis && *jenis && strcmp(jenis, "semua") != 0) verr_add(req, "jenis", "harus lihat, ubah, atau semua");
  if (dari && !date_valid(dari)) verr_add(req, "dari", "harus tanggal YYYY-MM-DD");
  if (sampai && !date_valid(sampai)) verr_add(req, "sampai", "harus tanggal YYYY-MM-DD");
  if (dari && sampai && date_valid(dari) && date_valid(sampai) && strcmp(dari, sampai) > 0)
    verr_add(req, "sampai", "tidak boleh sebelum tanggal dari");
  if (cur && parse_int64(cur, 0, 1000000, &s.offset) != 0) verr_add(req, "cursor", "cursor tidak valid");
  if (verr_any(req)) return reply_verr(req, 422);
  s.pegawai_id = pegawai_sendiri(req);
  if (!s.pegawai_id) return 0;
  if (dari) s.dari_ms = tanggal_ms(dari, false);
  if (sampai) s.sampai_ms = tanggal_ms(sampai, true);
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *items = NULL;
  int64_t total = 0;
  if (akses_log_daftar(db, &s, &items, &total) != 0) return reply_db_error(req);
  json_t *next = json_null();
  if (s.offset + (int64_t)json_array_size(items) < total) {
    char c[24];
    snprintf(c, sizeof c, "%lld", (long long)(s.offset + (int64_t)json_array_size(items)));
    next = json_string(c);
  }
  return reply_json(req, 200, json_pack("{s:o,s:I,s:o,s:i,s:I}", "items", items, "total", (json_int_t)total,
                                        "next_cursor", next, "limit", s.limit,
                                        "jendela_detik", (json_int_t)server_config(req->srv)->akses_jendela));
}
