/* akses_log.c: the access list of a pegawai (see akses_log.h). */
#include "akses_log.h"

#include <string.h>

const char *akses_peran(unsigned peran, int64_t pegawai_id)
{
  if (peran & PERAN_SUPERADMIN) return "superadmin";
  if (peran & PERAN_ADMIN) return "admin";
  if (peran & PERAN_PIMPINAN) return "pimpinan";
  if (peran & PERAN_AUDITOR) return "auditor";
  return pegawai_id ? "atasan" : "sistem";
}

int akses_log_catat(struct db *db, const struct principal *who, int64_t pegawai_id, const char *objek,
                    const char *rujukan, int64_t now_ms, int64_t jendela_ms)
{
  /* the common case, a repeated read, costs one indexed lookup and no write */
  static const char *const baru =
    "SELECT COUNT(*) FROM akses_lihat"
    " WHERE pengguna_id = ?1 AND pegawai_id = ?2 AND rujukan = ?3 AND waktu > ?4";
  struct db_stmt *st = db_prepare(db, baru);
  if (!st) return -1;
  db_bind_int64(st, 1, who->pengguna_id);
  db_bind_int64(st, 2, pegawai_id);
  db_bind_text(st, 3, rujukan);
  db_bind_int64(st, 4, now_ms - jendela_ms);
  int s = db_step(st);
  int64_t ada = s == DB_ROW ? db_col_int64(st, 0) : -1;
  db_done(st);
  if (ada < 0) return -1;
  if (ada > 0) return 0;
  if (db_begin_write(db) != DB_OK) return -1;
  /* checked again under the write lock: two parallel reads write one row */
  st = db_prepare(db,
    "INSERT INTO akses_lihat (instansi_id, pegawai_id, pengguna_id, peran, objek, rujukan, waktu)"
    " SELECT p.instansi_id, p.id, ?1, ?5, ?6, ?3, ?7 FROM pegawai p"
    "  WHERE p.id = ?2 AND NOT EXISTS (SELECT 1 FROM akses_lihat l"
    "        WHERE l.pengguna_id = ?1 AND l.pegawai_id = ?2 AND l.rujukan = ?3 AND l.waktu > ?4)");
  if (st) {
    db_bind_int64(st, 1, who->pengguna_id);
    db_bind_int64(st, 2, pegawai_id);
    db_bind_text(st, 3, rujukan);
    db_bind_int64(st, 4, now_ms - jendela_ms);
    db_bind_text(st, 5, akses_peran(who->peran & PERAN_STORED_MASK, who->pegawai_id));
    db_bind_text(st, 6, objek);
    db_bind_int64(st, 7, now_ms);
  }
  if (db_step_commit(db, st) != 0) return -1;
  return 1;
}

/* Audit records on the pegawai's rows.  Each arm reads audit_log through its (entitas,
 * entitas_id) index from the pegawai's own rows. */
#define UBAH \
  "SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  " WHERE a.entitas = 'pegawai' AND a.entitas_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN skp s ON a.entitas = 'skp' AND a.entitas_id = s.id WHERE s.pegawai_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN rhk r ON a.entitas = 'rhk' AND a.entitas_id = r.id JOIN skp s ON s.id = r.skp_id WHERE s.pegawai_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN rencana_aksi r ON a.entitas = 'rencana_aksi' AND a.entitas_id = r.id JOIN skp s ON s.id = r.skp_id WHERE s.pegawai_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN umpan_balik u ON a.entitas = 'umpan_balik' AND a.entitas_id = u.id JOIN skp s ON s.id = u.skp_id WHERE s.pegawai_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN penilaian t ON a.entitas = 'penilaian' AND a.entitas_id = t.id JOIN skp s ON s.id = t.skp_id WHERE s.pegawai_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN aktivitas t ON a.entitas = 'aktivitas' AND a.entitas_id = t.id WHERE t.pegawai_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN bukti t ON a.entitas = 'bukti' AND a.entitas_id = t.id WHERE t.pegawai_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN keberatan t ON a.entitas = 'keberatan' AND a.entitas_id = t.id WHERE t.pegawai_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN presensi_status t ON a.entitas = 'presensi_status' AND a.entitas_id = t.id WHERE t.pegawai_id = ?1" \
  " UNION ALL SELECT a.id, a.waktu, a.pengguna_id, a.aksi, a.entitas, a.entitas_id FROM audit_log a" \
  "  JOIN tpp_sanksi t ON a.entitas = 'tpp_sanksi' AND a.entitas_id = t.id WHERE t.pegawai_id = ?1"

/* The filters both queries share: ?1 pegawai, ?2 jenis, ?3/?4 time range (ms, 0 = open). */
#define LIHAT_WHERE " l.pegawai_id = ?1 AND ?2 <> 2 AND (?3 = 0 OR l.waktu >= ?3) AND (?4 = 0 OR l.waktu < ?4)"
#define UBAH_WHERE \
  " ?2 <> 1 AND (u.pengguna_id IS NULL OR u.pengguna_id <> (SELECT id FROM sendiri))" \
  " AND (?3 = 0 OR u.waktu >= ?3) AND (?4 = 0 OR u.waktu < ?4)"
