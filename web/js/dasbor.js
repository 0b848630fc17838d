// dasbor.js: the dashboards of a pegawai and of an atasan's team (issue 8).
//  - #/dasbor (the user's own; admin/pimpinan without a pegawai go to the instansi's) and
//    #/pegawai/{id}/dasbor (a bawahan, for the atasan chain, pimpinan and admin), ?tahun=2026:
//    capaian per IKI (line chart against the target + table), the activity calendar (heatmap +
//    tables), feedback received per month, the predikat history, angka kredit for a JF, and the
//    development recommendations with their reasons.
//  - #/dasbor/tim (?atasan_id= for the atasan's superiors and the instansi's readers): summary
//    cards with the compliance explanation, the bawahan with their risk badges and links to their
//    dashboard, the team's predikat against the pola distribusi.
// Open dashboards follow the server's change events (dasbor-langsung.js).
import { api } from './api.js';
import { T, PREDIKAT, PREDIKAT_ORG, RATING, angka, angkaDesimal, persen, tanggal, durasi, target as teksTarget, BULAN, tanggalUnix } from './teks.js';
import { el, fill, put, labelled, isAdminOrPimpinan } from './ui.js';
import { kurvaPredikat } from './grafik.js';
import { grafikGaris, grafikBatangBulan, kalenderPanas, tabelData, gulir, BULAN_PENDEK, tingkatMenit } from './grafik2.js';
import { TD, persenBulat } from './teks-dasbor.js';
import { langsung } from './dasbor-langsung.js';
import { muatProfil, kartuProfil } from './profil-kinerja.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const TAHUN_INI = () => new Date().getFullYear();

/** ?tahun=2026 when valid, else null (the server's current year). */
export function tahunDari(query) {
  const t = query.get('tahun') || '';
  return /^\d{4}$/.test(t) && Number(t) >= 2000 && Number(t) <= 2100 ? Number(t) : null;
}

/** The links between the dashboards the user may open (shown when there is more than one). */
export function navDasbor(me, aktif) {
  const item = [];
  if (me.pegawai) item.push(['saya', '#/dasbor', TD.dasborSaya]);
  if (me.jumlah_bawahan > 0) item.push(['tim', '#/dasbor/tim', TD.dasborTim]);
  if (isAdminOrPimpinan(me)) item.push(['instansi', '#/dasbor/instansi', TD.dasborInstansi]);
  if (item.length < 2) return null;
  return el('nav', { class: 'nav-dasbor', 'aria-label': TD.navDasbor }, el('ul', {}, item.map(([k, href, t]) =>
    el('li', {}, el('a', { href, 'aria-current': k === aktif ? 'page' : null }, t)))));
}

/** The year filter: a form that navigates to `dasar?tahun=…` (keeps other query keys). */
export function filterTahun(ctx, dasar, tahun, query) {
  const tIn = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, value: String(tahun || TAHUN_INI()) });
  const f = el('form', { class: 'filter filter-tahun', role: 'search', 'aria-label': TD.pilihTahun, novalidate: true },
    el('div', {}, ...labelled(TD.tahun, tIn)), el('button', { type: 'submit', class: 'kedua' }, TD.tampilkan));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = tIn.value.trim();
    if (!/^\d{4}$/.test(t)) return;
    const q = new URLSearchParams(query);
    q.set('tahun', t);
    ctx.go(`${dasar}?${q}`);
  });
  return f;
}

/** Summary cards: [[label, value, note?, key?]]. */
export function kartuRingkas(label, item) {
  return el('section', { class: 'ringkasan ringkasan-dasbor', 'aria-label': label },
    el('ul', {}, item.map(([t, v, ket, kunci]) => el('li', { dataset: kunci ? { kartu: kunci } : null },
      el('span', {}, t), el('strong', {}, v), ket ? el('span', { class: 'ket' }, ket) : null))));
}

/** The compliance share, big, with its explanation lines. */
export function panelKepatuhan(k) {
  return el('div', { class: 'panel panel-kepatuhan' },
    el('p', { class: 'kepatuhan-nilai' }, `${TD.kepatuhan}: `, el('strong', {}, persenBulat(k.persen))),
    k.penjelasan && k.penjelasan.length ? el('details', { class: 'penjelasan' }, el('summary', {}, TD.penjelasanKepatuhan),
      el('ul', {}, k.penjelasan.map((t) => el('li', {}, t)))) : null);
}

