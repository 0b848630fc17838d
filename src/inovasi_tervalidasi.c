/* inovasi_tervalidasi.c: validated innovations of one pegawai in a year or a date range (see
 * inovasi_tervalidasi.h). */
#include "inovasi_tervalidasi.h"

#include <stdio.h>

#include "inovasi.h"

int64_t inovasi_tervalidasi_jumlah(struct db *db, int64_t pegawai_id, int tahun)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT COUNT(*) FROM inovasi WHERE pegawai_id = ?1 AND status = 'divalidasi' AND tahun = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, tahun);
  int64_t n = db_step(st) == DB_ROW ? db_col_int64(st, 0) : -1;
  db_done(st);
  return n;
}

json_t *inovasi_tervalidasi_rentang(struct db *db, int64_t pegawai_id, const char *dari, const char *sampai)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT i.id, i.judul, i.layanan, i.tahap, i.tanggal_validasi, COALESCE(v.nama, ''),"
    "       i.dampak_indikator, i.dampak_sebelum, i.dampak_sesudah, i.dampak_satuan"
    "  FROM inovasi i LEFT JOIN pegawai v ON v.id = i.validator_id"
    " WHERE i.pegawai_id = ?1 AND i.status = 'divalidasi' AND i.tanggal_validasi BETWEEN ?2 AND ?3"
    " ORDER BY i.tanggal_validasi DESC, i.id DESC");
  if (!st) return NULL;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, dari);
  db_bind_text(st, 3, sampai);
  json_t *a = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *d = db_col_is_null(st, 6) ? json_null()
      : json_pack("{s:s,s:s,s:s,s:s}", "indikator", db_col_text(st, 6), "sebelum", db_col_text(st, 7),
                  "sesudah", db_col_text(st, 8), "satuan", db_col_text(st, 9));
    json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:o}", "id", (json_int_t)db_col_int64(st, 0),
      "judul", db_col_text(st, 1), "layanan", db_col_text(st, 2), "tahap", db_col_text(st, 3),
      "tahap_label", inovasi_tahap_label(db_col_text(st, 3)), "tanggal_validasi", db_col_text(st, 4),
      "validator", db_col_text(st, 5), "dampak", d ? d : json_null()));
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(a); return NULL; }
  return a;
}

json_t *inovasi_tervalidasi_tahun(struct db *db, int64_t pegawai_id, int tahun)
{
  char dari[16], sampai[16];
  snprintf(dari, sizeof dari, "%04d-01-01", tahun);
  snprintf(sampai, sizeof sampai, "%04d-12-31", tahun);
  return inovasi_tervalidasi_rentang(db, pegawai_id, dari, sampai);
}
