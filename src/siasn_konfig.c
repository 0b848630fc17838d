/* siasn_konfig.c: the per-instansi SIASN configuration (see siasn_konfig.h). */
#include "siasn_konfig.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/errs.h"
#include "util/util.h"

int siasn_konfig_muat(struct db *db, int64_t inst, struct siasn_konfig *k)
{
  memset(k, 0, sizeof *k);
  k->instansi_id = inst;
  struct db_stmt *st = db_prepare(db,
    "SELECT i.kode, k.base_url, k.token_url, k.client_id, k.header_pengguna, k.skema_pengguna"
    "  FROM instansi i LEFT JOIN siasn_konfig k ON k.instansi_id = i.id"
    " WHERE i.id = ?1 AND i.latihan_dari IS NULL");   /* a training sandbox never talks to SIASN */
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  int s = db_step(st), rc = 1;
  if (s == DB_ROW) {
    str_copy(k->kode, sizeof k->kode, db_col_text(st, 0));
    if (!db_col_is_null(st, 1)) {
      str_copy(k->base_url, sizeof k->base_url, db_col_text(st, 1));
      str_copy(k->token_url, sizeof k->token_url, db_col_text(st, 2));
      str_copy(k->client_id, sizeof k->client_id, db_col_text(st, 3));
      str_copy(k->header_pengguna, sizeof k->header_pengguna, db_col_text(st, 4));
      str_copy(k->skema_pengguna, sizeof k->skema_pengguna, db_col_text(st, 5));
      rc = 0;
    }
  } else if (s != DB_DONE) {
    rc = -1;
  }
  db_done(st);
  return rc;
}

bool siasn_url_diizinkan(const char *u)
{
  if (!u || strpbrk(u, " \t\r\n\"<>\\")) return false;
  if (strncmp(u, "https://", 8) == 0) return u[8] && u[8] != '/';
  if (strncmp(u, "http://", 7) != 0) return false;
  const char *h = u + 7;
  static const char *const lokal[] = {"127.0.0.1", "localhost", "[::1]"};
  for (size_t i = 0; i < sizeof lokal / sizeof lokal[0]; i++) {
    size_t n = strlen(lokal[i]);
    if (strncmp(h, lokal[i], n) == 0 && (h[n] == ':' || h[n] == '/' || !h[n])) return true;
  }
  const char *e = getenv("KINERJA_SIASN_HTTP");
  return e && strcmp(e, "1") == 0 && *h && *h != '/';
}

static const char *teks(json_t *body, const char *f, size_t max, bool wajib, json_t **errs)
{
  json_t *v = json_object_get(body, f);
  if (!v || json_is_null(v)) { if (wajib) errs_add(errs, f, "wajib diisi"); return NULL; }
  const char *s = json_string_value(v);
  if (!s) { errs_add(errs, f, "harus berupa teks"); return NULL; }
  if (strlen(s) != json_string_length(v) || !text_clean(s, false)) { errs_add(errs, f, "berisi karakter yang tidak diizinkan"); return NULL; }
  if (strlen(s) > max) { errs_addf(errs, f, "maksimal %zu karakter", max); return NULL; }
  if (wajib && !*s) { errs_add(errs, f, "wajib diisi"); return NULL; }
  return s;
}

int siasn_konfig_simpan(struct db *db, int64_t inst, json_t *body, const struct audit_actor *who, json_t **errs)
{
  static const char *const boleh[] = {"base_url", "token_url", "client_id", "header_pengguna", "skema_pengguna", "instansi_id", NULL};
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool ok = false;
    for (const char *const *b = boleh; *b; b++) ok = ok || strcmp(*b, k) == 0;
    if (!ok) errs_add(errs, k, "kolom tidak dikenal");
  }
  const char *base = teks(body, "base_url", 500, true, errs), *tok = teks(body, "token_url", 500, true, errs);
  const char *cid = teks(body, "client_id", 250, true, errs);
  const char *hdr = teks(body, "header_pengguna", 60, false, errs), *sk = teks(body, "skema_pengguna", 30, false, errs);
  const char *pesan_url = "harus https:// (http:// hanya untuk 127.0.0.1/localhost atau dengan KINERJA_SIASN_HTTP=1)";
  if (base && !siasn_url_diizinkan(base)) errs_add(errs, "base_url", pesan_url);
  if (tok && !siasn_url_diizinkan(tok)) errs_add(errs, "token_url", pesan_url);
  if (hdr) {
    bool ok = *hdr != 0;
    for (const char *p = hdr; *p; p++) ok = ok && (isalnum((unsigned char)*p) || *p == '-' || *p == '_');
    if (!ok || strcasecmp(hdr, "Authorization") == 0)
      errs_add(errs, "header_pengguna", "nama header: huruf, angka, '-' atau '_', bukan Authorization (dipakai token OAuth2)");
  }
  if (sk) {
    bool ok = true;
    for (const char *p = sk; *p; p++) ok = ok && isalpha((unsigned char)*p);
    if (!ok) errs_add(errs, "skema_pengguna", "hanya huruf, misalnya bearer (kosong: token saja)");
  }
  if (errs_any(*errs)) return 1;
  struct siasn_konfig lama;
  int ada = siasn_konfig_muat(db, inst, &lama);
  if (ada < 0) return -1;
  json_t *sebelum = ada == 0 ? siasn_konfig_json(&lama) : NULL;
  char basebersih[512];
  str_copy(basebersih, sizeof basebersih, base);
  size_t bl = strlen(basebersih);
  while (bl && basebersih[bl - 1] == '/') basebersih[--bl] = 0;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO siasn_konfig (instansi_id, base_url, token_url, client_id, header_pengguna, skema_pengguna, diubah, diubah_oleh)"
    " VALUES (?1, ?2, ?3, ?4, COALESCE(?5, 'Auth'), COALESCE(?6, 'bearer'), ?7, ?8)"
    " ON CONFLICT (instansi_id) DO UPDATE SET base_url = excluded.base_url, token_url = excluded.token_url,"
    "   client_id = excluded.client_id, header_pengguna = excluded.header_pengguna,"
    "   skema_pengguna = excluded.skema_pengguna, diubah = excluded.diubah, diubah_oleh = excluded.diubah_oleh");
  if (!st) { json_decref(sebelum); return -1; }
  db_bind_int64(st, 1, inst);
  db_bind_text(st, 2, basebersih);
  db_bind_text(st, 3, tok);
  db_bind_text(st, 4, cid);
  db_bind_text(st, 5, hdr);
  db_bind_text(st, 6, sk);
  db_bind_int64(st, 7, now_unix());
  db_bind_id(st, 8, who->pengguna_id);
  int s = db_step(st);
  db_done(st);
  struct siasn_konfig baru;
  if (s != DB_DONE || siasn_konfig_muat(db, inst, &baru) != 0) { json_decref(sebelum); return -1; }
  json_t *sesudah = siasn_konfig_json(&baru);
  int rc = audit_append(db, who, inst, "siasn.konfig", "siasn_konfig", inst, sebelum, sesudah);
  json_decref(sebelum);
  json_decref(sesudah);
  return rc;
}

json_t *siasn_konfig_json(const struct siasn_konfig *k)
{
  return json_pack("{s:I,s:s,s:s,s:s,s:s,s:s}", "instansi_id", (json_int_t)k->instansi_id, "base_url", k->base_url,
                   "token_url", k->token_url, "client_id", k->client_id, "header_pengguna", k->header_pengguna,
                   "skema_pengguna", k->skema_pengguna);
}