#define SENDIRI "sendiri (id) AS (SELECT COALESCE((SELECT id FROM pengguna WHERE pegawai_id = ?1), 0))"

static int hitung(struct db *db, const struct akses_saring *s, int64_t *total)
{
  struct db_stmt *st = db_prepare(db,
    "WITH " SENDIRI ", ubah AS (" UBAH ")"
    "SELECT (SELECT COUNT(*) FROM akses_lihat l WHERE" LIHAT_WHERE ")"
    "     + (SELECT COUNT(*) FROM ubah u WHERE" UBAH_WHERE ")");
  if (!st) return -1;
  db_bind_int64(st, 1, s->pegawai_id);
  db_bind_int64(st, 2, (int64_t)s->jenis);
  db_bind_int64(st, 3, s->dari_ms);
  db_bind_int64(st, 4, s->sampai_ms);
  int rc = db_step(st);
  if (rc == DB_ROW) *total = db_col_int64(st, 0);
  db_done(st);
  return rc == DB_ROW ? 0 : -1;
}

int akses_log_daftar(struct db *db, const struct akses_saring *s, json_t **items, int64_t *total)
{
  *items = NULL;
  *total = 0;
  if (hitung(db, s, total) != 0) return -1;
  /* each source gives at most offset + limit rows in order (the views through their index), the
   * page is cut from their union, and only its rows are joined to names */
  struct db_stmt *st = db_prepare(db,
    "WITH " SENDIRI ", ubah AS (" UBAH "),"
    " semua AS ("
    "  SELECT * FROM (SELECT 'lihat' AS jenis, l.waktu, l.pengguna_id, l.peran, l.objek, NULL AS aksi, l.rujukan, l.id AS urut"
    "    FROM akses_lihat l WHERE" LIHAT_WHERE " ORDER BY l.waktu DESC, l.id DESC LIMIT ?5 + ?6) AS a"
    "  UNION ALL"
    "  SELECT * FROM (SELECT 'ubah' AS jenis, u.waktu, u.pengguna_id, NULL AS peran, u.entitas AS objek, u.aksi,"
    "                        u.entitas || ' #' || u.entitas_id AS rujukan, u.id AS urut"
    "    FROM ubah u WHERE" UBAH_WHERE " ORDER BY u.waktu DESC, u.id DESC LIMIT ?5 + ?6) AS b),"
    " halaman AS (SELECT * FROM semua ORDER BY waktu DESC, jenis, urut DESC LIMIT ?5 OFFSET ?6)"
    "SELECT x.jenis, x.waktu, COALESCE(x.pengguna_id, 0), x.peran, x.objek, x.aksi, x.rujukan,"
    "       g.username, pg.nama, j.nama, COALESCE(g.peran, 0), COALESCE(g.pegawai_id, 0)"
    "  FROM halaman x"
    "  LEFT JOIN pengguna g ON g.id = x.pengguna_id"
    "  LEFT JOIN pegawai pg ON pg.id = g.pegawai_id"
    "  LEFT JOIN jabatan j ON j.id = pg.jabatan_id"
    " ORDER BY x.waktu DESC, x.jenis, x.urut DESC");
  if (!st) return -1;
  db_bind_int64(st, 1, s->pegawai_id);
  db_bind_int64(st, 2, (int64_t)s->jenis);
  db_bind_int64(st, 3, s->dari_ms);
  db_bind_int64(st, 4, s->sampai_ms);
  db_bind_int64(st, 5, s->limit);
  db_bind_int64(st, 6, s->offset);
  json_t *arr = json_array();
  int rc;
  while ((rc = db_step(st)) == DB_ROW) {
    int64_t uid = db_col_int64(st, 2);
    const char *peran = db_col_text(st, 3);
    if (!peran) peran = uid ? akses_peran((unsigned)db_col_int64(st, 10), db_col_int64(st, 11)) : "sistem";
    const char *nama = db_col_text(st, 8);
    if (!nama) nama = db_col_text(st, 7);   /* an account without a pegawai: its user name */
    json_t *oleh = json_pack("{s:I,s:s?,s:s?,s:s}", "pengguna_id", (json_int_t)uid,
                             "nama", uid ? nama : "Sistem (impor, sinkronisasi atau perintah server)", "jabatan", db_col_text(st, 9), "peran", peran);
    json_t *o = json_pack("{s:s,s:I,s:o,s:s,s:s?,s:s}", "jenis", db_col_text(st, 0),
                          "waktu", (json_int_t)db_col_int64(st, 1), "oleh", oleh,
                          "objek", db_col_text(st, 4), "aksi", db_col_text(st, 5), "rujukan", db_col_text(st, 6));
    json_array_append_new(arr, o);
  }
  db_done(st);
  if (rc != DB_DONE) { json_decref(arr); return -1; }
  *items = arr;
  return 0;
}
