// kepatuhan.js: "Kepatuhan" (#/kepatuhan?dari=…&sampai=…; admin, pimpinan and atasan): per
// pegawai in the user's scope, what they logged in the range (default: this week, Monday to
// today, chosen by the server) and how many activities wait for their own review.
import { api } from './api.js';
import { T, angka, durasi, tanggal, tanggalValid } from './teks.js';
import { el, labelled, alertBox, showAlert, showProblem, busy, setQuery } from './ui.js';
import { kosong as kosongKe, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export async function kepatuhan(root, ctx, params, query) {
  const dari = el('input', { type: 'date', 'data-field': 'dari' });
  const sampai = el('input', { type: 'date', 'data-field': 'sampai' });
  if (tanggalValid(query.get('dari'))) dari.value = query.get('dari');
  if (tanggalValid(query.get('sampai'))) sampai.value = query.get('sampai');
  const box = alertBox();
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': T.saringKepatuhan, novalidate: true },
    el('div', {}, ...labelled(T.dariTanggal, dari)), el('div', {}, ...labelled(T.sampaiTanggal, sampai)),
    el('button', { type: 'submit' }, T.tampilkan));
  const ringkas = el('p', { class: 'ringkas', role: 'status' });
  const tbody = el('tbody');
  const kolom = [T.kolomPegawai, T.kolomUnit, T.kolomAktivitas, T.kolomMenit, T.kolomHari, T.kolomMenunggu];
  const tabel = el('table', { class: 'tabel-status tabel-kepatuhan' },
    el('caption', { class: 'sr-only' }, T.judulKepatuhan),
    el('thead', {}, el('tr', {}, kolom.map((t) => el('th', { scope: 'col' }, t)))),
    tbody);
  const kosong = kosongKe(T.tidakAdaPegawai, { label: KOSONG.ubahSaring, on: fokusKe(() => filter) }, { hidden: true });
  const lagi = el('button', { type: 'button', class: 'kedua', hidden: true }, T.lagi);
  root.append(el('h2', {}, T.judulKepatuhan), filter, box, ringkas, tabel, kosong, lagi);
  let cursor = null;
  let n = 0;
  let belum = 0;

  function baris(it) {
    const p = it.pegawai;
    const nol = it.aktivitas === 0;
    if (nol) belum++;
    return el('tr', { class: nol ? 'celah' : null },
      el('th', { scope: 'row', 'data-label': T.kolomPegawai }, el('span', {}, p.nama), el('span', { class: 'nip' }, T.nip(p.nip)),
        nol ? el('span', { class: 'celah-teks' }, T.belumMencatat) : null),
      el('td', { 'data-label': T.kolomUnit }, p.unit_kerja || T.kosong),
      el('td', { 'data-label': T.kolomAktivitas }, angka(it.aktivitas)),
      el('td', { 'data-label': T.kolomMenit }, durasi(it.menit)),
      el('td', { 'data-label': T.kolomHari }, angka(it.hari_tercatat)),
      el('td', { 'data-label': T.kolomMenunggu }, angka(it.menunggu_review)));
  }

  async function muat(reset) {
    if (reset) { cursor = null; n = 0; belum = 0; tbody.replaceChildren(); }
    const p = new URLSearchParams({ limit: '100' });
    if (dari.value) p.set('dari', dari.value);
    if (sampai.value) p.set('sampai', sampai.value);
    if (cursor) p.set('cursor', cursor);
    const page = await api('GET', `/api/v1/laporan/kepatuhan?${p}`);
    if (!dari.value) dari.value = page.dari;
    if (!sampai.value) sampai.value = page.sampai;
    page.items.forEach((it) => tbody.append(baris(it)));
    n += page.items.length;
    cursor = page.next_cursor;
    lagi.hidden = !cursor;
    kosong.hidden = n > 0;
    tabel.hidden = n === 0;
    ringkas.textContent = `${T.rentang(tanggal(page.dari), tanggal(page.sampai))}: ${T.ringkasKepatuhan(cursor ? `${n}+` : n, belum)}`;
  }

  filter.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showAlert(box, '');
    const q = {};
    if (dari.value) q.dari = dari.value;
    if (sampai.value) q.sampai = sampai.value;
    setQuery(q);
    try { await busy(filter, () => muat(true)); } catch (e) { showProblem(box, e, filter); }
  });
  lagi.addEventListener('click', async () => {
    try { await busy(root, () => muat(false)); } catch (e) { showProblem(box, e); }
  });
  try { await muat(true); } catch (e) { showProblem(box, e, filter); }
}
