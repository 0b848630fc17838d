/* salin_tabel.c: one table's rows from one database into another (salin_tabel.h). */
#include "salin_tabel.h"

#include <stdio.h>

#define MAKS_KOLOM 64
#define NAMA 64

int salin_tabel(struct db *src, struct db *dst, const char *tabel, const char *saring, int64_t *n,
                char *err, size_t en)
{
  struct db *skema = db_dialect(dst) == DB_DIALECT_PG ? src : dst;
  const int ke_sqlite = db_dialect(dst) != DB_DIALECT_PG;
  char kol[MAKS_KOLOM][NAMA];
  int nk = 0;
  *n = 0;
  struct db_stmt *st = db_prepare(skema, "SELECT name FROM pragma_table_info(?1) ORDER BY cid");
  if (!st) { snprintf(err, en, "tabel %s: %s", tabel, db_errmsg(skema)); return -1; }
  db_bind_text(st, 1, tabel);
  while (db_step(st) == DB_ROW && nk < MAKS_KOLOM) snprintf(kol[nk++], sizeof kol[0], "%s", db_col_text(st, 0));
  db_done(st);
  if (nk == 0 || nk == MAKS_KOLOM) { snprintf(err, en, "tabel %s: kolom tidak terbaca", tabel); return -1; }

  char sel[8192], ins[4096];
  size_t ps = 0, pi = 0;
#define ADD(b, p, ...) do { if (p < sizeof b) p += (size_t)snprintf(b + p, sizeof b - p, __VA_ARGS__); } while (0)
  ADD(sel, ps, "SELECT ");
  ADD(ins, pi, "INSERT INTO \"%s\" (", tabel);
  for (int i = 0; i < nk; i++) {
    ADD(sel, ps, "%s\"%s\"", i ? ", " : "", kol[i]);
    ADD(ins, pi, "%s\"%s\"", i ? ", " : "", kol[i]);
  }
  ADD(sel, ps, " FROM \"%s\"", tabel);
  if (saring && saring[0]) ADD(sel, ps, " WHERE %s", saring);
  ADD(ins, pi, ") VALUES (");
  for (int i = 0; i < nk; i++) ADD(ins, pi, "%s?%d", i ? ", " : "", i + 1);
  ADD(ins, pi, ")");
#undef ADD
  if (ps >= sizeof sel || pi >= sizeof ins) { snprintf(err, en, "tabel %s: terlalu banyak kolom", tabel); return -1; }

  struct db_stmt *r = db_prepare(src, sel), *w = db_prepare(dst, ins);
  int rc = -1, s = DB_ERROR;
  if (!r || !w) { snprintf(err, en, "tabel %s: %s", tabel, db_errmsg(r ? dst : src)); goto fail; }
  while ((s = db_step(r)) == DB_ROW) {
    db_reset(w);
    for (int i = 0; i < nk; i++) {
      if (ke_sqlite && db_col_is_int(r, i)) db_bind_int64(w, i + 1, db_col_int64(r, i));
      else db_bind_text(w, i + 1, db_col_text(r, i));
    }
    int ws = db_step(w);
    if (ws != DB_DONE) {
      snprintf(err, en, "tabel %s: %s", tabel, db_errmsg(dst));
      if (ws == DB_CONSTRAINT) rc = -2;
      goto fail;
    }
    (*n)++;
  }
  if (s == DB_DONE) rc = 0;
  else snprintf(err, en, "tabel %s: %s", tabel, db_errmsg(src));
fail:
  db_done(r);
  db_done(w);
  return rc;
}
