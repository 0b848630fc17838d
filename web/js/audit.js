// audit.js: "Log audit" (#/audit?entitas=…&aksi=…&pengguna=…&dari=…&sampai=…; auditor and
// superadmin): the audit records, newest first, filtered and paged, each with its before/after
// as a readable table; "Verifikasi rantai" walks the whole hash chain and says whether it is intact.
import { api } from './api.js';
import { T, tanggalValid } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, busy, setQuery, galatLokal } from './ui.js';
import { TA, ENTITAS, AKSI_UMUM, waktuMs } from './teks-admin.js';
import { punyaPeran, tolak } from './admin-dasar.js';
import { kosong as kosongKe, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

/** A value of a before/after record as text: strings as they are, the rest as compact JSON. */
function teks(v) {
  if (v === undefined || v === null || v === '') return TA.kosong;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? TA.ya : TA.tidak;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/**
 * The before/after of a record, readable: for a change, only the members that changed (before
 * and after side by side) and the names of the others; for a creation or deletion, every member.
 */
export function tabelPerubahan(sebelum, sesudah) {
  const a = sebelum && typeof sebelum === 'object' ? sebelum : null;
  const b = sesudah && typeof sesudah === 'object' ? sesudah : null;
  if (!a && !b) return el('p', { class: 'ket' }, TA.tanpaIsi);
  const kepala = (kolom) => el('thead', {}, el('tr', {}, kolom.map((t) => el('th', { scope: 'col' }, t))));
  if (!a || !b) {
    const x = a || b;
    return el('div', { class: 'gulir' }, el('table', { class: 'tabel-perubahan' },
      el('caption', { class: 'sr-only' }, TA.tabelPerubahan),
      kepala([TA.kolomIsian, a ? TA.kolomSebelum : TA.kolomSesudah]),
      el('tbody', {}, Object.keys(x).map((k) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', { class: 'teks-panjang' }, teks(x[k])))))));
  }
  const kunci = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const beda = kunci.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  const sama = kunci.filter((k) => !beda.includes(k));
  return el('div', {},
    beda.length ? el('div', { class: 'gulir' }, el('table', { class: 'tabel-perubahan' },
      el('caption', { class: 'sr-only' }, TA.tabelPerubahan),
      kepala([TA.kolomIsian, TA.kolomSebelum, TA.kolomSesudah]),
      el('tbody', {}, beda.map((k) => el('tr', {}, el('th', { scope: 'row' }, k),
        el('td', { class: 'teks-panjang' }, teks(a[k])), el('td', { class: 'teks-panjang' }, teks(b[k]))))))) : el('p', {}, TA.tanpaBeda),
    sama.length ? el('p', { class: 'ket teks-panjang' }, TA.tidakBerubahIsian(sama.join(', '))) : null);
}

export async function auditLog(root, ctx, params, query) {
  if (!punyaPeran(ctx.me, 'auditor', 'superadmin')) { tolak(root, TA.khususAuditor); return; }
  const box = alertBox();
  const hasilVerif = el('div', { class: 'hasil-verifikasi', role: 'status' });
  const verif = el('button', { type: 'button' }, TA.verifikasi);
  const entitas = el('select', { 'data-field': 'entitas' }, el('option', { value: '' }, TA.semua),
    Object.entries(ENTITAS).map(([v, t]) => el('option', { value: v }, t)));
  entitas.value = ENTITAS[query.get('entitas')] ? query.get('entitas') : '';
  const aksi = el('input', { 'data-field': 'aksi', list: 'daftar-aksi', maxlength: 50, autocomplete: 'off', value: query.get('aksi') || '' });
  const daftarAksi = el('datalist', { id: 'daftar-aksi' }, AKSI_UMUM.map((a) => el('option', { value: a })));
  const pengguna = el('input', { type: 'number', inputmode: 'numeric', min: 1, 'data-field': 'pengguna_id',
    value: /^\d+$/.test(query.get('pengguna') || '') ? query.get('pengguna') : '' });
  const dari = el('input', { type: 'date', 'data-field': 'dari', value: tanggalValid(query.get('dari')) ? query.get('dari') : '' });
  const sampai = el('input', { type: 'date', 'data-field': 'sampai', value: tanggalValid(query.get('sampai')) ? query.get('sampai') : '' });
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': TA.saringAudit, novalidate: true },
    el('div', { class: 'lebar' }, ...labelled(TA.entitas, entitas)),
    el('div', { class: 'lebar' }, ...labelled(TA.aksi, aksi, TA.aksiKet), daftarAksi),
    el('div', { class: 'lebar' }, ...labelled(TA.penggunaId, pengguna, TA.penggunaIdKet)),
    el('div', {}, ...labelled(TA.dari, dari)), el('div', {}, ...labelled(TA.sampai, sampai)),
    el('button', { type: 'submit' }, T.tampilkan));
  const daftar = el('ol', { class: 'daftar daftar-audit' });
  const kosong = kosongKe(TA.auditKosong, { label: KOSONG.ubahSaring, on: fokusKe(() => filter) }, { hidden: true });
  const memuat = el('p', { class: 'memuat', hidden: true }, T.memuat);
  const lagi = el('button', { type: 'button', class: 'kedua', hidden: true }, TA.lagi);
  root.append(el('h2', {}, TA.auditJudul), el('p', { class: 'ket' }, TA.auditKet),
    el('div', { class: 'panel' }, verif, hasilVerif), filter, box, memuat, daftar, kosong, lagi);
  let cursor = null;
  let n = 0;

  verif.addEventListener('click', async () => {
    fill(hasilVerif, el('p', { class: 'ket' }, TA.memeriksa));
    hasilVerif.className = 'hasil-verifikasi';
    let r;
    try { r = await busy(verif.parentElement, () => api('GET', '/api/v1/audit/verify')); } catch (e) { fill(hasilVerif); showProblem(box, e); return; }
    hasilVerif.className = `hasil-verifikasi ${r.utuh ? 'utuh' : 'rusak'}`;
    fill(hasilVerif, el('p', {}, el('strong', {}, r.utuh ? TA.utuh(r.jumlah_catatan) : TA.rusak(r.jumlah_catatan, r.catatan_rusak, r.alasan))));
  });

  function kartu(a) {
    const pelaku = a.pengguna ? TA.akunId(a.pengguna.username, a.pengguna.id) : TA.sistem;
    const target = `${ENTITAS[a.entitas] || a.entitas}${a.entitas_id ? ` #${a.entitas_id}` : ''}`;
    return el('li', { class: 'kartu catatan-audit' },
      el('p', { class: 'judul-kartu' }, el('code', { class: 'kode' }, a.aksi), el('span', { class: 'ket' }, `#${a.id}`)),
      el('p', {}, target),
      el('p', { class: 'ket' }, `${waktuMs(a.waktu)} · ${TA.pelaku}: ${pelaku}`),
      a.request_id ? el('p', { class: 'ket' }, `${TA.permintaan}: `, el('code', {}, a.request_id)) : null,
      el('details', { class: 'penjelasan' }, el('summary', {}, TA.lihatPerubahan), tabelPerubahan(a.sebelum, a.sesudah)));
  }

  async function muat(reset) {
    const p = new URLSearchParams({ limit: '30' });
    if (entitas.value) p.set('entitas', entitas.value);
    if (aksi.value.trim()) p.set('aksi', aksi.value.trim());
    if (pengguna.value.trim()) p.set('pengguna_id', pengguna.value.trim());
    if (dari.value) p.set('dari', dari.value);
    if (sampai.value) p.set('sampai', sampai.value);
    if (!reset && cursor) p.set('cursor', cursor);
    memuat.hidden = false;
    let page;
    try { page = await api('GET', `/api/v1/audit?${p}`); } finally { memuat.hidden = true; }
    if (reset) { daftar.replaceChildren(); n = 0; }
    page.items.forEach((a) => daftar.append(kartu(a)));
    n += page.items.length;
    cursor = page.next_cursor;
    lagi.hidden = !cursor;
    kosong.hidden = n > 0;
  }

  filter.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showAlert(box, '');
    if (pengguna.value.trim() && !/^\d+$/.test(pengguna.value.trim())) { showProblem(box, galatLokal('pengguna_id', TA.angkaBulat), filter); return; }
    const q = {};
    if (entitas.value) q.entitas = entitas.value;
    if (aksi.value.trim()) q.aksi = aksi.value.trim();
    if (pengguna.value.trim()) q.pengguna = pengguna.value.trim();
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
