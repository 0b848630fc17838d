/* api_hitung.c: /api/v1/hitung/..., the regulation calculator (issue 6).  Thin: the evaluator in
 * src/hitung.c validates the body and computes; this file only answers. */
#include <stdlib.h>
#include <string.h>

#include "api/api_boleh.h"
#include "api/api_hitung.h"
#include "auth/rbac.h"
#include "inovasi_tervalidasi.h"
#include "util/util.h"

static int jalankan(struct request *req, const char *nama)
{
  json_t *hasil = NULL;
  int rc = hitung_json(nama, req->json, &hasil, &req->verr);
  if (rc == 1) return reply_verr(req, 422);
  if (rc != 0) return reply_problem(req, 500, "Kesalahan server", "Gagal menghitung.");
  char *s = hitung_dumps(hasil, JSON_COMPACT);
  json_decref(hasil);
  if (!s) return reply_problem(req, 500, "Kesalahan server", "Gagal menyusun jawaban.");
  return reply_raw(req, 200, "application/json; charset=utf-8", s, strlen(s));
}

int api_hitung_predikat(struct request *req) { return jalankan(req, "predikat"); }
int api_hitung_kurva(struct request *req) { return jalankan(req, "kurva"); }
int api_hitung_angka_kredit(struct request *req) { return jalankan(req, "angka-kredit"); }
/* PP 30/2019 with the innovation condition taken from the register (issue 15): when the body
 * names pegawai_id and tahun, the caller must be allowed to read that pegawai, and the
 * pegawai's validated innovations of that year satisfy "inovasi" (in addition to the flag,
 * which stays for hand-checked cases).  The answer then carries inovasi_tervalidasi. */
int api_hitung_pp30(struct request *req)
{
  json_t *pid = json_object_get(req->json, "pegawai_id"), *th = json_object_get(req->json, "tahun");
  if (!pid && !th) return jalankan(req, "pp30");
  int64_t pegawai = 0, tahun = 0;
  if (!json_is_integer(pid) || json_integer_value(pid) < 1) verr_add(req, "pegawai_id", "wajib bersama tahun: id pegawai (bilangan bulat positif)");
  else pegawai = json_integer_value(pid);
  if (!json_is_integer(th) || json_integer_value(th) < 2000 || json_integer_value(th) > 2100)
    verr_add(req, "tahun", "wajib bersama pegawai_id: tahun 2000-2100");
  else tahun = json_integer_value(th);
  if (verr_any(req)) return reply_verr(req, 422);
  struct db *db = http_db(req);
  if (!db) return 0;
  if (api_pegawai_boleh(req, db, pegawai, ACCESS_READ, NULL)) return 0;
  json_t *daftar = inovasi_tervalidasi_tahun(db, pegawai, (int)tahun);
  if (!daftar) return reply_db_error(req);
  json_t *in = json_deep_copy(req->json);
  json_object_del(in, "pegawai_id");
  json_object_del(in, "tahun");
  if (json_array_size(daftar) > 0) json_object_set_new(in, "inovasi", json_true());
  json_t *hasil = NULL;
  int rc = hitung_json("pp30", in, &hasil, &req->verr);
  json_decref(in);
  if (rc != 0) { json_decref(daftar); return rc == 1 ? reply_verr(req, 422) : reply_problem(req, 500, "Kesalahan server", "Gagal menghitung."); }
  json_object_set_new(hasil, "inovasi_tervalidasi", json_pack("{s:I,s:I,s:I,s:o}", "pegawai_id", (json_int_t)pegawai,
                      "tahun", (json_int_t)tahun, "jumlah", (json_int_t)json_array_size(daftar), "items", daftar));
  char *s = hitung_dumps(hasil, JSON_COMPACT);
  json_decref(hasil);
  if (!s) return reply_problem(req, 500, "Kesalahan server", "Gagal menyusun jawaban.");
  return reply_raw(req, 200, "application/json; charset=utf-8", s, strlen(s));
}
int api_hitung_pp46(struct request *req) { return jalankan(req, "pp46"); }
