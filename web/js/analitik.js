// analitik.js: "Analitik" (#/analitik?unit_kerja_id=&tahun=; admin, pimpinan): how lenient or
// strict each penilai is against the instansi (z statistic, never judged under 10 predikat),
// evidence gaps (realisasi without bukti, activities without an RHK), the talent 9-box (kinerja
// from the predikat x potensi from HR; a box lists its pegawai) with the potensi entry for admins,
// and the pegawai whose last three penilaian are all Sangat Baik.
import { api } from './api.js';
import { PREDIKAT, angka, angkaDesimal } from './teks.js';
import { el, fill, put, labelled, alertBox, showAlert, showProblem, announce, busy, galatLokal, nextId } from './ui.js';
import { TD } from './teks-dasbor.js';
import { tahunDari } from './dasbor.js';
import { muatUnit } from './laporan.js';
import { gulir } from './grafik2.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const TINGKAT = ['rendah', 'menengah', 'tinggi'];

export async function analitik(root, ctx, params, query) {
  const admin = ctx.me.pengguna.peran.includes('admin');
  const tahun = tahunDari(query) || new Date().getFullYear();
  const unit = /^\d+$/.test(query.get('unit_kerja_id') || '') ? query.get('unit_kerja_id') : '';
  const q = new URLSearchParams({ tahun: String(tahun) });
  if (unit) q.set('unit_kerja_id', unit);
  // the scope: a unit (and below) or the instansi, and the year
  const unitSel = el('select', {}, el('option', { value: '' }, TD.semuaUnit));
  const tIn = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, value: String(tahun) });
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': TD.cakupanAnalitik, novalidate: true },
    el('div', { class: 'lebar' }, ...labelled(TD.cakupanUnit, unitSel)), el('div', {}, ...labelled(TD.tahun, tIn)),
    el('button', { type: 'submit', class: 'kedua' }, TD.tampilkan));
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const nq = new URLSearchParams();
    if (unitSel.value) nq.set('unit_kerja_id', unitSel.value);
    if (/^\d{4}$/.test(tIn.value.trim())) nq.set('tahun', tIn.value.trim());
    ctx.go(`#/analitik${nq.toString() ? `?${nq}` : ''}`);
  });
  const box = alertBox();
  const secK = el('section', { class: 'seksi-dasbor', 'aria-labelledby': 'judul-kelonggaran' });
  const secB = el('section', { class: 'seksi-dasbor', 'aria-labelledby': 'judul-bukti' });
  const secT = el('section', { class: 'seksi-dasbor', 'aria-labelledby': 'judul-talenta' });
  put(root, el('h2', {}, TD.analitikJudul), el('p', { class: 'ket' }, TD.analitikKet),
    admin ? el('p', {}, el('a', { href: '#/katalog', class: 'tautan-sentuh' }, TD.katalogTautan)) : null,
    filter, box, secK, secB, secT);
  muatUnit(unitSel).then(() => { unitSel.value = unit; }).catch(() => {});
  const [k, b, t] = await Promise.all([
    api('GET', `/api/v1/analitik/kelonggaran?${q}`).catch((e) => ({ galat: e })),
    api('GET', `/api/v1/analitik/bukti?${q}`).catch((e) => ({ galat: e })),
    api('GET', `/api/v1/analitik/talenta?${q}`).catch((e) => ({ galat: e }))]);
  const galat = [k, b, t].find((x) => x.galat);
  if (galat) showProblem(box, galat.galat);
  kelonggaran(secK, k);
  bukti(secB, b, tahun);
  talenta(secT, t, { admin, tahun, q });
}

