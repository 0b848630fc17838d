/* api_laporan.c: /api/v1/laporan/ekspor — report exports as background jobs (issue 8): ask for a
 * rekap (XLSX or CSV) of a unit subtree, the instansi or one's own bawahan, follow its progress,
 * download the file.  Only the user who asked sees a job. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/api.h"
#include "api/api_laporan.h"
#include "aktivitas.h"
#include "auth/rbac.h"
#include "config.h"
#include "http/server.h"
#include "laporan.h"
#include "laporan_pekerja.h"
#include "org.h"
#include "util/util.h"

int api_laporan_minta(struct request *req)
{
  static const char *const allowed[] = {"jenis", "format", "unit_kerja_id", "tahun", "instansi_id", NULL};
  jbody_only(req, allowed);
  const char *jenis = NULL, *fmt = NULL;
  int64_t unit = 0, tahun = 0, inst_body = 0;
  jbody_string(req, "jenis", false, 32, &jenis);
  jbody_string(req, "format", true, 8, &fmt);
  jbody_int(req, "unit_kerja_id", false, 1, INT64_MAX, &unit);
  jbody_int(req, "tahun", false, 2000, 2100, &tahun);
  jbody_int(req, "instansi_id", false, 1, INT64_MAX, &inst_body);
  enum rekap_format f = REKAP_XLSX;
  if (jenis && strcmp(jenis, "rekap_pegawai")) verr_add(req, "jenis", "jenis laporan yang tersedia: rekap_pegawai");
  if (fmt && rekap_format_dari_kode(fmt, &f) != 0) verr_add(req, "format", "harus xlsx atau csv");
  if (verr_any(req)) return reply_verr(req, 422);
  const struct principal *w = &req->who;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct rekap_lingkup l = {0};
  int rc = 0;
  if (unit) {
    json_t *u = unit_kerja_json(db, unit, &l.instansi_id);
    if (!u) { db_rollback(db); verr_add(req, "unit_kerja_id", "unit kerja tidak ditemukan"); return reply_verr(req, 422); }
    str_copy(l.judul, sizeof l.judul, json_string_value(json_object_get(u, "nama")) ? json_string_value(json_object_get(u, "nama")) : "");
    json_decref(u);
    if (!rbac_reads_instansi(w) || !rbac_instansi_read(w, l.instansi_id)) { db_rollback(db); return reply_forbidden(req); }
    l.unit_id = unit;
  } else if (rbac_reads_instansi(w)) {
    l.instansi_id = w->instansi_id ? w->instansi_id : inst_body;
    if (!l.instansi_id) { db_rollback(db); verr_add(req, "instansi_id", "superadmin harus menyebut instansi_id"); return reply_verr(req, 422); }
    if (!rbac_instansi_read(w, l.instansi_id)) { db_rollback(db); return reply_forbidden(req); }
    json_t *i = instansi_json(db, l.instansi_id);
    if (!i) { db_rollback(db); verr_add(req, "instansi_id", "instansi tidak ditemukan"); return reply_verr(req, 422); }
    str_copy(l.judul, sizeof l.judul, json_string_value(json_object_get(i, "nama")) ? json_string_value(json_object_get(i, "nama")) : "");
    json_decref(i);
  } else if (w->pegawai_id) {
    l.instansi_id = w->instansi_id;
    l.atasan_id = w->pegawai_id;
    snprintf(l.judul, sizeof l.judul, "Bawahan %s", w->username);
  } else {
    db_rollback(db);
    return reply_forbidden(req);
  }
  if (!tahun) {
    char today[11];
    instansi_hari_ini(db, l.instansi_id, today);
    tahun = atoi(today);
  }
  l.tahun = (int)tahun;
  int64_t id = 0;
  bool cache = false;
  rc = laporan_minta(db, w->pengguna_id, &l, f, &id, &cache);
  if (rc == 3) {
    db_rollback(db);
    reply_header(req, "Retry-After", "30");
    return reply_problem(req, 429, "Terlalu banyak laporan",
                         "Anda masih punya 3 laporan yang sedang dibuat. Tunggu sampai salah satunya selesai.");
  }
  if (api_end(req, db, rc)) return 0;
  if (!cache) laporan_pekerja_bangunkan();
  json_t *j = laporan_json(http_db(req), id, w->pengguna_id);
  if (!j) return reply_db_error(req);
  json_object_set_new(j, "dari_cache", json_boolean(cache));
  return reply_json(req, cache ? 200 : 202, j);
}

int api_laporan_daftar(struct request *req)
{
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = laporan_daftar(db, req->who.pengguna_id);
  return j ? reply_json(req, 200, j) : reply_db_error(req);
}

int api_laporan_get(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *j = laporan_json(db, id, req->who.pengguna_id);
  return j ? reply_json(req, 200, j) : reply_not_found(req, "Laporan");
}

int api_laporan_berkas(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  char path[1200];
  enum rekap_format f;
  int rc = laporan_berkas(db, server_config(req->srv)->data_dir, id, req->who.pengguna_id, path, sizeof path, &f);
  if (rc == 1) return reply_not_found(req, "Laporan");
  if (rc == 2) return reply_problem(req, 409, "Laporan belum selesai", "Laporan masih dibuat atau gagal; lihat statusnya.");
  if (rc != 0) return reply_db_error(req);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    if (fd >= 0) close(fd);
    return reply_not_found(req, "Laporan");
  }
  char disp[128];
  snprintf(disp, sizeof disp, "attachment; filename=\"rekap-pegawai-%lld.%s\"", (long long)id, rekap_format_kode(f));
  reply_header(req, "Content-Disposition", disp);
  return reply_fd(req, 200, rekap_format_mime(f), fd, (uint64_t)st.st_size);
}
