// dasbor-unit.js: the dashboards of the instansi and of a unit (issue 8; admin, pimpinan).
//  - #/dasbor/instansi?tahun=: the instansi's summary with its compliance explanation, the
//    top-level units in a table sortable by each column (drill-down), the monthly trend, the
//    top and bottom units, the predikat distribution of each unit against its pola distribusi.
//  - #/dasbor/unit/{id}?tahun=: the same for a unit and everything below it, with breadcrumbs
//    (lingkup.jalur), its child units, its own pegawai (links to their dashboards) and its curve.
// Both follow the server's change events (dasbor-langsung.js).
import { api } from './api.js';
import { T, PREDIKAT, URUT_KURVA, angka, tanggal, BULAN, durasi } from './teks.js';
import { el, fill, put } from './ui.js';
import { kurvaPredikat } from './grafik.js';
import { grafikGaris, tabelData, gulir, BULAN_PENDEK } from './grafik2.js';
import { TD, persenBulat } from './teks-dasbor.js';
import { langsung } from './dasbor-langsung.js';
import { navDasbor, filterTahun, kartuRingkas, panelKepatuhan, lencanaPola, tabelPegawai, tahunDari, predOrg } from './dasbor.js';
import { tabelPelanggaran } from './unit.js';
import { seksiProfilUnit } from './profil-kinerja.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export function dasborInstansi(root, ctx, params, query) {
  return dasborLingkup(root, ctx, null, query);
}

export function dasborUnit(root, ctx, params, query) {
  return dasborLingkup(root, ctx, Number(params[0]), query);
}