function kelonggaran(sec, d) {
  sec.append(el('h3', { id: 'judul-kelonggaran' }, TD.kelonggaranJudul));
  if (d.galat) { sec.append(el('p', { class: 'kosong' }, d.galat.message)); return; }
  const i = d.instansi || { n: 0 };
  if (!i.n) { sec.append(kosong(TD.kelonggaranKosong, { label: KOSONG.keStatus, href: '#/status-skp' })); return; }
  sec.append(el('p', {}, TD.kelonggaranRingkas(angka(i.n), angkaDesimal(i.rata), angkaDesimal(i.simpangan_baku))),
    gulir(TD.tabelKelonggaran, el('table', { class: 'tabel-kelonggaran' },
      el('caption', { class: 'sr-only' }, TD.kelonggaranJudul),
      el('thead', {}, el('tr', {}, [TD.kolomPenilai, TD.kolomN, TD.kolomRata, TD.kolomZ, TD.kolomArah].map((t) => el('th', { scope: 'col' }, t)))),
      el('tbody', {}, d.penilai.map((p) => el('tr', { dataset: { penilai: String(p.penilai.id) } },
        el('th', { scope: 'row' }, el('span', {}, p.penilai.nama), el('span', { class: 'ket blok' }, p.penilai.unit_kerja || ''),
          el('span', { class: 'ket blok' }, p.penjelasan)),
        el('td', { class: 'angka' }, angka(p.n)),
        el('td', { class: 'angka' }, angkaDesimal(p.rata)),
        el('td', { class: 'angka' }, p.z === null ? '—' : angkaDesimal(p.z)),
        el('td', {}, arah(p))))))),
    d.aturan && d.aturan.cara ? el('details', { class: 'penjelasan' }, el('summary', {}, TD.cara), el('p', {}, d.aturan.cara)) : null);
}

function arah(p) {
  if (!p.dinilai) return el('span', { class: 'lencana lencana-sedikit' }, TD.terlaluSedikit);
  if (p.arah === 'longgar') return el('span', { class: 'lencana lencana-longgar' }, TD.longgar);
  if (p.arah === 'ketat') return el('span', { class: 'lencana lencana-ketat' }, TD.ketat);
  return el('span', { class: 'lencana lencana-wajar' }, TD.wajar);
}

function bukti(sec, d, tahun) {
  sec.append(el('h3', { id: 'judul-bukti' }, TD.buktiJudul));
  if (d.galat) { sec.append(el('p', { class: 'kosong' }, d.galat.message)); return; }
  const r = d.ringkasan;
  sec.append(el('ul', { class: 'ringkas-bukti' }, TD.buktiRingkas({
    realisasi_tanpa_bukti: angka(r.realisasi_tanpa_bukti), realisasi_diajukan: angka(r.realisasi_diajukan),
    aktivitas_tanpa_rhk: angka(r.aktivitas_tanpa_rhk), aktivitas: angka(r.aktivitas),
    pegawai_dengan_celah: angka(r.pegawai_dengan_celah), pegawai: angka(r.pegawai) }).map((t) => el('li', {}, t))));
  if (!d.pegawai.length) { sec.append(kosong(TD.buktiKosong)); return; }
  sec.append(gulir(TD.tabelBukti, el('table', { class: 'tabel-bukti' },
    el('caption', { class: 'sr-only' }, TD.buktiJudul),
    el('thead', {}, el('tr', {}, [TD.kolomPegawai, TD.kolomRealisasiTanpa, TD.kolomAktivitasTanpa].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, d.pegawai.map((p) => el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: `#/pegawai/${p.id}/dasbor?tahun=${tahun}` }, p.nama), el('span', { class: 'ket blok' }, p.unit_kerja || '')),
      el('td', { class: 'angka' }, TD.dari(angka(p.realisasi_tanpa_bukti), angka(p.realisasi))),
      el('td', { class: 'angka' }, TD.dari(angka(p.aktivitas_tanpa_rhk), angka(p.aktivitas)))))))));
}

