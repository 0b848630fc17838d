/* halaman.c: one keyset page of a list (halaman.h). */
#include "halaman.h"

#include <stdio.h>

int halaman_baca(struct db_stmt *st, int limit, json_t *(*baris)(struct db_stmt *st), struct halaman *h)
{
  int s, n = 0;
  h->items = json_array();
  h->pertama = h->terakhir = 0;
  h->lagi = false;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == limit) { h->lagi = true; break; }
    h->terakhir = db_col_int64(st, 0);
    if (!h->pertama) h->pertama = h->terakhir;
    json_array_append_new(h->items, baris(st));
    n++;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) { json_decref(h->items); h->items = NULL; return -1; }
  return 0;
}

json_t *halaman_json(struct halaman *h, int limit)
{
  char c[24];
  snprintf(c, sizeof c, "%lld", (long long)h->terakhir);
  return json_pack("{s:o,s:o,s:i}", "items", h->items, "next_cursor", h->lagi ? json_string(c) : json_null(), "limit", limit);
}
