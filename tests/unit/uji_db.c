/* uji_db.c: the temporary database of the unit tests (uji_db.h). */
#include "uji_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "db/migrate.h"
#include "demo.h"

int uji_db_file(char path[UJI_DB_PATH], const char *nama)
{
  int n = snprintf(path, UJI_DB_PATH, "/tmp/kinerja-test-%s-XXXXXX", nama);
  if (n < 0 || n >= UJI_DB_PATH) { fprintf(stderr, "uji_db: name too long: %s\n", nama); return -1; }
  int fd = mkstemp(path);
  if (fd < 0) { perror("uji_db: mkstemp"); return -1; }
  close(fd);
  return 0;
}

struct db *uji_db_baru(char path[UJI_DB_PATH], const char *nama)
{
  char err[256];
  if (uji_db_file(path, nama) != 0) return NULL;
  struct db *db = db_open(path, err, sizeof err);
  if (!db) { fprintf(stderr, "uji_db: %s\n", err); return NULL; }
  if (migrate_run(db, NULL, err, sizeof err) != 0) {
    fprintf(stderr, "uji_db: %s\n", err);
    db_close(db);
    return NULL;
  }
  return db;
}

int uji_db_demo(struct db *db, int pegawai, unsigned seed)
{
  char err[256];
  FILE *out = fopen("/dev/null", "w");
  if (!out) { perror("uji_db: /dev/null"); return -1; }
  struct demo_opts o = {.pegawai = pegawai, .password = "Rahasia123", .seed = seed};
  int rc = demo_create(db, &o, out, err, sizeof err);
  fclose(out);
  if (rc != 0) fprintf(stderr, "uji_db: demo: %s\n", err);
  return rc;
}

void uji_db_hapus(const char *path)
{
  char p[UJI_DB_PATH + 8];
  unlink(path);
  snprintf(p, sizeof p, "%s-wal", path); unlink(p);
  snprintf(p, sizeof p, "%s-shm", path); unlink(p);
}

int uji_db_akhiri(struct db *db, const char *path, void *fx)
{
  db_close(db);
  uji_db_hapus(path);
  free(fx);
  return 0;
}
