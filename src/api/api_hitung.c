/* api_hitung.c: /api/v1/hitung/..., the regulation calculator (issue 6).  Thin: the evaluator in
 * src/hitung.c validates the body and computes; this file only answers. */
#include <stdlib.h>
#include <string.h>

#include "api/api_hitung.h"

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
int api_hitung_pp30(struct request *req) { return jalankan(req, "pp30"); }
int api_hitung_pp46(struct request *req) { return jalankan(req, "pp46"); }
