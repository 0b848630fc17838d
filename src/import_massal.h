/* import_massal.h: bulk mode of the pegawai CSV import on SQLite (issue 13).
 *
 * A large import relative to the table (more rows estimated in the file than pegawai stored,
 * and at least IMPORT_MASSAL_MIN) loads like a bulk loader, inside the import's one transaction:
 *   - foreign keys are off for the transaction and checked set-wise at the end
 *     (PRAGMA foreign_key_check on the written tables; a violation rejects the whole import);
 *   - pegawai's secondary indexes (all but the UNIQUE nip the import looks rows up by) are
 *     dropped and created again at the end (CREATE INDEX sorts once instead of a random B-tree
 *     insert per row), their sqlite_stat1 rows put back;
 *   - the per-row AFTER INSERT triggers on pegawai (versi_data_pegawai_i, unit_versi_pegawai_i)
 *     are dropped, replaced at the end by one set-based statement each over the rows inserted,
 *     and created again with their stored text;
 *   - temp_store=FILE for the transaction, so that the index sorts spill to disk, not memory
 *     (a bigger page cache was measured too: no CPU gained, RSS up; not used).
 * DDL is transactional in SQLite: a failed or rejected import rolls all of it back.  Any other
 * AFTER INSERT trigger on pegawai (a later migration) turns bulk mode off: its set-based form is
 * not known here.  PostgreSQL and an import inside a transaction already open (a group-commit
 * task) never use it: PRAGMA foreign_keys cannot change inside a transaction.
 */
#ifndef KINERJA_IMPORT_MASSAL_H
#define KINERJA_IMPORT_MASSAL_H
#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

#define IMPORT_MASSAL_MIN 10000     /* estimated rows below which bulk mode is never used */
#define IMPORT_MASSAL_BYTES 256     /* bytes per row for the estimate (a generous row; SIASN rows are ~130) */

struct import_massal;

/* Before the import's BEGIN: NULL when bulk mode does not apply (paksa < 0 never, 0 by the rule
 * on `bytes`, > 0 whenever possible); otherwise foreign keys are now off on this connection. */
struct import_massal *import_massal_siapkan(struct db *db, int64_t bytes, int paksa);
/* After BEGIN: drops the indexes and triggers.  0 or -1 (database error). */
int import_massal_mulai(struct import_massal *m);
/* Before COMMIT: indexes, statistics, triggers and their set-based work back, foreign keys
 * checked.  0, 1 when a foreign key is violated (`why` says which), -1 on database error. */
int import_massal_selesai(struct import_massal *m, char *why, size_t whylen);
/* After COMMIT or ROLLBACK (m may be NULL): foreign keys and temp_store as they were. */
void import_massal_tutup(struct import_massal *m);
#endif
