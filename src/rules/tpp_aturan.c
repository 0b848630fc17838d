/* tpp_aturan.c: the TPP/tukin rule tables: the presets shipped as data, the check every table
 * passes before use, and the row look-ups (see tpp.h).
 *
 * What DOMAIN.md ("Tukin / TPP from performance and attendance") gives, and what is assumed:
 *   given: kinerja/disiplin 60/40 for regional TPP (itself marked UNCONFIRMED there);
 *          TL1 late 1-30 min 0,5 %, TL2 31-60 1 %, TL3 61-90 1,25 %, TL4 >= 91 min or no
 *          check-in 1,5 %; PSW1-PSW4 the same; absent without reason 5 % per day; monthly cap
 *          100 %; regional deductions from the disiplin component, central from the whole;
 *          Kementan 2012: TL3 1,5 %, TL4 2 %, absent 4 % per day.
 *   UNCONFIRMED (assumed here, each a field an admin can change):
 *          - no check-out costs what PSW4 costs (by symmetry with "no check-in = TL4");
 *          - a hadir day with neither check-in nor check-out counts as tanpa keterangan (TK);
 *          - the payment per predikat (100/100/75/50/25 %) and per score band;
 *          - no per-day cap in either preset;
 *          - Kementan 2012: TL1, TL2, the PSW rows and the missing check-in/out rows as in the
 *            common table but with its TL3/TL4 values; the whole amount per kelas jabatan paid
 *            as the kinerja component (porsi 100/0, every predikat 100 %) less the deductions;
 *          - sanction kinds: PP 94/2021 Pasal 8 ayat (3) hukuman disiplin sedang (tunjangan
 *            kinerja cut 25 % for 6, 9 or 12 months), not in DOMAIN.md: check against the text. */
#include "rules/tpp.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- presets ---------------------------------------------------------------------------- */

struct baris_preset {
  const char *kode;
  enum tpp_jenis jenis;
  int dari, sampai;
  int32_t persen;
  const char *keterangan;
};

static const struct baris_preset UMUM_DAERAH[] = {
  {"TL1", TPP_TL, 1, 30, 50, "terlambat 1-30 menit"},
  {"TL2", TPP_TL, 31, 60, 100, "terlambat 31-60 menit"},
  {"TL3", TPP_TL, 61, 90, 125, "terlambat 61-90 menit"},
  {"TL4", TPP_TL, 91, TPP_TANPA_BATAS, 150, "terlambat 91 menit atau lebih"},
  {"PSW1", TPP_PSW, 1, 30, 50, "pulang 1-30 menit sebelum waktunya"},
  {"PSW2", TPP_PSW, 31, 60, 100, "pulang 31-60 menit sebelum waktunya"},
  {"PSW3", TPP_PSW, 61, 90, 125, "pulang 61-90 menit sebelum waktunya"},
  {"PSW4", TPP_PSW, 91, TPP_TANPA_BATAS, 150, "pulang 91 menit atau lebih sebelum waktunya"},
  {"TK", TPP_TK, 0, 0, 500, "tidak masuk kerja tanpa keterangan"},
  {"TAM", TPP_TAM, 0, 0, 150, "tidak absen masuk, setara TL4"},
  {"TAP", TPP_TAP, 0, 0, 150, "tidak absen pulang, setara PSW4, belum dipastikan"},
};

static const struct baris_preset KEMENTAN_2012[] = {
  {"TL1", TPP_TL, 1, 30, 50, "terlambat 1-30 menit (belum dipastikan)"},
  {"TL2", TPP_TL, 31, 60, 100, "terlambat 31-60 menit (belum dipastikan)"},
  {"TL3", TPP_TL, 61, 90, 150, "terlambat 61-90 menit"},
  {"TL4", TPP_TL, 91, TPP_TANPA_BATAS, 200, "terlambat 91 menit atau lebih"},
  {"PSW1", TPP_PSW, 1, 30, 50, "pulang 1-30 menit sebelum waktunya (belum dipastikan)"},
  {"PSW2", TPP_PSW, 31, 60, 100, "pulang 31-60 menit sebelum waktunya (belum dipastikan)"},
  {"PSW3", TPP_PSW, 61, 90, 150, "pulang 61-90 menit sebelum waktunya (belum dipastikan)"},
  {"PSW4", TPP_PSW, 91, TPP_TANPA_BATAS, 200, "pulang 91 menit atau lebih sebelum waktunya (belum dipastikan)"},
  {"TK", TPP_TK, 0, 0, 400, "tidak masuk kerja tanpa keterangan"},
  {"TAM", TPP_TAM, 0, 0, 200, "tidak absen masuk, setara TL4, belum dipastikan"},
  {"TAP", TPP_TAP, 0, 0, 200, "tidak absen pulang, setara PSW4, belum dipastikan"},
};

