/* kurva.c: the pola distribusi of PermenPANRB 6/2022 (see kurva.h). */
#include "rules/kurva.h"

#include <stdio.h>
#include <string.h>

#define BIT(p) (1u << (p))

/* PermenPANRB 6/2022, Lampiran: pola distribusi predikat kinerja pegawai per predikat kinerja
 * organisasi.  "Others any" parts of the table need no rule. */
static const struct kurva_aturan ATURAN[ORGANISASI_JUMLAH][KURVA_MAKS_ATURAN] = {
  [ORGANISASI_ISTIMEWA] = {
    {KURVA_MAKS, BIT(PREDIKAT_SANGAT_BAIK), 70, 0, "paling banyak 70% Sangat Baik"},
  },
  [ORGANISASI_BAIK] = {
    {KURVA_MAKS, BIT(PREDIKAT_BAIK), 70, 0, "paling banyak 70% Baik"},
    {KURVA_MIN_ORANG, BIT(PREDIKAT_BUTUH_PERBAIKAN) | BIT(PREDIKAT_KURANG), 0, 1,
     "paling sedikit 1 pegawai Butuh Perbaikan dan/atau Kurang/Misconduct"},
  },
  [ORGANISASI_BUTUH_PERBAIKAN] = {
    {KURVA_MIN, BIT(PREDIKAT_BUTUH_PERBAIKAN), 60, 0, "paling sedikit 60% Butuh Perbaikan"},
    {KURVA_MAKS, BIT(PREDIKAT_SANGAT_BAIK), 10, 0, "paling banyak 10% Sangat Baik"},
  },
  [ORGANISASI_KURANG] = {
    {KURVA_MIN, BIT(PREDIKAT_KURANG), 60, 0, "paling sedikit 60% Kurang/Misconduct"},
    {KURVA_MIN, BIT(PREDIKAT_BUTUH_PERBAIKAN), 10, 0, "paling sedikit 10% Butuh Perbaikan"},
    {KURVA_MAKS, BIT(PREDIKAT_SANGAT_BAIK), 10, 0, "paling banyak 10% Sangat Baik"},
  },
  [ORGANISASI_SANGAT_KURANG] = {
    {KURVA_MIN, BIT(PREDIKAT_SANGAT_KURANG), 60, 0, "paling sedikit 60% Sangat Kurang"},
    {KURVA_MIN, BIT(PREDIKAT_KURANG) | BIT(PREDIKAT_BUTUH_PERBAIKAN), 10, 0,
     "paling sedikit 10% Kurang/Misconduct dan/atau Butuh Perbaikan"},
    {KURVA_MAKS, BIT(PREDIKAT_SANGAT_BAIK), 0, 0, "tidak ada Sangat Baik"},
  },
};
static const int N_ATURAN[ORGANISASI_JUMLAH] = {1, 2, 2, 3, 3};

static const char *const ORGANISASI[ORGANISASI_JUMLAH][2] = {
  {"istimewa", "Istimewa"},
  {"baik", "Baik"},
  {"butuh_perbaikan", "Butuh Perbaikan"},
  {"kurang", "Kurang"},
  {"sangat_kurang", "Sangat Kurang"},
};

static const char *const PEMBULATAN[KURVA_PEMBULATAN_JUMLAH][2] = {
  {"tepat", "tepat: persentase dibandingkan sebagai pecahan persis (batas paling banyak dibulatkan ke bawah, "
            "batas paling sedikit ke atas)"},
  {"bawah", "bawah: batas persentase dibulatkan ke bawah ke jumlah pegawai bulat"},
  {"atas", "atas: batas persentase dibulatkan ke atas ke jumlah pegawai bulat"},
  {"terdekat", "terdekat: batas persentase dibulatkan ke jumlah pegawai bulat terdekat (setengah ke atas)"},
};

const struct kurva_aturan *kurva_aturan(enum predikat_organisasi org, int *n_out)
{
  *n_out = N_ATURAN[org];
  return ATURAN[org];
}

/* The bound of a percentage rule as whole pegawai, x = persen * n (so the bound is x / 100). */
static int64_t batas_orang(const struct kurva_aturan *a, int64_t x, enum kurva_pembulatan mode)
{
  switch (mode) {
  case KURVA_TEPAT: return a->jenis == KURVA_MAKS ? x / 100 : (x + 99) / 100;
  case KURVA_BAWAH: return x / 100;
  case KURVA_ATAS: return (x + 99) / 100;
  case KURVA_TERDEKAT: return (x + 50) / 100;
  }
  return x / 100;
}

static bool patuh_aturan(const struct kurva_aturan *a, int64_t jumlah, int64_t n, int64_t batas,
                         enum kurva_pembulatan mode)
{
  switch (a->jenis) {
  case KURVA_MIN_ORANG: return jumlah >= a->orang;
  case KURVA_MAKS: return mode == KURVA_TEPAT ? 100 * jumlah <= (int64_t)a->persen * n : jumlah <= batas;
  case KURVA_MIN: return mode == KURVA_TEPAT ? 100 * jumlah >= (int64_t)a->persen * n : jumlah >= batas;
  }
  return false;
}

