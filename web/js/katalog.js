// katalog.js: "Katalog pelatihan" (#/katalog; admin): the training themes the development
// recommendations draw from.  Add or change a theme (judul, deskripsi, the BerAKHLAK value it
// develops, whether it answers IKI below target, keywords found in feedback); retire one (kept
// for the audit trail, no longer recommended) after a confirmation.
import { api } from './api.js';
import { T, BERAKHLAK } from './teks.js';
import { el, fill, put, labelled, alertBox, showAlert, showProblem, announce, busy, nextId } from './ui.js';
import { TD } from './teks-dasbor.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export async function katalog(root, ctx) {
  const admin = ctx.me.pengguna.peran.includes('admin');
  if (!admin) { root.append(el('h2', {}, TD.aksesDitolak), el('p', {}, TD.katalogKet)); return; }
  const box = alertBox();
  const semua = el('input', { type: 'checkbox', id: nextId('semua') });
  const daftar = el('div', { class: 'daftar-katalog' }, el('p', { class: 'memuat' }, T.memuat));
  const wadahForm = el('div');
  put(root, el('p', { class: 'jejak' }, el('a', { href: '#/analitik' }, `← ${TD.analitikJudul}`)),
    el('h2', {}, TD.katalogJudul), el('p', { class: 'ket' }, TD.katalogKet), box, wadahForm,
    el('div', { class: 'centang' }, semua, el('label', { for: semua.id }, TD.tampilkanPensiun)), daftar);
  semua.addEventListener('change', () => muat().catch((e) => showProblem(box, e)));
  formulir(null);
  await muat();

  async function muat() {
    const d = await api('GET', `/api/v1/katalog-pelatihan${semua.checked ? '?semua=1' : ''}`);
    const items = d.items.slice().sort((a, b) => (b.aktif - a.aktif) || a.judul.localeCompare(b.judul, 'id'));
    fill(daftar, items.length ? el('ul', { class: 'daftar' }, items.map(kartu)) : kosong(TD.katalogKosong));
  }

  function kartu(k) {
    const li = el('li', { class: k.aktif ? 'tema' : 'tema pensiun', dataset: { katalog: String(k.id) } },
      el('p', { class: 'judul-kartu' }, el('strong', {}, k.judul), k.aktif ? null : el('span', { class: 'lencana lencana-ditutup' }, TD.dipensiunkan)),
      k.deskripsi ? el('p', {}, k.deskripsi) : null,
      el('p', { class: 'ket' }, [k.nilai ? TD.nilaiLabel(BERAKHLAK[k.nilai - 1]) : null, k.hasil_kerja ? TD.hasilKerjaLabel : null,
        k.kata_kunci && k.kata_kunci.length ? TD.kataKunciLabel(k.kata_kunci.join(', ')) : null].filter(Boolean).join(' · ')));
    if (k.aktif) {
      const ubah = el('button', { type: 'button', class: 'kedua kecil' }, TD.ubah, el('span', { class: 'sr-only' }, ` ${k.judul}`));
      const pensiun = el('button', { type: 'button', class: 'kecil bahaya' }, TD.pensiunkan, el('span', { class: 'sr-only' }, ` ${k.judul}`));
      ubah.addEventListener('click', () => { formulir(k); wadahForm.querySelector('input')?.focus(); });
      pensiun.addEventListener('click', async () => {
        if (!window.confirm(TD.konfirmasiPensiun(k.judul))) return;
        try {
          await busy(li, () => api('DELETE', `/api/v1/katalog-pelatihan/${k.id}`));
          showAlert(box, '');
          announce(TD.temaDipensiun(k.judul));
          await muat();
        } catch (e) { showProblem(box, e); }
      });
      li.append(el('div', { class: 'aksi' }, ubah, pensiun));
    }
    return li;
  }

  function formulir(k) {
    const fbox = alertBox();
    const judul = el('input', { 'data-field': 'judul', maxlength: 200, value: k ? k.judul : '', autocomplete: 'off' });
    const desk = el('textarea', { rows: 3, 'data-field': 'deskripsi', maxlength: 4000 });
    desk.value = k && k.deskripsi ? k.deskripsi : '';
    const nilai = el('select', { 'data-field': 'nilai' }, el('option', { value: '' }, TD.tanpaNilai),
      BERAKHLAK.map((n, i) => el('option', { value: String(i + 1) }, n)));
    nilai.value = k && k.nilai ? String(k.nilai) : '';
    const hk = el('input', { type: 'checkbox', id: nextId('hk'), 'data-field': 'hasil_kerja', checked: !!(k && k.hasil_kerja) });
    const kunci = el('input', { 'data-field': 'kata_kunci', value: k && k.kata_kunci ? k.kata_kunci.join(', ') : '', autocomplete: 'off' });
    const batal = k ? el('button', { type: 'button', class: 'kedua' }, TD.batal) : null;
    const idJ = nextId('judul-form');
    const f = el('form', { class: 'panel form-katalog', novalidate: true, 'aria-labelledby': idJ },
      el('h3', { id: idJ, tabindex: -1 }, k ? TD.ubahTema(k.judul) : TD.tambahTema), fbox,
      ...labelled(TD.judulTema, judul), ...labelled(TD.deskripsi, desk), ...labelled(TD.nilaiBerakhlak, nilai),
      el('div', { class: 'centang' }, hk, el('label', { for: hk.id }, TD.hasilKerja)),
      ...labelled(TD.kataKunci, kunci, TD.kataKunciKet),
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, k ? TD.simpan : TD.tambahTema), batal));
    if (batal) batal.addEventListener('click', () => { formulir(null); });
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const kata = kunci.value.split(',').map((x) => x.trim()).filter(Boolean);
      const data = { judul: judul.value.trim(), deskripsi: desk.value.trim() || null, nilai: nilai.value ? Number(nilai.value) : null,
        hasil_kerja: hk.checked, kata_kunci: kata.length ? kata : null };
      try {
        const r = await busy(f, () => (k ? api('PATCH', `/api/v1/katalog-pelatihan/${k.id}`, data) : api('POST', '/api/v1/katalog-pelatihan', data)));
        announce(k ? TD.temaTersimpan(r.judul) : TD.temaDitambah(r.judul));
        formulir(null);
        await muat();
      } catch (e) { showProblem(fbox, e, f); }
    });
    fill(wadahForm, f);
  }
}
