/* peristiwa_simpul.c: change events between nodes (see peristiwa_simpul.h).  The payload is
 * "<node>\t<instansi_id>\t<jenis>"; a node skips its own (already published after its commit). */
#include "peristiwa_simpul.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/pg_dengar.h"
#include "util/simpul.h"
#include "util/util.h"

int peristiwa_simpul_kirim(struct db *db, int64_t instansi_id, const char *aksi)
{
  if (db_dialect(db) != DB_DIALECT_PG || !aksi) return 0;
  char isi[200];
  int n = (int)strcspn(aksi, ".");
  if (n == 0 || n >= 32) return 0;
  snprintf(isi, sizeof isi, "%s\t%lld\t%.*s", simpul_nama(), (long long)instansi_id, n, aksi);
  struct db_stmt *st = db_prepare(db, "SELECT pg_notify('" PERISTIWA_SALURAN "', ?1)");
  if (!st) return -1;
  db_bind_text(st, 1, isi);
  int s = db_step(st);
  db_done(st);
  return s == DB_ROW ? 0 : -1;
}

struct peristiwa_simpul {
  struct pg_dengar *dengar;
  void (*terbit)(int64_t instansi_id, const char *jenis);
};

static void terima(void *ctx, const char *isi)
{
  struct peristiwa_simpul *p = ctx;
  const char *t1 = strchr(isi, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
  if (!t2) return;
  const char *saya = simpul_nama();
  if ((size_t)(t1 - isi) == strlen(saya) && !strncmp(isi, saya, (size_t)(t1 - isi))) return;
  char angka[24], jenis[32];
  size_t an = (size_t)(t2 - t1 - 1), jn = strlen(t2 + 1);
  if (an == 0 || an >= sizeof angka || jn == 0 || jn >= sizeof jenis) return;
  memcpy(angka, t1 + 1, an);
  angka[an] = '\0';
  memcpy(jenis, t2 + 1, jn + 1);
  int64_t inst;
  if (parse_int64(angka, 0, INT64_MAX, &inst) != 0) return;
  p->terbit(inst, jenis);
}

struct peristiwa_simpul *peristiwa_simpul_mulai(const char *url, void (*terbit)(int64_t instansi_id, const char *jenis))
{
  if (!db_url_is_pg(url)) return NULL;
  struct peristiwa_simpul *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->terbit = terbit;
  if (!(p->dengar = pg_dengar_mulai(url, PERISTIWA_SALURAN, terima, p))) { free(p); return NULL; }
  return p;
}

void peristiwa_simpul_henti(struct peristiwa_simpul *p)
{
  if (!p) return;
  pg_dengar_henti(p->dengar);
  free(p);
}
