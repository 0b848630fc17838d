// teks.js: the Indonesian words of the SKP screens and the locale's formats.  English: each word
// module ends by awaiting its js/en/ twin and copying it over its own objects (DEVELOPERS.md).
import * as ini from './teks.js';

export const BAHASA = (() => {
  try { return globalThis.localStorage?.getItem('kinerja-bahasa') === 'en' ? 'en' : 'id'; } catch { return 'id'; }
})();

export function terjemahkan(id, en) {
  for (const [k, v] of Object.entries(en)) if (id[k] && typeof id[k] === 'object') Object.assign(id[k], v);
}

export const HALAMAN = {};

// the formatting helpers' words and Intl locale (English: en-GB, day-month-year, 24-hour clock)
export const FMT = {
  lokal: 'id-ID', pukul: 'pukul', jam: 'jam', menit: 'menit', pemisahJam: '.', bulanKe: 'Bulan ke-', semester: 'Semester',
  triwulan: 'Triwulan', tahunan: 'Tahunan', periodeKe: 'Periode ke-',
  hari: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
};

export const STATUS = {
  belum: 'Belum ada SKP', draft: 'Draf', diajukan: 'Diajukan', disetujui: 'Disetujui', dikembalikan: 'Dikembalikan',
};
export const KELOMPOK = { utama: 'A. Utama', tambahan: 'B. Tambahan' };
export const HURUF_KELOMPOK = { utama: 'A', tambahan: 'B' };
export const ASPEK = { kuantitas: 'Kuantitas', kualitas: 'Kualitas', waktu: 'Waktu', biaya: 'Biaya' };
export const PENDEKATAN = { kuantitatif: 'Kuantitatif', kualitatif: 'Kualitatif' };
export const JENIS = { ja_jf: 'Jabatan administrasi / fungsional', jpt: 'Jabatan pimpinan tinggi (JPT)' };
export const PERSPEKTIF = {
  penerima_layanan: 'Penerima layanan', proses_bisnis: 'Proses bisnis',
  penguatan_internal: 'Penguatan internal', anggaran: 'Anggaran',
};
export const LAMPIRAN = {
  sumber_daya: 'Dukungan sumber daya', skema: 'Skema pertanggungjawaban', konsekuensi: 'Konsekuensi',
};

