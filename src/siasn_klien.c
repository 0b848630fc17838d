/* siasn_klien.c: SIASN's HTTP client with OAuth2, retries and the sync log (see siasn_klien.h). */
#include "siasn_klien.h"

#include <curl/curl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "siasn_json.h"
#include "util/buf.h"
#include "util/util.h"

#define JAWABAN_MAX (16u * 1024u * 1024u)   /* a whole referensi unor fits */
#define RETRY_AFTER_MAX 10                  /* seconds we are willing to wait on Retry-After */

static pthread_once_t sekali = PTHREAD_ONCE_INIT;
static void mulai_curl(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

static int env_int(const char *nama, int def, int min, int max)
{
  const char *v = getenv(nama);
  int64_t x;
  return v && parse_int64(v, min, max, &x) == 0 ? (int)x : def;
}

static const char *lingkungan(const char *nama) { return getenv(nama); }

int siasn_sesi_buka(struct siasn_sesi *s, struct db *db, int64_t inst, const char *berkas, char *err, size_t n)
{
  memset(s, 0, sizeof *s);
  s->db = db;
  s->jeda_ms = env_int("KINERJA_SIASN_JEDA_MS", 500, 0, 60000);
  s->percobaan_maks = env_int("KINERJA_SIASN_PERCOBAAN", 4, 1, 10);
  s->batas_waktu = env_int("KINERJA_SIASN_BATAS_WAKTU", 30, 1, 600);
  int rc = siasn_konfig_muat(db, inst, &s->k);
  if (rc < 0) return -1;
  if (rc == 1) {
    snprintf(err, n, "SIASN belum dikonfigurasi untuk instansi ini: superadmin mengisi base_url, token_url dan client_id (PUT /api/v1/siasn/konfig)");
    return 1;
  }
  if (siasn_rahasia_muat(&s->r, berkas, s->k.kode, lingkungan, err, n) != 0) return 1;
  pthread_once(&sekali, mulai_curl);
  if (!(s->curl = curl_easy_init())) { snprintf(err, n, "libcurl tidak dapat dimulai"); return 1; }
  return 0;
}

void siasn_sesi_tutup(struct siasn_sesi *s)
{
  if (s->curl) curl_easy_cleanup(s->curl);
  s->curl = NULL;
  siasn_rahasia_hapus(&s->r);
  sodium_memzero(s->akses, sizeof s->akses);
}

void siasn_jawaban_lepas(struct siasn_jawaban *j)
{
  json_decref(j->dok);
  j->dok = j->isi = NULL;
}

static size_t tulis_cb(char *p, size_t size, size_t nmemb, void *ud)
{
  struct buf *b = ud;
  size_t n = size * nmemb;
  return buf_append(b, p, n) == 0 ? n : 0;   /* 0 aborts: too big */
}

/* the path part of a URL, for the log (never the host's credentials or query secrets) */
static const char *jalur_url(const char *url)
{
  const char *p = strstr(url, "://");
  p = p ? strchr(p + 3, '/') : NULL;
  return p ? p : "/";
}

static bool sementara_curl(CURLcode c)
{
  return c == CURLE_OPERATION_TIMEDOUT || c == CURLE_COULDNT_CONNECT || c == CURLE_RECV_ERROR ||
         c == CURLE_SEND_ERROR || c == CURLE_GOT_NOTHING || c == CURLE_PARTIAL_FILE || c == CURLE_COULDNT_RESOLVE_HOST;
}

static void tidur_ms(long ms)
{
  struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&t, &t) != 0) { }
}

/* Printable first bytes of a non-JSON answer, for the message. */
static void cuplik(const struct buf *b, char *out, size_t n)
{
  size_t k = 0;
  for (size_t i = 0; b->data && i < b->len && k + 1 < n && k < 160; i++) {
    unsigned char c = (unsigned char)b->data[i];
    out[k++] = c >= 0x20 && c < 0x7f ? (char)c : ' ';
  }
  out[k] = 0;
}

struct mentah {
  CURLcode cc;
  long http, retry_after;
  char curl_err[CURL_ERROR_SIZE];
  struct buf jawab;
};

