// inovasi.js: "Inovasi" (#/inovasi): the pegawai's own innovations (record, edit, delete, bukti
// dukung through bukti.js) and, for an atasan, those of bawahan waiting for validation (validate,
// or return with a note); "Daftar inovasi" (#/inovasi/daftar): the units' and instansi's
// innovations by stage with filters, counts per stage, pages and the XLSX recap.
import { api } from './api.js';
import { tanggal, tanggalUnix, angka } from './teks.js';
import { el, fill, put, badge, labelled, alertBox, showAlert, showProblem, announce, busy, radioGroup, setQuery } from './ui.js';
import { TI, TAHAP, STATUS_INOVASI } from './teks-inovasi.js';
import { bagianBukti, muatKuota } from './bukti.js';
import { kosong } from './kosong.js';

const PILIHAN_TAHAP = Object.entries(TAHAP);
const tahunIni = () => new Date(Date.now() + 7 * 3600e3).getUTCFullYear();

function statusBadge(s) { return badge(s === 'diajukan' ? 'diajukan' : s === 'divalidasi' ? 'disetujui' : 'dikembalikan', '', STATUS_INOVASI[s] || s); }

/** The parts of an innovation every card shows. */
function rincian(i, milikSendiri) {
  const d = i.dampak;
  return [
    el('p', { class: 'judul-kartu' }, el('strong', {}, i.judul), ' ', statusBadge(i.status)),
    el('p', { class: 'ket' }, [TAHAP[i.tahap] || i.tahap, milikSendiri ? null : TI.oleh(i.pegawai.nama), i.unit_kerja ? TI.unit(i.unit_kerja.nama) : null]
      .filter(Boolean).join(' · ')),
    el('p', { class: 'teks-panjang' }, el('span', { class: 'label' }, `${TI.masalah}: `), i.masalah),
    el('p', {}, TI.layanan(i.layanan)),
    d ? el('p', { class: 'dampak' }, TI.dampak(d.indikator, angka(d.sebelum), angka(d.sesudah), d.satuan), ' ',
      d.perubahan_persen !== null && d.perubahan_persen !== undefined ? TI.perubahan(d.perubahan_persen) : '') : null,
    i.status === 'divalidasi' && i.validator ? el('p', { class: 'ket' }, TI.divalidasiOleh(i.validator.nama, tanggal(i.tanggal_validasi))) : null,
    i.catatan ? el('p', { class: 'teks-panjang' }, el('span', { class: 'label' }, `${TI.catatanAtasan}: `), i.catatan) : null,
    i.bukti_jumlah ? el('p', { class: 'ket' }, TI.jumlahBukti(i.bukti_jumlah)) : null,
  ];
}

