/* aktivitas_aturan.c: rules of a daily activity (see aktivitas_aturan.h). */
#include "rules/aktivitas_aturan.h"

#include <stdio.h>
#include <string.h>

#include "rules/target.h"
#include "util/util.h"

int jam_menit(const char *s)
{
  if (!s || strlen(s) != 5 || s[2] != ':') return -1;
  for (int i = 0; i < 5; i++)
    if (i != 2 && (s[i] < '0' || s[i] > '9')) return -1;
  int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return -1;
  return h * 60 + m;
}

/* Days since 1970-01-01 of a valid date (civil calendar, Howard Hinnant's algorithm). */
static int64_t hari_ke(const char *t)
{
  int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  int m = (t[5] - '0') * 10 + (t[6] - '0'), d = (t[8] - '0') * 10 + (t[9] - '0');
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int64_t selisih_hari(const char *a, const char *b) { return hari_ke(b) - hari_ke(a); }

int hari_minggu(const char *t)
{
  int64_t n = hari_ke(t);  /* 1970-01-01 was a Thursday (4) */
  int64_t w = (n % 7 + 7 + 4) % 7;
  return (int)w;
}

int aktivitas_periksa(const struct aktivitas_masukan *m, const struct aturan_aktivitas *a, const char *hari_ini,
                      const char *libur, int64_t menit_lain, char *kuantitas_out, aturan_err_fn err, void *ctx)
{
  int bad = 0;
  char msg[200];
#define FAIL(f, t) do { err(ctx, f, t); bad++; } while (0)
  if (!m->tanggal || !date_valid(m->tanggal)) FAIL("tanggal", "wajib diisi: tanggal YYYY-MM-DD yang valid");
  else {
    int64_t lalu = selisih_hari(m->tanggal, hari_ini);
    if (lalu < 0) FAIL("tanggal", "aktivitas tidak boleh dicatat untuk hari yang akan datang");
    else if (lalu > a->hari_mundur) {
      snprintf(msg, sizeof msg, "melewati batas pencatatan: paling lama %d hari ke belakang", a->hari_mundur);
      FAIL("tanggal", msg);
    }
    int w = hari_minggu(m->tanggal);
    if (!a->akhir_pekan && (w == 0 || w == 6)) FAIL("tanggal", w == 0 ? "hari Minggu bukan hari kerja di instansi ini" : "hari Sabtu bukan hari kerja di instansi ini");
    else if (libur && !a->hari_libur) {
      snprintf(msg, sizeof msg, "tanggal ini hari libur (%.120s)", libur);
      FAIL("tanggal", msg);
    }
  }
  int64_t menit = m->menit;
  int jm = m->jam_mulai ? jam_menit(m->jam_mulai) : -2, js = m->jam_selesai ? jam_menit(m->jam_selesai) : -2;
  if (jm == -1) FAIL("jam_mulai", "harus jam HH:MM, mis. 08:00");
  if (js == -1) FAIL("jam_selesai", "harus jam HH:MM, mis. 09:30");
  if ((jm >= 0) != (js >= 0) && jm != -1 && js != -1) FAIL(jm >= 0 ? "jam_selesai" : "jam_mulai", "jam mulai dan jam selesai diisi berpasangan");
  if (jm >= 0 && js >= 0) {
    if (js <= jm) FAIL("jam_selesai", "jam selesai harus setelah jam mulai");
    else if (menit && menit != js - jm) FAIL("menit", "durasi tidak sama dengan selisih jam mulai dan jam selesai");
    else menit = js - jm;
  }
  if (menit < 0 || menit > 1440) FAIL("menit", "durasi harus 1-1440 menit");
  else if (menit == 0 && jm < 0 && js < 0 && jm != -1 && js != -1) FAIL("menit", "isi durasi (menit) atau jam mulai dan jam selesai");
  if (!bad && menit > 0 && menit_lain + menit > a->menit_maks_harian) {
    snprintf(msg, sizeof msg, "jumlah waktu efektif hari itu menjadi %lld menit, melebihi batas %d menit per hari",
             (long long)(menit_lain + menit), a->menit_maks_harian);
    FAIL("menit", msg);
  }
  if (!m->uraian || strlen(m->uraian) < 3) FAIL("uraian", "wajib diisi: apa yang dikerjakan (minimal 3 karakter)");
  else if (strlen(m->uraian) > 2000 || !text_clean(m->uraian, true)) FAIL("uraian", "teks tidak valid atau lebih dari 2000 karakter");
  kuantitas_out[0] = '\0';
  if (m->kuantitas && m->kuantitas[0]) {
    if (target_angka_normal(m->kuantitas, kuantitas_out, 32) != 0) FAIL("kuantitas", "harus angka tidak negatif, mis. 3 atau 2,5");
    if (!m->satuan || !m->satuan[0]) FAIL("satuan", "wajib diisi bila kuantitas diisi, mis. dokumen, berkas, kegiatan");
  }
  if (m->satuan && (strlen(m->satuan) > 50 || !text_clean(m->satuan, false))) FAIL("satuan", "maksimal 50 karakter");
  if (m->lokasi && (strlen(m->lokasi) > 200 || !text_clean(m->lokasi, false))) FAIL("lokasi", "maksimal 200 karakter");
#undef FAIL
  return bad ? -1 : (int)menit;
}
