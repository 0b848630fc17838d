/* nip.c: NIP / NI PPPK validation (see nip.h). */
#include "nip.h"

#include <string.h>

#include "util/util.h"

static int num(const char *s, int n)
{
  int v = 0;
  for (int i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
  return v;
}

enum nip_error nip_validate(const char *nip, enum jenis_asn jenis, struct nip_info *info)
{
  if (!nip || strlen(nip) != 18) return NIP_LENGTH;
  for (int i = 0; i < 18; i++)
    if (nip[i] < '0' || nip[i] > '9') return NIP_NOT_DIGITS;
  struct nip_info in = {0};
  in.lahir_y = num(nip, 4);
  in.lahir_m = num(nip + 4, 2);
  in.lahir_d = num(nip + 6, 2);
  if (!ymd_valid(in.lahir_y, in.lahir_m, in.lahir_d)) return NIP_BIRTH_DATE;
  if (jenis == ASN_PNS) {
    in.tmt_y = num(nip + 8, 4);
    in.tmt_m = num(nip + 12, 2);
    if (!ymd_valid(in.tmt_y, in.tmt_m, 1)) return NIP_TMT;
    if (in.tmt_y * 12 + in.tmt_m <= in.lahir_y * 12 + in.lahir_m) return NIP_TMT;
  }
  if (nip[14] != '1' && nip[14] != '2') return NIP_GENDER;
  in.jenis_kelamin = nip[14] == '1' ? 'L' : 'P';
  in.urut = num(nip + 15, 3);
  if (jenis == ASN_PNS && in.urut == 0) return NIP_SEQUENCE;
  if (info) *info = in;
  return NIP_OK;
}

const char *nip_error_text(enum nip_error e)
{
  switch (e) {
  case NIP_OK: return "NIP valid";
  case NIP_LENGTH: return "NIP harus 18 digit";
  case NIP_NOT_DIGITS: return "NIP hanya boleh berisi angka";
  case NIP_BIRTH_DATE: return "8 digit pertama NIP bukan tanggal lahir yang valid";
  case NIP_TMT: return "digit 9-14 NIP bukan TMT CPNS yang valid (tahun-bulan setelah tanggal lahir)";
  case NIP_GENDER: return "digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan)";
  case NIP_SEQUENCE: return "nomor urut NIP (3 digit terakhir) tidak boleh 000";
  }
  return "NIP tidak valid";
}
