/* api_bukti.c: /api/v1/bukti: upload, link, list, read, download and delete evidence
 * (bukti dukung, issue 5).  Thin: parse, check who may act, call bukti.c, reply.
 *
 * Who: the owning pegawai uploads and deletes (an account without a pegawai gets 422); the
 * owner, their atasan chain, pimpinan and admin of the instansi (rbac_pegawai), the auditor of
 * the instansi and superadmin read.  Downloads are decrypted into memory and sent with
 * reply_raw (fine for files up to the 10 MiB route cap; a streaming reply would need a
 * callback response in the server).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aktivitas.h"
#include "api/api.h"
#include "api/api_bukti.h"
#include "auth/rbac.h"
#include "bukti.h"
#include "config.h"
#include "http/server.h"
#include "util/errs.h"
#include "util/log.h"
#include "util/util.h"

#define KUNCI_ENV "KINERJA_BUKTI_KEY"

static int finish(struct request *req, struct db *db, int rc, int http, const char *pesan, const char *what)
{
  if (api_end(req, db, rc) == 0) return 0;
  if (req->status) return 1;
  switch (rc) {
  case 1: reply_verr(req, http ? http : 422); break;
  case 2: reply_not_found(req, what); break;
  case 3: reply_problem(req, http ? http : 409, http == 403 ? "Akses ditolak" : "Tidak dapat diproses", pesan); break;
  case -2:
    reply_problem(req, 503, "Penyimpanan bukti tidak tersedia",
                  "Berkas bukti dukung tidak dapat disimpan saat ini. Coba lagi nanti atau hubungi admin sistem.");
    break;
  default: reply_db_error(req); break;
  }
  return 1;
}

static int need_pegawai(struct request *req)
{
  if (req->who.pegawai_id) return 0;
  verr_add(req, "pegawai", "akun ini tidak terhubung dengan pegawai; bukti dukung diunggah oleh pegawai sendiri");
  reply_verr(req, 422);
  return 1;
}

/* Opens the store with its key; replies 503 (and logs why) when it cannot. */
static int gudang(struct request *req, struct bukti_gudang *g)
{
  char err[400];
  const struct config *c = server_config(req->srv);
  if (bukti_gudang_buka(g, c->data_dir, getenv(KUNCI_ENV), err, sizeof err) == 0) return 0;
  log_msg(LOG_ERROR, "bukti: %s", err);
  reply_header(req, "Retry-After", "60");
  reply_problem(req, 503, "Penyimpanan bukti tidak tersedia",
                "Penyimpanan berkas bukti dukung belum siap. Hubungi admin sistem.");
  return -1;
}

/* The database store (--bukti-store db): objects on this request's connection. */
static void gudang_db(struct request *req, struct bukti_gudang *g, struct db *db)
{
  if (!strcmp(server_config(req->srv)->bukti_simpan, "db")) g->db = db;
}

/* May the caller read the evidence of pegawai `owner`?  0 yes (*inst = their instansi);
 * 1 replied (403, 404 or 503). */
static int boleh_baca(struct request *req, struct db *db, int64_t owner, int64_t *inst)
{
  int64_t i = 0;
  enum access_result a = rbac_pegawai(db, &req->who, owner, ACCESS_READ, &i);
  if (inst) *inst = i;
  if (a == ACCESS_OK) return 0;
  if (a == ACCESS_ERROR) { reply_db_error(req); return 1; }
  if (a == ACCESS_NOT_FOUND) { reply_not_found(req, "Pegawai"); return 1; }
  if ((req->who.peran & PERAN_AUDITOR) && req->who.instansi_id == i) return 0;
  reply_forbidden(req);
  return 1;
}

/* Loads bukti {id} and checks read access; 0 ok, 1 replied. */
static int load_readable(struct request *req, struct db *db, int64_t id, struct bukti_info *b)
{
  int rc = bukti_load(db, id, b);
  if (rc < 0) { reply_db_error(req); return 1; }
  if (rc == 1) { reply_not_found(req, "Bukti dukung"); return 1; }
  return boleh_baca(req, db, b->pegawai_id, NULL);
}

