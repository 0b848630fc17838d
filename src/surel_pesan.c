/* surel_pesan.c: one notification as an Internet message (see surel_pesan.h).  Everything
 * that reaches a header is checked here: addresses must be plain dot-atom@domain, text must
 * be valid UTF-8 without control characters, so a CR/LF can never start a header of its own
 * (header injection).  Non-ASCII text goes out as RFC 2047 encoded-words; the body is UTF-8
 * ("8bit") with CRLF line endings.  SMTP dot-stuffing is the transport's job (libcurl). */
#include "surel_pesan.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/util.h"

#define BARIS_MAKS 990       /* body lines are folded before RFC 5322's 998 octets */
#define KATA_MAKS_BYTE 39    /* 39 bytes -> 52 base64 chars: a 64-char word, so "Subject: " + word
                              * stays within RFC 2047's 76 characters per line */
#define POLOS_MAKS 900       /* a longer plain header value is encoded (and so folded) */

static bool ascii_alnum(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool surel_alamat_valid(const char *a)
{
  if (!a) return false;
  size_t len = strlen(a);
  if (len < 3 || len > SUREL_ALAMAT_MAKS) return false;
  const char *at = strchr(a, '@');
  if (!at || strchr(at + 1, '@')) return false;
  size_t ll = (size_t)(at - a);
  if (ll < 1 || ll > 64) return false;
  for (size_t i = 0; i < ll; i++) {
    unsigned char c = (unsigned char)a[i];
    if (c == '.') {
      if (i == 0 || i == ll - 1 || a[i - 1] == '.') return false;
    } else if (!ascii_alnum(c) && !strchr("!#$%&'*+/=?^_`{|}~-", c)) {
      return false;
    }
  }
  const char *d = at + 1;
  if (!*d) return false;
  size_t lab = 0;
  for (const char *p = d;; p++) {
    if (*p == '.' || *p == 0) {
      if (lab == 0 || p[-1] == '-') return false;
      if (!*p) break;
      lab = 0;
      continue;
    }
    if (!ascii_alnum((unsigned char)*p) && *p != '-') return false;
    if (lab == 0 && *p == '-') return false;
    if (++lab > 63) return false;
  }
  return true;
}

int surel_dari_urai(const char *dari, char *nama, size_t nn, char *alamat, size_t na)
{
  if (!dari || nn == 0 || na == 0) return -1;
  nama[0] = alamat[0] = 0;
  const char *lt = strchr(dari, '<');
  if (!lt) return surel_alamat_valid(dari) && str_copy(alamat, na, dari) == 0 ? 0 : -1;
  const char *gt = strchr(lt, '>');
  if (!gt || gt[1] != 0) return -1;
  size_t al = (size_t)(gt - lt - 1);
  if (al >= na) return -1;
  memcpy(alamat, lt + 1, al);
  alamat[al] = 0;
  if (!surel_alamat_valid(alamat)) return -1;
  const char *s = dari, *e = lt;
  while (s < e && *s == ' ') s++;
  while (e > s && e[-1] == ' ') e--;
  if (e - s >= 2 && *s == '"' && e[-1] == '"') { s++; e--; }
  if ((size_t)(e - s) >= nn) return -1;
  memcpy(nama, s, (size_t)(e - s));
  nama[e - s] = 0;
  return text_clean(nama, false) && !strchr(nama, '"') ? 0 : -1;
}

size_t surel_potong_utf8(const char *s, size_t maks)
{
  size_t len = strlen(s);
  if (len <= maks) return len;
  size_t k = maks;
  while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80) k--;
  return k;
}

/* Printable ASCII without spaces (links and ids). */
static bool token_ascii(const char *s)
{
  if (!*s) return false;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p <= 0x20 || *p >= 0x7f) return false;
  return true;
}

int surel_tautan_mutlak(const char *base, const char *tautan, char *out, size_t n)
{
  if (!base || !tautan || !token_ascii(base) || !token_ascii(tautan)) return -1;
  if (strncmp(base, "https://", 8) != 0 && strncmp(base, "http://", 7) != 0) return -1;
  size_t bl = strlen(base);
  while (bl > 0 && base[bl - 1] == '/') bl--;
  const char *sep = tautan[0] == '/' ? "" : "/";
  int w = snprintf(out, n, "%.*s%s%s", (int)bl, base, sep, tautan);
  return w < 0 || (size_t)w >= n ? -1 : 0;
}

/* Plain enough to write as is: printable ASCII, not looking like an encoded-word.  A display
 * name must also avoid the RFC 5322 specials (it would need quoting). */
static bool polos(const char *s, bool nama)
{
  if (strlen(s) > POLOS_MAKS || strstr(s, "=?")) return false;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p < 0x20 || *p > 0x7e) return false;
    if (nama && !ascii_alnum(*p) && !strchr(" .!#$%&'*+-/=?^_`{|}~", *p)) return false;
  }
  return true;
}

/* s as RFC 2047 "B" encoded-words of whole UTF-8 characters, each at most 75 characters,
 * folded with CRLF SP (the whitespace between encoded-words is not part of the text). */
