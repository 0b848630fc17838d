// adopsi.js: "Adopsi e-Kinerja" (#/admin/adopsi?minggu=8; admin instansi): active users per week
// (a line chart of the whole instansi), per unit kerja the active users this week and on average,
// the share with an approved SKP and with activities logged (units below half marked "perlu
// pelatihan"), and the slowest workflow steps with median and 90th percentile in days and the
// slowest units (GET /api/v1/adopsi).  Every chart has its numbers in a table too.
import { api } from './api.js';
import { angka, persen, tanggal } from './teks.js';
import { el, labelled, alertBox, showProblem, setQuery, busy } from './ui.js';
import { grafikGaris, tabelData, gulir } from './grafik2.js';
import { grafikBatang } from './grafik.js';
import { wajibAdmin } from './admin-dasar.js';
import { TV } from './teks-privasi.js';

const pendek = (iso) => tanggal(iso).split(' ').slice(0, 2).map((x, i) => (i === 1 ? x.slice(0, 3) : x)).join(' ');

function perluPelatihan(u) {
  return u.pegawai > 0 && (u.persen_skp_disetujui < 50 || u.persen_aktivitas < 50);
}

function isi(hasil, a) {
  const W = a.minggu.length;
  const rata = (arr) => Math.round((arr.reduce((x, y) => x + y, 0) / Math.max(1, W)) * 10) / 10;
  const total = a.total;
  const grafik = el('figure', { class: 'grafik-adopsi' },
    grafikGaris({ judul: TV.grafikAktif, ringkas: TV.grafikAktifKet(total.aktif_per_minggu[W - 1] || 0, total.akun),
      label: a.minggu.map(pendek), seri: [{ nama: TV.seriAktif, nilai: total.aktif_per_minggu }] }),
    el('figcaption', { class: 'ket' }, TV.grafikAktifKet(total.aktif_per_minggu[W - 1] || 0, total.akun)));
  // the five units furthest behind: a few bars stay readable on a phone
  const terendah = [...a.unit].filter((u) => u.pegawai > 0)
    .sort((x, y) => x.persen_skp_disetujui + x.persen_aktivitas - y.persen_skp_disetujui - y.persen_aktivitas).slice(0, 5);
  const singkat = (n) => (n.length > 14 ? `${n.slice(0, 13)}…` : n);
  const skpUnit = el('figure', { class: 'grafik-adopsi' },
    grafikBatang({ judul: TV.grafikSkp, ringkas: terendah.map((u) => `${u.nama} ${persen(u.persen_skp_disetujui)}`).join(', '),
      data: terendah.map((u) => ({ label: singkat(u.nama), nilai: u.persen_skp_disetujui })) }),
    el('figcaption', { class: 'ket' }, TV.grafikSkpKet));
  const sel = (u, k, p) => TV.persenDari(angka(u[k]), angka(u.pegawai), persen(u[p]));
  const baris = a.unit.map((u) => [
    el('span', {}, u.nama, perluPelatihan(u) ? el('span', { class: 'lencana lencana-dikembalikan perlu-pelatihan' }, ` ${TV.perluPelatihan}`) : null),
    angka(u.pegawai), angka(u.aktif_per_minggu[W - 1] || 0), angka(rata(u.aktif_per_minggu)),
    sel(u, 'skp_disetujui', 'persen_skp_disetujui'), sel(u, 'aktivitas', 'persen_aktivitas')]);
  const kaki = [TV.jumlahTotal, angka(total.pegawai), angka(total.aktif_per_minggu[W - 1] || 0), angka(rata(total.aktif_per_minggu)),
    sel(total, 'skp_disetujui', 'persen_skp_disetujui'), sel(total, 'aktivitas', 'persen_aktivitas')];
  const tabelUnit = tabelData({ caption: TV.tabelUnit, kelas: 'tabel-adopsi',
    kolom: [TV.kolomUnit, TV.kolomPegawai, TV.kolomAktifMingguIni, TV.kolomRataAktif, TV.kolomSkp, TV.kolomAktivitas], baris, kaki });
  const urut = [...a.langkah].sort((x, y) => (y.median_hari ?? -1) - (x.median_hari ?? -1));
  const hari = (v) => (v === null || v === undefined ? TV.tanpaData : angka(v));
  const tabelLangkah = tabelData({ caption: TV.tabelLangkah, kelas: 'tabel-langkah',
    kolom: [TV.kolomLangkah, TV.kolomN, TV.kolomMedian, TV.kolomP90, TV.kolomUnitLambat],
    baris: urut.map((l) => [TV.langkah[l.kode] || l.nama, angka(l.n), hari(l.median_hari), hari(l.p90_hari),
      l.unit.length ? el('ul', { class: 'polos' }, l.unit.slice(0, 3).map((u) => el('li', {}, TV.unitLambat(u.nama, angka(u.median_hari))))) : '—']) });
  hasil.replaceChildren(
    el('p', { class: 'ket' }, a.periode ? TV.periode(a.periode.tahun) : TV.tanpaPeriode),
    grafik,
    el('h3', {}, TV.tabelUnit), el('p', { class: 'ket' }, TV.perluKet), gulir(TV.tabelUnit, tabelUnit), skpUnit,
    el('h3', {}, TV.langkahJudul), el('p', { class: 'ket' }, TV.langkahKet), gulir(TV.tabelLangkah, tabelLangkah));
}

export async function adopsi(root, ctx, params, query) {
  if (!wajibAdmin(root, ctx)) return;
  const box = alertBox();
  const minggu = el('select', { 'data-field': 'minggu' }, TV.mingguPilihan.map(([v, t]) => el('option', { value: v }, t)));
  minggu.value = TV.mingguPilihan.some(([v]) => v === query.get('minggu')) ? query.get('minggu') : '8';
  const form = el('form', { class: 'filter', novalidate: true }, el('div', {}, ...labelled(TV.minggu, minggu)),
    el('button', { type: 'submit' }, TV.tampilkan));
  const hasil = el('div', { class: 'hasil-adopsi' });
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/admin' }, '← ', TV.kembaliAdmin)),
    el('h2', {}, TV.adopsiJudul), el('p', { class: 'ket' }, TV.adopsiKet), form, box, hasil);
  async function muat() {
    isi(hasil, await api('GET', `/api/v1/adopsi?minggu=${minggu.value}`));
  }
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setQuery({ minggu: minggu.value });
    try { await busy(form, muat); box.hidden = true; } catch (e) { showProblem(box, e, form); }
  });
  await muat();
}
