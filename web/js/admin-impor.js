// admin-impor.js: "Impor pegawai" (#/admin/impor): a SIASN-style CSV is first checked by the
// server (?uji=1: nothing stored) and its row-numbered errors shown; only a file that passes can
// be imported, with an upload progress bar and the summary.  The import is one transaction on
// the server: a rejected file changes nothing.
import { el, fill, labelled, alertBox, showAlert, showProblem, announce, busy, galatLokal, nextId, clearErrors } from './ui.js';
import { TA } from './teks-admin.js';
import { wajibAdmin, kirimBerkas, galatBaris, tabelGalat, kemajuanUnggah } from './admin-dasar.js';

export async function imporPegawai(root, ctx) {
  if (!wajibAdmin(root, ctx)) return;
  const box = alertBox();
  const berkas = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', 'data-field': 'berkas' });
  const buatId = nextId('buat');
  const buat = el('input', { type: 'checkbox', id: buatId });
  const tgl = el('input', { type: 'date', 'data-field': 'tanggal' });
  const periksa = el('button', { type: 'submit' }, TA.periksa);
  const impor = el('button', { type: 'button', hidden: true }, TA.imporSekarang);
  const kemajuan = kemajuanUnggah();
  const hasil = el('section', { class: 'hasil-impor' });
  const form = el('form', { class: 'panel', novalidate: true },
    box, ...labelled(TA.berkas, berkas, TA.berkasKet),
    el('div', { class: 'centang' }, buat, el('label', { for: buatId }, TA.buatBaru)),
    ...labelled(TA.tanggalImpor, tgl, TA.tanggalImporKet),
    el('div', { class: 'aksi' }, periksa, impor), kemajuan);
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/admin' }, `← ${TA.adminJudul}`)),
    el('h2', {}, TA.imporJudul), el('p', { class: 'ket' }, TA.imporKet),
    el('p', { class: 'tautan' },
      el('a', { class: 'tombol kedua', href: '/docs/contoh-pegawai.csv', download: 'contoh-pegawai.csv' }, TA.contohCsv),
      el('a', { class: 'tombol kedua', href: '/docs/import-pegawai.md' }, TA.panduanCsv)),
    form, hasil);

  const reset = () => { impor.hidden = true; };
  berkas.addEventListener('change', () => { reset(); if (hasil.firstChild) { fill(hasil, el('p', { class: 'ket' }, TA.berkasBerubah)); } });
  buat.addEventListener('change', reset);
  tgl.addEventListener('change', reset);

  function alamat(uji) {
    const q = new URLSearchParams();
    if (uji) q.set('uji', '1');
    if (buat.checked) q.set('buat', '1');
    if (tgl.value) q.set('tanggal', tgl.value);
    const s = q.toString();
    return `/api/v1/import/pegawai${s ? '?' + s : ''}`;
  }

  async function kirim(uji) {
    showAlert(box, '');
    clearErrors(form);
    const f = berkas.files && berkas.files[0];
    if (!f) { showProblem(box, galatLokal('berkas', TA.pilihBerkas), form); return; }
    fill(hasil);
    kemajuan.mulai();
    let r;
    try {
      r = await busy(form, () => kirimBerkas(alamat(uji), f, (x) => kemajuan.set(x)));
    } catch (e) {
      kemajuan.selesai();
      impor.hidden = true;
      const rows = galatBaris(e);
      if (e.status === 422 && rows.length && rows.some((x) => x.baris)) {
        fill(hasil, el('h3', { tabindex: -1 }, TA.ditolak(rows.length)), tabelGalat(rows));
        hasil.querySelector('h3').focus();
      } else {
        showProblem(box, e, form);
      }
      return;
    }
    kemajuan.selesai();
    if (uji) {
      fill(hasil, el('h3', { tabindex: -1, class: 'baik' }, TA.lolosUji(r.baris)), el('p', {}, TA.ringkasUji(r)));
      impor.hidden = false;
      hasil.querySelector('h3').focus();
    } else {
      impor.hidden = true;
      fill(hasil, el('h3', { tabindex: -1, class: 'baik' }, TA.selesaiImpor(r)),
        el('p', {}, el('a', { class: 'tautan-sentuh', href: '#/admin/pegawai' }, TA.pegawaiJudul)));
      announce(TA.selesaiImpor(r));
      hasil.querySelector('h3').focus();
    }
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); kirim(true); });
  impor.addEventListener('click', () => kirim(false));
}
