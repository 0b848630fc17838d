// presensi.js: a pegawai's month of presensi (#/presensi?bulan=2026-10 for oneself,
// #/pegawai/{id}/presensi?bulan=… for a bawahan, or any pegawai for the instansi's readers):
// every day with its schedule, check-in and check-out, minutes late and early, the status
// (cuti, dinas luar…) or the holiday, and the month's totals.  Someone who may not read that
// pegawai gets a clear refusal and no data.
import { api } from './api.js';
import { T, BULAN, tanggalHari, jam, angka, durasi } from './teks.js';
import { el, put, labelled } from './ui.js';
import { TA, STATUS_PRESENSI } from './teks-admin.js';
import { tolakBila, punyaPeran } from './admin-dasar.js';

function bulanIni() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function geser(ym, n) {
  const [y, m] = ym.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const namaBulan = (ym) => `${BULAN[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

export async function presensiBulan(root, ctx, params, query) {
  const milikSendiri = !params[0];
  const id = milikSendiri ? (ctx.me.pegawai && ctx.me.pegawai.id) : Number(params[0]);
  if (!id) { root.append(el('h2', {}, TA.presensiSaya), el('p', { class: 'kosong' }, TA.tanpaPegawai)); return; }
  const bulan = /^\d{4}-(0[1-9]|1[0-2])$/.test(query.get('bulan') || '') ? query.get('bulan') : bulanIni();
  const dasar = milikSendiri ? '#/presensi' : `#/pegawai/${id}/presensi`;
  let data;
  let orang = milikSendiri || id === (ctx.me.pegawai && ctx.me.pegawai.id) ? ctx.me.pegawai : null;
  try {
    [data, orang] = await Promise.all([api('GET', `/api/v1/pegawai/${id}/presensi?bulan=${bulan}`),
      orang ? Promise.resolve(orang) : api('GET', `/api/v1/pegawai/${id}`)]);
  } catch (e) { tolakBila(root, e); return; }

  const pilih = el('input', { type: 'month', value: bulan, min: '2000-01', max: '2100-12' });
  pilih.addEventListener('change', () => { if (/^\d{4}-\d{2}$/.test(pilih.value)) ctx.go(`${dasar}?bulan=${pilih.value}`); });
  const ke = (n) => () => ctx.go(`${dasar}?bulan=${geser(bulan, n)}`);
  const r = data.ringkasan;
  put(root,
    milikSendiri ? null : el('p', { class: 'jejak' }, punyaPeran(ctx.me, 'admin')
      ? el('a', { href: `#/admin/pegawai/${id}` }, `← ${TA.keDataPegawai}`) : el('a', { href: '#/presensi' }, `← ${TA.presensiSaya}`)),
    el('h2', {}, milikSendiri ? TA.presensiSaya : TA.presensiOrang(orang.nama_lengkap || orang.nama)),
    milikSendiri ? null : el('p', { class: 'nip' }, T.nip(orang.nip)),
    el('div', { class: 'pilih-bulan' },
      el('button', { type: 'button', class: 'kedua kecil', 'aria-label': TA.bulanSebelum, on: { click: ke(-1) } }, '‹'),
      el('div', { class: 'pilih-bulan-isi' }, ...labelled(TA.bulan, pilih)),
      el('button', { type: 'button', class: 'kedua kecil', 'aria-label': TA.bulanBerikut, on: { click: ke(1) } }, '›')),
    el('section', { class: 'ringkasan ringkasan-presensi', 'aria-labelledby': 'judul-ringkas-presensi' },
      el('h3', { id: 'judul-ringkas-presensi' }, `${TA.ringkasan} ${namaBulan(bulan)}`),
      el('ul', {},
        el('li', {}, el('strong', {}, angka(r.hari_kerja)), TA.rHariKerja),
        el('li', {}, el('strong', {}, angka(r.hadir)), TA.rHadir),
        el('li', {}, el('strong', {}, angka(r.tanpa_catatan)), TA.rTanpa),
        el('li', {}, el('strong', {}, durasi(r.menit_terlambat)), TA.rTerlambat),
        el('li', {}, el('strong', {}, durasi(r.menit_pulang_cepat)), TA.rCepat))),
    tabel(data, bulan));
  if (milikSendiri && ctx.me.jumlah_bawahan > 0) await bawahan(root, id, bulan);
}

function tabel(data, bulan) {
  const kolom = [TA.kTanggal, TA.kJadwal, TA.kMasuk, TA.kPulang, TA.kTerlambat, TA.kCepat, TA.kKeterangan];
  return el('div', { class: 'gulir-presensi', tabindex: 0, role: 'region', 'aria-label': TA.tabelPresensi(namaBulan(bulan)) }, el('table', { class: 'tabel-status tabel-presensi' },
    el('caption', { class: 'sr-only' }, TA.tabelPresensi(namaBulan(bulan))),
    el('thead', {}, el('tr', {}, kolom.map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, data.hari.map((h) => {
      const ket = h.status ? el('span', { class: `lencana lencana-presensi-${h.status}` }, STATUS_PRESENSI[h.status] || h.status) : h.keterangan;
      if (!h.hari_kerja) {
        return el('tr', { class: 'libur', dataset: { tanggal: h.tanggal } },
          el('th', { scope: 'row', 'data-label': TA.kTanggal }, tanggalHari(h.tanggal)),
          el('td', { colspan: 6, 'data-label': TA.kKeterangan }, h.status ? ket : `${TA.libur}: ${h.keterangan}`));
      }
      const telat = h.menit_terlambat > 0;
      const cepat = h.menit_pulang_cepat > 0;
      return el('tr', { class: telat || cepat ? 'celah' : null, dataset: { tanggal: h.tanggal } },
        el('th', { scope: 'row', 'data-label': TA.kTanggal }, tanggalHari(h.tanggal)),
        el('td', { 'data-label': TA.kJadwal }, `${jam(h.jadwal_masuk)}–${jam(h.jadwal_pulang)}`),
        el('td', { 'data-label': TA.kMasuk }, h.masuk ? jam(h.masuk) : TA.kosong),
        el('td', { 'data-label': TA.kPulang }, h.pulang ? jam(h.pulang) : TA.kosong),
        el('td', { 'data-label': TA.kTerlambat, class: telat ? 'terlambat' : 'nol' }, TA.menit(h.menit_terlambat)),
        el('td', { 'data-label': TA.kCepat, class: cepat ? 'terlambat' : 'nol' }, TA.menit(h.menit_pulang_cepat)),
        el('td', { 'data-label': TA.kKeterangan }, ket));
    }))));
}

async function bawahan(root, id, bulan) {
  const sec = el('section', { 'aria-labelledby': 'judul-bawahan-presensi' },
    el('h3', { id: 'judul-bawahan-presensi' }, TA.bawahanJudul), el('p', { class: 'ket' }, TA.bawahanKet));
  root.append(sec);
  let d;
  try { d = await api('GET', `/api/v1/pegawai/${id}/bawahan?limit=200`); } catch { sec.remove(); return; }
  sec.append(el('ul', { class: 'daftar' }, d.items.map((p) => el('li', {},
    el('a', { class: 'tautan-sentuh', href: `#/pegawai/${p.id}/presensi?bulan=${bulan}` }, p.nama_lengkap), el('div', { class: 'nip' }, T.nip(p.nip))))));
}