/** The risk badges of a pegawai row (label from the server), or "Tidak ada". */
export function lencanaRisiko(risiko) {
  if (!risiko || !risiko.length) return el('span', { class: 'ket' }, TD.tidakBerisiko);
  return el('ul', { class: 'daftar-risiko' }, risiko.map((r) => el('li', {}, el('span', { class: `lencana lencana-risiko risiko-${r.kode}` }, r.label))));
}

/** The pola distribusi state of a curve: {patuh, pelanggaran (count or list)}. */
export function lencanaPola(kurva) {
  if (!kurva) return el('span', { class: 'ket' }, TD.polaBelum);
  const n = Array.isArray(kurva.pelanggaran) ? kurva.pelanggaran.length : Number(kurva.pelanggaran) || 0;
  if (kurva.patuh === true) return el('span', { class: 'lencana lencana-patuh' }, TD.polaSesuai);
  if (kurva.patuh === false) return el('span', { class: 'lencana lencana-langgar' }, TD.polaLanggar(n));
  return el('span', { class: 'lencana lencana-belum-periksa' }, TD.polaBelum);
}

/**
 * The table of pegawai rows of the team and unit dashboards (one card per pegawai on a phone):
 * name with a link to their dashboard, SKP, activities, realisasi, reviews waiting, capaian, risks.
 */
