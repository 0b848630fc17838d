/* surel_pengirim.c: the sender thread and one sending pass (see surel_pengirim.h). */
#include "surel_pengirim.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "surel.h"
#include "surel_kirim.h"
#include "surel_pesan.h"
#include "util/buf.h"
#include "util/latar.h"
#include "util/log.h"
#include "util/util.h"

int surel_konfig_isi(struct surel_konfig *k, const struct config *cfg, const char *(*getenv_fn)(const char *),
                     char *err, size_t errlen)
{
  memset(k, 0, sizeof *k);
  char nama[256], tautan[1200];
  if (!cfg->smtp_url[0]) {
    snprintf(err, errlen, "surel belum diatur: isi --smtp-url atau KINERJA_SMTP_URL");
    return -1;
  }
  if (str_copy(k->db, sizeof k->db, cfg->db) != 0 || str_copy(k->url, sizeof k->url, cfg->smtp_url) != 0 ||
      str_copy(k->dari, sizeof k->dari, cfg->smtp_from) != 0 || str_copy(k->user, sizeof k->user, cfg->smtp_user) != 0 ||
      str_copy(k->url_publik, sizeof k->url_publik, cfg->public_url) != 0) {
    snprintf(err, errlen, "pengaturan surel terlalu panjang");
    return -1;
  }
  k->interval = cfg->smtp_interval > 0 ? cfg->smtp_interval : 10;
  if (surel_dari_urai(k->dari, nama, sizeof nama, k->dari_alamat, sizeof k->dari_alamat) != 0) {
    snprintf(err, errlen, "--smtp-from tidak valid: tulis \"Nama <alamat@domain>\" atau alamat saja");
    return -1;
  }
  if (k->url_publik[0] && surel_tautan_mutlak(k->url_publik, "#/", tautan, sizeof tautan) != 0) {
    snprintf(err, errlen, "--public-url tidak valid: tulis misalnya https://kinerja.contoh.go.id");
    return -1;
  }
  if (cfg->smtp_password_file[0]) {
    FILE *f = fopen(cfg->smtp_password_file, "rb");
    if (!f) {
      snprintf(err, errlen, "berkas kata sandi SMTP %s tidak dapat dibaca", cfg->smtp_password_file);
      return -1;
    }
    size_t r = fread(k->password, 1, sizeof k->password - 1, f);
    bool lebih = fgetc(f) != EOF;
    fclose(f);
    k->password[r] = 0;
    if (lebih) {
      surel_konfig_hapus(k);
      snprintf(err, errlen, "berkas kata sandi SMTP terlalu panjang");
      return -1;
    }
    while (r > 0 && (k->password[r - 1] == '\n' || k->password[r - 1] == '\r')) k->password[--r] = 0;
  } else {
    const char *v = getenv_fn ? getenv_fn("KINERJA_SMTP_PASSWORD") : NULL;
    if (v && str_copy(k->password, sizeof k->password, v) != 0) {
      surel_konfig_hapus(k);
      snprintf(err, errlen, "KINERJA_SMTP_PASSWORD terlalu panjang");
      return -1;
    }
  }
  return 0;
}

void surel_konfig_hapus(struct surel_konfig *k) { sodium_memzero(k->password, sizeof k->password); }

