// umpan-balik.js: the feedback thread of an SKP, shown on its page (skp.js): feedback and notes
// of performance dialogues (dialog kinerja, with their date) between the pegawai, the penilai
// and the atasan above, with one level of replies.  Others may read it but not write.
import { api } from './api.js';
import { T, tanggal, waktuUnix, hariIni } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, announce, busy } from './ui.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

/** The section (filled when the thread has loaded; removed when the user may not read it). */
export function umpanBalik(skpId, bolehTulis) {
  const box = alertBox();
  const daftar = el('div', {}, el('p', { class: 'memuat' }, T.memuat));
  const sec = el('section', { class: 'umpan-balik', 'aria-labelledby': 'judul-umpan-balik' },
    el('h3', { id: 'judul-umpan-balik', tabindex: -1 }, T.umpanBalikJudul), box, daftar);
  let items = [];

  async function kirim(scope, fbox, data) {
    showAlert(box, '');
    try {
      const r = await busy(scope, () => api('POST', '/api/v1/umpan-balik', { entitas: 'skp', entitas_id: skpId, ...data }));
      items = r.items;
      render();
      announce(T.umpanBalikTerkirim);
      const baru = sec.querySelector(`#ub-${r.id}`);
      if (baru) baru.focus();
      return true;
    } catch (e) {
      showProblem(fbox, e, scope);
      return false;
    }
  }

  function formBaru() {
    const fbox = alertBox();
    const isi = el('textarea', { rows: 3, 'data-field': 'isi' });
    const jenis = el('select', { 'data-field': 'jenis' },
      el('option', { value: 'umpan_balik' }, T.jenisUmpanBalik), el('option', { value: 'dialog_kinerja' }, T.jenisDialog));
    const tgl = el('input', { type: 'date', 'data-field': 'tanggal', max: hariIni() });
    tgl.value = hariIni();
    const wadahTgl = el('div', { hidden: true }, ...labelled(T.tanggalDialog, tgl));
    jenis.addEventListener('change', () => { wadahTgl.hidden = jenis.value !== 'dialog_kinerja'; });
    const form = el('form', { class: 'panel form-umpan-balik', novalidate: true },
      fbox, ...labelled(T.tulisUmpanBalik, isi), ...labelled(T.jenisCatatan, jenis), wadahTgl,
      el('button', { type: 'submit' }, T.kirim));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = { isi: isi.value.trim(), jenis: jenis.value };
      if (jenis.value === 'dialog_kinerja' && tgl.value) data.tanggal = tgl.value;
      if (await kirim(form, fbox, data)) { isi.value = ''; }
    });
    return form;
  }

  function formBalas(induk, wadah) {
    const fbox = alertBox();
    const isi = el('textarea', { rows: 2, 'data-field': 'isi' });
    const form = el('form', { class: 'form-balas', novalidate: true, 'aria-label': T.balasKe(induk.penulis.nama) },
      fbox, ...labelled(T.tulisBalasan, isi),
      el('div', { class: 'aksi' }, el('button', { type: 'submit', class: 'kecil' }, T.kirim),
        el('button', { type: 'button', class: 'kecil kedua', on: { click: () => { wadah.replaceChildren(tombolBalas(induk, wadah)); } } }, T.batal)));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      await kirim(form, fbox, { isi: isi.value.trim(), induk_id: induk.id });
    });
    setTimeout(() => isi.focus(), 0);
    return form;
  }

  function tombolBalas(u, wadah) {
    return el('button', { type: 'button', class: 'kecil kedua', 'aria-label': T.balasKe(u.penulis.nama),
      on: { click: () => { wadah.replaceChildren(formBalas(u, wadah)); } } }, T.balas);
  }

  function pesan(u, bisaBalas) {
    const li = el('li', { class: `kartu ub-${u.jenis}`, id: `ub-${u.id}`, tabindex: -1 },
      el('p', { class: 'judul-kartu' }, el('strong', {}, u.penulis.nama),
        u.jenis === 'dialog_kinerja' ? el('span', { class: 'lencana lencana-dialog' }, T.dialogPada(tanggal(u.tanggal))) : null),
      el('p', { class: 'teks-panjang' }, u.isi),
      el('p', { class: 'ket' }, waktuUnix(u.dibuat)));
    const balasan = items.filter((x) => x.induk_id === u.id);
    if (balasan.length) li.append(el('ul', { class: 'balasan' }, balasan.map((b) => pesan(b, false))));
    if (bisaBalas && bolehTulis) {
      const wadah = el('div');
      wadah.append(tombolBalas(u, wadah));
      li.append(wadah);
    }
    return li;
  }

  function render() {
    const akar = items.filter((x) => !x.induk_id || !items.some((y) => y.id === x.induk_id));
    fill(daftar,
      akar.length ? el('ul', { class: 'daftar utas' }, akar.map((u) => pesan(u, true)))
        : kosong(T.umpanBalikKosong, bolehTulis ? { label: KOSONG.tulisUmpanBalik, on: fokusKe(() => daftar.querySelector('form')) } : null),
      bolehTulis ? formBaru() : null);
  }

  api('GET', `/api/v1/umpan-balik?entitas=skp&entitas_id=${skpId}`).then((d) => {
    items = d.items;
    render();
  }).catch((e) => {
    if (e.status === 403 || e.status === 404) sec.remove();
    else fill(daftar, el('p', { class: 'kosong' }, e.message));
  });
  return sec;
}
