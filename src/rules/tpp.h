/* tpp.h: tunjangan kinerja (pusat) / TPP (daerah) of one pegawai for one month, from the period's
 * predikat or score and the month's presensi (DOMAIN.md "Tukin / TPP from performance and
 * attendance", issue 9).
 *
 * There is no national table: every instansi configures its own, so the rules are data
 * (struct tpp_aturan) and the common tables are shipped as presets (tpp_preset).  The engine is
 * pure: no I/O, no clock, no allocation, no floating point.
 *
 * Units, everywhere in this interface:
 *   - rupiah are int64_t whole rupiah, at most TPP_MAKS_RUPIAH;
 *   - percentages are int32_t hundredths of a percent (basis points): 50 = 0,5 %, 125 = 1,25 %,
 *     TPP_SERATUS_PERSEN (10000) = 100 %;
 *   - scores (nilai) are int32_t hundredths: 8750 = 87,50;
 *   - clock times are minutes since 00:00 (07:30 = 450), TPP_TIDAK_ADA when there is none.
 *
 * The computation, in the order the explanation shows it:
 *   kinerja   = dasar × porsi_kinerja × bayar%            (bayar% per predikat or score band)
 *   per day   : minutes late (masuk after jadwal_masuk) -> TL row, minutes early (pulang before
 *               jadwal_pulang) -> PSW row, no check-in -> TAM row, no check-out -> TAP row,
 *               tanpa_keterangan -> TK row; the day's TL/PSW/TAM/TAP sum is cut to batas_harian
 *               when set (a TK day is not capped: UNCONFIRMED)
 *   month     : the days' sum, cut to batas_bulanan (100 % by default)
 *   disiplin  = dasar × porsi_disiplin × (100 % − potongan)        (TPP_SASARAN_DISIPLIN, regional)
 *     or the potongan is taken from kinerja + disiplin instead     (TPP_SASARAN_SELURUH, central)
 *   sanksi    = active disciplinary cuts (percent for some months) × what is left
 *   jumlah    = kinerja + disiplin − potongan (central) − sanksi
 * Rounding (UNCONFIRMED, DOMAIN.md does not say): each rupiah amount (kinerja, disiplin, the
 * central potongan, the sanksi cut) is rounded half up to whole rupiah once, at the end of its own
 * formula, from exact integers; per-line rupiah in the explanation are shown to the sen and do
 * not feed the totals. */
#ifndef KINERJA_TPP_H
#define KINERJA_TPP_H
#include <stdbool.h>
#include <stdint.h>

#include "rules/desimal.h"
#include "rules/predikat.h"

#define TPP_SERATUS_PERSEN 10000
#define TPP_MAKS_RUPIAH 10000000000LL   /* Rp10 miliar a month: keeps dasar × bp × bp inside int64 */
#define TPP_TANPA_BATAS (-1)           /* an open-ended minute range, or no per-day cap */
#define TPP_TIDAK_ADA (-1)             /* no check-in / check-out / schedule */
#define TPP_MAKS_NILAI_SKOR 100000     /* scores up to 1000,00 */

#define TPP_KELAS_MAKS 17              /* kelas jabatan 1..17 */
#define TPP_MAKS_POTONGAN 32           /* deduction rows in one table */
#define TPP_MAKS_BAND 16               /* score bands in one table */
#define TPP_MAKS_SANKSI 16             /* sanction kinds in one table */
#define TPP_MAKS_HARI 31               /* days of one month */
#define TPP_MAKS_SANKSI_PEGAWAI 8      /* sanctions given to one pegawai */
#define TPP_KODE_PANJANG 16
#define TPP_KETERANGAN_PANJANG 160
#define TPP_NAMA_PANJANG 96
/* a day yields at most two deduction lines and one per-day cap line */
#define TPP_MAKS_RINCIAN (TPP_MAKS_HARI * 3)
#define TPP_TEKS_PANJANG 320

/* ---- the rule table --------------------------------------------------------------------- */

