/* tpp.c: the TPP/tukin of one pegawai-month, explained line by line (see tpp.h for the formula,
 * the units and the rounding; tpp_aturan.c for the tables). */
#include "rules/tpp.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- names ------------------------------------------------------------------------------ */

static const char *const STATUS[TPP_STATUS_JUMLAH][2] = {
  {"hadir", "hadir"}, {"tanpa_keterangan", "tanpa keterangan"}, {"cuti", "cuti"}, {"dinas_luar", "dinas luar"},
  {"sakit_dengan_surat", "sakit dengan surat"}, {"tugas_belajar", "tugas belajar"},
  {"libur", "libur"},
};
static const char *const JENIS[TPP_JENIS_JUMLAH] = {"tl", "psw", "tk", "tam", "tap"};
static const char *const SASARAN[2] = {"disiplin", "seluruh"};
static const char *const TANPA_PRESENSI[2] = {"tk", "tam_tap"};

static int cari_kode(const char *s, const char *const *daftar, int n)
{
  for (int i = 0; s && i < n; i++)
    if (strcmp(s, daftar[i]) == 0) return i;
  return -1;
}

const char *tpp_status_kode(enum tpp_status s) { return (unsigned)s < TPP_STATUS_JUMLAH ? STATUS[s][0] : ""; }
const char *tpp_status_label(enum tpp_status s) { return (unsigned)s < TPP_STATUS_JUMLAH ? STATUS[s][1] : ""; }

int tpp_status_dari_kode(const char *s, enum tpp_status *out)
{
  for (int i = 0; s && i < TPP_STATUS_JUMLAH; i++)
    if (strcmp(s, STATUS[i][0]) == 0) { *out = (enum tpp_status)i; return 0; }
  return -1;
}

const char *tpp_jenis_kode(enum tpp_jenis j) { return (unsigned)j < TPP_JENIS_JUMLAH ? JENIS[j] : ""; }
int tpp_jenis_dari_kode(const char *s, enum tpp_jenis *out)
{
  int i = cari_kode(s, JENIS, TPP_JENIS_JUMLAH);
  if (i < 0) return -1;
  *out = (enum tpp_jenis)i;
  return 0;
}

const char *tpp_sasaran_kode(enum tpp_sasaran s) { return (unsigned)s < 2 ? SASARAN[s] : ""; }
int tpp_sasaran_dari_kode(const char *s, enum tpp_sasaran *out)
{
  int i = cari_kode(s, SASARAN, 2);
  if (i < 0) return -1;
  *out = (enum tpp_sasaran)i;
  return 0;
}

const char *tpp_tanpa_presensi_kode(enum tpp_tanpa_presensi t) { return (unsigned)t < 2 ? TANPA_PRESENSI[t] : ""; }
int tpp_tanpa_presensi_dari_kode(const char *s, enum tpp_tanpa_presensi *out)
{
  int i = cari_kode(s, TANPA_PRESENSI, 2);
  if (i < 0) return -1;
  *out = (enum tpp_tanpa_presensi)i;
  return 0;
}

/* ---- formats ---------------------------------------------------------------------------- */

static int digit(char c) { return c >= '0' && c <= '9'; }

int tpp_jam_dari_teks(const char *s, int *menit)
{
  if (!s || strlen(s) != 5 || s[2] != ':' || !digit(s[0]) || !digit(s[1]) || !digit(s[3]) || !digit(s[4])) return -1;
  int j = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (j > 23 || m > 59) return -1;
  *menit = j * 60 + m;
  return 0;
}

char *tpp_jam_tulis(int menit, char out[6])
{
  if (menit < 0 || menit >= 24 * 60) snprintf(out, 6, "--:--");
  else snprintf(out, 6, "%02d:%02d", menit / 60, menit % 60);
  return out;
}

