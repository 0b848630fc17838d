/* report_tpp_xlsx.h: the "Daftar nominatif TPP" of a computed month (issue 9 point 5) as XLSX:
 * the payroll list of a unit subtree or the whole instansi, one row per pegawai with the stored
 * components and deductions, a totals row of SUM formulas whose values are checked against the
 * database, and a signature block. */
#ifndef KINERJA_REPORT_TPP_XLSX_H
#define KINERJA_REPORT_TPP_XLSX_H
#include <stddef.h>
#include <stdint.h>
#include "db/db.h"

#define TPP_XLSX_MIME "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* Writes the list of month `bulan_id` (unit_id > 0: that unit and every unit below it; 0: the
 * whole instansi) to a private temporary file that is already unlinked when this returns:
 * *fd (the caller owns it) is open for reading at offset 0 and *size is its length; *baris
 * receives the pegawai count.  Rows are streamed (libxlsxwriter constant-memory mode), so memory
 * does not grow with the instansi.  The caller should hold a read transaction so that the rows
 * and the totals they are checked against come from one snapshot.
 * Returns 0; 1 when the month does not exist; 2 when the unit is not one of the month's
 * instansi (err says so); -1 with an Indonesian message in err. */
int tpp_nominatif_xlsx(struct db *db, int64_t bulan_id, int64_t unit_id, int *fd, uint64_t *size, int64_t *baris,
                       char *err, size_t errlen);
#endif