/* The family of a deduction row. */
enum tpp_jenis {
  TPP_TL,    /* terlambat: minutes after jadwal masuk, by range */
  TPP_PSW,   /* pulang sebelum waktu: minutes before jadwal pulang, by range */
  TPP_TK,    /* tanpa keterangan (absent without reason), per day */
  TPP_TAM,   /* tidak absen masuk (no check-in), per day */
  TPP_TAP,   /* tidak absen pulang (no check-out), per day */
};
#define TPP_JENIS_JUMLAH 5

/* One deduction row.  For TL and PSW the row applies when menit_dari <= minutes <= menit_sampai
 * (inclusive; menit_sampai TPP_TANPA_BATAS = and more); for TK, TAM and TAP the minutes are 0. */
struct tpp_potongan {
  char kode[TPP_KODE_PANJANG];             /* "TL2", unique in the table */
  enum tpp_jenis jenis;
  int menit_dari, menit_sampai;
  int32_t persen;                          /* bp per occurrence */
  char keterangan[TPP_KETERANGAN_PANJANG]; /* optional, shown in the explanation */
};

/* Payment of the kinerja component by score: dari <= nilai <= sampai (hundredths, inclusive). */
struct tpp_band {
  int32_t dari, sampai;
  int32_t persen;
};

/* A kind of disciplinary sanction that cuts the allowance: persen for `bulan` months. */
struct tpp_jenis_sanksi {
  char kode[TPP_KODE_PANJANG];
  int32_t persen;
  int bulan;
  char keterangan[TPP_KETERANGAN_PANJANG];
};

/* What the presensi deductions are taken from. */
enum tpp_sasaran {
  TPP_SASARAN_DISIPLIN,   /* the disiplin component only (regional TPP) */
  TPP_SASARAN_SELURUH,    /* the whole allowance, kinerja + disiplin (central tukin) */
};

/* A hadir day with neither check-in nor check-out (UNCONFIRMED which is common; configurable). */
enum tpp_tanpa_presensi {
  TPP_TANPA_PRESENSI_TK,       /* counted as tanpa keterangan: the TK row (default) */
  TPP_TANPA_PRESENSI_TAM_TAP,  /* the TAM row and the TAP row */
};

struct tpp_aturan {
  char nama[TPP_NAMA_PANJANG];
  int64_t besaran[TPP_KELAS_MAKS + 1];     /* dasar per kelas jabatan 1..17; 0 = not set; [0] unused */
  int32_t porsi_kinerja, porsi_disiplin;   /* bp, summing to 100 % */
  int32_t bayar_predikat[PREDIKAT_JUMLAH]; /* bp of the kinerja component paid, by enum predikat */
  int n_band;                              /* 0: no score table (only predikat can be used) */
  struct tpp_band band[TPP_MAKS_BAND];
  int n_potongan;
  struct tpp_potongan potongan[TPP_MAKS_POTONGAN];
  enum tpp_sasaran sasaran;
  enum tpp_tanpa_presensi tanpa_presensi;
  int32_t batas_harian;                    /* bp, or TPP_TANPA_BATAS; caps TL+PSW+TAM+TAP of a day */
  int32_t batas_bulanan;                   /* bp, 100 % by default */
  int n_sanksi;
  struct tpp_jenis_sanksi sanksi[TPP_MAKS_SANKSI];
};

/* An error in a table or an input: `field` is the JSON-style path of the bad value relative to
 * the struct checked ("potongan[2].menit_dari", "hari[4].pulang", "dasar"); `pesan` is
 * Indonesian and names the row ("baris TL2 (31-60 menit) tumpang tindih dengan TL1 ..."). */
struct tpp_galat {
  char field[64];
  char pesan[256];
};

/* Presets shipped as data: "umum_daerah" (the common regional table of DOMAIN.md) and
 * "kementan_2012".  Fills *out and returns 0, or -1 for an unknown kode.  besaran is left
 * empty: amounts per kelas jabatan are each instansi's own. */
