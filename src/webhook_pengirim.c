/* webhook_pengirim.c: the webhook sender thread and one sending pass (see webhook_pengirim.h). */
#include "webhook_pengirim.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/latar.h"
#include "util/log.h"
#include "util/util.h"
#include "webhook.h"
#include "webhook_kirim.h"
#include "webhook_langganan.h"
#include "webhook_tanda.h"

/* "1"/"0" or unset; anything else is an error. */
static int saklar(const char *(*getenv_fn)(const char *), const char *nama, bool *out, char *err, size_t errlen)
{
  const char *v = getenv_fn ? getenv_fn(nama) : NULL;
  *out = false;
  if (!v || !*v || !strcmp(v, "0")) return 0;
  if (!strcmp(v, "1")) { *out = true; return 0; }
  snprintf(err, errlen, "%s harus 0 atau 1", nama);
  return -1;
}

int webhook_konfig_isi(struct webhook_konfig *k, const char *db, const char *(*getenv_fn)(const char *),
                       char *err, size_t errlen)
{
  memset(k, 0, sizeof *k);
  if (str_copy(k->db, sizeof k->db, db) != 0) { snprintf(err, errlen, "path basis data terlalu panjang"); return -1; }
  int64_t iv = 5;
  const char *v = getenv_fn ? getenv_fn("KINERJA_WEBHOOK_INTERVAL") : NULL;
  if (v && *v && parse_int64(v, 1, 3600, &iv) != 0) {
    snprintf(err, errlen, "KINERJA_WEBHOOK_INTERVAL harus 1-3600 (detik)");
    return -1;
  }
  k->interval = (int)iv;
  if (saklar(getenv_fn, "KINERJA_WEBHOOK_HTTP", &k->http_bebas, err, errlen) != 0 ||
      saklar(getenv_fn, "KINERJA_WEBHOOK_BACKOFF_TEST", &k->jeda_uji, err, errlen) != 0)
    return -1;
  webhook_atur_http_bebas(k->http_bebas);
  webhook_atur_jeda_uji(k->jeda_uji);
  return 0;
}

int webhook_proses(struct db *db, const atomic_bool *henti, struct webhook_hasil *h, int *n_selesai)
{
  struct webhook_item *items = calloc(WEBHOOK_BATCH, sizeof *items);
  bool selesai[WEBHOOK_BATCH] = {false};
  int64_t tak_sampai[WEBHOOK_BATCH];   /* webhooks found unreachable in this batch */
  int n_tak = 0, rc = -1, n = 0;
  void *curl = NULL;
  *n_selesai = 0;
  if (!items) return -1;
  if (webhook_klaim(db, now_unix(), items, WEBHOOK_BATCH, &n) != 0) goto out;
  if (n > 0 && !(curl = webhook_kirim_buka())) goto out;
  for (int i = 0; i < n; i++) {
    struct webhook_item *it = &items[i];
    char galat[600], tanda[WEBHOOK_TANDA_PANJANG + 1];
    long status = 0;
    if (henti && atomic_load(henti)) break;
    bool lewati = false;
    for (int j = 0; j < n_tak; j++) lewati |= tak_sampai[j] == it->webhook_id;
    if (lewati) continue;   /* given back below: its receiver did not answer a moment ago */
    enum webhook_kirim_hasil r;
    if (it->isi_len == 0) {
      snprintf(galat, sizeof galat, "Data pengiriman rusak (terlalu panjang); tidak dikirim");
      r = WEBHOOK_KIRIM_GAGAL;
    } else {
      int64_t waktu = now_unix();
      webhook_tanda(it->rahasia, waktu, it->isi, it->isi_len, tanda);
      struct webhook_permintaan p = {it->url, it->peristiwa, it->id, waktu, tanda, it->isi, it->isi_len, henti};
      r = webhook_kirim_http(curl, &p, &status, galat, sizeof galat);
    }
    if (r == WEBHOOK_KIRIM_DIHENTIKAN) break;
    if (r == WEBHOOK_KIRIM_OK) {
      if (webhook_tandai_terkirim(db, it->id, status, now_unix()) != 0) goto out;
      h->terkirim++;
    } else {
      /* the webhook and delivery ids only: the URL may carry a receiver's token */
      log_msg(LOG_WARN, "webhook %lld pengiriman %lld (percobaan %d): %s", (long long)it->webhook_id,
              (long long)it->id, it->percobaan + 1, galat);
      if (webhook_tandai_gagal(db, it, status, galat, now_unix()) != 0) goto out;
      h->gagal++;
      if (r == WEBHOOK_KIRIM_TAK_TERHUBUNG) tak_sampai[n_tak++] = it->webhook_id;
    }
    selesai[i] = true;
    (*n_selesai)++;
  }
  rc = 0;
out:
  for (int j = 0; j < n; j++)
    if (!selesai[j]) webhook_lepas(db, items[j].id);   /* not tried: back to antri */
  webhook_kirim_tutup(curl);
  sodium_memzero(items, WEBHOOK_BATCH * sizeof *items);
  free(items);
  /* a full batch with rows given back is not "more due": the caller would spin on them */
  if (*n_selesai < n) *n_selesai = 0;
  return rc;
}

struct webhook_pengirim {
  struct webhook_konfig k;
  struct latar *latar;
};

/* One pass of the background thread: batches until nothing more is due or a stop is asked. */
static void lintas(struct db *db, const atomic_bool *henti, void *ctx)
{
  (void)ctx;   /* the webhook pass needs no configuration: it is in the database */
  struct webhook_hasil h = {0, 0};
  int selesai = 0;
  do {
    if (webhook_proses(db, henti, &h, &selesai) != 0) {
      log_msg(LOG_WARN, "webhook: kesalahan basis data: %s", db_errmsg(db));
      break;
    }
  } while (selesai == WEBHOOK_BATCH && !atomic_load(henti));
  if (h.terkirim || h.gagal) log_msg(LOG_INFO, "webhook: %d terkirim, %d gagal", h.terkirim, h.gagal);
}

struct webhook_pengirim *webhook_pengirim_mulai(const struct webhook_konfig *k)
{
  if (webhook_kirim_global_mulai() != 0) return NULL;
  struct webhook_pengirim *p = calloc(1, sizeof *p);
  if (!p) goto fail;
  p->k = *k;
  p->latar = latar_mulai(p->k.db, p->k.interval, "webhook", lintas, p);
  if (!p->latar) goto fail;
  return p;
fail:
  free(p);
  webhook_kirim_global_akhiri();
  return NULL;
}

void webhook_pengirim_henti(struct webhook_pengirim *p)
{
  if (!p) return;
  latar_henti(p->latar);
  free(p);
  webhook_kirim_global_akhiri();
}
