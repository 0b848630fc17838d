/* import_audit.c: one audit record per chunk of imported rows (see import_audit.h). */
#include "import_audit.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/json_teks.h"

struct import_audit {
  char aksi[64];
  const struct audit_actor *who;
  int64_t instansi_id;
  crypto_generichash_state h;
  json_t *ids;        /* array of ids in file order */
  json_t *sebelum;    /* object id -> before, NULL until a row has one */
  int64_t baris_dari, baris_sampai;
  size_t n;
};

static void hash_row(crypto_generichash_state *h, int64_t id, const char *teks, size_t len)
{
  char pre[24];
  int k = snprintf(pre, sizeof pre, "%lld:", (long long)id);
  crypto_generichash_update(h, (const unsigned char *)pre, (unsigned long long)k);
  crypto_generichash_update(h, (const unsigned char *)teks, (unsigned long long)len);
  crypto_generichash_update(h, (const unsigned char *)"\n", 1);
}

static int mulai(struct import_audit *a)
{
  a->n = 0;
  a->baris_dari = a->baris_sampai = 0;
  json_decref(a->ids);
  json_decref(a->sebelum);
  a->sebelum = NULL;
  a->ids = json_array();
  crypto_generichash_init(&a->h, NULL, 0, 32);
  return a->ids ? 0 : -1;
}

struct import_audit *import_audit_new(const char *aksi, const struct audit_actor *who,
                                      int64_t instansi_id)
{
  struct import_audit *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  snprintf(a->aksi, sizeof a->aksi, "%s.batch", aksi);
  a->who = who;
  a->instansi_id = instansi_id;
  if (mulai(a) != 0) { free(a); return NULL; }
  return a;
}

void import_audit_free(struct import_audit *a)
{
  if (!a) return;
  json_decref(a->ids);
  json_decref(a->sebelum);
  free(a);
}

int import_audit_add(struct import_audit *a, struct db *db, int64_t id, int64_t baris,
                     json_t *before, json_t *after)
{
  size_t len = 0;
  char *teks = json_teks(after, JSON_COMPACT | JSON_SORT_KEYS, &len);
  if (!teks) return -1;
  int rc = import_audit_add_teks(a, db, id, baris, before, teks, len);
  free(teks);
  return rc;
}

int import_audit_add_teks(struct import_audit *a, struct db *db, int64_t id, int64_t baris,
                          json_t *before, const char *teks, size_t len)
{
  hash_row(&a->h, id, teks, len);
  if (json_array_append_new(a->ids, json_integer(id)) != 0) return -1;
  if (before) {
    char k[24];
    snprintf(k, sizeof k, "%lld", (long long)id);
    if (!a->sebelum && !(a->sebelum = json_object())) return -1;
    if (json_object_set(a->sebelum, k, before) != 0) return -1;
  }
  if (!a->n || baris < a->baris_dari) a->baris_dari = baris;
  if (baris > a->baris_sampai) a->baris_sampai = baris;
  a->n++;
  return a->n >= IMPORT_AUDIT_CHUNK ? import_audit_flush(a, db) : 0;
}

int import_audit_flush(struct import_audit *a, struct db *db)
{
  if (!a->n) return 0;
  unsigned char bin[32];
  char hex[65];
  crypto_generichash_final(&a->h, bin, sizeof bin);
  sodium_bin2hex(hex, sizeof hex, bin, sizeof bin);
  json_t *sesudah = json_pack("{s:I,s:O,s:I,s:I,s:s,s:s}", "jumlah", (json_int_t)a->n, "ids", a->ids,
                              "baris_dari", (json_int_t)a->baris_dari, "baris_sampai", (json_int_t)a->baris_sampai,
                              "hash_baris", hex, "hash_cara", "import-batch-v1");
  int rc = sesudah ? audit_append(db, a->who, a->instansi_id, a->aksi, "pegawai", 0, a->sebelum, sesudah) : -1;
  json_decref(sesudah);
  if (mulai(a) != 0) rc = -1;
  return rc;
}

void import_audit_hash_rows(const int64_t *ids, json_t *const *after, size_t n, char out[65])
{
  crypto_generichash_state h;
  unsigned char bin[32];
  crypto_generichash_init(&h, NULL, 0, sizeof bin);
  for (size_t i = 0; i < n; i++) {
    size_t len = 0;
    char *teks = json_teks(after[i], JSON_COMPACT | JSON_SORT_KEYS, &len);
    if (teks) hash_row(&h, ids[i], teks, len);
    free(teks);
  }
  crypto_generichash_final(&h, bin, sizeof bin);
  sodium_bin2hex(out, 65, bin, sizeof bin);
}
