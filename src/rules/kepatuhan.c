/* kepatuhan.c: compliance score and risk signals (see kepatuhan.h). */
#include "rules/kepatuhan.h"

int kepatuhan_persen(int64_t n, int64_t d)
{
  if (d <= 0 || n < 0 || n > d) return -1;
  return (int)((n * 200 + d) / (2 * d));   /* round(100 n / d), half up, exact */
}

void kepatuhan_hitung(const struct kepatuhan_input *in, struct kepatuhan_hasil *out)
{
  penjelasan_mulai(&out->pj);
  out->skp_persen = kepatuhan_persen(in->skp_disetujui, in->pegawai);
  out->aktivitas_persen = kepatuhan_persen(in->mencatat_minggu_ini, in->pegawai);
  out->realisasi_persen = kepatuhan_persen(in->realisasi_bulan_lalu, in->skp_disetujui);
  int sum = 0, n = 0;
  if (out->skp_persen >= 0) {
    sum += out->skp_persen, n++;
    penjelasan_tambah(&out->pj, "SKP disetujui: %lld dari %lld pegawai = %d%%", (long long)in->skp_disetujui,
                      (long long)in->pegawai, out->skp_persen);
  } else {
    penjelasan_tambah(&out->pj, "SKP disetujui: tidak dihitung (tidak ada pegawai aktif)");
  }
  if (out->aktivitas_persen >= 0) {
    sum += out->aktivitas_persen, n++;
    penjelasan_tambah(&out->pj, "Mencatat aktivitas minggu ini: %lld dari %lld pegawai = %d%%",
                      (long long)in->mencatat_minggu_ini, (long long)in->pegawai, out->aktivitas_persen);
  }
  if (out->realisasi_persen >= 0) {
    sum += out->realisasi_persen, n++;
    penjelasan_tambah(&out->pj, "Realisasi bulan lalu diisi: %lld dari %lld pegawai ber-SKP = %d%%",
                      (long long)in->realisasi_bulan_lalu, (long long)in->skp_disetujui, out->realisasi_persen);
  } else {
    penjelasan_tambah(&out->pj, "Realisasi bulan lalu: tidak dihitung (belum ada SKP disetujui)");
  }
  out->ada = n > 0;
  out->persen = n ? (sum * 2 + n) / (2 * n) : 0;
  if (n) penjelasan_tambah(&out->pj, "Kepatuhan = rata-rata %d ukuran = %d%% (dibulatkan setengah ke atas)", n, out->persen);
}

unsigned risiko_nilai(const struct risiko_input *in, const struct risiko_aturan *a, struct penjelasan *pj)
{
  unsigned r = 0;
  if (!in->skp_disetujui) {
    r |= RISIKO_SKP_BELUM_DISETUJUI;
    if (pj) penjelasan_tambah(pj, "SKP tahun ini belum disetujui");
  }
  if (in->hari_kerja_tanpa_aktivitas >= a->hari_kerja_batas) {
    r |= RISIKO_TIDAK_MENCATAT;
    if (pj) penjelasan_tambah(pj, "Tidak mencatat aktivitas selama %d hari kerja (batas %d)", in->hari_kerja_tanpa_aktivitas,
                              a->hari_kerja_batas);
  }
  if (in->skp_disetujui && !in->realisasi_bulan_lalu) {
    r |= RISIKO_REALISASI_KOSONG;
    if (pj) penjelasan_tambah(pj, "Realisasi bulan lalu belum diajukan");
  }
  if (in->capaian_persen >= 0 && in->capaian_persen < a->capaian_batas) {
    r |= RISIKO_CAPAIAN_RENDAH;
    if (pj) penjelasan_tambah(pj, "Rata-rata capaian bulan lalu %d%%, di bawah %d%%", in->capaian_persen, a->capaian_batas);
  }
  return r;
}

const char *risiko_label(unsigned bit)
{
  switch (bit) {
  case RISIKO_SKP_BELUM_DISETUJUI: return "SKP belum disetujui";
  case RISIKO_TIDAK_MENCATAT: return "Tidak mencatat aktivitas";
  case RISIKO_REALISASI_KOSONG: return "Realisasi bulan lalu belum diajukan";
  case RISIKO_CAPAIAN_RENDAH: return "Capaian rendah";
  default: return "";
  }
}

const char *risiko_kode(unsigned bit)
{
  switch (bit) {
  case RISIKO_SKP_BELUM_DISETUJUI: return "skp_belum_disetujui";
  case RISIKO_TIDAK_MENCATAT: return "tidak_mencatat";
  case RISIKO_REALISASI_KOSONG: return "realisasi_kosong";
  case RISIKO_CAPAIAN_RENDAH: return "capaian_rendah";
  default: return "";
  }
}