export function tabelPegawai(rows, caption, tahun, dari) {
  const q = new URLSearchParams();
  if (tahun) q.set('tahun', String(tahun));
  if (dari) q.set('dari', dari);
  const qs = q.toString() ? `?${q}` : '';
  const kol = [TD.kolomPegawai, TD.kolomSkp, TD.kolomMingguIni, TD.kolomTerakhir, TD.kolomRealisasiLalu, TD.kolomMenunggu, TD.kolomCapaianYtd, TD.kolomRisiko];
  return el('table', { class: 'tabel-status tabel-bawahan' },
    el('caption', { class: 'sr-only' }, caption),
    el('thead', {}, el('tr', {}, kol.map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, rows.map((p) => el('tr', { class: p.risiko && p.risiko.length ? 'berisiko' : null, dataset: { pegawai: String(p.id) } },
      el('th', { scope: 'row', 'data-label': TD.kolomPegawai },
        el('a', { href: `#/pegawai/${p.id}/dasbor${qs}`, class: 'tautan-pegawai' }, p.nama), el('span', { class: 'nip' }, `NIP ${p.nip}`),
        p.jabatan ? el('span', { class: 'ket' }, p.jabatan) : null),
      el('td', { 'data-label': TD.kolomSkp }, p.skp ? TD.statusRealisasi[p.skp.status] || p.skp.status : TD.tanpaSkp),
      el('td', { 'data-label': TD.kolomMingguIni }, angka(p.aktivitas_minggu_ini)),
      el('td', { 'data-label': TD.kolomTerakhir }, p.aktivitas_terakhir ? tanggal(p.aktivitas_terakhir) : '—',
        p.hari_kerja_tanpa_aktivitas >= 5 ? el('span', { class: 'ket' }, ` (${TD.hariTanpa(angka(p.hari_kerja_tanpa_aktivitas))})`) : null),
      el('td', { 'data-label': TD.kolomRealisasiLalu }, p.realisasi_bulan_lalu ? TD.sudah : TD.belum),
      el('td', { 'data-label': TD.kolomMenunggu }, angka(p.menunggu_review)),
      el('td', { 'data-label': TD.kolomCapaianYtd }, persenBulat(p.capaian_persen)),
      el('td', { 'data-label': TD.kolomRisiko }, lencanaRisiko(p.risiko))))));
}

// ---------------------------------------------------------------------------------------------
// pegawai dashboard

export async function dasborPegawai(root, ctx, params, query) {
  const me = ctx.me;
  if (!params[0] && !me.pegawai) {
    if (isAdminOrPimpinan(me)) {
      const { dasborInstansi } = await import('./dasbor-unit.js');
      return dasborInstansi(root, ctx, [], query);
    }
    root.append(el('h2', {}, TD.dasborSaya), el('p', {}, TD.tanpaPegawai));
    return;
  }
  const pid = params[0] ? Number(params[0]) : me.pegawai.id;
  const milik = !!(me.pegawai && me.pegawai.id === pid);
  const tahun = tahunDari(query);
  const qs = tahun ? `?tahun=${tahun}` : '';
  const muatData = () => Promise.all([api('GET', `/api/v1/dasbor/pegawai/${pid}${qs}`),
    api('GET', `/api/v1/pegawai/${pid}/rekomendasi${qs}`).catch((e) => ({ galat: e })), muatProfil(pid, tahun)]);
  let [d, rek, profil] = await muatData();
  const dari = query.get('dari') || '';
  const kembali = /^unit-\d+$/.test(dari) ? [`#/dasbor/unit/${dari.slice(5)}`, TD.dasborUnit('unit')]
    : dari === 'instansi' ? ['#/dasbor/instansi', TD.dasborInstansi] : !milik && me.jumlah_bawahan > 0 ? ['#/dasbor/tim', TD.dasborTim] : null;
  const isi = el('div', { class: 'isi-dasbor' });
  const status = langsung(root, async () => { [d, rek, profil] = await muatData(); gambar(); });
  put(root, kembali ? el('p', { class: 'jejak' }, el('a', { href: kembali[0] }, `← ${kembali[1]}`)) : null,
    milik && !params[0] ? navDasbor(me, 'saya') : null,
    el('h2', {}, milik ? TD.dasborSaya : TD.dasborPegawai(d.pegawai.nama)),
    el('p', { class: 'subjudul' }, TD.identitas(d.pegawai.jabatan, d.pegawai.unit_kerja)),
    filterTahun(ctx, params[0] ? `#/pegawai/${pid}/dasbor` : '#/dasbor', d.tahun, query), status, isi);
  gambar();
  status.tandai();

  function gambar() {
    fill(isi, kartuProfil(profil), bagianCapaian(d), bagianKalender(d), bagianUmpanBalik(d), bagianPredikat(d),
      d.angka_kredit ? bagianAk(d, milik ? '#/angka-kredit' : `#/pegawai/${pid}/angka-kredit`) : null, bagianRekomendasi(rek));
  }
}

function seksi(id, judul, ...isi) {
  return el('section', { class: 'seksi-dasbor', 'aria-labelledby': id }, el('h3', { id }, judul), ...isi);
}

function bagianCapaian(d) {
  const items = d.capaian || [];
  if (!items.length) return seksi('judul-capaian', TD.capaianJudul, kosong(TD.capaianKosong(d.tahun), { label: KOSONG.keSkp, href: '#/skp' }));
  return seksi('judul-capaian', TD.capaianJudul, el('p', { class: 'ket' }, TD.capaianKet),
    el('ol', { class: 'daftar-iki-dasbor' }, items.map((k, i) => el('li', { class: 'kartu iki-dasbor', dataset: { iki: String(k.iki_id) } },
      el('h4', {}, k.indikator), el('p', { class: 'ket' }, k.rhk),
      el('p', {}, `${TD.target}: ${teksTarget(k)}`),
      ringkasIki(k), grafikIki(k, i)))));
}

function ringkasIki(k) {
  const y = k.tahun_berjalan;
  if (!y) return el('p', { class: 'ket' }, k.target_angka === null ? TD.teksSaja : TD.capaianBelum);
  return el('p', { class: 'capaian-ytd' }, TD.capaianTahun(angka(y.realisasi), persen(y.capaian_persen), persen(y.capaian_prorata_persen), y.sampai_bulan));
}

function grafikIki(k, i) {
  const dihitung = (b) => b && b.nilai_angka !== null && (b.status === 'diajukan' || b.status === 'disetujui');
  const bulan = k.bulan || [];
  const baris = bulan.map((b, m) => [BULAN[m], b ? (b.nilai_angka !== null ? angka(b.nilai_angka) : b.nilai_teks || '—') : TD.belumDiisi,
    b ? TD.statusRealisasi[b.status] || b.status : '—', b && b.capaian_persen ? persen(b.capaian_persen) : '—']);
  const tabel = tabelData({ caption: TD.tabelIki(k.indikator), kolom: [TD.kolomBulan, TD.kolomRealisasi, TD.kolomStatus, TD.kolomCapaian], baris,
    kaki: k.tahun_berjalan ? [TD.tahunBerjalan, angka(k.tahun_berjalan.realisasi), '', persen(k.tahun_berjalan.capaian_persen)] : null });
  if (k.target_angka === null || k.target_angka === undefined) return el('details', { class: 'data-grafik' }, el('summary', {}, TD.tabelIki(k.indikator)), gulir(TD.tabelIki(k.indikator), tabel));
  const t = Number(k.target_angka);
  const sampai = (k.tahun_berjalan && k.tahun_berjalan.sampai_bulan) || 12;
  let seri;
  if (k.target_satuan === '%') {
    seri = [{ nama: TD.realisasiBulan, nilai: bulan.map((b) => (dihitung(b) ? Number(b.nilai_angka) : null)), kelas: 'seri-realisasi' },
      { nama: `${TD.targetGaris} ${teksTarget(k)}`, nilai: bulan.map(() => t), kelas: 'seri-target', putus: true }];
  } else {
    let jml = 0;
    seri = [{ nama: TD.kumulatif, nilai: bulan.map((b, m) => { if (dihitung(b)) jml += Number(b.nilai_angka); return m < sampai ? jml : null; }), kelas: 'seri-realisasi' },
      { nama: TD.targetProrata, nilai: bulan.map((_, m) => Math.round((t * (m + 1) / 12) * 100) / 100), kelas: 'seri-target', putus: true }];
  }
  const ringkas = TD.ringkasIki(bulan.map((b, m) => `${BULAN_PENDEK[m]} ${b && b.nilai_angka !== null ? angka(b.nilai_angka) : '—'}`).join(', '));
  return el('figure', { class: 'grafik-iki' },
    grafikGaris({ judul: TD.grafikIki(k.indikator), ringkas, seri }),
    el('figcaption', { class: 'sr-only' }, TD.grafikIki(k.indikator)),
    el('details', { class: 'data-grafik', open: i === 0 }, el('summary', {}, TD.tabelIki(k.indikator)), gulir(TD.tabelIki(k.indikator), tabel)));
}

function bagianKalender(d) {
  const k = d.kalender || { hari: [], hari_tercatat: 0, menit: 0 };
  if (!k.hari.length) return seksi('judul-kalender', TD.kalenderJudul, kosong(TD.kalenderKosong(d.tahun), { label: KOSONG.keAktivitas, href: '#/aktivitas' }));
  const per = Array.from({ length: 12 }, () => ({ hari: 0, aktivitas: 0, menit: 0, puncak: null }));
  for (const h of k.hari) {
    const m = Number(h.tanggal.slice(5, 7)) - 1;
    if (m < 0 || m > 11) continue;
    const p = per[m];
    p.hari += 1; p.aktivitas += h.aktivitas; p.menit += h.menit;
    if (!p.puncak || h.menit > p.puncak.menit) p.puncak = h;
  }
  const ringkas = TD.kalenderRingkas(angka(k.hari_tercatat), durasi(k.menit));
  return seksi('judul-kalender', TD.kalenderJudul, el('p', { class: 'ket' }, TD.kalenderKet), el('p', { class: 'kalender-ringkas' }, ringkas),
    el('figure', { class: 'kalender' },
      kalenderPanas({ tahun: d.tahun, hari: k.hari, hariIni: d.hari_ini, judul: `${TD.kalenderJudul} ${d.tahun}`, ringkas,
        labelHari: (iso, h) => TD.labelHari(tanggal(iso), h ? angka(h.aktivitas) : 0, h ? durasi(h.menit) : '') }),
      el('figcaption', { class: 'ket legenda-teks' }, TD.legenda.map((t, i) => el('span', { class: 'legenda-item' }, el('span', { class: `kotak-warna tingkat-${i}`, 'aria-hidden': 'true' }), t)))),
    gulir(TD.tabelKalender, tabelData({ caption: TD.tabelKalender, kolom: [TD.kolomBulan, TD.kolomHariTercatat, TD.kolomAktivitas, TD.kolomWaktu, TD.kolomHariTersibuk],
      baris: per.map((p, m) => [BULAN[m], angka(p.hari), angka(p.aktivitas), p.menit ? durasi(p.menit) : '—', p.puncak ? tanggal(p.puncak.tanggal) : '—']),
      kaki: [T.jumlah, angka(k.hari_tercatat), angka(k.hari.reduce((a, h) => a + h.aktivitas, 0)), durasi(k.menit), ''] })),
    el('details', { class: 'data-grafik' }, el('summary', {}, TD.rincianHari),
      gulir(TD.tabelHari, tabelData({ caption: TD.tabelHari, kolom: [TD.kolomTanggal, TD.kolomAktivitas, TD.kolomWaktu],
        baris: k.hari.map((h) => [el('span', { class: `tingkat-teks tingkat-${tingkatMenit(h.menit)}` }, tanggal(h.tanggal)), angka(h.aktivitas), durasi(h.menit)]) }))));
}

function bagianUmpanBalik(d) {
  const u = d.umpan_balik || { total: 0, per_bulan: [], terbaru: [] };
  if (!u.total) return seksi('judul-ub', TD.umpanBalikJudul, kosong(TD.umpanBalikKosong, { label: KOSONG.keAktivitas, href: '#/aktivitas' }));
  const nilai = Array.from({ length: 12 }, (_, m) => { const x = u.per_bulan.find((b) => b.bulan === m + 1); return x ? x.jumlah : 0; });
  const ringkas = TD.umpanBalikRingkas(angka(u.total));
  return seksi('judul-ub', TD.umpanBalikJudul, el('p', {}, ringkas),
    el('figure', { class: 'grafik-ub' }, grafikBatangBulan({ judul: TD.grafikUmpanBalik, ringkas: nilai.map((n, m) => `${BULAN_PENDEK[m]} ${n}`).join(', '), nilai }),
      el('figcaption', { class: 'sr-only' }, TD.grafikUmpanBalik)),
    el('details', { class: 'data-grafik' }, el('summary', {}, TD.grafikUmpanBalik),
      gulir(TD.grafikUmpanBalik, tabelData({ caption: TD.grafikUmpanBalik, kolom: [TD.kolomBulan, TD.kolomJumlah], baris: nilai.map((n, m) => [BULAN[m], angka(n)]),
        kaki: [T.jumlah, angka(nilai.reduce((a, b) => a + b, 0))] }))),
    u.terbaru.length ? [el('h4', {}, TD.terbaru), el('ul', { class: 'daftar daftar-ub' }, u.terbaru.map((x) => el('li', {},
      el('p', { class: 'teks-panjang' }, x.isi), el('p', { class: 'ket' }, `${x.penulis} · ${tanggalUnix(x.dibuat)}`))))] : null);
}

function bagianPredikat(d) {
  const p = d.predikat || [];
  if (!p.length) return seksi('judul-predikat', TD.predikatJudul, kosong(TD.predikatKosong, { label: KOSONG.kePenilaian, href: '#/penilaian' }));
  return seksi('judul-predikat', TD.predikatJudul, gulir(TD.tabelPredikat, el('table', { class: 'tabel-predikat' },
    el('caption', { class: 'sr-only' }, TD.predikatJudul),
    el('thead', {}, el('tr', {}, [TD.kolomPeriode, TD.kolomRatingHasil, TD.kolomRatingPerilaku, TD.kolomPredikat].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, p.map((x) => el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: `#/penilaian/${x.id}` }, `${x.jenis === 'tahunan' ? TD.tahunan : TD.periodeKe(x.periode_ke)}, ${tanggal(x.mulai)} – ${tanggal(x.selesai)}`)),
      el('td', {}, RATING[x.rating_hasil] || x.rating_hasil || '—'),
      el('td', {}, RATING[x.rating_perilaku] || x.rating_perilaku || '—'),
      el('td', {}, el('strong', {}, PREDIKAT[x.predikat] || x.predikat))))))));
}

