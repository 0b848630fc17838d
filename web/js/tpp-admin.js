// tpp-admin.js: the TPP screen of the instansi's admin and pimpinan (#/admin/tpp): the months
// computed so far (status, pegawai, total, table, hash) with "Hitung bulan", and the rule tables
// (draft or active, from which preset) with a form to create a draft from a preset or a copy.
// Pimpinan read; only the admin computes and creates.
import { api } from './api.js';
import { tanggalUnix } from './teks.js';
import { el, put, labelled, badge, alertBox, showProblem, busy, galatLokal, radioGroup } from './ui.js';
import { punyaPeran, tolak } from './admin-dasar.js';
import { TT, PRESET, rupiah, namaBulan, bulanLalu } from './teks-tpp.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

/** Admin, pimpinan or superadmin; otherwise the refusal screen. */
export function wajibPengelola(root, ctx) {
  if (punyaPeran(ctx.me, 'admin', 'pimpinan', 'superadmin')) return true;
  tolak(root, TT.khususPengelola);
  return false;
}

export const bolehUbah = (ctx) => punyaPeran(ctx.me, 'admin');

export async function tppAdmin(root, ctx) {
  if (!wajibPengelola(root, ctx)) return;
  const admin = bolehUbah(ctx);
  const [bulan, aturan, preset] = await Promise.all([api('GET', '/api/v1/tpp/bulan'), api('GET', '/api/v1/tpp/aturan'),
    admin ? api('GET', '/api/v1/tpp/preset') : Promise.resolve({ items: [] })]);
  put(root,
    punyaPeran(ctx.me, 'admin') ? el('p', { class: 'jejak' }, el('a', { href: '#/admin' }, '← Administrasi')) : null,
    el('h2', {}, TT.adminJudul), el('p', { class: 'ket' }, TT.adminKet),
    seksiBulan(ctx, bulan.items, admin),
    seksiAturan(ctx, aturan.items, preset.items, admin));
}

function seksiBulan(ctx, items, admin) {
  const sec = el('section', { 'aria-labelledby': 'judul-bulan-tpp' }, el('h3', { id: 'judul-bulan-tpp' }, TT.bulanJudul));
  if (admin) {
    const box = alertBox();
    const pilih = el('input', { type: 'month', value: bulanLalu(), min: '2000-01', max: '2100-12', 'data-field': 'bulan' });
    const form = el('form', { class: 'panel form-hitung', novalidate: true },
      ...labelled(TT.kBulan, pilih, TT.hitungBulanKet), box,
      el('button', { type: 'submit' }, TT.hitungBulan));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(form, async () => {
        try {
          if (!/^\d{4}-\d{2}$/.test(pilih.value)) throw galatLokal('bulan', TT.wajibBulan);
          const r = await api('POST', '/api/v1/tpp/bulan', { bulan: pilih.value });
          ctx.go(`#/admin/tpp/bulan/${r.id}`, TT.bulanDihitung(namaBulan(r.tahun, r.bulan)));
        } catch (e) { showProblem(box, e, form); }
      });
    });
    sec.append(form);
  }
  if (!items.length) {
    sec.append(kosong(TT.bulanKosong, admin ? { label: KOSONG.hitungBulan, on: fokusKe(() => sec.querySelector('.form-hitung')) } : null));
    return sec;
  }
  sec.append(el('div', { class: 'gulir-tpp' }, el('table', { class: 'tabel-status tabel-tpp' },
    el('caption', { class: 'sr-only' }, TT.bulanTabel),
    el('thead', {}, el('tr', {}, [TT.kBulan, TT.kStatus, TT.kPegawai, TT.kTotal, TT.kAturan].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, items.map((b) => el('tr', {},
      el('th', { scope: 'row', 'data-label': TT.kBulan }, el('a', { class: 'tautan-sentuh', href: `#/admin/tpp/bulan/${b.id}` }, namaBulan(b.tahun, b.bulan))),
      el('td', { 'data-label': TT.kStatus }, badge(b.status, '', b.status === 'disetujui' ? 'Disetujui' : 'Draf'),
        b.disetujui ? el('span', { class: 'kecil' }, tanggalUnix(b.disetujui)) : null),
      el('td', { 'data-label': TT.kPegawai, class: 'angka' }, String(b.pegawai)),
      el('td', { 'data-label': TT.kTotal, class: 'angka' }, rupiah(b.jumlah)),
      el('td', { 'data-label': TT.kAturan }, b.aturan ? el('a', { href: `#/admin/tpp/aturan/${b.aturan.id}` }, b.aturan.nama) : TT.kosong)))))));
  return sec;
}

