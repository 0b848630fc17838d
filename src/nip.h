/* nip.h: validation of the 18-digit NIP (PNS) and NI PPPK.  Pure, no I/O.
 *
 * NIP layout (DOMAIN.md): YYYYMMDD birth date, YYYYMM TMT CPNS, G gender (1 male, 2 female),
 * NNN sequence (001-999).  The NI PPPK layout is UNCONFIRMED: only length, digits, birth date and
 * the gender digit at the same position are checked.
 */
#ifndef KINERJA_NIP_H
#define KINERJA_NIP_H
#include <stdbool.h>

enum jenis_asn { ASN_PNS = 0, ASN_PPPK = 1 };

enum nip_error {
  NIP_OK = 0,
  NIP_LENGTH,        /* not 18 characters */
  NIP_NOT_DIGITS,    /* a character is not 0-9 */
  NIP_BIRTH_DATE,    /* first 8 digits are not a real date */
  NIP_TMT,           /* TMT CPNS is not a real month, or not after birth */
  NIP_GENDER,        /* digit 15 is not 1 or 2 */
  NIP_SEQUENCE,      /* last three digits are 000 */
};

struct nip_info {
  int lahir_y, lahir_m, lahir_d;
  int tmt_y, tmt_m;      /* 0 for PPPK */
  char jenis_kelamin;    /* 'L' or 'P' */
  int urut;
};

/* Validates `nip` for the given jenis ASN; fills *info when not NULL and valid. */
enum nip_error nip_validate(const char *nip, enum jenis_asn jenis, struct nip_info *info);
/* Indonesian message for an error code. */
const char *nip_error_text(enum nip_error e);
#endif
