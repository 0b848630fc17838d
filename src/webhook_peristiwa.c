/* webhook_peristiwa.c: the payload of each webhook event (see webhook_peristiwa.h). */
#include "webhook_peristiwa.h"

#include <jansson.h>

#include "webhook.h"

static json_t *teks(struct db_stmt *st, int col) { return db_col_is_null(st, col) ? json_null() : json_string(db_col_text(st, col)); }

/* {id, nip, nama} from three columns, or null when the id is NULL. */
static json_t *orang(struct db_stmt *st, int col)
{
  if (db_col_is_null(st, col)) return json_null();
  return json_pack("{s:I,s:s,s:s}", "id", (json_int_t)db_col_int64(st, col), "nip", db_col_text(st, col + 1),
                   "nama", db_col_text(st, col + 2));
}

/* Runs st (bound, one row expected), builds data with `bentuk`, queues it.  0 or -1. */
static int kirim(struct db *db, int64_t instansi_id, const char *peristiwa, struct db_stmt *st,
                 json_t *(*bentuk)(struct db_stmt *))
{
  int s = db_step(st);
  json_t *data = s == DB_ROW ? bentuk(st) : NULL;
  db_done(st);
  if (s == DB_DONE) return 0;   /* the row is gone: nothing to tell */
  int rc = data ? webhook_antri(db, instansi_id, peristiwa, data) : -1;
  json_decref(data);
  return rc;
}

static json_t *skp_data(struct db_stmt *st)
{
  json_t *d = json_pack("{s:I,s:I,s:I,s:I,s:s,s:s,s:s,s:s,s:o,s:o,s:o}", "skp_id", (json_int_t)db_col_int64(st, 0),
                        "revisi", (json_int_t)db_col_int64(st, 1), "tahun", (json_int_t)db_col_int64(st, 2),
                        "periode_id", (json_int_t)db_col_int64(st, 3), "mulai", db_col_text(st, 4),
                        "selesai", db_col_text(st, 5), "jenis", db_col_text(st, 6), "pendekatan", db_col_text(st, 7),
                        "disetujui", db_col_is_null(st, 8) ? json_null() : json_integer(db_col_int64(st, 8)),
                        "pegawai", orang(st, 9), "penilai", orang(st, 12));
  return d;
}

int webhook_skp_disetujui(struct db *db, int64_t instansi_id, int64_t skp_id)
{
  int d = webhook_didengar(db, instansi_id, WEBHOOK_SKP_DISETUJUI);
  if (d <= 0) return d;
  struct db_stmt *st = db_prepare(db,
    "SELECT s.id, s.revisi, pr.tahun, s.periode_id, s.mulai, s.selesai, s.jenis, s.pendekatan, s.disetujui,"
    "       p.id, p.nip, p.nama, n.id, n.nip, n.nama"
    "  FROM skp s JOIN pegawai p ON p.id = s.pegawai_id JOIN periode pr ON pr.id = s.periode_id"
    "  LEFT JOIN pegawai n ON n.id = s.penilai_id"
    " WHERE s.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, skp_id);
  return kirim(db, instansi_id, WEBHOOK_SKP_DISETUJUI, st, skp_data);
}

static json_t *penilaian_data(struct db_stmt *st)
{
  return json_pack("{s:I,s:I,s:s,s:I,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "penilaian_id", (json_int_t)db_col_int64(st, 0),
                   "skp_id", (json_int_t)db_col_int64(st, 1), "jenis", db_col_text(st, 2),
                   "periode_ke", (json_int_t)db_col_int64(st, 3), "mulai", db_col_text(st, 4), "selesai", db_col_text(st, 5),
                   "rating_hasil", teks(st, 6), "rating_perilaku", teks(st, 7), "predikat", teks(st, 8), "hash", teks(st, 9),
                   "difinalkan", db_col_is_null(st, 10) ? json_null() : json_integer(db_col_int64(st, 10)),
                   "pegawai", orang(st, 11), "penilai", orang(st, 14));
}

int webhook_penilaian_final(struct db *db, int64_t instansi_id, int64_t penilaian_id)
{
  int d = webhook_didengar(db, instansi_id, WEBHOOK_PENILAIAN_FINAL);
  if (d <= 0) return d;
  struct db_stmt *st = db_prepare(db,
    "SELECT n.id, n.skp_id, n.jenis, n.periode_ke, n.mulai, n.selesai, n.rating_hasil, n.rating_perilaku, n.predikat,"
    "       n.hash, n.difinalkan, p.id, p.nip, p.nama, q.id, q.nip, q.nama"
    "  FROM penilaian n JOIN pegawai p ON p.id = n.pegawai_id LEFT JOIN pegawai q ON q.id = n.penilai_id"
    " WHERE n.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, penilaian_id);
  return kirim(db, instansi_id, WEBHOOK_PENILAIAN_FINAL, st, penilaian_data);
}

static json_t *tpp_data(struct db_stmt *st)
{
  return json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:o,s:o}", "tpp_bulan_id", (json_int_t)db_col_int64(st, 0),
                   "tahun", (json_int_t)db_col_int64(st, 1), "bulan", (json_int_t)db_col_int64(st, 2),
                   "aturan_id", (json_int_t)db_col_int64(st, 3), "pegawai", (json_int_t)db_col_int64(st, 4),
                   "jumlah", (json_int_t)db_col_int64(st, 5), "hash", teks(st, 6),
                   "disetujui", db_col_is_null(st, 7) ? json_null() : json_integer(db_col_int64(st, 7)));
}

int webhook_tpp_bulan_disetujui(struct db *db, int64_t instansi_id, int64_t bulan_id)
{
  int d = webhook_didengar(db, instansi_id, WEBHOOK_TPP_BULAN_DISETUJUI);
  if (d <= 0) return d;
  struct db_stmt *st = db_prepare(db, "SELECT id, tahun, bulan, aturan_id, pegawai, jumlah, hash, disetujui FROM tpp_bulan WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, bulan_id);
  return kirim(db, instansi_id, WEBHOOK_TPP_BULAN_DISETUJUI, st, tpp_data);
}
