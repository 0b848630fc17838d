// orientasi.js: the first-login walkthrough of each role (issue 14 part 1), loaded when it is
// shown (bantuan.js decides at sign-in; the help panel opens it again): three or four steps
// saying what to do first, each with a button to its screen.  It stays on top of the screens
// while the user follows the buttons; "Tutup tur" or "Selesai" closes it for good, stored on the
// server per user (PUT /api/v1/orientasi/{peran}), so it does not come back on another device.
// Words: teks-bantuan.js.
import { api } from './api.js';
import { el, fill, announce } from './ui.js';
import { TB, TUR } from './teks-bantuan.js';

// where each step's button leads, per role (the words are TUR[peran].langkah[i])
const KE = {
  pegawai: ['#/skp', '#/aktivitas', '#/skp', '#/dasbor'],
  atasan: ['#/persetujuan', '#/review', '#/penilaian', '#/kepatuhan'],
  pimpinan: ['#/dasbor/instansi', '#/unit', '#/status-skp'],
  admin: ['#/admin/pegawai', '#/admin/pengaturan', '#/admin/tpp', '#/status-skp'],
  auditor: ['#/audit', '#/audit', '#/panduan/auditor'],
  superadmin: ['#/admin', '#/audit', '#/panduan/admin'],
};

let panel = null;

function tutupPanel() {
  panel?.remove();
  document.getElementById('orientasi')?.remove();   // also one left from a previous sign-in
  panel = null;
}

async function simpanSelesai(peran) {
  try { await api('PUT', `/api/v1/orientasi/${peran}`, { selesai: true }); } catch { /* shown again next time */ }
}

/** Shows the walkthrough of `peran` from its first step. */
export function tampilkanTur(peran) {
  const tur = TUR[peran];
  if (!tur) return;
  tutupPanel();
  let i = 0;
  panel = el('section', { id: 'orientasi', class: 'orientasi', 'aria-labelledby': 'orientasi-judul', dataset: { peran } });
  const tutup = async (pesan) => {
    tutupPanel();
    await simpanSelesai(peran);
    announce(pesan);
    document.getElementById('bantuan')?.focus();
  };
  const gambar = () => {
    const n = tur.langkah.length;
    const s = tur.langkah[i];
    fill(panel,
      el('p', { class: 'orientasi-label', id: 'orientasi-judul' }, `${TB.turLabel}: ${tur.judul}`),
      el('p', { class: 'orientasi-langkah' }, TB.langkahKe(i + 1, n)),
      el('h3', { tabindex: -1 }, s.judul),
      el('p', {}, s.teks),
      el('div', { class: 'aksi' },
        el('a', { class: 'tombol', href: KE[peran][i] }, s.tombol),
        i > 0 ? el('button', { type: 'button', class: 'kedua', on: { click: () => { i -= 1; gambar(); panel.querySelector('h3').focus(); } } }, TB.sebelumnya) : null,
        i < n - 1
          ? el('button', { type: 'button', class: 'kedua', on: { click: () => { i += 1; gambar(); panel.querySelector('h3').focus(); } } }, TB.berikutnya)
          : el('button', { type: 'button', class: 'kedua', on: { click: () => tutup(TB.turDitutup) } }, TB.selesai),
        el('button', { type: 'button', class: 'kedua kecil tutup-tur', on: { click: () => tutup(TB.turDitutup) } }, TB.tutupTur)));
  };
  gambar();
  const isi = document.getElementById('isi');
  const sesudah = document.getElementById('spanduk-2fa');
  if (sesudah) sesudah.after(panel); else isi.prepend(panel);
}
