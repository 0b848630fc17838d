/* siasn_klien.h: the HTTP client of SIASN's web services, over libcurl.
 *
 * A session loads the instansi's configuration and secrets, fetches an OAuth2 token (client
 * credentials) on first use, and sends every request with two headers: "Authorization: Bearer
 * <oauth token>" and "<header_pengguna>: <skema_pengguna> <user token>" (by default "Auth:
 * bearer <token>", as SIASN wants).  Transient failures (5xx, 429, timeouts, refused
 * connections) are retried with exponential backoff; 4xx never are.  Every exchange is
 * written to siasn_log (autocommit: the caller must not hold a transaction) with a summary
 * that never includes a header, a token or a secret, SIASN's message and advice in Indonesian.
 *
 * Tunables from the environment: KINERJA_SIASN_JEDA_MS (first backoff, default 500 ms, doubled
 * per retry), KINERJA_SIASN_PERCOBAAN (attempts, default 4), KINERJA_SIASN_BATAS_WAKTU
 * (seconds per attempt, default 30). */
#ifndef KINERJA_SIASN_KLIEN_H
#define KINERJA_SIASN_KLIEN_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"
#include "siasn_konfig.h"
#include "siasn_rahasia.h"

struct siasn_sesi {
  struct db *db;
  struct siasn_konfig k;
  struct siasn_rahasia r;      /* wiped by siasn_sesi_tutup */
  char akses[4096];            /* the OAuth2 access token ("" until fetched) */
  void *curl;
  int jeda_ms, percobaan_maks;
  long batas_waktu;
  int64_t tarikan_id;          /* written into the log rows when set */
  int64_t penilaian_id;
};

enum siasn_hasil {
  SIASN_OK = 0,
  SIASN_TIDAK_ADA = 1,    /* 404, or an envelope saying "not found" */
  SIASN_DITOLAK = 2,      /* another 4xx, or an envelope saying it failed: not retried */
  SIASN_SEMENTARA = 3,    /* 5xx, 429, timeouts still failing after the retries */
  SIASN_RUSAK = 4,        /* the answer is not valid JSON (or too big) */
  SIASN_KONFIG = 5,       /* not configured, secrets missing, token refused */
};

/* Opens a session for the instansi.  berkas_rahasia: the secret file (NULL = environment).
 * Returns 0, 1 when not configured or the secrets cannot be read (err explains, in Indonesian),
 * -1 on database error.  Close with siasn_sesi_tutup (also after a failed open). */
int siasn_sesi_buka(struct siasn_sesi *s, struct db *db, int64_t instansi_id, const char *berkas_rahasia,
                    char *err, size_t n);
void siasn_sesi_tutup(struct siasn_sesi *s);

struct siasn_permintaan {
  const char *arah;        /* 'tarik' | 'kirim' */
  const char *metode;      /* GET | POST */
  const char *jalur;       /* below base_url, starting with '/' */
  json_t *isi;             /* POST body (borrowed) or NULL */
  const char *ringkasan;   /* for the log: what this request is about (no secrets) */
  const char *saran_404;   /* advice when SIASN does not know the thing (NULL: a general one) */
};

struct siasn_jawaban {
  long http;               /* last HTTP status, 0 when none */
  int percobaan;
  char pesan[512];         /* SIASN's message or ours */
  char saran[512];         /* what to do next */
  json_t *dok;             /* the whole answer (owned; NULL unless JSON) */
  json_t *isi;             /* its payload ("data" etc.), borrowed from dok */
};

/* Sends one request (with retries) and logs it.  *j is filled in every case; release it with
 * siasn_jawaban_lepas. */
enum siasn_hasil siasn_minta(struct siasn_sesi *s, const struct siasn_permintaan *p, struct siasn_jawaban *j);
void siasn_jawaban_lepas(struct siasn_jawaban *j);

/* Writes a log row for something that needed no exchange (a push skipped as unchanged). */
int siasn_log_tulis(struct db *db, int64_t instansi_id, const char *arah, const char *metode, const char *jalur,
                    const char *ringkasan, long http, int percobaan, const char *hasil, const char *pesan,
                    const char *saran, int64_t tarikan_id, int64_t penilaian_id);
/* One page of the log, newest first: {"items": [...], "next_cursor": id|null}. */
json_t *siasn_log_json(struct db *db, int64_t instansi_id, int64_t sebelum_id, int limit, int64_t tarikan_id);
#endif
