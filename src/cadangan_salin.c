/* cadangan_salin.c: a consistent copy of a live SQLite database with the online backup API.
 * In WAL mode the copy runs inside one read transaction, so writers are never blocked and the
 * copy is the database as of one commit.  The source is opened read-write (never written) so
 * that a WAL database whose -shm file is missing can still be read. */
#include "cadangan.h"

#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

int cadangan_salin_db(const char *src, const char *dst, char *err, size_t n)
{
  sqlite3 *s = NULL, *d = NULL;
  int rc = -1;
  if (sqlite3_open_v2(src, &s, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    snprintf(err, n, "basis data %s tidak dapat dibuka: %s", src, s ? sqlite3_errmsg(s) : "memori tidak cukup");
    goto out;
  }
  sqlite3_busy_timeout(s, 10000);
  /* refuse a file that is not a database before creating anything */
  if (sqlite3_exec(s, "SELECT COUNT(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK) {
    snprintf(err, n, "%s bukan basis data SQLite yang dapat dibaca: %s", src, sqlite3_errmsg(s));
    goto out;
  }
  if (sqlite3_open_v2(dst, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
    snprintf(err, n, "salinan %s tidak dapat dibuat: %s", dst, d ? sqlite3_errmsg(d) : "memori tidak cukup");
    goto out;
  }
  sqlite3_backup *b = sqlite3_backup_init(d, "main", s, "main");
  if (!b) { snprintf(err, n, "salinan tidak dapat dimulai: %s", sqlite3_errmsg(d)); goto out; }
  int x;
  /* all pages in one step = one read transaction = one consistent snapshot */
  for (int tries = 0; (x = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || x == SQLITE_LOCKED; tries++) {
    if (tries == 100) break;
    usleep(100000);
  }
  if (sqlite3_backup_finish(b) != SQLITE_OK || x != SQLITE_DONE) {
    snprintf(err, n, "penyalinan basis data gagal: %s", sqlite3_errstr(x));
    goto out;
  }
  rc = 0;
out:
  sqlite3_close(d);
  sqlite3_close(s);
  return rc;
}
