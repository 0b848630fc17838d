// persetujuan.js: "Persetujuan SKP" (#/persetujuan): the SKP the signed-in pegawai assesses,
// waiting ones first (status=diajukan), or all of them with the toggle (#/persetujuan?semua=1).
import { api } from './api.js';
import { T } from './teks.js';
import { el, badge, alertBox, showProblem, busy, setQuery } from './ui.js';
import { kosong as kosongKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export async function persetujuan(root, ctx, params, query) {
  root.append(el('h2', {}, T.persetujuan));
  if (!ctx.me.pegawai) { root.append(el('p', {}, T.tanpaPegawai)); return; }
  const semua = el('input', { type: 'checkbox', id: 'semua-dinilai', checked: query.get('semua') === '1' });
  const box = alertBox();
  const ringkas = el('p', { class: 'ringkas', role: 'status' });
  const daftar = el('ul', { class: 'daftar' });
  const lagi = el('button', { type: 'button', class: 'kedua', hidden: true }, T.lagi);
  // nothing waiting: look at every SKP assessed; nothing at all: the bawahan on the home screen
  const kosong = el('div', { hidden: true });
  root.append(el('p', { class: 'centang' }, semua, el('label', { for: 'semua-dinilai' }, T.semuaDinilai)), box, ringkas, kosong, daftar, lagi);
  let cursor = null;
  let n = 0;

  function item(s) {
    return el('li', { class: 'kartu' },
      el('p', { class: 'judul-kartu' }, el('a', { href: `#/skp/${s.id}` }, s.pegawai.nama_lengkap), ' ', badge(s.status)),
      el('p', { class: 'nip' }, T.nip(s.pegawai.nip)),
      s.pegawai.jabatan ? el('p', {}, s.pegawai.jabatan) : null,
      el('p', {}, `${T.judulSkp(s.tahun)} · ${T.jumlahRhk(s.jumlah_rhk)}`));
  }

  async function load(reset) {
    if (reset) { cursor = null; n = 0; daftar.replaceChildren(); }
    const p = new URLSearchParams({ penilai: 'saya', limit: '20' });
    if (!semua.checked) p.set('status', 'diajukan');
    if (cursor) p.set('cursor', cursor);
    const page = await api('GET', `/api/v1/skp?${p}`);
    page.items.forEach((s) => daftar.append(item(s)));
    n += page.items.length;
    cursor = page.next_cursor;
    lagi.hidden = !cursor;
    const jumlah = cursor ? `${n}+` : n;
    kosong.hidden = n > 0;
    kosong.replaceChildren(...(n > 0 ? [] : [semua.checked ? kosongKe(T.tidakAdaDinilai, { label: KOSONG.keBawahan, href: '#/' })
      : kosongKe(T.tidakAdaMenunggu, { label: KOSONG.kePersetujuan, on: () => { semua.checked = true; semua.dispatchEvent(new Event('change')); } })]));
    ringkas.textContent = n === 0 ? ''
      : semua.checked ? T.dinilai(jumlah) : T.menunggu(jumlah);
  }

  semua.addEventListener('change', async () => {
    setQuery(semua.checked ? { semua: '1' } : {});
    try { await load(true); } catch (e) { showProblem(box, e); }
  });
  lagi.addEventListener('click', async () => {
    try { await busy(root, () => load(false)); } catch (e) { showProblem(box, e); }
  });
  await load(true);
}