static const struct tpp_jenis_sanksi SANKSI_PP94[] = {
  {"HDS1", 2500, 6, "hukuman disiplin sedang: pemotongan tunjangan kinerja 25% selama 6 bulan "
                    "(PP 94/2021 Pasal 8 ayat (3) huruf a)"},
  {"HDS2", 2500, 9, "hukuman disiplin sedang: pemotongan tunjangan kinerja 25% selama 9 bulan "
                    "(PP 94/2021 Pasal 8 ayat (3) huruf b)"},
  {"HDS3", 2500, 12, "hukuman disiplin sedang: pemotongan tunjangan kinerja 25% selama 12 bulan "
                     "(PP 94/2021 Pasal 8 ayat (3) huruf c)"},
};

/* Score bands in the PP 30/2019 ranges (Baik from 90, Cukup from 70, Kurang from 50). */
static const struct tpp_band BAND_UMUM[] = {
  {9000, 12000, 10000}, {7000, 8999, 7500}, {5000, 6999, 5000}, {0, 4999, 2500},
};

const char *const TPP_PRESET[] = {"umum_daerah", "kementan_2012", NULL};

static void isi_baris(struct tpp_aturan *a, const struct baris_preset *b, int n)
{
  a->n_potongan = n;
  for (int i = 0; i < n; i++) {
    struct tpp_potongan *p = &a->potongan[i];
    snprintf(p->kode, sizeof p->kode, "%s", b[i].kode);
    p->jenis = b[i].jenis;
    p->menit_dari = b[i].dari;
    p->menit_sampai = b[i].sampai;
    p->persen = b[i].persen;
    snprintf(p->keterangan, sizeof p->keterangan, "%s", b[i].keterangan);
  }
}

static void isi_sanksi(struct tpp_aturan *a)
{
  a->n_sanksi = (int)(sizeof SANKSI_PP94 / sizeof SANKSI_PP94[0]);
  memcpy(a->sanksi, SANKSI_PP94, sizeof SANKSI_PP94);
}

int tpp_preset(const char *kode, struct tpp_aturan *out)
{
  if (!kode) return -1;
  memset(out, 0, sizeof *out);
  out->batas_harian = TPP_TANPA_BATAS;
  out->batas_bulanan = TPP_SERATUS_PERSEN;
  out->tanpa_presensi = TPP_TANPA_PRESENSI_TK;
  isi_sanksi(out);
  if (strcmp(kode, "umum_daerah") == 0) {
    snprintf(out->nama, sizeof out->nama, "TPP daerah, tabel umum");
    out->porsi_kinerja = 6000;
    out->porsi_disiplin = 4000;
    static const int32_t bayar[PREDIKAT_JUMLAH] = {10000, 10000, 7500, 5000, 2500};
    memcpy(out->bayar_predikat, bayar, sizeof bayar);
    out->n_band = (int)(sizeof BAND_UMUM / sizeof BAND_UMUM[0]);
    memcpy(out->band, BAND_UMUM, sizeof BAND_UMUM);
    isi_baris(out, UMUM_DAERAH, (int)(sizeof UMUM_DAERAH / sizeof UMUM_DAERAH[0]));
    out->sasaran = TPP_SASARAN_DISIPLIN;
    return 0;
  }
  if (strcmp(kode, "kementan_2012") == 0) {
    snprintf(out->nama, sizeof out->nama, "Tunjangan kinerja Kementan 2012");
    out->porsi_kinerja = TPP_SERATUS_PERSEN;
    out->porsi_disiplin = 0;
    for (int i = 0; i < PREDIKAT_JUMLAH; i++) out->bayar_predikat[i] = TPP_SERATUS_PERSEN;
    isi_baris(out, KEMENTAN_2012, (int)(sizeof KEMENTAN_2012 / sizeof KEMENTAN_2012[0]));
    out->sasaran = TPP_SASARAN_SELURUH;
    return 0;
  }
  return -1;
}

/* ---- the check -------------------------------------------------------------------------- */

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

