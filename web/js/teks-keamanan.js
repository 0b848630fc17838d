// teks-keamanan.js: the Indonesian words of two-factor authentication (the second step of the
// sign-in in app.js, the banner, the "Keamanan akun" screen keamanan.js, and the admin's reset
// in admin-pegawai.js).
import { tanggalUnix, BAHASA, terjemahkan } from './teks.js';
import * as ini from './teks-keamanan.js';

/** A deadline (unix seconds) as "2 Desember 2026". */
export function batas2fa(unix) { return tanggalUnix(unix); }

export const TK = {
  // sign-in, second step
  labelKode: 'Kode verifikasi (6 angka)',
  labelPemulihan: 'Kode pemulihan',
  ketKode: 'Buka aplikasi autentikator di ponsel Anda, lalu masukkan kode 6 angka untuk kinerja.',
  ketPemulihan: 'Masukkan salah satu kode pemulihan yang Anda simpan saat mengaktifkan 2FA (contoh: k8u9d-aadmt). Setiap kode hanya berlaku sekali.',
  pakaiPemulihan: 'Pakai kode pemulihan',
  pakaiAplikasi: 'Pakai kode dari aplikasi',
  kodeEnamAngka: 'Kode verifikasi harus 6 angka.',
  kodePemulihanSalah: 'Kode pemulihan terdiri dari 10 huruf/angka, misalnya k8u9d-aadmt.',
  sisaPemulihan: (n) => `Kode pemulihan dipakai. Sisa ${n} kode; buat kode baru di Keamanan akun bila hampir habis.`,
  // banner
  spanduk: (tgl) => `Peran Anda mewajibkan verifikasi dua langkah (2FA). Aktifkan sebelum ${tgl}; setelah itu Anda hanya dapat masuk untuk mengaktifkannya.`,
  terbatasKet: 'Menu lain terkunci sampai 2FA aktif.',
  // the screen
  judul: 'Keamanan akun',
  ket: 'Verifikasi dua langkah (2FA) melindungi akun Anda: selain kata sandi, masuk memerlukan kode dari aplikasi autentikator di ponsel (misalnya Google Authenticator, Microsoft Authenticator, FreeOTP atau Aegis).',
  judul2fa: 'Verifikasi dua langkah (2FA)',
  aktifSejak: (tgl) => `Aktif sejak ${tgl}.`,
  belumAktif: 'Belum aktif.',
  wajib: (tgl) => `Wajib untuk peran Anda; batas waktu ${tgl}.`,
  wajibLewat: 'Wajib untuk peran Anda dan batas waktunya telah lewat: aktifkan sekarang untuk melanjutkan.',
  sso: 'Anda masuk melalui SSO instansi; verifikasi dua langkah dilakukan oleh penyedia SSO. Pengaturan di bawah berlaku saat Anda masuk dengan kata sandi.',
  sisaKode: (n) => `Sisa kode pemulihan: ${n} dari 10.`,
  aktifkan: 'Aktifkan 2FA',
  langkah1: '1. Pindai kode QR ini dengan aplikasi autentikator',
  qrAlt: 'Kode QR untuk aplikasi autentikator (isi sama dengan kunci manual di bawah)',
  langkah2: '2. Atau ketik kunci ini secara manual',
  ketKunci: 'Pilih jenis "berbasis waktu" (TOTP), 6 angka, 30 detik.',
  salinKunci: 'Salin kunci',
  langkah3: '3. Masukkan kode 6 angka yang tampil di aplikasi',
  konfirmasi: 'Konfirmasi dan aktifkan',
  batal: 'Batal',
  kodeJudul: 'Kode pemulihan (hanya ditampilkan sekali)',
  kodePeringatan: 'Simpan kode ini di tempat aman (cetak atau simpan di pengelola kata sandi). Bila ponsel hilang, setiap kode dapat dipakai sekali untuk masuk. Kode ini tidak akan ditampilkan lagi.',
  kodeLabel: 'Daftar kode pemulihan',
  salinSemua: 'Salin semua',
  cetak: 'Cetak',
  sudahDisimpan: 'Sudah saya simpan',
  disalin: 'Disalin ke papan klip.',
  gagalSalin: 'Tidak dapat menyalin otomatis; teks sudah dipilih, salin secara manual.',
  aktifBerhasil: 'Verifikasi dua langkah aktif.',
  kodeBaruJudul: 'Buat ulang kode pemulihan',
  kodeBaruKet: 'Kode lama berhenti berlaku. Masukkan kode 6 angka dari aplikasi untuk melanjutkan.',
  kodeBaru: 'Buat kode baru',
  kodeBaruBerhasil: 'Kode pemulihan baru dibuat; kode lama tidak berlaku lagi.',
  nonaktifJudul: 'Nonaktifkan 2FA',
  nonaktifKet: 'Masukkan kode 6 angka dari aplikasi, atau kata sandi Anda.',
  nonaktifWajib: 'Peran Anda (admin, pimpinan, auditor atau superadmin) wajib memakai 2FA, sehingga tidak dapat dinonaktifkan. Bila ponsel hilang, minta admin mereset 2FA Anda.',
  labelKodeOpsional: 'Kode verifikasi (6 angka)',
  labelSandi: 'atau kata sandi',
  nonaktif: 'Nonaktifkan',
  konfirmasiNonaktif: 'Nonaktifkan verifikasi dua langkah? Akun Anda hanya dilindungi kata sandi setelah ini.',
  nonaktifBerhasil: 'Verifikasi dua langkah dinonaktifkan.',
  isiKodeAtauSandi: 'Isi kode verifikasi atau kata sandi.',
  // admin reset
  adminJudul: 'Verifikasi dua langkah (2FA)',
  adminAktif: (u) => `Akun ${u}: 2FA aktif.`,
  adminTidakAktif: (u) => `Akun ${u}: 2FA belum aktif.`,
  adminTanpaAkun: 'Pegawai ini belum memiliki akun masuk.',
  adminReset: 'Reset 2FA (perangkat hilang)',
  adminResetLabel: (n) => `Reset 2FA ${n}`,
  adminKonfirmasi: (n) => `Reset verifikasi dua langkah ${n}? Semua sesinya diakhiri dan ia harus mendaftarkan aplikasi autentikator lagi saat masuk berikutnya. Tindakan ini dicatat di log audit.`,
  adminResetBerhasil: (n) => `2FA ${n} telah direset. Ia diberi tahu dan harus mendaftar ulang saat masuk.`,
};

if (BAHASA === 'en') terjemahkan(ini, await import('./en/teks-keamanan.js'));
