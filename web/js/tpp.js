// tpp.js: a pegawai's TPP for one month (#/tpp?bulan=2026-10 for oneself, #/pegawai/{id}/tpp?bulan=…
// for a bawahan or for the instansi's readers): the components (besaran, kinerja, disiplin,
// potongan presensi, sanksi, jumlah), the predikat and where it came from, every deduction line
// grouped by day (date, rule row, minutes, percent, rupiah) and the explanation lines.  A month
// that was not computed shows "belum dihitung"; someone who may not read that pegawai gets a
// clear refusal and no data.  tampilHasil() is shared with the admin's view (tpp-bulan.js).
import { api } from './api.js';
import { T, PREDIKAT, tanggalHari } from './teks.js';
import { el, put, labelled, badge, isAdminOrPimpinan } from './ui.js';
import { tolakBila } from './admin-dasar.js';
import { TT, rupiah, rupiahSen, persenBp, namaBulan, bulanLalu, geserBulan, STATUS_HARI } from './teks-tpp.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const BULAN_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function tppSaya(root, ctx, params, query) {
  const milikSendiri = !params[0];
  const id = milikSendiri ? (ctx.me.pegawai && ctx.me.pegawai.id) : Number(params[0]);
  const pengelola = isAdminOrPimpinan(ctx.me);
  if (!id) {
    root.append(el('h2', {}, TT.saya), el('p', { class: 'kosong' }, TT.tanpaPegawai),
      pengelola ? el('p', {}, el('a', { class: 'tombol', href: '#/admin/tpp' }, TT.kelola)) : null);
    return;
  }
  const bulan = BULAN_RE.test(query.get('bulan') || '') ? query.get('bulan') : bulanLalu();
  const dasar = milikSendiri ? '#/tpp' : `#/pegawai/${id}/tpp`;
  let orang = milikSendiri || id === (ctx.me.pegawai && ctx.me.pegawai.id) ? ctx.me.pegawai : null;
  let data = null;
  try {
    const [hasil, o] = await Promise.all([
      api('GET', `/api/v1/pegawai/${id}/tpp?bulan=${bulan}`).catch((e) => {
        if (e.status === 404) return null;   // the month was not computed (the pegawai itself is checked below)
        throw e;
      }),
      orang ? Promise.resolve(orang) : api('GET', `/api/v1/pegawai/${id}`)]);
    data = hasil;
    orang = o;
  } catch (e) { tolakBila(root, e); return; }

  const pilih = el('input', { type: 'month', value: bulan, min: '2000-01', max: '2100-12' });
  pilih.addEventListener('change', () => { if (BULAN_RE.test(pilih.value)) ctx.go(`${dasar}?bulan=${pilih.value}`); });
  const ke = (n) => () => ctx.go(`${dasar}?bulan=${geserBulan(bulan, n)}`);
  put(root,
    milikSendiri ? null : el('p', { class: 'jejak' }, el('a', { href: `#/tpp?bulan=${bulan}` }, `← ${TT.saya}`)),
    el('h2', {}, milikSendiri ? TT.saya : TT.orang(orang.nama_lengkap || orang.nama)),
    milikSendiri ? null : el('p', { class: 'nip' }, T.nip(orang.nip)),
    pengelola ? el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua kecil', href: '#/admin/tpp' }, TT.kelola)) : null,
    el('div', { class: 'pilih-bulan' },
      el('button', { type: 'button', class: 'kedua kecil', 'aria-label': TT.bulanSebelum, on: { click: ke(-1) } }, '‹'),
      el('div', { class: 'pilih-bulan-isi' }, ...labelled(TT.bulan, pilih)),
      el('button', { type: 'button', class: 'kedua kecil', 'aria-label': TT.bulanBerikut, on: { click: ke(1) } }, '›')));
  if (!data) {
    root.append(el('div', { class: 'panel kosong-tpp', 'data-kosong': '' }, el('p', { class: 'judul-kosong' }, TT.belumDihitung(namaBulan(bulan))),
      el('p', { class: 'ket' }, TT.belumDihitungKet),
      el('div', { class: 'aksi aksi-kosong' }, el('a', { class: 'tombol kedua kecil', href: '#/presensi' }, KOSONG.kePresensi))));
  } else {
    root.append(tampilHasil(data, 'saya'));
  }
  if (milikSendiri && ctx.me.jumlah_bawahan > 0) await bawahan(root, id, bulan);
}

