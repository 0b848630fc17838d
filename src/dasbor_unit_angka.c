/* dasbor_unit_angka.c: each unit's own counts of the instansi dashboard, kept in memory with the
 * unit's version number (issue 13).
 *
 * unit_versi.n (sql/035) is bumped by triggers in the transaction of every write that can change
 * a unit's counts, whoever writes.  The instansi dashboard reads the numbers of all its units in
 * the snapshot it counts in, takes the counts of every unit whose number is the one kept here,
 * and counts again only the others (src/dasbor_unit.c), so a miss after one activity was logged
 * recounts one or two units instead of 50,000 pegawai.  The counts also depend on the day (this
 * week, last month, the period): they are kept per key, and a new key recounts everything.
 * Nothing here is consulted for access or sessions; a few instansi at a time, one mutex, the
 * rows are copied in and out. */
#include "dasbor_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SLOT 8   /* instansi kept */

struct simpanan {
  struct dasbor_angka_kunci k;
  struct dasbor_angka *baris;   /* owned, sorted by unit_id; NULL = free slot */
  int n;
  uint64_t dipakai;
};

static struct { pthread_mutex_t kunci; struct simpanan s[SLOT]; uint64_t detak; } M = {.kunci = PTHREAD_MUTEX_INITIALIZER};

static bool kunci_sama(const struct dasbor_angka_kunci *a, const struct dasbor_angka_kunci *b)
{
  return a->instansi_id == b->instansi_id && a->periode_id == b->periode_id && a->tahun == b->tahun &&
         a->bulan_lalu == b->bulan_lalu && !strcmp(a->senin, b->senin) && !strcmp(a->hari_ini, b->hari_ini);
}

static int cari(const struct simpanan *s, int64_t unit_id)
{
  int lo = 0, hi = s->n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (s->baris[mid].unit_id == unit_id) return mid;
    if (s->baris[mid].unit_id < unit_id) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

int dasbor_angka_ambil(const struct dasbor_angka_kunci *k, struct dasbor_angka *baris, int n, bool *ada)
{
  int dapat = 0;
  for (int i = 0; i < n; i++) ada[i] = false;
  pthread_mutex_lock(&M.kunci);
  for (int x = 0; x < SLOT; x++) {
    struct simpanan *s = &M.s[x];
    if (!s->baris || !kunci_sama(&s->k, k)) continue;
    s->dipakai = ++M.detak;
    for (int i = 0; i < n; i++) {
      int j = cari(s, baris[i].unit_id);
      if (j < 0 || s->baris[j].versi != baris[i].versi || baris[i].versi < 0) continue;
      memcpy(baris[i].angka, s->baris[j].angka, sizeof baris[i].angka);
      ada[i] = true;
      dapat++;
    }
    break;
  }
  pthread_mutex_unlock(&M.kunci);
  return dapat;
}

void dasbor_angka_simpan(const struct dasbor_angka_kunci *k, const struct dasbor_angka *baris, int n)
{
  struct dasbor_angka *salin = malloc((size_t)(n > 0 ? n : 1) * sizeof *salin);
  if (!salin) return;
  memcpy(salin, baris, (size_t)n * sizeof *salin);
  for (int i = 1; i < n; i++)   /* keep them sorted by unit id (the tree already is) */
    if (salin[i].unit_id < salin[i - 1].unit_id) { free(salin); return; }
  pthread_mutex_lock(&M.kunci);
  struct simpanan *s = NULL;
  for (int x = 0; x < SLOT && !s; x++)
    if (M.s[x].baris && M.s[x].k.instansi_id == k->instansi_id) s = &M.s[x];
  for (int x = 0; x < SLOT && !s; x++)
    if (!M.s[x].baris) s = &M.s[x];
  if (!s) {
    s = &M.s[0];
    for (int x = 1; x < SLOT; x++)
      if (M.s[x].dipakai < s->dipakai) s = &M.s[x];
  }
  free(s->baris);
  s->k = *k;
  s->baris = salin;
  s->n = n;
  s->dipakai = ++M.detak;
  pthread_mutex_unlock(&M.kunci);
}
