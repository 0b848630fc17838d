/* test_sniff.c: evidence types from their first bytes; programs, markup, text, empty files and
 * archives that are not DOCX/XLSX are refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules/sniff.h"

/* A minimal ZIP of empty stored entries: local headers, and (when `central`) the central
 * directory and its end record, as a real DOCX/XLSX has. */
static size_t zip(unsigned char *out, size_t cap, const char *const *names, int central)
{
  size_t p = 0, offs[16];
  int n = 0;
  for (; names[n]; n++) {
    size_t len = strlen(names[n]);
    offs[n] = p;
    assert_true(p + 30 + len <= cap);
    memset(out + p, 0, 30);
    memcpy(out + p, "PK\x03\x04", 4);
    out[p + 4] = 20;                                /* version needed */
    out[p + 26] = (unsigned char)len;               /* name length */
    memcpy(out + p + 30, names[n], len);
    p += 30 + len;
  }
  if (!central) return p;
  size_t cd = p;
  for (int i = 0; i < n; i++) {
    size_t len = strlen(names[i]);
    assert_true(p + 46 + len <= cap);
    memset(out + p, 0, 46);
    memcpy(out + p, "PK\x01\x02", 4);
    out[p + 4] = 20;
    out[p + 6] = 20;
    out[p + 28] = (unsigned char)len;
    out[p + 42] = (unsigned char)(offs[i] & 0xff);
    out[p + 43] = (unsigned char)(offs[i] >> 8);
    memcpy(out + p + 46, names[i], len);
    p += 46 + len;
  }
  size_t cdsize = p - cd;
  assert_true(p + 22 <= cap);
  memset(out + p, 0, 22);
  memcpy(out + p, "PK\x05\x06", 4);
  out[p + 8] = out[p + 10] = (unsigned char)n;
  out[p + 12] = (unsigned char)(cdsize & 0xff);
  out[p + 13] = (unsigned char)(cdsize >> 8);
  out[p + 16] = (unsigned char)(cd & 0xff);
  out[p + 17] = (unsigned char)(cd >> 8);
  return p + 22;
}

static void accepted_types(void **s)
{
  static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n";
  struct sniff_hasil r = sniff(pdf, sizeof pdf - 1);
  assert_int_equal(r.jenis, SNIFF_PDF);
  assert_string_equal(r.mime, "application/pdf");
  assert_string_equal(r.ext, "pdf");
  assert_null(r.alasan);

  static const unsigned char jpeg[] = {0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0};
  r = sniff(jpeg, sizeof jpeg);
  assert_int_equal(r.jenis, SNIFF_JPEG);
  assert_string_equal(r.mime, "image/jpeg");
  assert_string_equal(r.ext, "jpg");

  static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  r = sniff(png, sizeof png);
  assert_int_equal(r.jenis, SNIFF_PNG);
  assert_string_equal(r.mime, "image/png");

  static const unsigned char webp[] = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
  r = sniff(webp, sizeof webp);
  assert_int_equal(r.jenis, SNIFF_WEBP);
  assert_string_equal(r.mime, "image/webp");
  assert_string_equal(r.ext, "webp");
}