export async function inovasi(root, ctx) {
  root.append(el('h2', {}, TI.judul), el('p', { class: 'ket' }, TI.ket),
    el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua', href: '#/inovasi/daftar' }, TI.daftarLink)));
  if (!ctx.me.pegawai) { root.append(el('p', {}, TI.tanpaPegawai)); return; }
  const box = alertBox();
  const isi = el('div');
  root.append(box, isi);
  const s = { milik: [], antre: [], form: null, bukti: null, kembali: null };
  const kuota = muatKuota();
  await muat();
  render();

  async function muat() {
    const [a, b] = await Promise.all([api('GET', '/api/v1/inovasi?sebagai=saya&limit=200'),
      api('GET', '/api/v1/inovasi?sebagai=validator&limit=200')]);
    s.milik = a.items;
    s.antre = b.items;
  }

  function render() {
    fill(isi,
      s.antre.length || ctx.me.jumlah_bawahan > 0 ? el('section', { 'aria-labelledby': 'judul-inov-antre' },
        el('h3', { id: 'judul-inov-antre', tabindex: -1 }, TI.menunggu),
        s.antre.length ? el('ul', { class: 'daftar' }, s.antre.map(kartuValidasi)) : kosong(TI.kosongMenunggu)) : null,
      el('section', { 'aria-labelledby': 'judul-inov-saya' },
        el('h3', { id: 'judul-inov-saya', tabindex: -1 }, TI.saya),
        s.form === 'baru' ? formInovasi(null) : el('p', {}, el('button', { type: 'button', on: { click: () => { s.form = 'baru'; render(); isi.querySelector('form input')?.focus(); } } }, TI.catat)),
        s.milik.length ? el('ul', { class: 'daftar' }, s.milik.map(kartuSaya)) : kosong(TI.kosongSaya)));
  }

  function kartuSaya(i) {
    const li = el('li', { class: 'kartu inovasi', id: `inovasi-${i.id}` }, rincian(i, true));
    if (s.form === i.id) { li.append(formInovasi(i)); return li; }
    const aksi = el('div', { class: 'aksi' },
      el('button', { type: 'button', class: 'kedua', 'aria-label': TI.ubahLabel(i.judul), on: { click: () => { s.form = i.id; render(); document.querySelector(`#inovasi-${i.id} form input`)?.focus(); } } }, TI.ubah),
      el('button', { type: 'button', class: 'kedua', 'aria-expanded': String(s.bukti === i.id), 'aria-label': s.bukti === i.id ? TI.tutupBukti : TI.buktiLabel(i.judul),
        on: { click: () => { s.bukti = s.bukti === i.id ? null : i.id; render(); } } }, s.bukti === i.id ? TI.tutupBukti : TI.bukti),
      i.status !== 'divalidasi' ? el('button', { type: 'button', class: 'bahaya', 'aria-label': TI.hapusLabel(i.judul), on: { click: (ev) => hapus(i, ev.currentTarget) } }, TI.hapus) : null);
    li.append(aksi);
    if (s.bukti === i.id) li.append(bagianBukti({ inovasiId: i.id, ubah: true, jumlah: i.bukti_jumlah, judul: i.judul, kuota }));
    return li;
  }

  async function hapus(i, btn) {
    if (!window.confirm(TI.konfirmasiHapus(i.judul))) return;
    try {
      await busy(btn.parentElement, () => api('DELETE', `/api/v1/inovasi/${i.id}`));
      await muat();
    } catch (e) { showProblem(box, e); return; }
    render();
    announce(TI.terhapus);
    document.getElementById('judul-inov-saya')?.focus();
  }

  function formInovasi(i) {
    const fbox = alertBox();
    const judul = el('input', { type: 'text', 'data-field': 'judul', maxlength: 200, value: i ? i.judul : '', autocomplete: 'off' });
    const masalah = el('textarea', { rows: 3, 'data-field': 'masalah', maxlength: 2000 });
    masalah.value = i ? i.masalah : '';
    const layanan = el('input', { type: 'text', 'data-field': 'layanan', maxlength: 200, value: i ? i.layanan : '' });
    const tahap = radioGroup({ legend: TI.fTahap, options: PILIHAN_TAHAP, value: i ? i.tahap : 'diusulkan', field: 'tahap' });
    const d = i && i.dampak;
    const ind = el('input', { type: 'text', 'data-field': 'dampak.indikator', maxlength: 200, value: d ? d.indikator : '' });
    const seb = el('input', { type: 'text', inputmode: 'decimal', 'data-field': 'dampak.sebelum', value: d ? angka(d.sebelum) : '' });
    const ses = el('input', { type: 'text', inputmode: 'decimal', 'data-field': 'dampak.sesudah', value: d ? angka(d.sesudah) : '' });
    const sat = el('input', { type: 'text', 'data-field': 'dampak.satuan', maxlength: 40, value: d ? d.satuan : '' });
    const form = el('form', { class: 'panel form-inovasi', novalidate: true, 'aria-label': i ? TI.ubahJudul(i.judul) : TI.formJudul },
      el('h4', {}, i ? TI.ubahJudul(i.judul) : TI.formJudul),
      i && i.status === 'divalidasi' ? el('p', { class: 'ket' }, TI.ubahTervalidasi) : null,
      fbox, ...labelled(TI.fJudul, judul, TI.fJudulKet), ...labelled(TI.fMasalah, masalah, TI.fMasalahKet),
      ...labelled(TI.fLayanan, layanan), tahap,
      el('fieldset', { 'data-field': 'dampak', 'data-legend': TI.dampakJudul }, el('legend', {}, TI.dampakJudul),
        ...labelled(TI.fIndikator, ind, TI.fIndikatorKet), ...labelled(TI.fSebelum, seb), ...labelled(TI.fSesudah, ses),
        ...labelled(TI.fSatuan, sat, TI.fSatuanKet)),
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TI.simpan),
        el('button', { type: 'button', class: 'kedua', on: { click: () => { s.form = null; render(); } } }, TI.batal)));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = { judul: judul.value.trim(), masalah: masalah.value.trim(), layanan: layanan.value.trim(), tahap: tahap.nilai() };
      const adaDampak = [ind, seb, ses, sat].some((x) => x.value.trim());
      // typed numbers keep the Indonesian form: "1.500" is fifteen hundred, "3,5" three and a half
      const num = (v) => v.trim().replace(/\./g, '');
      if (adaDampak) body.dampak = { indikator: ind.value.trim(), sebelum: num(seb.value), sesudah: num(ses.value), satuan: sat.value.trim() };
      else if (i && i.dampak) body.dampak = null;
      try {
        await busy(form, () => (i ? api('PATCH', `/api/v1/inovasi/${i.id}`, body) : api('POST', '/api/v1/inovasi', body)));
        s.form = null;
        await muat();
      } catch (e) { showProblem(fbox, e, form); return; }
      render();
      announce(TI.tersimpan);
      document.getElementById('judul-inov-saya')?.focus();
    });
    return form;
  }

  function kartuValidasi(i) {
    const li = el('li', { class: 'kartu inovasi', id: `validasi-${i.id}` }, rincian(i, false));
    if (s.kembali === i.id) { li.append(formKembali(i)); return li; }
    li.append(el('div', { class: 'aksi' },
      el('button', { type: 'button', 'aria-label': TI.validasiLabel(i.judul, i.pegawai.nama), on: { click: (ev) => validasi(i, ev.currentTarget) } }, TI.validasi),
      el('button', { type: 'button', class: 'kedua', 'aria-label': TI.kembalikanLabel(i.judul, i.pegawai.nama),
        on: { click: () => { s.kembali = i.id; render(); document.querySelector(`#validasi-${i.id} textarea`)?.focus(); } } }, TI.kembalikan)));
    if (i.bukti_jumlah) li.append(bagianBukti({ inovasiId: i.id, ubah: false, jumlah: i.bukti_jumlah, judul: i.judul }));
    return li;
  }

  async function validasi(i, btn) {
    if (!window.confirm(TI.konfirmasiValidasi(i.judul))) return;
    try {
      await busy(btn.parentElement, () => api('POST', `/api/v1/inovasi/${i.id}/validasi`, {}));
      await muat();
    } catch (e) { showProblem(box, e); return; }
    render();
    announce(TI.divalidasi);
    document.getElementById('judul-inov-antre')?.focus();
  }

  function formKembali(i) {
    const fbox = alertBox();
    const cat = el('textarea', { rows: 3, 'data-field': 'catatan', maxlength: 2000 });
    const form = el('form', { class: 'panel', novalidate: true, 'aria-label': TI.kembalikanLabel(i.judul, i.pegawai.nama) },
      fbox, ...labelled(TI.catatanKembali, cat, TI.catatanKembaliKet),
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TI.kirimKembali),
        el('button', { type: 'button', class: 'kedua', on: { click: () => { s.kembali = null; render(); } } }, TI.batal)));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await busy(form, () => api('POST', `/api/v1/inovasi/${i.id}/kembalikan`, { catatan: cat.value.trim() }));
        s.kembali = null;
        await muat();
      } catch (e) { showProblem(fbox, e, form); return; }
      render();
      announce(TI.dikembalikan);
      document.getElementById('judul-inov-antre')?.focus();
    });
    return form;
  }
}

