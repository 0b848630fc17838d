/* fuzz_panduan_md.c: the Markdown reader of the user guide (src/panduan_md.c), which the guide
 * PDF (GET /api/v1/panduan.pdf) runs over every page in docs/panduan.  Input: a page; every line
 * is classified and its text stripped of inline marks, as panduan_pdf.c does.
 * Invariants: what a line points at stays inside the line; the stripped text is NUL-terminated,
 * never longer than its buffer or its source; a picture path accepted as safe never climbs out of
 * gambar/ and ends in ".png". */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "panduan_md.h"

static void dalam(const char *p, size_t n, const char *awal, size_t len)
{
  if (n && (p < awal || p + n > awal + len)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *s = fuzz_str(data, size);
  size_t total = strlen(s);
  for (char *p = s; p < s + total;) {
    char *nl = memchr(p, '\n', (size_t)(s + total - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(s + total - p);
    struct md_baris b;
    md_baris(p, len, &b);
    dalam(b.isi, b.isi_len, p, len);
    if (b.jenis == MD_GAMBAR) {
      dalam(b.src, b.src_len, p, len);
      if (md_gambar_aman(b.src, b.src_len)) {
        if (b.src_len < 11 || memcmp(b.src, "gambar/", 7) || memcmp(b.src + b.src_len - 4, ".png", 4)) abort();
        for (size_t i = 0; i + 1 < b.src_len; i++)
          if (b.src[i] == '.' && b.src[i + 1] == '.') abort();
        if (memchr(b.src + 7, '/', b.src_len - 7)) abort();
      }
    }
    if (b.jenis == MD_NOMOR && (b.nomor < 0 || b.nomor > 999)) abort();
    char out[64];
    size_t n = md_polos(b.isi, b.isi_len, out, sizeof out);
    if (n >= sizeof out || out[n] != '\0' || strlen(out) != n || n > b.isi_len) abort();
    p += len + (nl ? 1 : 0);
  }
  free(s);
  return 0;
}
