/* angka_kredit.c: angka kredit per period and accumulated (see angka_kredit.h). */
#include "rules/angka_kredit.h"

#include <stdio.h>
#include <string.h>

/* PermenPANRB 1/2023 Pasal 37 and PerBKN 3/2023: koefisien per year (hundredths) and the AK
 * needed for kenaikan pangkat / kenaikan jenjang (-1: highest jenjang of its kategori). */
static const struct {
  const char *kode, *label;
  int koefisien;
  int pangkat, jenjang;
} JENJANG[JENJANG_JUMLAH] = {
  [JENJANG_PEMULA] = {"pemula", "Pemula", 375, 15, 15},
  [JENJANG_TERAMPIL] = {"terampil", "Terampil", 500, 20, 60},
  [JENJANG_MAHIR] = {"mahir", "Mahir", 1250, 50, 100},
  [JENJANG_PENYELIA] = {"penyelia", "Penyelia", 2500, 100, -1},
  [JENJANG_AHLI_PERTAMA] = {"ahli_pertama", "Ahli Pertama", 1250, 50, 100},
  [JENJANG_AHLI_MUDA] = {"ahli_muda", "Ahli Muda", 2500, 100, 200},
  [JENJANG_AHLI_MADYA] = {"ahli_madya", "Ahli Madya", 3750, 150, 450},
  [JENJANG_AHLI_UTAMA] = {"ahli_utama", "Ahli Utama", 5000, 200, -1},
};

/* PermenPANRB 1/2023 Pasal 37: persentase angka kredit per predikat kinerja. */
static const int PERSEN[PREDIKAT_JUMLAH] = {
  [PREDIKAT_SANGAT_BAIK] = 150,
  [PREDIKAT_BAIK] = 100,
  [PREDIKAT_BUTUH_PERBAIKAN] = 75,
  [PREDIKAT_KURANG] = 50,
  [PREDIKAT_SANGAT_KURANG] = 25,
};

#define TAHUN_MIN 1950
#define TAHUN_MAKS 2100
#define PER_SERATUS (AK_PENYEBUT / 100)  /* 1/AK_PENYEBUT units in 0.01 AK */

int ak_persentase(enum predikat p) { return (unsigned)p < PREDIKAT_JUMLAH ? PERSEN[p] : 0; }
int ak_koefisien(enum jenjang j) { return (unsigned)j < JENJANG_JUMLAH ? JENJANG[j].koefisien : 0; }
const char *jenjang_label(enum jenjang j) { return (unsigned)j < JENJANG_JUMLAH ? JENJANG[j].label : ""; }
const char *jenjang_kode(enum jenjang j) { return (unsigned)j < JENJANG_JUMLAH ? JENJANG[j].kode : ""; }

int jenjang_dari_kode(const char *s, enum jenjang *out)
{
  for (int i = 0; s && i < JENJANG_JUMLAH; i++)
    if (strcmp(s, JENJANG[i].kode) == 0) { *out = (enum jenjang)i; return 0; }
  return -1;
}

const char *ak_pembulatan_kode(enum ak_pembulatan m) { return m == AK_BULAT_PER_PERIODE ? "per_periode" : "akhir"; }

int ak_pembulatan_dari_kode(const char *s, enum ak_pembulatan *out)
{
  if (s && strcmp(s, "akhir") == 0) { *out = AK_BULAT_AKHIR; return 0; }
  if (s && strcmp(s, "per_periode") == 0) { *out = AK_BULAT_PER_PERIODE; return 0; }
  return -1;
}