function bagianAk(d, href) {
  const a = d.angka_kredit;
  return seksi('judul-ak-dasbor', TD.akJudul,
    el('p', { class: 'ak-total' }, TD.akRingkas(angkaDesimal(a.total), a.jenjang_label || a.jenjang)),
    a.kebutuhan_pangkat !== undefined ? el('p', {}, TD.akKebutuhan(angka(a.kebutuhan_pangkat), angkaDesimal(a.kekurangan_pangkat))) : null,
    el('p', {}, el('a', { href, class: 'tautan-sentuh' }, TD.akRincian)));
}

function bagianRekomendasi(r) {
  if (!r || r.galat) return seksi('judul-rek', TD.rekJudul, kosong(r && r.galat ? r.galat.message : TD.rekKosong));
  const m = r.masukan || {};
  const dilihat = [
    m.skor_360_cukup ? TD.skor360(angka(m.responden_360)) : `${TD.skor360(angka(m.responden_360 || 0))}: ${TD.skor360Kurang}`,
    TD.ikiBawah(angka((m.iki_di_bawah_target || []).length)),
    TD.umpanBalikDibaca(angka(m.umpan_balik_dibaca || 0)),
  ];
  return seksi('judul-rek', TD.rekJudul, el('p', { class: 'ket' }, TD.rekKet),
    r.rekomendasi.length ? el('ul', { class: 'daftar daftar-rekomendasi' }, r.rekomendasi.map((x) => el('li', { class: 'rekomendasi' },
      el('h4', {}, x.katalog.judul), x.katalog.deskripsi ? el('p', {}, x.katalog.deskripsi) : null,
      el('p', { class: 'label' }, TD.alasan), el('ul', { class: 'alasan' }, x.alasan.map((t) => el('li', {}, t)))))) : kosong(TD.rekKosong),
    el('details', { class: 'penjelasan' }, el('summary', {}, TD.masukanDilihat),
      el('ul', {}, dilihat.map((t) => el('li', {}, t)),
        m.skor_360_cukup ? (m.skor_360 || []).map((s) => el('li', {}, TD.skorNilai(s.nama, angkaDesimal(s.rata)))) : null,
        (m.iki_di_bawah_target || []).map((k) => el('li', {}, TD.ikiBawahBaris(k.indikator, persen(k.capaian_prorata_persen))))),
      r.cara ? el('p', { class: 'ket' }, `${TD.cara}: ${r.cara}`) : null));
}