export const T = {
  app: 'kinerja',
  menu: {
    beranda: 'Beranda', skp: 'SKP Saya', persetujuan: 'Persetujuan SKP', status: 'Status SKP', aktivitas: 'Aktivitas',
    review: 'Review', kepatuhan: 'Kepatuhan', kotakMasuk: 'Kotak masuk', penilaian: 'Penilaian', umpan360: 'Umpan balik 360',
    unit: 'Unit kerja', angkaKredit: 'Angka kredit', kalkulator: 'Kalkulator',
  },
  salam: (nama) => `Selamat datang, ${nama}`,
  peran: (p) => `Peran: ${p}`,
  jumlahCari: (n) => `${n} pegawai`,
  isiMasuk: 'Isi NIP/nama pengguna dan kata sandi.',
  sesiBerakhir: 'Sesi Anda telah berakhir. Silakan masuk lagi.',
  memuat: 'Memuat…',
  galatJaringan: 'Tidak dapat menghubungi server. Periksa koneksi internet lalu coba lagi.',
  tidakDapatDitampilkan: 'Tidak dapat ditampilkan',
  pilihTahun: 'Pilih tahun',
  tidakAda: 'Tidak ada',
  identitasSkp: 'Identitas SKP',
  saringStatus: 'Saring status SKP',
  hapusIkiSaja: 'Hapus IKI',
  jumlah: 'Jumlah',
  lagi: 'Muat lebih banyak',
  tanpaPegawai: 'Akun ini tidak terhubung dengan data pegawai, sehingga tidak memiliki SKP.',
  tidakDitemukan: 'Halaman tidak ditemukan.',
  kembaliKeDaftar: 'Kembali ke SKP Saya',
  kembaliKePersetujuan: 'Kembali ke Persetujuan SKP',
  periksa: 'Periksa isian berikut:',
  // SKP Saya
  skpSaya: 'SKP Saya',
  belumAdaSkp: (t) => `Anda belum memiliki SKP tahun ${t}.`,
  buat: (t) => `Buat SKP ${t}`,
  salin: 'Salin dari SKP tahun lalu',
  salinKet: (t) => `RHK, IKI, perilaku dan lampiran SKP ${t} disalin sebagai draf baru.`,
  bukaSkp: (t) => `Buka SKP ${t}`,
  matriks: 'Matriks peran hasil',
  riwayatSkp: 'Semua SKP Anda',
  jumlahRhk: (n) => `${n} RHK`,
  // SKP view
  judulSkp: (t) => `SKP ${t}`,
  judulSkpOrang: (nama, t) => `SKP ${nama} — ${t}`,
  status: 'Status',
  revisiKe: (n) => `Revisi ke-${n}`,
  diajukanPada: (w) => `Diajukan ${w}`,
  disetujuiPada: (w) => `Disetujui ${w}`,
  periode: 'Periode',
  pendekatan: 'Pendekatan',
  jenis: 'Jenis jabatan',
  pegawai: 'Pegawai yang dinilai',
  penilai: 'Pejabat penilai',
  belumPenilai: 'Belum ditetapkan; minta admin kepegawaian menetapkannya.',
  nip: (n) => `NIP ${n}`,
  catatanPenilai: 'Catatan pejabat penilai',
  catatanTerakhir: 'Catatan pengembalian terakhir',
  catatanBaris: 'Catatan penilai untuk RHK ini',
  rhkJudul: 'Rencana Hasil Kerja (RHK)',
  belumRhk: 'Belum ada RHK.',
  mengintervensi: 'Mengintervensi RHK atasan',
  belumIntervensi: 'Belum mengintervensi RHK atasan (wajib untuk RHK utama).',
  iki: 'Indikator kinerja individu (IKI) dan target',
  target: 'Target',
  bobot: 'Bobot',
  perspektif: 'Perspektif',
  perilakuJudul: 'Perilaku Kerja (BerAKHLAK)',
  ekspektasi: 'Ekspektasi khusus pimpinan',
  belumEkspektasi: 'Belum ada ekspektasi khusus.',
  simpanEkspektasi: 'Simpan ekspektasi',
  ekspektasiTersimpan: 'Ekspektasi khusus pimpinan disimpan.',
  lampiranJudul: 'Lampiran',
  kosong: '—',
  simpanLampiran: 'Simpan lampiran',
  lampiranTersimpan: 'Lampiran disimpan.',
  simpanPendekatan: 'Simpan pendekatan',
  pendekatanKet: 'Pendekatan hanya dapat diganti selama SKP belum berisi RHK.',
  pendekatanTersimpan: 'Pendekatan disimpan.',
  // actions
  ajukan: 'Ajukan ke penilai',
  tarik: 'Tarik kembali',
  revisi: 'Buka revisi',
  setujui: 'Setujui',
  kembalikan: 'Kembalikan',
  unduhPdf: 'Unduh PDF',
  unduhXlsx: 'Unduh Excel',
  matriksSaya: 'Matriks peran hasil saya',
  konfirmasiRevisi: 'Buka revisi SKP ini? SKP kembali menjadi draf dan perlu diajukan lagi untuk disetujui pejabat penilai.',
  konfirmasiTarik: 'Tarik kembali SKP ini dari pejabat penilai? SKP kembali menjadi draf.',
  sudah: {
    ajukan: 'SKP diajukan ke pejabat penilai.',
    tarik: 'SKP ditarik kembali dan menjadi draf.',
    revisi: 'Revisi dibuka: SKP kembali menjadi draf.',
    setujui: 'SKP disetujui.',
    kembalikan: 'SKP dikembalikan kepada pegawai.',
  },
  // kembalikan form
  judulKembalikan: 'Kembalikan SKP untuk diperbaiki',
  catatanKembalikan: 'Catatan untuk pegawai (wajib)',
  catatanPerRhk: 'Catatan per RHK (boleh dikosongkan)',
  kirimKembalikan: 'Kirim pengembalian',
  batal: 'Batal',
  // RHK form
  tambahRhk: 'Tambah RHK',
  judulTambahRhk: 'Tambah RHK',
  judulUbahRhk: (no) => `Ubah RHK ${no}`,
  ubahRhk: (no) => `Ubah RHK ${no}`,
  hapusRhk: (no) => `Hapus RHK ${no}`,
  ubah: 'Ubah',
  hapus: 'Hapus',
  konfirmasiHapus: (no, teks) => `Hapus RHK ${no} "${teks}" beserta IKI-nya?`,
  rhkTersimpan: 'RHK disimpan.',
  rhkDihapus: 'RHK dihapus.',
  kelompok: 'Kelompok',
  teksRhk: 'Rencana hasil kerja (RHK)',
  rhkAtasan: 'RHK atasan yang diintervensi',
  tanpaAtasan: '— Tidak mengintervensi RHK atasan —',
  memuatAtasan: 'Memuat RHK atasan…',
  rhkAtasanKet: 'RHK utama wajib mengintervensi RHK pejabat penilai yang sudah disetujui.',
  ikiJudul: 'Indikator kinerja individu (IKI)',
  ikiNo: (i) => `IKI ${i}`,
  aspek: 'Aspek',
  indikator: 'Indikator',
  targetAngka: 'Target (angka)',
  targetAngkaKet: 'Angka saja, mis. 12 atau 99,5',
  satuan: 'Satuan',
  satuanKet: 'mis. laporan, %, bulan',
  targetTeks: 'Target (pernyataan)',
  tambahIki: 'Tambah IKI',
  hapusIki: (i) => `Hapus IKI ${i}`,
  simpanRhk: 'Simpan RHK',
  pilihPerspektif: 'Pilih perspektif',
  // persetujuan
  persetujuan: 'Persetujuan SKP',
  semuaDinilai: 'Tampilkan semua SKP yang saya nilai',
  menunggu: (n) => `${n} SKP menunggu persetujuan Anda`,
  dinilai: (n) => `${n} SKP yang Anda nilai`,
  tidakAdaMenunggu: 'Tidak ada SKP yang menunggu persetujuan Anda.',
  tidakAdaDinilai: 'Belum ada SKP yang Anda nilai.',
  // matriks
  judulMatriks: 'Matriks peran hasil',
  matriksKet: 'Baris: RHK Anda. Kolom: bawahan. Sel: RHK bawahan yang mengintervensi RHK tersebut.',
  rhkAnda: 'RHK Anda',
  tanpaKontributor: 'Belum ada RHK bawahan yang mengintervensi',
  tanpaRhkUtama: 'Belum ada RHK utama yang mengintervensi RHK Anda',
  ringkasTanpaKontributor: (n) => `${n} RHK belum memiliki kontributor`,
  ringkasTanpaRhk: (n) => `${n} bawahan belum memiliki RHK utama yang mengintervensi RHK Anda`,
  matriksLengkap: 'Setiap RHK memiliki kontributor dan setiap bawahan memiliki RHK utama yang mengintervensi.',
  tidakAdaBawahan: 'Belum ada bawahan yang SKP-nya Anda nilai pada periode ini.',
  gulirTabel: 'Geser tabel ke samping untuk melihat semua bawahan.',
  kembaliKeSkp: 'Kembali ke SKP',
  // status report
  judulStatus: 'Status SKP',
  tahun: 'Tahun',
  semuaStatus: 'Semua status',
  tampilkan: 'Tampilkan',
  kolomPegawai: 'Pegawai',
  kolomUnit: 'Unit kerja',
  kolomPenilai: 'Pejabat penilai',
  kolomStatus: 'Status',
  jumlahPegawai: (n) => `${angka(n)} pegawai aktif`,
  tidakAdaBaris: 'Tidak ada pegawai dengan status ini.',
  lihatSkp: 'Lihat SKP',
  // aktivitas harian
  judulAktivitas: 'Aktivitas harian',
  catatAktivitas: 'Catat aktivitas',
  ubahAktivitas: 'Ubah aktivitas',
  perbaikiAktivitas: 'Perbaiki aktivitas yang belum terkirim',
  tanggal: 'Tanggal',
  uraian: 'Uraian kegiatan',
  uraianKet: 'Apa yang Anda kerjakan, mis. Menyusun laporan bulanan data peserta didik',
  rhkDidukung: 'RHK yang didukung',
  pilihRhk: '— Pilih RHK —',
  tugasTambahan: 'Tugas tambahan (tanpa RHK)',
  tanpaSkpTahun: (t) => `Anda belum memiliki SKP tahun ${t}; aktivitas dicatat sebagai tugas tambahan.`,
  wajibPilihRhk: 'pilih RHK yang didukung, atau Tugas tambahan bila tidak terkait RHK',
  rencanaAksi: 'Rencana aksi (boleh dikosongkan)',
  tanpaRencanaAksi: '— Tanpa rencana aksi —',
  waktu: 'Waktu',
  waktuKet: 'Isi jam mulai dan jam selesai, atau durasinya saja.',
  jamMulai: 'Jam mulai',
  jamSelesai: 'Jam selesai',
  durasiMenit: 'Durasi (menit)',
  kuantitas: 'Kuantitas (boleh dikosongkan)',
  kuantitasKet: 'Angka, mis. 3 atau 2,5',
  satuanAktivitas: 'Satuan',
  satuanAktivitasKet: 'mis. dokumen, berkas, kegiatan',
  lokasi: 'Lokasi (boleh dikosongkan)',
  simpanAktivitas: 'Simpan aktivitas',
  simpanPerubahan: 'Simpan perubahan',
  aktivitasTersimpan: 'Aktivitas disimpan dan diajukan ke pejabat penilai.',
  aktivitasDiubah: 'Perubahan disimpan dan diajukan lagi ke pejabat penilai.',
  aktivitasDihapus: 'Aktivitas dihapus.',
  aktivitasDiantre: 'Tidak tersambung ke server. Aktivitas disimpan di perangkat ini dan dikirim otomatis saat tersambung.',
  konfirmasiHapusAktivitas: (u) => `Hapus aktivitas "${u}"?`,
  konfirmasiBuangAntrean: (u) => `Aktivitas "${u}" belum terkirim. Hapus dari perangkat ini?`,
  seringJudul: 'Isi cepat dari aktivitas yang sering',
  seringKet: 'Ketuk salah satu untuk mengisi formulir, lalu periksa dan simpan.',
  seringTerisi: (u) => `Formulir diisi dari "${u}". Periksa lalu simpan.`,
  kali: (n) => `${n}×`,
  templatLainnya: (n) => `Tampilkan ${n} lainnya`,
  salinKemarin: 'Salin aktivitas kemarin',
  salinKet2: (dari, ke) => `Menyalin semua aktivitas ${dari} ke ${ke}.`,
  konfirmasiSalin: (n, t) => `${t} sudah berisi ${n} aktivitas. Tetap salin aktivitas hari kerja sebelumnya?`,
  salinSelesai: (n, dari) => `${n} aktivitas disalin dari ${dari}.`,
  butuhSambungan: 'Fitur ini memerlukan sambungan internet.',
  daftarHari: (t) => `Aktivitas ${t}`,
  belumAdaAktivitas: 'Belum ada aktivitas pada tanggal ini.',
  totalHari: (total, batas) => `Jumlah waktu: ${total} dari batas ${batas} per hari`,
  melebihi: 'Melebihi batas waktu efektif harian.',
  tugasTambahanLabel: 'Tugas tambahan',
  catatanReview: 'Catatan pejabat penilai',
  lokasiLabel: 'Lokasi',
  tidakDapatMemuatHari: 'Aktivitas yang sudah terkirim tidak dapat dimuat saat ini.',
  luringDataLama: 'Anda sedang luring: pilihan RHK dan templat memakai data terakhir yang tersimpan di perangkat.',
  belumTerkirimJudul: (n) => `${n} aktivitas belum terkirim`,
  belumTerkirimKet: 'Aktivitas ini tersimpan di perangkat dan dikirim otomatis saat tersambung ke server.',
  kirimSekarang: 'Kirim sekarang',
  perluDiperbaikiKet: 'Server menolak aktivitas ini. Perbaiki lalu simpan lagi, atau hapus.',
  perbaiki: 'Perbaiki',
  buang: 'Hapus dari perangkat',
  tanggalLain: 'Tanggal lain',
  terkirimOtomatis: (n) => `${n} aktivitas yang tersimpan di perangkat sudah terkirim.`,
  ditolakOtomatis: (n) => `${n} aktivitas yang tersimpan di perangkat ditolak server dan perlu diperbaiki (lihat menu Aktivitas).`,
  luring: 'Anda sedang luring. Aktivitas yang dicatat disimpan di perangkat dan dikirim otomatis saat tersambung.',
  sorotBukanMilik: 'Aktivitas ini milik pegawai lain.',
  // review
  judulReview: 'Review',
  reviewAktivitas: 'Aktivitas menunggu review',
  reviewRealisasi: 'Realisasi menunggu review',
  keRealisasi: 'Lompat ke realisasi yang menunggu review',
  saringPegawai: 'Pegawai',
  semuaPegawai: 'Semua pegawai',
  dariTanggal: 'Dari tanggal',
  sampaiTanggal: 'Sampai tanggal',
  saring: 'Saring',
  saringAktivitas: 'Saring aktivitas',
  saringKepatuhan: 'Saring kepatuhan',
  bulanSalah: 'Bulan harus 1 sampai 12.',
  catatan: 'Catatan',
  pakaiSso: 'Gunakan tombol "Masuk dengan SSO" di bawah formulir ini.',
  konfirmasiKeluar: (n) => `${n} aktivitas belum terkirim. Aktivitas itu tetap tersimpan di perangkat ini dan dikirim setelah Anda masuk lagi. Keluar sekarang?`,
  pilihSemua: 'Pilih semua yang tampil',
  pilihAktivitas: (nama, u) => `Pilih aktivitas ${nama}: ${u}`,
  setujuiTerpilih: (n) => `Setujui terpilih (${n})`,
  belumDipilih: 'Pilih dahulu aktivitas yang akan disetujui.',
  hasilMassal: (ok, n) => `${ok} dari ${n} aktivitas disetujui.`,
  gagalMassal: 'Sebagian aktivitas tidak dapat disetujui:',
  antreanKosong: 'Tidak ada aktivitas yang menunggu review Anda.',
  jumlahMenunggu: (n) => `${n} aktivitas menunggu review`,
  aktivitasDisetujui: 'Aktivitas disetujui.',
  aktivitasDikembalikan: 'Aktivitas dikembalikan kepada pegawai.',
  catatanUntukPegawai: 'Catatan untuk pegawai (wajib)',
  kirimPengembalian: 'Kirim pengembalian',
  setujuiLabel: (u) => `Setujui: ${u}`,
  kembalikanLabel: (u) => `Kembalikan: ${u}`,
  realisasiKosong: 'Tidak ada realisasi yang menunggu review Anda.',
  realisasiDisetujui: 'Realisasi disetujui.',
  realisasiDikembalikan: 'Realisasi dikembalikan kepada pegawai.',
  bukaLembar: 'Buka lembar realisasi',
  setujuiSemuaBulan: (n) => `Setujui semua (${n})`,
  // realisasi
  judulRealisasi: (b, t) => `Realisasi ${b} ${t}`,
  judulRealisasiOrang: (nama, b, t) => `Realisasi ${nama} — ${b} ${t}`,
  realisasiBulanan: 'Realisasi bulanan',
  bulan: 'Bulan',
  bulanSebelum: 'Bulan sebelumnya',
  bulanBerikut: 'Bulan berikutnya',
  realisasiAngka: (s) => (s ? `Realisasi (${s})` : 'Realisasi (angka)'),
  realisasiTeks: 'Realisasi (pernyataan)',
  catatanRealisasi: 'Catatan (boleh dikosongkan)',
  simpanRealisasi: 'Simpan realisasi',
  realisasiTersimpan: 'Realisasi disimpan sebagai draf.',
  ajukanRealisasi: 'Ajukan realisasi bulan ini',
  ajukanRealisasiKet: 'Realisasi berstatus draf atau dikembalikan diajukan ke pejabat penilai.',
  realisasiDiajukan: 'Realisasi bulan ini diajukan ke pejabat penilai.',
  capaian: 'Capaian',
  realisasiLabel: 'Realisasi',
  aktivitasBulan: (n, w) => `Aktivitas bulan ini: ${n} aktivitas, ${w}`,
  tanpaIki: 'SKP ini belum memiliki IKI.',
  bukaRealisasiRhk: 'RHK',
  // bukti dukung (bukti.js)
  buktiDukung: 'Bukti dukung',
  buktiAktivitasLabel: (u) => `Bukti dukung: ${u}`,
  buktiKosong: 'Belum ada bukti dukung.',
  buktiSimpanDulu: 'Simpan realisasi terlebih dahulu; bukti dukung dapat dilampirkan setelah realisasi tersimpan.',
  buktiTautan: 'Tautan',
  buktiUnduh: 'Unduh',
  buktiUnduhLabel: (n) => `Unduh ${n}`,
  buktiBuka: 'Buka tautan',
  buktiBukaLabel: (n) => `Buka tautan ${n}`,
  buktiHapusLabel: (n) => `Hapus bukti ${n}`,
  buktiKonfirmasiHapus: (n) => `Hapus bukti dukung "${n}"? Bukti yang dihapus tidak dapat dikembalikan.`,
  buktiDihapus: (n) => `Bukti dukung dihapus: ${n}.`,
  buktiBerkas: 'Unggah berkas (foto, PDF, DOCX atau XLSX)',
  buktiBerkasKet: 'Di ponsel dapat memotret langsung dengan kamera atau memilih berkas.',
  buktiKemajuan: 'Kemajuan unggahan',
  buktiUnggah: 'Unggah bukti',
  buktiPilihBerkas: 'pilih berkas terlebih dahulu',
  buktiTerlaluBesar: (a, m) => `ukuran berkas ${a} melebihi batas ${m} per berkas`,
  buktiKuotaHabis: (t, k) => `kuota bukti dukung tidak cukup: terpakai ${t} dari ${k}; hapus bukti lama terlebih dahulu`,
  buktiMengunggah: (n) => `Mengunggah ${n}…`,
  buktiDiunggah: (n) => `Bukti dukung diunggah: ${n}.`,
  buktiTambahTautan: 'Tambah tautan',
  buktiTambahTautanLabel: (j) => `Tambah tautan bukti dukung untuk ${j}`,
  buktiAlamat: 'Alamat tautan',
  buktiAlamatKet: 'Diawali https:// atau http://, misalnya berkas di penyimpanan daring instansi.',
  buktiJudulTautan: 'Judul tautan',
  buktiSimpanTautan: 'Simpan tautan',
  buktiTautanTersimpan: (n) => `Tautan bukti dukung disimpan: ${n}.`,
  // kotak masuk
  judulKotakMasuk: 'Kotak masuk',
  kotakMasukKosong: 'Belum ada pemberitahuan.',
  belumDibaca: (n) => `${n} belum dibaca`,
  loncengLabel: (n) => (n ? `Kotak masuk, ${n} belum dibaca` : 'Kotak masuk'),
  tandaiDibaca: 'Tandai sudah dibaca',
  sudahDibaca: 'Pemberitahuan ditandai sudah dibaca.',
  baru: 'Baru',
  // umpan balik
  umpanBalikJudul: 'Umpan balik dan dialog kinerja',
  umpanBalikKosong: 'Belum ada umpan balik.',
  tulisUmpanBalik: 'Tulis umpan balik',
  jenisCatatan: 'Jenis',
  jenisUmpanBalik: 'Umpan balik',
  jenisDialog: 'Catatan dialog kinerja',
  tanggalDialog: 'Tanggal dialog kinerja',
  kirim: 'Kirim',
  balas: 'Balas',
  balasKe: (nama) => `Balas ${nama}`,
  tulisBalasan: 'Tulis balasan',
  umpanBalikTerkirim: 'Umpan balik terkirim.',
  dialogPada: (t) => `Dialog kinerja ${t}`,
  // kepatuhan
  judulKepatuhan: 'Kepatuhan pencatatan aktivitas',
  kolomAktivitas: 'Aktivitas',
  kolomMenit: 'Waktu',
  kolomHari: 'Hari tercatat',
  kolomMenunggu: 'Menunggu review',
  belumMencatat: 'Belum mencatat',
  ringkasKepatuhan: (n, kosong) => `${angka(n)} pegawai, ${angka(kosong)} belum mencatat aktivitas pada rentang ini`,
  rentang: (a, b) => `${a} – ${b}`,
  tidakAdaPegawai: 'Tidak ada pegawai pada cakupan Anda.',
};

