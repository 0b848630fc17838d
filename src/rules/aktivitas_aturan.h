/* aktivitas_aturan.h: the rules for logging a daily activity (issue 5), pure: the caller looks
 * up the settings, today's date in the instansi's timezone, whether the date is a holiday and
 * the minutes already logged that day. */
#ifndef KINERJA_AKTIVITAS_ATURAN_H
#define KINERJA_AKTIVITAS_ATURAN_H
#include <stdbool.h>
#include <stdint.h>

struct aturan_aktivitas {
  int menit_maks_harian;   /* effective minutes allowed per day */
  int hari_mundur;         /* how many days back one may log (0 = today only) */
  bool akhir_pekan;        /* Saturday/Sunday allowed */
  bool hari_libur;         /* holidays allowed */
};

struct aktivitas_masukan {
  const char *tanggal;              /* YYYY-MM-DD */
  const char *jam_mulai, *jam_selesai;  /* HH:MM or NULL */
  int64_t menit;                    /* duration in minutes, 0 = not given */
  const char *uraian;
  const char *kuantitas, *satuan, *lokasi;   /* optional */
};

typedef void (*aturan_err_fn)(void *ctx, const char *field, const char *message);

/* Checks one activity.  hari_ini is today (YYYY-MM-DD) in the instansi's timezone; libur is the
 * holiday's name when the date is a holiday (else NULL); menit_lain is what the pegawai already
 * logged that day (other activities).  On success returns the effective minutes and writes the
 * normalised quantity into kuantitas_out (size >= 32); otherwise calls err for every problem
 * and returns -1. */
int aktivitas_periksa(const struct aktivitas_masukan *m, const struct aturan_aktivitas *a, const char *hari_ini,
                      const char *libur, int64_t menit_lain, char *kuantitas_out, aturan_err_fn err, void *ctx);

/* Minutes since midnight of "HH:MM" (00:00-23:59), or -1. */
int jam_menit(const char *hhmm);
/* Day of the week of a valid date: 0 Sunday .. 6 Saturday. */
int hari_minggu(const char *tanggal);
/* Days from a to b (b - a) for valid dates. */
int64_t selisih_hari(const char *a, const char *b);
#endif
