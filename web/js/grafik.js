// grafik.js: a tiny inline SVG bar chart (no library), and the curve of predikat of a unit
// drawn with it.  The SVG is a picture for sighted users (role="img" with a title and a short
// description); the numbers are always also given in a table, which is what a screen reader
// reads and what a user copies.
import { el } from './ui.js';
import { T, PREDIKAT, URUT_KURVA, TP, angka, persen } from './teks.js';

const NS = 'http://www.w3.org/2000/svg';
let uid = 0;

function s(tag, attrs, text) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

/** A label split into at most two lines at a space or after a slash: "Kurang/Misconduct" → ["Kurang/", "Misconduct"]. */
function baris(label) {
  const i = label.indexOf('/');
  if (i > 0) return [label.slice(0, i + 1), label.slice(i + 1)];
  const j = label.indexOf(' ');
  return j > 0 ? [label.slice(0, j), label.slice(j + 1)] : [label];
}

/**
 * grafikBatang({judul, ringkas, data: [{label, nilai}], maks}): an <svg> of vertical bars with the
 * count above each bar and the label under it; `maks` fixes the top of the scale (else the
 * largest value).  Colours come from app.css (.grafik …).
 */
export function grafikBatang({ judul, ringkas, data, maks: tetap }) {
  uid += 1;
  const W = 340, H = 210, kiri = 30, kanan = 6, atas = 20, bawah = 40;
  const maks = tetap || Math.max(1, ...data.map((d) => Number(d.nilai) || 0));
  const tinggi = H - atas - bawah;
  const slot = (W - kiri - kanan) / data.length;
  const idJ = `grafik-judul-${uid}`, idD = `grafik-ket-${uid}`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'grafik', role: 'img', 'aria-labelledby': `${idJ} ${idD}`, focusable: 'false' });
  svg.append(s('title', { id: idJ }, judul), s('desc', { id: idD }, ringkas || ''));
  // y axis: 0, the middle and the top, whole numbers only
  const ticks = [...new Set([0, Math.round(maks / 2), maks])];
  for (const t of ticks) {
    const y = atas + tinggi - (t / maks) * tinggi;
    svg.append(s('line', { x1: kiri, x2: W - kanan, y1: y, y2: y, class: t === 0 ? 'sumbu' : 'garis-bantu' }),
      s('text', { x: kiri - 6, y: y + 4, 'text-anchor': 'end', class: 'angka-sumbu' }, angka(t)));
  }
  data.forEach((d, i) => {
    const n = Number(d.nilai) || 0;
    const h = (n / maks) * tinggi;
    const x = kiri + i * slot + slot * 0.18;
    const w = slot * 0.64;
    const y = atas + tinggi - h;
    svg.append(s('rect', { x, y, width: w, height: Math.max(h, n ? 1 : 0), rx: 3, class: `batang batang-${i}` }),
      s('text', { x: x + w / 2, y: y - 5, 'text-anchor': 'middle', class: 'nilai-batang' }, angka(n)));
    const lab = s('text', { x: x + w / 2, y: atas + tinggi + 15, 'text-anchor': 'middle', class: 'label-batang' });
    baris(d.label).forEach((t, k) => lab.append(s('tspan', { x: x + w / 2, dy: k ? 13 : 0 }, t)));
    svg.append(lab);
  });
  return svg;
}

/**
 * The curve of a unit (or of the calculator): `jumlah` keyed by predikat code → the chart (x:
 * Sangat Kurang … Sangat Baik) and the same numbers as a table.  Returns a <figure>.
 */
export function kurvaPredikat(jumlah, judul) {
  const data = URUT_KURVA.map((k) => ({ label: PREDIKAT[k], nilai: Number(jumlah[k]) || 0 }));
  const total = data.reduce((a, d) => a + d.nilai, 0);
  const ringkas = data.map((d) => `${d.label} ${angka(d.nilai)}`).join(', ');
  const tabel = el('table', { class: 'tabel-grafik' },
    el('caption', {}, TP.tabelGrafik),
    el('thead', {}, el('tr', {}, [TP.kolomPredikat, TP.kolomJumlah, TP.kolomPersen].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, data.map((d) => el('tr', {},
      el('th', { scope: 'row' }, d.label), el('td', {}, angka(d.nilai)),
      el('td', {}, total ? persen(Math.round((d.nilai / total) * 1000) / 10) : '—')))),
    el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, T.jumlah), el('td', {}, angka(total)), el('td', {}, total ? '100%' : '—'))));
  return el('figure', { class: 'kurva' },
    grafikBatang({ judul, ringkas, data }),
    el('figcaption', { class: 'sr-only' }, judul),
    el('div', { class: 'gulir' }, tabel));
}