static int persen_sah(int32_t bp) { return bp >= 0 && bp <= TPP_SERATUS_PERSEN; }

/* "31-60 menit", "91 menit atau lebih" */
static const char *rentang(const struct tpp_potongan *p, char *buf, size_t n)
{
  if (p->menit_sampai == TPP_TANPA_BATAS) snprintf(buf, n, "%d menit atau lebih", p->menit_dari);
  else snprintf(buf, n, "%d-%d menit", p->menit_dari, p->menit_sampai);
  return buf;
}

static int periksa_potongan(const struct tpp_aturan *a, struct tpp_galat *g)
{
  char f[64], r1[40], r2[40], p[24];
  int ada[TPP_JENIS_JUMLAH] = {0};
  for (int i = 0; i < a->n_potongan; i++) {
    const struct tpp_potongan *b = &a->potongan[i];
    if (!b->kode[0]) {
      snprintf(f, sizeof f, "potongan[%d].kode", i);
      return salah(g, f, "baris potongan ke-%d: kode wajib diisi", i + 1);
    }
    for (int j = 0; j < i; j++)
      if (strcmp(a->potongan[j].kode, b->kode) == 0) {
        snprintf(f, sizeof f, "potongan[%d].kode", i);
        return salah(g, f, "baris potongan ke-%d: kode %s sudah dipakai baris ke-%d", i + 1, b->kode, j + 1);
      }
    if ((unsigned)b->jenis >= TPP_JENIS_JUMLAH) {
      snprintf(f, sizeof f, "potongan[%d].jenis", i);
      return salah(g, f, "baris %s: jenis harus tl, psw, tk, tam atau tap", b->kode);
    }
    if (!persen_sah(b->persen)) {
      snprintf(f, sizeof f, "potongan[%d].persen", i);
      return salah(g, f, "baris %s: persen %s di luar 0-100%%", b->kode, tpp_persen_tulis(b->persen, p, sizeof p));
    }
    if (b->jenis != TPP_TL && b->jenis != TPP_PSW) {
      if (ada[b->jenis]) {
        snprintf(f, sizeof f, "potongan[%d].jenis", i);
        return salah(g, f, "baris %s: jenis %s hanya boleh satu baris (sudah ada baris ke-%d)", b->kode,
                     tpp_jenis_kode(b->jenis), ada[b->jenis]);
      }
      ada[b->jenis] = i + 1;
      if (b->menit_dari != 0 || b->menit_sampai != 0) {
        snprintf(f, sizeof f, "potongan[%d].menit_dari", i);
        return salah(g, f, "baris %s: jenis %s dihitung per hari, rentang menit harus kosong", b->kode,
                     tpp_jenis_kode(b->jenis));
      }
      continue;
    }
    ada[b->jenis] = i + 1;
    if (b->menit_dari < 1) {
      snprintf(f, sizeof f, "potongan[%d].menit_dari", i);
      return salah(g, f, "baris %s: menit awal harus 1 atau lebih (tepat waktu tidak dipotong)", b->kode);
    }
    if (b->menit_sampai != TPP_TANPA_BATAS && b->menit_sampai < b->menit_dari) {
      snprintf(f, sizeof f, "potongan[%d].menit_sampai", i);
      return salah(g, f, "baris %s: menit akhir %d lebih kecil dari menit awal %d", b->kode, b->menit_sampai,
                   b->menit_dari);
    }
  }
  /* within a family: sorted by menit_dari, each row must start right after the previous ends */
  for (int jenis = TPP_TL; jenis <= TPP_PSW; jenis++) {
    int urut[TPP_MAKS_POTONGAN], n = 0;
    for (int i = 0; i < a->n_potongan; i++)
      if ((int)a->potongan[i].jenis == jenis) {
        int k = n++;
        while (k > 0 && a->potongan[urut[k - 1]].menit_dari > a->potongan[i].menit_dari) {
          urut[k] = urut[k - 1];
          k--;
        }
        urut[k] = i;
      }
    for (int k = 1; k < n; k++) {
      const struct tpp_potongan *s = &a->potongan[urut[k - 1]], *b = &a->potongan[urut[k]];
      if (s->menit_sampai == TPP_TANPA_BATAS || b->menit_dari <= s->menit_sampai) {
        snprintf(f, sizeof f, "potongan[%d].menit_dari", urut[k]);
        return salah(g, f, "baris %s (%s) tumpang tindih dengan baris %s (%s)", b->kode,
                     rentang(b, r1, sizeof r1), s->kode, rentang(s, r2, sizeof r2));
      }
      if (b->menit_dari > s->menit_sampai + 1) {
        snprintf(f, sizeof f, "potongan[%d].menit_dari", urut[k]);
        return salah(g, f, "ada celah antara baris %s (%s) dan baris %s (%s): %d-%d menit tidak tercakup", s->kode,
                     rentang(s, r1, sizeof r1), b->kode, rentang(b, r2, sizeof r2), s->menit_sampai + 1,
                     b->menit_dari - 1);
      }
    }
  }
  static const enum tpp_jenis wajib[] = {TPP_TK, TPP_TAM, TPP_TAP};
  static const char *const nama[] = {"TK (tanpa keterangan)", "TAM (tidak absen masuk)", "TAP (tidak absen pulang)"};
  for (int k = 0; k < 3; k++)
    if (!ada[wajib[k]]) return salah(g, "potongan", "baris potongan jenis %s wajib ada", nama[k]);
  return 0;
}

