/* webhook_cli.c: the `kinerja webhook` command (see webhook_cli.h). */
#include "webhook_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/migrate.h"
#include "webhook_kirim.h"
#include "webhook_pengirim.h"

static const char *env(const char *n) { return getenv(n); }

int webhook_main(int argc, char **argv)
{
  const char *path = getenv("KINERJA_DB");
  if (!path || !*path) path = "data/kinerja.db";
  if (argc < 1 || strcmp(argv[0], "kirim") != 0) { fprintf(stderr, "kinerja webhook: gunakan `kinerja webhook kirim --db PATH`\n"); return 2; }
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--db") && i + 1 < argc) { path = argv[++i]; continue; }
    fprintf(stderr, "kinerja webhook kirim: opsi tidak dikenal: %s\n", argv[i]);
    return 2;
  }
  struct webhook_konfig k;
  char err[512];
  if (webhook_konfig_isi(&k, path, env, err, sizeof err) != 0) { fprintf(stderr, "kinerja webhook kirim: %s\n", err); return 2; }
  struct db *db = db_open(path, err, sizeof err);
  if (!db || migrate_run(db, NULL, err, sizeof err) != 0) {
    fprintf(stderr, "kinerja webhook kirim: %s\n", err);
    db_close(db);
    return 1;
  }
  if (webhook_kirim_global_mulai() != 0) { db_close(db); return 1; }
  struct webhook_hasil h = {0, 0};
  int selesai = 0, rc = 0;
  do {
    if (webhook_proses(db, NULL, &h, &selesai) != 0) {
      fprintf(stderr, "kinerja webhook kirim: kesalahan basis data: %s\n", db_errmsg(db));
      rc = 1;
      break;
    }
  } while (selesai == WEBHOOK_BATCH);
  printf("Webhook: %d terkirim, %d gagal.\n", h.terkirim, h.gagal);
  webhook_kirim_global_akhiri();
  db_close(db);
  return rc;
}
