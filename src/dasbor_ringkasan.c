/* dasbor_ringkasan.c: rebuilds the activity rollups of the dashboards from aktivitas.
 *
 * aktivitas_bulan (sql/013) and aktivitas_unit_bulan (sql/021) are kept by triggers on every
 * write; this recomputes them from scratch, for a database restored from elsewhere or edited with
 * triggers off, and is what `kinerja ringkasan bangun` runs.  Derived data only: nothing a
 * person entered changes, so there is no audit record. */
#include "dasbor.h"

int dasbor_ringkasan_bangun(struct db *db, int64_t *bulan_n, int64_t *unit_n)
{
  *bulan_n = *unit_n = 0;
  if (db_begin_write(db) != DB_OK) return -1;
  /* emptied first so the delete triggers find nothing to subtract; refilling aktivitas_bulan
   * fills aktivitas_unit_bulan through its insert trigger */
  if (db_exec(db, "DELETE FROM aktivitas_unit_bulan; DELETE FROM aktivitas_bulan;"
                  " INSERT INTO aktivitas_bulan (pegawai_id, bulan, jumlah, menit)"
                  "   SELECT pegawai_id, substr(tanggal, 1, 7), COUNT(*), SUM(menit) FROM aktivitas"
                  "    WHERE dihapus = 0 GROUP BY 1, 2") != DB_OK ||
      db_query_int64(db, "SELECT COUNT(*) FROM aktivitas_bulan", 0, 0, bulan_n) != DB_ROW ||
      db_query_int64(db, "SELECT COUNT(*) FROM aktivitas_unit_bulan", 0, 0, unit_n) != DB_ROW ||
      db_commit(db) != DB_OK) {
    db_rollback(db);
    return -1;
  }
  return 0;
}
