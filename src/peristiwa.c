/* peristiwa.c: per-thread change events (see peristiwa.h). */
#include "peristiwa.h"

#include <stdatomic.h>
#include <string.h>

#include "util/util.h"

#define MAKS 32

struct catatan { int64_t instansi_id; char jenis[32]; };
struct daftar { int n; struct catatan c[MAKS]; };
static _Thread_local struct daftar T;
static _Thread_local struct daftar tahanan;   /* kept back while held (peristiwa_tahan) */
static _Thread_local int ditahan;
static _Atomic(peristiwa_fn) terbit;  /* static: starts as NULL */

/* kinds that do not change what a dashboard shows */
static const char *const ABAIKAN[] = {"auth", "token", "sesi", "demo", "surel", "pengguna", NULL};

/* 1 when added, 0 when already there or the list is full */
static int tambah(struct daftar *d, int64_t instansi_id, const char *jenis)
{
  for (int i = 0; i < d->n; i++)
    if (d->c[i].instansi_id == instansi_id && !strcmp(d->c[i].jenis, jenis)) return 0;
  if (d->n == MAKS) return 0;
  d->c[d->n].instansi_id = instansi_id;
  str_copy(d->c[d->n].jenis, sizeof d->c[d->n].jenis, jenis);
  d->n++;
  return 1;
}

void peristiwa_pasang(peristiwa_fn fn) { atomic_store(&terbit, fn); }

int peristiwa_catat(int64_t instansi_id, const char *aksi)
{
  if (!aksi || !atomic_load(&terbit)) return 0;
  char jenis[32];
  size_t n = strcspn(aksi, ".");
  if (n == 0 || n >= sizeof jenis) return 0;
  memcpy(jenis, aksi, n);
  jenis[n] = '\0';
  for (int i = 0; ABAIKAN[i]; i++)
    if (!strcmp(jenis, ABAIKAN[i])) return 0;
  return tambah(&T, instansi_id, jenis);
}

void peristiwa_terbitkan(void)
{
  if (ditahan) {
    for (int i = 0; i < T.n; i++) tambah(&tahanan, T.c[i].instansi_id, T.c[i].jenis);
    T.n = 0;
    return;
  }
  peristiwa_fn fn = atomic_load(&terbit);
  for (int i = 0; fn && i < T.n; i++) fn(T.c[i].instansi_id, T.c[i].jenis);
  T.n = 0;
}

void peristiwa_buang(void) { T.n = 0; }

void peristiwa_tahan(int on) { ditahan = on; }

void peristiwa_lepas(int terbitkan)
{
  peristiwa_fn fn = terbitkan ? atomic_load(&terbit) : NULL;
  for (int i = 0; fn && i < tahanan.n; i++) fn(tahanan.c[i].instansi_id, tahanan.c[i].jenis);
  tahanan.n = 0;
}
