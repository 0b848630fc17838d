/* demo.h: `kinerja demo` creates a realistic instansi with pegawai, jabatan, units and users. */
#ifndef KINERJA_DEMO_H
#define KINERJA_DEMO_H
#include <stdio.h>
#include "db/db.h"

struct demo_opts {
  int pegawai;            /* number of pegawai to create (>= 10) */
  const char *password;   /* when non-NULL every demo account gets it; else generated */
  unsigned seed;          /* deterministic names/NIPs for a given seed */
};

/* Fills an empty (migrated) database.  Prints the demo logins to `out` once.  Returns 0, or -1
 * with a message in err (e.g. the database already holds an instansi). */
int demo_create(struct db *db, const struct demo_opts *o, FILE *out, char *err, size_t errlen);
#endif
