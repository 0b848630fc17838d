// teks-kosong.js: the actions of the empty lists (kosong.js; issue 14 part 1), small and loaded
// with the app shell (the words of the help panel, the walkthrough and the guide are in
// teks-bantuan.js, loaded when first needed).  The words saying why a list is empty stay with
// its screen.  English: js/en/teks-kosong.js.
import * as ini from './teks-kosong.js';
import { BAHASA, terjemahkan } from './teks.js';

export const KOSONG = {
  cariLain: 'Hapus kata pencarian',
  buatSkp: 'Buat SKP',
  keSkp: 'Ke daftar SKP',
  catatAktivitas: 'Mulai dari formulir aktivitas',
  keAktivitas: 'Ke pencatatan aktivitas',
  keReview: 'Buka Review',
  kePenilaian: 'Ke daftar penilaian',
  kePersetujuan: 'Lihat semua SKP bawahan',
  keBawahan: 'Lihat daftar bawahan',
  keStatus: 'Ke rekap status SKP',
  keDasbor: 'Ke ringkasan dasbor',
  keImpor: 'Ke data pegawai',
  tambahUnit: 'Ke formulir unit kerja',
  tambahPeriode: 'Ke formulir periode',
  tambahLibur: 'Ke formulir hari libur',
  tambahSumber: 'Ke formulir sumber presensi',
  tambahWebhook: 'Daftarkan penerima pertama',
  buatToken: 'Ke formulir token',
  keAdmin: 'Buka Administrasi',
  kePengaturan: 'Ke pengaturan instansi',
  keTppAdmin: 'Buka pengaturan TPP',
  tambahAturan: 'Ke formulir aturan TPP',
  hitungBulan: 'Ke formulir hitung TPP',
  bukaBantuan: 'Baca bantuan layar ini',
  kePanduan: 'Buka panduan',
  keLaporan: 'Ke formulir laporan',
  kePresensiAdmin: 'Buka pengaturan presensi',
  keUnit: 'Ke daftar unit kerja',
  ubahSaring: 'Ubah pilihan di atas',
  kePresensi: 'Ke presensi bulan ini',
  tulisUmpanBalik: 'Ke formulir umpan balik',
  pingPertama: 'Coba kirim satu peristiwa sekarang',
  keFormulir: 'Ke formulir isian',
  keOrganisasi: 'Ke kinerja organisasi',
};

if (BAHASA === 'en') terjemahkan(ini, await import('./en/teks-kosong.js'));
