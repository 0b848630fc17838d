// tpp-aturan.js: one TPP rule table (#/admin/tpp/aturan/{id}).  A draft is edited in a form that
// reads like the table: rupiah per kelas jabatan 1-17, the kinerja/disiplin split, pay % per
// predikat, the deduction rows (add/remove), caps and where deductions apply; the API's field
// errors (aturan.potongan[1].menit_dari) sit next to the row's field.  A draft is activated from a
// month (confirmed) and can be simulated against a computed month (what-if: total now vs with
// this table, the difference, per unit).  An active table is read-only, with "Salin untuk diubah".
import { api } from './api.js';
import { PREDIKAT } from './teks.js';
import { el, put, labelled, badge, alertBox, showProblem, busy, announce, radioGroup, nextId, clearErrors } from './ui.js';
import { tolakBila } from './admin-dasar.js';
import { wajibPengelola, bolehUbah } from './tpp-admin.js';
import {
  TT, JENIS_POTONGAN, PRESET, rupiah, selisih, persenTeks, persenIsian, persenKeIsian, rupiahIsian, rupiahKeIsian,
  namaBulan, ym, bulanLalu,
} from './teks-tpp.js';

const KELAS = Array.from({ length: 17 }, (_, i) => i + 1);
const URUT_PREDIKAT = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];
const PER_HARI = new Set(['tk', 'tam', 'tap']);

export async function tppAturan(root, ctx, params) {
  if (!wajibPengelola(root, ctx)) return;
  let t;
  try { t = await api('GET', `/api/v1/tpp/aturan/${Number(params[0])}`); } catch (e) { tolakBila(root, e); return; }
  const draft = t.status === 'draft';
  const admin = bolehUbah(ctx);
  put(root, el('p', { class: 'jejak' }, el('a', { href: '#/admin/tpp' }, `← ${TT.keHub}`)),
    el('h2', {}, TT.aturanHal(t.nama)),
    el('p', { class: 'status-baris' }, badge(draft ? 'draft' : 'disetujui', '', draft ? 'Draf' : 'Aktif'),
      el('span', {}, draft ? TT.draftKet : TT.aktifKet(namaBulan(t.berlaku_mulai || '')))),
    t.dari_preset ? el('p', { class: 'ket' }, TT.dariPreset(PRESET[t.dari_preset] || t.dari_preset)) : null);
  if (draft && admin) {
    root.append(editor(ctx, t), aktifkan(ctx, t));
    root.append(await simulasi(t));
    return;
  }
  if (admin) {
    const box = alertBox();
    const salin = el('button', { type: 'button', class: 'kedua' }, TT.salinUbah);
    salin.addEventListener('click', () => busy(root, async () => {
      try {
        const r = await api('POST', '/api/v1/tpp/aturan', { nama: TT.namaSalinan(t.nama).slice(0, 96), salin_dari: t.id });
        ctx.go(`#/admin/tpp/aturan/${r.id}`, TT.dibuat(r.nama));
      } catch (e) { showProblem(box, e); }
    }));
    root.append(el('div', { class: 'aksi' }, salin), box);
  }
  root.append(bacaSaja(t.aturan));
}

// ------------------------------------------------------------------ the editor of a draft

function isianRupiah(v, field, label) {
  const i = el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: rupiahKeIsian(v), 'data-field': field });
  i.addEventListener('blur', () => {
    const n = rupiahIsian(i.value);
    if (Number.isInteger(n)) i.value = rupiahKeIsian(n);
  });
  return el('div', {}, ...labelled(label, i));
}

function isianPersen(v, field, label, hint) {
  const i = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: persenKeIsian(v), 'data-field': field });
  return el('div', {}, ...labelled(label, i, hint));
}

