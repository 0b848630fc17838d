/* report_inovasi_xlsx.h: the innovation recap (issue 15 part 5) as XLSX. */
#ifndef KINERJA_REPORT_INOVASI_XLSX_H
#define KINERJA_REPORT_INOVASI_XLSX_H
#include <jansson.h>
#include <stddef.h>

struct inovasi_rekap {
  const char *judul;        /* title row, e.g. "Rekap Inovasi Pegawai: Dinas Pendidikan" */
  const char *instansi;
  int tahun;                /* 0: every year */
  const char *tahap, *status;   /* the filters used, NULL = all */
  const json_t *data;       /* inovasi_list() output: {items, total, per_tahap} */
};

/* Sheet "Inovasi": one row per innovation (pegawai, unit, idea, problem, service, stage,
 * status, measured effect before/after/change, validation); sheet "Per tahap": the count per
 * stage with a SUM.  *out is malloc'd (the caller frees).  0, or -1 with an Indonesian err. */
int inovasi_rekap_xlsx(const struct inovasi_rekap *r, unsigned char **out, size_t *len, char *err, size_t errlen);
#endif
