// grafik2.js: more small inline SVG charts of the dashboards (issue 8), drawn without a library
// like grafik.js: a line chart over the months (capaian per IKI against its target, the monthly
// trend of a unit), a bar chart of the months (feedback received) and the activity calendar of
// a year (a heatmap of minutes per day).  Each SVG is a picture (role="img" with a title and a
// short description); the numbers are always also given in a table next to it (tabelData).
import { el } from './ui.js';
import { angka, BULAN } from './teks.js';

const NS = 'http://www.w3.org/2000/svg';
let uid = 0;
export const BULAN_PENDEK = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

function s(tag, attrs, text) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

function kanvas(W, H, judul, ringkas, kelas = '') {
  uid += 1;
  const idJ = `grafik2-judul-${uid}`, idD = `grafik2-ket-${uid}`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: `grafik grafik2 ${kelas}`.trim(), role: 'img', 'aria-labelledby': `${idJ} ${idD}`, focusable: 'false' });
  svg.append(s('title', { id: idJ }, judul), s('desc', { id: idD }, ringkas || ''));
  return svg;
}

/** Rounded axis maximum: 1, 2, 5 × 10^k at or above `v`. */
function atap(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function sumbuY(svg, { kiri, kanan, atas, tinggi, W, maks, format }) {
  for (const t of [0, maks / 2, maks]) {
    const y = atas + tinggi - (t / maks) * tinggi;
    svg.append(s('line', { x1: kiri, x2: W - kanan, y1: y, y2: y, class: t === 0 ? 'sumbu' : 'garis-bantu' }),
      s('text', { x: kiri - 5, y: y + 4, 'text-anchor': 'end', class: 'angka-sumbu' }, format(t)));
  }
}

/**
 * grafikGaris({judul, ringkas, label: [12 short names], seri: [{nama, nilai: [number|null], kelas,
 * putus}], format}): lines over the months; a null value breaks the line.  `putus` draws a dashed
 * line (the target).  A legend under the chart names each line.
 */
export function grafikGaris({ judul, ringkas, label = BULAN_PENDEK, seri, format = angka }) {
  const W = 340, kiri = 44, kanan = 8, atas = 12, tinggi = 150, bawahSumbu = 22;
  const H = atas + tinggi + bawahSumbu + 18 * seri.length + 4;
  const svg = kanvas(W, H, judul, ringkas);
  const semua = seri.flatMap((x) => x.nilai).filter((v) => v !== null && v !== undefined && Number.isFinite(Number(v))).map(Number);
  const maks = atap(Math.max(0, ...semua));
  sumbuY(svg, { kiri, kanan, atas, tinggi, W, maks, format });
  const slot = (W - kiri - kanan) / label.length;
  const x = (i) => kiri + slot * i + slot / 2;
  const y = (v) => atas + tinggi - (Number(v) / maks) * tinggi;
  label.forEach((t, i) => svg.append(s('text', { x: x(i), y: atas + tinggi + 15, 'text-anchor': 'middle', class: 'label-batang' }, t)));
  seri.forEach((sr, k) => {
    let d = '';
    let naik = true;
    sr.nilai.forEach((v, i) => {
      if (v === null || v === undefined || !Number.isFinite(Number(v))) { naik = true; return; }
      d += `${naik ? 'M' : 'L'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
      naik = false;
    });
    const kelas = `seri ${sr.kelas || `seri-${k}`}${sr.putus ? ' putus' : ''}`;
    if (d) svg.append(s('path', { d: d.trim(), class: kelas, fill: 'none' }));
    if (!sr.putus) {
      sr.nilai.forEach((v, i) => {
        if (v === null || v === undefined || !Number.isFinite(Number(v))) return;
        svg.append(s('circle', { cx: x(i), cy: y(v), r: 3.5, class: `titik ${sr.kelas || `seri-${k}`}` }));
      });
    }
    const ly = atas + tinggi + bawahSumbu + 12 + 18 * k;
    svg.append(s('line', { x1: kiri, x2: kiri + 26, y1: ly - 4, y2: ly - 4, class: kelas }),
      s('text', { x: kiri + 32, y: ly, class: 'label-batang' }, sr.nama));
  });
  return svg;
}

/** grafikBatangBulan({judul, ringkas, nilai: [12 numbers], label}): one bar per month with its value above. */
export function grafikBatangBulan({ judul, ringkas, nilai, label = BULAN_PENDEK, format = angka }) {
  const W = 340, kiri = 36, kanan = 6, atas = 16, tinggi = 130, H = atas + tinggi + 24;
  const svg = kanvas(W, H, judul, ringkas);
  const maks = atap(Math.max(0, ...nilai.map((v) => Number(v) || 0)));
  sumbuY(svg, { kiri, kanan, atas, tinggi, W, maks, format });
  const slot = (W - kiri - kanan) / label.length;
  nilai.forEach((v, i) => {
    const n = Number(v) || 0;
    const h = (n / maks) * tinggi;
    const x = kiri + slot * i + slot * 0.15, w = slot * 0.7, yy = atas + tinggi - h;
    svg.append(s('rect', { x, y: yy, width: w, height: Math.max(h, n ? 1 : 0), rx: 2, class: 'batang-bulan' }));
    if (n) svg.append(s('text', { x: x + w / 2, y: yy - 3, 'text-anchor': 'middle', class: 'nilai-kecil' }, format(n)));
    svg.append(s('text', { x: x + w / 2, y: atas + tinggi + 15, 'text-anchor': 'middle', class: 'label-batang' }, label[i]));
  });
  return svg;
}

/** The colour level of a day's minutes: 0 none, 1 up to 2 hours, 2 up to 5, 3 up to 7.5, 4 more. */
export function tingkatMenit(m) {
  const n = Number(m) || 0;
  if (n <= 0) return 0;
  if (n <= 120) return 1;
  if (n <= 300) return 2;
  if (n <= 450) return 3;
  return 4;
}

/**
 * kalenderPanas({tahun, hari: [{tanggal, aktivitas, menit}], hariIni, judul, ringkas, legenda}):
 * the year as twelve small month calendars (Monday first) in three columns; each day coloured by
 * its minutes, future days outlined only.  `legenda`: the five level names for the key.
 */
export function kalenderPanas({ tahun, hari, hariIni, judul, ringkas, legenda, labelHari }) {
  const per = new Map(hari.map((h) => [h.tanggal, h]));
  const sel = 14, jarak = 2, kolom = 3;
  const lebarBulan = 7 * (sel + jarak), tinggiBulan = 16 + 6 * (sel + jarak);
  const celah = 8, W = kolom * lebarBulan + (kolom - 1) * celah + 4;
  const H = 4 * (tinggiBulan + 6) + (legenda && legenda.length ? 30 : 0);
  const svg = kanvas(W, H, judul, ringkas, 'kalender-panas');
  for (let m = 0; m < 12; m++) {
    const ox = 2 + (m % kolom) * (lebarBulan + celah), oy = Math.floor(m / kolom) * (tinggiBulan + 6);
    svg.append(s('text', { x: ox, y: oy + 11, class: 'label-bulan' }, BULAN[m]));
    const awal = (new Date(Date.UTC(tahun, m, 1)).getUTCDay() + 6) % 7;   // Monday 0
    const jumlahHari = new Date(Date.UTC(tahun, m + 1, 0)).getUTCDate();
    for (let d = 1; d <= jumlahHari; d++) {
      const pos = awal + d - 1;
      const iso = `${tahun}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const h = per.get(iso);
      const nanti = hariIni && iso > hariIni;
      const r = s('rect', { x: ox + (pos % 7) * (sel + jarak), y: oy + 16 + Math.floor(pos / 7) * (sel + jarak), width: sel, height: sel, rx: 2,
        class: nanti ? 'hari nanti' : `hari tingkat-${tingkatMenit(h && h.menit)}` });
      if (labelHari) r.append(s('title', {}, labelHari(iso, h)));
      svg.append(r);
    }
  }
  // the key: the five levels
  const ly = H - 14;
  (legenda || []).forEach((t, i) => {
    const lx = 2 + i * (W / 5);
    svg.append(s('rect', { x: lx, y: ly - 10, width: 12, height: 12, rx: 2, class: `hari tingkat-${i}` }),
      s('text', { x: lx + 16, y: ly, class: 'label-legenda' }, t));
  });
  return svg;
}

/**
 * A table of the numbers of a chart: tabelData({caption, kolom: [names], baris: [[row header,
 * cell, …]], kaki: [row] | null, kelas}).  Cells may be strings or nodes; numbers right aligned.
 */
export function tabelData({ caption, kolom, baris, kaki, kelas = '' }) {
  return el('table', { class: `tabel-grafik tabel-dasbor ${kelas}`.trim() },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, kolom.map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, baris.map((r) => el('tr', {}, el('th', { scope: 'row' }, r[0]), r.slice(1).map((c) => el('td', {}, c))))),
    kaki ? el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, kaki[0]), kaki.slice(1).map((c) => el('td', {}, c)))) : null);
}

/** A region that scrolls sideways on a phone, reachable by keyboard (axe: scrollable-region-focusable). */
export function gulir(label, isi) {
  return el('div', { class: 'gulir', role: 'region', tabindex: 0, 'aria-label': label }, isi);
}
