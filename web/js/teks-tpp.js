// teks-tpp.js: the Indonesian words of the TPP / tunjangan kinerja screens (tpp*.js, loaded with
// them, never on the first load) and the locale's formats of money, percentages and months.
import { BULAN, angka, FMT, BAHASA, terjemahkan } from './teks.js';
import * as ini from './teks-tpp.js';

/** 1234567 → "Rp1.234.567"; negative → "−Rp1.234". */
export function rupiah(v) {
  if (v === null || v === undefined || v === '') return '—';
  const n = Math.round(Number(v));
  if (!Number.isFinite(n)) return String(v);
  return `${n < 0 ? '−' : ''}Rp${Math.abs(n).toLocaleString(FMT.lokal)}`;
}

/** Hundredths of a rupiah (rincian lines) → "Rp4.900" or "Rp4.900,50". */
export function rupiahSen(sen) {
  const n = Number(sen) || 0;
  const r = Math.abs(n) / 100;
  const teks = r.toLocaleString(FMT.lokal, { minimumFractionDigits: n % 100 ? 2 : 0, maximumFractionDigits: 2 });
  return `${n < 0 ? '−' : ''}Rp${teks}`;
}

/** A difference with its sign: +Rp1.000 / −Rp1.000 / Rp0. */
export function selisih(v) {
  const n = Math.round(Number(v) || 0);
  return n > 0 ? `+${rupiah(n)}` : rupiah(n);
}

/** A percentage as a decimal string or number ("1.25") → "1,25%". */
export function persenTeks(v) {
  if (v === null || v === undefined || v === '') return '—';
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  return `${n.toLocaleString(FMT.lokal, { maximumFractionDigits: 2 })}%`;
}

/** Basis points (hundredths of a percent) → "1,25%". */
export function persenBp(bp) { return persenTeks((Number(bp) || 0) / 100); }

/** A percentage typed the Indonesian way ("1,25", "1.25 %") → "1.25" as the API reads it. */
export function persenIsian(s) {
  return String(s || '').trim().replace(/\s*%$/, '').replace(',', '.');
}

/** "1.25" → "1,25" for an input. */
export function persenKeIsian(v) { return v === null || v === undefined ? '' : String(v).replace('.', ','); }

