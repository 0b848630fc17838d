// unit.js: "Unit kerja" for admin and pimpinan.
//  - #/unit: the units of the instansi.
//  - #/unit/{id}/kurva?tahun=2026: the unit's predikat kinerja organisasi (set it), the curve of
//    its pegawai's annual predikat (chart + table, the pola distribusi check and its broken
//    rules), and the public feedback link with its QR code and summary.
import { api } from './api.js';
import { T, TP, PREDIKAT_ORG, angka, angkaDesimal, tanggal } from './teks.js';
import { el, fill, put, labelled, alertBox, showAlert, showProblem, announce, busy } from './ui.js';
import { kurvaPredikat } from './grafik.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export async function unitList(root, ctx) {
  root.append(el('h2', {}, TP.unitJudul), el('p', { class: 'ket' }, TP.unitKet));
  let semua = [];
  let cursor = null;
  do {   // every page: an instansi has tens of units, not thousands
    const d = await api('GET', `/api/v1/unit-kerja?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    semua = semua.concat(d.items);
    cursor = d.next_cursor;
  } while (cursor && semua.length < 5000);
  const items = semua.filter((u) => u.aktif !== false).sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  if (!items.length) { root.append(kosong(TP.unitKosong, ctx && ctx.me.pengguna.peran.includes('admin') ? { label: KOSONG.tambahUnit, href: '#/admin/unit' } : null)); return; }
  root.append(el('ul', { class: 'daftar' }, items.map((u) => el('li', { class: 'kartu' },
    el('p', { class: 'judul-kartu' }, el('a', { href: `#/unit/${u.id}/kurva` }, u.nama)),
    el('p', { class: 'ket' }, [u.kode, TP.unitPegawai(angka(u.jumlah_pegawai || 0))].filter(Boolean).join(' · '))))));
}

export async function unitKurva(root, ctx, params, query) {
  const id = Number(params[0]);
  const sekarang = new Date().getFullYear();
  const tahun = /^\d{4}$/.test(query.get('tahun') || '') ? Number(query.get('tahun')) : sekarang;
  const [unit, kurva] = await Promise.all([api('GET', `/api/v1/unit-kerja/${id}`), api('GET', `/api/v1/unit-kerja/${id}/kurva?tahun=${tahun}`)]);
  const tIn = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, value: String(tahun) });
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': T.pilihTahun, novalidate: true },
    el('div', { class: 'lebar' }, ...labelled(TP.tahun, tIn)), el('button', { type: 'submit', class: 'kedua' }, T.tampilkan));
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (/^\d{4}$/.test(tIn.value.trim())) ctx.go(`#/unit/${id}/kurva?tahun=${tIn.value.trim()}`);
  });
  const secPred = el('section', { class: 'panel', 'aria-labelledby': 'judul-pred-org' });
  const secKurva = el('section', { 'aria-labelledby': 'judul-kurva' });
  const secMasukan = el('section', { 'aria-labelledby': 'judul-masukan' });
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/unit' }, `← ${TP.unitJudul}`)),
    el('h2', {}, unit.nama), filter, secPred, secKurva, secMasukan);
  let k = kurva;
  tampilPredikat();
  tampilKurva();
  masukan(secMasukan, `/api/v1/unit-kerja/${id}/masukan-publik`, unit.nama);

  function tampilPredikat() {
    const fbox = alertBox();
    const sel = el('select', { 'data-field': 'predikat' }, el('option', { value: '' }, TP.pilihPredikat),
      Object.entries(PREDIKAT_ORG).map(([v, t]) => el('option', { value: v }, t)));
    sel.value = k.predikat_organisasi || '';
    const alasan = el('textarea', { rows: 2, 'data-field': 'alasan', maxlength: 2000 });
    const form = el('form', { novalidate: true }, fbox, ...labelled(TP.predOrg, sel), ...labelled(TP.alasanPredOrg, alasan),
      el('button', { type: 'submit' }, TP.simpanPredOrg));
    fill(secPred, el('h3', { id: 'judul-pred-org', tabindex: -1 }, TP.predOrgJudul),
      el('p', { class: 'pred-org-saat-ini' }, k.predikat_organisasi
        ? TP.predOrgSaatIni(PREDIKAT_ORG[k.predikat_organisasi] || k.predikat_organisasi, tahun) : TP.predOrgBelum(tahun)),
      form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = { tahun, predikat: sel.value };
      if (alasan.value.trim()) data.alasan = alasan.value.trim();
      try {
        k = await busy(form, () => api('PUT', `/api/v1/unit-kerja/${id}/predikat-organisasi`, data));
      } catch (e) {
        showProblem(fbox, e, form);
        return;
      }
      tampilPredikat();
      tampilKurva();
      announce(TP.predOrgTersimpan);
      secPred.querySelector('h3').focus();
    });
  }

  function tampilKurva() {
    const n = (k.pelanggaran || []).length;
    const status = k.patuh === true ? el('p', { class: 'baik' }, TP.patuh)
      : k.patuh === false ? el('p', { class: 'peringatan-ringan' }, TP.tidakPatuh(n)) : el('p', { class: 'ket' }, TP.belumDiperiksa);
    fill(secKurva, el('h3', { id: 'judul-kurva' }, TP.kurvaJudul),
      status,
      n ? tabelPelanggaran(k.pelanggaran) : null,
      kurvaPredikat(k.jumlah, TP.grafikJudul(`${unit.nama} ${tahun}`)),
      k.penjelasan && k.penjelasan.length ? el('details', { class: 'penjelasan' }, el('summary', {}, TP.penjelasan),
        el('ul', {}, k.penjelasan.map((t) => el('li', {}, t)))) : null);
  }
}