/* "Rp" + magnitude with '.' every three digits (+ ",ss" when sen >= 0). */
static char *rupiah(int64_t rp, int sen, char *out, size_t n)
{
  char d[32], b[48];
  uint64_t mag = rp < 0 ? (uint64_t)0 - (uint64_t)rp : (uint64_t)rp;
  int len = snprintf(d, sizeof d, "%llu", (unsigned long long)mag), k = 0;
  if (rp < 0) b[k++] = '-';
  b[k++] = 'R';
  b[k++] = 'p';
  for (int i = 0; i < len; i++) {
    if (i > 0 && (len - i) % 3 == 0) b[k++] = '.';
    b[k++] = d[i];
  }
  b[k] = '\0';
  if (sen >= 0) snprintf(b + k, sizeof b - (size_t)k, ",%02d", sen);
  if (strlen(b) >= n) snprintf(out, n, "%s", n > 1 ? "?" : "");
  else memcpy(out, b, strlen(b) + 1);
  return out;
}

char *tpp_rupiah_tulis(int64_t rp, char *out, size_t n) { return rupiah(rp, -1, out, n); }

char *tpp_sen_tulis(int64_t sen, char *out, size_t n)
{
  int64_t r = sen / 100, s = sen % 100;
  if (s < 0) s = -s;
  if (s == 0) return rupiah(r, -1, out, n);
  char b[48];
  rupiah(r, (int)s, b, sizeof b);
  if (sen < 0 && r == 0) snprintf(out, n, "-%s", b);  /* "-Rp0,50" */
  else snprintf(out, n, "%s", b);
  return out;
}

char *tpp_persen_tulis(int32_t bp, char *out, size_t n)
{
  if (n < 2) return desimal_tulis(bp, 2, ',', true, out, n);
  desimal_tulis(bp, 2, ',', true, out, n - 1);
  size_t len = strlen(out);
  out[len] = '%';
  out[len + 1] = '\0';
  return out;
}

/* ---- arithmetic ------------------------------------------------------------------------- */

/* a / b rounded half away from zero; b > 0.  Callers keep |a| <= ~2e18 (see TPP_MAKS_RUPIAH). */
static int64_t bagi_bulat(int64_t a, int64_t b)
{
  if (a >= 0) return (a + b / 2) / b;
  return -((-a + b / 2) / b);
}

/* ---- checking the input ----------------------------------------------------------------- */