int surel_proses(struct db *db, const struct surel_konfig *k, const atomic_bool *henti,
                 struct surel_hasil *h, int *n_selesai)
{
  struct surel_item *items = calloc(SUREL_BATCH, sizeof *items);
  struct buf msg;
  void *curl = NULL;
  int rc = -1, n = 0, i = 0;
  *n_selesai = 0;
  buf_init(&msg, SUREL_PESAN_MAKS);
  if (!items) return -1;
  if (surel_klaim(db, now_unix(), items, SUREL_BATCH, &n) != 0) goto out;
  if (n > 0 && !(curl = surel_kirim_buka())) goto out;
  struct surel_smtp smtp = {k->url, k->user, k->password, k->dari_alamat, henti};
  for (; i < n; i++) {
    struct surel_item *it = &items[i];
    char galat[1200], id_lokal[64], acak[17];
    if (henti && atomic_load(henti)) break;
    random_hex(acak, 8);
    snprintf(id_lokal, sizeof id_lokal, "kinerja.%lld.%s", (long long)it->id, acak);
    buf_reset(&msg);
    struct surel_pesan p = {.dari = k->dari, .kepada = it->kepada, .subjek = it->subjek, .isi = it->isi,
                            .tautan = it->tautan, .url_publik = k->url_publik, .id_lokal = id_lokal,
                            .waktu = now_unix()};
    if (surel_pesan_susun(&p, &msg, galat, sizeof galat) != 0) {
      char g[1300];
      snprintf(g, sizeof g, "Pesan tidak dapat disusun: %s", galat);
      if (surel_tandai_gagal(db, it, g, true, now_unix()) != 0) { i++; goto out; }
      h->gagal++;
      (*n_selesai)++;
      continue;
    }
    enum surel_kirim_hasil r = surel_kirim_smtp(curl, &smtp, it->kepada, msg.data, msg.len, galat, sizeof galat);
    if (r == SUREL_KIRIM_DIHENTIKAN) break;
    if (r == SUREL_KIRIM_OK) {
      if (surel_tandai_terkirim(db, it->id, now_unix()) != 0) { i++; goto out; }
      h->terkirim++;
    } else {
      log_msg(LOG_WARN, "surel %lld (percobaan %d): %s", (long long)it->id, it->percobaan + 1, galat);
      if (surel_tandai_gagal(db, it, galat, false, now_unix()) != 0) { i++; goto out; }
      h->gagal++;
    }
    (*n_selesai)++;
    if (r == SUREL_KIRIM_TAK_TERHUBUNG) { i++; break; }   /* the rest waits for the next pass */
  }
  rc = 0;
out:
  for (int j = i; j < n; j++) surel_lepas(db, items[j].id);   /* not tried: back to antri */
  surel_kirim_tutup(curl);
  buf_free(&msg);
  sodium_memzero(items, SUREL_BATCH * sizeof *items);
  free(items);
  return rc;
}

struct surel_pengirim {
  struct surel_konfig k;
  struct latar *latar;
};

/* One pass of the background thread: batches until nothing more is due or a stop is asked. */
static void lintas(struct db *db, const atomic_bool *henti, void *ctx)
{
  struct surel_pengirim *p = ctx;
  struct surel_hasil h = {0, 0};
  int selesai = 0;
  do {
    if (surel_proses(db, &p->k, henti, &h, &selesai) != 0) {
      log_msg(LOG_WARN, "surel: kesalahan basis data: %s", db_errmsg(db));
      break;
    }
  } while (selesai == SUREL_BATCH && !atomic_load(henti));
  if (h.terkirim || h.gagal) log_msg(LOG_INFO, "surel: %d terkirim, %d gagal", h.terkirim, h.gagal);
}

struct surel_pengirim *surel_pengirim_mulai(const struct surel_konfig *k)
{
  if (surel_kirim_global_mulai() != 0) return NULL;
  struct surel_pengirim *p = calloc(1, sizeof *p);
  if (!p) goto fail;
  p->k = *k;
  p->latar = latar_mulai(p->k.db, p->k.interval, "surel", lintas, p);
  if (!p->latar) goto fail;
  return p;
fail:
  if (p) { surel_konfig_hapus(&p->k); free(p); }
  surel_kirim_global_akhiri();
  return NULL;
}

void surel_pengirim_henti(struct surel_pengirim *p)
{
  if (!p) return;
  latar_henti(p->latar);
  surel_konfig_hapus(&p->k);
  free(p);
  surel_kirim_global_akhiri();
}