function editor(ctx, t) {
  const a = t.aturan;
  const box = alertBox();
  const nama = el('input', { type: 'text', maxlength: 96, value: t.nama, 'data-field': 'nama', autocomplete: 'off' });
  const besaran = el('fieldset', { class: 'isian-kelas', 'data-field': 'aturan.besaran_kelas', 'data-legend': TT.besaranJudul },
    el('legend', {}, TT.besaranJudul), el('p', { class: 'ket' }, TT.besaranKet),
    el('div', { class: 'kisi-kelas' }, KELAS.map((k) => isianRupiah(a.besaran_kelas ? a.besaran_kelas[String(k)] : null, `aturan.besaran_kelas.${k}`, TT.kelas(k)))));
  const porsi = el('fieldset', { 'data-legend': TT.porsiJudul }, el('legend', {}, TT.porsiJudul), el('p', { class: 'ket' }, TT.porsiKet),
    el('div', { class: 'dua-kolom' }, isianPersen(a.porsi_kinerja, 'aturan.porsi_kinerja', TT.porsiKinerja),
      isianPersen(a.porsi_disiplin, 'aturan.porsi_disiplin', TT.porsiDisiplin)));
  const bayar = el('fieldset', { 'data-field': 'aturan.bayar_predikat', 'data-legend': TT.bayarJudul }, el('legend', {}, TT.bayarJudul),
    el('p', { class: 'ket' }, TT.bayarKet),
    el('div', { class: 'dua-kolom' }, URUT_PREDIKAT.map((p) => isianPersen(a.bayar_predikat ? a.bayar_predikat[p] : '', `aturan.bayar_predikat.${p}`, TT.bayarLabel(PREDIKAT[p])))));

  // deduction rows: a model re-read from the inputs before every re-render (add/remove)
  let rows = (a.potongan || []).map((r) => ({ ...r }));
  const wadahBaris = el('div', { class: 'baris-potongan' });
  const baca = () => {
    wadahBaris.querySelectorAll('fieldset.baris').forEach((fs, i) => {
      const v = (n) => fs.querySelector(`[data-name="${n}"]`).value;
      rows[i] = { ...rows[i], kode: v('kode').trim(), jenis: v('jenis'), menit_dari: v('menit_dari'), menit_sampai: v('menit_sampai'),
        persen: v('persen'), keterangan: v('keterangan').trim(), _isian: true };
    });
  };
  const gambar = () => {
    wadahBaris.replaceChildren(...rows.map((r, i) => barisPotongan(r, i, () => {
      baca();
      const [hapus] = rows.splice(i, 1);
      gambar();
      announce(TT.barisDihapus(hapus.kode));
      (wadahBaris.querySelectorAll('fieldset.baris')[Math.min(i, rows.length - 1)]?.querySelector('input') || tambah).focus();
    })));
  };
  const tambah = el('button', { type: 'button', class: 'kedua' }, TT.tambahBaris);
  tambah.addEventListener('click', () => {
    baca();
    rows.push({ kode: '', jenis: 'tl', menit_dari: '', menit_sampai: '', persen: '', keterangan: '' });
    gambar();
    wadahBaris.lastElementChild.querySelector('input').focus();
  });
  gambar();
  const potongan = el('fieldset', { class: 'potongan-tpp', 'data-field': 'aturan.potongan', 'data-legend': TT.potonganJudul },
    el('legend', {}, TT.potonganJudul), el('p', { class: 'ket' }, TT.potonganKet), wadahBaris, tambah);

  const dikenakan = radioGroup({ legend: TT.dikenakan, field: 'aturan.potongan_dikenakan_pada', options: TT.dikenakanOpsi, value: a.potongan_dikenakan_pada || 'disiplin' });
  const tanpa = radioGroup({ legend: TT.tanpaPresensi, field: 'aturan.tanpa_presensi', options: TT.tanpaPresensiOpsi, value: a.tanpa_presensi || 'tk' });
  const batas = el('fieldset', { 'data-legend': TT.batasJudul }, el('legend', {}, TT.batasJudul),
    el('div', { class: 'dua-kolom' }, isianPersen(a.batas_harian, 'aturan.batas_harian', TT.batasHarian, TT.batasHarianKet),
      isianPersen(a.batas_bulanan, 'aturan.batas_bulanan', TT.batasBulanan)),
    dikenakan, tanpa);

  const simpan = el('button', { type: 'submit' }, TT.simpanTabel);
  const form = el('form', { class: 'form-aturan', novalidate: true, 'aria-label': TT.simpanTabel },
    ...labelled(TT.namaTabel, nama), besaran, porsi, bayar, potongan, batas, lainnya(a), box, simpan);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    baca();
    busy(form, async () => {
      try {
        const aturan = kumpulkan(form, a, rows, dikenakan.nilai(), tanpa.nilai());
        await api('PATCH', `/api/v1/tpp/aturan/${t.id}`, { nama: nama.value.trim(), aturan });
        clearErrors(form);
        box.hidden = true;
        announce(TT.tabelDisimpan);
      } catch (e) { showProblem(box, e, form); }
    });
  });
  return form;
}