static int periksa_band(const struct tpp_aturan *a, struct tpp_galat *g)
{
  char f[64], x[16], y[16], p[24];
  for (int i = 0; i < a->n_band; i++) {
    const struct tpp_band *b = &a->band[i];
    if (b->dari < 0 || b->dari > TPP_MAKS_NILAI_SKOR) {
      snprintf(f, sizeof f, "bayar_nilai[%d].dari", i);
      return salah(g, f, "band nilai ke-%d: nilai awal harus 0 sampai 1000", i + 1);
    }
    if (b->sampai < b->dari || b->sampai > TPP_MAKS_NILAI_SKOR) {
      snprintf(f, sizeof f, "bayar_nilai[%d].sampai", i);
      return salah(g, f, "band nilai ke-%d: nilai akhir harus antara nilai awal dan 1000", i + 1);
    }
    if (!persen_sah(b->persen)) {
      snprintf(f, sizeof f, "bayar_nilai[%d].persen", i);
      return salah(g, f, "band nilai ke-%d: persen %s di luar 0-100%%", i + 1, tpp_persen_tulis(b->persen, p, sizeof p));
    }
    for (int j = 0; j < i; j++) {
      const struct tpp_band *c = &a->band[j];
      if (b->dari <= c->sampai && c->dari <= b->sampai) {
        snprintf(f, sizeof f, "bayar_nilai[%d].dari", i);
        return salah(g, f, "band nilai ke-%d (%s-%s) tumpang tindih dengan band ke-%d", i + 1,
                     desimal_tulis(b->dari, 2, ',', true, x, sizeof x), desimal_tulis(b->sampai, 2, ',', true, y, sizeof y),
                     j + 1);
      }
    }
  }
  /* no gaps between the lowest and the highest band (scores have at most two decimals) */
  for (int i = 0; i < a->n_band; i++) {
    const struct tpp_band *b = &a->band[i];
    int bawah = 1, lanjut = 0;
    for (int j = 0; j < a->n_band; j++) {
      if (a->band[j].dari < b->dari) bawah = 0;
      if (a->band[j].sampai == b->dari - 1) lanjut = 1;
    }
    if (!bawah && !lanjut) {
      snprintf(f, sizeof f, "bayar_nilai[%d].dari", i);
      return salah(g, f, "band nilai ke-%d mulai %s, tetapi tidak ada band yang berakhir tepat sebelumnya (ada celah)",
                   i + 1, desimal_tulis(b->dari, 2, ',', true, x, sizeof x));
    }
  }
  return 0;
}

