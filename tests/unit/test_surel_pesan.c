/* test_surel_pesan.c: composing an email (headers, RFC 2047 subjects, CRLF, links), refusing
 * header injection, and the retry schedule. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surel_jadwal.h"
#include "surel_pesan.h"

static struct surel_pesan dasar(void)
{
  struct surel_pesan p = {
    .dari = "kinerja <noreply@bkpsdm.contoh.go.id>", .kepada = "siti.rahayu@contoh.go.id",
    .subjek = "Aktivitas dikembalikan", .isi = "Aktivitas 2026-11-24 \"Rapat\" dikembalikan: Lampirkan daftar hadir.",
    .tautan = "#/aktivitas/12", .url_publik = "https://kinerja.contoh.go.id", .id_lokal = "kinerja.7.abc",
    .waktu = 1795640470,   /* Wed, 25 Nov 2026 21:01:10 UTC */
  };
  return p;
}

/* Composes p; returns the message (caller frees) or NULL with galat filled. */
static char *susun(const struct surel_pesan *p, char *galat, size_t n)
{
  struct buf b;
  buf_init(&b, SUREL_PESAN_MAKS);
  if (surel_pesan_susun(p, &b, galat, n) != 0) { buf_free(&b); return NULL; }
  return buf_steal(&b);
}

/* Every line ends in CRLF: no bare CR, no bare LF. */
static void assert_crlf(const char *m)
{
  for (const char *c = m; *c; c++) {
    if (*c == '\n') assert_true(c > m && c[-1] == '\r');
    if (*c == '\r') assert_true(c[1] == '\n');
  }
  size_t len = strlen(m);
  assert_true(len >= 2 && m[len - 2] == '\r' && m[len - 1] == '\n');
}

/* The value of header `name` (unfolded), copied into out. */
static int header(const char *m, const char *name, char *out, size_t n)
{
  const char *end = strstr(m, "\r\n\r\n");
  size_t nl = strlen(name);
  for (const char *l = m; l && l < end; l = strstr(l, "\r\n") ? strstr(l, "\r\n") + 2 : NULL) {
    if (strncmp(l, name, nl) == 0 && l[nl] == ':') {
      const char *v = l + nl + 2;
      size_t k = 0;
      while (v < end) {
        if (v[0] == '\r' && v[1] == '\n') { if (v[2] != ' ' && v[2] != '\t') break; v += 2; continue; }
        if (k + 1 < n) out[k++] = *v;
        v++;
      }
      out[k] = 0;
      return 0;
    }
  }
  return -1;
}

/* Decodes a run of "=?UTF-8?B?...?=" words separated by spaces (the folded form unfolded). */
static void decode_2047(const char *v, char *out, size_t n)
{
  size_t k = 0;
  while (*v) {
    while (*v == ' ') v++;
    if (!*v) break;
    assert_memory_equal(v, "=?UTF-8?B?", 10);
    const char *s = v + 10, *e = strstr(s, "?=");
    assert_non_null(e);
    assert_true(e - v + 2 <= 75);   /* RFC 2047: an encoded-word is at most 75 characters */
    char b64[128];
    memcpy(b64, s, (size_t)(e - s));
    b64[e - s] = 0;
    size_t got = 0;
    assert_int_equal(sodium_base642bin((unsigned char *)out + k, n - k - 1, b64, strlen(b64), NULL, &got, NULL,
                                       sodium_base64_VARIANT_ORIGINAL), 0);
    /* each word holds whole characters: it decodes to valid UTF-8 on its own */
    char one[128];
    memcpy(one, out + k, got);
    one[got] = 0;
    assert_true(got == 0 || ((unsigned char)one[0] & 0xc0) != 0x80);
    k += got;
    v = e + 2;
  }
  out[k] = 0;
}

static void pesan_ascii(void **s)
{
  struct surel_pesan p = dasar();
  char galat[200], v[512];
  char *m = susun(&p, galat, sizeof galat);
  assert_non_null(m);
  assert_crlf(m);
  assert_int_equal(header(m, "Date", v, sizeof v), 0);
  assert_string_equal(v, "Wed, 25 Nov 2026 21:01:10 +0000");
  assert_int_equal(header(m, "From", v, sizeof v), 0);
  assert_string_equal(v, "kinerja <noreply@bkpsdm.contoh.go.id>");
  assert_int_equal(header(m, "To", v, sizeof v), 0);
  assert_string_equal(v, "siti.rahayu@contoh.go.id");
  assert_int_equal(header(m, "Subject", v, sizeof v), 0);
  assert_string_equal(v, "Aktivitas dikembalikan");
  assert_int_equal(header(m, "Message-ID", v, sizeof v), 0);
  assert_string_equal(v, "<kinerja.7.abc@bkpsdm.contoh.go.id>");
  assert_int_equal(header(m, "MIME-Version", v, sizeof v), 0);
  assert_string_equal(v, "1.0");
  assert_int_equal(header(m, "Content-Type", v, sizeof v), 0);
  assert_string_equal(v, "text/plain; charset=UTF-8");
  const char *body = strstr(m, "\r\n\r\n") + 4;
  assert_memory_equal(body, "Aktivitas 2026-11-24 \"Rapat\" dikembalikan: Lampirkan daftar hadir.\r\n\r\n",
                      strlen("Aktivitas 2026-11-24 \"Rapat\" dikembalikan: Lampirkan daftar hadir.\r\n\r\n"));
  assert_non_null(strstr(body, "Buka: https://kinerja.contoh.go.id/#/aktivitas/12\r\n"));
  free(m);
}

