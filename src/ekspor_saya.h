/* ekspor_saya.h: everything kinerja holds about one pegawai, for the pegawai themselves
 * (issue 14 item 4, GET /api/v1/saya/ekspor).
 *
 * One JSON object with a section per kind of data, each read with the pegawai's own id (or the
 * account's), so nothing of a colleague can enter: profile, account (sessions, API tokens and
 * 2FA state, never a hash, secret or token), SKP with RHK, IKI and perilaku, activities,
 * realisasi, penilaian, objections, feedback on their SKP, 360 rounds about them (counts only:
 * answers are anonymous), public feedback about them, presensi, status days, shifts, TPP results
 * and sanctions, evidence metadata (not the files), potential (talent) ratings, notifications,
 * and the access list (who viewed or changed their data).  Domain function; no HTTP.
 */
#ifndef KINERJA_EKSPOR_SAYA_H
#define KINERJA_EKSPOR_SAYA_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"

#define EKSPOR_MAKS_BARIS 100000   /* rows per section; a section cut there says so */

/* The sections in their order, for the PDF and the tests: {key, Indonesian title}. */
struct ekspor_bagian { const char *kunci, *judul; };
extern const struct ekspor_bagian ekspor_bagian[];
extern const size_t ekspor_bagian_jumlah;

/* Builds the export of pegawai_id (account pengguna_id, 0 = none) at now (unix seconds) into
 * *out (caller owns).  0 or -1 (database error; *out NULL). */
int ekspor_saya(struct db *db, int64_t pegawai_id, int64_t pengguna_id, int64_t now, json_t **out);
#endif