/** The server's checks of an activity, repeated on the device for what is saved offline. */
export const CEK = {
  tanggal: 'wajib diisi: tanggal YYYY-MM-DD yang valid',
  akanDatang: 'aktivitas tidak boleh dicatat untuk hari yang akan datang',
  berpasangan: 'jam mulai dan jam selesai diisi berpasangan',
  setelahMulai: 'jam selesai harus setelah jam mulai',
  isiDurasi: 'isi durasi (menit) atau jam mulai dan jam selesai',
  durasi: 'durasi harus 1-1440 menit',
  uraian: 'wajib diisi: apa yang dikerjakan (minimal 3 karakter)',
  kuantitas: 'harus angka tidak negatif, mis. 3 atau 2,5',
  satuan: 'wajib diisi bila kuantitas diisi, mis. dokumen, berkas, kegiatan',
};

/** The other statuses shown with badges (not SKP statuses). */
export const STATUS_LAIN = {
  belum_terkirim: 'Belum terkirim', perlu_perbaikan: 'Perlu diperbaiki', belum_diisi: 'Belum diisi',
  final: 'Final', diterima: 'Diterima', ditolak: 'Ditolak', terbuka: 'Terbuka', ditutup: 'Ditutup',
};

/** Labels of API field names that have no input on the screen (for the error summary). */
export const FIELD = {
  rhk: 'RHK', iki: 'IKI', kelompok: 'Kelompok', rhk_atasan_id: 'RHK atasan', perspektif: 'Perspektif', bobot: 'Bobot',
  catatan: 'Catatan', penilai: 'Pejabat penilai', pendekatan: 'Pendekatan', tahun: 'Tahun', salin_dari: 'SKP sumber',
  pegawai_id: 'Pegawai', lampiran: 'Lampiran', ekspektasi: 'Ekspektasi',
  tanggal: 'Tanggal', jam_mulai: 'Jam mulai', jam_selesai: 'Jam selesai', menit: 'Durasi (menit)', uraian: 'Uraian',
  kuantitas: 'Kuantitas', satuan: 'Satuan', lokasi: 'Lokasi', rencana_aksi_id: 'Rencana aksi', dari: 'Hari sumber',
  ke: 'Hari tujuan', items: 'Aktivitas yang disalin', ids: 'Aktivitas terpilih', nilai_angka: 'Realisasi',
  nilai_teks: 'Realisasi', bulan: 'Bulan', isi: 'Isi', jenis: 'Jenis', induk_id: 'Balasan', sampai: 'Sampai tanggal',
  periode_ke: 'Periode penilaian', rating_hasil: 'Rating hasil kerja', rating_perilaku: 'Rating perilaku kerja',
  umpan_balik_rhk: 'Umpan balik RHK', umpan_balik_perilaku: 'Umpan balik perilaku', alasan: 'Alasan', keputusan: 'Keputusan',
  responden: 'Responden', skor: 'Skor', komentar: 'Komentar', predikat: 'Predikat', hasil_kerja: 'Rating hasil kerja',
  perilaku: 'Perilaku kerja', organisasi: 'Predikat organisasi', jumlah: 'Jumlah pegawai', jenjang: 'Jenjang',
  periode: 'Periode', skp: 'Nilai SKP', penilaian_360: 'Penilaian 360', inovasi: 'Inovasi', pembulatan: 'Pembulatan',
  batas_sangat_kurang: 'Batas Sangat Kurang',
};