function barisPotongan(r, i, hapus) {
  const p = `aturan.potongan[${i}]`;
  const inp = (name, value, props = {}) => el('input', { type: 'text', autocomplete: 'off', value: value ?? '', 'data-field': `${p}.${name}`, 'data-name': name, ...props });
  const kode = inp('kode', r.kode, { maxlength: 15 });
  const jenis = el('select', { 'data-field': `${p}.jenis`, 'data-name': 'jenis' },
    Object.entries(JENIS_POTONGAN).map(([v, t]) => el('option', { value: v, selected: v === r.jenis }, t)));
  const dari = inp('menit_dari', r.menit_dari, { inputmode: 'numeric' });
  const sampai = inp('menit_sampai', r.menit_sampai, { inputmode: 'numeric' });
  const persen = inp('persen', r._isian ? r.persen : persenKeIsian(r.persen), { inputmode: 'decimal' });
  const ket = inp('keterangan', r.keterangan, { maxlength: 159 });
  const wMenit = el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TT.menitDari, dari)),
    el('div', {}, ...labelled(TT.menitSampai, sampai, TT.menitSampaiKet)));
  const legend = el('legend', {}, TT.baris(i + 1, r.kode));
  const fs = el('fieldset', { class: 'baris', 'data-field': p, 'data-legend': TT.baris(i + 1, r.kode) }, legend,
    el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TT.kodeBaris, kode)), el('div', {}, ...labelled(TT.jenisBaris, jenis))),
    wMenit,
    el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TT.persenBaris, persen)), el('div', {}, ...labelled(TT.ketBaris, ket))),
    el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': TT.hapusBaris(i + 1, r.kode), on: { click: hapus } }, TT.hapusSanksi));
  const perHari = () => { wMenit.hidden = PER_HARI.has(jenis.value); };
  jenis.addEventListener('change', perHari);
  kode.addEventListener('change', () => {
    legend.textContent = TT.baris(i + 1, kode.value.trim());
    fs.dataset.legend = legend.textContent;
  });
  perHari();
  return fs;
}

/** bayar_nilai and sanction kinds are kept as they are (shown, not edited here). */
function lainnya(a) {
  const parts = [];
  if (Array.isArray(a.bayar_nilai) && a.bayar_nilai.length) {
    parts.push(el('h4', {}, TT.nilaiJudul), el('ul', { class: 'penjelasan' }, a.bayar_nilai.map((b) => el('li', {}, TT.nilaiBaris(b)))));
  }
  if (Array.isArray(a.sanksi) && a.sanksi.length) {
    parts.push(el('h4', {}, TT.sanksiJenisJudul), el('ul', { class: 'penjelasan' }, a.sanksi.map((s) => el('li', {}, TT.sanksiBaris(s)))));
  }
  return parts.length ? el('div', { class: 'panel' }, parts) : null;
}

/** The table as the API reads it, from the form; local errors (not a number) as a 422 problem. */
function kumpulkan(form, lama, rows, dikenakan, tanpa) {
  const errors = [];
  const nilai = (f) => form.querySelector(`[data-field="${f}"]`).value;
  const persen = (f, bolehKosong) => {
    const v = persenIsian(nilai(f));
    if (v === '') { if (bolehKosong) return null; errors.push({ field: f, message: TT.wajibAngka }); return ''; }
    return v;
  };
  const besaran = {};
  for (const k of KELAS) {
    const f = `aturan.besaran_kelas.${k}`;
    const n = rupiahIsian(nilai(f));
    if (n === null) continue;
    if (!Number.isInteger(n)) errors.push({ field: f, message: 'harus rupiah bulat, misalnya 3.500.000' });
    else besaran[String(k)] = n;
  }
  const bayar = {};
  for (const p of URUT_PREDIKAT) bayar[p] = persen(`aturan.bayar_predikat.${p}`);
  const menit = (v, f, bolehKosong) => {
    const s = String(v ?? '').trim();
    if (s === '') { if (!bolehKosong) errors.push({ field: f, message: TT.wajibAngka }); return null; }
    if (!/^\d+$/.test(s)) { errors.push({ field: f, message: 'harus bilangan bulat menit' }); return null; }
    return Number(s);
  };
  const potongan = rows.map((r, i) => {
    const f = `aturan.potongan[${i}]`;
    const x = { kode: r.kode, jenis: r.jenis, persen: persenIsian(r.persen) };
    if (x.persen === '') errors.push({ field: `${f}.persen`, message: TT.wajibAngka });
    if (!PER_HARI.has(r.jenis)) {
      x.menit_dari = menit(r.menit_dari, `${f}.menit_dari`, false);
      x.menit_sampai = menit(r.menit_sampai, `${f}.menit_sampai`, true);
    }
    if (r.keterangan) x.keterangan = r.keterangan;
    return x;
  });
  const aturan = {
    ...lama,
    besaran_kelas: besaran,
    porsi_kinerja: persen('aturan.porsi_kinerja'),
    porsi_disiplin: persen('aturan.porsi_disiplin'),
    bayar_predikat: bayar,
    potongan,
    batas_harian: persen('aturan.batas_harian', true),
    batas_bulanan: persen('aturan.batas_bulanan'),
    potongan_dikenakan_pada: dikenakan,
    tanpa_presensi: tanpa,
  };
  delete aturan.preset;
  if (errors.length) {
    const err = new Error(TT.wajibAngka);
    err.status = 422;
    err.problem = { errors };
    throw err;
  }
  return aturan;
}