static int reply_bukti(struct request *req, struct db *db, int64_t id, int status)
{
  json_t *j = bukti_json(db, id);
  if (!j) return reply_db_error(req);
  if (status == 201) {
    char loc[64];
    snprintf(loc, sizeof loc, "/api/v1/bukti/%lld", (long long)id);
    reply_header(req, "Location", loc);
  }
  return reply_json(req, status, j);
}

int api_bukti_unggah(struct request *req)
{
  int64_t akt = 0, real = 0, inov = 0;
  if (need_pegawai(req)) return 0;
  if (api_query_id(req, "aktivitas_id", &akt) != 0 || api_query_id(req, "realisasi_id", &real) != 0 ||
      api_query_id(req, "inovasi_id", &inov) != 0) return 0;
  const char *nama = http_query(req, "nama");
  if (!nama || !*nama) verr_add(req, "nama", "wajib diisi: nama berkas, misalnya ?nama=laporan.pdf");
  if ((akt != 0) + (real != 0) + (inov != 0) > 1)
    verr_add(req, "realisasi_id", "pilih salah satu: aktivitas_id, realisasi_id atau inovasi_id");
  if (verr_any(req)) return reply_verr(req, 422);
  struct bukti_gudang g;
  if (gudang(req, &g) != 0) return 0;
  struct db *db = api_begin(req);
  if (!db) { bukti_gudang_tutup(&g); return 0; }
  gudang_db(req, &g, db);
  struct audit_actor a;
  http_actor(req, &a);
  struct bukti_baru b = {.pegawai_id = req->who.pegawai_id, .aktivitas_id = akt, .realisasi_id = real,
                         .inovasi_id = inov, .nama = nama, .data = (const unsigned char *)req->body.data, .len = req->body.len};
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  int rc = bukti_berkas_create(db, &g, &b, &a, &req->verr, &http, &pesan, &id);
  bukti_gudang_tutup(&g);
  if (finish(req, db, rc, http, pesan, "Bukti dukung")) return 0;
  return reply_bukti(req, db, id, 201);
}

int api_bukti_tautan(struct request *req)
{
  static const char *const allowed[] = {"url", "nama", "aktivitas_id", "realisasi_id", "inovasi_id", NULL};
  if (need_pegawai(req)) return 0;
  const char *url = NULL, *nama = NULL;
  int64_t akt = 0, real = 0, inov = 0;
  jbody_only(req, allowed);
  jbody_string(req, "url", true, BUKTI_URL_MAKS, &url);
  jbody_string(req, "nama", true, BUKTI_NAMA_MAKS, &nama);
  jbody_int(req, "aktivitas_id", false, 1, INT64_MAX, &akt);
  jbody_int(req, "realisasi_id", false, 1, INT64_MAX, &real);
  jbody_int(req, "inovasi_id", false, 1, INT64_MAX, &inov);
  if ((akt != 0) + (real != 0) + (inov != 0) > 1)
    verr_add(req, "realisasi_id", "pilih salah satu: aktivitas_id, realisasi_id atau inovasi_id");
  if (url) {
    const char *why = bukti_url_periksa(url);
    if (why) verr_add(req, "url", why);
  }
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor a;
  http_actor(req, &a);
  struct bukti_baru b = {.pegawai_id = req->who.pegawai_id, .aktivitas_id = akt, .realisasi_id = real,
                         .inovasi_id = inov, .nama = nama, .url = url};
  int http = 0;
  const char *pesan = NULL;
  int64_t id = 0;
  int rc = bukti_tautan_create(db, &b, &a, &req->verr, &http, &pesan, &id);
  if (finish(req, db, rc, http, pesan, "Bukti dukung")) return 0;
  return reply_bukti(req, db, id, 201);
}

