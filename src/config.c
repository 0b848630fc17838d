/* config.c: parsing of `kinerja serve` flags and KINERJA_* variables (see config.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "util/util.h"

enum kind { K_STR, K_INT, K_LISTEN, K_LOG, K_SIZE, K_RATE };

struct opt {
  const char *flag, *env, *help;
  enum kind kind;
  size_t off, size;
  long min, max;
};

#define S(field) offsetof(struct config, field), sizeof(((struct config *)0)->field)
static const struct opt opts[] = {
  {"--listen", "KINERJA_LISTEN", "alamat HOST:PORT", K_LISTEN, 0, 0, 0, 0},
  {"--db", "KINERJA_DB", "berkas SQLite, URI postgres:// atau string koneksi libpq (host=... dbname=...)", K_STR, S(db), 0, 0},
  {"--db-replica", "KINERJA_DB_REPLICA", "URI postgres:// replika baca (streaming); dasbor dibaca di sana", K_STR, S(db_replica), 0, 0},
  {"--replica-max-lag", "KINERJA_REPLICA_MAX_LAG", "batas ketertinggalan replika (detik); lebih dari itu dasbor dibaca dari primer", K_INT, S(replica_max_lag), 0, 3600},
  {"--data-dir", "KINERJA_DATA_DIR", "direktori data (unggahan, cadangan)", K_STR, S(data_dir), 0, 0},
  {"--web-dir", "KINERJA_WEB_DIR", "direktori berkas web statis", K_STR, S(web_dir), 0, 0},
  {"--log-level", "KINERJA_LOG_LEVEL", "error|warn|info|debug", K_LOG, 0, 0, 0, 0},
  {"--threads", "KINERJA_THREADS", "jumlah thread pekerja", K_INT, S(threads), 1, 256},
  {"--max-connections", "KINERJA_MAX_CONNECTIONS", "batas koneksi", K_INT, S(max_connections), 1, 1000000},
  {"--timeout", "KINERJA_TIMEOUT", "batas waktu koneksi diam (detik)", K_INT, S(timeout), 1, 3600},
  {"--max-header-bytes", "KINERJA_MAX_HEADER_BYTES", "batas ukuran header", K_SIZE, S(header_limit), 4096, 1048576},
  {"--session-idle", "KINERJA_SESSION_IDLE", "sesi berakhir bila diam (detik)", K_INT, S(session_idle), 60, 86400 * 7},
  {"--session-max", "KINERJA_SESSION_MAX", "umur maksimum sesi (detik)", K_INT, S(session_max), 300, 86400 * 30},
  {"--tls-cert", "KINERJA_TLS_CERT", "sertifikat TLS (PEM)", K_STR, S(tls_cert), 0, 0},
  {"--tls-key", "KINERJA_TLS_KEY", "kunci privat TLS (PEM)", K_STR, S(tls_key), 0, 0},
  {"--cookie-secure", "KINERJA_COOKIE_SECURE", "cookie Secure (0/1; otomatis 1 dengan TLS)", K_INT, S(cookie_secure), 0, 1},
  {"--rate-limit", "KINERJA_RATE_LIMIT", "batas permintaan per alamat klien: LAJU[,LEDAKAN] per detik (0 = mati)", K_RATE, S(laju_ip), 0, 0},
  {"--rate-limit-user", "KINERJA_RATE_LIMIT_USER", "batas permintaan per pengguna: LAJU[,LEDAKAN] per detik (0 = mati)", K_RATE, S(laju_pengguna), 0, 0},
  {"--rate-limit-login", "KINERJA_RATE_LIMIT_LOGIN", "batas percobaan masuk/kata sandi per alamat: LAJU[,LEDAKAN] per detik", K_RATE, S(laju_masuk), 0, 0},
  {"--trusted-proxy", "KINERJA_TRUSTED_PROXY", "proksi tepercaya (CIDR, dipisah koma): X-Forwarded-For hanya dipercaya darinya", K_STR, S(trusted_proxy), 0, 0},
  {"--max-connections-per-ip", "KINERJA_MAX_CONNECTIONS_PER_IP", "batas koneksi per alamat IP (0 = tanpa batas)", K_INT, S(per_ip_connections), 0, 1000000},
  {"--shutdown-grace", "KINERJA_SHUTDOWN_GRACE", "waktu tunggu permintaan berjalan saat berhenti", K_INT, S(shutdown_grace), 0, 600},
  {"--smtp-url", "KINERJA_SMTP_URL", "server SMTP (smtp:// atau smtps://); surel aktif bila diisi", K_STR, S(smtp_url), 0, 0},
  {"--smtp-from", "KINERJA_SMTP_FROM", "pengirim surel (From)", K_STR, S(smtp_from), 0, 0},
  {"--smtp-user", "KINERJA_SMTP_USER", "pengguna login SMTP", K_STR, S(smtp_user), 0, 0},
  {"--smtp-password-file", "KINERJA_SMTP_PASSWORD_FILE", "berkas kata sandi SMTP (atau KINERJA_SMTP_PASSWORD)", K_STR, S(smtp_password_file), 0, 0},
  {"--smtp-interval", "KINERJA_SMTP_INTERVAL", "jeda antar putaran pengiriman surel (detik)", K_INT, S(smtp_interval), 1, 3600},
  {"--public-url", "KINERJA_PUBLIC_URL", "alamat publik aplikasi untuk tautan di surel", K_STR, S(public_url), 0, 0},
  {"--siasn-secret-file", "KINERJA_SIASN_SECRET_FILE", "berkas rahasia SIASN (mode 0600; client_secret, user_token)", K_STR, S(siasn_secret_file), 0, 0},
  {"--job-lease", "KINERJA_JOB_LEASE", "sewa klaim pekerjaan latar (ekspor laporan) dalam detik; lewat itu diambil simpul lain", K_INT, S(sewa_kerja), 1, 86400},
  {"--bukti-store", "KINERJA_BUKTI_STORE", "penyimpanan berkas bukti dukung: dir (DATA_DIR/bukti, boleh penyimpanan bersama) atau db (di basis data)", K_STR, S(bukti_simpan), 0, 0},
  {"--partition-ahead", "KINERJA_PARTISI_MAJU", "PostgreSQL: partisi bulanan yang disiapkan di depan bulan berjalan", K_INT, S(partisi_maju), 0, 120},
  {"--partition-interval", "KINERJA_PARTISI_JEDA", "PostgreSQL: jeda pemeliharaan partisi bulanan (detik)", K_INT, S(partisi_jeda), 1, 86400},
  {"--access-window", "KINERJA_AKSES_JENDELA", "jendela penggabungan catatan akses baca (detik)", K_INT, S(akses_jendela), 1, 86400 * 7},
};
#undef S

static int set(struct config *c, const struct opt *o, const char *v, const char *src, char *err,
               size_t errlen)
{
  char *base = (char *)c;
  int64_t n;
  switch (o->kind) {
  case K_STR:
    if (!*v || str_copy(base + o->off, o->size, v) != 0) {
      snprintf(err, errlen, "%s: nilai kosong atau terlalu panjang", src);
      return -1;
    }
    return 0;
  case K_INT:
  case K_SIZE:
    if (parse_int64(v, o->min, o->max, &n) != 0) {
      snprintf(err, errlen, "%s: harus bilangan bulat %ld..%ld", src, o->min, o->max);
      return -1;
    }
    if (o->kind == K_INT) *(int *)(base + o->off) = (int)n;
    else *(size_t *)(base + o->off) = (size_t)n;
    return 0;
  case K_RATE: {
    /* "RATE" or "RATE,BURST"; the burst defaults to ten seconds' worth */
    struct laju_aturan *r = (struct laju_aturan *)(void *)(base + o->off);
    char *end;
    double rate = strtod(v, &end), burst = 0;
    if (end != v && *end == ',') {
      const char *b = end + 1;
      burst = strtod(b, &end);
      if (end == b) rate = -1;
    }
    if (end == v || *end || !isfinite(rate) || !isfinite(burst) || rate < 0 || rate > 1e6 ||
        burst < 0 || burst > 1e7) {
      snprintf(err, errlen, "%s: harus LAJU atau LAJU,LEDAKAN (permintaan per detik, 0 = mati), misalnya 50,500", src);
      return -1;
    }
    r->per_detik = rate;
    r->ledakan = burst > 0 ? burst : (rate * 10 >= 1 ? rate * 10 : 1);
    return 0;
  }
  case K_LOG:
    if (log_parse_level(v, &c->log_level) != 0) {
      snprintf(err, errlen, "%s: harus error, warn, info atau debug", src);
      return -1;
    }
    return 0;
  case K_LISTEN: {
    const char *colon = strrchr(v, ':');
    if (!colon || colon == v || (size_t)(colon - v) >= sizeof c->host ||
        parse_int64(colon + 1, 0, 65535, &n) != 0) {
      snprintf(err, errlen, "%s: harus HOST:PORT, misalnya 127.0.0.1:8080", src);
      return -1;
    }
    memcpy(c->host, v, (size_t)(colon - v));
    c->host[colon - v] = 0;
    c->port = (int)n;
    return 0;
  }
  }
  return -1;
}

