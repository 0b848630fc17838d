/* skp_alur.h: the SKP workflow (PermenPANRB 6/2022 perencanaan kinerja) as a pure state machine.
 *
 *   draft --ajukan--> diajukan --setujui--> disetujui --revisi--> draft (revisi + 1)
 *     ^                 |  \--kembalikan--> dikembalikan --ajukan--> diajukan
 *     \------tarik------/
 *
 * Only the pegawai edits (in draft or dikembalikan), submits, withdraws and opens a revision;
 * only the pejabat penilai approves or returns; nobody acts on a closed period.
 */
#ifndef KINERJA_SKP_ALUR_H
#define KINERJA_SKP_ALUR_H
#include <stdbool.h>

enum skp_status { SKP_DRAFT = 0, SKP_DIAJUKAN, SKP_DISETUJUI, SKP_DIKEMBALIKAN, SKP_STATUS_N };
enum skp_aksi { AKSI_UBAH = 0, AKSI_AJUKAN, AKSI_TARIK, AKSI_SETUJUI, AKSI_KEMBALIKAN, AKSI_REVISI,
                AKSI_EKSPEKTASI, AKSI_N };
enum skp_pelaku { PELAKU_PEGAWAI = 0, PELAKU_PENILAI, PELAKU_LAIN };

struct skp_alur_hasil {
  bool ok;
  enum skp_status baru;   /* status after the action (unchanged for UBAH/EKSPEKTASI) */
  int http;               /* 403 (wrong person) or 409 (wrong state / closed period) when !ok */
  const char *pesan;      /* Indonesian reason when !ok */
};

struct skp_alur_hasil skp_alur(enum skp_status s, enum skp_aksi a, enum skp_pelaku p, bool periode_terbuka);

const char *skp_status_kode(enum skp_status s);           /* "draft" ... */
int skp_status_dari(const char *kode, enum skp_status *s); /* 0 or -1 */
const char *skp_aksi_kode(enum skp_aksi a);               /* "ubah", "ajukan", ... */
#endif