/** Digits of a rupiah input ("Rp1.500.000" → 1500000; "" → null; anything else → NaN). */
export function rupiahIsian(s) {
  const t = String(s || '').replace(/^\s*Rp\s*/i, '').replace(/[.\s]/g, '');
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/** 1500000 → "1.500.000" for an input. */
export function rupiahKeIsian(v) { return v === null || v === undefined || v === '' ? '' : Number(v).toLocaleString('id-ID'); }

/** (2026, 10) or "2026-10" → "Oktober 2026". */
export function namaBulan(tahun, bulan) {
  if (typeof tahun === 'string') {
    const m = /^(\d{4})-(\d{2})$/.exec(tahun);
    return m ? `${BULAN[Number(m[2]) - 1]} ${m[1]}` : tahun;
  }
  return `${BULAN[bulan - 1]} ${tahun}`;
}

/** (2026, 4) → "2026-04". */
export function ym(tahun, bulan) { return `${tahun}-${String(bulan).padStart(2, '0')}`; }

/** The month before the current one on this device ("2026-10" in November 2026). */
export function bulanLalu(d = new Date()) {
  const t = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  return ym(t.getFullYear(), t.getMonth() + 1);
}

/** "2026-10" plus n months. */
export function geserBulan(s, n) {
  const [y, m] = s.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return ym(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

export const JENIS_POTONGAN = {
  tl: 'Terlambat (TL)', psw: 'Pulang sebelum waktunya (PSW)', tk: 'Tanpa keterangan (TK), per hari',
  tam: 'Tidak absen masuk (TAM)', tap: 'Tidak absen pulang (TAP)',
};
export const PRESET = { umum_daerah: 'TPP daerah, tabel umum', kementan_2012: 'Tunjangan kinerja Kementan 2012' };
export const STATUS_TPP = { draft: 'Draf', aktif: 'Aktif', disetujui: 'Disetujui' };
export const STATUS_HARI = {
  hadir: 'hadir', tanpa_keterangan: 'tanpa keterangan', cuti: 'cuti', dinas_luar: 'dinas luar',
  sakit_dengan_surat: 'sakit dengan surat', tugas_belajar: 'tugas belajar', libur: 'libur',
};

export const TT = {
  // menu, access
  judul: 'TPP',
  kelola: 'Kelola TPP instansi',
  kelolaKet: 'Tabel aturan, perhitungan bulanan, persetujuan dan simulasi biaya.',
  khususPengelola: 'Halaman ini hanya untuk admin dan pimpinan instansi.',
  keKelola: 'TPP instansi',
  kosong: '—',
  lagi: 'Tampilkan lebih banyak',
  batal: 'Batal',
  // TPP saya
  saya: 'TPP saya',
  orang: (n) => `TPP ${n}`,
  tanpaPegawai: 'Akun ini tidak terhubung dengan data pegawai, sehingga tidak menerima TPP.',
  bulan: 'Bulan',
  bulanSebelum: 'Bulan sebelumnya',
  bulanBerikut: 'Bulan berikutnya',
  belumDihitung: (b) => `TPP ${b} belum dihitung.`,
  belumDihitungKet: 'Admin kepegawaian menghitung TPP setelah bulan berakhir. Pilih bulan lain atau periksa lagi nanti.',
  statusDraf: 'Draf: angka ini masih dapat berubah sampai bulan ini disetujui dan dikunci.',
  statusDisetujui: 'Disetujui dan dikunci: angka ini tidak berubah lagi.',
  komponen: 'Komponen',
  kBesaran: 'Besaran',
  kBesaranKet: (k) => (k ? `kelas jabatan ${k}` : 'tanpa kelas jabatan'),
  kKinerja: 'Komponen kinerja',
  kDisiplin: 'Komponen disiplin',
  kPotongan: 'Potongan presensi',
  kPotonganKet: (p) => `${p} dari komponen`,
  kSanksi: 'Potongan sanksi disiplin',
  kJumlah: 'Jumlah diterima',
  predikat: 'Predikat kinerja',
  asalPredikat: 'Asal predikat',
  tanpaPredikat: 'belum ada',
  galatHitung: 'Tidak dapat dihitung',
  rincianJudul: 'Rincian potongan per hari',
  rincianKosong: 'Tidak ada potongan presensi bulan ini.',
  rincianTabel: (b) => `Potongan presensi ${b}`,
  kTanggal: 'Tanggal',
  kKode: 'Kode',
  kMenit: 'Menit',
  kPersen: 'Persen',
  kRupiah: 'Rupiah',
  kUraian: 'Uraian',
  menit: (n) => (n ? `${angka(n)} menit` : '—'),
  penjelasanJudul: 'Cara menghitung',
  hariJudul: 'Hari kerja',
  hariStatus: (n, s) => `${angka(n)} ${s}`,
  bawahanJudul: 'TPP bawahan',
  bawahanKet: 'Buka TPP bawahan langsung Anda untuk bulan yang sama.',
  // admin hub
  adminJudul: 'TPP / tunjangan kinerja',
  adminKet: 'Hitung TPP tiap bulan dengan tabel aturan yang berlaku, periksa hasilnya per pegawai, lalu setujui dan kunci.',
  bulanJudul: 'Perhitungan bulanan',
  bulanKosong: 'Belum ada bulan yang dihitung. Pilih bulan lalu tekan "Hitung bulan".',
  bulanTabel: 'Bulan TPP yang sudah dihitung',
  kBulan: 'Bulan',
  kStatus: 'Status',
  kPegawai: 'Pegawai',
  kTotal: 'Jumlah',
  kAturan: 'Tabel aturan',
  hitungBulan: 'Hitung bulan',
  hitungBulanKet: 'Menghitung TPP semua pegawai aktif dengan tabel yang berlaku pada bulan itu. Bulan yang masih draf dihitung ulang.',
  bulanDihitung: (b) => `TPP ${b} selesai dihitung.`,
  aturanJudul: 'Tabel aturan',
  aturanKet: 'Tidak ada tabel nasional: setiap instansi memakai tabelnya sendiri. Tabel aktif tidak dapat diubah; salin untuk membuat usulan baru.',
  aturanKosong: 'Belum ada tabel aturan. Buat tabel dari tabel bawaan di bawah.',
  berlakuMulai: (b) => `Berlaku mulai ${b}`,
  belumBerlaku: 'Belum berlaku',
  dariPreset: (p) => `Dari tabel bawaan: ${p}`,
  buatJudul: 'Buat tabel baru (draf)',
  namaTabel: 'Nama tabel',
  namaTabelKet: 'Misalnya "TPP Pemkab 2027 (usulan)".',
  sumber: 'Isi awal',
  sumberPreset: 'Tabel bawaan',
  sumberSalin: 'Salinan tabel instansi',
  pilihPreset: 'Tabel bawaan',
  pilihSalin: 'Tabel yang disalin',
  buat: 'Buat tabel',
  dibuat: (n) => `Tabel "${n}" dibuat sebagai draf. Isi besaran per kelas jabatan, lalu simpan.`,
  wajibNama: 'isi nama tabel',
  // aturan
  aturanHal: (n) => `Tabel TPP: ${n}`,
  keHub: 'TPP instansi',
  draftKet: 'Draf: dapat diubah, disimulasikan, lalu diaktifkan mulai bulan tertentu.',
  aktifKet: (b) => `Aktif mulai ${b}. Tabel aktif tidak dapat diubah; salin untuk membuat perubahan.`,
  salinUbah: 'Salin untuk diubah',
  namaSalinan: (n) => `${n} (salinan)`,
  besaranJudul: 'Besaran per kelas jabatan',
  besaranKet: 'Rupiah per bulan, bilangan bulat. Kosongkan kelas yang tidak dipakai.',
  kelas: (k) => `Kelas ${k}`,
  besaranTabel: 'Besaran per kelas jabatan',
  kKelas: 'Kelas jabatan',
  kBesaranRp: 'Besaran per bulan',
  belumDiisi: 'belum diisi',
  porsiJudul: 'Porsi komponen',
  porsiKet: 'Dalam persen; jumlah keduanya harus 100.',
  porsiKinerja: 'Porsi kinerja (%)',
  porsiDisiplin: 'Porsi disiplin (%)',
  bayarJudul: 'Pembayaran komponen kinerja per predikat',
  bayarKet: 'Persen komponen kinerja yang dibayar untuk tiap predikat.',
  bayarLabel: (p) => `${p} (%)`,
  potonganJudul: 'Baris potongan presensi',
  potonganKet: 'Rentang menit TL dan PSW tidak boleh tumpang tindih atau bercelah. "Sampai" kosong berarti "dan seterusnya". TK, TAM dan TAP masing-masing satu baris tanpa menit.',
  baris: (i, k) => `Baris ${i}${k ? `: ${k}` : ''}`,
  kodeBaris: 'Kode',
  jenisBaris: 'Jenis',
  menitDari: 'Menit dari',
  menitSampai: 'Menit sampai',
  menitSampaiKet: 'kosong = dan seterusnya',
  persenBaris: 'Potongan (%)',
  ketBaris: 'Keterangan',
  hapusBaris: (i, k) => `Hapus baris ${i}${k ? ` (${k})` : ''}`,
  tambahBaris: 'Tambah baris potongan',
  barisDihapus: (k) => `Baris ${k || ''} dihapus dari isian; tekan "Simpan tabel" untuk menyimpan.`.replace('  ', ' '),
  batasJudul: 'Batas dan sasaran potongan',
  batasHarian: 'Batas potongan per hari (%)',
  batasHarianKet: 'Kosongkan bila tanpa batas harian. Membatasi jumlah TL, PSW, TAM dan TAP sehari.',
  batasBulanan: 'Batas potongan per bulan (%)',
  dikenakan: 'Potongan presensi dikenakan pada',
  dikenakanOpsi: [['disiplin', 'Komponen disiplin saja (TPP daerah)'], ['seluruh', 'Seluruh tunjangan (tunjangan kinerja pusat)']],
  tanpaPresensi: 'Hari kerja tanpa catatan presensi sama sekali dihitung sebagai',
  tanpaPresensiOpsi: [['tk', 'Tanpa keterangan (TK)'], ['tam_tap', 'Tidak absen masuk dan tidak absen pulang (TAM + TAP)']],
  tanpaBatas: 'tanpa batas',
  nilaiJudul: 'Pembayaran menurut nilai',
  nilaiBaris: (b) => `nilai ${b.dari}–${b.sampai}: ${persenTeks(b.persen)}`,
  sanksiJenisJudul: 'Jenis sanksi disiplin',
  sanksiBaris: (s) => `${s.kode}: ${persenTeks(s.persen)} selama ${s.bulan} bulan${s.keterangan ? ` — ${s.keterangan}` : ''}`,
  simpanTabel: 'Simpan tabel',
  tabelDisimpan: 'Tabel disimpan.',
  kPotonganTabel: 'Baris potongan presensi',
  kRentang: 'Rentang',
  rentang: (d, s) => (d === undefined || d === null ? 'per hari' : s === null || s === undefined ? `${d} menit atau lebih` : `${d}–${s} menit`),
  aktifkanJudul: 'Aktifkan tabel',
  aktifkanKet: 'Tabel berlaku mulai bulan yang dipilih sampai ada tabel aktif yang lebih baru. Simpan perubahan lebih dulu.',
  berlakuBulan: 'Berlaku mulai bulan',
  aktifkan: 'Aktifkan',
  konfirmasiAktifkan: (n, b) => `Aktifkan tabel "${n}" mulai ${b}? Setelah aktif, tabel tidak dapat diubah lagi; perhitungan bulan ${b} dan sesudahnya memakai tabel ini.`,
  diaktifkan: (b) => `Tabel diaktifkan mulai ${b}.`,
  wajibBulan: 'pilih bulan',
  // simulasi
  simulasiJudul: 'Simulasi biaya (what-if)',
  simulasiKet: 'Menghitung satu bulan dengan tabel ini tanpa menyimpan apa pun, lalu membandingkannya dengan hasil bulan itu yang tersimpan. Simpan perubahan tabel lebih dulu.',
  simulasiBulan: 'Bulan simulasi',
  simulasikan: 'Simulasikan',
  simSekarang: 'Jumlah sekarang',
  simBaru: 'Jumlah dengan tabel ini',
  simSelisih: 'Selisih',
  simBelum: 'bulan ini belum dihitung',
  simPegawai: (n) => `${angka(n)} pegawai dihitung.`,
  simUnit: 'Selisih per unit kerja',
  kUnit: 'Unit kerja',
  kSekarang: 'Sekarang',
  kSimulasi: 'Simulasi',
  kSelisih: 'Selisih',
  simSelesai: 'Simulasi selesai.',
  // bulan
  bulanHal: (b) => `TPP ${b}`,
  ringkasBulan: 'Ringkasan',
  rPegawai: 'Pegawai',
  rJumlah: 'Jumlah seluruh instansi',
  rJumlahUnit: 'Jumlah yang ditampilkan',
  dihitungPada: (w) => `Dihitung ${w}`,
  disetujuiPada: (w) => `Disetujui ${w}`,
  pakaiAturan: (n) => `Tabel aturan: ${n}`,
  hash: 'Hash hasil (BLAKE2b)',
  hashKet: 'Sidik hasil yang dikunci; tercatat juga di log audit. Perubahan sekecil apa pun menghasilkan hash lain.',
  hitungUlang: 'Hitung ulang',
  hitungUlangKet: 'Memakai presensi, penilaian dan sanksi terbaru. Hasil draf sebelumnya diganti.',
  dihitungUlang: 'Bulan ini dihitung ulang.',
  setujui: 'Setujui & kunci',
  konfirmasiSetujui: (b) => `Setujui dan kunci TPP ${b}?\n\nSetelah disetujui, bulan ini TIDAK DAPAT dihitung ulang atau dibuka kembali. Hash hasilnya dicatat di log audit.`,
  disetujui: (b) => `TPP ${b} disetujui dan dikunci.`,
  terkunci: 'Bulan ini sudah disetujui dan dikunci; tidak dapat dihitung ulang.',
  saringJudul: 'Saring dan urutkan',
  saringUnit: 'Unit kerja',
  semuaUnit: 'Semua unit',
  urut: 'Urutkan',
  urutOpsi: [['nama', 'Nama (A–Z)'], ['jumlah_turun', 'Jumlah terbesar'], ['jumlah_naik', 'Jumlah terkecil']],
  terapkan: 'Terapkan',
  hasilTabel: (b) => `Hasil TPP per pegawai, ${b}`,
  barisKosong: 'Tidak ada pegawai di unit ini.',
  jumlahBaris: (n, t) => `${angka(n)} pegawai, jumlah ${t}`,
  kPotonganPersen: 'Potongan',
  kKelasPredikat: 'Kelas / predikat',
  kelasPredikat: (k, p) => `${k ? `kelas ${k}` : 'tanpa kelas'}${p ? ` · ${p}` : ''}`,
  lihatRincian: (n) => `Rincian ${n}`,
  // rincian admin, sanksi
  keBulan: (b) => `TPP ${b}`,
  sanksiJudul: 'Sanksi disiplin',
  sanksiKet: 'Sanksi memotong sisa tunjangan setelah potongan presensi, selama beberapa bulan mulai bulan yang dipilih. Hitung ulang bulan yang masih draf agar sanksi berlaku.',
  sanksiDaftarKet: 'Sanksi yang berlaku bulan ini tercantum pada "Cara menghitung" di atas.',
  jenisSanksi: 'Jenis sanksi (dari tabel aturan)',
  jenisSanksiLain: 'lain (isi persen dan lama sendiri)',
  kodeSanksi: 'Kode sanksi',
  kodeSanksiKet: 'Boleh dikosongkan, misalnya HDS1.',
  persenSanksi: 'Potongan (%)',
  mulaiSanksi: 'Mulai bulan',
  lamaSanksi: 'Lama (bulan)',
  ketSanksi: 'Keterangan (mis. nomor SK)',
  catatSanksi: 'Catat sanksi',
  sanksiDicatat: 'Sanksi dicatat. Hitung ulang bulan yang masih draf agar sanksi berlaku.',
  sanksiSesi: 'Dicatat pada sesi ini',
  sanksiSesiKet: 'Sanksi yang baru dicatat dapat dihapus di sini bila salah.',
  sanksiItem: (s) => `${s.kode || 'Sanksi'} ${persenTeks(s.persen)} selama ${s.bulan} bulan mulai ${namaBulan(s.mulai)}${s.keterangan ? ` (${s.keterangan})` : ''}`,
  hapusSanksi: 'Hapus',
  hapusSanksiLabel: (t) => `Hapus sanksi ${t}`,
  konfirmasiHapusSanksi: (t) => `Hapus sanksi ${t}? Bulan draf yang dihitung ulang tidak lagi memotong sanksi ini.`,
  sanksiDihapus: 'Sanksi dihapus. Hitung ulang bulan yang masih draf.',
  hitungUlangBulan: (b) => `Hitung ulang TPP ${b}`,
  wajibAngka: 'isi angka',
  unduhNominatif: 'Unduh daftar nominatif (XLSX)',
  unduhNominatifUnit: 'Unduh daftar nominatif unit ini (XLSX)',
  unduhSlip: 'Unduh slip TPP (PDF)',
};

if (BAHASA === 'en') terjemahkan(ini, await import('./en/teks-tpp.js'));