int tpp_aturan_periksa(const struct tpp_aturan *a, struct tpp_galat *g)
{
  char f[64], p[24];
  memset(g, 0, sizeof *g);
  if (a->n_potongan < 0 || a->n_potongan > TPP_MAKS_POTONGAN)
    return salah(g, "potongan", "paling banyak %d baris potongan", TPP_MAKS_POTONGAN);
  if (a->n_band < 0 || a->n_band > TPP_MAKS_BAND) return salah(g, "bayar_nilai", "paling banyak %d band nilai", TPP_MAKS_BAND);
  if (a->n_sanksi < 0 || a->n_sanksi > TPP_MAKS_SANKSI)
    return salah(g, "sanksi", "paling banyak %d jenis sanksi", TPP_MAKS_SANKSI);
  for (int k = 1; k <= TPP_KELAS_MAKS; k++)
    if (a->besaran[k] < 0 || a->besaran[k] > TPP_MAKS_RUPIAH) {
      snprintf(f, sizeof f, "besaran_kelas.%d", k);
      return salah(g, f, "besaran kelas jabatan %d harus 0 sampai Rp10.000.000.000", k);
    }
  if (!persen_sah(a->porsi_kinerja)) return salah(g, "porsi_kinerja", "porsi kinerja harus 0-100%%");
  if (!persen_sah(a->porsi_disiplin)) return salah(g, "porsi_disiplin", "porsi disiplin harus 0-100%%");
  if (a->porsi_kinerja + a->porsi_disiplin != TPP_SERATUS_PERSEN) {
    char k[24], d[24];
    return salah(g, "porsi_disiplin", "porsi kinerja %s dan porsi disiplin %s harus berjumlah 100%%",
                 tpp_persen_tulis(a->porsi_kinerja, k, sizeof k), tpp_persen_tulis(a->porsi_disiplin, d, sizeof d));
  }
  for (int i = 0; i < PREDIKAT_JUMLAH; i++)
    if (!persen_sah(a->bayar_predikat[i])) {
      snprintf(f, sizeof f, "bayar_predikat.%s", predikat_kode((enum predikat)i));
      return salah(g, f, "pembayaran predikat %s: persen %s di luar 0-100%%", predikat_label((enum predikat)i),
                   tpp_persen_tulis(a->bayar_predikat[i], p, sizeof p));
    }
  if ((unsigned)a->sasaran > TPP_SASARAN_SELURUH)
    return salah(g, "potongan_dikenakan_pada", "harus disiplin atau seluruh");
  if ((unsigned)a->tanpa_presensi > TPP_TANPA_PRESENSI_TAM_TAP)
    return salah(g, "tanpa_presensi", "harus tk atau tam_tap");
  if (a->batas_harian != TPP_TANPA_BATAS && !persen_sah(a->batas_harian))
    return salah(g, "batas_harian", "batas potongan per hari harus 0-100%% atau kosong");
  if (!persen_sah(a->batas_bulanan)) return salah(g, "batas_bulanan", "batas potongan per bulan harus 0-100%%");
  if (periksa_potongan(a, g) != 0) return -1;
  if (periksa_band(a, g) != 0) return -1;
  for (int i = 0; i < a->n_sanksi; i++) {
    const struct tpp_jenis_sanksi *s = &a->sanksi[i];
    if (!s->kode[0]) {
      snprintf(f, sizeof f, "sanksi[%d].kode", i);
      return salah(g, f, "jenis sanksi ke-%d: kode wajib diisi", i + 1);
    }
    for (int j = 0; j < i; j++)
      if (strcmp(a->sanksi[j].kode, s->kode) == 0) {
        snprintf(f, sizeof f, "sanksi[%d].kode", i);
        return salah(g, f, "jenis sanksi ke-%d: kode %s sudah dipakai", i + 1, s->kode);
      }
    if (!persen_sah(s->persen)) {
      snprintf(f, sizeof f, "sanksi[%d].persen", i);
      return salah(g, f, "sanksi %s: persen %s di luar 0-100%%", s->kode, tpp_persen_tulis(s->persen, p, sizeof p));
    }
    if (s->bulan < 1 || s->bulan > 120) {
      snprintf(f, sizeof f, "sanksi[%d].bulan", i);
      return salah(g, f, "sanksi %s: lama harus 1 sampai 120 bulan", s->kode);
    }
  }
  return 0;
}

/* ---- look-ups --------------------------------------------------------------------------- */

int tpp_cari_potongan(const struct tpp_aturan *a, enum tpp_jenis jenis, int menit)
{
  for (int i = 0; i < a->n_potongan; i++) {
    const struct tpp_potongan *b = &a->potongan[i];
    if (b->jenis != jenis) continue;
    if (jenis != TPP_TL && jenis != TPP_PSW) return i;
    if (menit >= b->menit_dari && (b->menit_sampai == TPP_TANPA_BATAS || menit <= b->menit_sampai)) return i;
  }
  return -1;
}

int tpp_cari_sanksi(const struct tpp_aturan *a, const char *kode)
{
  for (int i = 0; kode && i < a->n_sanksi; i++)
    if (strcmp(a->sanksi[i].kode, kode) == 0) return i;
  return -1;
}
