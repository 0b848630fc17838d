// teks-bantuan.js: the words of help (issue 14 part 1): the "Bantuan" panel of every screen
// (what its fields mean, with examples from the regulations), the first-login walkthrough of
// each role, the actions of the empty lists, and the user guide screen.  English: js/en/.
import * as ini from './teks-bantuan.js';
import { BAHASA, terjemahkan } from './teks.js';

export const TB = {
  bantuan: 'Bantuan',
  bantuanLayar: (judul) => `Bantuan: ${judul}`,
  tutup: 'Tutup',
  contoh: 'Contoh',
  panduanPeran: 'Panduan lengkap untuk peran Anda',
  semuaPanduan: 'Semua panduan',
  unduhPdf: 'Unduh panduan (PDF)',
  turLagi: 'Tampilkan tur pengenalan',
  cetak: 'Cetak halaman ini',
  // the walkthrough
  langkahKe: (i, n) => `Langkah ${i} dari ${n}`,
  sebelumnya: 'Sebelumnya',
  berikutnya: 'Berikutnya',
  selesai: 'Selesai',
  tutupTur: 'Tutup tur',
  turDitutup: 'Tur ditutup. Buka lagi kapan saja dari tombol Bantuan.',
  turLabel: 'Tur pengenalan',
  // the guide screen
  panduan: 'Panduan pengguna',
  panduanKet: 'Langkah demi langkah untuk setiap peran, dengan gambar layar yang diambil otomatis oleh uji aplikasi.',
  pilihPeran: 'Pilih panduan',
  panduanTidakAda: 'Halaman panduan tidak ditemukan.',
  gambarTidakAda: (s) => `Gambar tidak tersedia: ${s}`,
  kembaliPanduan: 'Kembali ke daftar panduan',
};

/** The guide's pages (docs/panduan/<kunci>.md) in order, with their titles. */
export const PERAN_PANDUAN = {
  pegawai: 'Pegawai', atasan: 'Atasan (pejabat penilai)', pimpinan: 'Pimpinan', admin: 'Admin kepegawaian', auditor: 'Auditor',
};