/* Reads "YYYY-MM" at s; 0 or -1. */
static int baca_bulan(const char *s, int *tahun, int *bulan)
{
  for (int i = 0; i < 7; i++) {
    if (i == 4 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return -1;
  }
  *tahun = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  *bulan = (s[5] - '0') * 10 + (s[6] - '0');
  return 0;
}

int ak_periode_parse(const char *s, struct ak_periode *out, const char **pesan)
{
  *pesan = "periode harus berbentuk YYYY-MM:YYYY-MM=predikat, mis. 2024-01:2024-12=baik";
  if (!s || strlen(s) < 16 || s[7] != ':' || s[15] != '=') return -1;
  if (baca_bulan(s, &out->tahun_dari, &out->bulan_dari) || baca_bulan(s + 8, &out->tahun_sampai, &out->bulan_sampai))
    return -1;
  if (out->bulan_dari < 1 || out->bulan_dari > 12 || out->bulan_sampai < 1 || out->bulan_sampai > 12) {
    *pesan = "bulan harus 01 sampai 12";
    return -1;
  }
  if (out->tahun_dari < TAHUN_MIN || out->tahun_dari > TAHUN_MAKS || out->tahun_sampai < TAHUN_MIN ||
      out->tahun_sampai > TAHUN_MAKS) {
    *pesan = "tahun harus antara 1950 dan 2100";
    return -1;
  }
  if (predikat_dari_kode(s + 16, &out->predikat) != 0) {
    *pesan = "predikat harus sangat_baik, baik, butuh_perbaikan, kurang atau sangat_kurang";
    return -1;
  }
  if (ak_periode_bulan(out) <= 0) {
    *pesan = "akhir periode tidak boleh sebelum awalnya";
    return -1;
  }
  *pesan = NULL;
  return 0;
}

static int indeks_bulan(int tahun, int bulan) { return tahun * 12 + bulan - 1; }

int ak_periode_bulan(const struct ak_periode *p)
{
  return indeks_bulan(p->tahun_sampai, p->bulan_sampai) - indeks_bulan(p->tahun_dari, p->bulan_dari) + 1;
}

static bool periode_sah(const struct ak_periode *p)
{
  return p->bulan_dari >= 1 && p->bulan_dari <= 12 && p->bulan_sampai >= 1 && p->bulan_sampai <= 12 &&
         p->tahun_dari >= TAHUN_MIN && p->tahun_dari <= TAHUN_MAKS && p->tahun_sampai >= TAHUN_MIN &&
         p->tahun_sampai <= TAHUN_MAKS && (unsigned)p->predikat < PREDIKAT_JUMLAH && ak_periode_bulan(p) > 0;
}

/* v (1/AK_PENYEBUT units, >= 0) as "2,0833" (4 decimals, trimmed) */
static char *tulis4(int64_t v, char *out, size_t n)
{
  return pecahan_tulis(pecahan_dari(v, AK_PENYEBUT), 4, ',', true, out, n);
}

static char *tulis2(int64_t v, char *out, size_t n)
{
  return pecahan_tulis(pecahan_dari(v, AK_PENYEBUT), 2, ',', false, out, n);
}

int angka_kredit_hitung(enum jenjang j, const struct ak_periode *p, int n, enum ak_pembulatan mode,
                        struct ak_hasil *out, const char **pesan, int *salah)
{
  memset(out, 0, sizeof *out);
  penjelasan_mulai(&out->pj);
  *salah = -1;
  if (n < 1 || n > AK_MAKS_PERIODE) { *pesan = "jumlah periode harus 1 sampai 40"; return -1; }
  for (int i = 0; i < n; i++) {
    if (!periode_sah(&p[i])) { *salah = i; *pesan = "periode tidak valid"; return -1; }
    int a0 = indeks_bulan(p[i].tahun_dari, p[i].bulan_dari), a1 = indeks_bulan(p[i].tahun_sampai, p[i].bulan_sampai);
    for (int k = 0; k < i; k++) {
      int b0 = indeks_bulan(p[k].tahun_dari, p[k].bulan_dari), b1 = indeks_bulan(p[k].tahun_sampai, p[k].bulan_sampai);
      if (a0 <= b1 && b0 <= a1) { *salah = i; *pesan = "periode tumpang tindih dengan periode sebelumnya"; return -1; }
    }
  }
  out->jenjang = j;
  out->koefisien = JENJANG[j].koefisien;
  out->kebutuhan_pangkat = JENJANG[j].pangkat;
  out->kebutuhan_jenjang = JENJANG[j].jenjang;
  out->n = n;

  struct penjelasan *pj = &out->pj;
  char k[24], a[24], b[24];
  desimal_tulis(out->koefisien, 2, ',', true, k, sizeof k);
  penjelasan_tambah(pj, "Masukan: jenjang %s (koefisien %s per tahun), %d periode.", JENJANG[j].label, k, n);
  penjelasan_tambah(pj, "Rumus: AK = bulan/12 × persentase predikat × koefisien; persentase Sangat Baik 150%%, "
                    "Baik 100%%, Butuh Perbaikan 75%%, Kurang/Misconduct 50%%, Sangat Kurang 25%%.");
  for (int i = 0; i < n; i++) {
    struct ak_rincian *r = &out->rincian[i];
    r->bulan = ak_periode_bulan(&p[i]);
    r->persen = PERSEN[p[i].predikat];
    r->ak_tepat = (int64_t)r->bulan * r->persen * out->koefisien;
    r->ak = r->ak_tepat;
    if (mode == AK_BULAT_PER_PERIODE) r->ak = pecahan_skala(pecahan_dari(r->ak_tepat, AK_PENYEBUT), 2) * PER_SERATUS;
    out->total += r->ak;
    tulis4(r->ak_tepat, a, sizeof a);
    tulis2(r->ak_tepat, b, sizeof b);
    char bulat[64] = "";
    if (mode == AK_BULAT_PER_PERIODE)
      snprintf(bulat, sizeof bulat, ", dibulatkan per periode menjadi %s", b);
    else if (pecahan_banding(pecahan_dari(r->ak_tepat, AK_PENYEBUT), pecahan_dari(pecahan_skala(pecahan_dari(r->ak_tepat, AK_PENYEBUT), 2), 100)) != 0)
      snprintf(bulat, sizeof bulat, " (ditampilkan %s)", b);
    penjelasan_tambah(pj, "Periode %d: %04d-%02d s.d. %04d-%02d (%d bulan), %s: %d/12 × %d%% × %s = %s%s.", i + 1,
                      p[i].tahun_dari, p[i].bulan_dari, p[i].tahun_sampai, p[i].bulan_sampai, r->bulan,
                      predikat_label(p[i].predikat), r->bulan, r->persen, k, a, bulat);
  }
  out->total_tampil = pecahan_skala(pecahan_dari(out->total, AK_PENYEBUT), 2);
  tulis2(out->total, b, sizeof b);
  if (mode == AK_BULAT_PER_PERIODE) {
    penjelasan_tambah(pj, "Jumlah angka kredit (nilai per periode yang sudah dibulatkan): %s.", b);
  } else {
    tulis4(out->total, a, sizeof a);
    penjelasan_tambah(pj, "Jumlah angka kredit: %s dengan presisi penuh, ditampilkan %s (pembulatan hanya untuk "
                      "tampilan).", a, b);
  }
  int64_t kurang = (int64_t)out->kebutuhan_pangkat * AK_PENYEBUT - out->total;
  out->kekurangan_pangkat = kurang > 0 ? pecahan_skala_atas(pecahan_dari(kurang, AK_PENYEBUT), 2) : 0;
  desimal_tulis(out->kekurangan_pangkat, 2, ',', false, a, sizeof a);
  if (kurang > 0)
    penjelasan_tambah(pj, "Kebutuhan angka kredit untuk kenaikan pangkat pada jenjang %s: %d; kekurangan %s.",
                      JENJANG[j].label, out->kebutuhan_pangkat, a);
  else
    penjelasan_tambah(pj, "Kebutuhan angka kredit untuk kenaikan pangkat pada jenjang %s: %d; sudah terpenuhi.",
                      JENJANG[j].label, out->kebutuhan_pangkat);
  if (out->kebutuhan_jenjang < 0) {
    out->kekurangan_jenjang = -1;
    penjelasan_tambah(pj, "%s adalah jenjang tertinggi pada kategorinya: tidak ada kenaikan jenjang.", JENJANG[j].label);
  } else {
    kurang = (int64_t)out->kebutuhan_jenjang * AK_PENYEBUT - out->total;
    out->kekurangan_jenjang = kurang > 0 ? pecahan_skala_atas(pecahan_dari(kurang, AK_PENYEBUT), 2) : 0;
    desimal_tulis(out->kekurangan_jenjang, 2, ',', false, a, sizeof a);
    if (kurang > 0)
      penjelasan_tambah(pj, "Kebutuhan angka kredit untuk kenaikan jenjang dari %s: %d; kekurangan %s.",
                        JENJANG[j].label, out->kebutuhan_jenjang, a);
    else
      penjelasan_tambah(pj, "Kebutuhan angka kredit untuk kenaikan jenjang dari %s: %d; sudah terpenuhi.",
                        JENJANG[j].label, out->kebutuhan_jenjang);
  }
  penjelasan_tambah(pj, "Dasar: PermenPANRB Nomor 1 Tahun 2023 Pasal 37 dan Peraturan BKN Nomor 3 Tahun 2023 "
                    "(persentase, koefisien dan kebutuhan angka kredit).");
  *pesan = NULL;
  return 0;
}
