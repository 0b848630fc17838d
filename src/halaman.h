/* halaman.h: one page of a list read by keyset, as the delivery logs (surel_daftar,
 * webhook_pengiriman_daftar) and the webhook list (webhook_daftar) answer it: the statement
 * returns rows whose first column is the id, in the list's order, and asks for limit + 1 rows;
 * the extra row only tells that more follow, and the last id shown is the next cursor. */
#ifndef KINERJA_HALAMAN_H
#define KINERJA_HALAMAN_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "db/db.h"

struct halaman {
  json_t *items;            /* baris() of each row shown */
  int64_t pertama, terakhir; /* ids of the first and last row shown (0: none) */
  bool lagi;                /* more rows follow */
};

/* Steps st (up to limit + 1 rows) and finishes it (db_done).  0, or -1 on a database error
 * (nothing left to free). */
int halaman_baca(struct db_stmt *st, int limit, json_t *(*baris)(struct db_stmt *st), struct halaman *h);
/* {"items": h->items, "next_cursor": "<last id>" or null when no more follow, "limit": limit};
 * takes h->items. */
json_t *halaman_json(struct halaman *h, int limit);
#endif
