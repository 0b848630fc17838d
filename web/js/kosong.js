// kosong.js: the empty state of a list (issue 14 part 1): why it is empty and what to do next,
// always with at least one action (a link to the screen where the list gets filled, or a button
// that does it here).  tests/e2e/kosong.test.mjs visits every list screen of a fresh instansi
// and checks that each shows one.
import { el } from './ui.js';
import { KOSONG } from './teks-kosong.js';

/**
 * kosong('Belum ada aktivitas hari ini.', [{ label, href } | { label, on: fn }], { hidden })
 * Returns a <div class="kosong" data-kosong> with the text and the actions; with no action given
 * it offers the screen's help (the "Bantuan" panel, bantuan.js).
 */
export function kosong(teks, aksi = [], props = {}) {
  const daftar = (Array.isArray(aksi) ? aksi : [aksi]).filter(Boolean);
  if (!daftar.length) daftar.push({ label: KOSONG.bukaBantuan, on: () => window.dispatchEvent(new Event('kinerja:bantuan')) });
  return el('div', { class: 'kosong', 'data-kosong': '', ...props },
    el('p', {}, teks),
    el('div', { class: 'aksi aksi-kosong' }, daftar.map((a) => (a.href
      ? el('a', { class: 'tombol kedua kecil', href: a.href }, a.label)
      : el('button', { type: 'button', class: 'kedua kecil', on: { click: a.on } }, a.label)))));
}

/** The same, replacing the text of an existing empty state built by kosong() (lists that refill). */
export function ubahKosong(node, teks) {
  const p = node.querySelector('p');
  if (p) p.textContent = teks;
  return node;
}

/** An action that moves focus to the first field of `x` (a node, or a function giving it at click
 *  time: the form that fills the list). */
export function fokusKe(x) {
  return () => {
    const node = typeof x === 'function' ? x() : x;
    if (!node) return;
    node.scrollIntoView?.({ block: 'start' });
    (node.matches?.('input,select,textarea,button') ? node : node.querySelector('input,select,textarea'))?.focus();
  };
}
