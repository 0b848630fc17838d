/* rbac.h: row-level access.  Every handler that touches a pegawai's data asks here.
 *
 * Rules (issue 3, DOMAIN.md "Access and privacy"): a pegawai sees their own data; an atasan sees
 * their subtree (everyone whose chain of atasan langsung reaches them); pimpinan and admin
 * instansi read their whole instansi; admin instansi changes it; superadmin reads and changes
 * every instansi.  Nothing crosses instansi except for superadmin.
 */
#ifndef KINERJA_RBAC_H
#define KINERJA_RBAC_H
#include <stdbool.h>
#include <stdint.h>
#include "auth/principal.h"
#include "db/db.h"

enum access_mode { ACCESS_READ = 0, ACCESS_ADMIN = 1 };
enum access_result { ACCESS_OK = 0, ACCESS_NOT_FOUND = 1, ACCESS_DENIED = 2, ACCESS_ERROR = -1 };

/* May `who` read or administer data of pegawai `pegawai_id`?  *instansi_out (may be NULL)
 * receives the pegawai's instansi when it exists. */
enum access_result rbac_pegawai(struct db *db, const struct principal *who, int64_t pegawai_id,
                                enum access_mode mode, int64_t *instansi_out);
/* May `who` read / administer things of instansi `instansi_id` (units, jabatan, ...)? */
bool rbac_instansi_read(const struct principal *who, int64_t instansi_id);
bool rbac_instansi_admin(const struct principal *who, int64_t instansi_id);
/* True when who reads every pegawai of their instansi (pimpinan, admin, superadmin). */
bool rbac_reads_instansi(const struct principal *who);
/* True when `atasan_id` is on the chain of atasan above `pegawai_id` (bounded depth). */
int rbac_in_subtree(struct db *db, int64_t atasan_id, int64_t pegawai_id);
#endif