int kurva_periksa(enum predikat_organisasi org, const int64_t jumlah[PREDIKAT_JUMLAH],
                  enum kurva_pembulatan mode, struct kurva_hasil *out, const char **pesan)
{
  memset(out, 0, sizeof *out);
  penjelasan_mulai(&out->pj);
  int64_t n = 0;
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) {
    if (jumlah[i] < 0) { *pesan = "jumlah pegawai tidak boleh negatif"; return -1; }
    if (jumlah[i] > KURVA_MAKS_PEGAWAI) { *pesan = "jumlah pegawai per predikat paling banyak 10000000"; return -1; }
    n += jumlah[i];
  }
  if (n == 0) { *pesan = "unit tanpa pegawai tidak dapat diperiksa (jumlah seluruhnya 0)"; return -1; }
  out->total = n;
  out->patuh = true;

  struct penjelasan *pj = &out->pj;
  penjelasan_tambah(pj, "Masukan: predikat kinerja organisasi %s; %lld pegawai (Sangat Baik %lld, Baik %lld, "
                    "Butuh Perbaikan %lld, Kurang/Misconduct %lld, Sangat Kurang %lld).",
                    ORGANISASI[org][1], (long long)n, (long long)jumlah[0], (long long)jumlah[1],
                    (long long)jumlah[2], (long long)jumlah[3], (long long)jumlah[4]);
  penjelasan_tambah(pj, "Pembulatan %s.", PEMBULATAN[mode][1]);

  int na = 0;
  const struct kurva_aturan *aturan = kurva_aturan(org, &na);
  out->n_aturan = na;
  for (int i = 0; i < na; i++) {
    const struct kurva_aturan *a = &aturan[i];
    struct kurva_cek *c = &out->cek[i];
    c->aturan = a;
    for (int p = 0; p < PREDIKAT_JUMLAH; p++)
      if (a->kelompok & BIT(p)) c->jumlah += jumlah[p];
    char tepat[32];
    if (a->jenis == KURVA_MIN_ORANG) {
      c->batas = a->orang;
      c->batas_tepat = pecahan_bulat(a->orang);
    } else {
      int64_t x = (int64_t)a->persen * n;
      c->batas = batas_orang(a, x, mode);
      c->batas_tepat = pecahan_dari(x, 100);
    }
    c->patuh = patuh_aturan(a, c->jumlah, n, c->batas, mode);
    if (!c->patuh) { out->patuh = false; out->n_pelanggaran++; }

    char status[96];
    if (c->patuh)
      snprintf(status, sizeof status, "terpenuhi");
    else if (a->jenis == KURVA_MAKS)
      snprintf(status, sizeof status, "DILANGGAR (%lld melebihi %lld)", (long long)c->jumlah, (long long)c->batas);
    else
      snprintf(status, sizeof status, "DILANGGAR (%lld kurang dari %lld)", (long long)c->jumlah, (long long)c->batas);
    if (a->jenis == KURVA_MIN_ORANG) {
      penjelasan_tambah(pj, "Aturan %d, %s: %lld dari %lld pegawai: %s.", i + 1, a->teks, (long long)c->jumlah,
                        (long long)n, status);
    } else {
      pecahan_tulis(c->batas_tepat, 2, ',', true, tepat, sizeof tepat);
      penjelasan_tambah(pj, "Aturan %d, %s: %lld dari %lld pegawai; batas %d%% × %lld = %s, jadi %s %lld pegawai: %s.",
                        i + 1, a->teks, (long long)c->jumlah, (long long)n, a->persen, (long long)n, tepat,
                        a->jenis == KURVA_MAKS ? "paling banyak" : "paling sedikit", (long long)c->batas, status);
    }
  }
  if (out->patuh)
    penjelasan_tambah(pj, "Hasil: distribusi predikat sesuai dengan pola distribusi untuk predikat organisasi %s.",
                      ORGANISASI[org][1]);
  else
    penjelasan_tambah(pj, "Hasil: %d aturan pola distribusi untuk predikat organisasi %s dilanggar.", out->n_pelanggaran,
                      ORGANISASI[org][1]);
  penjelasan_tambah(pj, "Dasar: PermenPANRB Nomor 6 Tahun 2022, Lampiran: pola distribusi predikat kinerja pegawai "
                    "menurut predikat kinerja organisasi (pedoman bagi pimpinan unit).");
  return 0;
}

const char *kurva_organisasi_label(enum predikat_organisasi o)
{
  return (unsigned)o < ORGANISASI_JUMLAH ? ORGANISASI[o][1] : "";
}

const char *kurva_organisasi_kode(enum predikat_organisasi o)
{
  return (unsigned)o < ORGANISASI_JUMLAH ? ORGANISASI[o][0] : "";
}

int kurva_organisasi_dari_kode(const char *s, enum predikat_organisasi *out)
{
  for (int i = 0; s && i < ORGANISASI_JUMLAH; i++)
    if (strcmp(s, ORGANISASI[i][0]) == 0) { *out = (enum predikat_organisasi)i; return 0; }
  return -1;
}

const char *kurva_pembulatan_kode(enum kurva_pembulatan m)
{
  return (unsigned)m < KURVA_PEMBULATAN_JUMLAH ? PEMBULATAN[m][0] : "";
}

int kurva_pembulatan_dari_kode(const char *s, enum kurva_pembulatan *out)
{
  for (int i = 0; s && i < KURVA_PEMBULATAN_JUMLAH; i++)
    if (strcmp(s, PEMBULATAN[i][0]) == 0) { *out = (enum kurva_pembulatan)i; return 0; }
  return -1;
}
