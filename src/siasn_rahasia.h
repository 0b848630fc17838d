/* siasn_rahasia.h: the SIASN secrets (OAuth2 client secret, SSO user token) of an instansi.
 *
 * They come from a file (--siasn-secret-file / KINERJA_SIASN_SECRET_FILE) that only its owner
 * may read (mode 0600 or 0400; a file group or others can read is refused), or else from
 * KINERJA_SIASN_CLIENT_SECRET and KINERJA_SIASN_USER_TOKEN.  They are never stored in the
 * database, logged, audited or put into an error message.  File format, one per line:
 *     client_secret=...            user_token=...
 *     PEMKAB-SUKAMAJU.client_secret=...   (an instansi's own line wins over the shared one)
 * Blank lines and lines starting with '#' are ignored. */
#ifndef KINERJA_SIASN_RAHASIA_H
#define KINERJA_SIASN_RAHASIA_H
#include <stddef.h>

struct siasn_rahasia {
  char client_secret[512];
  char user_token[8192];
};

typedef const char *(*siasn_getenv_fn)(const char *name);

/* Loads the secrets of the instansi with code `kode`.  berkas: the file (NULL or "" = use the
 * environment through getenv_fn).  Returns 0, or -1 with an Indonesian message in err that
 * names the file or variable but never a secret.  Wipe *r with siasn_rahasia_hapus. */
int siasn_rahasia_muat(struct siasn_rahasia *r, const char *berkas, const char *kode,
                       siasn_getenv_fn getenv_fn, char *err, size_t n);
void siasn_rahasia_hapus(struct siasn_rahasia *r);
#endif
