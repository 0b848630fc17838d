// angka-kredit.js: "Angka kredit" (#/angka-kredit for the user's own pegawai,
// #/pegawai/{id}/angka-kredit for a pegawai of the atasan's team; ?tahun=2026 narrows it): the
// ledger from the final periodic penilaian: per period the months, predikat, percentage and
// angka kredit, the total, what is still needed, and how it was computed.
import { api } from './api.js';
import { T, TP, PREDIKAT, angka, angkaDesimal, bulanTahun } from './teks.js';
import { el, put, labelled, alertBox, showProblem } from './ui.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export async function angkaKredit(root, ctx, params, query) {
  const me = ctx.me;
  const pid = params[0] ? Number(params[0]) : me.pegawai && me.pegawai.id;
  if (!pid) { root.append(el('h2', {}, TP.akJudul), el('p', {}, T.tanpaPegawai)); return; }
  const milik = me.pegawai && me.pegawai.id === pid;
  const orang = milik ? null : await api('GET', `/api/v1/pegawai/${pid}`);
  const dasar = params[0] ? `#/pegawai/${pid}/angka-kredit` : '#/angka-kredit';
  const tahun = /^\d{4}$/.test(query.get('tahun') || '') ? query.get('tahun') : '';
  const tIn = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, value: tahun, placeholder: TP.semuaTahun });
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': T.pilihTahun, novalidate: true },
    el('div', { class: 'lebar' }, ...labelled(TP.tahunBilaKosong, tIn)),
    el('button', { type: 'submit', class: 'kedua' }, T.tampilkan));
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = tIn.value.trim();
    ctx.go(/^\d{4}$/.test(t) ? `${dasar}?tahun=${t}` : dasar);
  });
  const box = alertBox();
  put(root, params[0] ? el('p', { class: 'jejak' }, el('a', { href: '#/penilaian' }, `← ${TP.kembali}`)) : null,
    el('h2', {}, orang ? TP.akJudulOrang(orang.nama_lengkap) : TP.akJudul), el('p', { class: 'ket' }, TP.akKet), filter, box);
  let d;
  try {
    d = await api('GET', `/api/v1/pegawai/${pid}/angka-kredit${tahun ? `?tahun=${tahun}` : ''}`);
  } catch (e) {
    if (e.status === 409) {
      root.append(el('div', { class: 'peringatan-ringan', role: 'status' }, el('p', {}, TP.bukanJf), el('p', { class: 'ket' }, kalimat(e.message))));
      return;
    }
    showProblem(box, e);
    return;
  }
  root.append(el('p', {}, TP.jenjangLabel(d.jenjang_label || d.jenjang)));
  if (!d.rincian.length) root.append(kosong(TP.akKosong, { label: KOSONG.kePenilaian, href: '#/penilaian' }));
  if (d.rincian.length) {
    let sen = 0;   // the running total in hundredths, from the rounded amounts shown
    root.append(el('div', { class: 'gulir', role: 'region', tabindex: 0, 'aria-label': TP.akJudul }, el('table', { class: 'tabel-ak' },
      el('caption', { class: 'sr-only' }, TP.akJudul),
      el('thead', {}, el('tr', {}, [TP.kolomPeriode, TP.kolomBulan, TP.kolomPredikat, TP.kolomPersentase, TP.kolomAk, TP.kolomKumulatif].map((t) => el('th', { scope: 'col' }, t)))),
      el('tbody', {}, d.rincian.map((r) => { sen += Math.round(Number(r.ak) * 100); return el('tr', {},
        el('th', { scope: 'row' }, r.penilaian_id ? el('a', { href: `#/penilaian/${r.penilaian_id}` }, periode(r)) : periode(r)),
        el('td', { class: 'angka' }, angka(r.bulan)),
        el('td', {}, PREDIKAT[r.predikat] || r.predikat),
        el('td', { class: 'angka' }, `${angka(r.persen)}%`),
        el('td', { class: 'angka' }, angkaDesimal(r.ak)),
        el('td', { class: 'angka' }, angkaDesimal(sen / 100))); })),
      el('tfoot', {}, el('tr', {}, el('th', { scope: 'row', colspan: 4 }, TP.total), el('td', { class: 'angka' }, el('strong', {}, angkaDesimal(d.total))), el('td', {}))))));
  }
  const dl = el('dl', { class: 'identitas ak-ringkas' }, el('dt', {}, TP.total), el('dd', {}, angkaDesimal(d.total)));
  if (d.kebutuhan_pangkat !== undefined) {
    const maju = (k) => el('progress', { max: String(k), value: String(Math.min(Number(d.total), k)), 'aria-label': TP.kemajuan(angkaDesimal(d.total), angka(k)) });
    dl.append(el('dt', {}, TP.kebutuhanPangkat), el('dd', {}, `${angka(d.kebutuhan_pangkat)} (${TP.kekurangan(angkaDesimal(d.kekurangan_pangkat))})`, d.kebutuhan_pangkat > 0 ? maju(d.kebutuhan_pangkat) : null),
      el('dt', {}, TP.kebutuhanJenjang), el('dd', {}, d.kebutuhan_jenjang === null ? TP.jenjangTertinggi
        : `${angka(d.kebutuhan_jenjang)} (${TP.kekurangan(angkaDesimal(d.kekurangan_jenjang))})`));
  }
  root.append(dl, el('h3', {}, TP.penjelasan), el('ul', { class: 'penjelasan' }, (d.penjelasan || []).map((t) => el('li', {}, kalimat(t)))));
}

function periode(r) {
  return r.dari === r.sampai ? bulanTahun(r.dari) : `${bulanTahun(r.dari)} – ${bulanTahun(r.sampai)}`;
}

function kalimat(t) {
  const s = String(t || '');
  return s ? `${s[0].toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}` : '';
}