int tpp_preset(const char *kode, struct tpp_aturan *out);
/* The preset kodes, NULL-terminated. */
extern const char *const TPP_PRESET[];

/* Checks a table: percentages within 0..100 %, porsi summing to 100 %, unique non-empty kodes,
 * minute ranges of a family (TL, PSW) that neither overlap nor leave gaps and start at 1 or
 * later, one TK, TAM and TAP row each, score bands that neither overlap nor leave gaps, no
 * negative values.  0, or -1 with *g (field relative to the table: "potongan[3].persen"). */
int tpp_aturan_periksa(const struct tpp_aturan *a, struct tpp_galat *g);

/* The row of family `jenis` (TL or PSW) covering `menit`, or -1 (no deduction).  For TK, TAM and
 * TAP, `menit` is ignored and the family's row is returned. */
int tpp_cari_potongan(const struct tpp_aturan *a, enum tpp_jenis jenis, int menit);
/* The index of the sanction kind `kode` in a->sanksi, or -1. */
int tpp_cari_sanksi(const struct tpp_aturan *a, const char *kode);

/* ---- one pegawai-month ------------------------------------------------------------------ */

enum tpp_status {
  TPP_HADIR,
  TPP_TANPA_KETERANGAN,
  TPP_CUTI,
  TPP_DINAS_LUAR,
  TPP_SAKIT_DENGAN_SURAT,
  TPP_TUGAS_BELAJAR,
  TPP_LIBUR,               /* public holiday or cuti bersama from the calendar */
};
#define TPP_STATUS_JUMLAH 7

/* One working day of the month. */
struct tpp_hari {
  char tanggal[11];                 /* "YYYY-MM-DD" inside the periode, or "" (then "hari ke-N") */
  enum tpp_status status;
  int jadwal_masuk, jadwal_pulang;  /* minutes; required for hadir, pulang after masuk */
  int masuk, pulang;                /* minutes or TPP_TIDAK_ADA; pulang not before masuk */
};

/* A sanction given to the pegawai: persen for `bulan` months from month `mulai` (inclusive). */
struct tpp_sanksi {
  char kode[TPP_KODE_PANJANG];            /* optional: the table kind it came from */
  int32_t persen;
  int mulai_tahun, mulai_bulan;
  int bulan;
  char keterangan[TPP_KETERANGAN_PANJANG];
};

struct tpp_masukan {
  int tahun, bulan;                 /* the periode */
  int kelas_jabatan;                /* 1..17, or 0 when dasar is given */
  int64_t dasar;                    /* rupiah; 0 = take aturan->besaran[kelas_jabatan] */
  bool pakai_nilai;                 /* pay by score band instead of by predikat */
  enum predikat predikat;
  int32_t nilai;                    /* hundredths */
  int n_hari;
  struct tpp_hari hari[TPP_MAKS_HARI];
  int n_sanksi;
  struct tpp_sanksi sanksi[TPP_MAKS_SANKSI_PEGAWAI];
};

/* One deduction line: a rule row applied to one day's presensi, or the per-day cap. */
struct tpp_rincian {
  int hari;                   /* index into masukan->hari */
  int baris;                  /* index into aturan->potongan; -1 for the per-day cap line */
  int menit;                  /* minutes late (TL) or early (PSW), else 0 */
  int32_t persen;             /* bp deducted; negative on a per-day cap line */
  int64_t sen;                /* what the line costs in rupiah × 100, half up (display only) */
  char teks[TPP_TEKS_PANJANG];
};