function talenta(sec, d, o) {
  let data = d;
  let pilih = null;   // the open box
  const grid = el('div', { class: 'wadah-9box' });
  const daftar = el('div', { class: 'daftar-kotak', hidden: true });
  const formPot = o.admin ? formPotensi() : null;
  fill(sec, el('h3', { id: 'judul-talenta' }, TD.talentaJudul), el('p', { class: 'ket' }, TD.talentaKet), grid, daftar,
    el('div', { class: 'konsisten' }), formPot);
  gambar();

  async function muatUlang() {
    data = await api('GET', `/api/v1/analitik/talenta?${o.q}`);
    gambar();
  }

  function gambar() {
    if (data.galat) { fill(grid, el('p', { class: 'kosong' }, data.galat.message)); return; }
    const kotak = (kin, pot) => data.kotak.find((x) => x.kinerja === kin && x.potensi === pot);
    fill(grid, el('table', { class: 'sembilan-kotak' },
      el('caption', {}, `${TD.talentaJudul} ${data.tahun}`),
      el('thead', {}, el('tr', {}, el('td', { class: 'sudut' }, el('span', { class: 'sr-only' }, `${TD.sumbuKinerja} / ${TD.sumbuPotensi}`)),
        TINGKAT.map((p) => el('th', { scope: 'col' }, `${TD.sumbuPotensi} ${TD.tingkat[p].toLowerCase()}`)))),
      el('tbody', {}, TINGKAT.slice().reverse().map((kin) => el('tr', {},
        el('th', { scope: 'row' }, `${TD.sumbuKinerja} ${TD.tingkat[kin].toLowerCase()}`),
        TINGKAT.map((pot) => {
          const x = kotak(kin, pot);
          const b = el('button', { type: 'button', class: `kotak kotak-${x.kotak}`, 'aria-pressed': pilih === x.kotak ? 'true' : 'false',
            dataset: { kotak: String(x.kotak) } },
            el('span', { class: 'nama-kotak' }, x.nama), ' ', el('strong', { class: 'jumlah-kotak' }, angka(x.jumlah)),
            el('span', { class: 'sr-only' }, TD.kotakSisa(TD.tingkat[kin], TD.tingkat[pot])));
          b.addEventListener('click', () => { pilih = pilih === x.kotak ? null : x.kotak; gambar(); if (pilih) daftar.querySelector('h4')?.focus(); });
          return el('td', {}, b);
        }))))),
      el('p', { class: 'ket' }, TD.tanpaData(angka(data.tanpa_predikat), angka(data.tanpa_potensi))),
      data.cara ? el('details', { class: 'penjelasan' }, el('summary', {}, TD.cara), el('p', {}, data.cara)) : null);
    const x = pilih ? data.kotak.find((k) => k.kotak === pilih) : null;
    daftar.hidden = !x;
    if (x) {
      fill(daftar, el('h4', { tabindex: -1, id: 'judul-isi-kotak' }, TD.kotakPegawai(x.nama)),
        x.pegawai.length ? el('ul', { class: 'daftar daftar-9box' }, x.pegawai.map((p) => barisPegawai(p))) : kosong(TD.kotakKosong),
        x.jumlah > x.pegawai.length ? el('p', { class: 'ket' }, TD.kotakTerbatas(angka(x.jumlah))) : null);
    }
    const kons = sec.querySelector('.konsisten');
    fill(kons, el('h4', {}, TD.konsistenJudul), el('p', { class: 'ket' }, TD.konsistenKet),
      data.konsisten_sangat_baik.length ? el('ul', { class: 'daftar' }, data.konsisten_sangat_baik.map((p) => el('li', {},
        el('a', { href: `#/pegawai/${p.id}/dasbor?tahun=${o.tahun}` }, p.nama), el('span', { class: 'ket blok' }, `NIP ${p.nip} · ${p.unit_kerja}`))))
        : kosong(TD.konsistenKosong, { label: KOSONG.kePenilaian, href: '#/penilaian' }));
  }

  function barisPegawai(p) {
    const li = el('li', { dataset: { pegawai: String(p.id) } },
      el('p', {}, el('a', { href: `#/pegawai/${p.id}/dasbor?tahun=${o.tahun}` }, p.nama)),
      el('p', { class: 'ket' }, `NIP ${p.nip} · ${p.unit_kerja}`),
      el('p', { class: 'ket' }, `${PREDIKAT[p.predikat] || p.predikat} · ${TD.potensi} ${TD.tingkat[p.potensi] || p.potensi}`));
    if (o.admin) {
      const fbox = alertBox();
      const sel = selectPotensi(p.potensi);
      const f = el('form', { class: 'form-potensi-baris', novalidate: true }, fbox,
        ...labelled(TD.ubahPotensi(p.nama), sel), el('button', { type: 'submit', class: 'kedua kecil' }, TD.simpanPotensi));
      f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
          await busy(f, () => api('PUT', `/api/v1/pegawai/${p.id}/potensi`, { tahun: o.tahun, potensi: sel.value }));
          announce(TD.potensiTersimpan(p.nama, TD.tingkat[sel.value]));
          await muatUlang();
        } catch (e) { showProblem(fbox, e, f); }
      });
      li.append(f);
    }
    return li;
  }

  function formPotensi() {
    const fbox = alertBox();
    const cari = el('input', { type: 'search', autocomplete: 'off' });
    const hasil = el('p', { class: 'ket', role: 'status' });
    const peg = el('select', { 'data-field': 'pegawai' }, el('option', { value: '' }, TD.pilihPegawaiKosong));
    const sel = selectPotensi('');
    const catatan = el('textarea', { rows: 2, maxlength: 2000, 'data-field': 'catatan' });
    const f = el('form', { class: 'panel form-potensi', novalidate: true, 'aria-labelledby': 'judul-potensi' },
      el('h4', { id: 'judul-potensi' }, TD.potensiJudul), el('p', { class: 'ket' }, TD.potensiKet), fbox,
      ...labelled(TD.cariPegawai, cari), hasil, ...labelled(TD.pilihPegawai, peg), ...labelled(TD.potensi, sel), ...labelled(TD.catatanPotensi, catatan),
      el('button', { type: 'submit' }, TD.simpanPotensi));
    let t;
    cari.addEventListener('input', () => {
      clearTimeout(t);
      t = setTimeout(async () => {
        const qq = cari.value.trim();
        if (qq.length < 2) return;
        try {
          const d = await api('GET', `/api/v1/pegawai?limit=20&q=${encodeURIComponent(qq)}`);
          fill(peg, el('option', { value: '' }, TD.pilihPegawaiKosong), d.items.map((p) => el('option', { value: String(p.id) }, `${p.nama_lengkap} — ${p.nip}`)));
          if (d.items.length === 1) peg.value = String(d.items[0].id);
          hasil.textContent = TD.hasilCari(angka(d.items.length));
        } catch (e) { showProblem(fbox, e); }
      }, 250);
    });
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        if (!peg.value) throw galatLokal('pegawai', TD.pegawaiWajib);
        const body = { tahun: o.tahun, potensi: sel.value };
        if (catatan.value.trim()) body.catatan = catatan.value.trim();
        const nama = peg.selectedOptions[0].textContent.split(' — ')[0];
        await busy(f, () => api('PUT', `/api/v1/pegawai/${peg.value}/potensi`, body));
        showAlert(fbox, '');
        catatan.value = '';
        announce(TD.potensiTersimpan(nama, TD.tingkat[sel.value]));
        await muatUlang();
      } catch (e) { showProblem(fbox, e, f); }
    });
    return f;
  }
}

function selectPotensi(nilai) {
  const s = el('select', { 'data-field': 'potensi', id: nextId('potensi') }, el('option', { value: '' }, TD.pilihPotensi),
    TINGKAT.map((t) => el('option', { value: t }, TD.tingkat[t])));
  s.value = nilai || '';
  return s;
}
