/* config.h: server configuration from flags and KINERJA_* environment variables.
 * Precedence: flag > environment > default.  Read-only once the server runs. */
#ifndef KINERJA_CONFIG_H
#define KINERJA_CONFIG_H
#include <stddef.h>
#include "http/laju.h"
#include "util/log.h"

struct config {
  char host[64];            /* --listen HOST:PORT      KINERJA_LISTEN   127.0.0.1:8080 */
  int port;
  char db[1024];            /* --db PATH               KINERJA_DB       data/kinerja.db */
  char db_replica[1024];    /* --db-replica URI        KINERJA_DB_REPLICA (postgres://; dashboards read there) */
  int replica_max_lag;      /* --replica-max-lag SECONDS KINERJA_REPLICA_MAX_LAG 5: a replica further behind is not read */
  char data_dir[1024];      /* --data-dir DIR          KINERJA_DATA_DIR data */
  char web_dir[1024];       /* --web-dir DIR           KINERJA_WEB_DIR  web */
  enum log_level log_level; /* --log-level L           KINERJA_LOG_LEVEL info */
  int threads;              /* --threads N             KINERJA_THREADS  number of cores */
  int max_connections;      /* --max-connections N     KINERJA_MAX_CONNECTIONS 4096 */
  int timeout;              /* --timeout SECONDS       KINERJA_TIMEOUT  30 (idle connection) */
  size_t header_limit;      /* --max-header-bytes N    KINERJA_MAX_HEADER_BYTES 32768 */
  int session_idle;         /* --session-idle SECONDS  KINERJA_SESSION_IDLE 1800 */
  int session_max;          /* --session-max SECONDS   KINERJA_SESSION_MAX 43200 */
  char tls_cert[1024];      /* --tls-cert FILE         KINERJA_TLS_CERT (PEM; enables HTTPS) */
  char tls_key[1024];       /* --tls-key FILE          KINERJA_TLS_KEY */
  int cookie_secure;        /* --cookie-secure 0|1     KINERJA_COOKIE_SECURE (auto: 1 with TLS) */
  int shutdown_grace;       /* --shutdown-grace SECONDS KINERJA_SHUTDOWN_GRACE 20 */
  /* request rate limits (http/laju.h): "RATE[,BURST]" requests per second; 0 = off */
  struct laju_aturan laju_ip;       /* --rate-limit       KINERJA_RATE_LIMIT       500,5000 per client address */
  struct laju_aturan laju_pengguna; /* --rate-limit-user  KINERJA_RATE_LIMIT_USER  50,500 per signed-in user */
  struct laju_aturan laju_masuk;    /* --rate-limit-login KINERJA_RATE_LIMIT_LOGIN 5,100 sign-in/password per address */
  char trusted_proxy[1024];         /* --trusted-proxy CIDR[,CIDR] KINERJA_TRUSTED_PROXY (X-Forwarded-For believed) */
  struct laju_proksi proksi;        /* trusted_proxy, parsed */
  int per_ip_connections;   /* --max-connections-per-ip N KINERJA_MAX_CONNECTIONS_PER_IP 2048 (0 = no limit) */
  /* optional email (issue 5): on only when smtp_url is set; the password comes from
   * KINERJA_SMTP_PASSWORD or smtp_password_file, never from a flag (surel_pengirim.h) */
  char smtp_url[1024];      /* --smtp-url URL          KINERJA_SMTP_URL (smtp:// or smtps://) */
  char smtp_from[256];      /* --smtp-from FROM        KINERJA_SMTP_FROM "kinerja <noreply@localhost>" */
  char smtp_user[256];      /* --smtp-user USER        KINERJA_SMTP_USER */
  char smtp_password_file[1024]; /* --smtp-password-file FILE KINERJA_SMTP_PASSWORD_FILE */
  int sewa_kerja;           /* --job-lease SECONDS KINERJA_JOB_LEASE 600: lease of a background job claim */
  int smtp_interval;        /* --smtp-interval SECONDS KINERJA_SMTP_INTERVAL 10 */
  char public_url[1024];    /* --public-url URL        KINERJA_PUBLIC_URL (base of links in emails) */
  /* SIASN (issue 10): the 0600 file with client_secret/user_token; else KINERJA_SIASN_CLIENT_SECRET etc. */
  char siasn_secret_file[1024]; /* --siasn-secret-file FILE KINERJA_SIASN_SECRET_FILE */
  /* PostgreSQL month partitions (issue 12 part 3, src/partisi.h) */
  char bukti_simpan[8];      /* --bukti-store dir|db       KINERJA_BUKTI_STORE dir: where evidence objects live (bukti.h) */
  int partisi_maju;         /* --partition-ahead MONTHS   KINERJA_PARTISI_MAJU 3: partitions kept ahead of the current month */
  int partisi_jeda;         /* --partition-interval SECONDS KINERJA_PARTISI_JEDA 3600: pass of the partition thread */
  int akses_jendela;        /* --access-window SECONDS KINERJA_AKSES_JENDELA 3600: repeated reads of one thing by one reader within it are logged once (issue 14) */
};

typedef const char *(*config_getenv_fn)(const char *name);

/* Fills *c from defaults, then environment (through getenv_fn, may be NULL), then argv
 * (flags of `kinerja serve`; argv[0] is the first flag).  Unknown flags are errors.
 * Returns 0, or -1 with an Indonesian/English message in err. */
int config_load(struct config *c, int argc, char **argv, config_getenv_fn getenv_fn,
                char *err, size_t errlen);
/* Prints the configuration table (flags, variables, defaults). */
void config_usage(void);
#endif
