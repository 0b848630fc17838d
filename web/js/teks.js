// teks.js: the Indonesian words of the SKP screens and id-ID formatting (numbers, dates).

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
  menu: { beranda: 'Beranda', skp: 'SKP Saya', persetujuan: 'Persetujuan SKP', status: 'Status SKP' },
  memuat: 'Memuat…',
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
};

/** Labels of API field names that have no input on the screen (for the error summary). */
export const FIELD = {
  rhk: 'RHK', iki: 'IKI', kelompok: 'Kelompok', rhk_atasan_id: 'RHK atasan', perspektif: 'Perspektif', bobot: 'Bobot',
  catatan: 'Catatan', penilai: 'Pejabat penilai', pendekatan: 'Pendekatan', tahun: 'Tahun', salin_dari: 'SKP sumber',
  pegawai_id: 'Pegawai', lampiran: 'Lampiran', ekspektasi: 'Ekspektasi',
};

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober',
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
  return n.toLocaleString('id-ID', { maximumFractionDigits: 4 });
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