/* One attempt.  body NULL = GET. */
static void satu(struct siasn_sesi *s, const char *url, struct curl_slist *hdr, const char *body, size_t blen, struct mentah *m)
{
  CURL *c = s->curl;
  buf_reset(&m->jawab);
  m->curl_err[0] = 0;
  m->http = 0;
  m->retry_after = 0;
  curl_easy_reset(c);
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, s->batas_waktu < 10 ? s->batas_waktu : 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, s->batas_waktu);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, m->curl_err);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "kinerja-siasn/1");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, tulis_cb);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &m->jawab);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  if (body) {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)blen);
  }
  m->cc = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &m->http);
  curl_off_t ra = 0;
  if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK) m->retry_after = (long)ra;
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, NULL);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, NULL);
}

/* Attempts until an answer that is not transient or the attempts run out. */
static void dengan_ulang(struct siasn_sesi *s, const char *url, struct curl_slist *hdr, const char *body, size_t blen,
                         struct mentah *m, int *percobaan)
{
  long jeda = s->jeda_ms;
  for (*percobaan = 1;; (*percobaan)++) {
    satu(s, url, hdr, body, blen, m);
    bool ulang = m->cc != CURLE_OK ? sementara_curl(m->cc) : (m->http >= 500 || m->http == 429);
    if (!ulang || *percobaan >= s->percobaan_maks) return;
    long tunggu = jeda + (long)randombytes_uniform((uint32_t)(jeda / 4 + 1));   /* jitter */
    if (m->retry_after > 0 && m->retry_after <= RETRY_AFTER_MAX && m->retry_after * 1000 > tunggu) tunggu = m->retry_after * 1000;
    tidur_ms(tunggu);
    jeda *= 2;
  }
}