int api_bukti_list(struct request *req)
{
  struct bukti_query q = {0};
  if (api_limit(req, &q.limit) != 0 || api_query_id(req, "aktivitas_id", &q.aktivitas_id) != 0 ||
      api_query_id(req, "realisasi_id", &q.realisasi_id) != 0 || api_query_id(req, "pegawai_id", &q.pegawai_id) != 0 ||
      api_query_id(req, "inovasi_id", &q.inovasi_id) != 0)
    return 0;
  const char *c = http_query(req, "cursor");
  if (c && parse_int64(c, 1, INT64_MAX, &q.cursor) != 0) { verr_add(req, "cursor", "cursor tidak valid"); return reply_verr(req, 422); }
  int filters = (q.aktivitas_id != 0) + (q.realisasi_id != 0) + (q.pegawai_id != 0) + (q.inovasi_id != 0);
  if (filters > 1) {
    verr_add(req, "pegawai_id", "pilih salah satu: aktivitas_id, realisasi_id, inovasi_id atau pegawai_id");
    return reply_verr(req, 422);
  }
  if (filters == 0) {
    if (!req->who.pegawai_id) {
      verr_add(req, "pegawai_id", "sebutkan aktivitas_id, realisasi_id atau pegawai_id");
      return reply_verr(req, 422);
    }
    q.pegawai_id = req->who.pegawai_id;
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  int64_t owner = q.pegawai_id, inst = 0;
  if (!owner) {
    int rc = q.aktivitas_id ? bukti_pemilik_aktivitas(db, q.aktivitas_id, &owner, &inst)
           : q.realisasi_id ? bukti_pemilik_realisasi(db, q.realisasi_id, &owner, &inst)
                            : bukti_pemilik_inovasi(db, q.inovasi_id, &owner, &inst);
    if (rc < 0) return reply_db_error(req);
    if (rc == 1) return reply_not_found(req, q.aktivitas_id ? "Aktivitas" : q.realisasi_id ? "Realisasi" : "Inovasi");
  }
  if (boleh_baca(req, db, owner, &inst)) return 0;
  json_t *j = bukti_list(db, &q);
  if (!j) return reply_db_error(req);
  if (q.pegawai_id) {
    /* the pegawai's quota next to their files */
    struct pengaturan set;
    int64_t used = bukti_terpakai(db, q.pegawai_id);
    if (used < 0 || pengaturan_load(db, inst, &set) != 0) { json_decref(j); return reply_db_error(req); }
    json_object_set_new(j, "kuota", json_pack("{s:I,s:I,s:I}", "terpakai_bytes", (json_int_t)used,
                                              "kuota_bytes", (json_int_t)set.bukti_kuota_bytes,
                                              "maks_berkas_bytes", (json_int_t)set.bukti_maks_bytes));
  }
  return reply_json(req, 200, j);
}

int api_bukti_get(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct bukti_info b;
  if (load_readable(req, db, id, &b)) return 0;
  return reply_bukti(req, db, id, 200);
}

/* Content-Disposition with an ASCII fallback name and the UTF-8 name (RFC 6266, RFC 8187). */
static void disposition(const char *nama, char *out, size_t n)
{
  char ascii[BUKTI_NAMA_BUF], pct[BUKTI_NAMA_BUF * 3];
  size_t a = 0, p = 0;
  for (const unsigned char *s = (const unsigned char *)nama; *s && a + 1 < sizeof ascii; s++) {
    unsigned char ch = *s;
    if (ch >= 0x80) { if ((ch & 0xc0) != 0x80) ascii[a++] = '_'; }
    else ascii[a++] = (ch < 0x20 || ch == '"' || ch == '\\' || ch == 0x7f) ? '_' : (char)ch;
  }
  ascii[a] = 0;
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *s = (const unsigned char *)nama; *s && p + 4 < sizeof pct; s++) {
    unsigned char ch = *s;
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || strchr("-._~", ch)) {
      pct[p++] = (char)ch;
    } else {
      pct[p++] = '%';
      pct[p++] = hex[ch >> 4];
      pct[p++] = hex[ch & 15];
    }
  }
  pct[p] = 0;
  snprintf(out, n, "attachment; filename=\"%s\"; filename*=UTF-8''%s", ascii, pct);
}