// The first-login walkthrough of each role: three or four steps, each with a button that opens
// the screen it talks about (the screens themselves: orientasi.js).
export const TUR = {
  pegawai: {
    judul: 'Selamat datang di kinerja',
    langkah: [
      { judul: 'Susun SKP Anda', teks: 'Mulailah dari Sasaran Kinerja Pegawai (SKP) tahun ini: tulis Rencana Hasil Kerja (RHK) beserta indikator dan targetnya, lalu ajukan ke atasan.', tombol: 'Buka SKP Saya' },
      { judul: 'Catat aktivitas harian', teks: 'Setiap hari catat pekerjaan yang Anda lakukan dan kaitkan dengan RHK. Aktivitas tetap tersimpan di perangkat meski sinyal hilang.', tombol: 'Buka Aktivitas' },
      { judul: 'Isi realisasi dan bukti dukung', teks: 'Setiap bulan isi realisasi tiap IKI dan lampirkan bukti dukung (berkas atau tautan), lalu ajukan ke atasan.', tombol: 'Buka SKP Saya' },
      { judul: 'Pantau capaian Anda', teks: 'Dasbor menampilkan capaian target, aktivitas, umpan balik dan predikat Anda. Tombol Bantuan di setiap layar menjelaskan isinya.', tombol: 'Buka Dasbor' },
    ],
  },
  atasan: {
    judul: 'Selamat datang, pejabat penilai',
    langkah: [
      { judul: 'Setujui SKP bawahan', teks: 'SKP yang diajukan bawahan menunggu persetujuan Anda. Periksa apakah RHK-nya berupa hasil (bukan kegiatan) dan mendukung RHK Anda.', tombol: 'Buka Persetujuan SKP' },
      { judul: 'Review aktivitas dan realisasi', teks: 'Setujui atau kembalikan aktivitas dan realisasi bulanan bawahan, beri umpan balik berkelanjutan.', tombol: 'Buka Review' },
      { judul: 'Nilai kinerja bawahan', teks: 'Di akhir periode beri rating hasil kerja dan rating perilaku kerja; predikat mengikuti matriks PermenPANRB 6/2022.', tombol: 'Buka Penilaian' },
      { judul: 'Pantau tim Anda', teks: 'Dasbor tim dan layar Kepatuhan menunjukkan siapa yang belum mencatat aktivitas atau menunggu review.', tombol: 'Buka Kepatuhan' },
    ],
  },
  pimpinan: {
    judul: 'Selamat datang, pimpinan',
    langkah: [
      { judul: 'Lihat dasbor instansi', teks: 'Dasbor instansi merangkum capaian, aktivitas dan distribusi predikat setiap unit kerja.', tombol: 'Buka Dasbor' },
      { judul: 'Tetapkan predikat organisasi', teks: 'Di layar Unit kerja tetapkan predikat organisasi tiap unit dan periksa kurva distribusi predikat pegawainya.', tombol: 'Buka Unit kerja' },
      { judul: 'Pantau status SKP', teks: 'Status SKP menunjukkan berapa pegawai yang SKP-nya sudah disetujui, masih draf, atau belum ada.', tombol: 'Buka Status SKP' },
    ],
  },
  admin: {
    judul: 'Selamat datang, admin kepegawaian',
    langkah: [
      { judul: 'Periksa data pegawai', teks: 'Impor pegawai dari CSV (SIASN/SIMPEG) atau tambahkan satu per satu, lalu periksa atasan langsung dan unit kerjanya.', tombol: 'Buka Data pegawai' },
      { judul: 'Atur periode dan hari libur', teks: 'Tentukan periode penilaian (bulanan, triwulan, semesteran atau tahunan) dan kalender hari libur instansi.', tombol: 'Buka Pengaturan' },
      { judul: 'Siapkan TPP', teks: 'Isi aturan TPP: besaran per kelas jabatan, porsi kinerja dan disiplin, serta tabel potongan presensi.', tombol: 'Buka TPP' },
      { judul: 'Pantau status SKP', teks: 'Lihat siapa yang belum menyusun atau belum disetujui SKP-nya dan ingatkan mereka.', tombol: 'Buka Status SKP' },
    ],
  },
  auditor: {
    judul: 'Selamat datang, auditor',
    langkah: [
      { judul: 'Baca log audit', teks: 'Setiap perubahan data tercatat di log audit: siapa, kapan, apa yang berubah.', tombol: 'Buka Log audit' },
      { judul: 'Verifikasi rantai audit', teks: 'Tombol verifikasi memeriksa bahwa tidak ada catatan audit yang diubah atau dihapus.', tombol: 'Buka Log audit' },
      { judul: 'Baca panduan auditor', teks: 'Panduan menjelaskan cara menyaring log per pegawai, per jenis perubahan dan per tanggal.', tombol: 'Buka Panduan' },
    ],
  },
  superadmin: {
    judul: 'Selamat datang, superadmin',
    langkah: [
      { judul: 'Kelola instansi', teks: 'Superadmin membuat instansi baru dan admin kepegawaiannya; setiap instansi terpisah datanya.', tombol: 'Buka Administrasi' },
      { judul: 'Baca log audit', teks: 'Log audit seluruh instansi dapat Anda baca dan verifikasi.', tombol: 'Buka Log audit' },
      { judul: 'Baca panduan', teks: 'Panduan admin menjelaskan impor pegawai, periode, TPP dan integrasi SIASN.', tombol: 'Buka Panduan' },
    ],
  },
};