static void office_documents(void **s)
{
  unsigned char b[1024];
  static const char *const docx[] = {"[Content_Types].xml", "_rels/.rels", "word/document.xml", NULL};
  static const char *const xlsx[] = {"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", NULL};
  for (int central = 0; central <= 1; central++) {
    struct sniff_hasil r = sniff(b, zip(b, sizeof b, docx, central));
    assert_int_equal(r.jenis, SNIFF_DOCX);
    assert_string_equal(r.ext, "docx");
    assert_string_equal(r.mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    r = sniff(b, zip(b, sizeof b, xlsx, central));
    assert_int_equal(r.jenis, SNIFF_XLSX);
    assert_string_equal(r.ext, "xlsx");
    assert_string_equal(r.mime, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }
  /* the central directory decides when there is one: a local header can be stale */
  static const char *const single[] = {"word/document.xml", NULL};
  struct sniff_hasil r = sniff(b, zip(b, sizeof b, single, 1));
  assert_int_equal(r.jenis, SNIFF_TOLAK);   /* no [Content_Types].xml */
}

static void refused(void **s)
{
  struct sniff_hasil r = sniff("", 0);
  assert_int_equal(r.jenis, SNIFF_TOLAK);
  assert_null(r.mime);
  assert_non_null(strstr(r.alasan, "kosong"));
  assert_int_equal(sniff(NULL, 0).jenis, SNIFF_TOLAK);

  static const unsigned char exe[] = {'M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff};
  r = sniff(exe, sizeof exe);
  assert_int_equal(r.jenis, SNIFF_TOLAK);
  assert_non_null(strstr(r.alasan, "program"));

  static const unsigned char elf[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
  assert_int_equal(sniff(elf, sizeof elf).jenis, SNIFF_TOLAK);
  assert_int_equal(sniff("#!/bin/sh\nrm -rf /\n", 19).jenis, SNIFF_TOLAK);

  static const char *const html[] = {"<html><body>hai</body></html>", "\xef\xbb\xbf  <!DOCTYPE html><p>x",
                                     "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                                     "\n<SCRIPT>alert(1)</SCRIPT>", NULL};
  for (const char *const *h = html; *h; h++) {
    r = sniff(*h, strlen(*h));
    assert_int_equal(r.jenis, SNIFF_TOLAK);
    assert_non_null(strstr(r.alasan, "HTML"));
  }

  static const char text[] = "Laporan kegiatan bulan Maret: rapat koordinasi.";
  r = sniff(text, sizeof text - 1);
  assert_int_equal(r.jenis, SNIFF_TOLAK);
  assert_non_null(strstr(r.alasan, "PDF"));      /* says what is accepted */

  /* short prefixes of accepted types are not enough */
  assert_int_equal(sniff("%PDF", 4).jenis, SNIFF_TOLAK);
  assert_int_equal(sniff("\xff\xd8", 2).jenis, SNIFF_TOLAK);
  assert_int_equal(sniff("RIFF\x24\0\0\0WAVE", 12).jenis, SNIFF_TOLAK);   /* audio, not WebP */

  /* the old binary Office format */
  static const unsigned char ole[] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0};
  r = sniff(ole, sizeof ole);
  assert_int_equal(r.jenis, SNIFF_TOLAK);
  assert_non_null(strstr(r.alasan, "doc"));
}

static void archives_that_are_not_office(void **s)
{
  unsigned char b[1024];
  static const char *const plain[] = {"foto/1.jpg", "laporan.pdf", NULL};
  static const char *const no_ct[] = {"word/document.xml", "xl/workbook.xml", NULL};
  static const char *const both[] = {"[Content_Types].xml", "word/document.xml", "xl/workbook.xml", NULL};
  static const char *const macro[] = {"[Content_Types].xml", "word/document.xml", "word/vbaProject.bin", NULL};
  static const char *const lookalike[] = {"[Content_Types].xml", "wordy/document.xml", "xlsx/workbook.xml", NULL};
  for (int central = 0; central <= 1; central++) {
    struct sniff_hasil r = sniff(b, zip(b, sizeof b, plain, central));
    assert_int_equal(r.jenis, SNIFF_TOLAK);
    assert_non_null(strstr(r.alasan, "ZIP"));
    assert_int_equal(sniff(b, zip(b, sizeof b, no_ct, central)).jenis, SNIFF_TOLAK);
    assert_int_equal(sniff(b, zip(b, sizeof b, both, central)).jenis, SNIFF_TOLAK);
    r = sniff(b, zip(b, sizeof b, macro, central));
    assert_int_equal(r.jenis, SNIFF_TOLAK);
    assert_non_null(strstr(r.alasan, "makro"));
    assert_int_equal(sniff(b, zip(b, sizeof b, lookalike, central)).jenis, SNIFF_TOLAK);
  }
  /* an empty archive, and a local header cut off in its name */
  assert_int_equal(sniff("PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22).jenis, SNIFF_TOLAK);
  static const char *const docx[] = {"[Content_Types].xml", "word/document.xml", NULL};
  size_t n = zip(b, sizeof b, docx, 0);
  assert_int_equal(sniff(b, 30 + 5).jenis, SNIFF_TOLAK);
  assert_int_equal(sniff(b, n).jenis, SNIFF_DOCX);
  /* a lying central directory (offset past the end) falls back to the local headers */
  n = zip(b, sizeof b, docx, 1);
  b[n - 22 + 16] = 0xff;
  b[n - 22 + 17] = 0xff;
  assert_int_equal(sniff(b, n).jenis, SNIFF_DOCX);
}

static void extensions(void **s)
{
  assert_true(sniff_ext_cocok(SNIFF_JPEG, "jpg", 3));
  assert_true(sniff_ext_cocok(SNIFF_JPEG, "JPEG", 4));
  assert_false(sniff_ext_cocok(SNIFF_JPEG, "png", 3));
  assert_true(sniff_ext_cocok(SNIFF_PDF, "Pdf", 3));
  assert_false(sniff_ext_cocok(SNIFF_PDF, "pd", 2));
  assert_false(sniff_ext_cocok(SNIFF_TOLAK, "pdf", 3));
  assert_null(sniff_ext(SNIFF_TOLAK));
  assert_string_equal(sniff_ext(SNIFF_XLSX), "xlsx");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(accepted_types),
    cmocka_unit_test(office_documents),
    cmocka_unit_test(refused),
    cmocka_unit_test(archives_that_are_not_office),
    cmocka_unit_test(extensions),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
