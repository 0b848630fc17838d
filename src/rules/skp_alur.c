/* skp_alur.c: the SKP workflow state machine (see skp_alur.h). */
#include "rules/skp_alur.h"

#include <string.h>

static const char *const STATUS[SKP_STATUS_N] = {"draft", "diajukan", "disetujui", "dikembalikan"};
static const char *const AKSI[AKSI_N] = {"ubah", "ajukan", "tarik", "setujui", "kembalikan", "revisi", "ekspektasi"};

const char *skp_status_kode(enum skp_status s) { return s < SKP_STATUS_N ? STATUS[s] : "?"; }
const char *skp_aksi_kode(enum skp_aksi a) { return a < AKSI_N ? AKSI[a] : "?"; }

int skp_status_dari(const char *kode, enum skp_status *s)
{
  for (int i = 0; i < SKP_STATUS_N; i++)
    if (kode && strcmp(kode, STATUS[i]) == 0) { *s = (enum skp_status)i; return 0; }
  return -1;
}

static struct skp_alur_hasil tolak(int http, const char *pesan, enum skp_status s)
{
  return (struct skp_alur_hasil){false, s, http, pesan};
}

struct skp_alur_hasil skp_alur(enum skp_status s, enum skp_aksi a, enum skp_pelaku p, bool periode_terbuka)
{
  if (!periode_terbuka) return tolak(409, "periode penilaian sudah ditutup; hubungi admin kepegawaian", s);
  bool oleh_pegawai = a == AKSI_UBAH || a == AKSI_AJUKAN || a == AKSI_TARIK || a == AKSI_REVISI;
  if (oleh_pegawai && p != PELAKU_PEGAWAI)
    return tolak(403, "hanya pegawai pemilik SKP yang dapat melakukan ini", s);
  if (!oleh_pegawai && p != PELAKU_PENILAI)
    return tolak(403, p == PELAKU_PEGAWAI ? "pegawai tidak dapat menyetujui atau menilai SKP-nya sendiri"
                                          : "hanya pejabat penilai SKP ini yang dapat melakukan ini", s);
  switch (a) {
  case AKSI_UBAH:
    if (s == SKP_DRAFT || s == SKP_DIKEMBALIKAN) return (struct skp_alur_hasil){true, s, 0, NULL};
    return tolak(409, s == SKP_DIAJUKAN ? "SKP sedang diajukan; tarik kembali dulu untuk mengubahnya"
                                        : "SKP sudah disetujui; buka revisi untuk mengubahnya", s);
  case AKSI_AJUKAN:
    if (s == SKP_DRAFT || s == SKP_DIKEMBALIKAN) return (struct skp_alur_hasil){true, SKP_DIAJUKAN, 0, NULL};
    return tolak(409, s == SKP_DIAJUKAN ? "SKP sudah diajukan" : "SKP sudah disetujui", s);
  case AKSI_TARIK:
    if (s == SKP_DIAJUKAN) return (struct skp_alur_hasil){true, SKP_DRAFT, 0, NULL};
    return tolak(409, "hanya SKP yang sedang diajukan yang dapat ditarik kembali", s);
  case AKSI_SETUJUI:
  case AKSI_KEMBALIKAN:
    if (s == SKP_DIAJUKAN)
      return (struct skp_alur_hasil){true, a == AKSI_SETUJUI ? SKP_DISETUJUI : SKP_DIKEMBALIKAN, 0, NULL};
    return tolak(409, "hanya SKP yang sedang diajukan yang dapat disetujui atau dikembalikan", s);
  case AKSI_REVISI:
    if (s == SKP_DISETUJUI) return (struct skp_alur_hasil){true, SKP_DRAFT, 0, NULL};
    return tolak(409, "revisi hanya untuk SKP yang sudah disetujui; SKP ini masih dapat diubah langsung", s);
  case AKSI_EKSPEKTASI:
    if (s != SKP_DISETUJUI) return (struct skp_alur_hasil){true, s, 0, NULL};
    return tolak(409, "SKP sudah disetujui; ekspektasi diubah lewat revisi", s);
  case AKSI_N: break;
  }
  return tolak(409, "aksi tidak dikenal", s);
}
