/* tugas_harian.c: claims of once-a-day work (see tugas_harian.h). */
#include "tugas_harian.h"

#include "util/simpul.h"
#include "util/util.h"

int tugas_harian_klaim(struct db *db, const char *nama, const char *tanggal)
{
  const int64_t now = now_unix();
  /* a new day, or the same day left unfinished by a node that stopped long ago */
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO tugas_harian (nama, tanggal, simpul, mulai) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (nama) DO UPDATE SET tanggal = excluded.tanggal, simpul = excluded.simpul,"
    "   mulai = excluded.mulai, selesai = NULL"
    " WHERE tugas_harian.tanggal < excluded.tanggal"
    "    OR (tugas_harian.tanggal = excluded.tanggal AND tugas_harian.selesai IS NULL AND tugas_harian.mulai < ?5)"
    " RETURNING nama");
  if (!st) return -1;
  db_bind_text(st, 1, nama);
  db_bind_text(st, 2, tanggal);
  db_bind_text(st, 3, simpul_nama());
  db_bind_int64(st, 4, now);
  db_bind_int64(st, 5, now - TUGAS_HARIAN_SEWA);
  int s = db_step(st);
  db_done(st);
  return s == DB_ROW ? 1 : s == DB_DONE ? 0 : -1;
}

int tugas_harian_selesai(struct db *db, const char *nama)
{
  struct db_stmt *st = db_prepare(db, "UPDATE tugas_harian SET selesai = ?2 WHERE nama = ?1 AND simpul = ?3");
  if (!st) return -1;
  db_bind_text(st, 1, nama);
  db_bind_int64(st, 2, now_unix());
  db_bind_text(st, 3, simpul_nama());
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}