/* The media type to serve a stored row with: one of the sniffed types (static strings), never
 * whatever the row says. */
static const char *serve_type(const char *mime)
{
  for (int j = SNIFF_PDF; j <= SNIFF_XLSX; j++)
    if (strcmp(mime, sniff_mime((enum sniff_jenis)j)) == 0) return sniff_mime((enum sniff_jenis)j);
  return "application/octet-stream";
}

static ssize_t aliran_baca(void *ctx, uint64_t pos, char *buf, size_t max)
{
  (void)pos;
  return bukti_aliran_baca(ctx, buf, max);
}

static void aliran_tutup(void *ctx) { bukti_aliran_tutup(ctx); }

int api_bukti_unduh(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = http_db(req);
  if (!db) return 0;
  struct bukti_info b;
  if (load_readable(req, db, id, &b)) return 0;
  if (!b.berkas)
    return reply_problem(req, 409, "Bukan berkas", "Bukti dukung ini berupa tautan; buka alamat pada kolom url.");
  struct bukti_gudang g;
  if (gudang(req, &g) != 0) return 0;
  gudang_db(req, &g, db);
  /* decrypted chunk by chunk as it is sent: memory does not grow with the file (the database
   * store holds one object's encrypted bytes in memory while it is sent) */
  struct bukti_aliran *a = bukti_aliran_buka(&g, b.sha256);
  bukti_gudang_tutup(&g);
  if (!a) {
    log_msg(LOG_ERROR, "bukti %lld: objek %s tidak dapat dibuka", (long long)id, b.sha256);
    return reply_problem(req, 500, "Berkas bukti rusak",
                         "Berkas bukti dukung ini tidak dapat dibaca dari penyimpanan. Hubungi admin sistem.");
  }
  char disp[BUKTI_NAMA_BUF * 4 + 64];
  disposition(b.nama, disp, sizeof disp);
  reply_header(req, "Content-Disposition", disp);
  reply_header(req, "Content-Security-Policy", "default-src 'none'; sandbox");
  /* X-Content-Type-Options: nosniff is on every answer (server.c) */
  return reply_aliran(req, 200, serve_type(b.mime), (uint64_t)b.ukuran, aliran_baca, aliran_tutup, a);
}

int api_bukti_delete(struct request *req)
{
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct bukti_gudang g;
  if (bukti_gudang_dir(&g, server_config(req->srv)->data_dir) != 0)
    return reply_problem(req, 503, "Penyimpanan bukti tidak tersedia", "Direktori data tidak valid. Hubungi admin sistem.");
  struct db *db = api_begin(req);
  if (!db) return 0;
  gudang_db(req, &g, db);
  struct bukti_info b;
  int rc = bukti_load(db, id, &b);
  if (rc != 0) { db_rollback(db); return rc < 0 ? reply_db_error(req) : reply_not_found(req, "Bukti dukung"); }
  if (b.pegawai_id != req->who.pegawai_id) {
    db_rollback(db);
    return reply_problem(req, 403, "Akses ditolak", "Hanya pegawai pemilik yang dapat menghapus bukti dukung ini.");
  }
  struct audit_actor a;
  http_actor(req, &a);
  struct bukti_buang buang;
  int http = 0;
  const char *pesan = NULL;
  rc = bukti_delete(db, &g, id, req->who.pegawai_id, &a, &http, &pesan, &buang);
  int replied = finish(req, db, rc, http, pesan, "Bukti dukung");
  bukti_buang_selesai(&buang, replied == 0);
  if (replied) return 0;
  return reply_no_content(req);
}
