// laporan.js: "Laporan" (#/laporan): the rekap pegawai as an XLSX or CSV file made in the
// background (POST /laporan/ekspor).  Admin and pimpinan choose the whole instansi or a unit (with
// the units below it); an atasan gets their bawahan at every level.  The job is polled every
// second (progress bar), then its download link is shown; a report asked again while nothing
// changed comes from the cache (said so); a failure says why.  "Laporan saya" lists the user's
// recent jobs.
import { api } from './api.js';
import { T, angka, waktuUnix } from './teks.js';
import { el, fill, put, labelled, alertBox, showAlert, showProblem, announce, busy, isAdminOrPimpinan, radioGroup, galatLokal } from './ui.js';
import { TD } from './teks-dasbor.js';
import { seksiLaporanOrganisasi } from './laporan-org.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const FORMAT = { xlsx: 'XLSX', csv: 'CSV' };

export async function laporan(root, ctx) {
  const me = ctx.me;
  const luas = isAdminOrPimpinan(me);
  const box = alertBox();
  const tahunIni = new Date().getFullYear();
  const cakupan = radioGroup({ legend: TD.cakupan, field: 'cakupan', value: luas ? 'instansi' : 'bawahan',
    options: luas ? [['instansi', TD.cakupanInstansi], ['unit', TD.cakupanUnit]] : [['bawahan', TD.cakupanBawahan]] });
  const unitSel = el('select', { 'data-field': 'unit_kerja_id' }, el('option', { value: '' }, TD.pilihUnit));
  const wadahUnit = el('div', { hidden: true }, ...labelled(TD.cakupanUnit, unitSel));
  const tIn = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, value: String(tahunIni), 'data-field': 'tahun' });
  const format = radioGroup({ legend: TD.format, field: 'format', value: 'xlsx', options: [['xlsx', TD.formatXlsx], ['csv', TD.formatCsv]] });
  const form = el('form', { class: 'form-laporan panel', novalidate: true }, box, cakupan, wadahUnit, ...labelled(TD.tahun, tIn), format,
    el('button', { type: 'submit' }, TD.buatLaporan));
  const pekerjaan = el('section', { class: 'pekerjaan', 'aria-live': 'polite', hidden: true });
  const riwayat = el('section', { 'aria-labelledby': 'judul-riwayat-laporan' });
  put(root, el('h2', {}, TD.laporanJudul), el('p', { class: 'ket' }, TD.laporanKet), form, pekerjaan,
    luas ? seksiLaporanOrganisasi(tahunIni) : null, riwayat);

  cakupan.addEventListener('change', () => { wadahUnit.hidden = cakupan.nilai() !== 'unit'; });
  if (luas) muatUnit(unitSel).catch((e) => showProblem(box, e));

  let timer = null;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = { format: format.nilai() };
    try {
      if (!data.format) throw galatLokal('format', TD.formatWajib);
      const t = tIn.value.trim();
      if (!/^\d{4}$/.test(t) || Number(t) < 2000 || Number(t) > 2100) throw galatLokal('tahun', TD.tahunSalah);
      data.tahun = Number(t);
      if (cakupan.nilai() === 'unit') {
        if (!unitSel.value) throw galatLokal('unit_kerja_id', TD.unitWajib);
        data.unit_kerja_id = Number(unitSel.value);
      }
      const job = await busy(form, () => api('POST', '/api/v1/laporan/ekspor', data));
      showAlert(box, '');
      tampil(job);
    } catch (e) {
      showProblem(box, e, form);
    }
  });

  function tampil(job) {
    clearTimeout(timer);
    pekerjaan.hidden = false;
    const p = Number(job.progres) || 0;
    const selesai = job.status === 'selesai', gagal = job.status === 'gagal';
    const teks = TD.progresTeks(angka(p), angka(job.baris), angka(job.total));
    fill(pekerjaan, el('h3', { id: 'judul-pekerjaan' }, judulJob(job)),
      el('p', {}, el('span', { class: `lencana lencana-ekspor-${job.status}` }, TD.statusEkspor[job.status] || job.status)),
      el('div', { class: 'kemajuan' }, el('label', { for: 'kemajuan-laporan' }, TD.kemajuan),
        el('progress', { id: 'kemajuan-laporan', max: '100', value: String(p), 'aria-valuetext': teks }),
        el('p', { class: 'ket progres-teks' }, teks)),
      job.dari_cache ? el('p', { class: 'peringatan-ringan dari-cache' }, TD.dariCache) : null,
      gagal ? el('div', { class: 'peringatan', role: 'alert' }, el('p', {}, TD.gagalKarena(job.galat || '—'))) : null,
      selesai && job.unduh ? el('p', { class: 'tautan' }, el('a', { class: 'tombol unduh-laporan', href: job.unduh, download: '' }, TD.unduh(FORMAT[job.format] || job.format))) : null);
    if (selesai || gagal) {
      if (selesai) announce(TD.laporanSiap);
      daftar().catch(() => {});
      return;
    }
    timer = setTimeout(async () => {
      if (!root.isConnected) return;
      try {
        const j = await api('GET', `/api/v1/laporan/ekspor/${job.id}`);
        if (root.isConnected) tampil({ ...j, dari_cache: job.dari_cache });
      } catch (e) {
        if (root.isConnected) showProblem(box, e);
      }
    }, 1000);
  }

  async function daftar() {
    const d = await api('GET', '/api/v1/laporan/ekspor');
    fill(riwayat, el('h3', { id: 'judul-riwayat-laporan' }, TD.riwayatLaporan), el('p', { class: 'ket' }, TD.riwayatKet),
      d.items.length ? el('ul', { class: 'daftar daftar-laporan' }, d.items.map((j) => el('li', { dataset: { laporan: String(j.id) } },
        el('p', { class: 'judul-kartu' }, el('strong', {}, judulJob(j)),
          el('span', { class: `lencana lencana-ekspor-${j.status}` }, TD.statusEkspor[j.status] || j.status)),
        el('p', { class: 'ket' }, TD.dibuatPada(waktuUnix(j.dibuat)), j.status === 'selesai' ? ` · ${angka(j.baris)} baris · ${TD.ukuran(angka(Math.max(1, Math.round(j.ukuran / 1024))))}` : ''),
        j.status === 'gagal' ? el('p', { class: 'galat' }, TD.gagalKarena(j.galat || '—')) : null,
        j.status === 'antri' || j.status === 'jalan' ? el('p', { class: 'ket' }, TD.progresTeks(angka(j.progres), angka(j.baris), angka(j.total))) : null,
        j.unduh ? el('p', {}, el('a', { href: j.unduh, download: '', class: 'tautan-sentuh' }, TD.unduh(FORMAT[j.format] || j.format))) : null)))
        : kosong(TD.riwayatKosong, { label: KOSONG.keLaporan, on: fokusKe(form) }));
  }
  riwayat.append(el('h3', { id: 'judul-riwayat-laporan' }, TD.riwayatLaporan), el('p', { class: 'memuat' }, T.memuat));
  try { await daftar(); } catch (e) { fill(riwayat, el('h3', { id: 'judul-riwayat-laporan' }, TD.riwayatLaporan), el('p', { class: 'galat' }, e.message)); }
}

function judulJob(j) {
  const p = j.parameter || {};
  return TD.ringkasLaporan(p.judul || TD.laporanJudul, p.tahun || '', FORMAT[j.format] || j.format);
}

/** Every active unit of the instansi, sorted by name, as options of `sel`. */
export async function muatUnit(sel) {
  let semua = [];
  let cursor = null;
  do {
    const d = await api('GET', `/api/v1/unit-kerja?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    semua = semua.concat(d.items);
    cursor = d.next_cursor;
  } while (cursor && semua.length < 5000);
  semua.filter((u) => u.aktif !== false).sort((a, b) => a.nama.localeCompare(b.nama, 'id'))
    .forEach((u) => sel.append(el('option', { value: String(u.id) }, u.nama)));
}
