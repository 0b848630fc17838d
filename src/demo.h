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

/* A training sandbox (src/latihan.c): the kabupaten's people, units and a year of work written
 * into an existing, empty instansi row, with every login name prefixed by `awalan` and no
 * password that can match (practice accounts are entered from a real session only). */
struct demo_latihan {
  int64_t instansi_id;    /* the sandbox instansi row, already inserted */
  const char *awalan;     /* login prefix, e.g. "latihan7." */
  int pegawai;            /* number of pegawai (>= 10) */
  unsigned seed;
};
struct demo_latihan_hasil { int pegawai, unit, skp, aktivitas; };
/* Runs inside the caller's write transaction.  Returns 0 or -1 (the caller rolls back). */
int demo_latihan_isi(struct db *db, const struct demo_latihan *o, struct demo_latihan_hasil *h);
#endif
