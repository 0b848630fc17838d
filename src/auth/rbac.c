/* rbac.c: row-level access checks (see rbac.h). */
#include "auth/rbac.h"
#include "auth/akses_jejak.h"

bool rbac_reads_instansi(const struct principal *who)
{
  return (who->peran & (PERAN_SUPERADMIN | PERAN_ADMIN | PERAN_PIMPINAN)) != 0;
}

bool rbac_instansi_read(const struct principal *who, int64_t instansi_id)
{
  return (who->peran & PERAN_SUPERADMIN) || who->instansi_id == instansi_id;
}

bool rbac_instansi_admin(const struct principal *who, int64_t instansi_id)
{
  if (who->peran & PERAN_SUPERADMIN) return true;
  return (who->peran & PERAN_ADMIN) && who->instansi_id == instansi_id;
}

int rbac_in_subtree(struct db *db, int64_t atasan_id, int64_t pegawai_id)
{
  int64_t found = 0;
  /* walk up from the pegawai; depth-bounded so a bad cycle cannot loop */
  int rc = DB_ERROR;
  struct db_stmt *st = db_prepare(db,
    "WITH RECURSIVE naik (id, atasan_id, depth) AS ("
    "  SELECT id, atasan_id, 0 FROM pegawai WHERE id = ?1"
    "  UNION ALL"
    "  SELECT p.id, p.atasan_id, n.depth + 1 FROM pegawai p JOIN naik n ON p.id = n.atasan_id"
    "   WHERE n.depth < 64)"
    "SELECT COUNT(*) FROM naik WHERE atasan_id = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, atasan_id);
  rc = db_step(st);
  if (rc == DB_ROW) found = db_col_int64(st, 0);
  db_done(st);
  if (rc != DB_ROW) return -1;
  return found > 0;
}

static enum access_result periksa(struct db *db, const struct principal *who, int64_t pegawai_id,
                                enum access_mode mode, int64_t *instansi_out)
{
  int64_t inst = 0;
  int rc = db_query_int64(db, "SELECT instansi_id FROM pegawai WHERE id = ?1", 1, pegawai_id, &inst);
  if (rc == DB_DONE) return ACCESS_NOT_FOUND;
  if (rc != DB_ROW) return ACCESS_ERROR;
  if (instansi_out) *instansi_out = inst;
  if (who->peran & PERAN_SUPERADMIN) return ACCESS_OK;
  if (who->instansi_id != inst) return ACCESS_DENIED;
  if (mode == ACCESS_ADMIN) return (who->peran & PERAN_ADMIN) ? ACCESS_OK : ACCESS_DENIED;
  if (who->peran & (PERAN_ADMIN | PERAN_PIMPINAN)) return ACCESS_OK;
  if (!who->pegawai_id) return ACCESS_DENIED;
  if (who->pegawai_id == pegawai_id) return ACCESS_OK;
  int sub = rbac_in_subtree(db, who->pegawai_id, pegawai_id);
  if (sub < 0) return ACCESS_ERROR;
  return sub ? ACCESS_OK : ACCESS_DENIED;
}

enum access_result rbac_pegawai(struct db *db, const struct principal *who, int64_t pegawai_id,
                                enum access_mode mode, int64_t *instansi_out)
{
  enum access_result a = periksa(db, who, pegawai_id, mode, instansi_out);
  if (a == ACCESS_OK) akses_jejak_tandai(who, pegawai_id);   /* for the access log (issue 14) */
  return a;
}