static void subjek_utf8(void **s)
{
  struct surel_pesan p = dasar();
  p.subjek = "Penilaian final — predikat “Baik” ✓";
  char galat[200], v[1024], d[512];
  char *m = susun(&p, galat, sizeof galat);
  assert_non_null(m);
  assert_crlf(m);
  assert_int_equal(header(m, "Subject", v, sizeof v), 0);
  assert_memory_equal(v, "=?UTF-8?B?", 10);
  decode_2047(v, d, sizeof d);
  assert_string_equal(d, p.subjek);
  free(m);
  /* a long subject is split into several words, each of whole characters, folded */
  char panjang[400] = "";
  for (int i = 0; i < 40; i++) strcat(panjang, "é—");   /* 2- and 3-byte characters */
  p.subjek = panjang;
  m = susun(&p, galat, sizeof galat);
  assert_non_null(m);
  assert_crlf(m);
  assert_non_null(strstr(m, "?=\r\n =?UTF-8?B?"));
  assert_int_equal(header(m, "Subject", v, sizeof v), 0);
  decode_2047(v, d, sizeof d);
  assert_string_equal(d, panjang);
  /* no line of an encoded header is longer than 76 characters (RFC 2047) */
  for (const char *l = m; l < strstr(m, "\r\n\r\n"); l = strstr(l, "\r\n") + 2)
    assert_true(strstr(l, "\r\n") - l <= 76);
  free(m);
  /* plain ASCII that merely looks like an encoded-word is encoded too */
  p.subjek = "=?UTF-8?B?aGFsbw==?=";
  m = susun(&p, galat, sizeof galat);
  assert_int_equal(header(m, "Subject", v, sizeof v), 0);
  decode_2047(v, d, sizeof d);
  assert_string_equal(d, p.subjek);
  free(m);
}

static void nama_pengirim_utf8(void **s)
{
  struct surel_pesan p = dasar();
  p.dari = "\"BKPSDM Kab. Contoh, Bagian Kinerja\" <noreply@contoh.go.id>";
  char galat[200], v[512], d[256];
  char *m = susun(&p, galat, sizeof galat);
  assert_non_null(m);
  assert_int_equal(header(m, "From", v, sizeof v), 0);
  char *lt = strstr(v, " <noreply@contoh.go.id>");
  assert_non_null(lt);
  *lt = 0;
  decode_2047(v, d, sizeof d);   /* the comma is a special: encoded, not raw */
  assert_string_equal(d, "BKPSDM Kab. Contoh, Bagian Kinerja");
  for (const char *l = m; l < strstr(m, "\r\n\r\n"); l = strstr(l, "\r\n") + 2)
    assert_true(strstr(l, "\r\n") - l <= 76);
  free(m);
  p.dari = "noreply@contoh.go.id";
  m = susun(&p, galat, sizeof galat);
  assert_int_equal(header(m, "From", v, sizeof v), 0);
  assert_string_equal(v, "noreply@contoh.go.id");
  free(m);
}

static void injeksi_ditolak(void **s)
{
  static const char *const subjek[] = {"Halo\r\nBcc: korban@contoh.go.id", "Halo\nBcc: x@y.id", "Halo\rX: y",
                                       "Halo\x01", "Halo \xff\xfe", "", NULL};
  static const char *const kepada[] = {"a@b.id\r\nBcc: c@d.id", "a@b.id, c@d.id", "<a@b.id>", "Siti <a@b.id>",
                                       "a@b.id>\r\nX: y", "a b@c.id", "a@b@c.id", "@b.id", "a@", "a@-b.id",
                                       "a..b@c.id", ".a@c.id", "a@b..id", "\"a\"@b.id", "a@b.id\n", NULL};
  static const char *const dari[] = {"kinerja <noreply@x.id>\r\nBcc: c@d.id", "kin\r\nerja <noreply@x.id>",
                                     "kinerja <noreply@x.id> x", "kinerja <a@b.id\r\n>", "kinerja", NULL};
  char galat[200];
  for (int i = 0; subjek[i]; i++) {
    struct surel_pesan p = dasar();
    p.subjek = subjek[i];
    assert_null(susun(&p, galat, sizeof galat));
    assert_true(galat[0] != 0);
  }
  for (int i = 0; kepada[i]; i++) {
    struct surel_pesan p = dasar();
    p.kepada = kepada[i];
    assert_false(surel_alamat_valid(kepada[i]));
    assert_null(susun(&p, galat, sizeof galat));
    assert_string_equal(galat, "alamat penerima tidak valid");
  }
  for (int i = 0; dari[i]; i++) {
    struct surel_pesan p = dasar();
    p.dari = dari[i];
    assert_null(susun(&p, galat, sizeof galat));
  }
  struct surel_pesan p = dasar();
  p.id_lokal = "a>\r\nX: y";
  assert_null(susun(&p, galat, sizeof galat));
  p = dasar();
  p.tautan = "#/x\r\nBcc: y";
  assert_null(susun(&p, galat, sizeof galat));
  p = dasar();
  p.url_publik = "javascript:alert(1)";
  assert_null(susun(&p, galat, sizeof galat));
  /* valid addresses for contrast */
  assert_true(surel_alamat_valid("siti.rahayu+kinerja@bkpsdm.contoh.go.id"));
  assert_true(surel_alamat_valid("a@localhost"));
  assert_true(surel_alamat_valid("O'Brien@x-y.id"));
}

