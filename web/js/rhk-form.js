// rhk-form.js: the form to add or edit one RHK with its IKI rows (kuantitatif: aspek, indikator,
// target angka and satuan; kualitatif: indikator and a target statement).
import { T, KELOMPOK, ASPEK, PERSPEKTIF, angkaIsian } from './teks.js';
import { el, put, labelled, nextId, alertBox, showProblem, clearErrors, busy } from './ui.js';

const IKI_MAX = 10;

function options(map, selected) {
  return Object.entries(map).map(([v, t]) => el('option', { value: v, selected: v === selected }, t));
}

/**
 * rhkForm({skp, rhk, no, atasan, onSave, onCancel}) → <form>
 *  rhk: the row to edit (null to add); atasan: promise of GET /skp/{id}/rhk-atasan;
 *  onSave(body) saves (throws the API error; the form shows it).
 */
export function rhkForm({ skp, rhk, no, atasan, onSave, onCancel }) {
  const kuant = skp.pendekatan !== 'kualitatif';
  const jpt = skp.jenis === 'jpt';
  const judulId = nextId('judul');
  const form = el('form', { class: 'panel rhk-form', novalidate: true, 'aria-labelledby': judulId });
  const box = alertBox();

  const kelompok = el('select', { 'data-field': 'kelompok' }, options(KELOMPOK, rhk ? rhk.kelompok : 'utama'));
  const teks = el('textarea', { rows: 3, 'data-field': 'rhk' });
  teks.value = rhk ? rhk.rhk : '';

  const pilihAtasan = el('select', { 'data-field': 'rhk_atasan_id', disabled: true },
    el('option', { value: '' }, T.memuatAtasan));
  const pesanAtasan = el('p', { class: 'ket', hidden: true });
  const current = rhk && rhk.rhk_atasan ? rhk.rhk_atasan : null;
  Promise.resolve(atasan).then((a) => {
    const opts = [el('option', { value: '' }, T.tanpaAtasan)];
    const seen = new Set();
    for (const it of a.items) {
      seen.add(it.id);
      opts.push(el('option', { value: String(it.id) }, `${KELOMPOK[it.kelompok] ? KELOMPOK[it.kelompok].slice(0, 1) + '. ' : ''}${it.rhk}`));
    }
    if (current && !seen.has(current.id)) opts.push(el('option', { value: String(current.id) }, current.rhk));
    pilihAtasan.replaceChildren(...opts);
    pilihAtasan.value = current ? String(current.id) : '';
    pilihAtasan.disabled = false;
    if (a.pesan) { pesanAtasan.textContent = a.pesan; pesanAtasan.hidden = false; }
  }, (e) => {
    pilihAtasan.replaceChildren(el('option', { value: current ? String(current.id) : '' }, current ? current.rhk : T.tanpaAtasan));
    pilihAtasan.disabled = false;
    pesanAtasan.textContent = e.message;
    pesanAtasan.hidden = false;
  });

  let perspektif = null;
  if (jpt) {
    perspektif = el('select', { 'data-field': 'perspektif' },
      el('option', { value: '' }, T.pilihPerspektif), options(PERSPEKTIF, rhk ? rhk.perspektif : ''));
  }

  // IKI rows
  const ikiBox = el('div', { class: 'iki-baris' });
  const ikiSet = el('fieldset', { class: 'iki-set', 'data-field': 'iki' }, el('legend', {}, T.ikiJudul), ikiBox);
  const tambahIki = el('button', { type: 'button', class: 'kedua', on: { click: () => { addIki(null); renumber(); ikiBox.lastChild.querySelector('input, select').focus(); } } }, T.tambahIki);
  ikiSet.append(tambahIki);

  function addIki(k) {
    const row = el('fieldset', { class: 'iki' });
    const legend = el('legend', {});
    row.append(legend);
    const indikator = el('input', { type: 'text', autocomplete: 'off' });
    indikator.value = k ? k.indikator : '';
    row._f = { indikator };
    if (kuant) {
      const aspek = el('select', {}, options(ASPEK, k && k.aspek ? k.aspek : 'kuantitas'));
      const angka = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
      angka.value = k ? angkaIsian(k.target_angka) : '';
      const satuan = el('input', { type: 'text', autocomplete: 'off' });
      satuan.value = k && k.target_satuan ? k.target_satuan : '';
      row._f.aspek = aspek; row._f.angka = angka; row._f.satuan = satuan;
      row.append(...labelled(T.aspek, aspek), ...labelled(T.indikator, indikator),
        el('div', { class: 'dua-kolom' },
          el('div', {}, ...labelled(T.targetAngka, angka, T.targetAngkaKet)),
          el('div', {}, ...labelled(T.satuan, satuan, T.satuanKet))));
    } else {
      const pernyataan = el('textarea', { rows: 2 });
      pernyataan.value = k && k.target_teks ? k.target_teks : '';
      row._f.teks = pernyataan;
      row.append(...labelled(T.indikator, indikator), ...labelled(T.targetTeks, pernyataan));
    }
    const hapus = el('button', { type: 'button', class: 'kecil kedua', on: { click: () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber();
      (next ? next.querySelector('input, select') : tambahIki).focus();
    } } }, T.hapusIkiSaja);
    row._f.hapus = hapus;
    row.append(hapus);
    ikiBox.append(row);
  }

  // data-field follows the position in the array that is sent: iki[0].target_angka, …
  function renumber() {
    const rows = [...ikiBox.children];
    rows.forEach((row, i) => {
      const n = i + 1;
      row.querySelector('legend').textContent = T.ikiNo(n);
      row.dataset.legend = T.ikiNo(n);
      const f = row._f;
      f.indikator.dataset.field = `iki[${i}].indikator`;
      if (f.aspek) {
        f.aspek.dataset.field = `iki[${i}].aspek`;
        f.angka.dataset.field = `iki[${i}].target_angka`;
        f.satuan.dataset.field = `iki[${i}].target_satuan`;
      }
      if (f.teks) f.teks.dataset.field = `iki[${i}].target_teks`;
      f.hapus.setAttribute('aria-label', T.hapusIki(n));
      f.hapus.hidden = rows.length === 1;
    });
    tambahIki.hidden = rows.length >= IKI_MAX;
  }

  (rhk && rhk.iki.length ? rhk.iki : [null]).forEach(addIki);
  renumber();

  function body() {
    const b = { kelompok: kelompok.value, rhk: teks.value.trim(), rhk_atasan_id: pilihAtasan.value ? Number(pilihAtasan.value) : null };
    // still loading, or unchanged: leave the link as it is (the API re-checks any link it is sent)
    if (pilihAtasan.disabled || (rhk && b.rhk_atasan_id === (current ? current.id : null))) delete b.rhk_atasan_id;
    if (perspektif) b.perspektif = perspektif.value || null;
    b.iki = [...ikiBox.children].map((row) => {
      const f = row._f;
      const k = { indikator: f.indikator.value.trim() };
      if (f.aspek) {
        k.aspek = f.aspek.value;
        const a = f.angka.value.trim();
        if (a) k.target_angka = a;   // empty: left out, so the API says it is required
        k.target_satuan = f.satuan.value.trim();
      } else {
        k.target_teks = f.teks.value.trim();
      }
      return k;
    });
    return b;
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    box.hidden = true;
    try {
      await busy(form, () => onSave(body()));
    } catch (e) {
      showProblem(box, e, form);
    }
  });

  put(form,
    el('h4', { id: judulId }, rhk ? T.judulUbahRhk(no) : T.judulTambahRhk),
    box,
    ...labelled(T.kelompok, kelompok),
    ...labelled(T.teksRhk, teks),
    ...labelled(T.rhkAtasan, pilihAtasan, T.rhkAtasanKet), pesanAtasan,
    perspektif ? labelled(T.perspektif, perspektif) : null,
    ikiSet,
    el('div', { class: 'aksi' },
      el('button', { type: 'submit' }, T.simpanRhk),
      el('button', { type: 'button', class: 'kedua', on: { click: onCancel } }, T.batal)));
  return form;
}
