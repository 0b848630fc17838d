// teks-latihan.js: the Indonesian words of the training sandbox ("mode latihan", issue 14):
// the screen (latihan.js) and the banner shown on every screen inside it (latihan-spanduk.js).
import { BAHASA, terjemahkan } from './teks.js';
import * as ini from './teks-latihan.js';

export const TL = {
  judul: 'Mode latihan',
  ket: 'Salinan latihan berisi data contoh instansi Anda (pegawai, unit, SKP, aktivitas, penilaian, presensi dan TPP buatan). Di sana Anda dapat mencoba setiap alur kerja tanpa menyentuh data nyata: tidak ada yang sampai ke laporan, TPP, SIASN, surel, webhook, atau dasbor instansi yang sebenarnya.',
  spanduk: 'MODE LATIHAN — data tidak nyata',
  spandukKet: (asal) => `Anda memakai akun latihan${asal ? ` (salinan latihan ${asal})` : ''}. Perubahan di sini tidak memengaruhi data nyata.`,
  awalanJudul: '[LATIHAN]',
  keluar: 'Keluar mode latihan',
  masuk: 'Masuk mode latihan',
  peranLabel: 'Berlatih sebagai',
  peranKet: 'Akun latihan mengikuti peran Anda; admin dapat mencoba setiap peran.',
  peran: { pegawai: 'Pegawai', atasan: 'Atasan (pejabat penilai)', auditor: 'Auditor', pimpinan: 'Pimpinan', admin: 'Admin instansi' },
  belumAda: 'Instansi Anda belum memiliki salinan latihan.',
  mintaAdmin: 'Minta admin instansi membuat salinan latihan untuk pelatihan.',
  buat: 'Buat salinan latihan',
  membuat: 'Membuat data latihan… (biasanya kurang dari satu detik)',
  mengaturUlang: 'Membuat ulang data latihan…',
  menghapus: 'Menghapus salinan latihan…',
  dibuatDalam: (detik) => `Salinan latihan siap dalam ${detik} detik.`,
  aturUlang: 'Atur ulang data latihan',
  hapus: 'Hapus salinan latihan',
  konfirmasiAturUlang: 'Atur ulang salinan latihan? Semua yang dikerjakan staf di mode latihan akan dihapus dan data contoh dibuat ulang. Staf yang sedang berlatih perlu masuk lagi.',
  konfirmasiHapus: 'Hapus salinan latihan? Semua data latihan dihapus dan staf tidak dapat lagi masuk mode latihan sampai salinan dibuat lagi. Data nyata tidak tersentuh.',
  diaturUlang: 'Data latihan sudah dibuat ulang.',
  dihapus: 'Salinan latihan sudah dihapus.',
  ringkas: (p, u) => `${p} pegawai contoh, ${u} unit kerja`,
  dibuatPada: (w) => `Data dibuat ${w}`,
  namaSalinan: 'Salinan',
  dalamLatihan: 'Anda sedang dalam mode latihan. Keluar dulu untuk kembali ke akun dan data nyata Anda.',
  caraKerja: 'Cara kerjanya: tombol "Masuk mode latihan" mengganti sesi Anda dengan akun latihan yang sesuai peran Anda. Spanduk ungu "MODE LATIHAN" tampil di setiap layar selama Anda berlatih; tombol "Keluar mode latihan" mengembalikan Anda ke akun asli.',
};

if (BAHASA === 'en') terjemahkan(ini, await import('./en/teks-latihan.js'));
