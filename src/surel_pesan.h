/* surel_pesan.h: composing one email (RFC 5322 + MIME, UTF-8 plain text) from a queued
 * notification.  Pure: no clock, no I/O, no randomness; the caller passes time and id. */
#ifndef KINERJA_SUREL_PESAN_H
#define KINERJA_SUREL_PESAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "util/buf.h"

#define SUREL_ALAMAT_MAKS 254     /* RFC 5321 path limit */
#define SUREL_SUBJEK_MAKS 500     /* bytes of subjek kept in the outbox */
#define SUREL_ISI_MAKS 4000       /* bytes of isi kept in the outbox */
#define SUREL_TAUTAN_MAKS 500
#define SUREL_PESAN_MAKS 65536    /* a composed message never grows beyond this */

/* True for a bare address local@domain that is safe to put in a header and an SMTP command:
 * dot-atom local part, LDH domain labels, no spaces, quotes, angle brackets, commas or
 * control characters (CR/LF header injection is refused here). */
bool surel_alamat_valid(const char *a);

/* Splits a From value, "Nama <alamat>" or a bare "alamat", into its display name (may be
 * empty) and address.  0, or -1 when the address is invalid or the name holds control
 * characters or invalid UTF-8. */
int surel_dari_urai(const char *dari, char *nama, size_t nn, char *alamat, size_t na);

/* The longest prefix of s of at most maks bytes that ends on a UTF-8 character boundary. */
size_t surel_potong_utf8(const char *s, size_t maks);

/* base + tautan as one absolute link ("https://kinerja.go.id" + "#/aktivitas/12" ->
 * "https://kinerja.go.id/#/aktivitas/12").  0, or -1 when it does not fit or either part
 * holds spaces or control characters, or base is not http(s)://. */
int surel_tautan_mutlak(const char *base, const char *tautan, char *out, size_t n);

struct surel_pesan {
  const char *dari;         /* From: "kinerja <noreply@localhost>" (config) */
  const char *kepada;       /* bare recipient address */
  const char *subjek;       /* UTF-8, one line; RFC 2047 encoded when not plain ASCII */
  const char *isi;          /* UTF-8 text; any line ending becomes CRLF */
  const char *tautan;       /* UI path (may be NULL): appended, absolute when url_publik is set */
  const char *url_publik;   /* may be NULL or "" */
  const char *id_lokal;     /* left part of Message-ID ([A-Za-z0-9._-]); the domain is From's */
  int64_t waktu;            /* Date: header, unix seconds (written in UTC) */
};

/* Appends the whole message (headers, blank line, body; CRLF line endings) to out.
 * Returns 0, or -1 with an Indonesian reason in galat (header injection, invalid UTF-8,
 * invalid address, too long); out is then left partly written and must be discarded. */
int surel_pesan_susun(const struct surel_pesan *p, struct buf *out, char *galat, size_t n);
#endif