export const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober',
  'November', 'Desember'];

/** "2026-11-23" → "23 November 2026". */
export function tanggal(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  return `${Number(m[3])} ${BULAN[Number(m[2]) - 1]} ${m[1]}`;
}

/** Unix seconds → "23 November 2026". */
export function tanggalUnix(s) {
  if (!s) return '';
  const d = new Date(s * 1000);
  return `${d.getDate()} ${BULAN[d.getMonth()]} ${d.getFullYear()}`;
}

/** "1234.5" or 1234.5 → "1.234,5". */
export function angka(v) {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  return n.toLocaleString(FMT.lokal, { maximumFractionDigits: 4 });
}

/** A stored target number ("99.5") as typed in Indonesia ("99,5"), without thousands separators. */
export function angkaIsian(v) {
  return v === null || v === undefined ? '' : String(v).replace('.', ',');
}

/** The target of an IKI: the statement, or "12 laporan" / "100%". */
export function target(k) {
  if (k.target_teks) return k.target_teks;
  if (k.target_angka === null || k.target_angka === undefined) return k.target || '-';
  const s = k.target_satuan || '';
  return `${angka(k.target_angka)}${s === '%' ? '%' : s ? ' ' + s : ''}`;
}

/** The device's date as "2026-11-23" (local time, as the user lives it). */
export function hariIni(d = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "2026-11-23" plus `n` days (n may be negative). */
export function tambahHari(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

/** Day of the week of "2026-11-23": 0 Sunday … 6 Saturday. */
export function hariMinggu(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function tanggalValid(iso) {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso || '') && tambahHari(iso, 0) === iso;
}

/** "2026-11-23" → "Senin, 23 November 2026". */
export function tanggalHari(iso) {
  return tanggalValid(iso) ? `${FMT.hari[hariMinggu(iso)]}, ${tanggal(iso)}` : tanggal(iso);
}

/** Unix seconds → "23 November 2026 pukul 08.15". */
export function waktuUnix(s) {
  if (!s) return '';
  const d = new Date(s * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${tanggalUnix(s)} ${FMT.pukul} ${p(d.getHours())}${FMT.pemisahJam}${p(d.getMinutes())}`;
}

/** 90 → "1 jam 30 menit"; 45 → "45 menit"; 120 → "2 jam". */
export function durasi(menit) {
  const n = Math.max(0, Math.round(Number(menit) || 0));
  const j = Math.floor(n / 60);
  const m = n % 60;
  if (!j) return `${m} ${FMT.menit}`;
  return m ? `${j} ${FMT.jam} ${m} ${FMT.menit}` : `${j} ${FMT.jam}`;
}

/** "08:30" → 510; anything else → null. */
export function jamKeMenit(s) {
  const m = /^(\d{2}):(\d{2})$/.exec(s || '');
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** "08:30" → "08.30" (the Indonesian way of writing a time). */
export function jam(s) {
  return (s || '').replace(':', FMT.pemisahJam);
}

/** "83.33" → "83,33%". */
export function persen(v) {
  if (v === null || v === undefined || v === '') return '—';
  return `${Number(v).toLocaleString(FMT.lokal, { minimumFractionDigits: 0, maximumFractionDigits: 2 })}%`;
}

/** The number of an RHK in its SKP: "A.1", "B.2". */
export function nomorRhk(semua, r) {
  const sama = semua.filter((x) => x.kelompok === r.kelompok);
  return `${HURUF_KELOMPOK[r.kelompok] || ''}.${sama.indexOf(r) + 1}`;
}

// ---- penilaian, keberatan, 360, unit, angka kredit, kalkulator (issue 6) ----

/** Predikat kinerja pegawai (PermenPANRB 6/2022), best first. */
export const PREDIKAT = {
  sangat_baik: 'Sangat Baik', baik: 'Baik', butuh_perbaikan: 'Butuh Perbaikan', kurang: 'Kurang/Misconduct',
  sangat_kurang: 'Sangat Kurang',
};
/** The curve's x axis: worst to best. */
export const URUT_KURVA = ['sangat_kurang', 'kurang', 'butuh_perbaikan', 'baik', 'sangat_baik'];
export const RATING = { di_atas: 'Di Atas Ekspektasi', sesuai: 'Sesuai Ekspektasi', di_bawah: 'Di Bawah Ekspektasi' };
export const PREDIKAT_ORG = {
  istimewa: 'Istimewa', baik: 'Baik', butuh_perbaikan: 'Butuh Perbaikan', kurang: 'Kurang', sangat_kurang: 'Sangat Kurang',
};
export const BERAKHLAK = ['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif'];
export const PERAN_360 = { bawahan: 'Bawahan', rekan: 'Rekan kerja', atasan: 'Atasan' };
export const SKALA_360 = ['Sangat kurang', 'Kurang', 'Cukup', 'Baik', 'Sangat baik'];
export const JENJANG = {
  pemula: 'Pemula', terampil: 'Terampil', mahir: 'Mahir', penyelia: 'Penyelia', ahli_pertama: 'Ahli Pertama',
  ahli_muda: 'Ahli Muda', ahli_madya: 'Ahli Madya', ahli_utama: 'Ahli Utama',
};
export const PEMBULATAN = {
  tepat: 'Tepat (pecahan persis)', bawah: 'Dibulatkan ke bawah', atas: 'Dibulatkan ke atas', terdekat: 'Dibulatkan ke terdekat',
};
const ROMAWI = ['I', 'II', 'III', 'IV'];

/** The name of a period of a siklus: ("triwulanan", 3) → "Triwulan III". */
export function namaPeriodeKe(siklus, ke) {
  if (siklus === 'bulanan') return BULAN[ke - 1] || `${FMT.bulanKe}${ke}`;
  if (siklus === 'semesteran') return `${FMT.semester} ${ROMAWI[ke - 1] || ke}`;
  return `${FMT.triwulan} ${ROMAWI[ke - 1] || ke}`;
}
/** How many periods a siklus has in a year. */
export function jumlahPeriode(siklus) { return siklus === 'bulanan' ? 12 : siklus === 'semesteran' ? 2 : 4; }

/**
 * The name of a penilaian: "Tahunan 2026", "Triwulan III 2026".  A penilaian does not carry the
 * period's siklus; it is the one whose period number ke contains the start month and the end month.
 */
export function namaPenilaian(p) {
  if (p.jenis === 'tahunan') return `${FMT.tahunan} ${p.tahun}`;
  const m1 = Number((p.mulai || '').slice(5, 7));
  const m2 = Number((p.selesai || '').slice(5, 7));
  const ke = p.periode_ke;
  let siklus = null;
  if (m1 === ke && m2 === ke) siklus = 'bulanan';
  else if (ke <= 4 && Math.ceil(m1 / 3) === ke && m2 <= ke * 3) siklus = 'triwulanan';
  else if (ke <= 2 && Math.ceil(m1 / 6) === ke && m2 <= ke * 6) siklus = 'semesteran';
  return siklus ? `${namaPeriodeKe(siklus, ke)} ${p.tahun}` : `${FMT.periodeKe}${ke} ${p.tahun}`;
}

/** "2026-01" → "Januari 2026". */
export function bulanTahun(ym) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
  return m ? `${BULAN[Number(m[2]) - 1]} ${m[1]}` : ym || '';
}

export const TP = {
  // penilaian list
  judul: 'Penilaian',
  saringPenilaian: 'Saring penilaian',
  tahunBilaKosong: 'Tahun (semua tahun bila kosong)',
  polaBulan: 'TTTT-BB',
  tahun: 'Tahun',
  mulaiJudul: 'Menilai bawahan',
  mulaiKet: 'SKP bawahan yang sudah disetujui. Pilih periode lalu mulai penilaian; penilaian yang sudah ada dibuka kembali.',
  tidakAdaSkpDinilai: (t) => `Tidak ada SKP bawahan tahun ${t} yang sudah disetujui dan Anda nilai.`,
  periodePenilaian: 'Periode penilaian',
  tahunan: (t) => `Tahunan ${t}`,
  sudahAda: (s) => ` (sudah ada: ${s})`,
  mulai: 'Mulai penilaian',
  belumDinilai: 'Belum ada penilaian. Pilih periode di bawah lalu mulai penilaian.',
  penilaianLain: 'Penilaian lain yang Anda buat',
  milikSaya: 'Penilaian kinerja Anda',
  belumAdaMilik: 'Belum ada penilaian kinerja Anda. Pejabat penilai menyusunnya setelah SKP Anda disetujui; Anda diberi tahu lewat kotak masuk saat penilaian final.',
  predikat: 'Predikat',
  belumPredikat: 'belum ada predikat',
  keberatanMenunggu: (n) => `${n} keberatan menunggu keputusan Anda`,
  bukaKeberatan: 'Buka daftar keberatan',
  keberatanSaya: 'Keberatan Anda',
  timJudul: 'Tim Anda',
  timKet: 'Umpan balik 360 dan angka kredit pegawai di bawah Anda.',
  timRingkas: (n) => `Tampilkan ${n} pegawai`,
  buka360: 'Buka umpan balik 360',
  buka360Untuk: (nama) => `Buka umpan balik 360 untuk ${nama}`,
  akUntuk: (nama) => `Angka kredit ${nama}`,
  // penilaian form
  judulForm: (nama, per) => `Penilaian ${nama} — ${per}`,
  judulMilik: (per) => `Penilaian Anda — ${per}`,
  kembali: 'Kembali ke Penilaian',
  periode: 'Periode',
  pegawai: 'Pegawai yang dinilai',
  difinalkan: (w) => `Difinalkan ${w}`,
  predikatJudul: 'Predikat kinerja',
  predikatBelum: 'Predikat muncul setelah rating hasil kerja dan rating perilaku kerja dipilih.',
  predikatPratinjau: 'menurut matriks, belum disimpan',
  predikatDariServer: 'Dihitung server dari matriks rating hasil kerja dan rating perilaku kerja.',
  hasilKerja: 'Hasil kerja',
  konteks: (a, w, r, u) => `Aktivitas: ${a} (${w}) · Realisasi bulanan disetujui: ${r} · Umpan balik berkelanjutan: ${u}`,
  capaianJudul: 'Capaian IKI pada periode ini',
  capaianKet: 'Realisasi bulanan yang sudah disetujui dibandingkan dengan target tahunan IKI.',
  memuatCapaian: 'Memuat capaian IKI…',
  gagalCapaian: (pesan) => `Capaian IKI tidak dapat dimuat: ${pesan}`,
  kolomIndikator: 'Indikator',
  kolomTarget: 'Target',
  kolomRealisasi: 'Realisasi disetujui',
  kolomCapaian: 'Capaian',
  belumRealisasi: 'belum ada',
  jumlahRealisasi: (n) => `jumlah ${n}`,
  capaianDariTarget: (p) => `${p} dari target`,
  capaianTerakhir: (p, b) => `${p} (${b})`,
  bulanSingkat: (b, v) => `${b}: ${v}`,
  ringkas360: 'Umpan balik 360',
  putaran360Ringkas: (t, n, m) => `Putaran ${t}: ${n} dari ${m} responden menjawab.`,
  rata360: (nama, r) => `${nama} ${r}`,
  belumCukup360: 'Hasil belum dapat ditampilkan: minimal 3 responden harus menjawab.',
  lihatHasil360: 'Lihat hasil umpan balik 360',
  buka360Ini: 'Buka putaran umpan balik 360 untuk pegawai ini',
  tanpa360: 'Belum ada putaran umpan balik 360 yang Anda buka untuk pegawai ini di perangkat ini.',
  diblokirJudul: 'Penilaian belum dapat difinalkan',
  diblokirKet: 'Instansi Anda mewajibkan sebaran predikat unit kerja sesuai pola distribusi. Isian sudah disimpan sebagai draf. Tinjau kembali rating, atau minta pimpinan meninjau predikat organisasi unit. Aturan yang dilanggar:',
  umpanBalik: 'Umpan balik',
  umpanBalikRhk: (no) => ` untuk RHK ${no}`,
  umpanBalikPerilaku: (nama) => ` untuk perilaku ${nama}`,
  tanpaUmpanBalik: 'Tidak ada umpan balik.',
  tanpaRhk: 'SKP ini tidak memiliki RHK.',
  ratingHasil: 'Rating hasil kerja',
  ratingPerilaku: 'Rating perilaku kerja',
  dariOrganisasi: (org, r) => `Pegawai ini memimpin unit kerja: rating hasil kerjanya mengikuti predikat kinerja organisasi unit (${org}), yaitu ${r}.`,
  perilakuJudul: 'Perilaku kerja (BerAKHLAK)',
  catatan: 'Catatan dan rekomendasi',
  catatanKet: 'Mis. rekomendasi pengembangan kompetensi.',
  simpan: 'Simpan penilaian',
  tersimpan: 'Penilaian disimpan.',
  finalkan: 'Finalkan',
  finalkanKet: 'Isian disimpan lalu penilaian difinalkan. Setelah final, penilaian hanya dapat diubah melalui keberatan.',
  konfirmasiFinal: 'Finalkan penilaian ini? Isian disimpan, lalu penilaian dikunci dan tidak dapat diubah lagi kecuali melalui keberatan.',
  sudahFinal: 'Penilaian difinalkan.',
  peringatanKurva: 'Peringatan pola distribusi unit kerja',
  peringatanKurvaKet: 'Penilaian tetap difinalkan, tetapi sebaran predikat unit belum sesuai pola distribusi:',
  pelanggaran: (aturan, j, b) => `${aturan}: ${j} pegawai, batas ${b}`,
  kodeVerifikasi: 'Kode verifikasi',
  unduhPdf: 'Unduh Dokumen Evaluasi (PDF)',
  dokumenUntuk: (per) => `Dokumen Evaluasi ${per}`,
  bukanPenilai: 'Penilaian ini sedang disusun oleh pejabat penilai.',
  // keberatan
  keberatanJudul: 'Keberatan',
  ajukanKeberatan: 'Ajukan keberatan',
  ajukanKeberatanKet: 'Keberatan diputus oleh atasan pejabat penilai. Jelaskan alasannya (minimal 10 karakter).',
  alasanKeberatan: 'Alasan keberatan',
  keberatanSampai: (w) => `Keberatan dapat diajukan sampai ${w}.`,
  keberatanLewat: (h, w) => `Batas waktu keberatan (${h} hari setelah penilaian final) sudah lewat pada ${w}.`,
  kirimKeberatan: 'Kirim keberatan',
  alasanPendek: 'wajib diisi: alasan keberatan (minimal 10 karakter)',
  keberatanTerkirim: 'Keberatan diajukan kepada atasan pejabat penilai.',
  keberatanStatus: 'Status keberatan',
  keputusanAtasan: 'Keputusan',
  diajukanTgl: (w) => `Diajukan ${w}`,
  diputusTgl: (w) => `Diputus ${w}`,
  ratingBaru: (h, p) => `Rating diubah: hasil kerja ${h}, perilaku kerja ${p}.`,
  menungguJudul: 'Menunggu keputusan Anda',
  tidakAdaMenunggu: 'Tidak ada keberatan yang menunggu keputusan Anda.',
  riwayatPutusan: 'Keberatan yang sudah Anda putuskan',
  belumAdaKeberatan: 'Anda belum pernah mengajukan keberatan. Keberatan diajukan dari halaman penilaian yang sudah final.',
  keberatanDari: (nama) => `Keberatan ${nama}`,
  predikatSaatIni: (p) => `Predikat penilaian saat ini: ${p}`,
  lihatPenilaian: 'Lihat penilaian',
  putuskan: 'Putuskan',
  putuskanUntuk: (nama) => `Putuskan keberatan ${nama}`,
  keputusan: 'Keputusan',
  tetap: 'Tetap: penilaian tidak diubah',
  ubah: 'Ubah rating penilaian',
  ratingSaatIni: (h, p) => `Rating saat ini: hasil kerja ${h}, perilaku kerja ${p}.`,
  alasanKeputusan: 'Alasan keputusan',
  kirimKeputusan: 'Kirim keputusan',
  pilihKeputusan: 'pilih tetap atau ubah',
  keputusanTerkirim: 'Keputusan keberatan disimpan; pegawai diberi tahu.',
  // 360
  judul360: 'Umpan balik 360',
  anonim: 'Jawaban Anda anonim: nama Anda tidak disimpan bersama jawaban, dan hasil hanya ditampilkan sebagai rata-rata setelah minimal 3 responden menjawab.',
  tugasJudul: 'Menunggu jawaban Anda',
  tidakAdaTugas: 'Tidak ada permintaan umpan balik 360 untuk Anda. Permintaan baru muncul di sini dan di kotak masuk.',
  tugasItem: (nama, t) => `Umpan balik untuk ${nama} (${t})`,
  sebagai: (peran) => `Anda diminta sebagai: ${peran}`,
  isi360: 'Isi umpan balik',
  putaranNomor: (n) => `Putaran ${n}`,
  dibukaJudul: 'Putaran yang Anda buka di perangkat ini',
  form360Judul: (nama) => `Umpan balik 360 untuk ${nama}`,
  skorKet: 'Skor 1 (sangat kurang) sampai 5 (sangat baik) untuk setiap nilai BerAKHLAK.',
  komentarOpsional: (nama) => `Komentar untuk ${nama} (boleh dikosongkan)`,
  kirim360: 'Kirim jawaban',
  terkirim360: 'Terima kasih. Jawaban Anda terkirim secara anonim.',
  sudahDijawab: 'Permintaan umpan balik ini sudah Anda jawab atau putarannya sudah ditutup. Hasilnya hanya dapat dilihat oleh atasan pegawai yang dinilai.',
  wajibSkor: 'wajib: pilih skor 1-5',
  hasilJudul: (nama) => `Hasil umpan balik 360 — ${nama}`,
  menjawab: (n, m) => `${n} dari ${m} responden sudah menjawab`,
  kolomNilai: 'Nilai BerAKHLAK',
  kolomRata: 'Rata-rata (1-5)',
  kolomJawaban: 'Jawaban',
  komentarJudul: 'Komentar responden',
  tanpaKomentar: 'Tidak ada komentar.',
  tutup: 'Tutup putaran',
  konfirmasiTutup: 'Tutup putaran umpan balik 360 ini? Responden yang belum menjawab tidak dapat menjawab lagi.',
  ditutup360: 'Putaran umpan balik 360 ditutup.',
  bukaJudul: (nama) => `Buka umpan balik 360 — ${nama}`,
  bukaKet: 'Pilih minimal 3 responden dan perannya terhadap pegawai yang dinilai. Responden menerima pemberitahuan; jawaban mereka anonim.',
  respondenLegend: 'Responden',
  dipilih: (n) => `${n} responden dipilih (minimal 3)`,
  minimalTiga: 'pilih minimal 3 responden',
  bukaPutaran: 'Buka putaran',
  dibuka360: 'Putaran umpan balik 360 dibuka; responden diberi tahu.',
  // unit
  unitJudul: 'Unit kerja',
  unitKet: 'Predikat kinerja organisasi, pola distribusi predikat pegawai, dan masukan publik per unit kerja.',
  unitPegawai: (n) => `${n} pegawai`,
  unitKosong: 'Belum ada unit kerja aktif. Admin kepegawaian menambahkannya lewat impor data organisasi.',
  predOrgJudul: 'Predikat kinerja organisasi',
  predOrgSaatIni: (p, t) => `Predikat organisasi ${t}: ${p}`,
  predOrgBelum: (t) => `Predikat organisasi ${t} belum ditetapkan.`,
  predOrg: 'Predikat organisasi',
  alasanPredOrg: 'Alasan / dasar penetapan (mis. capaian Perjanjian Kinerja)',
  simpanPredOrg: 'Simpan predikat organisasi',
  predOrgTersimpan: 'Predikat organisasi disimpan.',
  pilihPredikat: '— Pilih predikat —',
  kurvaJudul: 'Sebaran predikat pegawai (penilaian tahunan final)',
  grafikJudul: (t) => `Jumlah pegawai per predikat, ${t}`,
  tabelGrafik: 'Data grafik',
  kolomPredikat: 'Predikat',
  kolomJumlah: 'Jumlah',
  kolomPersen: '%',
  patuh: 'Sesuai pola distribusi.',
  tidakPatuh: (n) => `Tidak sesuai pola distribusi: ${n} aturan dilanggar.`,
  belumDiperiksa: 'Belum dapat diperiksa: predikat organisasi belum ditetapkan atau belum ada penilaian tahunan yang final.',
  penjelasan: 'Penjelasan perhitungan',
  tabelPelanggaran: 'Aturan pola distribusi yang dilanggar',
  kolomAturan: 'Aturan',
  kolomBatas: 'Batas',
  kolomPegawaiSingkat: 'Pegawai',
  unduhQrPng: 'Unduh kode QR (PNG)',
  masukanJudul: 'Masukan publik',
  masukanSaya: 'Masukan publik untuk Anda',
  masukanKet: 'Bagikan tautan atau cetak kode QR ini di tempat layanan. Penerima layanan mengisi tanpa masuk (anonim).',
  tautanMasukan: 'Tautan formulir masukan',
  salinTautan: 'Salin tautan',
  tautanDisalin: 'Tautan disalin.',
  qrAlt: (nama) => `Kode QR tautan masukan publik ${nama}`,
  jumlahMasukan: (n) => `${n} masukan`,
  rataMasukan: (r) => `rata-rata ${r} dari 5`,
  perSkor: 'Jumlah per skor',
  kolomSkor: 'Skor',
  kolomJumlahMasukan: 'Jumlah masukan',
  komentarTerbaru: 'Komentar terbaru',
  belumAdaMasukan: 'Belum ada masukan.',
  lihatUnit: 'Predikat organisasi dan kurva per unit kerja',
  // angka kredit
  akJudul: 'Angka kredit',
  akJudulOrang: (nama) => `Angka kredit — ${nama}`,
  akKet: 'Dihitung dari penilaian periodik yang sudah final (PermenPANRB Nomor 1 Tahun 2023).',
  semuaTahun: 'Semua tahun',
  kolomPeriode: 'Periode',
  kolomBulan: 'Bulan',
  kolomPersentase: 'Persentase',
  kolomAk: 'Angka kredit',
  kolomKumulatif: 'Kumulatif',
  akKosong: 'Belum ada penilaian periodik yang final pada rentang ini. Angka kredit bertambah setiap kali pejabat penilai memfinalkan penilaian periodik.',
  kemajuan: (a, k) => `${a} dari ${k} angka kredit`,
  total: 'Jumlah angka kredit',
  kebutuhanPangkat: 'Kebutuhan untuk kenaikan pangkat',
  kebutuhanJenjang: 'Kebutuhan untuk kenaikan jenjang',
  kekurangan: (k) => `kekurangan ${k}`,
  jenjangTertinggi: 'tidak ada (jenjang tertinggi)',
  bukanJf: 'Angka kredit hanya dihitung untuk pegawai dalam jabatan fungsional.',
  jenjangLabel: (j) => `Jenjang: ${j}`,
  jenjang: 'Jenjang',
  // kalkulator
  kalkJudul: 'Kalkulator penilaian',
  kalkKet: 'Hitung menurut peraturan tanpa menyimpan apa pun. Setiap hasil disertai penjelasannya.',
  hitung: 'Hitung',
  hasil: 'Hasil',
  kPredikat: 'Predikat kinerja pegawai (matriks)',
  kKurva: 'Pola distribusi (kurva) unit kerja',
  kAk: 'Angka kredit jabatan fungsional',
  kPp30: 'Nilai kinerja PP 30/2019',
  pilihRating: '— Pilih rating —',
  jumlahPerPredikat: 'Jumlah pegawai per predikat',
  pembulatan: 'Pembulatan batas',
  periodeKe: (i) => `Periode ${i}`,
  dariBulan: 'Dari bulan',
  sampaiBulan: 'Sampai bulan',
  tambahPeriode: 'Tambah periode',
  hapusPeriode: (i) => `Hapus periode ${i}`,
  nilaiSkp: 'Nilai SKP (0-120)',
  nilaiPerilaku: 'Nilai perilaku kerja (0-100)',
  angkaKet: 'Angka, mis. 92 atau 92,5',
  dengan360: 'Perilaku dinilai 360 derajat (rekan dan bawahan)',
  adaInovasi: 'Ada inovasi',
  predikatHasil: (p) => `Predikat: ${p}`,
  kurvaHasil: (patuh, n) => (patuh ? 'Sesuai pola distribusi.' : `Tidak sesuai: ${n} aturan dilanggar.`),
  akHasil: (a) => `Jumlah angka kredit: ${a}`,
  pp30Hasil: (n, p) => `Nilai kinerja ${n}, predikat ${p}`,
  kebutuhan: (k, kr) => `kebutuhan ${k}, kekurangan ${kr}`,
};

/** "4.00" → "4,00" (always `d` decimals). */
export function angkaDesimal(v, d = 2) {
  if (v === null || v === undefined || v === '') return '—';
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  return n.toLocaleString(FMT.lokal, { minimumFractionDigits: d, maximumFractionDigits: d });
}

if (BAHASA === 'en') terjemahkan(ini, await import('./en/teks.js'));
