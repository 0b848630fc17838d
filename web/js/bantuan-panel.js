// bantuan-panel.js: the help panel (issue 14 part 1), loaded when the "Bantuan" button is first
// pressed: a <dialog> explaining the current screen (what it is for, what its fields mean, an
// example from the regulations, the predikat matrix where it applies) with links to the guide of
// the user's role, all guides, the PDF, and the welcome tour.  Words: teks-bantuan.js.
import { el, fill } from './ui.js';
import { TB, BANTUAN, PERAN_PANDUAN } from './teks-bantuan.js';
import { peranUtama } from './bantuan.js';

let dialog = null;
function buatDialog() {
  dialog = el('dialog', { id: 'bantuan-panel', class: 'bantuan-panel', 'aria-labelledby': 'bantuan-judul' });
  document.body.append(dialog);
  dialog.addEventListener('click', (ev) => { if (ev.target === dialog) dialog.close(); });   // a click on the backdrop
  dialog.addEventListener('close', () => document.getElementById('bantuan')?.focus());
  return dialog;
}

/** Opens the panel for screen `kunci` (bantuan.js kunciLayar) of user `me` (null: signed out). */
export function bukaPanel(me, kunci) {
  const d = dialog || buatDialog();
  const b = BANTUAN[kunci] || BANTUAN.beranda;
  const peran = me ? peranUtama(me) : null;
  const halaman = peran && PERAN_PANDUAN[peran] ? peran : (peran === 'superadmin' ? 'admin' : null);
  const tutupLalu = () => d.close();
  fill(d,
    el('div', { class: 'bantuan-kepala' },
      el('h2', { id: 'bantuan-judul', tabindex: -1 }, TB.bantuanLayar(b.judul)),
      el('button', { type: 'button', class: 'kedua kecil', on: { click: tutupLalu } }, TB.tutup)),
    el('div', { class: 'bantuan-isi', dataset: { layar: kunci } },
      b.isi.map((t) => el('p', {}, t)),
      b.tabel ? el('table', { class: 'tabel-bantuan' },
        el('thead', {}, el('tr', {}, b.tabel[0].map((t) => el('th', { scope: 'col' }, t)))),
        el('tbody', {}, b.tabel.slice(1).map((r) => el('tr', {}, el('th', { scope: 'row' }, r[0]), r.slice(1).map((t) => el('td', {}, t)))))) : null,
      b.contoh ? el('div', { class: 'contoh' }, el('p', { class: 'label' }, TB.contoh), el('p', {}, b.contoh)) : null),
    me ? el('div', { class: 'aksi bantuan-aksi' },
      halaman ? el('a', { class: 'tombol kedua kecil', href: `#/panduan/${halaman}`, on: { click: tutupLalu } }, TB.panduanPeran) : null,
      el('a', { class: 'tombol kedua kecil', href: '#/panduan', on: { click: tutupLalu } }, TB.semuaPanduan),
      el('a', { class: 'tombol kedua kecil', href: '/api/v1/panduan.pdf', target: '_blank', rel: 'noopener' }, TB.unduhPdf),
      peran ? el('button', { type: 'button', class: 'kedua kecil', on: { click: async () => {
        d.close();
        (await import('./orientasi.js')).tampilkanTur(peran);
      } } }, TB.turLagi) : null) : null);
  if (!d.open) d.showModal();
  d.querySelector('h2').focus();
}