function seksiAturan(ctx, items, preset, admin) {
  const sec = el('section', { 'aria-labelledby': 'judul-aturan-tpp' },
    el('h3', { id: 'judul-aturan-tpp' }, TT.aturanJudul), el('p', { class: 'ket' }, TT.aturanKet));
  if (!items.length) sec.append(kosong(TT.aturanKosong, admin ? { label: KOSONG.tambahAturan, on: fokusKe(() => sec.querySelector('form')) } : null));
  else {
    sec.append(el('ul', { class: 'daftar daftar-aturan' }, items.map((a) => el('li', {},
      el('div', { class: 'judul-kartu' }, el('a', { class: 'tautan-sentuh judul-tautan', href: `#/admin/tpp/aturan/${a.id}` }, a.nama),
        badge(a.status === 'aktif' ? 'disetujui' : 'draft', '', a.status === 'aktif' ? 'Aktif' : 'Draf')),
      el('p', { class: 'ket' }, a.berlaku_mulai ? TT.berlakuMulai(namaBulan(a.berlaku_mulai)) : TT.belumBerlaku),
      a.dari_preset ? el('p', { class: 'ket' }, TT.dariPreset(PRESET[a.dari_preset] || a.dari_preset)) : null))));
  }
  if (admin) sec.append(formBuat(ctx, items, preset));
  return sec;
}

function formBuat(ctx, items, preset) {
  const box = alertBox();
  const nama = el('input', { type: 'text', maxlength: 96, 'data-field': 'nama', autocomplete: 'off' });
  const sumber = radioGroup({ legend: TT.sumber, field: 'sumber', value: 'preset',
    options: [['preset', TT.sumberPreset], ...(items.length ? [['salin', TT.sumberSalin]] : [])] });
  const pPreset = el('select', { 'data-field': 'preset' }, preset.map((p) => el('option', { value: p.kode }, PRESET[p.kode] || p.aturan.nama || p.kode)));
  const pSalin = el('select', { 'data-field': 'salin_dari' }, items.map((a) => el('option', { value: String(a.id) },
    `${a.nama} (${a.status === 'aktif' ? 'aktif' : 'draf'})`)));
  const wPreset = el('div', {}, ...labelled(TT.pilihPreset, pPreset));
  const wSalin = el('div', { hidden: true }, ...labelled(TT.pilihSalin, pSalin));
  sumber.addEventListener('change', () => { wPreset.hidden = sumber.nilai() !== 'preset'; wSalin.hidden = sumber.nilai() !== 'salin'; });
  const form = el('form', { class: 'panel form-buat-tpp', novalidate: true, 'aria-labelledby': 'judul-buat-tpp' },
    el('h4', { id: 'judul-buat-tpp' }, TT.buatJudul),
    ...labelled(TT.namaTabel, nama, TT.namaTabelKet), sumber, wPreset, wSalin, box,
    el('button', { type: 'submit' }, TT.buat));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      try {
        if (!nama.value.trim()) throw galatLokal('nama', TT.wajibNama);
        const body = { nama: nama.value.trim() };
        if (sumber.nilai() === 'salin') body.salin_dari = Number(pSalin.value); else body.preset = pPreset.value;
        const r = await api('POST', '/api/v1/tpp/aturan', body);
        ctx.go(`#/admin/tpp/aturan/${r.id}`, TT.dibuat(r.nama));
      } catch (e) { showProblem(box, e, form); }
    });
  });
  return form;
}
