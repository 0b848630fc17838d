/* uji_db.h: the temporary SQLite database the unit tests start from: an empty file under /tmp,
 * opened with every migration applied, and removed afterwards with its -wal and -shm files.
 * Built once into build/san/tests/unit/uji_db.o and linked into every unit test (Makefile). */
#ifndef KINERJA_UJI_DB_H
#define KINERJA_UJI_DB_H

#include "db/db.h"

#define UJI_DB_PATH 64   /* bytes of the path buffer the functions below fill */

/* Creates the empty file /tmp/kinerja-test-<nama>-XXXXXX and writes its name into path.
 * 0, or -1 (message on stderr). */
int uji_db_file(char path[UJI_DB_PATH], const char *nama);

/* uji_db_file, then opens the file and applies every migration.  Returns the handle (the
 * caller closes it with db_close before uji_db_hapus), or NULL (message on stderr). */
struct db *uji_db_baru(char path[UJI_DB_PATH], const char *nama);

/* Fills the migrated db with `kinerja demo`'s organisation of `pegawai` pegawai (seed `seed`,
 * every password "Rahasia123"; the logins it prints are discarded).  0, or -1 (message on
 * stderr). */
int uji_db_demo(struct db *db, int pegawai, unsigned seed);

/* Removes the file path and its -wal and -shm files (missing ones are fine). */
void uji_db_hapus(const char *path);

/* The usual teardown: closes db (NULL is fine), removes the files of path, then frees fx, the
 * fixture holding both.  Returns 0 (cmocka's "teardown done"). */
int uji_db_akhiri(struct db *db, const char *path, void *fx);

#endif
