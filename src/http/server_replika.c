/* server_replika.c: read-only dashboard work on a PostgreSQL streaming replica (issue 12).
 *
 * With --db-replica URI every worker thread may hold a second connection, to the replica, next
 * to its primary connection (http_db).  http_db_baca() hands it out only while the replica is
 * close enough: its replay lag, asked from the replica itself, is at most --replica-max-lag
 * seconds.  The lag is 0 when everything received has been replayed, else the age of the last
 * replayed commit (conservative: after a long idle spell the first burst counts as lagging
 * until it is replayed); a replica without a running WAL receiver (primary gone, replication
 * broken), a server that is not in recovery (a promoted or wrong URL), a failed connection or
 * a failed query send the work to the primary.  The answer is kept per thread for CEK_DETIK, so
 * the bound holds within max lag + CEK_DETIK; a replica that failed is left alone for
 * ISTIRAHAT_DETIK before the thread connects again.  Access checks, sessions and writes always
 * use the primary; only the dashboard computation reads here.  A dashboard computed on the
 * replica is the one the primary answered when it was at that replica's state: versi_data (the
 * dashboard cache's key) is replicated with the rows it counts.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "http/server_internal.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/util.h"

#define CEK_DETIK 0.2         /* a thread asks the replica's lag again after this */
#define ISTIRAHAT_DETIK 5.0   /* after a failure the replica is not tried for this long */

/* Lag in milliseconds: -1 not a replica, -2 no WAL receiver (replication not running). */
#define LAG_SQL                                                                                   \
  "SELECT CASE WHEN NOT pg_is_in_recovery() THEN -1"                                            \
  " WHEN NOT EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN -2"                               \
  " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"                           \
  " ELSE COALESCE(CAST(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000 AS BIGINT), 1000000000) END"

static _Thread_local struct db *tls_rep;
static _Thread_local struct server *tls_rep_owner;
static _Thread_local double tls_cek;       /* when the lag was last asked (now_mono) */
static _Thread_local int tls_dekat;        /* the last answer: within the bound */
static _Thread_local double tls_istirahat; /* not before this (now_mono) after a failure */
static atomic_ullong dari_replika, dari_primer, replika_gagal;
static atomic_int sudah_dicatat;

int metrics_replika(struct buf *b)
{
  return buf_printf(b, "# HELP kinerja_baca_replika_total Dashboard reads answered from the replica or the primary (--db-replica), and replica failures.\n"
                       "# TYPE kinerja_baca_replika_total counter\n"
                       "kinerja_baca_replika_total{sumber=\"replika\"} %llu\n"
                       "kinerja_baca_replika_total{sumber=\"primer\"} %llu\n"
                       "kinerja_baca_replika_total{sumber=\"gagal\"} %llu\n",
                    (unsigned long long)atomic_load(&dari_replika), (unsigned long long)atomic_load(&dari_primer),
                    (unsigned long long)atomic_load(&replika_gagal));
}

static void istirahat(const char *sebab)
{
  atomic_fetch_add(&replika_gagal, 1);
  tls_istirahat = now_mono() + ISTIRAHAT_DETIK;
  tls_dekat = 0;
  log_msg(LOG_WARN, "replika baca tidak dipakai %.0f detik: %s", ISTIRAHAT_DETIK, sebab);
}

/* The thread's replica connection, opened when missing; NULL while resting after a failure. */
static struct db *sambung(struct server *srv)
{
  if (now_mono() < tls_istirahat) return NULL;
  if (tls_rep && tls_rep_owner == srv) return tls_rep;
  char err[256];
  struct db *db = db_open(srv->cfg->db_replica, err, sizeof err);
  if (!db) { istirahat(err); return NULL; }
  if (server_db_simpan(srv, db) != 0) { db_close(db); return NULL; }
  if (!atomic_exchange(&sudah_dicatat, 1)) {
    char u[256];
    db_url_for_log(srv->cfg->db_replica, u, sizeof u);
    log_msg(LOG_INFO, "replika baca: %s (ketertinggalan maks %d detik)", u, srv->cfg->replica_max_lag);
  }
  tls_rep = db;
  tls_rep_owner = srv;
  tls_cek = 0;
  return db;
}

/* 1 when the replica is within the bound now (asked at most every CEK_DETIK). */
static int dekat(struct server *srv, struct db *rep)
{
  double t = now_mono();
  if (tls_cek && t - tls_cek < CEK_DETIK) return tls_dekat;
  int64_t lag = -3;
  if (db_query_int64(rep, LAG_SQL, 0, 0, &lag) != DB_ROW) {
    char sebab[300];
    snprintf(sebab, sizeof sebab, "pertanyaan ketertinggalan gagal: %s", db_errmsg(rep));
    istirahat(sebab);
    return 0;
  }
  tls_cek = t;
  tls_dekat = lag >= 0 && lag <= (int64_t)srv->cfg->replica_max_lag * 1000;
  if (lag == -1) log_msg(LOG_WARN, "--db-replica menunjuk server yang bukan replika (tidak dalam pemulihan); dasbor dibaca dari primer");
  return tls_dekat;
}

struct db *http_db_baca(struct request *req)
{
  struct server *srv = req->srv;
  if (!srv->cfg->db_replica[0]) return http_db(req);
  struct db *rep = sambung(srv);
  if (rep && dekat(srv, rep)) {
    atomic_fetch_add(&dari_replika, 1);
    return rep;
  }
  atomic_fetch_add(&dari_primer, 1);
  return http_db(req);
}

struct db *http_db_baca_gagal(struct request *req, struct db *db)
{
  if (!db || db != tls_rep || tls_rep_owner != req->srv) return NULL;
  char sebab[300];
  snprintf(sebab, sizeof sebab, "dasbor gagal dibaca: %s", db_errmsg(db));
  istirahat(sebab);
  atomic_fetch_sub(&dari_replika, 1);
  atomic_fetch_add(&dari_primer, 1);
  return http_db(req);
}
