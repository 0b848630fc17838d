/* api_webhook.c: /api/v1/webhook — admins register webhooks for their instansi (superadmin:
 * any instansi), read the delivery log, send a delivery again and queue a test ping.  The
 * subscriptions are src/webhook_langganan.c, the outbox src/webhook.c; nothing here talks to a
 * receiver. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_keluar.h"
#include "api/api_webhook.h"
#include "audit.h"
#include "db/db.h"
#include "util/util.h"
#include "webhook.h"
#include "webhook_langganan.h"

/* Ends the transaction and answers: 0 → status with hasil (NULL → 204); else the problem. */
static int jawab(struct request *req, struct db *db, int rc, int status, json_t *hasil, int http, const char *pesan)
{
  if (api_end(req, db, rc) != 0) {
    json_decref(hasil);
    if (req->status) return 0;
    if (rc == 2) return reply_not_found(req, "Webhook");
    if (rc == 3) return reply_problem(req, http, http == 403 ? "Tidak diizinkan" : "Tidak dapat diproses", pesan);
    return reply_db_error(req);
  }
  return hasil ? reply_json(req, status, hasil) : reply_no_content(req);
}

/* Reads and checks the members of a create (baru) or change body into *in. */
static void baca_isian(struct request *req, struct webhook_isian *in, bool baru)
{
  static const char *const buat[] = {"url", "peristiwa", "keterangan", "aktif", "instansi_id", NULL};
  static const char *const ubah[] = {"url", "peristiwa", "keterangan", "aktif", "ganti_rahasia", NULL};
  memset(in, 0, sizeof *in);
  in->aktif = -1;
  jbody_only(req, baru ? buat : ubah);
  if (jbody_string(req, "url", baru, WEBHOOK_URL_MAKS, &in->url)) {
    const char *salah = webhook_url_salah(in->url);
    if (salah) verr_add(req, "url", salah);
  }
  json_t *k = json_object_get(req->json, "keterangan");
  if (k && json_is_null(k)) in->ubah_keterangan = true;
  else if (k) in->ubah_keterangan = jbody_string(req, "keterangan", false, WEBHOOK_KETERANGAN_MAKS, &in->keterangan);
  json_t *p = json_object_get(req->json, "peristiwa");
  if (p && !json_is_null(p)) {
    if (webhook_peristiwa_periksa(p, "peristiwa", &req->verr)) in->peristiwa = p;
  } else if (baru) {
    verr_add(req, "peristiwa", "wajib diisi: daftar peristiwa (skp.disetujui, penilaian.final, tpp.bulan_disetujui)");
  }
  bool b;
  if (jbody_bool(req, "aktif", false, &b)) in->aktif = b ? 1 : 0;
  if (!baru && jbody_bool(req, "ganti_rahasia", false, &b)) in->ganti_rahasia = b;
}

int api_webhook_list(struct request *req)
{
  int limit;
  int64_t inst, own, cursor = 0;
  if (api_keluar_instansi(req, &own) != 0 || api_limit(req, &limit) != 0 || api_list_instansi(req, &inst) != 0) return 0;
  const char *cur = http_query(req, "cursor");
  if (cur && *cur && parse_int64(cur, 1, INT64_MAX, &cursor) != 0) {
    verr_add(req, "cursor", "cursor tidak valid");
    return reply_verr(req, 422);
  }
  struct db *db = http_db(req);
  if (!db) return 0;
  json_t *page = webhook_daftar(db, inst, cursor, limit);
  if (!page) return reply_db_error(req);
  return reply_json(req, 200, page);
}

int api_webhook_buat(struct request *req)
{
  int64_t own, inst;
  if (api_keluar_instansi(req, &own) != 0 || api_write_instansi(req, &inst) != 0) return 0;
  struct webhook_isian in;
  baca_isian(req, &in, true);
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  json_t *hasil = NULL;
  int http = 0;
  const char *pesan = NULL;
  int rc = webhook_buat(db, inst, &in, &who, &hasil, &http, &pesan);
  return jawab(req, db, rc, 201, hasil, http, pesan);
}

int api_webhook_ubah(struct request *req)
{
  int64_t inst;
  if (api_keluar_instansi(req, &inst) != 0) return 0;
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct webhook_isian in;
  baca_isian(req, &in, false);
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  json_t *hasil = NULL;
  int http = 0;
  const char *pesan = NULL;
  int rc = webhook_ubah(db, id, inst, &in, &who, &hasil, &http, &pesan);
  return jawab(req, db, rc, 200, hasil, http, pesan);
}

int api_webhook_hapus(struct request *req)
{
  int64_t inst;
  if (api_keluar_instansi(req, &inst) != 0) return 0;
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  int http = 0;
  const char *pesan = NULL;
  int rc = webhook_hapus(db, id, inst, &who, &http, &pesan);
  return jawab(req, db, rc, 204, NULL, http, pesan);
}

int api_webhook_pengiriman(struct request *req)
{
  int limit;
  int64_t inst, cursor = 0;
  if (api_keluar_instansi(req, &inst) != 0) return 0;
  int64_t id = http_param_id(req, "id");
  if (!id || api_limit(req, &limit) != 0) return 0;
  const char *status;
  api_keluar_saring(req, &status, &cursor);
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = http_db(req);
  if (!db) return 0;
  int http = 0;
  const char *pesan = NULL;
  int rc = webhook_akses(db, id, inst, &http, &pesan);
  if (rc == 2) return reply_not_found(req, "Webhook");
  if (rc == 3) return reply_problem(req, http, "Tidak diizinkan", pesan);
  if (rc != 0) return reply_db_error(req);
  json_t *page = webhook_pengiriman_daftar(db, id, status, cursor, limit);
  if (!page) return reply_db_error(req);
  return reply_json(req, 200, page);
}

int api_webhook_uji(struct request *req)
{
  int64_t inst;
  if (api_keluar_instansi(req, &inst) != 0) return 0;
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  json_t *hasil = NULL;
  int http = 0;
  const char *pesan = NULL;
  int rc = webhook_uji(db, id, inst, &who, &hasil, &http, &pesan);
  return jawab(req, db, rc, 202, hasil, http, pesan);
}

int api_webhook_ulang(struct request *req)
{
  int64_t inst;
  if (api_keluar_instansi(req, &inst) != 0) return 0;
  int64_t id = http_param_id(req, "id");
  if (!id) return 0;
  struct db *db = api_begin(req);
  if (!db) return 0;
  struct audit_actor who;
  http_actor(req, &who);
  json_t *hasil = NULL;
  int http = 0;
  const char *pesan = NULL;
  int rc = webhook_pengiriman_ulang(db, id, inst, &who, &hasil, &http, &pesan);
  if (rc == 2) { api_end(req, db, rc); return reply_not_found(req, "Pengiriman webhook"); }
  return jawab(req, db, rc, 200, hasil, http, pesan);
}