/** #/inovasi/daftar?tahun=&tahap=&status=&unit=&q=&urut=&hal= */
export async function inovasiDaftar(root, ctx, params, query) {
  const LIMIT = 20;
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/inovasi' }, `← ${TI.kembali}`)), el('h2', {}, TI.daftarJudul),
    el('p', { class: 'ket' }, TI.daftarKet));
  const box = alertBox();
  const f = {
    tahun: query.get('tahun') ?? String(tahunIni()), tahap: query.get('tahap') || '', status: query.get('status') || '',
    unit: query.get('unit') || '', q: query.get('q') || '', urut: query.get('urut') || 'terbaru', hal: Number(query.get('hal')) || 0,
  };
  const tahun = el('select', { 'data-field': 'tahun' }, el('option', { value: '' }, TI.semuaTahun),
    [0, 1, 2, 3].map((k) => { const t = String(tahunIni() - k); return el('option', { value: t, selected: t === f.tahun }, t); }));
  const unit = el('select', { 'data-field': 'unit_kerja_id' }, el('option', { value: '' }, TI.semuaUnit));
  const status = el('select', { 'data-field': 'status' }, el('option', { value: '' }, TI.semuaStatus),
    Object.entries(STATUS_INOVASI).map(([k, v]) => el('option', { value: k, selected: k === f.status }, v)));
  const cari = el('input', { type: 'search', 'data-field': 'q', maxlength: 100, value: f.q });
  const urut = el('select', { 'data-field': 'urut' }, Object.entries(TI.urut).map(([k, v]) => el('option', { value: k, selected: k === f.urut }, v)));
  const filter = el('form', { class: 'panel saring', role: 'search', 'aria-label': TI.daftarJudul },
    el('div', { class: 'baris-isian' }, ...labelled(TI.fTahun, tahun), ...labelled(TI.fUnit, unit), ...labelled(TI.fStatus, status),
      ...labelled(TI.fCari, cari), ...labelled(TI.fUrut, urut)),
    el('button', { type: 'submit' }, TI.terapkan));
  const tahapNav = el('div', { class: 'per-tahap', role: 'group', 'aria-label': TI.perTahap });
  const hasil = el('div', { 'aria-live': 'polite' });
  const rekap = el('a', { class: 'tombol kedua', download: '' }, TI.unduhRekap);
  root.append(filter, box, tahapNav, el('p', { class: 'tautan' }, rekap), hasil);
  api('GET', '/api/v1/unit-kerja?limit=200').then((u) => {
    put(unit, u.items.map((x) => el('option', { value: String(x.id), selected: String(x.id) === f.unit }, x.nama)));
  }).catch(() => {});
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    Object.assign(f, { tahun: tahun.value, unit: unit.value, status: status.value, q: cari.value.trim(), urut: urut.value, hal: 0 });
    tampil();
  });
  await tampil();

  function qs(extra = {}) {
    const p = new URLSearchParams();
    if (f.tahun) p.set('tahun', f.tahun);
    if (f.tahap) p.set('tahap', f.tahap);
    if (f.status) p.set('status', f.status);
    if (f.unit) p.set('unit_kerja_id', f.unit);
    if (f.q) p.set('q', f.q);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p.toString();
  }

  async function tampil() {
    setQuery(Object.fromEntries(Object.entries({ tahun: f.tahun, tahap: f.tahap, status: f.status, unit: f.unit, q: f.q, urut: f.urut, hal: f.hal || '' }).filter(([, v]) => v !== '')));
    rekap.href = `/api/v1/inovasi/rekap.xlsx?${qs()}`;
    let d;
    try { d = await api('GET', `/api/v1/inovasi?${qs({ urut: f.urut, limit: LIMIT, offset: f.hal * LIMIT })}`); } catch (e) { showProblem(box, e, filter); return; }
    showAlert(box, '');
    const semua = Object.values(d.per_tahap).reduce((a, b) => a + b, 0);
    const tombol = (k, label, n) => el('button', { type: 'button', class: f.tahap === k ? '' : 'kedua', 'aria-pressed': String(f.tahap === k),
      on: { click: () => { f.tahap = k; f.hal = 0; tampil(); } } }, TI.tahapLabel(label, n));
    fill(tahapNav, tombol('', TI.semuaTahap, semua), PILIHAN_TAHAP.map(([k, v]) => tombol(k, v, d.per_tahap[k] || 0)));
    if (!d.items.length) { fill(hasil, kosong(TI.kosongDaftar)); return; }
    const a = d.offset + 1, b = d.offset + d.items.length;
    fill(hasil, el('ul', { class: 'daftar' }, d.items.map((i) => el('li', { class: 'kartu inovasi' }, rincian(i, false),
      el('p', { class: 'ket' }, tanggalUnix(i.diubah))))),
    el('nav', { class: 'halaman', 'aria-label': TI.halaman(a, b, d.total) },
      el('p', {}, TI.halaman(a, b, d.total)),
      el('button', { type: 'button', class: 'kedua', disabled: f.hal === 0, on: { click: () => { f.hal -= 1; tampil(); } } }, TI.sebelumnya),
      el('button', { type: 'button', class: 'kedua', disabled: b >= d.total, on: { click: () => { f.hal += 1; tampil(); } } }, TI.berikutnya)));
  }
}
