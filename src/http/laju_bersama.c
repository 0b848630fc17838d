/* laju_bersama.c: rate limits counted across nodes (see laju_bersama.h). */
#include "http/laju_bersama.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "util/latar.h"
#include "util/log.h"
#include "util/simpul.h"
#include "util/util.h"

struct laju_bersama {
  struct laju *l;
  struct laju_aturan aturan[LAJU_KELAS_N];
  struct latar *latar;
  int64_t dibaca;       /* the highest laju_pakai id taken into account */
  int64_t dibersihkan;  /* unix seconds of the last delete of old reports */
  bool mulai;           /* dibaca was set */
};

/* The shared hash key: made once by whichever node comes first, read by all. */
static int kunci_bersama(struct db *db, unsigned char k[LAJU_KUNCI_BYTES])
{
  unsigned char acak[LAJU_KUNCI_BYTES];
  char hex[2 * LAJU_KUNCI_BYTES + 1];
  randombytes_buf(acak, sizeof acak);
  sodium_bin2hex(hex, sizeof hex, acak, sizeof acak);
  struct db_stmt *st = db_prepare(db, "INSERT INTO simpul_rahasia (nama, nilai) VALUES ('laju', ?1) ON CONFLICT (nama) DO NOTHING");
  if (!st) return -1;
  db_bind_text(st, 1, hex);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  st = db_prepare(db, "SELECT nilai FROM simpul_rahasia WHERE nama = 'laju'");
  if (!st) return -1;
  int rc = -1;
  size_t n = 0;
  if (db_step(st) == DB_ROW) {
    const char *v = db_col_text(st, 0);
    if (sodium_hex2bin(k, LAJU_KUNCI_BYTES, v, strlen(v), NULL, &n, NULL) == 0 && n == LAJU_KUNCI_BYTES) rc = 0;
  }
  db_done(st);
  return rc;
}

/* Reports this node's buckets: one transaction of single-row inserts (insert-only, so the
 * read transaction of db_begin does; the write lock of db_begin_write is not needed). */
static int lapor(struct laju_bersama *b, struct db *db)
{
  struct laju_laporan r[LAJU_BERSAMA_LAPOR_MAKS];
  size_t n = laju_kumpul(b->l, r, LAJU_BERSAMA_LAPOR_MAKS);
  if (n == 0) return 0;
  if (db_begin(db) != DB_OK) return -1;
  const int64_t now = now_unix();
  struct db_stmt *st = db_prepare(db, "INSERT INTO laju_pakai (simpul, kelas, kunci, n, waktu) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!st) goto fail;
  for (size_t i = 0; i < n; i++) {
    db_reset(st);
    db_bind_text(st, 1, simpul_nama());
    db_bind_int64(st, 2, (int64_t)r[i].kelas);
    db_bind_int64(st, 3, (int64_t)r[i].kunci);   /* the 64 bits as a signed integer */
    db_bind_int64(st, 4, (int64_t)r[i].n);
    db_bind_int64(st, 5, now);
    if (db_step(st) != DB_DONE) { db_done(st); goto fail; }
  }
  db_done(st);
  return db_commit(db) == DB_OK ? 0 : -1;
fail:
  db_rollback(db);
  return -1;
}

/* Takes what the other nodes reported since the last pass.  Ids of reports committed out of
 * order (two nodes inserting at once) may be passed over: the limit is then a little looser,
 * never stricter. */
static int ambil(struct laju_bersama *b, struct db *db)
{
  if (!b->mulai) {
    if (db_query_int64(db, "SELECT COALESCE(MAX(id), 0) FROM laju_pakai", 0, 0, &b->dibaca) != DB_ROW) return -1;
    b->mulai = true;
    return 0;
  }
  struct db_stmt *st = db_prepare(db,
    "SELECT id, kelas, kunci, n FROM laju_pakai WHERE id > ?1 AND simpul <> ?2 ORDER BY id LIMIT 5000");
  if (!st) return -1;
  db_bind_int64(st, 1, b->dibaca);
  db_bind_text(st, 2, simpul_nama());
  const double now = now_mono();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int64_t id = db_col_int64(st, 0), kelas = db_col_int64(st, 1);
    if (id > b->dibaca) b->dibaca = id;
    if (kelas < 0 || kelas >= LAJU_KELAS_N) continue;
    laju_kurangi(b->l, (enum laju_kelas)kelas, (uint64_t)db_col_int64(st, 2), (double)db_col_int64(st, 3),
                 &b->aturan[kelas], now);
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static void lintas(struct db *db, const atomic_bool *henti, void *ctx)
{
  (void)henti;
  struct laju_bersama *b = ctx;
  if (lapor(b, db) != 0 || ambil(b, db) != 0) {
    log_msg(LOG_WARN, "batas laju antarsimpul: %s", db_errmsg(db));
    return;
  }
  const int64_t now = now_unix();
  if (now - b->dibersihkan >= LAJU_BERSAMA_SIMPAN) {
    b->dibersihkan = now;
    struct db_stmt *st = db_prepare(db, "DELETE FROM laju_pakai WHERE waktu < ?1");
    if (st) {
      db_bind_int64(st, 1, now - LAJU_BERSAMA_SIMPAN);
      db_step(st);
      db_done(st);
    }
  }
}

struct laju_bersama *laju_bersama_mulai(const struct config *cfg, struct laju *l, int *ok)
{
  *ok = 1;
  if (!db_url_is_pg(cfg->db)) return NULL;
  *ok = 0;
  char err[256];
  unsigned char k[LAJU_KUNCI_BYTES];
  struct db *db = db_open(cfg->db, err, sizeof err);
  if (!db) { log_msg(LOG_ERROR, "batas laju antarsimpul: %s", err); return NULL; }
  int rc = kunci_bersama(db, k);
  if (rc != 0) log_msg(LOG_ERROR, "batas laju antarsimpul: kunci tidak dapat dibaca: %s", db_errmsg(db));
  db_close(db);
  if (rc != 0) return NULL;
  laju_atur_kunci(l, k);
  sodium_memzero(k, sizeof k);
  struct laju_bersama *b = calloc(1, sizeof *b);
  if (!b) return NULL;
  b->l = l;
  b->aturan[LAJU_IP] = cfg->laju_ip;
  b->aturan[LAJU_PENGGUNA] = cfg->laju_pengguna;
  b->aturan[LAJU_MASUK] = cfg->laju_masuk;
  b->dibersihkan = now_unix();
  if (!(b->latar = latar_mulai(cfg->db, 1, "laju", lintas, b))) { free(b); return NULL; }
  *ok = 1;
  return b;
}

void laju_bersama_henti(struct laju_bersama *b)
{
  if (!b) return;
  latar_henti(b->latar);
  free(b);
}
