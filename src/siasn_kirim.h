/* siasn_kirim.h: pushing finalised penilaian to SIASN: annual ones to POST /skp22/save,
 * periodic ones to POST /kinerjaperiodik/save.
 *
 * Idempotency (decided here): siasn_peta keeps, per penilaian, the SIASN id of its record and
 * the BLAKE2b "sidik" of the payload SIASN last accepted.  A resend with the same payload is
 * skipped without an exchange (logged as 'dilewati'); a changed payload (e.g. the penilai's
 * jabatan was corrected) is sent with the stored SIASN "id", which SIASN treats as an update;
 * only a penilaian never accepted is sent without an id.  So a resend never creates a second
 * record.  pnsDinilaiId is the SIASN id of the pegawai from the mapping, fetched from
 * data-utama (and stored) when a pull has not mapped the pegawai yet. */
#ifndef KINERJA_SIASN_KIRIM_H
#define KINERJA_SIASN_KIRIM_H
#include <jansson.h>
#include <stdint.h>
#include "db/db.h"
#include "siasn_klien.h"

struct siasn_kirim_opsi {
  int64_t penilaian_id;   /* 0 = every final penilaian not sent or changed since */
  const char *nip;        /* NULL = every pegawai */
  int limit;              /* at most this many exchanges of penilaian (1..1000) */
};

/* Pushes.  Outside a transaction (each exchange and each mapping is stored as it happens, so
 * nothing is lost when a later one fails).  Returns 0 with *hasil (owned): {"dikirim",
 * "diperbarui", "dilewati", "gagal", "items": [{"penilaian_id","nip","jenis","hasil","siasn_id",
 * "pesan","saran"}]}; 1 when not configured / secrets unreadable (err); 2 when penilaian_id
 * is not a final penilaian of the instansi; -1 database error. */
int siasn_kirim(struct db *db, int64_t instansi_id, const struct siasn_kirim_opsi *o, const char *berkas_rahasia,
                json_t **hasil, char *err, size_t n);

/* The payload of one penilaian (without the SIASN record id) for SIASN, from our row; NULL
 * when absent or not final.  *jalur receives the endpoint.  Exposed for the reconciliation. */
json_t *siasn_kirim_muatan(struct db *db, int64_t penilaian_id, const char *pns_id, const char **jalur);
/* BLAKE2b of a payload (compact, sorted keys) as 64 hex + NUL. */
void siasn_kirim_sidik(json_t *muatan, char out[65]);
#endif
