// skp-saya.js: "SKP Saya": the signed-in pegawai's SKP, latest year first, and creating this
// year's SKP (empty or copied from last year's).
import { api } from './api.js';
import { T, tanggal } from './teks.js';
import { el, badge, alertBox, showProblem, busy } from './ui.js';

export async function skpSaya(root, ctx) {
  const me = ctx.me;
  root.append(el('h2', {}, T.skpSaya));
  if (!me.pegawai) { root.append(el('p', {}, T.tanpaPegawai)); return; }
  const box = alertBox();
  const isi = el('div');
  root.append(box, isi);
  const data = await api('GET', `/api/v1/skp?pegawai_id=${me.pegawai.id}&limit=200`);
  const items = data.items.slice().sort((a, b) => b.tahun - a.tahun || (b.mulai < a.mulai ? -1 : b.mulai > a.mulai ? 1 : 0));
  const tahun = new Date().getFullYear();
  const ini = items.filter((s) => s.tahun === tahun);
  const lalu = items.find((s) => s.tahun === tahun - 1);

  if (!ini.length) {
    const panel = el('section', { class: 'panel', 'data-kosong': '', 'aria-labelledby': 'judul-buat' },
      el('h3', { id: 'judul-buat' }, T.belumAdaSkp(tahun)));
    const buat = async (body) => {
      try {
        const skp = await busy(panel, () => api('POST', '/api/v1/skp', body));
        ctx.go(`#/skp/${skp.id}`);
      } catch (e) {
        showProblem(box, e);
      }
    };
    panel.append(el('button', { type: 'button', on: { click: () => buat({ tahun }) } }, T.buat(tahun)));
    if (lalu) {
      panel.append(el('button', { type: 'button', class: 'kedua', 'aria-describedby': 'ket-salin',
        on: { click: () => buat({ tahun, salin_dari: lalu.id }) } }, T.salin),
      el('p', { class: 'ket', id: 'ket-salin' }, T.salinKet(lalu.tahun)));
    }
    isi.append(panel);
  }

  if (items.length) {
    const perTahun = {};
    items.forEach((s) => { perTahun[s.tahun] = (perTahun[s.tahun] || 0) + 1; });
    isi.append(el('h3', {}, T.riwayatSkp));
    isi.append(el('ul', { class: 'daftar' }, items.map((s) => {
      const periode = `${tanggal(s.mulai)} – ${tanggal(s.selesai)}`;
      const buka = perTahun[s.tahun] > 1 ? `${T.bukaSkp(s.tahun)} (${periode})` : T.bukaSkp(s.tahun);
      return el('li', { class: 'kartu' },
        el('p', { class: 'judul-kartu' }, el('strong', {}, T.judulSkp(s.tahun)), ' ', badge(s.status)),
        el('p', {}, periode),
        s.pegawai.jabatan ? el('p', {}, s.pegawai.jabatan) : null,
        el('p', {}, `${T.penilai}: ${s.penilai ? s.penilai.nama : T.kosong}`),
        el('p', {}, T.jumlahRhk(s.jumlah_rhk)),
        el('p', { class: 'tautan' },
          el('a', { class: 'tombol', href: `#/skp/${s.id}` }, buka),
          me.jumlah_bawahan > 0 ? el('a', { class: 'tombol kedua', href: `#/skp/${s.id}/matriks`, 'aria-label': `${T.matriks} SKP ${s.tahun}` }, T.matriks) : null));
    })));
  }
}
