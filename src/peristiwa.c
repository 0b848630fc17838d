/* peristiwa.c: per-thread change events (see peristiwa.h). */
#include "peristiwa.h"

#include <stdatomic.h>
#include <string.h>

#include "util/util.h"

#define MAKS 32

struct catatan { int64_t instansi_id; char jenis[32]; };
static _Thread_local struct { int n; struct catatan c[MAKS]; } T;
static _Atomic(peristiwa_fn) terbit;  /* static: starts as NULL */

/* kinds that do not change what a dashboard shows */
static const char *const ABAIKAN[] = {"auth", "token", "sesi", "demo", "surel", "pengguna", NULL};

void peristiwa_pasang(peristiwa_fn fn) { atomic_store(&terbit, fn); }

void peristiwa_catat(int64_t instansi_id, const char *aksi)
{
  if (!aksi || !atomic_load(&terbit)) return;
  char jenis[32];
  size_t n = strcspn(aksi, ".");
  if (n == 0 || n >= sizeof jenis) return;
  memcpy(jenis, aksi, n);
  jenis[n] = '\0';
  for (int i = 0; ABAIKAN[i]; i++)
    if (!strcmp(jenis, ABAIKAN[i])) return;
  for (int i = 0; i < T.n; i++)
    if (T.c[i].instansi_id == instansi_id && !strcmp(T.c[i].jenis, jenis)) return;
  if (T.n == MAKS) return;
  T.c[T.n].instansi_id = instansi_id;
  str_copy(T.c[T.n].jenis, sizeof T.c[T.n].jenis, jenis);
  T.n++;
}

void peristiwa_terbitkan(void)
{
  peristiwa_fn fn = atomic_load(&terbit);
  for (int i = 0; fn && i < T.n; i++) fn(T.c[i].instansi_id, T.c[i].jenis);
  T.n = 0;
}

void peristiwa_buang(void) { T.n = 0; }