// ------------------------------------------------------------------ activation, what-if

function aktifkan(ctx, t) {
  const box = alertBox();
  const bulan = el('input', { type: 'month', min: '2000-01', max: '2100-12', 'data-field': 'berlaku_mulai', value: bulanLalu() });
  const form = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'judul-aktifkan' },
    el('h3', { id: 'judul-aktifkan' }, TT.aktifkanJudul), el('p', { class: 'ket' }, TT.aktifkanKet),
    ...labelled(TT.berlakuBulan, bulan), box, el('button', { type: 'submit' }, TT.aktifkan));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!/^\d{4}-\d{2}$/.test(bulan.value)) { showProblem(box, { status: 422, message: TT.wajibBulan, problem: { errors: [{ field: 'berlaku_mulai', message: TT.wajibBulan }] } }, form); return; }
    if (!window.confirm(TT.konfirmasiAktifkan(t.nama, namaBulan(bulan.value)))) return;
    busy(form, async () => {
      try {
        await api('POST', `/api/v1/tpp/aturan/${t.id}/aktifkan`, { berlaku_mulai: bulan.value });
        ctx.go(location.hash, TT.diaktifkan(namaBulan(bulan.value)));
      } catch (e) { showProblem(box, e, form); }
    });
  });
  return form;
}

async function simulasi(t) {
  let awal = bulanLalu();
  try {
    const d = await api('GET', '/api/v1/tpp/bulan');
    if (d.items.length) awal = ym(d.items[0].tahun, d.items[0].bulan);
  } catch { /* the list is only a default */ }
  const box = alertBox();
  const bulan = el('input', { type: 'month', min: '2000-01', max: '2100-12', 'data-field': 'bulan', value: awal });
  const hasil = el('div', { class: 'hasil-simulasi', 'aria-live': 'polite' });
  const form = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'judul-simulasi' },
    el('h3', { id: 'judul-simulasi' }, TT.simulasiJudul), el('p', { class: 'ket' }, TT.simulasiKet),
    ...labelled(TT.simulasiBulan, bulan), box, el('button', { type: 'submit' }, TT.simulasikan), hasil);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      hasil.replaceChildren();
      try {
        if (!/^\d{4}-\d{2}$/.test(bulan.value)) throw Object.assign(new Error(TT.wajibBulan), { status: 422, problem: { errors: [{ field: 'bulan', message: TT.wajibBulan }] } });
        const s = await api('POST', `/api/v1/tpp/aturan/${t.id}/simulasi`, { bulan: bulan.value });
        clearErrors(form);
        box.hidden = true;
        hasil.append(tampilSimulasi(s));
        announce(TT.simSelesai);
      } catch (e) { showProblem(box, e, form); }
    });
  });
  return form;
}