static int tulis_encoded(struct buf *out, const char *s)
{
  size_t len = strlen(s), i = 0;
  while (i < len) {
    size_t k = surel_potong_utf8(s + i, KATA_MAKS_BYTE);
    if (k == 0) return -1;
    char b64[sodium_base64_ENCODED_LEN(KATA_MAKS_BYTE, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, (const unsigned char *)s + i, k, sodium_base64_VARIANT_ORIGINAL);
    if (buf_printf(out, "%s=?UTF-8?B?%s?=", i ? "\r\n " : "", b64) != 0) return -1;
    i += k;
  }
  return 0;
}

static int tulis_teks_header(struct buf *out, const char *s, bool nama)
{
  return polos(s, nama) ? buf_puts(out, s) : tulis_encoded(out, s);
}

/* Text with any line ending as CRLF, lines folded at BARIS_MAKS bytes on character boundaries.
 * s is valid UTF-8 (checked by the caller). */
static int tulis_badan(struct buf *out, const char *s)
{
  size_t kolom = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    if (*p == '\r' || *p == '\n') {
      if (p[0] == '\r' && p[1] == '\n') p++;
      p++;
      if (buf_append(out, "\r\n", 2) != 0) return -1;
      kolom = 0;
      continue;
    }
    size_t n = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 : 4;
    if (kolom + n > BARIS_MAKS) {
      if (buf_append(out, "\r\n", 2) != 0) return -1;
      kolom = 0;
    }
    if (buf_append(out, p, n) != 0) return -1;
    kolom += n;
    p += n;
  }
  return 0;
}

static void tanggal_rfc5322(int64_t t, char out[40])
{
  static const char *const hari[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char *const bulan[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  time_t tt = (time_t)t;
  struct tm tm;
  gmtime_r(&tt, &tm);
  snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000", hari[tm.tm_wday % 7], tm.tm_mday,
           bulan[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static bool id_lokal_valid(const char *s)
{
  size_t len = strlen(s);
  if (len < 1 || len > 100) return false;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (!ascii_alnum(*p) && *p != '.' && *p != '_' && *p != '-') return false;
  return true;
}

#define TOLAK(...) do { snprintf(galat, n, __VA_ARGS__); return -1; } while (0)

int surel_pesan_susun(const struct surel_pesan *p, struct buf *out, char *galat, size_t n)
{
  char nama[256], dari[SUREL_ALAMAT_MAKS + 1], tanggal[40], tautan[1200];
  if (surel_dari_urai(p->dari, nama, sizeof nama, dari, sizeof dari) != 0)
    TOLAK("alamat pengirim (From) tidak valid");
  if (!surel_alamat_valid(p->kepada)) TOLAK("alamat penerima tidak valid");
  if (!p->subjek || !*p->subjek || strlen(p->subjek) > SUREL_SUBJEK_MAKS || !text_clean(p->subjek, false))
    TOLAK("subjek kosong, terlalu panjang, atau berisi karakter kendali (mis. baris baru)");
  if (!p->isi || strlen(p->isi) > SUREL_ISI_MAKS || !text_clean(p->isi, true))
    TOLAK("isi terlalu panjang atau bukan teks UTF-8 yang sah");
  if (!p->id_lokal || !id_lokal_valid(p->id_lokal)) TOLAK("Message-ID tidak valid");
  tautan[0] = 0;
  if (p->tautan && *p->tautan) {
    if (strlen(p->tautan) > SUREL_TAUTAN_MAKS || !token_ascii(p->tautan)) TOLAK("tautan tidak valid");
    if (p->url_publik && *p->url_publik) {
      if (surel_tautan_mutlak(p->url_publik, p->tautan, tautan, sizeof tautan) != 0) TOLAK("alamat publik (--public-url) tidak valid");
    } else {
      str_copy(tautan, sizeof tautan, p->tautan);
    }
  }
  tanggal_rfc5322(p->waktu, tanggal);
  const char *domain = strchr(dari, '@') + 1;
  int rc = buf_printf(out, "Date: %s\r\nFrom: ", tanggal);
  if (rc == 0 && nama[0]) rc = tulis_teks_header(out, nama, true);
  if (rc == 0 && !nama[0]) rc = buf_printf(out, "%s\r\n", dari);
  else if (rc == 0) rc = polos(nama, true) ? buf_printf(out, " <%s>\r\n", dari) : buf_printf(out, "\r\n <%s>\r\n", dari);
  if (rc == 0) rc = buf_printf(out, "To: %s\r\nSubject: ", p->kepada);
  if (rc == 0) rc = tulis_teks_header(out, p->subjek, false);
  if (rc == 0)
    rc = buf_printf(out, "\r\nMessage-ID: <%s@%s>\r\nMIME-Version: 1.0\r\n"
                         "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                         "Auto-Submitted: auto-generated\r\n\r\n", p->id_lokal, domain);
  if (rc == 0) rc = tulis_badan(out, p->isi);
  if (rc == 0 && tautan[0])
    rc = buf_printf(out, "\r\n\r\n%s %s", p->url_publik && *p->url_publik ? "Buka:" : "Buka di aplikasi kinerja:", tautan);
  if (rc == 0) rc = buf_puts(out, "\r\n\r\n-- \r\nSurel ini dikirim otomatis oleh kinerja; mohon tidak dibalas.\r\n");
  if (rc != 0) TOLAK("pesan melebihi batas ukuran");
  return 0;
}
