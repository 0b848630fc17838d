/* golongan.h: golongan/ruang of PNS (with pangkat names and SIASN ids) and PPPK golongan. */
#ifndef KINERJA_GOLONGAN_H
#define KINERJA_GOLONGAN_H
#include <stdbool.h>
#include <stddef.h>
#include "nip.h"

struct golongan { int siasn_id; const char *kode; const char *pangkat; };

/* Finds a PNS golongan by code ('III/a', case-insensitive on the letter, spaces ignored) or by
 * SIASN id ('31').  Returns NULL when unknown. */
const struct golongan *golongan_pns(const char *s);
/* True if s is a PPPK golongan I..XVII (roman numerals). */
bool golongan_pppk_valid(const char *s);
/* Normalises `s` for the jenis ASN into out ('III/a' or 'IX'); returns 0 or -1 if invalid. */
int golongan_normalize(enum jenis_asn jenis, const char *s, char *out, size_t n);
/* Pangkat name for a normalised PNS golongan code, or NULL. */
const char *golongan_pangkat(const char *kode);
#endif