/** The broken rules of the pola distribusi as a table: the rule, the pegawai it counts, the bound. */
export function tabelPelanggaran(daftar) {
  return el('div', { class: 'gulir' }, el('table', { class: 'tabel-pelanggaran' },
    el('caption', {}, TP.tabelPelanggaran),
    el('thead', {}, el('tr', {}, [TP.kolomAturan, TP.kolomPegawaiSingkat, TP.kolomBatas].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, daftar.map((v) => el('tr', {},
      el('th', { scope: 'row' }, v.aturan), el('td', { class: 'angka' }, angka(v.jumlah)), el('td', { class: 'angka' }, angka(v.batas)))))));
}

/** The public feedback of a unit or a pegawai (`path`): the link, its QR code (SVG, PNG to download) and the summary. */
export async function masukan(sec, path, nama, judul = TP.masukanJudul) {
  const box = alertBox();
  sec.append(el('h3', { id: 'judul-masukan' }, judul), box);
  let m;
  try {
    m = await api('GET', path);
  } catch (e) {
    showProblem(box, e);
    return;
  }
  const r = m.ringkasan;
  const salin = el('button', { type: 'button', class: 'kedua kecil' }, TP.salinTautan);
  salin.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(m.tautan);
      showAlert(box, '');
      announce(TP.tautanDisalin);
    } catch {
      showAlert(box, `${TP.tautanMasukan}: ${m.tautan}`);
    }
  });
  put(sec, el('p', { class: 'ket' }, TP.masukanKet),
    el('p', {}, el('span', { class: 'label' }, `${TP.tautanMasukan}: `), el('a', { href: m.tautan, class: 'tautan-masukan' }, m.tautan)),
    el('p', {}, salin),
    el('p', { class: 'qr' }, el('img', { src: m.qr_svg, alt: TP.qrAlt(nama), width: 200, height: 200 })),
    el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua', href: `/api/v1/publik/masukan/${m.kode}/qr.png`, download: `qr-masukan-${m.kode}.png` }, TP.unduhQrPng)),
    el('p', {}, r.jumlah ? `${TP.jumlahMasukan(angka(r.jumlah))}, ${TP.rataMasukan(angkaDesimal(r.rata_rata))}` : TP.belumAdaMasukan),
    r.jumlah ? el('div', { class: 'gulir' }, el('table', { class: 'tabel-skor' },
      el('caption', {}, TP.perSkor),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, TP.kolomSkor), el('th', { scope: 'col' }, TP.kolomJumlahMasukan))),
      el('tbody', {}, r.per_skor.map((n, i) => el('tr', {}, el('th', { scope: 'row' }, String(i + 1)), el('td', {}, angka(n))))))) : null,
    r.komentar_terbaru.length ? [el('h4', {}, TP.komentarTerbaru),
      el('ul', { class: 'daftar' }, r.komentar_terbaru.map((c) => el('li', { class: 'kartu' },
        el('p', { class: 'teks-panjang' }, c.komentar),
        el('p', { class: 'ket' }, `${TP.kolomSkor} ${c.skor} · ${tanggal(c.tanggal)}`))))] : null);
}