// ---------------------------------------------------------------------------------------------
// team dashboard

export async function dasborTim(root, ctx, params, query) {
  const me = ctx.me;
  const tahun = tahunDari(query);
  const atasan = /^\d+$/.test(query.get('atasan_id') || '') ? query.get('atasan_id') : '';
  const q = new URLSearchParams();
  if (atasan) q.set('atasan_id', atasan);
  if (tahun) q.set('tahun', String(tahun));
  const url = `/api/v1/dasbor/tim${q.toString() ? `?${q}` : ''}`;
  let d = await api('GET', url);
  const milik = me.pegawai && d.atasan && d.atasan.id === me.pegawai.id;
  const isi = el('div', { class: 'isi-dasbor' });
  const status = langsung(root, async () => { d = await api('GET', url); gambar(); });
  put(root, milik ? navDasbor(me, 'tim') : null,
    el('h2', {}, milik ? TD.dasborTim : TD.timOrang(d.atasan ? d.atasan.nama : '')),
    el('p', { class: 'ket' }, TD.timKet),
    filterTahun(ctx, '#/dasbor/tim', d.tahun, query), status, isi);
  gambar();
  status.tandai();

  function gambar() {
    const r = d.ringkasan;
    const bawahan = d.bawahan || [];
    fill(isi,
      el('p', { class: 'ket' }, TD.mingguIni(tanggal(d.minggu.dari), tanggal(d.minggu.sampai))),
      kartuRingkas(TD.dasborTim, [
        [TD.kartuBawahan, angka(r.bawahan), null, 'bawahan'],
        [TD.kartuSkp, angka(r.skp_disetujui), null, 'skp'],
        [TD.kartuMencatat, angka(r.mencatat_minggu_ini), null, 'mencatat'],
        [TD.kartuRealisasi, angka(r.realisasi_bulan_lalu), BULAN[(d.bulan_realisasi || 1) - 1], 'realisasi'],
        [TD.kartuMenunggu, angka(r.menunggu_review_aktivitas + r.menunggu_review_realisasi),
          TD.kartuMenungguRinci(angka(r.menunggu_review_aktivitas), angka(r.menunggu_review_realisasi)), 'menunggu'],
        [TD.kartuBerisiko, angka(r.berisiko), null, 'berisiko'],
      ]),
      panelKepatuhan(r.kepatuhan),
      seksi('judul-bawahan', TD.bawahanJudul, bawahan.length ? tabelPegawai(bawahan, TD.bawahanJudul, tahun) : kosong(TD.bawahanKosong, { label: KOSONG.keBawahan, href: '#/' })),
      seksi('judul-distribusi-tim', TD.distribusiJudul,
        d.kurva ? el('p', {}, d.kurva.predikat_organisasi ? TD.predikatOrg(predOrg(d.kurva.predikat_organisasi)) : TD.predikatOrgBelum, ' ', lencanaPola(d.kurva)) : null,
        kurvaPredikat(d.distribusi || {}, TD.distribusiTim(d.tahun)),
        d.kurva && d.kurva.pelanggaran && d.kurva.pelanggaran.length ? el('ul', { class: 'pelanggaran' }, d.kurva.pelanggaran.map((v) => el('li', {}, v.aturan))) : null,
        d.kurva && d.kurva.penjelasan && d.kurva.penjelasan.length ? el('details', { class: 'penjelasan' }, el('summary', {}, TD.polaJudul),
          el('ul', {}, d.kurva.penjelasan.map((t) => el('li', {}, t)))) : null));
  }
}

export function predOrg(k) { return PREDIKAT_ORG[k] || k; }
