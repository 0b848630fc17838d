// surel.js: "Surel keluar" (#/admin/surel?status=gagal; admin): the email outbox of the
// notifications, newest first, filtered by status and paged; a failed email can be sent again.
import { api } from './api.js';
import { T, FMT } from './teks.js';
import { el, labelled, alertBox, showAlert, showProblem, announce, busy, setQuery } from './ui.js';
import { TA, STATUS_SUREL } from './teks-admin.js';
import { wajibAdmin } from './admin-dasar.js';
import { kosong as kosongKe, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const waktu = (s) => (s ? new Date(s * 1000).toLocaleString(FMT.lokal, { dateStyle: 'long', timeStyle: 'short' }) : '');

export async function surelKeluar(root, ctx, params, query) {
  if (!wajibAdmin(root, ctx)) return;
  const status = el('select', {}, el('option', { value: '' }, TA.semua),
    Object.entries(STATUS_SUREL).map(([v, t]) => el('option', { value: v }, t)));
  status.value = STATUS_SUREL[query.get('status')] ? query.get('status') : '';
  const box = alertBox();
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': TA.surelJudul, novalidate: true },
    el('div', { class: 'lebar' }, ...labelled(TA.statusSurel, status)), el('button', { type: 'submit', class: 'kedua' }, T.tampilkan));
  const daftar = el('ul', { class: 'daftar daftar-surel' });
  const kosong = kosongKe(TA.surelKosong, { label: KOSONG.kePengaturan, href: '#/admin/pengaturan' }, { hidden: true });
  const memuat = el('p', { class: 'memuat', hidden: true }, T.memuat);
  const lagi = el('button', { type: 'button', class: 'kedua', hidden: true }, TA.lagi);
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/admin' }, `← ${TA.adminJudul}`)),
    el('h2', {}, TA.surelJudul), el('p', { class: 'ket' }, TA.surelKet), filter, box, memuat, daftar, kosong, lagi);
  let cursor = null;
  let n = 0;

  function kartu(s) {
    const li = el('li', { class: 'kartu' });
    const isi = () => {
      li.replaceChildren(
        el('p', { class: 'judul-kartu' }, el('strong', {}, s.subjek), el('span', { class: `lencana lencana-surel-${s.status}` }, STATUS_SUREL[s.status] || s.status)),
        el('p', {}, `${TA.kepada}: ${s.pegawai ? `${s.pegawai.nama} ` : ''}<${s.kepada}>`),
        el('p', { class: 'ket' }, `${TA.dibuat} ${waktu(s.dibuat)} · ${TA.percobaan(s.percobaan)}`),
        s.dikirim ? el('p', { class: 'ket' }, `${TA.dikirim} ${waktu(s.dikirim)}`) : null,
        s.status === 'antri' && s.percobaan ? el('p', { class: 'ket' }, `${TA.cobaLagi} ${waktu(s.coba_lagi)}`) : null,
        s.galat ? el('p', { class: 'galat-surel teks-panjang' }, `${TA.galat}: ${s.galat}`) : null,
        s.status === 'gagal' ? el('button', { type: 'button', class: 'kecil', 'aria-label': TA.kirimUlangLabel(s.subjek), on: { click: ulang } }, TA.kirimUlang) : null);
    };
    const ulang = async () => {
      try {
        Object.assign(s, await busy(li, () => api('POST', `/api/v1/surel/${s.id}/ulang`)));
      } catch (e) { showProblem(box, e); return; }
      showAlert(box, '');
      isi();
      announce(TA.diantreUlang);
      li.querySelector('strong').setAttribute('tabindex', '-1');
      li.querySelector('strong').focus();
    };
    isi();
    return li;
  }

  async function muat(reset) {
    const p = new URLSearchParams({ limit: '30' });
    if (status.value) p.set('status', status.value);
    if (!reset && cursor) p.set('cursor', cursor);
    memuat.hidden = false;
    let page;
    try { page = await api('GET', `/api/v1/surel?${p}`); } finally { memuat.hidden = true; }
    if (reset) { daftar.replaceChildren(); n = 0; }
    page.items.forEach((s) => daftar.append(kartu(s)));
    n += page.items.length;
    cursor = page.next_cursor;
    lagi.hidden = !cursor;
    kosong.hidden = n > 0;
  }

  const saring = async () => {
    showAlert(box, '');
    setQuery(status.value ? { status: status.value } : {});
    try { await busy(filter, () => muat(true)); } catch (e) { showProblem(box, e); }
  };
  filter.addEventListener('submit', (ev) => { ev.preventDefault(); saring(); });
  status.addEventListener('change', saring);
  lagi.addEventListener('click', async () => {
    try { await busy(root, () => muat(false)); } catch (e) { showProblem(box, e); }
  });
  try { await muat(true); } catch (e) { showProblem(box, e); }
}
