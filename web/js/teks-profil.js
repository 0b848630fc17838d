// teks-profil.js: the Indonesian words of the four-dimension performance profile (issue 15
// part 4): the card in the pegawai dashboard and the penilaian screen, the unit section.

import { BAHASA, terjemahkan } from './teks.js';
import * as ini from './teks-profil.js';

export const TPR = {
  judul: (tahun) => `Profil kinerja empat dimensi ${tahun}`,
  ket: 'Ringkasan pendukung dari empat sumber: kinerja individu, perilaku kerja, inovasi, dan kontribusi pada target organisasi. Bukan pengganti rating pejabat penilai.',
  grafik: 'Skor empat dimensi (0–100)',
  ringkasGrafik: (daftar) => `Skor: ${daftar}`,
  dimensi: {
    kinerja_individu: 'Kinerja individu',
    perilaku_kerja: 'Perilaku kerja',
    inovasi: 'Inovasi',
    kontribusi_organisasi: 'Kontribusi organisasi',
  },
  skor: 'Skor',
  belumAda: 'belum ada data',
  caraHitung: 'Cara menghitung',
  sumber: 'Sumber',
  tanpaSumber: 'Belum ada sumber data.',
  perNilai: 'Umpan balik 360 per nilai BerAKHLAK',
  kolomNilai: 'Nilai',
  kolomRata: 'Rata-rata (1–5)',
  kolomJawaban: 'Jawaban',
  gagal: 'Profil kinerja tidak dapat dimuat.',
  // the unit
  unitJudul: (tahun) => `Profil kinerja empat dimensi unit ${tahun}`,
  unitKet: 'Rata-rata skor pegawai unit ini dan unit di bawahnya yang memiliki data pada tiap dimensi. Dihitung saat diminta.',
  unitTampilkan: 'Tampilkan profil empat dimensi',
  unitMemuat: 'Menghitung profil…',
  unitBerdata: (n) => `${n} pegawai berdata`,
  unitInovasi: (n) => `${n} inovasi tervalidasi`,
  unitTabel: 'Skor empat dimensi per pegawai',
  kolomPegawai: 'Pegawai',
  terpotong: (n) => `Hanya ${n} pegawai pertama (urut nama) yang dihitung.`,
  // the organisation reports (laporan-org.js)
  laporanOrgJudul: 'Laporan kinerja organisasi',
  laporanOrgKet: 'Pohon kinerja (IKU → PK unit → RHK pegawai → RHK bawahan) dan rekap capaian IKU per triwulan.',
  tahunLaporan: 'Tahun laporan',
  unduhPohonXlsx: 'Unduh pohon kinerja (XLSX)',
  unduhPohonPdf: 'Unduh pohon kinerja (PDF)',
  unduhRekapXlsx: 'Unduh rekap capaian IKU (XLSX)',
  unduhRekapPdf: 'Unduh rekap capaian IKU (PDF)',
};

if (BAHASA === 'en') terjemahkan(ini, await import('./en/teks-profil.js'));
