/* fuzz_unggah.c: what an evidence upload (POST /api/v1/bukti) does with the bytes before storing
 * them.  kinerja takes uploads as the raw body (no multipart/form-data: the name comes in
 * ?nama=), so the parsing to fuzz is the content sniffer (src/rules/sniff.c: magic numbers and
 * the ZIP central directory / local headers of DOCX and XLSX) and the name cleaning
 * (bukti_nama_bersih) that follows it, plus the link checker (bukti_url_periksa).
 * Input: the first line is the name (and the URL), the rest is the file.
 * Invariants: an accepted file has a type, media type and extension, the cleaned name ends in an
 * extension accepted for that type and fits its buffer. */
#include <stdlib.h>
#include <string.h>

#include "bukti.h"
#include "common.h"
#include "rules/sniff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const uint8_t *nl = memchr(data, '\n', size < 4096 ? size : 4096);
  size_t nlen = nl ? (size_t)(nl - data) : 0;
  char *nama = fuzz_str(data, nlen);
  const uint8_t *file = nl ? nl + 1 : data;
  size_t flen = nl ? size - nlen - 1 : size;
  /* the sniffer gets exactly the bytes, in a buffer of their own so ASAN sees any over-read */
  uint8_t *copy = malloc(flen ? flen : 1);
  if (!copy) abort();
  memcpy(copy, file, flen);

  struct sniff_hasil h = sniff(copy, flen);
  if (h.jenis == SNIFF_TOLAK) {
    if (!h.alasan || h.mime || h.ext) abort();
  } else {
    if (h.alasan || !h.mime || !h.ext) abort();
    if (strcmp(h.mime, sniff_mime(h.jenis)) || strcmp(h.ext, sniff_ext(h.jenis))) abort();
    char out[BUKTI_NAMA_BUF];
    bukti_nama_bersih(nama, h.jenis, out, sizeof out);
    if (strlen(out) >= sizeof out) abort();
    const char *dot = strrchr(out, '.');
    if (!dot || !sniff_ext_cocok(h.jenis, dot + 1, strlen(dot + 1))) abort();
  }
  (void)bukti_url_periksa(nama);
  free(copy);
  free(nama);
  return 0;
}