static void badan_crlf_dan_lipat(void **s)
{
  struct surel_pesan p = dasar();
  char isi[3000];
  memset(isi, 'a', 2500);
  isi[2500] = 0;
  memcpy(isi, "baris1\nbaris2\r\nbaris3\rbaris4\n\n", 30);
  p.isi = isi;
  p.url_publik = NULL;
  char galat[200];
  char *m = susun(&p, galat, sizeof galat);
  assert_non_null(m);
  assert_crlf(m);
  const char *body = strstr(m, "\r\n\r\n") + 4;
  assert_memory_equal(body, "baris1\r\nbaris2\r\nbaris3\r\nbaris4\r\n\r\n", 34);
  for (const char *l = body; *l; l = strstr(l, "\r\n") + 2) assert_true(strstr(l, "\r\n") - l <= 998);
  /* without a public URL the in-app path is given as is */
  assert_non_null(strstr(body, "Buka di aplikasi kinerja: #/aktivitas/12\r\n"));
  free(m);
  /* a line starting with a dot is left to the SMTP layer (libcurl dot-stuffs) */
  p.isi = ".\r\nsetelah titik";
  m = susun(&p, galat, sizeof galat);
  assert_non_null(strstr(m, "\r\n\r\n.\r\nsetelah titik"));
  free(m);
  /* invalid UTF-8 in the body is refused, not sent mangled */
  p.isi = "rusak \xc3";
  assert_null(susun(&p, galat, sizeof galat));
  /* no link: no link line */
  p = dasar();
  p.tautan = NULL;
  m = susun(&p, galat, sizeof galat);
  assert_null(strstr(m, "Buka"));
  free(m);
}

static void tautan_mutlak(void **s)
{
  char out[200];
  assert_int_equal(surel_tautan_mutlak("https://k.go.id", "#/aktivitas/1", out, sizeof out), 0);
  assert_string_equal(out, "https://k.go.id/#/aktivitas/1");
  assert_int_equal(surel_tautan_mutlak("https://k.go.id/", "#/a", out, sizeof out), 0);
  assert_string_equal(out, "https://k.go.id/#/a");
  assert_int_equal(surel_tautan_mutlak("http://k.go.id/kinerja//", "/x", out, sizeof out), 0);
  assert_string_equal(out, "http://k.go.id/kinerja/x");
  assert_int_equal(surel_tautan_mutlak("ftp://k.go.id", "#/a", out, sizeof out), -1);
  assert_int_equal(surel_tautan_mutlak("https://k.go.id x", "#/a", out, sizeof out), -1);
  assert_int_equal(surel_tautan_mutlak("https://k.go.id", "#/a b", out, sizeof out), -1);
  assert_int_equal(surel_tautan_mutlak("https://k.go.id", "#/aaaaaaaaaa", out, 10), -1);
}

static void potong_utf8(void **s)
{
  assert_int_equal(surel_potong_utf8("abc", 10), 3);
  assert_int_equal(surel_potong_utf8("ab\xc3\xa9", 3), 2);   /* é not split */
  assert_int_equal(surel_potong_utf8("ab\xe2\x80\x94z", 4), 2);
  assert_int_equal(surel_potong_utf8("ab\xe2\x80\x94z", 5), 5);
}

static void jadwal(void **s)
{
  assert_int_equal(surel_jeda(1), 60);
  assert_int_equal(surel_jeda(2), 300);
  assert_int_equal(surel_jeda(3), 1800);
  assert_int_equal(surel_jeda(4), 7200);
  assert_int_equal(surel_jeda(5), 43200);
  assert_int_equal(surel_jeda(6), -1);   /* after 6 attempts: gagal */
  assert_int_equal(surel_jeda(7), -1);
  assert_int_equal(surel_jeda(0), -1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(pesan_ascii),
    cmocka_unit_test(subjek_utf8),
    cmocka_unit_test(nama_pengirim_utf8),
    cmocka_unit_test(injeksi_ditolak),
    cmocka_unit_test(badan_crlf_dan_lipat),
    cmocka_unit_test(tautan_mutlak),
    cmocka_unit_test(potong_utf8),
    cmocka_unit_test(jadwal),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