// The "Bantuan" panel of each screen: a title, what the screen is for and what its fields
// mean, and an example where the regulations give one (shared/DOMAIN.md).
export const BANTUAN = {
  masuk: { judul: 'Masuk', isi: ['Masuk dengan NIP (18 angka) atau nama pengguna dan kata sandi dari admin kepegawaian (BKPSDM) instansi Anda.', 'Jika instansi memakai SSO, pilih tombol SSO di bawah formulir.'], contoh: 'NIP 198609262015051001: lahir 26-09-1986, CPNS Mei 2015, laki-laki, urutan 001.' },
  beranda: { judul: 'Beranda', isi: ['Beranda menampilkan pegawai yang datanya boleh Anda lihat: diri Anda, bawahan Anda, atau seluruh instansi bagi pimpinan dan admin.', 'Cari dengan nama atau awal NIP.'], contoh: '' },
  skp: { judul: 'SKP Saya', isi: ['SKP (Sasaran Kinerja Pegawai) adalah rencana kinerja tahunan, 1 Januari sampai 31 Desember. Isinya Rencana Hasil Kerja (RHK): hasil yang ingin dicapai, bukan kegiatan.', 'Setiap RHK diukur dengan IKI (Indikator Kinerja Individu) yang punya aspek (kuantitas, kualitas, waktu atau biaya) dan target.', 'RHK kelompok A. Utama berasal dari RHK atasan yang diintervensi; B. Tambahan untuk tugas di luar rencana, misalnya tim kerja.'], contoh: 'RHK yang baik: "Tersusunnya laporan analisis kebutuhan pelatihan yang digunakan pimpinan". Bukan RHK (itu kegiatan): "Mengikuti rapat". IKI: "Jumlah laporan yang disetujui", aspek kuantitas, target 4 laporan.' },
  matriks: { judul: 'Matriks peran hasil', isi: ['Matriks memperlihatkan RHK atasan (baris) dan bawahan yang ikut mewujudkannya (kolom).', 'Sel kosong berarti belum ada bawahan yang mengintervensi RHK itu.'], contoh: '' },
  persetujuan: { judul: 'Persetujuan SKP', isi: ['SKP yang diajukan bawahan kepada Anda sebagai pejabat penilai kinerja.', 'Setujui bila RHK berupa hasil yang terukur dan mendukung RHK Anda; kembalikan dengan catatan bila perlu diperbaiki.'], contoh: 'Kembalikan bila RHK berbunyi "Melaksanakan rapat koordinasi" (kegiatan) dan sarankan "Tersusunnya rekomendasi hasil koordinasi".' },
  status: { judul: 'Status SKP', isi: ['Rekap status SKP pegawai: Belum, Draf, Diajukan, Disetujui, Dikembalikan.', 'Saring per unit kerja atau status lalu ingatkan pegawai yang tertinggal.'], contoh: '' },
  realisasi: { judul: 'Realisasi', isi: ['Isi realisasi tiap IKI per bulan: apa yang tercapai dibanding target, dengan bukti dukung (berkas atau tautan).', 'Ajukan realisasi bulan itu ke atasan; atasan menyetujui atau mengembalikan dengan umpan balik.'], contoh: 'Target 4 laporan setahun; realisasi Maret: 1 laporan, bukti: PDF laporan yang disetujui.' },
  aktivitas: { judul: 'Aktivitas harian', isi: ['Catat pekerjaan harian: tanggal, lama (menit), uraian, dan RHK atau rencana aksi yang didukungnya.', 'Aktivitas yang dicatat tanpa sinyal disimpan di perangkat dan dikirim otomatis saat koneksi kembali.'], contoh: 'Uraian: "Menyusun draf kuesioner analisis kebutuhan pelatihan", 90 menit, RHK: laporan analisis kebutuhan pelatihan.' },
  review: { judul: 'Review', isi: ['Aktivitas dan realisasi bawahan yang menunggu persetujuan Anda.', 'Setujui sekaligus beberapa, atau kembalikan satu dengan alasan yang jelas.'], contoh: '' },
  kepatuhan: { judul: 'Kepatuhan', isi: ['Siapa yang sudah dan belum mencatat aktivitas pada rentang tanggal, dan berapa yang menunggu review.'], contoh: '' },
  kotakMasuk: { judul: 'Kotak masuk', isi: ['Pemberitahuan untuk Anda: SKP dikembalikan, aktivitas disetujui, penilaian final, dan lainnya.'], contoh: '' },
  penilaian: { judul: 'Penilaian', isi: ['Pejabat penilai memberi rating hasil kerja dan rating perilaku kerja: Di Atas, Sesuai, atau Di Bawah Ekspektasi. Predikat mengikuti matriks di bawah.', 'Penilaian periodik mengikuti periode instansi (bulanan, triwulan, semesteran); penilaian tahunan dicatat tersendiri.'], contoh: 'Hasil kerja Di Atas dan perilaku Sesuai: Baik. Hasil kerja Di Bawah dan perilaku Sesuai: Butuh Perbaikan.', tabel: [['Hasil kerja \\ perilaku', 'Di Bawah', 'Sesuai', 'Di Atas'], ['Di Atas', 'Kurang/Misconduct', 'Baik', 'Sangat Baik'], ['Sesuai', 'Kurang/Misconduct', 'Baik', 'Baik'], ['Di Bawah', 'Sangat Kurang', 'Butuh Perbaikan', 'Butuh Perbaikan']] },
  keberatan: { judul: 'Keberatan', isi: ['Pegawai dapat mengajukan keberatan atas penilaian final; atasan pejabat penilai memutuskannya.'], contoh: '' },
  u360: { judul: 'Umpan balik 360', isi: ['Rekan setingkat dan bawahan menilai perilaku kerja (BerAKHLAK). Jawaban anonim dan hasil baru tampil bila jumlah responden cukup.'], contoh: '' },
  ak: { judul: 'Angka kredit', isi: ['Angka kredit jabatan fungsional dihitung dari predikat: AK = bulan/12 × persentase predikat × koefisien jenjang.'], contoh: 'Ahli Pertama, Sangat Baik Januari-Desember: 150% × 12,5 = 18,75.' },
  unit: { judul: 'Unit kerja', isi: ['Predikat organisasi unit (Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang) ditetapkan pimpinan di atasnya.', 'Kurva menunjukkan distribusi predikat pegawai unit dan apakah sesuai pola distribusi.'], contoh: 'Unit Baik dengan 10 pegawai: 7 Baik, 2 Sangat Baik, 1 Butuh Perbaikan sesuai pola; 8 Baik dan 2 Butuh Perbaikan melanggar "paling banyak 70% Baik".' },
  kalkulator: { judul: 'Kalkulator', isi: ['Hitung predikat, angka kredit dan nilai kinerja menurut aturan yang berlaku, tanpa menyimpan apa pun.'], contoh: 'PP 30/2019: nilai SKP 100 dan perilaku 80 dengan bobot 60/40 → 92,0 → Baik.' },
  admin: { judul: 'Administrasi', isi: ['Pusat pengaturan instansi: unit kerja, pegawai, impor, periode, presensi, surel, webhook, SSO dan SIASN.'], contoh: '' },
  adminUnit: { judul: 'Unit kerja (admin)', isi: ['Pohon unit kerja instansi. Atasan langsung pegawai mengikuti kepala unit di atasnya kecuali diatur manual.'], contoh: '' },
  adminPegawai: { judul: 'Data pegawai', isi: ['Tambah, ubah dan mutasi pegawai. NIP 18 angka: tanggal lahir, TMT CPNS, jenis kelamin, nomor urut.', 'Atasan langsung yang salah adalah keluhan paling umum: periksa kolom atasan setiap mutasi.'], contoh: 'NIP 198609262015051001: lahir 26-09-1986, CPNS Mei 2015, laki-laki, urutan 001.' },
  adminImpor: { judul: 'Impor pegawai', isi: ['Unggah CSV dari SIASN/SIMPEG. Baris yang salah ditunjukkan dengan nomor baris dan kolomnya; tidak ada yang tersimpan sampai semua benar.'], contoh: 'Kolom: nip, nama, jenis_asn, golongan, unit_kerja, jabatan, atasan_nip.' },
  adminPengaturan: { judul: 'Periode dan hari libur', isi: ['Periode penilaian menentukan kapan realisasi dan penilaian periodik dibuat. Hari libur dan cuti bersama tidak dihitung sebagai hari kerja.'], contoh: '' },
  adminPresensi: { judul: 'Presensi (admin)', isi: ['Impor data presensi dari mesin absensi dan atur jadwal kerja atau shift (termasuk shift malam).'], contoh: '' },
  adminSurel: { judul: 'Surel keluar', isi: ['Antrean surel pengingat dan pemberitahuan beserta status pengirimannya.'], contoh: '' },
  webhook: { judul: 'Webhook', isi: ['Kirim peristiwa (SKP disetujui, penilaian final, TPP) ke e-Office atau HRIS. Setiap kiriman ditandatangani dengan rahasia.'], contoh: '' },
  token: { judul: 'Token API', isi: ['Token untuk aplikasi lain yang membaca atau menulis data atas nama Anda. Token hanya tampil sekali saat dibuat.'], contoh: '' },
  keamanan: { judul: 'Keamanan akun', isi: ['Ganti kata sandi dan aktifkan verifikasi dua langkah (2FA) dengan aplikasi autentikator. Simpan kode pemulihan di tempat aman.'], contoh: '' },
  sso: { judul: 'SSO', isi: ['Masuk tunggal (OpenID Connect) dengan penyedia identitas instansi.'], contoh: '' },
  siasn: { judul: 'SIASN', isi: ['Tarik data pegawai dari SIASN BKN dan kirim hasil penilaian; setiap pertukaran dicatat dengan pesan yang dapat ditindaklanjuti.'], contoh: '' },
  audit: { judul: 'Log audit', isi: ['Setiap perubahan data tercatat: waktu, pelaku, jenis perubahan, data sebelum dan sesudah.', 'Verifikasi memeriksa rantai hash sehingga catatan yang diubah atau dihapus ketahuan.'], contoh: '' },
  presensi: { judul: 'Presensi', isi: ['Kehadiran per hari: jam masuk, jam pulang, terlambat (TL) dan pulang sebelum waktunya (PSW).', 'Potongan TPP dihitung dari kode presensi ini; cuti, dinas luar dan sakit dengan surat bukan potongan.'], contoh: 'TL1 terlambat 1-30 menit: potongan 0,5%; TL4 91 menit ke atas atau tidak absen masuk: 1,5%; tanpa keterangan: 5% per hari.' },
  dasbor: { judul: 'Dasbor', isi: ['Capaian target per IKI, aktivitas, umpan balik dan predikat Anda (atau bawahan, unit, instansi) dalam satu layar.'], contoh: '' },
  laporan: { judul: 'Laporan', isi: ['Ekspor data ke Excel atau PDF: status SKP, capaian, aktivitas dan penilaian. Laporan besar disusun di latar belakang.'], contoh: '' },
  analitik: { judul: 'Analitik', isi: ['Rekomendasi pengembangan, kotak 9 (kinerja × potensi) dan konsistensi penilaian antarpenilai.'], contoh: '' },
  katalog: { judul: 'Katalog pelatihan', isi: ['Daftar pelatihan yang direkomendasikan untuk kebutuhan pengembangan kompetensi.'], contoh: '' },
  tpp: { judul: 'TPP', isi: ['Tambahan Penghasilan Pegawai: komponen kinerja (dari predikat) dan komponen disiplin (dari presensi), dikurangi potongan.', 'Setiap rupiah dapat ditelusuri ke aturan dan catatan presensinya.'], contoh: 'Kelas jabatan 9, Rp 5.000.000: kinerja 60% = Rp 3.000.000, disiplin 40% = Rp 2.000.000; dua kali TL1 (0,5%) memotong 1% dari komponen disiplin = Rp 20.000.' },
  tppAdmin: { judul: 'TPP (admin)', isi: ['Aturan TPP instansi: besaran per kelas jabatan, porsi kinerja/disiplin, persentase per predikat dan tabel potongan presensi. Hitung per bulan lalu setujui.'], contoh: 'Tabel potongan umum: TL1 1-30 menit 0,5%, TL2 31-60 1%, TL3 61-90 1,25%, TL4 91+ 1,5%; PSW sama.' },
  organisasi: { judul: 'Kinerja organisasi', isi: ['Renstra memuat sasaran strategis instansi dengan Indikator Kinerja Utama (IKU) dan target tahunannya. Perjanjian Kinerja (PK) unit menurunkan IKU ke indikator unit.', 'RHK pimpinan unit ditautkan ke indikator PK, sehingga kinerja pegawai dapat ditelusuri sampai IKU (cascading).'], contoh: 'IKU "Indeks kepuasan masyarakat" target 85; PK Bidang Pelayanan "Persentase layanan selesai tepat waktu" target 95%; RHK kepala bidang ditautkan ke indikator PK itu.' },
  jejakIku: { judul: 'Jejak ke IKU', isi: ['Setiap RHK Anda dan indikator PK atau IKU yang didukungnya. RHK tanpa tautan belum terlihat kontribusinya bagi organisasi.'], contoh: '' },
  capaianOrg: { judul: 'Capaian kinerja organisasi', isi: ['Realisasi triwulanan dan tahunan IKU dan PK dengan bukti, capaian per indikator dan per unit, serta usulan predikat organisasi yang dikonfirmasi pimpinan.'], contoh: 'Capaian = realisasi / target × 100%; untuk indikator yang makin kecil makin baik, capaian = target / realisasi × 100%.' },
  inovasi: { judul: 'Inovasi', isi: ['Catat inovasi Anda (cara baru yang bermanfaat bagi organisasi) beserta buktinya; atasan memvalidasinya.', 'Inovasi yang divalidasi menjadi bahan penilaian dan penghargaan (PP 30/2019: predikat Sangat Baik mensyaratkan ide atau cara baru).'], contoh: 'Inovasi: "Formulir cuti daring menggantikan formulir kertas, waktu proses turun dari 3 hari menjadi 1 hari".' },
  penghargaan: { judul: 'Penghargaan', isi: ['Pengakuan atas kinerja yang konsisten, misalnya predikat Sangat Baik pada periode berturut-turut atau inovasi yang divalidasi.', 'Pimpinan menerbitkan piagam; tidak ada yang diumumkan tanpa persetujuan pegawai.'], contoh: '' },
  latihan: { judul: 'Mode latihan', isi: ['Salinan latihan instansi dengan data buatan: pegawai berlatih setiap alur tanpa menyentuh data sebenarnya.', 'Tidak ada data latihan yang masuk ke laporan, TPP atau SIASN. Salinan dapat diatur ulang atau dihapus.'], contoh: '' },
  panduan: { judul: 'Panduan', isi: ['Panduan langkah demi langkah untuk setiap peran. Gambar layar diambil otomatis oleh uji aplikasi sehingga selalu sesuai tampilan terbaru.', 'Unduh PDF untuk dicetak atau dibagikan dalam pelatihan.'], contoh: '' },
};


if (BAHASA === 'en') terjemahkan(ini, await import('./en/teks-bantuan.js'));