/** The result of one pegawai-month (GET …/tpp): status, components, predikat, lines per day, explanation. */
export function tampilHasil(d, idPrefix) {
  const b = namaBulan(d.tahun, d.bulan);
  const r = d.rincian || {};
  const wadah = el('div', { class: 'hasil-tpp' });
  wadah.append(el('p', { class: 'status-baris' }, badge(d.status, '', d.status === 'disetujui' ? 'Disetujui' : 'Draf'),
    el('span', {}, d.status === 'disetujui' ? TT.statusDisetujui : TT.statusDraf)));
  if (d.galat) {
    wadah.append(el('div', { class: 'peringatan', role: 'alert' }, el('p', {}, `${TT.galatHitung}: ${d.galat}`)));
  }
  if (d.bulan_id && d.pegawai_id) {
    wadah.append(el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua kecil', download: '',
      href: `/api/v1/tpp/bulan/${d.bulan_id}/pegawai/${d.pegawai_id}/slip.pdf` }, TT.unduhSlip)));
  }
  const hKomp = `${idPrefix}-komponen`;
  wadah.append(el('section', { class: 'ringkasan ringkasan-tpp', 'aria-labelledby': hKomp },
    el('h3', { id: hKomp }, `${TT.komponen} ${b}`),
    el('ul', {},
      el('li', {}, el('strong', {}, rupiah(d.dasar)), TT.kBesaran, el('span', { class: 'kecil-label' }, TT.kBesaranKet(d.kelas_jabatan))),
      el('li', {}, el('strong', {}, rupiah(d.kinerja)), TT.kKinerja),
      el('li', {}, el('strong', {}, rupiah(d.disiplin)), TT.kDisiplin),
      el('li', {}, el('strong', {}, rupiah(d.potongan_presensi)), TT.kPotongan,
        el('span', { class: 'kecil-label' }, TT.kPotonganKet(persenBp(d.potongan_persen_bp)))),
      el('li', {}, el('strong', {}, rupiah(d.potongan_sanksi)), TT.kSanksi),
      el('li', { class: 'jumlah-tpp' }, el('strong', {}, rupiah(d.jumlah)), TT.kJumlah))),
    el('dl', { class: 'identitas' },
      el('dt', {}, TT.predikat), el('dd', {}, d.predikat ? (PREDIKAT[d.predikat] || d.predikat) : TT.tanpaPredikat),
      r.asal_predikat ? [el('dt', {}, TT.asalPredikat), el('dd', {}, r.asal_predikat)] : null,
      r.status ? [el('dt', {}, TT.hariJudul), el('dd', {}, Object.entries(r.status).filter(([, n]) => n > 0)
        .map(([s, n]) => TT.hariStatus(n, STATUS_HARI[s] || s)).join(', ') || TT.kosong)] : null));

  const hRinci = `${idPrefix}-rincian`;
  const sec = el('section', { 'aria-labelledby': hRinci }, el('h3', { id: hRinci }, TT.rincianJudul));
  const baris = Array.isArray(r.baris) ? r.baris : [];
  if (!baris.length) {
    sec.append(kosong(TT.rincianKosong, { label: KOSONG.kePresensi, href: '#/presensi' }));
  } else {
    const perHari = new Map();
    for (const x of baris) {
      const k = x.tanggal || '';
      if (!perHari.has(k)) perHari.set(k, []);
      perHari.get(k).push(x);
    }
    sec.append(el('ol', { class: 'hari-tpp', 'aria-label': TT.rincianTabel(b) }, [...perHari].map(([tgl, xs]) => el('li', { class: 'kartu', dataset: { tanggal: tgl } },
      el('h4', {}, tgl ? tanggalHari(tgl) : TT.kosong),
      el('ul', { class: 'baris-tpp' }, xs.map((x) => el('li', {},
        el('p', { class: 'angka-tpp' },
          el('code', { class: 'kode' }, x.kode || TT.kosong),
          el('span', {}, TT.menit(x.menit)),
          el('span', {}, persenBp(x.persen_bp)),
          el('strong', {}, rupiahSen(x.sen))),
        x.teks ? el('p', { class: 'ket' }, x.teks) : null)))))));
  }
  wadah.append(sec);
  if (Array.isArray(r.penjelasan) && r.penjelasan.length) {
    const hJ = `${idPrefix}-penjelasan`;
    wadah.append(el('section', { 'aria-labelledby': hJ }, el('h3', { id: hJ }, TT.penjelasanJudul),
      el('ol', { class: 'penjelasan' }, r.penjelasan.map((t) => el('li', {}, t)))));
  }
  return wadah;
}

async function bawahan(root, id, bulan) {
  const sec = el('section', { 'aria-labelledby': 'judul-bawahan-tpp' },
    el('h3', { id: 'judul-bawahan-tpp' }, TT.bawahanJudul), el('p', { class: 'ket' }, TT.bawahanKet));
  root.append(sec);
  let d;
  try { d = await api('GET', `/api/v1/pegawai/${id}/bawahan?limit=200`); } catch { sec.remove(); return; }
  if (!d.items.length) { sec.remove(); return; }
  sec.append(el('ul', { class: 'daftar' }, d.items.map((p) => el('li', {},
    el('a', { class: 'tautan-sentuh', href: `#/pegawai/${p.id}/tpp?bulan=${bulan}` }, p.nama_lengkap), el('div', { class: 'nip' }, T.nip(p.nip))))));
}
