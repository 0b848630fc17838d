/* akses_log.h: "who viewed or changed my performance data" (issue 14 item 4).
 *
 * Views come from akses_lihat (sql/026), written by the server after a successful read of a
 * pegawai's data by someone else, at most once per reader, pegawai and address per window.
 * Changes come from audit_log: every record on the pegawai's own rows (pegawai, skp and what
 * hangs on it, aktivitas, bukti, penilaian, keberatan, presensi status, shift, TPP sanksi) made
 * by an account other than the pegawai's own.  Domain functions; no HTTP.
 */
#ifndef KINERJA_AKSES_LOG_H
#define KINERJA_AKSES_LOG_H
#include <jansson.h>
#include <stdint.h>
#include "auth/principal.h"
#include "db/db.h"

/* The reader's role as stored and shown: superadmin, admin, pimpinan, auditor or atasan (a
 * pegawai reading someone else's data can only be their atasan or penilai). */
const char *akses_peran(unsigned peran_bits, int64_t pegawai_id);

/* Records that `who` read pegawai_id's `objek` at `rujukan` at now_ms, unless the same reader read
 * the same address of the same pegawai less than jendela_ms ago.  Opens and commits its own
 * write transaction when it writes (the caller must hold none).  Returns 1 written, 0 coalesced,
 * -1 on a database error (nothing written). */
int akses_log_catat(struct db *db, const struct principal *who, int64_t pegawai_id, const char *objek,
                    const char *rujukan, int64_t now_ms, int64_t jendela_ms);

enum akses_jenis { AKSES_SEMUA = 0, AKSES_LIHAT = 1, AKSES_UBAH = 2 };

struct akses_saring {
  int64_t pegawai_id;
  enum akses_jenis jenis;
  int64_t dari_ms, sampai_ms;   /* [dari, sampai); 0 = open */
  int limit;                    /* rows wanted */
  int64_t offset;
};

/* The pegawai's list, newest first: a new array of {jenis, waktu (ms), oleh {pengguna_id, nama,
 * jabatan, peran}, objek, aksi, rujukan} into *items (caller owns) and the number of rows matching
 * the filter into *total.  0 or -1. */
int akses_log_daftar(struct db *db, const struct akses_saring *s, json_t **items, int64_t *total);
#endif
