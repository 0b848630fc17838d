/* fuzz_nip.c: the NIP / NI PPPK validator (src/nip.c) on arbitrary text.
 * Checks beyond "no crash": an accepted NIP is 18 digits whose parts agree with what
 * nip_validate reports, and every result has an Indonesian message. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "nip.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *s = fuzz_str(data, size);
  for (int j = ASN_PNS; j <= ASN_PPPK; j++) {
    struct nip_info in;
    memset(&in, 0, sizeof in);
    enum nip_error e = nip_validate(s, (enum jenis_asn)j, &in);
    const char *t = nip_error_text(e);
    if (!t || !*t) abort();
    if (e != NIP_OK) continue;
    if (strlen(s) != 18 || strspn(s, "0123456789") != 18) abort();
    if (!ymd_valid(in.lahir_y, in.lahir_m, in.lahir_d)) abort();
    if (in.jenis_kelamin != 'L' && in.jenis_kelamin != 'P') abort();
    if (in.urut < (j == ASN_PNS ? 1 : 0) || in.urut > 999) abort();  /* PPPK: 000 not checked */
    if (j == ASN_PNS && (in.tmt_m < 1 || in.tmt_m > 12)) abort();
  }
  free(s);
  return 0;
}