int siasn_log_tulis(struct db *db, int64_t inst, const char *arah, const char *metode, const char *jalur,
                    const char *ringkasan, long http, int percobaan, const char *hasil, const char *pesan,
                    const char *saran, int64_t tarikan_id, int64_t penilaian_id)
{
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO siasn_log (instansi_id, waktu, arah, metode, jalur, ringkasan, http_status, percobaan, hasil,"
    "                       pesan, saran, tarikan_id, penilaian_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, now_unix());
  db_bind_text(st, 3, arah);
  db_bind_text(st, 4, metode);
  db_bind_text(st, 5, jalur);
  db_bind_text(st, 6, ringkasan);
  if (http > 0) db_bind_int64(st, 7, http); else db_bind_null(st, 7);
  db_bind_int64(st, 8, percobaan);
  db_bind_text(st, 9, hasil);
  db_bind_text(st, 10, pesan && *pesan ? pesan : NULL);
  db_bind_text(st, 11, saran && *saran ? saran : NULL);
  db_bind_id(st, 12, tarikan_id);
  db_bind_id(st, 13, penilaian_id);
  int r = db_step(st);
  db_done(st);
  return r == DB_DONE ? 0 : -1;
}

/* Turns the raw outcome into a result, SIASN's message and advice. */
static enum siasn_hasil nilai(struct siasn_sesi *s, const struct siasn_permintaan *p, struct mentah *m,
                              struct siasn_jawaban *j)
{
  j->http = m->http;
  if (m->cc != CURLE_OK) {
    if (m->cc == CURLE_WRITE_ERROR) {
      snprintf(j->pesan, sizeof j->pesan, "jawaban SIASN lebih dari %u MiB", JAWABAN_MAX >> 20);
      snprintf(j->saran, sizeof j->saran, "Persempit permintaan (misalnya --nip) atau laporkan ke BKN; data kita tidak berubah.");
      return SIASN_RUSAK;
    }
    snprintf(j->pesan, sizeof j->pesan, "%s (%s)",
             m->cc == CURLE_OPERATION_TIMEDOUT ? "SIASN tidak menjawab dalam batas waktu"
             : m->cc == CURLE_COULDNT_CONNECT || m->cc == CURLE_COULDNT_RESOLVE_HOST ? "SIASN tidak dapat dihubungi"
             : "pertukaran dengan SIASN gagal", m->curl_err[0] ? m->curl_err : curl_easy_strerror(m->cc));
    if (sementara_curl(m->cc))
      snprintf(j->saran, sizeof j->saran, "Sudah dicoba %d kali. Periksa jaringan ke SIASN lalu ulangi nanti; data kita tidak berubah.", j->percobaan);
    else
      snprintf(j->saran, sizeof j->saran, "Periksa base_url dan sertifikat TLS SIASN di konfigurasi, lalu ulangi.");
    return sementara_curl(m->cc) ? SIASN_SEMENTARA : SIASN_KONFIG;
  }
  json_error_t je;
  j->dok = m->jawab.len ? json_loadb(m->jawab.data, m->jawab.len, JSON_DECODE_ANY, &je) : NULL;
  bool gagal = false;
  char msg[400] = "";
  j->isi = j->dok ? siasn_json_isi(j->dok, &gagal, msg, sizeof msg) : NULL;
  if (!msg[0] && !j->dok && m->jawab.len && (m->http < 200 || m->http >= 300)) cuplik(&m->jawab, msg, sizeof msg);
  if (msg[0]) snprintf(j->pesan, sizeof j->pesan, "%s", msg);
  if (m->http >= 500 || m->http == 429) {
    if (!j->pesan[0]) snprintf(j->pesan, sizeof j->pesan, "SIASN menjawab HTTP %ld", m->http);
    snprintf(j->saran, sizeof j->saran, "SIASN sedang bermasalah (HTTP %ld; sudah dicoba %d kali). Ulangi nanti; data kita tidak berubah.",
             m->http, j->percobaan);
    return SIASN_SEMENTARA;
  }
  bool tidak_ada = m->http == 404 ||
                   (gagal && (strstr(msg, "tidak ditemukan") || strstr(msg, "not found") || strstr(msg, "Not Found")));
  if (tidak_ada) {
    if (!j->pesan[0]) snprintf(j->pesan, sizeof j->pesan, "tidak ditemukan di SIASN");
    snprintf(j->saran, sizeof j->saran, "%s", p->saran_404 ? p->saran_404
             : "Data tidak dikenal SIASN: periksa NIP/id di data kita atau tanyakan ke BKN/BKD.");
    return SIASN_TIDAK_ADA;
  }
  if (m->http == 401 || m->http == 403) {
    if (!j->pesan[0]) snprintf(j->pesan, sizeof j->pesan, "SIASN menolak kredensial (HTTP %ld)", m->http);
    snprintf(j->saran, sizeof j->saran, "Periksa client_id di konfigurasi serta client_secret dan user_token di berkas rahasia; "
             "token pengguna SSO mungkin kedaluwarsa. Lalu ulangi.");
    return SIASN_KONFIG;
  }
  if (m->http >= 400 || m->http < 200 || gagal) {
    if (!j->pesan[0]) snprintf(j->pesan, sizeof j->pesan, "SIASN menolak permintaan (HTTP %ld)", m->http);
    snprintf(j->saran, sizeof j->saran, "SIASN menolak datanya: baca pesan SIASN, perbaiki data yang disebut, lalu kirim ulang. Tidak dicoba ulang otomatis.");
    return SIASN_DITOLAK;
  }
  if (!j->dok) {
    snprintf(j->pesan, sizeof j->pesan, m->jawab.len ? "jawaban SIASN bukan JSON yang sah (%s)" : "jawaban SIASN kosong%s",
             m->jawab.len ? je.text : "");
    snprintf(j->saran, sizeof j->saran, "Tidak ada yang diterapkan. Ulangi nanti; bila berulang, laporkan ke BKN beserta waktu kejadian.");
    return SIASN_RUSAK;
  }
  return SIASN_OK;
}

static const char *hasil_kata(enum siasn_hasil h) { return h == SIASN_OK ? "ok" : "gagal"; }

/* Fetches the OAuth2 token (client credentials).  0 ok, else a failure result with j filled. */
static enum siasn_hasil token(struct siasn_sesi *s, struct siasn_jawaban *j)
{
  struct buf form;
  struct mentah m;
  memset(&m, 0, sizeof m);
  buf_init(&form, 16384);
  buf_init(&m.jawab, 65536);
  struct curl_slist *hdr = NULL;
  enum siasn_hasil h = SIASN_KONFIG;
  char *id = curl_easy_escape(s->curl, s->k.client_id, 0), *sec = curl_easy_escape(s->curl, s->r.client_secret, 0);
  if (!id || !sec || buf_printf(&form, "grant_type=client_credentials&client_id=%s&client_secret=%s", id, sec) != 0) {
    snprintf(j->pesan, sizeof j->pesan, "memori habis");
    goto fail;
  }
  struct curl_slist *t = curl_slist_append(NULL, "Content-Type: application/x-www-form-urlencoded");
  if (!t || !(hdr = curl_slist_append(t, "Accept: application/json"))) { curl_slist_free_all(t); goto fail; }
  struct siasn_permintaan p = {.arah = "token", .metode = "POST", .jalur = jalur_url(s->k.token_url)};
  dengan_ulang(s, s->k.token_url, hdr, form.data, form.len, &m, &j->percobaan);
  h = nilai(s, &p, &m, j);
  if (h == SIASN_OK) {
    static const char *const k_tok[] = {"access_token", "accessToken", "token", NULL};
    /* the token is at the top level in OAuth2, inside "data" at some gateways */
    if (siasn_json_teks(j->dok, k_tok, s->akses, sizeof s->akses) != 0 &&
        siasn_json_teks(j->isi, k_tok, s->akses, sizeof s->akses) != 0) {
      snprintf(j->pesan, sizeof j->pesan, "jawaban token OAuth2 tanpa access_token");
      h = SIASN_RUSAK;
    }
  }
  if (h == SIASN_TIDAK_ADA || h == SIASN_DITOLAK) {
    h = SIASN_KONFIG;
    snprintf(j->saran, sizeof j->saran, "Token OAuth2 SIASN ditolak: periksa token_url dan client_id di konfigurasi serta client_secret di berkas rahasia.");
  }
  if (h == SIASN_RUSAK && !j->saran[0]) snprintf(j->saran, sizeof j->saran, "Periksa token_url di konfigurasi SIASN.");
  siasn_log_tulis(s->db, s->k.instansi_id, "token", "POST", p.jalur, "token OAuth2 (client credentials)", j->http, j->percobaan,
                  hasil_kata(h), j->pesan, h == SIASN_OK ? NULL : j->saran, s->tarikan_id, 0);
  siasn_jawaban_lepas(j);
fail:
  curl_slist_free_all(hdr);
  if (form.data) sodium_memzero(form.data, form.len);
  buf_free(&form);
  buf_free(&m.jawab);
  curl_free(id);
  if (sec) { sodium_memzero(sec, strlen(sec)); curl_free(sec); }
  return h;
}

enum siasn_hasil siasn_minta(struct siasn_sesi *s, const struct siasn_permintaan *p, struct siasn_jawaban *j)
{
  memset(j, 0, sizeof *j);
  enum siasn_hasil h;
  if (!s->akses[0]) {
    struct siasn_jawaban tj;
    memset(&tj, 0, sizeof tj);
    h = token(s, &tj);
    if (h != SIASN_OK) {
      snprintf(j->pesan, sizeof j->pesan, "token OAuth2 tidak didapat: %.400s", tj.pesan);
      snprintf(j->saran, sizeof j->saran, "%s", tj.saran);
      j->http = tj.http;
      return h == SIASN_SEMENTARA ? SIASN_SEMENTARA : SIASN_KONFIG;
    }
  }
  struct mentah m;
  memset(&m, 0, sizeof m);
  buf_init(&m.jawab, JAWABAN_MAX);
  struct buf url, v;
  buf_init(&url, 2048);
  buf_init(&v, 16384);
  char *body = NULL;
  struct curl_slist *hdr = NULL, *t;
  h = SIASN_KONFIG;
  if (buf_printf(&url, "%s%s", s->k.base_url, p->jalur) != 0) { snprintf(j->pesan, sizeof j->pesan, "jalur terlalu panjang"); goto log; }
  if (p->isi && !(body = json_dumps(p->isi, JSON_COMPACT))) { snprintf(j->pesan, sizeof j->pesan, "memori habis"); goto log; }
  for (int ulang_token = 0;; ulang_token++) {
    curl_slist_free_all(hdr);
    hdr = NULL;
    buf_reset(&v);
    const char *tetap[] = {"Accept: application/json", body ? "Content-Type: application/json" : "Expect:"};
    for (size_t i = 0; i < 2; i++) { if (!(t = curl_slist_append(hdr, tetap[i]))) goto habis; hdr = t; }
    if (buf_printf(&v, "Authorization: Bearer %s", s->akses) != 0 || !(t = curl_slist_append(hdr, v.data))) goto habis;
    hdr = t;
    buf_reset(&v);
    if (buf_printf(&v, "%s: %s%s%s", s->k.header_pengguna, s->k.skema_pengguna, s->k.skema_pengguna[0] ? " " : "", s->r.user_token) != 0 ||
        !(t = curl_slist_append(hdr, v.data))) goto habis;
    hdr = t;
    sodium_memzero(v.data, v.len);
    int n = 0;
    dengan_ulang(s, url.data, hdr, body, body ? strlen(body) : 0, &m, &n);
    j->percobaan += n;
    /* an expired OAuth token: fetch a new one once */
    if (m.cc == CURLE_OK && m.http == 401 && ulang_token == 0) {
      s->akses[0] = 0;
      struct siasn_jawaban tj;
      memset(&tj, 0, sizeof tj);
      if (token(s, &tj) == SIASN_OK) continue;
    }
    break;
  }
  h = nilai(s, p, &m, j);
  goto log;
habis:
  snprintf(j->pesan, sizeof j->pesan, "memori habis");
log:
  siasn_log_tulis(s->db, s->k.instansi_id, p->arah, p->metode, p->jalur, p->ringkasan, j->http, j->percobaan, hasil_kata(h),
                  j->pesan, h == SIASN_OK ? NULL : j->saran, s->tarikan_id, s->penilaian_id);
  if (v.data) sodium_memzero(v.data, v.len);
  curl_slist_free_all(hdr);   /* the header strings held the tokens; libcurl copies are freed with it */
  free(body);
  buf_free(&url);
  buf_free(&v);
  buf_free(&m.jawab);
  if (h != SIASN_OK) { json_decref(j->dok); j->dok = NULL; j->isi = NULL; }
  return h;
}

json_t *siasn_log_json(struct db *db, int64_t inst, int64_t sebelum, int limit, int64_t tarikan_id)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT id, waktu, arah, metode, jalur, ringkasan, http_status, percobaan, hasil, pesan, saran, tarikan_id, penilaian_id"
    "  FROM siasn_log"
    " WHERE instansi_id = ?1 AND (?2 = 0 OR id < ?2) AND (?3 = 0 OR tarikan_id = ?3)"
    " ORDER BY id DESC LIMIT ?4");
  if (!st) return NULL;
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, sebelum);
  db_bind_int64(st, 3, tarikan_id);
  db_bind_int64(st, 4, limit + 1);
  json_t *items = json_array();
  int s, n = 0;
  int64_t last = 0;
  bool lagi = false;
  while ((s = db_step(st)) == DB_ROW) {
    if (n == limit) { lagi = true; break; }
    json_t *o = json_pack("{s:I,s:I,s:s,s:s,s:s,s:I,s:s}", "id", (json_int_t)db_col_int64(st, 0), "waktu",
                          (json_int_t)db_col_int64(st, 1), "arah", db_col_text(st, 2), "metode", db_col_text(st, 3),
                          "jalur", db_col_text(st, 4), "percobaan", (json_int_t)db_col_int64(st, 7), "hasil", db_col_text(st, 8));
    static const int teks_kol[] = {5, 9, 10};
    static const char *const teks_nama[] = {"ringkasan", "pesan", "saran"};
    for (int i = 0; i < 3; i++)
      json_object_set_new(o, teks_nama[i], db_col_is_null(st, teks_kol[i]) ? json_null() : json_string(db_col_text(st, teks_kol[i])));
    static const int id_kol[] = {6, 11, 12};
    static const char *const id_nama[] = {"http_status", "tarikan_id", "penilaian_id"};
    for (int i = 0; i < 3; i++)
      json_object_set_new(o, id_nama[i], db_col_is_null(st, id_kol[i]) ? json_null() : json_integer(db_col_int64(st, id_kol[i])));
    json_array_append_new(items, o);
    last = db_col_int64(st, 0);
    n++;
  }
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) { json_decref(items); return NULL; }
  return json_pack("{s:o,s:o,s:i}", "items", items, "next_cursor", lagi ? json_integer(last) : json_null(), "limit", limit);
}
