// status-skp.js: "Status SKP" (#/status-skp, admin and pimpinan): per pegawai aktif of the
// instansi, the state of their SKP for a year: counts per status and a paged table.
import { api } from './api.js';
import { T, TP, STATUS, angka } from './teks.js';
import { el, badge, labelled, alertBox, showAlert, showProblem, busy, setQuery } from './ui.js';
import { kosong as kosongKe, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export async function statusSkp(root, ctx, params, query) {
  const sekarang = new Date().getFullYear();
  const tahun = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, 'data-field': 'tahun' });
  tahun.value = /^\d{4}$/.test(query.get('tahun') || '') ? query.get('tahun') : String(sekarang);
  const status = el('select', { 'data-field': 'status' }, el('option', { value: '' }, T.semuaStatus),
    Object.entries(STATUS).map(([v, t]) => el('option', { value: v }, t)));
  status.value = STATUS[query.get('status')] ? query.get('status') : '';
  const box = alertBox();
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': T.saringStatus, novalidate: true },
    el('div', {}, ...labelled(T.tahun, tahun)), el('div', {}, ...labelled(T.status, status)),
    el('button', { type: 'submit' }, T.tampilkan));
  const ringkasan = el('div', { class: 'ringkasan', role: 'status' });
  const tbody = el('tbody');
  const tabel = el('table', { class: 'tabel-status' },
    el('caption', { class: 'sr-only' }, T.judulStatus),
    el('thead', {}, el('tr', {}, [T.kolomPegawai, T.kolomUnit, T.kolomPenilai, T.kolomStatus].map((t) => el('th', { scope: 'col' }, t)))),
    tbody);
  const kosong = kosongKe(T.tidakAdaBaris, { label: KOSONG.ubahSaring, on: fokusKe(() => filter) }, { hidden: true });
  const lagi = el('button', { type: 'button', class: 'kedua', hidden: true }, T.lagi);
  root.append(el('h2', {}, T.judulStatus), el('p', {}, el('a', { href: '#/unit' }, TP.lihatUnit)), filter, box, ringkasan, tabel, kosong, lagi);
  let cursor = null;

  function baris(it) {
    const p = it.pegawai;
    return el('tr', {},
      el('td', { 'data-label': T.kolomPegawai },
        it.skp_id ? el('a', { href: `#/skp/${it.skp_id}` }, p.nama) : el('span', {}, p.nama),
        el('span', { class: 'nip' }, T.nip(p.nip))),
      el('td', { 'data-label': T.kolomUnit }, p.unit_kerja || T.kosong),
      el('td', { 'data-label': T.kolomPenilai }, it.penilai || T.kosong),
      el('td', { 'data-label': T.kolomStatus }, badge(it.status)));
  }

  function tampilRingkasan(r) {
    const total = Object.values(r).reduce((a, b) => a + b, 0);
    ringkasan.replaceChildren(
      el('p', {}, `${T.tahun} ${tahun.value}: ${T.jumlahPegawai(total)}`),
      el('ul', {}, Object.keys(STATUS).map((k) => el('li', { class: `hitung hitung-${k}` },
        el('strong', {}, angka(r[k] || 0)), ' ', STATUS[k]))));
  }

  async function load(reset) {
    if (reset) cursor = null;
    const p = new URLSearchParams({ tahun: tahun.value.trim(), limit: '50' });
    if (status.value) p.set('status', status.value);
    if (cursor) p.set('cursor', cursor);
    const page = await api('GET', `/api/v1/laporan/status-skp?${p}`);
    if (reset) { tbody.replaceChildren(); tampilRingkasan(page.ringkasan); }
    page.items.forEach((it) => tbody.append(baris(it)));
    cursor = page.next_cursor;
    lagi.hidden = !cursor;
    kosong.hidden = tbody.children.length > 0;
    tabel.hidden = tbody.children.length === 0;
  }

  async function terapkan() {
    showAlert(box, '');
    const q = { tahun: tahun.value.trim() };
    if (status.value) q.status = status.value;
    setQuery(q);
    try { await busy(filter, () => load(true)); } catch (e) { showProblem(box, e, filter); }
  }
  filter.addEventListener('submit', (ev) => { ev.preventDefault(); terapkan(); });
  status.addEventListener('change', terapkan);
  lagi.addEventListener('click', async () => {
    try { await busy(root, () => load(false)); } catch (e) { showProblem(box, e); }
  });
  try { await load(true); } catch (e) { showProblem(box, e, filter); }
}
