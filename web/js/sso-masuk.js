// sso-masuk.js: the single sign-on part of the sign-in page (issue 10), loaded after the first
// paint and only when an instansi has SSO or the page came back from a refused SSO login: one
// "Masuk dengan SSO" link per instansi (a browser navigation to the start URL), and the
// Indonesian message of `#/masuk?galat=…` (docs/sso.md).  Its words live here: the page must
// not load the admin word lists (English: en/sso-masuk.js, see teks.js).
import { BAHASA, terjemahkan } from './teks.js';
import * as ini from './sso-masuk.js';

export const GALAT = {
  sso: 'Masuk dengan SSO gagal: tanda masuk dari penyedia identitas tidak dapat diverifikasi. Coba lagi; bila tetap gagal, hubungi admin instansi.',
  sso_kedaluwarsa: 'Proses masuk dengan SSO sudah kedaluwarsa, sudah dipakai, atau dimulai di peramban lain. Silakan mulai lagi dengan tombol "Masuk dengan SSO".',
  sso_batal: 'Masuk dengan SSO dibatalkan di penyedia identitas. Anda belum masuk.',
  sso_tidak_terdaftar: 'Akun SSO Anda tidak terhubung dengan akun pegawai aktif di instansi ini (NIP tidak terdaftar). Hubungi admin kepegawaian instansi Anda.',
  sso_tidak_tersedia: 'Masuk dengan SSO sedang tidak tersedia (belum diatur, dimatikan, atau penyedia identitas tidak dapat dihubungi). Coba lagi nanti atau masuk dengan kata sandi bila diizinkan.',
  sso_terlalu_sering: 'Terlalu banyak percobaan masuk yang gagal dari alamat ini. Tunggu 5 menit, lalu coba lagi.',
};
export const TS = {
  lain: 'Masuk dengan SSO gagal. Silakan coba lagi.',
  atau: 'atau',
  masuk: 'Masuk dengan SSO',
  masukKe: (nama) => `Masuk dengan SSO — ${nama}`,
};

/** The message of a `#/masuk?galat=kode` hash, or '' when there is none. */
export function pesanGalat(hash) {
  const m = /^#\/masuk\?(.*)$/.exec(hash || '');
  if (!m) return '';
  const kode = new URLSearchParams(m[1]).get('galat');
  if (!kode) return '';
  return GALAT[kode] || TS.lain;
}

/** Shows the SSO links (items of GET /api/v1/auth/oidc) under the sign-in form, and the galat. */
export function tampilkanSso(items, pesan) {
  const sec = document.getElementById('masuk');
  let wadah = document.getElementById('sso-masuk');
  if (!wadah) {
    wadah = document.createElement('div');
    wadah.id = 'sso-masuk';
    wadah.className = 'sso-masuk';
    sec.append(wadah);
  }
  wadah.replaceChildren();
  if (items.length) {
    const atau = document.createElement('p');
    atau.className = 'atau';
    atau.textContent = TS.atau;
    const ul = document.createElement('ul');
    ul.className = 'daftar-sso';
    // after the sign-in, back to the screen that was asked for (a local path only)
    const h = location.hash;
    const kembali = h && h !== '#/' && !h.startsWith('#/masuk') && h.length < 190 ? `?kembali=${encodeURIComponent('/' + h)}` : '';
    for (const i of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.className = 'tombol kedua tombol-sso';
      a.href = i.mulai + kembali;
      a.textContent = items.length > 1 || i.nama ? TS.masukKe(i.nama) : TS.masuk;
      li.append(a);
      ul.append(li);
    }
    wadah.append(atau, ul);
  }
  if (pesan) {
    const p = document.getElementById('pesan-masuk');
    p.textContent = pesan;
  }
}

if (BAHASA === 'en') terjemahkan(ini, await import('./en/sso-masuk.js'));