function tampilSimulasi(s) {
  const b = namaBulan(s.tahun, s.bulan);
  const kelas = (n) => (n > 0 ? 'naik' : n < 0 ? 'turun' : null);
  const idTabel = nextId('sim');
  return el('div', {},
    el('div', { class: 'ringkasan' }, el('h4', {}, b), el('ul', {},
      el('li', {}, el('strong', {}, s.jumlah_sekarang === null ? TT.kosong : rupiah(s.jumlah_sekarang)), TT.simSekarang,
        s.jumlah_sekarang === null ? el('span', { class: 'kecil-label' }, TT.simBelum) : null),
      el('li', {}, el('strong', {}, rupiah(s.jumlah)), TT.simBaru),
      el('li', { class: `selisih-tpp ${kelas(s.selisih) || ''}`.trim() }, el('strong', {}, s.selisih === null ? TT.kosong : selisih(s.selisih)), TT.simSelisih))),
    el('p', { class: 'ket' }, TT.simPegawai(s.pegawai)),
    Array.isArray(s.per_unit) && s.per_unit.length ? el('h4', { id: idTabel }, TT.simUnit) : null,
    Array.isArray(s.per_unit) && s.per_unit.length ? el('div', { class: 'gulir-tpp' }, el('table', { class: 'tabel-status tabel-tpp', 'aria-labelledby': idTabel },
      el('thead', {}, el('tr', {}, [TT.kUnit, TT.kSekarang, TT.kSimulasi, TT.kSelisih].map((x) => el('th', { scope: 'col' }, x)))),
      el('tbody', {}, s.per_unit.map((u) => el('tr', {},
        el('th', { scope: 'row', 'data-label': TT.kUnit }, u.nama),
        el('td', { 'data-label': TT.kSekarang, class: 'angka' }, u.sekarang === null ? TT.kosong : rupiah(u.sekarang)),
        el('td', { 'data-label': TT.kSimulasi, class: 'angka' }, rupiah(u.simulasi)),
        el('td', { 'data-label': TT.kSelisih, class: `angka ${kelas(u.selisih) || ''}`.trim() }, u.selisih === null ? TT.kosong : selisih(u.selisih))))))) : null);
}

// ------------------------------------------------------------------ read-only (active tables)

function bacaSaja(a) {
  const bes = a.besaran_kelas || {};
  return el('div', { class: 'aturan-baca' },
    el('h3', {}, TT.besaranJudul),
    el('div', { class: 'gulir-tpp' }, el('table', { class: 'tabel-tpp tabel-kelas' },
      el('caption', { class: 'sr-only' }, TT.besaranTabel),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, TT.kKelas), el('th', { scope: 'col' }, TT.kBesaranRp))),
      el('tbody', {}, KELAS.map((k) => el('tr', {}, el('th', { scope: 'row' }, String(k)),
        el('td', { class: 'angka' }, bes[String(k)] !== undefined ? rupiah(bes[String(k)]) : TT.belumDiisi)))))),
    el('h3', {}, TT.porsiJudul),
    el('p', {}, `${TT.porsiKinerja.replace(' (%)', '')}: ${persenTeks(a.porsi_kinerja)}; ${TT.porsiDisiplin.replace(' (%)', '')}: ${persenTeks(a.porsi_disiplin)}`),
    el('h3', {}, TT.bayarJudul),
    el('ul', { class: 'penjelasan' }, URUT_PREDIKAT.map((p) => el('li', {}, `${PREDIKAT[p]}: ${persenTeks(a.bayar_predikat && a.bayar_predikat[p])}`))),
    el('h3', {}, TT.potonganJudul),
    el('div', { class: 'gulir-tpp' }, el('table', { class: 'tabel-status tabel-tpp' },
      el('caption', { class: 'sr-only' }, TT.kPotonganTabel),
      el('thead', {}, el('tr', {}, [TT.kodeBaris, TT.jenisBaris, TT.kRentang, TT.persenBaris, TT.ketBaris].map((x) => el('th', { scope: 'col' }, x)))),
      el('tbody', {}, (a.potongan || []).map((r) => el('tr', {},
        el('th', { scope: 'row', 'data-label': TT.kodeBaris }, r.kode),
        el('td', { 'data-label': TT.jenisBaris }, JENIS_POTONGAN[r.jenis] || r.jenis),
        el('td', { 'data-label': TT.kRentang }, TT.rentang(r.menit_dari, r.menit_sampai)),
        el('td', { 'data-label': TT.persenBaris, class: 'angka' }, persenTeks(r.persen)),
        el('td', { 'data-label': TT.ketBaris }, r.keterangan || TT.kosong)))))),
    el('h3', {}, TT.batasJudul),
    el('ul', { class: 'penjelasan' },
      el('li', {}, `${TT.batasHarian.replace(' (%)', '')}: ${a.batas_harian === null || a.batas_harian === undefined ? TT.tanpaBatas : persenTeks(a.batas_harian)}`),
      el('li', {}, `${TT.batasBulanan.replace(' (%)', '')}: ${persenTeks(a.batas_bulanan)}`),
      el('li', {}, `${TT.dikenakan}: ${(TT.dikenakanOpsi.find(([v]) => v === a.potongan_dikenakan_pada) || [, a.potongan_dikenakan_pada])[1]}`),
      el('li', {}, `${TT.tanpaPresensi}: ${(TT.tanpaPresensiOpsi.find(([v]) => v === a.tanpa_presensi) || [, a.tanpa_presensi])[1]}`)),
    lainnya(a));
}
