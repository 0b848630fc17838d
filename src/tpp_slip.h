/* tpp_slip.h: one pegawai's "Slip TPP" of a computed month (issue 9 point 5) as plain data.
 *
 * tpp_slip.c fills it from the database (tpp_slip_muat); report_tpp_pdf.c renders it without
 * touching the database.  All strings are UTF-8 and borrowed from struct tpp_slip_buf. */
#ifndef KINERJA_TPP_SLIP_H
#define KINERJA_TPP_SLIP_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "db/db.h"

/* One deduction line of rincian.baris: a rule row applied to one day, or the per-day cap. */
struct tpp_slip_baris {
  const char *tanggal;     /* YYYY-MM-DD, "" when unknown */
  const char *kode;        /* rule row ("TL2") or "batas_harian" */
  int menit;               /* minutes late or early, else 0 */
  int32_t persen_bp;       /* hundredths of a percent; negative on a cap line */
  int64_t sen;             /* what the line costs, rupiah x 100 (display only) */
  const char *teks;        /* the engine's sentence for the line */
};

struct tpp_slip {
  const char *instansi;
  const char *tempat;      /* place of printing, "Sukamaju" */
  int tahun, bulan;
  const char *status;      /* "draft" | "disetujui" */
  const char *hash;        /* of the approved month, "" for a draft */
  const char *disetujui;   /* YYYY-MM-DD of approval, "" for a draft */
  const char *aturan;      /* name of the rule table */
  const char *nip, *nama, *jabatan, *unit;   /* nama with gelar; "" when unknown */
  int kelas;               /* kelas jabatan, 0 when unknown */
  const char *predikat;    /* label ("Baik"), "" when none */
  const char *asal_predikat;
  int64_t dasar, kinerja, disiplin, potongan_presensi, potongan_sanksi, jumlah;
  int32_t potongan_bp;     /* presensi deduction actually applied, hundredths of a percent */
  const char *hari;        /* the month's days by status, "hadir 20, cuti 2"; "" when unknown */
  const char *galat;       /* why the pegawai could not be computed, "" when computed */
  const struct tpp_slip_baris *baris;
  size_t n_baris;
  const char *const *penjelasan;
  size_t n_penjelasan;
  const char *dicetak;     /* YYYY-MM-DD, today in the instansi's time zone */
};

struct tpp_slip_buf {
  json_t *keep;                    /* strings the slip points into */
  struct tpp_slip_baris *baris;
  const char **penjelasan;
};

/* Loads the slip of pegawai_id in month bulan_id: 0, 1 absent (no such month or no result for
 * the pegawai), -1 error.  Release with tpp_slip_buf_free() whatever it returns. */
int tpp_slip_muat(struct db *db, int64_t bulan_id, int64_t pegawai_id, struct tpp_slip *s, struct tpp_slip_buf *b);
void tpp_slip_buf_free(struct tpp_slip_buf *b);

/* Renders the slip (A4 portrait, Indonesian) into a malloc'd buffer: *out (caller frees), *len.
 * A draft carries a DRAF watermark and note on every page; an approved month its hash.
 * Returns 0, or -1 with an Indonesian message in err. */
int tpp_slip_pdf(const struct tpp_slip *s, unsigned char **out, size_t *len, char *err, size_t errlen);
/* "slip-tpp-<nip>-<yyyy>-<mm>.pdf" (NIP digits only). */
void tpp_slip_nama_berkas(const struct tpp_slip *s, char *out, size_t n);
#endif
