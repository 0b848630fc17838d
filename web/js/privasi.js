// privasi.js: "Privasi & data saya" (#/privasi?jenis=&dari=&sampai=; every signed-in user): what
// kinerja records and never records, who may see a pegawai's performance data (DOMAIN.md "Access
// and privacy"), "Siapa melihat data saya" (GET /api/v1/saya/akses, filtered and paged, newest
// first) and the downloads of the personal data export (GET /api/v1/saya/ekspor, JSON and PDF).
import { api } from './api.js';
import { tanggalValid } from './teks.js';
import { el, labelled, alertBox, showProblem, setQuery, busy } from './ui.js';
import { waktuMs } from './teks-admin.js';
import { TV } from './teks-privasi.js';
import { kosong as kosongKe, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

function daftar(judul, isi, kelas) {
  const id = `privasi-${kelas}`;
  return el('section', { class: `panel privasi-${kelas}`, 'aria-labelledby': id },
    el('h3', { id }, judul), el('ul', {}, isi.map((t) => el('li', {}, t))));
}

function kartu(a) {
  const ubah = a.jenis === 'ubah';
  const o = a.oleh;
  const apa = TV.objek[a.objek] || a.objek;
  return el('li', { class: `kartu akses-${a.jenis}` },
    el('p', { class: 'judul-kartu' }, el('span', { class: `lencana lencana-${ubah ? 'dikembalikan' : 'diajukan'}` }, ubah ? TV.diubah : TV.dilihat),
      ' ', el('strong', {}, apa)),
    el('p', {}, TV.oleh(o.nama || '', o.jabatan || '', TV.peran[o.peran] || o.peran)),
    el('p', { class: 'ket' }, el('time', { datetime: new Date(a.waktu).toISOString() }, waktuMs(a.waktu)),
      ' · ', el('code', {}, ubah && a.aksi ? `${a.aksi} (${a.rujukan})` : a.rujukan)));
}

export async function privasi(root, ctx, params, query) {
  root.append(el('h2', {}, TV.judul), el('p', { class: 'ket' }, TV.ket),
    daftar(TV.dicatatJudul, TV.dicatat, 'dicatat'), daftar(TV.tidakJudul, TV.tidak, 'tidak'), daftar(TV.siapaJudul, TV.siapa, 'siapa'));
  const aksesSec = el('section', { class: 'panel', 'aria-labelledby': 'judul-akses' }, el('h3', { id: 'judul-akses' }, TV.aksesJudul));
  const eksporSec = el('section', { class: 'panel', 'aria-labelledby': 'judul-ekspor' }, el('h3', { id: 'judul-ekspor' }, TV.eksporJudul));
  root.append(aksesSec, eksporSec);
  if (!ctx.me.pegawai) {
    aksesSec.append(el('p', { class: 'kosong' }, TV.tanpaPegawai));
    eksporSec.append(el('p', { class: 'kosong' }, TV.tanpaPegawai));
    return;
  }
  eksporSec.append(el('p', { class: 'ket' }, TV.eksporKet),
    el('p', { class: 'aksi' },
      el('a', { class: 'tombol', href: '/api/v1/saya/ekspor?format=pdf', download: '', id: 'unduh-ekspor-pdf' }, TV.unduhPdf), ' ',
      el('a', { class: 'tombol kedua', href: '/api/v1/saya/ekspor?format=json', download: '', id: 'unduh-ekspor-json' }, TV.unduhJson)));

  const box = alertBox();
  const jenis = el('select', { 'data-field': 'jenis' }, TV.jenisPilihan.map(([v, t]) => el('option', { value: v }, t)));
  jenis.value = TV.jenisPilihan.some(([v]) => v === query.get('jenis')) ? query.get('jenis') : 'semua';
  const dari = el('input', { type: 'date', 'data-field': 'dari', value: tanggalValid(query.get('dari')) ? query.get('dari') : '' });
  const sampai = el('input', { type: 'date', 'data-field': 'sampai', value: tanggalValid(query.get('sampai')) ? query.get('sampai') : '' });
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': TV.saring, novalidate: true },
    el('div', {}, ...labelled(TV.jenis, jenis)), el('div', {}, ...labelled(TV.dari, dari)), el('div', {}, ...labelled(TV.sampai, sampai)),
    el('button', { type: 'submit' }, TV.tampilkan));
  const ket = el('p', { class: 'ket' });
  const jumlah = el('p', { class: 'ket', role: 'status' });
  const list = el('ol', { class: 'daftar daftar-akses', 'aria-labelledby': 'judul-akses' });
  const kosong = kosongKe(TV.kosong, { label: KOSONG.ubahSaring, on: fokusKe(() => filter) }, { hidden: true });
  const lagi = el('button', { type: 'button', class: 'kedua', hidden: true }, TV.lagi);
  aksesSec.append(ket, filter, box, jumlah, list, kosong, lagi);
  let cursor = null;

  async function muat(reset) {
    const p = new URLSearchParams({ limit: '30' });
    if (jenis.value !== 'semua') p.set('jenis', jenis.value);
    if (dari.value) p.set('dari', dari.value);
    if (sampai.value) p.set('sampai', sampai.value);
    if (!reset && cursor) p.set('cursor', cursor);
    const page = await api('GET', `/api/v1/saya/akses?${p}`);
    ket.textContent = TV.jejakKet(Math.round((page.jendela_detik || 3600) / 60));
    if (reset) list.replaceChildren();
    page.items.forEach((a) => list.append(kartu(a)));
    cursor = page.next_cursor;
    jumlah.textContent = TV.jumlah(page.total);
    kosong.hidden = list.children.length > 0;
    lagi.hidden = !cursor;
  }
  filter.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setQuery({ ...(jenis.value !== 'semua' ? { jenis: jenis.value } : {}), ...(dari.value ? { dari: dari.value } : {}), ...(sampai.value ? { sampai: sampai.value } : {}) });
    try { await busy(filter, () => muat(true)); box.hidden = true; } catch (e) { showProblem(box, e, filter); }
  });
  lagi.addEventListener('click', async () => {
    try { await busy(aksesSec, () => muat(false)); } catch (e) { showProblem(box, e); }
  });
  await muat(true);
}