async function dasborLingkup(root, ctx, unitId, query) {
  const tahun = tahunDari(query);
  const qs = tahun ? `?tahun=${tahun}` : '';
  const url = unitId ? `/api/v1/dasbor/unit/${unitId}${qs}` : `/api/v1/dasbor/instansi${qs}`;
  let d = await api('GET', url);
  const urut = { kunci: null, turun: false };   // the sort of the units' table, kept across refetches
  const isi = el('div', { class: 'isi-dasbor' });
  const status = langsung(root, async () => { d = await api('GET', url); gambar(); });
  const dasar = unitId ? `#/dasbor/unit/${unitId}` : '#/dasbor/instansi';
  const profilUnit = unitId ? seksiProfilUnit(unitId, d.tahun) : null;   // kept across refetches: computed on request
  put(root, unitId ? jejak(d, tahun) : navDasbor(ctx.me, 'instansi'),
    el('h2', {}, unitId ? TD.dasborUnit(d.lingkup.nama) : TD.dasborInstansi),
    el('p', { class: 'ket' }, unitId ? TD.unitKet : TD.instansiKet),
    filterTahun(ctx, dasar, d.tahun, query), status, isi);
  gambar();
  status.tandai();

  function gambar() {
    // keep the keyboard focus on the same control after a redraw
    const fokus = document.activeElement && isi.contains(document.activeElement) ? document.activeElement.dataset.kunci : null;
    const r = d.ringkasan;
    const q = tahun ? `?tahun=${tahun}` : '';
    fill(isi,
      el('p', { class: 'ket' }, TD.mingguIni(tanggal(d.minggu.dari), tanggal(d.minggu.sampai))),
      kartuRingkas(unitId ? d.lingkup.nama : TD.dasborInstansi, [
        [TD.kartuPegawai, angka(r.pegawai), null, 'pegawai'],
        [TD.kartuSkp, angka(r.skp_disetujui), persenBulat(r.kepatuhan.skp_persen), 'skp'],
        [TD.kartuMencatat, angka(r.mencatat_minggu_ini), persenBulat(r.kepatuhan.aktivitas_persen), 'mencatat'],
        [TD.kartuRealisasi, angka(r.realisasi_bulan_lalu), `${BULAN[(d.bulan_realisasi || 1) - 1]} · ${persenBulat(r.kepatuhan.realisasi_persen)}`, 'realisasi'],
        [TD.kartuMenunggu, angka(r.menunggu_review), null, 'menunggu'],
        unitId && d.pegawai_berisiko !== undefined ? [TD.kartuBerisiko, angka(d.pegawai_berisiko), null, 'berisiko'] : null,
        d.tpp ? [TD.kartuTpp, `Rp${angka(d.tpp.proyeksi_setahun)}`, TD.kartuTppRinci(BULAN[d.tpp.bulan_terakhir - 1], `Rp${angka(d.tpp.jumlah_bulan_terakhir)}`), 'tpp'] : null,
      ].filter(Boolean)),
      panelKepatuhan(r.kepatuhan),
      seksiAnak(),
      unitId ? seksiPegawai() : null,
      profilUnit,
      seksiTren(),
      unitId ? null : seksiPeringkat(q),
      seksiDistribusi());
    if (fokus) isi.querySelector(`[data-kunci="${CSS.escape(fokus)}"]`)?.focus();
  }

  function seksiAnak() {
    const anak = d.anak || [];
    const sec = el('section', { class: 'seksi-dasbor', 'aria-labelledby': 'judul-anak' }, el('h3', { id: 'judul-anak' }, TD.unitAnakJudul));
    if (!anak.length) { sec.append(kosong(TD.unitAnakKosong, { label: KOSONG.keUnit, href: '#/unit' })); return sec; }
    const kol = [
      ['nama', TD.kolomUnit, (u) => u.nama],
      ['pegawai', TD.kolomJumlahPegawai, (u) => u.pegawai],
      ['skp', TD.kolomSkpDisetujui, (u) => u.kepatuhan.skp_persen],
      ['mencatat', TD.kolomMencatat, (u) => u.kepatuhan.aktivitas_persen],
      ['realisasi', TD.kolomRealisasiDiisi, (u) => u.kepatuhan.realisasi_persen],
      ['menunggu', TD.kolomMenunggu, (u) => u.menunggu_review],
      ['kepatuhan', TD.kolomKepatuhan, (u) => u.kepatuhan.persen],
    ];
    const baris = anak.slice();
    if (urut.kunci) {
      const f = kol.find((k) => k[0] === urut.kunci)[2];
      baris.sort((a, b) => {
        const x = f(a), y = f(b);
        let c;
        if (typeof x === 'string') c = x.localeCompare(y, 'id');
        else c = (x === null ? -1 : x) - (y === null ? -1 : y);
        return urut.turun ? -c : c;
      });
    }
    const q = tahun ? `?tahun=${tahun}` : '';
    const tabel = el('table', { class: 'tabel-unit' },
      el('caption', { class: 'sr-only' }, TD.unitAnakJudul),
      el('thead', {}, el('tr', {}, kol.map(([k, t]) => {
        const aktif = urut.kunci === k;
        const b = el('button', { type: 'button', class: 'urut', dataset: { kunci: `urut-${k}` } }, t,
          el('span', { class: 'panah', 'aria-hidden': 'true' }, aktif ? (urut.turun ? ' ▼' : ' ▲') : ' ↕'));
        b.addEventListener('click', () => {
          if (urut.kunci === k) urut.turun = !urut.turun; else { urut.kunci = k; urut.turun = k !== 'nama'; }
          gambar();
        });
        return el('th', { scope: 'col', 'aria-sort': aktif ? (urut.turun ? 'descending' : 'ascending') : null }, b);
      }))),
      el('tbody', {}, baris.map((u) => el('tr', { dataset: { unit: String(u.id) } },
        el('th', { scope: 'row' }, el('a', { href: `#/dasbor/unit/${u.id}${q}`, class: 'tautan-unit' }, u.nama)),
        el('td', { class: 'angka' }, angka(u.pegawai)),
        el('td', { class: 'angka' }, `${angka(u.skp_disetujui)} (${persenBulat(u.kepatuhan.skp_persen)})`),
        el('td', { class: 'angka' }, `${angka(u.mencatat_minggu_ini)} (${persenBulat(u.kepatuhan.aktivitas_persen)})`),
        el('td', { class: 'angka' }, `${angka(u.realisasi_bulan_lalu)} (${persenBulat(u.kepatuhan.realisasi_persen)})`),
        el('td', { class: 'angka' }, angka(u.menunggu_review)),
        el('td', { class: 'angka' }, el('strong', {}, persenBulat(u.kepatuhan.persen)))))));
    sec.append(el('p', { class: 'ket' }, TD.unitAnakKet), gulir(TD.tabelUnit, tabel));
    return sec;
  }

  function seksiPegawai() {
    const p = d.pegawai || [];
    return el('section', { class: 'seksi-dasbor', 'aria-labelledby': 'judul-pegawai-unit' }, el('h3', { id: 'judul-pegawai-unit' }, TD.pegawaiUnitJudul),
      p.length ? [el('p', { class: 'ket' }, TD.pegawaiUnitKet(angka(p.length))), tabelPegawai(p, TD.pegawaiUnitJudul, tahun, `unit-${unitId}`)]
        : kosong(TD.pegawaiUnitKosong, { label: KOSONG.keUnit, href: '#/unit' }));
  }

  function seksiTren() {
    const tren = Array.from({ length: 12 }, (_, m) => (d.tren || []).find((x) => x.bulan === m + 1) || { bulan: m + 1, aktivitas: 0, menit: 0, pegawai_mencatat: 0 });
    const judul = TD.trenGrafik(d.tahun);
    // months not begun yet are not drawn (no line down to zero)
    const batas = d.hari_ini && Number(d.hari_ini.slice(0, 4)) === d.tahun ? Number(d.hari_ini.slice(5, 7)) : 12;
    return el('section', { class: 'seksi-dasbor', 'aria-labelledby': 'judul-tren' }, el('h3', { id: 'judul-tren' }, TD.trenJudul),
      el('figure', { class: 'grafik-tren' },
        grafikGaris({ judul, ringkas: tren.map((t, m) => `${BULAN_PENDEK[m]} ${t.pegawai_mencatat}`).join(', '),
          seri: [{ nama: TD.trenSeriPegawai, nilai: tren.map((t, m) => (m + 1 > batas ? null : t.pegawai_mencatat)), kelas: 'seri-realisasi' }] }),
        el('figcaption', { class: 'sr-only' }, judul)),
      gulir(TD.tabelTren, tabelData({ caption: TD.tabelTren, kolom: [TD.kolomBulan, TD.trenKolomAktivitas, TD.trenKolomJam, TD.trenKolomPegawai],
        baris: tren.map((t, m) => [BULAN[m], angka(t.aktivitas), t.menit ? durasi(t.menit) : '—', angka(t.pegawai_mencatat)]),
        kaki: [T.jumlah, angka(tren.reduce((a, t) => a + t.aktivitas, 0)), durasi(tren.reduce((a, t) => a + t.menit, 0)), ''] })));
  }

  function seksiPeringkat(q) {
    const daftar = (rows, id, judul) => el('div', { class: 'peringkat' }, el('h4', { id }, judul),
      rows.length ? el('ol', { class: 'daftar daftar-peringkat', 'aria-labelledby': id }, rows.map((u) => el('li', {},
        el('a', { href: `#/dasbor/unit/${u.id}${q}` }, u.nama), ' ', el('strong', {}, persenBulat(u.kepatuhan.persen)),
        el('span', { class: 'ket' }, ` · ${T.jumlahCari(angka(u.pegawai))}`)))) : kosong(TD.peringkatKosong, { label: KOSONG.keUnit, href: '#/unit' }));
    return el('section', { class: 'seksi-dasbor', 'aria-labelledby': 'judul-peringkat' }, el('h3', { id: 'judul-peringkat' }, TD.peringkatJudul),
      el('p', { class: 'ket' }, TD.peringkatKet),
      daftar(d.teratas || [], 'judul-teratas', TD.teratas), daftar(d.terbawah || [], 'judul-terbawah', TD.terbawah));
  }

  function seksiDistribusi() {
    const jumlah = (d.distribusi && d.distribusi.jumlah) || {};
    const judul = unitId ? TD.distribusiUnit(d.lingkup.nama, d.tahun) : TD.distribusiInstansi(d.tahun);
    const anak = d.anak || [];
    const k = unitId ? d.kurva : null;
    return el('section', { class: 'seksi-dasbor', 'aria-labelledby': 'judul-distribusi' }, el('h3', { id: 'judul-distribusi' }, TD.distribusiJudul),
      k ? el('p', {}, k.predikat_organisasi ? TD.predikatOrg(predOrg(k.predikat_organisasi)) : TD.predikatOrgBelum, ' ', lencanaPola(k)) : null,
      k && k.pelanggaran && k.pelanggaran.length ? tabelPelanggaran(k.pelanggaran) : null,
      kurvaPredikat(jumlah, judul),
      unitId ? el('p', {}, el('a', { href: `#/unit/${unitId}/kurva${tahun ? `?tahun=${tahun}` : ''}`, class: 'tautan-sentuh' }, TD.kurvaUnitLink)) : null,
      anak.length ? [el('h4', { id: 'judul-pola-unit' }, TD.polaPerUnit), el('p', { class: 'ket' }, TD.polaPerUnitKet),
        gulir(TD.tabelPola, el('table', { class: 'tabel-pola' },
          el('caption', { class: 'sr-only' }, TD.polaPerUnit),
          el('thead', {}, el('tr', {}, [TD.kolomUnit, TD.kolomPredOrg, TD.kolomDistribusi, TD.kolomPola].map((t) => el('th', { scope: 'col' }, t)))),
          el('tbody', {}, anak.map((u) => el('tr', {},
            el('th', { scope: 'row' }, u.nama),
            el('td', {}, u.kurva && u.kurva.predikat_organisasi ? predOrg(u.kurva.predikat_organisasi) : '—'),
            el('td', { class: 'angka', title: URUT_KURVA.slice().reverse().map((p) => `${PREDIKAT[p]} ${angka((u.distribusi && u.distribusi.jumlah[p]) || 0)}`).join(', ') },
              URUT_KURVA.slice().reverse().map((p) => angka((u.distribusi && u.distribusi.jumlah[p]) || 0)).join(' / ')),
            el('td', {}, lencanaPola(u.kurva)))))))] : null);
  }
}

function jejak(d, tahun) {
  const q = tahun ? `?tahun=${tahun}` : '';
  const jalur = (d.lingkup && d.lingkup.jalur) || [];
  return el('nav', { class: 'jejak jejak-unit', 'aria-label': TD.jejakLabel }, el('ol', {},
    el('li', {}, el('a', { href: `#/dasbor/instansi${q}` }, TD.jejakInstansi)),
    jalur.map((u) => el('li', {}, el('a', { href: `#/dasbor/unit/${u.id}${q}` }, u.nama))),
    el('li', {}, el('span', { 'aria-current': 'page' }, d.lingkup.nama))));
}