int config_load(struct config *c, int argc, char **argv, config_getenv_fn getenv_fn,
                char *err, size_t errlen)
{
  memset(c, 0, sizeof *c);
  str_copy(c->host, sizeof c->host, "127.0.0.1");
  c->port = 8080;
  str_copy(c->db, sizeof c->db, "data/kinerja.db");
  str_copy(c->data_dir, sizeof c->data_dir, "data");
  str_copy(c->web_dir, sizeof c->web_dir, "web");
  c->log_level = LOG_INFO;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  c->threads = cores > 0 ? (int)cores : 2;
  c->max_connections = 4096;
  c->timeout = 30;
  c->header_limit = 32768;
  c->session_idle = 1800;
  c->session_max = 43200;
  c->cookie_secure = -1;
  c->shutdown_grace = 20;
  c->sewa_kerja = 600;
  c->laju_ip = (struct laju_aturan){500, 5000};
  c->laju_pengguna = (struct laju_aturan){50, 500};
  c->laju_masuk = (struct laju_aturan){5, 100};
  c->per_ip_connections = 2048;
  str_copy(c->smtp_from, sizeof c->smtp_from, "kinerja <noreply@localhost>");
  c->smtp_interval = 10;
  c->akses_jendela = 3600;
  c->replica_max_lag = 5;
  c->partisi_maju = 3;
  str_copy(c->bukti_simpan, sizeof c->bukti_simpan, "dir");
  c->partisi_jeda = 3600;
  const size_t nopt = sizeof opts / sizeof opts[0];
  if (getenv_fn) {
    for (size_t i = 0; i < nopt; i++) {
      const char *v = getenv_fn(opts[i].env);
      if (v && set(c, &opts[i], v, opts[i].env, err, errlen) != 0) return -1;
    }
  }
  for (int a = 0; a < argc; a++) {
    const char *arg = argv[a], *val = NULL;
    const struct opt *o = NULL;
    const char *eq = strchr(arg, '=');
    size_t flen = eq ? (size_t)(eq - arg) : strlen(arg);
    for (size_t i = 0; i < nopt; i++)
      if (strlen(opts[i].flag) == flen && strncmp(arg, opts[i].flag, flen) == 0) o = &opts[i];
    if (!o) {
      snprintf(err, errlen, "opsi tidak dikenal: %s", arg);
      return -1;
    }
    if (eq) val = eq + 1;
    else if (a + 1 < argc) val = argv[++a];
    else {
      snprintf(err, errlen, "opsi %s memerlukan nilai", o->flag);
      return -1;
    }
    if (set(c, o, val, o->flag, err, errlen) != 0) return -1;
  }
  if ((c->tls_cert[0] != 0) != (c->tls_key[0] != 0)) {
    snprintf(err, errlen, "--tls-cert dan --tls-key harus diberikan bersama");
    return -1;
  }
  if (c->smtp_url[0] && strncmp(c->smtp_url, "smtp://", 7) != 0 && strncmp(c->smtp_url, "smtps://", 8) != 0) {
    snprintf(err, errlen, "--smtp-url harus diawali smtp:// atau smtps://");
    return -1;
  }
  if (c->public_url[0] && strncmp(c->public_url, "http://", 7) != 0 && strncmp(c->public_url, "https://", 8) != 0) {
    snprintf(err, errlen, "--public-url harus diawali http:// atau https://");
    return -1;
  }
  if (c->db_replica[0] && !db_url_is_pg(c->db_replica)) {
    snprintf(err, errlen, "--db-replica harus URI postgres:// atau string koneksi libpq host=... dbname=... (replika baca PostgreSQL)");
    return -1;
  }
  if (c->db_replica[0] && !db_url_is_pg(c->db)) {
    snprintf(err, errlen, "--db-replica hanya berlaku bila --db juga PostgreSQL");
    return -1;
  }
  if (strcmp(c->bukti_simpan, "dir") != 0 && strcmp(c->bukti_simpan, "db") != 0) {
    snprintf(err, errlen, "--bukti-store harus dir atau db");
    return -1;
  }
  if (laju_proksi_parse(c->trusted_proxy, &c->proksi, err, errlen) != 0) return -1;
  if (c->cookie_secure < 0) c->cookie_secure = c->tls_cert[0] ? 1 : 0;
  return 0;
}

void config_usage(void)
{
  printf("Opsi `kinerja serve` (opsi > variabel lingkungan > bawaan):\n");
  for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
    printf("  %-20s %-26s %s\n", opts[i].flag, opts[i].env, opts[i].help);
}
