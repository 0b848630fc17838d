// bantuan.js: the "Bantuan" (help) button in the header and its panel (issue 14 part 1).  The
// panel explains the current screen (what it is for, what its fields mean, an example from the
// regulations) and links the user guide of the user's role, its PDF, and the welcome tour.
// Works on the sign-in page too (help for signing in).  Words: teks-bantuan.js.
import { el, fill } from './ui.js';
import { TB, BANTUAN, PERAN_PANDUAN } from './teks-bantuan.js';
import { tampilkanTur, peranUtama } from './orientasi.js';

// the help entry of each screen, by the hash path (the first match wins)
const LAYAR = [
  [/^\/?$/, 'beranda'], [/^\/skp\/\d+\/matriks$/, 'matriks'], [/^\/skp\/\d+\/realisasi/, 'realisasi'], [/^\/skp/, 'skp'],
  [/^\/persetujuan/, 'persetujuan'], [/^\/status-skp/, 'status'], [/^\/aktivitas/, 'aktivitas'], [/^\/review/, 'review'],
  [/^\/kepatuhan/, 'kepatuhan'], [/^\/kotak-masuk/, 'kotakMasuk'], [/^\/penilaian/, 'penilaian'], [/^\/keberatan/, 'keberatan'],
  [/^\/360/, 'u360'], [/^\/pegawai\/\d+\/360/, 'u360'], [/angka-kredit$/, 'ak'], [/^\/unit/, 'unit'], [/^\/kalkulator/, 'kalkulator'],
  [/^\/admin\/unit/, 'adminUnit'], [/^\/admin\/pegawai/, 'adminPegawai'], [/^\/admin\/impor/, 'adminImpor'],
  [/^\/admin\/pengaturan/, 'adminPengaturan'], [/^\/admin\/presensi/, 'adminPresensi'], [/^\/admin\/surel/, 'adminSurel'],
  [/^\/admin\/webhook/, 'webhook'], [/^\/admin\/sso/, 'sso'], [/^\/admin\/siasn/, 'siasn'], [/^\/admin\/tpp/, 'tppAdmin'],
  [/^\/admin/, 'admin'], [/^\/akun\/token/, 'token'], [/^\/akun\/keamanan/, 'keamanan'], [/^\/audit/, 'audit'],
  [/presensi$/, 'presensi'], [/^\/dasbor|\/dasbor$/, 'dasbor'], [/^\/laporan/, 'laporan'], [/^\/analitik/, 'analitik'],
  [/^\/katalog/, 'katalog'], [/tpp$/, 'tpp'], [/^\/panduan/, 'panduan'],
];

let me = null;   // the signed-in user, or null on the sign-in page

/** The help key of a hash path ("/skp/12" → "skp"); 'masuk' when signed out. */
export function kunciLayar(path) {
  if (!me) return 'masuk';
  const hit = LAYAR.find(([re]) => re.test(path));
  return hit ? hit[1] : 'beranda';
}

const jalur = () => (location.hash.replace(/^#/, '').split('?')[0] || '/');

let dialog = null;
function buatDialog() {
  dialog = el('dialog', { id: 'bantuan-panel', class: 'bantuan-panel', 'aria-labelledby': 'bantuan-judul' });
  document.body.append(dialog);
  dialog.addEventListener('click', (ev) => { if (ev.target === dialog) dialog.close(); });   // a click on the backdrop
  dialog.addEventListener('close', () => document.getElementById('bantuan')?.focus());
  return dialog;
}

/** Opens the help panel of the current screen. */
export function bukaBantuan() {
  const d = dialog || buatDialog();
  const kunci = kunciLayar(jalur());
  const b = BANTUAN[kunci] || BANTUAN.beranda;
  const peran = me ? peranUtama(me) : null;
  const halaman = peran && PERAN_PANDUAN[peran] ? peran : (peran === 'superadmin' ? 'admin' : null);
  fill(d,
    el('div', { class: 'bantuan-kepala' },
      el('h2', { id: 'bantuan-judul' }, TB.bantuanLayar(b.judul)),
      el('button', { type: 'button', class: 'kedua kecil', on: { click: () => d.close() } }, TB.tutup)),
    el('div', { class: 'bantuan-isi', dataset: { layar: kunci } },
      b.isi.map((t) => el('p', {}, t)),
      b.tabel ? el('table', { class: 'tabel-bantuan' },
        el('thead', {}, el('tr', {}, b.tabel[0].map((t) => el('th', { scope: 'col' }, t)))),
        el('tbody', {}, b.tabel.slice(1).map((r) => el('tr', {}, el('th', { scope: 'row' }, r[0]), r.slice(1).map((t) => el('td', {}, t)))))) : null,
      b.contoh ? el('div', { class: 'contoh' }, el('p', { class: 'label' }, TB.contoh), el('p', {}, b.contoh)) : null),
    me ? el('div', { class: 'aksi bantuan-aksi' },
      halaman ? el('a', { class: 'tombol kedua kecil', href: `#/panduan/${halaman}`, on: { click: () => d.close() } }, TB.panduanPeran) : null,
      el('a', { class: 'tombol kedua kecil', href: '#/panduan', on: { click: () => d.close() } }, TB.semuaPanduan),
      el('a', { class: 'tombol kedua kecil', href: '/api/v1/panduan.pdf', target: '_blank', rel: 'noopener' }, TB.unduhPdf),
      peran ? el('button', { type: 'button', class: 'kedua kecil', on: { click: () => { d.close(); tampilkanTur(me, peran); } } }, TB.turLagi) : null) : null);
  if (!d.open) d.showModal();
  d.querySelector('h2').focus();
}

/** Called by nav.js when a user signs in (me) or out (null). */
export function pasangPengguna(x) {
  me = x;
  if (!x && dialog && dialog.open) dialog.close();
}

function pasangTombol() {
  if (document.getElementById('bantuan')) return;
  const b = el('button', { id: 'bantuan', type: 'button', class: 'tombol-bantuan', 'aria-haspopup': 'dialog', on: { click: bukaBantuan } },
    el('span', { 'aria-hidden': 'true', class: 'tanda-tanya' }, '?'), ' ', TB.bantuan);
  const keluar = document.getElementById('keluar');
  if (keluar) keluar.before(b); else document.querySelector('header')?.append(b);
}

pasangTombol();
// empty states offer the help of their screen (kosong.js)
window.addEventListener('kinerja:bantuan', bukaBantuan);
