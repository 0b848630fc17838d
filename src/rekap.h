/* rekap.h: the rekap of pegawai for a unit subtree, an atasan's subtree or a whole instansi
 * (issue 8 "reports and exports"): one row per active pegawai with their SKP, activities of
 * the year, realisasi months filed, year-to-date capaian and predikat, written as XLSX (real
 * number and date cells, frozen header, autofilter; libxlsxwriter in constant-memory mode) or
 * CSV (RFC 4180, UTF-8 with BOM).  Rows are streamed from the database to the file, so memory
 * does not grow with the instansi. */
#ifndef KINERJA_REKAP_H
#define KINERJA_REKAP_H
#include <stddef.h>
#include <stdint.h>
#include "db/db.h"

enum rekap_format { REKAP_XLSX, REKAP_CSV };

struct rekap_lingkup {
  int64_t instansi_id;
  int64_t unit_id;        /* >0: this unit and every unit below it */
  int64_t atasan_id;      /* >0: this pegawai's bawahan, all levels down (when unit_id is 0) */
  int tahun;
  char judul[256];        /* e.g. "Badan Kepegawaian ..." or the instansi's name */
};

/* Called every few hundred rows with rows done and the total; a non-zero return cancels. */
typedef int (*rekap_progres_fn)(void *ctx, int64_t selesai, int64_t total);

/* How many rows the rekap of `l` has (for progress and limits); -1 on error. */
int64_t rekap_hitung(struct db *db, const struct rekap_lingkup *l);

/* Writes the rekap to `path` (created or truncated).  Returns 0 and the row count, or -1 with
 * an Indonesian message in err. */
int rekap_tulis(struct db *db, const struct rekap_lingkup *l, enum rekap_format f, const char *path,
                rekap_progres_fn cb, void *ctx, int64_t *baris, char *err, size_t errlen);

/* "xlsx" / "csv" and back; the content type of each. */
const char *rekap_format_kode(enum rekap_format f);
int rekap_format_dari_kode(const char *s, enum rekap_format *out);
const char *rekap_format_mime(enum rekap_format f);
#endif