struct tpp_hasil {
  int64_t dasar;
  int32_t bayar_kinerja;            /* bp of the kinerja component paid */
  int band;                         /* score band used, or -1 (paid by predikat) */
  int64_t kinerja;                  /* kinerja component, rounded */
  int64_t disiplin_penuh;           /* dasar × porsi_disiplin, rounded: before deductions */
  int32_t potongan_hari;            /* bp: the days' sum after per-day caps, before the monthly cap */
  int32_t potongan_persen;          /* bp actually deducted (after the monthly cap) */
  bool kena_batas_bulanan;
  int64_t disiplin;                 /* disiplin component; after deductions when SASARAN_DISIPLIN */
  int64_t potongan_presensi;        /* rupiah the presensi deductions took */
  int64_t sebelum_sanksi;           /* what is left after presensi deductions */
  int32_t sanksi_persen;            /* bp of the active sanctions, summed, at most 100 % */
  int64_t potongan_sanksi;
  int64_t jumlah;                   /* paid */
  int jumlah_status[TPP_STATUS_JUMLAH];
  int n_rincian;
  struct tpp_rincian rincian[TPP_MAKS_RINCIAN];
  struct penjelasan pj;             /* summary lines: inputs, components, caps, rounding, basis */
};

/* Computes one pegawai-month under table `a`.  0, or -1 with *g when an input is invalid (field
 * relative to the masukan: "hari[3].pulang", "kelas_jabatan", "nilai", "sanksi[0].persen").  The
 * table is checked first with tpp_aturan_periksa; its errors come back as "aturan.<path>". */
int tpp_hitung(const struct tpp_aturan *a, const struct tpp_masukan *m, struct tpp_hasil *out, struct tpp_galat *g);

/* ---- names and formats ------------------------------------------------------------------ */

/* hadir, tanpa_keterangan, cuti, dinas_luar, sakit_dengan_surat, tugas_belajar, libur */
const char *tpp_status_kode(enum tpp_status s);
/* "hadir", "tanpa keterangan", "cuti", "dinas luar", "sakit dengan surat", ... */
const char *tpp_status_label(enum tpp_status s);
int tpp_status_dari_kode(const char *s, enum tpp_status *out);
/* tl, psw, tk, tam, tap */
const char *tpp_jenis_kode(enum tpp_jenis j);
int tpp_jenis_dari_kode(const char *s, enum tpp_jenis *out);
/* disiplin, seluruh */
const char *tpp_sasaran_kode(enum tpp_sasaran s);
int tpp_sasaran_dari_kode(const char *s, enum tpp_sasaran *out);
/* tk, tam_tap */
const char *tpp_tanpa_presensi_kode(enum tpp_tanpa_presensi t);
int tpp_tanpa_presensi_dari_kode(const char *s, enum tpp_tanpa_presensi *out);

/* "07:30" -> 450: exactly HH:MM, 00:00..23:59.  0 or -1. */
int tpp_jam_dari_teks(const char *s, int *menit);
/* 450 -> "07:30" (out has room for 6 bytes). */
char *tpp_jam_tulis(int menit, char out[6]);
/* A night shift: jadwal pulang before jadwal masuk (22:00-06:00) ends the next day.  On such a
 * day a time more than TPP_SHIFT_AWAL minutes before jadwal masuk (the 06:10 check-out, a 00:20
 * check-in) is read as the next day's (+1440 minutes); on a day schedule nothing changes.
 * UNCONFIRMED: the 6-hour window before the shift in which a check-in still counts as early. */
#define TPP_SHIFT_AWAL 360
static inline bool tpp_shift_malam(int jadwal_masuk, int jadwal_pulang) { return jadwal_pulang < jadwal_masuk; }
static inline int tpp_menit_shift(int jadwal_masuk, int jadwal_pulang, int menit)
{
  return tpp_shift_malam(jadwal_masuk, jadwal_pulang) && menit < jadwal_masuk - TPP_SHIFT_AWAL ? menit + 24 * 60 : menit;
}
/* 4000000 -> "Rp4.000.000".  Returns out. */
char *tpp_rupiah_tulis(int64_t rupiah, char *out, size_t n);
/* 375050 sen -> "Rp3.750,50"; whole rupiah print without sen. */
char *tpp_sen_tulis(int64_t sen, char *out, size_t n);
/* 125 -> "1,25%", 10000 -> "100%". */
char *tpp_persen_tulis(int32_t bp, char *out, size_t n);
#endif