static int salah(struct tpp_galat *g, const char *field, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int salah(struct tpp_galat *g, const char *field, const char *fmt, ...)
{
  snprintf(g->field, sizeof g->field, "%s", field);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(g->pesan, sizeof g->pesan, fmt, ap);
  va_end(ap);
  return -1;
}

static int hari_dalam_bulan(int y, int m)
{
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return d[m - 1];
}

static int jam_sah(int menit) { return menit >= 0 && menit < 24 * 60; }

static int periksa_hari(const struct tpp_masukan *m, int i, struct tpp_galat *g)
{
  const struct tpp_hari *h = &m->hari[i];
  char f[64], a[6], b[6];
  if ((unsigned)h->status >= TPP_STATUS_JUMLAH) {
    snprintf(f, sizeof f, "hari[%d].status", i);
    return salah(g, f, "hari ke-%d: status tidak dikenal", i + 1);
  }
  if (h->tanggal[0]) {
    char awal[9];
    snprintf(awal, sizeof awal, "%04d-%02d-", m->tahun, m->bulan);
    int tgl = digit(h->tanggal[8]) && digit(h->tanggal[9]) ? (h->tanggal[8] - '0') * 10 + (h->tanggal[9] - '0') : 0;
    /* the field name is formatted only for an error (this runs for every day of every pegawai) */
    if (strlen(h->tanggal) != 10 || strncmp(h->tanggal, awal, 8) != 0 || tgl < 1 ||
        tgl > hari_dalam_bulan(m->tahun, m->bulan)) {
      snprintf(f, sizeof f, "hari[%d].tanggal", i);
      return salah(g, f, "hari ke-%d: tanggal %s bukan tanggal dalam periode %04d-%02d", i + 1, h->tanggal, m->tahun,
                   m->bulan);
    }
    for (int j = 0; j < i; j++)
      if (strcmp(m->hari[j].tanggal, h->tanggal) == 0) {
        snprintf(f, sizeof f, "hari[%d].tanggal", i);
        return salah(g, f, "hari ke-%d: tanggal %s sudah ada pada hari ke-%d", i + 1, h->tanggal, j + 1);
      }
  }
  if (h->status != TPP_HADIR) return 0;
  if (!jam_sah(h->jadwal_masuk) || !jam_sah(h->jadwal_pulang)) {
    snprintf(f, sizeof f, "hari[%d].jadwal", i);
    return salah(g, f, "hari ke-%d: jadwal masuk dan pulang wajib diisi untuk hari hadir", i + 1);
  }
  if (h->jadwal_pulang == h->jadwal_masuk) {
    snprintf(f, sizeof f, "hari[%d].jadwal", i);
    return salah(g, f, "hari ke-%d: jadwal pulang %s sama dengan jadwal masuk %s", i + 1,
                 tpp_jam_tulis(h->jadwal_pulang, b), tpp_jam_tulis(h->jadwal_masuk, a));
  }
  if (h->masuk != TPP_TIDAK_ADA && !jam_sah(h->masuk)) {
    snprintf(f, sizeof f, "hari[%d].masuk", i);
    return salah(g, f, "hari ke-%d: jam masuk harus 00:00-23:59", i + 1);
  }
  if (h->pulang != TPP_TIDAK_ADA && !jam_sah(h->pulang)) {
    snprintf(f, sizeof f, "hari[%d].pulang", i);
    return salah(g, f, "hari ke-%d: jam pulang harus 00:00-23:59", i + 1);
  }
  if (h->masuk != TPP_TIDAK_ADA && h->pulang != TPP_TIDAK_ADA &&
      tpp_menit_shift(h->jadwal_masuk, h->jadwal_pulang, h->pulang) < tpp_menit_shift(h->jadwal_masuk, h->jadwal_pulang, h->masuk)) {
    snprintf(f, sizeof f, "hari[%d].pulang", i);
    return salah(g, f, "hari ke-%d: jam pulang %s lebih awal dari jam masuk %s", i + 1, tpp_jam_tulis(h->pulang, b),
                 tpp_jam_tulis(h->masuk, a));
  }
  return 0;
}

static int periksa_masukan(const struct tpp_aturan *a, const struct tpp_masukan *m, struct tpp_galat *g)
{
  char f[64];
  if (m->tahun < 1900 || m->tahun > 2199 || m->bulan < 1 || m->bulan > 12)
    return salah(g, "periode", "periode harus bulan yang sah (YYYY-MM)");
  if (m->dasar < 0 || m->dasar > TPP_MAKS_RUPIAH) return salah(g, "dasar", "besaran harus 0 sampai Rp10.000.000.000");
  if (m->dasar == 0) {
    if (m->kelas_jabatan < 1 || m->kelas_jabatan > TPP_KELAS_MAKS)
      return salah(g, "kelas_jabatan", "isi kelas jabatan 1-%d atau besaran (dasar) langsung", TPP_KELAS_MAKS);
    if (a->besaran[m->kelas_jabatan] <= 0)
      return salah(g, "kelas_jabatan", "besaran untuk kelas jabatan %d belum diatur dalam tabel", m->kelas_jabatan);
  } else if (m->kelas_jabatan < 0 || m->kelas_jabatan > TPP_KELAS_MAKS) {
    return salah(g, "kelas_jabatan", "kelas jabatan harus 1-%d", TPP_KELAS_MAKS);
  }
  if (!m->pakai_nilai && (unsigned)m->predikat >= PREDIKAT_JUMLAH) return salah(g, "predikat", "predikat tidak dikenal");
  if (m->pakai_nilai) {
    if (a->n_band == 0) return salah(g, "nilai", "tabel ini tidak memiliki band nilai; isi predikat");
    if (m->nilai < 0 || m->nilai > TPP_MAKS_NILAI_SKOR) return salah(g, "nilai", "nilai harus 0 sampai 1000");
  }
  if (m->n_hari < 0 || m->n_hari > TPP_MAKS_HARI) return salah(g, "hari", "paling banyak %d hari", TPP_MAKS_HARI);
  for (int i = 0; i < m->n_hari; i++)
    if (periksa_hari(m, i, g) != 0) return -1;
  if (m->n_sanksi < 0 || m->n_sanksi > TPP_MAKS_SANKSI_PEGAWAI)
    return salah(g, "sanksi", "paling banyak %d sanksi", TPP_MAKS_SANKSI_PEGAWAI);
  for (int i = 0; i < m->n_sanksi; i++) {
    const struct tpp_sanksi *s = &m->sanksi[i];
    if (s->persen < 0 || s->persen > TPP_SERATUS_PERSEN) {
      snprintf(f, sizeof f, "sanksi[%d].persen", i);
      return salah(g, f, "sanksi ke-%d: persen harus 0-100%%", i + 1);
    }
    if (s->bulan < 1 || s->bulan > 120) {
      snprintf(f, sizeof f, "sanksi[%d].bulan", i);
      return salah(g, f, "sanksi ke-%d: lama harus 1 sampai 120 bulan", i + 1);
    }
    if (s->mulai_tahun < 1900 || s->mulai_tahun > 2199 || s->mulai_bulan < 1 || s->mulai_bulan > 12) {
      snprintf(f, sizeof f, "sanksi[%d].mulai", i);
      return salah(g, f, "sanksi ke-%d: bulan mulai harus YYYY-MM yang sah", i + 1);
    }
  }
  return 0;
}

/* ---- the deduction lines ---------------------------------------------------------------- */

struct kerja {
  const struct tpp_aturan *a;
  const struct tpp_masukan *m;
  struct tpp_hasil *out;
  int64_t dasar_sen_x;   /* line rupiah × 100 = persen × dasar_sen_x / pembagi */
  int64_t pembagi;
};

/* The rupiah × 100 that `persen` of the deduction base costs, half up. */
static int64_t sen_dari(const struct kerja *k, int32_t persen)
{
  return bagi_bulat(k->dasar_sen_x * persen, k->pembagi);
}

/* "2024-05-06 (hari ke-4)" or "Hari ke-4" */
static const char *nama_hari(const struct tpp_masukan *m, int i, char *buf, size_t n)
{
  if (m->hari[i].tanggal[0]) snprintf(buf, n, "%s (hari ke-%d)", m->hari[i].tanggal, i + 1);
  else snprintf(buf, n, "Hari ke-%d", i + 1);
  return buf;
}

/* Appends the line of rule row `baris` for day `i`; `fakta` states the presensi facts. */
static int32_t tambah(struct kerja *k, int i, int baris, int menit, const char *fakta)
{
  struct tpp_hasil *out = k->out;
  /* neither can happen with a checked table: <= 3 lines a day, TK/TAM/TAP rows exist */
  if (baris < 0 || out->n_rincian >= TPP_MAKS_RINCIAN) return 0;
  const struct tpp_potongan *p = &k->a->potongan[baris];
  struct tpp_rincian *r = &out->rincian[out->n_rincian++];
  r->hari = i;
  r->baris = baris;
  r->menit = menit;
  r->persen = p->persen;
  r->sen = sen_dari(k, p->persen);
  char h[40], pr[24], dasar[40], rp[40];
  snprintf(r->teks, sizeof r->teks, "%s: %s; %s%s%s%s: %s × %s = %s.", nama_hari(k->m, i, h, sizeof h), fakta, p->kode,
           p->keterangan[0] ? " (" : "", p->keterangan, p->keterangan[0] ? ")" : "",
           tpp_persen_tulis(p->persen, pr, sizeof pr), tpp_sen_tulis(sen_dari(k, TPP_SERATUS_PERSEN), dasar, sizeof dasar),
           tpp_sen_tulis(r->sen, rp, sizeof rp));
  return p->persen;
}

/* The lines of one day; returns the day's deduction after the per-day cap. */
static int32_t satu_hari(struct kerja *k, int i)
{
  const struct tpp_aturan *a = k->a;
  const struct tpp_hari *h = &k->m->hari[i];
  char fakta[160], j1[6], j2[6];
  int32_t jumlah = 0;
  /* a TK day is its own per-day rate: the per-day cap is for TL, PSW, TAM and TAP together
   * (UNCONFIRMED) */
  if (h->status == TPP_TANPA_KETERANGAN)
    return tambah(k, i, tpp_cari_potongan(a, TPP_TK, 0), 0, "tidak masuk kerja tanpa keterangan");
  if (h->status != TPP_HADIR) return 0;  /* cuti, dinas luar, sakit dengan surat, tugas belajar, libur */
  if (h->masuk == TPP_TIDAK_ADA && h->pulang == TPP_TIDAK_ADA && a->tanpa_presensi == TPP_TANPA_PRESENSI_TK)
    return tambah(k, i, tpp_cari_potongan(a, TPP_TK, 0), 0,
                  "hadir tanpa absen masuk dan tanpa absen pulang, dianggap tanpa keterangan");
  {
    /* a night shift's times after midnight count from the next day (tpp_menit_shift) */
    int jm = h->jadwal_masuk, jp = tpp_menit_shift(jm, h->jadwal_pulang, h->jadwal_pulang);
    int masuk = h->masuk == TPP_TIDAK_ADA ? TPP_TIDAK_ADA : tpp_menit_shift(jm, h->jadwal_pulang, h->masuk);
    int pulang = h->pulang == TPP_TIDAK_ADA ? TPP_TIDAK_ADA : tpp_menit_shift(jm, h->jadwal_pulang, h->pulang);
    if (h->masuk == TPP_TIDAK_ADA) {
      snprintf(fakta, sizeof fakta, "tidak absen masuk (jadwal masuk %s)", tpp_jam_tulis(h->jadwal_masuk, j1));
      jumlah += tambah(k, i, tpp_cari_potongan(a, TPP_TAM, 0), 0, fakta);
    } else if (masuk > jm) {
      int menit = masuk - jm, b = tpp_cari_potongan(a, TPP_TL, menit);
      snprintf(fakta, sizeof fakta, "masuk %s, jadwal masuk %s = terlambat %d menit", tpp_jam_tulis(h->masuk, j1),
               tpp_jam_tulis(h->jadwal_masuk, j2), menit);
      if (b >= 0) jumlah += tambah(k, i, b, menit, fakta);
    }
    if (h->pulang == TPP_TIDAK_ADA) {
      snprintf(fakta, sizeof fakta, "tidak absen pulang (jadwal pulang %s)", tpp_jam_tulis(h->jadwal_pulang, j1));
      jumlah += tambah(k, i, tpp_cari_potongan(a, TPP_TAP, 0), 0, fakta);
    } else if (pulang < jp) {
      int menit = jp - pulang, b = tpp_cari_potongan(a, TPP_PSW, menit);
      snprintf(fakta, sizeof fakta, "pulang %s, jadwal pulang %s = pulang %d menit lebih awal",
               tpp_jam_tulis(h->pulang, j1), tpp_jam_tulis(h->jadwal_pulang, j2), menit);
      if (b >= 0) jumlah += tambah(k, i, b, menit, fakta);
    }
  }
  if (a->batas_harian == TPP_TANPA_BATAS || jumlah <= a->batas_harian) return jumlah;
  struct tpp_hasil *out = k->out;
  if (out->n_rincian >= TPP_MAKS_RINCIAN) return a->batas_harian;
  struct tpp_rincian *r = &out->rincian[out->n_rincian++];
  r->hari = i;
  r->baris = -1;
  r->persen = a->batas_harian - jumlah;
  r->sen = sen_dari(k, r->persen);
  char hh[40], x[24], y[24], z[24], rp[40];
  snprintf(r->teks, sizeof r->teks, "%s: potongan hari ini %s melebihi batas per hari %s; dikurangi %s = %s.",
           nama_hari(k->m, i, hh, sizeof hh), tpp_persen_tulis(jumlah, x, sizeof x),
           tpp_persen_tulis(a->batas_harian, y, sizeof y), tpp_persen_tulis(jumlah - a->batas_harian, z, sizeof z),
           tpp_sen_tulis(r->sen, rp, sizeof rp));
  return a->batas_harian;
}

/* ---- the month -------------------------------------------------------------------------- */

static int bayar_kinerja(const struct tpp_aturan *a, const struct tpp_masukan *m, struct tpp_hasil *out,
                         struct tpp_galat *g)
{
  if (!m->pakai_nilai) {
    out->bayar_kinerja = a->bayar_predikat[m->predikat];
    return 0;
  }
  for (int i = 0; i < a->n_band; i++)
    if (m->nilai >= a->band[i].dari && m->nilai <= a->band[i].sampai) {
      out->band = i;
      out->bayar_kinerja = a->band[i].persen;
      return 0;
    }
  char n[16];
  return salah(g, "nilai", "nilai %s tidak tercakup band nilai mana pun dalam tabel",
               desimal_tulis(m->nilai, 2, ',', true, n, sizeof n));
}

static void jelaskan_sanksi(const struct tpp_masukan *m, struct tpp_hasil *out)
{
  int sekarang = m->tahun * 12 + m->bulan - 1;
  int32_t jumlah = 0;
  for (int i = 0; i < m->n_sanksi; i++) {
    const struct tpp_sanksi *s = &m->sanksi[i];
    int mulai = s->mulai_tahun * 12 + s->mulai_bulan - 1, akhir = mulai + s->bulan - 1;
    char p[24], ket[TPP_KETERANGAN_PANJANG + 24];
    if (s->kode[0] || s->keterangan[0])
      snprintf(ket, sizeof ket, " %s%s%s%s", s->kode, s->kode[0] && s->keterangan[0] ? " (" : "", s->keterangan,
               s->kode[0] && s->keterangan[0] ? ")" : "");
    else
      ket[0] = '\0';
    int aktif = sekarang >= mulai && sekarang <= akhir;
    if (aktif) jumlah += s->persen;
    penjelasan_tambah(&out->pj, "Sanksi%s: potongan %s selama %d bulan, %04d-%02d s.d. %04d-%02d; %s.", ket,
                      tpp_persen_tulis(s->persen, p, sizeof p), s->bulan, s->mulai_tahun, s->mulai_bulan, akhir / 12,
                      akhir % 12 + 1, aktif ? "berlaku pada periode ini" : "tidak berlaku pada periode ini");
  }
  if (jumlah > TPP_SERATUS_PERSEN) {
    char p[24];
    penjelasan_tambah(&out->pj, "Jumlah persen sanksi yang berlaku %s dibatasi 100%% (belum dipastikan).",
                      tpp_persen_tulis(jumlah, p, sizeof p));
    jumlah = TPP_SERATUS_PERSEN;
  }
  out->sanksi_persen = jumlah;
}

int tpp_hitung(const struct tpp_aturan *a, const struct tpp_masukan *m, struct tpp_hasil *out, struct tpp_galat *g)
{
  memset(out, 0, sizeof *out);
  memset(g, 0, sizeof *g);
  out->band = -1;
  penjelasan_mulai(&out->pj);
  if (tpp_aturan_periksa(a, g) != 0) {
    char f[sizeof g->field];
    snprintf(f, sizeof f, "aturan.%.*s", (int)(sizeof f - 8), g->field);
    memcpy(g->field, f, sizeof f);
    return -1;
  }
  if (periksa_masukan(a, m, g) != 0) return -1;
  if (bayar_kinerja(a, m, out, g) != 0) return -1;
  struct penjelasan *pj = &out->pj;
  char s1[40], s2[40], s3[40], s4[40], p1[24], p2[24], p3[24];

  /* dasar × porsi × persen: each factor bounded (1e10 × 1e4 × 1e4 = 1e18 < INT64_MAX) */
  const int64_t JUTA_BP = (int64_t)TPP_SERATUS_PERSEN * TPP_SERATUS_PERSEN;
  out->dasar = m->dasar > 0 ? m->dasar : a->besaran[m->kelas_jabatan];
  out->kinerja = bagi_bulat(out->dasar * a->porsi_kinerja * out->bayar_kinerja, JUTA_BP);
  out->disiplin_penuh = bagi_bulat(out->dasar * a->porsi_disiplin, TPP_SERATUS_PERSEN);

  penjelasan_tambah(pj, "Aturan: %s; porsi kinerja %s dan disiplin %s; potongan presensi dikenakan pada %s.", a->nama,
                    tpp_persen_tulis(a->porsi_kinerja, p1, sizeof p1), tpp_persen_tulis(a->porsi_disiplin, p2, sizeof p2),
                    a->sasaran == TPP_SASARAN_DISIPLIN ? "komponen disiplin" : "seluruh tunjangan");
  if (m->dasar > 0)
    penjelasan_tambah(pj, "Besaran: %s per bulan (diisi langsung).", tpp_rupiah_tulis(out->dasar, s1, sizeof s1));
  else
    penjelasan_tambah(pj, "Besaran: kelas jabatan %d, %s per bulan (tabel besaran).", m->kelas_jabatan,
                      tpp_rupiah_tulis(out->dasar, s1, sizeof s1));

  /* the deduction lines; in central mode their base is what kinerja + disiplin would pay */
  struct kerja k = {a, m, out, 0, 1};
  if (a->sasaran == TPP_SASARAN_DISIPLIN) {
    k.dasar_sen_x = out->dasar * a->porsi_disiplin;   /* sen = dasar × porsi × persen / 1e6 */
    k.pembagi = JUTA_BP / 100;
  } else {
    k.dasar_sen_x = out->kinerja + out->disiplin_penuh; /* sen = basis × persen / 100 */
    k.pembagi = 100;
  }
  int32_t jumlah_hari = 0;
  for (int i = 0; i < m->n_hari; i++) {
    out->jumlah_status[m->hari[i].status]++;
    jumlah_hari += satu_hari(&k, i);
  }
  out->potongan_hari = jumlah_hari;
  out->potongan_persen = jumlah_hari;
  if (jumlah_hari > a->batas_bulanan) {
    out->potongan_persen = a->batas_bulanan;
    out->kena_batas_bulanan = true;
  }

  char hari[200];
  int len = snprintf(hari, sizeof hari, "Hari kerja tercatat: %d", m->n_hari);
  for (int s = 0, pertama = 1; s < TPP_STATUS_JUMLAH && len > 0 && (size_t)len < sizeof hari; s++) {
    if (!out->jumlah_status[s]) continue;
    len += snprintf(hari + len, sizeof hari - (size_t)len, "%s%s %d", pertama ? " (" : ", ",
                    tpp_status_label((enum tpp_status)s), out->jumlah_status[s]);
    pertama = 0;
  }
  penjelasan_tambah(pj, "%s%s. Cuti, dinas luar, sakit dengan surat, tugas belajar dan hari libur tidak dipotong.", hari,
                    m->n_hari > 0 && len > 0 && (size_t)len < sizeof hari ? ")" : "");

  if (out->band >= 0) {
    char x[16], y[16], n[16];
    const struct tpp_band *b = &a->band[out->band];
    penjelasan_tambah(pj, "Komponen kinerja: %s × %s × %s (nilai %s, band %s-%s) = %s.",
                      tpp_rupiah_tulis(out->dasar, s1, sizeof s1), tpp_persen_tulis(a->porsi_kinerja, p1, sizeof p1),
                      tpp_persen_tulis(out->bayar_kinerja, p2, sizeof p2), desimal_tulis(m->nilai, 2, ',', true, n, sizeof n),
                      desimal_tulis(b->dari, 2, ',', true, x, sizeof x), desimal_tulis(b->sampai, 2, ',', true, y, sizeof y),
                      tpp_rupiah_tulis(out->kinerja, s2, sizeof s2));
  } else {
    penjelasan_tambah(pj, "Komponen kinerja: %s × %s × %s (predikat %s) = %s.", tpp_rupiah_tulis(out->dasar, s1, sizeof s1),
                      tpp_persen_tulis(a->porsi_kinerja, p1, sizeof p1), tpp_persen_tulis(out->bayar_kinerja, p2, sizeof p2),
                      predikat_label(m->predikat), tpp_rupiah_tulis(out->kinerja, s2, sizeof s2));
  }

  int n_potong = 0;
  for (int i = 0; i < out->n_rincian; i++) n_potong += out->rincian[i].baris >= 0;
  if (out->kena_batas_bulanan)
    penjelasan_tambah(pj, "Potongan presensi: %d baris, jumlah %s melebihi batas per bulan %s; yang dipotong %s.",
                      n_potong, tpp_persen_tulis(jumlah_hari, p1, sizeof p1),
                      tpp_persen_tulis(a->batas_bulanan, p2, sizeof p2), tpp_persen_tulis(out->potongan_persen, p3, sizeof p3));
  else
    penjelasan_tambah(pj, "Potongan presensi: %d baris, jumlah %s (batas per bulan %s).", n_potong,
                      tpp_persen_tulis(jumlah_hari, p1, sizeof p1), tpp_persen_tulis(a->batas_bulanan, p2, sizeof p2));

  int64_t potong_seluruh = 0;
  if (a->sasaran == TPP_SASARAN_DISIPLIN) {
    out->disiplin =
      bagi_bulat(out->dasar * a->porsi_disiplin * (TPP_SERATUS_PERSEN - out->potongan_persen), JUTA_BP);
    out->potongan_presensi = out->disiplin_penuh - out->disiplin;
    penjelasan_tambah(pj, "Komponen disiplin: %s × %s × (100%% − %s) = %s (tanpa potongan %s; potongan presensi %s).",
                      tpp_rupiah_tulis(out->dasar, s1, sizeof s1), tpp_persen_tulis(a->porsi_disiplin, p1, sizeof p1),
                      tpp_persen_tulis(out->potongan_persen, p2, sizeof p2), tpp_rupiah_tulis(out->disiplin, s2, sizeof s2),
                      tpp_rupiah_tulis(out->disiplin_penuh, s3, sizeof s3),
                      tpp_rupiah_tulis(out->potongan_presensi, s4, sizeof s4));
  } else {
    out->disiplin = out->disiplin_penuh;
    if (a->porsi_disiplin > 0)
      penjelasan_tambah(pj, "Komponen disiplin: %s × %s = %s.", tpp_rupiah_tulis(out->dasar, s1, sizeof s1),
                        tpp_persen_tulis(a->porsi_disiplin, p1, sizeof p1), tpp_rupiah_tulis(out->disiplin, s2, sizeof s2));
    int64_t basis = out->kinerja + out->disiplin;
    out->potongan_presensi = bagi_bulat(basis * out->potongan_persen, TPP_SERATUS_PERSEN);
    potong_seluruh = out->potongan_presensi;
    penjelasan_tambah(pj, "Potongan presensi atas seluruh tunjangan: %s × %s = %s.",
                      tpp_persen_tulis(out->potongan_persen, p1, sizeof p1), tpp_rupiah_tulis(basis, s1, sizeof s1),
                      tpp_rupiah_tulis(out->potongan_presensi, s2, sizeof s2));
  }
  out->sebelum_sanksi = out->kinerja + out->disiplin - potong_seluruh;

  jelaskan_sanksi(m, out);
  out->potongan_sanksi = bagi_bulat(out->sebelum_sanksi * out->sanksi_persen, TPP_SERATUS_PERSEN);
  if (out->sanksi_persen > 0)
    penjelasan_tambah(pj, "Potongan sanksi disiplin: %s × %s = %s.", tpp_persen_tulis(out->sanksi_persen, p1, sizeof p1),
                      tpp_rupiah_tulis(out->sebelum_sanksi, s1, sizeof s1),
                      tpp_rupiah_tulis(out->potongan_sanksi, s2, sizeof s2));
  out->jumlah = out->sebelum_sanksi - out->potongan_sanksi;

  if (a->sasaran == TPP_SASARAN_DISIPLIN)
    penjelasan_tambah(pj, "Jumlah diterima: %s + %s − %s = %s.", tpp_rupiah_tulis(out->kinerja, s1, sizeof s1),
                      tpp_rupiah_tulis(out->disiplin, s2, sizeof s2), tpp_rupiah_tulis(out->potongan_sanksi, s3, sizeof s3),
                      tpp_rupiah_tulis(out->jumlah, s4, sizeof s4));
  else
    penjelasan_tambah(pj, "Jumlah diterima: %s − %s − %s = %s.", tpp_rupiah_tulis(out->kinerja + out->disiplin, s1, sizeof s1),
                      tpp_rupiah_tulis(potong_seluruh, s2, sizeof s2), tpp_rupiah_tulis(out->potongan_sanksi, s3, sizeof s3),
                      tpp_rupiah_tulis(out->jumlah, s4, sizeof s4));
  penjelasan_tambah(pj, "Pembulatan: setiap komponen dihitung tepat lalu dibulatkan ke rupiah terdekat (setengah ke atas) "
                    "di akhir rumusnya; rupiah per baris potongan hanya rincian (cara pembulatan belum dipastikan).");
  penjelasan_tambah(pj, "Dasar: tabel TPP/tunjangan kinerja instansi \"%s\" (tidak ada tabel nasional); hukuman "
                    "disiplin: PP Nomor 94 Tahun 2021.", a->nama);
  return 0;
}
