// panduan.js: the user guide inside the app (issue 14 part 3): #/panduan lists the pages of
// docs/panduan (one per role), #/panduan/<peran> renders one from its Markdown with the
// screenshots the browser tests took (docs/panduan/gambar/), a print button (app.css has the
// print stylesheet) and the PDF of the whole guide.  The Markdown is the small subset the PDF
// reader in C understands too (src/panduan_md.h); it is built into DOM nodes as text, never as
// HTML.  Words: teks-bantuan.js (the guide itself is Indonesian in both languages).
import { el } from './ui.js';
import { TB, PERAN_PANDUAN } from './teks-bantuan.js';

const DASAR = '/docs/panduan/';

function aksiUmum() {
  return el('div', { class: 'aksi panduan-aksi' },
    el('a', { class: 'tombol kedua kecil', href: '/api/v1/panduan.pdf', target: '_blank', rel: 'noopener' }, TB.unduhPdf),
    el('button', { type: 'button', class: 'kedua kecil', on: { click: () => window.print() } }, TB.cetak));
}

/** Inline marks: **tebal**, `kode`, [teks](alamat) (only in-app "#/…" and https links are links). */
function baris(teks) {
  const out = [];
  const re = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let at = 0;
  for (let m = re.exec(teks); m; m = re.exec(teks)) {
    if (m.index > at) out.push(teks.slice(at, m.index));
    if (m[1]) out.push(el('strong', {}, m[1]));
    else if (m[2]) out.push(el('code', {}, m[2]));
    else if (/^(#\/|https:\/\/)/.test(m[4])) out.push(el('a', { href: m[4] }, m[3]));
    else if (/^[a-z]+\.md$/.test(m[4])) out.push(el('a', { href: `#/panduan/${m[4].replace(/\.md$/, '')}` }, m[3]));
    else out.push(m[3]);
    at = re.lastIndex;
  }
  if (at < teks.length) out.push(teks.slice(at));
  return out;
}

/** Renders the guide's Markdown subset as DOM nodes (the first "# " heading becomes the h2). */
export function renderMd(md) {
  const nodes = [];
  let para = null, list = null, tabel = null;
  const tutup = () => { para = null; list = null; tabel = null; };
  for (const raw of md.split('\n')) {
    const line = raw.replace(/\r$/, '');
    let m;
    if (!line.trim()) { tutup(); continue; }
    if (list && (m = line.match(/^ {2,}(?:[-*]|\d{1,3}\.) (.*)$/))) {
      // an item of the second level: a list inside the last item
      const li = list.lastChild;
      const tag = /^ +\d/.test(line) ? 'OL' : 'UL';
      let sub = li.lastElementChild && li.lastElementChild.tagName === tag ? li.lastElementChild : null;
      if (!sub) { sub = el(tag.toLowerCase()); li.append(sub); }
      sub.append(el('li', {}, baris(m[1])));
      continue;
    }
    if (/^ {2,}\S/.test(line) && (list || para)) {
      const target = list ? list.lastChild : para;
      target.append(' ', ...baris(line.trim()));
      continue;
    }
    if ((m = line.match(/^(#{1,3}) (.*)$/))) {
      tutup();
      nodes.push(el(`h${m[1].length + 1}`, {}, baris(m[2])));
      continue;
    }
    if ((m = line.match(/^!\[([^\]]*)\]\(([^)]+)\)\s*$/))) {
      tutup();
      const ok = /^gambar\/[a-z0-9_-]{1,64}\.png$/.test(m[2]);
      nodes.push(el('figure', { class: 'gambar-panduan' },
        ok ? el('img', { src: DASAR + m[2], alt: m[1], loading: 'lazy' }) : el('p', { class: 'peringatan' }, TB.gambarTidakAda(m[2])),
        m[1] ? el('figcaption', {}, m[1]) : null));
      continue;
    }
    if (line.startsWith('|')) {
      const sel = line.replace(/^\||\|\s*$/g, '').split('|').map((s) => s.trim());
      if (sel.every((s) => /^:?-+:?$/.test(s))) continue;
      if (!tabel) {
        tutup();
        tabel = el('table', { class: 'tabel-bantuan' }, el('thead', {}, el('tr', {}, sel.map((s) => el('th', { scope: 'col' }, baris(s))))), el('tbody'));
        nodes.push(tabel);
      } else {
        tabel.tBodies[0].append(el('tr', {}, sel.map((s) => el('td', {}, baris(s)))));
      }
      continue;
    }
    if ((m = line.match(/^(\d{1,3})\. (.*)$/)) || (m = line.match(/^[-*] (.*)$/))) {
      const nomor = m.length === 3;
      const isi = nomor ? m[2] : m[1];
      if (!list || (list.tagName === 'OL') !== nomor) {
        para = null; tabel = null;
        list = el(nomor ? 'ol' : 'ul', nomor && m[1] !== '1' ? { start: m[1] } : {});
        nodes.push(list);
      }
      list.append(el('li', {}, baris(isi)));
      continue;
    }
    if ((m = line.match(/^> (.*)$/))) {
      tutup();
      nodes.push(el('blockquote', {}, el('p', {}, baris(m[1]))));
      continue;
    }
    if (para) { para.append(' ', ...baris(line.trim())); continue; }
    tutup();
    para = el('p', {}, baris(line.trim()));
    nodes.push(para);
  }
  return nodes;
}

/** #/panduan: the pages of the guide. */
export async function panduanDaftar(root) {
  root.append(el('h2', {}, TB.panduan), el('p', { class: 'ket' }, TB.panduanKet), aksiUmum(),
    el('nav', { 'aria-label': TB.pilihPeran },
      el('ul', { class: 'daftar daftar-panduan' }, Object.entries(PERAN_PANDUAN).map(([k, v]) =>
        el('li', {}, el('a', { href: `#/panduan/${k}` }, v))))));
}

/** #/panduan/<peran>: one page of the guide. */
export async function panduanHalaman(root, ctx, [peran]) {
  const jejak = el('p', { class: 'jejak' }, el('a', { href: '#/panduan' }, TB.kembaliPanduan));
  if (!PERAN_PANDUAN[peran]) { root.append(jejak, el('h2', {}, TB.panduanTidakAda)); return; }
  const res = await fetch(`${DASAR}${peran}.md`, { credentials: 'same-origin' });
  if (!res.ok) { root.append(jejak, el('h2', {}, TB.panduanTidakAda)); return; }
  const md = await res.text();
  root.classList.add('panduan');
  root.append(jejak, el('article', { class: 'halaman-panduan', lang: 'id' }, renderMd(md)), aksiUmum());
}
