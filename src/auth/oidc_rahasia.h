/* oidc_rahasia.h: the OIDC client secrets at rest.
 *
 * A secret is stored in oidc_konfig.rahasia as base64(nonce || crypto_secretbox(secret))
 * under a 32-byte server key kept in <data-dir>/oidc.kunci (created with mode 0600 on first
 * use; a key file others can read is refused).  So a copy of the database alone does not
 * reveal the secrets; losing the key file means entering them again. */
#ifndef KINERJA_OIDC_RAHASIA_H
#define KINERJA_OIDC_RAHASIA_H
#include <stddef.h>

#define OIDC_RAHASIA_MAX 512   /* longest client secret accepted, bytes */

/* Encrypts secret; *out receives the stored text (malloc'd, the caller frees).  Creates the key
 * file when missing.  Returns 0, or -1 with an Indonesian reason in err (never the secret). */
int oidc_rahasia_tutup(const char *data_dir, const char *secret, char **out, char *err, size_t n);
/* Decrypts a stored text into plain[OIDC_RAHASIA_MAX + 1].  Returns 0, or -1 with a reason in
 * err.  Wipe plain with sodium_memzero after use. */
int oidc_rahasia_buka(const char *data_dir, const char *stored, char plain[OIDC_RAHASIA_MAX + 1],
                      char *err, size_t n);
#endif
