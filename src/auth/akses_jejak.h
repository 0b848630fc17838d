/* akses_jejak.h: the pegawai whose data one request read (issue 14 item 4).
 *
 * The row-level check (rbac_pegawai, skp_can_read) marks every pegawai it lets the caller read
 * into the request's jejak; after the handler the server writes the marks of a successful GET of a
 * performance-data route to the access log (api/api_akses_catat.c).  The caller's own pegawai is
 * never marked, so a pegawai reading their own data costs nothing.  Pure (no I/O).
 */
#ifndef KINERJA_AKSES_JEJAK_H
#define KINERJA_AKSES_JEJAK_H
#include <stdint.h>

#define AKSES_JEJAK_MAX 4   /* per-pegawai routes read one pegawai; a few more are dropped */

struct akses_jejak {
  int64_t pegawai[AKSES_JEJAK_MAX];
  int n;
};

struct principal;
/* Marks pegawai_id as read by `who` unless it is who's own pegawai, who carries no jejak (CLI,
 * sign-in) or it is marked already. */
void akses_jejak_tandai(const struct principal *who, int64_t pegawai_id);
#endif
